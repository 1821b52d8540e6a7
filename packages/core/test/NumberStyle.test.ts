/**
 * Issue #14 items 4 and 5: the official number style per figure (padding, grouping, numbers in
 * words, qualifier words as entered) and recommendations as ordinary indicators in reports.
 */
import { CalendarDate, Dataset, Format, Indicators, Recommendation, RecommendationStats, Registry, Report, ReportTemplate, Tabulate, Tabulation, TabulationRequest, Tally } from "@hdnd/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { activity, PERIOD, structure, tally } from "./utils/fixture.js"

const d = CalendarDate.date

describe("numbers in Vietnamese words", () => {
  // Readings checked by hand against the usual rules: mốt/một, lăm/năm, tư/bốn, mươi/mười, linh, nghìn/triệu/tỷ.
  const KNOWN: ReadonlyArray<readonly [number, string]> = [
    [0, "không"],
    [1, "một"],
    [4, "bốn"],
    [5, "năm"],
    [10, "mười"],
    [11, "mười một"],
    [14, "mười bốn"],
    [15, "mười lăm"],
    [20, "hai mươi"],
    [21, "hai mươi mốt"],
    [24, "hai mươi tư"],
    [25, "hai mươi lăm"],
    [31, "ba mươi mốt"],
    [55, "năm mươi lăm"],
    [100, "một trăm"],
    [101, "một trăm linh một"],
    [104, "một trăm linh bốn"],
    [105, "một trăm linh năm"],
    [110, "một trăm mười"],
    [115, "một trăm mười lăm"],
    [121, "một trăm hai mươi mốt"],
    [1000, "một nghìn"],
    [1005, "một nghìn không trăm linh năm"],
    [1044, "một nghìn không trăm bốn mươi tư"],
    [1500, "một nghìn năm trăm"],
    [10_000, "mười nghìn"],
    [21_000, "hai mươi mốt nghìn"],
    [1_000_000, "một triệu"],
    [1_000_005, "một triệu không trăm linh năm"],
    [1_248_415, "một triệu hai trăm bốn mươi tám nghìn bốn trăm mười lăm"],
    [1_000_000_000, "một tỷ"],
    [1_005_000_000, "một tỷ không trăm linh năm triệu"],
    [1_000_000_000_000, "một nghìn tỷ"]
  ]

  it("reads a table of known numbers", () => {
    expect(KNOWN.map(([n]) => [n, Format.numberInWordsVi(n)])).toEqual(KNOWN)
    expect(Format.numberInWordsVi(105, { zeroTens: "lẻ", thousand: "ngàn" })).toBe("một trăm lẻ năm")
    expect(Format.numberInWordsVi(1005, { zeroTens: "lẻ", thousand: "ngàn" })).toBe("một ngàn không trăm lẻ năm")
    expect(Format.numberInWordsVi(-21)).toBe("âm hai mươi mốt")
  })

  it("property: the words read back as the number, with the usual variants too", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.maxSafeNat()), (n) => {
        const words = Format.numberInWordsVi(n)
        expect(Format.parseNumberInWordsVi(words)).toBe(n)
        expect(Format.parseNumberInWordsVi(Format.numberInWordsVi(n, { zeroTens: "lẻ", thousand: "ngàn" }))).toBe(n)
        expect(Format.parseNumberInWordsVi(words.toUpperCase())).toBe(n)
      })
    )
  })

  it("property: the reading rules hold — mốt, tư and lăm after mươi; lăm after mười; một, bốn, năm after linh", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        const words = ` ${Format.numberInWordsVi(n)} `
        for (const wrong of [" mươi một ", " mươi năm ", " mươi bốn ", " mười năm ", " một mươi ", " không mươi ", " mười không ", " linh mốt ", " linh lăm ", " linh tư ", " linh không "]) {
          expect(words).not.toContain(wrong)
        }
        expect(words).toBe(` ${words.trim().split(/\s+/).join(" ")} `)
      })
    )
  })

  it("different numbers have different words (injective on a range)", () => {
    const seen = new Map<string, number>()
    for (let n = 0; n <= 20_000; n++) {
      const w = Format.numberInWordsVi(n)
      expect(seen.get(w), w).toBeUndefined()
      seen.set(w, n)
    }
  })

  it("rejects what is not a number in words, and non-integers", () => {
    for (const s of ["", "mười không", "một mươi", "trăm", "hai mươi mốt mốt", "abc", "tỷ"]) expect(Format.parseNumberInWordsVi(s), s).toBeUndefined()
    expect(() => Format.numberInWordsVi(1.5)).toThrow(RangeError)
    expect(() => Format.numberInWordsVi(2 ** 60)).toThrow(RangeError)
  })
})

