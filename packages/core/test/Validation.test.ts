import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Activity } from "../src/Activity.js"
import { AdminUnit, LineageEvent, UnitType } from "../src/AdminUnit.js"
import type { DateRange } from "../src/CalendarDate.js"
import { date, fromDayNumber, toDayNumber } from "../src/CalendarDate.js"
import { Council, Organ, OrganKind, Term } from "../src/Council.js"
import { CouncilDocument, DocumentType } from "../src/CouncilDocument.js"
import type { Batch, Dataset } from "../src/Dataset.js"
import { apply, empty, entityKinds, entityNames, fromBatch } from "../src/Dataset.js"
import { Problem } from "../src/Errors.js"
import { Programme, ProgrammeItem } from "../src/Programme.js"
import { AddresseeKind, CompetentLevel, Evaluation, EvaluationStatus, Recommendation, RecommendationKind, Response } from "../src/Recommendation.js"
import * as Registry from "../src/Registry.js"
import { Resolution } from "../src/Resolution.js"
import { Session, SessionType, SpecialLabel, StandingMeeting } from "../src/Session.js"
import { Tally } from "../src/Tally.js"
import { validateBatch, validateDataset } from "../src/Validation.js"

// Constructors take plain strings for ids and dates; the classes validate them.
type Args<C> = C extends new (p: infer P, ...rest: Array<any>) => any ? P : never
const loose = <C extends new (p: any) => any>(C: C) => (p: Record<string, unknown>): InstanceType<C> => new C(p as Args<C>)
const mkUnit = loose(AdminUnit)
const mkEvent = loose(LineageEvent)
const mkCouncil = loose(Council)
const mkTerm = loose(Term)
const mkOrgan = loose(Organ)
const mkSession = loose(Session)
const mkMeeting = loose(StandingMeeting)
const mkActivity = loose(Activity)
const mkTally = loose(Tally)

const r = (from: string, to?: string): DateRange => (to === undefined ? { from: date(from) } : { from: date(from), to: date(to) })

/** A copy of a record with some fields changed (`undefined` removes a field). */
const patch = <T extends object>(rec: T, changes: Record<string, unknown>): T => {
  const copy: Record<string, unknown> = { ...rec, ...changes }
  for (const k of Object.keys(copy)) if (copy[k] === undefined) delete copy[k]
  return new (rec.constructor as new (p: unknown) => T)(copy)
}

const registry = Registry.builtin
const indicator = [...registry.indicators.keys()][0] as string

