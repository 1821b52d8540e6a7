/**
 * Issue #16 on PostgreSQL (never tried before): `hdnd import --database-url` killed with SIGKILL at
 * random moments leaves no partial import, and eight `hdnd import` processes (eight connections)
 * writing at once lose nothing. The checks are `@hdnd/testkit`'s ImportSafety, as for SQLite in
 * CrashImport.test.ts. Each test works in a database of its own, created here and dropped afterwards.
 *
 * A failure names its seed, replayed with `HDND_CRASH_SEED=<seed>`.
 */
import { ImportSafety } from "@hdnd/testkit"
import { randomUUID } from "node:crypto"
import * as fs from "node:fs"
import { createConnection } from "node:net"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it, onTestFailed, onTestFinished } from "vitest"
import { bundled, hdnd, tempDir } from "./utils/hdnd.js"
import { postgresSnapshot, postgresTarget, scratchDatabase, startImport, writeWorld, type World } from "./utils/importSafety.js"

const ADMIN_URL = process.env.HDND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"

const reachable = await new Promise<boolean>((resolve) => {
  const u = new URL(ADMIN_URL)
  const socket = createConnection({ host: u.hostname, port: Number(u.port || 5432) })
  const done = (ok: boolean) => (socket.destroy(), resolve(ok))
  socket.setTimeout(1500, () => done(false))
  socket.once("connect", () => done(true))
  socket.once("error", () => done(false))
})
if (!reachable && process.env.CI !== undefined) throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL}; CI must run the PostgreSQL crash test`)
if (!reachable) console.warn(`PostgreSQL crash test skipped: no server at ${ADMIN_URL} (set HDND_TEST_DATABASE_URL to run it)`)

const KILLS = 20
const PARTS = 4
const PER_PART = 1500
const BATCH = 1000
const WRITERS = 8

let dir: string
beforeAll(async () => {
  await bundled()
  dir = tempDir("hdnd-crash-pg-")
}, 120_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const newName = () => `hdnd_crash_${randomUUID().replace(/-/g, "").slice(0, 12)}`
let template: Promise<{ name: string; drop: () => Promise<void> }> | undefined
afterAll(async () => {
  if (template !== undefined) await (await template).drop()
})

/**
 * A database of this test's own (dropped when the test ends) with the world's structure and no
 * activity: a copy (`CREATE DATABASE … TEMPLATE`) of one made by `hdnd init`, as every world of
 * writeWorld has the same structure.
 */
const fresh = async (world: World) => {
  template ??= (async () => {
    const db = await scratchDatabase(ADMIN_URL, newName())
    const r = await hdnd(dir, ["init", "--database-url", db.url, "--quiet", ...world.structure])
    expect(r.status, r.stderr).toBe(0)
    return db
  })()
  const db = await scratchDatabase(ADMIN_URL, newName(), (await template).name)
  onTestFinished(db.drop)
  return db.url
}

describe.skipIf(!reachable)("hdnd import on PostgreSQL, killed and concurrent", () => {
  it(`SIGKILL at ${KILLS}+ random moments: each import all-or-nothing (or whole batches), a re-run gives a clean import's rows`, async () => {
    const started = Date.now()
    const world = writeWorld(path.join(dir, "crash"), PARTS, PER_PART)
    const ref = await fresh(world)
    const run = await startImport(dir, ["--database-url", ref], world.all, { _tag: "all-or-nothing" })
    expect(await run.writing, "the reference import reports progress").toBe(true)
    const writingAt = Date.now()
    const end = await run.ended
    expect(end.code, end.stderr).toBe(0)
    const windowMs = Math.max(150, ((Date.now() - writingAt) / PARTS) * 1.1)
    const reference = await postgresSnapshot(ref)
    expect(reference.ids.size).toBe(PARTS * PER_PART)

    const db = await fresh(world)
    const seed = ImportSafety.seedFromEnv()
    const log: Array<string> = []
    onTestFailed(() => console.info(`rounds before the failure:\n${log.join("\n")}`))
    const target = postgresTarget(dir, db, () => fresh(world))
    const report = await ImportSafety.crashRounds({ target, parts: world.parts, kills: KILLS, seed, windowMs, batchSize: BATCH, reference, onRound: (r) => log.push(JSON.stringify(r)) })
    console.info(`crash (PostgreSQL): ${JSON.stringify(report)}, window ${Math.round(windowMs)} ms, ${Math.round((Date.now() - started) / 1000)} s`)
    expect(report.kills).toBeGreaterThanOrEqual(KILLS)
    // Most kills landed inside a first import's transaction, not after its commit (the window follows the machine's speed).
    expect(report.keptBefore + report.partialBatches, `seed ${seed}: kills that interrupted an import`).toBeGreaterThanOrEqual(KILLS / 2)
  }, 360_000)

  /** Each writer's file holds 300 activities of its own and 200 that every file holds; the reference is a clean import of them all. */
  const makeConcurrentWorld = async () => {
    const world = writeWorld(path.join(dir, "concurrent"), WRITERS, 300, 200)
    const ref = await fresh(world)
    const r = await hdnd(dir, ["import", "--database-url", ref, "--quiet", world.all.file])
    expect(r.status, r.stderr).toBe(0)
    return { world, reference: await postgresSnapshot(ref) }
  }
  let concurrentWorld: ReturnType<typeof makeConcurrentWorld> | undefined

  for (const mode of [{ _tag: "all-or-nothing" }, { _tag: "batches", size: 100 }] as const) {
    it(`${WRITERS} processes importing at once (${mode._tag}; distinct and shared ids) lose nothing and fail none`, async () => {
      const started = Date.now()
      const { world, reference } = await (concurrentWorld ??= makeConcurrentWorld())
      const db = await fresh(world)
      const report = await ImportSafety.concurrentImports({ target: postgresTarget(dir, db), plan: world.parts.map((p) => [p]), reference, mode })
      console.info(`concurrent (PostgreSQL, ${mode._tag}): ${JSON.stringify(report)}, ${Math.round((Date.now() - started) / 1000)} s`)
      expect(report.rows).toBe(WRITERS * 300 + 200)
    }, 180_000)
  }
})