describe("numbers in English words", () => {
  it("reads a table of known numbers", () => {
    const known: ReadonlyArray<readonly [number, string]> = [
      [0, "zero"],
      [5, "five"],
      [15, "fifteen"],
      [21, "twenty-one"],
      [105, "one hundred five"],
      [1000, "one thousand"],
      [1044, "one thousand forty-four"],
      [2_300_000, "two million three hundred thousand"]
    ]
    expect(known.map(([n]) => [n, Format.numberInWordsEn(n)])).toEqual(known)
  })

  it("property: lower-case words and hyphens only, different numbers different words", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.maxSafeNat(), (a, b) => {
        expect(Format.numberInWordsEn(a)).toMatch(/^[a-z]+(?:[ -][a-z]+)*$/)
        if (a !== b) expect(Format.numberInWordsEn(a)).not.toBe(Format.numberInWordsEn(b))
      })
    )
  })
})

describe("formatStyled", () => {
  it("pads small counts, drops grouping or writes words as asked", () => {
    expect(Format.formatStyled(5, { pad: 2 })).toBe("05")
    expect(Format.formatStyled(0, { pad: 2 })).toBe("00")
    expect(Format.formatStyled(15, { pad: 2 })).toBe("15")
    expect(Format.formatStyled(5, { pad: 3 })).toBe("005")
    expect(Format.formatStyled(1500)).toBe("1.500")
    expect(Format.formatStyled(1500, { grouping: false })).toBe("1500")
    expect(Format.formatStyled(15, { words: "vi", pad: 2 })).toBe("mười lăm")
    expect(Format.formatStyled(15, { words: "en" })).toBe("fifteen")
    expect(Format.formatStyled(14.5, { words: "vi" })).toBe("14,5")
  })

  it("property: a padded or ungrouped number reads back as itself, has at least `pad` digits, and pads only below 10^(pad-1)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), fc.boolean(), (n, pad, grouping) => {
        const text = Format.formatStyled(n, { pad, grouping })
        expect(Format.parseVietnameseNumber(text)).toBe(n)
        expect(text.replaceAll(".", "").length).toBeGreaterThanOrEqual(Math.max(pad, String(n).length))
        if (!grouping) expect(text).not.toContain(".")
        if (n >= 10 ** Math.max(0, pad - 1) && pad <= 1 + String(n).length) expect(text).toBe(grouping ? Format.formatNumber(n) : String(n))
      })
    )
  })

  it("the old padSmallCounts and formatCount are the style pad=2 and the default words", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom<Tally.Qualifier>("exact", "over", "nearly", "about"), (n, q) => {
        expect(Format.formatQualified(n, q, undefined, { pad: 2 })).toBe(Format.formatCount(n, q, { padSmallCounts: true }))
      })
    )
  })
})

describe("qualifier words as entered", () => {
  it("prints the word as entered, else the default word", () => {
    expect(Format.formatQualified(1500, "over", "trên")).toBe("trên 1.500")
    expect(Format.formatQualified(1500, "over")).toBe("hơn 1.500")
    expect(Format.formatQualified(200, "about", "ước", { words: "vi" })).toBe("ước hai trăm")
    expect(Format.formatQualified(7, "exact", "trên", { pad: 2 })).toBe("07")
  })

  const part = fc.record({
    qualifier: fc.constantFrom<Tally.Qualifier>("exact", "over", "nearly", "about"),
    wording: fc.option(fc.constantFrom("trên", "hơn", "gần", "ước", "khoảng"), { nil: undefined })
  })

  it("property: a sum keeps today's qualifier rule, and a word only when every qualified part has it", () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        const { qualifier, wording } = Tally.combineWordings(parts)
        expect(qualifier).toBe(parts.reduce<Tally.Qualifier>((q, p) => Tally.combineQualifiers(q, p.qualifier), "exact"))
        const qualified = parts.filter((p) => p.qualifier !== "exact")
        const shared = qualified.length > 0 && qualified.every((p) => p.qualifier === qualified[0]!.qualifier && p.wording === qualified[0]!.wording)
        expect(wording).toBe(shared ? qualified[0]!.wording : undefined)
      })
    )
  })
})

