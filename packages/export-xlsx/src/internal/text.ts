/**
 * Text as a worksheet cell holds it: NFC, without the characters XML 1.0 cannot carry (they become
 * U+FFFD), guarded against formula injection, and within Excel's 32,767 characters per cell.
 */
import { Exporter } from "@hdnd/core"

/** The most characters Excel keeps in one cell. */
export const MAX_CELL_TEXT = 32_767

const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** NFC text with every character XML cannot hold replaced by U+FFFD. */
export const xmlSafe = (s: string): string => s.normalize("NFC").replace(NOT_IN_XML, "\ufffd")

/** The first characters of `s` that fit in `max` UTF-16 units, never splitting a surrogate pair. */
const cut = (s: string, max: number): string => {
  if (s.length <= max) return s
  const end = /[\ud800-\udbff]/.test(s.charAt(max - 1)) ? max - 1 : max
  return s.slice(0, end)
}

/**
 * A text cell: XML-safe, neutralised (`neutraliseFormula`), cut with "…" at Excel's limit. Empty
 * text is `null`, an empty cell.
 */
export const cellText = (s: string): string | null => {
  if (s.length === 0) return null
  const t = Exporter.neutraliseFormula(xmlSafe(s))
  return t.length <= MAX_CELL_TEXT ? t : `${cut(t, MAX_CELL_TEXT - 1)}…`
}

/**
 * Long text in pieces that each fit in a cell, cut at a space where there is one, every piece
 * neutralised; for the paragraphs of the cover sheet, which are never shortened.
 */
export const cellTexts = (s: string): ReadonlyArray<string> => {
  const safe = xmlSafe(s)
  const out: Array<string> = []
  let rest = safe
  const room = MAX_CELL_TEXT - 1 // a neutralised piece gains an apostrophe
  while (rest.length > room) {
    let end = cut(rest, room).length
    const space = rest.lastIndexOf(" ", end)
    if (space > room / 2) end = space + 1
    out.push(Exporter.neutraliseFormula(rest.slice(0, end)))
    rest = rest.slice(end)
  }
  if (rest.length > 0) out.push(Exporter.neutraliseFormula(rest))
  return out
}
