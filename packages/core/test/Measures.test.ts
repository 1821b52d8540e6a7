import {
  CalendarDate,
  Dataset,
  Indicator,
  Indicators,
  definePlugin,
  PluginHost,
  Registry,
  Report,
  ReportTemplate,
  Tabulate,
  Tabulation,
  TabulationRequest,
  Validation
} from "@hdnd/core"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { activity, PERIOD, structure, tally } from "./utils/fixture.js"

const { ids } = Indicators
const scope = TabulationRequest.subtree("u14" as never, CalendarDate.date("2023-06-30"))
const XA_A_NFD = "Xã A".normalize("NFD")

const meeting = (id: string, council: string, owner: string, attributes?: Record<string, unknown>, organisers?: ReadonlyArray<string>) =>
  activity({ id, council, owner, kind: "voterMeeting" as never, subject: undefined, title: "Tiếp xúc cử tri", ...(organisers === undefined ? {} : { organisers }), ...(attributes === undefined ? {} : { attributes }) } as never)
const mission = (id: string, council: string, owner: string, kind: "supervision" | "survey", attributes?: Record<string, unknown>, organisers?: ReadonlyArray<string>) =>
  activity({
    id,
    council,
    owner,
    kind: kind as never,
    subject: undefined,
    ...(kind === "supervision" ? { mode: "thematic" } : {}),
    title: "Giám sát, khảo sát",
    ...(organisers === undefined ? {} : { organisers }),
    ...(attributes === undefined ? {} : { attributes })
  } as never)

const activities = [
  meeting("m1", "c14", "c14.pc", { voters: 120, places: "Xã A" }),
  meeting("m2", "c14", "c14.ktns", { voters: 80 }),
  meeting("m3", "c14", "c14.pc"),
  meeting("m4", "c116", "c116.pc", { voters: 50, places: ["Xã C"] }),
  mission("s1", "c14", "c14.pc", "supervision", { places: ["Xã A", "Xã B", "Xã A"], recommendations: 7 }, ["c14.pc", "c14.ktns"]),
  mission("s2", "c14", "c14.dt", "survey", { places: ` ${XA_A_NFD} ` }),
  mission("s3", "c116", "c116.pc", "survey", { places: "Xã A" }),
  mission("s4", "c116", "c116.ktxh", "supervision")
]

const batch = (extra: Partial<Dataset.Batch> = {}): Dataset.Batch => ({ ...structure, activities, ...extra })

const run = (b: Dataset.Batch, request: Partial<TabulationRequest.TabulationRequest> & Pick<TabulationRequest.TabulationRequest, "indicators">) => {
  expect(Validation.validateBatch(Dataset.empty, b, Registry.builtin).map((p) => p.describe("en"))).toEqual([])
  return Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(b), Registry.builtin, { scope, period: PERIOD, ...request }))
}

describe("sum measure", () => {
  it("adds a numeric attribute over the activities carrying it; a missing attribute makes no record", () => {
    const t = run(batch(), { indicators: [ids.votersMet, ids.voterMeeting], groupBy: ["council"], trace: true })
    expect(Tabulation.valueOf(t, ids.votersMet).value).toBe(250)
    expect(Tabulation.valueOf(t, ids.votersMet, { council: "c14" }).value).toBe(200)
    expect(Tabulation.valueOf(t, ids.votersMet, { council: "c116" }).value).toBe(50)
    // m3 has no voters: it is a voter meeting (counted) but not a record of the sum.
    expect(Tabulation.valueOf(t, ids.voterMeeting).value).toBe(4)
    expect(Tabulation.recordsOf(t, ids.votersMet).activities).toEqual(["m1", "m2", "m4"])
    expect(Tabulation.cellsOf(t, ids.votersMet, { council: "c14" }).map((c) => [c.items, c.sum])).toEqual([[2, 200]])
  })

  it("counts a joint mission's attribute once per organiser in the organ view, once in the council total", () => {
    const byOrgan = run(batch(), { indicators: [ids.supervisionRecommendations], groupBy: ["organ"] })
    expect(Tabulation.valueOf(byOrgan, ids.supervisionRecommendations, { organ: "c14.pc" }).value).toBe(7)
    expect(Tabulation.valueOf(byOrgan, ids.supervisionRecommendations, { organ: "c14.ktns" }).value).toBe(7)
    const flat = run(batch(), { indicators: [ids.supervisionRecommendations] })
    expect(Tabulation.valueOf(flat, ids.supervisionRecommendations).value).toBe(7)
  })

  it("adds tallies of councils without records and reports a conflict for a council with both", () => {
    const tallies = [
      tally({ id: "t125", council: "c125", indicator: ids.votersMet, value: 1000, qualifier: "about" }),
      tally({ id: "t14", council: "c14", indicator: ids.votersMet, value: 999 })
    ]
    const t = run(batch({ tallies }), { indicators: [ids.votersMet] })
    const v = Tabulation.valueOf(t, ids.votersMet)
    expect([v.value, v.items, v.tallied, v.conflicting, v.qualifier]).toEqual([1250, 250, 1000, 999, "about"])
    expect(Tabulation.conflicts(t).map((c) => [c.body, c.tallies])).toEqual([["council:c14", ["t14"]]])
  })
})

