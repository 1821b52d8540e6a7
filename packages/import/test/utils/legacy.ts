/**
 * Encoders for the legacy Vietnamese encodings, written for the tests independently of the
 * decoder: TCVN3 from glibc's TCVN5712-1 output for every lower-case letter, Windows-1258 as base
 * letters plus combining tone bytes (checked against the platform decoder), VNI from its published
 * layout (a base letter followed by one mark byte).
 */

/** Every lower-case Vietnamese letter, in one order, and their TCVN3 bytes as glibc writes them. */
const LETTERS = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
const TCVN3_HEX =
  "61b5b6b7b8b9a8bbbcbdbec6a9c7c8c9cacb626364ae65cccecfd0d1aad2d3d4d5d6676869d7d8dcddde6b6c6d6e6fdfe1e2e3e4abe5e6e7e8e9aceaebecedee707172737475eff1f2f3f4adf5f6f7f8f9767879fafbfcfdfe"

const TCVN3: ReadonlyMap<string, number> = new Map(
  [...LETTERS].map((ch, i) => [ch, Number.parseInt(TCVN3_HEX.slice(i * 2, i * 2 + 2), 16)] as const)
)

const bytesOf = (codes: ReadonlyArray<number>): Uint8Array => Uint8Array.from(codes)

/** TCVN3 bytes of lower-case Vietnamese text (ASCII passes through). */
export const encodeTcvn3 = (text: string): Uint8Array =>
  bytesOf([...text.normalize("NFC")].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : (TCVN3.get(ch) ?? 0x3f))))

const TONES_1258: Readonly<Record<string, number>> = { "\u0300": 0xcc, "\u0301": 0xec, "\u0309": 0xd2, "\u0303": 0xde, "\u0323": 0xf2 }
const BASES_1258: Readonly<Record<string, number>> = {
  "a\u0302": 0xe2, "e\u0302": 0xea, "o\u0302": 0xf4, "a\u0306": 0xe3, "o\u031b": 0xf5, "u\u031b": 0xfd, "đ": 0xf0,
  "A\u0302": 0xc2, "E\u0302": 0xca, "O\u0302": 0xd4, "A\u0306": 0xc3, "O\u031b": 0xd5, "U\u031b": 0xdd, "Đ": 0xd0
}

/** Windows-1258 bytes: base letters (with their shape) then a combining tone byte. */
export const encodeCp1258 = (text: string): Uint8Array => {
  const out: Array<number> = []
  for (const letter of text.normalize("NFC")) {
    const d = letter.normalize("NFD")
    const base = d[0] as string
    const marks = d.slice(1)
    const shape = /[\u0302\u0306\u031b]/.exec(marks)?.[0] ?? ""
    const tone = /[\u0300\u0301\u0303\u0309\u0323]/.exec(marks)?.[0] ?? ""
    const shaped = BASES_1258[base + shape]
    if (shaped !== undefined) out.push(shaped)
    else out.push(base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : 0x3f)
    if (tone !== "") out.push(TONES_1258[tone] as number)
  }
  return bytesOf(out)
}

const TONE_BYTE: Readonly<Record<string, number>> = { "\u0301": 0xf9, "\u0300": 0xf8, "\u0309": 0xfb, "\u0303": 0xf5, "\u0323": 0xef }
const CIRCUMFLEX: Readonly<Record<string, number>> = { "": 0xe2, "\u0301": 0xe1, "\u0300": 0xe0, "\u0309": 0xe5, "\u0303": 0xe3, "\u0323": 0xe4 }
const BREVE: Readonly<Record<string, number>> = { "": 0xea, "\u0301": 0xe9, "\u0300": 0xe8, "\u0309": 0xfa, "\u0303": 0xfc, "\u0323": 0xeb }
const I_TONES: Readonly<Record<string, number>> = { "\u0301": 0xed, "\u0300": 0xec, "\u0309": 0xe6, "\u0303": 0xf3, "\u0323": 0xf2 }

/** VNI Windows bytes of lower-case Vietnamese text. */
export const encodeVni = (text: string): Uint8Array => {
  const out: Array<number> = []
  for (const letter of text.normalize("NFC")) {
    const d = letter.normalize("NFD")
    const base = d[0] as string
    const marks = d.slice(1)
    const shape = /[\u0302\u0306\u031b]/.exec(marks)?.[0] ?? ""
    const tone = /[\u0300\u0301\u0303\u0309\u0323]/.exec(marks)?.[0] ?? ""
    if (letter === "đ") out.push(0xf1)
    else if (letter.charCodeAt(0) < 0x80) out.push(letter.charCodeAt(0))
    else if (base === "i") out.push(I_TONES[tone] ?? 0x3f)
    else if (base === "y" && tone === "\u0323") out.push(0xee)
    else if (shape === "\u031b") {
      out.push(base === "o" ? 0xf4 : 0xf6)
      if (tone !== "") out.push(TONE_BYTE[tone] as number)
    } else if (shape === "\u0302") out.push(base.charCodeAt(0), CIRCUMFLEX[tone] as number)
    else if (shape === "\u0306") out.push(base.charCodeAt(0), BREVE[tone] as number)
    else out.push(base.charCodeAt(0), TONE_BYTE[tone] as number)
  }
  return bytesOf(out)
}

/** Lower-case Vietnamese words for generated sentences. */
export const WORDS = [
  "hội", "đồng", "nhân", "dân", "tỉnh", "sơn", "la", "ban", "pháp", "chế", "kinh", "tế", "ngân", "sách", "văn", "hóa",
  "xã", "hội", "dân", "tộc", "thẩm", "tra", "dự", "thảo", "nghị", "quyết", "báo", "cáo", "giám", "sát", "chuyên", "đề",
  "khảo", "kỳ", "họp", "thứ", "bảy", "phiên", "thường", "trực", "tiếp", "xúc", "cử", "tri", "đại", "biểu", "huyện",
  "mộc", "châu", "thành", "phố", "nội", "dung", "kiến", "nghị", "ủy", "quyền", "lợi", "người", "được", "những", "việc"
]
