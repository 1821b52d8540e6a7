import { Csv } from "@hdnd/import"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { chunked, collect, view } from "./utils/collect.js"
import type { CsvCase } from "./utils/csv.js"
import { csvCaseArb, expected, render } from "./utils/csv.js"

const read = async (data: string | Uint8Array | Array<Uint8Array>, options: Csv.CsvOptions = {}) =>
  view(await collect(Csv.read({ name: "t.csv", data }, options)))

describe("Csv.read", () => {
  it("reads UTF-8 with a byte order mark, semicolons, quoted line breaks and quotes, mixed line endings", async () => {
    const text = "\uFEFFMã;Tên;Ghi chú\r\n1;\"Hội\r\nđồng\";\"nói \"\"có\"\"\"\n2;b;c\r3;x;y\r\n"
    expect(await read(text)).toEqual([
      { header: 1, names: ["Mã", "Tên", "Ghi chú"] },
      { row: 2, values: ["1", "Hội\r\nđồng", 'nói "có"'] },
      { row: 4, values: ["2", "b", "c"] },
      { row: 5, values: ["3", "x", "y"] }
    ])
  })

  it("detects comma, semicolon and tab from the header line, and honours a forced delimiter", async () => {
    expect(await read("a,b\n1;2,3\n")).toEqual([{ header: 1, names: ["a", "b"] }, { row: 2, values: ["1;2", "3"] }])
    expect(await read("a;b\n1,2;3\n")).toEqual([{ header: 1, names: ["a", "b"] }, { row: 2, values: ["1,2", "3"] }])
    expect(await read("a\tb\n1,2\t3\n")).toEqual([{ header: 1, names: ["a", "b"] }, { row: 2, values: ["1,2", "3"] }])
    expect(await read("a;b\n1;2\n", { delimiter: "," })).toEqual([{ header: 1, names: ["a;b"] }, { row: 2, values: ["1;2"] }])
    expect(await read('"x,y";z\n1;2\n')).toEqual([{ header: 1, names: ["x,y", "z"] }, { row: 2, values: ["1", "2"] }])
  })

  it("keeps formula-looking cells as text, verbatim", async () => {
    expect(await read("a,b,c,d,e\n=SUM(A1),+1,-2,@x,\"=HYPERLINK(\"\"http://x\"\")\"\n")).toEqual([
      { header: 1, names: ["a", "b", "c", "d", "e"] },
      { row: 2, values: ["=SUM(A1)", "+1", "-2", "@x", '=HYPERLINK("http://x")'] }
    ])
  })

  it("reports ragged rows at their row and first offending column, and goes on", async () => {
    expect(await read("a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3,,\n5,6,7\n")).toEqual([
      { header: 1, names: ["a", "b", "c"] },
      { row: 2, values: ["1", "2", "3"] },
      { issue: "csv.missing-cells", row: 3, column: "C", fatal: false },
      { issue: "csv.extra-cells", row: 4, column: "D", fatal: false },
      { row: 5, values: ["1", "2", "3"] },
      { row: 6, values: ["5", "6", "7"] }
    ])
  })

  it("reports text after a closing quote as a row issue, and an unclosed quote as fatal where it opens", async () => {
    expect(await read('a,b\n"x"y,1\n2,3\n4,"open\n5,6\n')).toEqual([
      { header: 1, names: ["a", "b"] },
      { issue: "csv.text-after-quote", row: 2, column: "A", fatal: false },
      { row: 3, values: ["2", "3"] },
      { issue: "csv.unclosed-quote", row: 4, column: "B", fatal: true }
    ])
  })

  it("skips blank lines and rows of empty cells but counts their lines", async () => {
    expect(await read("\n\na,b\n\n1,2\n,\n ; \n3,4")).toEqual([
      { header: 3, names: ["a", "b"] },
      { row: 5, values: ["1", "2"] },
      { issue: "csv.missing-cells", row: 7, column: "B", fatal: false },
      { row: 8, values: ["3", "4"] }
    ])
  })

  it("normalises NFD text to NFC and removes stray byte order marks", async () => {
    const nfd = "Tên\nHội đồng nhân dân\n\uFEFFBan Pháp chế\n".normalize("NFD")
    const items = await read(nfd)
    expect(items).toEqual([
      { header: 1, names: ["Tên"] },
      { row: 2, values: ["Hội đồng nhân dân".normalize("NFC")] },
      { row: 3, values: ["Ban Pháp chế".normalize("NFC")] }
    ])
    const values = items.flatMap((i) => ("values" in i ? i.values : []))
    expect(values.every((v) => v === v.normalize("NFC"))).toBe(true)
  })

  it("reads UTF-16 files with a byte order mark (Excel's Unicode text)", async () => {
    const body = "Mã\tTên\r\n1\tSơn La\r\n"
    const le = new Uint8Array(2 + body.length * 2)
    le.set([0xff, 0xfe])
    for (let i = 0; i < body.length; i++) {
      le[2 + 2 * i] = body.charCodeAt(i) & 0xff
      le[3 + 2 * i] = body.charCodeAt(i) >> 8
    }
    expect(await read(le)).toEqual([{ header: 1, names: ["Mã", "Tên"] }, { row: 2, values: ["1", "Sơn La"] }])
  })

  it("gives the same result however the bytes are split into chunks", async () => {
    const text = "\uFEFFMã;Tên\r\n1;\"Hội\r\nđồng\"\r\n2;ộ\r"
    const whole = await read(text)
    for (const size of [1, 2, 3, 5, 7]) expect(await read(chunked(text, [size]))).toEqual(whole)
  })

  it("turns a missing file, an empty file and an over-long record into typed issues", async () => {
    const missing = await collect(Csv.read("/no/such/dir/file.csv"))
    expect(missing.map((i) => (i._tag === "Issue" ? [i.error._tag, i.error.code, i.fatal] : i._tag))).toEqual([["ImportError", "file.not-found", true]])
    expect(await read("")).toEqual([{ issue: "file.empty", row: undefined, column: undefined, fatal: true }])
    expect(await read('a,b\n1,"' + "x".repeat(5000) + "\n", { maxRecordLength: 1000 })).toEqual([
      { header: 1, names: ["a", "b"] },
      { issue: "csv.record-too-long", row: 2, column: "B", fatal: true }
    ])
  })

  it("refuses workbooks and binary files with the way to fix them", async () => {
    const [xlsx] = await collect(Csv.read({ name: "x.csv", data: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]) }))
    expect(xlsx?._tag === "Issue" && xlsx.error.code).toBe("file.xlsx")
    const [bin] = await collect(Csv.read({ name: "x.csv", data: Uint8Array.from([0x41, 0, 0x42]) }))
    expect(bin?._tag === "Issue" && bin.error.code).toBe("file.binary")
  })

  it("formatRow quotes what needs quoting and reads back", async () => {
    const values = ["a", "b,c", 'q"q', "line\nbreak", " pad ", "=SUM(A1)"]
    const text = Csv.formatRow(["h1", "h2", "h3", "h4", "h5", "h6"]) + Csv.formatRow(values)
    expect(await read(text)).toEqual([{ header: 1, names: ["h1", "h2", "h3", "h4", "h5", "h6"] }, { row: 2, values }])
  })
})