describe("distinct measure", () => {
  it("counts distinct values of a scalar or list attribute, after NFC normalisation and trimming", () => {
    const t = run(batch(), { indicators: [ids.placesVisited], groupBy: ["council"], trace: true })
    const c14 = Tabulation.cellsOf(t, ids.placesVisited, { council: "c14" })[0]!
    expect([...c14.values].sort()).toEqual(["Xã A", "Xã B"])
    expect(Tabulation.valueOf(t, ids.placesVisited, { council: "c14" }).value).toBe(2)
    expect(Tabulation.valueOf(t, ids.placesVisited, { council: "c116" }).value).toBe(1)
    // Not additive: the total is the union of the councils' places, not 2 + 1.
    expect(Tabulation.valueOf(t, ids.placesVisited).value).toBe(2)
    // s4 has no places: not a record of the indicator.
    expect(Tabulation.recordsOf(t, ids.placesVisited).activities).toEqual(["s1", "s2", "s3"])
  })

  it("gives a joint mission's places to every organiser in the organ view; the total is still their union", () => {
    const t = run(batch(), { indicators: [ids.placesVisited], groupBy: ["organ"] })
    const placesOf = (organ: string) => [...(Tabulation.cellsOf(t, ids.placesVisited, { organ })[0]?.values ?? [])].sort()
    expect(placesOf("c14.pc")).toEqual(["Xã A", "Xã B"])
    expect(placesOf("c14.ktns")).toEqual(["Xã A", "Xã B"])
    expect(placesOf("c14.dt")).toEqual(["Xã A"])
    expect(Tabulation.valueOf(t, ids.placesVisited).value).toBe(2)
  })

  it("combines the tabulations of two record sets by the union of their values", () => {
    const half = (ids_: ReadonlyArray<string>) => activities.filter((a) => ids_.includes(a.id))
    const req = { indicators: [ids.placesVisited, ids.voterMeetingPlaces] as const, groupBy: [] }
    const a = run(batch({ activities: half(["m1", "s1", "s2"]) }), req)
    const b = run(batch({ activities: half(["m2", "m3", "m4", "s3", "s4"]) }), req)
    const whole = run(batch(), req)
    const combined = Tabulation.combine(a, b)
    expect(Tabulation.equals(combined, whole)).toBe(true)
    expect(Tabulation.valueOf(combined, ids.placesVisited).value).toBe(2)
    expect(Tabulation.valueOf(combined, ids.voterMeetingPlaces).value).toBe(2)
  })

  it("adds a reported distinct number as a separate part, marked as tallied; a conflicting one is left out", () => {
    const tallies = [
      tally({ id: "t125", council: "c125", indicator: ids.placesVisited, value: 5 }),
      tally({ id: "t116", council: "c116", indicator: ids.placesVisited, value: 9 })
    ]
    const t = run(batch({ tallies }), { indicators: [ids.placesVisited] })
    const v = Tabulation.valueOf(t, ids.placesVisited)
    expect([v.value, v.items, v.tallied, v.conflicting]).toEqual([7, 2, 5, 9])
    expect(Tabulation.conflicts(t).map((c) => c.body)).toEqual(["council:c116"])
  })
})

