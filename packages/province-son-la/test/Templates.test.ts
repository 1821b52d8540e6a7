import { Activity, CalendarDate, Dataset, Ids, Registry, Report, ReportTemplate, Tabulate, TabulationRequest } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { batch, Councils, templates, Templates, Units } from "../src/index.js"

const registry = Registry.extend({ templates })

/** Every text of a rendered document: title, headings, paragraphs, table and chart titles and cells. */
const texts = (doc: ReportDocument.ReportDocument): ReadonlyArray<string> => [
  doc.title,
  ...doc.sections.flatMap((s) => [
    ...(s.heading === undefined ? [] : [s.heading]),
    ...s.blocks.flatMap((b) =>
      b._tag === "Table" ? [b.title, ...b.columns, ...b.rows.flat().map((c) => c.text)] : b._tag === "Chart" ? [b.title, b.alt] : [b.text]
    )
  ])
]

const render = (template: ReportTemplate.ReportTemplate, data: Dataset.Batch, period: CalendarDate.Period, asOf: string) => {
  const request = Report.requestFor(template, TabulationRequest.subtree(Units.PROVINCE_UNIT_ID, CalendarDate.date(asOf)), period)
  const tab = Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(data), registry, request))
  return Report.render(template, tab, registry, { number: 12, date: CalendarDate.date("2024-12-10") })
}

/** The periods a Sơn La report covers: the seed's, a year before the reform and a year after it. */
const PERIODS = [
  [CalendarDate.period("2022-08-01", "2023-08-31"), "2023-08-31"],
  [CalendarDate.period("2024-01-01", "2024-12-31"), "2024-12-31"],
  [CalendarDate.period("2026-01-01", "2026-12-31"), "2026-12-31"]
] as const

describe("the Sơn La report templates", () => {
  it("decode with the ReportTemplate schema (an encode–decode round trip gives them back)", () => {
    for (const t of templates) {
      const json = JSON.parse(JSON.stringify(Schema.encodeSync(ReportTemplate.ReportTemplate)(t)))
      expect(Schema.decodeUnknownSync(ReportTemplate.ReportTemplate)(json), t.id).toEqual(t)
    }
  })

  it("use only indicators that core declares", () => {
    for (const t of templates) for (const i of ReportTemplate.indicatorsOf(t)) expect(Registry.builtin.indicators.has(i), `${t.id}: ${i}`).toBe(true)
  })

  it("render over an empty tabulation of the right shape, before and after the reform, with no placeholder left", () => {
    for (const t of templates) {
      for (const [period, asOf] of PERIODS) {
        const result = render(t, batch, period, asOf)
        if (Result.isFailure(result)) throw new Error(`${t.id} ${asOf}: ${result.failure.message}`)
        const doc = result.success
        expect(texts(doc).filter((s) => s.includes("{{")), `${t.id} ${asOf}`).toEqual([])
        expect(doc.figures.every((f) => f.value === 0), `${t.id} ${asOf}`).toBe(true)
        expect(doc.header?.issuingBody).toEqual(["HỘI ĐỒNG NHÂN DÂN", "TỈNH SƠN LA"])
        expect(doc.header?.number).toBe("Số: 12/BC-HĐND")
      }
    }
  })

  it("fail to render, naming the placeholder, when a placeholder does not fit the tabulation (the check above can fail)", () => {
    const [period, asOf] = PERIODS[1]
    const tab = Result.getOrThrow(
      Tabulate.tabulate(Dataset.fromBatch(batch), registry, Report.requestFor(Templates.yearEndTemplate, TabulationRequest.subtree(Units.PROVINCE_UNIT_ID, CalendarDate.date(asOf)), period))
    )
    // An indicator the template's request did not ask for, and a dimension it does not group by.
    const broken = new ReportTemplate.ReportTemplate({
      ...Templates.yearEndTemplate,
      sections: [{ blocks: [{ _tag: "Paragraph", text: "{{count core/interpellation level=province}}; {{count core/review.content organKind=committee}}" }] }]
    })
    const result = Report.render(broken, tab, registry)
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) expect(result.failure.problems.map((p) => p.code)).toEqual(["indicator-not-tabulated", "dimension-not-grouped"])
  })

  it("year-end: counts the provincial committees' work in words and a commune council's in the tables after the reform", () => {
    const province = Councils.PROVINCE_COUNCIL_ID
    const commune = Councils.communeCouncils[0]!.council.id
    const act = (id: string, council: Ids.CouncilId, owner: Ids.OrganId, kind: string, extra: Partial<Activity.Activity>) =>
      new Activity.Activity({
        id: Ids.ActivityId.make(id),
        council,
        kind: Ids.ActivityKindId.make(kind),
        owner,
        organisers: [owner],
        date: { from: CalendarDate.date("2026-04-10") },
        title: id,
        ...extra
      })
    const activities = [
      act("t-1", province, Councils.organId(province, "phap-che"), "review", { subject: "draft-resolution", resolutionKind: "normative" }),
      act("t-2", province, Councils.organId(province, "dan-toc"), "review", { subject: "draft-resolution", resolutionKind: "individual" }),
      act("t-3", province, Councils.organId(province, "van-hoa-xa-hoi"), "review", { subject: "report" }),
      act("g-1", province, Councils.organId(province, "hdnd"), "supervision", { mode: "thematic" }),
      act("x-1", commune, Councils.organId(commune, "kinh-te-ngan-sach"), "survey", {}),
      act("x-2", commune, Councils.organId(commune, "van-hoa-xa-hoi"), "supervision", { mode: "thematic" })
    ]
    const result = render(Templates.yearEndTemplate, { ...batch, activities }, PERIODS[2][0], PERIODS[2][1])
    if (Result.isFailure(result)) throw new Error(result.failure.message)
    const doc = result.success
    expect(doc.title).toBe("Báo cáo kết quả hoạt động của các ban Hội đồng nhân dân năm 2026")
    const all = texts(doc).join("\n")
    expect(all).toContain("Năm 2026, các ban của HĐND tỉnh đã thẩm tra 2 dự thảo nghị quyết (trong đó 1 dự thảo nghị quyết quy phạm pháp luật), 1 báo cáo")
    expect(all).toContain("Các ban đã tổ chức 1 cuộc giám sát của HĐND tỉnh, 0 cuộc giám sát của Thường trực HĐND tỉnh")
    const byLevel = doc.sections[1]!.blocks[1]!
    if (byLevel._tag !== "Table") throw new Error("expected the table by level")
    const row = (label: string) => byLevel.rows.find((r) => r[0]?.text === label)?.map((c) => c.value)
    expect(row("cấp tỉnh")).toEqual([undefined, 3, 0, 1, 0, 0])
    expect(row("cấp xã")).toEqual([undefined, 0, 0, 1, 1, 0])
    expect(row("cấp huyện")).toBeUndefined()
  })
})

