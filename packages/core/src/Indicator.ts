/**
 * Indicators are declared data, not code: a namespaced id, labels, the counting noun, a filter over
 * activities and a measure. Because a filter is data, a SQL store can compile it to SQL.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { AdvisoryOrigin, ResolutionKind, ReviewSubject, SupervisionMode, Venue } from "./ActivityKind.js"
import { Level } from "./AdminUnit.js"
import { OrganKind } from "./Council.js"
import { ActivityKindId, CommitteeKindId, IndicatorId, OrganId } from "./Ids.js"
import { SessionType, SpecialLabel } from "./Session.js"
import { NonEmptyText, Text } from "./Text.js"

const list = <S extends Schema.Constraint>(s: S) => Schema.optional(Schema.NonEmptyArray(s))

/**
 * A conjunction of conditions on an activity; each present field must match (any of its values).
 *
 * - `ownerKinds`: the kind of organ on whose behalf the activity was done.
 * - `organiserKinds` / `committeeKinds`: at least one organiser is of that organ kind / committee kind.
 * - `levels`: the level of the council's unit.
 * - `sessionTypes` / `specialLabels`: of the session served (activities with no session fail them).
 * - `ledBy`: one of these organs is an organiser (chủ trì); `tookPart`: one of them is a participant
 *   (tham gia, without leading); `involved`: either.
 * - `participantKinds` / `participantCommitteeKinds`: at least one participant is of that organ kind /
 *   committee kind (the participant counterparts of `organiserKinds` / `committeeKinds`).
 *
 * @since 0.1.0
 * @category models
 */
export const Clause = Schema.Struct({
  kinds: list(ActivityKindId),
  subjects: list(ReviewSubject),
  resolutionKinds: list(ResolutionKind),
  modes: list(SupervisionMode),
  origins: list(AdvisoryOrigin),
  venues: list(Venue),
  ownerKinds: list(OrganKind),
  organiserKinds: list(OrganKind),
  committeeKinds: list(CommitteeKindId),
  levels: list(Level),
  sessionTypes: list(SessionType),
  specialLabels: list(SpecialLabel),
  /** @since 0.2.0 */
  ledBy: list(OrganId),
  /** @since 0.2.0 */
  tookPart: list(OrganId),
  /** @since 0.2.0 */
  involved: list(OrganId),
  /** @since 0.2.0 */
  participantKinds: list(OrganKind),
  /** @since 0.2.0 */
  participantCommitteeKinds: list(CommitteeKindId)
}).annotate({ identifier: "Clause" })
/** @since 0.1.0 @category models */
export type Clause = typeof Clause.Type

/**
 * A filter: the top-level clause must match and, if `anyOf` is given, at least one of its clauses.
 * Buckets over several kinds ("khảo sát, giám sát chuyên đề") are written with `anyOf`.
 *
 * @since 0.1.0
 * @category models
 */
export const Filter = Clause.pipe(
  Schema.fieldsAssign({ anyOf: Schema.optional(Schema.NonEmptyArray(Clause)) })
).annotate({ identifier: "Filter" })
/** @since 0.1.0 @category models */
export type Filter = typeof Filter.Type

/**
 * What an indicator measures.
 *
 * - `count`: the number of matching activities, plus tallies reported for the indicator.
 * - `distinct-sessions`: the number of distinct sessions the matching activities served, plus tallies.
 * - `tally`: only the numbers bodies reported for the indicator.
 *
 * @since 0.1.0
 * @category models
 */
export const Measure = Schema.Literals(["count", "distinct-sessions", "tally"]).annotate({ identifier: "Measure" })
/** @since 0.1.0 @category models */
export type Measure = typeof Measure.Type

/**
 * A declared indicator.
 *
 * @since 0.1.0
 * @category models
 */
export class Indicator extends Schema.Class<Indicator>("Indicator")({
  id: IndicatorId,
  vi: NonEmptyText,
  en: NonEmptyText,
  /** The counting noun in reports: "dự thảo nghị quyết", "cuộc", "nội dung", "kỳ họp". */
  nounVi: NonEmptyText,
  nounEn: NonEmptyText,
  filter: Filter,
  measure: Measure,
  /** This indicator is an "of which" (trong đó) part of another; its filter must refine the parent's. */
  partOf: Schema.optional(IndicatorId),
  description: Schema.optional(Text)
}) {}