describe("measure helpers", () => {
  it("isMeasured, sumOf and distinctKeys say what an attribute value counts for", () => {
    expect([undefined, null, Number.NaN, 0, "", [], "x"].map(Indicator.isMeasured)).toEqual([false, false, false, true, true, true, true])
    expect([3, 2.5, "4", true, null, [1]].map(Indicator.sumOf)).toEqual([3, 2.5, 0, 0, 0, 0])
    expect(Indicator.distinctKeys([" Xã A ", XA_A_NFD, 5, "5", "", true, null, ["nested"], { a: "b" }])).toEqual(["Xã A", "Xã A", "5", "5"])
    expect(Indicator.distinctKeys({ a: "b" })).toEqual([])
    expect(Indicator.distinctKeys("Bản Hìn")).toEqual(["Bản Hìn"])
  })
})

describe("attribute of an indicator", () => {
  const base = { vi: "Chỉ tiêu thử", en: "Test indicator", nounVi: "lượt", nounEn: "times", filter: { kinds: ["voterMeeting" as never] as const } }
  const noAttribute = new Indicator.Indicator({ ...base, id: "test/voters" as never, measure: "sum" })
  const strayAttribute = new Indicator.Indicator({ ...base, id: "test/meetings" as never, measure: "count", attribute: "voters" })
  const badName = new Indicator.Indicator({ ...base, id: "test/bad" as never, measure: "distinct", attribute: "$.places" })

  it("is required for sum and distinct, a plain key, and not allowed for the other measures", () => {
    expect(Indicator.attributeProblem(noAttribute)?.en).toMatch(/must name the attribute/)
    expect(Indicator.attributeProblem(strayAttribute)?.vi).toMatch(/không dùng thuộc tính/)
    expect(Indicator.attributeProblem(badName)?.en).toMatch(/plain key/)
    for (const ind of Registry.builtin.indicators.values()) expect(Indicator.attributeProblem(ind)).toBeUndefined()
  })

  it("is checked when tabulating and when loading a plugin, with a bilingual error", () => {
    const registry = Registry.extend({ indicators: [noAttribute] })
    const failed = Tabulate.tabulate(Dataset.fromBatch(batch()), registry, { scope, period: PERIOD, indicators: [noAttribute.id] })
    expect(Result.isFailure(failed) && failed.failure.code).toBe("invalid-indicator")
    const loaded = PluginHost.load([definePlugin({ name: "thu", version: "1.0.0", requires: "*", indicators: [new Indicator.Indicator({ ...strayAttribute, id: "thu/meetings" as never })] })])
    expect(Result.isFailure(loaded)).toBe(true)
    if (Result.isFailure(loaded)) {
      expect(loaded.failure.problems.map((p) => p.code)).toEqual(["invalid-contribution"])
      expect(loaded.failure.message).toMatch(/không dùng thuộc tính.*reads no attribute/)
    }
  })
})

describe("reports over sums and distinct counts", () => {
  it("render the number and the counting noun", () => {
    const template = new ReportTemplate.ReportTemplate({
      id: "test/measures" as never,
      vi: "Báo cáo thử",
      en: "Test report",
      title: "Báo cáo {{period}}",
      sections: [{ heading: "Kết quả", blocks: [{ _tag: "Paragraph", text: "Tiếp {{count core/voter-meeting.voters}}; giám sát, khảo sát tại {{count core/places-visited}} ({{value core/places-visited council=c116}} của thành phố)." }] }],
      groupBy: ["council"]
    })
    const tab = run(batch(), Report.requestFor(template, scope, PERIOD))
    const doc = Result.getOrThrow(Report.render(template, tab, Registry.builtin))
    const block = doc.sections[0]!.blocks[0]!
    expect(block._tag === "Paragraph" && block.text).toBe("Tiếp 250 lượt cử tri; giám sát, khảo sát tại 2 địa bàn (1 của thành phố).")
  })
})
