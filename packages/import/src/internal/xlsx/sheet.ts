/**
 * The rows of a worksheet, read as a stream from its XML: each `<row>` becomes the text of its cells
 * as a person reads them, and is handed on as soon as it is complete, so memory does not grow with
 * the number of rows.
 */
import { clean } from "../text.js"
import type { Limits } from "./errors.js"
import { XlsxLimitError, XlsxPartError } from "./errors.js"
import { parseXml, unescapeXstring } from "./xml.js"
import type { PartSource } from "./zip.js"

/** One row of a sheet: its 1-based number and its cells' text by 0-based column index ("" for none). */
export interface SheetRow {
  readonly number: number
  readonly values: Array<string>
  /** The 0-based columns of formula cells that have no cached value (the workbook was never calculated). */
  uncached?: Array<number>
}

/** What reading cells needs from the rest of the workbook. */
export interface SheetContext {
  readonly sharedStrings: ReadonlyArray<string>
  /** Whether the cell style of each index shows a date. */
  readonly dateStyles: ReadonlyArray<boolean>
  readonly date1904: boolean
  readonly limits?: Omit<Limits, "maxInflatedBytes"> | undefined
}

/** Serial day 0 of the 1900 date system (Excel's 1900 leap-year bug makes it 1899-12-30 for every date after February 1900). */
const EPOCH_1900 = Date.UTC(1899, 11, 30)
/** Serial day 0 of the 1904 date system. */
const EPOCH_1904 = Date.UTC(1904, 0, 1)

const isoDate = (ms: number): string => {
  const d = new Date(ms)
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10)
}

/** A serial date as `YYYY-MM-DD`, rounded to the millisecond as Excel does. */
export const serialDate = (serial: number, date1904: boolean): string =>
  isoDate((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * 86_400_000))

/** A number as plain digits with at most 15 significant digits, as Excel shows it. */
export const plainNumber = (n: number): string => {
  if (!Number.isFinite(n)) return String(n)
  const rounded = Number(n.toPrecision(15))
  const s = String(rounded)
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)
  if (m === null) return s
  const digits = `${m[2] ?? ""}${m[3] ?? ""}`
  const point = 1 + Number(m[4])
  const body =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? `${digits}${"0".repeat(point - digits.length)}`
        : `${digits.slice(0, point)}.${digits.slice(point)}`
  return `${m[1] ?? ""}${body}`
}

/** The largest column of a worksheet (XFD) and row, as 0-based column index and 1-based row. */
const MAX_COLUMN = 16_383
const MAX_ROW = 1_048_576

/** The 0-based column index of a cell reference ("C12" is 2), or -1 when it is not one. */
export const columnOf = (ref: string): number => {
  let col = 0
  let i = 0
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i)
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64)
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96)
    else break
    if (col > MAX_COLUMN + 1) return -1
  }
  if (i === 0) return -1
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j)
    if (c < 48 || c > 57) return -1
  }
  return col - 1
}

