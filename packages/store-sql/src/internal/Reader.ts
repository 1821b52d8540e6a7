/**
 * Reading records that are not cached (activities and tallies) by id, by council or by condition,
 * and streaming any collection page by page.
 */
import type { Errors, Store } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { SqlError } from "../Database.js"
import { layouts } from "../Rows.js"
import { SqlText } from "../Tables.js"
import { type AnyRecord, chunks, decodeAll, type Kind, lineageRoles, type RecordKind, rolesOf, type Row, type Sql } from "./common.js"

/** Rows per page when streaming. */
const PAGE = 2000

/** The collections whose records carry a `council` column, to which a stream's `councils` filter applies. */
const WITH_COUNCIL: ReadonlySet<Kind> = new Set(["terms", "organs", "sessions", "meetings", "activities", "tallies", "recommendations", "programmes", "resolutions", "documents"])

export interface Reader {
  /** The records meeting an SQL condition. */
  readonly records: (kind: RecordKind, where: string, params: ReadonlyArray<unknown>) => Effect.Effect<Array<AnyRecord>, SqlError | Errors.StoreError>
  /** The stored rows with these ids, undecoded. */
  readonly rowsByIds: (kind: RecordKind, ids: ReadonlyArray<string>) => Effect.Effect<Array<Row>, SqlError>
  readonly byIds: (kind: RecordKind, ids: ReadonlyArray<string>) => Effect.Effect<Array<AnyRecord>, SqlError | Errors.StoreError>
  readonly byCouncils: (kind: RecordKind, councils: ReadonlyArray<string>) => Effect.Effect<Array<AnyRecord>, SqlError | Errors.StoreError>
  /** Every record of a collection that the filter selects, in id order. */
  readonly stream: <K extends Kind>(kind: K, filter?: Store.StreamFilter) => Stream.Stream<Store.EntityOf<K>, SqlError | Errors.StoreError>
}

/** The `WHERE` clause of a stream's filter over `x`, the collection's table (empty without conditions). */
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
    if (kind === "resolutions") parts.push(on("x.adopted_on"))
    if (kind === "documents") parts.push(on("x.submitted_on"))
    // A programme's year overlaps the period when it lies between the years of its ends.
    if (kind === "programmes") {
      const year = (day: string) => Number(day.slice(0, 4))
      parts.push(p.to === undefined ? `x.year >= ${s.p(year(p.from))}` : `x.year >= ${s.p(year(p.from))} AND x.year <= ${s.p(year(p.to))}`)
    }
  }
  return parts.length === 0 ? "" : `WHERE ${parts.join(" AND ")}`
}

export const make = (sql: Sql): Reader => {
  const { q, dialect: d, tables: t } = sql

  const records: Reader["records"] = (kind, where, params) =>
    Effect.flatMap(q(`SELECT * FROM ${t[kind]} WHERE ${where}`, params), (rows) => decodeAll(kind, rows))

  const rowsByIds: Reader["rowsByIds"] = (kind, ids) =>
    Effect.gen(function* () {
      const out: Array<Row> = []
      for (const part of chunks(ids, 5000)) {
        const s = new SqlText(d)
        for (const r of yield* q(`SELECT * FROM ${t[kind]} WHERE id IN ${s.list(part)}`, s.params)) out.push(r)
      }
      return out
    })

  const byIds: Reader["byIds"] = (kind, ids) => Effect.flatMap(rowsByIds(kind, ids), (rows) => decodeAll(kind, rows))

  const byCouncils: Reader["byCouncils"] = (kind, councils) =>
    Effect.gen(function* () {
      const out: Array<AnyRecord> = []
      for (const part of chunks(councils, 1000)) {
        const s = new SqlText(d)
        out.push(...(yield* records(kind, `council IN ${s.list(part)}`, s.params)))
      }
      return out
    })

  const stream = <K extends Kind>(kind: K, filter?: Store.StreamFilter): Stream.Stream<Store.EntityOf<K>, SqlError | Errors.StoreError> =>
    // Keyset pagination by id: every engine supports it, memory stays flat, and pages are
    // independent statements (SQLite's driver has no cursor streaming).
    Stream.unwrap(
      Effect.map(kind === "lineage" ? lineageRoles(sql) : Effect.succeed(undefined), (roles) =>
        Stream.paginate(undefined as string | undefined, (after) =>
          Effect.gen(function* () {
            const s = new SqlText(d)
            const table = t[layouts[kind].table]
            const where = streamWhere(kind, filter, s)
            const keyset = after === undefined ? "" : `${where === "" ? "WHERE" : " AND"} x.id > ${s.p(after)}`
            const rows = yield* q(`SELECT x.* FROM ${table} x ${where}${keyset} ORDER BY x.id LIMIT ${PAGE}`, s.params)
            const page = yield* decodeAll(kind, rows, rolesOf(roles))
            const last = rows[rows.length - 1]?.id as string | undefined
            return [page as Array<Store.EntityOf<K>>, rows.length < PAGE ? Option.none() : Option.some(last)] as const
          })
        )
      )
    )

  return { records, rowsByIds, byIds, byCouncils, stream }
}
