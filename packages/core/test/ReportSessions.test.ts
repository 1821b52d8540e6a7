/**
 * One figure scoped to sessions among figures of the whole period (`{{count x session=<id>}}`): the
 * requests a template needs, rendering over their tabulations, and the located errors for an
 * unknown, missing or untabulated session, on the in-memory store.
 */
import { Dataset, HdndClient, Indicators, MemoryStore, Registry, Report, ReportDocument, ReportTemplate, Store, Tabulate, Tabulation, TabulationRequest } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { definePlugin, Plugin } from "@hdnd/core"
import { document, PERIOD, resolution, structure } from "./utils/fixture.js"

const scope = TabulationRequest.subtree("u14" as never, structure.sessions![0]!.dates.from)

// Documents for the thematic session of April 2023 were submitted in July 2022, before the
// period; those for the December session inside it.
const batch: Dataset.Batch = {
  ...structure,
  resolutions: [resolution({ id: "r1", council: "c14", session: "c14.cd11" as never, adoptedOn: structure.sessions![1]!.dates.from })],
  documents: [
    document({ id: "d1", council: "c14", session: "c14.cd11" as never, submittedOn: "2022-07-20" as never, reviewers: ["c14.pc" as never] }),
    document({ id: "d2", council: "c14", session: "c14.cd11" as never, submittedOn: "2022-07-21" as never, type: "submission", reviewers: ["c14.ktns" as never] }),
    document({ id: "d3", council: "c14", session: "c14.kh5" as never, reviewers: ["c14.pc" as never] })
  ]
}

const template = (text: string) =>
  new ReportTemplate.ReportTemplate({
    id: "test/sessions" as never,
    vi: "Báo cáo theo kỳ họp",
    en: "Report by session",
    title: "Báo cáo {{period}}",
    groupBy: ["council"],
    sections: [{ blocks: [{ _tag: "Paragraph", text }] }]
  })

const PARAGRAPH =
  "Trong kỳ, các ban thẩm tra {{count core/documents-reviewed}}; riêng kỳ họp chuyên đề {{count core/documents-reviewed session=c14.cd11}} " +
  "({{number core/documents-reviewed.report session=c14.cd11}} báo cáo); hai kỳ họp {{number core/documents-reviewed session=c14.kh5|c14.cd11}}, " +
  "tức {{number core/documents-reviewed session=c14.cd11|c14.kh5 pad=2}}; nghị quyết kỳ chuyên đề {{number core/resolutions-adopted council=c14 session=c14.cd11}}."

const onMemory = <A, E>(f: (store: Store.StoreService) => Effect.Effect<A, E>) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* Store.Store
      yield* store.upsert(batch)
      return yield* Effect.result(f(store))
    }).pipe(Effect.provide(MemoryStore.layer()))
  )

const paragraphOf = (doc: ReportDocument.ReportDocument) => {
  const block = doc.sections[0]?.blocks[0]
  return block?._tag === "Paragraph" ? block.text : undefined
}

