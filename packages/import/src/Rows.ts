/**
 * Records written as rows of the interchange format: the inverse of decoding. References are
 * written as ids, values as their codes, dates as ISO dates, lists joined with "; ". Importing the
 * rows gives back the same records (a property test checks this on generated datasets).
 *
 * @since 0.1.0
 */
import { Dataset } from "@hdnd/core"
import * as Schema from "effect/Schema"
import { formatRow, guard } from "./Csv.js"
import type { Column } from "./Interchange.js"
import { entities } from "./Interchange.js"
import { lookup } from "./Vocabulary.js"

const encoders = Object.fromEntries(
  Dataset.entityKinds.map((k) => [k, Schema.encodeSync(Dataset.entitySchemas[k] as unknown as Schema.Codec<unknown, unknown>)])
) as Record<Dataset.EntityKind, (r: unknown) => unknown>

const valueAt = (encoded: unknown, path: string): unknown => {
  let x = encoded
  for (const key of path.split(".")) x = x === null || x === undefined ? undefined : (x as Record<string, unknown>)[key]
  return x
}

const text = (v: unknown): string =>
  v === undefined || v === null ? "" : Array.isArray(v) ? v.map(String).join("; ") : typeof v === "object" ? JSON.stringify(v) : String(v)

/**
 * The columns to write records of `kind` with: every column of the entity, and of its attribute
 * columns those that some record fills.
 *
 * @since 0.1.0
 * @category writing
 */
export const columnsFor = (kind: Dataset.EntityKind, records: Iterable<unknown>): ReadonlyArray<Column> => {
  const attributes = new Set<string>()
  if (kind === "activities") {
    for (const r of records) for (const key of Object.keys((r as { attributes?: object }).attributes ?? {})) attributes.add(`attributes.${key}`)
  }
  const known = entities[kind].columns.filter((c) => c.type !== "attribute" || attributes.has(c.field))
  const extra = [...attributes].filter((f) => !known.some((c) => c.field === f))
  if (extra.length > 0) throw new TypeError(`attributes without an interchange column: ${extra.join(", ")}`)
  return known
}

/**
 * The header row of `columns`, in Vietnamese (default) or English.
 *
 * @since 0.1.0
 * @category writing
 */
export const headers = (columns: ReadonlyArray<Column>, lang: "vi" | "en" = "vi"): ReadonlyArray<string> => columns.map((c) => c[lang])

/**
 * The cells of a record under `columns`.
 *
 * @since 0.1.0
 * @category writing
 */
export const cellsOf = (kind: Dataset.EntityKind, record: unknown, columns: ReadonlyArray<Column>): ReadonlyArray<string> => {
  const encoded = encoders[kind](record)
  // A tally's qualifier is written with the word it was entered with ("trên"), which reads back as both.
  const wording = kind === "tallies" ? (encoded as { qualifierText?: unknown }).qualifierText : undefined
  return columns.map((c) =>
    c.field === "qualifier" && typeof wording === "string" && lookup("qualifier", wording)?.code === valueAt(encoded, c.field) ? wording : text(valueAt(encoded, c.field))
  )
}

/**
 * Records of one entity as a CSV file (UTF-8 with a byte order mark, so that Excel reads it as
 * UTF-8): a header row, then one row per record. Cells are formula-guarded (`Csv.guard`), which the
 * reader undoes: the file opens safely in a spreadsheet and imports back to the same records.
 *
 * @since 0.1.0
 * @category writing
 */
export const toCsv = (kind: Dataset.EntityKind, records: ReadonlyArray<unknown>, lang: "vi" | "en" = "vi"): string => {
  const columns = columnsFor(kind, records)
  return `\uFEFF${formatRow(headers(columns, lang))}${records.map((r) => formatRow(cellsOf(kind, r, columns).map(guard))).join("")}`
}
