/**
 * The XLSX reader behind `Xlsx.read`: opens the package, reads the workbook's sheet list, picks the
 * sheet, reads the styles and shared strings, then streams the sheet's rows as source items.
 */
import { Text } from "@hdnd/core"
import { errorFor } from "../../Encoding.js"
import type { ImportError } from "../../ImportError.js"
import { fromUnknown, importError } from "../../ImportError.js"
import type { Input } from "../../Input.js"
import { nameOf } from "../../Input.js"
import type { Cell, SourceItem } from "../../SourceRow.js"
import { columnLetter } from "../../SourceRow.js"
import { clean } from "../text.js"
import type { Limits } from "./errors.js"
import { XlsxLimitError, XlsxPartError } from "./errors.js"
import { findPart, readDateStyles, readSharedStrings, readWorkbook } from "./parts.js"
import type { SheetRow } from "./sheet.js"
import { readRows } from "./sheet.js"
import type { Archive, Tuning } from "./zip.js"
import { openArchive } from "./zip.js"

export type { Tuning } from "./zip.js"

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

/** The `xlsx.unreadable` error for what went wrong inside the package (or the file-system error). */
const unreadable = (file: string, cause: unknown): ImportError => {
  if (cause instanceof XlsxLimitError) {
    return importError({ code: "xlsx.too-large", file, vi: cause.vi, en: cause.en, cause })
  }
  const error = fromUnknown(file, cause, "xlsx.unreadable")
  if (error.code !== "xlsx.unreadable") return error
  // The ZIP library's own (English, technical) words stay in the cause, not in the message.
  const [vi, en] =
    cause instanceof XlsxPartError ? [cause.vi, cause.en] : ["cấu trúc ZIP của tệp không đọc được", "the file's ZIP structure cannot be read"]
  return importError({
    code: "xlsx.unreadable",
    file,
    vi: `tệp .xlsx bị hỏng hoặc không đúng định dạng (${vi}); hãy mở lại trong Excel và lưu thành "Excel Workbook (.xlsx)"`,
    en: `the .xlsx file is damaged or not a workbook (${en}); open it in Excel again and save it as "Excel Workbook (.xlsx)"`,
    cause
  })
}

/**
 * Reads one sheet of an XLSX workbook as source items (see `Xlsx.read`). `tuning` is for tests.
 */
export async function* readXlsx(
  input: Input,
  sheet: string | undefined,
  tuning: Tuning = {},
  limits?: Limits
): AsyncGenerator<SourceItem, void, undefined> {
  const file = nameOf(input)
  let archive: Archive | undefined
  try {
    const opened = await openArchive(input, limits === undefined ? tuning : { ...tuning, maxInflatedBytes: limits.maxInflatedBytes })
    if (opened._tag === "NotZip") {
      yield { _tag: "Issue", fatal: true, error: notZip(file, opened.head) }
      return
    }
    archive = opened.archive
    const book = await readWorkbook(archive)
    const wanted = sheet === undefined ? undefined : Text.matchKey(sheet)
    const worksheets = book.sheets.filter((s) => s.part !== undefined).map((s, i) => ({ ...s, name: clean(s.name) || `Sheet${i + 1}` }))
    const chosen = worksheets.find((s) =>
      wanted === undefined ? s.state !== "hidden" && s.state !== "veryHidden" : Text.matchKey(s.name) === wanted
    )
    if (chosen === undefined || chosen.part === undefined) {
      const seen = worksheets.map((s) => `"${s.name}"`).join(", ")
      yield {
        _tag: "Issue",
        fatal: true,
        error:
          sheet === undefined
            ? importError({ code: "xlsx.no-sheet", file, vi: "bảng tính không có trang tính nào để đọc", en: "the workbook has no worksheet to read" })
            : importError({
                code: "xlsx.sheet-not-found",
                file,
                sheet,
                vi: `không có trang tính "${sheet}"; các trang tính hiện có: ${seen || "(không có)"}`,
                en: `there is no worksheet "${sheet}"; the worksheets are: ${seen || "(none)"}`
              })
      }
      return
    }
    const dateStyles = await readDateStyles(archive, book.styles)
    const sharedStrings = await readSharedStrings(archive, book.sharedStrings, limits?.maxCellLength)
    const part = findPart(archive, chosen.part)
    if (part === undefined) throw new XlsxPartError(chosen.part, "unreadable")
    yield* itemsOf(file, chosen.name, readRows(archive.open(part), { sharedStrings, dateStyles, date1904: book.date1904, limits }))
  } catch (cause) {
    yield { _tag: "Issue", fatal: true, error: unreadable(file, cause) }
  } finally {
    // Closing (and removing a spooled copy) must not turn a read into a thrown error.
    await archive?.close().catch(() => {})
  }
}

/** The header (the first non-blank row), then one row per non-blank row, or an issue where a row has a cell with no header. */
async function* itemsOf(file: string, sheet: string, rows: AsyncIterable<SheetRow>): AsyncGenerator<SourceItem, void, undefined> {
  let headers: Array<string> | undefined
  for await (const row of rows) {
    const values = row.values
    if (values.every((v) => v.trim() === "")) continue
    if (headers === undefined) {
      const names = values.map((v) => v.trim())
      while (names.length > 0 && names[names.length - 1] === "") names.pop()
      headers = names
      yield { _tag: "Header", file, sheet, row: row.number, columns: names.map((header, i) => ({ column: columnLetter(i), header })) }
      continue
    }
    const hs = headers
    const uncached = row.uncached?.[0]
    if (uncached !== undefined) {
      // A formula's value is its cached result; without one (a workbook written by a program and
      // never opened in Excel) the cell would silently read as empty.
      const at = columnLetter(uncached)
      yield {
        _tag: "Issue",
        fatal: false,
        error: importError({
          code: "xlsx.formula-not-calculated",
          file,
          sheet,
          row: row.number,
          column: at,
          vi: `ô ${at}${row.number} có công thức nhưng chưa có giá trị tính sẵn; hãy mở tệp trong Excel (hoặc LibreOffice) rồi lưu lại để công thức được tính, hoặc thay công thức bằng giá trị`,
          en: `cell ${at}${row.number} holds a formula with no calculated value; open the file in Excel (or LibreOffice) and save it so the formula is calculated, or replace the formula with its value`
        })
      }
      continue
    }
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
  if (headers === undefined) {
    yield {
      _tag: "Issue",
      fatal: true,
      error: importError({ code: "file.empty", file, sheet, vi: "trang tính trống, không có dòng tiêu đề", en: "the worksheet is empty: it has no header row" })
    }
  }
}
