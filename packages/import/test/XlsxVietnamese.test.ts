/**
 * Vietnamese text through the XLSX reader, byte for byte. Every vowel with every tone, in upper and
 * lower case, with đ/Đ, written in the forms staff's keyboards produce (precomposed NFC; decomposed
 * NFD; NFD with the marks in a non-canonical order; "Unicode tổ hợp", a precomposed base vowel with a
 * combining tone), comes back as the NFC of what was written, whatever the chunks the reader's input
 * and the decompressed XML arrive in: down to one byte, so that every multi-byte character is split.
 * (exceljs's reader decoded each chunk on its own, and in a trial silently changed 42 of 20,000 rows.)
 */
import ExcelJS from "exceljs"
import fc from "fast-check"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { readXlsx } from "../src/internal/xlsx/reader.js"
import type { Tuning } from "../src/internal/xlsx/reader.js"
import { tempDir } from "./utils/xlsx.js"
import { zipParts } from "./utils/zip.js"

const dir = tempDir()

const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
const LOWER = VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize("NFC")))
const UPPER = LOWER.map((c) => c.toUpperCase())
const LETTERS = [...LOWER, ...UPPER, "đ", "Đ", ..."bcdghklmnpqrstvxBCDGHKLMNPQRSTVX"]
const OTHERS = [" ", " ", " ", ",", ".", "-", "(", ")", "0", "1", "9", "\"", "'", "&", "<", ">", "\n", "—", "“", "”"]

/** The forms Vietnamese text is typed in. */
type Form = "nfc" | "nfd" | "reordered" | "composite"

const VOWEL_MARKS = /[\u0302\u0306\u031b]/
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/

/** `text` in one of the forms a keyboard or converter writes: all canonically equivalent to its NFC. */
const inForm = (text: string, form: Form): string => {
  switch (form) {
    case "nfc":
      return text.normalize("NFC")
    case "nfd":
      return text.normalize("NFD")
    case "reordered":
      // The dot below (combining class 220) after the circumflex or breve (230) and before the horn (216).
      return text
        .normalize("NFD")
        .replace(/\u0323([\u0302\u0306])/g, "$1\u0323")
        .replace(/\u031b\u0323/g, "\u0323\u031b")
    case "composite":
      // Each letter as its base vowel precomposed (ê, ơ, ă) followed by its tone as a combining mark.
      return Array.from(text.normalize("NFC"), (ch) => {
        const parts = Array.from(ch.normalize("NFD"))
        const base = parts.filter((p) => !TONE_MARKS.test(p)).join("")
        const tone = parts.filter((p) => TONE_MARKS.test(p)).join("")
        return VOWEL_MARKS.test(base) || tone !== "" ? base.normalize("NFC") + tone : ch
      }).join("")
  }
}

const FORMS: ReadonlyArray<Form> = ["nfc", "nfd", "reordered", "composite"]

/** A deterministic pseudo-random generator (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const HEADER = ["Mã", "Nội dung (NFC)", "Nội dung (NFD)", "Nội dung (đảo dấu)", "Nội dung (tổ hợp)"]

/** `count` rows: an id, then one text written in each form. The first rows hold every letter. */
const rowsOf = (count: number, seed: number): Array<Array<string>> => {
  const next = random(seed)
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(next() * xs.length)] as A
  const text = (i: number): string => {
    if (i === 0) return LOWER.join("")
    if (i === 1) return UPPER.join(" ")
    if (i === 2) return "đĐ Đồng Đăng, Hội đồng nhân dân tỉnh Sơn La; Nghị quyết số 12/NQ-HĐND"
    let s = ""
    const length = 1 + Math.floor(next() * 40)
    for (let k = 0; k < length; k++) s += next() < 0.8 ? pick(LETTERS) : pick(OTHERS)
    return s
  }
  return Array.from({ length: count }, (_, i) => {
    const t = text(i)
    return [`r${i}`, ...FORMS.map((f) => inForm(t, f))]
  })
}

const nfc = (rows: ReadonlyArray<ReadonlyArray<string>>) => rows.map((r) => r.map((v) => v.normalize("NFC")))

