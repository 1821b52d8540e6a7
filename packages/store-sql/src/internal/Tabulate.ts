/**
 * A SQL store's `tabulate`: plans a request on the cached structure, runs its pushed-down
 * statements (Pushdown.ts) and feeds their rows to core's `TabulationBuilder`.
 *
 * On PostgreSQL a tabulation on a warm cache is one statement (one round trip): the `GROUP BY`
 * query carries the `structure` version and whether some tally matches, read in the same snapshot
 * as the counts (`checkedQuery`), so the cached structure is checked without a statement of its own
 * and the tallies are read only when one matches. Found moved on, the counts are thrown away and the
 * request is planned again on the structure reloaded (up to three attempts). SQLite, and PostgreSQL
 * for a scope whose rows are streamed (`Database.queryChunks`), run the check as a statement of
 * their own just before the query.
 */
import type { Dataset, Errors, Registry, Tabulation, TabulationRequest } from "@hdnd/core"
import { RecommendationStats, TabulationBuilder } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import type { DatabaseService, SqlError } from "../Database.js"
import type { Dialect } from "../Dialect.js"
import { feedRows, feedValues, outputQueries, type TabulationQuery, tabulationQuery, type ValuesQuery, valuesQueries } from "../Pushdown.js"
import { SqlText, type Tables } from "../Tables.js"
import type { Sql } from "./common.js"
import type * as Reader from "./Reader.js"
import type * as StructureCache from "./StructureCache.js"

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

/** What a store's tabulation runs on. */
export interface Options {
  readonly sql: Sql
  readonly db: DatabaseService
  readonly cache: StructureCache.StructureCache
  readonly reader: Reader.Reader
  readonly registry: Registry.Registry
}

/** The store's `tabulate` (its errors before they are made `StoreError`s). */
export const make = ({ cache, db, reader, registry, sql }: Options) => {
  const { dialect: d, q, tables: t } = sql
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
      // A large scope's activity rows (a national year returns tens of thousands) are fed as the
      // engine sends them (Database.queryChunks); otherwise the store gives up each row once it is
      // fed. Folded, with no row of the query, the one row is the check's alone.
      if (query !== undefined) {
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

  return (request: TabulationRequest.TabulationRequest): Effect.Effect<Tabulation.Tabulation, SqlError | Errors.StoreError | Errors.TabulationError> =>
    tabulateAttempt(request, 1)
}
