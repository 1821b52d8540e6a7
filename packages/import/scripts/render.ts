/**
 * What `scripts/templates.ts` writes, as pure functions the tests also use: the CSV and XLSX
 * templates of each entity, and the column reference of `docs/interchange.md`.
 */
import { Dataset, Registry } from "@hdnd/core"
import ExcelJS from "exceljs"
import { Csv, Interchange, Vocabulary } from "../src/index.js"

const FIXED_DATE = new Date(Date.UTC(2025, 0, 1))

/** The columns a template has. */
export const templateColumns = (kind: Dataset.EntityKind): ReadonlyArray<Interchange.Column> =>
  Interchange.entities[kind].columns.filter((c) => c.inTemplate)

/** The CSV template: UTF-8 with a byte order mark (so Excel reads it as UTF-8), CRLF, commas. */
export const csvTemplate = (kind: Dataset.EntityKind): string => {
  const columns = templateColumns(kind)
  return `\uFEFF${Csv.formatRow(columns.map((c) => c.vi))}${Csv.formatRow(columns.map((c) => c.example))}`
}

const toDate = (s: string): Date | undefined => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s)
  return m === null ? undefined : new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])))
}

/** The XLSX template: the data sheet (header, example row, dates as dates, text columns as text) and a guide sheet. */
export const writeXlsxTemplate = async (kind: Dataset.EntityKind, path: string): Promise<void> => {
  const spec = Interchange.entities[kind]
  const columns = templateColumns(kind)
  const wb = new ExcelJS.Workbook()
  wb.creator = "hdnd"
  wb.created = FIXED_DATE
  wb.modified = FIXED_DATE
  const ws = wb.addWorksheet(spec.vi, { views: [{ state: "frozen", ySplit: 1 }] })
  ws.columns = columns.map((c) => ({ header: c.vi, key: c.field, width: Math.min(60, Math.max(14, c.vi.length + 4, c.example.length + 2)) }))
  ws.getRow(1).font = { bold: true }
  const example = ws.getRow(2)
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).numFmt = c.type === "date" ? "dd/mm/yyyy" : "@"
    const cell = example.getCell(i + 1)
    const date = c.type === "date" ? toDate(c.example) : undefined
    cell.value = date ?? c.example
    cell.numFmt = c.type === "date" ? "dd/mm/yyyy" : "@"
    ws.getRow(1).getCell(i + 1).note = `${c.noteVi}\n\n${c.en}: ${c.noteEn}${c.required ? "\n\n(bắt buộc / required)" : ""}`
  })
  const guide = wb.addWorksheet("Hướng dẫn")
  guide.columns = [
    { header: "Cột (tiếng Việt)", width: 30 },
    { header: "Column (English)", width: 18 },
    { header: "Bắt buộc / Required", width: 18 },
    { header: "Cách ghi", width: 80 },
    { header: "How to fill", width: 80 }
  ]
  guide.getRow(1).font = { bold: true }
  for (const c of spec.columns) guide.addRow([c.vi, c.en, c.required ? "có / yes" : "", c.noteVi, c.noteEn])
  await wb.xlsx.writeFile(path)
}

const cell = (s: string): string => s.replaceAll("|", "\\|").replaceAll("\n", " ")

/** The generated part of `docs/interchange.md`: every entity's columns, the vocabularies, the kinds. */
export const referenceMarkdown = (): string => {
  const out: Array<string> = []
  for (const kind of Dataset.entityKinds) {
    const spec = Interchange.entities[kind]
    out.push(`### \`${kind}\`: ${spec.vi} / ${spec.en}`, "")
    out.push(`Mẫu / template: [${kind}.csv](templates/${kind}.csv), [${kind}.xlsx](templates/${kind}.xlsx)`, "")
    out.push("| Cột (VI) | Column (EN) | Cũng nhận / Also accepted | Bắt buộc / Required | Cách ghi | How to fill | Ví dụ / Example |")
    out.push("|---|---|---|---|---|---|---|")
    for (const c of spec.columns) {
      const also = c.aliases.map((a) => `\`${a}\``).join(", ")
      out.push(`| ${cell(c.vi)} | \`${c.en}\` | ${cell(also)} | ${c.required ? "có / yes" : ""} | ${cell(c.noteVi)} | ${cell(c.noteEn)} | ${cell(c.example)} |`)
    }
    out.push("")
  }
  out.push("### Giá trị được nhận / Accepted values", "")
  out.push("| Danh mục / Vocabulary | Mã / Code | Tiếng Việt | English | Cũng nhận / Also accepted |")
  out.push("|---|---|---|---|---|")
  for (const [name, terms] of Object.entries(Vocabulary.vocabularies) as Array<[string, ReadonlyArray<Vocabulary.Term>]>) {
    for (const t of terms) out.push(`| ${name} | \`${t.code}\` | ${cell(t.vi)} | ${cell(t.en)} | ${cell((t.aliases ?? []).join(", "))} |`)
  }
  out.push("")
  out.push("### Loại hoạt động / Activity kinds", "")
  out.push("| Mã / Code | Tiếng Việt | English | Trường phân loại / Classifying fields |")
  out.push("|---|---|---|---|")
  for (const k of Registry.builtin.activityKinds.values()) {
    const fields = Object.entries(k.fields).map(([f, r]) => `${f} (${r === "required" ? "bắt buộc / required" : "tùy chọn / optional"})`).join(", ")
    out.push(`| \`${k.id}\` | ${k.vi} | ${k.en} | ${fields} |`)
  }
  out.push("")
  out.push("Cách ghi gộp / combined labels: " + Vocabulary.activityShortcuts.map((s) => `"${s.label}" → \`${s.kind}\` + ${s.set.field} \`${s.set.value}\``).join("; ") + ".", "")
  out.push("### Loại Ban / Committee kinds", "")
  out.push("| Mã / Code | Tiếng Việt | English | Cũng nhận / Also accepted |")
  out.push("|---|---|---|---|")
  for (const k of Registry.builtin.committeeKinds.values()) out.push(`| \`${k.id}\` | ${k.vi} | ${k.en} | ${(k.aliases ?? []).join(", ")} |`)
  out.push("")
  return out.join("\n")
}

/** Markers around the generated part of `docs/interchange.md`. */
export const MARKERS = ["<!-- reference:start (generated by packages/import/scripts/templates.ts) -->", "<!-- reference:end -->"] as const

/** The document with its generated part replaced. */
export const withReference = (doc: string): string => {
  const [start, end] = MARKERS
  const a = doc.indexOf(start)
  const b = doc.indexOf(end)
  if (a < 0 || b < a) return doc
  return `${doc.slice(0, a + start.length)}\n\n${referenceMarkdown()}\n${doc.slice(b)}`
}
