/**
 * The administrative units of Sơn La (HDND-DOMAIN.md §5): the province, its 12 district-level units
 * until 30 June 2025 (with Mộc Châu's change from huyện to thị xã), one pre-reform commune kept as the
 * worked example of a reused code, and the 75 commune-level units from 1 July 2025.
 *
 * Ids: `unit:<code>` for the versions the Sơn La example already used (the province, the districts as
 * in 2022–2023, phường Chiềng Lề), `unit:<code>/<first day>` for versions that start later. GSO codes
 * were reused on 1 July 2025 for other units, so a unit is keyed by (code, first day), never by code.
 *
 * Confidence tags follow HDND-DOMAIN.md: [V] verified, [S] secondary source, [U] unverified.
 *
 * @since 0.1.0
 */
import { AdminUnit, CalendarDate, Ids } from "@hdnd/core"

const { date } = CalendarDate

/**
 * The conventional first day of unit versions whose real start is older and out of scope: the date
 * of QĐ 124/2004/QĐ-TTg, which set the GSO code table [V] (§5.2).
 *
 * @since 0.1.0
 * @category data
 */
export const CODE_TABLE_DATE: CalendarDate.CalendarDate = date("2004-07-08")

/**
 * The last day of the district level: district councils and their units ended on 30 June 2025 and the
 * new communes began on 1 July 2025 (Luật 72/2025/QH15; NQ 1681/NQ-UBTVQH15) [V] (§1.1, §5.3).
 *
 * @since 0.1.0
 * @category data
 */
export const DISTRICT_LEVEL_LAST_DAY: CalendarDate.CalendarDate = date("2025-06-30")

/**
 * The first day of the two-tier structure: the 75 communes of NQ 1681/NQ-UBTVQH15 operate from
 * 1 July 2025 [V] (§5.3).
 *
 * @since 0.1.0
 * @category data
 */
export const REFORM_DATE: CalendarDate.CalendarDate = date("2025-07-01")

/**
 * The first day of thị xã Mộc Châu (NQ 1280/NQ-UBTVQH15). [U] §5.2, §9 item 8: the resolution's date
 * and effective date were not verified. The brief brackets the change: the GSO list dated 01/01/2025
 * still shows "Huyện Mộc Châu", the one dated 01/03/2025 shows "Thị xã Mộc Châu" [V]; a ceremony was
 * planned for 18/1/2025 [S]. 1 January 2025 is the assumed effective date (the usual effective date of
 * the 2023–2025 rearrangement resolutions, from background knowledge, not from the brief). Correct
 * this one constant when the resolution is read: every record of both versions follows from it.
 *
 * @since 0.1.0
 * @category data
 */
export const MOC_CHAU_TOWN_FROM: CalendarDate.CalendarDate = date("2025-01-01")

/**
 * The id of the province of Sơn La (GSO code 14 [V], unchanged by the 2025 reform [V]).
 *
 * @since 0.1.0
 * @category ids
 */
export const PROVINCE_UNIT_ID: Ids.UnitId = Ids.UnitId.make("unit:14")

/**
 * A district-level unit of Sơn La as it was in 2022–2023 (the GSO list of 10/04/2023 [V], §5.2).
 *
 * @since 0.1.0
 * @category models
 */
export interface District {
  /** GSO code (3 digits) [V]. */
  readonly code: string
  /** The unit's name as in the GSO list ("Huyện Mai Sơn") [V]. */
  readonly name: string
  readonly type: AdminUnit.UnitType
  /** The place name used in running text ("thành phố Sơn La", "huyện Mai Sơn"). */
  readonly place: string
  /** "huyện", "thành phố" or "thị xã": how the council's own documents refer to the unit. */
  readonly area: string
  /** The slug of its council id (`hdnd-<slug>`). */
  readonly slug: string
  /** The convocation (khóa) of its council's 2021–2026 term: only TP Sơn La's (XX) is attested [S]. */
  readonly convocation: string
  /** First day of this unit version (conventional where older; see {@link districts}). */
  readonly validFrom: CalendarDate.CalendarDate
  /** Last day of this unit version. */
  readonly validTo: CalendarDate.CalendarDate
}

