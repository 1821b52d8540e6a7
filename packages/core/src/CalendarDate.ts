/**
 * Calendar dates (`YYYY-MM-DD`, no time zone) and inclusive date ranges. One convention everywhere:
 * a range `{ from, to }` includes both ends, and a missing `to` means open-ended.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { filter } from "./internal/checks.js"

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

/**
 * Whether `s` is a real calendar date written `YYYY-MM-DD` (so "2023-02-30" is not).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isCalendarDate = (s: string): boolean => {
  const m = DATE_PATTERN.exec(s)
  if (m === null) return false
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/**
 * A calendar date `YYYY-MM-DD`. ISO strings compare correctly as strings, so `a < b` works.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CalendarDate = Schema.String.check(
  filter(isCalendarDate, (actual) =>
    `ngày không hợp lệ ${JSON.stringify(actual)}, hãy viết dạng YYYY-MM-DD (ví dụ 2023-10-14) / invalid date ${JSON.stringify(actual)}, write it as YYYY-MM-DD (e.g. 2023-10-14)`, {
    expected: "a calendar date YYYY-MM-DD"
  })
).pipe(Schema.brand("@hdnd/CalendarDate")).annotate({ identifier: "CalendarDate" })

/** @since 0.1.0 @category models */
export type CalendarDate = typeof CalendarDate.Type

/**
 * Makes a {@link CalendarDate}, throwing a `TypeError` for an impossible date. For trusted literals
 * in code and tests; decode untrusted input with the schema instead.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "@hdnd/core"
 *
 * const d = CalendarDate.date("2023-08-31") // throws on "2023-02-30"
 * console.log(CalendarDate.isCalendarDate("2023-02-30")) // false
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const date = (s: string): CalendarDate => {
  if (!isCalendarDate(s)) throw new TypeError(`invalid calendar date: ${s}`)
  return s as CalendarDate
}

const EPOCH = Date.UTC(1970, 0, 1)
const DAY_MS = 86_400_000

/**
 * Days since 1970-01-01.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toDayNumber = (d: CalendarDate): number =>
  (Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) - EPOCH) / DAY_MS

/**
 * The date `n` days after 1970-01-01.
 *
 * @since 0.1.0
 * @category conversions
 */
export const fromDayNumber = (n: number): CalendarDate => new Date(EPOCH + n * DAY_MS).toISOString().slice(0, 10) as CalendarDate

/**
 * The date `days` days after `d` (negative for before).
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const addDays = (d: CalendarDate, days: number): CalendarDate => fromDayNumber(toDayNumber(d) + days)

/** `YYYY-MM` of a date. @since 0.1.0 @category conversions */
export const monthOf = (d: CalendarDate): string => d.slice(0, 7)

/** The last day of the month `YYYY-MM`. @since 0.1.0 @category conversions */
export const endOfMonth = (month: string): CalendarDate => {
  const year = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  return `${month}-${String(daysInMonth(year, m)).padStart(2, "0")}` as CalendarDate
}

/** `YYYY-Qn` of a date. @since 0.1.0 @category conversions */
export const quarterOf = (d: CalendarDate): string => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`

/**
 * An inclusive range of dates; `to` absent means open-ended.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DateRange = Schema.Struct({
  from: CalendarDate,
  to: Schema.optional(CalendarDate)
}).check(
  Schema.makeFilter((r) => r.to === undefined || r.from <= r.to, {
    message: "ngày bắt đầu sau ngày kết thúc (from > to) / the range starts after it ends (from > to)"
  })
).annotate({ identifier: "DateRange" })

/** @since 0.1.0 @category models */
export type DateRange = typeof DateRange.Type

/**
 * A closed range: both ends given. Periods of tabulations and tallies are closed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Period = Schema.Struct({
  from: CalendarDate,
  to: CalendarDate
}).check(
  Schema.makeFilter((r) => r.from <= r.to, {
    message: "ngày bắt đầu sau ngày kết thúc (from > to) / the period starts after it ends (from > to)"
  })
).annotate({ identifier: "Period" })

/** @since 0.1.0 @category models */
export type Period = typeof Period.Type

/**
 * Makes a closed period from two trusted literals.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "@hdnd/core"
 *
 * const year = CalendarDate.period("2023-01-01", "2023-12-31") // both days included
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const period = (from: string, to: string): Period => {
  const p = { from: date(from), to: date(to) }
  if (p.from > p.to) throw new TypeError(`period starts after it ends: ${from} > ${to}`)
  return p
}

/** Whether the range contains the day. @since 0.1.0 @category predicates */
export const contains = (r: DateRange, d: CalendarDate): boolean => r.from <= d && (r.to === undefined || d <= r.to)

/** Whether `inner` lies wholly within `outer`. @since 0.1.0 @category predicates */
export const within = (inner: DateRange, outer: DateRange): boolean =>
  outer.from <= inner.from &&
  (outer.to === undefined || (inner.to !== undefined && inner.to <= outer.to))

/** Whether the two ranges share at least one day. @since 0.1.0 @category predicates */
export const overlaps = (a: DateRange, b: DateRange): boolean =>
  (a.to === undefined || b.from <= a.to) && (b.to === undefined || a.from <= b.to)

/** The smallest period containing both. @since 0.1.0 @category combinators */
export const hull = (a: Period, b: Period): Period => ({
  from: a.from < b.from ? a.from : b.from,
  to: a.to > b.to ? a.to : b.to
})
