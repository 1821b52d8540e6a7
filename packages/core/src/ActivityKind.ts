/**
 * Activity kinds (HDND-DOMAIN.md §3.2): what a body did, with labels, counting nouns, which
 * classifying fields apply (`subject`, `mode`, `origin`, `venue`) and a schema for kind-specific
 * attributes. Plugins add kinds of their own.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { ActivityKindId } from "./Ids.js"
import { NonEmptyText } from "./Text.js"

/**
 * What a review (thẩm tra) examined.
 *
 * @since 0.1.0
 * @category models
 */
export const ReviewSubject = Schema.Literals(["draft-resolution", "report", "submission", "scheme", "other"]).annotate({
  identifier: "ReviewSubject"
})
/** @since 0.1.0 @category models */
export type ReviewSubject = typeof ReviewSubject.Type

/**
 * Individual (cá biệt) or legal normative (quy phạm pháp luật) resolution.
 *
 * @since 0.1.0
 * @category models
 */
export const ResolutionKind = Schema.Literals(["individual", "normative"]).annotate({ identifier: "ResolutionKind" })
/** @since 0.1.0 @category models */
export type ResolutionKind = typeof ResolutionKind.Type

/**
 * Mode of a supervision: thematic (chuyên đề), periodic (định kỳ) or ongoing (thường xuyên).
 *
 * @since 0.1.0
 * @category models
 */
export const SupervisionMode = Schema.Literals(["thematic", "periodic", "ongoing"]).annotate({ identifier: "SupervisionMode" })
/** @since 0.1.0 @category models */
export type SupervisionMode = typeof SupervisionMode.Type

/**
 * Origin of an advisory matter: arising between sessions, or assigned by the standing committee.
 *
 * @since 0.1.0
 * @category models
 */
export const AdvisoryOrigin = Schema.Literals(["inter-session", "assigned-by-standing", "other"]).annotate({
  identifier: "AdvisoryOrigin"
})
/** @since 0.1.0 @category models */
export type AdvisoryOrigin = typeof AdvisoryOrigin.Type

/**
 * Where an interpellation or hearing took place.
 *
 * @since 0.1.0
 * @category models
 */
export const Venue = Schema.Literals(["session", "standing-meeting", "committee-meeting"]).annotate({ identifier: "Venue" })
/** @since 0.1.0 @category models */
export type Venue = typeof Venue.Type

/**
 * Classifying fields an activity may carry; a kind says which apply and which are required.
 *
 * @since 0.1.0
 * @category models
 */
export type ClassifyingField = "subject" | "mode" | "origin" | "venue" | "resolutionKind"

/**
 * The description of an activity kind.
 *
 * @since 0.1.0
 * @category models
 */
export interface ActivityKindSpec {
  readonly id: ActivityKindId
  readonly vi: string
  readonly en: string
  /** The noun reports count it with: "cuộc", "nội dung", "lượt" … */
  readonly nounVi: string
  readonly nounEn: string
  readonly fields: Partial<Record<ClassifyingField, "required" | "optional">>
  /** Schema of the kind-specific `attributes` (a JSON object); absent means none are allowed. */
  readonly attributes?: Schema.Codec<any, any>
}

/**
 * A count carried by one activity (voters met, opinions heard): a whole number from 0 to one
 * billion, above any real meeting, so that a sum over millions of activities stays an exact integer
 * (JavaScript numbers are exact only up to 2^53; a property test found a sum past it that differed
 * by the order of addition).
 */
const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(1_000_000_000))

