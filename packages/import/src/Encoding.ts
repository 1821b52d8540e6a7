/**
 * Text encodings: detected, never guessed. Text files must be UTF-8 (with or without a byte order
 * mark) or UTF-16 with a byte order mark. A file in one of the legacy Vietnamese 8-bit encodings
 * (TCVN3/ABC, VNI Windows, Windows-1258), or a UTF-8 file whose Vietnamese letters were garbled by
 * such a file being opened as "Western" ("Hoäi ñoàng", "Héi ®ång"), is refused with an error that
 * names the encoding it looks like and says how to convert it.
 *
 * @since 0.1.0
 */
import type { ImportError } from "./ImportError.js"
import { importError } from "./ImportError.js"
import type { Legacy } from "./internal/legacy.js"
import { asCp1252Bytes, classify, decodeLegacy, mojibake } from "./internal/legacy.js"

/**
 * A legacy Vietnamese encoding: TCVN3 (ABC, the .VnTime fonts), VNI Windows (the VNI-Times fonts)
 * or Windows-1258.
 *
 * @since 0.1.0
 * @category models
 */
export type LegacyEncoding = Legacy

/**
 * What the first bytes of a file say about its encoding.
 *
 * - `Text`: UTF-8 or UTF-16, and how many bytes of byte order mark to skip.
 * - `Legacy`: not valid UTF-8 and looks like a legacy Vietnamese encoding.
 * - `Garbled`: valid UTF-8 whose letters are legacy-encoded Vietnamese shown as Windows-1252.
 * - `NotUtf8`: not valid UTF-8, and no legacy encoding fits.
 * - `Binary`: NUL bytes, or the signature of a workbook (`xlsx`: a ZIP; `xls`: Excel 97–2003).
 *
 * @since 0.1.0
 * @category models
 */
export type Detected =
  | { readonly _tag: "Text"; readonly encoding: "utf-8" | "utf-16le" | "utf-16be"; readonly bom: number }
  | { readonly _tag: "Legacy"; readonly encoding: LegacyEncoding; readonly offset: number }
  | { readonly _tag: "Garbled"; readonly encoding: LegacyEncoding }
  | { readonly _tag: "NotUtf8"; readonly offset: number }
  | { readonly _tag: "Binary"; readonly kind: "xlsx" | "xls" | "binary" }

const startsWith = (bytes: Uint8Array, prefix: ReadonlyArray<number>): boolean => prefix.every((b, i) => bytes[i] === b)

/**
 * The offset of the first byte that is not part of valid UTF-8, or -1. A sequence cut off by the end
 * of `bytes` counts as valid when `partialEnd` (more bytes may follow).
 *
 * @since 0.1.0
 * @category detection
 */
export const firstInvalidUtf8 = (bytes: Uint8Array, partialEnd = false): number => {
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    if (i + need >= n + (partialEnd ? need : 0)) return i
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return partialEnd ? -1 : i
      const c = bytes[i + k] as number
      if ((c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

/**
 * Looks at the first bytes of a file (a sample; 64 KiB is plenty) and says what it is. `complete`
 * tells whether the sample is the whole file (so a multi-byte sequence cut at its end is an error).
 *
 * @since 0.1.0
 * @category detection
 */
export const detect = (sample: Uint8Array, complete = true): Detected => {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) {
    const rest = sample.subarray(3)
    const bad = firstInvalidUtf8(rest, !complete)
    if (bad >= 0) return legacyOrNot(rest, bad, 3)
    return garbledOrText(rest, { _tag: "Text", encoding: "utf-8", bom: 3 })
  }
  if (startsWith(sample, [0xff, 0xfe])) return { _tag: "Text", encoding: "utf-16le", bom: 2 }
  if (startsWith(sample, [0xfe, 0xff])) return { _tag: "Text", encoding: "utf-16be", bom: 2 }
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04])) return { _tag: "Binary", kind: "xlsx" }
  if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0])) return { _tag: "Binary", kind: "xls" }
  if (sample.includes(0)) return { _tag: "Binary", kind: "binary" }
  const bad = firstInvalidUtf8(sample, !complete)
  if (bad >= 0) return legacyOrNot(sample, bad, 0)
  return garbledOrText(sample, { _tag: "Text", encoding: "utf-8", bom: 0 })
}

