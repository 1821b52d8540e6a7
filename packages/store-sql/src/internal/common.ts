/**
 * What the SQL store's internal modules share: the statement runner, the collections by how they
 * are stored, and row decoding.
 */
import type { Dataset, Errors } from "@hdnd/core"
import * as Effect from "effect/Effect"
import type { Row, SqlError } from "../Database.js"
import type { Dialect } from "../Dialect.js"
import { decodeRow } from "../Rows.js"
import type { Tables } from "../Tables.js"
import { storeError } from "./errors.js"

export type { Row }
export type Kind = Dataset.EntityKind
export type AnyRecord = { readonly id: string }
/** The collections stored row by row and never cached. */
export type RecordKind = "activities" | "tallies"

/** Runs one statement. */
export type Query = <A extends object = Row>(text: string, params?: ReadonlyArray<unknown>) => Effect.Effect<ReadonlyArray<A>, SqlError>

/** A store's database: how to run statements, the engine's dialect and the qualified table names. */
export interface Sql {
  readonly q: Query
  readonly dialect: Dialect
  readonly tables: Tables
}

const STRUCTURE: ReadonlyArray<Kind> = ["units", "lineage", "councils", "terms", "organs", "sessions", "meetings"]
/**
 * Follow-up records: recommendations and their responses and evaluations, work programmes and their
 * items, resolutions adopted and documents submitted. Few (thousands), so, like the structure, they are kept whole in the cache that validation
 * reads: every stored one is there when a batch is checked.
 */
const FOLLOW_UP: ReadonlyArray<Kind> = ["recommendations", "responses", "evaluations", "programmes", "programmeItems", "resolutions", "documents"]
/** The collections held whole in the cache (versioned by `hdnd_meta` 'structure'). */
export const CACHED: ReadonlyArray<Kind> = [...STRUCTURE, ...FOLLOW_UP]
export const RECORDS: ReadonlyArray<RecordKind> = ["activities", "tallies"]

export const chunks = <A>(items: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** Decodes rows into entities, with the extra data of each row (a lineage event's units). */
export const decodeAll = (kind: Kind, rows: ReadonlyArray<Row>, extra?: (r: Row) => Parameters<typeof decodeRow>[2]): Effect.Effect<Array<AnyRecord>, Errors.StoreError> =>
  Effect.try({ try: () => rows.map((r) => decodeRow(kind, r, extra?.(r)) as AnyRecord), catch: (e) => storeError(`read ${kind}`, e) })

/** The source and target units of lineage events, in order. */
export type LineageRoles = ReadonlyMap<string, { readonly sources: ReadonlyArray<string>; readonly targets: ReadonlyArray<string> }>

/** Reads every lineage event's source and target units. */
export const lineageRoles = ({ q, tables: t }: Sql): Effect.Effect<LineageRoles, SqlError> =>
  Effect.map(q<{ event: string; role: string; unit: string }>(`SELECT event, role, unit FROM ${t.lineage_units} ORDER BY event, role, position`), (rows) => {
    const roles = new Map<string, { sources: Array<string>; targets: Array<string> }>()
    for (const r of rows) {
      const e = roles.get(r.event) ?? { sources: [], targets: [] }
      ;(r.role === "source" ? e.sources : e.targets).push(r.unit)
      roles.set(r.event, e)
    }
    return roles
  })

/** The lineage units of a row (none for a row that is not a lineage event). */
export const rolesOf = (roles: LineageRoles | undefined) => (r: Row) => roles?.get(r.id as string) ?? { sources: [], targets: [] }
