/**
 * The structure cache: the collections held whole in memory (the structure and the follow-up
 * records), reloaded when the `structure` version in `hdnd_meta` changes (another store, another
 * process, or this one wrote to them).
 */
import { Dataset } from "@hdnd/core"
import type { Errors } from "@hdnd/core"
import * as Effect from "effect/Effect"
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

export interface StructureCache {
  /** The cached collections, reloaded first if they changed since they were read. */
  readonly structure: Effect.Effect<Dataset.Dataset, SqlError | Errors.StoreError>
  /** Forgets the cached collections (after writing them, or after a rolled-back transaction read them). */
  readonly invalidate: () => void
  /** The ids of the activities the follow-up records of a cached dataset refer to. */
  readonly linkedActivities: (ds: Dataset.Dataset) => ReadonlySet<string>
}

export const make = (sql: Sql): StructureCache => {
  const { q, tables: t } = sql
  let cache: { version: number; ds: Dataset.Dataset } | undefined
  const linked = new WeakMap<Dataset.Dataset, ReadonlySet<string>>()

  const load = Effect.gen(function* () {
    const ds: Record<string, unknown> = { ...Dataset.empty }
    const roles = yield* lineageRoles(sql)
    for (const kind of CACHED) {
      const rows = yield* q(`SELECT * FROM ${t[layouts[kind].table]}`)
      const records = yield* decodeAll(kind, rows, rolesOf(roles))
      ds[kind] = new Map(records.map((r) => [r.id, r]))
    }
    return ds as unknown as Dataset.Dataset
  })

  const version = Effect.map(q<{ v: unknown }>(`SELECT v FROM ${t.hdnd_meta} WHERE k = 'structure'`), (rows) => Number(rows[0]?.v ?? 0))

  return {
    structure: Effect.gen(function* () {
      const v = yield* version
      if (cache === undefined || cache.version !== v) cache = { version: v, ds: yield* load }
      return cache.ds
    }),
    invalidate: () => {
      cache = undefined
    },
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
