import { CalendarDate, CouncilDocument, Dataset, Indicator, Indicators, Registry, Tabulate, Tabulation, TabulationRequest, Validation } from "@hdnd/core"
import { fc, it as prop } from "@fast-check/vitest"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { document, organs, PERIOD, resolution, sessions, structure } from "./utils/fixture.js"

const { outputIds: o } = Indicators
const d = CalendarDate.date
const scope = TabulationRequest.subtree("u14" as never, d("2023-06-30"))

const problems = (batch: Dataset.Batch) =>
  Validation.validateBatch(Dataset.empty, { ...structure, ...batch }, Registry.builtin).map((p) => `${p.id}.${p.field}: ${p.code}`)

const run = (batch: Dataset.Batch, request: Partial<TabulationRequest.TabulationRequest> & Pick<TabulationRequest.TabulationRequest, "indicators">) => {
  expect(problems(batch)).toEqual([])
  return Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch({ ...structure, ...batch }), Registry.builtin, { scope, period: PERIOD, ...request }))
}

describe("council outputs: validation", () => {
  it("accepts resolutions and documents that refer to their council's session, organs and resolution", () => {
    expect(problems({
      resolutions: [resolution({ id: "r1", council: "c14", session: "c14.kh5" as never, kind: "normative", field: "ngan-sach" })],
      documents: [document({ id: "d1", council: "c14", session: "c14.kh5" as never, reviewers: ["c14.ktns" as never], resolution: "r1" as never })]
    })).toEqual([])
  })

  it("locates every broken reference and date in Vietnamese and English", () => {
    const found = Validation.validateBatch(Dataset.empty, {
      ...structure,
      resolutions: [
        resolution({ id: "r1", council: "c14", session: "c116.kh5" as never, adoptedOn: d("2022-12-15") }),
        resolution({ id: "r2", council: "c14", session: "c14.kh5" as never, adoptedOn: d("2022-12-09") })
      ],
      documents: [
        document({ id: "d1", council: "c14", session: "c14.kh5" as never, submittedOn: d("2022-12-20") }),
        document({ id: "d2", council: "c14", reviewers: ["c14.pc" as never, "c14.pc" as never, "c116.pc" as never] }),
        document({ id: "d3", council: "c14", resolution: "nope" as never }),
        document({ id: "d4", council: "c14", session: "c14.cd11" as never, submittedOn: d("2023-04-01"), resolution: "r2" as never })
      ]
    }, Registry.builtin)
    expect(found.map((p) => `${p.id}.${p.field}: ${p.code}`).sort()).toEqual([
      "d1.submittedOn: after-session",
      "d2.reviewers[1]: duplicate-reviewer",
      "d2.reviewers[2]: organ-outside-council",
      "d3.resolution: unknown-reference",
      "d4.resolution: resolution-of-another-session",
      "r1.session: session-outside-council",
      "r2.adoptedOn: outside-session"
    ])
    for (const p of found) {
      expect(p.describe("vi").length).toBeGreaterThan(0)
      expect(p.describe("en")).not.toEqual(p.describe("vi"))
    }
  })

  it("re-checks stored documents when the batch moves the resolution they cite to another session", () => {
    const ds = Dataset.fromBatch({
      ...structure,
      resolutions: [resolution({ id: "r1", council: "c14", session: "c14.kh5" as never })],
      documents: [document({ id: "d1", council: "c14", session: "c14.kh5" as never, resolution: "r1" as never })]
    })
    const moved = Validation.validateBatch(ds, { resolutions: [resolution({ id: "r1", council: "c14", session: "c14.cd11" as never, adoptedOn: d("2023-04-18") })] }, Registry.builtin)
    expect(moved.map((p) => `${p.id}.${p.field}: ${p.code}`)).toEqual(["d1.resolution: resolution-of-another-session"])
  })
})

