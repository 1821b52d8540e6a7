/**
 * Declarations as data (issue #14 item 6): a plugin written as a JSON document decodes into an
 * ordinary plugin that the host loads with code plugins; valid documents round-trip; a corrupted one
 * fails with a problem located at (or just above) the corruption, in Vietnamese and English.
 */
import { DataPlugin, definePlugin, Indicator, Plugin, PluginHost, Registry, Validation } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Dataset from "../src/Dataset.js"
import { activity, structure } from "./utils/fixture.js"

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

const NAMES = ["lai-chau", "dien-bien", "ha-giang2"] as const
/** Labels, some written decomposed (NFD) as some keyboards and old files do. */
const label = fc.constantFrom("phiên giải trình", "Ban Đô thị", "cuộc", "nội dung", "hội nghị").chain((s) => fc.constantFrom(s, s.normalize("NFD")))
const nfc = (u: Json): Json =>
  typeof u === "string" ? u.normalize("NFC")
    : Array.isArray(u) ? u.map(nfc)
      : u !== null && typeof u === "object" ? Object.fromEntries(Object.entries(u).map(([k, v]) => [k, nfc(v as Json)])) : u

const scalarArb: fc.Arbitrary<Record<string, Json>> = fc.oneof(
  fc.record({ type: fc.constant("integer"), min: fc.integer({ min: 0, max: 5 }) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("number"), max: fc.integer({ min: 10, max: 100 }) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("string"), maxLength: fc.integer({ min: 1, max: 50 }) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("boolean"), required: fc.boolean() }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("date") }),
  fc.record({ type: fc.constant("enum"), values: fc.uniqueArray(fc.constantFrom("dat-dai", "y-te", "giao-duc"), { minLength: 1 }) })
)
const attributeArb: fc.Arbitrary<Record<string, Json>> = fc.oneof(
  scalarArb,
  fc.record({ type: fc.constant("list"), items: scalarArb, maxItems: fc.integer({ min: 1, max: 9 }) }, { requiredKeys: ["type", "items"] })
)

/** A valid data plugin document in its canonical JSON form (what `encode` writes back). */
const documentArb: fc.Arbitrary<Record<string, Json>> = fc
  .record({
    name: fc.constantFrom(...NAMES),
    kinds: fc.array(fc.record({ vi: label, en: fc.constantFrom("hearing", "visit"), attributes: fc.option(fc.dictionary(fc.constantFrom("voters", "topics", "witnesses", "note"), attributeArb, { maxKeys: 3 }), { nil: undefined }), subject: fc.boolean() }), { maxLength: 3 }),
    committees: fc.array(label, { maxLength: 2 }),
    indicators: fc.array(fc.record({ vi: label, kindPicks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), measure: fc.constantFrom("count", "distinct-sessions", "tally"), levels: fc.boolean() }), { maxLength: 3 }),
    template: fc.boolean(),
    units: fc.boolean()
  })
  .map(({ name, kinds, committees, indicators, template, units }) => {
    const kindIds = ["review", "supervision", ...kinds.map((_, i) => `${name}/k${i}`)]
    const doc: Record<string, Json> = { name, version: "1.2.3", coreVersion: "^0.1.0" }
    if (kinds.length > 0) {
      doc.activityKinds = kinds.map((k, i) => ({
        id: `${name}/k${i}`, vi: k.vi, en: k.en, nounVi: "cuộc", nounEn: "meetings",
        ...(k.subject ? { fields: { subject: "optional" } } : {}),
        ...(k.attributes === undefined ? {} : { attributes: k.attributes })
      }))
    }
    if (committees.length > 0) {
      doc.committeeKinds = committees.map((vi, i) => ({ id: `${name}/ban-${i}`, vi, en: "Committee" }))
      doc.committeeRules = [{ id: `${name}/rule`, levels: ["province"], validity: { from: "2021-06-01" }, kinds: committees.map((_, i) => `${name}/ban-${i}`), source: "NQ 1/2025" }]
    }
    if (indicators.length > 0) {
      doc.indicators = indicators.map((ind, i) => ({
        id: `${name}/i${i}`, vi: ind.vi, en: "Items", nounVi: "nội dung", nounEn: "items",
        filter: { kinds: [...new Set(ind.kindPicks.map((n) => kindIds[n % kindIds.length]!))], ...(ind.levels ? { levels: ["province"] } : {}) },
        measure: ind.measure
      }))
    }
    if (template) {
      const first = indicators.length > 0 ? `${name}/i0` : "core/review.content"
      doc.templates = [{
        id: `${name}/bao-cao`, vi: "Báo cáo", en: "Report", title: "Báo cáo {{period}}", groupBy: ["council"],
        sections: [{ heading: "Kết quả", blocks: [
          { _tag: "Paragraph", text: `Đã tổ chức {{count ${first}}}.` },
          { _tag: "Table", title: "Bảng", rows: "council", rowHeader: "HĐND", columns: [{ indicator: first, header: "Số" }], total: true }
        ] }]
      }]
    }
    if (units) {
      doc.units = [
        { id: `unit:${name}`, code: "12", name: "Tỉnh Lai Châu", type: "tinh", validity: { from: "2004-01-01" } },
        { id: `unit:${name}:105`, code: "105", name: "Huyện Tam Đường", type: "huyen", parent: `unit:${name}`, validity: { from: "2004-01-01", to: "2025-06-30" } }
      ]
    }
    return doc
  })

