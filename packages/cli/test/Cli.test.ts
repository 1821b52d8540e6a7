import { Tabulation } from "@hdnd/core"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { strFromU8, unzipSync } from "fflate"
import { describe, expect, it } from "vitest"
import { Dataset } from "@hdnd/core"
import { DIMENSIONS, ENTITIES } from "../src/Cli.js"
import { hdnd, seededWorkspace, SON_LA, SON_LA_FILES } from "./utils/hdnd.js"

const require_ = createRequire(path.join(path.dirname(new URL(import.meta.url).pathname), "../package.json"))
const Database = require_("better-sqlite3") as new (file: string, o?: { readonly?: boolean }) => {
  prepare(sql: string): { get(): Record<string, unknown> }
  pragma(s: string, o?: { simple: boolean }): unknown
  close(): void
}
const count = (file: string, table: string): number => {
  const db = new Database(file, { readonly: true })
  try {
    return Number(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n)
  } finally {
    db.close()
  }
}

const REPORT = ["--template", path.join(SON_LA, "mau-bao-cao.json"), "--from", "2022-08-01", "--to", "2023-08-31", "--scope", "unit:14"]
const ACTIVITY_HEADER = "Mã;HĐND;Loại hoạt động;Cơ quan chủ trì;Từ ngày;Kỳ họp;Nội dung;Đối tượng thẩm tra"
const row = (id: string, date = "10/07/2023") => `${id};HĐND tỉnh Sơn La;thẩm tra;Ban Pháp chế;${date};Kỳ họp thứ 7 (khóa XV);Thẩm tra ${id};dự thảo nghị quyết`

const ws = seededWorkspace("hdnd-cli-")
const { copy, write } = ws

