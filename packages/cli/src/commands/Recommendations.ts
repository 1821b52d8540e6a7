/**
 * `hdnd recommendations list`, `stats` and `report`: the recommendations, proposals and voters'
 * petitions in the store (kiến nghị, đề xuất; ý kiến, kiến nghị của cử tri), one row per matter
 * (merged petitions counted once, their sources listed), as of a date; the built-in recommendation
 * indicators by addressee, field, level or origin; and the consolidated answer report, rendered by the
 * same exporters as `hdnd report`.
 *
 * Everything is computed from the records dated on or before `--as-of`: a response dated after it
 * does not count, so a report re-run later for the same date gives the same answer.
 *
 * @since 0.1.0
 */
import { Dataset, Format, Recommendation, RecommendationReport, RecommendationStats, RecommendationStatus, Report, ReportTemplate, Store, Tabulate, Text } from "@hdnd/core"
import type { CalendarDate, Errors, Exporter, Ids, Registry, ReportDocument, TabulationRequest } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Common } from "../Context.js"
import { collect, findCouncils, info, optionalPeriod, out, parseOptionalDate, period, registryOf, today, withStore } from "../Context.js"
import { UsageError } from "../Failure.js"
import type { Lang } from "../Lang.js"
import { num, pick } from "../Lang.js"
import { csv, table } from "../Output.js"
import { emit, formatsOf, targets, templateOf } from "./Report.js"

/**
 * Output formats of listings and figures.
 *
 * @since 0.1.0
 * @category models
 */
export type TableFormat = "table" | "json" | "csv"

/**
 * Names to show instead of ids: organs and councils, from the stored structure.
 *
 * @since 0.1.0
 * @category models
 */
export interface Names {
  readonly organs: ReadonlyMap<string, string>
  readonly councils: ReadonlyMap<string, string>
}

/**
 * The names of a dataset's organs and councils.
 *
 * @since 0.1.0
 * @category constructors
 */
export const namesOf = (ds: Dataset.Dataset): Names => ({
  organs: new Map([...ds.organs.values()].map((o) => [o.id as string, o.name])),
  councils: new Map([...ds.councils.values()].map((c) => [c.id as string, c.name]))
})

/**
 * The name of a matter's origin: the raising organ, or the voters for a petition.
 *
 * @since 0.1.0
 * @category formatting
 */
export const originName = (names: Names, origin: string, lang: Lang): string => (origin === "voters" ? pick(lang, "Cử tri", "Voters") : names.organs.get(origin) ?? origin)

/**
 * The recommendations, responses and evaluations in the store, of some councils (all when none are
 * given). Responses and evaluations are read whole: `RecommendationStatus.matters` keeps those of the
 * recommendations read, and the as-of date is applied by core.
 *
 * @since 0.1.0
 * @category store
 */
export const recordsOf = (store: Store.StoreService, councils?: ReadonlyArray<Ids.CouncilId>): Effect.Effect<RecommendationStatus.Records, Errors.StoreError> =>
  Effect.all({
    recommendations: collect(store.stream("recommendations", councils === undefined ? {} : { councils })),
    responses: collect(store.stream("responses")),
    evaluations: collect(store.stream("evaluations"))
  })

/**
 * The filters of `hdnd recommendations list`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ListFilter {
  readonly asOf: CalendarDate.CalendarDate
  /** Only matters raised within this period. */
  readonly period?: CalendarDate.Period
  readonly statuses?: ReadonlyArray<RecommendationStatus.Status>
  readonly addresseeKinds?: ReadonlyArray<Recommendation.AddresseeKind>
  /** Fields, matched without case or diacritics. */
  readonly fields?: ReadonlyArray<string>
  /** Only the matters overdue on `asOf`. */
  readonly overdue?: boolean
}

/**
 * One matter as listed: the record that stands for it, its status, deadline, answer and sources.
 *
 * @since 0.1.0
 * @category models
 */
