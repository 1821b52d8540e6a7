/**
 * Stream filters: what `Store.stream` must return for a filter (the semantics of the in-memory
 * reference store), and generated filters over a world.
 *
 * @since 0.1.0
 */
import { CalendarDate } from "@hdnd/core"
import type { Dataset, Store } from "@hdnd/core"
import fc from "fast-check"
import type { World } from "../Arbitraries.js"
import { GENERATED_KINDS, periodArb } from "../Arbitraries.js"
import { edgePeriodArb } from "./Periods.js"
import type { AnyRecord } from "./Records.js"

type Rec = AnyRecord & Readonly<Record<string, any>>

/**
 * Whether a record of a collection passes a filter. `councils` applies to every record that has a
 * `council` field (so to recommendations and programmes, not to responses, evaluations or programme
 * items); `kinds` to activities; `period` to activities (their first day), sessions (their dates),
 * meetings (their day) and tallies (their period), by overlap, to recommendations (the day raised),
 * responses and evaluations (their date), resolutions (the day adopted) and documents (the day
 * submitted), by containment, and to programmes (their year overlaps
 * it). An empty list matches nothing; an absent field matches everything.
 *
 * @since 0.1.0
 * @category predicates
 */
export const matches = (kind: Dataset.EntityKind, record: AnyRecord, filter: Store.StreamFilter | undefined): boolean => {
  if (filter === undefined) return true
  const r = record as Rec
  if (filter.councils !== undefined && "council" in r && !filter.councils.includes(r.council)) return false
  if (filter.kinds !== undefined && kind === "activities" && !filter.kinds.includes(r.kind)) return false
  const p = filter.period
  if (p !== undefined) {
    if (kind === "activities" && !CalendarDate.overlaps({ from: r.date.from, to: r.date.from }, p)) return false
    if (kind === "sessions" && !CalendarDate.overlaps(r.dates, p)) return false
    if (kind === "meetings" && !CalendarDate.overlaps({ from: r.date, to: r.date }, p)) return false
    if (kind === "tallies" && !CalendarDate.overlaps(r.period, p)) return false
    if (kind === "recommendations" && !CalendarDate.contains(p, r.raisedOn)) return false
    if ((kind === "responses" || kind === "evaluations") && !CalendarDate.contains(p, r.date)) return false
    if (kind === "resolutions" && !CalendarDate.contains(p, r.adoptedOn)) return false
    if (kind === "documents" && !CalendarDate.contains(p, r.submittedOn)) return false
    if (kind === "programmes" && !CalendarDate.overlaps({ from: CalendarDate.date(`${r.year}-01-01`), to: CalendarDate.date(`${r.year}-12-31`) }, p)) return false
  }
  return true
}

/**
 * The records of a collection of a dataset that pass a filter.
 *
 * @since 0.1.0
 * @category queries
 */
export const select = (ds: Dataset.Dataset, kind: Dataset.EntityKind, filter: Store.StreamFilter | undefined): ReadonlyArray<AnyRecord> =>
  [...(ds[kind] as ReadonlyMap<string, AnyRecord>).values()].filter((r) => matches(kind, r, filter))

/** Activity kinds that generated datasets never use, and one that no registry declares. */
const OTHER_KINDS = ["explanationHearing", "citizenLetter", "ha-noi/unknownKind"] as const

/**
 * A stream filter over a world: each of `councils`, `period` and `kinds` absent or present; lists
 * may be empty (matching nothing) and may name councils or kinds that have no records. Lists hold
 * no repeated value. Given the days records start and end on, two periods in three end on or next
 * to them.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const streamFilterArb = (world: World, days: ReadonlyArray<CalendarDate.CalendarDate> = []): fc.Arbitrary<Store.StreamFilter> =>
  fc
    .record(
      {
        // Unique: the reference store streams an activity once per repetition of its council in
        // `councils` (MemoryStore scans `activitiesByCouncil` for each listed id), which no other
        // store should copy. Allow repeats here once core streams each record once.
        councils: fc.uniqueArray(fc.constantFrom(...world.councils.map((c) => c.id as string), "c-unknown"), { maxLength: 4 }),
        period: days.length === 0 ? periodArb : fc.oneof({ weight: 1, arbitrary: periodArb }, { weight: 2, arbitrary: edgePeriodArb(days, periodArb) }),
        kinds: fc.uniqueArray(fc.constantFrom<string>(...GENERATED_KINDS, ...OTHER_KINDS), { maxLength: 4 })
      },
      { requiredKeys: [] }
    )
    .map((f) => f as unknown as Store.StreamFilter)

/**
 * A filter written for a counterexample: `{councils: [c-u14], period: 2022-01-01..2022-03-31}`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const show = (filter: Store.StreamFilter | undefined): string => {
  if (filter === undefined) return "no filter"
  const parts: Array<string> = []
  if (filter.councils !== undefined) parts.push(`councils: [${filter.councils.join(", ")}]`)
  if (filter.period !== undefined) parts.push(`period: ${filter.period.from}..${filter.period.to ?? ""}`)
  if (filter.kinds !== undefined) parts.push(`kinds: [${filter.kinds.join(", ")}]`)
  return `{${parts.join(", ")}}`
}
