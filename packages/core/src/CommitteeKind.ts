/**
 * Committee kinds and the rules, as data, of which kinds a council may have by level, unit type and
 * legal era (HDND-DOMAIN.md §2.3). Plugins add kinds and rules; a council that decides its own
 * committees (Hà Nội under the Capital Law) is expressed as a rule too.
 *
 * @since 0.1.0
 */
import type { DateRange } from "./CalendarDate.js"
import { date } from "./CalendarDate.js"
import type { Level, UnitType } from "./AdminUnit.js"
import type { CommitteeKindId } from "./Ids.js"

/**
 * A committee kind with its labels.
 *
 * @since 0.1.0
 * @category models
 */
export interface CommitteeKindSpec {
  readonly id: CommitteeKindId
  readonly vi: string
  readonly en: string
  /** Other spellings seen in documents, matched with `Text.matchKey`. */
  readonly aliases?: ReadonlyArray<string>
}

const kind = (id: string, vi: string, en: string, aliases: ReadonlyArray<string> = []): CommitteeKindSpec => ({
  id: id as CommitteeKindId,
  vi,
  en,
  aliases
})

/**
 * The built-in committee kinds.
 *
 * @since 0.1.0
 * @category data
 */
export const builtinCommitteeKinds: ReadonlyArray<CommitteeKindSpec> = [
  kind("phap-che", "Ban Pháp chế", "Legal Affairs Committee"),
  kind("kinh-te-ngan-sach", "Ban Kinh tế – Ngân sách", "Economy and Budget Committee", ["Ban Kinh tế và ngân sách"]),
  kind("van-hoa-xa-hoi", "Ban Văn hóa – Xã hội", "Culture and Social Affairs Committee"),
  kind("dan-toc", "Ban Dân tộc", "Ethnic Affairs Committee"),
  kind("do-thi", "Ban Đô thị", "Urban Affairs Committee"),
  kind("kinh-te-xa-hoi", "Ban Kinh tế – Xã hội", "Socio-Economic Committee")
]

/**
 * A rule: councils of these levels (and, if given, unit types) may, during `validity`, have
 * committees of `kinds`; `conditional` kinds are allowed where the law's criteria are met (Ban Dân
 * tộc "nơi nào có nhiều đồng bào dân tộc thiểu số"), which the data cannot check, so they are
 * accepted and flagged as conditional. `anyKind` lets the council decide its own committees.
 *
 * @since 0.1.0
 * @category models
 */
export interface CommitteeRule {
  readonly id: string
  readonly levels: ReadonlyArray<Level>
  readonly unitTypes?: ReadonlyArray<UnitType>
  readonly validity: DateRange
  readonly kinds: ReadonlyArray<CommitteeKindId>
  readonly conditional?: ReadonlyArray<CommitteeKindId>
  readonly anyKind?: boolean
  readonly source: string
}

const k = (...ids: ReadonlyArray<string>) => ids as ReadonlyArray<CommitteeKindId>

const PROVINCE_TYPES: ReadonlyArray<UnitType> = ["tinh"]
const CITY_TYPES: ReadonlyArray<UnitType> = ["thanh-pho-truc-thuoc-tw"]

/**
 * The built-in rules (HDND-DOMAIN.md §2.3, with its confidence tags in `source`).
 *
 * @since 0.1.0
 * @category data
 */
export const builtinCommitteeRules: ReadonlyArray<CommitteeRule> = [
  {
    id: "core/province-2016",
    levels: ["province"],
    unitTypes: PROVINCE_TYPES,
    validity: { from: date("2016-01-01") },
    kinds: k("phap-che", "kinh-te-ngan-sach", "van-hoa-xa-hoi"),
    conditional: k("dan-toc"),
    source: "Luật 77/2015 Đ.18.3 [V]; Luật 72/2025 Đ.29 [S]"
  },
  {
    id: "core/city-2016",
    levels: ["province"],
    unitTypes: CITY_TYPES,
    validity: { from: date("2016-01-01") },
    kinds: k("phap-che", "kinh-te-ngan-sach", "van-hoa-xa-hoi", "do-thi"),
    conditional: k("dan-toc"),
    source: "Luật 77/2015 Đ.39 [U]; Luật 72/2025 Đ.29 [S]"
  },
  {
    id: "core/district-2016",
    levels: ["district"],
    validity: { from: date("2016-01-01"), to: date("2025-06-30") },
    kinds: k("phap-che", "kinh-te-xa-hoi"),
    conditional: k("dan-toc"),
    source: "Luật 77/2015 [S]; NQ 1130/2016/UBTVQH13 (Ban Dân tộc) [S]"
  },
  {
    id: "core/commune-2016",
    levels: ["commune"],
    validity: { from: date("2016-01-01"), to: date("2025-06-30") },
    kinds: k("phap-che", "kinh-te-xa-hoi"),
    source: "Luật 77/2015 Đ.53 [S]"
  },
  {
    id: "core/commune-2025",
    levels: ["commune"],
    validity: { from: date("2025-07-01") },
    kinds: k("kinh-te-ngan-sach", "van-hoa-xa-hoi"),
    source: "Luật 72/2025 Đ.29 khoản 2 [S]"
  }
]
