/**
 * Step 2 of the walkthrough: the administrative units of the city. ILLUSTRATIVE data.
 *
 * - The city: thành phố Đà Nẵng, a thành phố trực thuộc trung ương (centrally-run city), GSO code 48
 *   [S] (HDND-DOMAIN.md §1.2, letter 915/CTK-CSCL). Recorded from 1 July 2025 only, as the city formed
 *   when Quảng Nam was merged into it (NQ 202/2025/QH15) [U]: the city before that day, and Quảng Nam,
 *   are out of the example's scope, so no merge event is recorded.
 * - A handful of its commune-level units from 1 July 2025 (phường, xã and the đặc khu), named as after
 *   the 2025 reform from background knowledge [U]. The city has many more of them (94 is the count
 *   usually given [U]); seven are enough for the example.
 *
 * The commune codes are PLACEHOLDERS, not GSO codes: real commune codes are below 40000, so codes
 * 90001–90007 cannot be mistaken for real ones. Replace them with the codes of Công văn 1027/CTK-CSCL
 * before using the data for anything real.
 *
 * Every record id starts with the plugin's name (`da-nang/…`), so it cannot collide with another
 * province's records when plugins are loaded together (the host refuses a record id from two plugins).
 *
 * Confidence tags follow HDND-DOMAIN.md: [V] verified, [S] secondary source, [U] unverified.
 *
 * @since 0.1.0
 */
import { AdminUnit, CalendarDate, Ids } from "@hdnd/core"

const { date } = CalendarDate

/**
 * The plugin's name: the namespace of every id it contributes (`da-nang/…`).
 *
 * @since 0.1.0
 * @category data
 */
export const NAMESPACE = "da-nang"

/**
 * The first day of the two-tier structure: the new communes, and the merged city, operate from
 * 1 July 2025 [V] (Law 72/2025/QH15; HDND-DOMAIN.md §1.1).
 *
 * @since 0.1.0
 * @category data
 */
export const REFORM_DATE: CalendarDate.CalendarDate = date("2025-07-01")

/**
 * The GSO code of the city: 48 [S] (HDND-DOMAIN.md §1.2). The only real code in this example.
 *
 * @since 0.1.0
 * @category data
 */
export const CITY_CODE = "48"

/**
 * The id of the city's unit (the version from 1 July 2025).
 *
 * @since 0.1.0
 * @category ids
 */
export const CITY_UNIT_ID: Ids.UnitId = Ids.UnitId.make(`${NAMESPACE}/unit:${CITY_CODE}`)

/**
 * Thành phố Đà Nẵng from 1 July 2025, open-ended.
 *
 * @since 0.1.0
 * @category data
 */
export const city: AdminUnit.AdminUnit = new AdminUnit.AdminUnit({
  id: CITY_UNIT_ID,
  code: CITY_CODE,
  name: "Thành phố Đà Nẵng",
  type: "thanh-pho-truc-thuoc-tw",
  validity: { from: REFORM_DATE }
})

/**
 * A commune-level unit of the example.
 *
 * @since 0.1.0
 * @category models
 */
export interface Commune {
  /** A PLACEHOLDER code (5 digits, 9xxxx), not the unit's GSO code. */
  readonly code: string
  /** "Phường Hải Châu", "Xã Bà Nà", "Đặc khu Hoàng Sa". */
  readonly name: string
  readonly type: "phuong" | "xa" | "dac-khu"
  /** The name with its type, without diacritics, hyphenated ("phuong-hai-chau"): the id's last part. */
  readonly slug: string
  /** Whether the example records a council for it. */
  readonly hasCouncil: boolean
}

const commune = (code: string, name: string, type: Commune["type"], slug: string, hasCouncil = true): Commune => ({ code, name, type, slug, hasCouncil })

/**
 * Seven commune-level units of the city from 1 July 2025: five phường, one xã and the đặc khu. Names
 * from background knowledge [U]; codes are placeholders. Đặc khu Hoàng Sa gets no council in the example:
 * how its local government is organised was not checked [U].
 *
 * @since 0.1.0
 * @category data
 */
export const communes: ReadonlyArray<Commune> = [
  commune("90001", "Phường Hải Châu", "phuong", "phuong-hai-chau"),
  commune("90002", "Phường Thanh Khê", "phuong", "phuong-thanh-khe"),
  commune("90003", "Phường Sơn Trà", "phuong", "phuong-son-tra"),
  commune("90004", "Phường Hội An", "phuong", "phuong-hoi-an"),
  commune("90005", "Phường Tam Kỳ", "phuong", "phuong-tam-ky"),
  commune("90006", "Xã Bà Nà", "xa", "xa-ba-na"),
  commune("90007", "Đặc khu Hoàng Sa", "dac-khu", "dac-khu-hoang-sa", false)
]

/**
 * The id of a commune-level unit: `da-nang/unit:<slug>`.
 *
 * @since 0.1.0
 * @category ids
 */
export const communeUnitId = (x: Commune): Ids.UnitId => Ids.UnitId.make(`${NAMESPACE}/unit:${x.slug}`)

/**
 * The commune-level units as records, children of the city, from 1 July 2025.
 *
 * @since 0.1.0
 * @category data
 */
export const communeUnits: ReadonlyArray<AdminUnit.AdminUnit> = communes.map(
  (x) => new AdminUnit.AdminUnit({ id: communeUnitId(x), code: x.code, name: x.name, type: x.type, parent: CITY_UNIT_ID, validity: { from: REFORM_DATE } })
)

/**
 * Every unit: the city, then its communes.
 *
 * @since 0.1.0
 * @category data
 */
export const units: ReadonlyArray<AdminUnit.AdminUnit> = [city, ...communeUnits]

/**
 * The communes begin on 1 July 2025. Recorded as `establish` with no sources: which former wards and
 * communes went into each is not part of the example.
 *
 * @since 0.1.0
 * @category data
 */
export const communesFormed: AdminUnit.LineageEvent = new AdminUnit.LineageEvent({
  id: Ids.LineageEventId.make(`${NAMESPACE}/2025-07-01/establish-communes`),
  kind: "establish",
  date: REFORM_DATE,
  sources: [],
  targets: communeUnits.map((u) => u.id),
  legalBasis: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
  note: "Dữ liệu minh họa: chỉ ghi một số đơn vị cấp xã của thành phố; mã đơn vị là mã giả định, không phải mã của Tổng cục Thống kê."
})

/**
 * Every lineage event.
 *
 * @since 0.1.0
 * @category data
 */
export const lineage: ReadonlyArray<AdminUnit.LineageEvent> = [communesFormed]
