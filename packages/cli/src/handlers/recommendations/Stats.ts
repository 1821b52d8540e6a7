/**
 * `hdnd recommendations stats`: the built-in recommendation indicators (raised, answered, resolved,
 * overdue, resolution rate, median days to answer) as of a date, in total and by addressee, field,
 * level or origin.
 *
 * @since 0.1.0
 */
import { Format, Recommendation, RecommendationStats, Text } from "@hdnd/core"
import type { Errors } from "@hdnd/core"
import * as Effect from "effect/Effect"
import type { Common } from "../../Context.js"
import { info, optionalPeriod, parseOptionalDate, print, today, withReadStore } from "../../Context.js"
import { UsageError } from "../../Failure.js"
import type { Lang } from "../../Lang.js"
import { num, pick } from "../../Lang.js"
import type { TableFormat } from "../../Output.js"
import type { Names } from "./Matters.js"
import { councilIds, labelIn, namesOf, originName, recordsOf } from "./Matters.js"

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
    const { result, names } = yield* withReadStore(c, (store) =>
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
    // Without --by, the table's one row is the total: a label column says so.
    const totalOnly = o.by.length === 0 && tableFormat
    const header = [
      ...(totalOnly ? [pick(c.lang, "Phạm vi", "Scope")] : []),
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
    // Every row is labelled; the total once (without --by the only group is the total itself).
    const body = o.by.length === 0 ? [] : rows.map((r) => [...(tableFormat ? labelsOf(r) : o.by.map((d) => r.key[d] ?? "")), ...figures(r)])
    if (tableFormat) body.push([pick(c.lang, "Tổng cộng", "Total"), ...o.by.slice(1).map(() => ""), ...figures(result.total)])
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
      rows: (o.by.length === 0 ? [] : rows).map((r) => ({
        ...Object.fromEntries(o.by.map((d) => [d, r.key[d]])),
        ...(tableFormat ? {} : { labels: Object.fromEntries(o.by.map((d) => [d, keyLabel(names, d, r.key[d] ?? "", c.lang)])) }),
        ...plain(r)
      })),
      total: plain(result.total)
    }
    yield* print(o.format, header, body, json, new Set(ind.map((_, i) => (totalOnly ? 1 : o.by.length) + i)))
    yield* info(
      c,
      `Tính đến ngày ${Format.formatDateShort(asOf)}${p === undefined ? "" : `, các kiến nghị tiếp nhận ${Format.formatPeriod(p)}`}; kiến nghị gộp được tính một lần`,
      `As of ${asOf}${p === undefined ? "" : `, recommendations raised from ${p.from} to ${p.to}`}; merged recommendations count once`
    )
  })
