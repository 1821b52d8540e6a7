/**
 * A tabulation over a scope of many councils (at least `Pushdown.STREAM_MIN_COUNCILS`) reads its
 * activity rows as the server sends them (`Database.queryChunks`), fed to the builder chunk by
 * chunk: the result must equal the in-memory reference, in the per-council and per-organ views,
 * with distinct sessions, drill-down, and inside a transaction (on its connection, seeing its
 * uncommitted writes).
 */
import { Activity, AdminUnit, CalendarDate, Council, Dataset, Indicators, Registry, Session, Store, Tabulate, Tabulation, TabulationBuilder, TabulationRequest } from "@hdnd/core"
import { Database, Dialect, Pushdown, Tables } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { expect, it } from "vitest"
import { PostgresStore } from "../src/index.js"
import { describePg, TEST_URL } from "./utils/postgres.js"
import { dropSchema, newSchemaName } from "./utils/shared.js"

const d = CalendarDate.date
const COUNCILS = Pushdown.STREAM_MIN_COUNCILS + 20
const KINDS = ["review", "supervision", "survey", "advisory"] as const
const MODES = ["periodic", "ongoing", "thematic"] as const

const councilId = (c: number) => `c${c}`
const organs = (c: number) => [`c${c}.hdnd`, `c${c}.tt`, `c${c}.ban-a`, `c${c}.ban-b`] as const
const sessions = (c: number) => [`c${c}.kh-1`, `c${c}.kh-2`] as const

/** Many small councils, each with its organs and two sessions. */
const structure = (): Dataset.Batch => {
  const validity = { from: d("2025-07-01"), to: d("2026-06-30") }
  const list = Array.from({ length: COUNCILS }, (_, c) => c)
  return {
    units: list.map((c) => new AdminUnit.AdminUnit({ id: `u${c}` as never, code: String(c).padStart(5, "0"), name: `Xã ${c}`, type: "xa", validity: { from: d("2016-01-01") } })),
    councils: list.map((c) => new Council.Council({ id: councilId(c) as never, unit: `u${c}` as never, name: `HĐND ${c}`, validity: { from: d("2016-01-01") } })),
    terms: list.map((c) => new Council.Term({ id: `${councilId(c)}.khoa-xv` as never, council: councilId(c) as never, convocation: "XV", validity })),
    organs: list.flatMap((c) => {
      const [plenary, standing, a, b] = organs(c)
      const organ = (id: string, kind: "plenary" | "standing" | "committee", committeeKind?: string) =>
        new Council.Organ({ id: id as never, council: councilId(c) as never, kind, name: id, validity, ...(committeeKind === undefined ? {} : { committeeKind: committeeKind as never }) })
      return [organ(plenary, "plenary"), organ(standing, "standing"), organ(a, "committee", "kinh-te-ngan-sach"), organ(b, "committee", "van-hoa-xa-hoi")]
    }),
    sessions: list.flatMap((c) =>
      sessions(c).map(
        (id, i) =>
          new Session.Session({ id: id as never, council: councilId(c) as never, ordinal: i + 1, series: "all", type: "regular", dates: { from: d(i === 0 ? "2025-12-08" : "2026-04-10"), to: d(i === 0 ? "2025-12-10" : "2026-04-12") } })
      )
    )
  }
}

/** Activity `i`: spread over councils, kinds, owners, months and sessions (some none, some two organisers). */
const activity = (i: number, prefix = "a"): Activity.Activity => {
  const c = (i * 7) % COUNCILS
  const os = organs(c)
  const kind = KINDS[i % KINDS.length] as (typeof KINDS)[number]
  const owner = os[(i >> 2) % os.length] as string
  const other = os[(i + 1) % os.length] as string
  // July 2025 to June 2026, the councils' term after the reform.
  const m = 7 + (i % 12)
  const month = `${m > 12 ? 2026 : 2025}-${String(m > 12 ? m - 12 : m).padStart(2, "0")}`
  return new Activity.Activity({
    id: `${prefix}${i}` as never,
    council: councilId(c) as never,
    kind: kind as never,
    owner: owner as never,
    organisers: (i % 5 === 0 && other !== owner ? [owner, other] : [owner]) as never,
    date: { from: d(`${month}-${String(1 + (i % 28)).padStart(2, "0")}`) },
    ...(i % 3 === 2 ? {} : { session: sessions(c)[i % 2] as never }),
    title: `Hoạt động ${i}`,
    ...(kind === "review" ? { subject: "report" as never } : {}),
    ...(kind === "supervision" ? { mode: MODES[i % MODES.length] as never } : {}),
    ...(kind === "advisory" ? { origin: "assigned-by-standing" as never } : {})
  })
}

