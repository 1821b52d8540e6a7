/**
 * Issue #16 through the real `hdnd` executable: what a careless clerk or a hostile file could do to
 * the CLI's own outputs and to its database. Formula cells in `--format csv` listings are guarded
 * (D3); read commands refuse a missing database (D4), open an existing one read-only without writing
 * to it, and say when it needs a migration (D5); an oversized DOCX appendix is refused early (D6);
 * argument errors are bilingual and name the option, and `--lang` works anywhere (D9); unwritable
 * output paths are located usage errors (D10); a report killed while writing leaves the previous
 * file intact.
 */
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { baseEnv, bundled, hdnd, seededWorkspace, SON_LA, hdndUnprivileged, sha } from "./utils/hdnd.js"

const require_ = createRequire(path.join(path.dirname(new URL(import.meta.url).pathname), "../package.json"))
const Database = require_("better-sqlite3") as new (file: string) => { exec(sql: string): void; close(): void }

const ws = seededWorkspace("hdnd-guards-")
const PERIOD = ["--from", "2023-01-01", "--to", "2023-12-31", "-i", "core/review.content"]
const REPORT = ["--template", path.join(SON_LA, "mau-bao-cao.json"), "--from", "2022-08-01", "--to", "2023-08-31", "--scope", "unit:14"]

describe("D3: CSV written by the commands is guarded against formulas", () => {
  it("recommendations list --format csv writes a formula title with the exporter's apostrophe", async () => {
    const db = ws.copy("d3.sqlite")
    const source = fs.readFileSync(path.join(SON_LA, "kien-nghi.csv"), "utf8").split("\n")
    const payload = "=cmd|' /C calc'!A0"
    source[1] = source[1]!.replace("Đề nghị hướng dẫn mức chi hỗ trợ hoạt động giám sát của các ban HĐND cấp huyện", payload)
    expect(source[1]).toContain(payload)
    const file = ws.write("d3/kien-nghi.csv", source.join("\n"))
    const imported = await hdnd(ws.dir, ["import", "--db", db, "--quiet", file])
    expect(imported.status, imported.stderr).toBe(0)
    const r = await hdnd(ws.dir, ["recommendations", "list", "--db", db, "--format", "csv"])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain(`'${payload}`)
    for (const line of r.stdout.split("\r\n")) expect(line.split(",").some((cell) => /^"?[=+@]/.test(cell))).toBe(false)
  })
})

describe("D4: a read command refuses a database file that does not exist", () => {
  for (const command of [["stats", ...PERIOD], ["report", ...REPORT], ["units"], ["recommendations", "list"], ["programme", "progress"]]) {
    it(`${command.slice(0, 2).join(" ")}: exit 1, a message that suggests hdnd init, and no file created`, async () => {
      const missing = path.join(ws.dir, `typo-${command[0]}.sqlite`)
      const vi = await hdnd(ws.dir, [...command, "--db", missing])
      expect(vi.status, vi.stderr).toBe(1)
      expect(vi.stderr).toContain("Lỗi:")
      expect(vi.stderr).toContain("hdnd init")
      expect(vi.stdout).toBe("")
      expect(fs.existsSync(missing)).toBe(false)
      const en = await hdnd(ws.dir, [...command, "--db", missing, "--lang", "en"])
      expect(en.status).toBe(1)
      expect(en.stderr).toMatch(/Error: there is no database file .*hdnd init/)
    })
  }
})

describe("D5: read commands open the database read-only", () => {
  it("a report from a read-only file (in a folder the user may write to) leaves the file byte for byte as it was", async () => {
    const dir = path.join(ws.dir, "rw")
    fs.mkdirSync(dir, { mode: 0o777 })
    fs.chmodSync(dir, 0o777)
    fs.chmodSync(ws.dir, 0o755)
    const db = path.join(dir, "ro.sqlite")
    fs.copyFileSync(ws.seeded, db)
    fs.chmodSync(db, 0o444)
    const before = sha(db)
    const r = await hdndUnprivileged(ws.dir, ["report", "--db", db, ...REPORT, "--format", "md"])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain("kỳ họp")
    expect(sha(db)).toBe(before)
  })

  it("a read-only file in a read-only folder (a read-only share) is read, and nothing is written there", async () => {
    const dir = path.join(ws.dir, "share")
    fs.mkdirSync(dir)
    const db = path.join(dir, "ro.sqlite")
    fs.copyFileSync(ws.seeded, db)
    fs.chmodSync(db, 0o444)
    fs.chmodSync(ws.dir, 0o755)
    fs.chmodSync(dir, 0o555)
    try {
      const before = sha(db)
      const expected = await hdnd(ws.dir, ["stats", "--db", ws.seeded, ...PERIOD, "--format", "json"])
      expect(expected.status, expected.stderr).toBe(0)
      const r = await hdndUnprivileged(ws.dir, ["stats", "--db", db, ...PERIOD, "--format", "json"])
      expect(r.status, r.stderr).toBe(0)
      expect(r.stdout).toBe(expected.stdout)
      expect(sha(db)).toBe(before)
      expect(fs.readdirSync(dir)).toEqual(["ro.sqlite"])
    } finally {
      fs.chmodSync(dir, 0o755)
    }
  })

  it("a file that needs a migration is not migrated by a read command, which says so (exit 1)", async () => {
    const db = ws.copy("d5-old.sqlite")
    const conn = new Database(db)
    conn.exec("DELETE FROM hdnd_migrations WHERE version = (SELECT MAX(version) FROM hdnd_migrations)")
    conn.close()
    const before = sha(db)
    const r = await hdnd(ws.dir, ["stats", "--db", db, ...PERIOD])
    expect(r.status, r.stderr).toBe(1)
    expect(r.stderr).toContain("cần nâng cấp lược đồ")
    expect(sha(db)).toBe(before)
    const en = await hdnd(ws.dir, ["stats", "--db", db, ...PERIOD, "--lang", "en"])
    expect(en.stderr).toContain("needs a schema migration")
  })
})

describe("D6: an oversized DOCX appendix is refused early", () => {
  it("report --records --format docx over the limit: exit 1, names --records and suggests XLSX; nothing written", async () => {
    const out = path.join(ws.dir, "d6.docx")
    const r = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--records", "--format", "docx", "-o", out], { HDND_MAX_APPENDIX_ROWS: "10" })
    expect(r.status, r.stderr).toBe(1)
    expect(r.stderr).toMatch(/Lỗi: --records: phụ lục có [\d.]+ hồ sơ, quá giới hạn 10 dòng của định dạng docx; hãy dùng --format xlsx/)
    expect(fs.existsSync(out)).toBe(false)
    const xlsx = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--records", "--format", "xlsx", "-o", path.join(ws.dir, "d6.xlsx")], { HDND_MAX_APPENDIX_ROWS: "10" })
    expect(xlsx.status, xlsx.stderr).toBe(0)
  })
})

describe("D9: argument errors are bilingual and name the option", () => {
  it("a missing required option", async () => {
    const vi = await hdnd(ws.dir, ["stats", "--db", ws.seeded, "--from", "2023-01-01"])
    expect(vi.status).toBe(1)
    expect(vi.stderr).toContain("Lỗi: thiếu tùy chọn bắt buộc --to")
    const en = await hdnd(ws.dir, ["--lang", "en", "stats", "--db", ws.seeded, "--from", "2023-01-01"])
    expect(en.status).toBe(1)
    expect(en.stderr).toContain("Error: missing required option --to")
  })

  it("an unknown option is named", async () => {
    const r = await hdnd(ws.dir, ["stats", "--db", ws.seeded, ...PERIOD, "--period", "2023"])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain("Lỗi: không có tùy chọn --period")
  })

  it("an invalid value names the option and what it accepts", async () => {
    const r = await hdnd(ws.dir, ["stats", "--db", ws.seeded, ...PERIOD, "--format", "pdf"])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/Lỗi: --format: giá trị "pdf" không hợp lệ; cần: .*csv/)
  })

  it("--lang works before the command name, after it, and as --lang=en", async () => {
    for (const args of [["--lang", "en", "units", "--db", ws.seeded], ["units", "--lang=en", "--db", ws.seeded], ["units", "--db", ws.seeded, "--lang", "en"]]) {
      const r = await hdnd(ws.dir, args)
      expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0)
      expect(r.stdout).toContain("Sơn La")
    }
    const db = path.join(ws.dir, "d9-import.sqlite")
    const imported = await hdnd(ws.dir, ["--lang", "en", "init", "--db", db, path.join(SON_LA, "don-vi.csv")])
    expect(imported.status, imported.stderr).toBe(0)
  })
})

