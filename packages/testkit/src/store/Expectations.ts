/**
 * Assertions about what a store holds, against a dataset of what it should hold.
 *
 * @since 0.1.0
 */
import { Dataset } from "@hdnd/core"
import * as Assert from "./Assert.js"
import type { AnyRecord } from "./Records.js"
import { countsOf, encode, recordsOf, sortedIds } from "./Records.js"
import type { StoreHandle } from "./StoreHandle.js"
import { counts } from "./StoreHandle.js"

/**
 * Asserts that the store holds as many records of each collection as the dataset.
 *
 * @since 0.1.0
 * @category assertions
 */
export const expectCounts = async (handle: StoreHandle, dataset: Dataset.Dataset): Promise<void> => {
  Assert.equal(await counts(handle), countsOf(dataset), "count of each collection")
}

/**
 * Asserts that `get` gives the dataset's version of a record, or `NotFoundError` (naming the entity
 * and the id) when the dataset has none.
 *
 * @since 0.1.0
 * @category assertions
 */
export const expectRecord = async (handle: StoreHandle, dataset: Dataset.Dataset, kind: Dataset.EntityKind, id: string): Promise<void> => {
  const stored = (dataset[kind] as ReadonlyMap<string, AnyRecord>).get(id)
  const result = await handle.attempt(handle.store.get(kind, id))
  const what = `get(${kind}, ${JSON.stringify(id)})`
  if (stored === undefined) {
    const error = Assert.failsWith(result, "NotFoundError", `${what} of a record that does not exist`) as { readonly entity?: unknown; readonly id?: unknown }
    Assert.equal({ entity: error.entity, id: error.id }, { entity: Dataset.entityNames[kind], id }, `${what}: the NotFoundError names the entity and the id`)
  } else {
    Assert.equal(encode(kind, Assert.succeeds(result, what)), encode(kind, stored), what)
  }
}

/**
 * Asserts that the store holds exactly the dataset: the counts, the ids and contents that `stream`
 * gives for every collection, and what `get` gives for every record.
 *
 * @since 0.1.0
 * @category assertions
 */
export const expectHolds = async (handle: StoreHandle, dataset: Dataset.Dataset): Promise<void> => {
  await expectCounts(handle, dataset)
  for (const kind of Dataset.entityKinds) {
    const expected = recordsOf(dataset, kind)
    const streamed = await handle.collect(handle.store.stream(kind))
    Assert.equal(sortedIds(streamed), sortedIds(expected), `ids streamed from ${kind}`)
    const byId = new Map(expected.map((r) => [r.id, encode(kind, r)]))
    for (const r of streamed) Assert.equal(encode(kind, r), byId.get(r.id), `${kind} ${JSON.stringify(r.id)} as streamed`)
    for (const r of expected) await expectRecord(handle, dataset, kind, r.id)
  }
}
