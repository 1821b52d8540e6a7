/**
 * The bulk path of the PostgreSQL store (issue #17 §3): rows written in bulk (one array per column,
 * spread by `unnest`) read back exactly as rows written by multi-row `INSERT`s, whatever their
 * text (Vietnamese in NFD on input, tabs, newlines, backslashes, quotes, `\N`), `NULL`s and JSON
 * columns; a batch that fails at the database in the middle of a bulk load leaves nothing, new rows
 * or replacements; and re-importing the same ids replaces rows, idempotently.
 *
 * Each store logs the statements that write its activities (a statement trigger keeps
 * `current_query()`), so the tests check which path wrote them.
 */
import { Activity, CalendarDate, Council, Store } from "@hdnd/core"
import type { Dataset, Errors } from "@hdnd/core"
import { Database } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import { afterAll, beforeAll, expect, it } from "vitest"
import { baseStructure, NOTE_KIND, payloads, registry, textArb } from "../../store-sqlite/test/fixtures/roundTrip.js"
import { PostgresStore } from "../src/index.js"
import { describePg, TEST_URL } from "./utils/postgres.js"
import { dropSchema, newSchemaName } from "./utils/shared.js"

type Runtime = ManagedRuntime.ManagedRuntime<Store.Store | Database.Database, Errors.StoreError>

const COUNCIL = "c-rt"
const PLENARY = `${COUNCIL}.hdnd`
const GROUP = `${COUNCIL}.to-bulk`
const RUNS = { numRuns: Math.min(40, fc.readConfigureGlobal().numRuns ?? 40) }

const decodeActivity = Schema.decodeUnknownSync(Activity.Activity as unknown as Schema.Codec<Activity.Activity, unknown>)
const encodeActivity = Schema.encodeSync(Activity.Activity as unknown as Schema.Codec<Activity.Activity, unknown>)

/** Text as a user might send it: sometimes decomposed (NFD), which decoding turns into NFC. */
const inputText = fc.tuple(fc.oneof(textArb, fc.constantFrom(...payloads, "Kỳ họp thứ 7\tBan Pháp chế\nĐắk Lắk \\N \\. C:\\dữ liệu")), fc.boolean()).map(([s, nfd]) => (nfd ? s.normalize("NFD") : s))

/** An activity in its JSON encoding: optional fields absent (NULL columns) or present, attributes and participants as JSON. */
const activityInput = fc.record(
  {
    title: inputText,
    source: fc.option(inputText, { nil: undefined }),
    documentRef: fc.option(fc.constantFrom("85/BC-HĐND", "12/NQ-HĐND".normalize("NFD")), { nil: undefined }),
    to: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    attributes: fc.option(fc.dictionary(inputText, fc.oneof(inputText, fc.array(inputText, { maxLength: 3 })), { maxKeys: 3 }), { nil: undefined }),
    participants: fc.boolean(),
    day: fc.integer({ min: 0, max: 2000 })
  },
  { requiredKeys: ["title", "participants", "day"] }
)

const encodedActivity = (id: string, a: any, edited = false): unknown => {
  const from = CalendarDate.fromDayNumber(CalendarDate.toDayNumber(CalendarDate.date("2020-01-01")) + a.day)
  return {
    id,
    council: COUNCIL,
    kind: NOTE_KIND,
    owner: PLENARY,
    organisers: a.participants || a.day % 2 === 0 ? [PLENARY] : [PLENARY, GROUP],
    date: a.to === undefined ? { from } : { from, to: CalendarDate.addDays(from, a.to) },
    title: edited ? `Sửa: ${Array.from(a.title as string).slice(0, 3000).join("")}` : a.title,
    ...(a.source === undefined ? {} : { source: a.source }),
    ...(a.documentRef === undefined ? {} : { documentRef: a.documentRef }),
    ...(a.attributes === undefined ? {} : { attributes: a.attributes }),
    ...(a.participants ? { participants: [GROUP] } : {})
  }
}

/** A store on a new schema whose activity writes are logged, loading in bulk from `bulkMinRows` rows. */
const openStore = async (bulkMinRows: number): Promise<{ runtime: Runtime; schema: string }> => {
  const schema = newSchemaName()
  const runtime = ManagedRuntime.make(PostgresStore.layer({ url: TEST_URL, schema, registry, bulkMinRows }))
  await runtime.runPromise(
    Effect.gen(function* () {
      const store = yield* Store.Store
      const db = yield* Database.Database
      yield* store.upsert({
        ...baseStructure(),
        organs: [
          ...(baseStructure().organs ?? []),
          new Council.Organ({ id: GROUP as never, council: COUNCIL as never, kind: "delegate-group", name: "Tổ đại biểu", validity: { from: CalendarDate.date("2016-01-01") } })
        ]
      })
      yield* db.query(`CREATE TABLE "${schema}".write_log (q TEXT NOT NULL)`)
      yield* db.query(
        `CREATE FUNCTION "${schema}".log_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO "${schema}".write_log VALUES (current_query()); RETURN NULL; END $$`
      )
      yield* db.query(`CREATE TRIGGER log_write AFTER INSERT OR UPDATE ON "${schema}".activities FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".log_write()`)
    })
  )
  return { runtime, schema }
}