const legacyOrNot = (bytes: Uint8Array, bad: number, shift: number): Detected => {
  const found = classify(bytes)
  return found === undefined ? { _tag: "NotUtf8", offset: bad + shift } : { _tag: "Legacy", encoding: found.encoding, offset: bad + shift }
}

const utf8 = new TextDecoder("utf-8")

const garbledOrText = (bytes: Uint8Array, text: Detected): Detected => {
  const found = mojibake(utf8.decode(bytes))
  return found === undefined ? text : { _tag: "Garbled", encoding: found }
}

/**
 * Labels and the way to convert each legacy encoding, in Vietnamese and English.
 *
 * @since 0.1.0
 * @category data
 */
export const legacyEncodings: Readonly<
  Record<LegacyEncoding, { readonly name: string; readonly fontsVi: string; readonly fontsEn: string; readonly howVi: string; readonly howEn: string }>
> = {
  tcvn3: {
    name: "TCVN3 (ABC)",
    fontsVi: "phông .VnTime, .VnArial",
    fontsEn: ".VnTime, .VnArial fonts",
    howVi: "mở UniKey → Công cụ chuyển mã (Ctrl+Shift+F6), chọn Nguồn: TCVN3 (ABC), Đích: Unicode, chuyển mã tệp (hoặc sao chép các ô, chuyển mã clipboard rồi dán lại), sau đó lưu dạng \"CSV UTF-8\"",
    howEn: "open UniKey → conversion tool (Chuyển mã, Ctrl+Shift+F6), source TCVN3 (ABC), destination Unicode, convert the file (or copy the cells, convert the clipboard and paste back), then save as \"CSV UTF-8\""
  },
  vni: {
    name: "VNI Windows",
    fontsVi: "phông VNI-Times, VNI-Helve",
    fontsEn: "VNI-Times, VNI-Helve fonts",
    howVi: "mở UniKey → Công cụ chuyển mã (Ctrl+Shift+F6), chọn Nguồn: VNI Windows, Đích: Unicode, chuyển mã tệp (hoặc sao chép các ô, chuyển mã clipboard rồi dán lại), sau đó lưu dạng \"CSV UTF-8\"",
    howEn: "open UniKey → conversion tool (Chuyển mã, Ctrl+Shift+F6), source VNI Windows, destination Unicode, convert the file (or copy the cells, convert the clipboard and paste back), then save as \"CSV UTF-8\""
  },
  "windows-1258": {
    name: "Windows-1258 (CP1258)",
    fontsVi: "bảng mã Windows tiếng Việt",
    fontsEn: "the Windows Vietnamese code page",
    howVi: "chạy `iconv -f CP1258 -t UTF-8 tep.csv > tep-utf8.csv`, hoặc dùng UniKey → Công cụ chuyển mã với Nguồn: Vietnamese locale CP 1258, Đích: Unicode, hoặc trong Excel chọn Lưu thành → \"CSV UTF-8\"",
    howEn: "run `iconv -f CP1258 -t UTF-8 file.csv > file-utf8.csv`, or use UniKey's conversion tool with source Vietnamese locale CP 1258 and destination Unicode, or in Excel choose Save As → \"CSV UTF-8\""
  }
}

/** The line (1-based) of a byte offset: line feeds, and carriage returns not followed by one, end lines. */
const lineOf = (bytes: Uint8Array, offset: number): number => {
  let line = 1
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i]
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++
  }
  return line
}

const cp1252 = new TextDecoder("windows-1252")

