/**
 * Report documents and tabulations as Excel workbooks that office staff can keep working in:
 *
 * - a cover sheet ("Báo cáo") with the issuing body, number, place and date, the title, the period,
 *   the list of sheets and the whole text of the report (headings and wrapped paragraphs), then the
 *   recipients and the signature;
 * - one sheet per table, named after its title: the title on row 1, a bold header on row 2 that stays
 *   in view (frozen) and carries an autofilter, figures as real numbers with grouped thousands, and a
 *   total row whose cells are `SUM` formulas wherever the column's figures add up to the total;
 * - the chart data ("Biểu đồ"), the figures quoted in the text with their source ("Số liệu trích
 *   dẫn") and the appendices with the drill-down records ("Phụ lục", "Phụ lục 1", …).
 *
 * Every text cell goes through `neutraliseFormula`. A fixed `createdAt` gives the same bytes.
 *
 * @since 0.1.0
 */
import { Exporter } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import * as Effect from "effect/Effect"
import { INTEGER_FORMAT, groupedFormat, numberFormatOf } from "./internal/numberFormat.js"
import { MAX_SHEET_NAME } from "./internal/sheetNames.js"
import { MAX_CELL_TEXT } from "./internal/text.js"
import { HEADER_ROW, SHEETS, write as writeWorkbook } from "./internal/workbook.js"
import { setZipTimes } from "./internal/zipTimes.js"

/**
 * The media type of an XLSX workbook.
 *
 * @since 0.1.0
 * @category data
 */
export const MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/**
 * The names of the sheets that are not tables: the cover, the chart data, the quoted figures and the
 * appendix (several appendices are numbered: "Phụ lục 1", "Phụ lục 2").
 *
 * @since 0.1.0
 * @category data
 */
export const SHEET_NAMES: { readonly cover: string; readonly charts: string; readonly figures: string; readonly appendix: string } = SHEETS

/**
 * The row of a table sheet that holds the column headers; the table title is on row 1 and the data
 * start on the next row.
 *
 * @since 0.1.0
 * @category data
 */
export const TABLE_HEADER_ROW: number = HEADER_ROW

/**
 * The number format of whole figures, `#,##0`: thousands grouped with the separators of the reader's
 * own system (Excel and LibreOffice show "1.044" on a Vietnamese system, "1,044" on an English one).
 *
 * @since 0.1.0
 * @category data
 */
export const NUMBER_FORMAT: string = INTEGER_FORMAT

/**
 * The number format that shows `value` the way `text` writes it: grouped thousands, the same
 * decimals, a percent sign, and words around the number as literal text (`"hơn "#,##0` for
 * "hơn 1.044"). When the text does not contain the number, grouped thousands with the value's own
 * decimals.
 *
 * @since 0.1.0
 * @category formatting
 */
export const numberFormat = (text: string, value: number): string => numberFormatOf(text, value)

/**
 * Grouped thousands with a number of decimals: `#,##0`, `#,##0.0`, `#,##0.00`, …
 *
 * @since 0.1.0
 * @category formatting
 */
export const decimalFormat = (decimals: number): string => groupedFormat(decimals)

/**
 * Limits of the format that the exporter respects: sheet names of at most 31 characters and cells of
 * at most 32,767 characters (longer table cells are cut with "…"; longer paragraphs of the cover
 * sheet go on several rows).
 *
 * @since 0.1.0
 * @category data
 */
export const LIMITS: { readonly sheetName: number; readonly cellText: number } = { sheetName: MAX_SHEET_NAME, cellText: MAX_CELL_TEXT }

const failure = (vi: string, en: string, cause?: unknown) =>
  new Exporter.ExportError({ format: "xlsx", vi, en, ...(cause === undefined ? {} : { cause }) })

/**
 * Writes a report document as XLSX bytes.
 *
 * @since 0.1.0
 * @category conversions
 */
export const write = (
  document: ReportDocument.ReportDocument,
  options: Exporter.ExportOptions = {}
): Effect.Effect<Uint8Array, Exporter.ExportError> =>
  Effect.tryPromise({
    try: async () => {
      const createdAt = options.createdAt ?? new Date()
      const bytes = await writeWorkbook(document, { createdAt, onProgress: options.onProgress })
      return setZipTimes(bytes, createdAt)
    },
    catch: (cause) => failure("không ghi được tệp Excel (XLSX)", "could not write the Excel (XLSX) file", cause)
  })

/**
 * The XLSX exporter (`xlsx`): a workbook with a cover sheet, one sheet per table, the chart data, the
 * quoted figures and the appendices.
 *
 * @example
 * ```ts
 * import { Exporter, type ReportDocument } from "@hdnd/core"
 * import { XlsxExporter } from "@hdnd/export-xlsx"
 * import * as Effect from "effect/Effect"
 * import { writeFile } from "node:fs/promises"
 *
 * const save = async (doc: ReportDocument.ReportDocument) => {
 *   const { bytes, extension } = await Effect.runPromise(XlsxExporter.exporter.export(Exporter.document(doc), { createdAt: new Date("2023-10-04T08:00:00+07:00") }))
 *   await writeFile(`bao-cao.${extension}`, bytes)
 * }
 * ```
 *
 * @since 0.1.0
 * @category exporters
 */
export const exporter: Exporter.Exporter = {
  id: "xlsx",
  vi: "Excel (XLSX): bảng tính có công thức tổng, tiếp tục làm việc được",
  en: "Excel (XLSX): a workbook with total formulas to keep working in",
  mediaType: MEDIA_TYPE,
  extension: "xlsx",
  export: (input, options = {}) =>
    Exporter.documentOf(input, "xlsx").pipe(
      Effect.flatMap((doc) => write(doc, options)),
      Effect.map((bytes) => ({ bytes, mediaType: MEDIA_TYPE, extension: "xlsx" }))
    )
}
