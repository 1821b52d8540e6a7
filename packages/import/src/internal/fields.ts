/**
 * What building a record from a row reads cells with — the date that places names in time, which kinds
 * name their council, how attribute cells and numbers are read, dotted paths — and the core schema
 * decoders. Shared by the record builder and the reference builder its tests compare it with.
 */
import type { CalendarDate } from "@hdnd/core"
import { Dataset, Errors, Format, Text } from "@hdnd/core"
import type * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import type * as SchemaIssue from "effect/SchemaIssue"
import * as SchemaParser from "effect/SchemaParser"

/** The options the importer decodes entities with (the core's: excess fields rejected, values quoted), stopping at the first problem or collecting all. */
export const decodeOptions = (errors: "first" | "all") => ({ ...Errors.DECODE_OPTIONS, errors, onExcessProperty: "error" }) as const

/** The core schema decoders of every entity, stopping at the first problem or collecting all. */
export const decodersWith = (errors: "first" | "all") =>
  Object.fromEntries(
    Dataset.entityKinds.map((k) => [
      k,
      SchemaParser.decodeUnknownResult(Dataset.entitySchemas[k] as unknown as Schema.Codec<unknown, unknown>, decodeOptions(errors))
    ])
  ) as Record<Dataset.EntityKind, (u: unknown) => Result.Result<unknown, SchemaIssue.Issue>>

/**
 * The date that decides which unit, council or term a name means (a programme without its adoption
 * date: the first day of its year; a programme item has none).
 */
export const PRIMARY_DATE: Readonly<Record<Dataset.EntityKind, string | undefined>> = {
  units: "validity.from",
  lineage: "date",
  councils: "validity.from",
  terms: "validity.from",
  organs: "validity.from",
  sessions: "dates.from",
  meetings: "date",
  activities: "date.from",
  tallies: "period.from",
  recommendations: "raisedOn",
  responses: "date",
  evaluations: "date",
  programmes: "adoptedOn",
  programmeItems: undefined,
  resolutions: "adoptedOn",
  documents: "submittedOn"
}

/** The primary date of a record being built, see {@link PRIMARY_DATE}. */
export const primaryDate = (kind: Dataset.EntityKind, out: ReadonlyMap<string, unknown>): CalendarDate.CalendarDate | undefined => {
  const field = PRIMARY_DATE[kind]
  const d = field === undefined ? undefined : (out.get(field) as CalendarDate.CalendarDate | undefined)
  if (d !== undefined || kind !== "programmes") return d
  const year = out.get("year")
  return typeof year === "number" && Number.isInteger(year) && year >= 1000 && year <= 9999 ? (`${year}-01-01` as CalendarDate.CalendarDate) : undefined
}

/** The kinds whose records name their council (names in other columns are resolved within it). */
export const HAS_COUNCIL: ReadonlySet<Dataset.EntityKind> = new Set(["terms", "organs", "sessions", "meetings", "activities", "tallies", "recommendations", "programmes", "resolutions", "documents"])

/** How the cells of known activity attributes are read. */
export const ATTRIBUTE_TYPES: Readonly<Record<string, "boolean" | "letterType" | "integer" | "list">> = {
  delegation: "boolean",
  letterType: "letterType",
  recommendations: "integer",
  questions: "integer",
  delegates: "integer",
  voters: "integer",
  opinions: "integer",
  citizens: "integer",
  letters: "integer",
  documents: "integer",
  persons: "integer",
  /** Places visited: one name, or several separated by ";" (a list). */
  places: "list"
}

/** An integer written plainly or with Vietnamese thousands separators. */
export const parseInteger = (s: string): number | undefined => {
  if (/^\d+$/.test(s)) return Number(s)
  const text = /^\d{1,3}(?:[\s\u00a0\u202f]\d{3})+$/.test(s) ? s.replace(/[\s\u00a0\u202f]/g, "") : s
  const n = Format.parseVietnameseNumber(text)
  return n !== undefined && Number.isInteger(n) ? n : undefined
}

/** The Roman numerals of the months (and, the first four, of the quarters), lower case. */
const ROMAN: ReadonlyMap<string, number> = new Map(
  ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"].map((r, i) => [r, i + 1] as const)
)

// A month or quarter cell after `Text.matchKey` (NFC or not, no diacritics, lower case, "đ" as "d"):
// an optional word ("tháng", "T"; "quý", "Q") with an optional "." or ":", then digits or a Roman numeral.
// The word is captured: a lone "x" is a tick mark, not month X.
const MONTH_FORM = /^(?:(thang|t)\s*[.:]?\s*)?(\d+|[ivx]+)\.?$/
const QUARTER_FORM = /^(?:(quy|q)\s*[.:]?\s*)?(\d+|[ivx]+)\.?$/

