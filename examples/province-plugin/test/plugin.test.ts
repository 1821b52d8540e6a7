import { Activity, CalendarDate, Council, Dataset, definePlugin, Ids, Indicators as Core, Plugin, PluginHost, Report, Tabulate, Tabulation, TabulationRequest, Validation } from "@hdnd/core"
import * as SonLa from "@hdnd/province-son-la"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, expectTypeOf, it } from "vitest"
import { COMMITTEE_HEARING, COMMITTEE_HEARING_ID, CommitteeHearingAttributes } from "../src/CommitteeHearing.js"
import type { CommitteeKind } from "../src/Councils.js"
import { allOrgans, CITY_COMMITTEES, CITY_COUNCIL_ID, communeCouncilId, COMMUNE_COMMITTEES, organId } from "../src/Councils.js"
import { run } from "../src/demo.js"
import { ACTIVITIES_MAPPING_ID, activitiesMapping } from "../src/Importers.js"
import { ids } from "../src/Indicators.js"
import { data, plugin } from "../src/index.js"
import { COMMITTEE_REPORT_ID, committeeReport } from "../src/Templates.js"
import { CITY_UNIT_ID, communes, NAMESPACE } from "../src/Units.js"

const { date } = CalendarDate

const load = (plugins: ReadonlyArray<Plugin.Plugin>): PluginHost.Loaded => {
  const loaded = PluginHost.load(plugins)
  if (Result.isFailure(loaded)) throw new Error(loaded.failure.message)
  return loaded.success
}

const loaded = load([plugin])
const base = Dataset.fromBatch(loaded.data)

const ward = communes.find((x) => x.slug === "phuong-hai-chau")!
const WARD_COUNCIL_ID = communeCouncilId(ward)

/** A thematic hearing of a city committee with the given attributes. */
const hearing = (id: string, attributes: Record<string, unknown> | undefined, committee: CommitteeKind = "do-thi"): Activity.Activity =>
  new Activity.Activity({
    id: Ids.ActivityId.make(`test/${id}`),
    council: CITY_COUNCIL_ID,
    kind: COMMITTEE_HEARING_ID,
    owner: organId(CITY_COUNCIL_ID, committee),
    organisers: [organId(CITY_COUNCIL_ID, committee)],
    date: { from: date("2025-09-25") },
    title: "Giải trình về tiến độ các dự án chống ngập úng đô thị",
    ...(attributes === undefined ? {} : { attributes })
  })

const problemsOf = (a: Activity.Activity) => Validation.validateBatch(base, { activities: [a] }, loaded.registry)