/** A short preview of the first garbled stretch, as a Western editor shows it and as it reads in `encoding`. */
const preview = (sample: Uint8Array, encoding: LegacyEncoding, garbled: boolean): string => {
  const raw = garbled ? (asCp1252Bytes(utf8.decode(sample.subarray(0, 4096)), true) ?? new Uint8Array(0)) : sample
  const at = raw.findIndex((b) => b >= 0x80)
  if (at < 0) return ""
  const isBreak = (b: number | undefined): boolean => b === undefined || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x2c || b === 0x3b || b === 0x22
  let start = at
  while (start > 0 && at - start < 16 && !isBreak(raw[start - 1])) start--
  let end = at
  while (end < raw.length && end - start < 24 && raw[end] !== 0x0a && raw[end] !== 0x0d) end++
  const slice = raw.subarray(start, end)
  return ` ("${cp1252.decode(slice)}" → "${decodeLegacy(encoding, slice)}")`
}

/**
 * The error for a detection that is not usable text, or `undefined` for UTF-8 and UTF-16. `line`
 * overrides the line computed from the sample (for errors found after the sample).
 *
 * @since 0.1.0
 * @category errors
 */
export const errorFor = (file: string, detected: Detected, sample: Uint8Array, line?: number): ImportError | undefined => {
  switch (detected._tag) {
    case "Text":
      return undefined
    case "Binary": {
      const [vi, en] =
        detected.kind === "xlsx"
          ? ["đây là tệp Excel (.xlsx), không phải tệp văn bản; hãy đặt đuôi .xlsx cho tệp, hoặc trong Excel chọn Lưu thành → \"CSV UTF-8\"",
             "this is an Excel workbook (.xlsx), not a text file; give it the .xlsx extension, or in Excel choose Save As → \"CSV UTF-8\""]
          : detected.kind === "xls"
            ? ["đây là tệp Excel 97–2003 (.xls), định dạng cũ không đọc được; trong Excel hãy chọn Lưu thành → \"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\"",
               "this is an Excel 97–2003 workbook (.xls), an old format that cannot be read; in Excel choose Save As → \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\""]
            : ["tệp chứa byte NUL, không phải tệp văn bản; hãy xuất dữ liệu ra \"CSV UTF-8\"", "the file contains NUL bytes and is not a text file; export the data as \"CSV UTF-8\""]
      return importError({ code: `file.${detected.kind === "binary" ? "binary" : detected.kind}`, file, vi, en })
    }
    case "NotUtf8":
      return importError({
        code: "encoding.not-utf8",
        file,
        row: line ?? lineOf(sample, detected.offset),
        vi: "tệp không phải UTF-8 và không nhận ra bảng mã; trong Excel hãy chọn Lưu thành → \"CSV UTF-8 (Comma delimited)\", hoặc chuyển mã bằng UniKey hay `iconv -f <bảng mã> -t UTF-8`",
        en: "the file is not UTF-8 and its encoding is not recognised; in Excel choose Save As → \"CSV UTF-8 (Comma delimited)\", or convert it with UniKey or `iconv -f <encoding> -t UTF-8`"
      })
    case "Legacy":
    case "Garbled": {
      const e = legacyEncodings[detected.encoding]
      const garbled = detected._tag === "Garbled"
      const seen = preview(sample, detected.encoding, garbled)
      return importError({
        code: `encoding.${garbled ? "garbled-" : ""}${detected.encoding}`,
        file,
        ...(detected._tag === "Legacy" ? { row: line ?? lineOf(sample, detected.offset) } : {}),
        vi: garbled
          ? `tệp là UTF-8 nhưng chữ Việt bị hỏng: đó là văn bản mã ${e.name} (${e.fontsVi}) đã bị mở nhầm bảng mã rồi lưu lại${seen}. Hãy chuyển mã từ tệp gốc: ${e.howVi}`
          : `tệp không phải UTF-8: có vẻ là bảng mã ${e.name} (${e.fontsVi})${seen}. Hãy chuyển sang Unicode: ${e.howVi}`,
        en: garbled
          ? `the file is UTF-8 but its Vietnamese letters are garbled: it is ${e.name} text (${e.fontsEn}) that was opened with the wrong encoding and saved${seen}. Convert the original file: ${e.howEn}`
          : `the file is not UTF-8: it looks like ${e.name} (${e.fontsEn})${seen}. Convert it to Unicode: ${e.howEn}`
      })
    }
  }
}

