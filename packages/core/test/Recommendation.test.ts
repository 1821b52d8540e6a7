import { CalendarDate } from "@hdnd/core"
import * as Recommendation from "../src/Recommendation.js"
import * as RecommendationStats from "../src/RecommendationStats.js"
import * as RecommendationStatus from "../src/RecommendationStatus.js"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const FIRST = CalendarDate.toDayNumber(CalendarDate.date("2022-01-01"))
const day = (n: number) => CalendarDate.fromDayNumber(FIRST + n)
const STATUSES = ["resolved", "being-resolved", "explained", "not-resolved"] as const
const COUNCILS = ["c1", "c2"] as const
const FIELDS = ["Đất đai", "Y tế", "Giáo dục", "Giao thông"]

interface Generated extends RecommendationStatus.Records {
  /** The matter each petition is about (hidden from the records): merging joins only equal topics. */
  readonly topics: ReadonlyMap<string, string>
}

/** Valid records: responses on or after raising, evaluations of a response on or after it. */
const recordsArb: fc.Arbitrary<Generated> = fc
  .array(
    fc.record({
      council: fc.constantFrom(...COUNCILS),
      topic: fc.nat({ max: 5 }),
      raised: fc.nat({ max: 700 }),
      forwardAfter: fc.option(fc.nat({ max: 30 }), { nil: undefined }),
      deadlineAfter: fc.option(fc.nat({ max: 120 }), { nil: undefined }),
      field: fc.constantFrom(...FIELDS),
      level: fc.constantFrom("central", "province", "commune" as const),
      addressee: fc.constantFrom("people-committee", "department", "standing" as const),
      petition: fc.boolean(),
      responses: fc.array(
        fc.record({ after: fc.nat({ max: 200 }), evaluations: fc.array(fc.record({ after: fc.nat({ max: 100 }), status: fc.constantFrom(...STATUSES) }), { maxLength: 2 }) }),
        { maxLength: 2 }
      )
    }),
    { maxLength: 25 }
  )
  .map((rows) => {
    const recommendations: Array<Recommendation.Recommendation> = []
    const responses: Array<Recommendation.Response> = []
    const evaluations: Array<Recommendation.Evaluation> = []
    const topics = new Map<string, string>()
    rows.forEach((r, i) => {
      const id = `r${i}` as Recommendation.Recommendation["id"]
      topics.set(id, `${r.council}:${r.topic}`)
      recommendations.push(
        new Recommendation.Recommendation({
          id,
          council: r.council as never,
          kind: r.petition ? "voter-petition" : "recommendation",
          ...(r.petition ? {} : { raisedBy: `${r.council}.ban` as never }),
          raisedOn: day(r.raised),
          content: `Nội dung ${r.topic}`,
          field: r.field,
          level: r.level,
          addressee: { kind: r.addressee, name: r.addressee === "department" ? "Sở Tài chính" : "UBND tỉnh" },
          ...(r.forwardAfter === undefined ? {} : { forwardedOn: day(r.raised + r.forwardAfter) }),
          ...(r.deadlineAfter === undefined ? {} : { deadline: day(r.raised + r.deadlineAfter) })
        })
      )
      r.responses.forEach((x, j) => {
        const rid = `${id}.tl${j}` as Recommendation.Response["id"]
        responses.push(new Recommendation.Response({ id: rid, recommendation: id, date: day(r.raised + x.after), responder: "UBND tỉnh", content: "Trả lời" }))
        x.evaluations.forEach((e, k) =>
          evaluations.push(
            new Recommendation.Evaluation({ id: `${rid}.dg${k}` as never, recommendation: id, response: rid, date: day(r.raised + x.after + e.after), status: e.status })
          )
        )
      })
    })
    return { recommendations, responses, evaluations, topics }
  })

const upTo = (g: RecommendationStatus.Records, d: CalendarDate.CalendarDate): RecommendationStatus.Records => ({
  recommendations: g.recommendations.filter((r) => r.raisedOn <= d),
  responses: g.responses.filter((r) => r.date <= d),
  evaluations: g.evaluations.filter((e) => e.date <= d)
})

/** Merges every petition into the first one of its topic, in the order given. */
const mergeAll = (g: Generated, order: ReadonlyArray<number>): ReadonlyArray<Recommendation.Recommendation> => {
  let recs = g.recommendations
  const ids = order.map((i) => recs[i % Math.max(1, recs.length)]?.id).filter((x): x is Recommendation.Recommendation["id"] => x !== undefined)
  for (const id of ids) {
    const same = recs.filter((r) => g.topics.get(r.id) === g.topics.get(id) && r.id !== id).map((r) => r.id)
    const { changed, problems } = RecommendationStatus.merge(recs, id, same)
    expect(problems).toEqual([])
    const byId = new Map(changed.map((r) => [r.id, r]))
    recs = recs.map((r) => byId.get(r.id) ?? r)
  }
  return recs
}

