/**
 * Concurrency (issue #3 §5): eight connections writing to PostgreSQL at once lose no write and
 * surface no error; tabulations running meanwhile never fail and only ever see whole batches; a
 * batch re-sent by every writer at the same time is stored once.
 */
import type { Errors } from "@hdnd/core"
import { Dataset, Indicators, Registry, Store, Tabulate, Tabulation, TabulationRequest } from "@hdnd/core"
import { Database } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Result from "effect/Result"
import { expect, it } from "vitest"
import { batch, COUNCIL, structure } from "../../store-sqlite/test/fixtures/world.js"
import { describePg } from "./utils/postgres.js"
import { dropSchema, newSchemaName, schemaLayer } from "./utils/shared.js"

const WRITERS = 8
const BATCHES_PER_WRITER = 6
const SIZE = 500
const SHARED = 9000

type Runtime = ManagedRuntime.ManagedRuntime<Store.Store | Database.Database, Errors.StoreError>

const request: TabulationRequest.TabulationRequest = {
  indicators: [Indicators.ids.survey, Indicators.ids.citizenReception],
  scope: TabulationRequest.councils([COUNCIL as never]),
  period: { from: "2021-01-01" as never, to: "2024-12-31" as never }
}

/** Batch numbers of writer `w`. */
const batchesOf = (w: number) => Array.from({ length: BATCHES_PER_WRITER }, (_, i) => w * 100 + i)

/** Writer `w`: its own batches one after another, and the shared batch in the middle. */
const writer = (w: number) =>
  Effect.gen(function* () {
    const store = yield* Store.Store
    const results: Array<{ n: number; r: Store.UpsertResult }> = []
    for (const [i, n] of batchesOf(w).entries()) {
      if (i === BATCHES_PER_WRITER / 2) results.push({ n: SHARED, r: yield* store.upsert(batch(SHARED, SIZE)) })
      results.push({ n, r: yield* store.upsert(batch(n, SIZE)) })
    }
    return results
  })

/** Tabulates until `done()`, checking each result shows whole batches and never shrinks. */
const tabulateWhile = (done: () => boolean) =>
  Effect.gen(function* () {
    const store = yield* Store.Store
    let runs = 0
    let last = 0
    do {
      const t = yield* store.tabulate(request)
      const surveys = Tabulation.valueOf(t, Indicators.ids.survey).value
      const receptions = Tabulation.valueOf(t, Indicators.ids.citizenReception).value
      // Each batch holds SIZE / 2 surveys and SIZE / 2 citizen receptions, committed together.
      expect(surveys % (SIZE / 2), `surveys counted while writing: ${surveys}`).toBe(0)
      expect(receptions, "one query sees one snapshot: as many receptions as surveys").toBe(surveys)
      expect(surveys, "committed activities never disappear").toBeGreaterThanOrEqual(last)
      last = surveys
      runs++
    } while (!done())
    return runs
  })

/** Counts each batch's activities and organisers (entries of their organiser arrays) in the schema. */
const perBatch = (schema: string) =>
  Effect.gen(function* () {
    const sql = yield* Database.Database
    const rows = yield* sql.query<{ n: string; a: unknown; o: unknown }>(
      `SELECT split_part(a.id, '-', 1) AS n, COUNT(*) AS a, SUM(json_array_length(a.organisers::json)) AS o
       FROM "${schema}".activities a GROUP BY n`
    )
    return new Map(rows.map((r) => [Number(r.n.slice(1)), { activities: Number(r.a), organisers: Number(r.o) }]))
  })

const organiserRowsOfBatch = (n: number) => batch(n, SIZE).activities!.reduce((s, a) => s + a.organisers.length, 0)

const expectAllPresent = async (rt: Runtime, schema: string, numbers: ReadonlyArray<number>) => {
  const counts = await rt.runPromise(perBatch(schema))
  expect([...counts.keys()].sort((a, b) => a - b)).toEqual([...numbers].sort((a, b) => a - b))
  for (const n of numbers) expect(counts.get(n), `batch ${n}`).toEqual({ activities: SIZE, organisers: organiserRowsOfBatch(n) })
  expect(await rt.runPromise(Effect.flatMap(Store.Store, (s) => s.count("activities")))).toBe(numbers.length * SIZE)
}

const allNumbers = () => [...Array.from({ length: WRITERS }, (_, w) => batchesOf(w)).flat(), SHARED]

