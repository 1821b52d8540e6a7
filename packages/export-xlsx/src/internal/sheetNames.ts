/**
 * Worksheet names Excel accepts: at most 31 characters, none of `[ ] : * ? / \`, no apostrophe at
 * either end, not the reserved "History", and unique ignoring case.
 */

/** The most characters (UTF-16 units) Excel allows in a sheet name. */
export const MAX_SHEET_NAME = 31

const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f\u007f]/g

const graphemes = new Intl.Segmenter("vi", { granularity: "grapheme" })

/** The first characters of `s` that fit in `max` UTF-16 units, never splitting a character (a flag, a letter with its marks). */
const cut = (s: string, max: number): string => {
  if (s.length <= max) return s
  let out = ""
  for (const { segment } of graphemes.segment(s)) {
    if (out.length + segment.length > max) break
    out += segment
  }
  return out
}

/** Like {@link cut}, but ends at a space when the cut would split a word and a space is near. */
const cutAtWord = (s: string, max: number): string => {
  const c = cut(s, max)
  if (c.length === s.length || /\s/.test(s.charAt(c.length))) return c
  const space = c.lastIndexOf(" ")
  return space >= max / 2 ? c.slice(0, space) : c
}

/** Trims spaces and the apostrophes Excel refuses at either end. */
const tidy = (s: string): string => s.replace(/^[\s']+|[\s']+$/g, "")

const key = (name: string): string => name.normalize("NFC").toLowerCase()

/** Hands out unique, valid sheet names. */
export class SheetNames {
  private readonly taken = new Set<string>(["history"])

  /** Marks a name as used (for names chosen elsewhere). */
  reserve(name: string): string {
    return this.take(name, name)
  }

  /**
   * A valid name close to `wanted`: forbidden characters become spaces, spaces are collapsed, the
   * name is cut to 31 characters, and " (2)", " (3)", … is appended when it is already used.
   * `fallback` is used when nothing of `wanted` is left.
   */
  take(wanted: string, fallback: string): string {
    const cleaned = tidy(wanted.normalize("NFC").replace(FORBIDDEN, " ").replace(/\s+/g, " "))
    const base = cleaned.length === 0 ? tidy(fallback) || "Trang" : cleaned
    let name = tidy(cutAtWord(base, MAX_SHEET_NAME)) || "Trang"
    for (let n = 2; this.taken.has(key(name)); n++) {
      const suffix = ` (${n})`
      name = `${tidy(cutAtWord(base, MAX_SHEET_NAME - suffix.length))}${suffix}`
    }
    this.taken.add(key(name))
    return name
  }
}
