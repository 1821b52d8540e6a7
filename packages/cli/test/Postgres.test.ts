import { PostgresStore } from "@hdnd/store-postgres"
// The store's raw-SQL port (PostgresStore.layer provides it); resolved from the workspace root.
import { Database } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import { randomUUID } from "node:crypto"
import * as fs from "node:fs"
import { createConnection } from "node:net"
import { afterAll, describe, expect, it } from "vitest"
import { hdnd, SON_LA_FILES, SON_LA_FOLLOW_UP, tempDir } from "./utils/hdnd.js"

const URL_ = process.env.HDND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"

const reachable = await new Promise<boolean>((resolve) => {
  const u = new URL(URL_)
  const socket = createConnection({ host: u.hostname, port: Number(u.port || 5432) })
  const done = (ok: boolean) => (socket.destroy(), resolve(ok))
  socket.setTimeout(1500, () => done(false))
  socket.once("connect", () => done(true))
  socket.once("error", () => done(false))
})
if (!reachable && process.env.CI !== undefined) throw new Error(`PostgreSQL is not reachable at ${URL_}; CI must run the CLI's PostgreSQL test`)
if (!reachable) console.warn(`hdnd --database-url test skipped: no PostgreSQL at ${URL_} (set HDND_TEST_DATABASE_URL to run it)`)

const schema = `hdnd_cli_${randomUUID().replace(/-/g, "").slice(0, 12)}`
const dir = tempDir("hdnd-cli-pg-")

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true })
  if (!reachable) return
  await Effect.runPromise(
    Effect.gen(function* () {
      const db = yield* Database.Database
      yield* db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    }).pipe(
      Effect.provide(PostgresStore.layer({ url: URL_, schema })),
      Effect.ignore
    )
  )
})

/** Raw SQL on the server, through the store of this file's own schema (dropped at the end). */
const raw = PostgresStore.layer({ url: URL_, schema })

