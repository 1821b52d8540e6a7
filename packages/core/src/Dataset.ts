/**
 * A dataset: every recorded entity, indexed by id, plus the secondary indexes that validation and
 * tabulation need. `Batch` is what one upsert writes. A dataset is immutable; applying a batch
 * returns a new one that shares unchanged maps.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Activity } from "./Activity.js"
import { AdminUnit, LineageEvent } from "./AdminUnit.js"
import { Council, Organ, Term } from "./Council.js"
import type {
  ActivityId,
  CouncilId,
  EvaluationId,
  LineageEventId,
  MeetingId,
  OrganId,
  ProgrammeId,
  ProgrammeItemId,
  RecommendationId,
  ResolutionId,
  DocumentId,
  ResponseId,
  SessionId,
  TallyId,
  TermId,
  UnitId
} from "./Ids.js"
import { CouncilDocument } from "./CouncilDocument.js"
import { Programme, ProgrammeItem } from "./Programme.js"
import { Evaluation, Recommendation, Response } from "./Recommendation.js"
import { Session, StandingMeeting } from "./Session.js"
import { Tally } from "./Tally.js"
import { Resolution } from "./Resolution.js"

/**
 * The entity collections, in dependency order (a later collection may refer to earlier ones).
 *
 * @since 0.1.0
 * @category models
 */
export const entityKinds = [
  "units",
  "lineage",
  "councils",
  "terms",
  "organs",
  "sessions",
  "meetings",
  "activities",
  "tallies",
  "recommendations",
  "responses",
  "evaluations",
  "programmes",
  "programmeItems",
  "resolutions",
  "documents"
] as const
/** @since 0.1.0 @category models */
export type EntityKind = (typeof entityKinds)[number]

/**
 * The class of each entity collection's records.
 *
 * @since 0.1.0
 * @category models
 */
export const entitySchemas = {
  units: AdminUnit,
  lineage: LineageEvent,
  councils: Council,
  terms: Term,
  organs: Organ,
  sessions: Session,
  meetings: StandingMeeting,
  activities: Activity,
  tallies: Tally,
  recommendations: Recommendation,
  responses: Response,
  evaluations: Evaluation,
  programmes: Programme,
  programmeItems: ProgrammeItem,
  resolutions: Resolution,
  documents: CouncilDocument
} as const

/**
 * Singular English names of entities, used in error messages.
 *
 * @since 0.1.0
 * @category models
 */
export const entityNames: Readonly<Record<EntityKind, string>> = {
  units: "AdminUnit",
  lineage: "LineageEvent",
  councils: "Council",
  terms: "Term",
  organs: "Organ",
  sessions: "Session",
  meetings: "StandingMeeting",
  activities: "Activity",
  tallies: "Tally",
  recommendations: "Recommendation",
  responses: "Response",
  evaluations: "Evaluation",
  programmes: "Programme",
  programmeItems: "ProgrammeItem",
  resolutions: "Resolution",
  documents: "CouncilDocument"
}

/**
 * A batch of records written together, all or nothing.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Batch = Schema.Struct({
  units: Schema.optional(Schema.Array(AdminUnit)),
  lineage: Schema.optional(Schema.Array(LineageEvent)),
  councils: Schema.optional(Schema.Array(Council)),
  terms: Schema.optional(Schema.Array(Term)),
  organs: Schema.optional(Schema.Array(Organ)),
  sessions: Schema.optional(Schema.Array(Session)),
  meetings: Schema.optional(Schema.Array(StandingMeeting)),
  activities: Schema.optional(Schema.Array(Activity)),
  tallies: Schema.optional(Schema.Array(Tally)),
  recommendations: Schema.optional(Schema.Array(Recommendation)),
  responses: Schema.optional(Schema.Array(Response)),
  evaluations: Schema.optional(Schema.Array(Evaluation)),
  programmes: Schema.optional(Schema.Array(Programme)),
  programmeItems: Schema.optional(Schema.Array(ProgrammeItem)),
  resolutions: Schema.optional(Schema.Array(Resolution)),
  documents: Schema.optional(Schema.Array(CouncilDocument))
}).annotate({ identifier: "Batch" })
/** @since 0.1.0 @category models */
export type Batch = typeof Batch.Type

/**
 * Every recorded entity by id, with indexes by council.
 *
 * @since 0.1.0
 * @category models
 */
