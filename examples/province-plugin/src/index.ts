/**
 * The worked example of a province plugin: the plugin a centrally-run city — here thành phố Đà Nẵng —
 * writes for hdnd. It is named `da-nang`, the namespace of every id it contributes, and brings:
 *
 * - data (`Units.ts`, `Councils.ts`): the city from 1 July 2025, seven of its commune-level units, the
 *   city council with its term, plenary, Thường trực and four committees including Ban Đô thị, and the
 *   commune councils;
 * - an activity kind with attributes (`CommitteeHearing.ts`): `da-nang/committee-hearing`, typed by
 *   augmenting `ActivityKindAttributes`;
 * - two indicators (`Indicators.ts`), a report template (`Templates.ts`) and an importer mapping for
 *   the city's own spreadsheet (`Importers.ts`).
 *
 * ALL DATA IS ILLUSTRATIVE. Only the city's GSO code (48) is taken from the domain brief; commune codes
 * are placeholders (9xxxx), names, the convocation and the committees' existence are unverified, and
 * every activity of the demo is invented. See README.md.
 *
 * @since 0.1.0
 */
import { definePlugin } from "@hdnd/core"
import type { Dataset, Plugin } from "@hdnd/core"
import { activityKinds } from "./CommitteeHearing.js"
import { allOrgans, councils, terms } from "./Councils.js"
import { importers } from "./Importers.js"
import { indicators } from "./Indicators.js"
import { templates } from "./Templates.js"
import { lineage, NAMESPACE, units } from "./Units.js"

/** @since 0.1.0 */
export * as CommitteeHearing from "./CommitteeHearing.js"
/** @since 0.1.0 */
export * as Councils from "./Councils.js"
/** @since 0.1.0 */
export * as Importers from "./Importers.js"
/** @since 0.1.0 */
export * as Indicators from "./Indicators.js"
/** @since 0.1.0 */
export * as Templates from "./Templates.js"
/** @since 0.1.0 */
export * as Units from "./Units.js"

/**
 * The structure the plugin brings: units, lineage, councils, terms and organs. Activities are not
 * part of a plugin: they are imported (or, in the demo, built in memory).
 *
 * @since 0.1.0
 * @category data
 */
export const data: Dataset.Batch = { units, lineage, councils, terms, organs: allOrgans }

/**
 * The plugin. Load it with `PluginHost.load([plugin])` (alone or beside other provinces' plugins), or
 * name this module in the configuration of the `hdnd` command.
 *
 * @since 0.1.0
 * @category plugin
 */
export const plugin: Plugin.Plugin = definePlugin({
  name: NAMESPACE,
  version: "0.1.0",
  requires: "^0.1.0",
  vi: "Thành phố Đà Nẵng (ví dụ minh họa): Ban Đô thị, phiên giải trình chuyên đề của các Ban, chỉ tiêu, mẫu báo cáo, bảng ánh xạ",
  en: "Đà Nẵng city (illustrative example): Urban Affairs Committee, committee thematic hearings, indicators, a report template, an import mapping",
  activityKinds,
  indicators,
  reportTemplates: templates,
  importers,
  data
})
