import { Exporter, ReportDocument } from "@hdnd/core"
import { ExportDocuments, ExporterSuite } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CsvExporter } from "../src/index.js"
import { plainNumber } from "../src/internal/plainNumber.js"
import { decodeCsv, filesOf, parseCsv, readAll } from "./utils/csv.js"

type Doc = ReportDocument.ReportDocument
type Table = ReportDocument.DocTable

const CREATED = new Date("2024-01-05T08:30:00Z")
const run = (doc: Doc, options: Exporter.ExportOptions = { createdAt: CREATED }) =>
  Effect.runPromise(CsvExporter.exporter.export(Exporter.document(doc), options))

await ExporterSuite.exporterConformance({
  name: "csv",
  exporter: CsvExporter.exporter,
  // Tables only: each file's fields, read with a strict RFC 4180 reader.
  readBack: async (output) => ({ texts: readAll(output.bytes).flatMap((f) => f.rows.flat()) }),
  shows: { header: false, text: false, tables: true, charts: "none", appendices: true }
})

const withTables = (tables: ReadonlyArray<Table>, appendices?: ReadonlyArray<Table>): Doc => ({
  ...ExportDocuments.emptyDocument,
  sections: [{ blocks: tables }],
  ...(appendices === undefined ? {} : { appendices })
})

const PAYLOADS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(1,1)", "\t=1+1", "\r=1+1", "=1+1;=2"]
const BENIGN = ["Ban Pháp chế", "1.044"]

