/**
 * A tabulation on SQLite (issue #17): on a warm cache two statements, the check (the structure's
 * version, whether some tally matches) and the query, where it was three (the version, the query, the
 * tallies whether or not one matched); another store's structure write on the same database is
 * counted by the next tabulation of a store whose cache is warm.
 */
import { Activity, AdminUnit, CalendarDate, Council, Dataset, Indicators, Registry, Store, Tabulate, Tabulation, TabulationRequest } from "@hdnd/core"
import { Database, Dialect, SqlStore } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { SqliteStore } from "../src/index.js"
import { batch, COUNCIL, structure } from "./fixtures/world.js"

const d = CalendarDate.date
const request = (scope: TabulationRequest.Scope): TabulationRequest.TabulationRequest => ({
  indicators: [Indicators.ids.survey, Indicators.ids.citizenReception],
  scope,
  period: { from: d("2022-01-01"), to: d("2022-12-31") },
  groupBy: ["kind", "month"]
})
const province = TabulationRequest.subtree("u14" as never, d("2022-06-01"))

const commune: Dataset.Batch = {
  units: [new AdminUnit.AdminUnit({ id: "u14001" as never, code: "14001", name: "Xã Một", type: "xa", parent: "u14" as never, validity: { from: d("2016-01-01") } })],
  councils: [new Council.Council({ id: "c-u14001" as never, unit: "u14001" as never, name: "HĐND xã Một", validity: { from: d("2016-01-01") } })],
  organs: [new Council.Organ({ id: "c-u14001.hdnd" as never, council: "c-u14001" as never, kind: "plenary", name: "Hội đồng nhân dân", validity: { from: d("2016-01-01") } })],
  activities: Array.from(
    { length: 4 },
    (_, i) =>
      new Activity.Activity({
        id: `c-u14001-a${i}` as never,
        council: "c-u14001" as never,
        kind: "survey" as never,
        owner: "c-u14001.hdnd" as never,
        organisers: ["c-u14001.hdnd"] as never,
        date: { from: d("2022-03-01"), to: d("2022-03-01") },
        title: `Khảo sát ${i}`
      })
  )
}

const reference = (batches: ReadonlyArray<Dataset.Batch>, req: TabulationRequest.TabulationRequest): Tabulation.Tabulation => {
  const all: Record<string, Array<unknown>> = {}
  for (const b of batches) for (const [k, v] of Object.entries(b)) all[k] = [...(all[k] ?? []), ...(v as Array<unknown>)]
  return Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(all as Dataset.Batch), Registry.builtin, req))
}

describe("sqlite: tabulation round trips", () => {
  it("a warm tabulation is two statements (no tallies read); another store's structure write is counted next", async () => {
    const r = await Effect.runPromise(
      Effect.gen(function* () {
        const writer = yield* Store.Store
        const db = yield* Database.Database
        yield* writer.upsert(structure())
        yield* writer.upsert(batch(1, 200))
        const statements: Array<string> = []
        const counting: Database.DatabaseService = {
          ...db,
          query: (text, params) => Effect.suspend(() => (statements.push(text), db.query(text, params)))
        }
        const reader = yield* SqlStore.make({ dialect: Dialect.sqlite }).pipe(Effect.provideService(Database.Database, counting))
        const before = yield* reader.tabulate(request(province))
        statements.length = 0
        yield* reader.tabulate(request(TabulationRequest.councils([COUNCIL as never])))
        const warm = statements.length
        yield* writer.upsert(commune)
        const after = yield* reader.tabulate(request(province))
        return { before, warm, after }
      }).pipe(Effect.provide(SqliteStore.layer({ filename: ":memory:" })))
    )
    expect(r.warm).toBe(2)
    const surveys = (t: Tabulation.Tabulation) => Tabulation.valueOf(t, Indicators.ids.survey).value
    expect(surveys(r.after)).toBe(surveys(r.before) + 4)
    const want = reference([structure(), batch(1, 200), commune], request(province))
    if (!Tabulation.equals(r.after, want)) expect(Tabulation.toCanonical(r.after)).toEqual(Tabulation.toCanonical(want))
  })
})