describe("Csv.read properties", () => {
  it("round-trips generated cells (quotes, delimiters, line breaks, BOMs, formulas, huge fields) at their rows", async () => {
    await fc.assert(
      fc.asyncProperty(csvCaseArb({ ragged: false }), fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 4 }), async (c, sizes) => {
        const { text } = render(c)
        const items = await read(chunked(text, sizes))
        expect(items[0]).toEqual({ header: 1, names: c.headers })
        expect(items.slice(1)).toEqual(expected(c))
      })
    )
  })

  it("reports ragged rows at the row they start on, and reads the others", async () => {
    // A lone CR ending, then an empty record ending in LF: one CRLF, one line.
    const crThenEmpty: CsvCase = {
      delimiter: ",",
      headers: ["h1", "h2"],
      rows: [["", "x"], [""], ["y", "z"]],
      endings: ["\n", "\r", "\n"],
      quoteAll: [false],
      bom: false,
      finalEnding: false
    }
    await fc.assert(
      fc.asyncProperty(csvCaseArb({ ragged: true }), async (c) => {
        const items = await read(render(c).text)
        const got = items.slice(1).map((i) => ("issue" in i ? { issue: i.issue, row: i.row } : i))
        expect(got).toEqual(expected(c))
      }),
      { examples: [[crThenEmpty]] }
    )
  })
})
