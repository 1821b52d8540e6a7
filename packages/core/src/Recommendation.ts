/**
 * Recommendations and petitions (kiến nghị, đề xuất; ý kiến, kiến nghị của cử tri), the responses to
 * them and the evaluation of each response (HDND-DOMAIN.md §3: "kiến nghị sau giám sát", "ý kiến, kiến
 * nghị của cử tri").
 *
 * A {@link Recommendation} is raised by an organ (a district committee at a conference, a supervision
 * delegation after its mission: the activity it came from is linked) or collected from voters at a
 * voter meeting. It is addressed to an agency competent at some level, forwarded on a date, with a
 * deadline. A {@link Response} answers it (document, date, responder, content); an {@link Evaluation}
 * of a response says how far the matter was settled. The status on any date follows from the records
 * dated up to that date (`RecommendationStatus`). Petitions about the same matter received at several
 * meetings are merged by pointing each duplicate at one of them (`mergedInto`); every source is kept.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { CalendarDate } from "./CalendarDate.js"
import { DocumentRef } from "./DocumentRef.js"
import { ActivityId, CouncilId, EvaluationId, OrganId, RecommendationId, ResponseId, SessionId } from "./Ids.js"
import { NonEmptyText, Text } from "./Text.js"

/**
 * What was raised: a recommendation (kiến nghị) or proposal (đề xuất) of a body, or a voters'
 * petition (ý kiến, kiến nghị của cử tri).
 *
 * @since 0.1.0
 * @category models
 */
export const RecommendationKind = Schema.Literals(["recommendation", "proposal", "voter-petition"]).annotate({ identifier: "RecommendationKind" })
/** @since 0.1.0 @category models */
export type RecommendationKind = typeof RecommendationKind.Type

/**
 * The level competent to act on it: central (the National Assembly, the Government, ministries),
 * provincial, district (until 30 June 2025) or commune.
 *
 * @since 0.1.0
 * @category models
 */
export const CompetentLevel = Schema.Literals(["central", "province", "district", "commune"]).annotate({ identifier: "CompetentLevel" })
/** @since 0.1.0 @category models */
export type CompetentLevel = typeof CompetentLevel.Type

/**
 * The kind of agency a recommendation is addressed to: the People's Committee (UBND), a department or
 * sector (sở, ngành), a committee of the council (Ban), the standing committee (Thường trực HĐND), the
 * National Assembly delegation (Đoàn ĐBQH), or another agency.
 *
 * @since 0.1.0
 * @category models
 */
export const AddresseeKind = Schema.Literals(["people-committee", "department", "committee", "standing", "na-delegation", "other"]).annotate({
  identifier: "AddresseeKind"
})
/** @since 0.1.0 @category models */
export type AddresseeKind = typeof AddresseeKind.Type

/**
 * The agency a recommendation is addressed to: its kind, its name as written ("Sở Tài chính"), and
 * the organ when it is one of a council's own (a committee, the standing committee).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Addressee = Schema.Struct({
  kind: AddresseeKind,
  name: NonEmptyText,
  organ: Schema.optional(OrganId)
}).annotate({ identifier: "Addressee" })
/** @since 0.1.0 @category models */
export type Addressee = typeof Addressee.Type

/**
 * A recommendation, proposal or voters' petition, as raised. `council` is the council whose records
 * hold it (the council of the raising organ, or of the voter meeting). `raisedBy` is absent for a
 * voters' petition. `session` is the session it was raised for (or carried to). `mergedInto` points a
 * duplicate petition at the record of the same matter that stands for it.
 *
 * @since 0.1.0
 * @category models
 */
export class Recommendation extends Schema.Class<Recommendation>("Recommendation")({
  id: RecommendationId,
  council: CouncilId,
  kind: RecommendationKind,
  raisedBy: Schema.optional(OrganId),
  /** The activity it came from: a supervision mission, a survey, a voter meeting, a conference. */
  activity: Schema.optional(ActivityId),
  session: Schema.optional(SessionId),
  raisedOn: CalendarDate,
  content: NonEmptyText,
  /** The field (lĩnh vực): "Tài chính – Ngân sách", "Đất đai", "Y tế" … as the council names it. */
  field: NonEmptyText,
  level: CompetentLevel,
  addressee: Addressee,
  forwardedOn: Schema.optional(CalendarDate),
  deadline: Schema.optional(CalendarDate),
  mergedInto: Schema.optional(RecommendationId),
  /** Where it was received, in words ("TXCT tại xã Chiềng Cơi"), kept when petitions are merged. */
  source: Schema.optional(Text),
  note: Schema.optional(Text)
}) {}

