/**
 * The `Store` port over `@effect/sql`'s `SqlClient`, written once for every SQL engine. Writes are
 * one transaction per batch, validated first against the stored structure and follow-up records
 * (both cached whole); tabulation runs as one `GROUP BY` query in the engine (pushdown) and is
 * assembled by core's `TabulationBuilder`.
 *
 * @since 0.1.0
 */
import { SqlClient } from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import { Dataset, Errors, Registry, Store, TabulationBuilder, Validation } from "@hdnd/core"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import type { Dialect } from "./Dialect.js"
import { migrate } from "./Migrations.js"
import { tabulationQuery } from "./Pushdown.js"
import { decodeRow, encode, layouts, sameRow, toValues } from "./Rows.js"
import type { Tables } from "./Tables.js"
import { SqlText, tables } from "./Tables.js"

type Kind = Dataset.EntityKind
type Row = Record<string, unknown>
type AnyRecord = { readonly id: string }

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

/** Rows per page when streaming. */
const PAGE = 2000

const STRUCTURE: ReadonlyArray<Kind> = ["units", "lineage", "councils", "terms", "organs", "sessions", "meetings"]
/**
 * Follow-up records: recommendations and their responses and evaluations, work programmes and their
 * items. Few (thousands), so, like the structure, they are kept whole in the cache that validation
 * reads: every stored one is there when a batch is checked.
 */
const FOLLOW_UP: ReadonlyArray<Kind> = ["recommendations", "responses", "evaluations", "programmes", "programmeItems"]
/** The collections held whole in the cache (versioned by `hdnd_meta` 'structure'). */
const CACHED: ReadonlyArray<Kind> = [...STRUCTURE, ...FOLLOW_UP]
const RECORDS: ReadonlyArray<Kind> = ["activities", "tallies"]
/** The collections whose records carry a `council` column, to which a stream's `councils` filter applies. */
const WITH_COUNCIL: ReadonlySet<Kind> = new Set(["terms", "organs", "sessions", "meetings", "activities", "tallies", "recommendations", "programmes"])

/** The most specific message of an error and its causes. */
export const describeCause = (e: unknown): string => {
  const parts: Array<string> = []
  let x: unknown = e
  for (let i = 0; i < 4 && x !== null && x !== undefined; i++) {
    const m = typeof x === "object" ? (x as { message?: unknown }).message : x
    if (typeof m === "string" && m.trim().length > 0 && !parts.includes(m.trim())) parts.push(m.trim())
    x = typeof x === "object" ? (x as { cause?: unknown }).cause : undefined
  }
  return parts.join(": ")
}

const storeError = (operation: string, cause: unknown) =>
  new Errors.StoreError({
    operation,
    vi: `lỗi cơ sở dữ liệu khi ${operation}: ${describeCause(cause)}`,
    en: `database error during ${operation}: ${describeCause(cause)}`,
    cause
  })