/**
 * The `places` attribute of supervision missions, surveys and voter meetings: the place visited
 * ("Xã Chiềng Cơi") or the places visited (`["Xã A", "Xã B"]`), by name or by unit id. The
 * `core/places-visited` indicators count distinct places; names are compared after NFC
 * normalisation and trimming, so use one spelling (or unit ids) for one place.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Places = (() => {
  // A name is trimmed on input; the pattern says so, so that generators (the testkit's) make only names that survive it.
  const Place = NonEmptyText.check(
    Schema.isPattern(/^\S(?:[\s\S]*\S)?$/u, { message: "tên địa bàn không được để trống / a place name must not be blank" })
  )
  return Schema.Union([Place, Schema.NonEmptyArray(Place)]).annotate({ identifier: "Places" })
})()

const spec = (
  id: string,
  vi: string,
  en: string,
  nounVi: string,
  nounEn: string,
  fields: ActivityKindSpec["fields"] = {},
  attributes?: Schema.Codec<any, any>
): ActivityKindSpec => ({ id: id as ActivityKindId, vi, en, nounVi, nounEn, fields, ...(attributes ? { attributes } : {}) })

/**
 * The built-in activity kinds. Since 0.2.0, supervision missions, surveys and voter meetings may carry
 * the places they visited ({@link Places}), measured by the `core/places-visited` and
 * `core/voter-meeting.places` indicators.
 *
 * @since 0.1.0
 * @category data
 */
export const builtinActivityKinds: ReadonlyArray<ActivityKindSpec> = [
  spec("review", "thẩm tra", "review", "nội dung", "items", { subject: "required", resolutionKind: "optional" }),
  spec("supervision", "giám sát", "supervision", "cuộc", "missions", { mode: "required" },
    Schema.Struct({ delegation: Schema.optional(Schema.Boolean), recommendations: Schema.optional(Count), places: Schema.optional(Places) })),
  spec("survey", "khảo sát", "survey", "cuộc", "surveys", {}, Schema.Struct({ places: Schema.optional(Places) })),
  spec("advisory", "tham mưu, đề xuất", "advisory", "nội dung", "matters", { origin: "required" }),
  spec("interpellation", "chất vấn", "interpellation", "phiên", "sittings", { venue: "optional" },
    Schema.Struct({ questions: Schema.optional(Count), delegates: Schema.optional(Count) })),
  spec("interpellationAnswerReview", "xem xét việc trả lời chất vấn", "consideration of interpellation answers", "lượt", "times", { venue: "optional" }),
  spec("explanationHearing", "giải trình", "explanation hearing", "phiên", "hearings", { venue: "optional" }),
  spec("voterMeeting", "tiếp xúc cử tri", "voter meeting", "cuộc", "meetings", {},
    Schema.Struct({ voters: Schema.optional(Count), opinions: Schema.optional(Count), places: Schema.optional(Places) })),
  spec("citizenReception", "tiếp công dân", "citizen reception", "buổi", "sessions", {},
    Schema.Struct({ citizens: Schema.optional(Count) })),
  spec("citizenLetter", "tiếp nhận đơn, thư", "citizen letters", "đơn thư", "letters", {},
    Schema.Struct({
      letters: Schema.optional(Count),
      letterType: Schema.optional(Schema.Literals(["complaint", "denunciation", "petition", "feedback"]))
    })),
  spec("legalDocumentSupervision", "giám sát văn bản quy phạm pháp luật", "legal-document supervision", "văn bản", "documents", {},
    Schema.Struct({ documents: Schema.optional(Count) })),
  spec("complaintHandlingSupervision", "giám sát việc giải quyết khiếu nại, tố cáo", "supervision of complaint handling", "cuộc", "missions"),
  spec("voterPetitionSupervision", "giám sát việc giải quyết kiến nghị của cử tri", "supervision of voters' petitions", "cuộc", "missions"),
  spec("confidenceRating", "lấy phiếu tín nhiệm", "confidence rating", "người", "persons", {}, Schema.Struct({ persons: Schema.optional(Count) })),
  spec("confidenceVote", "bỏ phiếu tín nhiệm", "confidence vote", "người", "persons", {}, Schema.Struct({ persons: Schema.optional(Count) })),
  spec("experienceExchange", "hội nghị trao đổi kinh nghiệm", "experience-exchange conference", "hội nghị", "conferences"),
  spec("liaisonMeeting", "hội nghị giao ban", "liaison meeting", "hội nghị", "meetings"),
  spec("naCoordination", "phối hợp với Hội đồng Dân tộc, các Ủy ban của Quốc hội", "coordination with National Assembly bodies", "lượt", "times"),
  spec("jointPreparatoryMeeting", "hội nghị liên tịch", "joint preparatory conference", "hội nghị", "conferences")
]