// Three ways text reaches a worksheet: exceljs's shared strings, exceljs's streaming writer (text
// cells of type "str", data descriptors), and inline rich strings (hand-built, stored uncompressed, so
// the input's own chunks split the characters too, and with every part in the order that hurt).

const sharedStringsBook = async (rows: ReadonlyArray<ReadonlyArray<string>>): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet("Dữ liệu")
  ws.addRow(HEADER)
  for (const r of rows) ws.addRow([...r])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

let streamed = 0
const streamedBook = async (rows: ReadonlyArray<ReadonlyArray<string>>): Promise<Uint8Array> => {
  const filename = join(dir, `streamed-${streamed++}.xlsx`)
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings: false })
  const ws = wb.addWorksheet("Dữ liệu")
  ws.addRow(HEADER).commit()
  for (const r of rows) ws.addRow([...r]).commit()
  ws.commit()
  await wb.commit()
  return readFileSync(filename)
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

const column = (i: number) => String.fromCharCode(65 + i)

/** A workbook of inline strings, each cut into rich-text runs at `cuts` (code unit offsets, so a run may start with a combining mark). */
const inlineBook = (rows: ReadonlyArray<ReadonlyArray<string>>, stored: boolean, seed = 1): Uint8Array => {
  const next = random(seed)
  const cell = (ref: string, text: string) => {
    const at = Math.floor(next() * (text.length + 1))
    const runs = [text.slice(0, at), text.slice(at)].map((t) => `<r><rPr><b/></rPr><t xml:space="preserve">${escapeXml(t)}</t></r>`).join("")
    return `<c r="${ref}" t="inlineStr"><is>${runs}</is></c>`
  }
  const xmlRows = [HEADER, ...rows].map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(`${column(j)}${i + 1}`, v)).join("")}</row>`)
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${xmlRows.join("")}</sheetData></worksheet>`
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  const P = "http://schemas.openxmlformats.org/package/2006/relationships"
  const parts: Array<[string, string]> = [
    ["xl/worksheets/sheet1.xml", sheet],
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
    ],
    ["xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${P}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ["_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${P}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ["xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`]
  ]
  return zipParts(parts, { stored })
}

/** The workbook's bytes as a stream of chunks of the given sizes (cycled). */
async function* chunked(bytes: Uint8Array, sizes: ReadonlyArray<number>): AsyncGenerator<Uint8Array> {
  let i = 0
  for (let at = 0; at < bytes.length; ) {
    const n = Math.max(1, sizes[i++ % sizes.length] ?? 1)
    yield bytes.subarray(at, at + n)
    at += n
  }
}

/** The rows read back (without the header), or the first problem met. */
const readBack = async (bytes: Uint8Array, tuning: Tuning, inputSizes?: ReadonlyArray<number>): Promise<Array<Array<string>>> => {
  const data = inputSizes === undefined ? bytes : chunked(bytes, inputSizes)
  const out: Array<Array<string>> = []
  for await (const item of readXlsx({ name: "vi.xlsx", data }, undefined, tuning)) {
    if (item._tag === "Issue") throw new Error(`${item.error.code}: ${item.error.en}`)
    if (item._tag === "Header") expect(item.columns.map((c) => c.header)).toEqual(HEADER)
    else out.push(item.cells.map((c) => c.value))
  }
  return out
}

/** The rows that differ, with the first few shown (a diff of 20,000 rows would say nothing). */
const differences = (actual: ReadonlyArray<ReadonlyArray<string>>, expected: ReadonlyArray<ReadonlyArray<string>>) => {
  const bad: Array<{ row: number; actual: ReadonlyArray<string> | undefined; expected: ReadonlyArray<string> | undefined }> = []
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const a = actual[i]
    const e = expected[i]
    if (a === undefined || e === undefined || a.length !== e.length || a.some((v, j) => v !== e[j])) bad.push({ row: i + 2, actual: a, expected: e })
  }
  return { count: bad.length, first: bad.slice(0, 3) }
}

const NONE = { count: 0, first: [] }