const U = {
  p14: mkUnit({ id: "p14", code: "14", name: "Tỉnh Sơn La", type: "tinh", validity: r("2004-01-01") }),
  d116: mkUnit({ id: "d116", code: "116", name: "Thành phố Sơn La", type: "thanh-pho-thuoc-tinh", parent: "p14", validity: r("2008-09-03", "2025-06-30") }),
  d123a: mkUnit({ id: "d123a", code: "123", name: "Huyện Mộc Châu", type: "huyen", parent: "p14", validity: r("2004-01-01", "2025-01-17") }),
  d123b: mkUnit({ id: "d123b", code: "123", name: "Thị xã Mộc Châu", type: "thi-xa", parent: "p14", validity: r("2025-01-18", "2025-06-30") }),
  chiengLe: mkUnit({ id: "x03646a", code: "03646", name: "Phường Chiềng Lề", type: "phuong", parent: "d116", validity: r("2008-09-03", "2025-06-30") }),
  toHieuOld: mkUnit({ id: "x03649a", code: "03649", name: "Phường Tô Hiệu", type: "phuong", parent: "d116", validity: r("2008-09-03", "2025-06-30") }),
  toHieu: mkUnit({ id: "x03646b", code: "03646", name: "Phường Tô Hiệu", type: "phuong", parent: "p14", validity: r("2025-07-01") })
}
const L = {
  mocChau: mkEvent({ id: "e-moc-chau", kind: "reclassify", date: "2025-01-18", sources: ["d123a"], targets: ["d123b"] }),
  toHieu: mkEvent({ id: "e-to-hieu", kind: "merge", date: "2025-07-01", sources: ["x03646a", "x03649a"], targets: ["x03646b"] }),
  districts: mkEvent({ id: "e-districts", kind: "abolish", date: "2025-07-01", sources: ["d116", "d123b"], targets: [] })
}
const C = {
  c14: mkCouncil({ id: "c14", unit: "p14", name: "HĐND tỉnh Sơn La", validity: r("2004-01-01") }),
  c116: mkCouncil({ id: "c116", unit: "d116", name: "HĐND thành phố Sơn La", validity: r("2016-01-01", "2025-06-30") }),
  c03646: mkCouncil({ id: "c03646", unit: "x03646b", name: "HĐND phường Tô Hiệu", validity: r("2025-07-01") })
}
const T = {
  xiv: mkTerm({ id: "t14-xiv", council: "c14", convocation: "XIV", validity: r("2016-06-01", "2021-06-24") }),
  xv: mkTerm({ id: "t14-xv", council: "c14", convocation: "XV", validity: r("2021-06-25", "2026-03-14") }),
  xx: mkTerm({ id: "t116-xx", council: "c116", convocation: "XX", validity: r("2021-06-25", "2025-06-30") })
}
const O = {
  plenary: mkOrgan({ id: "o14-hdnd", council: "c14", kind: "plenary", name: "HĐND tỉnh", validity: r("2016-01-01") }),
  standing: mkOrgan({ id: "o14-tt", council: "c14", kind: "standing", name: "Thường trực HĐND tỉnh", validity: r("2016-01-01") }),
  legal: mkOrgan({ id: "o14-pc", council: "c14", kind: "committee", committeeKind: "phap-che", name: "Ban Pháp chế", validity: r("2016-01-01") }),
  ethnic: mkOrgan({ id: "o14-dt", council: "c14", kind: "committee", committeeKind: "dan-toc", name: "Ban Dân tộc", validity: r("2021-06-25") }),
  legal116: mkOrgan({ id: "o116-pc", council: "c116", kind: "committee", committeeKind: "phap-che", name: "Ban Pháp chế", validity: r("2016-01-01", "2025-06-30") }),
  econ116: mkOrgan({ id: "o116-ktxh", council: "c116", kind: "committee", committeeKind: "kinh-te-xa-hoi", name: "Ban Kinh tế – Xã hội", validity: r("2016-01-01", "2025-06-30") }),
  budget: mkOrgan({ id: "o03646-ktns", council: "c03646", kind: "committee", committeeKind: "kinh-te-ngan-sach", name: "Ban Kinh tế – Ngân sách", validity: r("2025-07-01") }),
  culture: mkOrgan({ id: "o03646-vhxh", council: "c03646", kind: "committee", committeeKind: "van-hoa-xa-hoi", name: "Ban Văn hóa – Xã hội", validity: r("2025-07-01") })
}
const S = {
  regular: mkSession({ id: "s14-7", council: "c14", term: "t14-xv", ordinal: 7, series: "regular", type: "regular", dates: r("2022-12-08", "2022-12-10") }),
  thematic: mkSession({ id: "s14-cd11", council: "c14", term: "t14-xv", ordinal: 11, series: "special", type: "special", specialLabel: "chuyen-de", dates: r("2023-04-20") })
}
const M = { m26: mkMeeting({ id: "m14-26", council: "c14", term: "t14-xv", ordinal: 26, date: "2023-05-10" }) }
const A = {
  review: mkActivity({ id: "a-review", council: "c14", kind: "review", owner: "o14-pc", organisers: ["o14-pc"], session: "s14-7", date: r("2022-12-01"), title: "Thẩm tra dự thảo nghị quyết", subject: "draft-resolution", resolutionKind: "normative" }),
  supervision: mkActivity({ id: "a-sup", council: "c14", kind: "supervision", owner: "o14-hdnd", organisers: ["o14-pc", "o14-dt"], date: r("2023-03-01", "2023-03-05"), title: "Giám sát chuyên đề", mode: "thematic", attributes: { recommendations: 5 } }),
  survey: mkActivity({ id: "a-survey", council: "c14", kind: "survey", owner: "o14-dt", organisers: ["o14-dt"], meeting: "m14-26", date: r("2023-05-09"), title: "Khảo sát" }),
  district: mkActivity({ id: "a-116", council: "c116", kind: "survey", owner: "o116-pc", organisers: ["o116-pc"], date: r("2023-01-10"), title: "Khảo sát" }),
  commune: mkActivity({ id: "a-03646", council: "c03646", kind: "supervision", owner: "o03646-ktns", organisers: ["o03646-ktns", "o03646-vhxh"], date: r("2025-09-01"), title: "Giám sát", mode: "periodic" })
}
const TL = { t116: mkTally({ id: "tl-116", council: "c116", organ: "o116-pc", indicator, period: r("2022-08-01", "2023-08-31"), value: 3 }) }
/** A district committee's proposal to the province (raised by another council's organ), answered and evaluated. */
const K = {
  proposal: new Recommendation({
    id: "k-1" as never, council: "c14" as never, kind: "proposal", raisedBy: "o116-pc" as never, activity: "a-sup" as never, session: "s14-7" as never,
    raisedOn: date("2023-03-05"), content: "Đề nghị bố trí vốn", field: "Tài chính – Ngân sách", level: "province",
    addressee: { kind: "people-committee", name: "UBND tỉnh" }, deadline: date("2023-04-05")
  }),
  petition: new Recommendation({
    id: "k-2" as never, council: "c14" as never, kind: "voter-petition", raisedOn: date("2023-03-06"), content: "Sửa đường", field: "Giao thông",
    level: "province", addressee: { kind: "committee", name: "Ban Pháp chế", organ: "o14-pc" as never }, mergedInto: "k-1" as never
  })
}
const X = { answer: new Response({ id: "x-1" as never, recommendation: "k-1" as never, date: date("2023-03-20"), responder: "UBND tỉnh", content: "Đã bố trí" }) }
const EV = { resolved: new Evaluation({ id: "ev-1" as never, recommendation: "k-1" as never, response: "x-1" as never, date: date("2023-04-01"), status: "resolved", by: "o14-pc" as never }) }
const P = { legal2023: new Programme({ id: "p-pc-2023" as never, council: "c14" as never, organ: "o14-pc" as never, year: 2023, title: "Chương trình công tác năm 2023" }) }
const PI = {
  supervision: new ProgrammeItem({ id: "pi-1" as never, programme: "p-pc-2023" as never, kind: "supervision" as never, topic: "Giám sát chuyên đề", quarter: 1, activities: ["a-sup" as never] }),
  survey: new ProgrammeItem({ id: "pi-2" as never, programme: "p-pc-2023" as never, kind: "survey" as never, topic: "Khảo sát", month: 11, quarter: 4 })
}