describe("hdnd", () => {
  it("init + import of the Sơn La CSV and XLSX files + report prints the seed figures, from the SQLite file", async () => {
    const db = path.join(ws.dir, "fresh.sqlite")
    const init = await hdnd(ws.dir, ["init", "--db", db])
    expect(init.status).toBe(0)
    expect(init.stderr).toContain("Đã tạo cơ sở dữ liệu")
    const imported = await hdnd(ws.dir, ["import", "--db", db, ...SON_LA_FILES])
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/^Đã nhập [\d.]+ dòng: [\d.]+ bản ghi mới, 0 cập nhật, 0 không đổi\.$/m)
    const report = await hdnd(ws.dir, ["report", "--db", db, ...REPORT, "--format", "md"])
    expect(report.status, report.stderr).toBe(0)
    expect(report.stdout).toContain("117 dự thảo nghị quyết và 47 báo cáo, trình 8 kỳ họp của HĐND tỉnh")
    expect(report.stdout).toContain("1.044 nội dung trình 24 kỳ họp thường lệ và 79 kỳ họp chuyên đề")
    // Re-importing changes nothing.
    const again = await hdnd(ws.dir, ["import", "--db", db, "--quiet", ...SON_LA_FILES])
    expect(again.stdout).toMatch(/0 bản ghi mới, 0 cập nhật, [\d.]+ không đổi/)
  })

  it("report -o writes the file; --format json is the report document", async () => {
    const out = path.join(ws.dir, "bao-cao.txt")
    expect((await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "-o", out])).status).toBe(0)
    expect(fs.readFileSync(out, "utf8").replace(/\s+/g, " ")).toContain("117 dự thảo nghị quyết và 47 báo cáo")
    const json = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--format", "json"])
    const file = JSON.parse(json.stdout)
    expect(file).toMatchObject({ kind: "hdnd/report-document", formatVersion: 1 })
    expect(file.document.sections[0].blocks[0].text).toContain("355 nội dung theo sự phân công")
  })

  it("report writes every format into a directory; each file is a real file of its kind with the seed figures", async () => {
    const outDir = path.join(ws.dir, "out")
    const r = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--number", "85", "--date", "2023-10-14", "--format", "docx,xlsx,csv,html,json,md,txt", "-o", `${outDir}/`])
    expect(r.status, r.stderr).toBe(0)
    expect(fs.readdirSync(outDir).sort()).toEqual(["bao-cao.docx", "bao-cao.html", "bao-cao.json", "bao-cao.md", "bao-cao.txt", "bao-cao.xlsx", "bao-cao.zip"])
    expect(r.stderr).toContain("tệp nén")
    const seed = "117 dự thảo nghị quyết và 47 báo cáo"
    const xml = (bytes: Uint8Array, name: string) => strFromU8(unzipSync(bytes)[name]!)
    const docx = xml(fs.readFileSync(path.join(outDir, "bao-cao.docx")), "word/document.xml")
    expect(docx.replace(/<[^>]+>/g, "")).toContain(seed)
    expect(docx.replace(/<[^>]+>/g, "")).toContain("Số: 85/BC-HĐND")
    const xlsx = unzipSync(fs.readFileSync(path.join(outDir, "bao-cao.xlsx")))
    const sheets = Object.keys(xlsx).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    expect(sheets.length, "cover, two tables, charts or appendix").toBeGreaterThanOrEqual(3)
    expect(sheets.some((n) => /<f>SUM\(/.test(strFromU8(xlsx[n]!))), "a total is a formula").toBe(true)
    const csvs = unzipSync(fs.readFileSync(path.join(outDir, "bao-cao.zip")))
    expect(Object.keys(csvs).length).toBeGreaterThanOrEqual(2)
    expect(Object.values(csvs).every((b) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf), "every CSV starts with a BOM").toBe(true)
    expect(Object.values(csvs).map((b) => strFromU8(b)).join("\n")).toContain("1044")
    const html = fs.readFileSync(path.join(outDir, "bao-cao.html"), "utf8")
    expect(html).toContain(seed)
    expect(html).toContain("<svg")
    expect(JSON.parse(fs.readFileSync(path.join(outDir, "bao-cao.json"), "utf8")).kind).toBe("hdnd/report-document")
    expect(fs.readFileSync(path.join(outDir, "bao-cao.md"), "utf8")).toContain(seed)
  })

  it("report: an unknown format, or several formats without a directory, is a usage error (exit 1)", async () => {
    const unknown = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--format", "docx,pdf"])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain("không có định dạng pdf")
    const several = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--format", "md,json"])
    expect(several.status).toBe(1)
    expect(several.stderr).toContain("-o THƯ-MỤC")
  })

  it("report --records adds the records behind every figure as an appendix", async () => {
    const r = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--format", "md", "--records"])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain("Phụ lục: hồ sơ chi tiết của từng số liệu")
    expect(r.stdout).toMatch(/\| Dự thảo nghị quyết đã thẩm tra \| cấp tỉnh[^\n]*\| hdnd-tinh-son-la\//)
    const plain = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--format", "md"])
    expect(plain.stdout).not.toContain("Phụ lục")
  })

  it("stats gives the figures as a table, JSON or CSV", async () => {
    const args = ["stats", "--db", ws.seeded, "-i", "core/review.draft-resolution", "--from", "01/08/2022", "--to", "31/08/2023", "--scope", "Tỉnh Sơn La", "--by", "level"]
    const json = JSON.parse((await hdnd(ws.dir, [...args, "--format", "json"])).stdout) as Array<{ level: string; value: number }>
    expect(json.find((r) => r.level === "province")?.value).toBe(117)
    expect((await hdnd(ws.dir, [...args, "--format", "csv"])).stdout.split("\r\n")[0]).toBe("Chỉ tiêu,level,Giá trị")
    const table = await hdnd(ws.dir, args)
    expect(table.stdout).toMatch(/Dự thảo nghị quyết đã thẩm tra\s+cấp tỉnh\s+117/)
  })

  it("all-or-nothing: a bad row is reported at its file, row and column, exit 1, and nothing is written", async () => {
    const db = copy("bad.sqlite")
    const before = count(db, "activities")
    const file = write("hoat-dong-loi.csv", `${ACTIVITY_HEADER}\n${row("moi-1")}\n${row("moi-2", "31/02/2023")}\n${row("moi-3")}\n`)
    const r = await hdnd(ws.dir, ["import", "--db", db, file])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`${file}:3:E`)
    expect(r.stderr).toContain("cơ sở dữ liệu giữ nguyên")
    expect(count(db, "activities")).toBe(before)
  })

  it("--skip-invalid writes the good rows and the rejected ones, with their errors, to a CSV file", async () => {
    const db = copy("skip.sqlite")
    const before = count(db, "activities")
    const file = write("hoat-dong-2.csv", `${ACTIVITY_HEADER}\n${row("moi-1")}\n${row("moi-2", "31/02/2023")}\n${row("moi-3")}\n`)
    const rejects = path.join(ws.dir, "loi.csv")
    const r = await hdnd(ws.dir, ["import", "--db", db, "--skip-invalid", "--rejects", rejects, file])
    expect(r.status, r.stderr).toBe(0)
    expect(count(db, "activities")).toBe(before + 2)
    const lines = fs.readFileSync(rejects, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n")
    expect(lines[0]).toContain("Dòng gốc / Source row")
    expect(lines.slice(1).every((l) => l.includes(",3,E,") || l.includes(",3,"))).toBe(true)
    expect(lines[1]).toContain("31/02/2023")
  })

  it("validate is a dry run: the full report, exit 1 on problems, 0 when valid, nothing written", async () => {
    const db = copy("validate.sqlite")
    const before = count(db, "activities")
    const bad = write("v-bad.csv", `${ACTIVITY_HEADER}\n${row("v1", "ngày xấu")}\n${row("v2", "10/07/2019")}\n`)
    const r = await hdnd(ws.dir, ["validate", "--db", db, bad])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`${bad}:2:E`)
    expect(r.stderr).toContain(`${bad}:3`)
    const good = write("v-good.csv", `${ACTIVITY_HEADER}\n${row("v1")}\n`)
    const ok = await hdnd(ws.dir, ["validate", "--db", db, good])
    expect(ok.status).toBe(0)
    expect(ok.stdout).toContain("1 bản ghi mới")
    expect(count(db, "activities")).toBe(before)
  })

  it("validate prints the full report, however long (one line per problem), even with --quiet", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => row(`x${i}`, "32/13/2023"))
    const bad = write("v-many.csv", `${ACTIVITY_HEADER}\n${rows.join("\n")}\n`)
    const r = await hdnd(ws.dir, ["validate", "--db", ws.seeded, "--quiet", bad])
    expect(r.status).toBe(1)
    const dateProblems = r.stderr.split("\n").filter((l) => l.includes(":E (") && l.includes(bad))
    expect(dateProblems).toHaveLength(120)
    expect(dateProblems.at(-1)).toContain(`${bad}:121:E`)
  })

  it("speaks English with --lang en or an English locale, Vietnamese by default", async () => {
    const file = write("en.csv", `${ACTIVITY_HEADER}\n${row("e1", "31/02/2023")}\n`)
    const en = await hdnd(ws.dir, ["validate", "--db", ws.seeded, "--lang", "en", file])
    expect(en.stderr).toContain("Invalid:")
    const locale = await hdnd(ws.dir, ["validate", "--db", ws.seeded, file], { LANG: "en_US.UTF-8" })
    expect(locale.stderr).toContain("Invalid:")
    const help = await hdnd(ws.dir, ["--help"])
    expect(help.stdout).toContain("nạp số liệu hoạt động của HĐND")
    expect((await hdnd(ws.dir, ["--help"], { LANG: "en_GB.UTF-8" })).stdout).toContain("load People's Council activity data")
  })

  it("--quiet prints no progress; output that is not a terminal gets plain lines, no colours", async () => {
    const db = copy("quiet.sqlite")
    const file = write("q.csv", `${ACTIVITY_HEADER}\n${row("q1")}\n`)
    const quiet = await hdnd(ws.dir, ["import", "--db", db, "--quiet", file])
    expect(quiet.stderr).toBe("")
    const loud = await hdnd(ws.dir, ["import", "--db", db, file])
    expect(loud.stderr).toMatch(/100%\s+1 dòng/)
    expect(loud.stderr).not.toMatch(/\r|\u001b\[/)
  })

  it("exit codes: 1 for bad options, files or data; 2 for an internal failure", async () => {
    expect((await hdnd(ws.dir, ["stats", "--db", ws.seeded, "-i", "khong-co", "--from", "2023-01-01", "--to", "2023-12-31"])).status).toBe(1)
    expect((await hdnd(ws.dir, ["stats", "--db", ws.seeded, "-i", "core/review.content", "--from", "2023-13-01", "--to", "2023-12-31"])).status).toBe(1)
    expect((await hdnd(ws.dir, ["import", "--db", ws.seeded, path.join(ws.dir, "khong-co.csv")])).status).toBe(1)
    expect((await hdnd(ws.dir, ["khong-co-lenh"])).status).toBe(1)
    const legacy = path.join(ws.dir, "tcvn3.csv")
    fs.writeFileSync(legacy, Buffer.from([...Buffer.from("Mã,Tên\n1,"), 0xb8, 0xcd, 0xc9, 0x0a]))
    const enc = await hdnd(ws.dir, ["validate", "--db", ws.seeded, legacy])
    expect(enc.status).toBe(1)
    // A database path that is a directory cannot be opened: the tool's fault to report, exit 2.
    const r = await hdnd(ws.dir, ["units", "--db", ws.dir])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain("Lỗi:")
  })

  it("lists indicators, templates and units as of a day", async () => {
    const indicators = await hdnd(ws.dir, ["indicators", "--format", "json"])
    expect((JSON.parse(indicators.stdout) as Array<{ id: string }>).map((i) => i.id)).toContain("core/review.draft-resolution")
    // A sum or distinct count names the attribute it reads.
    expect((JSON.parse(indicators.stdout) as Array<{ id: string; measure: string; attribute?: string }>).find((i) => i.id === "core/places-visited"))
      .toMatchObject({ measure: "distinct", attribute: "places" })
    expect((await hdnd(ws.dir, ["indicators", "--lang", "en"])).stdout).toContain("sum (voters)")
    expect((await hdnd(ws.dir, ["templates"])).stdout).toContain("core/activity-summary")
    const units2023 = JSON.parse((await hdnd(ws.dir, ["units", "--db", ws.seeded, "--as-of", "2023-06-30", "--format", "json"])).stdout) as Array<{ depth: number }>
    expect(units2023.filter((u) => u.depth === 1).length).toBe(12)
    const units2025 = JSON.parse((await hdnd(ws.dir, ["units", "--db", ws.seeded, "--as-of", "2025-07-01", "--format", "json"])).stdout) as Array<{ depth: number }>
    expect(units2025.filter((u) => u.depth === 1).length).toBe(0)
  })

  it("offers exactly the dimensions and record kinds of @hdnd/core for --by and --entity", () => {
    expect([...DIMENSIONS]).toEqual([...Tabulation.dimensions])
    expect([...ENTITIES]).toEqual([...Dataset.entityKinds])
  })

  it("--entity says the kind of record when the file name says otherwise", async () => {
    const db = copy("entity.sqlite")
    // Named like a units file, holding activities.
    const file = write("don-vi-thang-9.csv", `${ACTIVITY_HEADER}\n${row("e-1")}\n`)
    const misnamed = await hdnd(ws.dir, ["import", "--db", db, "--quiet", file])
    expect(misnamed.status, misnamed.stderr + misnamed.stdout).toBe(1)
    expect(misnamed.stderr).toContain("Đơn vị hành chính")
    const named = await hdnd(ws.dir, ["import", "--db", db, "--quiet", "--entity", "activities", file])
    expect(named.status, named.stderr).toBe(0)
  })
})
