/**
 * The XLSX reader and the order of the parts inside the ZIP.
 *
 * exceljs's writer stores `xl/workbook.xml` (the sheet list) as the last entry, after the worksheets
 * and the shared strings; Excel itself writes the shared strings after the worksheets. A reader that
 * takes the ZIP front to back (exceljs's, on unzipper) must therefore hold a worksheet back until the
 * parts it depends on arrive, which is where exceljs lost entries and failed with "Cannot read
 * properties of undefined (reading 'sheets')". The reader reads the ZIP by random access from its
 * central directory instead. These tests make the hazards happen every time, with no timing:
 * workbooks whose parts come in every order (the sheet list last, the shared strings and styles after
 * the sheet), entries with data descriptors (sizes unknown until after the data) or stored
 * uncompressed, input given as a file, as bytes and as a stream of tiny chunks (kept in memory or
 * spooled to a temporary file), and every part's bytes cut into chunks of 1 to 3 bytes so that every
 * multi-byte character is split between two chunks.
 */
import { Xlsx } from "@hdnd/import"
import fc from "fast-check"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { readXlsx } from "../src/internal/xlsx/reader.js"
import type { Tuning } from "../src/internal/xlsx/reader.js"
import { collect, view } from "./utils/collect.js"
import { tempDir, writeWorkbook } from "./utils/xlsx.js"
import type { Part } from "./utils/zip.js"
import { parts, zipOf } from "./utils/zip.js"

const dir = tempDir()

const twoSheets = async (name: string) =>
  readFileSync(
    await writeWorkbook(join(dir, name), [
      { name: "Hội đồng", rows: { 1: { A: "Mã", B: "Tên", C: "Ngày" }, 2: { A: "hd1", B: "Hội đồng nhân dân tỉnh", C: { value: new Date(Date.UTC(2023, 6, 10)), numFmt: "dd/mm/yyyy" } } } },
      { name: "Kỳ họp", rows: { 1: { A: "Mã", B: "Nội dung" }, 2: { A: "kh1", B: "Kỳ họp thứ bảy, Hội đồng nhân dân khoá XV — thẩm tra, giám sát" } } }
    ])
  )

const FIRST = [
  { header: 1, names: ["Mã", "Tên", "Ngày"] },
  { row: 2, values: ["hd1", "Hội đồng nhân dân tỉnh", "2023-07-10"] }
]
const SECOND = [
  { header: 1, names: ["Mã", "Nội dung"] },
  { row: 2, values: ["kh1", "Kỳ họp thứ bảy, Hội đồng nhân dân khoá XV — thẩm tra, giám sát"] }
]

/** How the reader is given the workbook. */
type Mode = "bytes" | "file" | "stream" | "spooled"

let files = 0
const inputOf = (bytes: Uint8Array, mode: Mode, inputSizes: ReadonlyArray<number>) => {
  const name = "ordered.xlsx"
  switch (mode) {
    case "bytes":
      return { name, data: bytes }
    case "file": {
      const path = join(dir, `ordered-${files++}.xlsx`)
      writeFileSync(path, bytes)
      return path
    }
    case "stream":
    case "spooled":
      return {
        name,
        data: (async function* () {
          let i = 0
          for (let at = 0; at < bytes.length; ) {
            const n = Math.max(1, inputSizes[i++ % inputSizes.length] ?? 1)
            yield bytes.subarray(at, at + n)
            at += n
          }
        })()
      }
  }
}

const readWith = async (bytes: Uint8Array, mode: Mode, tuning: Tuning, sheet?: string, inputSizes: ReadonlyArray<number> = [1, 7, 64, 4093]) =>
  view(await collect(readXlsx(inputOf(bytes, mode, inputSizes), sheet, { ...tuning, ...(mode === "spooled" ? { spoolLimit: 512 } : {}) })))

const byName = (all: ReadonlyArray<Part>, n: string) => all.find((p) => p.name === n) as Part

/** The parts with `last` moved to the end, in that order. */
const moveLast = (all: ReadonlyArray<Part>, last: ReadonlyArray<string>) => [...all.filter((p) => !last.includes(p.name)), ...last.map((n) => byName(all, n))]

const MODES: ReadonlyArray<Mode> = ["bytes", "file", "stream", "spooled"]
const SPLIT: Tuning = { chunkSizes: [1, 2, 3] }

