/**
 * Documents submitted to a council and reviewed by its committees (tờ trình, báo cáo, đề án, dự thảo
 * nghị quyết): the type, the session they are submitted to, who submitted them, the committees that
 * reviewed them, and the resolution that resulted. Reports count them by type ("thẩm tra 117 dự thảo
 * nghị quyết và 47 báo cáo") or by a group of types ("báo cáo, đề án, tờ trình").
 *
 * A document is dated by the day it was submitted, which is usually before the session it serves; to
 * count "the documents for session N", scope a tabulation to that session (`TabulationRequest.sessions`).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { CalendarDate } from "./CalendarDate.js"
import { FieldCode } from "./Resolution.js"
import { CouncilId, DocumentId, OrganId, ResolutionId, SessionId } from "./Ids.js"
import { NonEmptyText } from "./Text.js"

/**
 * The type of a submitted document; the values are those of `ReviewSubject`.
 *
 * @since 0.2.0
 * @category models
 */
export const DocumentType = Schema.Literals(["draft-resolution", "report", "submission", "scheme", "other"]).annotate({
  identifier: "DocumentType"
})
/** @since 0.2.0 @category models */
export type DocumentType = typeof DocumentType.Type

/**
 * Every document type, in the order reports list them.
 *
 * @since 0.2.0
 * @category data
 */
export const documentTypes: ReadonlyArray<DocumentType> = ["draft-resolution", "report", "submission", "scheme", "other"]

/**
 * A document submitted to a council.
 *
 * @since 0.2.0
 * @category models
 */
export class CouncilDocument extends Schema.Class<CouncilDocument>("CouncilDocument")({
  id: DocumentId,
  council: CouncilId,
  type: DocumentType,
  /** The session it is submitted to (of the same council). */
  session: Schema.optional(SessionId),
  /** The number and symbol as written: "279/TTr-UBND". */
  number: Schema.optional(NonEmptyText),
  /** Who submitted it, as written (UBND tỉnh, Thường trực HĐND …). */
  submitter: Schema.optional(NonEmptyText),
  /** The organs of the council that reviewed (thẩm tra) it. */
  reviewers: Schema.optional(Schema.NonEmptyArray(OrganId)),
  /** The field (lĩnh vực). */
  field: Schema.optional(FieldCode),
  /** The day it was submitted; the period rule counts it on this day. */
  submittedOn: CalendarDate,
  /** The resolution adopted on it (of the same council). */
  resolution: Schema.optional(ResolutionId),
  title: NonEmptyText
}) {}

/**
 * Labels of document types: the singular noun, as reports write it.
 *
 * @since 0.2.0
 * @category data
 */
export const documentTypeLabels: Readonly<Record<DocumentType, { readonly vi: string; readonly en: string }>> = {
  "draft-resolution": { vi: "dự thảo nghị quyết", en: "draft resolution" },
  report: { vi: "báo cáo", en: "report" },
  submission: { vi: "tờ trình", en: "submission" },
  scheme: { vi: "đề án", en: "scheme" },
  other: { vi: "văn bản khác", en: "other document" }
}
