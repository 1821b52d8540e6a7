/**
 * Sends the last accepted batch again; the store must find every record unchanged.
 *
 * @since 0.1.0
 */
import { Dataset } from "@hdnd/core"
import fc from "fast-check"
import * as Assert from "../Assert.js"
import type { StoreHandle } from "../StoreHandle.js"
import type { StoreCommand, StoreModel } from "../StoreModel.js"
import { expectCounts } from "../Expectations.js"
import { accept } from "../StoreModel.js"

/**
 * Re-sends the last batch the store accepted.
 *
 * @since 0.1.0
 * @category commands
 */
export class ReupsertSame implements StoreCommand {
  check(): boolean {
    return true
  }

  async run(model: StoreModel, handle: StoreHandle): Promise<void> {
    const batch = model.last
    const result = await handle.run(handle.store.upsert(batch))
    Assert.equal(result, { inserted: 0, updated: 0, unchanged: Dataset.batchSize(batch) }, String(this))
    accept(model, batch)
    await expectCounts(handle, model.dataset)
  }

  toString(): string {
    return "ReupsertSame"
  }
}

/**
 * A {@link ReupsertSame}.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitrary: fc.Arbitrary<StoreCommand> = fc.constant(null).map(() => new ReupsertSame())