const district = (code: string, name: string, type: AdminUnit.UnitType, place: string, slug: string, convocation: string, validFrom: string, validTo = DISTRICT_LEVEL_LAST_DAY): District => ({
  code,
  name,
  type,
  place,
  area: type === "huyen" ? "huyện" : "thành phố",
  slug,
  convocation,
  validFrom: date(validFrom),
  validTo
})

/**
 * The 12 district-level units of Sơn La of 2022–2023 (1 thành phố + 11 huyện), with GSO codes, names
 * and types from the GSO list of 10/04/2023 [V] (§5.2).
 *
 * Unverified [U]: the first days of TP Sơn La as a thành phố (Nghị định 98/2008/NĐ-CP, 03/9/2008) and
 * of huyện Vân Hồ (Nghị quyết 72/NQ-CP, 10/6/2013); the others start on the code-table date by
 * convention. The earlier thị xã Sơn La and the split of Vân Hồ from Mộc Châu are not modelled. The
 * convocations of the district councils other than TP Sơn La (khóa XX [S]) are placeholders [U] §5.2.
 * Huyện Mộc Châu ends the day before {@link MOC_CHAU_TOWN_FROM}; the thị xã that follows it is
 * {@link mocChauTown}.
 *
 * @since 0.1.0
 * @category data
 */
export const districts: ReadonlyArray<District> = [
  district("116", "Thành phố Sơn La", "thanh-pho-thuoc-tinh", "thành phố Sơn La", "tp-son-la", "XX", "2008-09-03"),
  district("118", "Huyện Quỳnh Nhai", "huyen", "huyện Quỳnh Nhai", "huyen-quynh-nhai", "XXI", CODE_TABLE_DATE),
  district("119", "Huyện Thuận Châu", "huyen", "huyện Thuận Châu", "huyen-thuan-chau", "XXI", CODE_TABLE_DATE),
  district("120", "Huyện Mường La", "huyen", "huyện Mường La", "huyen-muong-la", "XXI", CODE_TABLE_DATE),
  district("121", "Huyện Bắc Yên", "huyen", "huyện Bắc Yên", "huyen-bac-yen", "XXI", CODE_TABLE_DATE),
  district("122", "Huyện Phù Yên", "huyen", "huyện Phù Yên", "huyen-phu-yen", "XXI", CODE_TABLE_DATE),
  district("123", "Huyện Mộc Châu", "huyen", "huyện Mộc Châu", "huyen-moc-chau", "XXI", CODE_TABLE_DATE, CalendarDate.addDays(MOC_CHAU_TOWN_FROM, -1)),
  district("124", "Huyện Yên Châu", "huyen", "huyện Yên Châu", "huyen-yen-chau", "XXI", CODE_TABLE_DATE),
  district("125", "Huyện Mai Sơn", "huyen", "huyện Mai Sơn", "huyen-mai-son", "XXI", CODE_TABLE_DATE),
  district("126", "Huyện Sông Mã", "huyen", "huyện Sông Mã", "huyen-song-ma", "XXI", CODE_TABLE_DATE),
  district("127", "Huyện Sốp Cộp", "huyen", "huyện Sốp Cộp", "huyen-sop-cop", "XXI", CODE_TABLE_DATE),
  district("128", "Huyện Vân Hồ", "huyen", "huyện Vân Hồ", "huyen-van-ho", "III", "2013-06-10")
]

/**
 * Thị xã Mộc Châu: GSO code 123 kept [V], from {@link MOC_CHAU_TOWN_FROM} [U] to 30 June 2025 (§5.2).
 * Its council follows the rules of a thị xã for those six months; its convocation is the placeholder
 * of huyện Mộc Châu's [U].
 *
 * @since 0.1.0
 * @category data
 */
