/**
 * The workbook of a report document: a cover sheet with the header and the whole text, one sheet per
 * table, the chart data, the figures quoted in the text and the appendices.
 *
 * It is written with exceljs's streaming writer: each row is committed (serialised and let go) as
 * soon as it is complete, each sheet as soon as it is done, and every thousand rows the event loop
 * turns so that the zip writer compresses what was committed; text is written in the cells (inline
 * strings) rather than in a shared-strings table, which would keep every distinct text until the
 * end. Memory holds the zip being built and the rows not yet compressed, not a model of every cell
 * (a 300,000-row appendix: bench/xlsx-appendix.ts, issue #16).
 */
import { Format } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import ExcelJS from "exceljs"
import { PassThrough } from "node:stream"
import { INTEGER_FORMAT, numberFormatOf } from "./numberFormat.js"
import { SheetNames } from "./sheetNames.js"
import { cellText, cellTexts, xmlSafe } from "./text.js"

type Doc = ReportDocument.ReportDocument
type Table = ReportDocument.DocTable
type Cell = ReportDocument.DocCell
type Chart = ReportDocument.DocChart

/** The fixed sheet names. */
export const SHEETS = {
  cover: "Báo cáo",
  charts: "Biểu đồ",
  figures: "Số liệu trích dẫn",
  appendix: "Phụ lục"
} as const

/** The row of a table sheet that holds the column headers (the title is on row 1). */
export const HEADER_ROW = 2

const MIN_WIDTH = 10
const MAX_WIDTH = 60
const MAX_HEADER_WIDTH = 40
const COVER_WIDTH = 72
/** Characters of running text per unit of column width (a unit is one digit; letters are narrower). */
const CHARS_PER_WIDTH = 1.1
const PROGRESS_STEP = 1000

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } }
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } }
const A4 = 9

/** Counts the rows written and tells the caller now and then. */
class Progress {
  private done = 0
  private told = 0
  constructor(
    private readonly total: number,
    private readonly onProgress: ((done: number, total: number) => void) | undefined
  ) {}
  add(rows: number): void {
    this.done += rows
    if (this.onProgress !== undefined && (this.done - this.told >= PROGRESS_STEP || this.done === this.total)) {
      this.told = this.done
      this.onProgress(this.done, this.total)
    }
  }
}

/** The cell value and number format of a document cell: a figure as a number, text neutralised. */
const valueOf = (c: Cell): { readonly value: ExcelJS.CellValue; readonly numFmt?: string } =>
  c.value !== undefined && Number.isFinite(c.value) ? { value: c.value, numFmt: numberFormatOf(c.text, c.value) } : { value: cellText(c.text) }

/** How wide a cell reads, in characters: its longest line. */
const lengthOf = (text: string): number => {
  let longest = 0
  for (const line of text.split("\n")) longest = Math.max(longest, line.length)
  return longest
}

/** How many lines a text takes in a column `perLine` characters wide, wrapped at spaces. */
export const wrappedLines = (text: string, perLine: number): number => {
  let lines = 0
  for (const paragraph of text.split("\n")) {
    let used = 0
    lines++
    for (const word of paragraph.split(" ")) {
      const len = word.length
      if (used === 0) used = len
      else if (used + 1 + len <= perLine) used += 1 + len
      else {
        lines++
        used = len
      }
      while (used > perLine) {
        lines++
        used -= perLine
      }
    }
  }
  return lines
}

/** The most points Excel allows for a row's height. */
const MAX_ROW_HEIGHT = 409

/** The height in points of `lines` lines of text in a font of `size` points, at most Excel's limit. */
const rowHeight = (lines: number, size: number): number => Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * 15 * (size / 11)))

const columnLetter = (n: number): string => {
  let s = ""
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s
  return s
}

const pageSetup = (columns: number): Partial<ExcelJS.PageSetup> => ({
  paperSize: A4,
  orientation: columns > 4 ? "landscape" : "portrait",
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
})

/** Whether the data of a column adds up to its total, so a `SUM` formula gives the document's value. */
const addsUp = (sum: number, total: number): boolean => Math.abs(sum - total) <= 1e-9 * Math.max(1, Math.abs(total))

/**
 * Writes a table on its own sheet: the title on row 1, the bold, frozen, filtered header on row 2,
 * the rows, and the total row with a `SUM` formula in each column whose figures add up to the total.
 */