const fixture: Batch = {
  units: Object.values(U),
  lineage: Object.values(L),
  councils: Object.values(C),
  terms: Object.values(T),
  organs: Object.values(O),
  sessions: Object.values(S),
  meetings: Object.values(M),
  activities: Object.values(A),
  tallies: Object.values(TL),
  recommendations: Object.values(K),
  responses: Object.values(X),
  evaluations: Object.values(EV),
  programmes: Object.values(P),
  programmeItems: Object.values(PI)
}
const base = fromBatch(fixture)
const check = (batch: Batch) => validateBatch(base, batch, registry)
const keys = (ps: ReadonlyArray<Problem>) => ps.map((p) => `${p.entity}|${p.id}|${p.field}|${p.code}`)

describe("valid data", () => {
  it("has no problems as a dataset, as one batch, or re-sent unchanged", () => {
    expect(validateDataset(base, registry)).toEqual([])
    expect(validateBatch(empty, fixture, registry)).toEqual([])
    expect(check(fixture)).toEqual([])
    expect(check({ activities: [patch(A.review, {})] })).toEqual([])
  })

  it("stays valid in any order and any split between dataset and batch", () => {
    const records = entityKinds.flatMap((k) => (fixture[k] ?? []).map((rec) => [k, rec] as const))
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: records.length }), fc.nat({ max: records.length }), (shuffled, cut) => {
        const toBatch = (list: typeof records): Batch => {
          const b: Record<string, Array<unknown>> = {}
          for (const [k, rec] of list) (b[k] ??= []).push(rec)
          return b as Batch
        }
        expect(validateBatch(empty, toBatch(shuffled), registry)).toEqual([])
        expect(validateBatch(fromBatch(toBatch(shuffled.slice(0, cut))), toBatch(shuffled.slice(cut)), registry)).toEqual([])
      })
    )
  })
})

describe("recommendations, responses, evaluations", () => {
  it("accept a proposal raised by another council's organ and a petition merged into it", () => {
    expect(check({ recommendations: [patch(K.proposal, { raisedBy: "o03646-ktns" })] })).toEqual([])
  })

  it("name unknown councils, organs, sessions and activities", () => {
    const bad = patch(K.proposal, { council: "c99", raisedBy: "o-none", activity: "a-none", session: "s-none", addressee: { kind: "department", name: "Sở", organ: "o-x" } })
    expect(keys(check({ recommendations: [bad] }))).toEqual([
      "Recommendation|k-1|council|unknown-reference",
      "Recommendation|k-1|raisedBy|unknown-reference",
      "Recommendation|k-1|addressee.organ|unknown-reference",
      "Recommendation|k-1|session|unknown-reference",
      "Recommendation|k-1|activity|unknown-reference",
      // The petition merged into it is now of another council than the one it names.
      "Recommendation|k-2|mergedInto|merge-across-councils"
    ])
  })

  it("refuse a session of another council, a date before its activity or outside the council's lifetime", () => {
    expect(keys(check({ recommendations: [patch(K.proposal, { council: "c116", session: "s14-7", activity: undefined, raisedOn: date("2023-03-05") })] }))).toEqual([
      "Recommendation|k-1|session|session-outside-council",
      "Recommendation|k-2|mergedInto|merge-across-councils"
    ])
    expect(keys(check({ recommendations: [patch(K.proposal, { raisedOn: date("2023-02-28"), deadline: undefined })] }))).toEqual(["Recommendation|k-1|raisedOn|before-activity"])
    const late = check({ recommendations: [patch(K.proposal, { council: "c116", raisedBy: undefined, session: undefined, activity: undefined, raisedOn: date("2025-08-01"), deadline: undefined }), patch(K.petition, { mergedInto: undefined })] })
    // The stored answer of 2023 now also comes before the date raised.
    expect(keys(late)).toEqual(["Recommendation|k-1|raisedOn|outside-validity", "Response|x-1|date|before-raised"])
    expect(late[0]?.en).toContain("ended on 2025-06-30")
  })

  it("refuse a response before the recommendation was raised and an evaluation without a response", () => {
    expect(keys(check({ responses: [patch(X.answer, { date: date("2023-03-01") })] }))).toEqual(["Response|x-1|date|before-raised"])
    expect(keys(check({ evaluations: [patch(EV.resolved, { id: "ev-2", response: "x-9" })] }))).toEqual(["Evaluation|ev-2|response|evaluation-without-response"])
    expect(keys(check({ evaluations: [patch(EV.resolved, { by: "o-none" })] }))).toEqual(["Evaluation|ev-1|by|unknown-reference"])
  })

  it("re-check stored answers when a recommendation changes", () => {
    // Moving the date raised after the stored response makes that response come before it.
    expect(keys(check({ recommendations: [patch(K.proposal, { raisedOn: date("2023-03-25"), deadline: undefined })] }))).toEqual(["Response|x-1|date|before-raised"])
  })
})

