/**
 * Configuration files and what plugins add to the `hdnd` command (the bundled executable):
 * `hdnd.config.ts` (and `.mts`, `.mjs`, `.js`) found in the current directory or given by `--config`,
 * a broken one refused in both languages, a plugin exporter as a `report --format`, and a plugin's
 * importer mapping in `import`/`validate` (`--mapping`, and detected from the headers), read back
 * from the SQLite file.
 */
import { Exporter } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { plugin as formatsPlugin } from "./fixtures/formats-plugin.mjs"
import { hdnd, seededWorkspace, tempDir } from "./utils/hdnd.js"

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures")
const PROJECT = path.join(FIXTURES, "project")
const PLUGIN = path.join(FIXTURES, "plugin.mjs")
const FORMATS = path.join(FIXTURES, "formats-plugin.mjs")
const PERIOD = ["--from", "2022-08-01", "--to", "2023-08-31", "--scope", "unit:14"]

const require_ = createRequire(path.join(path.dirname(new URL(import.meta.url).pathname), "../package.json"))
const Database = require_("better-sqlite3") as new (file: string, o?: { readonly?: boolean }) => {
  prepare(sql: string): { all(...params: Array<unknown>): Array<Record<string, unknown>> }
  close(): void
}
/** Rows of the SQLite file, read directly. */
const query = (file: string, sql: string, ...params: Array<unknown>): Array<Record<string, unknown>> => {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare(sql).all(...params)
  } finally {
    db.close()
  }
}

/** The province's own activity log: its headers, as the mapping `tinh-mau/hoat-dong` names them. */
const LOG_HEADER = "Số hồ sơ,Đơn vị HĐND,Hình thức,Ban thực hiện,Ngày thực hiện,Trình kỳ họp,Tên nội dung,Loại văn bản"
const logRow = (id: string, date = "10/07/2023") => `${id},HĐND tỉnh Sơn La,thẩm tra,Ban Pháp chế,${date},Kỳ họp thứ 7 (khóa XV),Thẩm tra ${id},dự thảo nghị quyết`

const ws = seededWorkspace("hdnd-plugin-formats-")
const { copy, write } = ws
const names = (stdout: string): Array<string> => (JSON.parse(stdout) as Array<{ name: string }>).map((p) => p.name)

