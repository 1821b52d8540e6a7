/**
 * Changes the title and/or the dates of an activity the store holds; the store must report one
 * update (or nothing changed, when the new content equals the old) and give back the new content.
 *
 * @since 0.1.0
 */
import { Activity, CalendarDate } from "@hdnd/core"
import fc from "fast-check"
import * as Assert from "../Assert.js"
import { dayArb } from "../../Arbitraries.js"
import { expectedUpsert } from "../Records.js"
import type { StoreHandle } from "../StoreHandle.js"
import type { StoreCommand, StoreModel } from "../StoreModel.js"
import { expectRecord } from "../Expectations.js"
import { accept } from "../StoreModel.js"
import { trickyTexts } from "../TrickyText.js"
import { activityIds } from "./UpsertBatch.js"

/**
 * Updates one activity.
 *
 * @since 0.1.0
 * @category commands
 */
export class UpdateActivity implements StoreCommand {
  constructor(
    readonly id: string,
    readonly title: string | undefined,
    readonly date: { readonly from: CalendarDate.CalendarDate; readonly days: number } | undefined
  ) {}

  check(model: Readonly<StoreModel>): boolean {
    return model.dataset.activities.has(this.id as never)
  }

  async run(model: StoreModel, handle: StoreHandle): Promise<void> {
    const prev = model.dataset.activities.get(this.id as never) as Activity.Activity
    const next = new Activity.Activity({
      ...prev,
      ...(this.title === undefined ? {} : { title: this.title }),
      ...(this.date === undefined ? {} : { date: { from: this.date.from, to: CalendarDate.addDays(this.date.from, this.date.days) } })
    })
    const batch = { activities: [next] }
    Assert.equal(await handle.run(handle.store.upsert(batch)), expectedUpsert(model.dataset, batch), String(this))
    accept(model, batch)
    await expectRecord(handle, model.dataset, "activities", this.id)
  }

  toString(): string {
    const changes = [
      ...(this.title === undefined ? [] : [`title → ${JSON.stringify(this.title)}`]),
      ...(this.date === undefined ? [] : [`date → ${this.date.from} + ${this.date.days} days`])
    ]
    return `UpdateActivity(${this.id}: ${changes.length === 0 ? "no change" : changes.join(", ")})`
  }
}

const TITLES = ["Giám sát chuyên đề (đã sửa)", ...trickyTexts.filter((t) => t.text.length <= 120).map((t) => t.text)]

/**
 * An {@link UpdateActivity} of one of the ids `UpsertBatch` uses; the dates stay within the world's
 * organ validity.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitrary: fc.Arbitrary<StoreCommand> = fc
  .record({
    id: fc.constantFrom(...activityIds),
    title: fc.option(fc.constantFrom(...TITLES), { nil: undefined }),
    date: fc.option(fc.record({ from: dayArb, days: fc.integer({ min: 0, max: 5 }) }), { nil: undefined })
  })
  .map(({ id, title, date }) => new UpdateActivity(id, title, date))
