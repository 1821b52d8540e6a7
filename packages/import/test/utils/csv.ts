/**
 * Arbitraries for CSV files: cells with quotes, delimiters, line breaks, byte order marks,
 * formula-like text and huge values; rows, some ragged; the file text with random line endings,
 * quoting and an optional byte order mark; and what the reader must make of it.
 */
import { Csv } from "@hdnd/import"
import fc from "fast-check"

const pieces = ["a", "b", "Z", "1", " ", '"', ",", ";", "\t", "\n", "\r", "\r\n", "=", "+", "-", "@", "ộ", "Đ", "ơ", "\u0301", "\uFEFF", "xin chào"]

/** One cell: tricky characters, formula-like text, any Unicode, or (rarely) a 100,000-character value. */
export const cellArb = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join("")) },
  { weight: 2, arbitrary: fc.constantFrom("=SUM(A1)", "+1", "-2", "@x", "=HYPERLINK(\"http://x\")", "=1+2", "'=A1") },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 4 }).map((s) => s.repeat(Math.ceil(100_000 / s.length)).slice(0, 100_000)) }
)

/**
 * What the reader makes of a cell: NFC, without byte order marks, and without the formula guard's
 * apostrophe (`Csv.unguard`: `'=A1` reads as `=A1`).
 */
export const cleaned = (s: string): string => Csv.unguard(s.replaceAll("\uFEFF", "").normalize("NFC"))

export interface CsvCase {
  readonly delimiter: "," | ";" | "\t"
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
  readonly endings: ReadonlyArray<"\n" | "\r\n" | "\r">
  readonly quoteAll: ReadonlyArray<boolean>
  readonly bom: boolean
  readonly finalEnding: boolean
}

export const csvCaseArb = (options: { readonly ragged: boolean }): fc.Arbitrary<CsvCase> =>
  fc.integer({ min: 2, max: 5 }).chain((n) =>
    fc.record({
      delimiter: fc.constantFrom(",", ";", "\t") as fc.Arbitrary<"," | ";" | "\t">,
      headers: fc.constant(Array.from({ length: n }, (_, i) => `h${i + 1}`)),
      rows: fc.array(
        options.ragged
          ? fc.oneof(
              { weight: 3, arbitrary: fc.array(cellArb, { minLength: n, maxLength: n }) },
              { weight: 1, arbitrary: fc.array(cellArb, { minLength: 1, maxLength: n + 2 }) }
            )
          : fc.array(cellArb, { minLength: n, maxLength: n }),
        { maxLength: 8 }
      ),
      endings: fc.array(fc.constantFrom("\n", "\r\n", "\r") as fc.Arbitrary<"\n" | "\r\n" | "\r">, { minLength: 10, maxLength: 10 }),
      quoteAll: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
      bom: fc.boolean(),
      finalEnding: fc.boolean()
    })
  )

const quote = (v: string, delimiter: string, always: boolean): string =>
  always || v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v

/** The file text, and for each data record the line it starts on. */
export const render = (c: CsvCase): { readonly text: string; readonly lines: ReadonlyArray<number> } => {
  const records = [c.headers, ...c.rows]
  let text = c.bom ? "\uFEFF" : ""
  const lines: Array<number> = []
  records.forEach((cells, i) => {
    // Counted on the whole text so far: a lone CR ending followed by an empty record's LF is one CRLF.
    if (i > 0) lines.push(1 + (text.match(/\r\n|\r|\n/g) ?? []).length)
    const quoteAll = c.quoteAll[i % c.quoteAll.length] ?? false
    const body = cells.map((v) => quote(v, c.delimiter, quoteAll)).join(c.delimiter)
    const ending = c.endings[i % c.endings.length] ?? "\n"
    const last = i === records.length - 1
    text += body + (last && !c.finalEnding ? "" : ending)
  })
  return { text, lines }
}

/** What reading the case must give: rows (with values), ragged-row issues, blank rows skipped. */
export const expected = (c: CsvCase): Array<{ row: number; values: Array<string> } | { issue: string; row: number }> => {
  const { lines } = render(c)
  const n = c.headers.length
  const out: Array<{ row: number; values: Array<string> } | { issue: string; row: number }> = []
  c.rows.forEach((cells, i) => {
    const values = cells.map(cleaned)
    const row = lines[i] as number
    if (values.every((v) => v.trim() === "")) return
    if (values.length < n) out.push({ issue: "csv.missing-cells", row })
    else if (values.slice(n).some((v) => v.trim() !== "")) out.push({ issue: "csv.extra-cells", row })
    else out.push({ row, values: values.slice(0, n) })
  })
  return out
}

export { Csv }