describe("work programmes", () => {
  it("refuse an organ of another council, a year outside the council's lifetime and an unknown kind", () => {
    expect(keys(check({ programmes: [patch(P.legal2023, { organ: "o116-pc" })] }))).toEqual(["Programme|p-pc-2023|organ|organ-outside-council"])
    expect(keys(check({ programmes: [patch(P.legal2023, { id: "p-116-2026", council: "c116", organ: "o116-pc", year: 2026 })] }))).toEqual(["Programme|p-116-2026|year|outside-validity"])
    expect(keys(check({ programmeItems: [patch(PI.survey, { kind: "x/hearing" })] }))).toEqual(["ProgrammeItem|pi-2|kind|unknown-kind"])
  })

  it("refuse links to unknown activities and to activities of another year, also when a stored activity moves", () => {
    expect(keys(check({ programmeItems: [patch(PI.survey, { activities: ["a-none"] })] }))).toEqual(["ProgrammeItem|pi-2|activities[0]|unknown-reference"])
    expect(keys(check({ programmeItems: [patch(PI.survey, { activities: ["a-review"] })] }))).toEqual(["ProgrammeItem|pi-2|activities[0]|activity-outside-programme"])
    expect(keys(check({ activities: [patch(A.supervision, { date: r("2024-03-01", "2024-03-05") })] }))).toEqual(["ProgrammeItem|pi-1|activities[0]|activity-outside-programme"])
    expect(check({ activities: [patch(A.survey, { title: "Khảo sát lại" })] })).toEqual([])
  })
})

describe("batch-level checks", () => {
  it("rejects two records with one id and different content, accepts identical copies", () => {
    expect(keys(check({ activities: [A.review, patch(A.review, { title: "Khác" })] }))).toEqual(["Activity|a-review|id|duplicate-id"])
    expect(check({ activities: [A.review, patch(A.review, {})], units: [U.p14, patch(U.p14, {})] })).toEqual([])
  })

  // [reference, batch, expected problems]; a session or meeting moved to another council also puts
  // the existing activity that served it outside its council (re-check).
  const unknown: ReadonlyArray<readonly [string, Batch, ReadonlyArray<string>]> = [
    ["unit.parent", { units: [patch(U.chiengLe, { parent: "nope" })] }, ["AdminUnit|x03646a|parent"]],
    ["lineage source", { lineage: [patch(L.toHieu, { sources: ["x03646a", "nope"] })] }, ["LineageEvent|e-to-hieu|sources[1]"]],
    ["lineage target", { lineage: [patch(L.mocChau, { targets: ["nope"] })] }, ["LineageEvent|e-moc-chau|targets[0]"]],
    ["council.unit", { councils: [patch(C.c116, { unit: "nope" })] }, ["Council|c116|unit"]],
    ["term.council", { terms: [patch(T.xx, { council: "nope" })] }, ["Term|t116-xx|council"]],
    ["organ.council", { organs: [patch(O.econ116, { council: "nope" })] }, ["Organ|o116-ktxh|council"]],
    ["session.council", { sessions: [patch(S.regular, { council: "nope", term: undefined })] }, ["Session|s14-7|council", "Activity|a-review|session|session-outside-council"]],
    ["session.term", { sessions: [patch(S.regular, { term: "nope" })] }, ["Session|s14-7|term"]],
    ["meeting.council", { meetings: [patch(M.m26, { council: "nope", term: undefined })] }, ["StandingMeeting|m14-26|council", "Activity|a-survey|meeting|meeting-outside-council"]],
    ["meeting.term", { meetings: [patch(M.m26, { term: "nope" })] }, ["StandingMeeting|m14-26|term"]],
    ["activity.owner", { activities: [patch(A.review, { owner: "nope" })] }, ["Activity|a-review|owner"]],
    ["activity.organisers", { activities: [patch(A.supervision, { organisers: ["o14-pc", "nope"] })] }, ["Activity|a-sup|organisers[1]"]],
    ["activity.session", { activities: [patch(A.review, { session: "nope" })] }, ["Activity|a-review|session"]],
    ["activity.meeting", { activities: [patch(A.survey, { meeting: "nope" })] }, ["Activity|a-survey|meeting"]],
    ["tally.council", { tallies: [patch(TL.t116, { council: "nope", organ: undefined })] }, ["Tally|tl-116|council"]],
    ["tally.organ", { tallies: [patch(TL.t116, { organ: "nope" })] }, ["Tally|tl-116|organ"]]
  ]
  it.each(unknown)("reports an unknown %s", (_name, batch, expected) => {
    const ps = check(batch)
    expect(keys(ps)).toEqual(expected.map((k, i) => (i === 0 ? `${k}|unknown-reference` : k)))
    expect(ps[0]?.vi).toContain(`"nope"`)
    expect(ps[0]?.en).toMatch(/"nope" does not exist; add that record .* or correct the id/)
  })

  it("reports an activity of an unknown council once per missing record", () => {
    const ps = check({ activities: [patch(A.district, { council: "nope" })] })
    expect(keys(ps)).toContain("Activity|a-116|council|unknown-reference")
    expect(keys(ps)).toContain("Activity|a-116|owner|organ-outside-council")
  })

  it("suggests organs of the same council with a close name", () => {
    const ps = check({ activities: [patch(A.review, { organisers: ["o14-pcc"] })] })
    expect(keys(ps)).toEqual(["Activity|a-review|organisers[0]|unknown-reference"])
    expect(ps[0]?.vi).toContain("o14-pcc")
    expect(ps[0]?.en).toContain("did you mean: o14-pc")
    expect(ps[0]?.en).not.toContain("o116-pc")
  })

  it("reports unknown registry entries", () => {
    expect(keys(check({ tallies: [patch(TL.t116, { indicator: "x/none" })] }))).toEqual(["Tally|tl-116|indicator|unknown-indicator"])
    expect(keys(check({ activities: [patch(A.survey, { kind: "x/none" })] }))).toEqual(["Activity|a-survey|kind|unknown-kind"])
    expect(keys(check({ organs: [patch(O.legal, { committeeKind: "x/none" })] }))).toEqual(["Organ|o14-pc|committeeKind|unknown-committee-kind"])
  })
})