const writeTable = async (wb: Writer, name: string, table: Table, progress: Progress): Promise<void> => {
  let width = table.columns.length
  for (const r of table.rows) width = Math.max(width, r.length)
  width = Math.max(width, table.total?.length ?? 0, 1)
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
    pageSetup: { ...pageSetup(width), printTitlesRow: `1:${HEADER_ROW}` }
  })

  const lengths = Array.from({ length: width }, (_, j) => Math.min(lengthOf(table.columns[j] ?? ""), MAX_HEADER_WIDTH))
  const measure = (r: ReadonlyArray<Cell>) => r.forEach((c, j) => (lengths[j] = Math.max(lengths[j]!, lengthOf(c.text))))
  table.rows.forEach(measure)
  if (table.total !== undefined) measure(table.total)
  const wrapped: Array<number> = []
  lengths.forEach((len, j) => {
    const column = ws.getColumn(j + 1)
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, len + 2))
    if (len > MAX_WIDTH) {
      column.alignment = { wrapText: true, vertical: "top" }
      wrapped.push(j)
    }
  })
  // Rows of several lines: every cell at the top, next to the first line of the wrapped text.
  if (wrapped.length > 0) lengths.forEach((len, j) => len <= MAX_WIDTH && (ws.getColumn(j + 1).alignment = { vertical: "top" }))
  /** Neither Excel nor LibreOffice grows a row for wrapped text when opening a file: set its height. */
  const fitHeight = (row: ExcelJS.Row, r: ReadonlyArray<Cell>) => {
    let lines = 1
    for (const j of wrapped) lines = Math.max(lines, wrappedLines(r[j]?.text ?? "", Math.floor(MAX_WIDTH * CHARS_PER_WIDTH)))
    if (lines > 1) row.height = rowHeight(lines, 11)
  }

  // One format for the figure columns, set before the rows so each new cell takes it (and before the
  // first row is committed, when the streaming writer writes the columns); a cell whose text needs
  // another format gets its own below.
  const figureColumns: Array<number> = []
  for (let j = 0; j < width; j++) if (table.rows.some((r) => r[j]?.value !== undefined)) figureColumns.push(j + 1)
  for (const j of figureColumns) ws.getColumn(j).numFmt = INTEGER_FORMAT

  const titleRow = ws.getRow(1)
  // The title row's cells of the figure columns carry the column's format, as every cell of a
  // formatted column does.
  for (const j of figureColumns) titleRow.getCell(j)
  const title = titleRow.getCell(1)
  title.value = cellText(table.title)
  title.font = { bold: true, size: 13 }
  title.alignment = { vertical: "middle" }
  titleRow.commit()

  const header = ws.getRow(HEADER_ROW)
  table.columns.forEach((c, j) => (header.getCell(j + 1).value = cellText(c)))
  for (let j = 1; j <= width; j++) {
    const cell = header.getCell(j)
    cell.font = { bold: true }
    cell.fill = HEADER_FILL
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN }
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" }
  }
  header.commit()


  const sums = new Array<number>(width).fill(0)
  const numeric = new Array<boolean>(width).fill(true)
  let pending = 0
  for (const r of table.rows) {
    const row = ws.addRow([])
    r.forEach((c, j) => {
      const { numFmt, value } = valueOf(c)
      const cell = row.getCell(j + 1)
      cell.value = value
      if (typeof value === "number") {
        sums[j]! += value
        if (numFmt !== undefined && numFmt !== cell.numFmt) cell.numFmt = numFmt
      } else if (value !== null) numeric[j] = false
    })
    if (wrapped.length > 0) fitHeight(row, r)
    row.commit()
    if (++pending === PROGRESS_STEP) {
      progress.add(pending)
      pending = 0
      // Let the zip writer compress what was committed, so the XML does not pile up in memory.
      await drain()
    }
  }
  progress.add(pending)
  const first = HEADER_ROW + 1
  const last = HEADER_ROW + table.rows.length

  if (table.total !== undefined) {
    const row = ws.addRow([])
    table.total.forEach((c, j) => {
      const { numFmt, value } = valueOf(c)
      const cell = row.getCell(j + 1)
      if (typeof value === "number" && table.rows.length > 0 && numeric[j] && addsUp(sums[j]!, value)) {
        const letter = columnLetter(j + 1)
        cell.value = { formula: `SUM(${letter}${first}:${letter}${last})`, result: value }
      } else cell.value = value
      if (numFmt !== undefined) cell.numFmt = numFmt
    })
    for (let j = 1; j <= width; j++) {
      const cell = row.getCell(j)
      cell.font = { bold: true }
      cell.border = { top: THIN, bottom: THIN }
    }
    row.commit()
  }
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(HEADER_ROW, last), column: width } }
  ws.commit()
}

