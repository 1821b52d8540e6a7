/**
 * Upserts new or changed activities and tallies of the world; the store must report exactly which
 * records were inserted, updated or unchanged.
 *
 * @since 0.1.0
 */
import type { Activity, Dataset, Tally } from "@hdnd/core"
import fc from "fast-check"
import * as Assert from "../Assert.js"
import type { World } from "../../Arbitraries.js"
import { activityArb, tallyArb } from "../../Arbitraries.js"
import { expectedUpsert } from "../Records.js"
import type { StoreHandle } from "../StoreHandle.js"
import type { StoreCommand, StoreModel } from "../StoreModel.js"
import { accept } from "../StoreModel.js"

/**
 * Upserts a batch of activities and tallies.
 *
 * @since 0.1.0
 * @category commands
 */
export class UpsertBatch implements StoreCommand {
  constructor(readonly activities: ReadonlyArray<Activity.Activity>, readonly tallies: ReadonlyArray<Tally.Tally>) {}

  get batch(): Dataset.Batch {
    return { activities: this.activities, tallies: this.tallies }
  }

  check(): boolean {
    return true
  }

  async run(model: StoreModel, handle: StoreHandle): Promise<void> {
    const expected = expectedUpsert(model.dataset, this.batch)
    Assert.equal(await handle.run(handle.store.upsert(this.batch)), expected, String(this))
    accept(model, this.batch)
  }

  toString(): string {
    return `UpsertBatch(activities: [${this.activities.map((a) => a.id).join(", ")}], tallies: [${this.tallies.map((t) => t.id).join(", ")}])`
  }
}

/**
 * Ids the model-based test gives activities (`a0` … `a19`): few enough that later batches update
 * earlier records.
 *
 * @since 0.1.0
 * @category data
 */
export const activityIds: ReadonlyArray<string> = Array.from({ length: 20 }, (_, i) => `a${i}`)

/**
 * Ids the model-based test gives tallies (`t0` … `t7`).
 *
 * @since 0.1.0
 * @category data
 */
export const tallyIds: ReadonlyArray<string> = Array.from({ length: 8 }, (_, i) => `t${i}`)

const listOf = <A>(arbs: ReadonlyArray<fc.Arbitrary<A>>): fc.Arbitrary<ReadonlyArray<A>> =>
  arbs.length === 0 ? fc.constant([]) : fc.tuple(...arbs)

/**
 * Up to `max` activities with distinct ids from {@link activityIds}.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const activitiesArb = (world: World, min: number, max: number): fc.Arbitrary<ReadonlyArray<Activity.Activity>> =>
  fc.uniqueArray(fc.constantFrom(...activityIds), { minLength: min, maxLength: max }).chain((ids) => listOf(ids.map((id) => activityArb(world, id))))

/**
 * Up to `max` tallies with distinct ids from {@link tallyIds}.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const talliesArb = (world: World, max: number): fc.Arbitrary<ReadonlyArray<Tally.Tally>> =>
  fc.uniqueArray(fc.constantFrom(...tallyIds), { maxLength: max }).chain((ids) => listOf(ids.map((id) => tallyArb(world, id))))

/**
 * An {@link UpsertBatch} of up to 8 activities and 2 tallies.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitrary = (world: World): fc.Arbitrary<StoreCommand> =>
  fc.tuple(activitiesArb(world, 0, 8), talliesArb(world, 2)).map(([activities, tallies]) => new UpsertBatch(activities, tallies))