const scope = TabulationRequest.subtree("u14" as never, d("2023-06-30"))

const tpl = (text: string, extra: Partial<ConstructorParameters<typeof ReportTemplate.ReportTemplate>[0]> = {}) =>
  new ReportTemplate.ReportTemplate({
    id: "test/style" as never,
    vi: "Thử",
    en: "Test",
    title: "Báo cáo {{period}}",
    groupBy: ["level"],
    sections: [{ blocks: [{ _tag: "Paragraph", text }] }],
    ...extra
  })

const render = (t: ReportTemplate.ReportTemplate, ds: Dataset.Dataset, options: Report.RenderOptions = {}) => {
  const tab = Result.getOrThrow(Tabulate.tabulate(ds, Registry.builtin, Report.requestFor(t, scope, PERIOD)))
  return Report.render(t, tab, Registry.builtin, options)
}
const paragraph = (r: ReturnType<typeof render>): string => {
  const b = Result.getOrThrow(r).sections[0]!.blocks[0]!
  return b._tag === "Paragraph" ? b.text : ""
}

const styleData = () =>
  Dataset.fromBatch({
    ...structure,
    activities: [activity({ id: "a1", council: "c14", owner: "c14.pc" }), activity({ id: "a2", council: "c14", owner: "c14.ktns" })],
    tallies: [
      new Tally.Tally({ ...tally({ id: "t1", council: "c125", indicator: Indicators.ids.reviewContent, value: 1500, qualifier: "over" }), qualifierText: "trên" })
    ]
  })