describe("D10: an output path that cannot be written is a located usage error", () => {
  it("--rejects in a folder that does not exist: exit 1, names --rejects, before importing", async () => {
    const db = ws.copy("d10.sqlite")
    const bad = ws.write("d10/bad-units.csv", "Mã,Tên,Loại,Cấp,Mã GSO,Thuộc,Từ ngày\nx,,nonsense,,,,\n")
    const rejects = path.join(ws.dir, "no-such-folder", "rejects.csv")
    const r = await hdnd(ws.dir, ["import", "--db", db, "--skip-invalid", "--rejects", rejects, bad])
    expect(r.status, r.stderr).toBe(1)
    expect(r.stderr).toContain(`Lỗi: --rejects: không ghi được tệp "${rejects}"`)
    expect(r.stderr).not.toContain("    at ")
  })

  it("--output under a path that is a file: exit 1, names --output", async () => {
    const blocker = ws.write("d10/blocker", "a file, not a folder")
    const r = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--format", "docx", "-o", path.join(blocker, "bao-cao.docx")])
    expect(r.status, r.stderr).toBe(1)
    expect(r.stderr).toContain("Lỗi: --output: không ghi được tệp")
  })
})

describe("report files are written atomically", () => {
  it("a report killed while writing (file size limit) leaves the previous file intact", async () => {
    const out = path.join(ws.dir, "atomic.docx")
    const first = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--format", "docx", "-o", out])
    expect(first.status, first.stderr).toBe(0)
    const before = sha(out)
    // The limit below lets SQLite create its 32 KiB -shm file, and stops the 73 KB DOCX with records.
    expect(fs.statSync(out).size).toBeLessThan(50 * 1024)
    const bin = await bundled()
    // RLIMIT_FSIZE of 50 KiB (bash counts in 1024-byte blocks): the kernel stops the process while it writes the DOCX.
    const quoted = [process.execPath, bin, "report", "--db", ws.seeded, ...REPORT, "--records", "--format", "docx", "-o", out].map((a) => `'${a.replaceAll("'", "'\\''")}'`)
    const killed = spawnSync("bash", ["-c", `ulimit -f 50; exec ${quoted.join(" ")}`], { cwd: ws.dir, env: baseEnv(), encoding: "utf8", timeout: 120_000 })
    expect(killed.status === 0, killed.stderr).toBe(false)
    expect(killed.stderr).not.toContain("Lỗi: không có tệp")
    expect(sha(out)).toBe(before)
  })
})
