/**
 * `@hdnd/testkit`: fast-check arbitraries for hdnd's entities, the counting laws of tabulation and
 * the store and exporter conformance kits, for adapter, plugin and province authors to reuse in their own tests.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Arbitraries from "./Arbitraries.js"
/** @since 0.1.0 */
export * as Laws from "./Laws.js"
/** @since 0.1.0 */
export * as StoreSuite from "./store/StoreSuite.js"
/** @since 0.1.0 */
export * as StoreProperties from "./store/StoreProperties.js"
/** @since 0.1.0 */
export * as StoreModelBased from "./store/ModelBased.js"
/** @since 0.1.0 */
export * as StoreModel from "./store/StoreModel.js"
/** @since 0.1.0 */
export * as StoreCommands from "./store/commands/index.js"
/** @since 0.1.0 */
export * as StoreHandle from "./store/StoreHandle.js"
/** @since 0.1.0 */
export * as StoreExpectations from "./store/Expectations.js"
/** @since 0.1.0 */
export * as StoreRecords from "./store/Records.js"
/** @since 0.1.0 */
export * as StoreFilters from "./store/StreamFilters.js"
/** @since 0.1.0 */
export * as StoreRequests from "./store/Requests.js"
/** @since 0.1.0 */
export * as StorePushdown from "./store/Pushdown.js"
/** @since 0.1.0 */
export * as StoreData from "./store/FullDataset.js"
/** @since 0.1.0 */
export * as StoreInvalid from "./store/Invalid.js"
/** @since 0.1.0 */
export * as StoreEdits from "./store/Edits.js"
/** @since 0.1.0 */
export * as StoreTrickyText from "./store/TrickyText.js"
/** @since 0.1.0 */
export * as StoreRoundTrip from "./store/RoundTrip.js"
/** @since 0.2.0 */
export * as StoreMeasures from "./store/Measures.js"
/** @since 0.2.0 */
export * as StoreClientRoles from "./store/ClientRoles.js"
/** @since 0.1.0 */
export * as ExporterSuite from "./export/ExporterSuite.js"
/** @since 0.1.0 */
export * as ExportDocuments from "./export/Documents.js"
/** @since 0.1.0 */
export * as ExportRender from "./export/Render.js"
/** @since 0.1.0 */
export * as PluginSuite from "./plugin/PluginSuite.js"
/** @since 0.1.0 */
export * as PluginUniverse from "./plugin/PluginUniverse.js"
/** @since 0.2.0 */
export * as ImportSafety from "./store/ImportSafety.js"
