/**
 * The reorganisations of Sơn La's units as lineage events, as far as the brief supports them
 * (HDND-DOMAIN.md §5.2, §5.3).
 *
 * Recorded: Mộc Châu's reclassification from huyện to thị xã (its date is [U]); the end of the
 * district level on 1 July 2025; the 75 communes that begin on 1 July 2025.
 *
 * Left out on purpose: which former communes went into which new commune. The brief's district →
 * commune mapping comes from community data built with LLM assistance and is marked a hint only
 * [U] §5.3, §9 item 10; it is not a tree (three new communes straddle former districts). The new
 * communes are therefore recorded as established on 1 July 2025 with no sources, and the pre-reform
 * communes (not recorded, except phường Chiềng Lề) are not linked to them.
 *
 * @since 0.1.0
 */
import { AdminUnit, Ids } from "@hdnd/core"
import { communes2025, communeUnitId, DISTRICT_LEVEL_LAST_DAY, districtUnitId, districtVersions, MOC_CHAU_TOWN_FROM, mocChauTown, REFORM_DATE } from "./Units.js"

/**
 * Huyện Mộc Châu continues as thị xã Mộc Châu (GSO code 123 kept [V]) by NQ 1280/NQ-UBTVQH15 [S];
 * the date is {@link MOC_CHAU_TOWN_FROM} [U] §5.2, §9 item 8.
 *
 * @since 0.1.0
 * @category data
 */
export const mocChauReclassified: AdminUnit.LineageEvent = new AdminUnit.LineageEvent({
  id: Ids.LineageEventId.make(`son-la/${MOC_CHAU_TOWN_FROM}/reclassify-moc-chau`),
  kind: "reclassify",
  date: MOC_CHAU_TOWN_FROM,
  sources: [districtUnitId("123")],
  targets: [districtUnitId(mocChauTown.code, mocChauTown.validFrom)],
  legalBasis: "Nghị quyết số 1280/NQ-UBTVQH15",
  note: "Huyện Mộc Châu trở thành thị xã Mộc Châu, giữ mã 123. Ngày hiệu lực chưa được kiểm chứng."
})

/**
 * The district level ends: the 12 district-level units in force on 30 June 2025 (11 huyện, thành phố
 * Sơn La, thị xã Mộc Châu) end with no successor at their level [V] (Luật 72/2025/QH15, §1.1, §5.2).
 *
 * @since 0.1.0
 * @category data
 */
export const districtLevelAbolished: AdminUnit.LineageEvent = new AdminUnit.LineageEvent({
  id: Ids.LineageEventId.make("son-la/2025-07-01/abolish-district-level"),
  kind: "abolish",
  date: REFORM_DATE,
  sources: districtVersions
    .filter((d) => d.validTo === DISTRICT_LEVEL_LAST_DAY)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((d) => districtUnitId(d.code, d.validFrom)),
  targets: [],
  legalBasis: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
  note: "Chính quyền cấp huyện kết thúc hoạt động từ ngày 01/7/2025."
})

/**
 * The 75 commune-level units of NQ 1681/NQ-UBTVQH15 begin on 1 July 2025 [V] (§5.3). Recorded as
 * `establish` with no sources: 60 xã and 8 phường were formed by merging the former communes and 7 xã
 * were not rearranged [V], but which former commune went where is not recorded (see the module note).
 *
 * @since 0.1.0
 * @category data
 */
export const communesFormed: AdminUnit.LineageEvent = new AdminUnit.LineageEvent({
  id: Ids.LineageEventId.make("son-la/2025-07-01/establish-communes"),
  kind: "establish",
  date: REFORM_DATE,
  sources: [],
  targets: communes2025.map((x) => communeUnitId(x.code)),
  legalBasis: "Nghị quyết số 1681/NQ-UBTVQH15 ngày 16/6/2025",
  note: "75 đơn vị hành chính cấp xã (67 xã, 8 phường) hoạt động từ ngày 01/7/2025: 60 xã và 8 phường hình thành do sắp xếp, 7 xã không thực hiện sắp xếp. Chưa ghi các đơn vị cũ hợp thành từng đơn vị mới vì danh sách chưa được kiểm chứng."
})

/**
 * Every lineage event, in date order.
 *
 * @since 0.1.0
 * @category data
 */
export const lineage: ReadonlyArray<AdminUnit.LineageEvent> = [mocChauReclassified, districtLevelAbolished, communesFormed]
