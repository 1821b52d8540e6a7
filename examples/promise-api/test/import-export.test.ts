import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

describe("promise-api import-export example", () => {
  it("imports, tabulates, drills down, round-trips JSON and writes every export, catching typed errors", () => {
    const script = fileURLToPath(new URL("../src/import-export.ts", import.meta.url))
    const dir = mkdtempSync(join(tmpdir(), "hdnd-promise-export-test-"))
    try {
      const out = execFileSync(process.execPath, ["--import", "tsx", "--conditions=@hdnd/source", script], {
        encoding: "utf8",
        env: { ...process.env, HDND_EXAMPLE_OUT: dir }
      })
      expect(out).toMatch(/Đã nhập \d+ bản ghi/)
      expect(out).toContain("hdnd/import/rejected: tai-len.csv:2:F (Từ ngày)")
      expect(out).toContain("equal after the round trip: true")
      expect(out).toMatch(/Truy vết \/ drill-down: [1-9]\d* hồ sơ/)
      expect(out).toContain("DecodeError hdnd/decode/invalid")
      expect(readFileSync(join(dir, "bao-cao.xlsx")).subarray(0, 2).toString()).toBe("PK")
      expect(readFileSync(join(dir, "bao-cao.html"), "utf8")).toContain("<html")
      expect(JSON.parse(readFileSync(join(dir, "bao-cao.json"), "utf8")).kind).toBe("hdnd/report-document")
      expect(existsSync(join(dir, "bang-tong-hop.csv")) || existsSync(join(dir, "bang-tong-hop.zip"))).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
