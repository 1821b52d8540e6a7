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
  /** Table option for tables keyed by a text primary key (SQLite: ` WITHOUT ROWID`, one B-tree). */
  readonly withoutRowid: string
  /** `expr` values of a group concatenated with `,` in `order`. */
  readonly orderedConcat: (expr: string, order: string) => string
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
  withoutRowid: " WITHOUT ROWID",
  orderedConcat: (expr, order) => `group_concat(${expr}, ',' ORDER BY ${order})`,
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
  withoutRowid: "",
  orderedConcat: (expr, order) => `string_agg(${expr}, ',' ORDER BY ${order})`,
  isBusy: (e) => /deadlock detected|could not serialize access/i.test(text(e))
}
