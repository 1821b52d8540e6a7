/**
 * Writes small workbooks for the XLSX reader tests into a temporary directory.
 */
import ExcelJS from "exceljs"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "hdnd-import-"))

export interface SheetSpec {
  readonly name: string
  readonly hidden?: boolean
  /** Rows by Excel row number (1-based); cells by column letter. */
  readonly rows: Readonly<Record<number, Readonly<Record<string, ExcelJS.CellValue | { readonly value: ExcelJS.CellValue; readonly numFmt: string }>>>>
}

export const writeWorkbook = async (path: string, sheets: ReadonlyArray<SheetSpec>): Promise<string> => {
  const wb = new ExcelJS.Workbook()
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden === true ? { state: "hidden" } : {})
    for (const [row, cells] of Object.entries(s.rows)) {
      for (const [col, v] of Object.entries(cells)) {
        const cell = ws.getCell(`${col}${row}`)
        if (typeof v === "object" && v !== null && "numFmt" in v && "value" in v) {
          cell.value = v.value
          cell.numFmt = v.numFmt
        } else cell.value = v as ExcelJS.CellValue
      }
    }
  }
  await wb.xlsx.writeFile(path)
  return path
}
