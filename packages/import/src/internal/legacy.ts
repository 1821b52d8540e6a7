/**
 * Recognising the legacy 8-bit Vietnamese encodings (TCVN3/ABC, VNI Windows, Windows-1258) from a
 * sample of bytes. Each candidate decoding is scored by how many words come out as well-formed
 * Vietnamese syllables and how many characters come out as garbage; the best-scoring one wins.
 *
 * Byte tables: TCVN3 is TCVN 5712:1993 (the lower-case letters of VN3, plus the upper-case letters VN1
 * places among them; checked against glibc's TCVN5712-1 for 0xA1–0xFE);
 * VNI Windows writes a base letter followed by one byte for the marks ("Hoäi ñoàng" = "Hội đồng");
 * Windows-1258 is decoded by the platform's `TextDecoder`.
 */

/** A legacy encoding this module recognises. */
export type Legacy = "tcvn3" | "vni" | "windows-1258"

/** TCVN3 (ABC) bytes 0xA1–0xFE. */
const TCVN3: Readonly<Record<number, string>> = (() => {
  const t: Record<number, string> = {}
  const put = (start: number, chars: string): void => {
    let i = start
    for (const ch of chars) {
      if (ch !== "_") t[i] = ch
      i++
    }
  }
  put(0xa1, "ĂÂÊÔƠƯĐăâêôơưđẶ")
  put(0xb5, "àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵ")
  return t
})()

const MARK = {
  acute: "\u0301",
  grave: "\u0300",
  hook: "\u0309",
  tilde: "\u0303",
  dot: "\u0323",
  circumflex: "\u0302",
  breve: "\u0306"
} as const

/** VNI mark bytes (lower- and upper-case forms): the shape and tone they add to the letter before. */
const VNI_MARKS: Readonly<Record<number, string>> = (() => {
  const t: Record<number, string> = {}
  const pairs: ReadonlyArray<readonly [number, string]> = [
    [0xf9, MARK.acute],
    [0xf8, MARK.grave],
    [0xfb, MARK.hook],
    [0xf5, MARK.tilde],
    [0xef, MARK.dot],
    [0xe2, MARK.circumflex],
    [0xe1, MARK.circumflex + MARK.acute],
    [0xe0, MARK.circumflex + MARK.grave],
    [0xe5, MARK.circumflex + MARK.hook],
    [0xe3, MARK.circumflex + MARK.tilde],
    [0xe4, MARK.circumflex + MARK.dot],
    [0xea, MARK.breve],
    [0xe9, MARK.breve + MARK.acute],
    [0xe8, MARK.breve + MARK.grave],
    [0xfa, MARK.breve + MARK.hook],
    [0xfc, MARK.breve + MARK.tilde],
    [0xeb, MARK.breve + MARK.dot]
  ]
  for (const [byte, marks] of pairs) {
    t[byte] = marks
    t[byte - 0x20] = marks
  }
  return t
})()

/** VNI bytes that are letters by themselves. */
const VNI_LETTERS: Readonly<Record<number, string>> = {
  0xf1: "đ", 0xd1: "Đ", 0xf4: "ơ", 0xd4: "Ơ", 0xf6: "ư", 0xd6: "Ư",
  0xed: "í", 0xec: "ì", 0xe6: "ỉ", 0xf3: "ĩ", 0xf2: "ị", 0xee: "ỵ",
  0xcd: "Í", 0xcc: "Ì", 0xc6: "Ỉ", 0xd3: "Ĩ", 0xd2: "Ị", 0xce: "Ỵ"
}

const VNI_BASES = new Set(["a", "e", "o", "u", "y", "ơ", "ư", "A", "E", "O", "U", "Y", "Ơ", "Ư"])
const SHAPED = /[\u0302\u0306]/

const REPLACEMENT = "\uFFFD"

const decodeTcvn3 = (bytes: Uint8Array): string => {
  let out = ""
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : (TCVN3[b] ?? REPLACEMENT)
  return out
}

