/**
 * The pure parts of `hdnd recommendations` and `hdnd programme`: the option values written out in
 * `Cli.ts` are core's, listing matters as of a date obeys "a later record never changes an earlier
 * answer", a template's empty section receives the answers, and the draft's names and file names.
 */
import { CalendarDate, Dataset, Programme, Recommendation, RecommendationStats } from "@hdnd/core"
import { Interchange } from "@hdnd/import"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ADDRESSEE_KINDS, RECOMMENDATION_DIMENSIONS, RECOMMENDATION_STATUSES } from "../src/Cli.js"
import { draftFileNames, draftOf, nextNames } from "../src/handlers/Programmes.js"
import { placeAnswers } from "../src/handlers/recommendations/AnswerDocument.js"
import { listMatters } from "../src/handlers/recommendations/Matters.js"
import { hdnd, ROOT } from "./utils/hdnd.js"

const d = CalendarDate.date
const rec = (id: string, raised: string, extra: Partial<ConstructorParameters<typeof Recommendation.Recommendation>[0]> = {}) =>
  new Recommendation.Recommendation({
    id: id as never,
    council: "hdnd-tinh" as never,
    kind: "proposal",
    raisedBy: "ban-a" as never,
    raisedOn: d(raised),
    content: `Nội dung ${id}`,
    field: "Giao thông",
    level: "province",
    addressee: { kind: "department", name: "Sở Giao thông vận tải" },
    forwardedOn: d(raised),
    deadline: CalendarDate.addDays(d(raised), 30),
    ...extra
  })
const response = (id: string, of: string, date: string) =>
  new Recommendation.Response({ id: id as never, recommendation: of as never, date: d(date), responder: "Sở Giao thông vận tải", content: "Trả lời" })
const evaluation = (id: string, of: string, resp: string, date: string, status: Recommendation.EvaluationStatus) =>
  new Recommendation.Evaluation({ id: id as never, recommendation: of as never, response: resp as never, date: d(date), status })

const records = {
  recommendations: [rec("a", "2023-03-01"), rec("b", "2023-03-05", { mergedInto: "a" as never }), rec("c", "2023-04-10"), rec("e", "2023-06-01")],
  responses: [response("r1", "b", "2023-03-20"), response("r2", "c", "2023-06-15"), response("r3", "c", "2023-07-01")],
  evaluations: [evaluation("v1", "a", "r1", "2023-04-01", "being-resolved"), evaluation("v2", "a", "r1", "2023-08-01", "resolved")]
}

describe("the option values of hdnd recommendations are core's", () => {
  it("--by, --status and --addressee-kind", () => {
    expect([...RECOMMENDATION_DIMENSIONS]).toEqual([...RecommendationStats.dimensions])
    expect([...RECOMMENDATION_STATUSES]).toEqual(Object.keys(Recommendation.labels.status))
    expect([...ADDRESSEE_KINDS]).toEqual([...Recommendation.AddresseeKind.literals])
  })

  it("help in Vietnamese and in English", async () => {
    const vi = await hdnd(ROOT, ["recommendations", "--help"])
    expect(vi.stdout).toContain("kiến nghị, đề xuất, ý kiến cử tri")
    const en = await hdnd(ROOT, ["programme", "draft", "--help", "--lang", "en"])
    expect(en.stdout).toContain("draft next year's programme from the unfinished items")
  })
})

describe("listMatters", () => {
  it("one row per matter, sources listed, a response to a merged record answers the matter", () => {
    const rows = listMatters(records, { asOf: d("2023-12-31") })
    expect(rows.map((r) => [r.id, r.sources.map((s) => s.id), r.status])).toEqual([
      ["a", ["a", "b"], "resolved"],
      ["c", ["c"], "answered"],
      ["e", ["e"], "forwarded"]
    ])
    expect(rows[0]!.answer?.id).toBe("r1")
    expect(rows[1]!.daysToAnswer).toBe(66)
    expect(rows[2]!.overdue).toBe(true)
  })

  it("as of a date equals the listing of the records dated up to it (a later record never changes an earlier answer)", () => {
    const days = fc.integer({ min: 0, max: 400 }).map((n) => CalendarDate.addDays(d("2023-02-15"), n))
    fc.assert(
      fc.property(days, (asOf) => {
        const known = {
          recommendations: records.recommendations,
          responses: records.responses.filter((x) => x.date <= asOf),
          evaluations: records.evaluations.filter((x) => x.date <= asOf)
        }
        expect(listMatters(records, { asOf })).toEqual(listMatters(known, { asOf }))
      })
    )
  })

  it("filters combine: status, addressee kind, field (without diacritics), overdue, period", () => {
    const asOf = d("2023-06-01")
    expect(listMatters(records, { asOf, statuses: ["forwarded"] }).map((r) => r.id)).toEqual(["c", "e"])
    expect(listMatters(records, { asOf, overdue: true }).map((r) => r.id)).toEqual(["c"])
    expect(listMatters(records, { asOf, fields: ["GIAO THONG"] })).toHaveLength(3)
    expect(listMatters(records, { asOf, addresseeKinds: ["people-committee"] })).toEqual([])
    expect(listMatters(records, { asOf, period: CalendarDate.period("2023-04-01", "2023-04-30") }).map((r) => r.id)).toEqual(["c"])
  })
})

