/**
 * `@hdnd/export-json`: report documents and tabulations as versioned JSON with a published JSON
 * Schema.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as JsonExporter from "./JsonExporter.js"