const decoded = (doc: unknown, file = "plugin.json"): Plugin.Plugin => {
  const r = DataPlugin.decode(doc, { file })
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success
}
const problemsOf = (doc: unknown): ReadonlyArray<DataPlugin.DataPluginProblem> => {
  const r = DataPlugin.decode(doc, { file: "plugin.json" })
  expect(Result.isFailure(r)).toBe(true)
  return Result.isFailure(r) ? r.failure.problems : []
}

/** Every leaf of a JSON value with its path written as problems write it (`a[0].b`); record keys are not leaves. */
const leaves = (u: Json, path: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> =>
  Array.isArray(u) ? u.flatMap((v, i) => leaves(v, [...path, i]))
    : u !== null && typeof u === "object" ? Object.entries(u).flatMap(([k, v]) => leaves(v as Json, [...path, k]))
      : [path]
const show = (path: ReadonlyArray<string | number>): string =>
  path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("")
const setAt = (u: Json, path: ReadonlyArray<string | number>, value: Json): Json => {
  if (path.length === 0) return value
  const [head, ...rest] = path
  if (Array.isArray(u)) return u.map((v, i) => (i === head ? setAt(v, rest, value) : v))
  return { ...(u as object), [head!]: setAt((u as Record<string, Json>)[head!]!, rest, value) }
}
/** A value of another JSON type than the leaf's. */
const wrongFor = (leaf: Json): Json => (typeof leaf === "string" ? 42 : typeof leaf === "number" ? "x" : typeof leaf === "boolean" ? "x" : 7)

describe("DataPlugin.decode", () => {
  it("decodes a valid document into a plugin whose document encodes back to the input (NFC)", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const plugin = decoded(doc)
        expect(Plugin.isPlugin(plugin)).toBe(true)
        expect(plugin.requires).toBe(doc.coreVersion)
        expect(DataPlugin.encode(DataPlugin.documentOf(plugin)!)).toEqual(nfc(doc))
        expect(plugin.indicators?.every((i) => i instanceof Indicator.Indicator) ?? true).toBe(true)
        // Every text the plugin carries is NFC.
        for (const k of plugin.activityKinds ?? []) expect(k.vi).toBe(k.vi.normalize("NFC"))
        // It loads with the host, like a code plugin.
        const loaded = PluginHost.load([plugin])
        expect(Result.isSuccess(loaded), Result.isFailure(loaded) ? loaded.failure.message : "").toBe(true)
      }),
      { numRuns: 150 }
    )
  })

  it("a corrupted leaf fails with a problem located at it or at the element holding it", () => {
    const corrupted = documentArb.chain((doc) => {
      const paths = leaves(doc).filter((p) => p[0] !== "$schema")
      return fc.constantFrom(...paths).map((path) => ({ doc, path }))
    })
    fc.assert(
      fc.property(corrupted, ({ doc, path }) => {
        let leaf: Json = doc
        for (const k of path) leaf = (leaf as Record<string | number, Json>)[k]!
        const bad = setAt(doc, path, wrongFor(leaf))
        const problems = problemsOf(bad)
        const target = show(path)
        const depth = (p: string) => p.split(/\.|\[/).filter((s) => s !== "").length
        const pointing = problems.filter((p) =>
          (target === p.path || target.startsWith(`${p.path}.`) || target.startsWith(`${p.path}[`)) && depth(p.path) >= Math.min(2, path.length))
        expect(pointing, `${target}: ${problems.map((p) => p.path).join(", ")}`).not.toEqual([])
        for (const p of problems) expect(p.vi).not.toBe(p.en)
      }),
      { numRuns: 300 }
    )
  })

  it("a reference to an undeclared activity kind is located at the reference, in both languages", () => {
    fc.assert(
      fc.property(documentArb.filter((d) => Array.isArray(d.indicators)), fc.nat(), (doc, n) => {
        const indicators = doc.indicators as ReadonlyArray<{ filter: { kinds: ReadonlyArray<string> } }>
        const i = n % indicators.length
        const j = n % indicators[i]!.filter.kinds.length
        const bad = setAt(doc, ["indicators", i, "filter", "kinds", j], "khong-co")
        const problems = problemsOf(bad)
        expect(problems.map((p) => [p.path, p.code])).toContainEqual([`indicators[${i}].filter.kinds[${j}]`, "unknown-activity-kind"])
      })
    )
  })

  it("says where and what in the message: file › path: tiếng Việt / English", () => {
    const r = DataPlugin.decode(
      { name: "x", version: "1.0.0", coreVersion: "^0.1.0", indicators: [{ id: "x/a", vi: "A", en: "A", nounVi: "a", nounEn: "a", filter: { kinds: ["x"] }, measure: "count" }] },
      { file: "plugin.json" }
    )
    expect(Result.isFailure(r) && r.failure.message).toBe(
      `plugin.json › indicators[0].filter.kinds[0]: không có loại hoạt động "x"; hãy dùng loại có sẵn (review, supervision …) hoặc khai báo nó trong activityKinds / no activity kind "x"; use a built-in kind (review, supervision …) or declare it in activityKinds`
    )
  })

  it("rejects ids outside the plugin's namespace, ids declared twice, and unknown fields", () => {
    const problems = problemsOf({
      name: "lai-chau", version: "1.0.0", coreVersion: "^0.1.0", colour: "red",
      committeeKinds: [{ id: "ban-moi", vi: "Ban mới", en: "New" }, { id: "lai-chau/ban", vi: "Ban", en: "C" }, { id: "lai-chau/ban", vi: "Ban", en: "C" }]
    })
    expect(problems.map((p) => [p.path, p.code])).toEqual([["colour", "schema"]])
    const refs = problemsOf({
      name: "lai-chau", version: "1.0.0", coreVersion: "^0.1.0",
      committeeKinds: [{ id: "ban-moi", vi: "Ban mới", en: "New" }, { id: "lai-chau/ban", vi: "Ban", en: "C" }, { id: "lai-chau/ban", vi: "Ban", en: "C" }]
    })
    expect(refs.map((p) => [p.path, p.code])).toEqual([["committeeKinds[0].id", "unnamespaced-id"], ["committeeKinds[2].id", "duplicate-id"]])
  })

  it("reports a JSON syntax error with its line and column", () => {
    const r = DataPlugin.parseJson('{\n  "name": "x",\n  "version": "1.0.0",\n}', { file: "p.json" })
    expect(Result.isFailure(r)).toBe(true)
    const p = Result.isFailure(r) ? r.failure.problems[0]! : undefined
    expect(p?.code).toBe("syntax")
    expect(p?.line).toBe(4)
    expect(Result.isFailure(r) && r.failure.message).toMatch(/^p\.json:4:1: không phải JSON hợp lệ .* \/ not valid JSON/)
  })

  it("leaves references to another plugin's namespace to the host", () => {
    const doc = { name: "b", version: "1.0.0", coreVersion: "^0.1.0", dependencies: { a: "^1.0.0" },
      indicators: [{ id: "b/i", vi: "I", en: "I", nounVi: "cuộc", nounEn: "items", filter: { kinds: ["a/visit"] }, measure: "count" }] }
    const b = decoded(doc)
    const missing = PluginHost.load([b])
    expect(Result.isFailure(missing) && missing.failure.problems.map((p) => p.code)).toEqual(["missing-dependency", "invalid-contribution"])
  })
})