describe("placeAnswers", () => {
  const answers = [
    { heading: "Tổng hợp", blocks: [{ _tag: "Paragraph" as const, text: "tổng" }] },
    { heading: "Ban A", blocks: [{ _tag: "Paragraph" as const, text: "a" }] }
  ]
  it("puts the answers in the template's first section without blocks, as numbered sub-headings", () => {
    const placed = placeAnswers([{ heading: "I", blocks: [{ _tag: "Paragraph", text: "mở đầu" }] }, { heading: "II", blocks: [] }, { heading: "III", blocks: [] }], answers)
    expect(placed.map((s) => s.heading)).toEqual(["I", "II", "III"])
    expect(placed[1]!.blocks).toEqual([
      { _tag: "Heading", level: 2, text: "1. Tổng hợp" },
      { _tag: "Paragraph", text: "tổng" },
      { _tag: "Heading", level: 2, text: "2. Ban A" },
      { _tag: "Paragraph", text: "a" }
    ])
  })
  it("after the template's sections when none is empty; as they are when the empty section has no heading", () => {
    expect(placeAnswers([{ heading: "I", blocks: [{ _tag: "Paragraph", text: "x" }] }], answers).map((s) => s.heading)).toEqual(["I", "Tổng hợp", "Ban A"])
    expect(placeAnswers([{ blocks: [] }, { heading: "Kết luận", blocks: [{ _tag: "Paragraph", text: "y" }] }], answers).map((s) => s.heading)).toEqual(["Tổng hợp", "Ban A", "Kết luận"])
  })
})

describe("the programme draft", () => {
  const programme = new Programme.Programme({ id: "ct-2023-ban-a" as never, council: "hdnd-tinh" as never, organ: "ban-a" as never, year: 2023, title: "Chương trình công tác năm 2023 của Ban A" })
  const items = [1, 2].map(
    (n) => new Programme.ProgrammeItem({ id: `ct-2023-ban-a.${n}` as never, programme: programme.id, kind: "survey" as never, topic: `Khảo sát ${n}`, quarter: n })
  )

  it("replaces the year in the id and title, or adds it", () => {
    expect(nextNames(programme, 2024)).toEqual({ id: "ct-2024-ban-a", title: "Chương trình công tác năm 2024 của Ban A" })
    expect(nextNames(new Programme.Programme({ ...programme, id: "ct-ban-a" as never, title: "Chương trình của Ban A" }), 2024)).toEqual({
      id: "ct-ban-a-2024",
      title: "Chương trình công tác năm 2024"
    })
  })

  it("carries every unfinished item into the year asked", () => {
    const p = Programme.progress(programme, items, [], d("2023-12-31"))
    const draft = draftOf(p, { year: 2025 })
    expect(draft.programme).toMatchObject({ id: "ct-2025-ban-a", year: 2025 })
    expect(draft.items.map((i) => [i.carriedFrom, i.quarter])).toEqual([
      ["ct-2023-ban-a.1", 1],
      ["ct-2023-ban-a.2", 2]
    ])
  })

  it("names its files so that hdnd import knows what they hold", () => {
    const names = draftFileNames(2024, Interchange.entityOfName)
    expect(names).toEqual({ programmes: "chuong-trinh-2024.csv", programmeItems: "noi-dung-chuong-trinh-2024.csv" })
    expect(Interchange.entityOfName(names.programmes)).toBe("programmes")
    expect(Interchange.entityOfName(names.programmeItems)).toBe("programmeItems")
    expect(Dataset.entityKinds).toContain("programmeItems")
  })
})