export interface MatterRow {
  readonly id: string
  readonly council: string
  readonly kind: Recommendation.RecommendationKind
  readonly raisedOn: CalendarDate.CalendarDate
  /** The raising organ's id, or "voters". */
  readonly origin: string
  readonly content: string
  readonly field: string
  readonly level: Recommendation.CompetentLevel
  readonly addresseeKind: Recommendation.AddresseeKind
  readonly addressee: string
  readonly forwardedOn?: CalendarDate.CalendarDate
  readonly deadline?: CalendarDate.CalendarDate
  readonly status: RecommendationStatus.Status
  readonly overdue: boolean
  /** Days from forwarding (or raising) to the first response dated on or before `asOf`. */
  readonly daysToAnswer?: number
  /** The first response dated on or before `asOf`. */
  readonly answer?: { readonly id: string; readonly date: CalendarDate.CalendarDate; readonly responder: string; readonly document?: string }
  /** Every record of the matter (the root first): merged petitions are listed here, not counted again. */
  readonly sources: ReadonlyArray<{ readonly id: string; readonly raisedOn: CalendarDate.CalendarDate; readonly raisedBy?: string; readonly source?: string }>
}

/**
 * The matters raised on or before `asOf` that pass the filters, oldest first.
 *
 * @since 0.1.0
 * @category queries
 */
