import { Xlsx } from "@hdnd/import"
import fc from "fast-check"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { collect, view } from "./utils/collect.js"
import { tempDir, writeWorkbook } from "./utils/xlsx.js"

const dir = tempDir()
const read = async (path: string, options: Xlsx.XlsxOptions = {}) => view(await collect(Xlsx.read(path, options)))

describe("Xlsx.read", () => {
  it("keeps Vietnamese characters whole where the decompressed XML is split into chunks (streaming decoder)", async () => {
    // Thousands of distinct multi-byte strings: the shared strings and the sheet XML span many
    // decompression chunks, so some character is split across two of them.
    const text = (i: number) => `Thẩm tra dự thảo Nghị quyết số ${i} về kỳ họp chuyên đề, giám sát, khảo sát ${"ệ".repeat(i % 7)}`
    const rows: Record<number, Record<string, string>> = { 1: { A: "Nội dung" } }
    for (let i = 0; i < 3000; i++) rows[i + 2] = { A: text(i) }
    const path = await writeWorkbook(join(dir, "multibyte.xlsx"), [{ name: "Hoạt động", rows }])
    const values = (await read(path)).flatMap((x) => ("values" in x ? [x.values[0]] : []))
    expect(values).toEqual(Array.from({ length: 3000 }, (_, i) => text(i)))
  })

  it("reads the first visible sheet, with cell values as text", async () => {
    const path = await writeWorkbook(join(dir, "values.xlsx"), [
      { name: "Ẩn", hidden: true, rows: { 1: { A: "hidden" } } },
      {
        name: "Hoạt động",
        rows: {
          2: { A: "Mã", B: "Ngày", C: "Số", D: "Công thức", E: "Văn bản", F: "Định dạng", G: "Khác" },
          3: {
            A: "a1",
            B: { value: new Date(Date.UTC(2023, 9, 14)), numFmt: "dd/mm/yyyy" },
            C: 1044,
            D: { formula: "C3*2", result: 2088 },
            E: "=SUM(A1)",
            F: { richText: [{ text: "Hội " }, { text: "đồng" }] },
            G: true
          },
          5: {
            A: "Ban Pháp chế".normalize("NFD"),
            B: { value: { formula: "DATE(2024,1,5)", result: 45296 }, numFmt: "dd/mm/yyyy" },
            C: 0.1 + 0.2,
            D: { formula: "A3&\"x\"", result: "a1x" },
            E: "+1",
            F: { text: "liên kết", hyperlink: "https://example.invalid" },
            G: { error: "#N/A" }
          }
        }
      }
    ])
    expect(await read(path)).toEqual([
      { header: 2, names: ["Mã", "Ngày", "Số", "Công thức", "Văn bản", "Định dạng", "Khác"] },
      { row: 3, values: ["a1", "2023-10-14", "1044", "2088", "=SUM(A1)", "Hội đồng", "TRUE"] },
      { row: 5, values: ["Ban Pháp chế".normalize("NFC"), "2024-01-05", "0.3", "a1x", "+1", "liên kết", "#N/A"] }
    ])
    const items = await collect(Xlsx.read(path))
    expect(items.every((i) => i._tag !== "Row" || i.sheet === "Hoạt động")).toBe(true)
  })

  it("reads a named sheet, matching the name without regard to case or diacritics", async () => {
    const path = await writeWorkbook(join(dir, "named.xlsx"), [
      { name: "Ghi chú", rows: { 1: { A: "x" } } },
      { name: "Kỳ họp", rows: { 1: { A: "Mã" }, 2: { A: "s1" } } }
    ])
    expect(await read(path, { sheet: "ky hop" })).toEqual([{ header: 1, names: ["Mã"] }, { row: 2, values: ["s1"] }])
    const missing = await collect(Xlsx.read(path, { sheet: "Hoạt động" }))
    expect(missing).toHaveLength(1)
    const issue = missing[0]
    expect(issue?._tag === "Issue" && [issue.error.code, issue.fatal]).toEqual(["xlsx.sheet-not-found", true])
    expect(issue?._tag === "Issue" && issue.error.vi).toContain('"Ghi chú", "Kỳ họp"')
  })

  it("reports a value in a column without a header at its cell", async () => {
    const path = await writeWorkbook(join(dir, "extra.xlsx"), [{ name: "S", rows: { 1: { A: "Mã", B: "Tên" }, 2: { A: "1", B: "x" }, 3: { A: "2", D: "stray" } } }])
    expect(await read(path)).toEqual([
      { header: 1, names: ["Mã", "Tên"] },
      { row: 2, values: ["1", "x"] },
      { issue: "xlsx.extra-cells", row: 3, column: "D", fatal: false }
    ])
  })

  it("turns files that are not workbooks into typed issues", async () => {
    const codes = async (data: Uint8Array | string) =>
      (await collect(Xlsx.read(typeof data === "string" ? data : { name: "x.xlsx", data }))).map((i) => (i._tag === "Issue" ? i.error.code : i._tag))
    expect(await codes(new TextEncoder().encode("Mã;Tên\n1;2\n"))).toEqual(["xlsx.not-xlsx"])
    expect(await codes(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual(["file.xls"])
    expect(await codes(join(dir, "nope.xlsx"))).toEqual(["file.not-found"])
    expect(await codes(new Uint8Array(0))).toEqual(["xlsx.not-xlsx"])
    const good = readFileSync(await writeWorkbook(join(dir, "cut.xlsx"), [{ name: "S", rows: { 1: { A: "Mã" }, 2: { A: "1" } } }]))
    writeFileSync(join(dir, "truncated.xlsx"), good.subarray(0, Math.floor(good.length / 2)))
    const truncated = await codes(join(dir, "truncated.xlsx"))
    expect(truncated[truncated.length - 1]).toMatch(/^(xlsx\.unreadable|xlsx\.no-sheet|file\.empty)$/)
  })

  it("never throws on random bytes after a ZIP signature", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        const data = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes])
        const items = await collect(Xlsx.read({ name: "r.xlsx", data }))
        expect(items.length).toBeGreaterThan(0)
        const last = items[items.length - 1]
        expect(last?._tag).toBe("Issue")
        expect(last?._tag === "Issue" && last.error._tag).toBe("ImportError")
      }),
      { numRuns: 50 }
    )
  })

  it("never throws on a workbook with bytes changed anywhere, and never changes a value silently", async () => {
    const good = readFileSync(
      await writeWorkbook(join(dir, "to-damage.xlsx"), [{ name: "Hoạt động", rows: { 1: { A: "Mã", B: "Nội dung" }, 2: { A: "a1", B: "Thẩm tra dự thảo nghị quyết" }, 3: { A: "a2", B: 12.5 } } }])
    )
    const rows = view(await collect(Xlsx.read({ name: "good.xlsx", data: good })))
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), async (changes) => {
        const data = Uint8Array.from(good)
        for (const [at, xor] of changes) data[at] = (data[at] as number) ^ xor
        const items = view(await collect(Xlsx.read({ name: "damaged.xlsx", data })))
        // Never a silent change: either the rows are exactly those of the undamaged workbook (the change
        // was somewhere the reader does not look: a part it does not read, a timestamp), or a fatal issue
        // ends the items (rows are handed on as the sheet streams, and its checksum is known at its end).
        const last = items[items.length - 1]
        if (last !== undefined && "issue" in last && last.fatal === true) expect(last.issue).toMatch(/^(xlsx\.|file\.)/)
        else expect(items).toEqual(rows)
      }),
      { numRuns: 200 }
    )
  })
})