describe("hdnd.config.ts", () => {
  it("is found in the current directory: plugins by relative path, imported, and inline", async () => {
    const r = await hdnd(PROJECT, ["plugins", "--format", "json"])
    expect(r.status, r.stderr).toBe(0)
    expect(names(r.stdout)).toEqual(["thu-nghiem", "tinh-mau", "trong-cau-hinh"])
    // What the plugins contribute is usable: the indicator of the plugin named by path.
    const indicators = await hdnd(PROJECT, ["indicators", "--format", "json"])
    expect(indicators.status, indicators.stderr).toBe(0)
    expect(JSON.parse(indicators.stdout).map((i: { id: string }) => i.id)).toContain("thu-nghiem/khao-sat")
  })

  it("is read from --config, from any directory, with paths relative to the file", async () => {
    const r = await hdnd(ws.dir, ["plugins", "--config", path.join(PROJECT, "hdnd.config.ts"), "--format", "json"])
    expect(r.status, r.stderr).toBe(0)
    expect(names(r.stdout)).toEqual(["thu-nghiem", "tinh-mau", "trong-cau-hinh"])
    expect(r.stderr).toContain("hdnd report --format tinh-mau/tom-tat")
    expect(r.stderr).toContain("hdnd import --mapping tinh-mau/hoat-dong")
  })

  it("the first of hdnd.config.json, .ts, .mts, .mjs, .js in the current directory wins", async () => {
    const project = tempDir("hdnd-config-order-")
    try {
      fs.copyFileSync(PLUGIN, path.join(project, "plugin.mjs"))
      const inline = (name: string) => `{ _tag: "Plugin", name: "${name}", version: "1.0.0", requires: "^0.1.0" }`
      fs.writeFileSync(path.join(project, "hdnd.config.js"), `module.exports = { plugins: [${inline("tu-js")}] }\n`)
      expect(names((await hdnd(project, ["plugins", "--format", "json"])).stdout)).toEqual(["tu-js"])
      fs.writeFileSync(path.join(project, "hdnd.config.mjs"), `export const config = { plugins: [${inline("tu-mjs")}] }\n`)
      expect(names((await hdnd(project, ["plugins", "--format", "json"])).stdout)).toEqual(["tu-mjs"])
      fs.writeFileSync(path.join(project, "hdnd.config.mts"), `const name: string = "tu-mts"\nexport default { plugins: [{ ...${inline("x")}, name }] }\n`)
      expect(names((await hdnd(project, ["plugins", "--format", "json"])).stdout)).toEqual(["tu-mts"])
      fs.writeFileSync(path.join(project, "hdnd.config.ts"), `const plugins: Array<string> = ["./plugin.mjs"]\nexport default { plugins }\n`)
      expect(names((await hdnd(project, ["plugins", "--format", "json"])).stdout)).toEqual(["thu-nghiem"])
      fs.writeFileSync(path.join(project, "hdnd.config.json"), JSON.stringify({ plugins: [] }))
      expect((await hdnd(project, ["plugins", "--format", "json"])).stdout.trim()).toBe("[]")
    } finally {
      fs.rmSync(project, { recursive: true, force: true })
    }
  })

  it("a broken configuration is a usage error (exit 1) naming the file, in Vietnamese and in English", async () => {
    const project = tempDir("hdnd-config-broken-")
    try {
      const file = path.join(project, "hdnd.config.ts")
      fs.writeFileSync(file, "const plugins: Array<string> = [\nexport default { plugins }\n")
      const vi = await hdnd(project, ["plugins"])
      expect(vi.status).toBe(1)
      expect(vi.stderr).toContain(`không đọc được tệp cấu hình ${file}`)
      expect(vi.stderr).toContain("hãy sửa lỗi cú pháp")
      const en = await hdnd(project, ["plugins", "--lang", "en"])
      expect(en.status).toBe(1)
      expect(en.stderr).toContain(`cannot read the configuration file ${file}`)
      expect(en.stderr).toContain("fix the syntax error")

      fs.writeFileSync(file, "export default { plugins: [42] }\n")
      const shape = await hdnd(project, ["plugins", "--lang", "en"])
      expect(shape.status).toBe(1)
      expect(shape.stderr).toContain(`configuration file ${file}: item 1 of "plugins" is neither a package name, a path nor a plugin`)
      expect(shape.stderr).toContain("export default defineConfig({ plugins: [...] })")

      fs.writeFileSync(file, "export const plugins = []\n")
      const none = await hdnd(project, ["plugins"])
      expect(none.status).toBe(1)
      expect(none.stderr).toContain("không có export default (hay export config)")

      const other = await hdnd(project, ["plugins", "--config", path.join(project, "hdnd.yaml"), "--lang", "en"])
      expect(other.status).toBe(1)
      expect(other.stderr).toContain("must end in .json, .ts, .mts, .mjs, .js")
    } finally {
      fs.rmSync(project, { recursive: true, force: true })
    }
  })
})

describe("a plugin's exporter in hdnd report", () => {
  it("--format <exporter id> -o DIR/ writes the exporter's bytes with its extension", async () => {
    const plugins = ["--plugin", PLUGIN, "--plugin", FORMATS]
    const out = path.join(ws.dir, "out") + path.sep
    const r = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...plugins, "--template", "thu-nghiem/khao-sat", ...PERIOD, "--format", "tinh-mau/tom-tat", "-o", out])
    expect(r.status, r.stderr).toBe(0)
    const written = fs.readFileSync(path.join(out, "bao-cao.tsv"))
    // The same document, rendered as JSON, through the exporter itself: the very same bytes.
    const json = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...plugins, "--template", "thu-nghiem/khao-sat", ...PERIOD, "--format", "json"])
    expect(json.status, json.stderr).toBe(0)
    const doc = (JSON.parse(json.stdout) as { document: ReportDocument.ReportDocument }).document
    const exporter = formatsPlugin.exporters![0]!
    const expected = await Effect.runPromise(exporter.export(Exporter.document(doc)))
    expect(new Uint8Array(written)).toEqual(expected.bytes)
    expect(written.toString("utf8")).toContain("\tCác ban của HĐND tỉnh đã tổ chức 10 cuộc khảo sát.\n")

    // With built-in formats in one run, each gets its own file.
    const both = path.join(ws.dir, "both") + path.sep
    const several = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...plugins, "--template", "thu-nghiem/khao-sat", ...PERIOD, "--format", "md,tinh-mau/tom-tat", "-o", both])
    expect(several.status, several.stderr).toBe(0)
    expect(fs.readdirSync(both).sort()).toEqual(["bao-cao.md", "bao-cao.tsv"])
  })

  it("an unknown format lists the built-in formats and those of the plugins", async () => {
    const r = await hdnd(ws.dir, ["report", "--db", ws.seeded, "--plugin", FORMATS, "--template", "x", ...PERIOD, "--format", "tinh-mau/khong-co", "--lang", "en"])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain("no format tinh-mau/khong-co; use: txt, md, json, docx, xlsx, csv, html; from plugins: tinh-mau/tom-tat")
    const without = await hdnd(ws.dir, ["report", "--db", ws.seeded, "--template", "x", ...PERIOD, "--format", "tinh-mau/tom-tat"])
    expect(without.status).toBe(1)
    expect(without.stderr).toContain("không có định dạng tinh-mau/tom-tat")
  })
})

