/**
 * `@hdnd/export-docx`: a report as an official Word document (DOCX) in the Decree 30/2020/NĐ-CP
 * layout.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as DocxExporter from "./DocxExporter.js"
