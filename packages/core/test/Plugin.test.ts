import { Activity, CalendarDate, Dataset, definePlugin, Exporter, Indicator, Indicators, Plugin, PluginHost, Registry, ReportTemplate, Validation } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { activity, structure } from "./utils/fixture.js"

// The type of the plugin's activity kind, declared next to the plugin (interface augmentation).
const Hearing = Schema.Struct({ witnesses: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)), topic: Schema.String })
declare module "@hdnd/core" {
  interface ActivityKindAttributes {
    "ha-noi/hearing": typeof Hearing.Type
  }
}

const hearingKind = Plugin.activityKind({
  id: "ha-noi/hearing",
  vi: "phiên giải trình của Ban",
  en: "committee explanation hearing",
  nounVi: "phiên",
  nounEn: "hearings",
  fields: {},
  attributes: Hearing
})

const hearings = new Indicator.Indicator({
  id: "ha-noi/hearings" as never,
  vi: "Phiên giải trình của các ban",
  en: "Committee explanation hearings",
  nounVi: "phiên giải trình",
  nounEn: "hearings",
  filter: { kinds: ["ha-noi/hearing" as never] },
  measure: "count"
})

const template = new ReportTemplate.ReportTemplate({
  id: "ha-noi/hearings-report" as never,
  vi: "Báo cáo giải trình",
  en: "Hearings report",
  title: "Báo cáo giải trình {{period}}",
  groupBy: [],
  sections: [{ blocks: [{ _tag: "Paragraph", text: "Các ban tổ chức {{count ha-noi/hearings}}." }] }]
})

const city = (over: Partial<Plugin.PluginSpec> = {}) =>
  definePlugin({ name: "ha-noi", version: "1.2.0", requires: "^0.1.0", activityKinds: [hearingKind], indicators: [hearings], reportTemplates: [template], ...over })

const codes = (e: Result.Result<PluginHost.Loaded, PluginHost.PluginError>) => (Result.isFailure(e) ? e.failure.problems.map((p) => `${p.code}:${p.plugins.join("+")}`) : [])

