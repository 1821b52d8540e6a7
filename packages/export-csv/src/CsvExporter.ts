/**
 * Report tables as CSV (RFC 4180): comma-separated, CRLF line ends, a field with a comma, a quote, a
 * CR or an LF in double quotes with its quotes doubled, UTF-8 with a byte order mark so Excel reads
 * Vietnamese text correctly.
 *
 * Each table of the document (every table block, then every appendix, in document order) is one
 * file: a row with the table's title, the header row of its columns, the data rows, and the total
 * row. Every row has as many fields as the widest row. Figures are plain numbers ("1044",
 * "1234567.5": no grouping, a dot before decimals, no exponent) so a spreadsheet reads them as
 * numbers; text goes through `neutraliseFormula`. One table gives one CSV file; several give a zip of
 * `01-<tên-bảng>.csv`, `02-…`, …; a document without tables gives one CSV file with its title alone.
 *
 * @since 0.1.0
 */
import { Exporter } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import * as Effect from "effect/Effect"
import { zipSync } from "fflate"
import { plainNumber } from "./internal/plainNumber.js"

/**
 * The byte order mark each file starts with (U+FEFF, the bytes EF BB BF in UTF-8): without it Excel
 * reads a CSV file in the computer's legacy code page and garbles Vietnamese letters.
 *
 * @since 0.1.0
 * @category data
 */
export const BOM = "\ufeff"

/**
 * The line end of every row, CRLF as RFC 4180 writes it.
 *
 * @since 0.1.0
 * @category data
 */
export const CRLF = "\r\n"

/**
 * The media type of one CSV file.
 *
 * @since 0.1.0
 * @category data
 */
export const MEDIA_TYPE = "text/csv"

/**
 * The media type of several CSV files in a zip.
 *
 * @since 0.1.0
 * @category data
 */
export const ZIP_MEDIA_TYPE = "application/zip"

/**
 * One field as RFC 4180 writes it: in double quotes, with every quote doubled, when it holds a comma,
 * a quote, a CR or an LF; as it is otherwise. No formula guard here (see {@link fieldOf}).
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text)

/**
 * The field of a document cell: a figure as a plain number ("1044", "-2.5"), anything else as its
 * text through `neutraliseFormula` (a figure that is not a finite number too).
 *
 * @since 0.1.0
 * @category encoding
 */
export const fieldOf = (cell: ReportDocument.DocCell): string =>
  cell.value !== undefined && Number.isFinite(cell.value) ? plainNumber(cell.value) : Exporter.neutraliseFormula(cell.text)

/**
 * One row: its cells as fields ({@link fieldOf}, quoted by {@link encodeField}), separated by commas,
 * padded with empty fields to `width` when it is shorter, ended by CRLF.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeRow = (cells: ReadonlyArray<ReportDocument.DocCell>, width = cells.length): string => {
  let line = ""
  const n = Math.max(width, cells.length)
  for (let j = 0; j < n; j++) {
    const c = cells[j]
    if (j > 0) line += ","
    if (c !== undefined) line += encodeField(fieldOf(c))
  }
  return line + CRLF
}

/**
 * A CSV file to write: its name in the zip and its content, byte order mark included.
 *
 * @since 0.1.0
 * @category models
 */
export interface CsvFile {
  /** `01-<slug of the title>.csv`, numbered in document order. */
  readonly name: string
  /** The file's text: the byte order mark, then one CRLF-ended row per line. */
  readonly text: string
}

const text = (value: string): ReportDocument.DocCell => ({ text: value })

/**
 * One table as the text of a CSV file, byte order mark included: title row, header row, data rows,
 * total row, all as wide as the widest. `onRows` is told after each thousand rows.
 *
 * @since 0.1.0
 * @category encoding
 */
export const tableText = (table: ReportDocument.DocTable, onRows?: (rows: number) => void): string => {
  let width = Math.max(1, table.columns.length, table.total?.length ?? 0)
  for (const r of table.rows) width = Math.max(width, r.length)
  const parts: Array<string> = [BOM, encodeRow([text(table.title)], width)]
  if (table.columns.length > 0) parts.push(encodeRow(table.columns.map(text), width))
  let pending = 0
  for (const r of table.rows) {
    parts.push(encodeRow(r, width))
    if (++pending === 1000) {
      onRows?.(pending)
      pending = 0
    }
  }
  if (pending > 0) onRows?.(pending)
  if (table.total !== undefined) parts.push(encodeRow(table.total, width))
  return parts.join("")
}

