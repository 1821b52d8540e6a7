/**
 * The report document as a `docx` Document in the Decree 30/2020/NĐ-CP layout. Data tables (and
 * charts, written as tables of their values) are left as placeholder paragraphs and listed in
 * `tables`; `DocxExporter` writes them as XML in their place after packing (see `TableXml`).
 */
import { Format, type ReportDocument } from "@hdnd/core"
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IParagraphStyleOptions,
  type IRunOptions
} from "docx"
import { boldTextWidth, eighths, halfPoints, layout, lineSpacing, pageTwips, textWidth, twips, twipsOfPt } from "./Layout.js"
import { TABLE_STYLES, type TableSpec } from "./TableXml.js"

/** The quốc hiệu and tiêu ngữ, as Decree 30 writes them. */
export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".normalize("NFC")
/** The tiêu ngữ: hyphens with spaces between the phrases. */
export const MOTTO = "Độc lập - Tự do - Hạnh phúc".normalize("NFC")

/** Shown across a table or chart without rows. */
const NO_DATA = "Không có số liệu"

/** The style id prefix of placeholder paragraphs; the table index follows it. */
export const PLACEHOLDER_STYLE = "HdndTablePlaceholder"

/** The paragraph written for table `i` before it is replaced, exactly as `docx` serialises it. */
export const PLACEHOLDER = /<w:p><w:pPr><w:pStyle w:val="HdndTablePlaceholder(\d+)"\/><\/w:pPr><\/w:p>/g

/** A document ready to pack, and the tables to put in place of its placeholders, in order. */
export interface Built {
  readonly document: Document
  readonly tables: ReadonlyArray<TableSpec>
}

const FONT = layout.font
const BLACK = layout.color
const sz = layout.sizePt
/** Default cell margins of Word tables (left and right), in twips. */
const CELL_MARGIN = 108

const nfc = (s: string): string => s.normalize("NFC")

const run = (text: string, options: Omit<IRunOptions, "text" | "children"> = {}): TextRun => new TextRun({ text: nfc(text), ...options })

const bodyIndent = twips(layout.body.firstLineIndentMm)
const afterBody = twipsOfPt(layout.body.spacingAfterPt)
const line = lineSpacing(layout.body.lineSpacing)

/**
 * An empty paragraph whose bottom border is a centred rule `width` twips long in a cell of
 * `cellWidth` twips: the line under the tiêu ngữ and under the issuing body.
 */
const rule = (width: number, cellWidth: number): Paragraph => {
  const inner = cellWidth - 2 * CELL_MARGIN
  const side = Math.max(0, Math.floor((inner - Math.min(width, inner)) / 2))
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: eighths(layout.rulePt), color: BLACK, space: 1 } },
    run: { size: 2 }
  })
}

/**
 * A centred paragraph of the header or signature block. Capitals with stacked marks (Ừ, Ự) need a
 * little more than single spacing so that they do not touch the line above.
 */
const centred = (children: ReadonlyArray<TextRun>, spacingBefore = 0, lines = 1): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: spacingBefore, after: 0, line: lineSpacing(lines) }, children: [...children] })

const cell = (width: number, children: ReadonlyArray<Paragraph>): TableCell =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, children: children.length > 0 ? [...children] : [new Paragraph({})] })

/** A borderless two-column table that lays out blocks side by side; no row is split across pages. */
const layoutTable = (widths: readonly [number, number], rows: ReadonlyArray<readonly [ReadonlyArray<Paragraph>, ReadonlyArray<Paragraph>]>): Table =>
  new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(([left, right]) => new TableRow({ cantSplit: true, children: [cell(widths[0], left), cell(widths[1], right)] }))
  })

const headerWidths = (): readonly [number, number] => {
  const left = Math.round(textWidth * layout.headerBlock.leftColumnShare)
  return [left, textWidth - left]
}

/**
 * The top of page 1: on the left the issuing body (its last line, the body's own name, bold, with a
 * short rule under it) and the number; on the right the quốc hiệu, the tiêu ngữ with a rule as long
 * as it, and the italic place and date.
 */
const headerBlock = (h: ReportDocument.DocHeader): Table => {
  const [left, right] = headerWidths()
  const lines = h.issuingBody.filter((l) => l.trim().length > 0)
  const issuing = lines.map((l, i) => centred([run(l, { size: halfPoints(sz.issuingBody), bold: i === lines.length - 1, allCaps: true })]))
  if (lines.length > 0) {
    const last = boldTextWidth(lines[lines.length - 1]!.toUpperCase(), sz.issuingBody)
    const widest = Math.max(...lines.map((l) => boldTextWidth(l.toUpperCase(), sz.issuingBody)))
    // Decree 30: a solid line one third to one half as long as the line of text above it.
    issuing.push(rule(Math.max(Math.round(last / 2), Math.round(widest / 3)), left))
  }
  const national = [
    centred([run(NATIONAL_TITLE, { size: halfPoints(sz.nationalTitle), bold: true })]),
    centred([run(MOTTO, { size: halfPoints(sz.motto), bold: true })]),
    rule(boldTextWidth(MOTTO, sz.motto), right)
  ]
  const placeDate =
    h.place !== undefined && h.date !== undefined
      ? Format.formatPlaceDate(h.place, h.date)
      : h.date !== undefined
        ? Format.formatDateLong(h.date)
        : (h.place ?? "")
  const numberLine = [centred(h.number === undefined ? [] : [run(h.number, { size: halfPoints(sz.number) })], twipsOfPt(6))]
  const dateLine = [centred(placeDate.length === 0 ? [] : [run(placeDate, { size: halfPoints(sz.placeDate), italics: true })], twipsOfPt(6))]
  return layoutTable([left, right], [
    [issuing, national],
    [numberLine, dateLine]
  ])
}