describe("council outputs: indicators", () => {
  it("counts sessions held by type, resolutions by kind and field, documents by type and by group of types", () => {
    const t = run({
      resolutions: [
        resolution({ id: "r1", council: "c14", session: "c14.kh5" as never, kind: "normative", field: "ngan-sach" }),
        resolution({ id: "r2", council: "c14", session: "c14.kh5" as never }),
        resolution({ id: "r3", council: "c14", session: "c14.cd11" as never, adoptedOn: d("2023-04-18") }),
        resolution({ id: "r4", council: "c116", adoptedOn: d("2023-09-01") })
      ],
      documents: [
        document({ id: "d1", council: "c14", type: "draft-resolution", reviewers: ["c14.ktns" as never, "c14.pc" as never] }),
        document({ id: "d2", council: "c14", type: "report", reviewers: ["c14.ktns" as never] }),
        document({ id: "d3", council: "c14", type: "scheme", reviewers: ["c14.vhxh" as never] }),
        document({ id: "d4", council: "c14", type: "submission" }),
        document({ id: "d5", council: "c116", type: "submission", reviewers: ["c116.pc" as never] })
      ]
    }, { indicators: Indicators.outputIndicators.map((i) => i.id) as never })
    const v = (id: string) => Tabulation.valueOf(t, id as never).value
    expect(v(o.sessionsHeld)).toBe(3)
    expect(v(o.sessionsHeldRegular)).toBe(2)
    expect(v(o.sessionsHeldSpecial)).toBe(1)
    expect(v(o.sessionsHeldThematic)).toBe(1)
    expect(v(o.resolutionsAdopted)).toBe(3) // r4 was adopted after the period
    expect(v(o.resolutionsAdoptedNormative)).toBe(1)
    expect(v(o.resolutionsAdoptedIndividual)).toBe(2)
    expect(v(o.documentsSubmitted)).toBe(5)
    expect(v(o.documentsReviewed)).toBe(4)
    expect(v(o.documentsReviewedDraftResolution)).toBe(1)
    expect(v(o.documentsReviewedReport)).toBe(1)
    expect(v(o.documentsReviewedScheme)).toBe(1)
    expect(v(o.documentsReviewedSubmission)).toBe(1)
    expect(v(o.documentsReviewedReportSchemeSubmission)).toBe(3)
  })

  it("a role condition (led by, took part) applies to activities only: on documents it matches nothing", () => {
    const byRole = new Indicator.Indicator({ ...Indicators.outputIndicators.find((i) => i.id === o.documentsSubmitted)!, id: "x/docs-led" as never, partOf: undefined, filter: { ledBy: ["c14.ktns" as never] } })
    const registry = Registry.extend({ indicators: [byRole] })
    const r = Tabulate.tabulate(Dataset.fromBatch({ ...structure, documents: [document({ id: "d1", council: "c14", type: "report", reviewers: ["c14.ktns" as never] })] }), registry, { scope, period: PERIOD, indicators: ["x/docs-led" as never] })
    expect(Result.isSuccess(r) && Tabulation.valueOf(r.success, "x/docs-led" as never).value).toBe(0)
  })

  it("scopes every source to sessions, whatever the records' dates", () => {
    const batch: Dataset.Batch = {
      activities: [],
      resolutions: [resolution({ id: "r1", council: "c14", session: "c14.cd11" as never, adoptedOn: d("2023-04-18") })],
      // submitted before the period, for a session inside it
      documents: [
        document({ id: "d1", council: "c14", session: "c14.cd11" as never, submittedOn: d("2022-07-20"), reviewers: ["c14.pc" as never] }),
        document({ id: "d2", council: "c14", session: "c14.kh5" as never, reviewers: ["c14.pc" as never] })
      ]
    }
    const indicators = [o.sessionsHeld, o.resolutionsAdopted, o.documentsReviewed] as never
    const byPeriod = run(batch, { indicators })
    expect(Tabulation.valueOf(byPeriod, o.documentsReviewed).value).toBe(1)
    const bySession = run(batch, { indicators, sessions: ["c14.cd11" as never], trace: true })
    expect(Tabulation.valueOf(bySession, o.sessionsHeld).value).toBe(1)
    expect(Tabulation.valueOf(bySession, o.resolutionsAdopted).value).toBe(1)
    expect(Tabulation.valueOf(bySession, o.documentsReviewed).value).toBe(1)
    expect([...bySession.cells.values()].find((c) => c.indicator === o.documentsReviewed)?.activities).toEqual(["d1"])
    const unknown = Tabulate.tabulate(Dataset.fromBatch({ ...structure, ...batch }), Registry.builtin, { scope, period: PERIOD, indicators, sessions: ["kh-none" as never] })
    expect(Result.isFailure(unknown) && unknown.failure.code).toBe("unknown-session")
  })

  it("groups documents by type, and by reviewer in the organ view", () => {
    const batch: Dataset.Batch = {
      documents: [
        document({ id: "d1", council: "c14", type: "draft-resolution", reviewers: ["c14.ktns" as never, "c14.pc" as never] }),
        document({ id: "d2", council: "c14", type: "report", reviewers: ["c14.ktns" as never] }),
        document({ id: "d3", council: "c14", type: "report" })
      ]
    }
    const byKind = run(batch, { indicators: [o.documentsSubmitted], groupBy: ["kind"] })
    expect(Tabulation.valueOf(byKind, o.documentsSubmitted, { kind: "report" }).value).toBe(2)
    expect(byKind.labels.get("report")?.vi).toBe("báo cáo")
    const byOrgan = run(batch, { indicators: [o.documentsSubmitted], groupBy: ["organ"] })
    expect(Tabulation.valueOf(byOrgan, o.documentsSubmitted, { organ: "c14.ktns" }).value).toBe(2)
    expect(Tabulation.valueOf(byOrgan, o.documentsSubmitted, { organ: "c14.pc" }).value).toBe(1)
    expect(Tabulation.valueOf(byOrgan, o.documentsSubmitted, { organ: "-" }).value).toBe(1)
  })
})

