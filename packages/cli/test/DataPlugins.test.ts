/**
 * Declarations as data in the `hdnd` command (the bundled executable), issue #14 item 6: a JSON or
 * YAML plugin file given by `--plugin` or named in `hdnd.config.json` is read and decoded (never
 * imported: no ERR_IMPORT_ASSERTION_TYPE_MISSING), its indicators and template work on the Sơn La
 * data, it loads beside a code plugin, and a broken one is refused with located, bilingual problems.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bundled, hdnd, ROOT, SON_LA_FILES, tempDir } from "./utils/hdnd.js"

const EXAMPLE = path.join(ROOT, "examples/data-plugin")
const JSON_PLUGIN = path.join(EXAMPLE, "plugin.json")
const YAML_PLUGIN = path.join(EXAMPLE, "plugin.yaml")
const CODE_PLUGIN = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures/plugin.mjs")
const PERIOD = ["--from", "2022-08-01", "--to", "2023-08-31", "--scope", "unit:14"]

let dir: string
let db: string

beforeAll(async () => {
  await bundled()
  dir = tempDir("hdnd-data-plugins-")
  db = path.join(dir, "son-la.sqlite")
  const r = await hdnd(dir, ["init", "--db", db, "--quiet", ...SON_LA_FILES])
  expect(r.status, r.stderr).toBe(0)
}, 120_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const ids = (stdout: string): ReadonlyArray<string> => (JSON.parse(stdout) as ReadonlyArray<{ id: string }>).map((i) => i.id)

describe("data plugins in hdnd", () => {
  it("--plugin plugin.json and plugin.yaml load the same declarations, beside a code plugin", async () => {
    const fromJson = await hdnd(dir, ["plugins", "--plugin", JSON_PLUGIN, "--plugin", CODE_PLUGIN, "--format", "json"])
    expect(fromJson.status, fromJson.stderr).toBe(0)
    expect(fromJson.stderr).not.toContain("ERR_IMPORT_ASSERTION_TYPE_MISSING")
    const listed = JSON.parse(fromJson.stdout) as ReadonlyArray<Record<string, unknown>>
    expect(listed.map((p) => p.name)).toEqual(["vi-du", "thu-nghiem"])
    expect(listed[0]).toMatchObject({ version: "1.0.0", requires: "^0.1.0", activityKinds: 1, committeeKinds: 1, indicators: 2, reportTemplates: 1, importers: 1 })
    const fromYaml = await hdnd(dir, ["plugins", "--plugin", YAML_PLUGIN, "--plugin", CODE_PLUGIN, "--format", "json"])
    expect(fromYaml.status, fromYaml.stderr).toBe(0)
    expect(JSON.parse(fromYaml.stdout)).toEqual(listed)
    const indicators = await hdnd(dir, ["indicators", "--plugin", YAML_PLUGIN, "--format", "json"])
    expect(indicators.status, indicators.stderr).toBe(0)
    expect(ids(indicators.stdout)).toEqual(expect.arrayContaining(["vi-du/doanh-nghiep", "vi-du/giam-sat-khao-sat", "core/review.content"]))
  })

  it("its indicator and template work in stats and report on the Sơn La data", async () => {
    const stats = await hdnd(dir, ["stats", "--db", db, "--plugin", JSON_PLUGIN, "-i", "vi-du/giam-sat-khao-sat", "-i", "core/survey", ...PERIOD, "--by", "level", "--format", "json"])
    expect(stats.status, stats.stderr).toBe(0)
    const report = await hdnd(dir, ["report", "--db", db, "--plugin", JSON_PLUGIN, "--template", "vi-du/bao-cao-nhanh", ...PERIOD, "--format", "md"])
    expect(report.status, report.stderr).toBe(0)
    expect(report.stdout).toMatch(/các Ban của HĐND tỉnh đã tổ chức \d+ cuộc; HĐND cấp huyện tổ chức \d+ cuộc\./)
    expect(report.stdout).not.toContain("{{")
  })

  it("hdnd.config.json names data plugins by path, relative to the file", async () => {
    const project = tempDir("hdnd-data-config-")
    try {
      fs.copyFileSync(YAML_PLUGIN, path.join(project, "khai-bao.yml"))
      fs.writeFileSync(path.join(project, "hdnd.config.json"), JSON.stringify({ plugins: ["./khai-bao.yml"] }))
      const r = await hdnd(project, ["indicators", "--format", "json"])
      expect(r.status, r.stderr).toBe(0)
      expect(ids(r.stdout)).toContain("vi-du/doanh-nghiep")
    } finally {
      fs.rmSync(project, { recursive: true, force: true })
    }
  })

  it("a broken data plugin is refused with exit 1: file › path and what to fix, in Vietnamese or English", async () => {
    const project = tempDir("hdnd-data-broken-")
    try {
      const doc = JSON.parse(fs.readFileSync(JSON_PLUGIN, "utf8")) as { indicators: Array<{ filter: Record<string, unknown> }> }
      doc.indicators[1]!.filter = { kinds: ["survey", "khong-co"] }
      fs.writeFileSync(path.join(project, "plugin.json"), JSON.stringify(doc, null, 2))
      const vi = await hdnd(project, ["indicators", "--plugin", "./plugin.json"])
      expect(vi.status).toBe(1)
      expect(vi.stderr).toContain(`plugin.json › indicators[1].filter.kinds[1]: không có loại hoạt động "khong-co"`)
      const en = await hdnd(project, ["indicators", "--lang", "en", "--plugin", "./plugin.json"])
      expect(en.status).toBe(1)
      expect(en.stderr).toContain(`plugin.json › indicators[1].filter.kinds[1]: no activity kind "khong-co"`)
      fs.writeFileSync(path.join(project, "plugin.yaml"), "name: vi-du\nversion: [1.0.0\n")
      const syntax = await hdnd(project, ["indicators", "--plugin", "./plugin.yaml"])
      expect(syntax.status).toBe(1)
      expect(syntax.stderr).toMatch(/plugin\.yaml:\d+:\d+: không phải YAML hợp lệ/)
      fs.writeFileSync(path.join(project, "plugin.json"), '{ "name": "vi-du", }')
      const json = await hdnd(project, ["indicators", "--plugin", "./plugin.json"])
      expect(json.status).toBe(1)
      expect(json.stderr).toMatch(/plugin\.json:1:\d+: không phải JSON hợp lệ/)
    } finally {
      fs.rmSync(project, { recursive: true, force: true })
    }
  })
})
