/**
 * Step 3 of the walkthrough: an activity kind of the city's own, with attributes.
 *
 * The city's committees hold **phiên giải trình chuyên đề** (thematic explanation hearings): a
 * committee calls the city's agencies to explain, on one topic, why something is late or not done,
 * and records what they commit to. Core already has `explanationHearing` (giải trình) with no
 * attributes; the city wants to count its committees' hearings apart and to record three numbers on
 * each, so it declares its own kind, `da-nang/committee-hearing`. The kind and its attributes are an
 * ILLUSTRATIVE design, not a legal category.
 *
 * The attributes' type is declared here, next to the registration, by augmenting
 * `ActivityKindAttributes` of `@hdnd/core`; `Plugin.activityKind` then refuses, at compile time, a
 * schema that does not match it, and `Plugin.attributesOf(activity, "da-nang/committee-hearing")`
 * returns them typed.
 *
 * @since 0.1.0
 */
import { Ids, Plugin } from "@hdnd/core"
import type { ActivityKind } from "@hdnd/core"
import * as Schema from "effect/Schema"

const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

/**
 * The attributes of a committee hearing, all required:
 *
 * - `agencies`: how many agencies were called to explain (số cơ quan giải trình);
 * - `commitments`: how many commitments they made (số nội dung cam kết);
 * - `broadcastLive`: whether the hearing was broadcast live (truyền hình trực tiếp).
 *
 * Any other key is refused when an activity is validated.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CommitteeHearingAttributes = Schema.Struct({
  agencies: Count,
  commitments: Count,
  broadcastLive: Schema.Boolean
}).annotate({ identifier: "CommitteeHearingAttributes" })

declare module "@hdnd/core" {
  interface ActivityKindAttributes {
    "da-nang/committee-hearing": typeof CommitteeHearingAttributes.Type
  }
}

/**
 * The id of the kind.
 *
 * @since 0.1.0
 * @category ids
 */
export const COMMITTEE_HEARING = "da-nang/committee-hearing" as const

/**
 * The same id, branded, for filters and records.
 *
 * @since 0.1.0
 * @category ids
 */
export const COMMITTEE_HEARING_ID: Ids.ActivityKindId = Ids.ActivityKindId.make(COMMITTEE_HEARING)

/**
 * The kind: "phiên giải trình chuyên đề của Ban" / "committee thematic explanation hearing", counted
 * in "phiên" (hearings); like core's `explanationHearing` it may say where it took place (`venue`).
 *
 * @since 0.1.0
 * @category data
 */
export const committeeHearing: ActivityKind.ActivityKindSpec = Plugin.activityKind({
  id: COMMITTEE_HEARING,
  vi: "phiên giải trình chuyên đề của Ban",
  en: "committee thematic explanation hearing",
  nounVi: "phiên",
  nounEn: "hearings",
  fields: { venue: "optional" },
  attributes: CommitteeHearingAttributes
})

/**
 * The activity kinds of the plugin.
 *
 * @since 0.1.0
 * @category data
 */
export const activityKinds: ReadonlyArray<ActivityKind.ActivityKindSpec> = [committeeHearing]
