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
import { Direction, RecommendationKind } from "./Recommendation.js"
import { DocumentType } from "./CouncilDocument.js"
import { ActivityKindId, CommitteeKindId, IndicatorId, OrganId } from "./Ids.js"
import { FieldCode } from "./Resolution.js"
import { SessionType, SpecialLabel } from "./Session.js"
import { NonEmptyText, normalizeText, Text } from "./Text.js"

const list = <S extends Schema.Constraint>(s: S) => Schema.optional(Schema.NonEmptyArray(s))

/**
 * What an indicator of `source: "recommendations"` counts: matters (merged duplicates once) raised
 * within the period, as they stand at its end — `raised` (all of them), `answered` (with a
 * response), `resolved` (evaluated as resolved) or `overdue` (past the deadline, unanswered) —
 * optionally only those of some directions (`from-voters`, `forwarded`, `to-agencies`) or kinds.
 *
 * @since 0.2.0
 * @category models
 */
export const RecommendationCount = Schema.Struct({
  figure: Schema.Literals(["raised", "answered", "resolved", "overdue"]),
  directions: Schema.optional(Schema.NonEmptyArray(Direction)),
  kinds: Schema.optional(Schema.NonEmptyArray(RecommendationKind))
}).annotate({ identifier: "RecommendationCount" })
/** @since 0.2.0 @category models */
export type RecommendationCount = typeof RecommendationCount.Type

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
  /** @since 0.2.0 */
  ledBy: list(OrganId),
  /** @since 0.2.0 */
  tookPart: list(OrganId),
  /** @since 0.2.0 */
  involved: list(OrganId),
  /** @since 0.2.0 */
  participantKinds: list(OrganKind),
  /** @since 0.2.0 */
  participantCommitteeKinds: list(CommitteeKindId),
  /** @since 0.2.0 */
  documentTypes: list(DocumentType),
  /** @since 0.2.0 */
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
 * - `sum` (since 0.2.0): the sum of a numeric attribute (`attribute`, a key of the activities'
 *   `attributes`) over the matching activities, plus tallies: voters met at voter meetings,
 *   recommendations made by supervision missions. Only JSON numbers are added; an activity whose
 *   attribute is missing (or `null`) is not a record of the indicator; any other value adds nothing.
 * - `distinct` (since 0.2.0): the number of distinct values of an attribute over the matching
 *   activities, plus tallies: places visited by supervision missions and surveys. The attribute is
 *   a string or number, or an array of them; strings are compared after NFC normalisation and
 *   trimming (so "Xã A" typed in NFD and " Xã A " are one place), numbers by their decimal text, and
 *   empty strings are ignored. Distinct counts are not additive: a total is counted from the values
 *   of its parts, never by adding their counts.
 *
 * @since 0.1.0
 * @category models
 */
export const Measure = Schema.Literals(["count", "distinct-sessions", "tally", "sum", "distinct"]).annotate({ identifier: "Measure" })
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
  /**
   * The attribute a `sum` or `distinct` indicator measures: a key of the activities' `attributes`
   * ("voters", "places"). Required for those measures and not allowed for the others (see
   * {@link attributeProblem}). Since 0.2.0.
   */
  attribute: Schema.optional(NonEmptyText),
  /** This indicator is an "of which" (trong đó) part of another; its filter must refine the parent's. */
  partOf: Schema.optional(IndicatorId),
  /** With `source: "recommendations"`: which figure of the matters it counts (default: raised). @since 0.2.0 */
  recommendation: Schema.optional(RecommendationCount),
  description: Schema.optional(Text)
}) {}

/**
 * The measures that read an activity attribute (`sum`, `distinct`).
 *
 * @since 0.2.0
 * @category models
 */
export const attributeMeasures: ReadonlySet<Measure> = new Set<Measure>(["sum", "distinct"])

/** Attribute names are plain keys: they are written into SQL JSON paths. */
const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/

/**
 * What is wrong with an indicator's `attribute`, in Vietnamese and English, or `undefined` when it
 * is right: a `sum` or `distinct` indicator must name an attribute (a plain key: letters, digits,
 * `_` and `-`, starting with a letter or `_`), and the other measures must not name one.
 *
 * @since 0.2.0
 * @category validation
 */
export const attributeProblem = (
  indicator: Pick<Indicator, "id" | "measure" | "attribute">
): { readonly vi: string; readonly en: string } | undefined => {
  const { id, measure, attribute } = indicator
  if (attributeMeasures.has(measure)) {
    if (attribute === undefined) {
      return {
        vi: `chỉ tiêu ${id} có cách đo "${measure}" nên phải nêu thuộc tính được đo (attribute), ví dụ "voters" hoặc "places"`,
        en: `indicator ${id} measures "${measure}", so it must name the attribute it measures (attribute), for example "voters" or "places"`
      }
    }
    if (!ATTRIBUTE_NAME.test(attribute)) {
      return {
        vi: `thuộc tính "${attribute}" của chỉ tiêu ${id} phải là một khoá đơn giản (chữ cái, chữ số, "_" hoặc "-", bắt đầu bằng chữ cái hoặc "_")`,
        en: `the attribute "${attribute}" of indicator ${id} must be a plain key (letters, digits, "_" or "-", starting with a letter or "_")`
      }
    }
    return undefined
  }
  if (attribute !== undefined) {
    return {
      vi: `chỉ tiêu ${id} có cách đo "${measure}" nên không dùng thuộc tính (attribute "${attribute}"); bỏ trường attribute hoặc đổi cách đo thành "sum" hay "distinct"`,
      en: `indicator ${id} measures "${measure}", which reads no attribute (attribute "${attribute}"); remove the attribute or change the measure to "sum" or "distinct"`
    }
  }
  return undefined
}

const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v)

/**
 * Whether an activity's attribute value makes it a record of a `sum` or `distinct` indicator: the
 * attribute is there and not `null` (nor a non-finite number, which JSON stores as `null`). A SQL
 * store applies the same test to the stored JSON.
 *
 * @since 0.2.0
 * @category measuring
 */
export const isMeasured = (value: unknown): boolean => value !== undefined && value !== null && !(typeof value === "number" && !Number.isFinite(value))

/**
 * What an attribute value adds to a `sum`: the number itself, or 0 for anything that is not a
 * finite JSON number (a text, a list, `true`). Kinds declare numeric attributes in their schema, so
 * such values are rejected when a record is written.
 *
 * @since 0.2.0
 * @category measuring
 */
export const sumOf = (value: unknown): number => (isFiniteNumber(value) ? value : 0)

/**
 * The key a single value of a `distinct` attribute is compared by: a string NFC-normalised and
 * trimmed ("Xã A" in NFD and " Xã A " give "Xã A"), a finite number as its decimal text (`5` and
 * `"5"` are one value); `undefined` for an empty string and for anything else (`true`, `null`, an
 * object, a nested list), which is not counted.
 *
 * @since 0.2.0
 * @category measuring
 */
export const distinctKey = (value: unknown): string | undefined => {
  if (typeof value === "string") {
    const k = normalizeText(value)
    return k === "" ? undefined : k
  }
  return isFiniteNumber(value) ? String(value) : undefined
}

/**
 * The keys an attribute value gives a `distinct` count: one for a string or number, one per string
 * or number element for a list (see {@link distinctKey}), none for anything else (an object).
 *
 * @since 0.2.0
 * @category measuring
 */
export const distinctKeys = (value: unknown): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (const v of Array.isArray(value) ? value : [value]) {
    const k = distinctKey(v)
    if (k !== undefined) out.push(k)
  }
  return out
}
