/**
 * Excel number formats for figure cells. A figure is written as a number; its format shows it as
 * the report writes it: grouped thousands (`#,##0`, which Excel draws with the reader's own
 * separators, "1.044" on a Vietnamese system) or as the report's number style wrote it (zero-padded
 * "05" → `00`, ungrouped "1500" → `0`), the same number of decimals, and the words around
 * the number kept as literal text ("hơn 1.044" → `"hơn "#,##0`), so the cell still sums.
 */
import { Format } from "@hdnd/core"

/** The format of whole numbers: thousands grouped, no decimals. */
export const INTEGER_FORMAT = "#,##0"

/** Grouped thousands with `decimals` fraction digits. */
export const groupedFormat = (decimals: number): string => (decimals <= 0 ? INTEGER_FORMAT : `${INTEGER_FORMAT}.${"0".repeat(decimals)}`)

const MAX_DECIMALS = 10
const MAX_LITERAL = 100

/** Text shown as is inside a number format. */
const literal = (s: string): string => (s.length === 0 ? "" : `"${s.replaceAll('"', '"\\""')}"`)

/** Fraction digits of a number (at most 10), for a figure whose text gives none. */
const decimalsOf = (n: number): number => {
  if (Number.isInteger(n)) return 0
  const fixed = Math.abs(n).toFixed(MAX_DECIMALS).replace(/0+$/, "")
  const point = fixed.indexOf(".")
  return point < 0 ? 0 : fixed.length - point - 1
}

const NUMBER_IN_TEXT = /[-\u2212]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?/g

/** Whether `written`, rounded to `decimals` places, is how `value` prints. */
const matches = (written: number, value: number, decimals: number): boolean =>
  Math.abs(written - value) <= 0.5 * 10 ** -decimals + 1e-9 * Math.max(1, Math.abs(value))

/**
 * The format of a number as written: zero-padded ("05" → `00`), not grouped ("1500" → `0`), or
 * grouped thousands, with its decimals.
 */
const styledFormat = (number: string, written: number, decimals: number): string => {
  const integer = number.replace(/^[-\u2212]/, "").split(",")[0] ?? ""
  const fraction = decimals <= 0 ? "" : `.${"0".repeat(decimals)}`
  if (/^0\d/.test(integer)) return `${"0".repeat(integer.length)}${fraction}`
  if (!integer.includes(".") && Math.abs(written) >= 1000) return `0${fraction}`
  return groupedFormat(decimals)
}

/**
 * The number format that shows `value` as `text` shows it, or grouped thousands with the value's
 * own decimals when the text does not contain the number.
 */
export const numberFormatOf = (text: string, value: number): string => {
  for (const m of text.matchAll(NUMBER_IN_TEXT)) {
    const written = Format.parseVietnameseNumber(m[0].replace("\u2212", "-"))
    if (written === undefined) continue
    const decimals = /,(\d+)$/.exec(m[0])?.[1]?.length ?? 0
    if (decimals > MAX_DECIMALS) continue
    const prefix = text.slice(0, m.index)
    const rest = text.slice(m.index + m[0].length)
    const percent = rest.startsWith("%") && matches(written / 100, value, decimals + 2)
    if (!percent && !matches(written, value, decimals)) continue
    const suffix = percent ? rest.slice(1) : rest
    if (prefix.length > MAX_LITERAL || suffix.length > MAX_LITERAL || /[\u0000-\u001f]/.test(prefix + suffix)) break
    return `${literal(prefix)}${styledFormat(m[0], written, decimals)}${percent ? "%" : ""}${literal(suffix)}`
  }
  return groupedFormat(decimalsOf(value))
}
