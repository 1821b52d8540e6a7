/**
 * Invalid records: a valid record with one reference pointed at a record that does not exist, or
 * with dates moved outside what the records it depends on allow (2010, before every generated unit
 * and council began; a response before its recommendation was raised, an evaluation before its
 * response). Each broken record still decodes; only cross-record validation rejects it (codes
 * `unknown-reference`, `outside-validity`, `before-raised`, `evaluation-without-response`,
 * `before-response` …).
 *
 * @since 0.1.0
 */
import { Activity, AdminUnit, CalendarDate, Council, CouncilDocument, Dataset, Programme, Recommendation, Resolution, Session, Tally } from "@hdnd/core"
import fc from "fast-check"
import type { AnyRecord } from "./Records.js"
import { entriesOf } from "./Records.js"

type EntityKind = Dataset.EntityKind
type Batch = Dataset.Batch

/**
 * One way to break a record, described for counterexamples.
 *
 * @since 0.1.0
 * @category models
 */
export interface Breaker {
  readonly how: string
  readonly apply: (record: any) => AnyRecord
}

/**
 * A record that was broken, and how.
 *
 * @since 0.1.0
 * @category models
 */
export interface Breakage {
  readonly kind: EntityKind
  readonly id: string
  readonly how: string
  readonly record: AnyRecord
}

const d = CalendarDate.date
const YEAR_2010 = { from: d("2010-01-01"), to: d("2010-12-31") }

/**
 * The ways each collection's records are broken.
 *
 * @since 0.1.0
 * @category data
 */
export const breakers: Readonly<Record<EntityKind, ReadonlyArray<Breaker>>> = {
  units: [
    { how: `parent → "u-missing"`, apply: (r) => new AdminUnit.AdminUnit({ ...r, parent: "u-missing" }) },
    { how: "validity → 2010", apply: (r) => new AdminUnit.AdminUnit({ ...r, validity: YEAR_2010 }) }
  ],
  lineage: [
    { how: `targets += "u-missing"`, apply: (r) => new AdminUnit.LineageEvent({ ...r, targets: [...r.targets, "u-missing"] }) },
    { how: "date → 2016-01-02", apply: (r) => new AdminUnit.LineageEvent({ ...r, date: d("2016-01-02") }) }
  ],
  councils: [
    { how: `unit → "u-missing"`, apply: (r) => new Council.Council({ ...r, unit: "u-missing" }) },
    { how: "validity → from 2010", apply: (r) => new Council.Council({ ...r, validity: { from: d("2010-01-01") } }) }
  ],
  terms: [
    { how: `council → "c-missing"`, apply: (r) => new Council.Term({ ...r, council: "c-missing" }) },
    { how: "validity → from 2010", apply: (r) => new Council.Term({ ...r, validity: { ...r.validity, from: d("2010-01-01") } }) }
  ],
  organs: [
    { how: `council → "c-missing"`, apply: (r) => new Council.Organ({ ...r, council: "c-missing" }) },
    { how: "validity → from 2010", apply: (r) => new Council.Organ({ ...r, validity: { ...r.validity, from: d("2010-01-01") } }) }
  ],
  sessions: [
    { how: `council → "c-missing"`, apply: (r) => new Session.Session({ ...r, council: "c-missing" }) },
    { how: "dates → 2010", apply: (r) => new Session.Session({ ...r, dates: { from: d("2010-05-01"), to: d("2010-05-02") } }) }
  ],
  meetings: [
    { how: `council → "c-missing"`, apply: (r) => new Session.StandingMeeting({ ...r, council: "c-missing" }) },
    { how: "date → 2010-05-01", apply: (r) => new Session.StandingMeeting({ ...r, date: d("2010-05-01") }) }
  ],
  activities: [
    { how: `council → "c-missing"`, apply: (r) => new Activity.Activity({ ...r, council: "c-missing" }) },
    { how: `owner → "o-missing"`, apply: (r) => new Activity.Activity({ ...r, owner: "o-missing" }) },
    { how: `session → "s-missing"`, apply: (r) => new Activity.Activity({ ...r, session: "s-missing" }) },
    { how: `participants → ["o-missing"]`, apply: (r) => new Activity.Activity({ ...r, participants: ["o-missing"] }) },
    { how: "participants → [first organiser]", apply: (r) => new Activity.Activity({ ...r, participants: [r.organisers[0]] }) },
    { how: "date → 2010-05-01..2010-05-03", apply: (r) => new Activity.Activity({ ...r, date: { from: d("2010-05-01"), to: d("2010-05-03") } }) }
  ],
  tallies: [
    { how: `council → "c-missing"`, apply: (r) => new Tally.Tally({ ...r, council: "c-missing" }) },
    { how: `indicator → "test/undeclared"`, apply: (r) => new Tally.Tally({ ...r, indicator: "test/undeclared" }) },
    { how: "period → 2010", apply: (r) => new Tally.Tally({ ...r, period: YEAR_2010 }) }
  ],
  recommendations: [
    { how: `council → "c-missing"`, apply: (r) => new Recommendation.Recommendation({ ...r, council: "c-missing" }) },
    { how: `raisedBy → "o-missing"`, apply: (r) => new Recommendation.Recommendation({ ...r, raisedBy: "o-missing" }) },
    { how: `session → "s-missing"`, apply: (r) => new Recommendation.Recommendation({ ...r, session: "s-missing" }) },
    { how: `activity → "a-missing"`, apply: (r) => new Recommendation.Recommendation({ ...r, activity: "a-missing" }) },
    {
      how: "forwardedOn → the day before raisedOn (before-raised)",
      apply: (r) => new Recommendation.Recommendation({ ...r, forwardedOn: CalendarDate.addDays(r.raisedOn, -1) })
    }
  ],
  responses: [
    { how: `recommendation → "r-missing"`, apply: (r) => new Recommendation.Response({ ...r, recommendation: "r-missing" }) },
    { how: "date → 2010-05-01 (before-raised)", apply: (r) => new Recommendation.Response({ ...r, date: d("2010-05-01") }) }
  ],
  evaluations: [
    { how: `response → "tl-missing" (evaluation-without-response)`, apply: (r) => new Recommendation.Evaluation({ ...r, response: "tl-missing" }) },
    { how: `recommendation → "r-missing"`, apply: (r) => new Recommendation.Evaluation({ ...r, recommendation: "r-missing" }) },
    { how: "date → 2010-05-01 (before-response)", apply: (r) => new Recommendation.Evaluation({ ...r, date: d("2010-05-01") }) }
  ],
  programmes: [
    { how: `council → "c-missing"`, apply: (r) => new Programme.Programme({ ...r, council: "c-missing" }) },
    { how: `organ → "o-missing"`, apply: (r) => new Programme.Programme({ ...r, organ: "o-missing" }) }
  ],
  programmeItems: [
    { how: `programme → "ct-missing"`, apply: (r) => new Programme.ProgrammeItem({ ...r, programme: "ct-missing" }) },
    { how: `activities += "a-missing"`, apply: (r) => new Programme.ProgrammeItem({ ...r, activities: [...(r.activities ?? []), "a-missing"] }) }
  ],
  resolutions: [
    { how: `council → "c-missing"`, apply: (r) => new Resolution.Resolution({ ...r, council: "c-missing" }) },
    { how: `session → "s-missing"`, apply: (r) => new Resolution.Resolution({ ...r, session: "s-missing" }) },
    { how: "adoptedOn → 2010-05-01", apply: (r) => new Resolution.Resolution({ ...r, adoptedOn: d("2010-05-01") }) }
  ],
  documents: [
    { how: `council → "c-missing"`, apply: (r) => new CouncilDocument.CouncilDocument({ ...r, council: "c-missing" }) },
    { how: `reviewers += "o-missing"`, apply: (r) => new CouncilDocument.CouncilDocument({ ...r, reviewers: [...(r.reviewers ?? []), "o-missing"] }) },
    { how: `resolution → "nq-missing"`, apply: (r) => new CouncilDocument.CouncilDocument({ ...r, resolution: "nq-missing" }) }
  ]
}