describe("number style in templates", () => {
  it("count, value and number: with the qualifier word as entered, or the number alone", () => {
    const text = paragraph(render(tpl("{{count core/review.content level=district}}; {{value core/review.content level=district}}; {{number core/review.content level=district}}"), styleData()))
    expect(text).toBe("trên 1.500 nội dung; trên 1.500; 1.500")
  })

  it("per placeholder: pad=2, grouping=no, words, words=en (with the English noun)", () => {
    const text = paragraph(
      render(
        tpl("{{count core/review.report pad=2}}; {{number core/review.content level=district grouping=no}}; {{count core/review.report words}}; {{count core/review.report words=en}}"),
        styleData()
      )
    )
    expect(text).toBe("02 báo cáo; 1500; hai báo cáo; two reports")
  })

  it("a template default applies to every figure; render options win over it, and a placeholder over both", () => {
    const t = tpl("{{count core/review.report}}, {{count core/review.report digits}}, {{count core/review.report pad=0}}", { numberStyle: { words: "vi" } })
    expect(paragraph(render(t, styleData()))).toBe("hai báo cáo, 2 báo cáo, hai báo cáo")
    const padded = tpl("{{count core/review.report}}, {{count core/review.report pad=0}}", { numberStyle: { pad: 2 } })
    expect(paragraph(render(padded, styleData()))).toBe("02 báo cáo, 2 báo cáo")
    expect(paragraph(render(padded, styleData(), { numberStyle: { pad: 0 } }))).toBe("2 báo cáo, 2 báo cáo")
    expect(paragraph(render(tpl("{{count core/review.report}}"), styleData(), { padSmallCounts: true }))).toBe("02 báo cáo")
  })

  it("table cells take pad and grouping (template and column), never words", () => {
    const t = new ReportTemplate.ReportTemplate({
      id: "test/table" as never,
      vi: "Bảng",
      en: "Table",
      title: "Bảng",
      groupBy: ["level"],
      numberStyle: { pad: 2, words: "vi" },
      sections: [
        {
          blocks: [
            {
              _tag: "Table",
              title: "T",
              rows: "level",
              rowHeader: "Cấp",
              total: true,
              columns: [{ indicator: Indicators.ids.reviewReport }, { indicator: Indicators.ids.reviewContent, numberStyle: { grouping: false } }]
            }
          ]
        }
      ]
    })
    const doc = Result.getOrThrow(render(t, styleData()))
    const table = doc.sections[0]!.blocks[0]!
    if (table._tag !== "Table") throw new Error("expected a table")
    expect(table.rows.map((r) => r.slice(1).map((c) => c.text))).toEqual([["02", "02"], ["00", "trên 1500"]])
    expect(table.total?.slice(1).map((c) => c.text)).toEqual(["02", "trên 1502"])
  })

  it("a bad style option is a problem naming the placeholder, in Vietnamese and English", () => {
    const r = render(tpl("{{count core/review.report pad=x}} {{count core/review.report words=fr}}"), styleData())
    if (Result.isSuccess(r)) throw new Error("expected an error")
    expect(r.failure.problems.map((p) => p.code)).toEqual(["bad-number-style", "bad-number-style"])
    expect(r.failure.problems[0]!.vi).toContain("{{count core/review.report pad=x}}")
    expect(r.failure.problems[1]!.en).toContain("words is vi or en")
  })

  it("property: any style written as options reads back as itself, and a template with it decodes back the same", () => {
    const styleArb = fc.record(
      { pad: fc.integer({ min: 0, max: 20 }), grouping: fc.boolean(), words: fc.constantFrom<"vi" | "en">("vi", "en") },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(styleArb, (style) => {
        const options: Array<readonly [string, string | undefined]> = [
          ...(style.pad === undefined ? [] : [["pad", String(style.pad)] as const]),
          ...(style.grouping === undefined ? [] : [["grouping", style.grouping ? "yes" : "no"] as const]),
          ...(style.words === undefined ? [] : [["words", style.words] as const])
        ]
        expect(ReportTemplate.parseNumberStyle(options)).toEqual({ _tag: "Ok", style })
        const t = tpl("{{count core/review.report}}", { numberStyle: style })
        const codec = Schema.fromJsonString(ReportTemplate.ReportTemplate)
        expect(Schema.decodeSync(codec)(Schema.encodeSync(codec)(t)).numberStyle).toEqual(style)
      })
    )
    expect(Result.isFailure(Schema.decodeUnknownResult(ReportTemplate.NumberStyleSchema)({ pad: 21 }))).toBe(true)
    expect(Result.isFailure(Schema.decodeUnknownResult(ReportTemplate.NumberStyleSchema)({ words: "fr" }))).toBe(true)
  })

  it("parseNumberStyle reads the CLI and placeholder syntax", () => {
    expect(ReportTemplate.parseNumberStyle([["pad", "2"], ["grouping", "no"], ["words", undefined]])).toEqual({ _tag: "Ok", style: { pad: 2, grouping: false, words: "vi" } })
    expect(ReportTemplate.parseNumberStyle([["digits", undefined]], { words: "en", pad: 2 })).toEqual({ _tag: "Ok", style: { pad: 2 } })
    expect(ReportTemplate.parseNumberStyle([["bold", undefined]])._tag).toBe("Bad")
  })
})

const rec = (
  id: string,
  fields: { council?: string; kind?: Recommendation.RecommendationKind; raisedBy?: string; raisedOn: string; forwardedOn?: string; deadline?: string }
) =>
  new Recommendation.Recommendation({
    id: id as never,
    council: (fields.council ?? "c14") as never,
    kind: fields.kind ?? "recommendation",
    ...(fields.raisedBy === undefined ? {} : { raisedBy: fields.raisedBy as never }),
    raisedOn: d(fields.raisedOn),
    content: `Nội dung ${id}`,
    field: "Đất đai",
    level: "province",
    addressee: { kind: "people-committee", name: "UBND tỉnh" },
    ...(fields.forwardedOn === undefined ? {} : { forwardedOn: d(fields.forwardedOn) }),
    ...(fields.deadline === undefined ? {} : { deadline: d(fields.deadline) })
  })