/** One turn of the event loop, in which the zip writer takes the rows committed so far. */
const drain = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Writes every chart's data as a small table: title, then label and value. */
const writeCharts = (wb: Writer, name: string, charts: ReadonlyArray<Chart>): void => {
  const ws = wb.addWorksheet(name, { pageSetup: pageSetup(2) })
  let widest = 20
  for (const c of charts) for (const p of c.series) widest = Math.max(widest, lengthOf(p.label))
  ws.getColumn(1).width = Math.min(MAX_WIDTH, widest + 2)
  ws.getColumn(2).width = 18
  const heading = ws.addRow([cellText("Số liệu của các biểu đồ")])
  heading.font = { bold: true, size: 13 }
  for (const c of charts) {
    ws.addRow([])
    ws.addRow([cellText(c.title)]).font = { bold: true }
    const header = ws.addRow([cellText("Nhãn"), cellText("Giá trị")])
    header.eachCell((cell) => {
      cell.font = { bold: true }
      cell.fill = HEADER_FILL
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN }
    })
    for (const p of c.series) {
      const row = ws.addRow([cellText(p.label), Number.isFinite(p.value) ? p.value : cellText(String(p.value))])
      const v = row.getCell(2)
      if (typeof v.value === "number") v.numFmt = numberFormatOf(Format.formatNumber(p.value), p.value)
    }
  }
  ws.commit()
}

/** The figures quoted in the text, with the indicator and selection each comes from. */
const figuresTable = (doc: Doc): Table => ({
  _tag: "Table",
  title: "Số liệu trích dẫn trong báo cáo và nguồn của chúng",
  columns: ["Số liệu trong báo cáo", "Chỉ tiêu", "Điều kiện chọn", "Giá trị"],
  rows: doc.figures.map((f) => [
    { text: f.text },
    { text: f.indicator },
    { text: Object.entries(f.where).map(([k, vs]) => `${k} = ${vs.join(", ")}`).join("; ") },
    { text: Format.formatNumber(f.value), value: f.value }
  ])
})

/** The lines of the official header: issuing body, number, place and date. */
const headerLines = (doc: Doc): ReadonlyArray<{ readonly text: string; readonly font?: Partial<ExcelJS.Font> }> => {
  const h = doc.header
  if (h === undefined) return []
  const out: Array<{ text: string; font?: Partial<ExcelJS.Font> }> = h.issuingBody.map((text) => ({ text, font: { bold: true } }))
  if (h.number !== undefined) out.push({ text: h.number })
  const place = h.place?.trim()
  const dateLine =
    h.date !== undefined ? (place !== undefined && place.length > 0 ? Format.formatPlaceDate(place, h.date) : Format.formatDateLong(h.date)) : place
  if (dateLine !== undefined && dateLine.length > 0) out.push({ text: dateLine, font: { italic: true } })
  return out
}

interface Placed {
  readonly table: Table
  readonly sheet: string
}

/**
 * Writes the cover sheet: header, title, period, the list of sheets, then every section's headings
 * and paragraphs (tables and charts as a pointer to their sheet), recipients and signature.
 */
const writeCover = (
  wb: Writer,
  doc: Doc,
  placed: ReadonlyMap<Table, string>,
  contents: ReadonlyArray<readonly [string, string]>,
  chartSheet: string | undefined
): void => {
  const ws = wb.addWorksheet(SHEETS.cover, { pageSetup: pageSetup(1), views: [{ showGridLines: false }] })
  ws.getColumn(1).width = COVER_WIDTH
  ws.getColumn(1).alignment = { wrapText: true, vertical: "top" }
  const line = (text: string, font?: Partial<ExcelJS.Font>) => {
    for (const piece of cellTexts(text)) {
      const row = ws.addRow([piece])
      if (font !== undefined) row.getCell(1).font = font
      // Neither Excel nor LibreOffice grows a row for wrapped text when opening a file: give the row
      // the height of the lines the text will take.
      const size = font?.size ?? 11
      const lines = wrappedLines(piece, Math.floor(((COVER_WIDTH * 11) / size) * CHARS_PER_WIDTH * (font?.bold === true ? 0.9 : 1)))
      if (lines > 1) row.height = rowHeight(lines, size)
    }
  }
  const blank = () => ws.addRow([])

  for (const l of headerLines(doc)) line(l.text, l.font)
  if (doc.header !== undefined) blank()
  line(doc.title, { bold: true, size: 14 })
  line(`Kỳ báo cáo: ${Format.formatPeriod(doc.period, "short")}`)
  blank()
  line("Các trang tính của tệp này:", { bold: true })
  for (const [sheet, what] of contents) line(`«${sheet}»: ${what}`)

  doc.sections.forEach((s) => {
    blank()
    if (s.heading !== undefined) line(s.heading, { bold: true, size: 12 })
    for (const b of s.blocks) {
      switch (b._tag) {
        case "Heading":
          line(b.text, { bold: true, italic: b.level === 3 })
          break
        case "Paragraph":
          line(b.text)
          break
        case "Table":
          line(`Bảng «${b.title}»: xem trang tính «${placed.get(b) ?? ""}».`, { italic: true })
          break
        case "Chart":
          line(`Biểu đồ «${b.title}»: ${b.alt} (số liệu ở trang tính «${chartSheet ?? ""}»).`, { italic: true })
          break
      }
    }
  })

  const h = doc.header
  if (h !== undefined && (h.recipients.length > 0 || h.signatureTitle.length > 0 || h.signatory !== undefined)) {
    blank()
    if (h.recipients.length > 0) {
      line("Nơi nhận:", { bold: true, italic: true })
      for (const r of h.recipients) line(r)
      blank()
    }
    for (const t of h.signatureTitle) line(t, { bold: true })
    if (h.signatory !== undefined) line(h.signatory, { bold: true })
  }
  ws.commit()
}