describe("CSV files", () => {
  it("the official report: a zip of the table and the appendix, named in order, each title, header, rows, total", async () => {
    const out = await run(ExportDocuments.officialDocument)
    expect(out).toMatchObject({ mediaType: "application/zip", extension: "zip" })
    const files = readAll(out.bytes)
    expect(files.map((f) => f.name)).toEqual(["01-ket-qua-hoat-dong-cua-cac-ban-hdnd.csv", "02-phu-luc-ho-so-chi-tiet-cua-tung-so-lieu.csv"])
    expect(files[0]!.rows).toEqual([
      ["Kết quả hoạt động của các ban HĐND", "", ""],
      ["Cấp", "Nội dung thẩm tra", "KS, GS chuyên đề"],
      ["Cấp tỉnh", "164", "26"],
      ["Cấp huyện", "1044", "98"],
      ["Tổng cộng", "1208", "124"]
    ])
    expect(files[1]!.rows[2]).toEqual(["Thẩm tra dự thảo nghị quyết", "Cấp tỉnh", "a-001", "5/7/2023", "Thẩm tra", "Dự thảo nghị quyết về giá đất", "1"])
  })

  it("exact bytes of a small table: BOM, CRLF, quoting, numbers as plain numbers", async () => {
    const out = await run(
      withTables([
        {
          _tag: "Table",
          title: "Kết quả",
          columns: ["Ban", "Số"],
          rows: [[{ text: 'Ban "Pháp chế", tỉnh' }, { text: "1.044", value: 1044 }], [{ text: "dòng\r\nhai" }, { text: "1.234.567,5", value: 1_234_567.5 }]],
          total: [{ text: "Tổng cộng" }, { text: "hơn 1.235.611", value: 1_235_611.5 }]
        }
      ])
    )
    expect(out).toMatchObject({ mediaType: "text/csv", extension: "csv" })
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(out.bytes)).toBe(
      '\ufeffKết quả,\r\nBan,Số\r\n"Ban ""Pháp chế"", tỉnh",1044\r\n"dòng\r\nhai",1234567.5\r\nTổng cộng,1235611.5\r\n'
    )
  })

  it("numbers never come out grouped, with an exponent or as -0", () => {
    expect([0, -0, 1044, -3, 1_234_567.5, 9_007_199_254_740_991, 1e21, 1.5e300, 1e-7, -2.5e-10, 0.1 + 0.2].map(plainNumber)).toEqual([
      "0",
      "0",
      "1044",
      "-3",
      "1234567.5",
      "9007199254740991",
      "1000000000000000000000",
      `15${"0".repeat(299)}`,
      "0.0000001",
      "-0.00000000025",
      "0.30000000000000004"
    ])
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      const s = plainNumber(n)
      expect(s).toMatch(/^-?\d+(\.\d+)?$/)
      expect(Number(s)).toBe(n === 0 ? 0 : n)
    }))
  })

  it("a document without tables gives one CSV file with its title alone; an empty table its title and header", async () => {
    const none = await run(ExportDocuments.emptyDocument)
    expect(none).toMatchObject({ mediaType: "text/csv", extension: "csv" })
    expect(parseCsv(decodeCsv(none.bytes))).toEqual([["Báo cáo không có nội dung"]])
    const empty = readAll((await run(ExportDocuments.emptyTablesDocument)).bytes)
    expect(empty.map((f) => f.rows)).toEqual([
      [["Bảng trống", ""], ["Cơ quan", "Số lượng"], ["Tổng cộng", "0"]],
      [["Bảng trống không có dòng tổng"], ["Cơ quan"]]
    ])
  })

  it("every file starts with exactly one byte order mark and ends every row with CRLF", async () => {
    for (const doc of [ExportDocuments.officialDocument, ExportDocuments.emptyDocument, ExportDocuments.emptyTablesDocument, ExportDocuments.largeNumbersDocument]) {
      for (const f of filesOf((await run(doc)).bytes)) {
        expect([...f.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
        const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(f.bytes)
        expect(text.split("\ufeff")).toHaveLength(2)
        expect(text.endsWith("\r\n")).toBe(true)
        // Outside quoted fields no LF goes without its CR (the strict reader checks inside).
        expect(text.replace(/"(?:[^"]|"")*"/g, "").replace(/\r\n/g, "")).not.toMatch(/[\r\n]/)
      }
    }
  })

  it("appendix tables come after the table blocks, numbered on; ten or more files keep the order by name", async () => {
    const t = (title: string): Table => ({ _tag: "Table", title, columns: ["A"], rows: [[{ text: title }]] })
    const files = readAll((await run(withTables(Array.from({ length: 10 }, (_, i) => t(`Bảng ${i + 1}`)), [t("Phụ lục: chi tiết")]))).bytes)
    expect(files.map((f) => f.name)).toEqual([...Array.from({ length: 10 }, (_, i) => `${String(i + 1).padStart(2, "0")}-bang-${i + 1}.csv`), "11-phu-luc-chi-tiet.csv"])
    expect([...files.map((f) => f.name)].sort()).toEqual(files.map((f) => f.name))
    const many = CsvExporter.tables(withTables(Array.from({ length: 100 }, (_, i) => t(`T${i}`))))
    expect(many[0]!.name).toBe("001-t0.csv")
    expect(many[99]!.name).toBe("100-t99.csv")
  })

  it("the zip is byte-identical for a fixed createdAt whatever the clock, and its entries carry that time", async () => {
    const a = await run(ExportDocuments.officialDocument)
    await new Promise((r) => setTimeout(r, 1100))
    const b = await run(ExportDocuments.officialDocument)
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true)
    const c = await run(ExportDocuments.officialDocument, { createdAt: new Date("2025-06-01T00:00:00Z") })
    expect(Buffer.from(a.bytes).equals(Buffer.from(c.bytes))).toBe(false)
    // The local header's time and date (MS-DOS format) are the UTC parts of createdAt.
    const view = new DataView(a.bytes.buffer, a.bytes.byteOffset)
    const time = view.getUint16(10, true)
    const date = view.getUint16(12, true)
    expect([date >> 9, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([2024 - 1980, 1, 5, 8, 30, 0])
  })

  it("reports progress up to the total number of rows", async () => {
    const calls: Array<readonly [number, number]> = []
    await run(ExportDocuments.bigTableDocument(2500), { createdAt: CREATED, onProgress: (done, total) => calls.push([done, total]) })
    expect(calls).toEqual([[1000, 2500], [2000, 2500], [2500, 2500]])
  })

  it("a tabulation without a period fails with a Vietnamese and English message", async () => {
    const { Registry, Tabulation } = await import("@hdnd/core")
    const exit = await Effect.runPromiseExit(CsvExporter.exporter.export(Exporter.tabulation(Tabulation.empty({ indicators: new Map(), dimensions: [], traced: false }), Registry.builtin)))
    expect(Exit.isFailure(exit)).toBe(true)
    const error = Option.getOrUndefined(Exit.findErrorOption(exit))
    if (error !== undefined) {
      expect(error.vi).toMatch(/kỳ báo cáo/)
      expect(error.en).toMatch(/period/)
    } else expect.unreachable("a typed failure")
  })
})

describe("CSV formula injection", () => {
  it("every payload is neutralised wherever it is (title, header, cell, total); benign text and numbers are untouched", async () => {
    const all = [...PAYLOADS, ...BENIGN]
    const table: Table = {
      _tag: "Table",
      title: PAYLOADS[0]!,
      columns: all,
      rows: [all.map((text) => ({ text })), all.map((text, i) => ({ text, value: -i }))],
      total: all.map((text) => ({ text }))
    }
    const [file] = readAll((await run(withTables([table]))).bytes)
    const rows = file!.rows
    expect(rows[0]![0]).toBe(`'${PAYLOADS[0]}`)
    for (const r of [rows[1]!, rows[2]!, rows[4]!]) expect(r).toEqual(all.map(Exporter.neutraliseFormula))
    for (const r of [rows[1]!, rows[2]!, rows[4]!]) r.forEach((f, j) => expect(f.startsWith("'"), JSON.stringify(f)).toBe(j < PAYLOADS.length))
    expect(rows[3]).toEqual(all.map((_, i) => plainNumber(-i)))
    expect(rows.flat().filter((f) => /^[=+\-@\t\r]/.test(f))).toEqual(rows[3]!.filter((f) => f.startsWith("-")))
  })
})

/** Any string, including the characters CSV and spreadsheets treat specially, and Vietnamese. */
const hostile = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.array(fc.constantFrom('"', ",", "\r", "\n", "\r\n", "\ufeff", "\u200b", "=", "+", "-", "@", "\t", "'", " ", "Đắk Lắk", "ưu tiên", "Ỷ", "a", "1.044", "0"), { maxLength: 12 }).map((s) => s.join(""))
)
const cellArb: fc.Arbitrary<ReportDocument.DocCell> = fc.oneof(
  hostile.map((text) => ({ text })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ text: String(value), value })),
  fc.integer().map((value) => ({ text: String(value), value }))
)
const tableArb: fc.Arbitrary<Table> = fc.record({
  _tag: fc.constant("Table" as const),
  title: hostile,
  columns: fc.array(hostile, { maxLength: 5 }),
  rows: fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 8 }),
  total: fc.option(fc.array(cellArb, { maxLength: 6 }), { nil: undefined })
}).map((t) => (t.total === undefined ? { _tag: t._tag, title: t.title, columns: t.columns, rows: t.rows } : t))