describe("recommendation status over time", () => {
  it("generated records are valid", () => {
    fc.assert(fc.property(recordsArb, (g) => {
      expect(RecommendationStatus.check(g)).toEqual([])
    }))
  })

  it("the status as of a date never depends on records dated after it", () => {
    fc.assert(
      fc.property(recordsArb, fc.nat({ max: 1100 }), (g, n) => {
        const d = day(n)
        const all = RecommendationStatus.matters(g)
        const before = RecommendationStatus.matters(upTo(g, d))
        for (const [id, m] of all) {
          const earlier = before.get(id)
          expect(RecommendationStatus.statusAsOf(m, d)).toBe(earlier === undefined ? undefined : RecommendationStatus.statusAsOf(earlier, d))
        }
        const request = { asOf: d, groupBy: ["field", "addresseeKind"] as const }
        expect(RecommendationStats.summarise(g, request)).toEqual(RecommendationStats.summarise(upTo(g, d), request))
      })
    )
  })

  it("overdue counts follow from the deadlines and the as-of date", () => {
    fc.assert(
      fc.property(recordsArb, fc.nat({ max: 1100 }), (g, n) => {
        const d = day(n)
        const expected = g.recommendations.filter(
          (r) => r.raisedOn <= d && r.deadline !== undefined && r.deadline < d && !g.responses.some((x) => x.recommendation === r.id && x.date <= d)
        ).length
        expect(RecommendationStats.summarise(g, { asOf: d }).total.overdue).toBe(expected)
        // On or before its deadline nothing is overdue.
        for (const m of RecommendationStatus.matters(g).values()) {
          if (m.root.deadline !== undefined) expect(RecommendationStatus.isOverdue(m, m.root.deadline)).toBe(false)
        }
      })
    )
  })

  it("answered ≤ raised, resolved ≤ raised, overdue + answered ≤ raised, in every group", () => {
    fc.assert(
      fc.property(recordsArb, fc.nat({ max: 1100 }), fc.subarray([...RecommendationStats.dimensions], { maxLength: 2 }), (g, n, groupBy) => {
        const s = RecommendationStats.summarise(g, { asOf: day(n), groupBy })
        for (const f of [...s.rows, s.total]) {
          expect(f.answered).toBeLessThanOrEqual(f.raised)
          expect(f.resolved).toBeLessThanOrEqual(f.raised)
          expect(f.overdue + f.answered).toBeLessThanOrEqual(f.raised)
          if (f.resolutionRate !== undefined) expect(f.resolutionRate).toBeCloseTo(f.resolved / f.raised)
        }
        expect(s.rows.reduce((a, r) => a + r.raised, 0)).toBe(s.total.raised)
        expect(s.rows.reduce((a, r) => a + r.overdue, 0)).toBe(s.total.overdue)
      })
    )
  })

  it("merging duplicate petitions never changes the count of distinct matters or loses a source", () => {
    fc.assert(
      fc.property(recordsArb, fc.array(fc.nat(), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 30 }), (g, order1, order2) => {
        const topics = new Set(g.topics.values())
        const everyId = g.recommendations.map((r) => r.id).sort()
        // Merging every petition of each topic, in two different orders.
        const all = [...g.recommendations.keys()]
        for (const order of [[...order1, ...all], [...order2, ...all.reverse()]]) {
          const merged = mergeAll(g, order)
          const ms = RecommendationStatus.matters({ recommendations: merged, responses: g.responses, evaluations: g.evaluations })
          expect(ms.size).toBe(topics.size)
          expect([...ms.values()].flatMap((m) => m.sources.map((s) => s.id)).sort()).toEqual(everyId)
          // Every response and evaluation still belongs to a matter.
          expect([...ms.values()].reduce((a, m) => a + m.responses.length, 0)).toBe(g.responses.length)
          expect([...ms.values()].reduce((a, m) => a + m.evaluations.length, 0)).toBe(g.evaluations.length)
          expect(RecommendationStatus.check({ ...g, recommendations: merged })).toEqual([])
        }
      })
    )
  })

  it("matters carried over to a session are those raised before it and not closed the day before", () => {
    fc.assert(
      fc.property(recordsArb, fc.nat({ max: 1100 }), (g, n) => {
        const opening = day(n)
        const ms = RecommendationStatus.matters(g)
        const carried = new Set(RecommendationStatus.carriedOver(ms, opening).map((m) => m.root.id))
        for (const m of ms.values()) {
          const open = m.root.raisedOn < opening && !RecommendationStatus.isClosed(RecommendationStatus.statusAsOf(m, day(n - 1)))
          expect(carried.has(m.root.id)).toBe(open)
        }
      })
    )
  })
})

