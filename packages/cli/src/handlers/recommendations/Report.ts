/**
 * `hdnd recommendations report`: the consolidated answer report of the recommendations raised in a
 * period, with their status as of a date, rendered by the same exporters as `hdnd report`.
 *
 * @since 0.1.0
 */
import { Dataset, Format, RecommendationReport, Report, ReportTemplate, Tabulate } from "@hdnd/core"
import type { CalendarDate, Errors, Exporter, Registry, ReportDocument, Store, Tabulation, TabulationRequest } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import type { Common } from "../../Context.js"
import { info, numberStyleOf, withReadStore } from "../../Context.js"
import type { UsageError } from "../../Failure.js"
import { emit, reportInputs, templateOf } from "../Report.js"
import { answerDocument } from "./AnswerDocument.js"
import { councilIds, namesOf, recordsOf } from "./Matters.js"

/**
 * Options of `hdnd recommendations report`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportOptions {
  /** `core/recommendation-answers` (the default), a template id of a plugin, or a `.json` template file. */
  readonly template?: string
  readonly from: string
  readonly to: string
  readonly asOf?: string
  readonly councils: ReadonlyArray<string>
  /** Voters' petitions too (by default only the recommendations and proposals of bodies). */
  readonly petitions: boolean
  readonly format: string
  readonly output?: string
  readonly number?: number
  readonly date?: string
  readonly title?: string
  /** `--number-style` of the counts of the report and its template (`pad=2,grouping=no`; since 0.2.0). */
  readonly numberStyle?: string
}

/**
 * The tabulations a template's placeholders need: from the store when it cites indicators (one more
 * per set of sessions its placeholders name), else an empty one over the period (for `{{period}}`).
 */
const tabulationFor = (
  registry: Registry.Registry,
  store: Store.StoreService,
  template: ReportTemplate.ReportTemplate,
  scope: TabulationRequest.Scope,
  p: CalendarDate.Period
): Effect.Effect<Report.ReportTabulations | Tabulation.Tabulation, Errors.TabulationError | Errors.StoreError | Errors.ReportError> =>
  ReportTemplate.indicatorsOf(template).length > 0
    ? Report.tabulate(store, template, scope, p)
    : Effect.fromResult(Tabulate.tabulate(Dataset.empty, registry, Report.requestFor(template, { _tag: "Councils", councils: [] }, p)))

/**
 * `hdnd recommendations report`: the consolidated answer report ("báo cáo tổng hợp tiếp thu, trao đổi,
 * giải đáp kiến nghị, đề xuất") of the recommendations raised in a period, as of a date, in any format
 * `hdnd report` writes.
 *
 * @since 0.1.0
 * @category commands
 */
export const report = (
  c: Common,
  o: ReportOptions
): Effect.Effect<void, UsageError | Errors.StoreError | Errors.TabulationError | Errors.ReportError | Exporter.ExportError> =>
  Effect.gen(function* () {
    const { formats, files, registry, p, asOf, date: issued } = yield* reportInputs(c, o)
    const numberStyle = yield* numberStyleOf(o.numberStyle)
    const ref = o.template ?? RecommendationReport.ANSWER_REPORT
    const template = ref === RecommendationReport.ANSWER_REPORT ? undefined : yield* templateOf(registry, ref)
    const { doc, count } = yield* withReadStore(c, (store) =>
      Effect.gen(function* () {
        const { ds, councils } = yield* councilIds(store, o.councils)
        const records = yield* recordsOf(store, councils)
        const options: RecommendationReport.AnswerReportOptions = {
          period: p,
          asOf,
          ...(councils === undefined ? {} : { councils }),
          organNames: namesOf(ds).organs,
          organCouncils: new Map([...ds.organs.values()].map((o) => [o.id as string, o.council as string])),
          includePetitions: o.petitions,
          ...(o.title === undefined ? {} : { title: o.title }),
          ...(o.number === undefined ? {} : { number: o.number }),
          ...(issued === undefined ? {} : { date: issued }),
          ...(numberStyle === undefined ? {} : { numberStyle })
        }
        let layout: { template: ReportTemplate.ReportTemplate; rendered: ReportDocument.ReportDocument } | undefined
        if (template !== undefined) {
          const scope: TabulationRequest.Scope = { _tag: "Councils", councils: councils ?? [...ds.councils.keys()] }
          const tab = yield* tabulationFor(registry, store, template, scope, p)
          const rendered = Report.render(template, tab, registry, {
            ...(o.number === undefined ? {} : { number: o.number }),
            ...(issued === undefined ? {} : { date: issued }),
            ...(numberStyle === undefined ? {} : { numberStyle })
          })
          if (Result.isFailure(rendered)) return yield* Effect.fail(rendered.failure)
          layout = { template, rendered: rendered.success }
        }
        const doc = answerDocument(records, options, layout)
        return { doc, count: doc.figures.find((f) => f.indicator === "core/recommendation.raised")?.value ?? 0 }
      })
    )
    yield* emit(c, formats, files, doc)
    if (count === 0) {
      yield* info(
        c,
        `Lưu ý: không có kiến nghị, đề xuất nào tiếp nhận trong kỳ ${Format.formatDateShort(p.from)} – ${Format.formatDateShort(p.to)}${o.petitions ? "" : " (ý kiến cử tri chỉ được tính với --petitions)"}`,
        `Note: no recommendation or proposal was raised from ${p.from} to ${p.to}${o.petitions ? "" : " (voters' petitions count only with --petitions)"}`
      )
    }
  })