describe("CSV round trip", () => {
  it("property: any table reads back, with a strict RFC 4180 reader, as neutraliseFormula(text) per text cell and each figure's value", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, async (table) => {
        const [file, ...rest] = readAll((await run(withTables([table]))).bytes)
        expect(rest).toEqual([])
        const width = Math.max(1, table.columns.length, table.total?.length ?? 0, ...table.rows.map((r) => r.length))
        const pad = (fields: ReadonlyArray<string>) => [...fields, ...Array<string>(width - fields.length).fill("")]
        const expected = (c: ReportDocument.DocCell) => (c.value === undefined ? Exporter.neutraliseFormula(c.text) : c.value)
        const rows = file!.rows
        expect(rows[0]).toEqual(pad([Exporter.neutraliseFormula(table.title)]))
        const body = table.columns.length > 0 ? rows.slice(1) : [[], ...rows.slice(1)]
        if (table.columns.length > 0) expect(body[0]).toEqual(pad(table.columns.map(Exporter.neutraliseFormula)))
        const cells = [...table.rows, ...(table.total === undefined ? [] : [table.total])]
        expect(body.length - 1).toBe(cells.length)
        cells.forEach((r, i) => {
          const back = body[i + 1]!
          expect(back).toHaveLength(width)
          r.forEach((c, j) => {
            const want = expected(c)
            if (typeof want === "number") expect(Number(back[j])).toBe(want === 0 ? 0 : want)
            else expect(back[j]).toBe(want)
          })
          for (let j = r.length; j < width; j++) expect(back[j]).toBe("")
        })
      })
    )
  })

  it("text that is not well-formed UTF-16 (a lone surrogate) is written as U+FFFD", async () => {
    const [file] = readAll((await run(withTables([{ _tag: "Table", title: "T", columns: ["a\ud800b"], rows: [] }]))).bytes)
    expect(file!.rows[1]).toEqual(["a\ufffdb"])
  })
})
