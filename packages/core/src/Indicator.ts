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
import { DocumentType } from "./CouncilDocument.js"
import { ActivityKindId, CommitteeKindId, IndicatorId } from "./Ids.js"
import { FieldCode } from "./Resolution.js"
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
 * - `documentTypes`: the type of a document (source `documents`).
 * - `fields`: the field (lĩnh vực) of a resolution or document.
 *
 * For the other sources: `sessionTypes` / `specialLabels` apply to the session held, to the session
 * that adopted a resolution or that a document is submitted to; `resolutionKinds` to a resolution's
 * kind; `committeeKinds` / `organiserKinds` to a document's reviewers (at least one of them); `levels`
 * to the council's unit. Conditions that do not apply to a source (`kinds` on resolutions) match
 * nothing.
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
  documentTypes: list(DocumentType),
  fields: list(FieldCode)
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

/** What an indicator counts: activities (the default), sessions held, resolutions adopted, documents, or recommendations. @since 0.2.0 @category models */
export const Source = Schema.Literals(["activities", "sessions", "resolutions", "documents", "recommendations"]).annotate({ identifier: "Source" })
/** @since 0.2.0 @category models */
export type Source = typeof Source.Type

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
  source: Schema.optional(Source),
  /** This indicator is an "of which" (trong đó) part of another; its filter must refine the parent's. */
  partOf: Schema.optional(IndicatorId),
  description: Schema.optional(Text)
}) {}
