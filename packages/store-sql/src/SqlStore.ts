/**
 * The `Store` port over a SQL {@link Database}, written once for every SQL engine. Writes are
 * one transaction per batch, validated first against the stored structure and follow-up records
 * (both cached whole); tabulation runs as one `GROUP BY` query in the engine (pushdown), plus one
 * per `distinct` indicator's attribute, and is assembled by core's `TabulationBuilder`.
 *
 * On PostgreSQL a tabulation on a warm cache is one statement (one round trip): the `GROUP BY`
 * query carries the `structure` version and whether some tally matches, read in the same snapshot
 * as the counts, so the cached structure is checked without a statement of its own and the tallies
 * are read only when one matches. Freshness is strict: whatever any store or process committed
 * before the call is counted, the structure too (found moved on, the call plans again on the
 * structure reloaded); and the structure a tabulation counts with is the one of its counts'
 * snapshot, unless it changed under the call on every one of three attempts (then it is the last
 * one read, read after the call began). SQLite, in the process, runs the same check as a statement
 * of its own just before the query (the structure is then current as of that statement), and so
 * does PostgreSQL for a scope whose rows are streamed (hundreds of councils: `Database.queryChunks`),
 * where one round trip more is nothing next to the query. Other
 * reads (`get` of a cached collection, `upsert`'s validation) still ask for the version first.
 *
 * @since 0.1.0
 */
import { Dataset, Errors, RecommendationStats, Registry, Store, type Tabulation, TabulationBuilder, type TabulationRequest } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import * as Stream from "effect/Stream"
import type { SqlError } from "./Database.js"
import { Database } from "./Database.js"
import type { Dialect } from "./Dialect.js"
import { CACHED, type Kind, type RecordKind, type Sql } from "./internal/common.js"
import * as internalErrors from "./internal/errors.js"
import * as Reader from "./internal/Reader.js"
import * as StructureCache from "./internal/StructureCache.js"
import * as Upsert from "./internal/Upsert.js"
import * as Writer from "./internal/Writer.js"
import { check, type Outcome, run as migrate } from "./Migrations.js"
import { feedRows, feedValues, outputQueries, type TabulationQuery, tabulationQuery, type ValuesQuery, valuesQueries } from "./Pushdown.js"
import { layouts } from "./Rows.js"
import { SqlText, type Tables, tables } from "./Tables.js"

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
 * How many times a tabulation plans with the structure before it keeps its counts whatever the
 * version: the first with the cached structure, the next ones with the structure reloaded.
 */
const TABULATE_ATTEMPTS = 3

/** How many requests' plans and statements a store keeps for its cached structure (see `prepare` in `make`). */
const PREPARED = 32

/** A request planned on a structure, and its statements. */
interface Prepared {
  readonly p: TabulationBuilder.Plan
  /** How many councils the structure holds. */
  readonly all: number
  readonly query: TabulationQuery | undefined
  readonly talliesWanted: boolean
  /** Whether the check rides in the query's statement (PostgreSQL). */
  readonly fold: boolean
  /** Whether the query's rows are fed as they arrive (`Database.queryChunks`; checked by a statement before it). */
  readonly streamed: boolean
  /** The first statement: the check, with the query when folded (`checkedQuery`). */
  readonly first: { readonly text: string; readonly params: ReadonlyArray<unknown> }
  readonly took: TabulationQuery | undefined
  readonly values: ReadonlyArray<ValuesQuery>
  readonly outputs: ReadonlyArray<TabulationQuery>
}

/** The condition on `tallies` of the tallies a plan counts (councils in scope, its indicators, overlapping its period). */
const talliesWhere = (s: SqlText, p: TabulationBuilder.Plan, all: number): string => {
  // A scope of every council needs no council condition (a national one would bind thousands of ids).
  const councils = p.councils.size >= all ? "" : `council IN ${s.list([...p.councils.keys()])} AND `
  return `${councils}indicator IN ${s.list(p.indicators.map((i) => i.id))} AND period_from <= ${s.p(p.period.to)} AND period_to >= ${s.p(p.period.from)}`
}

