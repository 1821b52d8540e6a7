import { Exporter, Format, ReportDocument } from "@hdnd/core"
import { ExportDocuments, ExporterSuite } from "@hdnd/testkit"
import ExcelJS from "exceljs"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import fc from "fast-check"
import { describe, expect, it, vi } from "vitest"
import { XlsxExporter } from "../src/index.js"
import { dosDateTime } from "../src/internal/zipTimes.js"
import { cells, load, textOf, texts, zipEntry, zipStamps } from "./utils/workbook.js"

type Doc = ReportDocument.ReportDocument

const CREATED = new Date("2024-01-05T08:30:00Z")
const run = (doc: Doc, options: Exporter.ExportOptions = { createdAt: CREATED }) =>
  Effect.runPromise(XlsxExporter.exporter.export(Exporter.document(doc), options))
const workbookOf = async (doc: Doc) => load((await run(doc)).bytes)

await ExporterSuite.exporterConformance({
  name: "xlsx",
  exporter: XlsxExporter.exporter,
  // The workbook holds the whole document: header, text, tables, chart data and appendices.
  readBack: async (output) => ({ texts: texts(await load(output.bytes)) }),
  shows: { header: true, text: true, tables: true, charts: "data", appendices: true }
})

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name)
  if (ws === undefined) throw new Error(`no sheet «${name}» in ${wb.worksheets.map((w) => w.name).join(", ")}`)
  return ws
}

const TRIGGERS = /^[=+\-@\t\r]/

