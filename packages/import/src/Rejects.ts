/**
 * A rejects file that can be corrected and imported again as it is: every rejected row, in CSV, with
 * its original cells in its original columns, then five error columns that the importer ignores on
 * any source ({@link ERROR_HEADERS}: the problems in Vietnamese and in English, the source file, row
 * and columns). A clerk fixes the cells the problems point at in a spreadsheet, saves the file as
 * CSV, and imports it again with nothing else to do.
 *
 * - Rows of a CSV source keep that file's header row. Rows of an XLSX sheet or a JSON file are
 *   written under the entity's canonical (Vietnamese) headers, each cell under the column its header
 *   names (a header the format does not know keeps its own column at the end).
 * - Rows rejected by cross-record validation (an unknown council, session or organ, a duplicate id,
 *   a check made after decoding) carry no cells: {@link fill} reads them again from their sources.
 * - Every cell is formula-guarded (`Csv.guard`), which the CSV reader undoes, so the values read
 *   back exactly (NFC-normalised, as everything the importer reads).
 * - What has no row to correct (a whole source refused, a CSV row whose cells could not be split:
 *   more or fewer than the header's) is not in the file: {@link Group.left} counts it, and the
 *   problems say where it is.
 *
 * @since 0.2.0
 */
import type { Dataset } from "@hdnd/core"
import { formatRow, guard } from "./Csv.js"
import type { Rejected } from "./Decode.js"
import type { Rejection } from "./Import.js"
import { columnOf } from "./HeaderMatch.js"
import type { Input } from "./Input.js"
import { nameOf } from "./Input.js"
import * as headers from "./internal/rejectsHeaders.js"
import { entities } from "./InterchangeColumns.js"
import type { OpenOptions } from "./Source.js"
import { formatOf, openAll } from "./Source.js"
import type { Cell } from "./SourceRow.js"

/**
 * The header of the Vietnamese problems column (the first error column).
 *
 * @since 0.2.0
 * @category constants
 */
export const PROBLEMS_HEADER: string = headers.PROBLEMS_HEADER

/**
 * The error columns a rejects file adds after the source's columns, in order: the problems in
 * Vietnamese, the problems in English, the source file (and sheet), the source row, and the
 * columns the problems are about. The importer ignores columns with these headers on any source.
 *
 * @since 0.2.0
 * @category constants
 */
export const ERROR_HEADERS: ReadonlyArray<string> = headers.ERROR_HEADERS

/**
 * The rejected rows of one header layout, ready to write as one CSV file.
 *
 * @since 0.2.0
 * @category models
 */
export interface Group {
  /** The entity of the rows, when known. */
  readonly kind?: Dataset.EntityKind
  /** The source file, for the rows of one CSV source; absent for canonical headers. */
  readonly file?: string
  readonly sheet?: string
  /** The headers of the source columns (without the error columns). */
  readonly headers: ReadonlyArray<string>
  /** The CSV text: a byte order mark, the header row, one row per rejected row (CRLF). */
  readonly text: string
  /** How many rows it holds. */
  readonly rows: number
}

/**
 * What {@link toCsv} makes of the rejections: the groups, and the rejections that have no row to
 * write (whole sources refused, rows whose cells could not be read).
 *
 * @since 0.2.0
 * @category models
 */
export interface Written {
  readonly groups: ReadonlyArray<Group>
  readonly left: ReadonlyArray<Rejected>
}

/** The canonical columns of an entity: its non-attribute interchange columns. */
const canonicalHeaders = (kind: Dataset.EntityKind): ReadonlyArray<string> => entities[kind].columns.filter((c) => c.type !== "attribute").map((c) => c.vi)

/** Where a rejected row is, as its error columns say it. */
const where = (r: Rejected): ReadonlyArray<string> => {
  const columns = [...new Set(r.problems.flatMap((p) => (p.column === undefined ? [] : [p.header === undefined ? p.column : `${p.column} (${p.header})`])))]
  return [
    r.problems.map((p) => p.vi).join("\n"),
    r.problems.map((p) => p.en).join("\n"),
    r.sheet === undefined ? r.file : `${r.file} [${r.sheet}]`,
    r.row === undefined ? "" : String(r.row),
    columns.join("; ")
  ]
}

/** Whether a source keeps its own header row in the rejects file (a CSV source). */
const keepsHeaders = (file: string): boolean => {
  const format = formatOf(file)
  return format === "csv" || format === undefined
}

/**
 * The rejected rows as re-importable CSV texts, one per header layout, in the order first met: the
 * rows of each CSV source (and sheet) under its own headers; those of XLSX and JSON sources under
 * their entity's canonical headers. Each row is followed by the {@link ERROR_HEADERS} columns.
 * Rejections without cells are in {@link Written.left} (use {@link fill} first to read the cells of
 * rows rejected by cross-record validation).
 *
 * @example
 * ```ts no-run
 * import { Import, Rejects } from "@hdnd/import"
 * import * as Effect from "effect/Effect"
 *
 * const rejections: Array<Import.Rejection> = []
 * const summary = Import.run(["hoat-dong.csv"], { mode: "skip-invalid", onRejected: (r) => Effect.sync(() => void rejections.push(r)) })
 * // … once it has run:
 * const { groups } = Rejects.toCsv(await Rejects.fill(rejections, ["hoat-dong.csv"]))
 * ```
 *
 * @since 0.2.0
 * @category rejects
 */