const decodeVni = (bytes: Uint8Array): string => {
  const out: Array<string> = []
  for (const b of bytes) {
    if (b < 0x80) {
      out.push(String.fromCharCode(b))
      continue
    }
    const marks = VNI_MARKS[b]
    const prev = out[out.length - 1]
    if (marks !== undefined && prev !== undefined && VNI_BASES.has(prev)) {
      const shaped = SHAPED.test(marks)
      const base = prev.toLowerCase()
      const fits = !shaped || (marks.startsWith(MARK.breve) ? base === "a" : base === "a" || base === "e" || base === "o")
      if (fits) {
        out[out.length - 1] = (prev + marks).normalize("NFC")
        continue
      }
    }
    out.push(VNI_LETTERS[b] ?? REPLACEMENT)
  }
  return out.join("")
}

const cp1258 = new TextDecoder("windows-1258")

const decodeCp1258 = (bytes: Uint8Array): string => cp1258.decode(bytes).normalize("NFC")

/**
 * Decodes bytes as one of the legacy encodings (for scoring and for tests).
 */
export const decodeLegacy = (encoding: Legacy, bytes: Uint8Array): string =>
  encoding === "tcvn3" ? decodeTcvn3(bytes) : encoding === "vni" ? decodeVni(bytes) : decodeCp1258(bytes)

/** Vietnamese letters that are not plain ASCII (NFC, both cases). */
const VI_LETTER =
  /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu

const VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
const SYLLABLE = new RegExp(
  `^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?([${VOWELS}]{1,3})(ch|ng|nh|[cmnpt])?$`,
  "u"
)
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu

/** The vowel groups Vietnamese syllables have, without tone marks. */
const NUCLEI = new Set(
  ("a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ ưa ưi ươ ưu uy yê " +
    "iêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu yêu").split(" ")
)

/** Vowel groups that end a syllable: no final consonant follows them ("hai", "cao", "mua", "người"). */
const OPEN_ONLY = new Set(
  ("ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa " + "iêu oai oao oay oeo uây uôi ươi ươu uya uyu yêu").split(" ")
)

/** The vowel groups a final "ch" or "nh" can follow ("sách", "bệnh", "kinh", "oanh", "huỳnh"). */
const BEFORE_CH_NH = new Set("a ê i y oa uê uy".split(" "))

/**
 * Whether a word is one well-formed Vietnamese syllable with at most one tone mark: an initial, a
 * vowel group Vietnamese has, and a final consonant only where one can stand (a wrong decoding of
 * legacy bytes, "nhaõn" for "nhân", fails here).
 */
const isSyllable = (word: string): boolean => {
  const m = SYLLABLE.exec(word)
  if (m === null) return false
  const tones = word.normalize("NFD").match(TONE_MARKS)?.length ?? 0
  if (tones > 1) return false
  const whole = (m[2] as string).normalize("NFD").replace(TONE_MARKS, "").normalize("NFC")
  // "gi" and "qu" lend their vowel to the initial: "gì", "quả".
  const nucleus = NUCLEI.has(whole) ? whole : (m[1] === "g" || m[1] === "q") && NUCLEI.has(whole.slice(1)) ? whole.slice(1) : undefined
  if (nucleus === undefined) return false
  const final = m[3]
  if (final === undefined) return true
  if (OPEN_ONLY.has(nucleus)) return false
  return (final !== "ch" && final !== "nh") || BEFORE_CH_NH.has(nucleus)
}

/**
 * How Vietnamese a text looks: `good` counts words with a Vietnamese letter that are well-formed
 * syllables; `bad` counts other words with non-ASCII characters and stray non-ASCII symbols;
 * `words` counts the words with non-ASCII characters.
 */
export const score = (text: string): { readonly good: number; readonly bad: number; readonly words: number } => {
  let good = 0
  let bad = 0
  let words = 0
  for (const token of text.toLowerCase().split(/[^\p{L}\p{M}\uFFFD]+/u)) {
    // One-letter words ("à", "ý") are too weak a sign either way.
    if ([...token].length < 2 || /^[\x00-\x7f]*$/.test(token)) continue
    words++
    if (VI_LETTER.test(token) && isSyllable(token)) good++
    else bad++
  }
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c >= 0x80 && !/[\p{L}\p{M}\s]/u.test(ch)) bad++
  }
  return { good, bad, words }
}

const LEGACY: ReadonlyArray<Legacy> = ["tcvn3", "vni", "windows-1258"]