describe("XLSX workbook of the official report", () => {
  const doc = ExportDocuments.officialDocument
  const table = doc.sections[1]!.blocks[0] as ReportDocument.DocTable

  it("has the cover, the table, the chart data, the quoted figures and the appendix, in that order", async () => {
    const wb = await workbookOf(doc)
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Báo cáo", "Kết quả hoạt động của các ban", "Biểu đồ", "Số liệu trích dẫn", "Phụ lục"])
    expect(wb.creator).toBe("hdnd")
    expect(wb.lastModifiedBy).toBe("hdnd")
    expect(wb.created.toISOString()).toBe(CREATED.toISOString())
    expect(wb.modified.toISOString()).toBe(CREATED.toISOString())
  })

  it("the cover sheet has the header, the title, the period and the date line, then the text", async () => {
    const cover = cells(sheet(await workbookOf(doc), "Báo cáo")).map((c) => textOf(c.value))
    const at = (s: string) => cover.indexOf(s)
    expect(cover.slice(0, 4)).toEqual(["HỘI ĐỒNG NHÂN DÂN", "TỈNH SƠN LA", "Số: 85/BC-HĐND", "Sơn La, ngày 04 tháng 10 năm 2023"])
    expect(at(doc.title)).toBeGreaterThan(3)
    expect(at("Kỳ báo cáo: từ tháng 8/2022 đến tháng 8/2023")).toBe(at(doc.title) + 1)
    expect(at("I. Kết quả hoạt động")).toBeGreaterThan(at(doc.title))
    expect(at("Các ban của HĐND tỉnh đã tổ chức thẩm tra 117 dự thảo nghị quyết và 47 báo cáo, trình 8 kỳ họp của HĐND tỉnh.")).toBeGreaterThan(at("1. Công tác thẩm tra"))
    expect(cover.slice(-3)).toEqual(["TM. THƯỜNG TRỰC HĐND", "PHÓ CHỦ TỊCH", "Lò Văn Mừng"])
    const ws = sheet(await workbookOf(doc), "Báo cáo")
    expect(ws.getColumn(1).width).toBeGreaterThan(60)
    expect(ws.getColumn(1).alignment?.wrapText).toBe(true)
  })

  it("the table sheet: title on top, a bold frozen header with an autofilter, wide enough columns", async () => {
    const ws = sheet(await workbookOf(doc), "Kết quả hoạt động của các ban")
    expect(ws.getCell("A1").value).toBe(table.title)
    expect(ws.getCell("A1").font?.bold).toBe(true)
    const header = ws.getRow(XlsxExporter.TABLE_HEADER_ROW)
    expect([1, 2, 3].map((j) => header.getCell(j).value)).toEqual(table.columns)
    for (const j of [1, 2, 3]) expect(header.getCell(j).font?.bold, `header cell ${j} is bold`).toBe(true)
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2, topLeftCell: "A3" })
    expect(ws.autoFilter).toBe("A2:C4")
    for (const j of [1, 2, 3]) expect(ws.getColumn(j).width, `column ${j} width`).toBeGreaterThan(8.43)
    // The widest text is wider than the narrowest column.
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual("Nội dung thẩm tra".length)
  })

  it("figures are numbers with grouped thousands; totals are SUM formulas whose result is the document's total", async () => {
    const ws = sheet(await workbookOf(doc), "Kết quả hoạt động của các ban")
    table.rows.forEach((r, i) =>
      r.forEach((c, j) => {
        const cell = ws.getRow(3 + i).getCell(j + 1)
        if (c.value === undefined) expect(cell.value).toBe(c.text)
        else {
          expect(cell.value, `${cell.address} is a number`).toBe(c.value)
          expect(cell.numFmt, `${cell.address} format`).toBe("#,##0")
        }
      })
    )
    const total = ws.getRow(3 + table.rows.length)
    expect(total.getCell(1).value).toBe("Tổng cộng")
    expect(total.getCell(1).font?.bold).toBe(true)
    expect(total.getCell(2).value).toEqual({ formula: "SUM(B3:B4)", result: table.total![1]!.value })
    expect(total.getCell(3).value).toEqual({ formula: "SUM(C3:C4)", result: table.total![2]!.value })
    expect(total.getCell(2).numFmt).toBe("#,##0")
    // The cached results are what the rows add up to, so Excel recalculating shows the same.
    expect(164 + 1044).toBe(1208)
  })

  it("the chart data, the quoted figures with their source and the appendix records are there", async () => {
    const wb = await workbookOf(doc)
    const charts = cells(sheet(wb, "Biểu đồ")).map((c) => c.value)
    expect(charts).toEqual(expect.arrayContaining(["Nội dung thẩm tra theo ban", "Ban Pháp chế", 40, "Hoạt động theo tháng", "tháng 10/2022", 21]))
    const figures = sheet(wb, "Số liệu trích dẫn")
    expect([1, 2, 3, 4].map((j) => figures.getRow(3).getCell(j).value)).toEqual(["117 dự thảo nghị quyết", "core/review.draft-resolution", "level = province", 117])
    const appendix = sheet(wb, "Phụ lục")
    expect(appendix.getCell("A1").value).toBe("Phụ lục: hồ sơ chi tiết của từng số liệu")
    expect(appendix.getRow(2).getCell(7).value).toBe("Số lượng")
    expect(appendix.getRow(3).getCell(3).value).toBe("a-001")
    expect(appendix.getRow(3).getCell(7).value).toBe(1)
    expect(appendix.views[0]).toMatchObject({ state: "frozen", ySplit: 2 })
  })
})

