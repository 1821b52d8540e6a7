/**
 * Streams activities with a filter: exactly the model's activities that pass it (the reference
 * semantics of `StreamFilters.matches`), each with the model's content.
 *
 * @since 0.1.0
 */
import type { Store } from "@hdnd/core"
import type fc from "fast-check"
import * as Assert from "../Assert.js"
import type { World } from "../../Arbitraries.js"
import { encode, sortedIds } from "../Records.js"
import type { StoreHandle } from "../StoreHandle.js"
import type { StoreCommand, StoreModel } from "../StoreModel.js"
import { select, show, streamFilterArb } from "../StreamFilters.js"

/**
 * Streams activities.
 *
 * @since 0.1.0
 * @category commands
 */
export class StreamActivities implements StoreCommand {
  constructor(readonly filter: Store.StreamFilter) {}

  check(): boolean {
    return true
  }

  async run(model: StoreModel, handle: StoreHandle): Promise<void> {
    const expected = select(model.dataset, "activities", this.filter)
    const actual = await handle.collect(handle.store.stream("activities", this.filter))
    Assert.equal(sortedIds(actual), sortedIds(expected), String(this))
    const byId = new Map(expected.map((r) => [r.id, encode("activities", r)]))
    for (const r of actual) Assert.equal(encode("activities", r), byId.get(r.id), `${String(this)}: content of ${r.id}`)
  }

  toString(): string {
    return `StreamActivities(${show(this.filter)})`
  }
}

/**
 * A {@link StreamActivities} with a generated filter.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitrary = (world: World): fc.Arbitrary<StoreCommand> => streamFilterArb(world).map((f) => new StreamActivities(f))
