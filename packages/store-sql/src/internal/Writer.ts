/**
 * Writing records: multi-row `INSERT`s (or the adapter's bulk writer or row loader), `INSERT … ON CONFLICT DO
 * UPDATE` for records that exist, and a lineage event's units in their own table. Runs inside the
 * store's write transaction.
 */
import * as Effect from "effect/Effect"
import type { SqlError } from "../Database.js"
import { layouts, toValues } from "../Rows.js"
import type { BulkWriter, RowLoader } from "../SqlStore.js"
import { SqlText } from "../Tables.js"
import { type AnyRecord, chunks, type Kind, type Sql } from "./common.js"

export interface WriterOptions extends Sql {
  /** Runs one statement for many rows (the SQLite adapter's). */
  readonly bulk: BulkWriter | undefined
  /** Loads large sets of rows in few statements (the PostgreSQL adapter's). */
  readonly loader: RowLoader | undefined
  /** Rows per multi-row `INSERT` (bounded by the dialect's parameter limit). */
  readonly rowsPerStatement: number
}

export interface Writer {
  /**
   * Writes records of a collection: those whose ids are in `existing` replace the stored ones, the
   * others are inserted with a plain `INSERT` (the write lock is held since they were looked up).
   */
  readonly writeKind: (kind: Kind, records: ReadonlyArray<AnyRecord>, existing: ReadonlySet<string>) => Effect.Effect<void, SqlError>
}

export const make = ({ q, dialect: d, tables: t, bulk, loader, rowsPerStatement }: WriterOptions): Writer => {
  const insertText = new Map<string, string>()
  /** A multi-row `INSERT`; with `update`, one that replaces the rows whose ids exist. */
  const upsertStatement = (kind: Kind, rows: number, update: boolean): string => {
    const key = `${kind}:${rows}:${update}`
    let text = insertText.get(key)
    if (text === undefined) {
      const cols = layouts[kind].columns.map((c) => c.name)
      let i = 0
      const values = Array.from({ length: rows }, () => `(${cols.map(() => d.param(i++)).join(", ")})`).join(", ")
      const updates = cols.filter((c) => c !== "id").map((c) => `${c} = excluded.${c}`).join(", ")
      text = `INSERT INTO ${t[layouts[kind].table]} (${cols.join(", ")}) VALUES ${values}${update ? ` ON CONFLICT (id) DO UPDATE SET ${updates}` : ""}`
      insertText.set(key, text)
    }
    return text
  }

  const writeRows = (kind: Kind, records: ReadonlyArray<AnyRecord>, existing: ReadonlySet<string>) =>
    Effect.forEach(
      [false, true],
      (update) =>
        Effect.gen(function* () {
          const part = records.filter((r) => existing.has(r.id) === update)
          if (part.length === 0) return
          if (loader !== undefined && part.length >= loader.minRows) {
            const layout = layouts[kind]
            return yield* loader.load(
              t[layout.table],
              layout.columns.map((c) => c.name),
              part.map((r) => toValues(kind, r)),
              update
            )
          }
          if (bulk !== undefined) return yield* bulk.runMany(upsertStatement(kind, 1, update), part.map((r) => toValues(kind, r)))
          const width = layouts[kind].columns.length
          const size = Math.max(1, Math.min(rowsPerStatement, Math.floor(d.maxParams / width)))
          for (const rows of chunks(part, size)) {
            const params: Array<unknown> = []
            for (const r of rows) for (const v of toValues(kind, r)) params.push(v)
            yield* q(upsertStatement(kind, rows.length, update), params)
          }
        }),
      { discard: true }
    )

  const insertPlain = (table: string, cols: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>) =>
    Effect.gen(function* () {
      const size = Math.max(1, Math.min(rowsPerStatement * 2, Math.floor(d.maxParams / cols.length)))
      for (const part of chunks(rows, size)) {
        let i = 0
        const values = part.map(() => `(${cols.map(() => d.param(i++)).join(", ")})`).join(", ")
        yield* q(`INSERT INTO ${table} (${cols.join(", ")}) VALUES ${values}`, part.flat())
      }
    })

  const deleteWhereIn = (table: string, column: string, ids: ReadonlyArray<string>) =>
    Effect.forEach(
      chunks(ids, 5000),
      (part) => {
        const s = new SqlText(d)
        return q(`DELETE FROM ${table} WHERE ${column} IN ${s.list(part)}`, s.params)
      },
      { discard: true }
    )

  return {
    writeKind: (kind, records, existing) =>
      Effect.gen(function* () {
        if (records.length === 0) return
        yield* writeRows(kind, records, existing)
        if (kind === "lineage") {
          yield* deleteWhereIn(t.lineage_units, "event", records.filter((r) => existing.has(r.id)).map((r) => r.id))
          const rows: Array<ReadonlyArray<unknown>> = []
          for (const e of records as ReadonlyArray<{ id: string; sources: ReadonlyArray<string>; targets: ReadonlyArray<string> }>) {
            e.sources.forEach((u, i) => rows.push([e.id, "source", i, u]))
            e.targets.forEach((u, i) => rows.push([e.id, "target", i, u]))
          }
          yield* insertPlain(t.lineage_units, ["event", "role", "position", "unit"], rows)
        }
      })
  }
}
