/**
 * The CSV reader. UTF-8 with or without a byte order mark (or UTF-16 with one); comma, semicolon or
 * tab, detected from the header line; quoted fields with delimiters, line breaks and doubled quotes;
 * CRLF, LF and CR line endings, mixed. The first non-blank record is the header. Cells are kept as
 * text, verbatim: a cell such as `=SUM(A1)`, `+1`, `-2` or `@x` is never evaluated. Every value is
 * NFC-normalised and stray byte order marks (U+FEFF) are removed. The formula guard of the CSV files
 * hdnd writes to be imported again ({@link guard}: one leading apostrophe before `=`, `+`, `-`, `@`,
 * a tab, a CR or an apostrophe) is undone, so such a file reads back exactly as it was written.
 *
 * Problems do not stop the reader: a row with more or fewer cells than the header, or with text
 * after a closing quote, is reported as an issue at its row and column and reading goes on. An
 * unclosed quote, an over-long record and a legacy encoding end the file with a fatal issue.
 *
 * @since 0.1.0
 */
import { pacer } from "./internal/pace.js"
import type { ImportError } from "./ImportError.js"
import { fromUnknown, importError } from "./ImportError.js"
import { decodeText } from "./Encoding.js"
import type { Input } from "./Input.js"
import { chunks, nameOf } from "./Input.js"
import type { RawFatal, RawRecord } from "./internal/csvParser.js"
import { CsvTokenizer, detectDelimiter } from "./internal/csvParser.js"
import type { Cell, SourceItem } from "./SourceRow.js"
import { columnLetter, MAX_COLUMNS, tooManyColumns } from "./SourceRow.js"
import { chunked } from "./internal/chunked.js"
import { clean } from "./internal/text.js"

/**
 * Options of the CSV reader.
 *
 * - `delimiter`: force the delimiter instead of detecting it from the header line.
 * - `maxRecordLength`: the most characters one record may hold (default 4 MiB); a longer one is
 *   almost always an unclosed quote, and stops the file before it fills the memory.
 *
 * @since 0.1.0
 * @category models
 */
export interface CsvOptions {
  readonly delimiter?: "," | ";" | "\t"
  readonly maxRecordLength?: number
}

/**
 * The default longest record, in characters.
 *
 * @since 0.1.0
 * @category limits
 */
export const DEFAULT_MAX_RECORD_LENGTH = 4 * 1024 * 1024

const fatalError = (file: string, f: RawFatal, headers: ReadonlyArray<string> | undefined): ImportError => {
  const column = columnLetter(f.field)
  const header = headers?.[f.field]
  return f.fatal === "unclosed-quote"
    ? importError({
        code: "csv.unclosed-quote",
        file,
        row: f.line,
        column,
        header,
        vi: "dấu nháy kép mở ở ô này không được đóng đến hết tệp; hãy thêm dấu nháy đóng, hoặc viết dấu nháy trong ô thành hai dấu nháy \"\"",
        en: "the double quote opened in this cell is never closed; add the closing quote, or write a quote inside a cell as two quotes \"\""
      })
    : importError({
        code: "csv.record-too-long",
        file,
        row: f.line,
        column,
        header,
        vi: "dòng này quá dài (thường do một dấu nháy kép không được đóng); hãy kiểm tra dấu nháy ở ô này",
        en: "this record is too long (usually an unclosed double quote); check the quotes in this cell"
      })
}

/** A cell that is a plain number (`-5`, `1.044`, `12,5`): a spreadsheet shows it as a number, so it needs no guard. */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)*$/

/** The first characters that make a spreadsheet read a cell as a formula, and the guard's own apostrophe. */
const GUARDED = new Set(["=", "+", "-", "@", "\t", "\r", "'"])

/**
 * A cell of a CSV file that hdnd writes to be edited in a spreadsheet and imported again (the
 * `--rejects` file, `hdnd programme draft`, `Rows.toCsv`), guarded against formula injection: a
 * value that starts with `=`, `+`, `-`, `@`, a tab or a CR — or with an apostrophe — gets one more
 * apostrophe in front, so that a spreadsheet shows it as text instead of running it; a plain number
 * (`-5`, `1.044`) stays as it is. The reader ({@link read}) removes exactly that apostrophe, so
 * every value reads back as it was written, whatever it starts with.
 *
 * @since 0.2.0
 * @category writing
 */
