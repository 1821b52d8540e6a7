import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { writeImportFiles } from "../../../bench/import-files.js"
import type { ImportFiles } from "../../../bench/import-files.js"
import { bundled, hdnd, start, tempDir } from "./utils/hdnd.js"

const require_ = createRequire(path.join(path.dirname(new URL(import.meta.url).pathname), "../package.json"))
const Database = require_("better-sqlite3") as new (file: string) => {
  prepare(sql: string): { get(): Record<string, unknown> }
  pragma(s: string, o?: { simple: boolean }): unknown
  close(): void
}
const inspect = (file: string) => {
  const db = new Database(file)
  try {
    return { integrity: db.pragma("integrity_check", { simple: true }), activities: Number(db.prepare("SELECT COUNT(*) AS n FROM activities").get().n) }
  } finally {
    db.close()
  }
}

let dir: string
let files: ImportFiles
const ROWS = 120_000

beforeAll(async () => {
  await bundled()
  dir = tempDir("hdnd-interrupt-")
  files = await writeImportFiles(dir, ROWS)
}, 180_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Starts an import, sends SIGINT once `after` rows are reported, and waits for the end. */
const interrupt = async (db: string, extra: ReadonlyArray<string>, env: Record<string, string> = {}) => {
  let sent = false
  const { done } = await start(dir, ["import", "--db", db, ...extra, files.activities], (stderr, child) => {
    if (!sent && /\d+%\s+[\d.]+ dòng/.test(stderr)) {
      sent = true
      child.kill("SIGINT")
    }
  }, env)
  const r = await done
  expect(sent, `the import reported progress before it ended: ${r.stderr}`).toBe(true)
  return r
}

describe("Ctrl-C during an import", () => {
  it("all-or-nothing: exit 130 and the database is as it was before the import", async () => {
    const db = path.join(dir, "all.sqlite")
    expect((await hdnd(dir, ["init", "--db", db, "--quiet", ...files.structure])).status).toBe(0)
    const r = await interrupt(db, [])
    expect(r.status, r.stderr).toBe(130)
    expect(r.stderr).toContain("Đã dừng")
    expect(inspect(db)).toEqual({ integrity: "ok", activities: 0 })
  }, 120_000)

  it("all-or-nothing, decoding in a worker thread (HDND_IMPORT_WORKER): exit 130 and the database is as it was", async () => {
    const db = path.join(dir, "worker.sqlite")
    expect((await hdnd(dir, ["init", "--db", db, "--quiet", ...files.structure])).status).toBe(0)
    const r = await interrupt(db, [], { HDND_IMPORT_WORKER: "always" })
    expect(r.status, r.stderr).toBe(130)
    expect(r.stderr).toContain("Đã dừng")
    expect(inspect(db)).toEqual({ integrity: "ok", activities: 0 })
  }, 120_000)

  it("skip-invalid: exit 130 and only whole batches were written", async () => {
    const db = path.join(dir, "skip.sqlite")
    expect((await hdnd(dir, ["init", "--db", db, "--quiet", ...files.structure])).status).toBe(0)
    const r = await interrupt(db, ["--skip-invalid", "--batch-size", "5000"])
    expect(r.status, r.stderr).toBe(130)
    const after = inspect(db)
    expect(after.integrity).toBe("ok")
    expect(after.activities % 5000).toBe(0)
    expect(after.activities).toBeLessThan(ROWS)
  }, 120_000)
})