describe("the da-nang plugin loads", () => {
  it("alone: its kind, indicators, template and mapping join the frozen registry, its data validates", () => {
    expect(loaded.plugins.map((p) => p.name)).toEqual([NAMESPACE])
    expect(loaded.registry.activityKinds.get(COMMITTEE_HEARING_ID)?.vi).toBe("phiên giải trình chuyên đề của Ban")
    expect(loaded.registry.indicators.get(ids.committeeHearing)?.nounVi).toBe("phiên giải trình chuyên đề")
    expect(loaded.registry.indicators.get(ids.committeeHearingUrban)?.partOf).toBe(ids.committeeHearing)
    expect(loaded.registry.templates.get(COMMITTEE_REPORT_ID)).toBe(committeeReport)
    expect(loaded.importers.get(ACTIVITIES_MAPPING_ID)).toBe(activitiesMapping)
    // Built-ins are still there; what the plugin added is attributed to it.
    expect(loaded.registry.indicators.has(Core.ids.supervision)).toBe(true)
    for (const id of [COMMITTEE_HEARING, ids.committeeHearing, ids.committeeHearingUrban, COMMITTEE_REPORT_ID, ACTIVITIES_MAPPING_ID]) {
      expect(loaded.origins.get(id)).toBe(NAMESPACE)
    }
    expect(loaded.overrides).toEqual([])
    expect(loaded.data.units).toHaveLength(8)
    expect(loaded.data.councils).toHaveLength(7)
    expect(Validation.validateBatch(Dataset.empty, loaded.data, loaded.registry)).toEqual([])
  })

  it("every id it brings, contributed or recorded, is in its namespace", () => {
    const recordIds = Dataset.entityKinds.flatMap((k) => ((data[k] ?? []) as ReadonlyArray<{ readonly id: string }>).map((r) => r.id))
    expect(recordIds.length).toBeGreaterThan(40)
    expect(recordIds.filter((id) => !id.startsWith(`${NAMESPACE}/`))).toEqual([])
    expect([...loaded.origins].filter(([, owner]) => owner === NAMESPACE).map(([id]) => id).filter((id) => !id.startsWith(`${NAMESPACE}/`))).toEqual([])
  })

  it.each([
    ["after", () => [plugin, SonLa.plugin]],
    ["before", () => [SonLa.plugin, plugin]]
  ])("beside the Sơn La plugin (listed %s it), with both provinces' declarations and data", (_, plugins) => {
    const both = load(plugins())
    expect(both.plugins.map((p) => p.name).sort()).toEqual(["da-nang", "son-la"])
    expect(both.registry.templates.has(COMMITTEE_REPORT_ID)).toBe(true)
    expect(both.registry.templates.has(SonLa.Templates.YEAR_END_TEMPLATE_ID)).toBe(true)
    expect(both.registry.activityKinds.has(COMMITTEE_HEARING_ID)).toBe(true)
    expect(both.data.councils?.map((c) => c.id)).toEqual(expect.arrayContaining([CITY_COUNCIL_ID, SonLa.Councils.PROVINCE_COUNCIL_ID]))
    expect(both.data.councils).toHaveLength(loaded.data.councils!.length + SonLa.councils.length)
    expect(both.origins.get(ids.committeeHearing)).toBe("da-nang")
    expect(both.origins.get(SonLa.Templates.YEAR_END_TEMPLATE_ID)).toBe("son-la")
  })
})

describe("the city council", () => {
  const organsOf = (council: Ids.CouncilId) => allOrgans.filter((o) => o.council === council)

  it("has a Ban Đô thị (committee kind do-thi) beside Ban Pháp chế, Ban Kinh tế – Ngân sách and Ban Văn hóa – Xã hội", () => {
    const city = organsOf(CITY_COUNCIL_ID)
    const urban = city.filter((o) => o.committeeKind === "do-thi")
    expect(urban).toHaveLength(1)
    expect(urban[0]!.kind).toBe("committee")
    expect(urban[0]!.name).toBe("Ban Đô thị HĐND thành phố Đà Nẵng")
    expect(loaded.registry.committeeKinds.get(Ids.CommitteeKindId.make("do-thi"))?.vi).toBe("Ban Đô thị")
    expect(city.filter((o) => o.kind === "committee").map((o) => o.committeeKind).sort()).toEqual([...CITY_COMMITTEES].sort())
    expect(city.map((o) => o.kind).filter((k) => k !== "committee")).toEqual(["plenary", "standing"])
    // The council belongs to the centrally-run city.
    expect(loaded.data.councils?.find((c) => c.id === CITY_COUNCIL_ID)?.unit).toBe(CITY_UNIT_ID)
    expect(loaded.data.units?.find((u) => u.id === CITY_UNIT_ID)?.type).toBe("thanh-pho-truc-thuoc-tw")
  })

  it("the commune councils have only Ban Kinh tế – Ngân sách and Ban Văn hóa – Xã hội; a Ban Đô thị there is refused on load", () => {
    expect(organsOf(WARD_COUNCIL_ID).flatMap((o) => (o.committeeKind === undefined ? [] : [o.committeeKind])).sort()).toEqual([...COMMUNE_COMMITTEES].sort())
    const wrong = new Council.Organ({
      id: Ids.OrganId.make(`${WARD_COUNCIL_ID}/ban-do-thi`),
      council: WARD_COUNCIL_ID,
      kind: "committee",
      committeeKind: Ids.CommitteeKindId.make("do-thi"),
      name: "Ban Đô thị HĐND phường Hải Châu",
      validity: { from: date("2025-07-01") }
    })
    const refused = PluginHost.load([definePlugin({ ...plugin, data: { ...data, organs: [...allOrgans, wrong] } })])
    expect(Result.isFailure(refused)).toBe(true)
    if (Result.isSuccess(refused)) return
    expect(refused.failure.problems.map((p) => [p.code, p.plugins, p.id])).toEqual([["invalid-contribution", [NAMESPACE], wrong.id]])
    expect(refused.failure.problems[0]!.en).toContain(`may not have a "do-thi" committee`)
  })
})

