/**
 * The `Store` port over a SQL {@link Database}, written once for every SQL engine. Writes are
 * one transaction per batch, validated first against the stored structure and follow-up records
 * (both cached whole); tabulation runs as one `GROUP BY` query in the engine (pushdown), plus one
 * per `distinct` indicator's attribute, and is assembled by core's `TabulationBuilder`.
 *
 * A tabulation's freshness and round trips (one statement on PostgreSQL on a warm cache, with the
 * structure checked in the counts' own snapshot): see `internal/Tabulate.ts` and docs/stores.md.
 *
 * @since 0.1.0
 */
import { Dataset, Errors, Registry, Store } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import type { SqlError } from "./Database.js"
import { Database } from "./Database.js"
import type { Dialect } from "./Dialect.js"
import { CACHED, type Kind, type RecordKind, type Sql } from "./internal/common.js"
import * as internalErrors from "./internal/errors.js"
import * as Reader from "./internal/Reader.js"
import * as StructureCache from "./internal/StructureCache.js"
import * as Tabulate from "./internal/Tabulate.js"
import * as Upsert from "./internal/Upsert.js"
import * as Writer from "./internal/Writer.js"
import { check, type Outcome, run as migrate } from "./Migrations.js"
import { layouts } from "./Rows.js"
import { tables } from "./Tables.js"

/**
 * Options of a SQL store.
 *
 * @since 0.1.0
 * @category models
 */
export interface SqlStoreOptions {
  readonly dialect: Dialect
  readonly registry?: Registry.Registry
  /** A PostgreSQL schema to keep hdnd's tables in (created if missing). */
  readonly schema?: string
  /** Whether the data outlives the process (false for SQLite `:memory:`). */
  readonly persistent?: boolean
  /** Rows per multi-row INSERT (bounded by the dialect's parameter limit). Default 500. */
  readonly rowsPerStatement?: number
  /** Runs one statement for many rows faster than multi-row statements (the SQLite adapter's). */
  readonly bulk?: BulkWriter
  /**
   * Loads large sets of rows in one statement (the PostgreSQL adapter's). Sets of rows smaller than
   * its `minRows` keep the multi-row `INSERT`s.
   *
   * @since 0.2.0
   */
  readonly loader?: RowLoader
  /**
   * Serve reads only: the schema is checked (`Migrations.check`), never created or migrated.
   * The adapter opens its connection read-only too. Default false.
   *
   * @since 0.2.0
   */
  readonly readonly?: boolean
  /**
   * PostgreSQL: how long a migration may wait for a table lock, in milliseconds
   * (`Migrations.RunOptions.lockTimeoutMs`; default 10,000, `0` for ever).
   *
   * @since 0.2.0
   */
  readonly migrationLockTimeoutMs?: number
  /**
   * Told what opening did to the schema (created, migrated from one version to another, or found
   * up to date: `Migrations.Outcome`); not called in read-only mode. For messages such as
   * `hdnd init`'s.
   *
   * @since 0.2.0
   */
  readonly onSchema?: (outcome: Outcome) => void
}

/**
 * Runs one prepared statement once per parameter row, on the connection of the transaction in
 * progress. An adapter supplies it when its engine re-runs a prepared single-row statement faster
 * than it runs multi-row `INSERT … VALUES` statements (SQLite); the store calls it only inside its
 * own write transaction.
 *
 * @since 0.1.0
 * @category models
 */
export interface BulkWriter {
  readonly runMany: (text: string, rows: ReadonlyArray<ReadonlyArray<unknown>>) => Effect.Effect<void, SqlError>
}

/**
 * Writes a large set of rows into one table in few statements, on the connection of the
 * transaction in progress, so that a failure anywhere rolls the whole batch back with the rest of
 * the upsert. An adapter supplies it when its engine has a faster bulk path than multi-row
 * `INSERT … VALUES` (PostgreSQL: one array per column, spread into rows by `unnest`). The store
 * calls it only inside its own write transaction, with rows already validated, each id at most once.
 *
 * @since 0.2.0
 * @category models
 */
export interface RowLoader {
  /** The fewest rows worth loading this way: fewer go through multi-row `INSERT`s. */
  readonly minRows: number
  /**
   * Inserts `rows` (values in `columns` order) into `table` (a qualified name). With `replace`, a
   * row whose `id` is stored replaces it (`ON CONFLICT (id) DO UPDATE`); without, an `id` that is
   * stored fails the statement.
   */
  readonly load: (
    table: string,
    columns: ReadonlyArray<string>,
    rows: ReadonlyArray<ReadonlyArray<unknown>>,
    replace: boolean
  ) => Effect.Effect<void, SqlError>
}

