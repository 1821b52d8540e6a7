/**
 * Issue #16: `hdnd import` killed with SIGKILL at random moments on a real SQLite file, and eight
 * `hdnd import` processes writing one file at once (the checks are `@hdnd/testkit`'s ImportSafety;
 * the PostgreSQL runs are in PostgresCrash.test.ts).
 *
 * The kill delays come from a seeded generator: a failure names its seed, replayed with
 * `HDND_CRASH_SEED=<seed>` (where the kills land still depends on the machine's speed).
 */
import { ImportSafety } from "@hdnd/testkit"
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest"
import { bundled, hdnd, tempDir } from "./utils/hdnd.js"
import { sqliteSnapshot, sqliteTarget, startImport, writeWorld, type World } from "./utils/importSafety.js"

const KILLS = 20
const PARTS = 4
const PER_PART = 3000
const BATCH = 1000
const WRITERS = 8

let dir: string
beforeAll(async () => {
  await bundled()
  dir = tempDir("hdnd-crash-import-")
}, 120_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

let template: Promise<string> | undefined

/**
 * A database with the world's structure and no activity: a copy of one made by `hdnd init` (every
 * world of writeWorld has the same structure), which saves a CLI run per database.
 */
const fresh = async (world: World, name: string) => {
  template ??= (async () => {
    const db = path.join(dir, "template.sqlite")
    const r = await hdnd(dir, ["init", "--db", db, "--quiet", ...world.structure])
    expect(r.status, r.stderr).toBe(0)
    expect(fs.existsSync(`${db}-wal`), "init leaves no WAL behind, so the file alone is the database").toBe(false)
    return db
  })()
  const db = path.join(dir, name)
  fs.copyFileSync(await template, db)
  return db
}

describe("hdnd import on SQLite, killed and concurrent", () => {
  it(`SIGKILL at ${KILLS}+ random moments: the file stays intact, each import all-or-nothing (or whole batches), a re-run gives a clean import's rows`, async () => {
    const started = Date.now()
    const world = writeWorld(path.join(dir, "crash"), PARTS, PER_PART)
    // The reference: a clean import of every activity; its timing gives the window the kills land in.
    const ref = await fresh(world, "reference.sqlite")
    const run = await startImport(dir, ["--db", ref], world.all, { _tag: "all-or-nothing" })
    expect(await run.writing, "the reference import reports progress").toBe(true)
    const writingAt = Date.now()
    const end = await run.ended
    expect(end.code, end.stderr).toBe(0)
    // One part takes about a PARTS-th of the whole import's writing time.
    const windowMs = Math.max(150, ((Date.now() - writingAt) / PARTS) * 1.1)
    const reference = sqliteSnapshot(ref)
    expect(reference.ids.size).toBe(PARTS * PER_PART)

    const db = await fresh(world, "crash.sqlite")
    const seed = ImportSafety.seedFromEnv()
    const log: Array<string> = []
    onTestFailed(() => console.info(`rounds before the failure:\n${log.join("\n")}`))
    let resets = 0
    const target = sqliteTarget(dir, db, () => fresh(world, `crash-${++resets}.sqlite`))
    const report = await ImportSafety.crashRounds({ target, parts: world.parts, kills: KILLS, seed, windowMs, batchSize: BATCH, reference, onRound: (r) => log.push(JSON.stringify(r)) })
    console.info(`crash (SQLite): ${JSON.stringify(report)}, window ${Math.round(windowMs)} ms, ${Math.round((Date.now() - started) / 1000)} s`)
    expect(report.kills).toBeGreaterThanOrEqual(KILLS)
    // Most kills landed inside a first import's transaction, not after its commit (the window follows the machine's speed).
    expect(report.keptBefore + report.partialBatches, `seed ${seed}: kills that interrupted an import`).toBeGreaterThanOrEqual(KILLS / 2)
  }, 360_000)

  /** Each writer's file holds 300 activities of its own and 200 that every file holds; the reference is a clean import of them all. */
  const makeConcurrentWorld = async () => {
    const world = writeWorld(path.join(dir, "concurrent"), WRITERS, 300, 200)
    const ref = await fresh(world, "reference-concurrent.sqlite")
    const r = await hdnd(dir, ["import", "--db", ref, "--quiet", world.all.file])
    expect(r.status, r.stderr).toBe(0)
    return { world, reference: sqliteSnapshot(ref) }
  }
  let concurrentWorld: ReturnType<typeof makeConcurrentWorld> | undefined

  // With the busy timeout (5 s) and the store's retries, a writer that finds the file locked waits
  // for the lock instead of failing; batch by batch, the writers' transactions interleave.
  for (const mode of [{ _tag: "all-or-nothing" }, { _tag: "batches", size: 100 }] as const) {
    it(`${WRITERS} processes importing into one file at once (${mode._tag}; distinct and shared ids) lose nothing and fail none`, async () => {
      const started = Date.now()
      const { world, reference } = await (concurrentWorld ??= makeConcurrentWorld())
      const db = await fresh(world, `concurrent-${mode._tag}.sqlite`)
      const report = await ImportSafety.concurrentImports({ target: sqliteTarget(dir, db), plan: world.parts.map((p) => [p]), reference, mode })
      console.info(`concurrent (SQLite, ${mode._tag}): ${JSON.stringify(report)}, ${Math.round((Date.now() - started) / 1000)} s`)
      expect(report.rows).toBe(WRITERS * 300 + 200)
    }, 180_000)
  }
})