export const guard = (value: string): string => (value.length > 0 && GUARDED.has(value[0]!) && !PLAIN_NUMBER.test(value) ? `'${value}` : value)

/**
 * The inverse of {@link guard}, applied by the reader to every cell: one leading apostrophe before a
 * character that {@link guard} guards is removed; any other value is as it was.
 *
 * @since 0.2.0
 * @category reading
 */
export const unguard = (value: string): string => (value.charCodeAt(0) === 39 && value.length > 1 && GUARDED.has(value[1]!) ? value.slice(1) : value)

/** A cell as the reader gives it: cleaned (`clean`), then {@link unguard}ed. */
const cellValue = (raw: string): string => unguard(clean(raw))

/**
 * One CSV record: each value quoted when it holds the delimiter, a double quote, a line break, or
 * leading or trailing spaces, with quotes doubled. Ends with CRLF, as Excel writes. Values that look
 * like formulas are written as they are: quote them yourself or use the XLSX format if the file is
 * meant to be opened in a spreadsheet.
 *
 * @since 0.1.0
 * @category writing
 */
export const formatRow = (values: ReadonlyArray<string>, delimiter: "," | ";" | "\t" = ","): string =>
  `${values
    .map((v) => (v.includes(delimiter) || /["\r\n]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v))
    .join(delimiter)}\r\n`

/**
 * Reads a CSV file (or named data) as a stream of source items: one `Header`, then one `Row` per
 * non-blank record, with issues in place. Never throws; reads in chunks, so memory does not grow
 * with the file.
 *
 * @since 0.1.0
 * @category readers
 */
export const read = (input: Input, options: CsvOptions = {}): AsyncIterable<SourceItem> => chunked(() => readCsv(input, options))

