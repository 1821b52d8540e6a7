/**
 * Indicators of recommendations and petitions, as of a date: how many matters were raised, answered,
 * resolved, are overdue, the resolution rate and the median days to answer — in total and by
 * addressee, field, competent level, originating body, council or kind.
 *
 * Counts are of matters (merged duplicates count once), raised within the period asked (when given)
 * and on or before the as-of date; everything is computed from the records dated on or before the
 * as-of date, so a later record never changes an earlier answer.
 *
 * @since 0.1.0
 */
import type { CalendarDate, Period } from "./CalendarDate.js"
import type { Dataset } from "./Dataset.js"
import type { CouncilId } from "./Ids.js"
import type { RecommendationCount } from "./Indicator.js"
import { directionOf } from "./Recommendation.js"
import { NONE } from "./Tabulation.js"
import type { Builder } from "./TabulationBuilder.js"
import { emptyRowFacts } from "./TabulationBuilder.js"
import type { Matter, Records } from "./RecommendationStatus.js"
import { daysToAnswer, firstResponse, isOverdue, matters, raisedWithin, statusAsOf } from "./RecommendationStatus.js"

/**
 * The built-in indicators of recommendations, with their labels and counting nouns. The counts
 * (raised, answered, resolved, overdue) are also ordinary indicators of the registry
 * (`source: "recommendations"`), usable in any template and tabulation.
 *
 * @since 0.1.0
 * @category data
 */
export const indicators = [
  { id: "core/recommendation.raised", vi: "Kiến nghị đã tiếp nhận", en: "Recommendations raised", nounVi: "kiến nghị", nounEn: "recommendations" },
  { id: "core/recommendation.answered", vi: "Kiến nghị đã được trả lời", en: "Recommendations answered", nounVi: "kiến nghị", nounEn: "recommendations" },
  { id: "core/recommendation.resolved", vi: "Kiến nghị đã được giải quyết", en: "Recommendations resolved", nounVi: "kiến nghị", nounEn: "recommendations" },
  { id: "core/recommendation.overdue", vi: "Kiến nghị quá hạn trả lời", en: "Recommendations overdue", nounVi: "kiến nghị", nounEn: "recommendations" },
  { id: "core/recommendation.resolution-rate", vi: "Tỷ lệ kiến nghị đã giải quyết", en: "Resolution rate", nounVi: "%", nounEn: "%" },
  { id: "core/recommendation.median-days-to-answer", vi: "Số ngày trả lời (trung vị)", en: "Median days to answer", nounVi: "ngày", nounEn: "days" }
] as const

/**
 * The id of a built-in recommendation indicator.
 *
 * @since 0.1.0
 * @category models
 */
export type RecommendationIndicatorId = (typeof indicators)[number]["id"]

/**
 * What recommendation figures can be grouped by.
 *
 * @since 0.1.0
 * @category models
 */
export type Dimension = "addressee" | "addresseeKind" | "field" | "level" | "origin" | "council" | "kind"

/**
 * Every dimension, in a stable order.
 *
 * @since 0.1.0
 * @category data
 */
export const dimensions: ReadonlyArray<Dimension> = ["addressee", "addresseeKind", "field", "level", "origin", "council", "kind"]

/**
 * A request for recommendation figures.
 *
 * @since 0.1.0
 * @category models
 */
export interface StatsRequest {
  readonly asOf: CalendarDate
  /** Only matters raised within this period (default: every matter raised by `asOf`). */
  readonly period?: Period
  readonly groupBy?: ReadonlyArray<Dimension>
  /** Only matters of these councils (default: all). */
  readonly councils?: ReadonlyArray<CouncilId>
}

/**
 * The figures of one group (or of all matters).
 *
 * @since 0.1.0
 * @category models
 */
export interface Figures {
  readonly raised: number
  readonly answered: number
  readonly resolved: number
  readonly overdue: number
  /** resolved / raised, between 0 and 1; `undefined` when nothing was raised. */
  readonly resolutionRate: number | undefined
  /** The median of the days to the first response of the answered matters; `undefined` when none. */
  readonly medianDaysToAnswer: number | undefined
}

/**
 * One row: the values of the grouped dimensions and the figures.
 *
 * @since 0.1.0
 * @category models
 */
export interface StatsRow extends Figures {
  readonly key: Readonly<Partial<Record<Dimension, string>>>
}

/**
 * The figures of a request: one row per group, in order of their keys, and the total.
 *
 * @since 0.1.0
 * @category models
 */
export interface Stats {
  readonly request: StatsRequest
  readonly rows: ReadonlyArray<StatsRow>
  readonly total: Figures
}

/** The value of a dimension for a matter; voters' petitions without a raising organ have origin "voters". */
export const keyOf = (m: Matter, d: Dimension): string => {
  const r = m.root
  switch (d) {
    case "addressee":
      return r.addressee.name
    case "addresseeKind":
      return r.addressee.kind
    case "field":
      return r.field
    case "level":
      return r.level
    case "origin":
      return r.raisedBy ?? "voters"
    case "council":
      return r.council
    case "kind":
      return r.kind
  }
}

/**
 * The median of some numbers (the mean of the two middle ones for an even count).
 *
 * @since 0.1.0
 * @category utils
 */