describe("units and lineage", () => {
  it("requires a parent of a higher level", () => {
    const bad = patch(U.d123a, { parent: "x03646a", validity: r("2010-01-01", "2025-01-17") })
    expect(keys(check({ units: [bad] }))).toEqual(["AdminUnit|d123a|parent|parent-level"])
    const sameLevel = patch(U.d123a, { parent: "d116", validity: r("2010-01-01", "2025-01-17") })
    expect(keys(check({ units: [sameLevel] }))).toEqual(["AdminUnit|d123a|parent|parent-level"])
    expect(check({ units: [patch(U.d123a, { validity: r("2010-01-01", "2025-01-17") })] })).toEqual([])
  })

  it("requires the validity within the parent's", () => {
    // the open end also breaks the merge event that ends the unit (found by re-checking it)
    expect(keys(check({ units: [patch(U.toHieuOld, { validity: r("2008-09-03") })] }))).toEqual([
      "AdminUnit|x03649a|validity.to|outside-validity",
      "LineageEvent|e-to-hieu|sources[1]|lineage-dates"
    ])
    expect(keys(check({ units: [patch(U.toHieuOld, { validity: r("2001-01-01", "2025-06-30") })] }))).toEqual(["AdminUnit|x03649a|validity.from|outside-validity"])
  })

  it("rejects one code valid twice on the same day, naming both units", () => {
    const ps = check({ units: [patch(U.toHieu, { validity: r("2025-06-30") })] })
    expect(keys(ps)).toContain("AdminUnit|x03646b|code|code-overlap")
    const p = ps.find((x) => x.code === "code-overlap")
    expect(p?.vi).toContain("x03646a")
    expect(p?.en).toContain("x03646b")
    expect(ps.filter((x) => x.code === "code-overlap")).toHaveLength(1)
  })

  it("requires the code length of the level", () => {
    expect(keys(check({ units: [patch(U.d116, { code: "11" })] }))).toEqual(["AdminUnit|d116|code|code-level"])
  })

  it("checks the number of sources and targets of an event", () => {
    expect(keys(check({ lineage: [patch(L.toHieu, { sources: ["x03646a"] })] }))).toEqual(["LineageEvent|e-to-hieu|sources|lineage-arity"])
    expect(keys(check({ lineage: [patch(L.mocChau, { targets: [] })] }))).toEqual(["LineageEvent|e-moc-chau|targets|lineage-arity"])
  })

  it("requires sources to end the day before and targets to start on the event date", () => {
    expect(keys(check({ lineage: [patch(L.toHieu, { date: "2025-06-30" })] }))).toEqual([
      "LineageEvent|e-to-hieu|sources[0]|lineage-dates",
      "LineageEvent|e-to-hieu|sources[1]|lineage-dates",
      "LineageEvent|e-to-hieu|targets[0]|lineage-dates"
    ])
    expect(keys(check({ lineage: [patch(L.mocChau, { sources: ["d116"] })] }))).toEqual(["LineageEvent|e-moc-chau|sources[0]|lineage-dates"])
  })
})

describe("councils, terms and organs", () => {
  it("keeps councils within their unit and apart from each other", () => {
    expect(keys(check({ councils: [patch(C.c116, { validity: r("2016-01-01") })] }))).toEqual(["Council|c116|validity.to|outside-validity"])
    const second = mkCouncil({ id: "c14-bis", unit: "p14", name: "HĐND tỉnh (trùng)", validity: r("2020-01-01", "2020-12-31") })
    expect(keys(check({ councils: [second] }))).toEqual(["Council|c14-bis|validity|council-overlap"])
  })

  it("keeps terms within their council and apart from each other", () => {
    expect(keys(check({ terms: [patch(T.xx, { validity: r("2021-06-25", "2026-03-14") })] }))).toEqual(["Term|t116-xx|validity.to|outside-validity"])
    expect(keys(check({ terms: [patch(T.xiv, { validity: r("2016-06-01", "2021-06-25") })] }))).toEqual(["Term|t14-xiv|validity|term-overlap"])
  })

  it("keeps organs within their council", () => {
    expect(keys(check({ organs: [patch(O.budget, { validity: r("2025-06-01") })] }))).toContain("Organ|o03646-ktns|validity.from|outside-validity")
  })

  it("requires a committee kind on committees only", () => {
    expect(keys(check({ organs: [patch(O.legal, { committeeKind: undefined })] }))).toEqual(["Organ|o14-pc|committeeKind|missing-field"])
    expect(keys(check({ organs: [patch(O.standing, { committeeKind: "phap-che" })] }))).toEqual(["Organ|o14-tt|committeeKind|field-not-applicable"])
  })

  it("rejects a Ban Pháp chế of a commune council from 1/7/2025", () => {
    const ps = check({ organs: [patch(O.culture, { committeeKind: "phap-che" })] })
    expect(keys(ps)).toEqual(["Organ|o03646-vhxh|committeeKind|committee-not-allowed"])
    expect(ps[0]?.vi).toContain("2025-07-01")
    expect(ps[0]?.en).toContain("kinh-te-ngan-sach, van-hoa-xa-hoi")
  })

  it("rejects a district committee valid after district councils ended", () => {
    const longCouncil = patch(C.c116, { validity: r("2016-01-01", "2025-12-31") })
    const longUnit = patch(U.d116, { validity: r("2008-09-03", "2025-12-31") })
    const ps = check({ units: [longUnit], councils: [longCouncil], organs: [patch(O.legal116, { validity: r("2016-01-01", "2025-12-31") })] })
    const p = ps.find((x) => x.code === "committee-not-allowed")
    expect(p?.id).toBe("o116-pc")
    expect(p?.en).toContain("2025-07-01 – 2025-12-31")
    expect(p?.en).toContain("no committees")
  })

  it("rejects an open-ended committee covered only by rules that end", () => {
    const commune = mkUnit({ id: "x1", code: "03700", name: "Xã Một", type: "xa", parent: "p14", validity: r("2020-01-01") })
    const council = mkCouncil({ id: "c-x1", unit: "x1", name: "HĐND xã Một", validity: r("2020-01-01") })
    const econ = mkOrgan({ id: "o-x1-ktxh", council: "c-x1", kind: "committee", committeeKind: "kinh-te-xa-hoi", name: "Ban KT-XH", validity: r("2020-01-01") })
    expect(keys(check({ units: [commune], councils: [council], organs: [econ] }))).toEqual(["Organ|o-x1-ktxh|committeeKind|committee-not-allowed"])
    expect(check({ units: [commune], councils: [council], organs: [patch(econ, { validity: r("2020-01-01", "2025-06-30") })] })).toEqual([])
  })
})