/** The items of a file, a tokenized chunk of the file at a time (see `internal/chunked.ts`). */
async function* readCsv(input: Input, options: CsvOptions): AsyncGenerator<ReadonlyArray<SourceItem>, void, undefined> {
  const file = nameOf(input)
  const text = decodeText(chunks(input), file)
  let headers: Array<string> | undefined
  let tokenizer: CsvTokenizer | undefined
  let pending = ""
  let tooWide = false
  const max = options.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH
  // Column letters, made once per column rather than once per cell.
  const letters: Array<string> = []
  const letter = (i: number): string => letters[i] ?? (letters[i] = columnLetter(i))

  /** The items of a tokenized chunk's records, in order. */
  const emit = (records: ReadonlyArray<RawRecord>): Array<SourceItem> => {
    const out: Array<SourceItem> = []
    for (const r of records) {
      if (r.fields.length > MAX_COLUMNS) {
        // Refused before a cell is cleaned or matched: see `SourceRow.MAX_COLUMNS`.
        const { vi, en } = tooManyColumns(r.fields.length)
        out.push({ _tag: "Issue", fatal: headers === undefined, error: importError({ code: "csv.too-many-columns", file, row: r.line, vi, en }) })
        if (headers === undefined) {
          tooWide = true
          break
        }
        continue
      }
      if (headers === undefined) {
        const names = r.fields.map((f) => clean(f).trim())
        if (names.every((h) => h === "")) continue
        while (names.length > 0 && names[names.length - 1] === "") names.pop()
        headers = names
        out.push({ _tag: "Header", file, row: r.line, columns: names.map((header, i) => ({ column: columnLetter(i), header })) })
        continue
      }
      const values = r.fields.map(cellValue)
      if (values.every((v) => v.trim() === "")) continue
      const hs = headers
      if (r.badQuote !== undefined) {
        out.push({
          _tag: "Issue",
          fatal: false,
          error: importError({
            code: "csv.text-after-quote",
            file,
            row: r.line,
            column: columnLetter(r.badQuote),
            header: hs[r.badQuote],
            vi: "có ký tự sau dấu nháy kép đóng; nếu ô chứa dấu nháy kép, hãy đặt cả ô trong dấu nháy và viết mỗi dấu nháy bên trong thành hai dấu nháy \"\"",
            en: "there is text after the closing double quote; if the cell contains a double quote, quote the whole cell and write each quote inside it as two quotes \"\""
          })
        })
        continue
      }
      if (values.length !== hs.length) {
        const extra = values.findIndex((v, i) => i >= hs.length && v.trim() !== "")
        if (values.length > hs.length && extra < 0) values.length = hs.length
        else {
          const more = values.length > hs.length
          const at = more ? extra : values.length
          out.push({
            _tag: "Issue",
            fatal: false,
            error: importError({
              code: more ? "csv.extra-cells" : "csv.missing-cells",
              file,
              row: r.line,
              column: columnLetter(at),
              header: hs[at],
              vi: more
                ? `dòng có ${values.length} ô nhưng dòng tiêu đề chỉ có ${hs.length} cột; ô ${columnLetter(at)} không có tiêu đề. Hãy bỏ ô thừa, thêm tiêu đề cho cột, hoặc đặt ô chứa dấu phân cách trong dấu nháy kép`
                : `dòng chỉ có ${values.length} ô nhưng dòng tiêu đề có ${hs.length} cột (thiếu từ cột ${columnLetter(at)}); hãy thêm các ô còn thiếu (có thể để trống) hoặc kiểm tra dấu phân cách`,
              en: more
                ? `the row has ${values.length} cells but the header has only ${hs.length} columns; cell ${columnLetter(at)} has no header. Remove the extra cell, add a header for the column, or quote a cell that contains the delimiter`
                : `the row has only ${values.length} cells but the header has ${hs.length} columns (missing from column ${columnLetter(at)}); add the missing cells (they may be empty) or check the delimiter`
            })
          })
          continue
        }
      }
      const cells: Array<Cell> = new Array(values.length)
      for (let i = 0; i < values.length; i++) cells[i] = { column: letter(i), header: hs[i] ?? "", value: values[i] as string }
      out.push({ _tag: "Row", file, row: r.line, cells })
    }
    return out
  }

  const pace = pacer()
  try {
    for await (const piece of text) {
      const turn = pace()
      if (turn !== undefined) await turn
      if (typeof piece !== "string") {
        yield [{ _tag: "Issue", fatal: true, error: piece }]
        return
      }
      let chunk = piece
      if (tokenizer === undefined) {
        pending += piece
        const delimiter = options.delimiter ?? detectDelimiter(pending, pending.length > 65536)
        if (delimiter === undefined) continue
        tokenizer = new CsvTokenizer(delimiter, max)
        chunk = pending
        pending = ""
      }
      const { records, fatal } = tokenizer.push(chunk)
      yield emit(records)
      if (tooWide) return
      if (fatal !== undefined) {
        yield [{ _tag: "Issue", fatal: true, error: fatalError(file, fatal, headers) }]
        return
      }
    }
    if (tokenizer === undefined) {
      tokenizer = new CsvTokenizer(options.delimiter ?? detectDelimiter(pending, true) ?? ",", max)
      const first = tokenizer.push(pending)
      yield emit(first.records)
      if (tooWide) return
      if (first.fatal !== undefined) {
        yield [{ _tag: "Issue", fatal: true, error: fatalError(file, first.fatal, headers) }]
        return
      }
    }
    const { records, fatal } = tokenizer.end()
    yield emit(records)
    if (tooWide) return
    if (fatal !== undefined) {
      yield [{ _tag: "Issue", fatal: true, error: fatalError(file, fatal, headers) }]
      return
    }
    if (headers === undefined) {
      yield [
        {
          _tag: "Issue",
          fatal: true,
          error: importError({ code: "file.empty", file, vi: "tệp trống, không có dòng tiêu đề", en: "the file is empty: it has no header row" })
        }
      ]
    }
  } catch (cause) {
    yield [{ _tag: "Issue", fatal: true, error: fromUnknown(file, cause) }]
  }
}