export const mocChauTown: District = {
  code: "123",
  name: "Thị xã Mộc Châu",
  type: "thi-xa",
  place: "thị xã Mộc Châu",
  area: "thị xã",
  slug: "thi-xa-moc-chau",
  convocation: "XXI",
  validFrom: MOC_CHAU_TOWN_FROM,
  validTo: DISTRICT_LEVEL_LAST_DAY
}

/**
 * Every district-level unit version: the 12 of 2022–2023, then thị xã Mộc Châu.
 *
 * @since 0.1.0
 * @category data
 */
export const districtVersions: ReadonlyArray<District> = [...districts, mocChauTown]

/**
 * A commune-level unit of Sơn La from 1 July 2025 (NQ 1681/NQ-UBTVQH15).
 *
 * @since 0.1.0
 * @category models
 */
export interface Commune {
  /** GSO code (5 digits), from Công văn 1027/CTK-CSCL as transcribed [S] (§5.3). */
  readonly code: string
  /** "Xã Chiềng Sơn", "Phường Tô Hiệu". */
  readonly name: string
  readonly type: "xa" | "phuong"
  /** The name without its type, without diacritics, hyphenated ("chieng-son"). */
  readonly slug: string
}

const c = (code: string, name: string, type: "xa" | "phuong", slug: string): Commune => ({ code, name, type, slug })

/**
 * The 75 commune-level units of Sơn La from 1 July 2025: 67 xã and 8 phường [V] (NQ 1681/NQ-UBTVQH15,
 * §5.3); codes and names from Công văn 1027/CTK-CSCL as transcribed in the dvhcvn/20250701 dataset [S],
 * each code checked against the GSO list of 01/03/2025 [V] (§5.3). In the order of the brief's table.
 * Seven xã were not rearranged (Mường Lạn, Phiêng Khoài, Suối Tọ, Ngọc Chiến, Tân Yên, Mường Bám,
 * Mường Lèo) [V]; the others were formed by merger.
 *
 * @since 0.1.0
 * @category data
 */
