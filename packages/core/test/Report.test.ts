import { CalendarDate, Dataset, Indicators, Registry, Report, ReportTemplate, ReportText, Tabulate, Tabulation, TabulationRequest } from "@hdnd/core"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { activity, PERIOD, structure, tally } from "./utils/fixture.js"

const scope = TabulationRequest.subtree("u14" as never, CalendarDate.date("2023-06-30"))

const template = new ReportTemplate.ReportTemplate({
  id: "test/report" as never,
  vi: "Báo cáo thử",
  en: "Test report",
  title: "Báo cáo {{period}}",
  groupBy: ["level", "council"],
  frame: { issuingBody: ["HỘI ĐỒNG NHÂN DÂN", "TỈNH SƠN LA"], documentType: "BC", issuer: "HĐND", place: "Sơn La", recipients: ["Như trên"], signatureTitle: ["TM. THƯỜNG TRỰC HĐND"], signatory: "Nguyễn Văn A" },
  sections: [
    {
      heading: "Kết quả",
      blocks: [
        { _tag: "Paragraph", text: "{{Period}}, các ban đã thẩm tra {{count core/review.report level=province}}; cấp huyện {{value core/review.content level=district}} nội dung." },
        { _tag: "Table", title: "Theo HĐND", rows: "council", rowHeader: "HĐND", total: true, columns: [{ indicator: Indicators.ids.reviewContent }] },
        { _tag: "Chart", title: "Thẩm tra", chart: "bar", indicator: Indicators.ids.reviewContent, by: "council" }
      ]
    }
  ]
})

const tabulation = () => {
  const ds = Dataset.fromBatch({
    ...structure,
    activities: [activity({ council: "c14", owner: "c14.pc" }), activity({ council: "c14", owner: "c14.ktns" }), activity({ council: "c116", owner: "c116.pc" })],
    tallies: [tally({ id: "t", council: "c125", indicator: Indicators.ids.reviewContent, value: 1041, qualifier: "over" })]
  })
  return Result.getOrThrow(Tabulate.tabulate(ds, Registry.builtin, Report.requestFor(template, scope, PERIOD)))
}

describe("Report.render", () => {
  it("fills placeholders with formatted figures and their nouns, and records where each came from", () => {
    const doc = Result.getOrThrow(Report.render(template, tabulation(), Registry.builtin, { number: 85, date: CalendarDate.date("2023-10-14") }))
    expect(doc.title).toBe("Báo cáo từ tháng 8 năm 2022 đến tháng 8 năm 2023")
    const para = doc.sections[0]!.blocks[0]!
    expect(para).toEqual({ _tag: "Paragraph", text: "Từ tháng 8 năm 2022 đến tháng 8 năm 2023, các ban đã thẩm tra 2 báo cáo; cấp huyện hơn 1.042 nội dung." })
    expect(doc.figures.map((f) => [f.indicator, f.value])).toEqual([[Indicators.ids.reviewReport, 2], [Indicators.ids.reviewContent, 1042]])
    expect(doc.header?.number).toBe("Số: 85/BC-HĐND")
  })

  it("renders tables with labels and a total, and charts with a text alternative", () => {
    const doc = Result.getOrThrow(Report.render(template, tabulation(), Registry.builtin))
    const table = doc.sections[0]!.blocks[1]!
    if (table._tag !== "Table") throw new Error("expected a table")
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([["HĐND huyện Mai Sơn", "hơn 1.041"], ["HĐND thành phố Sơn La", "1"], ["HĐND tỉnh Sơn La", "2"]])
    expect(table.total?.map((c) => c.value)).toEqual([undefined, 1044])
    const chart = doc.sections[0]!.blocks[2]!
    expect(chart._tag === "Chart" && chart.alt).toContain("HĐND huyện Mai Sơn 1.041")
  })

  it("reports every unresolvable placeholder at once, naming it", () => {
    const bad = new ReportTemplate.ReportTemplate({
      ...template,
      sections: [{ blocks: [{ _tag: "Paragraph", text: "{{count core/nope}} {{count core/survey}} {{count core/review.report unit=x}} {{bogus}}" }] }]
    })
    const result = Report.render(bad, tabulation(), Registry.builtin)
    if (Result.isSuccess(result)) throw new Error("expected an error")
    expect(result.failure.problems.map((p) => p.code)).toEqual(["unknown-indicator", "indicator-not-tabulated", "dimension-not-grouped", "unknown-placeholder"])
    expect(result.failure.message).toContain("{{bogus}}")
  })

  it("renders Markdown and text with the official header", () => {
    const doc = Result.getOrThrow(Report.render(template, tabulation(), Registry.builtin, { number: 5, date: CalendarDate.date("2024-01-05") }))
    const md = ReportText.toMarkdown(doc)
    expect(md).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    expect(md).toContain("Số: 05/BC-HĐND")
    expect(md).toContain("Sơn La, ngày 05 tháng 01 năm 2024")
    expect(md).toContain("| HĐND huyện Mai Sơn | hơn 1.041 |")
    const text = ReportText.toText(doc)
    expect(text).toContain("BÁO CÁO TỪ THÁNG 8 NĂM 2022 ĐẾN THÁNG 8 NĂM 2023")
    expect(text).toContain("Nơi nhận:")
  })

  it("refuses to render over a tabulation with no period instead of printing a made-up date", () => {
    const empty = Tabulation.empty(tabulation())
    const result = Report.render(template, empty, Registry.builtin)
    if (Result.isSuccess(result)) throw new Error("expected an error")
    expect(result.failure.problems.map((p) => p.code)).toContain("no-period")
  })

  it("lists the indicators a template needs", () => {
    expect(ReportTemplate.indicatorsOf(template)).toEqual([Indicators.ids.reviewReport, Indicators.ids.reviewContent])
  })
})