export const listMatters = (records: RecommendationStatus.Records, f: ListFilter): ReadonlyArray<MatterRow> => {
  const fields = f.fields === undefined || f.fields.length === 0 ? undefined : new Set(f.fields.map(Text.matchKey))
  const rows: Array<MatterRow> = []
  for (const m of RecommendationStatus.matters(records).values()) {
    const r = m.root
    if (r.raisedOn > f.asOf) continue
    if (f.period !== undefined && !RecommendationStatus.raisedWithin(m, f.period)) continue
    const status = RecommendationStatus.statusAsOf(m, f.asOf) ?? "raised"
    const overdue = RecommendationStatus.isOverdue(m, f.asOf)
    if (f.statuses !== undefined && f.statuses.length > 0 && !f.statuses.includes(status)) continue
    if (f.addresseeKinds !== undefined && f.addresseeKinds.length > 0 && !f.addresseeKinds.includes(r.addressee.kind)) continue
    if (fields !== undefined && !fields.has(Text.matchKey(r.field))) continue
    if (f.overdue === true && !overdue) continue
    const first = RecommendationStatus.firstResponse(m, f.asOf)
    const days = RecommendationStatus.daysToAnswer(m, f.asOf)
    rows.push({
      id: r.id,
      council: r.council,
      kind: r.kind,
      raisedOn: r.raisedOn,
      origin: r.raisedBy ?? "voters",
      content: r.content,
      field: r.field,
      level: r.level,
      addresseeKind: r.addressee.kind,
      addressee: r.addressee.name,
      ...(r.forwardedOn === undefined ? {} : { forwardedOn: r.forwardedOn }),
      ...(r.deadline === undefined ? {} : { deadline: r.deadline }),
      status,
      overdue,
      ...(days === undefined ? {} : { daysToAnswer: days }),
      ...(first === undefined
        ? {}
        : { answer: { id: first.id, date: first.date, responder: first.responder, ...(first.document === undefined ? {} : { document: first.document }) } }),
      sources: m.sources.map((s) => ({
        id: s.id,
        raisedOn: s.raisedOn,
        ...(s.raisedBy === undefined ? {} : { raisedBy: s.raisedBy }),
        ...(s.source === undefined ? {} : { source: s.source })
      }))
    })
  }
  return rows.sort((a, b) => (a.raisedOn < b.raisedOn ? -1 : a.raisedOn > b.raisedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

const date = (lang: Lang, d: CalendarDate.CalendarDate | undefined, format: TableFormat): string =>
  d === undefined ? "" : format === "table" && lang === "vi" ? Format.formatDateShort(d) : d

const shorten = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`)

/** The label of a pair of Vietnamese and English texts in a language. */
const labelIn = (lang: Lang, l: readonly [string, string] | undefined, fallback: string): string => (l === undefined ? fallback : pick(lang, l[0], l[1]))

const statusLabel = (lang: Lang, s: RecommendationStatus.Status): string => labelIn(lang, Recommendation.labels.status[s], s)

const print = (format: TableFormat, header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>, json: unknown, numeric?: ReadonlySet<number>) =>
  out(format === "json" ? JSON.stringify(json, null, 2) : format === "csv" ? csv(header, rows) : table(header, rows, numeric))

/**
 * Options of `hdnd recommendations list`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ListOptions {
  readonly councils: ReadonlyArray<string>
  readonly asOf?: string
  readonly from?: string
  readonly to?: string
  readonly statuses: ReadonlyArray<RecommendationStatus.Status>
  readonly addresseeKinds: ReadonlyArray<Recommendation.AddresseeKind>
  readonly fields: ReadonlyArray<string>
  readonly overdue: boolean
  readonly format: TableFormat
}

/** The councils of `--council`, by id (undefined for every council). */
const councilIds = (store: Store.StoreService, texts: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const ds = yield* Store.structure(store)
    const councils = texts.length === 0 ? undefined : (yield* findCouncils(ds, texts)).map((c) => c.id)
    return { ds, councils }
  })

/**
 * `hdnd recommendations list`: one row per matter with its status as of a date.
 *
 * @since 0.1.0
 * @category commands
 */
export const list = (c: Common, o: ListOptions): Effect.Effect<void, UsageError | Errors.StoreError> =>
  Effect.gen(function* () {
    const asOf = (yield* parseOptionalDate("as-of", o.asOf)) ?? today()
    const p = yield* optionalPeriod(o.from, o.to)
    const { rows, names, recordCount } = yield* withStore(c, (store) =>
      Effect.gen(function* () {
        const { ds, councils } = yield* councilIds(store, o.councils)
        const records = yield* recordsOf(store, councils)
        const rows = listMatters(records, {
          asOf,
          ...(p === undefined ? {} : { period: p }),
          statuses: o.statuses,
          addresseeKinds: o.addresseeKinds,
          fields: o.fields,
          overdue: o.overdue
        })
        return { rows, names: namesOf(ds), recordCount: records.recommendations.length }
      })
    )
    const t = (vi: string, en: string) => pick(c.lang, vi, en)
    const header = [
      t("Mã", "Id"),
      t("Ngày tiếp nhận", "Raised"),
      t("Cơ quan nêu", "Raised by"),
      t("Lĩnh vực", "Field"),
      t("Nội dung", "Content"),
      t("Cơ quan nhận", "Addressee"),
      t("Hạn trả lời", "Deadline"),
      t("Tình trạng", "Status"),
      t("Số ngày trả lời", "Days to answer"),
      t("Quá hạn", "Overdue"),
      t("Nguồn", "Sources")
    ]
    const table = o.format === "table"
    const body = rows.map((r) => [
      r.id,
      date(c.lang, r.raisedOn, o.format),
      table ? originName(names, r.origin, c.lang) : r.origin,
      r.field,
      table ? shorten(r.content, 60) : r.content,
      r.addressee,
      date(c.lang, r.deadline, o.format),
      table ? statusLabel(c.lang, r.status) : r.status,
      r.daysToAnswer === undefined ? "" : String(r.daysToAnswer),
      r.overdue ? (table ? t("quá hạn", "overdue") : "true") : table ? "" : "false",
      r.sources.map((s) => s.id).join("; ")
    ])
    const json = rows.map((r) => ({ ...r, originName: originName(names, r.origin, c.lang), statusLabel: statusLabel(c.lang, r.status) }))
    yield* print(o.format, header, body, json, new Set([8]))
    const sources = rows.reduce((n, r) => n + r.sources.length, 0)
    yield* info(
      c,
      `${num(c.lang, rows.length)} vụ việc (${num(c.lang, sources)} kiến nghị, kể cả kiến nghị đã gộp) tính đến ngày ${Format.formatDateShort(asOf)}${recordCount === 0 ? "; cơ sở dữ liệu chưa có kiến nghị nào (nhập bằng hdnd import kien-nghi.csv tra-loi.csv danh-gia.csv)" : ""}`,
      `${num(c.lang, rows.length)} matters (${num(c.lang, sources)} records, merged ones included) as of ${asOf}${recordCount === 0 ? "; the database holds no recommendation yet (import them with hdnd import kien-nghi.csv tra-loi.csv danh-gia.csv)" : ""}`
    )
  })

/**
 * Options of `hdnd recommendations stats`.
 *
 * @since 0.1.0
 * @category models
 */
export interface StatsOptions {
  readonly councils: ReadonlyArray<string>
  readonly asOf?: string
  readonly from?: string
  readonly to?: string
  readonly by: ReadonlyArray<RecommendationStats.Dimension>
  readonly format: TableFormat
}

const DIMENSION_NAMES: Readonly<Record<RecommendationStats.Dimension, readonly [string, string]>> = {
  addressee: ["Cơ quan nhận", "Addressee"],
  addresseeKind: ["Loại cơ quan nhận", "Addressee kind"],
  field: ["Lĩnh vực", "Field"],
  level: ["Cấp có thẩm quyền", "Competent level"],
  origin: ["Cơ quan nêu", "Raised by"],
  council: ["HĐND", "Council"],
  kind: ["Loại", "Kind"]
}

/**
 * The label of a grouping value: a council's or organ's name, the label of a kind, level or addressee
 * kind, or the value itself (an addressee, a field).
 *
 * @since 0.1.0
 * @category formatting
 */
export const keyLabel = (names: Names, d: RecommendationStats.Dimension, value: string, lang: Lang): string => {
  switch (d) {
    case "addresseeKind":
      return labelIn(lang, Recommendation.labels.addressee[value as Recommendation.AddresseeKind], value)
    case "level":
      return labelIn(lang, Recommendation.labels.level[value as Recommendation.CompetentLevel], value)
    case "kind":
      return labelIn(lang, Recommendation.labels.kind[value as Recommendation.RecommendationKind], value)
    case "origin":
      return originName(names, value, lang)
    case "council":
      return names.councils.get(value) ?? value
    default:
      return value
  }
}

/** Dimensions whose values have a declared order. */
const ORDERED: Partial<Record<RecommendationStats.Dimension, ReadonlyArray<string>>> = {
  level: Object.keys(Recommendation.labels.level),
  kind: Object.keys(Recommendation.labels.kind),
  addresseeKind: Object.keys(Recommendation.labels.addressee)
}

const percent = (lang: Lang, ratio: number | undefined): string =>
  ratio === undefined ? "" : lang === "vi" ? Format.formatPercent(ratio, 1) : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`

const days = (lang: Lang, n: number | undefined): string =>
  n === undefined ? "" : lang === "vi" ? Format.formatNumber(n) : n.toLocaleString("en-US", { maximumFractionDigits: 1 })

/**
 * `hdnd recommendations stats`: the built-in recommendation indicators as of a date, in total and by
 * the dimensions asked.
 *
 * @since 0.1.0
 * @category commands
 */
export const stats = (c: Common, o: StatsOptions): Effect.Effect<void, UsageError | Errors.StoreError> =>
  Effect.gen(function* () {
    const asOf = (yield* parseOptionalDate("as-of", o.asOf)) ?? today()
    const p = yield* optionalPeriod(o.from, o.to)
    if (p !== undefined && p.from > asOf) {
      return yield* Effect.fail(
        new UsageError({ vi: `--from (${p.from}) sau --as-of (${asOf}): chưa có kiến nghị nào được tính`, en: `--from (${p.from}) is after --as-of (${asOf}): nothing can be counted` })
      )
    }
    const { result, names } = yield* withStore(c, (store) =>
      Effect.gen(function* () {
        const { ds, councils } = yield* councilIds(store, o.councils)
        const records = yield* recordsOf(store, councils)
        const result = RecommendationStats.summarise(records, { asOf, ...(p === undefined ? {} : { period: p }), groupBy: o.by, ...(councils === undefined ? {} : { councils }) })
        return { result, names: namesOf(ds) }
      })
    )
    const ind = RecommendationStats.indicators
    const label = (i: (typeof ind)[number]) => pick(c.lang, i.vi, i.en)
    const tableFormat = o.format === "table"
    const header = [
      ...o.by.map((d) => (tableFormat ? pick(c.lang, ...DIMENSION_NAMES[d]) : d)),
      ...ind.map((i) => (tableFormat ? label(i) : i.id))
    ]
    const figures = (f: RecommendationStats.Figures): ReadonlyArray<string> =>
      tableFormat
        ? [num(c.lang, f.raised), num(c.lang, f.answered), num(c.lang, f.resolved), num(c.lang, f.overdue), percent(c.lang, f.resolutionRate), days(c.lang, f.medianDaysToAnswer)]
        : [f.raised, f.answered, f.resolved, f.overdue, f.resolutionRate, f.medianDaysToAnswer].map((v) => (v === undefined ? "" : String(v)))
    // Groups in a reading order, whatever the format: levels, kinds and addressee kinds in their
    // declared order (central before province …), names and fields by their labels.
    const labelsOf = (r: RecommendationStats.StatsRow) => o.by.map((d) => keyLabel(names, d, r.key[d] ?? "", c.lang))
    const rows = [...result.rows].sort((a, b) => {
      const la = labelsOf(a)
      const lb = labelsOf(b)
      for (const [i, d] of o.by.entries()) {
        const order = ORDERED[d]
        const byRank = order === undefined ? 0 : order.indexOf(a.key[d] ?? "") - order.indexOf(b.key[d] ?? "")
        const diff = byRank !== 0 ? byRank : Text.compareVi(la[i]!, lb[i]!)
        if (diff !== 0) return diff
      }
      return 0
    })
    const body = rows.map((r) => [...(tableFormat ? labelsOf(r) : o.by.map((d) => r.key[d] ?? "")), ...figures(r)])
    if (o.by.length > 0 && tableFormat) body.push([pick(c.lang, "Tổng cộng", "Total"), ...o.by.slice(1).map(() => ""), ...figures(result.total)])
    else if (o.by.length === 0) body.push([...figures(result.total)])
    const plain = (f: RecommendationStats.Figures) => ({
      raised: f.raised,
      answered: f.answered,
      resolved: f.resolved,
      overdue: f.overdue,
      resolutionRate: f.resolutionRate ?? null,
      medianDaysToAnswer: f.medianDaysToAnswer ?? null
    })
    const json = {
      asOf,
      ...(p === undefined ? {} : { period: p }),
      groupBy: o.by,
      indicators: ind.map((i) => ({ id: i.id, vi: i.vi, en: i.en, nounVi: i.nounVi, nounEn: i.nounEn })),
      rows: rows.map((r) => ({
        ...Object.fromEntries(o.by.map((d) => [d, r.key[d]])),
        ...(tableFormat ? {} : { labels: Object.fromEntries(o.by.map((d) => [d, keyLabel(names, d, r.key[d] ?? "", c.lang)])) }),
        ...plain(r)
      })),
      total: plain(result.total)
    }
    yield* print(o.format, header, body, json, new Set(ind.map((_, i) => o.by.length + i)))
    yield* info(
      c,
      `Tính đến ngày ${Format.formatDateShort(asOf)}${p === undefined ? "" : `, các kiến nghị tiếp nhận ${Format.formatPeriod(p)}`}; kiến nghị gộp được tính một lần`,
      `As of ${asOf}${p === undefined ? "" : `, recommendations raised from ${p.from} to ${p.to}`}; merged recommendations count once`
    )
  })

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
}

/**
 * The answer report's sections placed in a template's: at the template's first section that has no
 * blocks (its heading, if any, heads the answers, which become numbered sub-headings), or after the
 * template's sections when none is empty.
 *
 * @since 0.1.0
 * @category rendering
 */
export const placeAnswers = (
  templateSections: ReportDocument.ReportDocument["sections"],
  answerSections: ReportDocument.ReportDocument["sections"]
): ReportDocument.ReportDocument["sections"] => {
  const slot = templateSections.findIndex((s) => s.blocks.length === 0)
  if (slot < 0) return [...templateSections, ...answerSections]
  const heading = templateSections[slot]!.heading
  const placed =
    heading === undefined
      ? answerSections
      : [
          {
            heading,
            blocks: answerSections.flatMap((s, i): ReadonlyArray<ReportDocument.DocBlock> => [
              ...(s.heading === undefined ? [] : [{ _tag: "Heading" as const, level: 2 as const, text: `${i + 1}. ${s.heading}` }]),
              ...s.blocks
            ])
          }
        ]
  return [...templateSections.slice(0, slot), ...placed, ...templateSections.slice(slot + 1)]
}

/**
 * The consolidated answer report of some records as of a date, in the layout of a template (its title,
 * official frame and sections, with the answers placed by {@link placeAnswers}), or core's own layout
 * without one. The template's placeholders are filled from `tab` (its indicators tabulated over the
 * period: a template may cite activity figures too).
 *
 * @since 0.1.0
 * @category rendering
 */
export const answerDocument = (
  records: RecommendationStatus.Records,
  options: RecommendationReport.AnswerReportOptions,
  layout?: { readonly template: ReportTemplate.ReportTemplate; readonly rendered: ReportDocument.ReportDocument }
): ReportDocument.ReportDocument => {
  if (layout === undefined) return RecommendationReport.answerReport(records, options)
  const { template, rendered } = layout
  const doc = RecommendationReport.answerReport(records, { ...options, ...(template.frame === undefined ? {} : { frame: template.frame }) })
  return {
    ...doc,
    template: template.id,
    title: options.title ?? rendered.title,
    ...(rendered.header === undefined ? {} : { header: rendered.header }),
    sections: placeAnswers(rendered.sections, doc.sections),
    figures: [...rendered.figures, ...doc.figures]
  }
}

/**
 * The tabulation a template's placeholders need: from the store when it cites indicators, else an
 * empty one over the period (for `{{period}}`).
 */
const tabulationFor = (registry: Registry.Registry, store: Store.StoreService, template: ReportTemplate.ReportTemplate, scope: TabulationRequest.Scope, p: CalendarDate.Period) =>
  ReportTemplate.indicatorsOf(template).length > 0
    ? store.tabulate(Report.requestFor(template, scope, p))
    : Effect.mapError(Tabulate.tabulate(Dataset.empty, registry, Report.requestFor(template, { _tag: "Councils", councils: [] }, p)), (e) => e as Errors.TabulationError)

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
    const formats = yield* formatsOf(c, o.format)
    const files = yield* targets(formats, o.output)
    const registry = yield* registryOf(c)
    const ref = o.template ?? RecommendationReport.ANSWER_REPORT
    const template = ref === RecommendationReport.ANSWER_REPORT ? undefined : yield* templateOf(registry, ref)
    const p = yield* period(o.from, o.to)
    const asOf = (yield* parseOptionalDate("as-of", o.asOf)) ?? p.to
    const issued = yield* parseOptionalDate("date", o.date)
    const { doc, count } = yield* withStore(c, (store) =>
      Effect.gen(function* () {
        const { ds, councils } = yield* councilIds(store, o.councils)
        const records = yield* recordsOf(store, councils)
        const options: RecommendationReport.AnswerReportOptions = {
          period: p,
          asOf,
          ...(councils === undefined ? {} : { councils }),
          organNames: namesOf(ds).organs,
          includePetitions: o.petitions,
          ...(o.title === undefined ? {} : { title: o.title }),
          ...(o.number === undefined ? {} : { number: o.number }),
          ...(issued === undefined ? {} : { date: issued })
        }
        let layout: { template: ReportTemplate.ReportTemplate; rendered: ReportDocument.ReportDocument } | undefined
        if (template !== undefined) {
          const scope: TabulationRequest.Scope = { _tag: "Councils", councils: councils ?? [...ds.councils.keys()] }
          const tab = yield* tabulationFor(registry, store, template, scope, p)
          const rendered = Report.render(template, tab, registry, { ...(o.number === undefined ? {} : { number: o.number }), ...(issued === undefined ? {} : { date: issued }) })
          if (Either.isLeft(rendered)) return yield* Effect.fail(rendered.left)
          layout = { template, rendered: rendered.right }
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
