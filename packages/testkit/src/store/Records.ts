/**
 * Records as the conformance kit compares them: encoded with their entity schema and written as
 * JSON with sorted keys, so two records are equal when they say the same thing, whatever class
 * instance or key order a store hands back.
 *
 * @since 0.1.0
 */
import { Dataset } from "@hdnd/core"
import type { Store } from "@hdnd/core"
import * as Schema from "effect/Schema"

type EntityKind = Dataset.EntityKind

/**
 * Any stored record: something with an id.
 *
 * @since 0.1.0
 * @category models
 */
export interface AnyRecord {
  readonly id: string
}

/**
 * A record together with the collection it belongs to.
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry {
  readonly kind: EntityKind
  readonly record: AnyRecord
}

const encoders = Object.fromEntries(
  Dataset.entityKinds.map((k) => [k, Schema.encodeSync(Dataset.entitySchemas[k] as unknown as Schema.Codec<AnyRecord, unknown>)])
) as Record<EntityKind, (r: AnyRecord) => unknown>

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== "object") return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key]
    if (v !== undefined) out[key] = sortKeys(v)
  }
  return out
}

/**
 * The canonical text of a record: its schema encoding as JSON, keys sorted, absent and `undefined`
 * fields alike left out.
 *
 * @since 0.1.0
 * @category conversions
 */
export const encode = (kind: EntityKind, record: AnyRecord): string => JSON.stringify(sortKeys(encoders[kind](record)))

/**
 * Whether two records of a collection say the same thing.
 *
 * @since 0.1.0
 * @category predicates
 */
export const same = (kind: EntityKind, a: AnyRecord, b: AnyRecord): boolean => encode(kind, a) === encode(kind, b)

/**
 * Every record of a batch, collection by collection in dependency order.
 *
 * @since 0.1.0
 * @category conversions
 */
export const entriesOf = (batch: Dataset.Batch): ReadonlyArray<Entry> =>
  Dataset.entityKinds.flatMap((kind) => ((batch[kind] ?? []) as ReadonlyArray<AnyRecord>).map((record) => ({ kind, record })))

/**
 * The records of one collection of a dataset.
 *
 * @since 0.1.0
 * @category conversions
 */
export const recordsOf = (ds: Dataset.Dataset, kind: EntityKind): ReadonlyArray<AnyRecord> => [
  ...(ds[kind] as ReadonlyMap<string, AnyRecord>).values()
]

/**
 * The number of records in each collection.
 *
 * @since 0.1.0
 * @category models
 */
export type Counts = Readonly<Record<EntityKind, number>>

/**
 * The number of records in each collection of a dataset.
 *
 * @since 0.1.0
 * @category queries
 */
export const countsOf = (ds: Dataset.Dataset): Counts =>
  Object.fromEntries(Dataset.entityKinds.map((k) => [k, ds[k].size])) as unknown as Counts

/**
 * The ids of some records, sorted (code-unit order).
 *
 * @since 0.1.0
 * @category conversions
 */
export const sortedIds = (records: Iterable<AnyRecord>): ReadonlyArray<string> =>
  [...records].map((r) => r.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

/**
 * What upserting `batch` into a store holding `ds` must report, by the reference's rule: each record
 * sent counts once, as inserted (new id), unchanged (same content as stored, or as an earlier
 * record of the batch with that id) or updated.
 *
 * @since 0.1.0
 * @category queries
 */
export const expectedUpsert = (ds: Dataset.Dataset, batch: Dataset.Batch): Store.UpsertResult => {
  let inserted = 0
  let updated = 0
  let unchanged = 0
  for (const kind of Dataset.entityKinds) {
    const seen = new Map(ds[kind] as ReadonlyMap<string, AnyRecord>)
    for (const r of (batch[kind] ?? []) as ReadonlyArray<AnyRecord>) {
      const prev = seen.get(r.id)
      if (prev === undefined) inserted++
      else if (same(kind, prev, r)) unchanged++
      else updated++
      seen.set(r.id, r)
    }
  }
  return { inserted, updated, unchanged }
}
