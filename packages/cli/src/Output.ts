/**
 * Writing to the terminal: plain text and aligned tables (CSV is in `Csv.ts`, guarded against
 * formulas); colours only on a terminal
 * that wants them (`NO_COLOR` unset, `FORCE_COLOR` forces them).
 *
 * @since 0.1.0
 */

/**
 * The output formats of listings and figures (`--format table|json|csv`).
 *
 * @since 0.1.0
 * @category models
 */
export type TableFormat = "table" | "json" | "csv"

/**
 * Whether colours are used on `stream`.
 *
 * @since 0.1.0
 * @category terminal
 */
export const colours = (stream: NodeJS.WriteStream): boolean =>
  process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0"
    ? true
    : stream.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== "dumb"

const paint = (code: string) => (on: boolean, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text)

/**
 * ANSI styles that do nothing when colours are off.
 *
 * @since 0.1.0
 * @category terminal
 */
export const style = { red: paint("31"), green: paint("32"), yellow: paint("33"), bold: paint("1"), dim: paint("2") }

/** The width of a string on a terminal (combining marks take no column). */
const width = (s: string): number => [...s.normalize("NFC")].filter((c) => !/\p{M}/u.test(c)).length

/**
 * Rows as an aligned text table with a header line; numbers (right-aligned) in columns listed in
 * `numeric`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>, numeric: ReadonlySet<number> = new Set()): string => {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))))
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((c, i) => {
        const pad = " ".repeat(Math.max(0, (widths[i] ?? 0) - width(c)))
        return numeric.has(i) ? pad + c : c + pad
      })
      .join("  ")
      .trimEnd()
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n"
}
