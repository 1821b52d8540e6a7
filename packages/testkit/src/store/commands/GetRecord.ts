/**
 * Gets a record by id: the model's version when the model has one, `NotFoundError` otherwise.
 *
 * @since 0.1.0
 */
import { Dataset } from "@hdnd/core"
import fc from "fast-check"
import type { World } from "../../Arbitraries.js"
import type { StoreHandle } from "../StoreHandle.js"
import type { StoreCommand, StoreModel } from "../StoreModel.js"
import { expectRecord } from "../Expectations.js"
import { activityIds, tallyIds } from "./UpsertBatch.js"
import { followUpIds } from "./UpsertFollowUps.js"

/**
 * Gets one record.
 *
 * @since 0.1.0
 * @category commands
 */
export class GetRecord implements StoreCommand {
  constructor(readonly kind: Dataset.EntityKind, readonly id: string) {}

  check(): boolean {
    return true
  }

  async run(model: StoreModel, handle: StoreHandle): Promise<void> {
    await expectRecord(handle, model.dataset, this.kind, this.id)
  }

  toString(): string {
    return `GetRecord(${this.kind}, ${JSON.stringify(this.id)})`
  }
}

/**
 * A {@link GetRecord} of an id the world or the commands use (in its own collection or another
 * one), or of an id nothing uses.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitrary = (world: World): fc.Arbitrary<StoreCommand> => {
  const structure = Dataset.entityKinds.flatMap((k) => ((world.structure[k] ?? []) as ReadonlyArray<{ readonly id: string }>).map((r) => r.id))
  const ids = [...activityIds, ...tallyIds, ...structure, ...followUpIds.map(([, id]) => id), "missing", "A0"]
  return fc
    .tuple(fc.constantFrom(...Dataset.entityKinds), fc.constantFrom(...ids), fc.boolean())
    .map(([kind, id, own]) => new GetRecord(own ? kindOf(world, id) ?? kind : kind, id))
}

const kindOf = (world: World, id: string): Dataset.EntityKind | undefined => {
  if (activityIds.includes(id)) return "activities"
  if (tallyIds.includes(id)) return "tallies"
  const followUp = followUpIds.find(([, x]) => x === id)
  if (followUp !== undefined) return followUp[0]
  return Dataset.entityKinds.find((k) => ((world.structure[k] ?? []) as ReadonlyArray<{ readonly id: string }>).some((r) => r.id === id))
}
