/**
 * `@hdnd/import`: streaming readers for CSV, XLSX, JSON and NDJSON; detection of legacy Vietnamese
 * encodings; the interchange format with Vietnamese and English headers; resolution of references
 * written as names; and the decode pipeline from rows to core records and batches, with every
 * problem placed at its file, row, column and field.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Batches from "./Batches.js"
/** @since 0.1.0 */
export * as Csv from "./Csv.js"
/** @since 0.1.0 */
export * as Decode from "./Decode.js"
/** @since 0.1.0 */
export * as Encoding from "./Encoding.js"
/** @since 0.1.0 */
export * as HeaderMapping from "./HeaderMapping.js"
/** @since 0.1.0 */
export * as Import from "./Import.js"
/** @since 0.1.0 */
export * as ImportError from "./ImportError.js"
/** @since 0.1.0 */
export * as Input from "./Input.js"
/** @since 0.1.0 */
export * as Interchange from "./Interchange.js"
/** @since 0.1.0 */
export * as Json from "./Json.js"
/** @since 0.1.0 */
export * as Ndjson from "./Ndjson.js"
/** @since 0.2.0 */
export * as PromiseImport from "./PromiseImport.js"
export { importBuffer, importFile, importStream } from "./PromiseImport.js"
/** @since 0.2.0 */
export * as Rejects from "./Rejects.js"
/** @since 0.1.0 */
export * as Resolve from "./Resolve.js"
/** @since 0.1.0 */
export * as Rows from "./Rows.js"
/** @since 0.1.0 */
export * as Source from "./Source.js"
/** @since 0.1.0 */
export * as SourceRow from "./SourceRow.js"
/** @since 0.1.0 */
export * as Vocabulary from "./Vocabulary.js"
/** @since 0.1.0 */
export * as Xlsx from "./Xlsx.js"