/**
 * The legacy encoding the bytes most look like, with its score; `undefined` when no decoding gives
 * clearly Vietnamese text (at least `minGood` syllables, and more good words than bad ones).
 */
export const classify = (bytes: Uint8Array, minGood = 1): { readonly encoding: Legacy; readonly good: number; readonly net: number } | undefined => {
  let best: { encoding: Legacy; good: number; net: number } | undefined
  for (const encoding of LEGACY) {
    const { good, bad } = score(decodeLegacy(encoding, bytes))
    const net = good - bad
    if (good >= minGood && good > bad && (best === undefined || net > best.net)) best = { encoding, good, net }
  }
  return best
}

const cp1252 = new TextDecoder("windows-1252")

/** Windows-1252 bytes 0x80–0x9F by the character they show as. */
const CP1252_HIGH: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>()
  for (let b = 0x80; b <= 0x9f; b++) m.set(cp1252.decode(new Uint8Array([b])), b)
  return m
})()

/**
 * The bytes a text came from if it was decoded as Windows-1252 (what happens when a legacy file is
 * opened as "Western" and saved as UTF-8); `undefined` when some character cannot have come from
 * one byte.
 */
export const asCp1252Bytes = (text: string, lenient = false): Uint8Array | undefined => {
  const out = new Uint8Array(text.length)
  let n = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[n++] = c
    else {
      const b = CP1252_HIGH.get(ch)
      if (b === undefined && !lenient) return undefined
      out[n++] = b ?? 0x3f
    }
  }
  return out.subarray(0, n)
}

/** Characters that only Vietnamese text in Unicode has (outside Latin-1). */
const VI_BEYOND_LATIN1 = /[ăắằẳẵặấầẩẫậđếềểễệỉĩịốồổỗộơớờởỡợủũụưứừửữựỳỷỹỵảạẻẽẹỏọ]/iu

/**
 * Whether valid Unicode text is really legacy-encoded Vietnamese shown through Windows-1252
 * ("Hoäi ñoàng", "Héi ®ång"): it has no Vietnamese letter beyond Latin-1, and its Windows-1252
 * bytes decode in a legacy encoding as clearly more Vietnamese text than the text itself is
 * (so "xin chào", which is Vietnamese as it stands, is never taken for garbled text).
 */
export const mojibake = (text: string): Legacy | undefined => {
  if (VI_BEYOND_LATIN1.test(text)) return undefined
  const sample = text.normalize("NFC")
  if (!/[\u0080-\u00ff]/.test(sample)) return undefined
  const bytes = asCp1252Bytes(sample, true)
  if (bytes === undefined) return undefined
  const found = classify(bytes, 3)
  if (found === undefined) return undefined
  // Score the text as it stands on the same footing (characters outside Windows-1252 as "?").
  const as = score(cp1252.decode(bytes))
  const margin = Math.max(2, Math.ceil(as.words / 4))
  return found.net >= as.good - as.bad + margin ? found.encoding : undefined
}

/** A character of Latin-1's upper half (what legacy bytes shown as Windows-1252 mostly are). */
const LATIN1_HIGH = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]/

/**
 * Whether the text of one cell is legacy-encoded Vietnamese shown through Windows-1252: like
 * {@link mojibake}, but for a short text, where one or two garbled words are the whole evidence. A
 * cell with a Vietnamese letter beyond Latin-1, or with no character of Latin-1's upper half, is
 * never garbled; otherwise its Windows-1252 bytes, read as a legacy encoding, must give clearly more
 * well-formed Vietnamese syllables than the text as it stands ("Tôi là" stays as it is; "Hoäi
 * ñoàng" is "Hội đồng" in VNI).
 */
export const garbledCell = (text: string): Legacy | undefined => {
  if (!LATIN1_HIGH.test(text) || VI_BEYOND_LATIN1.test(text)) return undefined
  const bytes = asCp1252Bytes(text.normalize("NFC"), true)
  if (bytes === undefined) return undefined
  const found = classify(bytes, 1)
  if (found === undefined) return undefined
  const as = score(cp1252.decode(bytes))
  const asNet = as.good - as.bad
  const margin = Math.max(1, Math.ceil(as.words / 4))
  return found.net >= asNet + margin ? found.encoding : undefined
}