describe("Xlsx.read and the order of the ZIP entries", () => {
  it("exceljs writes workbooks with xl/workbook.xml last, after the worksheets and the shared strings (the case below)", async () => {
    const names = parts(await twoSheets("order.xlsx")).map((p) => p.name)
    expect(names[names.length - 1]).toBe("xl/workbook.xml")
    expect(names.indexOf("xl/worksheets/sheet2.xml")).toBeLessThan(names.indexOf("xl/sharedStrings.xml"))
    expect(names.indexOf("xl/worksheets/sheet1.xml")).toBeLessThan(names.indexOf("xl/styles.xml"))
  })

  it("reads a workbook whose xl/workbook.xml is the last entry, given as a file, as bytes and as a stream", async () => {
    const bytes = await twoSheets("slow.xlsx")
    for (const mode of MODES) {
      expect(await readWith(bytes, mode, {})).toEqual(FIRST)
      expect(await readWith(bytes, mode, SPLIT, "ky hop")).toEqual(SECOND)
    }
  })

  it("reads a workbook whose shared strings, styles and sheet list all come after the worksheets, with every character split", async () => {
    const all = parts(await twoSheets("late-parts.xlsx"))
    const late = zipOf(moveLast(all, ["xl/sharedStrings.xml", "xl/styles.xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "_rels/.rels"]))
    const early = zipOf(moveLast(all, ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]))
    for (const bytes of [late, early, zipOf([...all].reverse())]) {
      for (const mode of MODES) {
        expect(await readWith(bytes, mode, SPLIT)).toEqual(FIRST)
        expect(await readWith(bytes, mode, SPLIT, "Kỳ họp")).toEqual(SECOND)
      }
    }
  })

  it("reads entries with data descriptors and stored entries, as streaming writers make them", async () => {
    const all = moveLast(parts(await twoSheets("descriptors.xlsx")), ["xl/sharedStrings.xml", "xl/workbook.xml"])
    // A stored part whose bytes contain the data descriptor's signature: a reader that looks for the
    // end of an entry by scanning for it (a streaming unzip) would cut the entry there.
    const trap = { name: "xl/media/trap.bin", data: Uint8Array.from([0x50, 0x4b, 0x07, 0x08, 1, 2, 3, 0x50, 0x4b, 0x03, 0x04, 9, 9]) }
    for (const storage of [{ descriptor: true }, { stored: true }, { stored: true, descriptor: true }]) {
      const bytes = zipOf([trap, ...all], storage)
      for (const mode of MODES) {
        expect(await readWith(bytes, mode, SPLIT)).toEqual(FIRST)
        expect(await readWith(bytes, mode, {}, "ky hop")).toEqual(SECOND)
      }
    }
  })

  it("reads a workbook written by exceljs's streaming writer (data descriptors, text cells of type str, workbook last)", async () => {
    const { default: ExcelJS } = await import("exceljs")
    const path = join(dir, "streamed.xlsx")
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false })
    const ws = wb.addWorksheet("Hoạt động")
    ws.addRow(["Mã", "Nội dung", "Ngày"]).commit()
    ws.addRow(["a1", "Giám sát việc giải quyết kiến nghị của cử tri", new Date(Date.UTC(2024, 0, 5))]).commit()
    ws.commit()
    await wb.commit()
    const bytes = readFileSync(path)
    expect(parts(bytes).map((p) => p.name).pop()).toBe("xl/workbook.xml")
    for (const mode of MODES) {
      expect(await readWith(bytes, mode, SPLIT)).toEqual([
        { header: 1, names: ["Mã", "Nội dung", "Ngày"] },
        { row: 2, values: ["a1", "Giám sát việc giải quyết kiến nghị của cử tri", "2024-01-05"] }
      ])
    }
  })

  it("reads the same rows whatever the order of the parts, the way they are stored, the input and the chunk sizes", async () => {
    const all = parts(await twoSheets("any-order.xlsx"))
    const sizes = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 })
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
        fc.record({ stored: fc.boolean(), descriptor: fc.boolean() }),
        fc.constantFrom(...MODES),
        sizes,
        sizes,
        async (order, storage, mode, chunkSizes, inputSizes) => {
          const bytes = zipOf(order, storage)
          expect(await readWith(bytes, mode, { chunkSizes }, undefined, inputSizes)).toEqual(FIRST)
        }
      ),
      { numRuns: 200 }
    )
  })

  it("reads the templates with every character split and as a stream", async () => {
    const path = fileURLToPath(new URL("../../../docs/templates/councils.xlsx", import.meta.url))
    const whole = await collect(Xlsx.read(path))
    expect(whole[0]?._tag).toBe("Header")
    expect(whole.filter((i) => i._tag === "Issue")).toEqual([])
    for (const mode of MODES) expect(await readWith(readFileSync(path), mode, SPLIT)).toEqual(view(whole))
  })

  it("removes the temporary file a streamed workbook was spooled to, also when the reading stops early", async () => {
    const bytes = await twoSheets("spool.xlsx")
    const spooled: Array<string> = []
    const tuning: Tuning = { spoolLimit: 100, onSpool: (p) => spooled.push(p) }
    expect(view(await collect(readXlsx(inputOf(bytes, "stream", [333]), undefined, tuning)))).toEqual(FIRST)
    for await (const item of readXlsx(inputOf(bytes, "stream", [333]), undefined, tuning)) {
      expect(item._tag).toBe("Header")
      break
    }
    expect(spooled).toHaveLength(2)
    for (const p of spooled) expect(existsSync(p)).toBe(false)
    // Under the limit, nothing is written.
    await collect(readXlsx(inputOf(bytes, "stream", [333]), undefined, { onSpool: (p) => spooled.push(p) }))
    expect(spooled).toHaveLength(2)
  })

  it("reports a workbook without a readable xl/workbook.xml as unreadable, naming the part", async () => {
    const all = parts(await twoSheets("no-workbook.xlsx"))
    const missing = zipOf(all.filter((p) => p.name !== "xl/workbook.xml"))
    const garbled = zipOf(all.map((p) => (p.name === "xl/workbook.xml" ? { name: p.name, data: new TextEncoder().encode("<?xml version=\"1.0\"?><notAWorkbook/>") } : p)))
    const broken = zipOf(all.map((p) => (p.name === "xl/workbook.xml" ? { name: p.name, data: p.data.subarray(0, p.data.length - 9) } : p)))
    for (const data of [missing, garbled, broken]) {
      const items = await collect(Xlsx.read({ name: "no-workbook.xlsx", data }))
      expect(items).toHaveLength(1)
      const issue = items[0]
      expect(issue?._tag === "Issue" && [issue.error.code, issue.fatal]).toEqual(["xlsx.unreadable", true])
      expect(issue?._tag === "Issue" && issue.error.en).toContain("xl/workbook.xml is missing or cannot be read")
      expect(issue?._tag === "Issue" && issue.error.vi).toContain("xl/workbook.xml")
      expect(issue?._tag === "Issue" && issue.error.en).not.toContain("Cannot read properties")
    }
  })

  it("reports a damaged part (its checksum does not match) and a worksheet that is not well-formed, naming the part", async () => {
    const all = parts(await twoSheets("damaged.xlsx"))
    const sheet = byName(all, "xl/worksheets/sheet1.xml")
    const text = new TextDecoder().decode(sheet.data)
    const damaged = zipOf(all, { stored: true })
    // Change one byte of the stored worksheet (a digit of a row number) behind the checksum's back.
    const at = Buffer.from(damaged).indexOf('<row r="2"') + 8
    damaged[at] = "3".charCodeAt(0)
    const cut = zipOf(all.map((p) => (p === sheet ? { name: p.name, data: new TextEncoder().encode(text.slice(0, text.indexOf("</row>") + 6)) } : p)))
    for (const [data, en] of [
      [damaged, "the part xl/worksheets/sheet1.xml is damaged"],
      [cut, "the part xl/worksheets/sheet1.xml is not well-formed XML"]
    ] as const) {
      const items = await collect(Xlsx.read({ name: "damaged.xlsx", data }))
      const last = items[items.length - 1]
      expect(last?._tag === "Issue" && [last.error.code, last.fatal]).toEqual(["xlsx.unreadable", true])
      expect(last?._tag === "Issue" && last.error.en).toContain(en)
      expect(last?._tag === "Issue" && last.error.vi).toContain("phần xl/worksheets/sheet1.xml")
    }
  })
})
