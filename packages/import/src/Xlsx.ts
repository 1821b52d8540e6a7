/**
 * The XLSX reader. The workbook's ZIP container is read by random access through its central
 * directory (yauzl), so the order of the parts inside it does not matter; its XML parts are parsed as
 * streams (saxes), their bytes decoded with a streaming UTF-8 decoder that keeps a character split
 * between two chunks whole. Rows are read one by one from the worksheet XML, never as a whole
 * workbook. It reads the named sheet, or the first visible one. The first non-blank row is the
 * header. Values become text as a person reads them: dates `YYYY-MM-DD` (cells whose number format
 * shows a date, built-in or custom), numbers as plain digits ("1044", "0.3"), formulas their cached
 * result, rich text and hyperlinks their text, booleans `TRUE`/`FALSE`, errors their code ("#N/A");
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
}

/**
 * Reads one sheet of an XLSX workbook as a stream of source items: one `Header`, then one `Row` per
 * non-blank row, with issues in place. A file that is not a workbook, a legacy `.xls` file, a
 * damaged package, a missing sheet or an empty one is one fatal issue (`xlsx.not-xlsx`, `file.xls`,
 * `xlsx.unreadable`, `xlsx.sheet-not-found`, `xlsx.no-sheet`, `file.empty`, or a file-system
 * problem such as `file.not-found`). Never throws.
 *
 * @since 0.1.0
 * @category readers
 */
export const read = (input: Input, options: XlsxOptions = {}): AsyncIterable<SourceItem> => ({
  [Symbol.asyncIterator]: () => readXlsx(input, options.sheet)
})