/**
 * A tabulation's first statement: its activity query (if it has one; on PostgreSQL) with, on every row, the
 * `structure` version (`hdnd_version`) and whether some tally matches (`hdnd_tallies`, 1 or 0;
 * always 0 without `tallies`), read in the same snapshot as the counts. Without a row of the query,
 * the statement returns one row, the check's alone (`hdnd_row` NULL). So a tabulation on a warm
 * cache makes one round trip where it made three (the version, the counts, the tallies), and its
 * structure is known current for its counts' snapshot, not only for a moment before.
 */
const checkedQuery = (
  d: Dialect,
  t: Tables,
  query: { readonly text: string; readonly params: ReadonlyArray<unknown> } | undefined,
  tallies: ((s: SqlText) => string) | undefined
): { readonly text: string; readonly params: ReadonlyArray<unknown> } => {
  const s = new SqlText(d)
  // The query's placeholders come first in the text, so the probe's are numbered after them.
  for (const v of query?.params ?? []) s.params.push(v)
  const rows = query === undefined ? "" : `WITH hdnd_rows AS (SELECT 1 AS hdnd_row, r.* FROM (\n${query.text}\n) r)\n`
  const probe = tallies === undefined ? "0" : `CASE WHEN EXISTS (SELECT 1 FROM ${t.tallies} WHERE ${tallies(s)}) THEN 1 ELSE 0 END`
  const check = `SELECT (SELECT v FROM ${t.hdnd_meta} WHERE k = 'structure') AS hdnd_version, ${probe} AS hdnd_tallies`
  const text = query === undefined ? check : `${rows}SELECT hdnd_rows.*, c.hdnd_version, c.hdnd_tallies\nFROM (${check}) c\nLEFT JOIN hdnd_rows ON 1 = 1`
  return { text, params: s.params }
}

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

    // Each structure read, the last PREPARED requests' plans and statements, by the request's JSON:
    // the same structure and request always give the same ones, and building them again (compiling
    // every filter, binding every council of the scope) took a seventh of a warm commune-year.
    const preparedOf = new WeakMap<Dataset.Dataset, Map<string, Prepared>>()
    const prepare = (ds: Dataset.Dataset, request: TabulationRequest.TabulationRequest): Result.Result<Prepared, Errors.TabulationError> => {
      let key: string | undefined
      try {
        key = JSON.stringify(request)
      } catch {
        key = undefined
      }
      let known = preparedOf.get(ds)
      const hit = key === undefined ? undefined : known?.get(key)
      if (hit !== undefined && key !== undefined && known !== undefined) {
        // The most recently used last, so that the oldest is the first one dropped.
        known.delete(key)
        known.set(key, hit)
        return Result.succeed(hit)
      }
      const planned = TabulationBuilder.plan(ds, registry, request)
      if (Result.isFailure(planned)) return Result.fail(planned.failure)
      const p = planned.success
      const all = ds.councils.size
      const query = tabulationQuery(d, t, p, all)
      // Tallies count only in an unfiltered request that is not scoped to sessions (and not without indicators).
      const talliesWanted = p.councils.size > 0 && p.sessions === undefined && p.filter === undefined && p.indicators.length > 0
      // PostgreSQL: the check rides in the query's statement (one round trip). SQLite runs in the
      // process, with no round trip to save: the check is a statement of its own, just before the
      // query, which is run as it is (wrapped, it cost SQLite a materialisation: 9 % on bench/sql.ts).
      // A streamed query (a scope of hundreds of councils: Database.queryChunks) is fed as its rows
      // arrive, so it is checked first too: one round trip more on a query of half a second or more.
      const streamed = query?.streamed === true && db.queryChunks !== undefined
      const fold = d.name === "pg" && !streamed
      // Grouped by role, the participants' rows (took-part) are counted beside the organisers'.
      const byRole = p.view === "organ" && p.byRole === true
      const prepared: Prepared = {
        p,
        all,
        query,
        talliesWanted,
        fold,
        streamed,
        first: checkedQuery(d, t, fold ? query : undefined, talliesWanted ? (s) => talliesWhere(s, p, all) : undefined),
        took: byRole ? tabulationQuery(d, t, p, all, "took-part") : undefined,
        values: [...valuesQueries(d, t, p, all), ...(byRole ? valuesQueries(d, t, p, all, "took-part") : [])],
        outputs: outputQueries(d, t, p)
      }
      if (key !== undefined) {
        if (known === undefined) preparedOf.set(ds, (known = new Map()))
        if (known.size >= PREPARED) known.delete(known.keys().next().value as string)
        known.set(key, prepared)
      }
      return Result.succeed(prepared)
    }

    // A tabulation plans with the cached structure without asking first whether it is current: its
    // first statement reads the `structure` version (with the counts on PostgreSQL, in one snapshot:
    // checkedQuery). Found moved on, the counts are thrown away and it plans again with the structure reloaded.
    const tabulateAttempt = (
      request: TabulationRequest.TabulationRequest,
      attempt: number
    ): Effect.Effect<Tabulation.Tabulation, SqlError | Errors.StoreError | Errors.TabulationError> =>
      Effect.gen(function* () {
        const { ds, version } = yield* attempt === 1 ? cache.cached : cache.current
        const planned = prepare(ds, request)
        if (Result.isFailure(planned)) {
          // The request may name what another store wrote since the cache was read (a new council):
          // the failure stands only on the structure as it is now.
          return yield* attempt === 1 ? tabulateAttempt(request, 2) : Effect.fail(planned.failure)
        }
        const { all, first, fold, p, query, streamed, talliesWanted } = planned.success
        const checked = yield* q(first.text, first.params)
        const head = checked[0]
        // Written since the structure was read: plan again on the structure as it is now. The last
        // attempt keeps its counts: its structure was read after the call began (so it is as fresh),
        // only not in the counts' snapshot (a structure written that often would otherwise starve it).
        if (Number(head?.hdnd_version ?? 0) !== version && attempt < TABULATE_ATTEMPTS) return yield* tabulateAttempt(request, attempt + 1)
        const { outputs, took, values } = planned.success
        const builder = new TabulationBuilder.Builder(p)
        // One statement after the other: run at once on the PostgreSQL pool, a commune-year took
        // 7 ms instead of 2 (the hand-over between connections costs more than a round trip).
        const rowsOf = (x: { readonly text: string; readonly params: ReadonlyArray<unknown> }) => q(x.text, x.params)
        // The store gives up each row once it is fed (a national year returns tens of thousands).
        // Folded, with no row of the query, the one row is the check's alone.
        if (query !== undefined) {
          // A large scope's activity rows (a national year returns tens of thousands) are fed as the
          // engine sends them when the adapter streams (Database.queryChunks).
          if (streamed && db.queryChunks !== undefined) yield* db.queryChunks(query.text, query.params, (rows) => feedRows(builder, p, query, rows))
          else {
            const rows = !fold ? yield* rowsOf(query) : head === undefined || head.hdnd_row === null || head.hdnd_row === undefined ? [] : checked
            feedRows(builder, p, query, rows, true)
          }
        }
        if (took !== undefined) feedRows(builder, p, took, yield* rowsOf(took))
        for (const vq of values) feedValues(builder, p, vq, yield* rowsOf(vq))
        RecommendationStats.tabulateInto(builder, ds)
        for (const oq of outputs) feedRows(builder, p, oq, yield* rowsOf(oq))
        // Only when some tally matches (the check says): most requests, on data without tallies, skip the statement.
        if (talliesWanted && Number(head?.hdnd_tallies ?? 0) > 0) {
          const s = new SqlText(d)
          builder.addTallies((yield* reader.records("tallies", talliesWhere(s, p, all), s.params)) as never, ds.organs)
        }
        return builder.finish(ds, registry)
      })

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
      tabulate: (request) => tabulateAttempt(request, 1).pipe(toStoreError("tabulate"))
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
