/**
 * Text handling shared by every entity: Unicode NFC normalisation on input, bounded lengths, and
 * Vietnamese-aware name matching and sorting.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import * as SchemaTransformation from "effect/SchemaTransformation"

/** Longest text accepted in a single field (titles, names, notes). @since 0.1.0 @category limits */
export const MAX_TEXT_LENGTH = 4000

const isNfc = (s: string): boolean => s === s.normalize("NFC")

/** Unpaired UTF-16 surrogates and control characters other than tab, line feed and carriage return. */
const INVALID_CHARS = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

const NfcString = Schema.String.check(
  Schema.makeFilter((s: string) => !INVALID_CHARS.test(s), {
    message:
      "văn bản chứa ký tự điều khiển hoặc ký tự Unicode hỏng (thường do sao chép từ tệp lỗi mã); hãy xoá hoặc gõ lại đoạn đó / text contains a control character or a broken Unicode character (often from a badly encoded file); delete or retype that part"
  }),
  Schema.makeFilter(isNfc, {
    message: "văn bản chưa chuẩn hoá Unicode NFC / text is not in Unicode NFC form"
  })
)

/**
 * A string normalised to Unicode NFC when decoded. Leading and trailing white space is removed.
 * Vietnamese text typed on macOS or copied from PDFs often arrives in NFD (decomposed) form; after
 * decoding, "Sơn La" in NFD equals "Sơn La" in NFC.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Text = Schema.String.pipe(
  Schema.decodeTo(
    NfcString.check(
      Schema.isMaxLength(MAX_TEXT_LENGTH, {
        message: `văn bản dài quá ${MAX_TEXT_LENGTH} ký tự, hãy rút gọn / text is longer than ${MAX_TEXT_LENGTH} characters, shorten it`
      })
    ),
    SchemaTransformation.transform<string, string>({ decode: (s) => normalizeText(s), encode: (s) => s })
  )
).annotate({ identifier: "Text" })

/**
 * Like {@link Text}, but must contain at least one non-space character.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NonEmptyText = Text.check(
  Schema.isNonEmpty({ message: "không được để trống / must not be empty" })
).annotate({ identifier: "NonEmptyText" })

/**
 * NFC-normalises and trims a string. Use on every piece of text that enters the system.
 *
 * @since 0.1.0
 * @category text
 */
export const normalizeText = (s: string): string => s.normalize("NFC").trim()

/**
 * The key used to compare names: NFC, lower case, diacritics removed (đ → d), dashes and " và "
 * treated as the same separator, runs of white space collapsed. "Ban Kinh tế và ngân sách" and
 * "ban kinh te – ngan sach" have the same key.
 *
 * @since 0.1.0
 * @category text
 */
export const matchKey = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+(?:và|va)\s+/g, " - ")
    .replace(/[\u2010-\u2015\u2212-]/g, " - ")
    .replace(/\s+/g, " ")
    .trim()

// Made on first use: creating a Vietnamese collator loads ICU's collation data, about 15 ms, which
// an `import "@hdnd/core"` that never sorts should not pay (bench/startup.ts).
let collator: Intl.Collator | undefined

/**
 * Compares two strings with the Vietnamese collation (`vi`), numbers compared numerically.
 *
 * @since 0.1.0
 * @category text
 */
export const compareVi = (a: string, b: string): number =>
  (collator ??= new Intl.Collator("vi", { sensitivity: "variant", numeric: true })).compare(a, b)

/**
 * The Levenshtein edit distance between two strings (insertions, deletions, substitutions), used to
 * suggest the closest known names when a reference does not resolve.
 *
 * @since 0.1.0
 * @category text
 */
export const editDistance = (a: string, b: string): number => {
  if (a === b) return 0
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)))
    }
    prev = row
  }
  return prev[b.length] ?? 0
}
