/**
 * Roles through the Promise API on PostgreSQL: for generated datasets with participants, what each
 * organ led, took part in or either, and the organ × role breakdown, as `client.tabulate` gives them
 * from JSON requests, equal the reference engine's.
 */
import { Client, Dataset, Registry, Tabulate, Tabulation } from "@hdnd/core"
import { Arbitraries, Laws } from "@hdnd/testkit"
import * as Result from "effect/Result"
import fc from "fast-check"
import { expect, it } from "vitest"
import { describePg, freshLayer } from "./utils/postgres.js"

describePg("roles on PostgreSQL", () => {
  it("Promise client on PostgreSQL: led by, took part, involved and by organ × role equal the reference", async () => {
    const samples = fc.sample(fc.tuple(Arbitraries.datasetArb({ maxActivities: 40 }), Laws.requestArb()), { numRuns: 4, seed: 14 })
    for (const [g, base] of samples) {
      const batch = Arbitraries.toBatch(g)
      const client = await Client.HdndClient.open({ store: freshLayer() })
      try {
        await client.load(Client.encodeBatch(batch))
        const organs = [...g.world.organsByCouncil.values()].flat().map((o) => o.id as string)
        const requests = [
          { ...base, groupBy: ["organ", "role"] },
          ...organs.slice(0, 4).flatMap((o) => [{ ledBy: [o] }, { tookPart: [o] }, { involved: [o] }].map((filter) => ({ ...base, groupBy: ["role"], filter })))
        ]
        for (const request of requests) {
          const got = await client.tabulate(JSON.parse(JSON.stringify(request)))
          const want = Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(batch), Registry.builtin, request as never))
          expect(Tabulation.toCanonical(got)).toEqual(Tabulation.toCanonical(want))
        }
      } finally {
        await client.close()
      }
    }
  })
})