describe("the activity kind da-nang/committee-hearing", () => {
  const valid = { agencies: 4, commitments: 6, broadcastLive: true }

  it("accepts valid attributes", () => {
    expect(problemsOf(hearing("ok", valid)).map((p) => p.describe("en"))).toEqual([])
  })

  it.each([
    ["a wrong type", { ...valid, agencies: "bốn" }, "attributes.agencies"],
    ["a fraction", { ...valid, commitments: 1.5 }, "attributes.commitments"],
    ["a negative count", { ...valid, agencies: -1 }, "attributes.agencies"],
    ["a boolean written as text", { ...valid, broadcastLive: "có" }, "attributes.broadcastLive"],
    ["an extra key", { ...valid, livestreamUrl: "https://example.org" }, "attributes.livestreamUrl"],
    ["a missing key", { agencies: 4, broadcastLive: true }, "attributes.commitments"]
  ])("refuses %s, naming the attribute's path", (_, attributes, field) => {
    const problems = problemsOf(hearing("bad", attributes))
    expect(problems.map((p) => [p.code, p.field])).toEqual([["invalid-attribute", field]])
    expect(problems[0]!.id).toBe("test/bad")
    expect(problems[0]!.describe("en")).toContain(`kind "${COMMITTEE_HEARING}"`)
  })

  it("refuses a classifying field it does not take (mode) and accepts the one it does (venue)", () => {
    const withMode = new Activity.Activity({ ...hearing("mode", valid), mode: "thematic" })
    expect(problemsOf(withMode).map((p) => [p.code, p.field])).toEqual([["field-not-applicable", "mode"]])
    expect(problemsOf(new Activity.Activity({ ...hearing("venue", valid), venue: "committee-meeting" }))).toEqual([])
  })

  it("Plugin.attributesOf returns the attributes typed by the augmentation, and undefined for another kind", () => {
    const attrs = Plugin.attributesOf(hearing("typed", valid), COMMITTEE_HEARING)
    expectTypeOf(attrs).toEqualTypeOf<{ readonly agencies: number; readonly commitments: number; readonly broadcastLive: boolean } | undefined>()
    expect(attrs).toEqual(valid)
    expect(attrs!.agencies + attrs!.commitments).toBe(10)
    const other = new Activity.Activity({ ...hearing("other", undefined), kind: Ids.ActivityKindId.make("explanationHearing") })
    expect(Plugin.attributesOf(other, COMMITTEE_HEARING)).toBeUndefined()
  })

  it("Plugin.activityKind checks the schema against the declared type at compile time", () => {
    const spec = {
      id: COMMITTEE_HEARING,
      vi: "phiên giải trình",
      en: "hearing",
      nounVi: "phiên",
      nounEn: "hearings",
      fields: {}
    } as const
    expect(Plugin.activityKind({ ...spec, attributes: CommitteeHearingAttributes }).attributes).toBe(CommitteeHearingAttributes)
    // @ts-expect-error: agencies is declared a number, not a string
    Plugin.activityKind({ ...spec, attributes: Schema.Struct({ agencies: Schema.String, commitments: Schema.Int, broadcastLive: Schema.Boolean }) })
  })
})

