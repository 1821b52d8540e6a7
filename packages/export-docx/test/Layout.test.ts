/**
 * The Decree 30/2020/NĐ-CP layout, read from the XML of the exported official report: paper,
 * margins, font, sizes and weights of the header block, the rule under the tiêu ngữ, the number and
 * the date line, title, headings, running text, tables, "Nơi nhận:" and the signature, and the page
 * number in the top margin from page 2 on.
 */
import { Exporter, Format, type ReportDocument } from "@hdnd/core"
import { ExportDocuments } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { DocxExporter } from "../src/index.js"
import {
  attr,
  paragraphProperties,
  paragraphsXml,
  part,
  rowsXml,
  runProperties,
  style,
  tablesXml,
  textOf,
  xmlParts,
  zipTimes
} from "./utils/Docx.js"

const CREATED = new Date("2023-10-04T09:41:30Z")
const exportDoc = async (doc: ReportDocument.ReportDocument, createdAt = CREATED) =>
  (await Effect.runPromise(DocxExporter.exporter.export(Exporter.document(doc), { createdAt }))).bytes

const official = ExportDocuments.officialDocument
const header = official.header!
const bytes = await exportDoc(official)
const parts = xmlParts(bytes)
const documentXml = part(parts, "word/document.xml")
const styles = part(parts, "word/styles.xml")
const body = documentXml.slice(documentXml.indexOf("<w:body>"))
const paragraphs = paragraphsXml(body)

/** The one paragraph whose text is `text`. */
const paragraph = (text: string): string => {
  const found = paragraphs.filter((p) => textOf(p) === text)
  expect(found, `one paragraph reads ${JSON.stringify(text)}`).toHaveLength(1)
  return found[0]!
}
/** The paragraph right after the one whose text is `text`. */
const after = (text: string): string => paragraphs[paragraphs.indexOf(paragraph(text)) + 1]!
const mm = (twips: string | undefined): number => (Number(twips) * 25.4) / 1440
/** The value of a run property such as `w:sz` (half-points), as a number. */
const sizeOf = (rPr: string): number => Number(attr(rPr, "w:sz", "w:val"))
const isOn = (rPr: string, element: string): boolean => new RegExp(`<${element}/>|<${element} w:val="(true|1|on)"/>`).test(rPr)

