/**
 * The PostgreSQL store's row loader: a large set of rows goes to the server in one statement per
 * chunk, each column bound as one binary `text[]` parameter and spread back into rows by `unnest`:
 *
 *     INSERT INTO t (id, …, ordinal) SELECT id, …, ordinal::integer
 *     FROM unnest($1::text[], …, $n::text[]) AS u(id, …, ordinal) [ON CONFLICT (id) DO UPDATE SET …]
 *
 * Why not `COPY FROM STDIN`: `@effect/sql-pg` 4 speaks the wire protocol itself and refuses the
 * `COPY` sub-protocol (a `CopyInResponse` fails the session), and a second driver (`pg` with
 * `pg-copy-streams`) would copy on a connection of its own, outside the store's write transaction,
 * which must validate, write and commit as one. This statement runs inside that transaction, so a
 * failure anywhere (a constraint, a lost connection) leaves nothing; bench/pg-load.ts times the
 * store loading this way against a raw `COPY` of the same rows (figures in docs/postgres-scale.md).
 */
import type { Database, SqlStore } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"

/** Rows per statement: one statement's parameters stay within a few tens of MiB. */
const ROWS_PER_STATEMENT = 20_000

/**
 * Below this many rows multi-row `INSERT`s are as fast or a few milliseconds faster, and need no
 * catalog lookup; from 256 rows this path is faster (bench/pg-load.ts `crossover`: 1.2× at 256
 * rows, 1.6× at 1,024).
 */
export const MIN_ROWS = 64

/**
 * A row loader on `db`. `array` makes the driver's `text[]` parameter from a column's values. The
 * columns' types are read from the catalog once per table.
 */
export const make = (db: Database.DatabaseService, array: (values: ReadonlyArray<string | null>) => unknown): SqlStore.RowLoader => {
  const types = new Map<string, ReadonlyMap<string, string>>()
  const statements = new Map<string, string>()

  const columnTypes = (table: string) =>
    Effect.suspend(() => {
      const known = types.get(table)
      if (known !== undefined) return Effect.succeed(known)
      return Effect.map(
        db.query<{ name: string; type: string }>(
          "SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped",
          [table]
        ),
        (rows) => {
          const m = new Map(rows.map((r) => [r.name, r.type]))
          types.set(table, m)
          return m as ReadonlyMap<string, string>
        }
      )
    })

  const statement = (table: string, columns: ReadonlyArray<string>, typeOf: ReadonlyMap<string, string>, replace: boolean): string => {
    const key = `${table}:${columns.join(",")}:${replace}`
    let text = statements.get(key)
    if (text === undefined) {
      const select = columns.map((c) => {
        const type = typeOf.get(c) ?? "text"
        return type === "text" ? c : `${c}::${type}`
      })
      const arrays = columns.map((_, i) => `$${i + 1}::text[]`)
      const updates = columns.filter((c) => c !== "id").map((c) => `${c} = excluded.${c}`)
      text =
        `INSERT INTO ${table} (${columns.join(", ")}) SELECT ${select.join(", ")} FROM unnest(${arrays.join(", ")}) AS u(${columns.join(", ")})` +
        (replace ? ` ON CONFLICT (id) DO UPDATE SET ${updates.join(", ")}` : "")
      statements.set(key, text)
    }
    return text
  }

  return {
    minRows: MIN_ROWS,
    load: (table, columns, rows, replace) =>
      Effect.gen(function* () {
        const typeOf = yield* columnTypes(table)
        const text = statement(table, columns, typeOf, replace)
        for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
          const end = Math.min(rows.length, start + ROWS_PER_STATEMENT)
          const params: Array<unknown> = []
          for (let c = 0; c < columns.length; c++) {
            const values = new Array<string | null>(end - start)
            for (let r = start; r < end; r++) {
              const v = (rows[r] as ReadonlyArray<unknown>)[c]
              values[r - start] = v === null || v === undefined ? null : typeof v === "string" ? v : String(v)
            }
            params.push(array(values))
          }
          yield* db.query(text, params)
        }
      })
  }
}
