/**
 * `@hdnd/core`: the domain model of Vietnamese People's Councils (HĐND), declared indicators, the
 * tabulation engine, report templates and documents, Vietnamese formatting, the `Store` port with
 * the in-memory reference store, and a Promise client.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Activity from "./Activity.js"
/** @since 0.1.0 */
export * as ActivityKind from "./ActivityKind.js"
/** @since 0.1.0 */
export * as AdminUnit from "./AdminUnit.js"
/** @since 0.1.0 */
export * as CalendarDate from "./CalendarDate.js"
/** @since 0.1.0 */
export * as Client from "./Client.js"
/** @since 0.1.0 */
export * as CommitteeKind from "./CommitteeKind.js"
/** @since 0.2.0 */
export * as CouncilDocument from "./CouncilDocument.js"
/** @since 0.1.0 */
export * as Council from "./Council.js"
/** @since 0.2.0 */
export * as DataPlugin from "./DataPlugin.js"
/** @since 0.1.0 */
export * as Dataset from "./Dataset.js"
/** @since 0.1.0 */
export * as DocumentRef from "./DocumentRef.js"
/** @since 0.1.0 */
export * as Errors from "./Errors.js"
export * as Exporter from "./Exporter.js"
/** @since 0.1.0 */
export * as Format from "./Format.js"
/** @since 0.1.0 */
export * as Hierarchy from "./Hierarchy.js"
/** @since 0.2.0 */
export * as Historic from "./Historic.js"
/** @since 0.1.0 */
export * as Ids from "./Ids.js"
/** @since 0.1.0 */
export * as Indicator from "./Indicator.js"
/** @since 0.1.0 */
export * as Indicators from "./Indicators.js"
/** @since 0.1.0 */
export * as LegalEra from "./LegalEra.js"
/** @since 0.1.0 */
export * as MemoryStore from "./MemoryStore.js"
export * as Plugin from "./Plugin.js"
export * as PluginHost from "./PluginHost.js"
/** @since 0.1.0 */
export * as Programme from "./Programme.js"
/** @since 0.1.0 */
export * as Recommendation from "./Recommendation.js"
/** @since 0.1.0 */
export * as RecommendationReport from "./RecommendationReport.js"
/** @since 0.1.0 */
export * as RecommendationStats from "./RecommendationStats.js"
/** @since 0.1.0 */
export * as RecommendationStatus from "./RecommendationStatus.js"
/** @since 0.1.0 */
export * as Registry from "./Registry.js"
/** @since 0.1.0 */
export * as Report from "./Report.js"
/** @since 0.1.0 */
export * as ReportDocument from "./ReportDocument.js"
/** @since 0.1.0 */
export * as ReportTemplate from "./ReportTemplate.js"
/** @since 0.1.0 */
export * as ReportText from "./ReportText.js"
/** @since 0.2.0 */
export * as Resolution from "./Resolution.js"
/** @since 0.1.0 */
export * as Session from "./Session.js"
/** @since 0.1.0 */
export * as Store from "./Store.js"
/** @since 0.1.0 */
export * as Tabulate from "./Tabulate.js"
/** @since 0.1.0 */
export * as Tabulation from "./Tabulation.js"
/** @since 0.1.0 */
export * as TabulationBuilder from "./TabulationBuilder.js"
export * as TabulationDocument from "./TabulationDocument.js"
/** @since 0.2.0 */
export * as TabulationJson from "./TabulationJson.js"
/** @since 0.1.0 */
export * as TabulationRequest from "./TabulationRequest.js"
/** @since 0.1.0 */
export * as Tally from "./Tally.js"
/** @since 0.1.0 */
export * as Text from "./Text.js"
/** @since 0.1.0 */
export * as Validation from "./Validation.js"

export { HdndClient } from "./Client.js"
export { definePlugin } from "./Plugin.js"
export type { ActivityKindAttributes } from "./Plugin.js"