describe("XLSX figures and totals", () => {
  const base = (blocks: Doc["sections"][number]["blocks"]): Doc => ({ ...ExportDocuments.emptyDocument, sections: [{ blocks }] })
  const first = async (doc: Doc) => (await workbookOf(doc)).worksheets[1]!

  it("a total that the rows do not add up to is written as the number, not as a formula that would change it", async () => {
    const ws = await first(
      base([{ _tag: "Table", title: "T", columns: ["Ban", "Số"], rows: [[{ text: "A" }, { text: "2", value: 2 }]], total: [{ text: "Tổng cộng" }, { text: "5", value: 5 }] }])
    )
    expect(ws.getCell("B4").value).toBe(5)
  })

  it("an empty table's total is a number (a SUM over no rows would point at the header)", async () => {
    const ws = await first(ExportDocuments.emptyTablesDocument)
    expect(ws.getCell("B3").value).toBe(0)
    expect(ws.getCell("A3").value).toBe("Tổng cộng")
  })

  it("a column with text in it gets no formula", async () => {
    const ws = await first(
      base([{ _tag: "Table", title: "T", columns: ["Ban", "Số"], rows: [[{ text: "A" }, { text: "2", value: 2 }], [{ text: "B" }, { text: "chưa có" }]], total: [{ text: "Tổng cộng" }, { text: "2", value: 2 }]}])
    )
    expect(ws.getCell("B5").value).toBe(2)
  })

  it("words around a figure stay as a number format, so the cell is still a number: hơn, gần, khoảng, decimals, percent", async () => {
    const cellsIn: ReadonlyArray<ReportDocument.DocCell> = [
      { text: Format.formatCount(1044, "over"), value: 1044 },
      { text: Format.formatCount(1044, "nearly"), value: 1044 },
      { text: "14,5", value: 14.5 },
      { text: Format.formatPercent(0.8965), value: 0.8965 },
      { text: "1.234.567,50", value: 1_234_567.5 },
      { text: "không rõ", value: 7 },
      { text: 'có "ngoặc" 3', value: 3 }
    ]
    const ws = await first(base([{ _tag: "Table", title: "T", columns: ["Số"], rows: cellsIn.map((c) => [c]) }]))
    const formats = cellsIn.map((_, i) => [ws.getCell(`A${3 + i}`).value, ws.getCell(`A${3 + i}`).numFmt])
    expect(formats).toEqual([
      [1044, '"hơn "#,##0'],
      [1044, '"gần "#,##0'],
      [14.5, "#,##0.0"],
      [0.8965, "#,##0.00%"],
      [1_234_567.5, "#,##0.00"],
      [7, "#,##0"],
      // exceljs drops the backslashes when it reads formats back: the file itself is checked below.
      [3, '"có """ngoặc""" "#,##0']
    ])
    const styles = new TextDecoder().decode(zipEntry((await run(base([{ _tag: "Table", title: "T", columns: ["Số"], rows: cellsIn.map((c) => [c]) }]))).bytes, "xl/styles.xml"))
    expect(styles).toContain('formatCode="&quot;có &quot;\\&quot;&quot;ngoặc&quot;\\&quot;&quot; &quot;#,##0"')
  })

  it("the report's number style survives as the cell's format: zero padding, no grouping, the qualifier word as entered", async () => {
    const cellsIn: ReadonlyArray<ReportDocument.DocCell> = [
      { text: Format.formatStyled(5, { pad: 2 }), value: 5 },
      { text: Format.formatStyled(1500, { grouping: false }), value: 1500 },
      { text: Format.formatQualified(1500, "over", "trên"), value: 1500 },
      { text: Format.formatStyled(15, { pad: 2 }), value: 15 }
    ]
    const ws = await first(base([{ _tag: "Table", title: "T", columns: ["Số"], rows: cellsIn.map((c) => [c]) }]))
    expect(cellsIn.map((_, i) => [ws.getCell(`A${3 + i}`).value, ws.getCell(`A${3 + i}`).numFmt])).toEqual([
      [5, "00"],
      [1500, "0"],
      [1500, '"trên "#,##0'],
      [15, "#,##0"]
    ])
  })

  it("a value that is not a finite number is written as its text", async () => {
    const ws = await first(base([{ _tag: "Table", title: "T", columns: ["Số"], rows: [[{ text: "không xác định", value: Number.NaN }]] }]))
    expect(ws.getCell("A3").value).toBe("không xác định")
  })
})

describe("XLSX long text", () => {
  it("a column of long text wraps, and its rows are as tall as the lines they take (Excel's limit at most)", async () => {
    const rows = ["ngắn", "Dự thảo nghị quyết quy định mức chi hỗ trợ cho các hoạt động giám sát của Hội đồng nhân dân các cấp", ExportDocuments.longName(2000)]
    const ws = (await workbookOf({ ...ExportDocuments.emptyDocument, sections: [{ blocks: [{ _tag: "Table", title: "T", columns: ["Nội dung"], rows: rows.map((text) => [{ text }]) }] }] })).worksheets[1]!
    expect(ws.getColumn(1).width).toBe(60)
    expect(ws.getColumn(1).alignment?.wrapText).toBe(true)
    expect([3, 4, 5].map((r) => ws.getRow(r).height)).toEqual([undefined, 30, 409])
    expect(ws.getCell("A5").value).toBe(rows[2])
  })
})