/** Ends a recipient with ";" (the last with "."), as Decree 30 lists them, unless it has its own stop. */
const recipientLine = (r: string, last: boolean): string => {
  const t = r.trim()
  return `- ${t}${/[.;:,!?]$/.test(t) ? "" : last ? "." : ";"}`
}

/** "Nơi nhận:" and the recipients on the left, the signature block on the right. */
const signatureBlock = (h: ReportDocument.DocHeader): Table | undefined => {
  if (h.recipients.length === 0 && h.signatureTitle.length === 0 && h.signatory === undefined) return undefined
  const left = Math.round(textWidth * 0.45)
  const recipients =
    h.recipients.length === 0
      ? []
      : [
          new Paragraph({ spacing: { before: twipsOfPt(6), after: 0 }, children: [run("Nơi nhận:", { size: halfPoints(sz.recipientsLabel), bold: true, italics: true })] }),
          ...h.recipients.map((r, i) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(recipientLine(r, i === h.recipients.length - 1), { size: halfPoints(sz.recipients) })] }))
        ]
  const signature = [
    ...h.signatureTitle.map((l, i) => centred([run(l, { size: halfPoints(sz.signature), bold: true, allCaps: true })], i === 0 ? twipsOfPt(6) : 0, 1.15)),
    // Room for the signature and the seal.
    centred(h.signatory === undefined ? [] : [run(h.signatory, { size: halfPoints(sz.signature), bold: true })], twipsOfPt(60))
  ]
  return layoutTable([left, textWidth - left], [[recipients, signature]])
}

const tableTitle = (title: string, options: { pageBreakBefore?: boolean } = {}): Paragraph =>
  new Paragraph({ style: "TableTitle", keepNext: true, ...(options.pageBreakBefore === true ? { pageBreakBefore: true } : {}), children: [run(title)] })

/** Names of the document types of Decree 30, Appendix III, by their abbreviation in the symbol. */
const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  BC: "Báo cáo",
  TTr: "Tờ trình",
  NQ: "Nghị quyết",
  KH: "Kế hoạch",
  TB: "Thông báo",
  QĐ: "Quyết định",
  CTr: "Chương trình",
  QC: "Quy chế"
}

/**
 * The line under an appendix's title that ties it to the document:
 * "(Kèm theo Báo cáo số 85/BC-HĐND ngày 04 tháng 10 năm 2023)". None without a number.
 */