const sessionIds = sessions.map((s) => s.id)
const day = fc.integer({ min: 0, max: 500 }).map((n) => CalendarDate.addDays(d("2022-07-01"), n))
const arbOutputs = fc.record({
  resolutions: fc.array(fc.record({ council: fc.constantFrom("c14", "c116"), kind: fc.constantFrom("normative", "individual"), day, field: fc.option(fc.constantFrom("ngan-sach", "dat-dai"), { nil: undefined }), withSession: fc.boolean() }), { maxLength: 25 }),
  documents: fc.array(fc.record({ council: fc.constantFrom("c14", "c116"), type: fc.constantFrom(...CouncilDocument.documentTypes), day, session: fc.option(fc.constantFrom(...sessionIds), { nil: undefined }), reviewers: fc.subarray(organs.map((x) => x.id), { maxLength: 3 }) }), { maxLength: 25 })
}).map(({ resolutions, documents }): Dataset.Batch => ({
  resolutions: resolutions.map((r, i) => resolution({
    id: `r${i}`, council: r.council, kind: r.kind as never, ...(r.field === undefined ? {} : { field: r.field }),
    ...(r.withSession ? (() => { const s = sessions.find((x) => x.council === r.council)!; return { session: s.id, adoptedOn: s.dates.from } })() : { adoptedOn: r.day })
  })),
  documents: documents.map((x, i) => document({
    id: `d${i}`, council: x.council, type: x.type, submittedOn: x.day,
    ...(x.session === undefined ? {} : { session: x.session }),
    ...(x.reviewers.length === 0 ? {} : { reviewers: x.reviewers as never })
  }))
}))

