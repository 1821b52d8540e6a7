/**
 * What to tabulate: indicators, a scope, a period and grouping dimensions.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Level } from "./AdminUnit.js"
import { CalendarDate, Period } from "./CalendarDate.js"
import { CouncilId, IndicatorId, SessionId, UnitId } from "./Ids.js"
import { Filter } from "./Indicator.js"

/**
 * The councils whose work is counted: those of a unit's subtree as of a date (optionally only some
 * levels), or an explicit list.
 *
 * @since 0.1.0
 * @category models
 */
export const Scope = Schema.Union([
  Schema.TaggedStruct("Subtree", {
    unit: UnitId,
    asOf: CalendarDate,
    levels: Schema.optional(Schema.NonEmptyArray(Level))
  }),
  Schema.TaggedStruct("Councils", { councils: Schema.Array(CouncilId) })
]).annotate({ identifier: "Scope" })
/** @since 0.1.0 @category models */
export type Scope = typeof Scope.Type

/**
 * The grouping dimensions, as a schema.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DimensionSchema = Schema.Literals([
  "council",
  "unit",
  "level",
  "organ",
  "organKind",
  "committeeKind",
  "ownerKind",
  "kind",
  "sessionType",
  "month",
  "quarter",
  "year",
  "role"
]).annotate({ identifier: "Dimension" })

/**
 * A tabulation request. `trace: true` keeps, in every cell, the ids of the records counted.
 *
 * `sessions` scopes the count to sessions: a record counts when it belongs to one of them (an
 * activity or a document served it, a resolution was adopted at it, a session held is one of them),
 * whatever its date; the period then only labels the result, and tallies (which belong to no
 * session) do not count. Without it, records count by their date within the period.
 *
 * `filter` (since 0.2.0) narrows every indicator of the request to the activities it also matches:
 * `{ ledBy: [ban] }` counts only the work that committee led (chủ trì), `{ tookPart: [ban] }` only
 * the work it took part in (tham gia), `{ involved: [ban] }` either. Reported tallies cannot say
 * which organ led or took part, so a request with a filter counts itemised activities only.
 *
 * @since 0.1.0
 * @category models
 */
export const TabulationRequest = Schema.Struct({
  indicators: Schema.NonEmptyArray(IndicatorId),
  scope: Scope,
  period: Period,
  groupBy: Schema.optional(Schema.Array(DimensionSchema)),
  trace: Schema.optional(Schema.Boolean),
  filter: Schema.optional(Filter),
  sessions: Schema.optional(Schema.NonEmptyArray(SessionId))
}).annotate({ identifier: "TabulationRequest" })
/** @since 0.1.0 @category models */
export type TabulationRequest = typeof TabulationRequest.Type

/**
 * Scope helpers.
 *
 * @example
 * ```ts
 * import { CalendarDate, Ids, TabulationRequest } from "@hdnd/core"
 *
 * // Sơn La and every unit under it, on the map of 31 August 2023; only the provincial council:
 * const scope = TabulationRequest.subtree(Ids.UnitId.make("unit:14"), CalendarDate.date("2023-08-31"), ["province"])
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const subtree = (unit: UnitId, asOf: CalendarDate, levels?: ReadonlyArray<Level>): Scope =>
  levels !== undefined && levels.length > 0
    ? { _tag: "Subtree", unit, asOf, levels: levels as readonly [Level, ...Array<Level>] }
    : { _tag: "Subtree", unit, asOf }

/**
 * A scope of explicitly listed councils.
 *
 * @since 0.1.0
 * @category constructors
 */
export const councils = (ids: ReadonlyArray<CouncilId>): Scope => ({ _tag: "Councils", councils: ids })
