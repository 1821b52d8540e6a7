/**
 * Streams a collection of follow-up records (recommendations, responses, evaluations, programmes,
 * programme items) with a filter: exactly the model's records that pass it (the reference semantics
 * of `StreamFilters.matches`), each with the model's content.
 *
 * @since 0.1.0
 */
import type { Dataset, Store } from "@hdnd/core"
import fc from "fast-check"
import * as Assert from "../Assert.js"
import type { World } from "../../Arbitraries.js"
import { encode, sortedIds } from "../Records.js"
import type { StoreHandle } from "../StoreHandle.js"
import type { StoreCommand, StoreModel } from "../StoreModel.js"
import { select, show, streamFilterArb } from "../StreamFilters.js"

/**
 * The collections {@link StreamRecords} streams.
 *
 * @since 0.1.0
 * @category data
 */
export const FOLLOW_UP_KINDS: ReadonlyArray<Dataset.EntityKind> = ["recommendations", "responses", "evaluations", "programmes", "programmeItems"]

/**
 * Streams one collection.
 *
 * @since 0.1.0
 * @category commands
 */
export class StreamRecords implements StoreCommand {
  constructor(readonly kind: Dataset.EntityKind, readonly filter: Store.StreamFilter) {}

  check(): boolean {
    return true
  }

  async run(model: StoreModel, handle: StoreHandle): Promise<void> {
    const expected = select(model.dataset, this.kind, this.filter)
    const actual = await handle.collect(handle.store.stream(this.kind, this.filter))
    Assert.equal(sortedIds(actual), sortedIds(expected), String(this))
    const byId = new Map(expected.map((r) => [r.id, encode(this.kind, r)]))
    for (const r of actual) Assert.equal(encode(this.kind, r), byId.get(r.id), `${String(this)}: content of ${r.id}`)
  }

  toString(): string {
    return `StreamRecords(${this.kind}, ${show(this.filter)})`
  }
}

/**
 * A {@link StreamRecords} of a follow-up collection with a generated filter.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitrary = (world: World): fc.Arbitrary<StoreCommand> =>
  fc.tuple(fc.constantFrom(...FOLLOW_UP_KINDS), streamFilterArb(world)).map(([kind, f]) => new StreamRecords(kind, f))
