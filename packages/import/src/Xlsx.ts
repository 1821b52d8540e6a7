/**
 * The XLSX reader, streamed with exceljs's `WorkbookReader`: rows are read one by one from the
 * worksheet XML inside the ZIP, never as a whole workbook. It reads the named sheet, or the first
 * visible one. The first non-blank row is the header. Values become text as a person reads them:
 * dates `YYYY-MM-DD`, numbers as plain digits ("1044", "0.3"), formulas their cached result, rich
 * text and hyperlinks their text, errors their code ("#N/A"); text that looks like a formula is kept
 * verbatim. Every value is NFC-normalised.
 *
 * Shared strings (the workbook's table of distinct texts) are kept in memory, as XLSX requires;
 * they grow with the number of distinct texts, not with the number of rows.
 *
 * @since 0.1.0
 */
import { Text } from "@hdnd/core"
import ExcelJS from "exceljs"
import { Readable } from "node:stream"
import { errorFor } from "./Encoding.js"
import type { ImportError } from "./ImportError.js"
import { fromUnknown, importError } from "./ImportError.js"
import type { Input } from "./Input.js"
import { chunks, nameOf } from "./Input.js"
import type { Cell, SourceItem } from "./SourceRow.js"
import { columnLetter } from "./SourceRow.js"
import { clean } from "./internal/text.js"

/**
 * Options of the XLSX reader: the sheet to read (matched by name, ignoring case, diacritics and
 * spacing); the first visible sheet when absent.
 *
 * @since 0.1.0
 * @category models
 */
export interface XlsxOptions {
  readonly sheet?: string
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

const isoDate = (d: Date): string => (Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10))

