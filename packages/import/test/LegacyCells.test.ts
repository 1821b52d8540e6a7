/**
 * Garbled legacy text found cell by cell (issue #16, D8): VNI or TCVN3 text read as Windows-1252 is
 * refused where it stands, with its row and column, even when the rest of the file is good Unicode;
 * real Vietnamese and plain or European Latin text never are.
 */
import { Csv, Decode, SourceRow } from "@hdnd/import"
import { fc, it as prop } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { garbledCell, score } from "../src/internal/legacy.js"
import { collect } from "./utils/collect.js"
import { dataset } from "./utils/fixture.js"
import { encodeTcvn3, encodeVni, WORDS } from "./utils/legacy.js"

const cp1252 = new TextDecoder("windows-1252")
const garble = (encode: (s: string) => Uint8Array, text: string): string => cp1252.decode(encode(text))

const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
const INITIALS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]
/** Rhymes, with the index of the vowel that carries the tone. */
const RHYMES: ReadonlyArray<readonly [string, number]> = [
  ["a", 0], ["an", 0], ["anh", 0], ["ang", 0], ["ai", 0], ["ao", 0], ["ay", 0], ["âu", 0], ["ân", 0], ["âng", 0], ["ăn", 0], ["ăng", 0],
  ["e", 0], ["em", 0], ["en", 0], ["ê", 0], ["ên", 0], ["ênh", 0], ["i", 0], ["in", 0], ["inh", 0], ["iêu", 1], ["iên", 1], ["o", 0],
  ["on", 0], ["ong", 0], ["oi", 0], ["ô", 0], ["ôn", 0], ["ông", 0], ["ơ", 0], ["ơn", 0], ["ơi", 0], ["u", 0], ["un", 0], ["ung", 0],
  ["ui", 0], ["uân", 1], ["uyên", 2], ["ư", 0], ["ưa", 0], ["ưng", 0], ["ươi", 1], ["ương", 1], ["ươn", 1], ["oa", 1], ["oan", 1], ["oanh", 1]
]
const syllableArb = fc
  .tuple(fc.constantFrom(...INITIALS), fc.constantFrom(...RHYMES), fc.constantFrom(...TONES), fc.boolean())
  .map(([initial, [rhyme, at], tone, upper]) => {
    const chars = [...rhyme]
    chars[at] = `${chars[at]}${tone}`
    const s = `${initial}${chars.join("")}`.normalize("NFC")
    return upper ? s.charAt(0).toUpperCase() + s.slice(1) : s
  })
  .filter((s) => !/^(k|gh|ngh)[aăâoôơuư]|^c[eêi]|^qu[uư]|^g[iê]/i.test(s))
const vietnameseArb = fc.array(syllableArb, { minLength: 1, maxLength: 12 }).map((w) => w.join(" "))
/** Sentences of real words with at least two that are not plain ASCII. */
const wordsArb = fc
  .array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 10 })
  .filter((ws) => ws.filter((w) => /[^\x00-\x7f]/.test(w)).length >= 3)
  .map((ws) => ws.join(" "))

describe("garbled cells", () => {
  prop.prop([vietnameseArb], { numRuns: 2000 })("valid NFC Vietnamese built from syllables is never garbled", (text) => {
    expect(garbledCell(text)).toBeUndefined()
  })

  prop.prop([fc.constantFrom(...WORDS).chain((w) => fc.constant(w))], { numRuns: 200 })("each real word alone is never garbled", (w) => {
    expect(garbledCell(w)).toBeUndefined()
  })

  prop.prop([fc.string({ unit: "grapheme-ascii", maxLength: 60 })], { numRuns: 500 })("ASCII text is never garbled", (text) => {
    expect(garbledCell(text)).toBeUndefined()
  })

  it("English and other Latin-1 languages are not taken for garbled Vietnamese", () => {
    for (const text of ["Müller GmbH", "café crème", "São Paulo", "naïve façade", "Ångström", "Đà Nẵng", "Tôi là", "Công an", "Bà Rịa – Vũng Tàu", "© 2023 – “quoted”"]) {
      expect([text, garbledCell(text)]).toEqual([text, undefined])
    }
  })

  // Garbled text that does not itself read as Vietnamese syllables is always flagged. Some does: VNI's
  // "phố sơn phố" shows as "phoá sôn phoá", three well-formed syllables as it stands, and is kept
  // rather than risk flagging real text. The encoding named is the right one except in rare ties
  // ("chế chế nghị" in VNI also reads as syllables in TCVN3, "cheỏ cheỏ nghũ": tone placement is not checked).
  const notSyllables = (garbled: string) => score(garbled).bad > 0

  prop.prop([wordsArb.map((t) => garble(encodeVni, t)).filter(notSyllables)], { numRuns: 1000 })("VNI text read as Windows-1252 is garbled", (garbled) => {
    expect(garbledCell(garbled)).toBeDefined()
  })

  prop.prop([wordsArb.map((t) => garble(encodeTcvn3, t)).filter(notSyllables)], { numRuns: 1000 })("TCVN3 text read as Windows-1252 is garbled", (garbled) => {
    expect(garbledCell(garbled)).toBeDefined()
  })

  it("names the encoding", () => {
    expect(garbledCell(garble(encodeVni, "hội đồng nhân dân tỉnh"))).toBe("vni")
    expect(garbledCell(garble(encodeTcvn3, "hội đồng nhân dân tỉnh"))).toBe("tcvn3")
  })

  it("a few garbled cells in an otherwise good file reject their rows, naming row and column", async () => {
    const header = "Mã;HĐND;Loại hoạt động;Cơ quan chủ trì;Từ ngày;Kỳ họp;Nội dung;Đối tượng thẩm tra"
    const row = (id: string, content: string) => `${id};HĐND tỉnh Sơn La;thẩm tra;Ban Pháp chế;10/07/2023;Kỳ họp thứ 7;${content};dự thảo nghị quyết`
    const rows = [
      row("a1", "Thẩm tra dự thảo nghị quyết"),
      row("a2", garble(encodeVni, "thẩm tra báo cáo kinh tế")),
      row("a3", "Giám sát chuyên đề"),
      row("a4", garble(encodeTcvn3, "thẩm tra dự thảo nghị quyết"))
    ]
    const items = Csv.read({ name: "hoat-dong.csv", data: `${header}\n${rows.join("\n")}\n` })
    const out = await collect(Decode.decode(items as AsyncIterable<SourceRow.SourceItem>, { dataset }))
    const garbled = out.flatMap((d) => (d._tag === "Rejected" ? d.problems.filter((p) => p.code.startsWith("encoding.garbled-cell")) : []))
    expect(garbled.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, "G", "encoding.garbled-cell-vni"],
      [5, "G", "encoding.garbled-cell-tcvn3"]
    ])
    expect(garbled[0]?.vi).toContain("thẩm tra báo cáo kinh tế")
  })
})