describePg("PostgreSQL bulk load", () => {
  let bulk: { runtime: Runtime; schema: string }
  let values: { runtime: Runtime; schema: string }
  let next = 0

  beforeAll(async () => {
    bulk = await openStore(1)
    values = await openStore(Number.POSITIVE_INFINITY)
  }, 60_000)
  afterAll(async () => {
    await bulk?.runtime.dispose()
    await values?.runtime.dispose()
    for (const s of [bulk?.schema, values?.schema]) if (s !== undefined) await dropSchema(s)
  })

  const upsert = (s: { runtime: Runtime }, batch: Dataset.Batch) => s.runtime.runPromise(Effect.flatMap(Store.Store, (store) => store.upsert(batch)))
  const rowsOf = (s: { runtime: Runtime; schema: string }, prefix: string) =>
    s.runtime.runPromise(Effect.flatMap(Database.Database, (db) => db.query(`SELECT * FROM "${s.schema}".activities WHERE id LIKE $1 ORDER BY id`, [`${prefix}%`])))
  /** The statements logged since the last call (and the log emptied). */
  const takeLog = (s: { runtime: Runtime; schema: string }) =>
    s.runtime.runPromise(
      Effect.flatMap(Database.Database, (db) => Effect.map(db.query<{ q: string }>(`DELETE FROM "${s.schema}".write_log RETURNING q`), (rows) => rows.map((r) => r.q)))
    )

  it(
    "activities loaded in bulk read back equal to those written by multi-row INSERTs, and to what was sent (NFC); re-imports replace rows",
    { timeout: 600_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(activityInput, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), async (inputs, changes) => {
          const prefix = `p${next++}-`
          const first = inputs.map((a, i) => decodeActivity(encodedActivity(`${prefix}${i}`, a)))
          for (const s of [bulk, values]) {
            const r = await upsert(s, { activities: first })
            expect(r.inserted).toBe(first.length)
          }
          expect((await takeLog(bulk)).every((q) => q.includes("unnest(")), "the bulk store wrote through unnest").toBe(true)
          expect((await takeLog(values)).some((q) => q.includes("unnest(")), "the other store wrote multi-row INSERTs").toBe(false)
          const [b1, v1] = [await rowsOf(bulk, prefix), await rowsOf(values, prefix)]
          expect(b1).toStrictEqual(v1)
          expect(b1.length).toBe(first.length)

          // Re-import: some rows changed (replaced through ON CONFLICT), the others the same.
          const second = inputs.map((a, i) => decodeActivity(encodedActivity(`${prefix}${i}`, a, changes[i])))
          const changed = second.filter((_, i) => changes[i]).length
          for (const s of [bulk, values]) {
            const r = await upsert(s, { activities: second })
            expect(r).toStrictEqual({ inserted: 0, updated: changed, unchanged: second.length - changed })
          }
          const [b2, v2] = [await rowsOf(bulk, prefix), await rowsOf(values, prefix)]
          expect(b2).toStrictEqual(v2)
          // (An INSERT … ON CONFLICT DO UPDATE fires the INSERT and the UPDATE statement triggers.)
          const bulkLog = [...new Set(await takeLog(bulk))]
          expect(bulkLog.length, "a re-import with changes writes once, in bulk; without, not at all").toBe(changed > 0 ? 1 : 0)
          expect(bulkLog.every((q) => q.includes("unnest(") && q.includes("ON CONFLICT"))).toBe(true)
          await takeLog(values)

          // What is read back is what was sent, decoded (NFC): activities written in bulk included.
          const read = await bulk.runtime.runPromise(Effect.flatMap(Store.Store, (s) => Effect.forEach(second, (a) => s.get("activities", a.id))))
          expect(read.map((a) => encodeActivity(a))).toStrictEqual(second.map((a) => encodeActivity(a)))
          for (const a of read) expect(a.title).toBe(a.title.normalize("NFC"))
        }),
        RUNS
      )
    }
  )

  const poisoned = async (s: { runtime: Runtime; schema: string }) => {
    // A rule the database enforces and validation in Node does not know: one bad row fails the
    // statement in the database, in the middle of the bulk load.
    await s.runtime.runPromise(
      Effect.flatMap(Database.Database, (db) => db.query(`ALTER TABLE "${s.schema}".activities ADD CONSTRAINT test_no_poison CHECK (title <> 'ĐỘC') NOT VALID`))
    )
  }
  const writes = (s: { runtime: Runtime; schema: string }) =>
    s.runtime.runPromise(Effect.flatMap(Database.Database, (db) => Effect.map(db.query<{ v: unknown }>(`SELECT v FROM "${s.schema}".hdnd_meta WHERE k = 'writes'`), (r) => Number(r[0]?.v))))
  const plain = (id: string, title: string, day = 1) => decodeActivity(encodedActivity(id, { title, participants: false, day }))

  it("a batch failing in the database in the middle of a bulk load leaves nothing: no activity, no organ of the batch, no write counted", { timeout: 120_000 }, async () => {
    const { runtime, schema } = await openStore(1)
    try {
      const s = { runtime, schema }
      await poisoned(s)
      const before = await writes(s)
      const activities = Array.from({ length: 3000 }, (_, i) => plain(`bad-${String(i).padStart(4, "0")}`, i === 1500 ? "ĐỘC" : `Hoạt động ${i}`))
      const organ = new Council.Organ({ id: `${COUNCIL}.to-moi` as never, council: COUNCIL as never, kind: "delegate-group", name: "Tổ mới", validity: { from: CalendarDate.date("2016-01-01") } })
      const failed = await runtime.runPromise(Effect.flip(Effect.flatMap(Store.Store, (store) => store.upsert({ organs: [organ], activities }))))
      expect(failed._tag).toBe("StoreError")
      expect(String((failed as Errors.StoreError).en)).toMatch(/test_no_poison/)
      expect(await rowsOf(s, "bad-")).toStrictEqual([])
      const organs = await runtime.runPromise(Effect.flatMap(Database.Database, (db) => db.query(`SELECT id FROM "${schema}".organs WHERE id = $1`, [organ.id])))
      expect(organs).toStrictEqual([])
      expect(await writes(s)).toBe(before)
      expect(await takeLog(s), "the failed statement's trigger left no log").toStrictEqual([])
      // The same batch without the bad row then loads whole, in bulk.
      const good = activities.map((a, i) => (i === 1500 ? plain(a.id, "Hoạt động 1500") : a))
      expect(await upsert(s, { organs: [organ], activities: good })).toStrictEqual({ inserted: 3001, updated: 0, unchanged: 0 })
      expect((await rowsOf(s, "bad-")).length).toBe(3000)
      expect((await takeLog(s)).every((q) => q.includes("unnest("))).toBe(true)
    } finally {
      await runtime.dispose()
      await dropSchema(schema)
    }
  })

  it("a re-import failing in the middle of a bulk replace leaves every stored row as it was", { timeout: 120_000 }, async () => {
    const { runtime, schema } = await openStore(1)
    try {
      const s = { runtime, schema }
      const original = Array.from({ length: 2000 }, (_, i) => plain(`re-${String(i).padStart(4, "0")}`, `Bản đầu ${i}`))
      await upsert(s, { activities: original })
      const stored = await rowsOf(s, "re-")
      await poisoned(s)
      const replaced = original.map((a, i) => plain(a.id, i === 999 ? "ĐỘC" : `Bản sửa ${i}`, 2))
      const failed = await runtime.runPromise(Effect.flip(Effect.flatMap(Store.Store, (store) => store.upsert({ activities: replaced }))))
      expect(failed._tag).toBe("StoreError")
      expect(await rowsOf(s, "re-")).toStrictEqual(stored)
      // The same replacement without the bad row goes through the bulk path (ON CONFLICT) whole.
      await takeLog(s)
      const good = replaced.map((a, i) => (i === 999 ? plain(a.id, "Bản sửa 999", 2) : a))
      expect(await upsert(s, { activities: good })).toStrictEqual({ inserted: 0, updated: 2000, unchanged: 0 })
      const log = [...new Set(await takeLog(s))]
      expect(log.length).toBe(1)
      expect(log[0]).toMatch(/unnest\(.*ON CONFLICT \(id\) DO UPDATE/s)
      expect((await rowsOf(s, "re-")).map((r) => r.title)).toStrictEqual(good.map((a) => a.title))
    } finally {
      await runtime.dispose()
      await dropSchema(schema)
    }
  })
})