/**
 * Breaks one record of a collection with its `pick`-th breaker (modulo their number).
 *
 * @since 0.1.0
 * @category constructors
 */
export const breakRecord = (kind: EntityKind, record: AnyRecord, pick: number): Breakage => {
  const options = breakers[kind]
  const breaker = options[pick % options.length] as Breaker
  return { kind, id: record.id, how: breaker.how, record: breaker.apply(record) }
}

/**
 * Replaces a record of a batch (same collection, same id) by another.
 *
 * @since 0.1.0
 * @category combinators
 */
export const replace = (batch: Batch, kind: EntityKind, record: AnyRecord): Batch => ({
  ...batch,
  [kind]: ((batch[kind] ?? []) as ReadonlyArray<AnyRecord>).map((r) => (r.id === record.id ? record : r))
})

/**
 * A batch with one of its records broken (the batch must not be empty).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const brokenBatchArb = (batch: Batch): fc.Arbitrary<{ readonly batch: Batch; readonly broken: Breakage }> => {
  const entries = entriesOf(batch)
  return fc.tuple(fc.nat({ max: Math.max(0, entries.length - 1) }), fc.nat()).map(([i, pick]) => {
    const entry = entries[i]
    if (entry === undefined) throw new Error("brokenBatchArb: the batch has no record to break")
    const broken = breakRecord(entry.kind, entry.record, pick)
    return { batch: replace(batch, entry.kind, broken.record), broken }
  })
}

/**
 * A breakage as a line of a counterexample: `Activity "a3": council → "c-missing"`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const show = (b: Breakage): string => `${Dataset.entityNames[b.kind]} "${b.id}": ${b.how}`
