import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

describe("promise-api example", () => {
  it("runs end to end and prints the tabulation, the report and the typed error", () => {
    const script = fileURLToPath(new URL("../src/main.ts", import.meta.url))
    const dir = mkdtempSync(join(tmpdir(), "hdnd-promise-"))
    const env = { ...process.env, HDND_SQLITE_FILE: join(dir, "hdnd.sqlite") }
    const run = () => execFileSync(process.execPath, ["--import", "tsx", "--conditions=@hdnd/source", script], { encoding: "utf8", env })
    const out = run()
    expect(out).toContain("Đã ghi 13 bản ghi mới, 0 không đổi")
    // The data persisted in the SQLite file: a second run finds every record already there.
    expect(run()).toContain("Đã ghi 0 bản ghi mới, 13 không đổi")
    rmSync(dir, { recursive: true, force: true })
    expect(out).toContain("Ban Pháp chế: 1 cuộc giám sát")
    expect(out).toContain("Ban Kinh tế – Ngân sách: 1 cuộc giám sát")
    expect(out).toContain("đã thẩm tra 2 nội dung, trình 1 kỳ họp")
    expect(out).toContain("ngày không hợp lệ")
  })
})