const attachedTo = (h: ReportDocument.DocHeader): string | undefined => {
  if (h.number === undefined) return undefined
  const symbol = h.number.replace(/^Số:?\s*/iu, "").trim()
  const type = /^\d+\/(?:\d{4}\/)?([^-/]+)-/u.exec(symbol)?.[1]
  const date = h.date === undefined ? "" : ` ${Format.formatDateLong(h.date)}`
  return `(Kèm theo ${(type === undefined ? undefined : DOCUMENT_TYPES[type]) ?? "văn bản"} số ${symbol}${date})`
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const

/** The `docx` Document of a report, with placeholders for its tables. */
export const build = (doc: ReportDocument.ReportDocument): Built => {
  const tables: Array<TableSpec> = []
  const placeholder = (spec: TableSpec): Paragraph => {
    tables.push(spec)
    return new Paragraph({ style: `${PLACEHOLDER_STYLE}${tables.length - 1}` })
  }
  const children: Array<FileChild> = []
  if (doc.header !== undefined) children.push(headerBlock(doc.header))
  const signature = doc.header === undefined ? undefined : signatureBlock(doc.header)
  // The last paragraph goes to the page of the signature: a signature never stands alone on a page.
  const lastBlock = doc.sections.at(-1)?.blocks.at(-1)
  const keepWithSignature = (b: ReportDocument.DocBlock) => signature !== undefined && b === lastBlock
  children.push(new Paragraph({ style: "Title", children: [run(doc.title)] }))
  for (const section of doc.sections) {
    if (section.heading !== undefined) children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(section.heading)] }))
    for (const block of section.blocks) {
      switch (block._tag) {
        case "Heading":
          children.push(new Paragraph({ heading: HEADINGS[block.level - 1]!, children: [run(block.text)] }))
          break
        case "Paragraph":
          children.push(new Paragraph({ style: "BodyText", ...(keepWithSignature(block) ? { keepNext: true, keepLines: true } : {}), children: [run(block.text)] }))
          break
        case "Table":
          children.push(tableTitle(block.title), placeholder({ caption: block.title, columns: block.columns, rows: block.rows, total: block.total, emptyNote: NO_DATA }))
          break
        case "Chart":
          children.push(
            tableTitle(block.title),
            placeholder({
              caption: block.title,
              columns: ["Nội dung", "Số liệu"],
              rows: block.series.map((p) => [{ text: p.label }, { text: Format.formatNumber(p.value), value: p.value }]),
              description: block.alt,
              emptyNote: NO_DATA
            })
          )
          break
      }
    }
  }
  if (signature !== undefined) children.push(signature)
  const attached = doc.header === undefined ? undefined : attachedTo(doc.header)
  ;(doc.appendices ?? []).forEach((t, i) => {
    const numbered = /^phụ lục/iu.test(t.title.trim()) ? [] : [new Paragraph({ style: "TableTitle", keepNext: true, pageBreakBefore: true, children: [run(`Phụ lục ${i + 1}`, { allCaps: true })] })]
    children.push(...numbered, tableTitle(t.title, { pageBreakBefore: numbered.length === 0 }))
    if (attached !== undefined) children.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: afterBody }, children: [run(attached, { italics: true, size: halfPoints(sz.table) })] }))
    children.push(placeholder({ caption: t.title, columns: t.columns, rows: t.rows, total: t.total, emptyNote: NO_DATA }))
  })

  const pageNumber = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: halfPoints(sz.pageNumber), children: [PageNumber.CURRENT] })] })]
  })
  const document = new Document({
    creator: "hdnd",
    lastModifiedBy: "hdnd",
    title: nfc(doc.title),
    revision: 1,
    theme: { fonts: { headings: FONT, body: FONT } },
    styles: { default: defaultStyles, paragraphStyles },
    sections: [
      {
        properties: {
          page: {
            size: { width: pageTwips.width, height: pageTwips.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: pageTwips.top, bottom: pageTwips.bottom, left: pageTwips.left, right: pageTwips.right, header: pageTwips.header, footer: pageTwips.header, gutter: 0 }
          },
          // Page 1 has its own header, which is empty: no page number on the first page.
          titlePage: true
        },
        headers: { default: pageNumber, first: new Header({ children: [new Paragraph({})] }) },
        children
      }
    ]
  })
  return { document, tables }
}

const black = { color: BLACK, font: FONT } as const

const heading = (level: 0 | 1 | 2, italics: boolean) => ({
  run: { ...black, bold: true, italics, size: halfPoints(sz.heading) },
  paragraph: {
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: bodyIndent },
    spacing: { before: afterBody, after: afterBody, line },
    keepNext: true,
    keepLines: true,
    outlineLevel: level
  }
})

const defaultStyles = {
  document: {
    run: { font: FONT, size: halfPoints(sz.body), color: BLACK, language: { value: "vi-VN" } },
    paragraph: { spacing: { before: 0, after: 0, line: 240 } }
  },
  title: {
    run: { ...black, bold: true, allCaps: true, size: halfPoints(sz.title) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: twipsOfPt(18), after: twipsOfPt(12), line: lineSpacing(1.15) }, keepNext: true }
  },
  heading1: heading(0, false),
  heading2: heading(1, false),
  heading3: heading(2, true),
  heading4: { run: black },
  heading5: { run: black },
  heading6: { run: black },
  caption: { run: black },
  hyperlink: { run: black }
}

const paragraphStyles: ReadonlyArray<IParagraphStyleOptions> = [
  {
    id: "BodyText",
    name: "Body Text",
    basedOn: "Normal",
    quickFormat: true,
    run: { ...black, size: halfPoints(sz.body) },
    paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: bodyIndent }, spacing: { before: 0, after: afterBody, line } }
  },
  {
    id: "TableTitle",
    name: "Table Title",
    basedOn: "Normal",
    run: { ...black, bold: true, size: halfPoints(sz.body) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: afterBody, after: afterBody, line: 240 }, keepNext: true }
  },
  {
    id: TABLE_STYLES.text,
    name: "Table Text",
    basedOn: "Normal",
    run: { ...black, size: halfPoints(sz.table) },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 20, after: 20, line: 240 } }
  },
  { id: TABLE_STYLES.number, name: "Table Number", basedOn: TABLE_STYLES.text, paragraph: { alignment: AlignmentType.RIGHT } },
  { id: TABLE_STYLES.header, name: "Table Header", basedOn: TABLE_STYLES.text, run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER } },
  { id: TABLE_STYLES.total, name: "Table Total", basedOn: TABLE_STYLES.text, run: { bold: true } },
  { id: TABLE_STYLES.totalNumber, name: "Table Total Number", basedOn: TABLE_STYLES.number, run: { bold: true } },
  { id: TABLE_STYLES.note, name: "Table Note", basedOn: TABLE_STYLES.text, run: { italics: true }, paragraph: { alignment: AlignmentType.CENTER } }
]
