/**
 * Branded identifiers. An id is a stable slug chosen by whoever records the entity; it never
 * changes when a unit is renamed or a code is reused.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { withMessage } from "./internal/checks.js"

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/

const id = <B extends string>(brand: B, what: string) =>
  Schema.String.check(
    withMessage(Schema.isPattern(ID_PATTERN), (actual) =>
      `mã ${what} không hợp lệ ${JSON.stringify(actual)}: chỉ dùng chữ không dấu, số và . _ : / - / invalid ${what} id ${JSON.stringify(actual)}: use ASCII letters, digits and . _ : / -`),
    Schema.isMaxLength(200, { message: `mã ${what} quá dài (tối đa 200) / ${what} id too long (max 200)` })
  ).pipe(Schema.brand<B>(brand as any)).annotate({ identifier: brand.replace("@hdnd/", "") })

/** Id of an administrative unit version. @since 0.1.0 @category ids */
export const UnitId = id("@hdnd/UnitId", "đơn vị hành chính")
/** @since 0.1.0 @category ids */
export type UnitId = typeof UnitId.Type
/** Id of a lineage event. @since 0.1.0 @category ids */
export const LineageEventId = id("@hdnd/LineageEventId", "sự kiện sắp xếp")
/** @since 0.1.0 @category ids */
export type LineageEventId = typeof LineageEventId.Type
/** Id of a council. @since 0.1.0 @category ids */
export const CouncilId = id("@hdnd/CouncilId", "HĐND")
/** @since 0.1.0 @category ids */
export type CouncilId = typeof CouncilId.Type
/** Id of a council term. @since 0.1.0 @category ids */
export const TermId = id("@hdnd/TermId", "nhiệm kỳ")
/** @since 0.1.0 @category ids */
export type TermId = typeof TermId.Type
/** Id of an organ (plenary, standing committee, committee, delegate group). @since 0.1.0 @category ids */
export const OrganId = id("@hdnd/OrganId", "cơ quan")
/** @since 0.1.0 @category ids */
export type OrganId = typeof OrganId.Type
/** Id of a session. @since 0.1.0 @category ids */
export const SessionId = id("@hdnd/SessionId", "kỳ họp")
/** @since 0.1.0 @category ids */
export type SessionId = typeof SessionId.Type
/** Id of a standing-committee meeting. @since 0.1.0 @category ids */
export const MeetingId = id("@hdnd/MeetingId", "phiên họp")
/** @since 0.1.0 @category ids */
export type MeetingId = typeof MeetingId.Type
/** Id of an activity. @since 0.1.0 @category ids */
export const ActivityId = id("@hdnd/ActivityId", "hoạt động")
/** @since 0.1.0 @category ids */
export type ActivityId = typeof ActivityId.Type
/** Id of a tally. @since 0.1.0 @category ids */
export const TallyId = id("@hdnd/TallyId", "số liệu tổng hợp")
/** @since 0.1.0 @category ids */
export type TallyId = typeof TallyId.Type
/** Id of a recommendation, proposal or voters' petition. @since 0.1.0 @category ids */
export const RecommendationId = id("@hdnd/RecommendationId", "kiến nghị")
/** @since 0.1.0 @category ids */
export type RecommendationId = typeof RecommendationId.Type
/** Id of a response to a recommendation. @since 0.1.0 @category ids */
export const ResponseId = id("@hdnd/ResponseId", "văn bản trả lời")
/** @since 0.1.0 @category ids */
export type ResponseId = typeof ResponseId.Type
/** Id of an evaluation of a response. @since 0.1.0 @category ids */
export const EvaluationId = id("@hdnd/EvaluationId", "đánh giá kết quả giải quyết")
/** @since 0.1.0 @category ids */
export type EvaluationId = typeof EvaluationId.Type
/** Id of a work programme. @since 0.1.0 @category ids */
export const ProgrammeId = id("@hdnd/ProgrammeId", "chương trình công tác")
/** @since 0.1.0 @category ids */
export type ProgrammeId = typeof ProgrammeId.Type
/** Id of an item of a work programme. @since 0.1.0 @category ids */
export const ProgrammeItemId = id("@hdnd/ProgrammeItemId", "nội dung chương trình")
/** @since 0.1.0 @category ids */
export type ProgrammeItemId = typeof ProgrammeItemId.Type
/** Id of a resolution adopted by a council (nghị quyết). @since 0.2.0 @category ids */
export const ResolutionId = id("@hdnd/ResolutionId", "nghị quyết")
/** @since 0.2.0 @category ids */
export type ResolutionId = typeof ResolutionId.Type
/** Id of a document submitted to a council (tờ trình, báo cáo, đề án, dự thảo nghị quyết). @since 0.2.0 @category ids */
export const DocumentId = id("@hdnd/DocumentId", "văn bản trình")
/** @since 0.2.0 @category ids */
export type DocumentId = typeof DocumentId.Type

