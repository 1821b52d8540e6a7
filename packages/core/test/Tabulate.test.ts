import { CalendarDate, Dataset, Indicators, Registry, Tabulate, Tabulation, TabulationRequest, Validation } from "@hdnd/core"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { activity, PERIOD, structure, tally } from "./utils/fixture.js"

const { ids } = Indicators
const scope = TabulationRequest.subtree("u14" as never, CalendarDate.date("2023-06-30"))

const run = (batch: Dataset.Batch, request: Partial<TabulationRequest.TabulationRequest> & Pick<TabulationRequest.TabulationRequest, "indicators">) => {
  const full = { ...structure, ...batch }
  expect(Validation.validateBatch(Dataset.empty, full, Registry.builtin).map((p) => p.describe("en"))).toEqual([])
  return Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(full), Registry.builtin, { scope, period: PERIOD, ...request }))
}

describe("tabulate", () => {
  it("counts each activity once per council total and once per organiser in the organ view", () => {
    const joint = activity({ id: "joint", council: "c14", kind: "supervision" as never, subject: undefined, mode: "thematic", owner: "c14.hdnd", organisers: ["c14.pc", "c14.ktns"] } as never)
    const single = activity({ id: "single", council: "c14", kind: "supervision" as never, subject: undefined, mode: "periodic", owner: "c14.pc" } as never)
    const byCouncil = run({ activities: [joint, single] }, { indicators: [ids.supervision], groupBy: ["council"] })
    expect(byCouncil.view).toBe("council")
    expect(Tabulation.valueOf(byCouncil, ids.supervision, { council: "c14" }).value).toBe(2)
    const byOrgan = run({ activities: [joint, single] }, { indicators: [ids.supervision], groupBy: ["organ"] })
    expect(byOrgan.view).toBe("organ")
    expect(Tabulation.valueOf(byOrgan, ids.supervision, { organ: "c14.pc" }).value).toBe(2)
    expect(Tabulation.valueOf(byOrgan, ids.supervision, { organ: "c14.ktns" }).value).toBe(1)
    expect(Tabulation.valueOf(byOrgan, ids.supervision, { organ: "c14.hdnd" }).value).toBe(0)
  })

  it("filters by owner kind, bucket over several kinds and level", () => {
    const acts = [
      activity({ council: "c14", kind: "supervision" as never, subject: undefined, mode: "thematic", owner: "c14.hdnd", organisers: ["c14.pc"] } as never),
      activity({ council: "c14", kind: "supervision" as never, subject: undefined, mode: "thematic", owner: "c14.tt", organisers: ["c14.vhxh"] } as never),
      activity({ council: "c14", kind: "survey" as never, subject: undefined, owner: "c14.dt" } as never),
      activity({ council: "c14", kind: "supervision" as never, subject: undefined, mode: "thematic", owner: "c14.dt" } as never),
      activity({ council: "c14", kind: "supervision" as never, subject: undefined, mode: "ongoing", owner: "c14.dt" } as never),
      activity({ council: "c116", kind: "survey" as never, subject: undefined, owner: "c116.pc" } as never)
    ]
    const t = run({ activities: acts }, {
      indicators: [ids.supervisionCouncil, ids.supervisionStanding, ids.surveyThematicSupervision, ids.supervisionPeriodicOngoing],
      groupBy: ["level"]
    })
    expect(Tabulation.valueOf(t, ids.supervisionCouncil, { level: "province" }).value).toBe(1)
    expect(Tabulation.valueOf(t, ids.supervisionStanding, { level: "province" }).value).toBe(1)
    expect(Tabulation.valueOf(t, ids.surveyThematicSupervision, { level: "province" }).value).toBe(2)
    expect(Tabulation.valueOf(t, ids.surveyThematicSupervision, { level: "district" }).value).toBe(1)
    expect(Tabulation.valueOf(t, ids.supervisionPeriodicOngoing).value).toBe(1)
  })

  it("counts distinct sessions served, split by session type", () => {
    const acts = [
      activity({ council: "c14", owner: "c14.pc", session: "c14.kh5" as never }),
      activity({ council: "c14", owner: "c14.ktns", session: "c14.kh5" as never }),
      activity({ council: "c14", owner: "c14.ktns", session: "c14.cd11" as never }),
      activity({ council: "c14", owner: "c14.ktns" })
    ]
    const t = run({ activities: acts }, { indicators: [ids.reviewSessions, ids.reviewSessionsRegular, ids.reviewSessionsThematic, ids.reviewContent] })
    expect(Tabulation.valueOf(t, ids.reviewContent).value).toBe(4)
    expect(Tabulation.valueOf(t, ids.reviewSessions).value).toBe(2)
    expect(Tabulation.valueOf(t, ids.reviewSessionsRegular).value).toBe(1)
    expect(Tabulation.valueOf(t, ids.reviewSessionsThematic).value).toBe(1)
  })

  it("counts an activity in the period holding its first day", () => {
    const acts = [
      activity({ id: "before", council: "c14", owner: "c14.pc", date: { from: CalendarDate.date("2022-07-31"), to: CalendarDate.date("2022-08-02") } }),
      activity({ id: "first", council: "c14", owner: "c14.pc", date: { from: CalendarDate.date("2022-08-01") } }),
      activity({ id: "last", council: "c14", owner: "c14.pc", date: { from: CalendarDate.date("2023-08-31"), to: CalendarDate.date("2023-09-02") } }),
      activity({ id: "after", council: "c14", owner: "c14.pc", date: { from: CalendarDate.date("2023-09-01") } })
    ]
    const t = run({ activities: acts }, { indicators: [ids.reviewContent], trace: true })
    expect(Tabulation.recordsOf(t, ids.reviewContent).activities).toEqual(["first", "last"])
  })

  it("adds tallies of bodies without items, and reports a conflict instead of adding twice", () => {
    const acts = [activity({ council: "c116", owner: "c116.pc" }), activity({ council: "c116", owner: "c116.ktxh" })]
    const tallies = [
      tally({ id: "t125", council: "c125", indicator: ids.reviewContent, value: 90, qualifier: "over" }),
      tally({ id: "t116", council: "c116", indicator: ids.reviewContent, value: 40 })
    ]
    const t = run({ activities: acts, tallies }, { indicators: [ids.reviewContent], groupBy: ["council"] })
    expect(Tabulation.valueOf(t, ids.reviewContent, { council: "c125" })).toMatchObject({ value: 90, qualifier: "over" })
    expect(Tabulation.valueOf(t, ids.reviewContent, { council: "c116" })).toMatchObject({ value: 2, conflicting: 40 })
    expect(Tabulation.valueOf(t, ids.reviewContent).value).toBe(92)
    expect(Tabulation.conflicts(t)).toEqual([{ indicator: ids.reviewContent, body: "council:c116", items: 2, tallies: ["t116"], tallyValue: 40 }])
  })

  it("checks a tally reported by one organ against the items of its whole council", () => {
    const acts = [activity({ council: "c116", owner: "c116.ktxh" })]
    const tallies = [tally({ id: "organ", council: "c116", organ: "c116.pc", indicator: ids.reviewContent, value: 4 })]
    const t = run({ activities: acts, tallies }, { indicators: [ids.reviewContent], groupBy: ["organ"] })
    expect(Tabulation.conflicts(t).map((c) => c.tallies)).toEqual([["organ"]])
    expect(Tabulation.valueOf(t, ids.reviewContent, { organ: "c116.pc" })).toMatchObject({ value: 0, conflicting: 4 })
  })

  it("lists tallies that only partly overlap the period as unapportioned", () => {
    const t = run(
      { tallies: [tally({ id: "half", council: "c125", indicator: ids.reviewContent, value: 5, from: "2023-01-01", to: "2023-12-31" })] },
      { indicators: [ids.reviewContent] }
    )
    expect(Tabulation.valueOf(t, ids.reviewContent).value).toBe(0)
    expect([...t.unapportioned]).toEqual(["half"])
  })

  it("places a year-long tally under '*' when grouped by month, and an organ tally under its organ", () => {
    const t = run(
      { tallies: [tally({ id: "y", council: "c125", indicator: ids.reviewContent, value: 7 }), tally({ id: "o", council: "c116", organ: "c116.pc", indicator: ids.reviewContent, value: 3, from: "2023-02-01", to: "2023-02-28" })] },
      { indicators: [ids.reviewContent], groupBy: ["month", "organ"] }
    )
    expect(Tabulation.valueOf(t, ids.reviewContent, { month: Tabulation.UNAPPORTIONED }).value).toBe(7)
    expect(Tabulation.valueOf(t, ids.reviewContent, { month: "2023-02", organ: "c116.pc" }).value).toBe(3)
  })

  it("restricts the scope to levels and to listed councils", () => {
    const acts = [activity({ council: "c14", owner: "c14.pc" }), activity({ council: "c116", owner: "c116.pc" }), activity({ council: "c125", owner: "c125.pc" })]
    const districts = run({ activities: acts }, { indicators: [ids.reviewContent], scope: TabulationRequest.subtree("u14" as never, CalendarDate.date("2023-06-30"), ["district"]) })
    expect(Tabulation.valueOf(districts, ids.reviewContent).value).toBe(2)
    const one = run({ activities: acts }, { indicators: [ids.reviewContent], scope: TabulationRequest.councils(["c125" as never]) })
    expect(Tabulation.valueOf(one, ids.reviewContent).value).toBe(1)
    const after = run({ activities: acts }, { indicators: [ids.reviewContent], scope: TabulationRequest.subtree("u14" as never, CalendarDate.date("2025-07-01")) })
    expect(Tabulation.valueOf(after, ids.reviewContent).value).toBe(1)
  })

  it("labels dimension values with names", () => {
    const t = run({ activities: [activity({ council: "c116", owner: "c116.pc" })] }, { indicators: [ids.reviewContent], groupBy: ["council", "committeeKind", "level"] })
    expect(Tabulation.labelOf(t, "c116")).toBe("HĐND thành phố Sơn La")
    expect(Tabulation.labelOf(t, "phap-che")).toBe("Ban Pháp chế")
    expect(Tabulation.labelOf(t, "district")).toBe("cấp huyện")
  })

  it("fails with a typed error for unknown indicators, units and councils", () => {
    const ds = Dataset.fromBatch(structure)
    const bad = (req: Partial<TabulationRequest.TabulationRequest>) =>
      Tabulate.tabulate(ds, Registry.builtin, { indicators: [ids.reviewContent], scope, period: PERIOD, ...req })
    expect(Result.getFailure(bad({ indicators: ["core/nope" as never] })).pipe((e) => e._tag === "Some" && e.value.code)).toBe("unknown-indicator")
    expect(Result.getFailure(bad({ scope: TabulationRequest.subtree("u99" as never, CalendarDate.date("2023-01-01")) })).pipe((e) => e._tag === "Some" && e.value.code)).toBe("unknown-unit")
    expect(Result.getFailure(bad({ scope: TabulationRequest.councils(["c9" as never]) })).pipe((e) => e._tag === "Some" && e.value.code)).toBe("unknown-council")
    expect(Result.getFailure(bad({ groupBy: ["month", "month"] })).pipe((e) => e._tag === "Some" && e.value.code)).toBe("duplicate-dimension")
  })

  it("refuses to combine tabulations grouped differently", () => {
    const a = run({}, { indicators: [ids.reviewContent], groupBy: ["council"] })
    const b = run({}, { indicators: [ids.reviewContent], groupBy: ["month"] })
    expect(() => Tabulation.combine(a, b)).toThrowError(/grouped differently/)
  })
})
