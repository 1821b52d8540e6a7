/**
 * The XLSX reader on workbooks written by hand, part by part, for what exceljs's writer never
 * produces but Excel and other tools do: inline strings, phonetic runs, `_xHHHH_` escapes, formula
 * results of every type, ISO dates, built-in and custom date formats, the 1904 date system,
 * namespace prefixes, cells and rows without references, chart sheets, a workbook part under another
 * name, UTF-16 parts.
 */
import { Xlsx } from "@hdnd/import"
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { collect, view } from "./utils/collect.js"
import { tempDir } from "./utils/xlsx.js"
import { zipParts } from "./utils/zip.js"

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
const P = "http://schemas.openxmlformats.org/package/2006/relationships"

/** A ZIP of the given parts, deflated, in the given order. */
const zip = (entries: ReadonlyArray<readonly [string, string | Uint8Array]>): Uint8Array => zipParts(entries)

interface Book {
  /** Sheets in tab order: name, XML of the worksheet (or "chart" for a chart sheet), state. */
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly xml: string; readonly state?: string }>
  readonly sharedStrings?: ReadonlyArray<string>
  /** Custom number formats by id, and the number format id of each cell style (index = `s`). */
  readonly numFmts?: Readonly<Record<number, string>>
  readonly cellXfs?: ReadonlyArray<number>
  readonly date1904?: boolean
  /** Where the workbook part is (the package relationships name it). */
  readonly workbookPart?: string
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

const book = (b: Book): Uint8Array => {
  const wbPart = b.workbookPart ?? "xl/workbook.xml"
  const folder = wbPart.slice(0, wbPart.lastIndexOf("/") + 1)
  const rels = wbPart.replace(/([^/]+)$/, "_rels/$1.rels")
  const sheetRels = b.sheets.map((s, i) =>
    s.xml === "chart"
      ? `<Relationship Id="rId${i + 1}" Type="${R}/chartsheet" Target="chartsheets/sheet${i + 1}.xml"/>`
      : `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
  )
  const parts: Array<[string, string]> = [
    ["_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="${P}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="${wbPart}"/></Relationships>`],
    [
      wbPart,
      `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${R}">${b.date1904 === true ? `<workbookPr date1904="1"/>` : ""}<sheets>${b.sheets
        .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state === undefined ? "" : ` state="${s.state}"`} r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`
    ],
    [
      rels,
      `<?xml version="1.0"?><Relationships xmlns="${P}">${sheetRels.join("")}<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${R}/styles" Target="styles.xml"/></Relationships>`
    ],
    ...b.sheets.map((s, i): [string, string] =>
      s.xml === "chart"
        ? [`${folder}chartsheets/sheet${i + 1}.xml`, `<?xml version="1.0"?><chartsheet xmlns="${MAIN}"/>`]
        : [`${folder}worksheets/sheet${i + 1}.xml`, s.xml]
    )
  ]
  if (b.sharedStrings !== undefined) {
    parts.push([`${folder}sharedStrings.xml`, `<?xml version="1.0"?><sst xmlns="${MAIN}">${b.sharedStrings.map((s) => (s.startsWith("<") ? `<si>${s}</si>` : `<si><t>${s}</t></si>`)).join("")}</sst>`])
  }
  if (b.cellXfs !== undefined) {
    const fmts = Object.entries(b.numFmts ?? {}).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
    parts.push([
      `${folder}styles.xml`,
      `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts count="${fmts.length}">${fmts.join("")}</numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="${b.cellXfs.length}">${b.cellXfs
        .map((id) => `<xf numFmtId="${id}" xfId="0" applyNumberFormat="1"/>`)
        .join("")}</cellXfs></styleSheet>`
    ])
  }
  return zip(parts)
}

