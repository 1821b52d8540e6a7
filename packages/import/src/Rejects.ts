/**
 * A rejects file that can be corrected and imported again as it is: the rejected rows of one source
 * in the source's own columns, in CSV, with their problems in one more column, "Lỗi / Problems",
 * which the importer ignores. Fix the cells the problems point at (the column may stay), then
 * import the file with the same entity.
 *
 * @since 0.2.0
 */
import type { Rejection } from "./Import.js"

/**
 * The header of the problems column, which the importer ignores on any source.
 *
 * @since 0.2.0
 * @category constants
 */
export const PROBLEMS_HEADER = "Lỗi / Problems"

const field = (value: string): string => (/[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)

/**
 * One re-importable CSV text per source (file and sheet) of the rejected rows that have cells, in
 * the order met, each with the source's headers then {@link PROBLEMS_HEADER}. Rejections without
 * cells (a whole source refused, a row refused by cross-record validation) are left out: they have
 * no row to correct. Values are written as read, so that importing the file again gives the same
 * values; open it in a spreadsheet as text if a value starts with "=", "+", "-" or "@".
 *
 * @since 0.2.0
 * @category rejects
 */
export const toCsv = (
  rejections: Iterable<Rejection>
): ReadonlyArray<{ readonly file: string; readonly sheet?: string; readonly text: string }> => {
  const out = new Map<string, { file: string; sheet?: string; headers: ReadonlyArray<string>; lines: Array<string> }>()
  for (const { rejected } of rejections) {
    const cells = rejected.cells
    if (cells === undefined || cells.length === 0) continue
    const key = `${rejected.file}\u0000${rejected.sheet ?? ""}\u0000${cells.map((c) => c.header).join("\u0000")}`
    let group = out.get(key)
    if (group === undefined) {
      group = { file: rejected.file, ...(rejected.sheet === undefined ? {} : { sheet: rejected.sheet }), headers: cells.map((c) => c.header), lines: [] }
      out.set(key, group)
    }
    const problems = rejected.problems.map((p) => `${p.column === undefined ? "" : `${p.column}: `}${p.vi} / ${p.en}`).join("\n")
    group.lines.push([...cells.map((c) => field(c.value)), field(problems)].join(","))
  }
  return [...out.values()].map((g) => ({
    file: g.file,
    ...(g.sheet === undefined ? {} : { sheet: g.sheet }),
    text: `\uFEFF${[[...g.headers, PROBLEMS_HEADER].map(field).join(","), ...g.lines].join("\r\n")}\r\n`
  }))
}
