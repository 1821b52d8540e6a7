/**
 * The store's write transaction plans its statements for their values, whatever plan the session
 * has cached for them (issue #17).
 *
 * The store reads the stored rows of a batch's ids with `id IN ($1, …, $5000)`, a statement prepared
 * by name on its connection. From its sixth run PostgreSQL may run a prepared statement with a
 * generic plan (planned for `$1 … $5000`, not for the values) and keep it. In a national load
 * (1/10 scale, no `ANALYZE`: autovacuum off) it did: the generic plan, costed on the empty table
 * (`Seq Scan … rows=120`), was taken from the third batch of 50,000 on, and it checks every row
 * against the 5,000 parameters one by one: 17–45 s per 5,000 ids at 100,000–250,000 rows, the load
 * below 500 rows/s. When PostgreSQL switches depends on the data's costs, so here the session is
 * told to (`plan_cache_mode = force_generic_plan`), as the server chose then: the first batch runs
 * the 5,000-id read six times on the empty table, the table grows by 20,000 rows at a time, and
 * after each batch every run of that read on the store's (only) connection must have been planned
 * for its values (`pg_prepared_statements` counts generic and custom plans per statement). Outside
 * the store's reads the same statement gets the generic plan (the test's control).
 */
import { Activity, CalendarDate, Store } from "@hdnd/core"
import type { Errors } from "@hdnd/core"
import { Database } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { afterAll, beforeAll, expect, it } from "vitest"
import { baseStructure, NOTE_KIND, registry } from "../../store-sqlite/test/fixtures/roundTrip.js"
import { PostgresStore } from "../src/index.js"
import { describePg, TEST_URL } from "./utils/postgres.js"
import { dropSchema, newSchemaName } from "./utils/shared.js"

const COUNCIL = "c-rt"
const PLENARY = `${COUNCIL}.hdnd`
/** Ids per read (the store reads a batch's ids 5,000 at a time). */
const CHUNK = 5000
/** The first batch: six reads of 5,000 ids on the empty table. */
const FIRST = 6 * CHUNK
/** Rows per batch while the table grows: four reads of 5,000 ids. */
const GROWTH = 4 * CHUNK
/** Growth batches: the table ends with 90,000 rows. */
const STEPS = 3

const activity = (id: string, day: number) =>
  new Activity.Activity({
    id: id as never,
    council: COUNCIL as never,
    kind: NOTE_KIND as never,
    owner: PLENARY as never,
    organisers: [PLENARY as never],
    date: { from: CalendarDate.addDays(CalendarDate.date("2026-01-01"), day % 300) },
    title: `Hoạt động ${id}`
  })

describePg("PostgreSQL store: reading a batch's ids on a grown table without statistics", () => {
  const schema = newSchemaName()
  let runtime: ManagedRuntime.ManagedRuntime<Store.Store | Database.Database, Errors.StoreError>

  beforeAll(async () => {
    // One connection: every statement of the store, and the test's, runs in the same session.
    runtime = ManagedRuntime.make(PostgresStore.layer({ url: TEST_URL, schema, registry, maxConnections: 1 }))
    await runtime.runPromise(Effect.flatMap(Store.Store, (s) => s.upsert(baseStructure())))
    // The session takes generic plans from the first run of a prepared statement on.
    await runtime.runPromise(Effect.flatMap(Database.Database, (db) => db.query("SET plan_cache_mode = force_generic_plan")))
  }, 60_000)
  afterAll(async () => {
    await runtime?.dispose()
    await dropSchema(schema)
  })

  it("the read of 5,000 ids, first run on the empty table, is planned for its values every time as the table grows to 90,000 rows", { timeout: 600_000 }, async () => {
    const upsert = (activities: ReadonlyArray<Activity.Activity>) => runtime.runPromise(Effect.flatMap(Store.Store, (s) => s.upsert({ activities })))
    const id = (prefix: string, i: number) => `${prefix}-${String(i).padStart(5, "0")}`
    /** How the store's prepared read of 5,000 ids (named by the driver, in this session) has been planned. */
    const plans = () =>
      runtime.runPromise(
        Effect.flatMap(Database.Database, (db) =>
          db.query<{ name: string; generic: number; custom: number }>(
            `SELECT name, generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement LIKE $1 AND statement LIKE $2 AND statement NOT LIKE $3`,
            [`SELECT % FROM "${schema}".activities WHERE id IN (%`, `%$${CHUNK})`, `%$${CHUNK + 1}%`]
          )
        )
      )
    // 30,000 new activities: the 5,000-id read runs six times on the empty table.
    expect(await upsert(Array.from({ length: FIRST }, (_, i) => activity(id("s", i), i)))).toStrictEqual({ inserted: FIRST, updated: 0, unchanged: 0 })
    expect(await plans()).toMatchObject([{ generic: 0, custom: 6 }])
    // Growth in batches of 20,000 (four reads of 5,000 ids each), no ANALYZE.
    for (let b = 0; b < STEPS; b++) {
      expect((await upsert(Array.from({ length: GROWTH }, (_, i) => activity(id(`g${b}`, i), i)))).inserted).toBe(GROWTH)
      // A generic plan is planned for $1 … $5,000 and checks each row against all of them.
      expect(await plans(), `after ${FIRST + (b + 1) * GROWTH} rows`).toMatchObject([{ generic: 0, custom: 6 + 4 * (b + 1) }])
    }
    // The control: outside the store's reads, the session plans that statement generically.
    const name = (await plans())[0]!.name
    const stored = Array.from({ length: CHUNK }, (_, i) => `'${id("s", i)}'`).join(", ")
    const generic = await runtime.runPromise(Effect.flatMap(Database.Database, (db) => db.query(`EXPLAIN (FORMAT JSON) EXECUTE "${name}"(${stored})`)))
    expect(JSON.stringify(generic)).toContain("$5000")
    const analyzed = await runtime.runPromise(
      Effect.flatMap(Database.Database, (db) =>
        db.query<{ analyzed: unknown }>(`SELECT coalesce(last_analyze, last_autoanalyze) AS analyzed FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 'activities'`, [schema])
      )
    )
    expect(analyzed[0]?.analyzed ?? null, "the table was not analysed meanwhile").toBeNull()
    // And the store reads them right: a re-import of stored ids changes nothing.
    const again = await upsert(Array.from({ length: CHUNK }, (_, i) => activity(id("s", i), i)))
    expect(again).toStrictEqual({ inserted: 0, updated: 0, unchanged: CHUNK })
  })
})
