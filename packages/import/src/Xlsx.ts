/**
 * The XLSX reader. The workbook's ZIP container is read by random access through its central
 * directory (yauzl), so the order of the parts inside it does not matter; its XML parts are parsed as
 * streams (saxes), their bytes decoded with a streaming UTF-8 decoder that keeps a character split
 * between two chunks whole. Rows are read one by one from the worksheet XML, never as a whole
 * workbook. It reads the named sheet, or the first visible one. The first non-blank row is the
 * header. Values become text as a person reads them: dates `YYYY-MM-DD` (cells whose number format
 * shows a date, built-in or custom), numbers as plain digits ("1044", "0.3"), formulas their cached
 * result (a formula cell with no cached result, from a workbook never calculated, rejects its row with
 * `xlsx.formula-not-calculated`), rich text and hyperlinks their text, booleans `TRUE`/`FALSE`, errors their code ("#N/A");
 * text that looks like a formula is kept verbatim. Every value is NFC-normalised.
 *
 * Shared strings (the workbook's table of distinct texts) are kept in memory, as XLSX requires;
 * they grow with the number of distinct texts, not with the number of rows. A file is read where it
 * is; a streamed input is first collected (in memory up to 32 MiB, beyond that in a temporary file
 * that is removed afterwards), since a ZIP file's index is at its end.
 *
 * @since 0.1.0
 */
import type { Input } from "./Input.js"
import type { SourceItem } from "./SourceRow.js"
import { readXlsx } from "./internal/xlsx/reader.js"

/**
 * Options of the XLSX reader: the sheet to read (matched by name, ignoring case, diacritics and
 * spacing); the first visible sheet when absent.
 *
 * @since 0.1.0
 * @category models
 */
export interface XlsxOptions {
  readonly sheet?: string
  /**
   * The limits of the reader (see {@link XlsxLimits} and {@link defaultLimits}); a workbook past one
   * is refused whole with `xlsx.too-large`.
   *
   * @since 0.2.0
   */
  readonly xlsxLimits?: Partial<XlsxLimits>
}

/**
 * What the XLSX reader refuses to go past, so that a damaged file or a "zip bomb" (a small file that
 * inflates to gigabytes) fails early with a clear message instead of exhausting memory.
 *
 * @since 0.2.0
 * @category models
 */
export interface XlsxLimits {
  /** The most bytes the parts read from one workbook may inflate to, in all. */
  readonly maxInflatedBytes: number
  /** The most rows (`<row>` elements, blank or not) of the sheet read. */
  readonly maxRows: number
  /** The most cells of the sheet read. */
  readonly maxCells: number
  /** The longest text of one cell, in characters. */
  readonly maxCellLength: number
}

/**
 * The default limits: 1 GiB inflated, 1,048,576 rows (Excel's own limit), 20,000,000 cells and 32,767
 * characters per cell (Excel's own limit).
 *
 * @since 0.2.0
 * @category limits
 */
export const defaultLimits: XlsxLimits = {
  maxInflatedBytes: 1024 * 1024 * 1024,
  maxRows: 1_048_576,
  maxCells: 20_000_000,
  maxCellLength: 32_767
}

/**
 * Reads one sheet of an XLSX workbook as a stream of source items: one `Header`, then one `Row` per
 * non-blank row, with issues in place. A file that is not a workbook, a legacy `.xls` file, a
 * damaged package, a missing sheet or an empty one, or a workbook past the reader's limits is one
 * fatal issue (`xlsx.not-xlsx`, `file.xls`, `xlsx.unreadable`, `xlsx.too-large`, `xlsx.sheet-not-found`, `xlsx.no-sheet`, `file.empty`, or a file-system
 * problem such as `file.not-found`). Never throws.
 *
 * @since 0.1.0
 * @category readers
 */
export const read = (input: Input, options: XlsxOptions = {}): AsyncIterable<SourceItem> => ({
  [Symbol.asyncIterator]: () => readXlsx(input, options.sheet, {}, { ...defaultLimits, ...options.xlsxLimits })
})