describe("the indicators", () => {
  const cityOrgans = CITY_COMMITTEES.map((k) => ({ council: CITY_COUNCIL_ID, committee: k }))
  const wardOrgans = COMMUNE_COMMITTEES.map((k) => ({ council: WARD_COUNCIL_ID, committee: k }))
  const FIRST = CalendarDate.toDayNumber(date("2025-07-01"))
  const LAST = CalendarDate.toDayNumber(date("2026-03-31"))
  const dayArb = fc.integer({ min: FIRST, max: LAST }).map(CalendarDate.fromDayNumber)

  const recordArb = fc.record({
    kind: fc.constantFrom(COMMITTEE_HEARING, "explanationHearing", "supervision", "survey"),
    organ: fc.constantFrom(...cityOrgans, ...wardOrgans),
    day: dayArb,
    attributes: fc.record({ agencies: fc.nat(20), commitments: fc.nat(50), broadcastLive: fc.boolean() })
  })

  it("count exactly the activities of the city's kind (and, of them, Ban Đô thị's) in the period, by organ", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), dayArb, dayArb, (records, d1, d2) => {
        const period = d1 <= d2 ? { from: d1, to: d2 } : { from: d2, to: d1 }
        const activities = records.map((r, i) => {
          const o = organId(r.organ.council, r.organ.committee)
          return new Activity.Activity({
            id: Ids.ActivityId.make(`p/${i}`),
            council: r.organ.council,
            kind: Ids.ActivityKindId.make(r.kind),
            owner: o,
            organisers: [o],
            date: { from: r.day },
            title: `Hoạt động ${i}`,
            ...(r.kind === "supervision" ? { mode: "thematic" as const } : {}),
            ...(r.kind === COMMITTEE_HEARING ? { attributes: r.attributes } : {})
          })
        })
        expect(Validation.validateBatch(base, { activities }, loaded.registry)).toEqual([])
        const ds = Dataset.apply(base, { activities })
        const request: TabulationRequest.TabulationRequest = {
          indicators: [ids.committeeHearing, ids.committeeHearingUrban],
          scope: TabulationRequest.subtree(CITY_UNIT_ID, date("2025-12-31")),
          period,
          groupBy: ["organ"]
        }
        const tab = Result.getOrThrow(Tabulate.tabulate(ds, loaded.registry, request))
        const counted = records.filter((r) => r.kind === COMMITTEE_HEARING && r.day >= period.from && r.day <= period.to)
        expect(Tabulation.valueOf(tab, ids.committeeHearing).value).toBe(counted.length)
        expect(Tabulation.valueOf(tab, ids.committeeHearingUrban).value).toBe(counted.filter((r) => r.organ.committee === "do-thi").length)
        for (const { council, committee } of [...cityOrgans, ...wardOrgans]) {
          const organ = organId(council, committee)
          const expected = counted.filter((r) => r.organ.council === council && r.organ.committee === committee).length
          expect(Tabulation.valueOf(tab, ids.committeeHearing, { organ }).value).toBe(expected)
        }
      })
    )
  })
})

