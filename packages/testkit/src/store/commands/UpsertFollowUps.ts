/**
 * Upserts new or changed follow-up records of the world: recommendations with their responses and
 * evaluations, work programmes with their items. The store must report exactly which records were
 * inserted, updated or unchanged, and give each back.
 *
 * Whatever the order of the commands, the records stay valid together: recommendations are raised in
 * 2022, responses dated in the first half of 2023, evaluations in the second half, and a response
 * or evaluation always belongs to the same recommendation (its id says which); programme `ctN` is for
 * the year 2022 + N, so no body has two programmes for one year.
 *
 * @since 0.1.0
 */
import { CalendarDate, Programme, Recommendation } from "@hdnd/core"
import type { Dataset } from "@hdnd/core"
import fc from "fast-check"
import * as Assert from "../Assert.js"
import type { World } from "../../Arbitraries.js"
import { GENERATED_KINDS } from "../../Arbitraries.js"
import { expectRecord } from "../Expectations.js"
import { entriesOf, expectedUpsert } from "../Records.js"
import type { StoreHandle } from "../StoreHandle.js"
import type { StoreCommand, StoreModel } from "../StoreModel.js"
import { accept } from "../StoreModel.js"

/**
 * Upserts a batch of follow-up records.
 *
 * @since 0.1.0
 * @category commands
 */
export class UpsertFollowUps implements StoreCommand {
  constructor(readonly batch: Dataset.Batch) {}

  check(): boolean {
    return true
  }

  async run(model: StoreModel, handle: StoreHandle): Promise<void> {
    const expected = expectedUpsert(model.dataset, this.batch)
    Assert.equal(await handle.run(handle.store.upsert(this.batch)), expected, String(this))
    accept(model, this.batch)
    for (const { kind, record } of entriesOf(this.batch)) await expectRecord(handle, model.dataset, kind, record.id)
  }

  toString(): string {
    const parts = entriesOf(this.batch).map(({ kind, record }) => `${kind}: ${record.id}`)
    return `UpsertFollowUps(${parts.join(", ")})`
  }
}

/**
 * Ids the model-based test gives recommendations (`r0` … `r5`); the response and the evaluation of
 * `rN` are `rN.tl-1` and `rN.dg-1`.
 *
 * @since 0.1.0
 * @category data
 */
export const recommendationIds: ReadonlyArray<string> = Array.from({ length: 6 }, (_, i) => `r${i}`)

/**
 * Ids the model-based test gives work programmes (`ct0` … `ct2`); the items of `ctN` are `ctN.1` and
 * `ctN.2`.
 *
 * @since 0.1.0
 * @category data
 */
export const programmeIds: ReadonlyArray<string> = Array.from({ length: 3 }, (_, i) => `ct${i}`)

/**
 * Every id {@link UpsertFollowUps} may give a record, with its collection.
 *
 * @since 0.1.0
 * @category data
 */
export const followUpIds: ReadonlyArray<readonly [Dataset.EntityKind, string]> = [
  ...recommendationIds.flatMap((id) => [["recommendations", id], ["responses", `${id}.tl-1`], ["evaluations", `${id}.dg-1`]] as const),
  ...programmeIds.flatMap((id) => [["programmes", id], ["programmeItems", `${id}.1`], ["programmeItems", `${id}.2`]] as const)
]

const day = (from: string, to: string): fc.Arbitrary<CalendarDate.CalendarDate> =>
  fc
    .integer({ min: CalendarDate.toDayNumber(CalendarDate.date(from)), max: CalendarDate.toDayNumber(CalendarDate.date(to)) })
    .map(CalendarDate.fromDayNumber)

