/**
 * The small switch for what differs between SQL engines: placeholders, parameter limits, schemas
 * and a few types. Everything else in `@hdnd/store-sql` is written once.
 *
 * @since 0.1.0
 */

/**
 * An SQL engine's differences.
 *
 * @since 0.1.0
 * @category models
 */
export interface Dialect {
  readonly name: "sqlite" | "pg"
  /** The placeholder of the `i`-th parameter (0-based). */
  readonly param: (i: number) => string
  /** The most parameters one statement may carry. */
  readonly maxParams: number
  /** The type of JSON attribute columns. */
  readonly jsonType: string
  /**
   * A `FROM` item with one row per element of a JSON array of strings held in a text column
   * (an activity's organisers), named `alias`, and how to read the element and its 0-based position.
   */
  readonly eachOf: (jsonColumn: string, alias: string) => { readonly from: string; readonly value: string; readonly position: string }
  /** Whether a busy/locked error may be retried (SQLite's `SQLITE_BUSY`). */
  readonly isBusy: (error: unknown) => boolean
}

const text = (e: unknown): string => {
  if (e === null || e === undefined) return ""
  if (typeof e === "object") {
    const o = e as { message?: unknown; code?: unknown; cause?: unknown }
    return `${String(o.code ?? "")} ${String(o.message ?? "")} ${o.cause === e ? "" : text(o.cause)}`
  }
  return String(e)
}

/**
 * SQLite (better-sqlite3): `?` placeholders, up to 32,766 parameters.
 *
 * @since 0.1.0
 * @category dialects
 */
export const sqlite: Dialect = {
  name: "sqlite",
  param: () => "?",
  maxParams: 32_000,
  jsonType: "TEXT",
  eachOf: (column, alias) => ({ from: `json_each(${column}) AS ${alias}`, value: `${alias}.value`, position: `${alias}.key` }),
  isBusy: (e) => /SQLITE_BUSY|database is locked/i.test(text(e))
}

/**
 * PostgreSQL: `$n` placeholders, up to 65,535 parameters.
 *
 * @since 0.1.0
 * @category dialects
 */
export const pg: Dialect = {
  name: "pg",
  param: (i) => `$${i + 1}`,
  maxParams: 65_000,
  jsonType: "TEXT",
  eachOf: (column, alias) => ({
    from: `json_array_elements_text(${column}::json) WITH ORDINALITY AS ${alias}(value, ordinality)`,
    value: `${alias}.value`,
    position: `(${alias}.ordinality - 1)`
  }),
  isBusy: (e) => /deadlock detected|could not serialize access/i.test(text(e))
}