describe("sessions and meetings", () => {
  it("requires the term of the same council and dates within it", () => {
    expect(keys(check({ sessions: [patch(S.regular, { term: "t116-xx" })] }))).toEqual(["Session|s14-7|term|term-outside-council"])
    expect(keys(check({ sessions: [patch(S.regular, { dates: r("2026-03-10", "2026-03-20") })] }))).toEqual(["Session|s14-7|dates.to|outside-validity"])
    expect(keys(check({ meetings: [patch(M.m26, { date: "2021-06-01" })] }))).toEqual(["StandingMeeting|m14-26|date|outside-validity"])
    expect(keys(check({ meetings: [patch(M.m26, { term: "t116-xx" })] }))).toEqual(["StandingMeeting|m14-26|term|term-outside-council"])
  })

  it("allows a special label only on special sessions", () => {
    expect(keys(check({ sessions: [patch(S.regular, { specialLabel: "bat-thuong" })] }))).toEqual(["Session|s14-7|specialLabel|special-label"])
  })

  it("numbers a session in a series of its own type, once per council and term", () => {
    expect(keys(check({ sessions: [patch(S.regular, { series: "special" })] }))).toEqual(["Session|s14-7|series|session-series"])
    const twin = patch(S.regular, { id: "s14-7-bis" })
    expect(keys(check({ sessions: [twin] }))).toEqual(["Session|s14-7-bis|ordinal|duplicate-ordinal"])
    expect(keys(check({ sessions: [patch(twin, { ordinal: 99 })] }))).toEqual([])
  })
})

describe("activities and tallies", () => {
  it("requires organs of the activity's council, valid over its dates", () => {
    expect(keys(check({ activities: [patch(A.supervision, { organisers: ["o14-pc", "o116-pc"] })] }))).toEqual(["Activity|a-sup|organisers[1]|organ-outside-council"])
    expect(keys(check({ activities: [patch(A.supervision, { date: r("2021-06-20", "2021-06-30") })] }))).toEqual([
      "Activity|a-sup|organisers[1]|organ-not-valid",
      // The 2023 programme item that links it (re-checked because the activity moved to 2021).
      "ProgrammeItem|pi-1|activities[0]|activity-outside-programme"
    ])
    expect(keys(check({ activities: [patch(A.survey, { date: r("2021-06-24") })] }))).toEqual([
      "Activity|a-survey|owner|organ-not-valid",
      "Activity|a-survey|organisers[0]|organ-not-valid"
    ])
    expect(keys(check({ activities: [patch(A.review, { organisers: ["o14-pc", "o14-pc"] })] }))).toEqual(["Activity|a-review|organisers[1]|duplicate-organiser"])
  })

  it("requires its session and meeting in the same council", () => {
    const s116 = mkSession({ id: "s116-1", council: "c116", ordinal: 1, series: "all", type: "regular", dates: r("2022-12-05") })
    expect(keys(check({ sessions: [s116], activities: [patch(A.review, { session: "s116-1" })] }))).toEqual(["Activity|a-review|session|session-outside-council"])
    const m116 = mkMeeting({ id: "m116-1", council: "c116", ordinal: 1, date: "2022-12-05" })
    expect(keys(check({ meetings: [m116], activities: [patch(A.survey, { meeting: "m116-1" })] }))).toEqual(["Activity|a-survey|meeting|meeting-outside-council"])
  })

  it("requires its dates within the council's validity", () => {
    const ps = check({ activities: [patch(A.district, { date: r("2025-06-30", "2025-07-02") })] })
    expect(keys(ps)).toContain("Activity|a-116|date.to|outside-validity")
  })

  it("checks classifying fields against the kind", () => {
    expect(keys(check({ activities: [patch(A.supervision, { mode: undefined })] }))).toEqual(["Activity|a-sup|mode|missing-field"])
    expect(keys(check({ activities: [patch(A.survey, { subject: "report" })] }))).toEqual(["Activity|a-survey|subject|field-not-applicable"])
    expect(check({ activities: [patch(A.review, { resolutionKind: undefined })] })).toEqual([])
  })

  it("decodes attributes with the kind's schema", () => {
    expect(keys(check({ activities: [patch(A.supervision, { attributes: { recommendations: -1, extra: 1 } })] })).sort()).toEqual([
      "Activity|a-sup|attributes.extra|invalid-attribute",
      "Activity|a-sup|attributes.recommendations|invalid-attribute"
    ])
    expect(keys(check({ activities: [patch(A.review, { attributes: { voters: 3 } })] }))).toEqual(["Activity|a-review|attributes|field-not-applicable"])
    // Since 0.2.0 a survey may carry the places it visited, and nothing else.
    expect(keys(check({ activities: [patch(A.survey, { attributes: { voters: 3 } })] }))).toEqual(["Activity|a-survey|attributes.voters|invalid-attribute"])
    expect(check({ activities: [patch(A.survey, { attributes: { places: ["Xã Chiềng Cơi", "Bản Hìn"] } })] })).toEqual([])
    expect(keys(check({ activities: [patch(A.survey, { attributes: { places: [] } })] }))).toEqual(["Activity|a-survey|attributes.places[0]|invalid-attribute"])
  })

  it("checks the tally's organ and period", () => {
    expect(keys(check({ tallies: [patch(TL.t116, { organ: "o14-pc" })] }))).toEqual(["Tally|tl-116|organ|organ-outside-council"])
    expect(keys(check({ tallies: [patch(TL.t116, { period: r("2025-07-01", "2025-12-31") })] }))).toEqual([
      "Tally|tl-116|organ|organ-not-valid",
      "Tally|tl-116|period|outside-validity"
    ])
  })
})