export const communes2025: ReadonlyArray<Commune> = [
  c("03646", "Phường Tô Hiệu", "phuong", "to-hieu"),
  c("03664", "Phường Chiềng An", "phuong", "chieng-an"),
  c("03670", "Phường Chiềng Cơi", "phuong", "chieng-coi"),
  c("03679", "Phường Chiềng Sinh", "phuong", "chieng-sinh"),
  c("03980", "Phường Mộc Châu", "phuong", "moc-chau"),
  c("03979", "Phường Mộc Sơn", "phuong", "moc-son"),
  c("04033", "Phường Vân Sơn", "phuong", "van-son"),
  c("03982", "Phường Thảo Nguyên", "phuong", "thao-nguyen"),
  c("04000", "Xã Đoàn Kết", "xa", "doan-ket"),
  c("04045", "Xã Lóng Sập", "xa", "long-sap"),
  c("03985", "Xã Chiềng Sơn", "xa", "chieng-son"),
  c("04048", "Xã Vân Hồ", "xa", "van-ho"),
  c("04006", "Xã Song Khủa", "xa", "song-khua"),
  c("04018", "Xã Tô Múa", "xa", "to-mua"),
  c("04057", "Xã Xuân Nha", "xa", "xuan-nha"),
  c("03703", "Xã Quỳnh Nhai", "xa", "quynh-nhai"),
  c("03688", "Xã Mường Chiên", "xa", "muong-chien"),
  c("03694", "Xã Mường Giôn", "xa", "muong-gion"),
  c("03712", "Xã Mường Sại", "xa", "muong-sai"),
  c("03721", "Xã Thuận Châu", "xa", "thuan-chau"),
  c("03754", "Xã Chiềng La", "xa", "chieng-la"),
  c("03784", "Xã Nậm Lầu", "xa", "nam-lau"),
  c("03799", "Xã Muổi Nọi", "xa", "muoi-noi"),
  c("03757", "Xã Mường Khiêng", "xa", "muong-khieng"),
  c("03781", "Xã Co Mạ", "xa", "co-ma"),
  c("03724", "Xã Bình Thuận", "xa", "binh-thuan"),
  c("03727", "Xã Mường É", "xa", "muong-e"),
  c("03763", "Xã Long Hẹ", "xa", "long-he"),
  c("03808", "Xã Mường La", "xa", "muong-la"),
  c("03814", "Xã Chiềng Lao", "xa", "chieng-lao"),
  c("03847", "Xã Mường Bú", "xa", "muong-bu"),
  c("03850", "Xã Chiềng Hoa", "xa", "chieng-hoa"),
  c("03856", "Xã Bắc Yên", "xa", "bac-yen"),
  c("03868", "Xã Tà Xùa", "xa", "ta-xua"),
  c("03880", "Xã Tạ Khoa", "xa", "ta-khoa"),
  c("03862", "Xã Xím Vàng", "xa", "xim-vang"),
  c("03871", "Xã Pắc Ngà", "xa", "pac-nga"),
  c("03892", "Xã Chiềng Sại", "xa", "chieng-sai"),
  c("03910", "Xã Phù Yên", "xa", "phu-yen"),
  c("03922", "Xã Gia Phù", "xa", "gia-phu"),
  c("03958", "Xã Tường Hạ", "xa", "tuong-ha"),
  c("03907", "Xã Mường Cơi", "xa", "muong-coi"),
  c("03943", "Xã Mường Bang", "xa", "muong-bang"),
  c("03970", "Xã Tân Phong", "xa", "tan-phong"),
  c("03961", "Xã Kim Bon", "xa", "kim-bon"),
  c("04075", "Xã Yên Châu", "xa", "yen-chau"),
  c("04078", "Xã Chiềng Hặc", "xa", "chieng-hac"),
  c("04096", "Xã Lóng Phiêng", "xa", "long-phieng"),
  c("04087", "Xã Yên Sơn", "xa", "yen-son"),
  c("04132", "Xã Chiềng Mai", "xa", "chieng-mai"),
  c("04105", "Xã Mai Sơn", "xa", "mai-son"),
  c("04159", "Xã Phiêng Pằn", "xa", "phieng-pan"),
  c("04123", "Xã Chiềng Mung", "xa", "chieng-mung"),
  c("04144", "Xã Phiêng Cằm", "xa", "phieng-cam"),
  c("04117", "Xã Mường Chanh", "xa", "muong-chanh"),
  c("04136", "Xã Tà Hộc", "xa", "ta-hoc"),
  c("04108", "Xã Chiềng Sung", "xa", "chieng-sung"),
  c("04171", "Xã Bó Sinh", "xa", "bo-sinh"),
  c("04222", "Xã Chiềng Khương", "xa", "chieng-khuong"),
  c("04219", "Xã Mường Hung", "xa", "muong-hung"),
  c("04204", "Xã Chiềng Khoong", "xa", "chieng-khoong"),
  c("04183", "Xã Mường Lầm", "xa", "muong-lam"),
  c("04186", "Xã Nậm Ty", "xa", "nam-ty"),
  c("04168", "Xã Sông Mã", "xa", "song-ma"),
  c("04210", "Xã Huổi Một", "xa", "huoi-mot"),
  c("04195", "Xã Chiềng Sơ", "xa", "chieng-so"),
  c("04231", "Xã Sốp Cộp", "xa", "sop-cop"),
  c("04228", "Xã Púng Bánh", "xa", "pung-banh"),
  c("03997", "Xã Tân Yên", "xa", "tan-yen"),
  c("03760", "Xã Mường Bám", "xa", "muong-bam"),
  c("03820", "Xã Ngọc Chiến", "xa", "ngoc-chien"),
  c("03901", "Xã Suối Tọ", "xa", "suoi-to"),
  c("04099", "Xã Phiêng Khoài", "xa", "phieng-khoai"),
  c("04246", "Xã Mường Lạn", "xa", "muong-lan"),
  c("04240", "Xã Mường Lèo", "xa", "muong-leo"),
]