describe("the order of events is checked", () => {
  const base = () => fc.sample(recordsArb.filter((g) => g.responses.length > 0 && g.evaluations.length > 0), { numRuns: 1, seed: 9 })[0]!

  it("a response dated before the recommendation was raised", () => {
    const g = base()
    const x = g.responses[0]!
    const r = g.recommendations.find((r) => r.id === x.recommendation)!
    const early = new Recommendation.Response({ ...x, date: CalendarDate.addDays(r.raisedOn, -1) })
    const problems = RecommendationStatus.check({ ...g, responses: [early, ...g.responses.slice(1)], evaluations: [] })
    expect(problems.map((p) => [p.entity, p.id, p.code])).toContainEqual(["Response", x.id, "before-raised"])
    expect(problems.find((p) => p.code === "before-raised")!.vi).toContain(r.id)
  })

  it("an evaluation without a response, or before it", () => {
    const g = base()
    const e = g.evaluations[0]!
    const orphan = new Recommendation.Evaluation({ ...e, response: "khong-co" as never })
    expect(RecommendationStatus.check({ ...g, evaluations: [orphan] }).map((p) => [p.id, p.code])).toEqual([[e.id, "evaluation-without-response"]])
    const x = g.responses.find((x) => x.id === e.response)!
    const early = new Recommendation.Evaluation({ ...e, date: CalendarDate.addDays(x.date, -1) })
    expect(RecommendationStatus.check({ ...g, evaluations: [early] }).map((p) => [p.id, p.code])).toEqual([[e.id, "before-response"]])
  })

  it("merges into itself, across councils, in a cycle or into nothing", () => {
    const mk = (id: string, council: string, mergedInto?: string) =>
      new Recommendation.Recommendation({
        id: id as never,
        council: council as never,
        kind: "voter-petition",
        raisedOn: day(0),
        content: "Đường giao thông",
        field: "Giao thông",
        level: "province",
        addressee: { kind: "people-committee", name: "UBND tỉnh" },
        ...(mergedInto === undefined ? {} : { mergedInto: mergedInto as never })
      })
    const codes = (recs: ReadonlyArray<Recommendation.Recommendation>) =>
      RecommendationStatus.check({ recommendations: recs, responses: [], evaluations: [] }).map((p) => [p.id, p.code])
    expect(codes([mk("a", "c1", "a")])).toEqual([["a", "merge-cycle"]])
    expect(codes([mk("a", "c1", "b"), mk("b", "c2")])).toEqual([["a", "merge-across-councils"]])
    expect(codes([mk("a", "c1", "b"), mk("b", "c1", "a")])).toEqual([["a", "merge-cycle"], ["b", "merge-cycle"]])
    expect(codes([mk("a", "c1", "z")])).toEqual([["a", "unknown-reference"]])
    const { problems } = RecommendationStatus.merge([mk("a", "c1"), mk("b", "c2")], "a" as never, ["b" as never])
    expect(problems.map((p) => p.code)).toEqual(["merge-across-councils"])
  })
})

describe("recommendation figures", () => {
  it("a worked example: raised, answered, resolved, overdue, rate and median days", () => {
    const rec = (id: string, raised: string, deadline: string | undefined, field: string) =>
      new Recommendation.Recommendation({
        id: id as never,
        council: "c1" as never,
        kind: "proposal",
        raisedBy: "c1.ban" as never,
        raisedOn: CalendarDate.date(raised),
        forwardedOn: CalendarDate.date(raised),
        ...(deadline === undefined ? {} : { deadline: CalendarDate.date(deadline) }),
        content: "Đề xuất",
        field,
        level: "province",
        addressee: { kind: "department", name: "Sở Xây dựng" }
      })
    const g: RecommendationStatus.Records = {
      recommendations: [rec("a", "2023-01-10", "2023-02-10", "Giao thông"), rec("b", "2023-01-10", "2023-02-10", "Giao thông"), rec("c", "2023-03-01", undefined, "Y tế")],
      responses: [
        new Recommendation.Response({ id: "a1" as never, recommendation: "a" as never, date: CalendarDate.date("2023-01-20"), responder: "Sở Xây dựng", content: "Đã bố trí vốn", document: "12/SXD-QLHT" }),
        new Recommendation.Response({ id: "c1" as never, recommendation: "c" as never, date: CalendarDate.date("2023-03-31"), responder: "Sở Y tế", content: "Đang xem xét" })
      ],
      evaluations: [new Recommendation.Evaluation({ id: "a1e" as never, recommendation: "a" as never, response: "a1" as never, date: CalendarDate.date("2023-06-01"), status: "resolved" })]
    }
    const s = RecommendationStats.summarise(g, { asOf: CalendarDate.date("2023-06-30"), groupBy: ["field"] })
    expect(s.total).toEqual({ raised: 3, answered: 2, resolved: 1, overdue: 1, resolutionRate: 1 / 3, medianDaysToAnswer: 20 })
    expect(s.rows.map((r) => [r.key.field, r.raised, r.overdue])).toEqual([["Giao thông", 2, 1], ["Y tế", 1, 0]])
    const early = RecommendationStats.summarise(g, { asOf: CalendarDate.date("2023-02-01") })
    expect(early.total).toMatchObject({ raised: 2, answered: 1, resolved: 0, overdue: 0 })
  })
})