describe("DOCX layout (Decree 30/2020/NĐ-CP)", () => {
  it("paper: A4 portrait, one section", () => {
    expect(body.match(/<w:sectPr>/g)).toHaveLength(1)
    expect(attr(body, "w:pgSz", "w:w")).toBe("11906")
    expect(attr(body, "w:pgSz", "w:h")).toBe("16838")
    expect(attr(body, "w:pgSz", "w:orient") ?? "portrait").toBe("portrait")
  })

  it("margins within the decree's ranges: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; they match `layout`", () => {
    const margin = (side: string) => mm(attr(body, "w:pgMar", `w:${side}`))
    for (const side of ["top", "bottom"]) expect(margin(side), side).toBeGreaterThanOrEqual(20)
    for (const side of ["top", "bottom"]) expect(margin(side), side).toBeLessThanOrEqual(25)
    expect(margin("left")).toBeGreaterThanOrEqual(30)
    expect(margin("left")).toBeLessThanOrEqual(35)
    expect(margin("right")).toBeGreaterThanOrEqual(15)
    expect(margin("right")).toBeLessThanOrEqual(20)
    for (const side of ["top", "bottom", "left", "right"] as const) expect(margin(side)).toBeCloseTo(DocxExporter.layout.marginMm[side], 1)
    // The page number sits in the top margin, above the text.
    expect(mm(attr(body, "w:pgMar", "w:header"))).toBeLessThan(margin("top"))
  })

  it("Times New Roman everywhere: every font named in the body, the styles, the page headers and the theme, and the default", () => {
    const xml = [...parts].filter(([name]) => /^word\/(document|styles|header\d+|footer\d+|numbering|footnotes|endnotes)\.xml$/.test(name)).map(([, x]) => x)
    const fonts = xml.flatMap((x) => [...x.matchAll(/<w:rFonts\b([^>]*)\/>/g)].map((m) => m[1]!))
    expect(fonts.length).toBeGreaterThan(0)
    for (const f of fonts) {
      expect(f, "no theme fonts").not.toMatch(/Theme=/)
      for (const [, name] of f.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]*)"/g)) expect(name).toBe("Times New Roman")
    }
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)![0]
    for (const a of ["w:ascii", "w:hAnsi", "w:cs"]) expect(attr(defaults, "w:rFonts", a)).toBe("Times New Roman")
    const theme = part(parts, "word/theme/theme1.xml")
    for (const m of theme.matchAll(/<a:latin typeface="([^"]*)"/g)) expect(m[1]).toBe("Times New Roman")
  })

  it("black text: every colour in the body, styles and headers is black (or automatic for borders)", () => {
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)![0]
    expect(attr(defaults, "w:color", "w:val")).toBe("000000")
    for (const [name, xml] of parts) {
      if (!/^word\/(document|styles|header\d+)\.xml$/.test(name)) continue
      for (const m of xml.matchAll(/<w:color\b[^>]*w:val="([^"]*)"[^>]*\/>/g)) expect(m[0], name).not.toMatch(/themeColor/)
      for (const m of xml.matchAll(/<w:color\b[^>]*w:val="([^"]*)"/g)) expect(m[1], name).toBe("000000")
      for (const m of xml.matchAll(/w:color="([^"]*)"/g)) expect(["000000", "auto"], name).toContain(m[1])
    }
  })

  it("page 1 starts with a borderless two-column table: issuing body and number on the left, quốc hiệu, tiêu ngữ and date on the right", () => {
    const first = body.slice("<w:body>".length)
    expect(first.startsWith("<w:tbl>")).toBe(true)
    const table = tablesXml(body)[0]!
    for (const m of /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(table)![1]!.matchAll(/w:val="([^"]*)"/g)) expect(m[1]).toBe("none")
    const rows = rowsXml(table)
    expect(rows.map((r) => r.length)).toEqual([2, 2])
    const texts = (cell: string) => paragraphsXml(cell).map(textOf).filter((t) => t.length > 0)
    expect(texts(rows[0]![0]!)).toEqual([...header.issuingBody])
    expect(texts(rows[0]![1]!)).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    expect(texts(rows[1]![0]!)).toEqual(["Số: 85/BC-HĐND"])
    expect(texts(rows[1]![1]!)).toEqual(["Sơn La, ngày 04 tháng 10 năm 2023"])
    expect(Format.formatPlaceDate(header.place!, header.date!)).toBe("Sơn La, ngày 04 tháng 10 năm 2023")
    // The left column is the narrower one, as in the decree's model.
    const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))
    expect(widths[0]!).toBeLessThan(widths[1]!)
  })

  it("issuing body: upper case, 13 pt, its own name (the last line) bold, the line above not bold", () => {
    const lines = header.issuingBody
    const last = runProperties(paragraph(lines.at(-1)!))
    expect(isOn(last, "w:b")).toBe(true)
    expect(isOn(last, "w:caps")).toBe(true)
    expect(sizeOf(last)).toBe(26)
    const parent = runProperties(paragraph(lines[0]!))
    expect(isOn(parent, "w:b")).toBe(false)
    expect(sizeOf(parent)).toBe(26)
  })

  it("a short solid rule under the issuing body: one third to one half of the cell, drawn as a paragraph border", () => {
    const rule = after(header.issuingBody.at(-1)!)
    expect(textOf(rule)).toBe("")
    const pPr = paragraphProperties(rule)
    expect(attr(pPr, "w:bottom", "w:val")).toBe("single")
    const cell = 3742 - 2 * 108
    const length = cell - Number(attr(pPr, "w:ind", "w:left")) - Number(attr(pPr, "w:ind", "w:right"))
    // "TỈNH SƠN LA" at 13 pt bold is about 30 mm wide; the rule is a third to a half of it or of the longer line.
    expect(mm(String(length))).toBeGreaterThan(12)
    expect(mm(String(length))).toBeLessThan(30)
  })

  it("quốc hiệu: bold, upper case, 12–13 pt, centred; tiêu ngữ: bold, 13–14 pt, one point larger, centred, not underlined", () => {
    const national = paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    const motto = paragraph("Độc lập - Tự do - Hạnh phúc")
    const n = runProperties(national)
    const m = runProperties(motto)
    expect(isOn(n, "w:b")).toBe(true)
    expect(isOn(m, "w:b")).toBe(true)
    expect(sizeOf(n)).toBeGreaterThanOrEqual(24)
    expect(sizeOf(n)).toBeLessThanOrEqual(26)
    expect(sizeOf(m)).toBeGreaterThanOrEqual(26)
    expect(sizeOf(m)).toBeLessThanOrEqual(28)
    expect(sizeOf(m) - sizeOf(n)).toBe(2)
    expect(m).not.toMatch(/<w:u\b/)
    for (const p of [national, motto]) expect(attr(paragraphProperties(p), "w:jc", "w:val")).toBe("center")
    expect(paragraphs.indexOf(motto)).toBe(paragraphs.indexOf(national) + 1)
  })

  it("a solid rule right under the tiêu ngữ, about as long as the text (about 56 mm at 13 pt bold)", () => {
    const rule = after("Độc lập - Tự do - Hạnh phúc")
    expect(textOf(rule)).toBe("")
    const pPr = paragraphProperties(rule)
    expect(attr(pPr, "w:bottom", "w:val")).toBe("single")
    const cell = 5612 - 2 * 108
    const length = mm(String(cell - Number(attr(pPr, "w:ind", "w:left")) - Number(attr(pPr, "w:ind", "w:right"))))
    expect(length).toBeGreaterThan(48)
    expect(length).toBeLessThan(64)
    // Centred: equal indents on both sides.
    expect(attr(pPr, "w:ind", "w:left")).toBe(attr(pPr, "w:ind", "w:right"))
  })

  it("number 'Số: 85/BC-HĐND' at 13 pt; date line italic, 13–14 pt, with the zero-padded day", () => {
    expect(sizeOf(runProperties(paragraph("Số: 85/BC-HĐND")))).toBe(26)
    const date = runProperties(paragraph("Sơn La, ngày 04 tháng 10 năm 2023"))
    expect(isOn(date, "w:i")).toBe(true)
    expect(isOn(date, "w:b")).toBe(false)
    expect(sizeOf(date)).toBeGreaterThanOrEqual(26)
    expect(sizeOf(date)).toBeLessThanOrEqual(28)
  })

  it("title: bold, centred, upper case, 14 pt, right after the header block", () => {
    const title = paragraph(official.title)
    expect(attr(paragraphProperties(title), "w:pStyle", "w:val")).toBe("Title")
    const s = style(styles, "Title")
    expect(isOn(s, "w:b")).toBe(true)
    expect(isOn(s, "w:caps")).toBe(true)
    expect(sizeOf(s)).toBe(28)
    expect(attr(s, "w:jc", "w:val")).toBe("center")
    expect(body.indexOf(title)).toBe(body.indexOf("</w:tbl>") + "</w:tbl>".length)
  })

  it("section headings and headings: Heading 1–3 styles, bold, 14 pt, black, kept with the next paragraph", () => {
    expect(attr(paragraphProperties(paragraph("I. Kết quả hoạt động")), "w:pStyle", "w:val")).toBe("Heading1")
    expect(attr(paragraphProperties(paragraph("1. Công tác thẩm tra")), "w:pStyle", "w:val")).toBe("Heading2")
    expect(attr(paragraphProperties(paragraph("a) Thẩm tra dự thảo nghị quyết")), "w:pStyle", "w:val")).toBe("Heading3")
    for (const id of ["Heading1", "Heading2", "Heading3"]) {
      const s = style(styles, id)
      expect(isOn(s, "w:b"), id).toBe(true)
      expect(sizeOf(s), id).toBe(28)
      expect(attr(s, "w:color", "w:val"), id).toBe("000000")
      expect(s, id).toMatch(/<w:keepNext\/>/)
    }
    expect(isOn(style(styles, "Heading3"), "w:i")).toBe(true)
  })

  it("running text: 14 pt, justified, first-line indent, at least 6 pt after, line spacing 1–1.5", () => {
    const p = paragraph(ExportDocuments.VIETNAMESE[3])
    expect(attr(paragraphProperties(p), "w:pStyle", "w:val")).toBe("BodyText")
    const s = style(styles, "BodyText")
    expect(sizeOf(s)).toBe(28)
    expect(attr(s, "w:jc", "w:val")).toBe("both")
    expect(Number(attr(s, "w:ind", "w:firstLine"))).toBeGreaterThan(0)
    expect(Number(attr(s, "w:spacing", "w:after"))).toBeGreaterThanOrEqual(120)
    const line = Number(attr(s, "w:spacing", "w:line"))
    expect(attr(s, "w:spacing", "w:lineRule") ?? "auto").toBe("auto")
    expect(line).toBeGreaterThanOrEqual(240)
    expect(line).toBeLessThanOrEqual(360)
  })

  it("tables: bordered, a bold header row repeated on every page, figures right-aligned, the total row bold", () => {
    const table = tablesXml(body).find((t) => t.includes(">Nội dung thẩm tra<"))!
    expect(table).toBeDefined()
    for (const side of ["top", "left", "bottom", "right", "insideH", "insideV"]) {
      expect(attr(table, `w:${side}`, "w:val"), side).toBe("single")
    }
    const rows = rowsXml(table)
    const trPr = /<w:tr>(<w:trPr>[\s\S]*?<\/w:trPr>)/.exec(table)![1]!
    expect(trPr).toMatch(/<w:tblHeader\/>/)
    expect(rows.slice(1).every((r) => !r.join("").includes("tblHeader"))).toBe(true)
    const styleOf = (cell: string) => attr(paragraphProperties(paragraphsXml(cell)[0]!), "w:pStyle", "w:val")!
    expect(rows[0]!.map(styleOf)).toEqual(["TableHeader", "TableHeader", "TableHeader"])
    expect(rows[1]!.map(styleOf)).toEqual(["TableText", "TableNumber", "TableNumber"])
    expect(rows.at(-1)!.map(styleOf)).toEqual(["TableTotal", "TableTotalNumber", "TableTotalNumber"])
    expect(rows.at(-1)!.map((c) => textOf(paragraphsXml(c)[0]!))).toEqual(["Tổng cộng", "1.208", "124"])
    expect(isOn(style(styles, "TableHeader"), "w:b")).toBe(true)
    expect(isOn(style(styles, "TableTotal"), "w:b")).toBe(true)
    expect(isOn(style(styles, "TableTotalNumber"), "w:b")).toBe(true)
    expect(isOn(style(styles, "TableText"), "w:b")).toBe(false)
    expect(attr(style(styles, "TableNumber"), "w:jc", "w:val")).toBe("right")
    expect(attr(style(styles, "TableText"), "w:jc", "w:val")).toBe("left")
    // The column widths fill the text width exactly.
    const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))
    expect(widths.reduce((a, b) => a + b, 0)).toBe(11906 - Number(attr(body, "w:pgMar", "w:left")) - Number(attr(body, "w:pgMar", "w:right")))
  })

  it("charts: a table of their values under the chart's title, with the alt text as the table's description", () => {
    const chart = official.sections.flatMap((s) => s.blocks).find((b): b is ReportDocument.DocChart => b._tag === "Chart")!
    const title = paragraph(chart.title)
    const table = body.slice(body.indexOf(title) + title.length).match(/^<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0]
    expect(table, "the chart's table follows its title").toBeDefined()
    expect(attr(table!, "w:tblDescription", "w:val")).toBe(chart.alt)
    const rows = rowsXml(table!).map((r) => r.map((c) => textOf(paragraphsXml(c)[0]!)))
    expect(rows.slice(1)).toEqual(chart.series.map((p) => [p.label, Format.formatNumber(p.value)]))
  })

  it("'Nơi nhận:' bold italic 12 pt with the recipients at 11 pt on the left, beside the signature block on the right", () => {
    const label = runProperties(paragraph("Nơi nhận:"))
    expect(isOn(label, "w:b") && isOn(label, "w:i")).toBe(true)
    expect(sizeOf(label)).toBe(24)
    const recipients = header.recipients.map((r, i) => paragraph(`- ${r}${/[.;]$/.test(r) ? "" : i === header.recipients.length - 1 ? "." : ";"}`))
    for (const r of recipients) expect(sizeOf(runProperties(r))).toBe(22)
    const table = tablesXml(body).find((t) => t.includes(">Nơi nhận:<"))!
    const [left, right] = rowsXml(table)[0]!
    expect(left).toContain(">Nơi nhận:<")
    expect(paragraphsXml(right!).map(textOf).filter((t) => t.length > 0)).toEqual([...header.signatureTitle, header.signatory!])
    for (const line of header.signatureTitle) {
      const rPr = runProperties(paragraph(line))
      expect(isOn(rPr, "w:b") && isOn(rPr, "w:caps")).toBe(true)
      expect(sizeOf(rPr)).toBe(28)
    }
    const signatory = paragraph(header.signatory!)
    expect(isOn(runProperties(signatory), "w:b")).toBe(true)
    // Room for the signature and the seal above the name.
    expect(Number(attr(paragraphProperties(signatory), "w:spacing", "w:before"))).toBeGreaterThanOrEqual(960)
    // The signature block comes after the text and before the appendices.
    expect(body.indexOf(table)).toBeGreaterThan(body.indexOf(ExportDocuments.VIETNAMESE[2]))
  })

  it("appendices: each starts a new page, titled, after the signature", () => {
    const appendix = official.appendices![0]!
    const title = paragraph(appendix.title)
    expect(paragraphProperties(title)).toMatch(/<w:pageBreakBefore\/>/)
    expect(body.indexOf(title)).toBeGreaterThan(body.indexOf(">Nơi nhận:<"))
    // Tied to the report by its type, number and date.
    expect(paragraphs.indexOf(paragraph("(Kèm theo Báo cáo số 85/BC-HĐND ngày 04 tháng 10 năm 2023)"))).toBe(paragraphs.indexOf(title) + 1)
  })

  it("page numbers centred in the top margin from page 2; page 1 has its own empty header (w:titlePg)", () => {
    const sectPr = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(body)![0]
    expect(sectPr).toMatch(/<w:titlePg\/>/)
    const rels = part(parts, "word/_rels/document.xml.rels")
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"/>`).exec(sectPr)?.[1]
      expect(id, `a ${type} header`).toBeDefined()
      return part(parts, `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find((x) => x !== undefined)}`)
    }
    const pages = target("default")
    expect(pages).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/)
    expect(attr(paragraphsXml(pages)[0]!, "w:jc", "w:val")).toBe("center")
    const size = sizeOf(runProperties(paragraphsXml(pages)[0]!))
    expect(size).toBeGreaterThanOrEqual(26)
    expect(size).toBeLessThanOrEqual(28)
    const first = target("first")
    expect(first).not.toMatch(/PAGE/)
    expect(paragraphsXml(first).map(textOf).join("")).toBe("")
  })

  it("document properties: creator hdnd, the title, created and modified at createdAt; every zip entry stamped createdAt", () => {
    const core = part(parts, "docProps/core.xml")
    expect(core).toContain("<dc:creator>hdnd</dc:creator>")
    expect(core).toContain(`<dc:title>${official.title}</dc:title>`)
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-10-04T09:41:30Z</dcterms:created>')
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-10-04T09:41:30Z</dcterms:modified>')
    const times = zipTimes(bytes)
    expect(times.length).toBeGreaterThan(5)
    const date = ((2023 - 1980) << 9) | (10 << 5) | 4
    const time = (9 << 11) | (41 << 5) | (30 >> 1)
    for (const t of times) expect([t.name, t.date, t.time]).toEqual([t.name, date, time])
  })

  it("another createdAt changes the properties and the stamps, and nothing else", async () => {
    const other = xmlParts(await exportDoc(official, new Date("2024-02-29T23:59:58Z")))
    expect(part(other, "docProps/core.xml")).toContain("2024-02-29T23:59:58Z")
    for (const [name, xml] of parts) if (name !== "docProps/core.xml") expect(other.get(name), name).toBe(xml)
  })

  it("every text in the package is NFC", () => {
    for (const [name, xml] of parts) expect(xml === xml.normalize("NFC"), name).toBe(true)
  })

  it("a document without a header starts with its title and has no signature block", async () => {
    const xml = part(xmlParts(await exportDoc(ExportDocuments.emptyTablesDocument)), "word/document.xml")
    const start = xml.slice(xml.indexOf("<w:body>") + "<w:body>".length)
    expect(textOf(paragraphsXml(start)[0]!)).toBe(ExportDocuments.emptyTablesDocument.title)
    expect(start.startsWith("<w:p>")).toBe(true)
    expect(xml).not.toContain("CỘNG HÒA")
    expect(xml).not.toContain("Nơi nhận")
    // An empty chart says so in its table.
    expect(xml).toContain(">Không có số liệu<")
  })
})