describe("re-checking records that refer to changed ones", () => {
  it("reports existing activities whose organiser's validity was shortened", () => {
    const ps = check({ organs: [patch(O.ethnic, { validity: r("2021-06-25", "2023-01-31") })] })
    expect(keys(ps)).toEqual(["Activity|a-sup|organisers[1]|organ-not-valid", "Activity|a-survey|owner|organ-not-valid", "Activity|a-survey|organisers[0]|organ-not-valid"])
  })

  it("reports existing terms, organs, sessions and tallies when a council changes", () => {
    const ps = check({ councils: [patch(C.c116, { validity: r("2022-01-01", "2025-06-30") })] })
    expect(keys(ps)).toEqual(expect.arrayContaining(["Term|t116-xx|validity.from|outside-validity", "Organ|o116-pc|validity.from|outside-validity"]))
    expect(keys(ps).every((k) => /^(Term|Organ)\|/.test(k))).toBe(true)
  })

  it("reports existing organs when the council's unit changes type", () => {
    const ps = check({ units: [patch(U.toHieu, { type: "dac-khu" })] })
    expect(ps).toEqual([])
    const ps2 = check({ units: [patch(U.d116, { code: "15", type: "tinh", parent: undefined })] })
    expect(keys(ps2)).toContain("Organ|o116-ktxh|committeeKind|committee-not-allowed")
    expect(keys(ps2)).not.toContain("Organ|o116-pc|committeeKind|committee-not-allowed")
  })

  it("does not re-check when nothing changed and never scans all activities for a batch of new ones", () => {
    const guard = <K, V>(m: ReadonlyMap<K, V>): ReadonlyMap<K, V> => {
      const g = new Map(m)
      for (const name of ["keys", "values", "entries", "forEach", Symbol.iterator] as const) {
        Object.defineProperty(g, name, { value: () => { throw new Error("scanned all activities") } })
      }
      return g
    }
    const big: Dataset = { ...base, activities: guard(base.activities), activitiesByCouncil: guard(base.activitiesByCouncil) }
    const fresh = Array.from({ length: 2000 }, (_, i) => patch(A.review, { id: `a-new-${i}` }))
    expect(validateBatch(big, { activities: fresh, organs: [O.legal] }, registry)).toEqual([])
  })
})

