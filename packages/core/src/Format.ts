/**
 * Vietnamese formatting and parsing for official reports: numbers ("1.044", "14,5"), dates in the
 * Decree 30/2020/NĐ-CP style ("ngày 05 tháng 01 năm 2024"), periods ("6 tháng đầu năm 2023"),
 * document symbols ("Số: 85/BC-HĐND"), Roman convocation numbers and ordinal words.
 *
 * Every function is pure. Formatters do not throw for valid inputs; parsers never throw and return
 * `undefined` for anything they do not recognise.
 *
 * @since 0.1.0
 */
import { DOCUMENT_REF_PATTERN } from "./DocumentRef.js"
import { endOfMonth, isCalendarDate, type CalendarDate, type Period } from "./CalendarDate.js"
import type { Qualifier } from "./Tally.js"

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

/**
 * Options for {@link formatNumber} and {@link formatCount}.
 *
 * - `decimals`: exact number of fraction digits (0–20), rounded by `Intl` (half away from zero on
 *   the shortest decimal form, so 1.005 → "1,01"). Absent: as many as the number needs, i.e. the
 *   shortest form that reads back as the same number (0.1 + 0.2 → "0,30000000000000004").
 * - `padSmallCounts`: write a result of a single digit with two ("09 cuộc"), as official texts
 *   do; so without `decimals` exactly the integers 0–9 change. Never applies with fraction digits.
 *
 * @since 0.1.0
 * @category models
 */
export interface NumberFormatOptions {
  readonly decimals?: number
  readonly padSmallCounts?: boolean
}

/** Most fraction digits `Intl.NumberFormat` accepts on Node 20 (V8 11.3). */
const MAX_FRACTION_DIGITS = 20

const numberFormatters = new Map<string, Intl.NumberFormat>()

const cachedFormatter = (style: "decimal" | "percent", decimals: number | undefined): Intl.NumberFormat => {
  const key = `${style}:${decimals ?? "auto"}`
  let formatter = numberFormatters.get(key)
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat("vi-VN", {
      style,
      useGrouping: true,
      minimumFractionDigits: decimals ?? 0,
      maximumFractionDigits: decimals ?? MAX_FRACTION_DIGITS
    })
    numberFormatters.set(key, formatter)
  }
  return formatter
}

/**
 * The plain decimal digits of the shortest form of `x >= 0` that reads back as `x` (`String(x)`
 * without the exponent): 1e-7 → "0.0000001", 1e21 → "1000000000000000000000".
 */