/** A number as plain digits with at most 15 significant digits, as Excel shows it. */
const plainNumber = (n: number): string => {
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

const DATE_FORMAT = /[dy]|mmm|m\/|\/m/i

/** The text of an exceljs cell value. `dateFormat` tells whether the cell shows a date. */
const textOf = (value: unknown, dateFormat: boolean): string => {
  if (value === null || value === undefined) return ""
  if (typeof value === "string") return value
  if (typeof value === "number") return dateFormat ? isoDate(new Date(EXCEL_EPOCH + value * 86_400_000)) : plainNumber(value)
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE"
  if (value instanceof Date) return isoDate(value)
  if (typeof value === "object") {
    const v = value as Record<string, unknown>
    if ("result" in v || "formula" in v || "sharedFormula" in v) return textOf(v.result, dateFormat)
    if (Array.isArray(v.richText)) return v.richText.map((r) => (typeof r === "object" && r !== null ? String((r as { text?: unknown }).text ?? "") : "")).join("")
    if ("text" in v) return textOf(v.text, dateFormat)
    if ("error" in v) return String(v.error)
  }
  return String(value)
}

interface ExcelRow {
  readonly number: number
  readonly values: ReadonlyArray<unknown> | Record<string, unknown>
  getCell(i: number): { readonly numFmt?: string | undefined }
}

interface SheetReader extends AsyncIterable<ExcelRow> {
  readonly name?: string
  readonly state?: string
}

/** Values of a row by 0-based column index. */
const valuesOf = (row: ExcelRow): Array<string> => {
  const raw = row.values
  const list = Array.isArray(raw) ? raw : Object.values(raw)
  const out: Array<string> = []
  for (let i = 1; i < list.length; i++) {
    const v = list[i]
    let dateFormat = false
    // exceljs turns plain numbers shown as dates into Date objects itself, but not formula results.
    if (typeof v === "object" && v !== null && "result" in v && typeof (v as { result: unknown }).result === "number") {
      const fmt = row.getCell(i).numFmt
      dateFormat = typeof fmt === "string" && DATE_FORMAT.test(fmt.replace(/"[^"]*"|\[[^\]]*\]/g, ""))
    }
    out[i - 1] = clean(textOf(v, dateFormat))
  }
  for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = ""
  return out
}

const notZip = (file: string, first: Uint8Array): ImportError => {
  const isZip = first[0] === 0x50 && first[1] === 0x4b
  const isXls = first[0] === 0xd0 && first[1] === 0xcf && first[2] === 0x11 && first[3] === 0xe0
  if (isXls) return errorFor(file, { _tag: "Binary", kind: "xls" }, first) as ImportError
  return importError({
    code: isZip ? "xlsx.unreadable" : "xlsx.not-xlsx",
    file,
    vi: isZip
      ? "tệp .xlsx bị hỏng, không đọc được; hãy mở lại trong Excel và lưu thành \"Excel Workbook (.xlsx)\""
      : "tệp không phải bảng tính .xlsx (không phải tệp ZIP); nếu đây là tệp CSV hãy đặt đuôi .csv, nếu không hãy lưu lại trong Excel dạng \"Excel Workbook (.xlsx)\"",
    en: isZip
      ? "the .xlsx file is damaged and cannot be read; open it in Excel again and save it as \"Excel Workbook (.xlsx)\""
      : "the file is not an .xlsx workbook (not a ZIP file); if it is a CSV file give it the .csv extension, otherwise save it again in Excel as \"Excel Workbook (.xlsx)\""
  })
}

/**
 * Reads one sheet of an XLSX workbook as a stream of source items: one `Header`, then one `Row` per
 * non-blank row, with issues in place. Never throws.
 *
 * @since 0.1.0
 * @category readers
 */
export const read = (input: Input, options: XlsxOptions = {}): AsyncIterable<SourceItem> => ({
  [Symbol.asyncIterator]: () => readXlsx(input, options)
})

async function* readXlsx(input: Input, options: XlsxOptions): AsyncGenerator<SourceItem, void, undefined> {
  const file = nameOf(input)
  const source = chunks(input)[Symbol.asyncIterator]()
  let readable: Readable | undefined
  let failure: unknown
  try {
    const first = await source.next()
    if (first.done === true || first.value.length < 4 || first.value[0] !== 0x50 || first.value[1] !== 0x4b) {
      await source.return?.()
      const bytes = first.done === true ? new Uint8Array(0) : first.value
      yield { _tag: "Issue", fatal: true, error: notZip(file, bytes) }
      return
    }
    const head = first.value
    // A read error ends the byte stream (exceljs would wait forever on an errored input) and is
    // reported after the workbook reader gives up on the truncated data.
    readable = Readable.from(
      (async function* () {
        yield head
        try {
          for (;;) {
            const next = await source.next()
            if (next.done === true) return
            yield next.value
          }
        } catch (e) {
          failure = e
        }
      })()
    )
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(readable, {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore"
    })
    const sheets = workbook[Symbol.asyncIterator]()
    const wanted = options.sheet === undefined ? undefined : Text.matchKey(options.sheet)
    const seen: Array<string> = []
    for (;;) {
      const next = await sheets.next()
      if (next.done === true) break
      const ws = next.value as unknown as SheetReader
      const name = clean(ws.name ?? `Sheet${seen.length + 1}`)
      seen.push(name)
      if (wanted === undefined ? ws.state === "hidden" || ws.state === "veryHidden" : Text.matchKey(name) !== wanted) continue
      yield* readSheet(file, name, ws)
      await sheets.return?.(undefined)
      if (failure !== undefined) yield { _tag: "Issue", fatal: true, error: fromUnknown(file, failure) }
      return
    }
    if (failure !== undefined) {
      yield { _tag: "Issue", fatal: true, error: fromUnknown(file, failure) }
      return
    }
    yield {
      _tag: "Issue",
      fatal: true,
      error:
        wanted === undefined
          ? importError({ code: "xlsx.no-sheet", file, vi: "bảng tính không có trang tính nào để đọc", en: "the workbook has no worksheet to read" })
          : importError({
              code: "xlsx.sheet-not-found",
              file,
              sheet: options.sheet,
              vi: `không có trang tính "${options.sheet}"; các trang tính hiện có: ${seen.map((s) => `"${s}"`).join(", ") || "(không có)"}`,
              en: `there is no worksheet "${options.sheet}"; the worksheets are: ${seen.map((s) => `"${s}"`).join(", ") || "(none)"}`
            })
    }
  } catch (cause) {
    const error = fromUnknown(file, failure ?? cause, "xlsx.unreadable")
    yield {
      _tag: "Issue",
      fatal: true,
      error:
        error.code === "xlsx.unreadable"
          ? importError({
              code: "xlsx.unreadable",
              file,
              vi: `tệp .xlsx bị hỏng hoặc không đúng định dạng (${error.cause instanceof Error ? error.cause.message : String(error.cause)}); hãy mở lại trong Excel và lưu thành "Excel Workbook (.xlsx)"`,
              en: `the .xlsx file is damaged or not a workbook (${error.cause instanceof Error ? error.cause.message : String(error.cause)}); open it in Excel again and save it as "Excel Workbook (.xlsx)"`,
              cause: error.cause
            })
          : error
    }
  } finally {
    readable?.destroy()
    await source.return?.()
  }
}

async function* readSheet(file: string, sheet: string, ws: SheetReader): AsyncGenerator<SourceItem, void, undefined> {
  let headers: Array<string> | undefined
  const rows = ws[Symbol.asyncIterator]()
  try {
    for (;;) {
      const next = await rows.next()
      if (next.done === true) break
      const row = next.value
      const values = valuesOf(row)
      if (values.every((v) => v.trim() === "")) continue
      if (headers === undefined) {
        const names = values.map((v) => v.trim())
        while (names.length > 0 && names[names.length - 1] === "") names.pop()
        headers = names
        yield { _tag: "Header", file, sheet, row: row.number, columns: names.map((header, i) => ({ column: columnLetter(i), header })) }
        continue
      }
      const hs = headers
      const extra = values.findIndex((v, i) => i >= hs.length && v.trim() !== "")
      if (extra >= 0) {
        yield {
          _tag: "Issue",
          fatal: false,
          error: importError({
            code: "xlsx.extra-cells",
            file,
            sheet,
            row: row.number,
            column: columnLetter(extra),
            vi: `ô ${columnLetter(extra)}${row.number} có dữ liệu nhưng cột ${columnLetter(extra)} không có tiêu đề; hãy xoá ô đó hoặc thêm tiêu đề cho cột`,
            en: `cell ${columnLetter(extra)}${row.number} has data but column ${columnLetter(extra)} has no header; clear the cell or add a header for the column`
          })
        }
        continue
      }
      const cells: Array<Cell> = new Array(hs.length)
      for (let i = 0; i < hs.length; i++) cells[i] = { column: columnLetter(i), header: hs[i] as string, value: values[i] ?? "" }
      yield { _tag: "Row", file, sheet, row: row.number, cells }
    }
  } finally {
    await rows.return?.(undefined)
  }
  if (headers === undefined) {
    yield {
      _tag: "Issue",
      fatal: true,
      error: importError({ code: "file.empty", file, sheet, vi: "trang tính trống, không có dòng tiêu đề", en: "the worksheet is empty: it has no header row" })
    }
  }
}
