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
  /**
   * Reading one key of a JSON object held in a text column (an activity's `attributes`), for the
   * `sum` and `distinct` measures. `path` is the parameter value that names the key; each function
   * takes `p`, which binds that value and returns a placeholder, and calls it once per use in text
   * order (SQLite's `?` are numbered by position). Since 0.2.0.
   */
  readonly attribute: AttributeSql
}

/**
 * How a dialect reads an attribute of a JSON column (see {@link Dialect.attribute}).
 *
 * @since 0.2.0
 * @category models
 */
export interface AttributeSql {
  /** The parameter value naming `key` (SQLite: a JSON path; PostgreSQL: the key itself). */
  readonly path: (key: string) => string
  /** A condition: the key is there and not JSON `null`. */
  readonly present: (column: string, p: () => string) => string
  /** The value if it is a JSON number, else SQL `NULL`. */
  readonly number: (column: string, p: () => string) => string
  /** A condition: the value is not a JSON object (whose members must not count as values). */
  readonly notObject: (column: string, p: () => string) => string
  /**
   * A `FROM` item with one row per element of the value when it is an array, or one row for any
   * other value, named `alias`: `value` reads the element (text or number), `type` its JSON type,
   * `scalar` is a condition true for strings and numbers, `isText` for strings.
   */
  readonly elements: (
    column: string,
    p: () => string,
    alias: string
  ) => { readonly from: string; readonly value: string; readonly type: string; readonly scalar: string; readonly isText: string }
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
  isBusy: (e) => /SQLITE_BUSY|database is locked/i.test(text(e)),
  attribute: {
    path: (key) => `$."${key}"`,
    present: (c, p) => `COALESCE(json_type(${c}, ${p()}), 'null') <> 'null'`,
    number: (c, p) => `CASE WHEN json_type(${c}, ${p()}) IN ('integer', 'real') THEN json_extract(${c}, ${p()}) END`,
    notObject: (c, p) => `COALESCE(json_type(${c}, ${p()}), 'null') <> 'object'`,
    elements: (c, p, alias) => ({
      from: `json_each(${c}, ${p()}) AS ${alias}`,
      value: `${alias}.value`,
      type: `${alias}.type`,
      scalar: `${alias}.type IN ('text', 'integer', 'real')`,
      isText: `${alias}.type = 'text'`
    })
  }
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
  isBusy: (e) => /deadlock detected|could not serialize access/i.test(text(e)),
  // Off: with a 50,000-id array, a plan built on stale statistics (a table loaded since its last
  // ANALYZE) can join the array against a sequential scan row by row; the IN lists stay until a
  // form is found that no plan can make quadratic (bench/pg-load.ts re-import, docs/postgres-scale.md).
  attribute: {
    path: (key) => key,
    present: (c, p) => `COALESCE(jsonb_typeof(${c}::jsonb -> ${p()}::text), 'null') <> 'null'`,
    number: (c, p) => `CASE WHEN jsonb_typeof(${c}::jsonb -> ${p()}::text) = 'number' THEN (${c}::jsonb ->> ${p()}::text)::numeric END`,
    notObject: (c, p) => `COALESCE(jsonb_typeof(${c}::jsonb -> ${p()}::text), 'null') <> 'object'`,
    elements: (c, p, alias) => {
      const [a, b, d] = [p(), p(), p()]
      return {
        from:
          `jsonb_array_elements(CASE WHEN jsonb_typeof(${c}::jsonb -> ${a}::text) = 'array' THEN ${c}::jsonb -> ${b}::text ` +
          `ELSE jsonb_build_array(${c}::jsonb -> ${d}::text) END) AS ${alias}(v)`,
        value: `${alias}.v #>> '{}'`,
        type: `jsonb_typeof(${alias}.v)`,
        scalar: `jsonb_typeof(${alias}.v) IN ('string', 'number')`,
        isText: `jsonb_typeof(${alias}.v) = 'string'`
      }
    }
  }
}
