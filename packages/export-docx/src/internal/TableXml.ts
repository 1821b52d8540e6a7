/**
 * Data tables written straight as WordprocessingML. A table of 10,000 rows is 40,000 cells; as
 * `docx` objects it takes about 6 s to build and serialise on a 2-core machine, as a string a few
 * hundred milliseconds. The look lives in paragraph styles (see `TABLE_STYLES`), so each cell is a
 * short run of XML.
 */
import type { ReportDocument } from "@hdnd/core"
import { eighths, layout, textWidth } from "./Layout.js"

/** Paragraph style ids used in table cells; `DocxBuild` defines them in styles.xml. */
export const TABLE_STYLES = {
  text: "TableText",
  number: "TableNumber",
  header: "TableHeader",
  total: "TableTotal",
  totalNumber: "TableTotalNumber",
  note: "TableNote"
} as const

const INVALID_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g
const NEEDS_ESCAPE = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/
const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }

/** Text as XML character data (or an attribute value), NFC, without the characters XML forbids. */
export const escapeXml = (text: string): string => {
  const s = text.normalize("NFC")
  return NEEDS_ESCAPE.test(s) ? s.replace(INVALID_XML, "").replace(/[&<>"]/g, (c) => ESCAPES[c]!) : s
}

const paragraph = (style: string, text: string): string =>
  text.length === 0
    ? `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr></w:p>`
    : `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`

/** What a table needs: the column headers, the rows, an optional total row and an alt text. */
export interface TableSpec {
  readonly caption: string
  readonly columns: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<ReportDocument.DocCell>>
  readonly total?: ReadonlyArray<ReportDocument.DocCell> | undefined
  /** The table's alt text (`w:tblDescription`). */
  readonly description?: string | undefined
  /** Shown in one row across the table when it has no rows. */
  readonly emptyNote?: string | undefined
}

/** How many columns a table needs: its headers, or its widest row if that is wider. */
export const columnCount = (t: TableSpec): number => {
  let n = Math.max(t.columns.length, t.total?.length ?? 0)
  for (const r of t.rows) if (r.length > n) n = r.length
  return n
}

const SAMPLE = 200
/** Left plus right cell margin, in twips (`w:tblCellMar`). */
const CELL_PADDING = 170
/** An average character of Times New Roman at the table size (half an em), in twips. */
const CHAR = Math.round(layout.sizePt.table * 20 * 0.5)

/**
 * Column widths in twips summing to the text width, found the way a browser lays out an automatic
 * table, from the headers and the first 200 rows: each column needs at least its longest word (up to
 * 15 characters) and would like its longest text (up to 60); when everything cannot have what it
 * would like, the room left after the minimums is shared in proportion to what each column lacks.
 */
export const columnWidths = (t: TableSpec, n: number): Array<number> => {
  const sample = t.rows.length > SAMPLE ? t.rows.slice(0, SAMPLE) : t.rows
  const texts = (j: number): Array<string> => [t.columns[j] ?? "", ...sample.map((r) => r[j]?.text ?? ""), t.total?.[j]?.text ?? ""]
  const longestWord = (s: string): number => s.split(/\s+/).reduce((m, w) => Math.max(m, [...w].length), 0)
  const least = Array.from({ length: n }, (_, j) => CELL_PADDING + CHAR * Math.min(15, Math.max(2, ...texts(j).map(longestWord))))
  const most = Array.from({ length: n }, (_, j) => CELL_PADDING + CHAR * Math.min(60, Math.max(2, ...texts(j).map((s) => [...s].length))))
  const sum = (xs: ReadonlyArray<number>) => xs.reduce((a, b) => a + b, 0)
  const [sumLeast, sumMost] = [sum(least), sum(most)]
  const widths =
    sumMost <= textWidth
      ? most.map((w) => (w * textWidth) / sumMost)
      : sumLeast >= textWidth
        ? least.map((w) => (w * textWidth) / sumLeast)
        : least.map((w, j) => w + ((most[j]! - w) * (textWidth - sumLeast)) / (sumMost - sumLeast))
  const whole = widths.map(Math.floor)
  // The rounding remainder goes to the widest column.
  const widest = whole.indexOf(Math.max(...whole))
  whole[widest] = whole[widest]! + textWidth - sum(whole)
  return whole
}

const border = (side: string): string => `<w:${side} w:val="single" w:sz="${eighths(layout.table.borderPt)}" w:space="0" w:color="${layout.color}"/>`

/**
 * A table as `<w:tbl>`: full text width, fixed layout, single black borders, a bold header row that
 * repeats on every page, no row split across pages, figures right-aligned and the total row bold.
 * `onRow` is called after each body row.
 */
export const tableXml = (t: TableSpec, onRow: () => void): string => {
  const n = columnCount(t)
  if (n === 0) return ""
  const widths = columnWidths(t, n)
  const tcPr = widths.map((w) => `<w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr>`)
  const headerTcPr = widths.map((w) => `<w:tcPr><w:tcW w:w="${w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`)
  const out: Array<string> = []
  out.push(
    "<w:tbl><w:tblPr>",
    `<w:tblW w:w="${textWidth}" w:type="dxa"/><w:jc w:val="center"/>`,
    `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>`,
    `<w:tblLayout w:type="fixed"/>`,
    `<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>`,
    t.caption.length > 0 ? `<w:tblCaption w:val="${escapeXml(t.caption)}"/>` : "",
    t.description !== undefined && t.description.length > 0 ? `<w:tblDescription w:val="${escapeXml(t.description)}"/>` : "",
    "</w:tblPr><w:tblGrid>",
    widths.map((w) => `<w:gridCol w:w="${w}"/>`).join(""),
    "</w:tblGrid>"
  )
  out.push("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
  for (let j = 0; j < n; j++) out.push(`<w:tc>${headerTcPr[j]}${paragraph(TABLE_STYLES.header, t.columns[j] ?? "")}</w:tc>`)
  out.push("</w:tr>")
  const row = (cells: ReadonlyArray<ReportDocument.DocCell>, textStyle: string, numberStyle: string) => {
    out.push("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
    for (let j = 0; j < n; j++) {
      const c = cells[j]
      out.push(`<w:tc>${tcPr[j]}${paragraph(c?.value === undefined ? textStyle : numberStyle, c?.text ?? "")}</w:tc>`)
    }
    out.push("</w:tr>")
  }
  for (const r of t.rows) {
    row(r, TABLE_STYLES.text, TABLE_STYLES.number)
    onRow()
  }
  if (t.rows.length === 0 && t.emptyNote !== undefined) {
    out.push(
      `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="${textWidth}" w:type="dxa"/>${n > 1 ? `<w:gridSpan w:val="${n}"/>` : ""}</w:tcPr>${paragraph(TABLE_STYLES.note, t.emptyNote)}</w:tc></w:tr>`
    )
  }
  if (t.total !== undefined) row(t.total, TABLE_STYLES.total, TABLE_STYLES.totalNumber)
  out.push("</w:tbl>")
  return out.join("")
}
