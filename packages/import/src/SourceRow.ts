/**
 * What every reader produces: a stream of {@link SourceItem}s. A tabular source (CSV, a sheet of a
 * workbook) yields one {@link Header} and then one {@link SourceRow} per non-empty data row; a JSON
 * source yields rows whose cells are the object's keys. Problems the reader finds (a ragged row, a
 * broken quote, a file in a legacy encoding) are yielded as {@link SourceIssue}s in place, so a
 * reader never throws and the problem keeps its position in the file.
 *
 * Every row carries what a person needs to find it: the file, the sheet, the row number as Excel or
 * a text editor shows it (1-based; for a CSV record spanning several lines, the line it starts on)
 * and, for each cell, the column letter and its header.
 *
 * @since 0.1.0
 */
import type { Dataset } from "@hdnd/core"
import type { ImportError } from "./ImportError.js"

/**
 * One cell: the column as the user sees it (`"C"` in a spreadsheet or CSV, the key path
 * `"date.from"` in JSON), its header, and the value as text, NFC-normalised.
 *
 * @since 0.1.0
 * @category models
 */
export interface Cell {
  readonly column: string
  readonly header: string
  readonly value: string
}

/**
 * Where a source row comes from.
 *
 * @since 0.1.0
 * @category models
 */
export interface Origin {
  /** The file name as given to the reader. */
  readonly file: string
  /** The worksheet, for workbooks. */
  readonly sheet?: string
}

/**
 * The header row of a tabular source, yielded once before its data rows.
 *
 * @since 0.1.0
 * @category models
 */
export interface Header extends Origin {
  readonly _tag: "Header"
  readonly row: number
  readonly columns: ReadonlyArray<{ readonly column: string; readonly header: string }>
}

/**
 * A data row. `entity` is set when the source itself says which entity the row is (a key of a JSON
 * batch such as `{ "activities": [...] }`).
 *
 * @since 0.1.0
 * @category models
 */
export interface SourceRow extends Origin {
  readonly _tag: "Row"
  readonly row: number
  readonly entity?: Dataset.EntityKind
  readonly cells: ReadonlyArray<Cell>
}

/**
 * A problem found while reading. A `fatal` issue ends the source (nothing after it can be read
 * reliably: an unclosed quote, a legacy encoding, an unreadable file); other issues reject one row
 * and reading goes on.
 *
 * @since 0.1.0
 * @category models
 */
export interface SourceIssue {
  readonly _tag: "Issue"
  readonly error: ImportError
  readonly fatal: boolean
}

/**
 * What a reader yields.
 *
 * @since 0.1.0
 * @category models
 */
export type SourceItem = Header | SourceRow | SourceIssue

/**
 * The spreadsheet letter of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA".
 *
 * @since 0.1.0
 * @category columns
 */
export const columnLetter = (index: number): string => {
  let n = Math.max(0, Math.floor(index)) + 1
  let out = ""
  while (n > 0) {
    const r = (n - 1) % 26
    out = String.fromCharCode(65 + r) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

/**
 * The 0-based index of a spreadsheet column letter ("A" → 0, "AA" → 26); `undefined` for anything
 * that is not a column letter.
 *
 * @since 0.1.0
 * @category columns
 */
export const columnIndex = (letter: string): number | undefined => {
  if (!/^[A-Z]{1,3}$/.test(letter)) return undefined
  let n = 0
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

/**
 * Whether every cell of a row is blank (only white space).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isBlank = (cells: ReadonlyArray<{ readonly value: string }>): boolean => cells.every((c) => c.value.trim() === "")

/**
 * The most columns a row may have (16,384, Excel's own limit, column XFD). A header row or record
 * with more is refused before its cells are looked at: no format of hdnd needs more than a few
 * dozen, and half a million would otherwise cost seconds of work that cannot be interrupted.
 *
 * @since 0.2.0
 * @category limits
 */
export const MAX_COLUMNS = 16_384

/**
 * The problem of a row with more than {@link MAX_COLUMNS} cells, in Vietnamese and English.
 *
 * @since 0.2.0
 * @category limits
 */
export const tooManyColumns = (count: number): { readonly vi: string; readonly en: string } => ({
  vi: `dòng có ${count} ô, nhiều hơn giới hạn ${MAX_COLUMNS} cột (giới hạn của Excel); hãy kiểm tra dấu phân cách và xoá các cột thừa`,
  en: `the row has ${count} cells, more than the limit of ${MAX_COLUMNS} columns (Excel's own limit); check the delimiter and delete the extra columns`
})