describe("council outputs: counting laws", () => {
  const all = Indicators.outputIndicators.map((i) => i.id) as never
  const ds = (b: Dataset.Batch) => Dataset.fromBatch({ ...structure, ...b })
  const tab = (b: Dataset.Batch, r: Partial<TabulationRequest.TabulationRequest> = {}) =>
    Result.getOrThrow(Tabulate.tabulate(ds(b), Registry.builtin, { scope, period: PERIOD, indicators: all, ...r }))

  prop.prop([arbOutputs], { numRuns: 60 })("counts equal a direct count of the records in the period", (b) => {
    const t = tab(b)
    const inP = (day: string) => day >= PERIOD.from && day <= PERIOD.to
    expect(Tabulation.valueOf(t, o.resolutionsAdopted).value).toBe(b.resolutions!.filter((r) => inP(r.adoptedOn)).length)
    expect(Tabulation.valueOf(t, o.resolutionsAdoptedNormative).value).toBe(b.resolutions!.filter((r) => inP(r.adoptedOn) && r.kind === "normative").length)
    expect(Tabulation.valueOf(t, o.documentsSubmitted).value).toBe(b.documents!.filter((x) => inP(x.submittedOn)).length)
    expect(Tabulation.valueOf(t, o.documentsReviewedReportSchemeSubmission).value).toBe(
      b.documents!.filter((x) => inP(x.submittedOn) && x.reviewers !== undefined && ["report", "scheme", "submission"].includes(x.type)).length)
    // parts never exceed their whole
    for (const ind of Indicators.outputIndicators) {
      if (ind.partOf !== undefined) expect(Tabulation.valueOf(t, ind.id).value).toBeLessThanOrEqual(Tabulation.valueOf(t, ind.partOf).value)
    }
  })

  prop.prop([arbOutputs, fc.subarray(sessionIds, { minLength: 1 })], { numRuns: 60 })("a count scoped to sessions is the sum of the counts scoped to each", (b, chosen) => {
    const together = tab(b, { sessions: chosen as never })
    for (const id of [o.sessionsHeld, o.resolutionsAdopted, o.documentsSubmitted, o.documentsReviewed]) {
      const sum = chosen.reduce((n, s) => n + Tabulation.valueOf(tab(b, { sessions: [s] as never }), id).value, 0)
      expect(Tabulation.valueOf(together, id).value).toBe(sum)
    }
    expect(Tabulation.valueOf(together, o.sessionsHeld).value).toBe(chosen.length)
  })

  prop.prop([arbOutputs, fc.integer({ min: 0, max: 395 })], { numRuns: 60 })("splitting the period at any day adds up", (b, k) => {
    const cut = CalendarDate.addDays(PERIOD.from, k)
    const left = tab(b, { period: { from: PERIOD.from, to: cut } })
    const right = tab(b, { period: { from: CalendarDate.addDays(cut, 1), to: PERIOD.to } })
    const whole = tab(b)
    for (const id of all as ReadonlyArray<string>) {
      expect(Tabulation.valueOf(left, id as never).value + Tabulation.valueOf(right, id as never).value).toBe(Tabulation.valueOf(whole, id as never).value)
    }
  })
})

describe("council outputs: Promise client", () => {
  it("loads resolutions and documents as JSON and tabulates them by period and by session; a broken link rejects with a located ValidationError", async () => {
    const { Client } = await import("@hdnd/core")
    const client = await Client.HdndClient.open()
    try {
      const batch = Client.encodeBatch({
        ...structure,
        resolutions: [resolution({ id: "r1", council: "c14", session: "c14.cd11" as never, adoptedOn: d("2023-04-18"), kind: "normative" })],
        documents: [document({ id: "d1", council: "c14", session: "c14.cd11" as never, submittedOn: d("2022-07-20"), reviewers: ["c14.pc" as never], resolution: "r1" as never })]
      })
      await client.load(batch)
      const request = { indicators: [o.resolutionsAdoptedNormative, o.documentsReviewed], scope: { _tag: "Councils", councils: ["c14"] }, period: { from: "2023-01-01", to: "2023-12-31" } }
      const byPeriod = await client.tabulate(request)
      expect(Tabulation.valueOf(byPeriod, o.resolutionsAdoptedNormative).value).toBe(1)
      expect(Tabulation.valueOf(byPeriod, o.documentsReviewed).value).toBe(0)
      const bySession = await client.tabulate({ ...request, sessions: ["c14.cd11"] })
      expect(Tabulation.valueOf(bySession, o.documentsReviewed).value).toBe(1)
      const rejected = await client.load({ documents: [{ id: "d2", council: "c14", type: "report", submittedOn: "2023-01-01", title: "Báo cáo", resolution: "r-none" }] }).catch((e: unknown) => e)
      expect((rejected as { _tag: string })._tag).toBe("ValidationError")
      expect((rejected as { problems: ReadonlyArray<{ field: string; code: string }> }).problems.map((p) => `${p.field}: ${p.code}`)).toEqual(["resolution: unknown-reference"])
    } finally {
      await client.close()
    }
  })
})
