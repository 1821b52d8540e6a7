/**
 * Exact round-trips: tricky texts and ids (`TrickyText`) are stored and read back identical, by
 * `get` and by `stream` (in every collection, follow-up records included), re-sending them finds
 * them unchanged, and ids are exact and per collection.
 *
 * @since 0.1.0
 */
import { Activity, Dataset, Programme, Recommendation } from "@hdnd/core"
import * as Assert from "./Assert.js"
import { expectHolds, expectRecord } from "./Expectations.js"
import type { MakeLayer } from "./StoreProperties.js"
import { withStore } from "./StoreHandle.js"
import { trickyBatch, trickyIds, trickyTexts } from "./TrickyText.js"

/**
 * Stores the tricky batch, reads every text back, re-sends it, then moves every title to the next
 * activity and reads them back again.
 *
 * @since 0.1.0
 * @category checks
 */
export const texts = (layer: MakeLayer): Promise<void> =>
  withStore(layer(), async (h) => {
    const batch = trickyBatch()
    const n = Dataset.batchSize(batch)
    Assert.equal(await h.run(h.store.upsert(batch)), { inserted: n, updated: 0, unchanged: 0 }, "upsert of the texts")
    for (const [i, { name, text }] of trickyTexts.entries()) {
      const a = await h.run(h.store.get("activities", `rt-${i}`))
      Assert.equal(a.title, text, `title: ${name}`)
      Assert.equal(a.source, text, `source: ${name}`)
    }
    const text = (i: number) => (trickyTexts[i % trickyTexts.length] as { readonly text: string }).text
    const r = await h.run(h.store.get("recommendations", "rt-0"))
    Assert.equal([r.content, r.field, r.addressee.name, r.source, r.note], [text(11), text(12), text(13), text(14), text(15)], "the texts of a recommendation")
    const x = await h.run(h.store.get("responses", "rt-0"))
    Assert.equal([x.responder, x.content], [text(16), text(17)], "the texts of a response")
    Assert.equal((await h.run(h.store.get("evaluations", "rt-0"))).note, text(18), "the note of an evaluation")
    Assert.equal((await h.run(h.store.get("programmes", "rt-0"))).title, text(19), "the title of a programme")
    const item = await h.run(h.store.get("programmeItems", "rt-0.1"))
    Assert.equal([item.topic, item.note], [text(20), text(21)], "the texts of a programme item")
    await expectHolds(h, Dataset.fromBatch(batch))
    Assert.equal(await h.run(h.store.upsert(batch)), { inserted: 0, updated: 0, unchanged: n }, "the same texts again")
    const moved = trickyTexts.map((_, i) => {
      const a = (batch.activities ?? []).find((x) => x.id === `rt-${i}`) as Activity.Activity
      return new Activity.Activity({ ...a, title: (trickyTexts[(i + 1) % trickyTexts.length] as { readonly text: string }).text })
    })
    Assert.equal(await h.run(h.store.upsert({ activities: moved })), { inserted: 0, updated: moved.length, unchanged: 0 }, "titles moved")
    await expectHolds(h, Dataset.apply(Dataset.fromBatch(batch), { activities: moved }))
    // The follow-up records' texts move too: a recommendation's content and a programme's title.
    const rec = (batch.recommendations ?? [])[0] as Recommendation.Recommendation
    const programme = (batch.programmes ?? [])[0] as Programme.Programme
    const follow = {
      recommendations: [new Recommendation.Recommendation({ ...rec, content: text(3), addressee: { ...rec.addressee, name: text(4) } })],
      programmes: [new Programme.Programme({ ...programme, title: text(5) })]
    }
    Assert.equal(await h.run(h.store.upsert(follow)), { inserted: 0, updated: 2, unchanged: 0 }, "follow-up texts moved")
    await expectHolds(h, Dataset.apply(Dataset.apply(Dataset.fromBatch(batch), { activities: moved }), follow))
  })

/**
 * Ids that differ only in case name different records, ids with punctuation and of 200 characters
 * are kept as given, and one id may name records of several collections.
 *
 * @since 0.1.0
 * @category checks
 */
export const ids = (layer: MakeLayer): Promise<void> =>
  withStore(layer(), async (h) => {
    const batch = trickyBatch()
    const ds = Dataset.fromBatch(batch)
    await h.run(h.store.upsert(batch))
    for (const id of trickyIds) {
      const a = await h.run(h.store.get("activities", id))
      Assert.equal(a.id, id, `id of get(activities, ${JSON.stringify(id)})`)
      Assert.equal(a.title, `Hoạt động ${id}`, `title of get(activities, ${JSON.stringify(id)})`)
    }
    for (const id of ["cASE-1", "case-1 ", "A.B_C:D/E-F", "rt-0/"]) await expectRecord(h, ds, "activities", id)
    Assert.equal((await h.run(h.store.get("tallies", "rt-0"))).value, 7, "the tally with the id of an activity")
    Assert.equal((await h.run(h.store.get("activities", "rt-0"))).title, trickyTexts[0]?.text, "the activity with the id of a tally")
    await expectRecord(h, ds, "councils", "rt-0")
    for (const kind of ["recommendations", "responses", "evaluations", "programmes"] as const) await expectRecord(h, ds, kind, "rt-0")
    for (const kind of ["programmeItems", "meetings"] as const) await expectRecord(h, ds, kind, "rt-0")
  })
