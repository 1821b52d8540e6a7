/**
 * Table names, optionally qualified by a PostgreSQL schema, and the SQL text builder that numbers
 * placeholders for the dialect.
 *
 * @since 0.1.0
 */
import type { Dialect } from "./Dialect.js"

const TABLES = [
  "hdnd_migrations",
  "hdnd_meta",
  "units",
  "lineage",
  "lineage_units",
  "councils",
  "terms",
  "organs",
  "sessions",
  "meetings",
  "activities",
  "tallies",
  "recommendations",
  "responses",
  "evaluations",
  "programmes",
  "programme_items",
  "resolutions",
  "council_documents"
] as const

/**
 * The names of hdnd's tables.
 *
 * @since 0.1.0
 * @category models
 */
export type TableName = (typeof TABLES)[number]

/**
 * Qualified table names.
 *
 * @since 0.1.0
 * @category models
 */
export type Tables = Readonly<Record<TableName, string>>

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/**
 * Table names in a schema (PostgreSQL) or unqualified. Throws a `TypeError` for a schema name that
 * is not a plain lower-case identifier (it is written into SQL).
 *
 * @since 0.1.0
 * @category constructors
 */
export const tables = (schema?: string): Tables => {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new TypeError(`invalid schema name: ${schema}`)
  return Object.fromEntries(TABLES.map((t) => [t, schema === undefined ? t : `"${schema}".${t}`])) as Tables
}

/**
 * Builds SQL text with numbered placeholders.
 *
 * @since 0.1.0
 * @category builders
 */
export class SqlText {
  readonly params: Array<unknown> = []
  constructor(readonly dialect: Dialect) {}

  /** A placeholder bound to `value`. */
  p(value: unknown): string {
    this.params.push(value)
    return this.dialect.param(this.params.length - 1)
  }

  /** `(?, ?, …)` for a non-empty list. */
  list(values: ReadonlyArray<unknown>): string {
    return `(${values.map((v) => this.p(v)).join(", ")})`
  }
}