const INDICATORS = [
  Indicators.ids.reviewContent,
  Indicators.ids.reviewSessions,
  Indicators.ids.supervisionPeriodicOngoing,
  Indicators.ids.surveyThematicSupervision,
  Indicators.ids.advisoryAssigned,
  Indicators.ids.supervisionCouncil
] as const

const request = (councils: ReadonlyArray<string>, groupBy: ReadonlyArray<Tabulation.Dimension>, trace = false): TabulationRequest.TabulationRequest => ({
  indicators: INDICATORS,
  scope: TabulationRequest.councils(councils as never),
  period: CalendarDate.period("2025-07-01", "2026-06-30"),
  groupBy: [...groupBy],
  ...(trace ? { trace } : {})
})

describePg("PostgreSQL: tabulations of many councils stream their rows", () => {
  it("a scope of many councils is streamed, and equals the in-memory reference in every view, traced or not, and in a transaction", async () => {
    const batch: Dataset.Batch = { ...structure(), activities: Array.from({ length: 4 * COUNCILS }, (_, i) => activity(i)) }
    const ds = Dataset.fromBatch(batch)
    const all = [...ds.councils.keys()] as ReadonlyArray<string>
    const requests = [
      request(all, ["council", "kind", "month", "ownerKind"]),
      request(all, ["kind", "quarter"]),
      request(all, ["council", "organ", "month"]),
      request(all, ["organKind", "role"]),
      request(all, ["council", "month"], true),
      // Fewer councils than the threshold: read whole, as before.
      request(all.slice(0, 10), ["council", "kind", "month"])
    ]
    const schema = newSchemaName()
    try {
      const layer = PostgresStore.layer({ url: TEST_URL, schema, maxConnections: 2 })
      const extra = activity(4 * COUNCILS, "t")
      const [tabs, inTransaction, chunks] = await Effect.runPromise(
        Effect.scoped(
          Effect.provide(
            Effect.gen(function* () {
              const store = yield* Store.Store
              const db = yield* Database.Database
              yield* store.upsert(batch)
              const tabs = yield* Effect.forEach(requests, (r) => store.tabulate(r))
              // In a transaction the stream runs on its connection: it sees the uncommitted activity.
              const inTransaction = yield* Effect.flip(
                store.transaction(
                  Effect.gen(function* () {
                    yield* store.upsert({ activities: [extra] })
                    const t = yield* store.tabulate(requests[0] as TabulationRequest.TabulationRequest)
                    return yield* Effect.fail(t)
                  })
                )
              )
              // The port hands the rows over in chunks whose union is the whole result.
              const plan = Result.getOrThrow(TabulationBuilder.plan(ds, Registry.builtin, requests[0] as TabulationRequest.TabulationRequest))
              const q = Pushdown.tabulationQuery(Dialect.pg, Tables.tables(schema), plan, ds.councils.size) as Pushdown.TabulationQuery
              const streamed: Array<number> = []
              yield* (db.queryChunks as NonNullable<Database.DatabaseService["queryChunks"]>)(q.text, q.params, (rows) => void streamed.push(rows.length))
              const whole = yield* db.query(q.text, q.params)
              return [tabs, inTransaction, { streamed, whole: whole.length, q }] as const
            }),
            layer
          )
        ) as Effect.Effect<readonly [ReadonlyArray<Tabulation.Tabulation>, unknown, { streamed: Array<number>; whole: number; q: Pushdown.TabulationQuery }], unknown>
      )
      expect(chunks.q.streamed).toBe(true)
      expect(chunks.streamed.reduce((a, b) => a + b, 0)).toBe(chunks.whole)
      expect(chunks.whole).toBeGreaterThan(COUNCILS)
      requests.forEach((r, k) => {
        const reference = Result.getOrThrow(Tabulate.tabulate(ds, Registry.builtin, r))
        expect(reference.cells.size, `request ${k} counts something`).toBeGreaterThan(0)
        expect(Tabulation.equals(tabs[k] as Tabulation.Tabulation, reference), `request ${k}: ${JSON.stringify(r.groupBy)}${r.trace === true ? " traced" : ""}`).toBe(true)
      })
      // The transaction failed on purpose (rolled back), carrying the tabulation made inside it.
      const inside = inTransaction as Tabulation.Tabulation
      expect(inside.cells instanceof Map, String(inTransaction)).toBe(true)
      const withExtra = Dataset.fromBatch({ ...batch, activities: [...(batch.activities ?? []), extra] })
      expect(Tabulation.equals(inside, Result.getOrThrow(Tabulate.tabulate(withExtra, Registry.builtin, requests[0] as TabulationRequest.TabulationRequest)))).toBe(true)
      expect(Tabulation.equals(inside, tabs[0] as Tabulation.Tabulation)).toBe(false)
    } finally {
      await dropSchema(schema)
    }
  }, 120_000)
})