describe("definePlugin", () => {
  it("returns a plain, deeply frozen, tagged object", () => {
    const p = city()
    expect(p._tag).toBe("Plugin")
    expect(Plugin.isPlugin(p)).toBe(true)
    expect(Plugin.isPlugin({ name: "x" })).toBe(false)
    expect(Object.isFrozen(p)).toBe(true)
    expect(Object.isFrozen(p.activityKinds)).toBe(true)
    expect(() => (p.activityKinds as Array<unknown>).push(1)).toThrow(TypeError)
  })

  it("the core version the host checks is the package's version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../package.json"), "utf8"))
    expect(Plugin.CORE_VERSION).toBe(pkg.version)
  })

  it("scripts/core-version.mjs: after changeset version bumps core it fails naming what lags; --write brings CORE_VERSION and this repo's plugins along", () => {
    const repo = path.join(__dirname, "../../..")
    const script = path.join(repo, "scripts/core-version.mjs")
    const run = (...args: ReadonlyArray<string>) => spawnSync(process.execPath, [script, ...args], { encoding: "utf8" })
    expect(run().status).toBe(0)
    // A copy of what the script reads, as `changeset version` leaves it: core's package.json at 0.2.0.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "hdnd-core-version-"))
    try {
      const core = path.join(root, "packages/core")
      fs.mkdirSync(path.join(core, "src"), { recursive: true })
      fs.mkdirSync(path.join(root, "examples/x"), { recursive: true })
      fs.symlinkSync(path.join(repo, "packages/core/node_modules"), path.join(core, "node_modules"), "dir")
      const pkg = JSON.parse(fs.readFileSync(path.join(repo, "packages/core/package.json"), "utf8"))
      fs.writeFileSync(path.join(core, "package.json"), JSON.stringify({ ...pkg, version: "0.2.0" }))
      fs.copyFileSync(path.join(repo, "packages/core/src/Plugin.ts"), path.join(core, "src/Plugin.ts"))
      fs.writeFileSync(path.join(root, "examples/x/plugin.json"), `{ "name": "x", "coreVersion": "^${Plugin.CORE_VERSION}" }`)
      fs.writeFileSync(path.join(root, "examples/x/old.mjs"), `export const plugin = { name: "old", requires: "^9.0.0" }`)
      const before = run(root)
      expect(before.status).toBe(1)
      expect(before.stderr).toContain(`CORE_VERSION is "${Plugin.CORE_VERSION}" but @hdnd/core is 0.2.0`)
      expect(before.stderr).toContain(`examples/x/plugin.json:1: the plugin requires core ^${Plugin.CORE_VERSION}, which does not admit 0.2.0`)
      expect(run("--write", root).status).toBe(0)
      expect(fs.readFileSync(path.join(core, "src/Plugin.ts"), "utf8")).toContain('export const CORE_VERSION = "0.2.0"')
      expect(fs.readFileSync(path.join(root, "examples/x/plugin.json"), "utf8")).toContain('"coreVersion": "^0.2.0"')
      // A deliberately incompatible plugin is left as it is.
      expect(fs.readFileSync(path.join(root, "examples/x/old.mjs"), "utf8")).toContain('requires: "^9.0.0"')
      expect(run(root).status).toBe(0)
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})

describe("PluginHost.load", () => {
  it("adds a plugin's kinds, indicators and templates to a frozen registry; its activities validate and count", () => {
    const loaded = Result.getOrThrow(PluginHost.load([city()]))
    expect(loaded.registry.activityKinds.has("ha-noi/hearing" as never)).toBe(true)
    expect(loaded.registry.indicators.get("ha-noi/hearings" as never)?.vi).toBe("Phiên giải trình của các ban")
    expect(loaded.registry.templates.has("ha-noi/hearings-report" as never)).toBe(true)
    expect(loaded.registry.indicators.has(Indicators.ids.reviewContent)).toBe(true)
    expect(loaded.origins.get("ha-noi/hearings")).toBe("ha-noi")
    expect(() => (loaded.registry.indicators as Map<unknown, unknown>).set("x", 1)).toThrow(/frozen/)
    expect(() => (loaded.registry.indicators as Map<unknown, unknown>).delete("ha-noi/hearings")).toThrow(/frozen/)
    expect(() => (Registry.builtin.indicators as Map<unknown, unknown>).clear()).toThrow(/frozen/)

    const a = activity({ id: "h1", council: "c14", kind: "ha-noi/hearing" as never, subject: undefined, owner: "c14.pc", attributes: { witnesses: 3, topic: "Giải trình về đất đai" } } as never)
    const ds = Dataset.fromBatch(structure)
    expect(Validation.validateBatch(ds, { activities: [a] }, loaded.registry).map((p) => p.describe("en"))).toEqual([])
    const bad = activity({ id: "h2", council: "c14", kind: "ha-noi/hearing" as never, subject: undefined, owner: "c14.pc", attributes: { witnesses: -1, topic: "x" } } as never)
    expect(Validation.validateBatch(ds, { activities: [bad] }, loaded.registry).length).toBeGreaterThan(0)
    // Typed through the augmentation: `witnesses` is a number here.
    const attrs = Plugin.attributesOf(a as Activity.Activity, "ha-noi/hearing")
    expect(attrs?.witnesses).toBe(3)
  })

  it("orders plugins: pre, normal, post; dependencies first; the input order otherwise", () => {
    const base = { version: "1.0.0", requires: "^0.1.0" }
    const a = definePlugin({ name: "a", ...base, order: "post" })
    const b = definePlugin({ name: "b", ...base, dependencies: { c: "^1.0.0" } })
    const c = definePlugin({ name: "c", ...base })
    const d = definePlugin({ name: "d", ...base, order: "pre" })
    expect(Result.getOrThrow(PluginHost.load([a, b, c, d])).plugins.map((p) => p.name)).toEqual(["d", "c", "b", "a"])
  })

  it("refuses an incompatible core version, a missing or incompatible dependency, a cycle and an order conflict, naming the plugins", () => {
    const v = { version: "1.0.0" }
    expect(codes(PluginHost.load([definePlugin({ name: "old", ...v, requires: "^2.0.0" })]))).toEqual(["incompatible-version:old"])
    expect(codes(PluginHost.load([definePlugin({ name: "x", ...v, requires: "^0.1.0", dependencies: { "son-la": "^1.0.0" } })]))).toEqual(["missing-dependency:x+son-la"])
    expect(
      codes(PluginHost.load([definePlugin({ name: "x", ...v, requires: "^0.1.0", dependencies: { y: "^2.0.0" } }), definePlugin({ name: "y", ...v, requires: "^0.1.0" })]))
    ).toEqual(["incompatible-dependency:x+y"])
    expect(
      codes(PluginHost.load([definePlugin({ name: "x", ...v, requires: "*", dependencies: { y: "*" } }), definePlugin({ name: "y", ...v, requires: "*", dependencies: { x: "*" } })]))
    ).toEqual(["dependency-cycle:x+y"])
    expect(
      codes(PluginHost.load([definePlugin({ name: "x", ...v, requires: "*", order: "pre", dependencies: { y: "*" } }), definePlugin({ name: "y", ...v, requires: "*" })]))
    ).toEqual(["order-conflict:x+y"])
    expect(codes(PluginHost.load([definePlugin({ name: "Hà Nội", ...v, requires: "*" })]))).toEqual(["invalid-name:Hà Nội"])
    expect(codes(PluginHost.load([definePlugin({ name: "x", version: "one", requires: "*" })]))).toEqual(["invalid-version:x"])
    expect(codes(PluginHost.load([city(), city()]))).toEqual(["duplicate-plugin:ha-noi"])
  })

  it("requires ids namespaced by the plugin, unique across plugins, and replacements declared", () => {
    // Ids are "namespace/name" already; a plugin may only use its own namespace.
    const plain = new Indicator.Indicator({ ...hearings, id: "hcm/hearings" as never })
    expect(codes(PluginHost.load([city({ indicators: [hearings, plain] })]))).toEqual(["unnamespaced-id:ha-noi"])
    const again = definePlugin({ name: "other", version: "1.0.0", requires: "*", overrides: [], indicators: [hearings] })
    expect(codes(PluginHost.load([city(), again]))).toContain("duplicate-id:ha-noi+other")
    const builtin = Registry.builtin.indicators.get(Indicators.ids.reviewContent)!
    const replaced = new Indicator.Indicator({ ...builtin, vi: "Nội dung đã thẩm tra (cách đếm của Hà Nội)" })
    expect(codes(PluginHost.load([city({ indicators: [hearings, replaced] })]))).toEqual(["undeclared-override:ha-noi"])
    const loaded = Result.getOrThrow(PluginHost.load([city({ indicators: [hearings, replaced], overrides: [Indicators.ids.reviewContent] })]))
    expect(loaded.overrides).toEqual([{ id: Indicators.ids.reviewContent, collection: "indicators", plugin: "ha-noi", replaced: "core" }])
    expect(loaded.registry.indicators.get(Indicators.ids.reviewContent)?.vi).toBe("Nội dung đã thẩm tra (cách đếm của Hà Nội)")
    expect(codes(PluginHost.load([city({ overrides: ["core/nothing"] })]))).toEqual(["nothing-to-override:ha-noi"])
  })

  it("refuses invalid contributions: an indicator of an unknown kind, a template that does not decode, invalid data", () => {
    const unknownKind = new Indicator.Indicator({ ...hearings, id: "ha-noi/ghost" as never, filter: { kinds: ["ha-noi/ghost-kind" as never] } })
    const e1 = PluginHost.load([city({ indicators: [hearings, unknownKind] })])
    expect(codes(e1)).toEqual(["invalid-contribution:ha-noi"])
    expect(Result.isFailure(e1) && e1.failure.problems[0]!.en).toContain("unknown activity kind: ha-noi/ghost-kind")
    const broken = { ...template, sections: "none" } as unknown as ReportTemplate.ReportTemplate
    expect(codes(PluginHost.load([city({ reportTemplates: [broken] })]))).toEqual(["invalid-contribution:ha-noi"])
    const orphanCouncil = { ...structure.councils![0]!, id: "ha-noi-council", unit: "no-such-unit" }
    const e3 = PluginHost.load([city({ data: { ...structure, councils: [orphanCouncil as never] } as never })])
    expect(codes(e3)[0]).toBe("invalid-contribution:ha-noi")
  })

  it("combines the plugins' data; a record from two plugins is a duplicate naming both", () => {
    const p1 = definePlugin({ name: "p1", version: "1.0.0", requires: "*", data: { units: structure.units!, councils: structure.councils! } })
    const p2 = definePlugin({ name: "p2", version: "1.0.0", requires: "*", dependencies: { p1: "*" }, data: { organs: structure.organs!, sessions: structure.sessions! } })
    const loaded = Result.getOrThrow(PluginHost.load([p2, p1]))
    expect(loaded.data.units).toHaveLength(structure.units!.length)
    expect(loaded.data.organs).toHaveLength(structure.organs!.length)
    const p3 = definePlugin({ name: "p3", version: "1.0.0", requires: "*", data: { units: [structure.units![0]!] } })
    expect(codes(PluginHost.load([p1, p3]))).toContain("duplicate-id:p1+p3")
  })

  it("collects every problem at once, and the layer fails with the typed error", async () => {
    const e = PluginHost.load([definePlugin({ name: "x", version: "1.0.0", requires: "^9.0.0", dependencies: { z: "*" } }), definePlugin({ name: "BAD", version: "1", requires: "*" })])
    expect(codes(e).sort()).toEqual(["incompatible-version:x", "invalid-name:BAD", "missing-dependency:x+z"])
    const exit = await Effect.runPromiseExit(Effect.provide(PluginHost.Plugins, PluginHost.layer([definePlugin({ name: "x", version: "1.0.0", requires: "^9.0.0" })])))
    expect(exit._tag).toBe("Failure")
    const ok = await Effect.runPromise(Effect.provide(PluginHost.Plugins, PluginHost.layer([city()])))
    expect(ok.plugins.map((p) => p.name)).toEqual(["ha-noi"])
  })

  it("carries exporters and importer mappings by id", () => {
    const exporter: Exporter.Exporter = { id: "ha-noi/plain", vi: "Văn bản", en: "Plain text", mediaType: "text/plain", extension: "txt", export: () => Effect.succeed({ bytes: new Uint8Array(), mediaType: "text/plain", extension: "txt" }) }
    const mapping = { id: "ha-noi/bieu-mau-1", vi: "Biểu mẫu 1", en: "Form 1", entity: "activities" as const, columns: { "Nội dung hoạt động": "Nội dung" } }
    const loaded = Result.getOrThrow(PluginHost.load([city({ exporters: [exporter], importers: [mapping] })]))
    expect(loaded.exporters.get("ha-noi/plain")).toBe(exporter)
    expect(loaded.importers.get("ha-noi/bieu-mau-1")?.entity).toBe("activities")
    expect(codes(PluginHost.load([city({ importers: [{ ...mapping, entity: "people" as never }] })]))).toEqual(["invalid-contribution:ha-noi"])
    void CalendarDate
  })
})