describe("attributes as data", () => {
  it("compile to a schema that accepts declared values and rejects others", () => {
    const schema = DataPlugin.compileAttributes({
      voters: { type: "integer", min: 0 },
      topics: { type: "list", items: { type: "enum", values: ["dat-dai", "y-te"] }, maxItems: 2 },
      held: { type: "date", required: true }
    })
    const ok = Schema.decodeUnknownResult(schema)
    fc.assert(
      fc.property(fc.nat(), fc.subarray(["dat-dai", "y-te"]), (voters, topics) => {
        expect(Result.isSuccess(ok({ voters, topics, held: "2024-05-01" }))).toBe(true)
        expect(Result.isFailure(ok({ voters: -1 - voters, held: "2024-05-01" }))).toBe(true)
        expect(Result.isFailure(ok({ voters }))).toBe(true)
      })
    )
    expect(Result.isFailure(ok({ topics: ["khac"], held: "2024-05-01" }))).toBe(true)
    expect(Result.isFailure(ok({ topics: ["y-te", "y-te", "y-te"], held: "2024-05-01" }))).toBe(true)
  })

  it("an activity of a data-declared kind is validated against its declared attributes", () => {
    const plugin = decoded({
      name: "test", version: "1.0.0", coreVersion: "^0.1.0",
      activityKinds: [{ id: "test/hearing", vi: "phiên giải trình", en: "hearing", nounVi: "phiên", nounEn: "hearings", fields: { subject: "optional" }, attributes: { witnesses: { type: "integer", min: 0 } } }]
    })
    const loaded = PluginHost.load([plugin])
    if (Result.isFailure(loaded)) throw loaded.failure
    const ds = Dataset.fromBatch(structure)
    const a = (attributes: Record<string, unknown>) => activity({ id: "a-h", council: "c14", owner: "c14.tt", kind: "test/hearing" as never, attributes })
    expect(Validation.validateBatch(ds, { activities: [a({ witnesses: 3 })] }, loaded.success.registry)).toEqual([])
    const ps = Validation.validateBatch(ds, { activities: [a({ witnesses: -1 })] }, loaded.success.registry)
    expect(ps.map((p) => [p.field, p.code])).toEqual([["attributes.witnesses", "invalid-attribute"]])
  })
})

