/**
 * Legal eras of the Law on the Organisation of Local Government, as data. Rules that depend on the
 * law in force (which committees a council may have) refer to date ranges, and these eras name them.
 *
 * @since 0.1.0
 */
import type { DateRange } from "./CalendarDate.js"
import { date } from "./CalendarDate.js"

/**
 * A legal regime with its dates and source.
 *
 * @since 0.1.0
 * @category models
 */
export interface LegalEra {
  readonly id: "lolg-2015" | "lolg-2025-feb" | "lolg-2025-jun"
  readonly law: string
  readonly validity: DateRange
  readonly tiers: 2 | 3
  readonly vi: string
  readonly en: string
}

/**
 * The three regimes since 2016 (HDND-DOMAIN.md §1.1): Law 77/2015 (three tiers), Law 65/2025 (three
 * tiers, 1/3–15/6/2025) and Law 72/2025 (two tiers, from 16/6/2025; district councils stopped on
 * 1/7/2025).
 *
 * @since 0.1.0
 * @category data
 */
export const legalEras: ReadonlyArray<LegalEra> = [
  {
    id: "lolg-2015",
    law: "77/2015/QH13",
    validity: { from: date("2016-01-01"), to: date("2025-02-28") },
    tiers: 3,
    vi: "Luật Tổ chức chính quyền địa phương 2015",
    en: "Law on the Organisation of Local Government 2015"
  },
  {
    id: "lolg-2025-feb",
    law: "65/2025/QH15",
    validity: { from: date("2025-03-01"), to: date("2025-06-15") },
    tiers: 3,
    vi: "Luật Tổ chức chính quyền địa phương số 65/2025/QH15",
    en: "Law on the Organisation of Local Government No. 65/2025/QH15"
  },
  {
    id: "lolg-2025-jun",
    law: "72/2025/QH15",
    validity: { from: date("2025-06-16") },
    tiers: 2,
    vi: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 (hai cấp)",
    en: "Law on the Organisation of Local Government No. 72/2025/QH15 (two tiers)"
  }
]

/**
 * The first day on which district-level councils no longer operate.
 *
 * @since 0.1.0
 * @category data
 */
export const DISTRICT_LEVEL_ENDED = date("2025-07-01")

/**
 * The legal era in force on a day, if any.
 *
 * @since 0.1.0
 * @category queries
 */
export const eraOn = (d: string): LegalEra | undefined =>
  legalEras.find((e) => e.validity.from <= d && (e.validity.to === undefined || d <= e.validity.to))