describe("Vietnamese text through the XLSX reader", () => {
  it("the four forms of the test text are canonically equivalent and differ as bytes", () => {
    const rows = rowsOf(50, 7)
    for (const r of rows) {
      expect(new Set(r.slice(1).map((v) => v.normalize("NFC"))).size).toBe(1)
    }
    const sample = rows[0] as Array<string>
    expect(new Set(sample.slice(1)).size).toBe(4)
    expect(sample[1]).toBe(LOWER.join(""))
    expect(LOWER).toHaveLength(72)
    expect(new Set([...LOWER, ...UPPER]).size).toBe(144)
  })

  const ROWS = 20_000
  const rows = rowsOf(ROWS, 2024)
  const expected = nfc(rows)
  /** Reads `bytes` back with each way of cutting it, and says which rows differ. */
  const check = async (bytes: Uint8Array, ways: ReadonlyArray<{ readonly tuning: Tuning; readonly input?: ReadonlyArray<number> }>) => {
    for (const { input, tuning } of ways) {
      expect({ tuning, input, ...differences(await readBack(bytes, tuning, input), expected) }).toEqual({ tuning, input, ...NONE })
    }
  }

  // Between them the three workbooks are read in pieces of 1 byte, of 2 and 3, of odd sizes mixed
  // (decompressed XML), as input streamed in odd sizes (kept in memory, or spooled to a file), and
  // in the chunks zlib gives; one-byte pieces are slow (about a microsecond each), so each workbook
  // gets one of the small-piece readings.
  it(`reads back ${ROWS.toLocaleString("en")} rows of shared strings exactly, every character split`, async () => {
    await check(await sharedStringsBook(rows), [
      { tuning: {} },
      { tuning: { chunkSizes: [1] } },
      { tuning: { chunkSizes: [4093] }, input: [1, 3, 7, 509, 8191] },
      { tuning: { chunkSizes: [65_537], spoolLimit: 100_000 }, input: [5, 4096] }
    ])
  }, 120_000)

  it(`reads back ${ROWS.toLocaleString("en")} rows of exceljs's streaming writer (text cells, data descriptors) exactly, every character split`, async () => {
    await check(await streamedBook(rows), [{ tuning: {} }, { tuning: { chunkSizes: [2, 3] } }, { tuning: { chunkSizes: [65_537] } }])
  }, 120_000)

  it(`reads back ${ROWS.toLocaleString("en")} rows of inline rich strings exactly, stored and deflated, the input itself in odd chunks`, async () => {
    await check(inlineBook(rows, true), [{ tuning: { chunkSizes: [1, 2, 3, 5, 7, 11, 13] }, input: [1, 2, 3, 5, 8, 13, 21, 1000] }])
    await check(inlineBook(rows, false), [{ tuning: {} }, { tuning: { chunkSizes: [4093, 1, 2] } }])
  }, 120_000)

  it("reads random Vietnamese text back exactly, whatever the writer and the chunk sizes", async () => {
    const char = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...LETTERS) }, { weight: 2, arbitrary: fc.constantFrom(...OTHERS) })
    const text = fc.tuple(fc.array(char, { maxLength: 40 }).map((cs) => cs.join("")), fc.constantFrom(...FORMS)).map(([t, form]) => inForm(t, form))
    const row = fc.array(text, { minLength: 4, maxLength: 4 })
    const sizes = fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 5 })
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.constantFrom("shared", "streamed", "inline-stored", "inline-deflated"),
        sizes,
        fc.option(sizes, { nil: undefined }),
        async (texts, writer, chunkSizes, inputSizes) => {
          const rows = texts.map((r, i) => [`r${i}`, ...r])
          const bytes =
            writer === "shared"
              ? await sharedStringsBook(rows)
              : writer === "streamed"
                ? await streamedBook(rows)
                : inlineBook(rows, writer === "inline-stored")
          expect(differences(await readBack(bytes, { chunkSizes }, inputSizes), nfc(rows))).toEqual(NONE)
        }
      ),
      { numRuns: 300 }
    )
  }, 120_000)
})
