/**
 * Writes the Sơn La example's data files to `examples/son-la-2023/data/` (CSV, one XLSX workbook and
 * the report template as JSON). Run from the repository root:
 *
 *   npx -y pnpm@10.34.9 --filter @hdnd/example-son-la-2023 run files
 */
import ExcelJS from "exceljs"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { sonLaBatch } from "../src/data.js"
import { csvOf, presentFiles, sheetOf, TEMPLATE_FILE, templateJson } from "../src/files.js"

const dir = fileURLToPath(new URL("../data/", import.meta.url))
mkdirSync(dir, { recursive: true })
const batch = sonLaBatch()
for (const { kind, file } of presentFiles(batch)) {
  if (file.endsWith(".csv")) writeFileSync(join(dir, file), csvOf(kind, batch), "utf8")
  else {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet("Hoạt động")
    const { header, rows } = sheetOf(kind, batch)
    ws.addRow([...header])
    ws.getRow(1).font = { bold: true }
    for (const r of rows) ws.addRow([...r])
    ws.columns.forEach((c) => (c.width = 18))
    await wb.xlsx.writeFile(join(dir, file))
  }
  console.log(`data/${file}`)
}
writeFileSync(join(dir, TEMPLATE_FILE), templateJson(), "utf8")
console.log(`data/${TEMPLATE_FILE}`)
