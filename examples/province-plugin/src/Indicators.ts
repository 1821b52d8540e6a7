/**
 * Step 4 of the walkthrough: indicators. An indicator is data — an id, labels, a counting noun, a
 * filter over activities and a measure — declared like core's built-in ones (`Indicators.ts` of
 * `@hdnd/core`). The city counts its committees' thematic hearings, and, as an "of which" (trong đó)
 * part, those of Ban Đô thị.
 *
 * @since 0.1.0
 */
import { Ids, Indicator } from "@hdnd/core"
import { COMMITTEE_HEARING_ID } from "./CommitteeHearing.js"

/**
 * Ids of the plugin's indicators.
 *
 * @since 0.1.0
 * @category ids
 */
export const ids = {
  committeeHearing: Ids.IndicatorId.make("da-nang/committee-hearing"),
  committeeHearingUrban: Ids.IndicatorId.make("da-nang/committee-hearing.urban")
} as const

/**
 * Phiên giải trình chuyên đề của các Ban: every activity of kind `da-nang/committee-hearing`.
 *
 * @since 0.1.0
 * @category data
 */
export const committeeHearing: Indicator.Indicator = new Indicator.Indicator({
  id: ids.committeeHearing,
  vi: "Phiên giải trình chuyên đề của các Ban",
  en: "Committee thematic explanation hearings",
  nounVi: "phiên giải trình chuyên đề",
  nounEn: "thematic hearings",
  filter: { kinds: [COMMITTEE_HEARING_ID] },
  measure: "count",
  description: "Đếm các phiên giải trình chuyên đề do các Ban của HĐND tổ chức (loại hoạt động da-nang/committee-hearing)."
})

/**
 * Of which, those organised by Ban Đô thị (committee kind `do-thi`).
 *
 * @since 0.1.0
 * @category data
 */
export const committeeHearingUrban: Indicator.Indicator = new Indicator.Indicator({
  id: ids.committeeHearingUrban,
  vi: "Phiên giải trình chuyên đề của Ban Đô thị",
  en: "Thematic explanation hearings of the Urban Affairs Committee",
  nounVi: "phiên giải trình chuyên đề",
  nounEn: "thematic hearings",
  filter: { kinds: [COMMITTEE_HEARING_ID], committeeKinds: [Ids.CommitteeKindId.make("do-thi")] },
  measure: "count",
  partOf: ids.committeeHearing
})

/**
 * The indicators of the plugin.
 *
 * @since 0.1.0
 * @category data
 */
export const indicators: ReadonlyArray<Indicator.Indicator> = [committeeHearing, committeeHearingUrban]
