/**
 * What the PostgreSQL store does for national-scale tabulation: its connections start with JIT off
 * (unless asked), the schema has a BRIN index on activities' dates, and distinct sessions come back
 * as one row per cell (the sessions collected in the database), not one row per cell and session.
 */
import { Activity, CalendarDate, Dataset, Indicators, Registry, Store, Tabulate, Tabulation, TabulationBuilder, TabulationRequest } from "@hdnd/core"
import { Database, Dialect, Pushdown, Tables } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { expect, it } from "vitest"
import { COUNCIL, ORGANS, SESSIONS, structure } from "../../store-sqlite/test/fixtures/world.js"
import { PostgresStore } from "../src/index.js"
import { describePg, TEST_URL } from "./utils/postgres.js"
import { dropSchema, newSchemaName } from "./utils/shared.js"

const d = CalendarDate.date

/** Reviews in two months, each month's serving both sessions (and some none). */
const reviews = (): ReadonlyArray<Activity.Activity> =>
  Array.from({ length: 12 }, (_, i) =>
    new Activity.Activity({
      id: `r${i}` as never,
      council: COUNCIL as never,
      kind: "review" as never,
      owner: ORGANS[2] as never,
      organisers: [ORGANS[2], ORGANS[3]] as never,
      date: { from: d(i % 2 === 0 ? "2023-03-10" : "2023-04-10") },
      ...(i % 3 === 2 ? {} : { session: SESSIONS[i % 3] as never }),
      subject: "report" as never,
      title: `Thẩm tra ${i}`
    })
  )

const request: TabulationRequest.TabulationRequest = {
  indicators: [Indicators.ids.reviewSessions, Indicators.ids.reviewContent],
  scope: TabulationRequest.councils([COUNCIL as never]),
  period: CalendarDate.period("2023-01-01", "2023-12-31"),
  groupBy: ["council", "month"]
}

const run = <A, E>(layer: Layer.Layer<Store.Store | Database.Database, E>, f: (store: Store.StoreService, db: Database.DatabaseService) => Effect.Effect<A, unknown>): Promise<A> =>
  Effect.runPromise(
    Effect.scoped(
      Effect.provide(
        Effect.gen(function* () {
          return yield* f(yield* Store.Store, yield* Database.Database)
        }),
        layer
      )
    ) as Effect.Effect<A, unknown>
  )

describePg("PostgreSQL at national scale", () => {
  it("opens its connections with jit = off, and leaves the server's setting (on here) when asked", async () => {
    for (const [jit, expected] of [[undefined, "off"], [false, "off"], [true, "on"]] as const) {
      const schema = newSchemaName()
      try {
        const layer = PostgresStore.layer({ url: TEST_URL, schema, maxConnections: 2, ...(jit === undefined ? {} : { jit }) })
        const shown = await run(layer, (_, db) => db.query<{ jit: string }>("SHOW jit"))
        expect(shown[0]?.jit, `jit option ${String(jit)}`).toBe(expected)
      } finally {
        await dropSchema(schema)
      }
    }
  })

  it("prepares its statements by name unless told not to (a pooler in transaction mode)", async () => {
    for (const [prepare, prepared] of [[undefined, true], [true, true], [false, false]] as const) {
      const schema = newSchemaName()
      try {
        // One connection, so the statements the store ran and the check share a server session.
        const layer = PostgresStore.layer({ url: TEST_URL, schema, maxConnections: 1, ...(prepare === undefined ? {} : { prepare }) })
        const rows = await run(layer, (_, db) =>
          Effect.gen(function* () {
            yield* db.query(`SELECT count(*) AS n FROM "${schema}".activities WHERE council = $1`, [COUNCIL])
            return yield* db.query<{ n: number | string }>("SELECT count(*) AS n FROM pg_prepared_statements")
          })
        )
        expect(Number(rows[0]?.n) > 0, `prepare option ${String(prepare)}: ${String(rows[0]?.n)} prepared`).toBe(prepared)
      } finally {
        await dropSchema(schema)
      }
    }
  })

  it("indexes activities' dates with BRIN, beside (council, date_from)", async () => {
    const schema = newSchemaName()
    let defs: ReadonlyArray<string> = []
    try {
      const layer = PostgresStore.layer({ url: TEST_URL, schema, maxConnections: 2 })
      const indexes = await run(layer, (_, db) => db.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'activities'", [schema]))
      defs = indexes.map((i) => i.indexdef)
    } finally {
      await dropSchema(schema)
    }
    expect(defs.some((x) => /activities_date ON .*activities USING brin \(date_from\)/.test(x)), defs.join("\n")).toBe(true)
    expect(defs.some((x) => /activities_council_date ON .*activities USING btree \(council, date_from\)/.test(x)), defs.join("\n")).toBe(true)
  })

  it("returns one row per cell for distinct sessions, the sessions collected in the database, equal to the reference", async () => {
    const batch: Dataset.Batch = { ...structure(), activities: reviews() }
    const ds = Dataset.fromBatch(batch)
    const schema = newSchemaName()
    try {
      const layer = PostgresStore.layer({ url: TEST_URL, schema, maxConnections: 2 })
      const [rows, tab] = await run(layer, (store, db) =>
        Effect.gen(function* () {
          yield* store.upsert(batch)
          const plan = Result.getOrThrow(TabulationBuilder.plan(ds, Registry.builtin, request))
          const query = Pushdown.tabulationQuery(Dialect.pg, Tables.tables(schema), plan, ds.councils.size)
          if (query === undefined) throw new Error("no query")
          return [yield* db.query<Record<string, unknown>>(query.text, query.params), yield* store.tabulate(request)] as const
        })
      )
      // Two months: two rows, though each month's reviews served two sessions (and none).
      expect(rows.map((r) => r.month).sort()).toEqual(["2023-03", "2023-04"])
      const sessions = (month: string) => [...([...tab.cells.values()].find((c) => c.indicator === Indicators.ids.reviewSessions && c.key[1] === month)?.sessions ?? [])].sort()
      expect(sessions("2023-03")).toEqual([...SESSIONS].sort())
      expect(sessions("2023-04")).toEqual([...SESSIONS].sort())
      expect(Tabulation.valueOf(tab, Indicators.ids.reviewSessions).value).toBe(2)
      expect(Tabulation.equals(tab, Result.getOrThrow(Tabulate.tabulate(ds, Registry.builtin, request)))).toBe(true)
    } finally {
      await dropSchema(schema)
    }
  })
})