const chunks = <A>(items: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const emptyStructure = (): Dataset.Dataset => ({ ...Dataset.empty })

/**
 * Makes a SQL store service on the `SqlClient` in context: migrates the schema, then serves the port.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: SqlStoreOptions): Effect.Effect<Store.StoreService, Errors.StoreError, SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient
    const d = options.dialect
    const registry = options.registry ?? Registry.builtin
    const t: Tables = tables(options.schema)
    yield* migrate(t, d, options.schema)
    const rowsPerStatement = options.rowsPerStatement ?? 500

    const q = <A extends object = Row>(text: string, params: ReadonlyArray<unknown> = []) => sql.unsafe<A>(text, params as Array<unknown>)

    // --- the structure cache -------------------------------------------------------------------
    let cache: { version: number; ds: Dataset.Dataset } | undefined
    /** The ids of the activities that the cached follow-up records refer to, per cached dataset. */
    const linkedActivities = new WeakMap<Dataset.Dataset, ReadonlySet<string>>()

    const decodeAll = (kind: Kind, rows: ReadonlyArray<Row>, extra?: (r: Row) => Parameters<typeof decodeRow>[2]) =>
      Effect.try({ try: () => rows.map((r) => decodeRow(kind, r, extra?.(r)) as AnyRecord), catch: (e) => storeError(`read ${kind}`, e) })

    const loadStructure = Effect.gen(function* () {
      const ds: Record<string, unknown> = { ...emptyStructure() }
      const lineageUnits = yield* q<{ event: string; role: string; unit: string }>(
        `SELECT event, role, unit FROM ${t.lineage_units} ORDER BY event, role, position`
      )
      const roles = new Map<string, { sources: Array<string>; targets: Array<string> }>()
      for (const r of lineageUnits) {
        const e = roles.get(r.event) ?? { sources: [], targets: [] }
        ;(r.role === "source" ? e.sources : e.targets).push(r.unit)
        roles.set(r.event, e)
      }
      for (const kind of CACHED) {
        const rows = yield* q(`SELECT * FROM ${t[layouts[kind].table]}`)
        const records = yield* decodeAll(kind, rows, (r) => roles.get(r.id as string) ?? { sources: [], targets: [] })
        ds[kind] = new Map(records.map((r) => [r.id, r]))
      }
      return ds as unknown as Dataset.Dataset
    })

    const structureVersion = q<{ v: unknown }>(`SELECT v FROM ${t.hdnd_meta} WHERE k = 'structure'`).pipe(
      Effect.map((rows) => Number(rows[0]?.v ?? 0))
    )

    const structure = Effect.gen(function* () {
      const version = yield* structureVersion
      if (cache === undefined || cache.version !== version) cache = { version, ds: yield* loadStructure }
      return cache.ds
    })

    // --- reading records ----------------------------------------------------------------------
    const readRecords = (kind: "activities" | "tallies", where: string, params: ReadonlyArray<unknown>) =>
      Effect.flatMap(q(`SELECT * FROM ${t[kind]} WHERE ${where}`, params), (rows) => decodeAll(kind, rows))

    /** The stored rows with these ids, undecoded. */
    const rowsByIds = (kind: "activities" | "tallies", ids: ReadonlyArray<string>) =>
      Effect.gen(function* () {
        const out: Array<Row> = []
        for (const part of chunks(ids, 5000)) {
          const s = new SqlText(d)
          for (const r of yield* q(`SELECT * FROM ${t[kind]} WHERE id IN ${s.list(part)}`, s.params)) out.push(r)
        }
        return out
      })

    const byIds = (kind: "activities" | "tallies", ids: ReadonlyArray<string>) =>
      Effect.flatMap(rowsByIds(kind, ids), (rows) => decodeAll(kind, rows))

    const byCouncils = (kind: "activities" | "tallies", councils: ReadonlyArray<string>) =>
      Effect.gen(function* () {
        const out: Array<AnyRecord> = []
        for (const part of chunks(councils, 1000)) {
          const s = new SqlText(d)
          out.push(...(yield* readRecords(kind, `council IN ${s.list(part)}`, s.params)))
        }
        return out
      })

    // --- writing ------------------------------------------------------------------------------
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

    /** Writes records: new ones with a plain `INSERT` (the write lock is held since they were looked up). */
    const writeRows = (kind: Kind, records: ReadonlyArray<AnyRecord>, existing: ReadonlySet<string>) =>
      Effect.forEach(
        [false, true],
        (update) =>
          Effect.gen(function* () {
            const part = records.filter((r) => existing.has(r.id) === update)
            if (part.length === 0) return
            if (options.bulk !== undefined) return yield* options.bulk.runMany(upsertStatement(kind, 1, update), part.map((r) => toValues(kind, r)))
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
      Effect.forEach(chunks(ids, 5000), (part) => {
        const s = new SqlText(d)
        return q(`DELETE FROM ${table} WHERE ${column} IN ${s.list(part)}`, s.params)
      }, { discard: true })

    const writeKind = (kind: Kind, records: ReadonlyArray<AnyRecord>, existing: ReadonlySet<string>) =>
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

    const upsertOnce = (batch: Dataset.Batch) =>
      sql.withTransaction(
        Effect.gen(function* () {
          // A write first, so SQLite takes the write lock (waiting on busy_timeout) before reading.
          yield* q(`UPDATE ${t.hdnd_meta} SET v = v + 1 WHERE k = 'writes'`)
          const ds = yield* structure
          // The stored versions of the batch's records, to tell inserts, updates and no-ops apart.
          const stored = new Map<Kind, Map<string, AnyRecord>>()
          for (const kind of CACHED) {
            const m = new Map<string, AnyRecord>()
            for (const r of batch[kind] ?? []) {
              const prev = (ds[kind] as ReadonlyMap<string, AnyRecord>).get(r.id)
              if (prev !== undefined) m.set(r.id, prev)
            }
            stored.set(kind, m)
          }
          // Activities and tallies: their stored rows, compared column by column without decoding.
          const storedRows = new Map<Kind, Map<string, Row>>()
          for (const kind of RECORDS) {
            const ids = (batch[kind] ?? []).map((r) => r.id)
            storedRows.set(kind, new Map((ids.length === 0 ? [] : yield* rowsByIds(kind as "activities" | "tallies", ids)).map((r) => [r.id as string, r])))
          }
          const isStored = (kind: Kind, id: string): boolean => (storedRows.get(kind) ?? stored.get(kind))?.has(id) === true
          const changed = (kind: Kind, r: AnyRecord): boolean => {
            const row = storedRows.get(kind)?.get(r.id)
            if (row !== undefined) return !sameRow(kind, row, r)
            const prev = stored.get(kind)?.get(r.id)
            return prev === undefined || JSON.stringify(encode(kind, prev)) !== JSON.stringify(encode(kind, r))
          }
          // Councils whose stored activities and tallies must be re-checked because the batch changes
          // a council, organ, term, session or meeting they refer to.
          const affected = new Set<string>()
          for (const kind of ["councils", "organs", "terms", "sessions", "meetings"] as const) {
            for (const r of batch[kind] ?? []) {
              const prev = stored.get(kind)?.get(r.id) as { council?: string; id: string } | undefined
              if (prev === undefined || !changed(kind, r)) continue
              affected.add(kind === "councils" ? r.id : (prev.council as string))
              affected.add(kind === "councils" ? r.id : ((r as unknown as { council: string }).council))
            }
          }
          const councils = [...affected]
          // Validation reads stored activities only through the by-council index, to re-check those of
          // affected councils, and stored tallies only when re-checking them.
          const activities = new Map<string, AnyRecord>()
          const tallies = new Map<string, AnyRecord>()
          const activitiesByCouncil = new Map<string, Map<string, AnyRecord>>()
          if (councils.length > 0) {
            for (const a of yield* byCouncils("activities", councils)) {
              activities.set(a.id, a)
              const council = (a as unknown as { council: string }).council
              const m = activitiesByCouncil.get(council) ?? new Map<string, AnyRecord>()
              m.set(a.id, a)
              activitiesByCouncil.set(council, m)
            }
            for (const x of yield* byCouncils("tallies", councils)) tallies.set(x.id, x)
          }
          // The stored activities that follow-up records refer to (a recommendation's activity, a
          // programme item's linked activities), for the follow-up records validation checks: those
          // of the batch, and, when the batch touches what they depend on, the stored ones too.
          const wanted = new Set<string>()
          const refsOf = (kind: Kind, r: AnyRecord): ReadonlyArray<string> => {
            if (kind === "recommendations") {
              const a = (r as unknown as { activity?: string }).activity
              return a === undefined ? [] : [a]
            }
            return kind === "programmeItems" ? ((r as unknown as { activities?: ReadonlyArray<string> }).activities ?? []) : []
          }
          for (const kind of ["recommendations", "programmeItems"] as const) for (const r of batch[kind] ?? []) for (const a of refsOf(kind, r)) wanted.add(a)
          let linked = linkedActivities.get(ds)
          if (linked === undefined) {
            const refs = new Set<string>()
            for (const kind of ["recommendations", "programmeItems"] as const) {
              for (const r of (ds[kind] as ReadonlyMap<string, AnyRecord>).values()) for (const a of refsOf(kind, r)) refs.add(a)
            }
            linkedActivities.set(ds, refs)
            linked = refs
          }
          const storedRefs: ReadonlySet<string> = linked
          // (A batch of new activities and tallies alone, the bulk of an import, loads none of them.)
          const touchesFollowUps =
            storedRefs.size > 0 &&
            (CACHED.some((k) => (batch[k]?.length ?? 0) > 0) || (batch.activities ?? []).some((a) => storedRefs.has(a.id)))
          if (touchesFollowUps) for (const a of storedRefs) wanted.add(a)
          const missing = [...wanted].filter((id) => !activities.has(id))
          if (missing.length > 0) for (const a of yield* byIds("activities", missing)) activities.set(a.id, a)
          const current = { ...ds, activities, tallies, activitiesByCouncil } as unknown as Dataset.Dataset
          const problems = Validation.validateBatch(current, batch, registry)
          if (problems.length > 0) return yield* Effect.fail(new Errors.ValidationError({ problems }))

          let inserted = 0
          let updated = 0
          let unchanged = 0
          let structureChanged = false
          for (const kind of Dataset.entityKinds) {
            const seen = new Map<string, AnyRecord>()
            for (const r of batch[kind] ?? []) seen.set(r.id, r)
            const toWrite: Array<AnyRecord> = []
            const existing = new Set<string>()
            for (const r of batch[kind] ?? []) {
              if (seen.get(r.id) !== r) {
                unchanged++ // an identical earlier duplicate in the same batch
                continue
              }
              if (!changed(kind, r)) {
                unchanged++
                continue
              }
              if (isStored(kind, r.id)) {
                updated++
                existing.add(r.id)
              } else inserted++
              toWrite.push(r)
            }
            if (toWrite.length > 0 && CACHED.includes(kind)) structureChanged = true
            yield* writeKind(kind, toWrite, existing)
          }
          if (structureChanged) {
            yield* q(`UPDATE ${t.hdnd_meta} SET v = v + 1 WHERE k = 'structure'`)
            cache = undefined
          }
          return { inserted, updated, unchanged }
        })
      )

    const retryBusy = <A, E>(effect: Effect.Effect<A, E>) =>
      Effect.retry(effect, {
        while: (e) => d.isBusy(e),
        schedule: Schedule.exponential("5 millis", 1.5).pipe(Schedule.either(Schedule.spaced("250 millis")), Schedule.upTo("60 seconds"))
      })

    const toStoreError = (operation: string) => <A, E, R>(effect: Effect.Effect<A, E, R>) =>
      Effect.catchIf(effect, (e): e is Extract<E, { _tag: "SqlError" }> => (e as { _tag?: string })?._tag === "SqlError", (e) =>
        Effect.fail(storeError(operation, e))
      )

    // --- the service --------------------------------------------------------------------------
    const streamWhere = (kind: Kind, filter: Store.StreamFilter | undefined, s: SqlText): string => {
      const parts: Array<string> = []
      // As in the reference store, `councils` filters the collections whose records belong to a council.
      if (filter?.councils !== undefined && WITH_COUNCIL.has(kind)) parts.push(filter.councils.length === 0 ? "1 = 0" : `x.council IN ${s.list(filter.councils)}`)
      if (filter?.kinds !== undefined && kind === "activities") parts.push(filter.kinds.length === 0 ? "1 = 0" : `x.kind IN ${s.list(filter.kinds)}`)
      const p = filter?.period
      if (p !== undefined) {
        const overlap = (from: string, to: string) =>
          p.to === undefined ? `(${to} IS NULL OR ${to} >= ${s.p(p.from)})` : `${from} <= ${s.p(p.to)} AND (${to} IS NULL OR ${to} >= ${s.p(p.from)})`
        if (kind === "activities") parts.push(p.to === undefined ? `x.date_from >= ${s.p(p.from)}` : `x.date_from >= ${s.p(p.from)} AND x.date_from <= ${s.p(p.to)}`)
        if (kind === "sessions") parts.push(`(${overlap("x.date_from", "COALESCE(x.date_to, x.date_from)")})`)
        if (kind === "meetings") parts.push(p.to === undefined ? `x.date >= ${s.p(p.from)}` : `x.date >= ${s.p(p.from)} AND x.date <= ${s.p(p.to)}`)
        if (kind === "tallies") parts.push(`(${overlap("x.period_from", "x.period_to")})`)
        const on = (column: string) => (p.to === undefined ? `${column} >= ${s.p(p.from)}` : `${column} >= ${s.p(p.from)} AND ${column} <= ${s.p(p.to)}`)
        if (kind === "recommendations") parts.push(on("x.raised_on"))
        if (kind === "responses" || kind === "evaluations") parts.push(on("x.date"))
        // A programme's year overlaps the period when it lies between the years of its ends.
        if (kind === "programmes") {
          const year = (day: string) => Number(day.slice(0, 4))
          parts.push(p.to === undefined ? `x.year >= ${s.p(year(p.from))}` : `x.year >= ${s.p(year(p.from))} AND x.year <= ${s.p(year(p.to))}`)
        }
      }
      return parts.length === 0 ? "" : `WHERE ${parts.join(" AND ")}`
    }

    const service: Store.StoreService = {
      capabilities: { pushdown: true, persistent: options.persistent ?? true },
      registry,
      upsert: (batch) => retryBusy(upsertOnce(batch)).pipe(toStoreError("upsert")),
      transaction: (effect) =>
        sql
          .withTransaction(
            // Take the write lock first (as upserts do), waiting for other writers, then run the unit.
            Effect.zipRight(retryBusy(q(`UPDATE ${t.hdnd_meta} SET v = v + 1 WHERE k = 'writes'`)), effect)
          )
          .pipe(
            // A rolled-back unit may have loaded its own, now undone, structure into the cache.
            Effect.onExit((exit) => (Exit.isFailure(exit) ? Effect.sync(() => (cache = undefined)) : Effect.void)),
            toStoreError("transaction")
          ),
      get: <K extends Kind>(kind: K, id: string) =>
        Effect.gen(function* () {
          if (CACHED.includes(kind)) {
            const r = (yield* structure)[kind].get(id as never)
            if (r === undefined) return yield* Effect.fail(new Errors.NotFoundError({ entity: Dataset.entityNames[kind], id }))
            return r as unknown as Store.EntityOf<K>
          }
          const [r] = yield* byIds(kind as "activities" | "tallies", [id])
          if (r === undefined) return yield* Effect.fail(new Errors.NotFoundError({ entity: Dataset.entityNames[kind], id }))
          return r as unknown as Store.EntityOf<K>
        }).pipe(toStoreError("get")),
      stream: <K extends Kind>(kind: K, filter?: Store.StreamFilter) =>
        // Keyset pagination by id: every engine supports it, memory stays flat, and pages are
        // independent statements (SQLite's driver has no cursor streaming).
        Stream.unwrap(
          Effect.map(kind === "lineage" ? lineageRoles : Effect.succeed(undefined), (roles) =>
            Stream.paginateChunkEffect(undefined as string | undefined, (after) =>
              Effect.gen(function* () {
                const s = new SqlText(d)
                const table = t[layouts[kind].table]
                const where = streamWhere(kind, filter, s)
                const keyset = after === undefined ? "" : `${where === "" ? "WHERE" : " AND"} x.id > ${s.p(after)}`
                const rows = yield* q(`SELECT x.* FROM ${table} x ${where}${keyset} ORDER BY x.id LIMIT ${PAGE}`, s.params)
                const records = yield* decodeAll(kind, rows, (r) => roles?.get(r.id as string) ?? { sources: [], targets: [] })
                const last = rows[rows.length - 1]?.id as string | undefined
                return [Chunk.unsafeFromArray(records as Array<Store.EntityOf<K>>), rows.length < PAGE ? Option.none() : Option.some(last)] as const
              })
            )
          )
        ).pipe(Stream.catchTag("SqlError", (e) => Stream.fail(storeError("stream", e)))) as Stream.Stream<Store.EntityOf<K>, Errors.StoreError>,
      count: (kind) =>
        q<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${t[layouts[kind].table]}`).pipe(
          Effect.map((rows) => Number(rows[0]?.n ?? 0)),
          toStoreError("count")
        ),
      tabulate: (request) =>
        Effect.gen(function* () {
          const ds = yield* structure
          const planned = TabulationBuilder.plan(ds, registry, request)
          if (Either.isLeft(planned)) return yield* Effect.fail(planned.left)
          const p = planned.right
          const builder = new TabulationBuilder.Builder(p)
          const query = tabulationQuery(d, t, p, ds.councils.size)
          if (query !== undefined) {
            const rows = yield* q(query.text, query.params)
            feedRows(builder, p, query, rows)
          }
          const tallyIndicators = p.indicators.map((i) => i.id)
          if (p.councils.size > 0) {
            const s = new SqlText(d)
            const where = `council IN ${s.list([...p.councils.keys()])} AND indicator IN ${s.list(tallyIndicators)} AND period_from <= ${s.p(p.period.to)} AND period_to >= ${s.p(p.period.from)}`
            const tallies = yield* readRecords("tallies", where, s.params)
            builder.addTallies(tallies as never, ds.organs)
          }
          return builder.finish(ds, registry)
        }).pipe(toStoreError("tabulate"))
    }

    const lineageRoles = q<{ event: string; role: string; unit: string }>(
      `SELECT event, role, unit FROM ${t.lineage_units} ORDER BY event, role, position`
    ).pipe(
      Effect.map((rows) => {
        const roles = new Map<string, { sources: Array<string>; targets: Array<string> }>()
        for (const r of rows) {
          const e = roles.get(r.event) ?? { sources: [], targets: [] }
          ;(r.role === "source" ? e.sources : e.targets).push(r.unit)
          roles.set(r.event, e)
        }
        return roles
      })
    )

    return service
  })

const feedRows = (
  builder: TabulationBuilder.Builder,
  p: TabulationBuilder.Plan,
  query: NonNullable<ReturnType<typeof tabulationQuery>>,
  rows: ReadonlyArray<Row>
): void => {
  const facts = TabulationBuilder.emptyRowFacts()
  const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v))
  const nCols = query.columnOf.map((c) => `n${c}`)
  const bCols = query.columnOf.map((c) => `b${c}`)
  for (const r of rows) {
    const council = p.councils.get(r.council as never)
    if (council === undefined) continue
    facts.council = council.id
    facts.kind = String(r.kind ?? "")
    facts.ownerKind = str(r.owner_kind)
    facts.sessionType = str(r.session_type)
    facts.day = r.month === undefined || r.month === null ? "" : `${String(r.month)}-01`
    facts.organ = str(r.organ)
    facts.organKind = str(r.organ_kind)
    facts.committeeKind = query.organView ? (str(r.committee_kind) ?? "-") : undefined
    const key = builder.keyOf(facts, council)
    const session = query.bySession ? str(r.session) : undefined
    query.counted.forEach((i, j) => {
      const n = Number(r[nCols[j] as string] ?? 0)
      if (n <= 0) return
      builder.addItems(i, key, n, session, query.traced ? [r.id as never] : undefined)
      const once = query.traced ? (query.organView ? (Number(r.position) === 0 ? 1 : 0) : 1) : query.organView ? Number(r[bCols[j] as string] ?? 0) : n
      if (once > 0) builder.addCouncilItems(i, council, once)
    })
  }
}

/**
 * A layer providing the SQL `Store` on the `SqlClient` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: SqlStoreOptions): Layer.Layer<Store.Store, Errors.StoreError, SqlClient> =>
  Layer.effect(Store.Store, make(options))
