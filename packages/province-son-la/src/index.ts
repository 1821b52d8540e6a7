/**
 * `@hdnd/province-son-la`: the data and report templates of Sơn La province for hdnd — its
 * administrative units before and after the 2025 reform and their lineage, its People's Councils with
 * their terms and organs, and three report templates. Sources and confidence tags: HDND-DOMAIN.md §5
 * (see the package README).
 *
 * @since 0.1.0
 */
import { definePlugin } from "@hdnd/core"
import type { AdminUnit, Council, Dataset, Plugin, ReportTemplate } from "@hdnd/core"
import * as Councils from "./Councils.js"
import * as Lineage from "./Lineage.js"
import * as Templates from "./Templates.js"
import * as Units from "./Units.js"

/** @since 0.1.0 */
export * as Councils from "./Councils.js"
/** @since 0.1.0 */
export * as Lineage from "./Lineage.js"
/** @since 0.1.0 */
export * as Templates from "./Templates.js"
/** @since 0.1.0 */
export * as Units from "./Units.js"

/**
 * The plugin's name and the namespace of its template ids (`son-la/…`).
 *
 * @since 0.1.0
 * @category data
 */
export const NAMESPACE = "son-la"

/**
 * The administrative units: the province, the 12 district-level units until 30 June 2025 (Mộc Châu as
 * a huyện, then a thị xã), phường Chiềng Lề (the pre-reform holder of code 03646) and the 75
 * commune-level units from 1 July 2025.
 *
 * @since 0.1.0
 * @category data
 */
export const units: ReadonlyArray<AdminUnit.AdminUnit> = Units.units

/**
 * The lineage events: Mộc Châu's reclassification, the end of the district level and the formation of
 * the 75 communes.
 *
 * @since 0.1.0
 * @category data
 */
export const lineage: ReadonlyArray<AdminUnit.LineageEvent> = Lineage.lineage

/**
 * The councils: HĐND tỉnh Sơn La, the 13 district-level councils (12 units, Mộc Châu twice) and the
 * 75 commune councils.
 *
 * @since 0.1.0
 * @category data
 */
export const councils: ReadonlyArray<Council.Council> = Councils.councils

/**
 * The terms: khóa XV of the province and the 2021–2026 terms of the district-level councils.
 *
 * @since 0.1.0
 * @category data
 */
export const terms: ReadonlyArray<Council.Term> = Councils.terms

/**
 * The organs: plenary, Thường trực and committees of every council.
 *
 * @since 0.1.0
 * @category data
 */
export const organs: ReadonlyArray<Council.Organ> = Councils.organs

/**
 * The report templates: `son-la/committee-conference-2023`, `son-la/committee-year-end` and
 * `son-la/answer-report` (the consolidated answers to recommendations, for `hdnd recommendations report`).
 *
 * @since 0.1.0
 * @category data
 */
export const templates: ReadonlyArray<ReportTemplate.ReportTemplate> = Templates.templates

/**
 * All of the data as one batch (units, lineage, councils, terms, organs), ready to upsert or to give a
 * plugin as its `data`. It passes `Validation.validateBatch(Dataset.empty, batch, Registry.builtin)`.
 *
 * @since 0.1.0
 * @category data
 */
export const batch: Dataset.Batch = { units, lineage, councils, terms, organs }

/**
 * The same batch under the name a plugin's `data` field uses.
 *
 * @since 0.1.0
 * @category data
 */
export const dataset: Dataset.Batch = batch

/**
 * The Sơn La plugin: its report templates and its structure (units over time, councils, terms,
 * organs). Load it with `hdnd --plugin @hdnd/province-son-la …`, in `hdnd.config.json`, or with
 * `PluginHost.load([plugin])`.
 *
 * @since 0.1.0
 * @category plugin
 */
export const plugin: Plugin.Plugin = definePlugin({
  name: NAMESPACE,
  version: "0.1.0",
  requires: "^0.1.0",
  vi: "Tỉnh Sơn La: đơn vị hành chính qua các thời kỳ, Hội đồng nhân dân, các ban, mẫu báo cáo",
  en: "Sơn La province: administrative units over time, councils, committees, report templates",
  reportTemplates: templates,
  data: batch
})