const plainDecimal = (x: number): string => {
  const s = String(x)
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)
  if (m === null) return s
  const digits = `${m[1] ?? ""}${m[2] ?? ""}`
  const point = 1 + Number(m[3])
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`
  if (point >= digits.length) return `${digits}${"0".repeat(point - digits.length)}`
  return `${digits.slice(0, point)}.${digits.slice(point)}`
}

/**
 * Vietnamese grouping of the shortest form of a finite number, by hand: `Intl` would cut it at 20
 * fraction digits (Node 20 refuses more), so 1.0000003e-6 would not read back as itself.
 */
const formatShortest = (n: number): string => {
  const [integer = "0", fraction] = plainDecimal(Math.abs(n)).split(".")
  const grouped = integer.replace(/\B(?=(?:\d{3})+$)/g, ".")
  return `${n < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : `,${fraction}`}`
}

/** Intl output without the sign of a negative zero ("-0", "-0,00" for -0.001, "-0%"). */
const intlFormat = (style: "decimal" | "percent", decimals: number | undefined, n: number): string => {
  const text = cachedFormatter(style, decimals).format(n)
  return /^-[0,]+%?$/.test(text) ? text.slice(1) : text
}

const checkDecimals = (decimals: number | undefined): void => {
  if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_FRACTION_DIGITS)) {
    throw new RangeError(`decimals must be an integer from 0 to ${MAX_FRACTION_DIGITS}, got ${decimals}`)
  }
}

/**
 * Formats a number the Vietnamese way: "." groups thousands, "," is the decimal sign, "-" marks
 * negatives. `formatNumber(1044)` is "1.044", `formatNumber(14125.24)` is "14.125,24",
 * `formatNumber(9, { padSmallCounts: true })` is "09". Four-digit numbers are grouped too, as in
 * official texts. Do not use it for years or document numbers, which are never grouped.
 * Throws a `RangeError` only if `decimals` is not an integer from 0 to 20.
 *
 * @example
 * ```ts
 * import { Format } from "@hdnd/core"
 *
 * Format.formatNumber(1044) // "1.044"
 * Format.formatNumber(14.5) // "14,5"
 * ```
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatNumber = (n: number, options?: NumberFormatOptions): string => {
  const decimals = options?.decimals
  checkDecimals(decimals)
  const text = decimals === undefined && Number.isFinite(n) ? formatShortest(n) : intlFormat("decimal", decimals, n)
  return options?.padSmallCounts === true && /^\d$/.test(text) ? `0${text}` : text
}

/**
 * Formats a ratio as a percentage with a fixed number of decimals: `formatPercent(0.8965)` is
 * "89,65%".
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPercent = (ratio: number, decimals = 2): string => {
  checkDecimals(decimals)
  return intlFormat("percent", decimals, ratio)
}

const QUALIFIER_WORD: Readonly<Record<Qualifier, string>> = { exact: "", over: "hơn ", nearly: "gần ", about: "khoảng " }

/**
 * Formats a reported count with its qualifier word: "hơn 1.044" (over), "gần 1.044" (nearly),
 * "khoảng 1.044" (about), "1.044" (exact, the default).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatCount = (n: number, qualifier: Qualifier = "exact", options?: NumberFormatOptions): string =>
  `${QUALIFIER_WORD[qualifier]}${formatNumber(n, options)}`

const VI_NUMBER = /^([-\u2212])?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/

/**
 * Reads a number written the Vietnamese way: "1.044" → 1044, "09" → 9, "14,5" → 14.5,
 * "1.234.567,89" → 1234567.89, "-1.044" → -1044, and plain "1044". Dots must group exactly three
 * digits, so "1.5", "1.04", "0.044" and "1,044.5" are rejected. Returns `undefined` for anything
 * else; never throws.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseVietnameseNumber = (s: string): number | undefined => {
  const m = VI_NUMBER.exec(s.trim())
  if (m === null) return undefined
  const integer = m[2] ?? ""
  // A grouped number never starts with 0 ("0.044" is an English decimal, not 44).
  if (integer.includes(".") && integer.startsWith("0")) return undefined
  const value = Number(`${integer.replaceAll(".", "")}${m[3] === undefined ? "" : `.${m[3]}`}`)
  if (!Number.isFinite(value)) return undefined
  if (value === 0) return 0
  return m[1] === undefined ? value : -value
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const pad2 = (n: number): string => String(n).padStart(2, "0")

interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
}

const partsOf = (d: CalendarDate): DateParts => ({
  year: Number(d.slice(0, 4)),
  month: Number(d.slice(5, 7)),
  day: Number(d.slice(8, 10))
})

/** Decree 30 leading zeros: days 1–9, months 1 and 2. */
const longDay = (day: number): string => (day < 10 ? pad2(day) : String(day))
const longMonth = (month: number): string => (month <= 2 ? pad2(month) : String(month))

/**
 * The official long date, with the Decree 30/2020/NĐ-CP leading zeros (days 1–9, months 1 and 2):
 * "ngày 14 tháng 10 năm 2023", "ngày 05 tháng 01 năm 2024", "ngày 05 tháng 3 năm 2024".
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatDateLong = (d: CalendarDate): string => {
  const { day, month, year } = partsOf(d)
  return `ngày ${longDay(day)} tháng ${longMonth(month)} năm ${year}`
}

/**
 * The date line of a document header: "Sơn La, ngày 14 tháng 10 năm 2023".
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPlaceDate = (place: string, d: CalendarDate): string => `${place.trim()}, ${formatDateLong(d)}`

/**
 * The short date of running text, without padding: "14/10/2023", "5/1/2024".
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatDateShort = (d: CalendarDate): string => {
  const { day, month, year } = partsOf(d)
  return `${day}/${month}/${year}`
}

const MONTH_PATTERN = /^(\d{4})-(\d{2})(?:-\d{2})?$/

const monthParts = (d: CalendarDate | string): { readonly year: number; readonly month: number } => {
  const m = MONTH_PATTERN.exec(d)
  const year = Number(m?.[1])
  const month = Number(m?.[2])
  if (m === null || month < 1 || month > 12 || (m[0].length > 7 && !isCalendarDate(d))) {
    throw new TypeError(`invalid month, write it as YYYY-MM or YYYY-MM-DD: ${d}`)
  }
  return { year, month }
}

/**
 * Month and year as in running text: "tháng 8/2022". Takes a {@link CalendarDate} or a `YYYY-MM`
 * string; throws a `TypeError` for anything else. No leading zero ("tháng 1/2024"): the Decree 30
 * rule is for the date of issue only.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatMonthYear = (d: CalendarDate | string): string => {
  const { month, year } = monthParts(d)
  return `tháng ${month}/${year}`
}

/**
 * Month and year in words: "tháng 8 năm 2022". Takes a {@link CalendarDate} or a `YYYY-MM` string;
 * throws a `TypeError` for anything else.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatMonthYearLong = (d: CalendarDate | string): string => {
  const { month, year } = monthParts(d)
  return `tháng ${month} năm ${year}`
}

type PeriodShape =
  | { readonly _tag: "Year"; readonly year: number }
  | { readonly _tag: "FirstHalf"; readonly year: number }
  | { readonly _tag: "SecondHalf"; readonly year: number }
  | { readonly _tag: "Month"; readonly from: CalendarDate }
  | { readonly _tag: "Months"; readonly from: CalendarDate; readonly to: CalendarDate }
  | { readonly _tag: "Day"; readonly day: CalendarDate }
  | { readonly _tag: "Days"; readonly from: CalendarDate; readonly to: CalendarDate }

const shapeOf = (p: Period): PeriodShape => {
  const { from, to } = p
  const year = Number(from.slice(0, 4))
  const sameYear = from.slice(0, 4) === to.slice(0, 4)
  const fromMonthDay = from.slice(5)
  const toMonthDay = to.slice(5)
  if (sameYear && fromMonthDay === "01-01" && toMonthDay === "12-31") return { _tag: "Year", year }
  if (sameYear && fromMonthDay === "01-01" && toMonthDay === "06-30") return { _tag: "FirstHalf", year }
  if (sameYear && fromMonthDay === "07-01" && toMonthDay === "12-31") return { _tag: "SecondHalf", year }
  const wholeMonths = from.endsWith("-01") && to === endOfMonth(to.slice(0, 7))
  if (wholeMonths && from.slice(0, 7) === to.slice(0, 7)) return { _tag: "Month", from }
  if (wholeMonths) return { _tag: "Months", from, to }
  if (from === to) return { _tag: "Day", day: from }
  return { _tag: "Days", from, to }
}

/**
 * A closed period in words, chosen by its shape:
 *
 * - a whole calendar year: "năm 2023";
 * - 1 January – 30 June: "6 tháng đầu năm 2023"; 1 July – 31 December: "6 tháng cuối năm 2023";
 * - one whole month: "tháng 8 năm 2023" (short: "tháng 8/2023");
 * - several whole months: "từ tháng 8 năm 2022 đến tháng 8 năm 2023"
 *   (short: "từ tháng 8/2022 đến tháng 8/2023");
 * - a single day: "ngày 05 tháng 01 năm 2024" (short: "ngày 5/1/2024");
 * - anything else: "từ ngày 05 tháng 01 năm 2024 đến ngày 14 tháng 10 năm 2024"
 *   (short: "từ 5/1/2024 đến 14/10/2024").
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPeriod = (p: Period, style: "short" | "long" = "long"): string => {
  const shape = shapeOf(p)
  const long = style === "long"
  switch (shape._tag) {
    case "Year":
      return `năm ${shape.year}`
    case "FirstHalf":
      return `6 tháng đầu năm ${shape.year}`
    case "SecondHalf":
      return `6 tháng cuối năm ${shape.year}`
    case "Month":
      return long ? formatMonthYearLong(shape.from) : formatMonthYear(shape.from)
    case "Months":
      return long
        ? `từ ${formatMonthYearLong(shape.from)} đến ${formatMonthYearLong(shape.to)}`
        : `từ ${formatMonthYear(shape.from)} đến ${formatMonthYear(shape.to)}`
    case "Day":
      return long ? formatDateLong(shape.day) : `ngày ${formatDateShort(shape.day)}`
    case "Days":
      return long
        ? `từ ${formatDateLong(shape.from)} đến ${formatDateLong(shape.to)}`
        : `từ ${formatDateShort(shape.from)} đến ${formatDateShort(shape.to)}`
  }
}

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
] as const

const enMonthYear = (d: CalendarDate): string => {
  const { month, year } = partsOf(d)
  return `${EN_MONTHS[month - 1] ?? String(month)} ${year}`
}

const enDate = (d: CalendarDate): string => `${partsOf(d).day} ${enMonthYear(d)}`

/**
 * A closed period in English, with the same shapes as {@link formatPeriod}: "the year 2023",
 * "the first half of 2023", "the second half of 2023", "August 2023",
 * "from August 2022 to August 2023", "14 October 2023", "1 January 2024 to 14 October 2024".
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPeriodEn = (p: Period): string => {
  const shape = shapeOf(p)
  switch (shape._tag) {
    case "Year":
      return `the year ${shape.year}`
    case "FirstHalf":
      return `the first half of ${shape.year}`
    case "SecondHalf":
      return `the second half of ${shape.year}`
    case "Month":
      return enMonthYear(shape.from)
    case "Months":
      return `from ${enMonthYear(shape.from)} to ${enMonthYear(shape.to)}`
    case "Day":
      return enDate(shape.day)
    case "Days":
      return `${enDate(shape.from)} to ${enDate(shape.to)}`
  }
}

/**
 * A council term as in titles, with a spaced hyphen: "nhiệm kỳ 2021 - 2026". Years are not grouped.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatTermYears = (from: number, to: number): string => `nhiệm kỳ ${from} - ${to}`

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const NUMERIC_DATE = /^(?:ngày\s+)?(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}))?$/u
const LONG_DATE = /^(?:[^,]*,\s*ngày\s+|ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:(?:\s+năm\s+|\s*,\s*)(\d{4}))?$/u

const toCalendarDate = (year: number, month: number, day: number): CalendarDate | undefined => {
  if (!Number.isInteger(year) || year < 0) return undefined
  const iso = `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`
  return isCalendarDate(iso) ? (iso as CalendarDate) : undefined
}

/**
 * Reads a date as written in Vietnamese texts: "14/10/2023", "5/1/2024", "ngày 25/6/2021",
 * "21.2.2023", "ngày 05 tháng 01 năm 2024", "Sơn La, ngày 14 tháng 10 năm 2023",
 * "14 tháng 10, 2023" (what `Intl` prints) and ISO "2023-10-14". A date without a year ("18/4",
 * "21.2", "ngày 18 tháng 4") takes `defaultYear`, and is `undefined` without one. Impossible dates
 * ("30/2/2023") and years outside 1900–2999 give `undefined`; never throws.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseVietnameseDate = (s: string, defaultYear?: number): CalendarDate | undefined => {
  const text = s.normalize("NFC").trim().toLowerCase().replace(/\s+/gu, " ")
  if (ISO_DATE.test(text)) return isCalendarDate(text) ? (text as CalendarDate) : undefined
  const numeric = NUMERIC_DATE.exec(text)
  const long = numeric === null ? LONG_DATE.exec(text) : null
  const day = numeric?.[1] ?? long?.[1]
  const month = numeric?.[3] ?? long?.[2]
  if (day === undefined || month === undefined) return undefined
  const year = numeric?.[4] ?? long?.[3]
  if (year === undefined) return defaultYear === undefined ? undefined : toCalendarDate(defaultYear, Number(month), Number(day))
  return toCalendarDate(Number(year), Number(month), Number(day))
}

// ---------------------------------------------------------------------------------------------
// Document symbols
// ---------------------------------------------------------------------------------------------

/**
 * The parts of a document symbol such as "05/2025/NQ-HĐND": number, year (normative resolutions
 * only), type abbreviation ("NQ", "BC", "TTr") and issuer ("HĐND", "TT.HĐND-UBND").
 *
 * @since 0.1.0
 * @category models
 */
export interface DocumentRef {
  readonly number: number
  readonly year?: number
  readonly type: string
  readonly issuer: string
}

/**
 * The number line of a document: "Số: 85/BC-HĐND", "Số: 05/2025/NQ-HĐND". Numbers below 10 get a
 * leading zero; neither number nor year is grouped.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatDocumentNumber = (number: number, type: string, issuer: string, year?: number): string =>
  `Số: ${number >= 0 && number < 10 ? pad2(number) : String(number)}/${year === undefined ? "" : `${year}/`}${type}-${issuer}`

const NUMBER_PREFIX = /^số\s*:?\s*/iu

/**
 * Reads a document symbol: "85/BC-HĐND", "05/2025/NQ-HĐND", "06/QC-TT.HĐND-UBND", "124/2004/QĐ-TTg".
 * A leading "Số:" or "số" (as printed by {@link formatDocumentNumber}) is ignored. Returns
 * `undefined` for anything else; never throws.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseDocumentRef = (s: string): DocumentRef | undefined => {
  const m = DOCUMENT_REF_PATTERN.exec(s.normalize("NFC").trim().replace(NUMBER_PREFIX, ""))
  if (m === null) return undefined
  const number = Number(m[1])
  const type = m[3]
  const issuer = m[4]
  if (!Number.isSafeInteger(number) || type === undefined || issuer === undefined) return undefined
  return m[2] === undefined ? { number, type, issuer } : { number, year: Number(m[2]), type, issuer }
}

// ---------------------------------------------------------------------------------------------
// Roman numerals and ordinals
// ---------------------------------------------------------------------------------------------

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"]
]

/**
 * Writes 1–3999 in Roman numerals, as convocation numbers are ("khóa XV"). Throws a `RangeError`
 * for anything else.
 *
 * @since 0.1.0
 * @category formatting
 */
export const toRoman = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`toRoman needs an integer from 1 to 3999, got ${n}`)
  let rest = n
  let out = ""
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters
      rest -= value
    }
  }
  return out
}

const ROMAN_DIGIT: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 }

/**
 * Reads a Roman numeral in canonical form ("XV" → 15, "xv" → 15); `undefined` for non-canonical or
 * invalid numerals ("IIII", "VX", "ABC"). Never throws.
 *
 * @since 0.1.0
 * @category parsing
 */
export const fromRoman = (s: string): number | undefined => {
  const text = s.trim().toUpperCase()
  if (!/^[IVXLCDM]{1,15}$/.test(text)) return undefined
  let total = 0
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN_DIGIT[text.charAt(i)] ?? 0
    const next = ROMAN_DIGIT[text.charAt(i + 1)] ?? 0
    total += value < next ? -value : value
  }
  return total >= 1 && total <= 3999 && toRoman(total) === text ? total : undefined
}

const UNITS = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const

/**
 * The Vietnamese ordinal in words for 1–20, as in "Kỳ họp chuyên đề lần thứ mười một": "thứ nhất",
 * "thứ hai", "thứ ba", "thứ tư", "thứ năm", …, "thứ mười", "thứ mười một", …, "thứ mười lăm", …,
 * "thứ hai mươi". Any other number is written in digits: "thứ 21".
 *
 * @since 0.1.0
 * @category formatting
 */
export const ordinalWordVi = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 20) return `thứ ${n}`
  if (n === 1) return "thứ nhất"
  if (n === 4) return "thứ tư"
  if (n < 10) return `thứ ${UNITS[n] ?? n}`
  if (n === 10) return "thứ mười"
  if (n === 20) return "thứ hai mươi"
  return `thứ mười ${n === 15 ? "lăm" : (UNITS[n - 10] ?? n - 10)}`
}

// ---------------------------------------------------------------------------------------------
// The official number style: padding, grouping, numbers in words, qualifiers as written
// ---------------------------------------------------------------------------------------------

/**
 * How one figure is written in a report.
 *
 * - `pad`: the least number of digits of a whole number, zero-filled: `pad: 2` writes 5 as "05"
 *   ("05 cuộc giám sát"), 15 as "15"; 0 or 1 write it as it is. A zero-filled number is not
 *   grouped. Never applies to negative numbers, with fraction digits or in words.
 * - `grouping`: `false` writes 1500 as "1500" instead of "1.500" (the default is `true`).
 * - `words`: write a whole number in words, in Vietnamese ("vi": "mười lăm") or English ("en":
 *   "fifteen"), as official texts do for amounts written out. A number that is not a safe
 *   non-negative whole number is written in digits.
 *
 * @since 0.2.0
 * @category models
 */
export interface NumberStyle {
  readonly pad?: number | undefined
  readonly grouping?: boolean | undefined
  readonly words?: "vi" | "en" | undefined
}

/**
 * The most digits `pad` may ask for.
 *
 * @since 0.2.0
 * @category data
 */
export const MAX_PAD = 20

const VI_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const

/**
 * Options of {@link numberInWordsVi}: "linh" (northern, the default) or "lẻ" (southern) for a zero
 * tens digit ("một trăm linh năm" / "một trăm lẻ năm"), and "nghìn" (the default) or "ngàn".
 *
 * @since 0.2.0
 * @category models
 */
export interface VietnameseWordsOptions {
  readonly zeroTens?: "linh" | "lẻ"
  readonly thousand?: "nghìn" | "ngàn"
}

/** The words of 0–999; `full` when a higher group precedes, so "không trăm" and "linh" are said. */
const tripleVi = (n: number, full: boolean, zeroTens: string): Array<string> => {
  const h = Math.floor(n / 100)
  const t = Math.floor(n / 10) % 10
  const u = n % 10
  const out: Array<string> = []
  if (h > 0 || full) out.push(VI_DIGITS[h]!, "trăm")
  if (t === 0) {
    if (u > 0) {
      if (h > 0 || full) out.push(zeroTens)
      out.push(VI_DIGITS[u]!)
    }
  } else if (t === 1) {
    out.push("mười")
    if (u === 5) out.push("lăm")
    else if (u > 0) out.push(VI_DIGITS[u]!)
  } else {
    out.push(VI_DIGITS[t]!, "mươi")
    if (u === 1) out.push("mốt")
    else if (u === 4) out.push("tư")
    else if (u === 5) out.push("lăm")
    else if (u > 0) out.push(VI_DIGITS[u]!)
  }
  return out
}

/** The words of 1 ≤ n < 10⁹; `full` as in {@link tripleVi} for the first group said. */
const belowBillionVi = (n: number, full: boolean, o: Required<VietnameseWordsOptions>): Array<string> => {
  const groups: ReadonlyArray<readonly [number, string]> = [
    [Math.floor(n / 1_000_000), "triệu"],
    [Math.floor(n / 1000) % 1000, o.thousand],
    [n % 1000, ""]
  ]
  const out: Array<string> = []
  let said = full
  for (const [g, unit] of groups) {
    if (g === 0) continue
    out.push(...tripleVi(g, said, o.zeroTens))
    if (unit !== "") out.push(unit)
    said = true
  }
  return out
}

const wordsVi = (n: number, full: boolean, o: Required<VietnameseWordsOptions>): Array<string> => {
  if (n < 1_000_000_000) return belowBillionVi(n, full, o)
  const rest = n % 1_000_000_000
  return [...wordsVi(Math.floor(n / 1_000_000_000), full, o), "tỷ", ...(rest === 0 ? [] : belowBillionVi(rest, true, o))]
}

/**
 * A whole number in Vietnamese words, by the usual reading rules: "không", "năm", "mười", "mười
 * một", "mười lăm", "hai mươi", "hai mươi mốt", "hai mươi tư", "hai mươi lăm", "một trăm", "một
 * trăm linh năm", "một nghìn", "một nghìn không trăm linh năm", "một triệu", "một tỷ", "một nghìn
 * tỷ". Groups that are all zeros are not said ("một triệu không trăm linh năm" for 1.000.005).
 * Negative numbers start with "âm". Throws a `RangeError` for anything but a safe integer.
 *
 * @since 0.2.0
 * @category formatting
 */
export const numberInWordsVi = (n: number, options?: VietnameseWordsOptions): string => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`numberInWordsVi needs a safe integer, got ${n}`)
  const o: Required<VietnameseWordsOptions> = { zeroTens: options?.zeroTens ?? "linh", thousand: options?.thousand ?? "nghìn" }
  if (n === 0) return "không"
  const words = wordsVi(Math.abs(n), false, o).join(" ")
  return n < 0 ? `âm ${words}` : words
}

const VI_WORD_DIGIT: Readonly<Record<string, number>> = {
  không: 0, một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, nhăm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9
}

/** Reads the words of 0–999 ("một trăm linh năm"); `undefined` when they are not a number. */
const parseTripleVi = (ws: ReadonlyArray<string>): number | undefined => {
  let i = 0
  let total = 0
  const digit = (w: string | undefined) => (w === undefined ? undefined : VI_WORD_DIGIT[w])
  if (ws[i + 1] === "trăm") {
    const h = digit(ws[i])
    if (h === undefined) return undefined
    total += h * 100
    i += 2
  }
  if (ws[i] === "linh" || ws[i] === "lẻ") {
    const u = digit(ws[i + 1])
    if (u === undefined || u === 0 || ws.length !== i + 2) return undefined
    return total + u
  }
  if (ws[i] === "mười") {
    total += 10
    i += 1
  } else if (ws[i + 1] === "mươi") {
    const t = digit(ws[i])
    if (t === undefined || t < 2) return undefined
    total += t * 10
    i += 2
  }
  if (i < ws.length) {
    const u = digit(ws[i])
    // "không" alone is read by the caller; after tens or hundreds a zero is not said ("mười không").
    if (u === undefined || (u === 0 && i > 0) || ws.length !== i + 1) return undefined
    total += u
  }
  return total
}

const parseWordsVi = (ws: ReadonlyArray<string>): number | undefined => {
  if (ws.length === 0) return 0
  for (const [unit, factor] of [["tỷ", 1_000_000_000], ["triệu", 1_000_000], ["nghìn", 1000], ["ngàn", 1000]] as const) {
    const at = unit === "tỷ" ? ws.lastIndexOf(unit) : ws.indexOf(unit)
    if (at < 0) continue
    if (at === 0) return undefined
    const high = parseWordsVi(ws.slice(0, at))
    const low = parseWordsVi(ws.slice(at + 1))
    if (high === undefined || low === undefined || low >= factor) return undefined
    return high * factor + low
  }
  return parseTripleVi(ws)
}

/**
 * Reads a whole number written in Vietnamese words, as {@link numberInWordsVi} writes it and with
 * the usual variants ("lẻ" for "linh", "ngàn" for "nghìn", "nhăm" for "lăm", "bẩy" for "bảy"):
 * "hai mươi mốt" → 21, "một trăm lẻ năm" → 105. Case and spacing do not matter. Returns
 * `undefined` for anything else; never throws.
 *
 * @since 0.2.0
 * @category parsing
 */
export const parseNumberInWordsVi = (s: string): number | undefined => {
  const ws = s.normalize("NFC").trim().toLocaleLowerCase("vi").split(/\s+/u).filter((w) => w.length > 0)
  if (ws.length === 0) return undefined
  const negative = ws[0] === "âm"
  const body = negative ? ws.slice(1) : ws
  if (body.length === 1 && body[0] === "không") return 0
  if (body.length === 0 || body.includes("không") && body.indexOf("không") === 0) return undefined
  const n = parseWordsVi(body)
  if (n === undefined || n === 0) return undefined
  return negative ? -n : n
}

const EN_ONES = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"
] as const
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"] as const
const EN_SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e15, "quadrillion"],
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
  [1e3, "thousand"]
]

const belowThousandEn = (n: number): string => {
  const h = Math.floor(n / 100)
  const r = n % 100
  const tens = r < 20 ? (r === 0 ? "" : EN_ONES[r]!) : `${EN_TENS[Math.floor(r / 10)]!}${r % 10 === 0 ? "" : `-${EN_ONES[r % 10]!}`}`
  if (h === 0) return tens
  return `${EN_ONES[h]!} hundred${tens === "" ? "" : ` ${tens}`}`
}

/**
 * A whole number in English words, without "and": "fifteen", "twenty-one", "one hundred five",
 * "one thousand", "two million three hundred thousand". Negative numbers start with "minus".
 * Throws a `RangeError` for anything but a safe integer.
 *
 * @since 0.2.0
 * @category formatting
 */
export const numberInWordsEn = (n: number): string => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`numberInWordsEn needs a safe integer, got ${n}`)
  if (n === 0) return "zero"
  let rest = Math.abs(n)
  const out: Array<string> = []
  for (const [value, name] of EN_SCALES) {
    const g = Math.floor(rest / value)
    if (g > 0) {
      out.push(`${belowThousandEn(g)} ${name}`)
      rest -= g * value
    }
  }
  if (rest > 0) out.push(belowThousandEn(rest))
  return `${n < 0 ? "minus " : ""}${out.join(" ")}`
}

/**
 * Writes a number in a {@link NumberStyle}: `formatStyled(5, { pad: 2 })` is "05",
 * `formatStyled(1500, { grouping: false })` is "1500", `formatStyled(15, { words: "vi" })` is
 * "mười lăm". Without a style it is {@link formatNumber}.
 *
 * @since 0.2.0
 * @category formatting
 */
export const formatStyled = (n: number, style: NumberStyle = {}): string => {
  if (style.words !== undefined && Number.isSafeInteger(n) && n >= 0) return style.words === "vi" ? numberInWordsVi(n) : numberInWordsEn(n)
  const grouped = formatNumber(n)
  const text = style.grouping === false ? grouped.replaceAll(".", "") : grouped
  const pad = style.pad ?? 0
  if (pad <= 1 || !Number.isInteger(n) || n < 0) return text
  const digits = text.replaceAll(".", "")
  if (digits.length >= pad) return text
  // Zero-filled digits are not grouped ("000015", never "000.015").
  return digits.padStart(pad, "0")
}

/**
 * The word written by default for each qualifier, when the record does not keep the word as it was
 * entered: "hơn" (over), "gần" (nearly), "khoảng" (about); nothing for exact.
 *
 * @since 0.2.0
 * @category data
 */
export const qualifierWords: Readonly<Record<Qualifier, string>> = { exact: "", over: "hơn", nearly: "gần", about: "khoảng" }

/**
 * A reported figure in a style, with its qualifier: the word as entered when there is one
 * ("trên 1.500", "ước 200", "hàng trăm" is written as entered too), else the default word of the
 * qualifier ("hơn 1.500"). An exact figure has no word.
 *
 * @since 0.2.0
 * @category formatting
 */
export const formatQualified = (n: number, qualifier: Qualifier = "exact", wording?: string, style?: NumberStyle): string => {
  const number = formatStyled(n, style)
  if (qualifier === "exact") return number
  const word = (wording ?? qualifierWords[qualifier]).normalize("NFC").trim()
  return word === "" ? number : `${word} ${number}`
}
