/**
 * `@hdnd/testkit`: fast-check arbitraries for hdnd's entities and the counting laws of tabulation,
 * for adapter, plugin and province authors to reuse in their own tests.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Arbitraries from "./Arbitraries.js"
/** @since 0.1.0 */
export * as Laws from "./Laws.js"