/** Options of {@link build}. */
export interface BuildOptions {
  readonly createdAt: Date
  readonly onProgress?: ((done: number, total: number) => void) | undefined
}

/** The streaming workbook writer of exceljs. */
type Writer = ExcelJS.stream.xlsx.WorkbookWriter

/**
 * Runs `f` with Node's deprecation warnings off. The streaming writer's zip library (archiver 5,
 * through archiver-utils 2) turns the text parts of the workbook into bytes with the deprecated
 * `new Buffer(string)`, which Node reports once per process (DEP0005) unless the call comes from a
 * node_modules folder: from a bundled CLI it would print a warning on every XLSX report. The first
 * such call is in the writer's constructor; once Node has passed on the warning it never repeats it.
 */
const quietly = <A>(f: () => A): A => {
  const before = process.noDeprecation === true
  process.noDeprecation = true
  try {
    return f()
  } finally {
    process.noDeprecation = before
  }
}

/** The workbook of a document as XLSX bytes, written as a stream (see the module's comment). */
export const write = async (doc: Doc, options: BuildOptions): Promise<Uint8Array> => {
  const sink = new PassThrough()
  const chunks: Array<Buffer> = []
  sink.on("data", (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve)
    sink.on("error", reject)
  })
  const wb = quietly(() => new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false }))
  wb.creator = "hdnd"
  wb.lastModifiedBy = "hdnd"
  wb.created = options.createdAt
  wb.modified = options.createdAt
  wb.title = xmlSafe(doc.title)
  wb.subject = xmlSafe(Format.formatPeriod(doc.period))
  await build(wb, doc, options)
  await wb.commit()
  await finished
  return new Uint8Array(Buffer.concat(chunks))
}

/** Writes the sheets of a document into the workbook writer, each committed when done. */
const build = async (wb: Writer, doc: Doc, options: BuildOptions): Promise<void> => {
  const names = new SheetNames()
  names.reserve(SHEETS.cover)
  const tables = doc.sections.flatMap((s) => s.blocks.filter((b): b is Table => b._tag === "Table"))
  const charts = doc.sections.flatMap((s) => s.blocks.filter((b): b is Chart => b._tag === "Chart"))
  const appendices = doc.appendices ?? []
  const chartSheet = charts.length > 0 ? names.reserve(SHEETS.charts) : undefined
  const figureSheet = doc.figures.length > 0 ? names.reserve(SHEETS.figures) : undefined
  const appendixSheets = appendices.map((_, i) => names.reserve(appendices.length === 1 ? SHEETS.appendix : `${SHEETS.appendix} ${i + 1}`))
  const placed: Array<Placed> = tables.map((table, i) => ({ table, sheet: names.take(table.title, `Bảng ${i + 1}`) }))

  const figures = figureSheet === undefined ? undefined : figuresTable(doc)
  const rows = (t: Table) => t.rows.length
  const total = tables.reduce((n, t) => n + rows(t), 0) + appendices.reduce((n, t) => n + rows(t), 0) + (figures === undefined ? 0 : rows(figures))
  const progress = new Progress(total, options.onProgress)

  const count = (t: Table) => `${Format.formatNumber(t.rows.length)} dòng`
  const contents: Array<readonly [string, string]> = [
    ...placed.map((p) => [p.sheet, `bảng «${p.table.title}», ${count(p.table)}`] as const),
    ...(chartSheet === undefined ? [] : [[chartSheet, `số liệu của ${Format.formatNumber(charts.length)} biểu đồ`] as const]),
    ...(figureSheet === undefined ? [] : [[figureSheet, "các số liệu trích dẫn trong báo cáo và nguồn của chúng"] as const]),
    ...appendices.map((t, i) => [appendixSheets[i]!, `${t.title}, ${count(t)}`] as const)
  ]
  writeCover(wb, doc, new Map(placed.map((p) => [p.table, p.sheet])), contents, chartSheet)
  for (const p of placed) await writeTable(wb, p.sheet, p.table, progress)
  if (chartSheet !== undefined) writeCharts(wb, chartSheet, charts)
  if (figureSheet !== undefined && figures !== undefined) await writeTable(wb, figureSheet, figures, progress)
  for (const [i, t] of appendices.entries()) await writeTable(wb, appendixSheets[i]!, t, progress)
}