describe("Report.render charts", () => {
  const chartTemplate = (by: "month" | "kind") =>
    new ReportTemplate.ReportTemplate({
      id: "test/chart" as never,
      vi: "Biểu đồ",
      en: "Chart",
      title: "Biểu đồ {{period}}",
      groupBy: ["level", by],
      sections: [{ blocks: [{ _tag: "Chart", title: "Thẩm tra", chart: by === "month" ? "line" : "bar", indicator: Indicators.ids.reviewContent, by, where: { level: "province" } }] }]
    })
  const ds = () =>
    Dataset.fromBatch({
      ...structure,
      activities: [
        activity({ id: "a1", council: "c14", owner: "c14.pc", date: { from: CalendarDate.date("2022-09-10") } } as never),
        activity({ id: "a2", council: "c14", owner: "c14.pc", date: { from: CalendarDate.date("2022-11-03") } } as never),
        activity({ id: "s1", council: "c14", kind: "survey" as never, subject: undefined, owner: "c14.pc", date: { from: CalendarDate.date("2022-10-03") } } as never)
      ],
      // A district tally over the whole period cannot be placed on a month ("không phân bổ được").
      tallies: [tally({ id: "t", council: "c125", indicator: Indicators.ids.reviewContent, value: 40 })]
    })
  const chartOf = (by: "month" | "kind") => {
    const t = chartTemplate(by)
    const tab = Result.getOrThrow(Tabulate.tabulate(ds(), Registry.builtin, Report.requestFor(t, scope, PERIOD)))
    const block = Result.getOrThrow(Report.render(t, tab, Registry.builtin)).sections[0]!.blocks[0]!
    if (block._tag !== "Chart") throw new Error("expected a chart")
    return block
  }

  it("a time axis keeps the months with nothing (a trend), labelled in Vietnamese, and drops an empty 'not apportioned' point", () => {
    const chart = chartOf("month")
    const months = ["8/2022", "9/2022", "10/2022", "11/2022", "12/2022", "1/2023", "2/2023", "3/2023", "4/2023", "5/2023", "6/2023", "7/2023", "8/2023"]
    expect(chart.series).toEqual(months.map((m) => ({ label: `tháng ${m}`, value: m === "9/2022" || m === "11/2022" ? 1 : 0 })))
    expect(chart.alt).toMatch(/^Thẩm tra: tháng 8\/2022 0; tháng 9\/2022 1; tháng 10\/2022 0; tháng 11\/2022 1; /)
  })

  it("other dimensions show only the values with something to count", () => {
    expect(chartOf("kind").series.map((s) => s.value)).toEqual([2])
  })
})
