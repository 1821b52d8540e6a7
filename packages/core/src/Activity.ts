/**
 * Activities: one record per countable thing a body did (a review, a supervision mission, a
 * survey …), with its owner (on whose behalf), its organisers (one or more organs that led it, chủ
 * trì: joint work), the organs that took part without leading (tham gia), its dates, the session it
 * served and its kind-specific attributes.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { AdvisoryOrigin, ResolutionKind, ReviewSubject, SupervisionMode, Venue } from "./ActivityKind.js"
import { DateRange } from "./CalendarDate.js"
import { ActivityId, ActivityKindId, CouncilId, MeetingId, OrganId, SessionId } from "./Ids.js"
import { DocumentRef } from "./DocumentRef.js"
import { NonEmptyText, Text } from "./Text.js"

/**
 * JSON attributes specific to an activity kind, checked against the kind's schema.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Attributes = Schema.Record(Schema.String, Schema.Unknown)

/**
 * One countable thing a body did.
 *
 * @since 0.1.0
 * @category models
 */
export class Activity extends Schema.Class<Activity>("Activity")({
  id: ActivityId,
  council: CouncilId,
  kind: ActivityKindId,
  /** The organ on whose behalf the activity was done (HĐND, Thường trực, a Ban …). */
  owner: OrganId,
  /** The organs that carried it out; more than one means joint work. */
  organisers: Schema.NonEmptyArray(OrganId),
  /**
   * Organs that took part (tham gia) without leading it: another committee joining a mission led
   * by the organisers. Absent means none; never one of the organisers.
   */
  participants: Schema.optional(Schema.NonEmptyArray(OrganId)),
  date: DateRange,
  /** The session the activity served (a review "trình kỳ họp thứ 7"). */
  session: Schema.optional(SessionId),
  /** The standing-committee meeting it took place at or served. */
  meeting: Schema.optional(MeetingId),
  title: NonEmptyText,
  documentRef: Schema.optional(DocumentRef),
  source: Schema.optional(Text),
  subject: Schema.optional(ReviewSubject),
  resolutionKind: Schema.optional(ResolutionKind),
  mode: Schema.optional(SupervisionMode),
  origin: Schema.optional(AdvisoryOrigin),
  venue: Schema.optional(Venue),
  attributes: Schema.optional(Attributes)
}) {}

/**
 * The part an organ played in an activity: `led` (chủ trì: one of its organisers) or `took-part`
 * (tham gia: one of its participants). The owner is the organ on whose behalf it was done, whatever
 * part it played.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Role = Schema.Literals(["led", "took-part"]).annotate({ identifier: "Role" })
/** @since 0.2.0 @category models */
export type Role = typeof Role.Type

/**
 * The organs of an activity with their role: organisers (`led`), then participants (`took-part`).
 *
 * @since 0.2.0
 * @category queries
 */
export const organRoles = (a: Pick<Activity, "organisers" | "participants">): ReadonlyArray<readonly [OrganId, Role]> => [
  ...a.organisers.map((o) => [o, "led"] as const),
  ...(a.participants ?? []).map((o) => [o, "took-part"] as const)
]