describe("Report: figures scoped to sessions", () => {
  it("requestsFor: one extra request per distinct set of sessions, with the indicators it names and the template's grouping", () => {
    const r = Report.requestsFor(template(PARAGRAPH), scope, PERIOD, true)
    expect(r.main.sessions).toBeUndefined()
    expect(r.bySessions.map((s) => [s.key, [...s.request.indicators].sort(), s.request.sessions, s.request.groupBy, s.request.trace])).toEqual([
      ["c14.cd11", [Indicators.outputIds.documentsReviewed, Indicators.outputIds.documentsReviewedReport, Indicators.outputIds.resolutionsAdopted].sort(), ["c14.cd11"], ["council"], true],
      ["c14.cd11|c14.kh5", [Indicators.outputIds.documentsReviewed], ["c14.cd11", "c14.kh5"], ["council"], true]
    ])
  })

  it("renders each figure over its own scope: the period's, one session's (documents dated before the period), a list of sessions", async () => {
    const got = await onMemory((store) => Report.tabulate(store, template(PARAGRAPH), scope, PERIOD))
    const doc = Result.getOrThrow(Report.render(template(PARAGRAPH), Result.getOrThrow(got), Registry.builtin))
    expect(paragraphOf(doc)).toBe(
      "Trong kỳ, các ban thẩm tra 1 văn bản; riêng kỳ họp chuyên đề 2 văn bản (1 báo cáo); hai kỳ họp 3, tức 03; nghị quyết kỳ chuyên đề 1."
    )
    // The same numbers as a request scoped to the session as a whole.
    const whole = Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(batch), Registry.builtin, { ...Report.requestFor(template(PARAGRAPH), scope, PERIOD), sessions: ["c14.cd11" as never] }))
    const figure = doc.figures.find((f) => f.placeholder === "count core/documents-reviewed session=c14.cd11")
    expect(figure?.value).toBe(Tabulation.valueOf(whole, Indicators.outputIds.documentsReviewed).value)
  })

  it("a placeholder's session= wins over the report's sessions", async () => {
    const text = "Trong kỳ {{number core/documents-reviewed}} và {{number core/documents-reviewed session=c14.cd11}}."
    const got = await onMemory((store) => Report.tabulate(store, template(text), scope, PERIOD, { sessions: ["c14.kh5" as never] }))
    const doc = Result.getOrThrow(Report.render(template(text), Result.getOrThrow(got), Registry.builtin))
    expect(paragraphOf(doc)).toBe("Trong kỳ 1 và 2.")
  })

  it("an unknown session is a ReportError naming the placeholder, its block and the id, in Vietnamese and English", async () => {
    const text = "Trong kỳ {{count core/documents-reviewed session=c14.cd11|kh-none}}."
    const got = await onMemory((store) => Report.tabulate(store, template(text), scope, PERIOD))
    if (Result.isSuccess(got)) throw new Error("an unknown session was accepted")
    const err = got.failure
    if (err._tag !== "ReportError") throw new Error(`expected a ReportError, got ${err._tag}`)
    expect(err.problems.map((p) => [p.code, p.field])).toEqual([["unknown-session", "sections[0].blocks[0]"]])
    expect(err.problems[0]!.vi).toContain("{{count core/documents-reviewed session=c14.cd11|kh-none}}")
    expect(err.problems[0]!.vi).toContain("không có kỳ họp kh-none")
    expect(err.problems[0]!.en).toContain("no session kh-none")
  })

  it("rendering over a lone tabulation, or with session= empty, says what is missing and where", () => {
    const tab = Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(batch), Registry.builtin, Report.requestFor(template(PARAGRAPH), scope, PERIOD)))
    const lone = Report.render(template(PARAGRAPH), tab, Registry.builtin)
    expect(Result.isFailure(lone) && [...new Set(lone.failure.problems.map((p) => p.code))]).toEqual(["session-not-tabulated"])
    const empty = Report.render(template("Trong kỳ {{count core/documents-reviewed session=}}."), tab, Registry.builtin)
    expect(Result.isFailure(empty) && empty.failure.problems.map((p) => [p.code, p.field])).toEqual([["placeholder-missing-session", "sections[0].blocks[0]"]])
    expect(Report.requestsFor(template("{{count core/documents-reviewed session=}}"), scope, PERIOD).bySessions).toEqual([])
  })

  it("the Promise client renders a template's session-scoped figures too (client.report)", async () => {
    const t = template(PARAGRAPH)
    const client = await HdndClient.open({ plugins: [definePlugin({ name: "test", version: "1.0.0", requires: `^${Plugin.CORE_VERSION}`, reportTemplates: [t] })] })
    try {
      await client.upsert(batch)
      const doc = await client.report("test/sessions", { scope, period: PERIOD })
      expect(paragraphOf(doc)).toBe(
        "Trong kỳ, các ban thẩm tra 1 văn bản; riêng kỳ họp chuyên đề 2 văn bản (1 báo cáo); hai kỳ họp 3, tức 03; nghị quyết kỳ chuyên đề 1."
      )
    } finally {
      await client.close()
    }
  })
})