describe("a plugin's importer mapping in hdnd import and validate", () => {
  it("--mapping reads the province's headers: the rows are in the SQLite file", async () => {
    const db = copy("mapping.sqlite")
    const file = write("so-theo-doi.csv", `${LOG_HEADER}\n${logRow("tm-001")}\n${logRow("tm-002", "11/07/2023")}\n`)
    const r = await hdnd(ws.dir, ["import", "--db", db, "--plugin", FORMATS, "--mapping", "tinh-mau/hoat-dong", file])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain("Đã nhập 2 dòng: 2 bản ghi mới")
    const rows = query(db, "SELECT id, council, kind, title, date_from, subject FROM activities WHERE id LIKE 'tm-%' ORDER BY id")
    expect(rows).toEqual([
      { id: "tm-001", council: "hdnd-tinh-son-la", kind: "review", title: "Thẩm tra tm-001", date_from: "2023-07-10", subject: "draft-resolution" },
      { id: "tm-002", council: "hdnd-tinh-son-la", kind: "review", title: "Thẩm tra tm-002", date_from: "2023-07-11", subject: "draft-resolution" }
    ])
  })

  it("a bad row's error names the province's own header; nothing is written", async () => {
    const db = copy("mapping-bad.sqlite")
    const file = write("so-theo-doi-loi.csv", `${LOG_HEADER}\n${logRow("tm-101")}\n${logRow("tm-102", "32/13/2023")}\n`)
    const v = await hdnd(ws.dir, ["validate", "--db", db, "--plugin", FORMATS, "--mapping", "tinh-mau/hoat-dong", file])
    expect(v.status).toBe(1)
    expect(v.stderr).toContain("so-theo-doi-loi.csv:3:E (Ngày thực hiện)")
    const i = await hdnd(ws.dir, ["import", "--db", db, "--plugin", FORMATS, "--mapping", "tinh-mau/hoat-dong", file, "--lang", "en"])
    expect(i.status).toBe(1)
    expect(i.stderr).toContain("so-theo-doi-loi.csv:3:E (Ngày thực hiện)")
    expect(query(db, "SELECT id FROM activities WHERE id LIKE 'tm-%'")).toEqual([])
  })

  it("without --mapping, the only loaded mapping whose headers cover the file's is used", async () => {
    const db = copy("mapping-auto.sqlite")
    // Headers in another case and without diacritics still match; no entity in the file name.
    const header = LOG_HEADER.replace("Ngày thực hiện", "NGAY THUC HIEN").replace("Số hồ sơ", "so ho so")
    const file = write("nhat-ky.csv", `${header}\n${logRow("tm-201")}\n`)
    const without = await hdnd(ws.dir, ["validate", "--db", db, file])
    expect(without.status).toBe(1)
    expect(without.stderr).toContain("không biết tệp chứa loại dữ liệu nào")
    const r = await hdnd(ws.dir, ["import", "--db", db, "--plugin", FORMATS, file])
    expect(r.status, r.stderr).toBe(0)
    expect(query(db, "SELECT id, owner FROM activities WHERE id LIKE 'tm-%'")).toEqual([{ id: "tm-201", owner: "hdnd-tinh-son-la/ban-phap-che" }])
  })

  it("an unknown mapping lists the known ones; a mapping of another entity than --entity is refused", async () => {
    const file = write("so-theo-doi-2.csv", `${LOG_HEADER}\n${logRow("tm-301")}\n`)
    const r = await hdnd(ws.dir, ["validate", "--db", ws.seeded, "--plugin", FORMATS, "--mapping", "tinh-mau/khong-co", file, "--lang", "en"])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('--mapping: no mapping "tinh-mau/khong-co"; the mappings: tinh-mau/hoat-dong (activities)')
    const none = await hdnd(ws.dir, ["validate", "--db", ws.seeded, "--mapping", "tinh-mau/hoat-dong", file])
    expect(none.status).toBe(1)
    expect(none.stderr).toContain("chưa plugin nào có bảng ánh xạ")
    const entity = await hdnd(ws.dir, ["validate", "--db", ws.seeded, "--plugin", FORMATS, "--mapping", "tinh-mau/hoat-dong", "--entity", "tallies", file])
    expect(entity.status).toBe(1)
    expect(entity.stderr).toContain("--mapping tinh-mau/hoat-dong dành cho activities")
  })
})
