/** Reading a written workbook back with exceljs, for the tests. */
import ExcelJS from "exceljs"
import { inflateRawSync } from "node:zlib"

/** Loads XLSX bytes. */
export const load = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook()
  // exceljs types its input as its own `Buffer` (an ArrayBuffer); a Node Buffer is what it reads.
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0])
  return wb
}

/** The text a reader sees in a cell: numbers as `String(value)`, formulas as their cached result. */
export const textOf = (v: ExcelJS.CellValue): string | undefined => {
  if (v === null || v === undefined) return undefined
  if (typeof v === "string") return v
  if (typeof v === "number" || typeof v === "boolean") return String(v)
  if (v instanceof Date) return v.toISOString()
  if ("richText" in v) return v.richText.map((r) => r.text).join("")
  if ("hyperlink" in v) return v.text
  if ("error" in v) return v.error
  if ("formula" in v || "sharedFormula" in v) return v.result === undefined ? undefined : textOf(v.result as ExcelJS.CellValue)
  return undefined
}

/** Every cell of a sheet with a value. */
export const cells = (ws: ExcelJS.Worksheet): Array<ExcelJS.Cell> => {
  const out: Array<ExcelJS.Cell> = []
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => void out.push(c)))
  return out
}

/** Every text shown in a workbook, sheet by sheet. */
export const texts = (wb: ExcelJS.Workbook): Array<string> =>
  wb.worksheets.flatMap((ws) => cells(ws).flatMap((c) => {
    const t = textOf(c.value)
    return t === undefined ? [] : [t]
  }))

/** Each entry of a zip archive: its name, the modification time and date stamped on it (MS-DOS format), where it is. */
export const zipStamps = (
  zip: Uint8Array
): Array<{ readonly name: string; readonly time: number; readonly date: number; readonly localTime: number; readonly localDate: number; readonly offset: number; readonly compressedSize: number }> => {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let end = zip.length - 22
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--
  const out = []
  let p = view.getUint32(end + 16, true)
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(p + 28, true)
    const local = view.getUint32(p + 42, true)
    out.push({
      name: new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLength)),
      time: view.getUint16(p + 12, true),
      date: view.getUint16(p + 14, true),
      localTime: view.getUint16(local + 10, true),
      localDate: view.getUint16(local + 12, true),
      offset: local,
      compressedSize: view.getUint32(p + 20, true)
    })
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true)
  }
  return out
}

/** The bytes of one entry of a zip archive (stored or deflated). */
export const zipEntry = (zip: Uint8Array, name: string): Uint8Array => {
  const entry = zipStamps(zip).find((e) => e.name === name)
  if (entry === undefined) throw new Error(`no ${name} in the archive`)
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const p = entry.offset
  const method = view.getUint16(p + 8, true)
  const size = entry.compressedSize
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true)
  const data = zip.subarray(start, start + size)
  return method === 0 ? data : new Uint8Array(inflateRawSync(data))
}
