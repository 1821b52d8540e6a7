/**
 * Plugins in the `hdnd` command (the bundled executable): `--plugin`, `hdnd.config.json`, `hdnd plugins`,
 * plugin indicators and templates in `stats` and `report`, and a refused plugin.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bundled, hdnd, SON_LA_FILES, tempDir } from "./utils/hdnd.js"

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures")
const PLUGIN = path.join(FIXTURES, "plugin.mjs")
const OLD = path.join(FIXTURES, "old-plugin.mjs")
const PERIOD = ["--from", "2022-08-01", "--to", "2023-08-31", "--scope", "unit:14"]

let dir: string
let db: string

beforeAll(async () => {
  await bundled()
  dir = tempDir("hdnd-plugins-")
  db = path.join(dir, "son-la.sqlite")
  const r = await hdnd(dir, ["init", "--db", db, "--quiet", ...SON_LA_FILES])
  expect(r.status, r.stderr).toBe(0)
}, 120_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe("hdnd with plugins", () => {
  it("hdnd plugins lists what --plugin loads; without plugins it says how to add one", async () => {
    const listed = await hdnd(dir, ["plugins", "--plugin", PLUGIN, "--format", "json"])
    expect(listed.status, listed.stderr).toBe(0)
    expect(JSON.parse(listed.stdout)).toEqual([
      { name: "thu-nghiem", version: "1.0.0", requires: "^0.1.0", order: "normal", dependencies: {}, activityKinds: 0, committeeKinds: 0, indicators: 1, reportTemplates: 1, exporters: 0, importers: 0, records: 0 }
    ])
    const none = await hdnd(dir, ["plugins"])
    expect(none.status).toBe(0)
    expect(none.stderr).toContain("hdnd.config.json")
  })

  it("a plugin's indicator and template work in stats and report; they are unknown without it", async () => {
    const stats = await hdnd(dir, ["stats", "--db", db, "--plugin", PLUGIN, "-i", "thu-nghiem/khao-sat", ...PERIOD, "--by", "level", "--format", "csv"])
    expect(stats.status, stats.stderr).toBe(0)
    expect(stats.stdout).toMatch(/province,10\b/)
    const report = await hdnd(dir, ["report", "--db", db, "--plugin", PLUGIN, "--template", "thu-nghiem/khao-sat", ...PERIOD, "--format", "md"])
    expect(report.status, report.stderr).toBe(0)
    expect(report.stdout).toContain("Các ban của HĐND tỉnh đã tổ chức 10 cuộc khảo sát.")
    const without = await hdnd(dir, ["stats", "--db", db, "-i", "thu-nghiem/khao-sat", ...PERIOD])
    expect(without.status).toBe(1)
  })

  it("hdnd.config.json in the current directory names the plugins (paths relative to the file)", async () => {
    const project = tempDir("hdnd-config-")
    try {
      fs.copyFileSync(PLUGIN, path.join(project, "plugin.mjs"))
      fs.writeFileSync(path.join(project, "hdnd.config.json"), JSON.stringify({ plugins: ["./plugin.mjs"] }))
      const r = await hdnd(project, ["indicators", "--format", "json"])
      expect(r.status, r.stderr).toBe(0)
      expect(JSON.parse(r.stdout).map((i: { id: string }) => i.id)).toContain("thu-nghiem/khao-sat")
      fs.writeFileSync(path.join(project, "hdnd.config.json"), "{ plugins: ")
      const broken = await hdnd(project, ["indicators"])
      expect(broken.status).toBe(1)
      expect(broken.stderr).toContain("không phải JSON hợp lệ")
    } finally {
      fs.rmSync(project, { recursive: true, force: true })
    }
  })

  it("a plugin for another core version is refused with exit 1, naming it; a missing module too", async () => {
    const old = await hdnd(dir, ["indicators", "--plugin", OLD])
    expect(old.status).toBe(1)
    expect(old.stderr).toContain("[doi-moi] doi-moi cần @hdnd/core ^9.0.0")
    const missing = await hdnd(dir, ["indicators", "--plugin", "@hdnd/khong-co"])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('không nạp được plugin "@hdnd/khong-co"')
  })
})
