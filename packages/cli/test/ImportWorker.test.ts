/**
 * `hdnd import` with `HDND_IMPORT_WORKER=always`: the files read and decoded in a worker thread of
 * the bundled CLI (the worker's code is the bundle's own chunk). The same problems at the same
 * file, row and column, in both languages, nothing written on a rejection, and the same rows
 * written as in one thread.
 */
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { hdnd, seededWorkspace } from "./utils/hdnd.js"

const require_ = createRequire(path.join(path.dirname(new URL(import.meta.url).pathname), "../package.json"))
const Database = require_("better-sqlite3") as new (file: string, o?: { readonly?: boolean }) => {
  prepare(sql: string): { all(): Array<Record<string, unknown>> }
  close(): void
}
/** Every activity row of a database, in id order. */
const activities = (file: string): Array<Record<string, unknown>> => {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare("SELECT * FROM activities ORDER BY id").all()
  } finally {
    db.close()
  }
}

const ACTIVITY_HEADER = "Mã;HĐND;Loại hoạt động;Cơ quan chủ trì;Từ ngày;Kỳ họp;Nội dung;Đối tượng thẩm tra"
const row = (id: string, date = "10/07/2023") => `${id};HĐND tỉnh Sơn La;thẩm tra;Ban Pháp chế;${date};Kỳ họp thứ 7 (khóa XV);Thẩm tra ${id};dự thảo nghị quyết`
const rows = (n: number, bad: ReadonlyMap<number, string> = new Map()) =>
  `${ACTIVITY_HEADER}\n${Array.from({ length: n }, (_, i) => row(`w-${i}`, bad.get(i))).join("\n")}\n`

const WORKER = { HDND_IMPORT_WORKER: "always" }
const ws = seededWorkspace("hdnd-cli-worker-")

describe("hdnd import in a worker thread", () => {
  it("all-or-nothing: bad rows in later batches are reported at their file, row and column, and nothing is written", async () => {
    const db = ws.copy("worker-bad.sqlite")
    const before = activities(db)
    const file = ws.write("hoat-dong-worker-loi.csv", rows(1200, new Map([[2, "31/02/2023"], [1100, "không phải ngày"]])))
    const vi = await hdnd(ws.dir, ["import", "--db", db, "--batch-size", "100", file], WORKER)
    expect(vi.status).toBe(1)
    expect(vi.stderr).toContain(`${file}:4:E`)
    expect(vi.stderr).toContain(`${file}:1102:E`)
    expect(vi.stderr).toContain("cơ sở dữ liệu giữ nguyên")
    const en = await hdnd(ws.dir, ["import", "--db", db, "--lang", "en", "--batch-size", "100", file], WORKER)
    expect(en.status).toBe(1)
    expect(en.stderr).toContain(`${file}:1102:E`)
    expect(en.stderr).toContain("the database is unchanged")
    expect(activities(db)).toEqual(before)
  })

  it("writes the same rows as in one thread", async () => {
    const file = ws.write("hoat-dong-worker.csv", rows(1500))
    const one = ws.copy("one-thread.sqlite")
    const two = ws.copy("worker.sqlite")
    const a = await hdnd(ws.dir, ["import", "--db", one, "--quiet", "--batch-size", "200", file], { HDND_IMPORT_WORKER: "never" })
    const b = await hdnd(ws.dir, ["import", "--db", two, "--quiet", "--batch-size", "200", file], WORKER)
    expect(a.status, a.stderr).toBe(0)
    expect(b.status, b.stderr).toBe(0)
    expect(b.stdout).toBe(a.stdout)
    expect(b.stdout).toContain("1.500")
    const written = activities(two)
    expect(written).toEqual(activities(one))
    expect(written.filter((r) => String(r.id).startsWith("w-"))).toHaveLength(1500)
    expect(fs.existsSync(two)).toBe(true)
  })
})
