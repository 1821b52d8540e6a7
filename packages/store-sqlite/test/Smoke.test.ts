import { Dataset, Registry, Store, Tabulate, Tabulation } from "@hdnd/core"
import { Arbitraries, Laws } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { SqliteStore } from "../src/index.js"

describe("sqlite smoke", () => {
  it("tabulates like the reference", async () => {
    const samples = fc.sample(fc.tuple(Arbitraries.datasetArb(), fc.array(Laws.requestArb(), { minLength: 5, maxLength: 5 })), { numRuns: 30, seed: 1 })
    for (const [g, reqs] of samples) {
      const batch = Arbitraries.toBatch(g)
      const program = Effect.gen(function* () {
        const store = yield* Store.Store
        const r = yield* store.upsert(batch)
        expect(r.inserted).toBeGreaterThan(0)
        for (const req of reqs) {
          const got = yield* store.tabulate(req)
          const want = Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(batch), Registry.builtin, req))
          if (!Tabulation.equals(got, want)) {
            expect(Tabulation.toCanonical(got)).toEqual(Tabulation.toCanonical(want))
          }
        }
      })
      await Effect.runPromise(Effect.provide(program, SqliteStore.layer({ filename: ":memory:" })))
    }
  })
})
