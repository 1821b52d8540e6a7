/**
 * A strict RFC 4180 reader for the tests: the file must start with the UTF-8 byte order mark, rows
 * end with CRLF (the last one too), a quoted field may hold anything with its quotes doubled, an
 * unquoted field may hold neither a quote nor a CR nor an LF, and every row has the same number of
 * fields. Anything else throws.
 */
import { unzipSync } from "fflate"

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })

/** Parses CSV text (after the byte order mark) into rows of fields. */
export const parseCsv = (text: string): Array<Array<string>> => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let i = 0
  const fail = (why: string): never => {
    throw new Error(`not RFC 4180 at ${i}: ${why} in ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`)
  }
  while (i < text.length) {
    let field = ""
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) fail("unterminated quoted field")
        const ch = text[i]!
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
          } else {
            i++
            break
          }
        } else {
          field += ch
          i++
        }
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") {
        if (text[i] === '"' || text[i] === "\n") fail("quote or LF in an unquoted field")
        field += text[i]
        i++
      }
    }
    row.push(field)
    if (text[i] === ",") i++
    else if (text[i] === "\r" && text[i + 1] === "\n") {
      i += 2
      rows.push(row)
      row = []
    } else fail(i >= text.length ? "the last row does not end with CRLF" : "a bare CR or text after a closing quote")
  }
  if (row.length > 0) fail("the last row does not end with CRLF")
  const width = rows[0]?.length
  rows.forEach((r, k) => r.length === width || fail(`row ${k} has ${r.length} fields, the first ${width}`))
  return rows
}

/** Decodes one CSV file: strict UTF-8, exactly one byte order mark at the start. */
export const decodeCsv = (bytes: Uint8Array): string => {
  if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) throw new Error("no UTF-8 byte order mark at the start")
  return decoder.decode(bytes.subarray(3))
}

/** The files of an export: the zip's entries in order, or the single CSV file. */
export const filesOf = (bytes: Uint8Array): Array<{ readonly name: string; readonly bytes: Uint8Array }> =>
  bytes[0] === 0x50 && bytes[1] === 0x4b ? Object.entries(unzipSync(bytes)).map(([name, b]) => ({ name, bytes: b })) : [{ name: "", bytes }]

/** Every file of an export parsed into rows. */
export const readAll = (bytes: Uint8Array): Array<{ readonly name: string; readonly rows: Array<Array<string>> }> =>
  filesOf(bytes).map((f) => ({ name: f.name, rows: parseCsv(decodeCsv(f.bytes)) }))