const periodOf = (text: string, form: RegExp, romanMax: number): number | undefined => {
  // The fast path, and every value plain numbers were read as before (an out-of-range number is left
  // for the schema to report).
  const n = parseInteger(text)
  if (n !== undefined) return n
  const m = form.exec(Text.matchKey(text))
  if (m === null) return undefined
  const v = m[2] as string
  if (v.charCodeAt(0) <= 0x39) return Number(v)
  if (v === "x" && m[1] === undefined) return undefined
  const r = ROMAN.get(v)
  return r !== undefined && r <= romanMax ? r : undefined
}

/**
 * A month cell of a work-programme item: a number ("7", "07"), "Tháng 7", "tháng 07", "T7", "T.7", a
 * Roman numeral I–XII ("VII", "Tháng VII"); case and diacritics do not matter. A number out of 1–12
 * is returned for the schema to report; `undefined` when the cell is not a month at all (and for a
 * lone "x", a tick mark rather than month X: write "Tháng X" or "10").
 */
export const parseMonth = (text: string): number | undefined => periodOf(text, MONTH_FORM, 12)

/**
 * A quarter cell of a work-programme item: a number ("3", "03"), "Quý 3", "Quý III", "quý iii",
 * "Q3", "Q.3", a Roman numeral I–IV ("III"); case and diacritics do not matter. A number out of 1–4
 * is returned for the schema to report; `undefined` when the cell is not a quarter at all.
 */
export const parseQuarter = (text: string): number | undefined => periodOf(text, QUARTER_FORM, 4)

/** The problem of a month cell {@link parseMonth} cannot read: its code and messages, listing the accepted forms. */
export const invalidMonth = (text: string): { readonly code: string; readonly vi: string; readonly en: string } => ({
  code: "import.invalid-month",
  vi: `tháng "${text}" không đọc được; hãy ghi số từ 1 đến 12 ("7", "07"), "Tháng 7", "T7" hoặc số La Mã ("VII", "Tháng VII")`,
  en: `month "${text}" cannot be read; write a number from 1 to 12 ("7", "07"), "Tháng 7", "T7" or a Roman numeral ("VII", "Tháng VII")`
})

/** The problem of a quarter cell {@link parseQuarter} cannot read: its code and messages, listing the accepted forms. */
export const invalidQuarter = (text: string): { readonly code: string; readonly vi: string; readonly en: string } => ({
  code: "import.invalid-quarter",
  vi: `quý "${text}" không đọc được; hãy ghi số từ 1 đến 4 ("3"), "Quý 3", "Quý III", "Q3" hoặc số La Mã ("III")`,
  en: `quarter "${text}" cannot be read; write a number from 1 to 4 ("3"), "Quý 3", "Quý III", "Q3" or a Roman numeral ("III")`
})

const dates = new Map<string, CalendarDate.CalendarDate | undefined>()

/** `Format.parseVietnameseDate`, remembering recent dates (rows of one file share few dates). */
export const parseDate = (text: string): CalendarDate.CalendarDate | undefined => {
  if (dates.has(text)) return dates.get(text)
  const d = Format.parseVietnameseDate(text)
  if (dates.size >= 10_000) dates.clear()
  dates.set(text, d)
  return d
}

/** The labels of special sessions. */
export const SPECIAL_LABELS = new Set(["chuyen-de", "bat-thuong", "phat-sinh-dot-xuat"])

const paths = new Map<string, ReadonlyArray<string>>()

/** Sets a dotted path in a nested object. */
export const setPath = (target: Record<string, unknown>, path: string, value: unknown): void => {
  let parts = paths.get(path)
  if (parts === undefined) {
    parts = path.split(".")
    if (paths.size >= 1000) paths.clear()
    paths.set(path, parts)
  }
  let o = target
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i] as string
    const next = o[k]
    if (typeof next === "object" && next !== null) o = next as Record<string, unknown>
    else {
      const created: Record<string, unknown> = {}
      o[k] = created
      o = created
    }
  }
  o[parts[parts.length - 1] as string] = value
}

/** A field path without its list indexes (`organisers[1]` → `organisers`). */
export const baseField = (field: string): string => field.replace(/\[\d+\]/g, "")

/**
 * A list attribute cell ("Xã A; Xã B"): its trimmed, non-empty parts; one part is kept as a single
 * value ("Xã A"), several as a list, so a list written with "; " reads back as it was.
 */
export const parseListAttribute = (text: string): string | ReadonlyArray<string> | undefined => {
  const parts = text.split(";").map((x) => x.trim()).filter((x) => x.length > 0)
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : parts
}