describe("the Sơn La answer report template (son-la/answer-report)", () => {
  const t = Templates.answerReportTemplate

  it("has one section without blocks, where hdnd recommendations report places the answers, between the introduction and the follow-up", () => {
    const empty = t.sections.flatMap((s, i) => (s.blocks.length === 0 ? [i] : []))
    expect(empty).toEqual([1])
    expect(t.sections.map((s) => s.heading)).toEqual(["I. Tình hình tiếp nhận kiến nghị, đề xuất", "II. Kết quả tiếp thu, trao đổi, giải đáp", "III. Đề nghị"])
  })

  it("cites no activity indicator and, in the conference report's frame, names no level below by name (it fits every era)", () => {
    expect(ReportTemplate.indicatorsOf(t)).toEqual([])
    expect(t.frame?.issuingBody).toEqual(Templates.conferenceTemplate.frame?.issuingBody)
    expect(t.frame?.signatureTitle).toEqual(Templates.conferenceTemplate.frame?.signatureTitle)
    const words = [t.title, ...t.sections.flatMap((s) => s.blocks.map((b) => (b._tag === "Paragraph" ? b.text : "")))].join(" ")
    expect(words).not.toMatch(/huyện|xã, phường/)
  })

  it("renders its title with the period and its frame with the number", () => {
    const result = render(t, batch, CalendarDate.period("2023-10-01", "2023-12-31"), "2023-12-31")
    if (Result.isFailure(result)) throw new Error(result.failure.message)
    expect(result.success.title).toBe("Báo cáo tổng hợp tiếp thu, trao đổi, giải đáp kiến nghị, đề xuất của các ban HĐND cấp dưới từ tháng 10 năm 2023 đến tháng 12 năm 2023")
    expect(result.success.header?.recipients).toContain("Các cơ quan được chuyển kiến nghị")
  })
})
