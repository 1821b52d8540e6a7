/**
 * `@hdnd/export-csv`: report tables as RFC 4180 CSV, UTF-8 with a byte order mark and guarded
 * against formula injection; one file per table, several in a zip.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as CsvExporter from "./CsvExporter.js"
