/**
 * Tabulations: the result of counting indicators over a scope, a period and grouping dimensions.
 *
 * Tabulations form a commutative monoid (`empty`, `combine`): counting two disjoint record sets and
 * combining equals counting their union. Cells keep what the laws need: item counts, the set of
 * sessions served and the set of distinct attribute values (so distinct counts combine by union, never
 * by adding), the sum of a summed attribute, the tallies with the body that reported them, and which
 * bodies have itemised records (so an item/tally conflict is found whichever side of a combine it
 * came from). Values are derived from that state when read.
 *
 * @since 0.1.0
 */
import type { Period } from "./CalendarDate.js"
import { hull } from "./CalendarDate.js"
import { TabulationError } from "./Errors.js"
import type { ActivityId, IndicatorId, TallyId } from "./Ids.js"
import type { Measure } from "./Indicator.js"
import type { Qualifier } from "./Tally.js"
import { DimensionSchema } from "./TabulationRequest.js"
import { combineQualifiers, combineWordings } from "./Tally.js"

/**
 * A grouping dimension.
 *
 * - `council`, `unit`, `level`: the council that did the work, its unit, and the unit's level.
 * - `organ`, `organKind`, `committeeKind`: per organiser (joint work counts once per organiser).
 * - `ownerKind`: the kind of organ on whose behalf the work was done.
 * - `kind`: the activity kind; `sessionType`: of the session served.
 * - `month` (`YYYY-MM`), `quarter` (`YYYY-Qn`), `year`: of the activity's first day.
 * - `role` (since 0.2.0): `led` (chủ trì) or `took-part` (tham gia). Grouping by it adds each
 *   activity's participants to the per-organ view beside its organisers; without it the per-organ
 *   view counts organisers only, as before.
 *
 * @since 0.1.0
 * @category models
 */
export type Dimension = typeof DimensionSchema.Type

/**
 * Every dimension, in a stable order.
 *
 * @since 0.1.0
 * @category models
 */
export const dimensions: ReadonlyArray<Dimension> = DimensionSchema.literals

/**
 * Dimensions that switch a tabulation to the per-organiser view.
 *
 * @since 0.1.0
 * @category models
 */
export const organDimensions: ReadonlySet<Dimension> = new Set(["organ", "organKind", "committeeKind", "role"])

/**
 * The value a dimension takes when a record cannot be placed on it (a tally reported for a whole
 * year, grouped by month; a council-wide tally grouped by organ).
 *
 * @since 0.1.0
 * @category models
 */
export const UNAPPORTIONED = "*"

/**
 * The value a dimension takes when the record has none (an activity that served no session).
 *
 * @since 0.1.0
 * @category models
 */
export const NONE = "-"

/**
 * `council`: each activity counts once (council totals). `organ`: each activity counts once per
 * organiser, so joint work appears under every organiser.
 *
 * @since 0.1.0
 * @category models
 */
export type View = "council" | "organ"

/**
 * A reported number inside a cell, with the body it is checked against for conflicts
 * (`council:<id>`: the council whose work it counts, whether the council or one of its organs
 * reported it).
 *
 * @since 0.1.0
 * @category models
 */
export interface TallyPart {
  readonly id: TallyId
  readonly body: string
  readonly value: number
  readonly qualifier: Qualifier
  /** The qualifier word as entered ("trên"), when the tally kept it. @since 0.2.0 */
  readonly wording?: string
}

/**
 * One cell: an indicator at one combination of dimension values.
 *
 * @since 0.1.0
 * @category models
 */
export interface Cell {
  readonly indicator: IndicatorId
  /** Dimension values, in the order of the tabulation's `dimensions`. */
  readonly key: ReadonlyArray<string>
  /** Matching itemised activities. */
  readonly items: number
  /** Distinct sessions served (only for `distinct-sessions` indicators). */
  readonly sessions: ReadonlySet<string>
  /** The sum of the measured attribute (only for `sum` indicators; 0 otherwise). Since 0.2.0. */
  readonly sum: number
  /**
   * The distinct values of the measured attribute, as compared (NFC, trimmed; only for `distinct`
   * indicators). Since 0.2.0.
   */
  readonly values: ReadonlySet<string>
  readonly tallies: ReadonlyArray<TallyPart>
  /** The activities counted, when the tabulation was traced. */
  readonly activities: ReadonlyArray<ActivityId>
}