/**
 * Every table of a document in order (table blocks, then appendices), each as a named CSV file. A
 * document without tables gives one file with the document's title as its only row. `onRows` is
 * told after each thousand rows.
 *
 * @example
 * ```ts
 * import type { ReportDocument } from "@hdnd/core"
 * import { CsvExporter } from "@hdnd/export-csv"
 * import { writeFile } from "node:fs/promises"
 *
 * const saveEach = async (doc: ReportDocument.ReportDocument) => {
 *   for (const f of CsvExporter.tables(doc)) await writeFile(f.name, f.text) // one file per table, with a BOM
 * }
 * ```
 *
 * @since 0.1.0
 * @category encoding
 */
export const tables = (doc: ReportDocument.ReportDocument, onRows?: (rows: number) => void): ReadonlyArray<CsvFile> => {
  const all = [...doc.sections.flatMap((s) => s.blocks.filter((b): b is ReportDocument.DocTable => b._tag === "Table")), ...(doc.appendices ?? [])]
  const digits = Math.max(2, String(all.length).length)
  const name = (i: number, title: string) => `${String(i + 1).padStart(digits, "0")}-${Exporter.slug(title)}.csv`
  if (all.length === 0) return [{ name: name(0, doc.title), text: BOM + encodeRow([text(doc.title)]) }]
  return all.map((t, i) => ({ name: name(i, t.title), text: tableText(t, onRows) }))
}

/**
 * The time stamped on every entry of the zip: `createdAt` read in UTC. fflate writes a zip entry's
 * time in local time, so the UTC parts are given as a local date; the bytes are then the same in
 * every time zone. (An hour that does not exist locally, at a daylight-saving change, falls back to
 * noon.) Zip holds the years 1980–2099: a date outside them becomes the nearest end.
 */
const zipTime = (d: Date): Date => {
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1980) return new Date(1980, 0, 1, 12)
  if (d.getUTCFullYear() > 2099) return new Date(2099, 11, 31, 12)
  const year = d.getUTCFullYear()
  const local = new Date(year, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds())
  return local.getHours() === d.getUTCHours() ? local : new Date(year, d.getUTCMonth(), d.getUTCDate(), 12)
}

const encoder = new TextEncoder()

/**
 * The CSV exporter (`csv`): one table as a CSV file, several as a zip of CSV files.
 *
 * @example
 * ```ts
 * import { Exporter, type ReportDocument } from "@hdnd/core"
 * import { CsvExporter } from "@hdnd/export-csv"
 * import * as Effect from "effect/Effect"
 * import { writeFile } from "node:fs/promises"
 *
 * const save = async (doc: ReportDocument.ReportDocument) => {
 *   const { bytes, extension } = await Effect.runPromise(CsvExporter.exporter.export(Exporter.document(doc)))
 *   await writeFile(`bao-cao.${extension}`, bytes)
 * }
 * ```
 *
 * @since 0.1.0
 * @category exporters
 */
export const exporter: Exporter.Exporter = {
  id: "csv",
  vi: "CSV (bảng số liệu, UTF-8; nhiều bảng thì nén zip)",
  en: "CSV (tables as UTF-8 text; several tables in a zip)",
  mediaType: MEDIA_TYPE,
  extension: "csv",
  export: (input, options = {}) =>
    Effect.flatMap(Exporter.documentOf(input, "csv"), (doc) =>
      Effect.try({
        try: (): Exporter.ExportOutput => {
          const all = [...doc.sections.flatMap((s) => s.blocks), ...(doc.appendices ?? [])]
          const total = all.reduce((n, b) => n + (b._tag === "Table" ? b.rows.length : 0), 0)
          let done = 0
          const files = tables(doc, (rows) => {
            done += rows
            options.onProgress?.(done, total)
          })
          if (files.length === 1) return { bytes: encoder.encode(files[0]!.text), mediaType: MEDIA_TYPE, extension: "csv" }
          const mtime = zipTime(options.createdAt ?? new Date())
          const bytes = zipSync(Object.fromEntries(files.map((f) => [f.name, [encoder.encode(f.text), { mtime }]])), { level: 6, mtime })
          return { bytes, mediaType: ZIP_MEDIA_TYPE, extension: "zip" }
        },
        catch: (cause) => new Exporter.ExportError({ format: "csv", vi: "không ghi được tệp CSV", en: "could not write the CSV files", cause })
      })
    )
}