/** The tables of a schema, from the catalogue. */
const tablesOf = (name: string) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const db = yield* Database.Database
      return (yield* db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = '${name}' ORDER BY table_name`)) as ReadonlyArray<{ table_name: string }>
    }).pipe(Effect.provide(raw))
  )

describe.skipIf(!reachable)("hdnd --database-url (PostgreSQL)", () => {
  it("read commands do not migrate: an un-migrated schema gets no tables, and the message says to run hdnd init (exit 1)", async () => {
    const fresh = `${schema}_fresh`
    const env = { HDND_DATABASE_SCHEMA: fresh, HDND_DATABASE_URL: URL_ }
    for (const command of [["units"], ["stats", "-i", "core/review.content", "--from", "2023-01-01", "--to", "2023-12-31"], ["recommendations", "list"]]) {
      const r = await hdnd(dir, command, env)
      expect(r.status, r.stderr).toBe(1)
      expect(r.stderr).toContain("Lỗi:")
      expect(r.stderr).toContain("hdnd init")
      expect(await tablesOf(fresh)).toEqual([])
    }
    const en = await hdnd(dir, ["units", "--lang", "en"], env)
    expect(en.stderr).toContain("the database has no hdnd schema")
    // An older schema: migrated, then one version taken back; a read command says it needs a migration.
    const init = await hdnd(dir, ["init", "--quiet"], env)
    expect(init.status, init.stderr).toBe(0)
    await Effect.runPromise(
      Effect.gen(function* () {
        const db = yield* Database.Database
        yield* db.query(`DELETE FROM "${fresh}".hdnd_migrations WHERE version = (SELECT MAX(version) FROM "${fresh}".hdnd_migrations)`)
      }).pipe(Effect.provide(raw))
    )
    const old = await hdnd(dir, ["units"], env)
    expect(old.status, old.stderr).toBe(1)
    expect(old.stderr).toContain("cần nâng cấp lược đồ")
    expect(old.stderr).toContain("hdnd init")
    const versions = await Effect.runPromise(
      Effect.gen(function* () {
        const db = yield* Database.Database
        const rows = (yield* db.query(`SELECT COUNT(*)::int AS n FROM "${fresh}".hdnd_migrations`)) as ReadonlyArray<{ n: number }>
        yield* db.query(`DROP SCHEMA IF EXISTS "${fresh}" CASCADE`)
        return rows[0]?.n
      }).pipe(Effect.provide(raw))
    )
    // Still one short: the read command did not migrate it.
    const { Migrations } = await import("@hdnd/store-sql")
    expect(versions).toBe(Migrations.SCHEMA_VERSION - 1)
  }, 180_000)

  it("init says whether it created the schema, migrated it from one version to another, or found it up to date (vi and en)", async () => {
    const { Migrations } = await import("@hdnd/store-sql")
    const v = Migrations.SCHEMA_VERSION
    const own = `${schema}_init`
    const env = { HDND_DATABASE_SCHEMA: own, HDND_DATABASE_URL: URL_ }
    try {
      const created = await hdnd(dir, ["init"], env)
      expect(created.status, created.stderr).toBe(0)
      expect(created.stderr).toContain(`Đã tạo lược đồ hdnd (v${v})`)
      expect(created.stderr).toContain(`lược đồ "${own}"`)
      const again = await hdnd(dir, ["init", "--lang", "en"], env)
      expect(again.status, again.stderr).toBe(0)
      expect(again.stderr).toContain(`is up to date (schema v${v}); nothing to change.`)
      expect(again.stderr).not.toContain("Created")
      const againVi = await hdnd(dir, ["init"], env)
      expect(againVi.stderr).toContain(`đã có lược đồ mới nhất (v${v})`)
      // One version taken back (its BRIN index dropped, its record deleted): init migrates it.
      await Effect.runPromise(
        Effect.gen(function* () {
          const db = yield* Database.Database
          yield* db.query(`DROP INDEX IF EXISTS "${own}".activities_date`)
          yield* db.query(`DELETE FROM "${own}".hdnd_migrations WHERE version = ${v}`)
        }).pipe(Effect.provide(raw))
      )
      const migrated = await hdnd(dir, ["init", "--lang", "en"], env)
      expect(migrated.status, migrated.stderr).toBe(0)
      expect(migrated.stderr).toContain(`Migrated the schema of the database`)
      expect(migrated.stderr).toContain(`from v${v - 1} to v${v}.`)
      await Effect.runPromise(
        Effect.gen(function* () {
          const db = yield* Database.Database
          yield* db.query(`DELETE FROM "${own}".hdnd_migrations WHERE version = ${v}`)
          yield* db.query(`DROP INDEX IF EXISTS "${own}".activities_date`)
        }).pipe(Effect.provide(raw))
      )
      const migratedVi = await hdnd(dir, ["init"], env)
      expect(migratedVi.stderr).toContain(`từ v${v - 1} lên v${v}.`)

      // The version taken back again, and another session writing to the activities in an open
      // transaction: init waits HDND_MIGRATION_LOCK_TIMEOUT_MS for the lock, then fails saying what to do.
      await Effect.runPromise(
        Effect.gen(function* () {
          const db = yield* Database.Database
          yield* db.query(`DELETE FROM "${own}".hdnd_migrations WHERE version = ${v}`)
          yield* db.query(`DROP INDEX IF EXISTS "${own}".activities_date`)
        }).pipe(Effect.provide(raw))
      )
      const bad = await hdnd(dir, ["init", "--lang", "en"], { ...env, HDND_MIGRATION_LOCK_TIMEOUT_MS: "soon" })
      expect(bad.status).toBe(1)
      expect(bad.stderr).toContain(`HDND_MIGRATION_LOCK_TIMEOUT_MS must be a whole number of milliseconds`)
      let release: () => void = () => {}
      const released = new Promise<void>((r) => (release = r))
      let locked: () => void = () => {}
      const lockTaken = new Promise<void>((r) => (locked = r))
      const holder = Effect.runPromise(
        Effect.gen(function* () {
          const db = yield* Database.Database
          yield* db.withTransaction(
            Effect.gen(function* () {
              yield* db.query(`LOCK TABLE "${own}".activities IN ROW EXCLUSIVE MODE`)
              locked()
              yield* Effect.promise(() => released)
            })
          )
        }).pipe(Effect.provide(raw))
      )
      await lockTaken
      const blocked = await hdnd(dir, ["init", "--lang", "en"], { ...env, HDND_MIGRATION_LOCK_TIMEOUT_MS: "300" })
      release()
      await holder
      expect(blocked.status, "a database failure: exit 2").toBe(2)
      expect(blocked.stderr).toContain(`waited more than 0.3 s for a table lock`)
      expect(blocked.stderr).toContain("pg_blocking_pids")
      const after = await hdnd(dir, ["init", "--lang", "en"], env)
      expect(after.stderr).toContain(`from v${v - 1} to v${v}.`)
    } finally {
      await Effect.runPromise(
        Effect.flatMap(Database.Database, (db) => db.query(`DROP SCHEMA IF EXISTS "${own}" CASCADE`)).pipe(Effect.provide(raw), Effect.ignore)
      )
    }
  }, 180_000)

  it("init with the Sơn La files, then stats, recommendations and programme progress, on a PostgreSQL schema (HDND_DATABASE_SCHEMA)", async () => {
    const env = { HDND_DATABASE_SCHEMA: schema }
    const init = await hdnd(dir, ["init", "--database-url", URL_, "--quiet", ...SON_LA_FILES], env)
    expect(init.status, init.stderr).toBe(0)
    expect(fs.existsSync(`${dir}/hdnd.sqlite`)).toBe(false)
    const stats = await hdnd(dir, ["stats", "-i", "core/review.draft-resolution", "--from", "2022-08-01", "--to", "2023-08-31", "--by", "level", "--format", "json"], {
      ...env,
      HDND_DATABASE_URL: URL_
    })
    expect(stats.status, stats.stderr).toBe(0)
    expect((JSON.parse(stats.stdout) as Array<{ level: string; value: number }>).find((r) => r.level === "province")?.value).toBe(117)

    const pg = { ...env, HDND_DATABASE_URL: URL_ }
    const followUp = await hdnd(dir, ["import", "--quiet", ...SON_LA_FOLLOW_UP], pg)
    expect(followUp.status, followUp.stderr).toBe(0)
    const recommendations = await hdnd(dir, ["recommendations", "stats", "--as-of", "2023-12-01", "--format", "json"], pg)
    expect(recommendations.status, recommendations.stderr).toBe(0)
    expect(JSON.parse(recommendations.stdout).total).toMatchObject({ raised: 9, answered: 6, resolved: 2, overdue: 3 })
    const progress = await hdnd(dir, ["programme", "progress", "--as-of", "2023-08-31", "--format", "json"], pg)
    expect(progress.status, progress.stderr).toBe(0)
    expect(JSON.parse(progress.stdout)).toEqual([expect.objectContaining({ id: "ct-2023-ban-phap-che", planned: 8, done: 4 })])
  }, 180_000)
})