const recommendationData = () =>
  Dataset.fromBatch({
    ...structure,
    recommendations: [
      rec("r1", { raisedBy: "c14.pc", raisedOn: "2022-09-01", deadline: "2022-10-01" }),
      rec("r2", { raisedBy: "c14.ktns", raisedOn: "2023-01-10" }),
      rec("r3", { kind: "voter-petition", raisedOn: "2023-02-01", forwardedOn: "2023-02-10" }),
      rec("r4", { kind: "voter-petition", raisedOn: "2023-03-01" }),
      rec("r5", { council: "c116", raisedBy: "c116.pc", raisedOn: "2023-04-01" }),
      // Outside the period: not counted.
      rec("r6", { raisedBy: "c14.pc", raisedOn: "2023-09-15" })
    ],
    responses: [
      new Recommendation.Response({ id: "p2" as never, recommendation: "r2" as never, date: d("2023-02-01"), responder: "UBND tỉnh", content: "Đã tiếp thu" })
    ],
    evaluations: [
      new Recommendation.Evaluation({ id: "e2" as never, recommendation: "r2" as never, response: "p2" as never, date: d("2023-03-01"), status: "resolved" })
    ]
  })

describe("recommendations as ordinary indicators", () => {
  it("{{count core/recommendation.raised}} and the other figures work in any template", () => {
    const t = tpl(
      "Đã tiếp nhận {{count core/recommendation.raised}}; trả lời {{number core/recommendation.answered}}, giải quyết {{number core/recommendation.resolved}}, quá hạn {{number core/recommendation.overdue}}; " +
        "cử tri {{number core/recommendation.from-voters}} (đã chuyển {{number core/recommendation.forwarded}}); kiến nghị đến cơ quan {{count core/recommendation.to-agencies pad=2}}; tỉnh {{number core/recommendation.raised level=province}}."
    )
    expect(paragraph(render(t, recommendationData()))).toBe(
      "Đã tiếp nhận 5 kiến nghị; trả lời 1, giải quyết 1, quá hạn 1; cử tri 2 (đã chuyển 1); kiến nghị đến cơ quan 03 nội dung; tỉnh 4."
    )
  })

  it("tabulates by organ, month and council like activities, and a council's tally conflicts with its items", () => {
    const ds = Dataset.fromBatch({
      ...structure,
      recommendations: [rec("r1", { raisedBy: "c14.pc", raisedOn: "2022-09-01" }), rec("r2", { kind: "voter-petition", raisedOn: "2022-09-20" })],
      tallies: [tally({ id: "t1", council: "c14", indicator: Indicators.ids.recommendationRaised, value: 40, qualifier: "about" })],
      activities: [activity({ id: "a1", council: "c14", owner: "c14.pc" })]
    })
    const request = (groupBy: ReadonlyArray<Tabulation.Dimension>): TabulationRequest.TabulationRequest => ({
      indicators: [Indicators.ids.recommendationRaised, Indicators.ids.reviewContent],
      scope,
      period: PERIOD,
      groupBy: [...groupBy]
    })
    const byOrgan = Result.getOrThrow(Tabulate.tabulate(ds, Registry.builtin, request(["organ"])))
    expect(Tabulation.valueOf(byOrgan, Indicators.ids.recommendationRaised, { organ: "c14.pc" }).value).toBe(1)
    expect(Tabulation.valueOf(byOrgan, Indicators.ids.recommendationRaised, { organ: Tabulation.NONE }).value).toBe(1)
    // Activities are not counted as recommendations, nor recommendations as activities.
    expect(Tabulation.valueOf(byOrgan, Indicators.ids.reviewContent).value).toBe(1)
    const byMonth = Result.getOrThrow(Tabulate.tabulate(ds, Registry.builtin, request(["month"])))
    expect(Tabulation.valueOf(byMonth, Indicators.ids.recommendationRaised, { month: "2022-09" }).value).toBe(2)
    expect(Tabulation.conflicts(byMonth).map((c) => c.indicator)).toContain(Indicators.ids.recommendationRaised)
  })

  it("property: the recommendation indicators agree with RecommendationStats as of the period's end", () => {
    const raisedOn = fc.integer({ min: 0, max: 500 }).map((n) => CalendarDate.fromDayNumber(CalendarDate.toDayNumber(d("2022-07-01")) + n))
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ kind: fc.constantFrom<Recommendation.RecommendationKind>("recommendation", "proposal", "voter-petition"), raisedOn, deadlineIn: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }), answeredIn: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }) }),
          { maxLength: 12 }
        ),
        (specs) => {
          const recs = specs.map((s, i) =>
            rec(`g${i}`, {
              kind: s.kind,
              ...(s.kind === "voter-petition" ? {} : { raisedBy: "c14.pc" }),
              raisedOn: s.raisedOn,
              ...(s.deadlineIn === undefined ? {} : { deadline: CalendarDate.addDays(s.raisedOn, s.deadlineIn) })
            })
          )
          const responses = specs.flatMap((s, i) =>
            s.answeredIn === undefined
              ? []
              : [new Recommendation.Response({ id: `p${i}` as never, recommendation: `g${i}` as never, date: CalendarDate.addDays(s.raisedOn, s.answeredIn), responder: "UBND", content: "Trả lời" })]
          )
          const ds = Dataset.fromBatch({ ...structure, recommendations: recs, responses })
          const ids = [Indicators.ids.recommendationRaised, Indicators.ids.recommendationAnswered, Indicators.ids.recommendationResolved, Indicators.ids.recommendationOverdue] as const
          const tab = Result.getOrThrow(Tabulate.tabulate(ds, Registry.builtin, { indicators: [...ids], scope, period: PERIOD }))
          const { total } = RecommendationStatsOf(recs, responses)
          expect(ids.map((id) => Tabulation.valueOf(tab, id).value)).toEqual([total.raised, total.answered, total.resolved, total.overdue])
        }
      )
    )
  })

  it("an unknown indicator names the template, the placeholder, the id and the closest known ids", () => {
    const t = tpl("{{count core/recomendation.raised}}")
    const problems = Report.unknownIndicators(t, Registry.builtin)
    expect(problems.map((p) => p.code)).toEqual(["unknown-indicator"])
    expect(problems[0]!.vi).toContain('mẫu "test/style"')
    expect(problems[0]!.vi).toContain("{{count core/recomendation.raised}}")
    expect(problems[0]!.vi).toContain("core/recommendation.raised")
    expect(problems[0]!.en).toContain('no indicator "core/recomendation.raised"')
    expect(problems[0]!.vi).not.toContain("registry.indicators")
    expect(Registry.closestIds(Registry.builtin.indicators.keys(), "core/supervison")[0]).toBe("core/supervision")
  })

  it("directionOf: voters' petitions are received, then forwarded; bodies' recommendations go to agencies", () => {
    expect(Recommendation.directionOf(rec("a", { raisedBy: "c14.pc", raisedOn: "2023-01-01" }))).toBe("to-agencies")
    const petition = rec("b", { kind: "voter-petition", raisedOn: "2023-01-01", forwardedOn: "2023-01-10" })
    expect(Recommendation.directionOf(petition)).toBe("forwarded")
    expect(Recommendation.directionOf(petition, d("2023-01-05"))).toBe("from-voters")
  })

  it("directionOf: a lower council's proposal in this council's books, or one addressed to its own organ, is received", () => {
    const councilOf = (organ: string) => (organ.startsWith("c116.") ? "c116" : organ.startsWith("c14.") ? "c14" : undefined)
    // Raised by the district council's committee, recorded by the province (c14): received.
    expect(Recommendation.directionOf(rec("a", { council: "c14", raisedBy: "c116.pc", raisedOn: "2023-01-01" }), undefined, councilOf)).toBe("received")
    // Raised by the province's own committee to an agency: to agencies, also when the lookup is given.
    expect(Recommendation.directionOf(rec("b", { council: "c14", raisedBy: "c14.pc", raisedOn: "2023-01-01" }), undefined, councilOf)).toBe("to-agencies")
    // Addressed to a council's committee: received, with or without the lookup.
    const toCommittee = rec("c", { council: "c14", raisedBy: "c14.pc", raisedOn: "2023-01-01" })
    const addressed = new Recommendation.Recommendation({ ...toCommittee, addressee: { kind: "committee", name: "Ban Pháp chế" } })
    expect(Recommendation.directionOf(addressed)).toBe("received")
  })
})

const RecommendationStatsOf = (recs: ReadonlyArray<Recommendation.Recommendation>, responses: ReadonlyArray<Recommendation.Response>) =>
  RecommendationStats.summarise({ recommendations: recs, responses, evaluations: [] }, { asOf: PERIOD.to, period: PERIOD })
