/**
 * Sends valid activities and tallies with one invalid record among them; the store must fail with
 * `ValidationError` and keep exactly what it held: same counts, and every record of the batch as
 * before (or still absent).
 *
 * @since 0.1.0
 */
import type { Activity, Dataset, Tally } from "@hdnd/core"
import fc from "fast-check"
import * as Assert from "../Assert.js"
import type { World } from "../../Arbitraries.js"
import type { Breakage } from "../Invalid.js"
import { breakRecord, replace, show } from "../Invalid.js"
import { entriesOf } from "../Records.js"
import type { StoreHandle } from "../StoreHandle.js"
import type { StoreCommand, StoreModel } from "../StoreModel.js"
import { expectCounts, expectRecord } from "../Expectations.js"
import { activitiesArb, talliesArb } from "./UpsertBatch.js"

/**
 * A batch with one broken record.
 *
 * @since 0.1.0
 * @category commands
 */
export class FailingBatch implements StoreCommand {
  readonly batch: Dataset.Batch
  readonly broken: Breakage

  constructor(activities: ReadonlyArray<Activity.Activity>, tallies: ReadonlyArray<Tally.Tally>, pick: number, how: number) {
    const valid: Dataset.Batch = { activities, tallies }
    const entries = entriesOf(valid)
    const target = entries[pick % entries.length]
    if (target === undefined) throw new Error("FailingBatch needs at least one record")
    this.broken = breakRecord(target.kind, target.record, how)
    this.batch = replace(valid, target.kind, this.broken.record)
  }

  check(): boolean {
    return true
  }

  async run(model: StoreModel, handle: StoreHandle): Promise<void> {
    const result = await handle.attempt(handle.store.upsert(this.batch))
    Assert.failsWith(result, "ValidationError", String(this))
    await expectCounts(handle, model.dataset)
    for (const { kind, record } of entriesOf(this.batch)) await expectRecord(handle, model.dataset, kind, record.id)
  }

  toString(): string {
    const ids = (xs: ReadonlyArray<{ readonly id: string }> | undefined) => (xs ?? []).map((x) => x.id).join(", ")
    return `FailingBatch(activities: [${ids(this.batch.activities)}], tallies: [${ids(this.batch.tallies)}]; broken ${show(this.broken)})`
  }
}

/**
 * A {@link FailingBatch} of 1–6 activities and up to 2 tallies, one of them broken.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitrary = (world: World): fc.Arbitrary<StoreCommand> =>
  fc
    .tuple(activitiesArb(world, 1, 6), talliesArb(world, 2), fc.nat(), fc.nat())
    .map(([activities, tallies, pick, how]) => new FailingBatch(activities, tallies, pick, how))