describe("XLSX sheet names", () => {
  it("are valid and unique: forbidden characters, 31 characters, apostrophes at the ends, duplicates, History, fixed names", async () => {
    const titles = ["Kết quả: [quý 1/2024] *tạm* ?", "Kết quả: [quý 1/2024] *tạm* ?", "'trích'", "History", "Báo cáo", "x".repeat(40), "x".repeat(40), "", "   ", "Bảng 🇻🇳".padEnd(29, "đ") + "🇻🇳"]
    const doc: Doc = { ...ExportDocuments.emptyDocument, sections: [{ blocks: titles.map((title) => ({ _tag: "Table" as const, title, columns: ["A"], rows: [] })) }] }
    const names = (await workbookOf(doc)).worksheets.map((ws) => ws.name)
    expect(names).toEqual([
      "Báo cáo",
      "Kết quả quý 1 2024 tạm",
      "Kết quả quý 1 2024 tạm (2)",
      "trích",
      "History (2)",
      "Báo cáo (2)",
      "x".repeat(31),
      `${"x".repeat(27)} (2)`,
      "Bảng 8",
      "Bảng 9",
      `Bảng 🇻🇳${"đ".repeat(20)}`
    ])
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31)
      expect(n).not.toMatch(/[[\]:*?/\\]|^'|'$/)
      expect(n).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length)
  })

  it("several appendices are numbered", async () => {
    const t: ReportDocument.DocTable = { _tag: "Table", title: "Phụ lục: A", columns: ["A"], rows: [] }
    const names = (await workbookOf({ ...ExportDocuments.emptyDocument, appendices: [t, t] })).worksheets.map((ws) => ws.name)
    expect(names).toEqual(["Báo cáo", "Phụ lục 1", "Phụ lục 2"])
  })
})

const PAYLOADS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(1,1)", "\t=1+1", "\r=1+1", "=1+1;=2"]
const BENIGN = ["Ban Pháp chế", "1.044"]

describe("XLSX formula injection", () => {
  const all = [...PAYLOADS, ...BENIGN]
  const doc: Doc = {
    ...ExportDocuments.emptyDocument,
    title: PAYLOADS[0]!,
    header: { issuingBody: [PAYLOADS[1]!], number: PAYLOADS[2]!, place: PAYLOADS[3]!, recipients: all, signatureTitle: [PAYLOADS[4]!], signatory: PAYLOADS[5]! },
    sections: [
      {
        heading: PAYLOADS[6]!,
        blocks: [
          ...all.map((text) => ({ _tag: "Paragraph" as const, text })),
          {
            _tag: "Table",
            title: PAYLOADS[7]!,
            columns: all,
            rows: [all.map((text) => ({ text })), all.map((text) => ({ text }))]
          },
          {
            _tag: "Table",
            title: PAYLOADS[4]!,
            columns: all,
            rows: all.map((text, i) => [{ text }, ...PAYLOADS.map((_, j) => ({ text: Format.formatNumber(i * j), value: i * j }))]),
            total: [{ text: PAYLOADS[5]! }, ...PAYLOADS.map((_, j) => ({ text: "", value: all.reduce((sum, _, i) => sum + i * j, 0) }))]
          },
          { _tag: "Chart", title: PAYLOADS[1]!, chart: "bar", alt: PAYLOADS[2]!, series: all.map((label, value) => ({ label, value })) }
        ]
      }
    ],
    figures: all.map((text, value) => ({ placeholder: "p", indicator: text, where: { [text]: [text] }, value, text })),
    appendices: [{ _tag: "Table", title: PAYLOADS[3]!, columns: all, rows: [all.map((text) => ({ text }))] }]
  }

  it("no text cell starts with a formula trigger; each payload reads back with a leading apostrophe, benign text unchanged; the only formulas are the totals", async () => {
    const wb = await workbookOf(doc)
    const seen = new Set<string>()
    for (const ws of wb.worksheets) {
      for (const c of cells(ws)) {
        const v = c.value
        if (typeof v === "string") {
          expect(v, `${ws.name}!${c.address}`).not.toMatch(TRIGGERS)
          seen.add(v)
        } else if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
          expect(c.type).toBe(ExcelJS.ValueType.Formula)
          expect("formula" in v ? v.formula : "", `${ws.name}!${c.address}`).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/)
          expect(c.row, "a formula is on the total row").toBe(ws.actualRowCount)
        } else expect(typeof v === "number" || v === null, `${ws.name}!${c.address}: ${JSON.stringify(v)}`).toBe(true)
      }
    }
    // XML turns a carriage return into a line feed when read; the apostrophe is what matters.
    for (const p of PAYLOADS) expect(seen.has(`'${p}`) || seen.has(`'${p.replace("\r", "\n")}`), JSON.stringify(p)).toBe(true)
    for (const b of BENIGN) expect(seen.has(b), b).toBe(true)
    const formulas = wb.worksheets.flatMap((ws) => cells(ws).filter((c) => c.type === ExcelJS.ValueType.Formula).map((c) => `${ws.name}!${c.address}`))
    expect(formulas.length).toBeGreaterThan(0)
  })

  it("property: in any document, text cells never start with a trigger and figures are numbers", async () => {
    await fc.assert(
      fc.asyncProperty(ExportDocuments.documentArb, async (d) => {
        const wb = await workbookOf(d)
        const numbers = new Set<number>()
        for (const ws of wb.worksheets)
          for (const c of cells(ws)) {
            if (typeof c.value === "string") expect(c.value).not.toMatch(TRIGGERS)
            const t = textOf(c.value)
            if (typeof c.value === "number" || c.type === ExcelJS.ValueType.Formula) numbers.add(Number(t))
          }
        for (const s of d.sections) for (const b of s.blocks) if (b._tag === "Table") for (const r of b.rows) for (const c of r) if (c.value !== undefined) expect(numbers.has(c.value)).toBe(true)
      }),
      { numRuns: 30 }
    )
  })
})

