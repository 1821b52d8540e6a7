/**
 * The structure cache: the collections held whole in memory (the structure and the follow-up
 * records), reloaded when the `structure` version in `hdnd_meta` changes (another store, another
 * process, or this one wrote to them).
 *
 * Callers that find it empty or stale at the same time share one load: nationally the structure is
 * some 150,000 records, and 32 first tabulations at once each loading it took about 100 s apiece.
 */
import { Dataset } from "@hdnd/core"
import type { Errors } from "@hdnd/core"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type { SqlError } from "../Database.js"
import { layouts } from "../Rows.js"
import { type AnyRecord, CACHED, decodeAll, type Kind, lineageRoles, rolesOf, type Sql } from "./common.js"

/** The stored activities that follow-up records refer to: a recommendation's activity, a programme item's linked activities. */
export const activityRefs = (kind: Kind, r: AnyRecord): ReadonlyArray<string> => {
  if (kind === "recommendations") {
    const a = (r as unknown as { activity?: string }).activity
    return a === undefined ? [] : [a]
  }
  return kind === "programmeItems" ? ((r as unknown as { activities?: ReadonlyArray<string> }).activities ?? []) : []
}

/** Cached collections and the `structure` version they were read at. */
export interface Versioned {
  readonly version: number
  readonly ds: Dataset.Dataset
}

export interface StructureCache {
  /** The cached collections, reloaded first if they changed since they were read (one statement asks). */
  readonly structure: Effect.Effect<Dataset.Dataset, SqlError | Errors.StoreError>
  /** `structure` with the version it is current at. */
  readonly current: Effect.Effect<Versioned, SqlError | Errors.StoreError>
  /**
   * The cached collections and their version as they are, with no statement to ask whether they
   * are still current (loaded as `current` does when there are none): for a caller that checks the
   * version itself, in a statement it runs anyway (the store's tabulation), and asks `current`
   * again when it moved on.
   */
  readonly cached: Effect.Effect<Versioned, SqlError | Errors.StoreError>
  /** Forgets the cached collections (after writing them, or after a rolled-back transaction read them). */
  readonly invalidate: () => void
  /**
   * Marks an effect as running inside one of the store's transactions (wrap what the store's
   * transactions run). A caller inside a transaction loads on its own connection instead of waiting
   * for another caller's load: it holds a connection of the pool while it waits, and enough such
   * waiters would leave the load none (and its writes, not yet committed, are its own).
   */
  readonly inTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** The ids of the activities the follow-up records of a cached dataset refer to. */
  readonly linkedActivities: (ds: Dataset.Dataset) => ReadonlySet<string>
}

/** Replaces each text value of a row but its id (unique) by the first equal one seen, so that records share them. */
const shareTexts = (row: Record<string, unknown>, texts: Map<string, string>): void => {
  for (const key in row) {
    const value = row[key]
    if (key === "id" || typeof value !== "string") continue
    const shared = texts.get(value)
    if (shared === undefined) texts.set(value, value)
    else row[key] = shared
  }
}

/** One load's outcome for the callers sharing it; `undefined` when its caller was interrupted (a waiter then loads again). */
type Outcome = Exit.Exit<Dataset.Dataset, SqlError | Errors.StoreError> | undefined

let instances = 0

export const make = (sql: Sql): StructureCache => {
  const { q, tables: t } = sql
  let cache: Versioned | undefined
  // The load under way outside transactions, if any, for the version it was started for.
  let inFlight: { version: number; outcome: Deferred.Deferred<Outcome> } | undefined
  // Bumped by `invalidate`: a load started before an invalidation does not fill the cache.
  let generation = 0
  const transaction = Context.Reference<boolean>(`@hdnd/store-sql/StructureCache/inTransaction/${++instances}`, { defaultValue: () => false })
  const linked = new WeakMap<Dataset.Dataset, ReadonlySet<string>>()

  const load = Effect.gen(function* () {
    const ds: Record<string, unknown> = { ...Dataset.empty }
    const roles = yield* lineageRoles(sql)
    // One copy of each repeated text: the driver gives every row its own strings, and a national
    // structure repeats a few thousand values (council and term ids, kinds, dates, organ names)
    // over some 150,000 records. The records kept take about 28% less heap (46 → 33 MiB nationally; docs/deployment.md).
    const texts = new Map<string, string>()
    for (const kind of CACHED) {
      const rows = yield* q(`SELECT * FROM ${t[layouts[kind].table]}`)
      for (const r of rows) shareTexts(r as Record<string, unknown>, texts)
      const records = yield* decodeAll(kind, rows, rolesOf(roles))
      ds[kind] = new Map(records.map((r) => [r.id, r]))
    }
    return ds as unknown as Dataset.Dataset
  })

  const version = Effect.map(q<{ v: unknown }>(`SELECT v FROM ${t.hdnd_meta} WHERE k = 'structure'`), (rows) => Number(rows[0]?.v ?? 0))

  const current: Effect.Effect<Versioned, SqlError | Errors.StoreError> = Effect.gen(function* () {
    const v = yield* version
    if (cache !== undefined && cache.version === v) return cache
    const inside = yield* transaction
    const shared = inside ? undefined : inFlight
    if (shared !== undefined && shared.version === v) {
      const outcome = yield* Deferred.await(shared.outcome)
      // Its caller was interrupted before the load ended: look again (and load, if no one else does).
      return yield* outcome === undefined ? Effect.suspend(() => current) : Effect.map(outcome, (ds) => ({ version: v, ds }))
    }
    // No await between reading `inFlight` above and setting it here: one load per version starts.
    const mine = inside ? undefined : { version: v, outcome: Deferred.makeUnsafe<Outcome>() }
    if (mine !== undefined) inFlight = mine
    const started = generation
    const ds = yield* Effect.onExit(load, (exit) =>
      Effect.sync(() => {
        if (Exit.isSuccess(exit) && started === generation) cache = { version: v, ds: exit.value }
        if (mine !== undefined) {
          if (inFlight === mine) inFlight = undefined
          Deferred.doneUnsafe(mine.outcome, Exit.succeed(Exit.hasInterrupts(exit) ? undefined : exit))
        }
      })
    )
    return { version: v, ds }
  })

  return {
    structure: Effect.map(current, (x) => x.ds),
    current,
    cached: Effect.suspend(() => (cache === undefined ? current : Effect.succeed(cache))),
    invalidate: () => {
      cache = undefined
      inFlight = undefined
      generation++
    },
    inTransaction: (effect) => Effect.provideService(effect, transaction, true),
    linkedActivities: (ds) => {
      let refs = linked.get(ds)
      if (refs === undefined) {
        const all = new Set<string>()
        for (const kind of ["recommendations", "programmeItems"] as const) {
          for (const r of (ds[kind] as ReadonlyMap<string, AnyRecord>).values()) for (const a of activityRefs(kind, r)) all.add(a)
        }
        linked.set(ds, all)
        refs = all
      }
      return refs
    }
  }
}
