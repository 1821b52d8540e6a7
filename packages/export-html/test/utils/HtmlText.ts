/**
 * Reads an HTML page back as text without a browser: the texts of the `<body>` (what a reader sees,
 * including the `<title>` of inline SVG charts and the chart data tables), one per run of text
 * between two tags, with character references decoded and white space collapsed. Comments, scripts
 * and style sheets are not text.
 */

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" }

/** Decodes the character references of an HTML text: named (`&amp;`, `&lt;`, …) and numeric (`&#39;`, `&#x27;`). */
export const decodeEntities = (text: string): string =>
  text.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([a-zA-Z]+));/g, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? parseInt(hex, 16) : Number(dec)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD"
    }
    return NAMED[name!] ?? whole
  })

/** A tag, with attribute values that may hold `>` inside quotes. */
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g

/** The texts of the body of an HTML page, in document order. */
export const bodyTexts = (html: string): Array<string> => {
  const start = html.search(/<body\b/i)
  const end = html.search(/<\/body\s*>/i)
  const body = start === -1 ? html : html.slice(start, end === -1 ? undefined : end)
  return body
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
    .split(TAG)
    .map((t) => decodeEntities(t).replace(/\s+/g, " ").trim())
    .filter((t) => t.length > 0)
}