/**
 * Which way a recommendation went, for the wording of reports:
 *
 * - `from-voters`: a voters' petition the council received ("đã tiếp nhận … kiến nghị của cử tri");
 * - `forwarded`: a voters' petition the council forwarded to the competent agency ("đã chuyển …");
 * - `to-agencies`: a recommendation or proposal the council's own organ raised to an agency
 *   ("đã kiến nghị … nội dung đến các cơ quan");
 * - `received`: a recommendation or proposal addressed to the council's own organ, from a lower
 *   council or another body ("đã tiếp nhận … kiến nghị, đề xuất").
 *
 * @since 0.2.0
 * @category models
 */
export const Direction = Schema.Literals(["from-voters", "forwarded", "to-agencies", "received"]).annotate({ identifier: "Direction" })
/** @since 0.2.0 @category models */
export type Direction = typeof Direction.Type

/**
 * The direction of a recommendation as of a date (default: whenever): a voters' petition is
 * `forwarded` once its `forwardedOn` is on or before that date, else `from-voters`; a
 * recommendation or proposal raised by another council's organ (a lower council's committee, when
 * `councilOf` knows it) or addressed to a council's own organ (a committee, the standing committee)
 * is `received` (since 0.2.0): "kiến nghị, đề xuất của HĐND cấp huyện" in the province's books; any other recommendation or proposal is `to-agencies` (raised by the
 * council's organs to the people's committee, departments …).
 *
 * @since 0.2.0
 * @category queries
 */
export const directionOf = (
  r: Pick<Recommendation, "kind" | "forwardedOn" | "addressee" | "council" | "raisedBy">,
  asOf?: CalendarDate,
  /** The council of an organ, when known: a proposal raised by another council's organ is `received`. */
  councilOf?: (organ: OrganId) => string | undefined
): Direction => {
  if (r.kind === "voter-petition") {
    return r.forwardedOn !== undefined && (asOf === undefined || r.forwardedOn <= asOf) ? "forwarded" : "from-voters"
  }
  const raisedIn = r.raisedBy === undefined || councilOf === undefined ? undefined : councilOf(r.raisedBy)
  if (raisedIn !== undefined && raisedIn !== r.council) return "received"
  return r.addressee.kind === "committee" || r.addressee.kind === "standing" ? "received" : "to-agencies"
}

/**
 * A response to a recommendation: the answering document, its date, who answered and what they said.
 *
 * @since 0.1.0
 * @category models
 */
export class Response extends Schema.Class<Response>("Response")({
  id: ResponseId,
  recommendation: RecommendationId,
  date: CalendarDate,
  responder: NonEmptyText,
  document: Schema.optional(DocumentRef),
  content: NonEmptyText
}) {}

/**
 * How far a response settled the matter: resolved (đã giải quyết xong), being resolved (đang giải
 * quyết), explained (đã giải trình, cung cấp thông tin), not yet resolved (chưa giải quyết).
 *
 * @since 0.1.0
 * @category models
 */
export const EvaluationStatus = Schema.Literals(["resolved", "being-resolved", "explained", "not-resolved"]).annotate({ identifier: "EvaluationStatus" })
/** @since 0.1.0 @category models */
export type EvaluationStatus = typeof EvaluationStatus.Type

/**
 * An evaluation of a response, by the body that follows the matter up (a committee, the standing
 * committee) on a date.
 *
 * @since 0.1.0
 * @category models
 */
export class Evaluation extends Schema.Class<Evaluation>("Evaluation")({
  id: EvaluationId,
  recommendation: RecommendationId,
  response: ResponseId,
  date: CalendarDate,
  status: EvaluationStatus,
  by: Schema.optional(OrganId),
  note: Schema.optional(Text)
}) {}

/**
 * Vietnamese and English labels of the kinds, levels, addressee kinds and statuses, for reports and
 * interchange files.
 *
 * @since 0.1.0
 * @category data
 */
export const labels = {
  kind: {
    recommendation: ["kiến nghị", "recommendation"],
    proposal: ["đề xuất", "proposal"],
    "voter-petition": ["ý kiến, kiến nghị của cử tri", "voters' petition"]
  },
  level: {
    central: ["Trung ương", "central"],
    province: ["cấp tỉnh", "provincial"],
    district: ["cấp huyện", "district"],
    commune: ["cấp xã", "commune"]
  },
  addressee: {
    "people-committee": ["Ủy ban nhân dân", "People's Committee"],
    department: ["sở, ngành", "department"],
    committee: ["Ban của HĐND", "council committee"],
    standing: ["Thường trực HĐND", "standing committee"],
    "na-delegation": ["Đoàn đại biểu Quốc hội", "National Assembly delegation"],
    other: ["cơ quan khác", "other agency"]
  },
  status: {
    raised: ["mới tiếp nhận", "raised"],
    forwarded: ["đã chuyển", "forwarded"],
    answered: ["đã trả lời", "answered"],
    resolved: ["đã giải quyết", "resolved"],
    "being-resolved": ["đang giải quyết", "being resolved"],
    explained: ["đã giải trình, cung cấp thông tin", "explained"],
    "not-resolved": ["chưa giải quyết", "not yet resolved"]
  }
} as const satisfies Record<string, Record<string, readonly [string, string]>>