const NAMESPACED = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9.-]*$/

const namespaced = <B extends string>(brand: B, vi: string, en: string) =>
  Schema.String.check(
    withMessage(Schema.isPattern(NAMESPACED), (actual) =>
      `mã ${vi} ${JSON.stringify(actual)} phải có dạng "không-gian/tên" (ví dụ core/review.report) / ${en} id ${JSON.stringify(actual)} must be namespaced, like core/review.report`)
  ).pipe(Schema.brand<B>(brand as any)).annotate({ identifier: brand.replace("@hdnd/", "") })

/** Namespaced id of an indicator, e.g. `core/review.draft-resolution`. @since 0.1.0 @category ids */
export const IndicatorId = namespaced("@hdnd/IndicatorId", "chỉ tiêu", "indicator")
/** @since 0.1.0 @category ids */
export type IndicatorId = typeof IndicatorId.Type
/** Namespaced id of a report template, e.g. `core/committee-conference`. @since 0.1.0 @category ids */
export const TemplateId = namespaced("@hdnd/TemplateId", "mẫu báo cáo", "report template")
/** @since 0.1.0 @category ids */
export type TemplateId = typeof TemplateId.Type

const KIND_PATTERN = /^(?:[a-z0-9][a-z0-9-]*\/)?[a-zA-Z][a-zA-Z0-9-]*$/

/**
 * Id of an activity kind: a built-in code (`review`, `supervision` …) or a plugin's namespaced
 * code (`ha-noi/explanationHearing`).
 *
 * @since 0.1.0
 * @category ids
 */
export const ActivityKindId = Schema.String.check(
  withMessage(Schema.isPattern(KIND_PATTERN), (actual) =>
    `loại hoạt động không hợp lệ ${JSON.stringify(actual)} / invalid activity kind ${JSON.stringify(actual)}`)
).pipe(Schema.brand("@hdnd/ActivityKindId")).annotate({ identifier: "ActivityKindId" })
/** @since 0.1.0 @category ids */
export type ActivityKindId = typeof ActivityKindId.Type

/**
 * Id of a committee kind: a built-in slug (`phap-che`, `kinh-te-ngan-sach` …) or a plugin's
 * namespaced slug.
 *
 * @since 0.1.0
 * @category ids
 */
export const CommitteeKindId = Schema.String.check(
  withMessage(Schema.isPattern(/^(?:[a-z0-9][a-z0-9-]*\/)?[a-z][a-z0-9-]*$/), (actual) =>
    `loại ban không hợp lệ ${JSON.stringify(actual)} / invalid committee kind ${JSON.stringify(actual)}`)
).pipe(Schema.brand("@hdnd/CommitteeKindId")).annotate({ identifier: "CommitteeKindId" })
/** @since 0.1.0 @category ids */
export type CommitteeKindId = typeof CommitteeKindId.Type
