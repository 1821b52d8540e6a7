/**
 * Periods whose ends fall on, or a day either side of, the days records start or end: where `<`
 * written for `<=` shows. Used by stream filters and tabulation requests.
 *
 * @since 0.1.0
 */
import { CalendarDate } from "@hdnd/core"
import type { Dataset } from "@hdnd/core"
import fc from "fast-check"

type Day = CalendarDate.CalendarDate

/**
 * Every day on which a record of the batch starts or ends (activity dates, session dates, meeting
 * days, tally periods, the days recommendations were raised, response and evaluation dates, the
 * first and last days of programme years), without repeats.
 *
 * @since 0.1.0
 * @category queries
 */
export const daysOf = (batch: Dataset.Batch): ReadonlyArray<Day> => {
  const days = new Set<Day>()
  const add = (d: Day | undefined) => void (d === undefined ? undefined : days.add(d))
  for (const a of batch.activities ?? []) (add(a.date.from), add(a.date.to))
  for (const s of batch.sessions ?? []) (add(s.dates.from), add(s.dates.to))
  for (const m of batch.meetings ?? []) add(m.date)
  for (const t of batch.tallies ?? []) (add(t.period.from), add(t.period.to))
  for (const r of batch.recommendations ?? []) add(r.raisedOn)
  for (const x of [...(batch.responses ?? []), ...(batch.evaluations ?? [])]) add(x.date)
  for (const p of batch.programmes ?? []) (add(CalendarDate.date(`${p.year}-01-01`)), add(CalendarDate.date(`${p.year}-12-31`)))
  return [...days].sort()
}

const near = (days: ReadonlyArray<Day>): fc.Arbitrary<Day> =>
  fc.tuple(fc.constantFrom(...days), fc.constantFrom(-1, 0, 0, 1)).map(([d, shift]) => CalendarDate.addDays(d, shift))

/**
 * A closed period whose ends lie on or next to the given days (`fallback` when there are none).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const edgePeriodArb = (days: ReadonlyArray<Day>, fallback: fc.Arbitrary<CalendarDate.Period>): fc.Arbitrary<CalendarDate.Period> =>
  days.length === 0
    ? fallback
    : fc.tuple(near(days), near(days)).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }))