const expectResults = (results: ReadonlyArray<ReadonlyArray<{ n: number; r: Store.UpsertResult }>>) => {
  const shared = results.flat().filter((x) => x.n === SHARED).map((x) => x.r)
  expect(shared).toHaveLength(WRITERS)
  // Exactly one writer inserted the shared batch; the others found it unchanged.
  expect(shared.filter((r) => r.inserted === SIZE && r.updated === 0 && r.unchanged === 0)).toHaveLength(1)
  expect(shared.filter((r) => r.inserted === 0 && r.updated === 0 && r.unchanged === SIZE)).toHaveLength(WRITERS - 1)
  for (const { n, r } of results.flat()) if (n !== SHARED) expect(r, `batch ${n}`).toEqual({ inserted: SIZE, updated: 0, unchanged: 0 })
}

/** The reference tabulation of everything written. */
const reference = () => {
  const all: Dataset.Batch = { ...structure(), activities: allNumbers().flatMap((n) => batch(n, SIZE).activities!) }
  return Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(all), Registry.builtin, request))
}

describePg("PostgreSQL: concurrent writers", () => {
  it("eight fibers on one pool of eight connections lose no write; tabulations meanwhile never fail", { timeout: 180_000 }, async () => {
    const schema = newSchemaName()
    const writers = ManagedRuntime.make(schemaLayer({ schema, maxConnections: WRITERS, drop: false }))
    try {
      await writers.runPromise(Effect.flatMap(Store.Store, (s) => s.upsert(structure())))
      const readers = ManagedRuntime.make(schemaLayer({ schema, maxConnections: 2, drop: false }))
      try {
        let finished = false
        const writing = writers
          .runPromise(Effect.all(Array.from({ length: WRITERS }, (_, w) => writer(w)), { concurrency: WRITERS }))
          .finally(() => {
            finished = true
          })
        const [results, tabulations] = await Promise.all([writing, readers.runPromise(tabulateWhile(() => finished))])
        expect(tabulations).toBeGreaterThanOrEqual(1)
        expectResults(results)
        await expectAllPresent(writers, schema, allNumbers())
        const t = await readers.runPromise(Effect.flatMap(Store.Store, (s) => s.tabulate(request)))
        expect(Tabulation.valueOf(t, Indicators.ids.survey).value).toBe((allNumbers().length * SIZE) / 2)
        const want = reference()
        if (!Tabulation.equals(t, want)) expect(Tabulation.toCanonical(t)).toEqual(Tabulation.toCanonical(want))
      } finally {
        await readers.dispose()
      }
    } finally {
      await writers.dispose()
      await dropSchema(schema)
    }
  })

  it("eight separate pools (like eight processes) on one schema lose no write", { timeout: 180_000 }, async () => {
    const schema = newSchemaName()
    // The schema is created and migrated first; concurrent first opens are the next test.
    const first = ManagedRuntime.make(schemaLayer({ schema, maxConnections: 1, drop: false }))
    const pools: Array<Runtime> = []
    try {
      await first.runPromise(Effect.flatMap(Store.Store, (s) => s.upsert(structure())))
      for (let w = 0; w < WRITERS; w++) pools.push(ManagedRuntime.make(schemaLayer({ schema, maxConnections: 1, drop: false })))
      let finished = false
      const writing = Promise.all(pools.map((rt, w) => rt.runPromise(writer(w)))).finally(() => {
        finished = true
      })
      const [results, tabulations] = await Promise.all([writing, first.runPromise(tabulateWhile(() => finished))])
      expect(tabulations).toBeGreaterThanOrEqual(1)
      expectResults(results)
      await expectAllPresent(first, schema, allNumbers())
    } finally {
      for (const rt of pools) await rt.dispose()
      await first.dispose()
      await dropSchema(schema)
    }
  })

  it("eight separate pools opening a brand-new schema at once all succeed", { timeout: 180_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const schema = newSchemaName()
      const pools = Array.from({ length: WRITERS }, () => ManagedRuntime.make(schemaLayer({ schema, maxConnections: 1, drop: false })))
      try {
        // Opening (schema, migrations) happens when each pool's layer is built, at its first use.
        const opened = await Promise.allSettled(
          pools.map((rt, w) =>
            rt.runPromise(
              Effect.gen(function* () {
                const store = yield* Store.Store
                yield* store.upsert(structure())
                return yield* store.upsert(batch(w * 100, SIZE))
              })
            )
          )
        )
        const failures = opened.flatMap((r) => (r.status === "rejected" ? [String((r.reason as { message?: unknown })?.message ?? r.reason)] : []))
        expect(failures, `round ${round}: every pool opens the new schema and writes`).toEqual([])
        await expectAllPresent(pools[0]!, schema, Array.from({ length: WRITERS }, (_, w) => w * 100))
      } finally {
        for (const rt of pools) await rt.dispose()
        await dropSchema(schema)
      }
    }
  })
})