/** How many bytes are read before deciding on the encoding. */
const SNIFF = 64 * 1024

/**
 * Decodes a byte stream to NFC-ready text chunks after checking its encoding on the first 64 KiB.
 * Yields strings, and at most one {@link ImportError} as the last item (a legacy encoding, invalid
 * UTF-8 later in the file, a binary file, or a read failure).
 *
 * @since 0.1.0
 * @category decoding
 */
export async function* decodeText(source: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<string | ImportError, void, undefined> {
  const iterator = source[Symbol.asyncIterator]()
  const head: Array<Uint8Array> = []
  let size = 0
  let done = false
  while (size < SNIFF) {
    const next = await iterator.next()
    if (next.done === true) {
      done = true
      break
    }
    head.push(next.value)
    size += next.value.length
  }
  const sample = concat(head, size)
  const detected = detect(sample, done)
  const error = errorFor(file, detected, sample)
  if (error !== undefined || detected._tag !== "Text") {
    if (!done) await iterator.return?.()
    if (error !== undefined) yield error
    return
  }
  const decoder = new TextDecoder(detected.encoding, { fatal: true, ignoreBOM: true })
  // The line the next chunk starts on. Line breaks are LF, CRLF and a lone CR, as in `lineOf`; a CR
  // that ends a chunk is counted once the next byte says whether an LF follows it.
  let lines = 1
  let pendingCr = false
  const count = (bytes: Uint8Array): void => {
    if (bytes.length === 0) return
    if (pendingCr && bytes[0] !== 0x0a) lines++
    pendingCr = false
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) lines++
    for (let i = bytes.indexOf(0x0d); i !== -1; i = bytes.indexOf(0x0d, i + 1)) {
      if (i + 1 === bytes.length) pendingCr = true
      else if (bytes[i + 1] !== 0x0a) lines++
    }
  }
  /** The text of the bytes; when they go wrong, the text before the first bad byte and the error. */
  const feed = (bytes: Uint8Array, last: boolean): { readonly text: string; readonly error?: ImportError } => {
    try {
      const text = decoder.decode(bytes, { stream: !last })
      count(bytes)
      return { text }
    } catch (cause) {
      if (detected.encoding !== "utf-8") {
        return {
          text: "",
          error: importError({
            code: "encoding.invalid-utf16",
            file,
            row: lines,
            vi: "tệp UTF-16 bị hỏng (có đơn vị mã không hợp lệ); hãy xuất lại dữ liệu dạng \"CSV UTF-8\"",
            en: "the UTF-16 file is damaged (invalid code units); export the data again as \"CSV UTF-8\"",
            cause
          })
        }
      }
      const offset = Math.max(0, firstInvalidUtf8(bytes, !last))
      // The decoder may hold the start of a sequence from the previous chunk; the bytes before the
      // bad one are decoded by a fresh decoder (a sequence cut there is dropped with the error).
      const prefix = new TextDecoder("utf-8").decode(bytes.subarray(0, offset), { stream: true })
      const found = classify(bytes)
      const line = lines + (pendingCr && bytes[0] !== 0x0a ? 1 : 0) + lineOf(bytes, offset) - 1
      const error = errorFor(file, found === undefined ? { _tag: "NotUtf8", offset } : { _tag: "Legacy", encoding: found.encoding, offset }, bytes, line) as ImportError
      return { text: prefix, error }
    }
  }
  const first = feed(sample.subarray(detected.bom), done)
  if (first.text.length > 0 || first.error === undefined) yield first.text
  if (first.error !== undefined) {
    if (!done) await iterator.return?.()
    yield first.error
    return
  }
  if (done) return
  try {
    for (;;) {
      const next = await iterator.next()
      const out = feed(next.done === true ? new Uint8Array(0) : next.value, next.done === true)
      if (out.text.length > 0) yield out.text
      if (out.error !== undefined) {
        yield out.error
        return
      }
      if (next.done === true) return
    }
  } finally {
    await iterator.return?.()
  }
}

const concat = (parts: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  if (parts.length === 1) return parts[0] as Uint8Array
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