/**
 * The shape of a tabulation: which indicators (with their measures) and which dimensions.
 *
 * @since 0.1.0
 * @category models
 */
export interface Shape {
  readonly indicators: ReadonlyMap<IndicatorId, Measure>
  readonly dimensions: ReadonlyArray<Dimension>
  readonly traced: boolean
}

/**
 * A tabulation.
 *
 * @since 0.1.0
 * @category models
 */
export interface Tabulation extends Shape {
  readonly view: View
  /** The period counted (the hull of the periods of combined tabulations). */
  readonly period: Period | undefined
  readonly cells: ReadonlyMap<string, Cell>
  /** Per indicator, the bodies with itemised records and how many. */
  readonly itemBodies: ReadonlyMap<IndicatorId, ReadonlyMap<string, number>>
  /** Tallies whose period only partly overlaps the period counted: they cannot be apportioned. */
  readonly unapportioned: ReadonlySet<TallyId>
  /** Vietnamese labels of dimension values (council, unit and organ names, kind labels …). */
  readonly labels: ReadonlyMap<string, Label>
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

/**
 * The label of a value of a time dimension: "2022-08" → "tháng 8/2022" (Aug 2022), "2023-Q1" →
 * "quý I/2023" (Q1 2023); `undefined` for anything else.
 *
 * @since 0.1.0
 * @category labels
 */
export const timeLabel = (v: string): Label | undefined => {
  const m = /^(\d{4})-(\d{2})$/.exec(v)
  if (m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { vi: `tháng ${Number(m[2])}/${m[1]}`, en: `${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}` }
  const q = /^(\d{4})-Q([1-4])$/.exec(v)
  if (q !== null) return { vi: `quý ${["I", "II", "III", "IV"][Number(q[2]) - 1]}/${q[1]}`, en: `Q${q[2]} ${q[1]}` }
  return undefined
}

/**
 * The Vietnamese and English label of a dimension value.
 *
 * @since 0.1.0
 * @category models
 */
export interface Label {
  readonly vi: string
  readonly en: string
}

/**
 * The view implied by a list of dimensions.
 *
 * @since 0.1.0
 * @category models
 */
export const viewOf = (dims: ReadonlyArray<Dimension>): View => (dims.some((d) => organDimensions.has(d)) ? "organ" : "council")

/**
 * The map key of a cell.
 *
 * @since 0.1.0
 * @category internals
 */
export const cellKey = (indicator: string, key: ReadonlyArray<string>): string => `${indicator}\u001f${key.join("\u001f")}`

/**
 * The identity of `combine`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const empty = (shape: Shape): Tabulation => ({
  indicators: shape.indicators,
  dimensions: shape.dimensions,
  traced: shape.traced,
  view: viewOf(shape.dimensions),
  period: undefined,
  cells: new Map(),
  itemBodies: new Map(),
  unapportioned: new Set(),
  labels: new Map()
})

const sameDims = (a: ReadonlyArray<Dimension>, b: ReadonlyArray<Dimension>) => a.length === b.length && a.every((d, i) => d === b[i])

const mergeCell = (a: Cell, b: Cell): Cell => ({
  indicator: a.indicator,
  key: a.key,
  items: a.items + b.items,
  sessions: a.sessions.size === 0 ? b.sessions : b.sessions.size === 0 ? a.sessions : new Set([...a.sessions, ...b.sessions]),
  sum: a.sum + b.sum,
  values: a.values.size === 0 ? b.values : b.values.size === 0 ? a.values : new Set([...a.values, ...b.values]),
  tallies: a.tallies.length === 0 ? b.tallies : b.tallies.length === 0 ? a.tallies : [...a.tallies, ...b.tallies],
  activities: a.activities.length === 0 ? b.activities : b.activities.length === 0 ? a.activities : [...a.activities, ...b.activities]
})

/**
 * Combines the tabulations of two disjoint record sets. Both must group by the same dimensions and
 * agree on the measure of every indicator they share; otherwise a {@link TabulationError} is thrown.
 *
 * @since 0.1.0
 * @category combinators
 */
export const combine = (a: Tabulation, b: Tabulation): Tabulation => {
  if (!sameDims(a.dimensions, b.dimensions) || a.traced !== b.traced) {
    throw new TabulationError({
      code: "shape-mismatch",
      vi: `không gộp được hai bảng tổng hợp có chiều nhóm khác nhau (${a.dimensions.join(", ")} / ${b.dimensions.join(", ")})`,
      en: `cannot combine tabulations grouped differently (${a.dimensions.join(", ")} vs ${b.dimensions.join(", ")})`
    })
  }
  const indicators = new Map(a.indicators)
  for (const [id, m] of b.indicators) {
    const other = indicators.get(id)
    if (other !== undefined && other !== m) {
      throw new TabulationError({
        code: "measure-mismatch",
        vi: `chỉ tiêu ${id} có hai cách đo khác nhau (${other}, ${m})`,
        en: `indicator ${id} has two different measures (${other}, ${m})`
      })
    }
    indicators.set(id, m)
  }
  const cells = new Map(a.cells)
  for (const [k, cell] of b.cells) {
    const prev = cells.get(k)
    cells.set(k, prev === undefined ? cell : mergeCell(prev, cell))
  }
  const itemBodies = new Map<IndicatorId, ReadonlyMap<string, number>>(a.itemBodies)
  for (const [ind, bodies] of b.itemBodies) {
    const prev = itemBodies.get(ind)
    if (prev === undefined) {
      itemBodies.set(ind, bodies)
      continue
    }
    const merged = new Map(prev)
    for (const [body, n] of bodies) merged.set(body, (merged.get(body) ?? 0) + n)
    itemBodies.set(ind, merged)
  }
  const period = a.period === undefined ? b.period : b.period === undefined ? a.period : hull(a.period, b.period)
  return {
    indicators,
    dimensions: a.dimensions,
    traced: a.traced,
    view: a.view,
    period,
    cells,
    itemBodies,
    unapportioned: new Set([...a.unapportioned, ...b.unapportioned]),
    labels: a.labels.size === 0 ? b.labels : b.labels.size === 0 ? a.labels : new Map([...a.labels, ...b.labels])
  }
}

/**
 * The label of a dimension value, falling back to the value itself.
 *
 * @since 0.1.0
 * @category queries
 */
export const labelOf = (t: Tabulation, value: string, lang: "vi" | "en" = "vi"): string => t.labels.get(value)?.[lang] ?? timeLabel(value)?.[lang] ?? value

/**
 * Combines any number of tabulations of one shape.
 *
 * @since 0.1.0
 * @category combinators
 */
export const combineAll = (shape: Shape, tabs: Iterable<Tabulation>): Tabulation => {
  let acc = empty(shape)
  for (const t of tabs) acc = combine(acc, t)
  return acc
}

/**
 * A tally part whose council also has itemised records for the same indicator in the tabulated
 * period: counting both would risk counting the same work twice, so the tally is left out of the
 * value and reported here. The check is made per council (not per organ) on purpose: a council
 * either itemises an indicator or reports it as a number, and a mix is worth a look.
 *
 * @since 0.1.0
 * @category models
 */
export interface Conflict {
  readonly indicator: IndicatorId
  readonly body: string
  readonly items: number
  readonly tallies: ReadonlyArray<TallyId>
  readonly tallyValue: number
}

const isConflicting = (t: Tabulation, indicator: IndicatorId, part: TallyPart): boolean =>
  (t.itemBodies.get(indicator)?.get(part.body) ?? 0) > 0

/**
 * Every item/tally conflict, grouped by indicator and body.
 *
 * @since 0.1.0
 * @category queries
 */
export const conflicts = (t: Tabulation): ReadonlyArray<Conflict> => {
  const found = new Map<string, { indicator: IndicatorId; body: string; items: number; tallies: Array<TallyId>; tallyValue: number }>()
  for (const cell of t.cells.values()) {
    for (const part of cell.tallies) {
      if (!isConflicting(t, cell.indicator, part)) continue
      const k = `${cell.indicator}\u001f${part.body}`
      const entry = found.get(k) ?? {
        indicator: cell.indicator,
        body: part.body,
        items: t.itemBodies.get(cell.indicator)?.get(part.body) ?? 0,
        tallies: [],
        tallyValue: 0
      }
      entry.tallies.push(part.id)
      entry.tallyValue += part.value
      found.set(k, entry)
    }
  }
  return [...found.values()]
    .map((c) => ({ ...c, tallies: [...c.tallies].sort() }))
    .sort((a, b) => (a.indicator + a.body < b.indicator + b.body ? -1 : 1))
}

/**
 * A cell's value as reported: the measured figure (items, distinct sessions, the attribute's sum or
 * its distinct values) plus the tallies of bodies that have no itemised records for the indicator;
 * conflicting tallies are left out (see {@link conflicts}).
 *
 * For a `distinct` indicator a tally is a distinct number reported without its values, so it cannot
 * be merged with a set: it is added as a separate part, as if the places it counts differed from
 * every other part's (true when each council reports its own places). `tallied` > 0 marks such a
 * value as including reported figures; `items` is then the distinct count of the itemised values.
 *
 * @since 0.1.0
 * @category models
 */
export interface Value {
  readonly value: number
  readonly qualifier: Qualifier
  /**
   * The qualifier word the tallies were entered with, when they all share it (see
   * `Tally.combineWordings`); absent: the default word of `qualifier`. @since 0.2.0
   */
  readonly wording?: string
  /** The measured figure from itemised records: items, distinct sessions, sum or distinct values. */
  readonly items: number
  readonly tallied: number
  readonly conflicting: number
}

/**
 * The value of a cell.
 *
 * @since 0.1.0
 * @category queries
 */
export const cellValue = (t: Tabulation, cell: Cell): Value => {
  const measure = t.indicators.get(cell.indicator) ?? "count"
  const base = measure === "count"
    ? cell.items
    : measure === "distinct-sessions"
    ? cell.sessions.size
    : measure === "sum"
    ? cell.sum
    : measure === "distinct"
    ? cell.values.size
    : 0
  let tallied = 0
  let conflicting = 0
  let qualifier: Qualifier = "exact"
  const counted: Array<TallyPart> = []
  for (const part of cell.tallies) {
    if (isConflicting(t, cell.indicator, part)) {
      conflicting += part.value
    } else {
      tallied += part.value
      qualifier = combineQualifiers(qualifier, part.qualifier)
      counted.push(part)
    }
  }
  const wording = combineWordings(counted).wording
  return { value: base + tallied, qualifier, ...(wording === undefined ? {} : { wording }), items: base, tallied, conflicting }
}

/**
 * A selection of cells: dimension values to match; dimensions not named are summed over.
 *
 * @since 0.1.0
 * @category models
 */
export type Selector = Readonly<Partial<Record<Dimension, string | ReadonlyArray<string>>>>

const matches = (t: Tabulation, cell: Cell, selector: Selector): boolean => {
  for (let i = 0; i < t.dimensions.length; i++) {
    const want = selector[t.dimensions[i] as Dimension]
    if (want === undefined) continue
    const v = cell.key[i] as string
    if (typeof want === "string" ? v !== want : !want.includes(v)) return false
  }
  return true
}

/**
 * The cells of one indicator that match a selector.
 *
 * @since 0.1.0
 * @category queries
 */
export const cellsOf = (t: Tabulation, indicator: IndicatorId, selector: Selector = {}): ReadonlyArray<Cell> => {
  const out: Array<Cell> = []
  for (const cell of t.cells.values()) if (cell.indicator === indicator && matches(t, cell, selector)) out.push(cell)
  return out
}

/**
 * The value of an indicator over the cells matching a selector. Distinct sessions and distinct
 * attribute values are counted once across the selected cells (the union of their sets, not the sum
 * of their counts); activities and summed attributes are added (in the organ view a joint activity
 * is added once per organiser).
 *
 * @example
 * ```ts no-run
 * import { Indicators, Tabulation } from "@hdnd/core"
 *
 * declare const tab: Tabulation.Tabulation // from store.tabulate({ …, groupBy: ["level", "organ"] })
 * const total = Tabulation.valueOf(tab, Indicators.ids.supervision) // every cell added up
 * const province = Tabulation.valueOf(tab, Indicators.ids.supervision, { level: "province" })
 * console.log(total.value, province.value, province.qualifier) // e.g. 12 7 undefined
 * ```
 *
 * @since 0.1.0
 * @category queries
 */
export const valueOf = (t: Tabulation, indicator: IndicatorId, selector: Selector = {}): Value => {
  const cells = cellsOf(t, indicator, selector)
  const merged = cells.reduce<Cell>((acc, c) => mergeCell(acc, c), {
    indicator,
    key: [],
    items: 0,
    sessions: new Set(),
    sum: 0,
    values: new Set(),
    tallies: [],
    activities: []
  })
  return cellValue(t, merged)
}

/**
 * The records behind a value (drill-down): the activities (when traced) and the tallies counted.
 *
 * @since 0.1.0
 * @category queries
 */
export const recordsOf = (
  t: Tabulation,
  indicator: IndicatorId,
  selector: Selector = {}
): { readonly activities: ReadonlyArray<ActivityId>; readonly tallies: ReadonlyArray<TallyId> } => {
  const activities: Array<ActivityId> = []
  const tallies: Array<TallyId> = []
  for (const cell of cellsOf(t, indicator, selector)) {
    activities.push(...cell.activities)
    for (const p of cell.tallies) if (!isConflicting(t, indicator, p)) tallies.push(p.id)
  }
  return { activities: [...new Set(activities)].sort(), tallies: tallies.sort() }
}

/**
 * The distinct values a dimension takes in a tabulation, sorted.
 *
 * @since 0.1.0
 * @category queries
 */
export const valuesOf = (t: Tabulation, dimension: Dimension): ReadonlyArray<string> => {
  const i = t.dimensions.indexOf(dimension)
  if (i < 0) return []
  const set = new Set<string>()
  for (const cell of t.cells.values()) set.add(cell.key[i] as string)
  return [...set].sort()
}

/**
 * One row of the canonical form.
 *
 * @since 0.1.0
 * @category models
 */
export interface Row {
  readonly indicator: IndicatorId
  readonly key: ReadonlyArray<string>
  readonly value: number
  readonly qualifier: Qualifier
  /** The qualifier word as entered, when the tallies share it. @since 0.2.0 */
  readonly wording?: string
  readonly items: number
  readonly sessions: ReadonlyArray<string>
  /** The cell's {@link Cell.sum}. Since 0.2.0. */
  readonly sum: number
  /** The cell's {@link Cell.values}, sorted. Since 0.2.0. */
  readonly values: ReadonlyArray<string>
  readonly tallies: ReadonlyArray<TallyPart>
  readonly activities: ReadonlyArray<ActivityId>
}

/**
 * Every cell as a row, sorted, with sorted contents: equal tabulations give equal rows. Used by the
 * counting laws and by exporters.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toRows = (t: Tabulation): ReadonlyArray<Row> =>
  [...t.cells.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, cell]) => {
      const v = cellValue(t, cell)
      return {
        indicator: cell.indicator,
        key: cell.key,
        value: v.value,
        qualifier: v.qualifier,
        ...(v.wording === undefined ? {} : { wording: v.wording }),
        items: cell.items,
        sessions: [...cell.sessions].sort(),
        sum: cell.sum,
        values: [...cell.values].sort(),
        tallies: [...cell.tallies].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
        activities: [...cell.activities].sort()
      }
    })

/**
 * A JSON-ready canonical form of the whole tabulation.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toCanonical = (t: Tabulation) => ({
  dimensions: [...t.dimensions],
  view: t.view,
  indicators: [...t.indicators.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
  rows: toRows(t),
  itemBodies: [...t.itemBodies.entries()]
    .map(([ind, m]) => [ind, [...m.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : 1))] as const)
    .filter(([, m]) => m.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1)),
  unapportioned: [...t.unapportioned].sort(),
  conflicts: conflicts(t)
})

/**
 * Structural equality of tabulations (the period is not compared: it records what was asked).
 *
 * @since 0.1.0
 * @category predicates
 */
export const equals = (a: Tabulation, b: Tabulation): boolean =>
  JSON.stringify(toCanonical(a)) === JSON.stringify(toCanonical(b))
