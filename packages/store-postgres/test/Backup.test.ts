/**
 * Backups that are tested (docs/deployment.md): a store in a database of its own is dumped with
 * `pg_dump --format=custom`, restored with `pg_restore` into another, fresh database, and the
 * restored one, opened with `PostgresStore`, holds every record the original holds and gives the
 * same tabulations. The commands are the ones the deployment guide prints.
 */
import { Activity, Dataset, Tabulation } from "@hdnd/core"
import { Migrations } from "@hdnd/store-sql"
import { StoreData, StoreExpectations, StoreHandle, StorePushdown, StoreRequests } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import fc from "fast-check"
import { execFile } from "node:child_process"
import { randomUUID } from "node:crypto"
import { mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { expect, it } from "vitest"
import { PostgresStore } from "../src/index.js"
import * as Client from "../src/internal/client.js"
import { describePg, TEST_URL } from "./utils/postgres.js"
import { raw } from "./utils/shared.js"

const run = promisify(execFile)
const SCHEMA = "hdnd"

/** The URL of another database on the test server. */
const databaseUrl = (name: string): string => {
  const u = new URL(TEST_URL)
  u.pathname = `/${name}`
  return u.toString()
}

const createDatabase = (name: string) => raw((sql) => sql.query(`CREATE DATABASE "${name}"`))
const dropDatabase = (name: string) => raw((sql) => sql.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))

/** A tabulation's outcome, comparable with `toEqual`: its canonical form, or the error's code. */
const outcome = (r: Result.Result<Tabulation.Tabulation, { readonly _tag: string; readonly code?: string }>) =>
  Result.isSuccess(r) ? { tabulation: Tabulation.toCanonical(r.success) } : { error: `${r.failure._tag} ${r.failure.code ?? ""}` }

/** The migration history of a database's `hdnd` schema. */
const migrationsOf = (url: string) =>
  Effect.runPromise(
    Effect.scoped(
      Effect.flatMap(Client.make({ url, maxConnections: 1 }), (sql) =>
        sql.query<{ version: unknown; name: string; applied_at: string }>(`SELECT version, name, applied_at FROM "${SCHEMA}".hdnd_migrations ORDER BY version`)
      )
    )
  )

/** A generated dataset with several councils and records in every collection (the first such of a seeded sample). */
const fullDataset = (): StoreData.FullDataset => {
  const samples = fc.sample(StoreData.busyDatasetArb(20, { maxActivities: 60 }), { numRuns: 100, seed: 17 })
  const full = samples.find((s) => s.world.councils.length >= 3 && (s.batch.activities ?? []).length >= 30 && Dataset.entityKinds.every((k) => (s.batch[k] ?? []).length > 0))
  if (full === undefined) throw new Error("no sample with records in every collection: change the seed")
  return full
}

/** Opens a store on a database's `hdnd` schema for the length of `f`. */
const withDatabase = <A>(url: string, f: (h: StoreHandle.StoreHandle) => Promise<A>): Promise<A> =>
  StoreHandle.withStore(PostgresStore.layer({ url, schema: SCHEMA, maxConnections: 2 }), f)

describePg("PostgreSQL backups", () => {
  it("pg_dump --format=custom and pg_restore into a fresh database give back every record and the same tabulations", { timeout: 240_000 }, async () => {
    const id = randomUUID().replace(/-/g, "").slice(0, 12)
    const source = `hdnd_bk_${id}_src`
    const target = `hdnd_bk_${id}_dst`
    const dir = mkdtempSync(join(tmpdir(), "hdnd-backup-"))
    const dump = join(dir, "hdnd.dump")
    const full = fullDataset()
    const dataset = Dataset.fromBatch(full.batch)
    const requests = fc.sample(StoreRequests.storeRequestArb(full.world), { numRuns: 40, seed: 5 })
    try {
      await createDatabase(source)
      await createDatabase(target)
      const sourceUrl = databaseUrl(source)
      const targetUrl = databaseUrl(target)
      const before = await withDatabase(sourceUrl, async (h) => {
        await h.run(h.store.upsert(full.batch))
        await StoreExpectations.expectHolds(h, dataset)
        return Promise.all(requests.map((r) => h.attempt(h.store.tabulate(r)).then(outcome)))
      })

      // The guide's commands: a custom-format dump of hdnd's schema, restored with two jobs.
      await run("pg_dump", ["--format=custom", `--schema=${SCHEMA}`, `--file=${dump}`, `--dbname=${sourceUrl}`])
      expect(statSync(dump).size).toBeGreaterThan(0)
      await run("pg_restore", ["--exit-on-error", "--no-owner", "--jobs=2", `--dbname=${targetUrl}`, dump])

      await withDatabase(targetUrl, async (h) => {
        // Every record, by stream and by get, and the counts of every collection.
        await StoreExpectations.expectHolds(h, dataset)
        for (const [i, r] of requests.entries()) {
          // The same tabulation, or the same error (a request naming an unknown council fails in both).
          expect(outcome(await h.attempt(h.store.tabulate(r))), `request ${i}: ${StoreRequests.show(r)}`).toEqual(before[i])
          // And both equal the reference engine over the records.
          await StorePushdown.check(h, dataset, r)
        }
        // The restored database is a working store: it takes writes (its write counters came along).
        const a = full.batch.activities![0]!
        const written = await h.run(h.store.upsert({ activities: [new Activity.Activity({ ...a, title: `${a.title} (sau khi khôi phục)` })] }))
        expect(written).toEqual({ inserted: 0, updated: 1, unchanged: 0 })
        expect((await h.run(h.store.get("activities", a.id))).title).toBe(`${a.title} (sau khi khôi phục)`)
      })
      // The original is untouched by the restore's write.
      await withDatabase(sourceUrl, (h) => StoreExpectations.expectHolds(h, dataset))
      // The migration history came along whole: opening the restored schema migrated nothing again.
      const [original, restored] = await Promise.all([migrationsOf(sourceUrl), migrationsOf(targetUrl)])
      expect(restored.map((m) => Number(m.version))).toEqual(Migrations.migrations.map((m) => m.version))
      expect(restored).toEqual(original)
    } finally {
      rmSync(dir, { recursive: true, force: true })
      await dropDatabase(source)
      await dropDatabase(target)
    }
  })
})