export const median = (xs: ReadonlyArray<number>): number | undefined => {
  if (xs.length === 0) return undefined
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/**
 * The figures of some matters as of a date.
 *
 * @since 0.1.0
 * @category queries
 */
export const figuresOf = (ms: ReadonlyArray<Matter>, asOf: CalendarDate): Figures => {
  let answered = 0
  let resolved = 0
  let overdue = 0
  const days: Array<number> = []
  for (const m of ms) {
    if (firstResponse(m, asOf) !== undefined) answered++
    if (statusAsOf(m, asOf) === "resolved") resolved++
    if (isOverdue(m, asOf)) overdue++
    const d = daysToAnswer(m, asOf)
    if (d !== undefined) days.push(d)
  }
  return {
    raised: ms.length,
    answered,
    resolved,
    overdue,
    resolutionRate: ms.length === 0 ? undefined : resolved / ms.length,
    medianDaysToAnswer: median(days)
  }
}

/**
 * The matters a request counts: raised on or before `asOf` (and within `period`), of the councils asked.
 *
 * @since 0.1.0
 * @category queries
 */
export const selected = (records: Records, request: StatsRequest): ReadonlyArray<Matter> => {
  const councils = request.councils === undefined ? undefined : new Set<string>(request.councils)
  return [...matters(records).values()].filter(
    (m) =>
      m.root.raisedOn <= request.asOf &&
      (request.period === undefined || raisedWithin(m, request.period)) &&
      (councils === undefined || councils.has(m.root.council))
  )
}

/**
 * Computes the figures of a request.
 *
 * @since 0.1.0
 * @category queries
 */
export const summarise = (records: Records, request: StatsRequest): Stats => {
  const ms = selected(records, request)
  const groupBy = request.groupBy ?? []
  const groups = new Map<string, { key: Partial<Record<Dimension, string>>; ms: Array<Matter> }>()
  for (const m of ms) {
    const key: Partial<Record<Dimension, string>> = {}
    for (const d of groupBy) key[d] = keyOf(m, d)
    const k = JSON.stringify(groupBy.map((d) => key[d]))
    const g = groups.get(k) ?? { key, ms: [] }
    g.ms.push(m)
    groups.set(k, g)
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({ key: g.key, ...figuresOf(g.ms, request.asOf) }))
  return { request, rows, total: figuresOf(ms, request.asOf) }
}

/**
 * The value of a built-in recommendation indicator in some figures.
 *
 * @since 0.1.0
 * @category queries
 */
export const valueOf = (f: Figures, id: RecommendationIndicatorId): number | undefined => {
  switch (id) {
    case "core/recommendation.raised":
      return f.raised
    case "core/recommendation.answered":
      return f.answered
    case "core/recommendation.resolved":
      return f.resolved
    case "core/recommendation.overdue":
      return f.overdue
    case "core/recommendation.resolution-rate":
      return f.resolutionRate
    case "core/recommendation.median-days-to-answer":
      return f.medianDaysToAnswer
  }
}

/**
 * Whether a matter counts for a figure as of a date: every matter is `raised`; `answered` once a
 * response dated on or before it exists; `resolved` when evaluated so; `overdue` when past its
 * deadline without an answer.
 *
 * @since 0.2.0
 * @category queries
 */
export const hasFigure = (m: Matter, figure: RecommendationCount["figure"], asOf: CalendarDate): boolean => {
  switch (figure) {
    case "raised":
      return true
    case "answered":
      return firstResponse(m, asOf) !== undefined
    case "resolved":
      return statusAsOf(m, asOf) === "resolved"
    case "overdue":
      return isOverdue(m, asOf)
  }
}

/**
 * Counts the plan's indicators of `source: "recommendations"` into a tabulation being built, like
 * any other indicator: the matters (merged duplicates once) of the councils in scope raised within
 * the period, as they stand at the period's end. On the dimensions: council, unit and level of the
 * council; organ, organ kind and committee kind of the raising organ (none for voters' petitions);
 * month, quarter and year of the day raised; kind and session type are none. Both the in-memory
 * tabulator and the SQL store call it, so they agree.
 *
 * @since 0.2.0
 * @category tabulation
 */
export const tabulateInto = (
  builder: Builder,
  ds: Pick<Dataset, "recommendations" | "responses" | "evaluations" | "organs">
): void => {
  const plan = builder.plan
  const wanted = plan.indicators.flatMap((ind, i) => (ind.source === "recommendations" ? [[i, ind.recommendation ?? { figure: "raised" as const }] as const] : []))
  if (wanted.length === 0) return
  const records: Records = { recommendations: [...ds.recommendations.values()], responses: [...ds.responses.values()], evaluations: [...ds.evaluations.values()] }
  const asOf = plan.period.to
  const row = emptyRowFacts()
  for (const m of matters(records).values()) {
    const r = m.root
    const council = plan.councils.get(r.council)
    if (council === undefined || !raisedWithin(m, plan.period)) continue
    const organ = r.raisedBy === undefined ? undefined : ds.organs.get(r.raisedBy)
    row.council = r.council
    row.kind = NONE
    row.ownerKind = organ?.kind
    row.sessionType = undefined
    row.day = r.raisedOn
    row.organ = organ?.id
    row.organKind = organ?.kind
    row.committeeKind = organ === undefined ? undefined : (organ.committeeKind ?? NONE)
    const direction = directionOf(r, asOf, (id) => ds.organs.get(id)?.council)
    for (const [i, count] of wanted) {
      if (count.directions !== undefined && !count.directions.includes(direction)) continue
      if (count.kinds !== undefined && !count.kinds.includes(r.kind)) continue
      if (!hasFigure(m, count.figure, asOf)) continue
      builder.addCouncilItems(i, council, 1)
      builder.addItems(i, builder.keyOf(row, council), 1)
    }
  }
}
