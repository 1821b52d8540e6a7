/**
 * Counts every collection; the store must hold as many records of each as the model.
 *
 * @since 0.1.0
 */
import fc from "fast-check"
import type { StoreHandle } from "../StoreHandle.js"
import type { StoreCommand, StoreModel } from "../StoreModel.js"
import { expectCounts } from "../Expectations.js"

/**
 * Counts every collection.
 *
 * @since 0.1.0
 * @category commands
 */
export class CountAll implements StoreCommand {
  check(): boolean {
    return true
  }

  async run(model: StoreModel, handle: StoreHandle): Promise<void> {
    await expectCounts(handle, model.dataset)
  }

  toString(): string {
    return "CountAll"
  }
}

/**
 * A {@link CountAll}.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitrary: fc.Arbitrary<StoreCommand> = fc.constant(null).map(() => new CountAll())