export interface Dataset {
  readonly units: ReadonlyMap<UnitId, AdminUnit>
  readonly lineage: ReadonlyMap<LineageEventId, LineageEvent>
  readonly councils: ReadonlyMap<CouncilId, Council>
  readonly terms: ReadonlyMap<TermId, Term>
  readonly organs: ReadonlyMap<OrganId, Organ>
  readonly sessions: ReadonlyMap<SessionId, Session>
  readonly meetings: ReadonlyMap<MeetingId, StandingMeeting>
  readonly activities: ReadonlyMap<ActivityId, Activity>
  readonly tallies: ReadonlyMap<TallyId, Tally>
  /** Recommendations, proposals and voters' petitions (kiến nghị, đề xuất). */
  readonly recommendations: ReadonlyMap<RecommendationId, Recommendation>
  /** Responses to recommendations. */
  readonly responses: ReadonlyMap<ResponseId, Response>
  /** Evaluations of responses (resolved, explained …). */
  readonly evaluations: ReadonlyMap<EvaluationId, Evaluation>
  /** Work programmes (chương trình công tác) of a body for a year. */
  readonly programmes: ReadonlyMap<ProgrammeId, Programme>
  /** The planned items of work programmes. */
  readonly programmeItems: ReadonlyMap<ProgrammeItemId, ProgrammeItem>
  /** Resolutions adopted (nghị quyết). */
  readonly resolutions: ReadonlyMap<ResolutionId, Resolution>
  /** Documents submitted and reviewed (tờ trình, báo cáo, đề án, dự thảo nghị quyết). */
  readonly documents: ReadonlyMap<DocumentId, CouncilDocument>
  /** Activities of each council, for scope-restricted scans. */
  readonly activitiesByCouncil: ReadonlyMap<CouncilId, ReadonlyMap<ActivityId, Activity>>
}

/**
 * A new dataset with empty, mutable maps (for stores that fill one in place).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeEmpty = (): { -readonly [K in keyof Dataset]: Map<any, any> } => ({
  units: new Map(),
  lineage: new Map(),
  councils: new Map(),
  terms: new Map(),
  organs: new Map(),
  sessions: new Map(),
  meetings: new Map(),
  activities: new Map(),
  tallies: new Map(),
  recommendations: new Map(),
  responses: new Map(),
  evaluations: new Map(),
  programmes: new Map(),
  programmeItems: new Map(),
  resolutions: new Map(),
  documents: new Map(),
  activitiesByCouncil: new Map()
})

/**
 * The empty dataset.
 *
 * @since 0.1.0
 * @category constructors
 */
export const empty: Dataset = makeEmpty()

/**
 * The records of a batch, last occurrence of an id winning (validation rejects two occurrences of
 * one id with different content before this is used).
 *
 * @since 0.1.0
 * @category combinators
 */
export const apply = (ds: Dataset, batch: Batch): Dataset => {
  const next: Record<string, unknown> = { ...ds }
  for (const kind of entityKinds) {
    const records = batch[kind]
    if (records === undefined || records.length === 0) continue
    const m = new Map(ds[kind] as ReadonlyMap<string, { readonly id: string }>)
    for (const r of records) m.set(r.id, r)
    next[kind] = m
  }
  const acts = batch.activities
  if (acts !== undefined && acts.length > 0) {
    const byCouncil = new Map(ds.activitiesByCouncil)
    const copied = new Set<CouncilId>()
    const bucket = (c: CouncilId): Map<ActivityId, Activity> => {
      if (!copied.has(c)) {
        byCouncil.set(c, new Map(byCouncil.get(c) ?? []))
        copied.add(c)
      }
      return byCouncil.get(c) as Map<ActivityId, Activity>
    }
    for (const a of acts) {
      const previous = ds.activities.get(a.id)
      if (previous !== undefined && previous.council !== a.council) bucket(previous.council).delete(a.id)
      bucket(a.council).set(a.id, a)
    }
    next.activitiesByCouncil = byCouncil
  }
  return next as unknown as Dataset
}

/**
 * Builds a dataset from one batch (validation is the caller's job; see `Validation.validateBatch`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromBatch = (batch: Batch): Dataset => apply(empty, batch)

/**
 * The number of records in a batch.
 *
 * @since 0.1.0
 * @category queries
 */
export const batchSize = (batch: Batch): number =>
  entityKinds.reduce((n, k) => n + (batch[k]?.length ?? 0), 0)