/** The letters of a 0-based column index ("A" for 0). */
const columnName = (index: number): string => {
  let s = ""
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/

/**
 * The rows of the worksheet part `part`, from its bytes. Cells become text: shared and inline strings
 * (rich text as its runs' text), numbers as plain digits or, in a date style, `YYYY-MM-DD`, booleans
 * `TRUE`/`FALSE`, errors their code, formulas their cached result. Throws an `XlsxPartError` for a
 * part that is not a well-formed worksheet.
 */
export async function* readRows(source: PartSource, context: SheetContext): AsyncGenerator<SheetRow, void, undefined> {
  const part = source.part
  const { dateStyles, date1904, sharedStrings } = context
  const ready: Array<SheetRow> = []
  let inData = false
  let row: SheetRow | undefined
  let lastRow = 0
  let column = -1
  // The cell being read.
  let inCell = false
  let type = "n"
  let style = 0
  let value = ""
  let hasValue = false
  let inline = ""
  let phonetic = 0
  let capture: 0 | 1 | 2 = 0 // 1: <v>, 2: <t> of an inline string
  let formula = false
  let rows = 0
  let cells = 0
  const maxRows = context.limits?.maxRows ?? Number.POSITIVE_INFINITY
  const maxCells = context.limits?.maxCells ?? Number.POSITIVE_INFINITY
  const maxCellLength = context.limits?.maxCellLength ?? Number.POSITIVE_INFINITY
  const tooLong = () => new XlsxLimitError("maxCellLength", maxCellLength, part, row?.number, columnName(column))

  const invalid = (detail: string) => new XlsxPartError(part, "invalid", detail)

  const textOf = (): string => {
    switch (type) {
      case "s": {
        if (!hasValue) return ""
        const index = Number(value)
        const s = Number.isInteger(index) ? sharedStrings[index] : undefined
        if (s === undefined) throw invalid(`a cell refers to shared string ${value.trim()}, which the workbook does not have`)
        return s
      }
      case "inlineStr":
        return clean(unescapeXstring(inline !== "" || !hasValue ? inline : value))
      case "str":
        return clean(unescapeXstring(value))
      case "b":
        return !hasValue || value.trim() === "" ? "" : Number(value) !== 0 ? "TRUE" : "FALSE"
      case "e":
        return value.trim()
      case "d": {
        const v = value.trim()
        return ISO_DATE.test(v) ? v.slice(0, 10) : clean(v)
      }
      default: {
        const v = value.trim()
        if (v === "") return ""
        const n = Number(v)
        if (Number.isNaN(n)) return clean(v)
        return dateStyles[style] === true ? serialDate(n, date1904) : plainNumber(n)
      }
    }
  }

  const handler = {
    open: (name: string, attributes: Readonly<Record<string, string>>) => {
      if (!inData) {
        if (name === "sheetData") inData = true
        return
      }
      if (inCell) {
        if (name === "v") {
          capture = 1
          hasValue = true
          value = ""
        } else if (name === "rPh") phonetic++
        else if (name === "t" && phonetic === 0) capture = 2
        else if (name === "f") formula = true
        return
      }
      if (name === "c") {
        if (row === undefined) throw invalid("a cell outside a row")
        const ref = attributes.r
        const col = ref === undefined ? column + 1 : columnOf(ref)
        if (col < 0 || col > MAX_COLUMN) throw invalid(`the cell reference "${ref ?? ""}" is not one`)
        column = col
        if (++cells > maxCells) throw new XlsxLimitError("maxCells", maxCells, part)
        formula = false
        inCell = true
        type = attributes.t ?? "n"
        const s = attributes.s
        style = s === undefined ? 0 : Number(s)
        value = ""
        hasValue = false
        inline = ""
        phonetic = 0
        capture = 0
      } else if (name === "row") {
        const r = attributes.r
        const number = r === undefined ? lastRow + 1 : Number(r)
        if (!Number.isInteger(number) || number < 1 || number > MAX_ROW) throw invalid(`the row number "${r ?? ""}" is not one`)
        if (++rows > maxRows) throw new XlsxLimitError("maxRows", maxRows, part)
        row = { number, values: [] }
        lastRow = number
        column = -1
      }
    },
    text: (t: string) => {
      if (capture === 1) {
        value += t
        if (value.length > maxCellLength) throw tooLong()
      } else if (capture === 2) {
        inline += t
        if (inline.length > maxCellLength) throw tooLong()
      }
    },
    close: (name: string) => {
      if (!inData) return
      if (inCell) {
        if (name === "c") {
          inCell = false
          capture = 0
          const values = (row as SheetRow).values
          for (let i = values.length; i < column; i++) values[i] = ""
          values[column] = textOf()
          if (formula && !hasValue) ((row as SheetRow).uncached ??= []).push(column)
        } else if (name === "v" || name === "t") capture = 0
        else if (name === "rPh") phonetic--
        return
      }
      if (name === "row") {
        if (row !== undefined) ready.push(row)
        row = undefined
      } else if (name === "sheetData") inData = false
    }
  }

  for await (const _ of parseXml(source, handler)) {
    if (ready.length > 0) {
      const rows = ready.splice(0)
      for (const r of rows) yield r
    }
  }
}
