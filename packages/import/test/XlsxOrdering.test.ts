/**
 * The XLSX reader and the order of the parts inside the ZIP.
 *
 * exceljs's writer stores `xl/workbook.xml` (the sheet list) as the last entry, after the worksheets
 * and the shared strings. exceljs's streaming reader keeps the worksheets met before the shared
 * strings in temporary files, and reads them once every entry has been seen. unzipper 0.10.14 ended
 * its stream of entries (`Parse({ forceStream: true })`) as soon as its input was parsed, while the
 * entries the reader had not taken yet were still buffered: when writing a temporary file took
 * longer than parsing the rest of the ZIP (a loaded CI machine), the reader lost the last entries
 * and failed with "Cannot read properties of undefined (reading 'sheets')". These tests make that
 * order of events happen every time, with no timing: the temporary files are created only once
 * unzipper has parsed the whole ZIP.
 */
import { Xlsx } from "@hdnd/import"
import { once } from "node:events"
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Writable } from "node:stream"
import { Readable } from "node:stream"
import { deflateRawSync, inflateRawSync } from "node:zlib"
import { afterEach, describe, expect, it } from "vitest"
import { collect, view } from "./utils/collect.js"
import { tempDir, writeWorkbook } from "./utils/xlsx.js"

const dir = tempDir()

/** The modules exceljs itself loads (the same instances, so that replacing a function reaches it). */
const exceljsRequire = createRequire(createRequire(import.meta.url).resolve("exceljs"))
type ZipParser = Writable & { readonly writableFinished: boolean; pause(): void; resume(): void }
const unzipper = exceljsRequire("unzipper") as { Parse: (options: { forceStream: boolean }) => ZipParser }
const tmp = exceljsRequire("tmp") as { file: (...args: Array<unknown>) => void }

const restore: Array<() => void> = []
afterEach(() => {
  for (const undo of restore.splice(0).reverse()) undo()
})

/**
 * Makes exceljs create its temporary worksheet files only after unzipper has parsed the whole ZIP
 * (its writable side finished), as happens when the disk is slower than the unzipping.
 */
const slowTemporaryFiles = () => {
  const parsers: Array<ZipParser> = []
  const parse = unzipper.Parse
  const file = tmp.file
  unzipper.Parse = (options) => {
    const parser = parse(options)
    parsers.push(parser)
    return parser
  }
  tmp.file = function (this: unknown, ...args: Array<unknown>) {
    const parser = parsers[parsers.length - 1]
    const go = () => file.apply(this, args)
    if (parser === undefined || parser.writableFinished) go()
    else parser.once("finish", () => setImmediate(go))
  }
  restore.push(() => {
    unzipper.Parse = parse
    tmp.file = file
  })
  return parsers
}

// A minimal ZIP reader and writer, to change the order of a workbook's parts.

interface Part {
  readonly name: string
  readonly data: Uint8Array
}