describe("data and code plugins compose", () => {
  it("under the same conflict rules: a data plugin redeclaring a code plugin's id needs overrides", () => {
    const code = definePlugin({ name: "a", version: "1.0.0", requires: "^0.1.0", committeeKinds: [{ id: "a/ban" as never, vi: "Ban A", en: "A" }] })
    const data = decoded({ name: "b", version: "1.0.0", coreVersion: "^0.1.0", dependencies: { a: "^1.0.0" },
      committeeRules: [{ id: "b/rule", levels: ["province"], validity: { from: "2021-01-01" }, kinds: ["a/ban"], source: "x" }] })
    const ok = PluginHost.load([data, code])
    expect(Result.isSuccess(ok)).toBe(true)
    if (Result.isSuccess(ok)) {
      expect(ok.success.plugins.map((p) => p.name)).toEqual(["a", "b"])
      expect(ok.success.registry.committeeRules.map((r) => r.id)).toContain("b/rule")
    }
    const clash = decoded({ name: "a", version: "2.0.0", coreVersion: "^0.1.0" })
    const dup = PluginHost.load([code, clash])
    expect(Result.isFailure(dup) && dup.failure.problems.map((p) => p.code)).toEqual(["duplicate-plugin"])
    const over = decoded({ name: "c", version: "1.0.0", coreVersion: "^0.1.0", overrides: ["core/review.content"],
      indicators: [{ id: "core/review.content", vi: "Thẩm tra", en: "Reviewed", nounVi: "nội dung", nounEn: "items", filter: { kinds: ["review"] }, measure: "count" }] })
    const replaced = PluginHost.load([over])
    expect(Result.isSuccess(replaced) && replaced.success.overrides.map((o) => [o.id, o.replaced])).toEqual([["core/review.content", "core"]])
    expect(Registry.builtin.indicators.has("core/review.content" as never)).toBe(true)
  })
})

describe("the Effect API", () => {
  it("DataPlugin.layer provides PluginHost.Plugins from code plugins and data documents; a bad document fails the layer", async () => {
    const code = definePlugin({ name: "a", version: "1.0.0", requires: "^0.1.0" })
    const doc = { name: "b", version: "1.0.0", coreVersion: "^0.1.0", indicators: [{ id: "b/i", vi: "I", en: "I", nounVi: "cuộc", nounEn: "items", filter: { kinds: ["survey"] }, measure: "count" }] }
    const names_ = Effect.gen(function* () {
      const loaded = yield* PluginHost.Plugins
      return loaded.plugins.map((p) => p.name)
    })
    const names = await Effect.runPromise(names_.pipe(Effect.provide(DataPlugin.layer([code, doc]))))
    expect(names).toEqual(["a", "b"])
    const bad = await Effect.runPromise(Effect.flip(names_.pipe(Effect.provide(DataPlugin.layer([{ ...doc, version: 1 }])))))
    expect(bad._tag).toBe("DataPluginError")
    const plugin = await Effect.runPromise(DataPlugin.decodeEffect(doc))
    expect(plugin.indicators?.map((i) => i.id)).toEqual(["b/i"])
  })
})
