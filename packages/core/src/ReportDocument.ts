/**
 * The report document: a neutral tree (headings, paragraphs, tables, charts and the header data of
 * an official document) that exporters turn into bytes. It is built from a tabulation alone, and
 * every figure in it keeps the indicator and selection it came from, so it can be traced back.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { CalendarDate, Period } from "./CalendarDate.js"
import type { DecodeError } from "./Errors.js"
import { decodeWith } from "./Errors.js"

/**
 * The version of the document JSON format.
 *
 * @since 0.1.0
 * @category data
 */
export const DOCUMENT_FORMAT_VERSION = 1

/**
 * A table cell: its text and, for figures, the number (exporters write real numbers and formulas).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DocCell = Schema.Struct({ text: Schema.String, value: Schema.optional(Schema.Number) })
/** @since 0.1.0 @category models */
export type DocCell = typeof DocCell.Type

/**
 * A table: a title, column headers, rows of cells and an optional total row.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DocTable = Schema.TaggedStruct("Table", {
  title: Schema.String,
  columns: Schema.Array(Schema.String),
  rows: Schema.Array(Schema.Array(DocCell)),
  total: Schema.optional(Schema.Array(DocCell))
})
/** @since 0.1.0 @category models */
export type DocTable = typeof DocTable.Type

/**
 * A chart: one series of labelled values, with a text alternative.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DocChart = Schema.TaggedStruct("Chart", {
  title: Schema.String,
  chart: Schema.Literals(["bar", "line"]),
  /** Text alternative describing the chart, for accessibility. */
  alt: Schema.String,
  series: Schema.Array(Schema.Struct({ label: Schema.String, value: Schema.Number }))
})
/** @since 0.1.0 @category models */
export type DocChart = typeof DocChart.Type

/**
 * A block of the document.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DocBlock = Schema.Union([
  Schema.TaggedStruct("Heading", { level: Schema.Literals([1, 2, 3]), text: Schema.String }),
  Schema.TaggedStruct("Paragraph", { text: Schema.String }),
  DocTable,
  DocChart
])
/** @since 0.1.0 @category models */
export type DocBlock = typeof DocBlock.Type

/**
 * A figure used in the text, with where it came from.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Figure = Schema.Struct({
  placeholder: Schema.String,
  indicator: Schema.String,
  where: Schema.Record(Schema.String, Schema.Array(Schema.String)),
  value: Schema.Number,
  text: Schema.String
})
/** @since 0.1.0 @category models */
export type Figure = typeof Figure.Type

/**
 * The header data of an official document (Decree 30/2020 layout).
 *
 * @since 0.1.0
 * @category schemas
 */
export const DocHeader = Schema.Struct({
  issuingBody: Schema.Array(Schema.String),
  number: Schema.optional(Schema.String),
  place: Schema.optional(Schema.String),
  date: Schema.optional(CalendarDate),
  recipients: Schema.Array(Schema.String),
  signatureTitle: Schema.Array(Schema.String),
  signatory: Schema.optional(Schema.String)
})
/** @since 0.1.0 @category models */
export type DocHeader = typeof DocHeader.Type

/**
 * A rendered report.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ReportDocument = Schema.Struct({
  formatVersion: Schema.Literal(DOCUMENT_FORMAT_VERSION),
  template: Schema.String,
  title: Schema.String,
  period: Period,
  header: Schema.optional(DocHeader),
  sections: Schema.Array(Schema.Struct({ heading: Schema.optional(Schema.String), blocks: Schema.Array(DocBlock) })),
  figures: Schema.Array(Figure),
  /** Tables placed after the signature (phụ lục), such as the records behind each figure. */
  appendices: Schema.optional(Schema.Array(DocTable))
}).annotate({ identifier: "ReportDocument" })
/** @since 0.1.0 @category models */
export type ReportDocument = typeof ReportDocument.Type

const encodeDocument = Schema.encodeSync(ReportDocument)
const decodeDocument = decodeWith(ReportDocument, "ReportDocument")

/**
 * The document as JSON-ready data (its schema's encoding; `JSON.stringify` it). The JSON Schema is
 * published with `@hdnd/export-json` (`schema/report-document-data.v1.json`).
 *
 * @since 0.2.0
 * @category conversions
 */
export const toJSON = (doc: ReportDocument): typeof ReportDocument.Encoded => encodeDocument(doc)

/**
 * Decodes a document's JSON (after `JSON.parse`): every problem at once, as a `DecodeError` of
 * entity `ReportDocument`.
 *
 * @since 0.2.0
 * @category decoding
 */
export const decode = (input: unknown): Result.Result<ReportDocument, DecodeError> => decodeDocument(input)

/**
 * {@link decode} for code without Effect: the document, or throws the `DecodeError`.
 *
 * @example
 * ```ts uses=doc
 * import { ReportDocument } from "@hdnd/core"
 *
 * const back = ReportDocument.fromJSON(JSON.parse(JSON.stringify(ReportDocument.toJSON(doc))))
 * ```
 *
 * @since 0.2.0
 * @category decoding
 */
export const fromJSON = (input: unknown): ReportDocument => {
  const r = decodeDocument(input)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}
