/**
 * Opening with a role of least privilege (docs/deployment.md): a role without the CREATE privilege
 * on the database that owns an existing schema creates and migrates hdnd's tables in it; an
 * up-to-date schema is only read when opened, so a read-only session (as on a hot standby, simulated
 * with `default_transaction_read_only`) opens it too, even in writing mode. A missing schema such a
 * role cannot create fails with a message that says what to do.
 */
import { Store } from "@hdnd/core"
import { Migrations } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import { randomUUID } from "node:crypto"
import { expect, it } from "vitest"
import { COUNCIL, structure } from "../../store-sqlite/test/fixtures/world.js"
import { PostgresStore } from "../src/index.js"
import { describePg, TEST_URL } from "./utils/postgres.js"
import { newSchemaName, raw } from "./utils/shared.js"

const urlAs = (role: string): string => {
  const u = new URL(TEST_URL)
  u.username = role
  u.password = ""
  return u.toString()
}

/** Opens a store with `config`, runs `f`, and tells what opening did to the schema. */
const open = <A>(config: PostgresStore.PostgresStoreConfig, f: (store: Store.StoreService) => Effect.Effect<A, unknown>) => {
  const outcomes: Array<Migrations.Outcome> = []
  return Effect.runPromise(
    Effect.flatMap(Store.Store, f).pipe(Effect.provide(PostgresStore.layer({ ...config, maxConnections: 2, onSchema: (o) => outcomes.push(o) })))
  ).then((value) => ({ value, outcomes }))
}

describePg("opening with a role that may not create schemas", () => {
  it("an owned schema is created into and migrated; an up-to-date one opens read-only; a missing one fails saying what to do", { timeout: 120_000 }, async () => {
    const suffix = randomUUID().replace(/-/g, "").slice(0, 12)
    const role = `hdnd_t_role_${suffix}`
    const schema = newSchemaName()
    const missing = newSchemaName()
    await raw((sql) =>
      Effect.gen(function* () {
        yield* sql.query(`CREATE ROLE ${role} LOGIN`)
        yield* sql.query(`CREATE SCHEMA "${schema}" AUTHORIZATION ${role}`)
      })
    )
    try {
      const [privilege] = await raw((sql) => sql.query<{ c: boolean }>(`SELECT has_database_privilege($1, current_database(), 'CREATE') AS c`, [role]))
      expect(privilege?.c, "the role lacks CREATE on the database").toBe(false)
      const url = urlAs(role)

      // Created into the owned schema, then written to.
      const created = await open({ url, schema }, (store) => Effect.andThen(store.upsert(structure()), store.count("councils")))
      expect(created.outcomes).toEqual([{ from: 0, to: Migrations.SCHEMA_VERSION }])
      expect(created.value).toBe(1)
      // Opened again: up to date.
      const again = await open({ url, schema }, (store) => store.count("councils"))
      expect(again.outcomes).toEqual([{ from: Migrations.SCHEMA_VERSION, to: Migrations.SCHEMA_VERSION }])

      // Every session of the role read-only, as on a hot standby: an up-to-date schema opens (writing
      // mode included) and serves reads; a write fails.
      await raw((sql) => sql.query(`ALTER ROLE ${role} SET default_transaction_read_only = on`))
      const standby = await open({ url, schema }, (store) =>
        Effect.gen(function* () {
          const council = yield* store.get("councils", COUNCIL)
          const write = yield* Effect.flip(store.upsert({ councils: [council] }))
          return { name: council.name, write: String(write.message) }
        })
      )
      expect(standby.outcomes).toEqual([{ from: Migrations.SCHEMA_VERSION, to: Migrations.SCHEMA_VERSION }])
      expect(standby.value.name).toBe("HĐND tỉnh Sơn La")
      expect(standby.value.write).toMatch(/read-only transaction/)
      const readonly = await open({ url, schema, readonly: true }, (store) => store.count("organs"))
      expect(readonly.value).toBe(5)
      expect(readonly.outcomes, "not called read-only").toEqual([])
      await raw((sql) => sql.query(`ALTER ROLE ${role} RESET default_transaction_read_only`))

      // A schema that does not exist, which the role may not create.
      const failure = await open({ url, schema: missing }, () => Effect.void).then(
        () => undefined,
        (e: unknown) => e as { code?: string; vi?: string; en?: string }
      )
      expect(failure?.code).toBe("hdnd/store/migrate-failed")
      expect(failure?.en).toContain(`CREATE SCHEMA "${missing}" AUTHORIZATION ${role}`)
      expect(failure?.vi).toContain(`CREATE SCHEMA "${missing}" AUTHORIZATION ${role}`)
      const [nothing] = await raw((sql) => sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1`, [missing]))
      expect(nothing?.n).toBe(0)
    } finally {
      await raw((sql) =>
        Effect.gen(function* () {
          yield* sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
          yield* sql.query(`DROP SCHEMA IF EXISTS "${missing}" CASCADE`)
          yield* sql.query(`DROP ROLE IF EXISTS ${role}`)
        })
      )
    }
  })
})