/**
 * Phường Chiềng Lề of TP Sơn La, GSO code 03646 until 30 June 2025 [V] (§5.3: the code is now Phường
 * Tô Hiệu's). It is the one pre-reform commune recorded here, as the worked example of a code that
 * names two different units across 1 July 2025; the other ≈200 pre-reform communes are not recorded.
 * Its parent is TP Sơn La: in 2023 only TP Sơn La had phường in Sơn La (§5.2 [V]). Its first day is
 * TP Sơn La's by convention [U].
 *
 * @since 0.1.0
 * @category data
 */
export const chiengLeWard = {
  code: "03646",
  name: "Phường Chiềng Lề",
  type: "phuong",
  parentCode: "116",
  validFrom: date("2008-09-03")
} as const

/**
 * The id of a district-level unit version: `unit:<code>` for the 2022–2023 version, and
 * `unit:123/<first day>` for thị xã Mộc Châu.
 *
 * @since 0.1.0
 * @category ids
 */
export const districtUnitId = (code: string, validFrom?: CalendarDate.CalendarDate): Ids.UnitId => {
  const first = districts.find((d) => d.code === code)
  if (first === undefined) throw new RangeError(`no district-level unit with GSO code ${code} in Sơn La`)
  return Ids.UnitId.make(validFrom === undefined || validFrom === first.validFrom ? `unit:${code}` : `unit:${code}/${validFrom}`)
}

/**
 * The id of a commune-level unit from 1 July 2025: `unit:<code>/2025-07-01`. The same code without the
 * date would name the pre-reform unit (`unit:03646` is phường Chiềng Lề, `unit:03646/2025-07-01`
 * phường Tô Hiệu).
 *
 * @since 0.1.0
 * @category ids
 */
export const communeUnitId = (code: string): Ids.UnitId => Ids.UnitId.make(`unit:${code}/${REFORM_DATE}`)

/**
 * The unit version of a district.
 *
 * @since 0.1.0
 * @category constructors
 */
export const districtUnit = (d: District): AdminUnit.AdminUnit =>
  new AdminUnit.AdminUnit({
    id: districtUnitId(d.code, d.validFrom),
    code: d.code,
    name: d.name,
    type: d.type,
    parent: PROVINCE_UNIT_ID,
    validity: { from: d.validFrom, to: d.validTo }
  })

/**
 * Tỉnh Sơn La, open-ended: unchanged by the 2025 reorganisation [V] (§5.1).
 *
 * @since 0.1.0
 * @category data
 */
export const province: AdminUnit.AdminUnit = new AdminUnit.AdminUnit({
  id: PROVINCE_UNIT_ID,
  code: "14",
  name: "Tỉnh Sơn La",
  type: "tinh",
  validity: { from: CODE_TABLE_DATE }
})

/**
 * Every unit version, in this order: the province, the 12 districts of 2022–2023, thị xã Mộc Châu,
 * phường Chiềng Lề (pre-reform), then the 75 communes of 1 July 2025 parented to the province (no
 * district level after the reform).
 *
 * @since 0.1.0
 * @category data
 */
export const units: ReadonlyArray<AdminUnit.AdminUnit> = [
  province,
  ...districtVersions.map(districtUnit),
  new AdminUnit.AdminUnit({
    id: Ids.UnitId.make(`unit:${chiengLeWard.code}`),
    code: chiengLeWard.code,
    name: chiengLeWard.name,
    type: chiengLeWard.type,
    parent: districtUnitId(chiengLeWard.parentCode),
    validity: { from: chiengLeWard.validFrom, to: DISTRICT_LEVEL_LAST_DAY }
  }),
  ...communes2025.map(
    (x) =>
      new AdminUnit.AdminUnit({
        id: communeUnitId(x.code),
        code: x.code,
        name: x.name,
        type: x.type,
        parent: PROVINCE_UNIT_ID,
        validity: { from: REFORM_DATE }
      })
  )
]
