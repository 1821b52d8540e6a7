/**
 * Councils (Hội đồng nhân dân), their terms (nhiệm kỳ, khóa) and organs: the plenary, the standing
 * committee (Thường trực), the committees (Ban) and delegate groups (Tổ đại biểu).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { withMessage } from "./internal/checks.js"
import { CalendarDate, DateRange } from "./CalendarDate.js"
import { CommitteeKindId, CouncilId, OrganId, TermId, UnitId } from "./Ids.js"
import { NonEmptyText } from "./Text.js"

/**
 * A council of one administrative unit for a validity range.
 *
 * @since 0.1.0
 * @category models
 */
export class Council extends Schema.Class<Council>("Council")({
  id: CouncilId,
  unit: UnitId,
  name: NonEmptyText,
  validity: DateRange
}) {}

/**
 * A Roman numeral convocation number ("XV").
 *
 * @since 0.1.0
 * @category schemas
 */
export const Convocation = Schema.String.check(
  withMessage(Schema.isPattern(/^[IVXLC]+$/), (actual) =>
    `khóa ${JSON.stringify(actual)} phải viết bằng số La Mã in hoa (ví dụ XV) / convocation ${JSON.stringify(actual)} must be an upper-case Roman numeral (e.g. XV)`)
).annotate({ identifier: "Convocation" })

/**
 * A term of a council (nhiệm kỳ), numbered by its convocation (khóa). Terms need not last exactly
 * five years: the 2021–2026 term was shortened.
 *
 * @since 0.1.0
 * @category models
 */
export class Term extends Schema.Class<Term>("Term")({
  id: TermId,
  council: CouncilId,
  convocation: Convocation,
  validity: DateRange,
  electionDate: Schema.optional(CalendarDate)
}) {}

/**
 * Kinds of organs of a council.
 *
 * @since 0.1.0
 * @category models
 */
export const OrganKind = Schema.Literals(["plenary", "standing", "committee", "delegate-group"]).annotate({
  identifier: "OrganKind"
})
/** @since 0.1.0 @category models */
export type OrganKind = typeof OrganKind.Type

/**
 * Labels of organ kinds.
 *
 * @since 0.1.0
 * @category data
 */
export const organKindLabels: Readonly<Record<OrganKind, { readonly vi: string; readonly en: string }>> = {
  plenary: { vi: "Hội đồng nhân dân", en: "People's Council (plenary)" },
  standing: { vi: "Thường trực HĐND", en: "Standing Committee" },
  committee: { vi: "Ban của HĐND", en: "Committee" },
  "delegate-group": { vi: "Tổ đại biểu HĐND", en: "Delegate group" }
}

/**
 * An organ of a council. Committees carry a committee kind; other organs must not.
 *
 * @since 0.1.0
 * @category models
 */
export class Organ extends Schema.Class<Organ>("Organ")({
  id: OrganId,
  council: CouncilId,
  kind: OrganKind,
  committeeKind: Schema.optional(CommitteeKindId),
  name: NonEmptyText,
  validity: DateRange
}) {}