const sheetXml = (rows: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${rows}</sheetData></worksheet>`

const read = async (data: Uint8Array, options: Xlsx.XlsxOptions = {}) => view(await collect(Xlsx.read({ name: "hand.xlsx", data }, options)))

const issueOf = async (data: Uint8Array) => {
  const items = await collect(Xlsx.read({ name: "hand.xlsx", data }))
  const last = items[items.length - 1]
  return last?._tag === "Issue" ? { code: last.error.code, fatal: last.fatal, vi: last.error.vi, en: last.error.en } : undefined
}

describe("Xlsx.read on hand-written workbooks", () => {
  it("reads every kind of cell as a person reads it", async () => {
    const data = book({
      sharedStrings: [
        "Mã",
        "Giá trị",
        // Rich text with a phonetic guide, which is not shown.
        `<r><t>Hội </t></r><r><rPr><b/></rPr><t>đồng</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/>`,
        "dòng 1_x000D_\ndòng 2 _x005F_x0041_",
        "Ban Pháp chế".normalize("NFD"),
        `<t><![CDATA[a <b> & c]]></t>`
      ],
      numFmts: { 164: "dd/mm/yyyy hh:mm", 165: "h:mm", 166: "#,##0.00 \"đ\"", 167: "[h]:mm:ss", 168: "mmm\\-yy" },
      cellXfs: [0, 14, 164, 165, 166, 167, 168, 22, 20],
      sheets: [
        {
          name: "Dữ liệu",
          xml: sheetXml(
            [
              `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`,
              `<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Kỳ họp thứ 7</t></is></c></row>`,
              `<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><r><t>Thẩm </t></r><r><rPr><i/></rPr><t>tra</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c></row>`,
              `<row r="4"><c r="A4"><v>3</v></c><c r="B4" t="s"><v>2</v></c></row>`,
              `<row r="5"><c r="A5"><v>4</v></c><c r="B5" t="s"><v>3</v></c></row>`,
              `<row r="6"><c r="A6"><v>5</v></c><c r="B6" t="s"><v>4</v></c></row>`,
              `<row r="7"><c r="A7"><v>6</v></c><c r="B7" t="s"><v>5</v></c></row>`,
              `<row r="8"><c r="A8"><v>7</v></c><c r="B8" t="b"><v>1</v></c></row>`,
              `<row r="9"><c r="A9"><v>8</v></c><c r="B9" t="b"><v>0</v></c></row>`,
              `<row r="10"><c r="A10"><v>9</v></c><c r="B10" t="e"><v>#DIV/0!</v></c></row>`,
              `<row r="11"><c r="A11"><v>10</v></c><c r="B11" t="str"><f>A1&amp;"x"</f><v>a&amp;b</v></c></row>`,
              `<row r="12"><c r="A12"><v>11</v></c><c r="B12" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`,
              `<row r="13"><c r="A13"><v>12</v></c><c r="B13" t="b"><f>TRUE()</f><v>1</v></c></row>`,
              `<row r="14"><c r="A14"><v>13</v></c><c r="B14"><f>2+2</f><v>4</v></c></row>`,
              `<row r="15"><c r="A15"><v>14</v></c><c r="B15"><f>NOW()</f></c></row>`,
              `<row r="16"><c r="A16"><v>15</v></c><c r="B16" s="1"><v>45296</v></c></row>`,
              `<row r="17"><c r="A17"><v>16</v></c><c r="B17" s="2"><v>45296.75</v></c></row>`,
              `<row r="18"><c r="A18"><v>17</v></c><c r="B18" s="1"><f>DATE(2024,1,5)</f><v>45296</v></c></row>`,
              `<row r="19"><c r="A19"><v>18</v></c><c r="B19" s="3"><v>0.5</v></c></row>`,
              `<row r="20"><c r="A20"><v>19</v></c><c r="B20" s="4"><v>1234.5</v></c></row>`,
              `<row r="21"><c r="A21"><v>20</v></c><c r="B21" s="5"><v>1.25</v></c></row>`,
              `<row r="22"><c r="A22"><v>21</v></c><c r="B22" s="6"><v>45296</v></c></row>`,
              `<row r="23"><c r="A23"><v>22</v></c><c r="B23" s="7"><v>45296.5</v></c></row>`,
              `<row r="24"><c r="A24"><v>23</v></c><c r="B24" s="8"><v>0.75</v></c></row>`,
              `<row r="25"><c r="A25"><v>24</v></c><c r="B25" t="d"><v>2024-03-01T00:00:00Z</v></c></row>`,
              `<row r="26"><c r="A26"><v>25</v></c><c r="B26"><v>1E+21</v></c></row>`,
              `<row r="27"><c r="A27"><v>26</v></c><c r="B27"><v>123456789012345678</v></c></row>`,
              `<row r="28"><c r="A28"><v>27</v></c><c r="B28"><v>0.30000000000000004</v></c></row>`,
              `<row r="29"><c r="A29"><v>28</v></c><c r="B29"><v>-1.5E-7</v></c></row>`,
              `<row r="30"><c r="A30"><v>29</v></c><c r="B30" t="s" s="1"><v>0</v></c></row>`,
              `<row r="31"><c r="A31" t="inlineStr"><is><t>=SUM(A1)</t></is></c><c r="B31" t="inlineStr"><is><t xml:space="preserve">  cách  </t></is></c></row>`
            ].join("")
          )
        }
      ]
    })
    expect(await read(data)).toEqual([
      { header: 1, names: ["Mã", "Giá trị"] },
      { row: 2, values: ["1", "Kỳ họp thứ 7"] },
      { row: 3, values: ["2", "Thẩm tra"] },
      { row: 4, values: ["3", "Hội đồng"] },
      { row: 5, values: ["4", "dòng 1\r\ndòng 2 _x0041_"] },
      { row: 6, values: ["5", "Ban Pháp chế".normalize("NFC")] },
      { row: 7, values: ["6", "a <b> & c"] },
      { row: 8, values: ["7", "TRUE"] },
      { row: 9, values: ["8", "FALSE"] },
      { row: 10, values: ["9", "#DIV/0!"] },
      { row: 11, values: ["10", "a&b"] },
      { row: 12, values: ["11", "#DIV/0!"] },
      { row: 13, values: ["12", "TRUE"] },
      { row: 14, values: ["13", "4"] },
      // A formula with no cached result (never calculated) is refused, not read as empty (issue #16).
      { issue: "xlsx.formula-not-calculated", row: 15, column: "B", fatal: false },
      { row: 16, values: ["15", "2024-01-05"] },
      { row: 17, values: ["16", "2024-01-05"] },
      { row: 18, values: ["17", "2024-01-05"] },
      { row: 19, values: ["18", "0.5"] },
      { row: 20, values: ["19", "1234.5"] },
      { row: 21, values: ["20", "1.25"] },
      { row: 22, values: ["21", "2024-01-05"] },
      { row: 23, values: ["22", "2024-01-05"] },
      { row: 24, values: ["23", "0.75"] },
      { row: 25, values: ["24", "2024-03-01"] },
      { row: 26, values: ["25", "1000000000000000000000"] },
      { row: 27, values: ["26", "123456789012346000"] },
      { row: 28, values: ["27", "0.3"] },
      { row: 29, values: ["28", "-0.00000015"] },
      { row: 30, values: ["29", "Mã"] },
      { row: 31, values: ["=SUM(A1)", "  cách  "] }
    ])
  })

  it("reads the 1904 date system, namespace prefixes, and cells and rows without references", async () => {
    const x = (rows: string) => `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>${rows}</x:sheetData></x:worksheet>`
    const data = book({
      date1904: true,
      cellXfs: [0, 14],
      sheets: [
        {
          name: "S",
          xml: x(
            `<x:row><x:c t="inlineStr"><x:is><x:t>Mã</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Ngày</x:t></x:is></x:c></x:row>` +
              `<x:row><x:c><x:v>1</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c></x:row>` +
              `<x:row r="5"><x:c r="B5" s="1"><x:v>43833</x:v></x:c><x:c><x:v>7</x:v></x:c></x:row>` +
              `<x:row><x:c r="A6"><x:v>3</x:v></x:c></x:row>`
          )
        }
      ]
    })
    expect(await read(data)).toEqual([
      { header: 1, names: ["Mã", "Ngày"] },
      { row: 2, values: ["1", "1904-01-01"] },
      { issue: "xlsx.extra-cells", row: 5, column: "C", fatal: false },
      { row: 6, values: ["3", ""] }
    ])
  })

  it("finds the sheets through the relationships: another workbook part name, chart sheets, hidden sheets", async () => {
    const data = book({
      workbookPart: "xl/book.xml",
      sheets: [
        { name: "Biểu đồ", xml: "chart" },
        { name: "Ẩn", xml: sheetXml(`<row r="1"><c t="inlineStr"><is><t>ẩn</t></is></c></row>`), state: "veryHidden" },
        { name: "Kỳ  họp", xml: sheetXml(`<row r="3"><c t="inlineStr"><is><t>Mã</t></is></c></row><row r="4"><c t="inlineStr"><is><t>kh1</t></is></c></row>`) }
      ]
    })
    expect(await read(data)).toEqual([{ header: 3, names: ["Mã"] }, { row: 4, values: ["kh1"] }])
    expect(await read(data, { sheet: "KY HOP" })).toEqual([{ header: 3, names: ["Mã"] }, { row: 4, values: ["kh1"] }])
    expect(await read(data, { sheet: "an" })).toEqual([{ header: 1, names: ["ẩn"] }])
    const missing = await collect(Xlsx.read({ name: "hand.xlsx", data }, { sheet: "Biểu đồ" }))
    expect(missing.map((i) => (i._tag === "Issue" ? [i.error.code, i.error.en] : i._tag))).toEqual([
      ["xlsx.sheet-not-found", `there is no worksheet "Biểu đồ"; the worksheets are: "Ẩn", "Kỳ  họp"`]
    ])
    const onlyHidden = book({ sheets: [{ name: "Ẩn", xml: sheetXml(""), state: "hidden" }] })
    expect(await issueOf(onlyHidden)).toMatchObject({ code: "xlsx.no-sheet", fatal: true })
    const empty = book({ sheets: [{ name: "Trống", xml: sheetXml(`<row r="1"><c t="inlineStr"><is><t> </t></is></c></row>`) }] })
    expect(await issueOf(empty)).toMatchObject({ code: "file.empty", fatal: true })
  })

  it("reads parts written in UTF-16 with a byte order mark", async () => {
    const utf16 = (s: string) => Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Buffer.from(s, "utf16le"))])
    const sheet = sheetXml(`<row r="1"><c t="inlineStr"><is><t>Tiêu đề</t></is></c></row><row r="2"><c t="inlineStr"><is><t>Hội đồng nhân dân</t></is></c></row>`)
    const data = zip([
      ["_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="${P}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
      ["xl/workbook.xml", utf16(`<?xml version="1.0" encoding="UTF-16"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Trang một" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
      ["xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="${P}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
      ["xl/worksheets/sheet1.xml", utf16(sheet.replace('encoding="UTF-8"', 'encoding="UTF-16"'))]
    ])
    expect(await read(data, { sheet: "trang mot" })).toEqual([{ header: 1, names: ["Tiêu đề"] }, { row: 2, values: ["Hội đồng nhân dân"] }])
  })

  it("reports what is wrong inside a package as unreadable, in Vietnamese and English", async () => {
    const badIndex = book({ sharedStrings: ["Mã"], sheets: [{ name: "S", xml: sheetXml(`<row r="1"><c t="s"><v>0</v></c></row><row r="2"><c t="s"><v>7</v></c></row>`) }] })
    expect(await issueOf(badIndex)).toMatchObject({ code: "xlsx.unreadable", fatal: true })
    expect((await issueOf(badIndex))?.en).toContain("shared string 7")
    const badRef = book({ sheets: [{ name: "S", xml: sheetXml(`<row r="1"><c r="1A" t="inlineStr"><is><t>x</t></is></c></row>`) }] })
    expect((await issueOf(badRef))?.en).toContain(`the cell reference "1A"`)
    const badUtf8 = zip([
      ["xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`],
      ["xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="${P}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
      ["xl/worksheets/sheet1.xml", Uint8Array.from([...new TextEncoder().encode(sheetXml(`<row r="1"><c t="inlineStr"><is><t>`)), 0xc3, 0x28, ...new TextEncoder().encode(`</t></is></c></row>`)])]
    ])
    const invalid = await issueOf(badUtf8)
    expect(invalid).toMatchObject({ code: "xlsx.unreadable", fatal: true })
    expect(invalid?.vi).toContain("phần xl/worksheets/sheet1.xml")
    const noSheetPart = zip([
      ["xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`],
      ["xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="${P}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/gone.xml"/></Relationships>`]
    ])
    expect(await issueOf(noSheetPart)).toMatchObject({ code: "xlsx.unreadable", en: expect.stringContaining("xl/worksheets/gone.xml is missing") })
  })

  it("tells a ZIP from other input however the stream is cut, and a directory from a file", async () => {
    const data = book({ sheets: [{ name: "S", xml: sheetXml(`<row r="1"><c t="inlineStr"><is><t>Mã</t></is></c></row>`) }] })
    const oneByteAtATime = (async function* () {
      for (const b of data) yield Uint8Array.of(b)
    })()
    expect(view(await collect(Xlsx.read({ name: "s.xlsx", data: oneByteAtATime })))).toEqual([{ header: 1, names: ["Mã"] }])
    const codes = async (input: Parameters<typeof Xlsx.read>[0]) => (await collect(Xlsx.read(input))).map((i) => (i._tag === "Issue" ? i.error.code : i._tag))
    expect(await codes({ name: "s.xlsx", data: [Uint8Array.of(0x50), Uint8Array.of(0x4b, 0x03), Uint8Array.of(0x04)] })).toEqual(["xlsx.unreadable"])
    expect(await codes({ name: "s.xlsx", data: [Uint8Array.of(0xd0), Uint8Array.of(0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)] })).toEqual(["file.xls"])
    expect(await codes({ name: "s.xlsx", data: ["Mã;Tên\n"] })).toEqual(["xlsx.not-xlsx"])
    const folder = join(tempDir(), "a-folder.xlsx")
    mkdirSync(folder)
    expect(await codes(folder)).toEqual(["file.is-directory"])
  })
})
