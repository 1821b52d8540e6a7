/**
 * Tabulates a generated request; the store must agree with the reference engine over the model's
 * dataset (the pushdown law, after any sequence of writes).
 *
 * @since 0.1.0
 */
import type { TabulationRequest } from "@hdnd/core"
import type fc from "fast-check"
import type { World } from "../../Arbitraries.js"
import { check } from "../Pushdown.js"
import { show, storeRequestArb } from "../Requests.js"
import type { StoreHandle } from "../StoreHandle.js"
import type { StoreCommand, StoreModel } from "../StoreModel.js"

/**
 * Compares one tabulation with the reference.
 *
 * @since 0.1.0
 * @category commands
 */
export class TabulateCompare implements StoreCommand {
  constructor(readonly request: TabulationRequest.TabulationRequest) {}

  check(): boolean {
    return true
  }

  async run(model: StoreModel, handle: StoreHandle): Promise<void> {
    await check(handle, model.dataset, this.request)
  }

  toString(): string {
    return `TabulateCompare(${show(this.request)})`
  }
}

/**
 * A {@link TabulateCompare} of a generated request.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitrary = (world: World): fc.Arbitrary<StoreCommand> => storeRequestArb(world).map((r) => new TabulateCompare(r))
