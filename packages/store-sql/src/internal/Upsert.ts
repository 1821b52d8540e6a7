/**
 * One upsert, in one write transaction: the stored versions of the batch's records and what
 * validation needs are read, the batch is validated against them, and only what changed is written.
 */
import { Dataset, Errors, type Registry, type Store, Validation } from "@hdnd/core"
import * as Effect from "effect/Effect"
import type { DatabaseService, SqlError } from "../Database.js"
import { encode, sameRow } from "../Rows.js"
import { type AnyRecord, CACHED, type Kind, RECORDS, type Row, type Sql } from "./common.js"
import type { Reader } from "./Reader.js"
import { activityRefs, type StructureCache } from "./StructureCache.js"
import type { Writer } from "./Writer.js"

export interface UpsertOptions {
  readonly sql: Sql
  readonly withTransaction: DatabaseService["withTransaction"]
  readonly cache: StructureCache
  readonly reader: Reader
  readonly writer: Writer
  readonly registry: Registry.Registry
}

/** What is stored of a batch's records, and the dataset validation checks the batch against. */
interface Stored {
  /** Whether a record with this id is stored. */
  readonly isStored: (kind: Kind, id: string) => boolean
  /** Whether writing the record would change what is stored. */
  readonly changed: (kind: Kind, r: AnyRecord) => boolean
  /** The cached collections plus the activities and tallies validation needs. */
  readonly current: Dataset.Dataset
}

/**
 * PostgreSQL: while `on`, the transaction's statements are planned for their values each time they
 * run, never by a plan the connection cached for the statement (`plan_cache_mode`); off again, the
 * session's setting applies.
 *
 * Why for the reads of a batch's stored rows: a statement prepared by name (as the adapter prepares
 * them) gets, from its sixth run, a generic plan that PostgreSQL keeps while it costs no more than
 * the custom plans did on average. For `id IN ($1, …, $5000)` the generic plan costed on an empty
 * `activities` is a sequential scan, and once the table has grown (no `ANALYZE`: autovacuum off, or
 * not yet run) it is taken for good and checks every row against the 5,000 parameters one by one:
 * a national load stalled below 500 rows/s (17–45 s per 5,000 ids at 100,000–250,000 rows). A
 * custom plan sees the table's current size (its pages) and the constants, so it takes the primary
 * key, or on a small table a scan that looks each row up in a hash of the constants.
 * Why not for the whole transaction: the foreign-key checks at commit run one cached plan per row,
 * and planning each of them made the commit of 50,000 activities 3× slower (bench/pg-load.ts).
 */
const customPlans = ({ sql }: UpsertOptions, on: boolean): Effect.Effect<void, SqlError> =>
  sql.dialect.name === "pg" ? Effect.asVoid(sql.q(`SET LOCAL plan_cache_mode = ${on ? "force_custom_plan" : "DEFAULT"}`)) : Effect.void

/** Reads what a batch is checked and compared against (inside the write transaction). */
const readStored = (options: UpsertOptions, batch: Dataset.Batch): Effect.Effect<Stored, SqlError | Errors.StoreError> =>
  Effect.gen(function* () {
    yield* customPlans(options, true)
    // (A failed read fails the transaction, which ends the setting with it.)
    const stored = yield* readStoredRows(options, batch)
    yield* customPlans(options, false)
    return stored
  })

const readStoredRows = ({ cache, reader }: UpsertOptions, batch: Dataset.Batch): Effect.Effect<Stored, SqlError | Errors.StoreError> =>
  Effect.gen(function* () {
    const ds = yield* cache.structure
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
      storedRows.set(kind, new Map((ids.length === 0 ? [] : yield* reader.rowsByIds(kind, ids)).map((r) => [r.id as string, r])))
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
      for (const a of yield* reader.byCouncils("activities", councils)) {
        activities.set(a.id, a)
        const council = (a as unknown as { council: string }).council
        const m = activitiesByCouncil.get(council) ?? new Map<string, AnyRecord>()
        m.set(a.id, a)
        activitiesByCouncil.set(council, m)
      }
      for (const x of yield* reader.byCouncils("tallies", councils)) tallies.set(x.id, x)
    }
    // The stored activities that follow-up records refer to (a recommendation's activity, a
    // programme item's linked activities), for the follow-up records validation checks: those
    // of the batch, and, when the batch touches what they depend on, the stored ones too.
    const wanted = new Set<string>()
    for (const kind of ["recommendations", "programmeItems"] as const) for (const r of batch[kind] ?? []) for (const a of activityRefs(kind, r)) wanted.add(a)
    const storedRefs = cache.linkedActivities(ds)
    // (A batch of new activities and tallies alone, the bulk of an import, loads none of them.)
    const touchesFollowUps =
      storedRefs.size > 0 && (CACHED.some((k) => (batch[k]?.length ?? 0) > 0) || (batch.activities ?? []).some((a) => storedRefs.has(a.id)))
    if (touchesFollowUps) for (const a of storedRefs) wanted.add(a)
    const missing = [...wanted].filter((id) => !activities.has(id))
    if (missing.length > 0) for (const a of yield* reader.byIds("activities", missing)) activities.set(a.id, a)
    const current = { ...ds, activities, tallies, activitiesByCouncil } as unknown as Dataset.Dataset
    return { isStored, changed, current }
  })

/** Writes what changed of a validated batch and counts inserts, updates and no-ops. */
const write = ({ sql, cache, writer }: UpsertOptions, batch: Dataset.Batch, { isStored, changed }: Stored) =>
  Effect.gen(function* () {
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
      yield* writer.writeKind(kind, toWrite, existing)
    }
    if (structureChanged) {
      yield* sql.q(`UPDATE ${sql.tables.hdnd_meta} SET v = v + 1 WHERE k = 'structure'`)
      cache.invalidate()
    }
    return { inserted, updated, unchanged }
  })

/** Upserts a batch in one transaction (the caller retries it while the engine reports a busy writer). */
export const make =
  (options: UpsertOptions) =>
  (batch: Dataset.Batch): Effect.Effect<Store.UpsertResult, SqlError | Errors.StoreError | Errors.ValidationError> =>
    options.withTransaction(
      Effect.gen(function* () {
        // A write first, so SQLite takes the write lock (waiting on busy_timeout) before reading.
        yield* options.sql.q(`UPDATE ${options.sql.tables.hdnd_meta} SET v = v + 1 WHERE k = 'writes'`)
        const stored = yield* readStored(options, batch)
        const problems = Validation.validateBatch(stored.current, batch, options.registry)
        if (problems.length > 0) return yield* Effect.fail(new Errors.ValidationError({ problems }))
        return yield* write(options, batch, stored)
      })
    )
