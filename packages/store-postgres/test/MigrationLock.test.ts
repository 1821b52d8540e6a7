/**
 * Migrations on a live database wait for table locks for a bounded time (`lock_timeout`,
 * `PostgresStoreConfig.migrationLockTimeoutMs`): a migration stuck behind another session's lock
 * would make every query on that table wait behind it. It gives up with a `StoreError` of operation
 * `"migrate-lock"` that says what to do, and leaves the schema as it was: the migrations before it,
 * applied in the same transaction, are undone too.
 */
import { Store } from "@hdnd/core"
import { Migrations, Tables } from "@hdnd/store-sql"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { expect, it } from "vitest"
import { PostgresStore } from "../src/index.js"
import * as Client from "../src/internal/client.js"
import { describePg, TEST_URL } from "./utils/postgres.js"
import { dropSchema, newSchemaName, raw } from "./utils/shared.js"

const open = (schema: string, migrationLockTimeoutMs?: number) => {
  const outcomes: Array<Migrations.Outcome> = []
  return Effect.flatMap(Store.Store, (s) => s.count("councils")).pipe(
    Effect.provide(
      PostgresStore.layer({
        url: TEST_URL,
        schema,
        maxConnections: 1,
        onSchema: (o) => outcomes.push(o),
        ...(migrationLockTimeoutMs === undefined ? {} : { migrationLockTimeoutMs })
      })
    ),
    Effect.map(() => outcomes)
  )
}

describePg("migrations and table locks", () => {
  it("a migration blocked by another session's lock fails after lock_timeout with a typed error, and nothing is applied", { timeout: 120_000 }, async () => {
    const schema = newSchemaName()
    const t = Tables.tables(schema)
    const v = Migrations.SCHEMA_VERSION
    try {
      // The schema as of version v - 2: version v - 1 creates tables (resolutions and documents),
      // version v a BRIN index on the activities, which needs a lock that a writing session holds.
      await Effect.runPromise(open(schema))
      await raw((sql) =>
        Effect.gen(function* () {
          yield* sql.query(`DROP INDEX "${schema}".activities_date`)
          yield* sql.query(`DROP TABLE ${t.council_documents}, ${t.resolutions}`)
          yield* sql.query(`DELETE FROM ${t.hdnd_migrations} WHERE version >= $1`, [v - 1])
        })
      )
      expect(Migrations.migrations.at(-1)?.statements(t, { name: "pg" } as never).join(" ")).toContain("activities_date")

      const r = await Effect.runPromise(
        Effect.scoped(
          Effect.gen(function* () {
            const other = yield* Client.make({ url: TEST_URL, maxConnections: 1 })
            const locked = yield* Deferred.make<void>()
            const release = yield* Deferred.make<void>()
            // Another session writing to the activities, in a transaction that stays open.
            const holder = yield* Effect.forkChild(
              other.withTransaction(
                Effect.gen(function* () {
                  yield* other.query(`LOCK TABLE ${t.activities} IN ROW EXCLUSIVE MODE`)
                  yield* Deferred.succeed(locked, undefined)
                  yield* Deferred.await(release)
                })
              )
            )
            yield* Deferred.await(locked)
            const start = Date.now()
            const failure = yield* Effect.flip(open(schema, 300))
            const waited = Date.now() - start
            yield* Deferred.succeed(release, undefined)
            yield* Fiber.join(holder)
            return { failure, waited }
          })
        )
      )
      expect(r.failure._tag).toBe("StoreError")
      const e = r.failure as { code: string; vi: string; en: string }
      expect(e.code).toBe("hdnd/store/migrate-lock-failed")
      expect(e.en).toContain(`to v${v}`)
      expect(e.en).toContain("0.3 s")
      expect(e.en).toContain("pg_blocking_pids")
      expect(e.en).toContain("nothing was changed")
      expect(e.vi).toContain("chưa thay đổi gì")
      expect(r.waited, "gave up soon after the timeout").toBeLessThan(10_000)

      // Nothing applied: neither version v - 1 (which ran first, in the same transaction) nor v.
      const state = await raw((sql) =>
        Effect.gen(function* () {
          const versions = yield* sql.query<{ v: number }>(`SELECT max(version)::int AS v FROM ${t.hdnd_migrations}`)
          const relations = yield* sql.query<{ n: string }>(
            `SELECT relname AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND relname IN ('resolutions', 'council_documents', 'activities_date')`,
            [schema]
          )
          return { version: versions[0]?.v, relations: relations.map((x) => x.n) }
        })
      )
      expect(state).toEqual({ version: v - 2, relations: [] })

      // The lock released, the next open migrates both versions.
      expect(await Effect.runPromise(open(schema, 300))).toEqual([{ from: v - 2, to: v }])
    } finally {
      await dropSchema(schema)
    }
  })
})
