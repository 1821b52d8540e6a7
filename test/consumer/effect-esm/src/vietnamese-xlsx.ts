// The XLSX reader as npm users get it (no workspace patch can reach them): 20,000 rows of Vietnamese
// text — every vowel with every tone, upper and lower case, đ/Đ — written as NFC and as NFD (and with
// a precomposed base vowel and a combining tone), read back by @hdnd/import from a file and from a
// stream cut into odd-sized chunks, so that multi-byte characters are split. Every cell must come back
// as the NFC of what was written.
import { Xlsx } from "@hdnd/import"
import ExcelJS from "exceljs"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
const LOWER = VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize("NFC")))
const LETTERS = [...LOWER, ...LOWER.map((c) => c.toUpperCase()), "đ", "Đ", ..."bcdghklmnpqrstvx", " ", " ", ",", "."]
const ROWS = 20_000

let seed = 20_231_014
const next = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}
const text = (i: number): string => {
  if (i === 0) return LOWER.join("")
  if (i === 1) return LOWER.map((c) => c.toUpperCase()).join(" ")
  let s = ""
  for (let k = 1 + Math.floor(next() * 40); k > 0; k--) s += LETTERS[Math.floor(next() * LETTERS.length)]
  // Leading and trailing spaces are a spreadsheet matter of their own, not this check's.
  return s.trim() === "" ? "đ" : s.trim()
}
/** A precomposed base vowel (ê, ơ, ă …) followed by its tone as a combining mark. */
const composite = (s: string): string =>
  Array.from(s.normalize("NFC"), (ch) => {
    const parts = Array.from(ch.normalize("NFD"))
    const tone = parts.filter((p) => /[\u0300\u0301\u0303\u0309\u0323]/.test(p)).join("")
    return tone === "" ? ch : parts.filter((p) => !/[\u0300\u0301\u0303\u0309\u0323]/.test(p)).join("").normalize("NFC") + tone
  }).join("")

const dir = mkdtempSync(join(tmpdir(), "hdnd-vi-xlsx-"))
const file = join(dir, "tieng-viet.xlsx")
const texts = Array.from({ length: ROWS }, (_, i) => text(i))
const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true })
const sheet = writer.addWorksheet("Dữ liệu")
sheet.addRow(["Mã", "NFC", "NFD", "Tổ hợp"]).commit()
texts.forEach((t, i) => sheet.addRow([`r${i}`, t.normalize("NFC"), t.normalize("NFD"), composite(t)]).commit())
await writer.commit()

const check = async (label: string, input: Xlsx.XlsxOptions & { readonly input: Parameters<typeof Xlsx.read>[0] }): Promise<void> => {
  let rows = 0
  let wrong = 0
  for await (const item of Xlsx.read(input.input)) {
    if (item._tag === "Issue") throw new Error(`${label}: ${item.error.message}`)
    if (item._tag !== "Row") continue
    const i = rows++
    const want = (texts[i] as string).normalize("NFC")
    const values = item.cells.map((c) => c.value)
    if (values[0] !== `r${i}` || values.length !== 4 || values.slice(1).some((v) => v !== want)) wrong++
  }
  if (rows !== ROWS || wrong !== 0) throw new Error(`${label}: ${rows} rows read, ${wrong} changed`)
  console.log(`vietnamese-xlsx: ${label}: ${rows} rows, every cell exact`)
}

await check("from the file", { input: file })
const bytes = readFileSync(file)
async function* oddChunks(): AsyncGenerator<Uint8Array> {
  const sizes = [1, 2, 3, 5, 7, 11, 13, 4093, 65_537]
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length] as number
    yield bytes.subarray(at, at + size)
    at += size
  }
}
await check("from a stream in odd-sized chunks", { input: { name: "tieng-viet.xlsx", data: oddChunks() } })
