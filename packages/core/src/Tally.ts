/**
 * Tallies: a number reported by a body for an indicator and a period, when the items were never
 * itemised (district councils usually send numbers, not lists).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { Period } from "./CalendarDate.js"
import { CouncilId, IndicatorId, OrganId, TallyId } from "./Ids.js"
import { NonEmptyText, Text } from "./Text.js"

/**
 * How exact a reported number is: exact, over ("hơn", "trên"), nearly ("gần", "chưa đến"), about
 * ("khoảng", "ước"). It is what arithmetic needs; the word itself is kept in `Tally.qualifierText`.
 *
 * @since 0.1.0
 * @category models
 */
export const Qualifier = Schema.Literals(["exact", "over", "nearly", "about"]).annotate({ identifier: "Qualifier" })
/** @since 0.1.0 @category models */
export type Qualifier = typeof Qualifier.Type

/**
 * A reported number. `organ` absent means the council as a whole reported it.
 *
 * @since 0.1.0
 * @category models
 */
export class Tally extends Schema.Class<Tally>("Tally")({
  id: TallyId,
  council: CouncilId,
  organ: Schema.optional(OrganId),
  indicator: IndicatorId,
  period: Period,
  value: Schema.Int.check(
    Schema.isGreaterThanOrEqualTo(0, { message: "số liệu phải là số nguyên không âm / the value must be a non-negative integer" })
  ),
  qualifier: Qualifier.pipe(
    Schema.withDecodingDefaultType(Effect.succeed("exact" as const)),
    Schema.withConstructorDefault(Effect.succeed("exact" as const))
  ),
  /**
   * The qualifier word as it was entered ("trên", "ước", "hàng", "chưa đến"), NFC; reports print it
   * as written ("trên 1.500"). Absent: the default word of `qualifier` ("hơn", "gần", "khoảng").
   * @since 0.2.0
   */
  qualifierText: Schema.optional(NonEmptyText),
  source: Schema.optional(Text),
  note: Schema.optional(Text)
}) {}

const RANK: Readonly<Record<Qualifier, number>> = { exact: 0, over: 1, nearly: 1, about: 2 }

/**
 * The qualifier of a sum: exact only if every part is; mixed "over" and "nearly" give "about".
 *
 * @since 0.1.0
 * @category combinators
 */
export const combineQualifiers = (a: Qualifier, b: Qualifier): Qualifier => {
  if (a === b) return a
  if (a === "exact") return b
  if (b === "exact") return a
  return RANK[a] >= RANK[b] && a === "about" ? a : "about"
}

/**
 * The qualifier word of a sum of qualified parts, by the rule of {@link combineQualifiers}: the word
 * the parts were entered with when they all share it and the combined qualifier is theirs ("trên"
 * + "trên" stays "trên"; exact parts do not change it), else `undefined`, meaning the default word
 * of the combined qualifier.
 *
 * @since 0.2.0
 * @category combinators
 */
export const combineWordings = (
  parts: Iterable<{ readonly qualifier: Qualifier; readonly wording?: string | undefined }>
): { readonly qualifier: Qualifier; readonly wording: string | undefined } => {
  let qualifier: Qualifier = "exact"
  let wording: string | undefined
  let mixed = false
  for (const p of parts) {
    if (p.qualifier === "exact") continue
    const w = p.wording?.normalize("NFC")
    if (qualifier !== "exact" && (p.qualifier !== qualifier || w !== wording)) mixed = true
    if (qualifier === "exact") wording = w
    qualifier = combineQualifiers(qualifier, p.qualifier)
  }
  return { qualifier, wording: mixed ? undefined : wording }
}
