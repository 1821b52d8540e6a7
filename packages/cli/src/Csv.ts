/**
 * The CSV the commands write themselves (`--format csv` listings and figures, the `--rejects`
 * file), guarded against formula injection exactly as the CSV report exporter is: a text cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a CR gets a leading apostrophe
 * (`Exporter.neutraliseFormula` of @hdnd/core, which @hdnd/export-csv uses), so that a spreadsheet
 * opening the file shows the text instead of running it. A cell that is a plain number (`-5`,
 * `1.044`, `12,5`) is a number, as in the exporter, and stays as it is. Quoting is the exporter's
 * (`CsvExporter.encodeField`). This module loads @hdnd/core: only handlers import it.
 *
 * @since 0.2.0
 */
import { CsvExporter } from "@hdnd/export-csv"
import { Exporter } from "@hdnd/core"

/** A number as the commands print it: optional minus, digits, `.`/`,` groups or decimals. */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)*$/

/**
 * One CSV field: a plain number as it is, other text with the formula guard, quoted when needed.
 *
 * @since 0.2.0
 * @category formatting
 */
export const field = (v: string): string => CsvExporter.encodeField(PLAIN_NUMBER.test(v) ? v : Exporter.neutraliseFormula(v))

/**
 * One CSV line of fields (CRLF line end).
 *
 * @since 0.2.0
 * @category formatting
 */
export const line = (cells: ReadonlyArray<string>): string => `${cells.map(field).join(",")}\r\n`

/**
 * Rows as CSV (with a header row, CRLF line ends).
 *
 * @since 0.2.0
 * @category formatting
 */
export const csv = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => [header, ...rows].map(line).join("")