const parts = (zip: Uint8Array): Array<Part> => {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let end = zip.length - 22
  while (view.getUint32(end, true) !== 0x06054b50) end--
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const out: Array<Part> = []
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(at + 10, true)
    const size = view.getUint32(at + 20, true)
    const nameLength = view.getUint16(at + 28, true)
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength))
    const local = view.getUint32(at + 42, true)
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const raw = zip.subarray(start, start + size)
    out.push({ name, data: method === 0 ? raw : new Uint8Array(inflateRawSync(raw)) })
    at += 46 + skip
  }
  return out
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (data: Uint8Array): number => {
  let c = 0xffffffff
  for (const b of data) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const zipOf = (entries: ReadonlyArray<Part>): Uint8Array => {
  const locals: Array<Uint8Array> = []
  const centrals: Array<Uint8Array> = []
  let offset = 0
  for (const { name, data } of entries) {
    const nameBytes = new TextEncoder().encode(name)
    const packed = new Uint8Array(deflateRawSync(data))
    const header = (size: number, signature: number) => {
      const bytes = new Uint8Array(size)
      const v = new DataView(bytes.buffer)
      v.setUint32(0, signature, true)
      return { bytes, v }
    }
    const local = header(30, 0x04034b50)
    local.v.setUint16(4, 20, true)
    local.v.setUint16(8, 8, true)
    local.v.setUint32(14, crc32(data), true)
    local.v.setUint32(18, packed.length, true)
    local.v.setUint32(22, data.length, true)
    local.v.setUint16(26, nameBytes.length, true)
    const central = header(46, 0x02014b50)
    central.v.setUint16(4, 20, true)
    central.v.setUint16(6, 20, true)
    central.v.setUint16(10, 8, true)
    central.v.setUint32(16, crc32(data), true)
    central.v.setUint32(20, packed.length, true)
    central.v.setUint32(24, data.length, true)
    central.v.setUint16(28, nameBytes.length, true)
    central.v.setUint32(42, offset, true)
    locals.push(local.bytes, nameBytes, packed)
    centrals.push(central.bytes, nameBytes)
    offset += 30 + nameBytes.length + packed.length
  }
  const size = centrals.reduce((n, b) => n + b.length, 0)
  const eocd = new Uint8Array(22)
  const v = new DataView(eocd.buffer)
  v.setUint32(0, 0x06054b50, true)
  v.setUint16(8, entries.length, true)
  v.setUint16(10, entries.length, true)
  v.setUint32(12, size, true)
  v.setUint32(16, offset, true)
  return Buffer.concat([...locals, ...centrals, eocd])
}

const twoSheets = async (name: string) =>
  readFileSync(
    await writeWorkbook(join(dir, name), [
      { name: "Hội đồng", rows: { 1: { A: "Mã", B: "Tên" }, 2: { A: "hd1", B: "Hội đồng nhân dân tỉnh" } } },
      { name: "Kỳ họp", rows: { 1: { A: "Mã" }, 2: { A: "kh1" } } }
    ])
  )

const read = async (name: string, data: Uint8Array, sheet?: string) =>
  view(await collect(Xlsx.read({ name, data }, sheet === undefined ? {} : { sheet })))

describe("Xlsx.read and the order of the ZIP entries", () => {
  it("writes workbooks with xl/workbook.xml last, after the worksheets and the shared strings (the case below)", async () => {
    const names = parts(await twoSheets("order.xlsx")).map((p) => p.name)
    expect(names[names.length - 1]).toBe("xl/workbook.xml")
    expect(names.indexOf("xl/worksheets/sheet2.xml")).toBeLessThan(names.indexOf("xl/sharedStrings.xml"))
  })

  it("unzipper ends the stream of entries only after every buffered entry has been read (patched unzipper)", async () => {
    const bytes = await twoSheets("entries.xlsx")
    const zip = unzipper.Parse({ forceStream: true })
    const seen: Array<string> = []
    let ended = false
    zip.on("data", (entry: { path: string; autodrain: () => void }) => {
      seen.push(entry.path)
      entry.autodrain()
    })
    zip.on("end", () => {
      ended = true
    })
    // A consumer busy elsewhere while the whole ZIP is parsed, as exceljs is while writing a
    // worksheet to its temporary file.
    zip.pause()
    Readable.from([bytes]).pipe(zip)
    await once(zip, "finish")
    await new Promise((resolve) => setImmediate(resolve))
    expect({ seen, ended }).toEqual({ seen: [], ended: false })
    zip.resume()
    if (!ended) await once(zip, "end")
    expect(seen).toEqual(parts(bytes).map((p) => p.name))
  })

  it("reads a workbook whose xl/workbook.xml is the last entry when the temporary files are slower than the unzipping", async () => {
    const parsers = slowTemporaryFiles()
    const bytes = await twoSheets("slow.xlsx")
    expect(await read("slow.xlsx", bytes)).toEqual([
      { header: 1, names: ["Mã", "Tên"] },
      { row: 2, values: ["hd1", "Hội đồng nhân dân tỉnh"] }
    ])
    expect(await read("slow.xlsx", bytes, "ky hop")).toEqual([{ header: 1, names: ["Mã"] }, { row: 2, values: ["kh1"] }])
    expect(parsers).toHaveLength(2)
  })

  it("reads the templates when the temporary files are slower than the unzipping", async () => {
    slowTemporaryFiles()
    const path = fileURLToPath(new URL("../../../docs/templates/councils.xlsx", import.meta.url))
    const items = await collect(Xlsx.read(path))
    expect(items[0]?._tag).toBe("Header")
    expect(items.filter((i) => i._tag === "Issue")).toEqual([])
  })

  it("reads a workbook whose worksheets come after the shared strings but before xl/workbook.xml", async () => {
    const all = parts(await twoSheets("late-workbook.xlsx"))
    const first = ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"]
    const byName = (n: string) => all.find((p) => p.name === n) as Part
    const reordered = [
      ...first.map(byName),
      ...all.filter((p) => !first.includes(p.name) && p.name !== "xl/workbook.xml"),
      byName("xl/workbook.xml")
    ]
    const bytes = zipOf(reordered)
    expect(await read("late-workbook.xlsx", bytes)).toEqual([
      { header: 1, names: ["Mã", "Tên"] },
      { row: 2, values: ["hd1", "Hội đồng nhân dân tỉnh"] }
    ])
    expect(await read("late-workbook.xlsx", bytes, "Kỳ họp")).toEqual([{ header: 1, names: ["Mã"] }, { row: 2, values: ["kh1"] }])
  })

  it("reports a workbook without a readable xl/workbook.xml as unreadable, naming the part", async () => {
    const all = parts(await twoSheets("no-workbook.xlsx"))
    const missing = zipOf(all.filter((p) => p.name !== "xl/workbook.xml"))
    const garbled = zipOf(all.map((p) => (p.name === "xl/workbook.xml" ? { name: p.name, data: new TextEncoder().encode("<?xml version=\"1.0\"?><notAWorkbook/>") } : p)))
    for (const data of [missing, garbled]) {
      const items = await collect(Xlsx.read({ name: "no-workbook.xlsx", data }))
      expect(items).toHaveLength(1)
      const issue = items[0]
      expect(issue?._tag === "Issue" && [issue.error.code, issue.fatal]).toEqual(["xlsx.unreadable", true])
      expect(issue?._tag === "Issue" && issue.error.en).toContain("xl/workbook.xml is missing or cannot be read")
      expect(issue?._tag === "Issue" && issue.error.vi).toContain("xl/workbook.xml")
      expect(issue?._tag === "Issue" && issue.error.en).not.toContain("Cannot read properties")
    }
  })
})
