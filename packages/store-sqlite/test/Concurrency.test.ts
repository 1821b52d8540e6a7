/**
 * Concurrency (issue #3 §5): several processes writing to one SQLite file lose no write and surface
 * no "database is locked" (`SQLITE_BUSY`) error to the caller; a batch re-sent by two processes is
 * stored once.
 */
import { Store } from "@hdnd/core"
import { Migrations } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SqliteStore } from "../src/index.js"
import { checkBatchContent, checkBatches, census, openRaw } from "./fixtures/check.js"
import { type ChildCommand, prepareChild, startChild, startLockHolder, tempDir } from "./fixtures/child.js"
import { structure } from "./fixtures/world.js"

const BUSY = /database is locked|SQLITE_BUSY|SQLITE_LOCKED/i

let dir: string | undefined
let command: ChildCommand

beforeAll(async () => {
  dir = tempDir("hdnd-concurrency-")
  command = await prepareChild(dir)
})
afterAll(() => {
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true })
})

/** Runs children to completion; each must exit 0 without a busy error. */
const runAll = async (argsList: ReadonlyArray<ReadonlyArray<string>>, env: Record<string, string> = {}) => {
  const children = argsList.map((args) => startChild(command, args, env))
  const ends = await Promise.all(children.map((c) => c.exited))
  children.forEach((c, i) => {
    expect(c.stderr(), `child ${i} printed no busy error`).not.toMatch(BUSY)
    expect(ends[i], `child ${i} exits 0; stderr: ${c.stderr()}`).toEqual({ code: 0, signal: null })
    expect(c.stdout.at(-1), `child ${i} finished`).toBe("done")
  })
  return children
}

/** The `committed n inserted updated unchanged` lines of a child, by batch. */
const results = (stdout: ReadonlyArray<string>) => {
  const out = new Map<number, { inserted: number; updated: number; unchanged: number }>()
  for (const line of stdout) {
    const m = /^committed (\d+) (\d+) (\d+) (\d+)$/.exec(line)
    if (m !== null) out.set(Number(m[1]), { inserted: Number(m[2]), updated: Number(m[3]), unchanged: Number(m[4]) })
  }
  return out
}

describe("SQLite: two processes writing one file", () => {
  it("loses no write and surfaces no busy error; a batch both re-send is stored once", { timeout: 180_000 }, async () => {
    const file = path.join(dir!, "two-writers.sqlite")
    // The schema and structure exist first, so this test is about concurrent writes (concurrent
    // first opens are the next test).
    await Effect.runPromise(Effect.provide(Effect.flatMap(Store.Store, (s) => s.upsert(structure())), SqliteStore.layer({ filename: file })))
    const BATCHES = 30
    const SIZE = 500
    const SHARED = 5000
    const [a, b] = await runAll([
      [file, "0", String(BATCHES), String(SIZE), String(SHARED)],
      [file, "1000", String(BATCHES), String(SIZE), String(SHARED)]
    ])
    const ra = results(a!.stdout)
    const rb = results(b!.stdout)
    expect(ra.size).toBe(BATCHES + 1)
    expect(rb.size).toBe(BATCHES + 1)
    for (const [n, r] of [...ra, ...rb]) if (n !== SHARED) expect(r, `batch ${n}`).toEqual({ inserted: SIZE, updated: 0, unchanged: 0 })
    // Whoever committed the shared batch first inserted it; the other found it unchanged.
    const shared = [ra.get(SHARED), rb.get(SHARED)]
    expect(shared).toContainEqual({ inserted: SIZE, updated: 0, unchanged: 0 })
    expect(shared).toContainEqual({ inserted: 0, updated: 0, unchanged: SIZE })

    const all = new Set([...Array.from({ length: BATCHES }, (_, i) => i), ...Array.from({ length: BATCHES }, (_, i) => 1000 + i), SHARED])
    const db = openRaw(file)
    try {
      const c = census(db)
      const present = checkBatches(c, { size: SIZE, begun: all, committed: all })
      expect([...present].sort((x, y) => x - y)).toEqual([...all].sort((x, y) => x - y))
      expect(c.totalActivities).toBe((2 * BATCHES + 1) * SIZE)
      checkBatchContent(db, SHARED, SIZE)
      checkBatchContent(db, BATCHES - 1, SIZE)
      checkBatchContent(db, 1000 + BATCHES - 1, SIZE)
    } finally {
      db.close()
    }
    const counted = await Effect.runPromise(Effect.provide(Effect.flatMap(Store.Store, (s) => s.count("activities")), SqliteStore.layer({ filename: file })))
    expect(counted).toBe((2 * BATCHES + 1) * SIZE)
  })

  it("opens a brand-new file from several processes at once without a busy error", { timeout: 180_000 }, async () => {
    // Each round: four processes create, migrate and write the structure of the same new file at
    // the same moment, then write one batch each.
    const ROUNDS = 6
    const PROCESSES = 4
    const SIZE = 50
    for (let round = 0; round < ROUNDS; round++) {
      const file = path.join(dir!, `fresh-${round}.sqlite`)
      // They load first and open the file together, at a moment agreed in advance.
      await runAll(Array.from({ length: PROCESSES }, (_, i) => [file, String(i * 100), "1", String(SIZE)]), {
        HDND_CHILD_START_AT: String(Date.now() + 1500)
      })
      const all = new Set(Array.from({ length: PROCESSES }, (_, i) => i * 100))
      const db = openRaw(file)
      try {
        const c = census(db)
        expect(checkBatches(c, { size: SIZE, begun: all, committed: all }).size).toBe(PROCESSES)
        expect(Number(db.prepare("SELECT COUNT(*) AS c FROM hdnd_migrations").get()?.c), "one record per migration").toBe(Migrations.SCHEMA_VERSION)
        expect(Number(db.prepare("SELECT COUNT(*) AS c FROM organs").get()?.c), "the structure once").toBe(5)
      } finally {
        db.close()
      }
    }
  })

  it("opening a file another process is migrating waits for it instead of failing with SQLITE_BUSY", { timeout: 60_000 }, async () => {
    // Another process holds the write lock in the middle of its migration (for 3 s, less than the
    // store's 5 s busy timeout). Opening the file meanwhile must wait, then migrate, then work.
    const file = path.join(dir!, "being-migrated.sqlite")
    const holder = startLockHolder(file, 3000)
    expect(await holder.waitFor(/^locked$/), `the lock holder started: ${holder.stderr()}`).toBe("locked")
    const [child] = await runAll([[file, "0", "1", "50"]])
    expect(child!.stdout).toContain("committed 0 50 0 0")
    expect(await holder.exited).toEqual({ code: 0, signal: null })
    expect(holder.stdout).toEqual(["locked", "released"])
    const db = openRaw(file)
    try {
      const all = new Set([0])
      checkBatches(census(db), { size: 50, begun: all, committed: all })
    } finally {
      db.close()
    }
  })
})