export const toCsv = (rejections: Iterable<Rejection>): Written => {
  type Building = { kind?: Dataset.EntityKind; file?: string; sheet?: string; headers: Array<string>; rows: Array<{ values: ReadonlyArray<string>; errors: ReadonlyArray<string> }> }
  const groups = new Map<string, Building>()
  const left: Array<Rejected> = []
  for (const { rejected } of rejections) {
    const cells = rejected.cells
    if (cells === undefined || cells.length === 0) {
      left.push(rejected)
      continue
    }
    if (keepsHeaders(rejected.file) || rejected.kind === undefined) {
      const key = `csv\u0000${rejected.file}\u0000${rejected.sheet ?? ""}\u0000${cells.map((c) => c.header).join("\u0000")}`
      let group = groups.get(key)
      if (group === undefined) {
        group = {
          ...(rejected.kind === undefined ? {} : { kind: rejected.kind }),
          file: rejected.file,
          ...(rejected.sheet === undefined ? {} : { sheet: rejected.sheet }),
          headers: cells.map((c) => c.header),
          rows: []
        }
        groups.set(key, group)
      }
      group.rows.push({ values: cells.map((c) => c.value), errors: where(rejected) })
      continue
    }
    const kind = rejected.kind
    const key = `canonical\u0000${kind}`
    let group = groups.get(key)
    if (group === undefined) {
      group = { kind, headers: [...canonicalHeaders(kind)], rows: [] }
      groups.set(key, group)
    }
    const g = group
    const values: Array<string> = []
    for (const c of cells) {
      if (c.value === "") continue
      const header = columnOf(kind, c.header)?.vi ?? c.header
      let i = g.headers.indexOf(header)
      if (i < 0) i = g.headers.push(header) - 1
      values[i] = c.value
    }
    g.rows.push({ values, errors: where(rejected) })
  }
  return {
    groups: [...groups.values()].map((g) => {
      const width = g.headers.length
      const lines = g.rows.map((r) => formatRow([...Array.from({ length: width }, (_, i) => r.values[i] ?? ""), ...r.errors].map(guard)))
      return {
        ...(g.kind === undefined ? {} : { kind: g.kind }),
        ...(g.file === undefined ? {} : { file: g.file }),
        ...(g.sheet === undefined ? {} : { sheet: g.sheet }),
        headers: g.headers,
        text: `\uFEFF${formatRow([...g.headers, ...ERROR_HEADERS].map(guard))}${lines.join("")}`,
        rows: g.rows.length
      }
    }),
    left
  }
}

/**
 * The rejections with the cells of the rows that came without them (rows rejected by cross-record
 * validation), read again from their sources: only the sources that have such rows are read, each
 * once, in chunks, keeping only the cells of those rows. `inputs` and `options` are those of the
 * import (fresh inputs: a stream that was read cannot be read again). The order is that of the
 * sources, then of the rows; rejections that stay without cells keep their place at the end.
 *
 * @since 0.2.0
 * @category rejects
 */
export const fill = async (rejections: ReadonlyArray<Rejection>, inputs: ReadonlyArray<Input>, options: OpenOptions = {}): Promise<ReadonlyArray<Rejection>> => {
  const key = (file: string, sheet: string | undefined, row: number) => `${file}\u0000${sheet ?? ""}\u0000${row}`
  const wanted = new Map<string, Cell[] | undefined>()
  for (const { rejected: r } of rejections) if (r.cells === undefined && !r.fatal && r.row !== undefined) wanted.set(key(r.file, r.sheet, r.row), undefined)
  if (wanted.size > 0) {
    const files = new Set([...rejections].flatMap(({ rejected: r }) => (r.cells === undefined && r.row !== undefined ? [r.file] : [])))
    const sources = inputs.filter((i) => files.has(nameOf(i)))
    for await (const item of openAll(sources, options)) {
      if (item._tag !== "Row") continue
      const k = key(item.file, item.sheet, item.row)
      if (wanted.has(k)) wanted.set(k, [...item.cells])
    }
  }
  const filled = rejections.map((r): Rejection => {
    const r0 = r.rejected
    if (r0.cells !== undefined || r0.row === undefined) return r
    const cells = wanted.get(key(r0.file, r0.sheet, r0.row))
    if (cells === undefined) return r
    return { ...r, rejected: { ...r0, cells } }
  })
  // Source order: the files as given, the sheets as met, then the rows.
  const fileOrder = new Map(inputs.map((i, n) => [nameOf(i), n]))
  const sheetOrder = new Map<string, number>()
  for (const { rejected: r } of filled) {
    const k = `${r.file}\u0000${r.sheet ?? ""}`
    if (!sheetOrder.has(k)) sheetOrder.set(k, sheetOrder.size)
  }
  const last = Number.MAX_SAFE_INTEGER
  return filled
    .map((r, n) => ({ r, n }))
    .sort((a, b) => {
      const x = a.r.rejected
      const y = b.r.rejected
      return (
        (fileOrder.get(x.file) ?? last) - (fileOrder.get(y.file) ?? last) ||
        (sheetOrder.get(`${x.file}\u0000${x.sheet ?? ""}`) ?? 0) - (sheetOrder.get(`${y.file}\u0000${y.sheet ?? ""}`) ?? 0) ||
        (x.row ?? last) - (y.row ?? last) ||
        a.n - b.n
      )
    })
    .map(({ r }) => r)
}
