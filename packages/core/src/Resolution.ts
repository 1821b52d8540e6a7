/**
 * Resolutions adopted by a council (nghị quyết được thông qua): the number and symbol, the kind
 * (quy phạm pháp luật / cá biệt), the field (lĩnh vực), the session that adopted it and the day.
 * Reports count them by kind and by field ("thông qua 26 nghị quyết, trong đó 4 nghị quyết quy phạm
 * pháp luật").
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { ResolutionKind } from "./ActivityKind.js"
import { CalendarDate } from "./CalendarDate.js"
import { CouncilId, ResolutionId, SessionId } from "./Ids.js"
import { NonEmptyText } from "./Text.js"

/**
 * A field (lĩnh vực) a resolution or document belongs to: a short code the council uses
 * ("ngan-sach", "dat-dai", "giao-duc" …), compared exactly. hdnd fixes no list: fields differ between
 * provinces.
 *
 * @since 0.2.0
 * @category models
 */
export const FieldCode = NonEmptyText.annotate({ identifier: "FieldCode" })
/** @since 0.2.0 @category models */
export type FieldCode = typeof FieldCode.Type

/**
 * A resolution adopted by a council, at a session when it is known.
 *
 * @since 0.2.0
 * @category models
 */
export class Resolution extends Schema.Class<Resolution>("Resolution")({
  id: ResolutionId,
  council: CouncilId,
  /** The session that adopted it (it must belong to the same council; `adoptedOn` lies within its dates). */
  session: Schema.optional(SessionId),
  /** The number and symbol as written: "15/2023/NQ-HĐND". */
  number: NonEmptyText,
  /** Legal normative (quy phạm pháp luật) or individual (cá biệt). */
  kind: ResolutionKind,
  /** The field (lĩnh vực). */
  field: Schema.optional(FieldCode),
  /** The day it was adopted (thông qua); the period rule counts it on this day. */
  adoptedOn: CalendarDate,
  title: NonEmptyText
}) {}

/**
 * Labels of resolution kinds.
 *
 * @since 0.2.0
 * @category data
 */
export const resolutionKindLabels: Readonly<Record<ResolutionKind, { readonly vi: string; readonly en: string }>> = {
  normative: { vi: "nghị quyết quy phạm pháp luật", en: "legal normative resolution" },
  individual: { vi: "nghị quyết cá biệt", en: "individual resolution" }
}