describe("robustness", () => {
  const day = fc.integer({ min: toDayNumber(date("2014-01-01")), max: toDayNumber(date("2027-12-31")) }).map(fromDayNumber)
  const range = fc.tuple(day, day, fc.boolean()).map(([a, b, open]) => {
    const [from, to] = a <= b ? [a, b] : [b, a]
    return open ? { from } : { from, to }
  })
  const period = fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }))
  const pool = (p: string) => fc.constantFrom(`${p}1`, `${p}2`, `${p}3`)
  const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })
  const kinds = [...registry.activityKinds.keys(), "x/unknown"]
  const arbs = {
    units: fc.record({ id: pool("u"), code: fc.constantFrom("14", "116", "03646", "123"), name: fc.constant("Đơn vị"), type: fc.constantFrom(...UnitType.literals), parent: opt(pool("u")), validity: range }).map(mkUnit),
    lineage: fc.record({ id: pool("e"), kind: fc.constantFrom("establish", "merge", "split", "rename", "reclassify", "abolish"), date: day, sources: fc.array(pool("u"), { maxLength: 3 }), targets: fc.array(pool("u"), { maxLength: 3 }) }).map(mkEvent),
    councils: fc.record({ id: pool("c"), unit: pool("u"), name: fc.constant("HĐND"), validity: range }).map(mkCouncil),
    terms: fc.record({ id: pool("t"), council: pool("c"), convocation: fc.constant("XV"), validity: range }).map(mkTerm),
    organs: fc.record({ id: pool("o"), council: pool("c"), kind: fc.constantFrom(...OrganKind.literals), committeeKind: opt(fc.constantFrom("phap-che", "do-thi", "kinh-te-ngan-sach", "x/none")), name: fc.constant("Ban"), validity: range }).map(mkOrgan),
    sessions: fc.record({ id: pool("s"), council: pool("c"), term: opt(pool("t")), ordinal: fc.integer({ min: 1, max: 9 }), series: fc.constant("all"), type: fc.constantFrom(...SessionType.literals), specialLabel: opt(fc.constantFrom(...SpecialLabel.literals)), dates: range }).map(mkSession),
    meetings: fc.record({ id: pool("m"), council: pool("c"), term: opt(pool("t")), ordinal: fc.constant(1), date: day }).map(mkMeeting),
    activities: fc.record({
      id: pool("a"), council: pool("c"), kind: fc.constantFrom(...kinds), owner: pool("o"), organisers: fc.array(pool("o"), { minLength: 1, maxLength: 3 }),
      date: range, session: opt(pool("s")), meeting: opt(pool("m")), title: fc.constant("Việc"), subject: opt(fc.constant("report")), mode: opt(fc.constant("thematic")),
      attributes: opt(fc.constantFrom({}, { recommendations: 2 }, { recommendations: -1 }, { questions: "x" }, { foo: 1 }))
    }).map(mkActivity),
    tallies: fc.record({ id: pool("tl"), council: pool("c"), organ: opt(pool("o")), indicator: fc.constantFrom(indicator, "x/unknown"), period, value: fc.nat(9) }).map(mkTally),
    recommendations: fc.record({
      id: pool("r"), council: pool("c"), kind: fc.constantFrom(...RecommendationKind.literals), raisedBy: opt(pool("o")), activity: opt(pool("a")), session: opt(pool("s")),
      raisedOn: day, content: fc.constant("Nội dung"), field: fc.constant("Đất đai"), level: fc.constantFrom(...CompetentLevel.literals),
      addressee: fc.record({ kind: fc.constantFrom(...AddresseeKind.literals), name: fc.constant("UBND tỉnh"), organ: opt(pool("o")) }),
      forwardedOn: opt(day), deadline: opt(day), mergedInto: opt(pool("r"))
    }).map((r) => new Recommendation(r as never)),
    responses: fc.record({ id: pool("x"), recommendation: pool("r"), date: day, responder: fc.constant("UBND tỉnh"), content: fc.constant("Trả lời") })
      .map((r) => new Response(r as never)),
    evaluations: fc.record({ id: pool("ev"), recommendation: pool("r"), response: pool("x"), date: day, status: fc.constantFrom(...EvaluationStatus.literals), by: opt(pool("o")) })
      .map((r) => new Evaluation(r as never)),
    programmes: fc.record({ id: pool("p"), council: pool("c"), organ: pool("o"), year: fc.integer({ min: 2014, max: 2027 }), title: fc.constant("Chương trình") })
      .map((r) => new Programme(r as never)),
    programmeItems: fc.record({
      id: pool("pi"), programme: pool("p"), kind: fc.constantFrom(...kinds), topic: fc.constant("Giám sát"), month: opt(fc.integer({ min: 1, max: 12 })),
      quarter: opt(fc.integer({ min: 1, max: 4 })), activities: opt(fc.array(pool("a"), { maxLength: 3 })), carriedFrom: opt(pool("pi"))
    }).map((r) => new ProgrammeItem(r as never)),
    resolutions: fc.record({
      id: pool("nq"), council: pool("c"), session: opt(pool("s")), number: fc.constant("15/2023/NQ-HĐND"), kind: fc.constantFrom("normative", "individual"),
      field: opt(fc.constant("ngan-sach")), adoptedOn: day, title: fc.constant("Nghị quyết")
    }).map((r) => new Resolution(r as never)),
    documents: fc.record({
      id: pool("vb"), council: pool("c"), type: fc.constantFrom(...DocumentType.literals), session: opt(pool("s")), number: opt(fc.constant("279/TTr-UBND")),
      submitter: opt(fc.constant("UBND tỉnh")), reviewers: opt(fc.array(pool("o"), { minLength: 1, maxLength: 3 })), submittedOn: day,
      resolution: opt(pool("nq")), title: fc.constant("Tờ trình")
    }).map((r) => new CouncilDocument(r as never))
  }
  const batchArb = fc.record(Object.fromEntries(entityKinds.map((k) => [k, fc.array(arbs[k] as fc.Arbitrary<unknown>, { maxLength: 4 })])) as { [K in keyof typeof arbs]: fc.Arbitrary<Array<any>> })
  const names = new Set(Object.values(entityNames))
  const kindOf = new Map(entityKinds.map((k) => [entityNames[k], k]))

  it("never throws on schema-valid records with random references, and every problem names a real record", () => {
    fc.assert(
      fc.property(batchArb, batchArb, (existing, batch) => {
        const current = fromBatch(existing as Batch)
        const ps = validateBatch(current, batch as Batch, registry)
        const merged = apply(current, batch as Batch)
        const malformed = ps.filter((p) => {
          const kind = kindOf.get(p.entity)
          return !(p instanceof Problem) || !names.has(p.entity) || kind === undefined ||
            !(merged[kind] as ReadonlyMap<string, unknown>).has(p.id as string) ||
            p.vi.length < 10 || p.en.length < 10 || p.vi === p.en || !/^[a-z]+(-[a-z]+)*$/.test(p.code)
        })
        expect(malformed).toEqual([])
        expect(JSON.stringify(validateBatch(current, batch as Batch, registry))).toBe(JSON.stringify(ps))
        expect(() => validateDataset(merged, registry)).not.toThrow()
      })
    )
  })
})
