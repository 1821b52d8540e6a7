/**
 * `@hdnd/export-xlsx`: reports and tabulations as Excel workbooks office staff can keep working in.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as XlsxExporter from "./XlsxExporter.js"