describe("XLSX bytes and progress", () => {
  it("two exports at different wall-clock times are byte-identical; every zip entry carries createdAt", async () => {
    vi.useFakeTimers({ toFake: ["Date"] })
    try {
      vi.setSystemTime(new Date("2031-03-04T05:06:07Z"))
      const a = await run(ExportDocuments.officialDocument)
      vi.setSystemTime(new Date("2032-11-12T13:14:16Z"))
      const b = await run(ExportDocuments.officialDocument)
      expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true)
      const { date, time } = dosDateTime(CREATED)
      const stamps = zipStamps(a.bytes)
      expect(stamps.length).toBeGreaterThan(5)
      for (const s of stamps) expect(s, s.name).toMatchObject({ time, date, localTime: time, localDate: date })
    } finally {
      vi.useRealTimers()
    }
  })

  it("another createdAt gives other bytes", async () => {
    const a = await run(ExportDocuments.officialDocument)
    const b = await run(ExportDocuments.officialDocument, { createdAt: new Date("2025-06-01T00:00:00Z") })
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(false)
  })

  it("reports progress up to the total number of rows", async () => {
    const calls: Array<readonly [number, number]> = []
    await run(ExportDocuments.bigTableDocument(2500), { createdAt: CREATED, onProgress: (done, total) => calls.push([done, total]) })
    expect(calls.length).toBeGreaterThanOrEqual(3)
    expect(calls.at(-1)).toEqual([2500, 2500])
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0])
  })

  it("a tabulation without a period fails with a Vietnamese and English message", async () => {
    const { Registry, Tabulation } = await import("@hdnd/core")
    const exit = await Effect.runPromiseExit(XlsxExporter.exporter.export(Exporter.tabulation(Tabulation.empty({ indicators: new Map(), dimensions: [], traced: false }), Registry.builtin)))
    expect(Exit.isFailure(exit)).toBe(true)
    if (Exit.isFailure(exit)) {
      const error = Option.getOrUndefined(Exit.findErrorOption(exit))
      expect(error).toBeInstanceOf(Exporter.ExportError)
      expect(error?.vi).toMatch(/kỳ báo cáo/)
      expect(error?.en).toMatch(/period/)
    }
  })
})
