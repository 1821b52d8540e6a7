import { ActivityKind, definePlugin, Indicator, PluginHost, ReportTemplate } from "@hdnd/core"
import { Laws, PluginSuite, PluginUniverse } from "@hdnd/testkit"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const Hearing = Schema.Struct({ agencies: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)), live: Schema.Boolean, topic: Schema.optional(Schema.String) })

const hearing: ActivityKind.ActivityKindSpec = {
  id: "kiem-thu/phien-giai-trinh" as never,
  vi: "phiên giải trình chuyên đề",
  en: "thematic explanation hearing",
  nounVi: "phiên",
  nounEn: "hearings",
  fields: { venue: "optional" },
  attributes: Hearing
}

const indicator = new Indicator.Indicator({
  id: "kiem-thu/giai-trinh" as never,
  vi: "Phiên giải trình chuyên đề",
  en: "Thematic explanation hearings",
  nounVi: "phiên giải trình",
  nounEn: "hearings",
  filter: { kinds: [hearing.id] },
  measure: "count"
})

const part = new Indicator.Indicator({
  id: "kiem-thu/giai-trinh-tai-ky-hop" as never,
  vi: "Phiên giải trình tại kỳ họp",
  en: "Explanation hearings at sessions",
  nounVi: "phiên giải trình",
  nounEn: "hearings",
  filter: { kinds: [hearing.id], venues: ["session"] },
  measure: "count",
  partOf: indicator.id
})

const template = (text: string) =>
  new ReportTemplate.ReportTemplate({
    id: "kiem-thu/bao-cao" as never,
    vi: "Báo cáo giải trình",
    en: "Hearing report",
    title: "Báo cáo giải trình {{period}}",
    groupBy: ["level"],
    sections: [{ blocks: [{ _tag: "Paragraph", text }] }]
  })

const good = definePlugin({
  name: "kiem-thu",
  version: "1.0.0",
  requires: "^0.1.0",
  activityKinds: [hearing],
  indicators: [indicator, part],
  reportTemplates: [template("Các cơ quan đã tổ chức {{count kiem-thu/giai-trinh}}, trong đó {{value kiem-thu/giai-trinh-tai-ky-hop}} tại kỳ họp; {{count core/supervision level=province}}.")]
})

// The whole kit on a plugin with its own kind (with attributes), an indicator and an "of which" part,
// and a template, over the generated province (the plugin brings no structure).
await PluginSuite.pluginConformance({ plugin: good, numRuns: 15 })

describe("the plugin kit fails where a plugin is wrong", () => {
  it("an id not namespaced by the plugin", () => {
    const bad = definePlugin({ ...good, indicators: [indicator, new Indicator.Indicator({ ...indicator, id: "ha-noi/giai-trinh" as never })] })
    expect(() => PluginSuite.checkIds(bad)).toThrow(/ha-noi\/giai-trinh starts with "kiem-thu\/"/)
  })

  it("an id declared twice", () => {
    const bad = definePlugin({ ...good, indicators: [indicator, indicator] })
    expect(() => PluginSuite.checkIds(bad)).toThrow(/declared once/)
  })

  it("an attribute schema that does not survive JSON", () => {
    const kind = { ...hearing, attributes: Schema.Struct({ at: Schema.Date }) }
    expect(() => PluginSuite.checkActivityKinds(definePlugin({ ...good, activityKinds: [kind] }), 20)).toThrow(/attributes of kiem-thu\/phien-giai-trinh/)
  })

  it("a counting noun missing in one language", () => {
    expect(() => PluginSuite.checkActivityKinds(definePlugin({ ...good, activityKinds: [{ ...hearing, nounEn: " " }] }), 5)).toThrow(/has nounEn/)
  })

  it("a template with a placeholder that cannot be filled", async () => {
    const bad = definePlugin({ ...good, reportTemplates: [template("Đã tổ chức {{cout kiem-thu/giai-trinh}}.")] })
    const loaded = Result.getOrThrow(PluginHost.load([bad]))
    await expect(PluginSuite.checkTemplates(bad, loaded, 3)).rejects.toThrow(/does not render.*cout/s)
  })

  it("a template selecting a dimension it does not group by", async () => {
    const bad = definePlugin({ ...good, reportTemplates: [template("{{count kiem-thu/giai-trinh month=2023-01}}")] })
    const loaded = Result.getOrThrow(PluginHost.load([bad]))
    await expect(PluginSuite.checkTemplates(bad, loaded, 3)).rejects.toThrow(/not grouped by "month"/)
  })
})

describe("plugin universes", () => {
  it("generate the plugin's own kind, with attributes of its schema", () => {
    const loaded = Result.getOrThrow(PluginHost.load([good]))
    const u = PluginUniverse.universe(loaded, "kiem-thu")
    expect(u.indicators).toEqual(["kiem-thu/giai-trinh", "kiem-thu/giai-trinh-tai-ky-hop"])
    const samples = fc.sample(u.dataset({ maxActivities: 60 }), { numRuns: 20, seed: 4 })
    const own = samples.flatMap((g) => g.activities).filter((a) => a.kind === hearing.id)
    expect(own.length).toBeGreaterThan(0)
    const withAttributes = own.filter((a) => a.attributes !== undefined)
    expect(withAttributes.length).toBeGreaterThan(0)
    for (const a of withAttributes) expect(Result.isSuccess(Schema.decodeUnknownResult(Hearing)(a.attributes))).toBe(true)
  })

  it("of a plugin without indicators draw from the built-in ones the laws can check, not from every built-in one", () => {
    // Indicators that count sessions or documents (core/sessions-held) are not split with the activities, so
    // the union law failed on them (a doc block found it: seed 743802679).
    const bare = definePlugin({ name: "kiem-thu", version: "1.0.0", requires: "^0.1.0" })
    const u = PluginUniverse.universe(Result.getOrThrow(PluginHost.load([bare])), "kiem-thu")
    expect(u.indicators).toEqual(Laws.builtin.indicators)
    expect(u.indicators).not.toContain("core/sessions-held")
  })
})
