/**
 * Migrations on a live database (docs/deployment.md): several processes of a new hdnd starting at
 * once (a rolling upgrade, or replicas behind a load balancer) take turns under the advisory lock
 * that `Migrations.migrate` holds on PostgreSQL. Every open succeeds, each migration is applied
 * exactly once, and the data written by the older version is kept.
 */
import { Dataset, Store } from "@hdnd/core"
import { Dialect, Migrations, Rows, Tables } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { expect, it } from "vitest"
import { batch, structure } from "../../store-sqlite/test/fixtures/world.js"
import { describePg } from "./utils/postgres.js"
import { dropSchema, newSchemaName, raw, schemaLayer } from "./utils/shared.js"

const PROCESSES = 6

/** Opens the schema from `PROCESSES` separate pools at once; each counts the activities it finds. */
const openAtOnce = async (schema: string): Promise<{ failures: ReadonlyArray<string>; counts: ReadonlyArray<number> }> => {
  const pools = Array.from({ length: PROCESSES }, () => ManagedRuntime.make(schemaLayer({ schema, maxConnections: 1, drop: false })))
  try {
    // The layer (and with it the migration) is built at each pool's first use: all at once here.
    const opened = await Promise.allSettled(pools.map((rt) => rt.runPromise(Effect.flatMap(Store.Store, (s) => s.count("activities")))))
    return {
      failures: opened.flatMap((r) => (r.status === "rejected" ? [String((r.reason as { message?: unknown })?.message ?? r.reason)] : [])),
      counts: opened.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []))
    }
  } finally {
    for (const rt of pools) await rt.dispose()
  }
}

/** The migrations recorded in a schema, in order. */
const history = (schema: string) =>
  raw((sql) => sql.query<{ version: unknown; name: string }>(`SELECT version, name FROM ${Tables.tables(schema).hdnd_migrations} ORDER BY version`)).then((rows) =>
    rows.map((r) => ({ version: Number(r.version), name: r.name }))
  )

/**
 * A schema as an older hdnd (schema version 1) left it, holding `old`: version 1's statements, and
 * the rows written with the columns version 1 has.
 */
const writeVersion1 = (schema: string, old: Dataset.Batch) =>
  raw((sql) =>
    Effect.gen(function* () {
      const t = Tables.tables(schema)
      const v1 = Migrations.migrations[0]!
      yield* sql.query(`CREATE SCHEMA "${schema}"`)
      yield* sql.query(`CREATE TABLE ${t.hdnd_migrations} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
      for (const s of v1.statements(t, Dialect.pg)) yield* sql.query(s)
      yield* sql.query(`INSERT INTO ${t.hdnd_migrations} VALUES ($1, $2, $3)`, [1, v1.name, "2025-01-01T00:00:00.000Z"])
      for (const kind of Dataset.entityKinds) {
        const layout = Rows.layouts[kind]
        const v1Columns = new Set(
          (yield* sql.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`, [schema, layout.table])).map((c) => c.column_name)
        )
        const kept = layout.columns.flatMap((c, i) => (v1Columns.has(c.name) ? [[c.name, i] as const] : []))
        for (const r of (old[kind] ?? []) as ReadonlyArray<unknown>) {
          const values = Rows.toValues(kind, r)
          yield* sql.query(
            `INSERT INTO ${t[layout.table]} (${kept.map(([n]) => n).join(", ")}) VALUES (${kept.map((_, i) => `$${i + 1}`).join(", ")})`,
            kept.map(([, i]) => values[i])
          )
        }
      }
    })
  )

const everyMigration = Migrations.migrations.map((m) => ({ version: m.version, name: m.name }))

describePg("PostgreSQL migrations, several processes at once", () => {
  it(`${PROCESSES} processes opening a brand-new schema at once all succeed, and each migration is applied once`, { timeout: 180_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const schema = newSchemaName()
      try {
        const { failures, counts } = await openAtOnce(schema)
        expect(failures, `round ${round}`).toEqual([])
        expect(counts).toEqual(Array.from({ length: PROCESSES }, () => 0))
        expect(await history(schema)).toEqual(everyMigration)
      } finally {
        await dropSchema(schema)
      }
    }
  })

  it(`${PROCESSES} processes of a new version opening a version 1 schema with data at once all succeed and keep the data`, { timeout: 180_000 }, async () => {
    const old = { ...structure(), ...batch(3, 40) }
    const activities = old.activities!.length
    for (let round = 0; round < 3; round++) {
      const schema = newSchemaName()
      try {
        await writeVersion1(schema, old)
        expect(await history(schema)).toEqual(everyMigration.slice(0, 1))
        const { failures, counts } = await openAtOnce(schema)
        expect(failures, `round ${round}`).toEqual([])
        expect(counts).toEqual(Array.from({ length: PROCESSES }, () => activities))
        expect(await history(schema)).toEqual(everyMigration)
        // The migrated schema takes the current version's records.
        const rt = ManagedRuntime.make(schemaLayer({ schema, drop: false }))
        try {
          const written = await rt.runPromise(Effect.flatMap(Store.Store, (s) => s.upsert(batch(4, 10))))
          expect(written).toEqual({ inserted: 10, updated: 0, unchanged: 0 })
          expect(await rt.runPromise(Effect.flatMap(Store.Store, (s) => s.count("activities")))).toBe(activities + 10)
        } finally {
          await rt.dispose()
        }
      } finally {
        await dropSchema(schema)
      }
    }
  })
})