/**
 * The most specific message of an error and its causes (up to four levels, without repeats),
 * joined by `: `.
 *
 * @since 0.1.0
 * @category errors
 */
export const describeCause: (e: unknown) => string = internalErrors.describeCause

const { storeError, toStoreError } = internalErrors

/**
 * Makes a SQL store service on the {@link Database} in context: migrates the schema (or, read-only,
 * checks it), then serves the port.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: SqlStoreOptions): Effect.Effect<Store.StoreService, Errors.StoreError, Database> =>
  Effect.gen(function* () {
    const db = yield* Database
    const d = options.dialect
    const registry = options.registry ?? Registry.builtin
    const t = tables(options.schema)
    if (options.readonly === true) yield* check(t)
    else {
      const outcome = yield* migrate(t, d, {
        ...(options.schema === undefined ? {} : { schema: options.schema }),
        ...(options.migrationLockTimeoutMs === undefined ? {} : { lockTimeoutMs: options.migrationLockTimeoutMs })
      })
      options.onSchema?.(outcome)
    }
    const sql: Sql = { q: (text, params = []) => db.query(text, params), dialect: d, tables: t }
    const { q } = sql
    const cache = StructureCache.make(sql)
    const reader = Reader.make(sql)
    const writer = Writer.make({ ...sql, bulk: options.bulk, loader: options.loader, rowsPerStatement: options.rowsPerStatement ?? 500 })
    // What runs in a transaction is marked so, for the cache (StructureCache.inTransaction).
    const withTransaction: typeof db.withTransaction = (effect) => db.withTransaction(cache.inTransaction(effect))
    const upsertOnce = Upsert.make({ sql, withTransaction, cache, reader, writer, registry })
    const retryBusy = internalErrors.retryBusy(d)
    const notFound = (kind: Kind, id: string) => Effect.fail(new Errors.NotFoundError({ entity: Dataset.entityNames[kind], id }))

    const tabulate = Tabulate.make({ sql, db, cache, reader, registry })

    return {
      capabilities: { pushdown: true, persistent: options.persistent ?? true },
      registry,
      upsert: (batch) => retryBusy(upsertOnce(batch)).pipe(toStoreError("upsert")),
      transaction: (effect) =>
        withTransaction(
            // Take the write lock first (as upserts do), waiting for other writers, then run the unit.
            Effect.andThen(retryBusy(q(`UPDATE ${t.hdnd_meta} SET v = v + 1 WHERE k = 'writes'`)), effect)
          )
          .pipe(
            // A rolled-back unit may have loaded its own, now undone, structure into the cache.
            Effect.onExit((exit) => (Exit.isFailure(exit) ? Effect.sync(cache.invalidate) : Effect.void)),
            toStoreError("transaction")
          ),
      get: <K extends Kind>(kind: K, id: string) =>
        Effect.gen(function* () {
          const r = CACHED.includes(kind) ? (yield* cache.structure)[kind].get(id as never) : (yield* reader.byIds(kind as RecordKind, [id]))[0]
          if (r === undefined) return yield* notFound(kind, id)
          return r as unknown as Store.EntityOf<K>
        }).pipe(toStoreError("get")),
      stream: (kind, filter) => reader.stream(kind, filter).pipe(Stream.catchTag("SqlError", (e) => Stream.fail(storeError("stream", e)))),
      count: (kind) =>
        q<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${t[layouts[kind].table]}`).pipe(
          Effect.map((rows) => Number(rows[0]?.n ?? 0)),
          toStoreError("count")
        ),
      tabulate: (request) => tabulate(request).pipe(toStoreError("tabulate"))
    } satisfies Store.StoreService
  })

/**
 * A layer providing the SQL `Store` on the {@link Database} in context.
 *
 * @example
 * ```ts no-run
 * import { Database, Dialect, SqlStore } from "@hdnd/store-sql"
 * import * as Layer from "effect/Layer"
 *
 * // A driver for another engine: its own Database over the engine's client, and the store on top.
 * declare const myDatabase: Layer.Layer<Database.Database>
 * const layer = SqlStore.layer({ dialect: Dialect.sqlite, persistent: true }).pipe(Layer.provideMerge(myDatabase))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: SqlStoreOptions): Layer.Layer<Store.Store, Errors.StoreError, Database> =>
  Layer.effect(Store.Store, make(options))
