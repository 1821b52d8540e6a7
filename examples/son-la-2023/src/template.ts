/**
 * The report template of the Sơn La committee conference of 14 October 2023: the third paragraph of
 * the seed article with every figure bound to an indicator, plus tables and charts. It is defined in
 * `@hdnd/province-son-la` (`son-la/committee-conference-2023`); this module names it for the example.
 *
 * @since 0.1.0
 */
import type { Ids, ReportTemplate } from "@hdnd/core"
import { Registry } from "@hdnd/core"
import { Templates } from "@hdnd/province-son-la"

/**
 * The id of the template.
 *
 * @since 0.1.0
 */
export const TEMPLATE_ID: Ids.TemplateId = Templates.CONFERENCE_TEMPLATE_ID

/**
 * The paragraph of the seed with every number replaced by a placeholder.
 *
 * @since 0.1.0
 */
export const RESULTS_PARAGRAPH: string = Templates.RESULTS_PARAGRAPH

/**
 * The report template: official frame of HĐND tỉnh Sơn La; figures by level, a table by council,
 * and charts by council, by activity kind and by month.
 *
 * @since 0.1.0
 */
export const template: ReportTemplate.ReportTemplate = Templates.conferenceTemplate

/**
 * The built-in registry with this template added.
 *
 * @since 0.1.0
 */
export const registry: Registry.Registry = Registry.extend({ templates: [template] })
