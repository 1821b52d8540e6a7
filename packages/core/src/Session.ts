/**
 * Council sessions (kỳ họp) and standing-committee meetings (phiên họp Thường trực).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { CalendarDate, DateRange } from "./CalendarDate.js"
import { CouncilId, MeetingId, SessionId, TermId } from "./Ids.js"
import { Text } from "./Text.js"

/**
 * Regular (thường lệ) or special (any session called on request).
 *
 * @since 0.1.0
 * @category models
 */
export const SessionType = Schema.Literals(["regular", "special"]).annotate({ identifier: "SessionType" })
/** @since 0.1.0 @category models */
export type SessionType = typeof SessionType.Type

/**
 * The label a council uses for a special session: chuyên đề, bất thường, or "giải quyết công việc
 * phát sinh đột xuất".
 *
 * @since 0.1.0
 * @category models
 */
export const SpecialLabel = Schema.Literals(["chuyen-de", "bat-thuong", "phat-sinh-dot-xuat"]).annotate({
  identifier: "SpecialLabel"
})
/** @since 0.1.0 @category models */
export type SpecialLabel = typeof SpecialLabel.Type

/**
 * Which sequence a session's ordinal counts in: one sequence for all sessions (most provinces), or
 * separate sequences for regular and special sessions (Sơn La).
 *
 * @since 0.1.0
 * @category models
 */
export const OrdinalSeries = Schema.Literals(["all", "regular", "special"]).annotate({ identifier: "OrdinalSeries" })
/** @since 0.1.0 @category models */
export type OrdinalSeries = typeof OrdinalSeries.Type

/**
 * A session of a council.
 *
 * @since 0.1.0
 * @category models
 */
export class Session extends Schema.Class<Session>("Session")({
  id: SessionId,
  council: CouncilId,
  term: Schema.optional(TermId),
  ordinal: Schema.Int.check(Schema.isGreaterThan(0)),
  series: OrdinalSeries,
  type: SessionType,
  specialLabel: Schema.optional(SpecialLabel),
  label: Schema.optional(Text),
  dates: DateRange
}) {}

/**
 * A meeting of the standing committee (Thường trực HĐND meets at least monthly).
 *
 * @since 0.1.0
 * @category models
 */
export class StandingMeeting extends Schema.Class<StandingMeeting>("StandingMeeting")({
  id: MeetingId,
  council: CouncilId,
  term: Schema.optional(TermId),
  ordinal: Schema.Int.check(Schema.isGreaterThan(0)),
  date: CalendarDate,
  label: Schema.optional(Text)
}) {}

/**
 * Labels of special-session labels.
 *
 * @since 0.1.0
 * @category data
 */
export const specialLabelLabels: Readonly<Record<SpecialLabel, { readonly vi: string; readonly en: string }>> = {
  "chuyen-de": { vi: "kỳ họp chuyên đề", en: "thematic session" },
  "bat-thuong": { vi: "kỳ họp bất thường", en: "extraordinary session" },
  "phat-sinh-dot-xuat": { vi: "kỳ họp giải quyết công việc phát sinh đột xuất", en: "session on urgent matters" }
}
