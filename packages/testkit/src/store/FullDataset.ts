/**
 * A generated dataset with a record of every entity collection: the world and its activities and
 * tallies from `Arbitraries.datasetArb`, plus standing-committee meetings, a lineage event, sessions
 * within a term, the optional fields of activities and tallies (meeting, document reference,
 * source, kind-specific attributes, notes), and follow-up records from `Arbitraries.followUpsArb`
 * (recommendations, responses, evaluations, work programmes and their items, referring to the
 * world's councils, organs, sessions and activities). It passes validation.
 *
 * @since 0.1.0
 */
import { Activity, AdminUnit, CalendarDate, Session, Tally } from "@hdnd/core"
import type { Dataset } from "@hdnd/core"
import fc from "fast-check"
import type { DatasetOptions, FollowUpOptions, GeneratedDataset, World } from "../Arbitraries.js"
import { datasetArb, followUpsArb, placesArb } from "../Arbitraries.js"

/**
 * A generated world and one batch holding records of every collection.
 *
 * @since 0.1.0
 * @category models
 */
export interface FullDataset {
  readonly world: World
  readonly batch: Dataset.Batch
}

const TERM_FROM = CalendarDate.toDayNumber(CalendarDate.date("2021-06-01"))
const TERM_TO = CalendarDate.toDayNumber(CalendarDate.date("2025-06-30"))

const DOCUMENT_REFS = ["85/BC-HĐND", "05/2025/NQ-HĐND", "06/QC-TT.HĐND-UBND", "12/TTr-UBND"] as const
const SOURCES = ["Báo cáo số 85/BC-HĐND", "Kế hoạch giám sát năm 2023", "Biên bản họp Thường trực"] as const

const meetingsArb = (world: World): fc.Arbitrary<ReadonlyArray<Session.StandingMeeting>> =>
  fc
    .tuple(...world.councils.map((c) => fc.array(fc.integer({ min: TERM_FROM, max: TERM_TO }), { maxLength: 2 }).map((days) => ({ c, days }))))
    .map((perCouncil) =>
      perCouncil.flatMap(({ c, days }) =>
        days.map(
          (day, k) =>
            new Session.StandingMeeting({
              id: `${c.id}.ph-${k + 1}` as never,
              council: c.id,
              term: `${c.id}.khoa` as never,
              ordinal: k + 1,
              date: CalendarDate.fromDayNumber(day),
              ...(k === 0 ? { label: `Phiên họp thứ ${k + 1}` } : {})
            })
        )
      )
    )

const ATTRIBUTES: Readonly<Record<string, fc.Arbitrary<Record<string, unknown>>>> = {
  supervision: fc.record({ delegation: fc.boolean(), recommendations: fc.nat({ max: 40 }), places: placesArb }, { requiredKeys: [] }),
  survey: fc.record({ places: placesArb }, { requiredKeys: [] }),
  interpellation: fc.record({ questions: fc.nat({ max: 30 }), delegates: fc.nat({ max: 30 }) }, { requiredKeys: [] }),
  voterMeeting: fc.record({ voters: fc.nat({ max: 900 }), opinions: fc.nat({ max: 90 }), places: placesArb }, { requiredKeys: [] }),
  citizenReception: fc.record({ citizens: fc.nat({ max: 50 }) }, { requiredKeys: [] })
}

const enrichActivity = (a: Activity.Activity, meetings: ReadonlyArray<Session.StandingMeeting>): fc.Arbitrary<Activity.Activity> =>
  fc
    .record({
      meeting: fc.option(fc.nat(), { nil: undefined }),
      documentRef: fc.option(fc.constantFrom(...DOCUMENT_REFS), { nil: undefined }),
      source: fc.option(fc.constantFrom(...SOURCES), { nil: undefined }),
      attributes: fc.option(ATTRIBUTES[a.kind] ?? fc.constant(undefined), { nil: undefined })
    })
    .map(({ meeting, documentRef, source, attributes }) => {
      const own = meetings.filter((m) => m.council === a.council)
      const m = meeting === undefined || own.length === 0 ? undefined : own[meeting % own.length]
      return new Activity.Activity({
        ...a,
        ...(m === undefined ? {} : { meeting: m.id }),
        ...(documentRef === undefined ? {} : { documentRef }),
        ...(source === undefined ? {} : { source }),
        ...(attributes === undefined ? {} : { attributes })
      })
    })

const enrichTally = (t: Tally.Tally): fc.Arbitrary<Tally.Tally> =>
  fc
    .record({ source: fc.option(fc.constantFrom(...SOURCES), { nil: undefined }), note: fc.option(fc.constant("Số liệu do Văn phòng tổng hợp"), { nil: undefined }) })
    .map(({ source, note }) => new Tally.Tally({ ...t, ...(source === undefined ? {} : { source }), ...(note === undefined ? {} : { note }) }))

const withTerm = (s: Session.Session, term: boolean): Session.Session =>
  term ? new Session.Session({ ...s, term: `${s.council}.khoa` as never }) : s

/**
 * The lineage event that establishes every unit of a world on the day the units begin.
 *
 * @since 0.1.0
 * @category constructors
 */
export const establishment = (world: World): AdminUnit.LineageEvent => {
  const units = world.structure.units ?? []
  return new AdminUnit.LineageEvent({
    id: "l-establish" as never,
    kind: "establish",
    date: units[0]?.validity.from ?? CalendarDate.date("2016-01-01"),
    sources: [],
    targets: units.map((u) => u.id),
    legalBasis: "Nghị quyết của Ủy ban Thường vụ Quốc hội"
  })
}

/**
 * Adds meetings, a lineage event, session terms, optional fields and follow-up records to a
 * generated dataset.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const completeArb = (g: GeneratedDataset, followUps: FollowUpOptions = {}): fc.Arbitrary<FullDataset> =>
  meetingsArb(g.world).chain((meetings) =>
    fc
      .record({
        activities: g.activities.length === 0 ? fc.constant([]) : fc.tuple(...g.activities.map((a) => enrichActivity(a, meetings))),
        tallies: g.tallies.length === 0 ? fc.constant([]) : fc.tuple(...g.tallies.map(enrichTally)),
        sessionTerms: fc.array(fc.boolean(), { minLength: g.world.structure.sessions?.length ?? 0, maxLength: g.world.structure.sessions?.length ?? 0 }),
        followUps: followUpsArb(g.world, g.activities, followUps)
      })
      .map(({ activities, tallies, sessionTerms, followUps }) => ({
        world: g.world,
        batch: {
          ...g.world.structure,
          sessions: (g.world.structure.sessions ?? []).map((s, i) => withTerm(s, sessionTerms[i] ?? false)),
          lineage: [establishment(g.world)],
          meetings,
          activities,
          tallies,
          ...followUps
        }
      }))
  )

/**
 * A world with records of every collection (defaults: up to 30 activities and 6 tallies).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const fullDatasetArb = (options: DatasetOptions = {}): fc.Arbitrary<FullDataset> =>
  datasetArb({ maxActivities: 30, maxTallies: 6, ...options }).chain(completeArb)

/**
 * Like {@link fullDatasetArb}, but three times in four with at least `min` activities (fast-check
 * favours small sizes; tabulation needs records to count).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const busyDatasetArb = (min: number, options: DatasetOptions = {}): fc.Arbitrary<FullDataset> =>
  fc.oneof(
    { weight: 3, arbitrary: fullDatasetArb(options).filter((f) => (f.batch.activities?.length ?? 0) >= min) },
    { weight: 1, arbitrary: fullDatasetArb(options) }
  )
