/**
 * The database port of the SQL store: the little it needs of a SQL client (run a statement with
 * positional parameters, run an effect in a transaction), owned by hdnd so that the store's public
 * types do not depend on a driver or on Effect's `effect/sql` module. Each adapter implements it in
 * one file (`@hdnd/store-sqlite` over better-sqlite3, `@hdnd/store-postgres` over `@effect/sql-pg`),
 * and provides it next to the `Store` for code that needs raw SQL (tests, benchmarks, maintenance).
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

/**
 * A row as the driver returns it: column name to value.
 *
 * @since 0.1.0
 * @category models
 */
export type Row = Record<string, unknown>

/**
 * A statement that failed in the driver. `cause` is the driver's own error (kept whole: its
 * messages and codes, e.g. `SQLITE_BUSY`, are read along the cause chain).
 *
 * @since 0.1.0
 * @category errors
 */
export class SqlError extends Schema.TaggedError<SqlError>("@hdnd/store-sql/SqlError")("SqlError", {
  message: Schema.String,
  cause: Schema.Unknown
}) {
  /** The stable code of this error: `hdnd/sql/query-failed`. @since 0.2.0 */
  get code(): string {
    return "hdnd/sql/query-failed"
  }
  /** The message in Vietnamese. @since 0.2.0 */
  get vi(): string {
    return `lệnh SQL thất bại: ${this.message}`
  }
  /** The message in English. @since 0.2.0 */
  get en(): string {
    return `SQL statement failed: ${this.message}`
  }
}

/**
 * What the SQL store needs of a database connection (or pool).
 *
 * @since 0.1.0
 * @category models
 */
export interface DatabaseService {
  /** The engine's placeholder style follows its dialect (`?` for SQLite, `$1` for PostgreSQL). */
  readonly query: <A extends object = Row>(text: string, params?: ReadonlyArray<unknown>) => Effect.Effect<ReadonlyArray<A>, SqlError>
  /**
   * Runs `effect` in a transaction: every `query` it makes (in its fiber) runs on the transaction's
   * connection; it commits if `effect` succeeds and rolls back if it fails or is interrupted. Nested,
   * it is a savepoint, released when it succeeds and rolled back to when it fails.
   */
  readonly withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | SqlError, R>
  /**
   * Runs a statement like `query`, but hands its rows to `onRows` in chunks as they arrive instead
   * of returning them all at once: the caller works through a large result while the engine is
   * still sending it, and never holds it whole. In a transaction it runs on the transaction's
   * connection, like `query`. Optional: a store falls back to `query` when an adapter has none
   * (`@hdnd/store-postgres` has it; `@hdnd/store-sqlite`, whose results come from memory, has not).
   *
   * @since 0.2.0
   */
  readonly queryChunks?: <A extends object = Row>(
    text: string,
    params: ReadonlyArray<unknown>,
    onRows: (rows: ReadonlyArray<A>) => void
  ) => Effect.Effect<void, SqlError>
}

/**
 * The database the SQL store runs on.
 *
 * @example
 * ```ts
 * import { Database } from "@hdnd/store-sql"
 * import { SqliteStore } from "@hdnd/store-sqlite"
 * import * as Effect from "effect/Effect"
 *
 * const count = Effect.gen(function* () {
 *   const db = yield* Database.Database
 *   return yield* db.query<{ n: number }>("SELECT count(*) AS n FROM activities")
 * })
 * await Effect.runPromise(Effect.provide(count, SqliteStore.layer({ filename: ":memory:" })))
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class Database extends Context.Service<Database, DatabaseService>()("@hdnd/store-sql/Database") {}