const matterArb = (world: World, id: string) =>
  fc
    .record({
      council: fc.constantFrom(...world.councils),
      kind: fc.constantFrom<Recommendation.RecommendationKind>("recommendation", "proposal", "voter-petition"),
      organ: fc.nat(),
      otherCouncil: fc.boolean(),
      raisedOn: day("2022-01-01", "2022-12-31"),
      forwarded: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      content: fc.constantFrom("Đề nghị sửa chữa đường liên xã", "Kiến nghị hỗ trợ giống cây trồng", "Đề xuất tăng biên chế giáo viên"),
      response: fc.option(
        fc.record({
          date: day("2023-01-01", "2023-06-30"),
          evaluation: fc.option(
            fc.record({
              date: day("2023-07-01", "2023-12-31"),
              status: fc.constantFrom<Recommendation.EvaluationStatus>("resolved", "being-resolved", "explained", "not-resolved")
            }),
            { nil: undefined }
          )
        }),
        { nil: undefined }
      )
    })
    .map((m) => {
      const organs = m.otherCouncil ? [...world.organsByCouncil.values()].flat() : (world.organsByCouncil.get(m.council.id) ?? [])
      const raisedBy = m.kind === "voter-petition" ? undefined : organs[m.organ % organs.length]
      const recommendation = new Recommendation.Recommendation({
        id: id as never,
        council: m.council.id,
        kind: m.kind,
        ...(raisedBy === undefined ? {} : { raisedBy: raisedBy.id }),
        raisedOn: m.raisedOn,
        content: m.content,
        field: "Giao thông",
        level: "province",
        addressee: { kind: "people-committee", name: "Ủy ban nhân dân tỉnh" },
        ...(m.forwarded === undefined ? {} : { forwardedOn: CalendarDate.addDays(m.raisedOn, m.forwarded) })
      })
      const response =
        m.response === undefined
          ? undefined
          : new Recommendation.Response({ id: `${id}.tl-1` as never, recommendation: recommendation.id, date: m.response.date, responder: "Sở Giao thông vận tải", content: "Đã đưa vào kế hoạch" })
      const e = m.response?.evaluation
      const evaluation =
        e === undefined || response === undefined
          ? undefined
          : new Recommendation.Evaluation({ id: `${id}.dg-1` as never, recommendation: recommendation.id, response: response.id, date: e.date, status: e.status })
      return { recommendation, response, evaluation }
    })

const programmeArb = (world: World, id: string, n: number) =>
  fc
    .record({
      council: fc.constantFrom(...world.councils),
      organ: fc.nat(),
      items: fc.array(
        fc.record({ kind: fc.constantFrom(...GENERATED_KINDS), month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }) }),
        { maxLength: 2 }
      )
    })
    .map((p) => {
      const organs = world.organsByCouncil.get(p.council.id) ?? []
      const organ = organs[p.organ % organs.length]!
      const year = 2022 + n
      const programme = new Programme.Programme({ id: id as never, council: p.council.id, organ: organ.id, year, title: `Chương trình công tác năm ${year}` })
      const items = p.items.map(
        (it, k) =>
          new Programme.ProgrammeItem({
            id: `${id}.${k + 1}` as never,
            programme: programme.id,
            kind: it.kind as never,
            topic: `Nội dung ${k + 1} của chương trình ${year}`,
            ...(it.month === undefined ? {} : { month: it.month })
          })
      )
      return { programme, items }
    })

/**
 * An {@link UpsertFollowUps} of up to 3 recommendations (each with or without a response and an
 * evaluation) and up to 2 programmes (each with up to 2 items), with ids from
 * {@link recommendationIds} and {@link programmeIds}.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const arbitrary = (world: World): fc.Arbitrary<StoreCommand> =>
  fc
    .tuple(fc.uniqueArray(fc.constantFrom(...recommendationIds), { maxLength: 3 }), fc.uniqueArray(fc.nat({ max: programmeIds.length - 1 }), { maxLength: 2 }))
    .chain(([matters, programmes]) =>
      fc.tuple(
        matters.length === 0 ? fc.constant([]) : fc.tuple(...matters.map((id) => matterArb(world, id))),
        programmes.length === 0 ? fc.constant([]) : fc.tuple(...programmes.map((n) => programmeArb(world, programmeIds[n]!, n)))
      )
    )
    .filter(([matters, programmes]) => matters.length + programmes.length > 0)
    .map(
      ([matters, programmes]) =>
        new UpsertFollowUps({
          recommendations: matters.map((m) => m.recommendation),
          responses: matters.flatMap((m) => (m.response === undefined ? [] : [m.response])),
          evaluations: matters.flatMap((m) => (m.evaluation === undefined ? [] : [m.evaluation])),
          programmes: programmes.map((p) => p.programme),
          programmeItems: programmes.flatMap((p) => p.items)
        })
    )
