/**
 * The Sơn La dataset as the files a council office would keep: one CSV per kind of structure record
 * (units, councils, terms, organs, sessions, meetings), the activities in an Excel workbook and the
 * reported tallies in CSV, plus the report template as JSON. `hdnd import` reads them back into the
 * same records; `scripts/files.ts` writes them to `data/`.
 *
 * @since 0.1.0
 */
import { Dataset, ReportTemplate } from "@hdnd/core"
import { Rows } from "@hdnd/import"
import * as Schema from "effect/Schema"
import { sonLaBatch } from "./data.js"
import { template } from "./template.js"

/**
 * The file name of each kind, in the order they are imported (references point backwards).
 *
 * @since 0.1.0
 */
export const FILES: ReadonlyArray<{ readonly kind: Dataset.EntityKind; readonly file: string }> = [
  { kind: "units", file: "don-vi.csv" },
  { kind: "lineage", file: "sap-xep.csv" },
  { kind: "councils", file: "hdnd.csv" },
  { kind: "terms", file: "nhiem-ky.csv" },
  { kind: "organs", file: "co-quan.csv" },
  { kind: "sessions", file: "ky-hop.csv" },
  { kind: "meetings", file: "phien-hop.csv" },
  { kind: "activities", file: "hoat-dong.xlsx" },
  { kind: "tallies", file: "so-lieu.csv" }
]

/**
 * The file of the report template.
 *
 * @since 0.1.0
 */
export const TEMPLATE_FILE = "mau-bao-cao.json"

/**
 * The files of the kinds the dataset has, in import order.
 *
 * @since 0.1.0
 */
export const presentFiles = (batch: Dataset.Batch = sonLaBatch()): ReadonlyArray<{ readonly kind: Dataset.EntityKind; readonly file: string }> =>
  FILES.filter((f) => (batch[f.kind]?.length ?? 0) > 0)

/**
 * The template as JSON text.
 *
 * @since 0.1.0
 */
export const templateJson = (): string => `${JSON.stringify(Schema.encodeSync(ReportTemplate.ReportTemplate)(template), null, 2)}\n`

/**
 * The CSV text of a kind.
 *
 * @since 0.1.0
 */
export const csvOf = (kind: Dataset.EntityKind, batch: Dataset.Batch = sonLaBatch()): string => Rows.toCsv(kind, (batch[kind] ?? []) as ReadonlyArray<unknown>)

/**
 * The header and rows of a kind, for a workbook.
 *
 * @since 0.1.0
 */
export const sheetOf = (kind: Dataset.EntityKind, batch: Dataset.Batch = sonLaBatch()): { readonly header: ReadonlyArray<string>; readonly rows: ReadonlyArray<ReadonlyArray<string>> } => {
  const records = (batch[kind] ?? []) as ReadonlyArray<unknown>
  const columns = Rows.columnsFor(kind, records)
  return { header: Rows.headers(columns), rows: records.map((r) => Rows.cellsOf(kind, r, columns)) }
}
