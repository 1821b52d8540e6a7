/**
 * Migrations of the PostgreSQL store: a schema written by an older hdnd (schema v1, before
 * recommendations and work programmes) is brought to the current version and keeps its data.
 */
import { CalendarDate, Dataset, Programme, Recommendation, Store } from "@hdnd/core"
import { Dialect, Migrations, Rows, Tables } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import { expect, it } from "vitest"
import { activity, batch, COUNCIL, ORGANS, structure } from "../../store-sqlite/test/fixtures/world.js"
import { describePg } from "./utils/postgres.js"
import { dropSchema, newSchemaName, raw, schemaLayer } from "./utils/shared.js"

const d = CalendarDate.date

describePg("PostgreSQL migrations", () => {
  it("upgrades a version 1 schema (before recommendations and programmes) and keeps its data", async () => {
    const schema = newSchemaName()
    try {
      const t = Tables.tables(schema)
      const v1 = Migrations.migrations[0]!
      expect(v1.version).toBe(1)
      await raw((sql) =>
        Effect.gen(function* () {
          yield* sql.query(`CREATE SCHEMA "${schema}"`)
          yield* sql.query(`CREATE TABLE ${t.hdnd_migrations} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
          for (const s of v1.statements(t, Dialect.pg)) yield* sql.query(s)
          yield* sql.query(`INSERT INTO ${t.hdnd_migrations} VALUES ($1, $2, $3)`, [1, v1.name, "2025-01-01T00:00:00.000Z"])
          const old = { ...structure(), ...batch(7, 25) }
          for (const kind of Dataset.entityKinds) {
            // Only the columns a v1 table has (later migrations add some, such as activities.participants).
            const v1Columns = new Set(
              ((yield* sql.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`, [schema, Rows.layouts[kind].table])) as ReadonlyArray<{ column_name: string }>).map((c) => c.column_name)
            )
            const kept = Rows.layouts[kind].columns.flatMap((c, i) => (v1Columns.has(c.name) ? [[c.name, i] as const] : []))
            for (const r of (old[kind] ?? []) as ReadonlyArray<unknown>) {
              const values = Rows.toValues(kind, r)
              yield* sql.query(
                `INSERT INTO ${t[Rows.layouts[kind].table]} (${kept.map(([n]) => n).join(", ")}) VALUES (${kept.map((_, i) => `$${i + 1}`).join(", ")})`,
                kept.map(([, i]) => values[i])
              )
            }
          }
        })
      )
      const rec = new Recommendation.Recommendation({
        id: "kn-1" as never,
        council: COUNCIL as never,
        kind: "proposal",
        raisedBy: ORGANS[3] as never,
        activity: "b7-a2" as never,
        raisedOn: d("2023-05-02"),
        content: "Đề xuất hỗ trợ kinh phí sửa đường",
        field: "Giao thông",
        level: "province",
        addressee: { kind: "people-committee", name: "Ủy ban nhân dân tỉnh" },
        deadline: d("2023-06-30")
      })
      const response = new Recommendation.Response({ id: "tl-1" as never, recommendation: rec.id, date: d("2023-06-01"), responder: "Sở Giao thông vận tải", content: "Đã bố trí kinh phí" })
      const evaluation = new Recommendation.Evaluation({ id: "dg-1" as never, recommendation: rec.id, response: response.id, date: d("2023-07-01"), status: "resolved" })
      const programme = new Programme.Programme({ id: "ct-2023" as never, council: COUNCIL as never, organ: ORGANS[0] as never, year: 2023, title: "Chương trình công tác năm 2023" })
      const item = new Programme.ProgrammeItem({ id: "ct-2023.1" as never, programme: programme.id, kind: "review" as never, topic: "Thẩm tra báo cáo", month: 7, quarter: 3 })
      const follow: Dataset.Batch = { recommendations: [rec], responses: [response], evaluations: [evaluation], programmes: [programme], programmeItems: [item] }
      const result = await Effect.runPromise(
        Effect.scoped(
          Effect.gen(function* () {
            const store = yield* Store.Store
            const before = yield* Effect.all([store.count("activities"), store.count("organs"), store.count("recommendations")])
            const written = yield* store.upsert(follow)
            return { before, written, got: yield* store.get("evaluations", "dg-1"), activity: yield* store.get("activities", "b7-a2") }
          }).pipe(Effect.provide(schemaLayer({ schema, drop: false })))
        )
      )
      expect(result.before).toEqual([25, ORGANS.length, 0])
      expect(result.activity).toEqual(activity(7, 2))
      expect(result.written).toEqual({ inserted: 5, updated: 0, unchanged: 0 })
      expect(result.got).toEqual(evaluation)
      const versions = await raw((sql) => sql.query<{ version: number }>(`SELECT version FROM ${t.hdnd_migrations} ORDER BY version`))
      expect(versions.map((v) => Number(v.version))).toEqual(Migrations.migrations.map((m) => m.version))
    } finally {
      await dropSchema(schema)
    }
  })
})