describe("the report template", () => {
  const demo = Result.getOrThrow(run())

  it("renders the demo with every placeholder filled, the official frame and the figures of the city level", () => {
    const doc = demo.document
    expect(JSON.stringify(doc)).not.toContain("{{")
    expect(JSON.stringify(doc)).not.toContain("}}")
    expect(doc.template).toBe(COMMITTEE_REPORT_ID)
    expect(doc.title).toBe("Báo cáo kết quả hoạt động của các Ban Hội đồng nhân dân thành phố 6 tháng cuối năm 2025")
    expect(doc.header?.issuingBody).toEqual(["HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG"])
    expect(doc.header?.number).toBe("Số: 12/BC-HĐND")
    const text = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b._tag === "Paragraph" ? [b.text] : []))).join("\n")
    expect(text).toContain("đã thẩm tra 5 nội dung, trình 1 kỳ họp của HĐND thành phố")
    expect(text).toContain("tổ chức 5 cuộc giám sát, trong đó Ban Đô thị chủ trì 2 cuộc, và 2 cuộc khảo sát")
    // The ward's hearing is in the dataset but not in the city's figures.
    expect(text).toContain("Các Ban đã tổ chức 4 phiên giải trình chuyên đề với các cơ quan của thành phố, trong đó Ban Đô thị tổ chức 2 phiên")
    expect(text).toContain("Thường trực HĐND thành phố tổ chức 1 phiên giải trình")
    expect(Tabulation.valueOf(demo.tabulation, ids.committeeHearing, { level: "commune" }).value).toBe(1)
    const byCommittee = doc.sections[1]?.blocks[0]
    expect(byCommittee?._tag).toBe("Table")
    if (byCommittee?._tag !== "Table") return
    expect(byCommittee.rows.find((r) => r[0]?.text === "Ban Đô thị HĐND thành phố Đà Nẵng")?.map((c) => c.value)).toEqual([undefined, 1, 2, 1, 2])
    expect(byCommittee.total?.map((c) => c.value)).toEqual([undefined, 5, 5, 2, 4])
  })

  it("renders the same beside the Sơn La plugin", () => {
    const beside = Result.getOrThrow(run([SonLa.plugin, plugin]))
    expect(beside.document).toEqual(demo.document)
  })

  it("names a dimension it groups by for every selection, so any tabulation from requestFor resolves", () => {
    const request = Report.requestFor(committeeReport, TabulationRequest.councils([CITY_COUNCIL_ID]), CalendarDate.period("2026-01-01", "2026-06-30"))
    const empty = Result.getOrThrow(Tabulate.tabulate(demo.dataset, loaded.registry, request))
    const doc = Result.getOrThrow(Report.render(committeeReport, empty, loaded.registry))
    expect(JSON.stringify(doc)).not.toContain("{{")
    expect(doc.title).toContain("6 tháng đầu năm 2026")
  })
})

describe("the importer mapping", () => {
  /** The accepted headers of the activities table of docs/interchange.md: Vietnamese header, English column, aliases. */
  const interchangeHeaders = (): ReadonlySet<string> => {
    const doc = readFileSync(fileURLToPath(new URL("../../../docs/interchange.md", import.meta.url)), "utf8")
    const section = doc.split(/^### /m).find((s) => s.startsWith("`activities`"))
    if (section === undefined) throw new Error("docs/interchange.md has no activities section")
    const out = new Set<string>()
    for (const line of section.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Cột"))) {
      const [vi, en, aliases] = line.split("|").slice(1, 4).map((c) => c.trim())
      out.add(vi!)
      for (const m of `${en} ${aliases}`.matchAll(/`([^`]+)`/g)) out.add(m[1]!)
    }
    return out
  }

  it("maps the city's headers of activities to interchange headers, and every attribute of the kind to attributes.<name>", () => {
    expect(activitiesMapping.entity).toBe("activities")
    const accepted = interchangeHeaders()
    expect(accepted.has("Nội dung")).toBe(true)
    expect(activitiesMapping.columns["Nội dung giải trình"]).toBe("Nội dung")
    const targets = Object.values(activitiesMapping.columns)
    const attributes = targets.filter((t) => t.startsWith("attributes.")).map((t) => t.slice("attributes.".length))
    expect(targets.filter((t) => !t.startsWith("attributes.") && !accepted.has(t))).toEqual([])
    expect(attributes.sort()).toEqual(Object.keys(CommitteeHearingAttributes.fields).sort())
    // Required interchange columns are all covered (council given as "Hội đồng").
    expect(targets).toEqual(expect.arrayContaining(["Mã", "HĐND", "Loại hoạt động", "Cơ quan chủ trì", "Từ ngày", "Nội dung"]))
    expect(new Set(targets).size).toBe(targets.length)
  })
})
