/**
 * Administrative units (đơn vị hành chính) and the lineage events that reorganise them.
 *
 * A unit record is one version of a unit: its GSO code, name, type, parent and the days it was
 * valid. GSO codes were reused after 1 July 2025 for other units, so a code alone is not an identity:
 * the id is, and no two units with one code may be valid on the same day.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { withMessage } from "./internal/checks.js"
import { CalendarDate, DateRange } from "./CalendarDate.js"
import { LineageEventId, UnitId } from "./Ids.js"
import { NonEmptyText, Text } from "./Text.js"

/**
 * Levels of local government. The district level existed until 30 June 2025.
 *
 * @since 0.1.0
 * @category models
 */
export const Level = Schema.Literals(["province", "district", "commune"]).annotate({ identifier: "Level" })
/** @since 0.1.0 @category models */
export type Level = typeof Level.Type

/**
 * Unit types (loại đơn vị hành chính), slugs from the Vietnamese terms.
 *
 * @since 0.1.0
 * @category models
 */
export const UnitType = Schema.Literals([
  "tinh",
  "thanh-pho-truc-thuoc-tw",
  "huyen",
  "quan",
  "thi-xa",
  "thanh-pho-thuoc-tinh",
  "thanh-pho-thuoc-tp-tw",
  "xa",
  "phuong",
  "thi-tran",
  "dac-khu"
]).annotate({ identifier: "UnitType" })
/** @since 0.1.0 @category models */
export type UnitType = typeof UnitType.Type

/**
 * The level each unit type belongs to.
 *
 * @since 0.1.0
 * @category data
 */
export const levelOfUnitType: Readonly<Record<UnitType, Level>> = {
  tinh: "province",
  "thanh-pho-truc-thuoc-tw": "province",
  huyen: "district",
  quan: "district",
  "thi-xa": "district",
  "thanh-pho-thuoc-tinh": "district",
  "thanh-pho-thuoc-tp-tw": "district",
  xa: "commune",
  phuong: "commune",
  "thi-tran": "commune",
  "dac-khu": "commune"
}

/**
 * Vietnamese and English labels of unit types.
 *
 * @since 0.1.0
 * @category data
 */
export const unitTypeLabels: Readonly<Record<UnitType, { readonly vi: string; readonly en: string }>> = {
  tinh: { vi: "tỉnh", en: "province" },
  "thanh-pho-truc-thuoc-tw": { vi: "thành phố trực thuộc trung ương", en: "centrally-run city" },
  huyen: { vi: "huyện", en: "rural district" },
  quan: { vi: "quận", en: "urban district" },
  "thi-xa": { vi: "thị xã", en: "district-level town" },
  "thanh-pho-thuoc-tinh": { vi: "thành phố thuộc tỉnh", en: "provincial city" },
  "thanh-pho-thuoc-tp-tw": { vi: "thành phố thuộc thành phố trực thuộc trung ương", en: "city under a centrally-run city" },
  xa: { vi: "xã", en: "commune" },
  phuong: { vi: "phường", en: "ward" },
  "thi-tran": { vi: "thị trấn", en: "township" },
  "dac-khu": { vi: "đặc khu", en: "special zone" }
}

/**
 * A GSO code: 2 digits for a province, 3 for a district, 5 for a commune (QĐ 124/2004/QĐ-TTg).
 *
 * @since 0.1.0
 * @category schemas
 */
export const GsoCode = Schema.String.check(
  withMessage(Schema.isPattern(/^(?:\d{2}|\d{3}|\d{5})$/), (actual) =>
    `mã ĐVHC ${JSON.stringify(actual)} phải có 2 (tỉnh), 3 (huyện) hoặc 5 (xã) chữ số / GSO code ${JSON.stringify(actual)} must have 2 (province), 3 (district) or 5 (commune) digits`)
).annotate({ identifier: "GsoCode" })

/**
 * One version of an administrative unit.
 *
 * @since 0.1.0
 * @category models
 */
export class AdminUnit extends Schema.Class<AdminUnit>("AdminUnit")({
  id: UnitId,
  code: GsoCode,
  name: NonEmptyText,
  type: UnitType,
  parent: Schema.optional(UnitId),
  validity: DateRange
}) {
  /** The level implied by the unit type. */
  get level(): Level {
    return levelOfUnitType[this.type]
  }
}

/**
 * Kinds of reorganisation.
 *
 * - `establish`: new units appear (no sources).
 * - `merge`: several units become one.
 * - `split`: one unit becomes several.
 * - `rename`, `reclassify`: one unit continues under a new name or type (a new unit version).
 * - `abolish`: units end with no successor at their level (the district level on 1 July 2025).
 *
 * @since 0.1.0
 * @category models
 */
export const LineageKind = Schema.Literals(["establish", "merge", "split", "rename", "reclassify", "abolish"]).annotate({
  identifier: "LineageKind"
})
/** @since 0.1.0 @category models */
export type LineageKind = typeof LineageKind.Type

/**
 * A reorganisation on a date: the `sources` stop being valid the day before `date`, the `targets`
 * start on `date`.
 *
 * @since 0.1.0
 * @category models
 */
export class LineageEvent extends Schema.Class<LineageEvent>("LineageEvent")({
  id: LineageEventId,
  kind: LineageKind,
  date: CalendarDate,
  sources: Schema.Array(UnitId),
  targets: Schema.Array(UnitId),
  legalBasis: Schema.optional(Text),
  note: Schema.optional(Text)
}) {}

/**
 * How many sources and targets each lineage kind takes: `[minSources, maxSources, minTargets, maxTargets]`.
 *
 * @since 0.1.0
 * @category data
 */
export const lineageArity: Readonly<Record<LineageKind, readonly [number, number, number, number]>> = {
  establish: [0, 0, 1, Infinity],
  merge: [2, Infinity, 1, 1],
  split: [1, 1, 2, Infinity],
  rename: [1, 1, 1, 1],
  reclassify: [1, 1, 1, 1],
  abolish: [1, Infinity, 0, Infinity]
}
