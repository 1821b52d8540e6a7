/**
 * Report documents and tabulations as versioned JSON, for other systems to consume. Every file names
 * its kind and format version and validates against the JSON Schema published with this package
 * (`@hdnd/export-json/schema/report-document.v1.json`, `…/tabulation.v1.json`); the same schemas are
 * {@link documentFileSchema} and {@link tabulationFileSchema} in code.
 *
 * @since 0.1.0
 */
import { Errors, Exporter, ReportDocument, Tabulation, TabulationJson } from "@hdnd/core"
import type { Registry } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as JsonSchema from "effect/JsonSchema"
import * as Schema from "effect/Schema"

/**
 * The version of both JSON formats. A consumer refuses a file with a version it does not know.
 *
 * @since 0.1.0
 * @category data
 */
export const FORMAT_VERSION = 1

/**
 * The address each file's `$schema` names.
 *
 * @since 0.1.0
 * @category data
 */
export const SCHEMA_IDS = {
  document: "https://hdnd.invalid/schema/report-document.v1.json",
  tabulation: "https://hdnd.invalid/schema/tabulation.v1.json",
  /** `ReportDocument.toJSON`: a bare report document (since 0.2.0). */
  "document-data": "https://hdnd.invalid/schema/report-document-data.v1.json",
  /** `TabulationJson.toJSON`: a tabulation's whole state (since 0.2.0). */
  "tabulation-state": "https://hdnd.invalid/schema/tabulation-state.v1.json",
  /** `Errors.problemsToJSON` and `ImportError.problemsToJSON` of `@hdnd/import` (since 0.2.0). */
  problems: "https://hdnd.invalid/schema/problems.v1.json"
} as const

/**
 * The kinds of JSON that have a published schema: the two export files (`document`, `tabulation`),
 * and, since 0.2.0, the JSON of `ReportDocument.toJSON` (`document-data`), of `TabulationJson.toJSON`
 * (`tabulation-state`) and of a problem list (`problems`).
 *
 * @since 0.2.0
 * @category models
 */
export type SchemaKind = keyof typeof SCHEMA_IDS

/**
 * The file name of each published schema, in the package's `schema/` folder
 * (`@hdnd/export-json/schema/<name>`).
 *
 * @since 0.2.0
 * @category data
 */
export const SCHEMA_FILES: Readonly<Record<SchemaKind, string>> = {
  document: "report-document.v1.json",
  tabulation: "tabulation.v1.json",
  "document-data": "report-document-data.v1.json",
  "tabulation-state": "tabulation-state.v1.json",
  problems: "problems.v1.json"
}

/**
 * Where a published schema file is on disk (Node.js), e.g. to load it into a validator:
 * `JSON.parse(readFileSync(JsonExporter.schemaUrl("tabulation-state"), "utf8"))`. The same object is
 * {@link jsonSchema}`(kind)`.
 *
 * @since 0.2.0
 * @category data
 */
export const schemaUrl = (kind: SchemaKind): URL => new URL(`../schema/${SCHEMA_FILES[kind]}`, import.meta.url)

const Generated = Schema.String.annotate({ description: "When the file was written (ISO 8601, UTC)." })

/**
 * A report document file: `{ $schema, kind: "hdnd/report-document", formatVersion, generatedAt, document }`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const documentFileSchema = Schema.Struct({
  $schema: Schema.Literal(SCHEMA_IDS.document),
  kind: Schema.Literal("hdnd/report-document"),
  formatVersion: Schema.Literal(FORMAT_VERSION),
  generatedAt: Generated,
  document: ReportDocument.ReportDocument
}).annotate({ identifier: "ReportDocumentFile", title: "hdnd report document" })

const Qualifier = Schema.Literals(["exact", "over", "nearly", "about"])

/**
 * One cell of a tabulation file: the indicator, the dimension values (ids, with their labels), the
 * value and how it was reached.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TabulationRow = Schema.Struct({
  indicator: Schema.String,
  key: Schema.Record(Schema.String, Schema.String),
  value: Schema.Number,
  qualifier: Qualifier,
  /** The qualifier word as entered ("trên"), when a tally kept it (since 0.2.0). */
  wording: Schema.optionalKey(Schema.String),
  items: Schema.Number,
  sessions: Schema.Array(Schema.String),
  /** The sum of the measured attribute (`sum` indicators; 0 otherwise). Since 0.2.0. */
  sum: Schema.Number,
  /** The distinct values of the measured attribute (`distinct` indicators). Since 0.2.0. */
  values: Schema.Array(Schema.String),
  tallies: Schema.Array(
    Schema.Struct({ id: Schema.String, body: Schema.String, value: Schema.Number, qualifier: Qualifier, wording: Schema.optionalKey(Schema.String) })
  ),
  activities: Schema.Array(Schema.String)
}).annotate({ identifier: "TabulationRow" })

/**
 * A tabulation file: `{ $schema, kind: "hdnd/tabulation", formatVersion, generatedAt, … }` with the
 * period, the dimensions, the indicators (with names), every cell as a row, the labels of dimension
 * values, the unapportioned tallies and the conflicts.
 *
 * @since 0.1.0
 * @category schemas
 */
export const tabulationFileSchema = Schema.Struct({
  $schema: Schema.Literal(SCHEMA_IDS.tabulation),
  kind: Schema.Literal("hdnd/tabulation"),
  formatVersion: Schema.Literal(FORMAT_VERSION),
  generatedAt: Generated,
  period: Schema.NullOr(Schema.Struct({ from: Schema.String, to: Schema.String })),
  view: Schema.Literals(["council", "organ"]),
  dimensions: Schema.Array(Schema.String),
  indicators: Schema.Array(Schema.Struct({ id: Schema.String, measure: Schema.String, vi: Schema.String, en: Schema.String })),
  rows: Schema.Array(TabulationRow),
  labels: Schema.Record(Schema.String, Schema.Struct({ vi: Schema.String, en: Schema.String })),
  unapportioned: Schema.Array(Schema.String),
  conflicts: Schema.Array(
    Schema.Struct({ indicator: Schema.String, body: Schema.String, items: Schema.Number, tallies: Schema.Array(Schema.String), tallyValue: Schema.Number })
  )
}).annotate({ identifier: "TabulationFile", title: "hdnd tabulation" })

/**
 * One problem as JSON: core's `Problem` fields, and where it is when an import found it (`file`,
 * `sheet`, `row`, `column`, `header`, as `@hdnd/import`'s `ImportProblem` adds them).
 *
 * @since 0.2.0
 * @category schemas
 */
export const ProblemJson = Schema.Struct({
  ...Errors.Problem.fields,
  file: Schema.optionalKey(Schema.String),
  sheet: Schema.optionalKey(Schema.String),
  row: Schema.optionalKey(Schema.Number),
  column: Schema.optionalKey(Schema.String),
  header: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "Problem" })

/**
 * A problem list as JSON (`Errors.problemsToJSON`, `ImportError.problemsToJSON`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const problemsSchema = Schema.Array(ProblemJson).annotate({ identifier: "Problems", title: "hdnd problems" })

const schemaOf = (kind: SchemaKind): Schema.Top => {
  switch (kind) {
    case "document":
      return documentFileSchema
    case "tabulation":
      return tabulationFileSchema
    case "document-data":
      return ReportDocument.ReportDocument
    case "tabulation-state":
      return TabulationJson.TabulationJson
    case "problems":
      return problemsSchema
  }
}

/** @since 0.1.0 @category models */
export type DocumentFile = typeof documentFileSchema.Type
/** @since 0.1.0 @category models */
export type TabulationFile = typeof tabulationFileSchema.Type

/**
 * The JSON Schema (draft-07) of a kind of JSON, with its `$id` (the kinds of {@link SchemaKind}
 * since 0.2.0).
 *
 * @since 0.1.0
 * @category schemas
 */
export const jsonSchema = (kind: SchemaKind): object => {
  // Objects stay closed (`additionalProperties: false`), as in every published v1 schema.
  const document = JsonSchema.toDocumentDraft07(Schema.toJsonSchemaDocument(schemaOf(kind), { onExcessProperty: "error" }))
  return {
    $id: SCHEMA_IDS[kind],
    $schema: JsonSchema.META_SCHEMA_URI_DRAFT_07,
    ...(asWritten(document.schema) as JsonSchema.JsonSchema),
    ...(Object.keys(document.definitions).length > 0
      ? { definitions: Object.fromEntries(Object.entries(document.definitions).map(([name, definition]) => [name, asWritten(definition)])) }
      : {})
  }
}

const NON_FINITE_TEXTS: ReadonlySet<unknown> = new Set(["NaN", "Infinity", "-Infinity"])

const isSchemaObject = (u: unknown): u is JsonSchema.JsonSchema => typeof u === "object" && u !== null && !Array.isArray(u)

/** `{ type: "string", enum: ["NaN", "Infinity", "-Infinity"] }`: how Effect's JSON codec writes a non-finite number. */
const isNonFiniteText = (s: unknown): boolean =>
  isSchemaObject(s) && Object.keys(s).length === 2 && s.type === "string" && Array.isArray(s.enum) &&
  s.enum.length === NON_FINITE_TEXTS.size && s.enum.every((v) => NON_FINITE_TEXTS.has(v))

const isNumber = (s: unknown): boolean => isSchemaObject(s) && Object.keys(s).length === 1 && s.type === "number"
const isNull = (s: unknown): boolean => isSchemaObject(s) && Object.keys(s).length === 1 && s.type === "null"

/**
 * The generated JSON Schema as the files are written. Effect's generator describes its own JSON codec,
 * which writes an `undefined` optional field as `null` and a non-finite number as a string; the
 * files are `JSON.stringify` of the encoded value instead, which leaves an `undefined` field out and
 * has only JSON numbers. So, as in the v1 schemas: the `null` alternative of an optional property and
 * the non-finite-number strings beside `{ type: "number" }` are dropped (an alternative left alone
 * takes the place of its `anyOf`). Everything else is kept as generated.
 */
const asWritten = (schema: unknown, optional = false): unknown => {
  if (Array.isArray(schema)) return schema.map((s) => asWritten(s))
  if (!isSchemaObject(schema)) return schema
  const required = new Set(Array.isArray(schema.required) ? schema.required : [])
  const out: JsonSchema.JsonSchema = {}
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === "properties" && isSchemaObject(value)
      ? Object.fromEntries(Object.entries(value).map(([name, property]) => [name, asWritten(property, !required.has(name))]))
      : asWritten(value)
  }
  if (!Array.isArray(out.anyOf)) return out
  const branches: ReadonlyArray<unknown> = out.anyOf
  const kept = branches.filter((b) => !(isNonFiniteText(b) && branches.some(isNumber)) && !(optional && isNull(b)))
  const { anyOf: _, ...rest } = out
  const [only] = kept
  if (kept.length === 1 && isSchemaObject(only) && Object.keys(only).every((k) => !(k in rest))) return { ...rest, ...only }
  return { ...rest, anyOf: kept }
}

/**
 * A tabulation as its JSON file content.
 *
 * @since 0.1.0
 * @category conversions
 */
export const tabulationFile = (tab: Tabulation.Tabulation, registry: Registry.Registry, generatedAt: Date): TabulationFile => {
  const used = new Set<string>()
  const rows = Tabulation.toRows(tab).map((r) => {
    const key: Record<string, string> = {}
    tab.dimensions.forEach((d, i) => {
      key[d] = r.key[i]!
      used.add(r.key[i]!)
    })
    return {
      indicator: r.indicator,
      key,
      value: r.value,
      qualifier: r.qualifier,
      ...(r.wording === undefined ? {} : { wording: r.wording }),
      items: r.items,
      sessions: [...r.sessions],
      sum: r.sum,
      values: [...r.values],
      tallies: r.tallies.map((t) => ({ id: t.id, body: t.body, value: t.value, qualifier: t.qualifier, ...(t.wording === undefined ? {} : { wording: t.wording }) })),
      activities: [...r.activities]
    }
  })
  const labels: Record<string, { vi: string; en: string }> = {}
  for (const v of [...used].sort()) {
    const l = tab.labels.get(v)
    if (l !== undefined) labels[v] = { vi: l.vi, en: l.en }
  }
  return {
    $schema: SCHEMA_IDS.tabulation,
    kind: "hdnd/tabulation",
    formatVersion: FORMAT_VERSION,
    generatedAt: generatedAt.toISOString(),
    period: tab.period === undefined ? null : { from: tab.period.from, to: tab.period.to },
    view: tab.view,
    dimensions: [...tab.dimensions],
    indicators: [...tab.indicators.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, measure]) => {
        const ind = registry.indicators.get(id)
        return { id, measure, vi: ind?.vi ?? id, en: ind?.en ?? id }
      }),
    rows,
    labels,
    unapportioned: [...tab.unapportioned].sort(),
    conflicts: Tabulation.conflicts(tab).map((c) => ({ ...c, tallies: [...c.tallies] }))
  }
}

const encodeDocument = Schema.encodeSync(ReportDocument.ReportDocument)
const encoder = new TextEncoder()

/** Rows between two calls of `onProgress`, as in the other exporters. */
const PROGRESS_EVERY = 1000

/** The arrays of rows of a document's tables, in its sections and its appendices. */
const tableRowsOf = (doc: typeof ReportDocument.ReportDocument.Encoded): ReadonlyArray<ReadonlyArray<unknown>> => {
  const out: Array<ReadonlyArray<unknown>> = []
  for (const s of doc.sections) for (const b of s.blocks) if (b._tag === "Table") out.push(b.rows)
  for (const t of doc.appendices ?? []) out.push(t.rows)
  return out
}

/**
 * The file's text: `JSON.stringify(file, null, 2)` and a newline. With `onProgress`, the elements of
 * `rows` (the file's own arrays of table rows or tabulation cells) are counted as they are written,
 * and `onProgress(done, total)` is called every {@link PROGRESS_EVERY} rows and once more at the
 * end with the total; no rows, no calls. The text is the same with and without `onProgress`.
 */
const fileText = (file: object, rows: ReadonlyArray<ReadonlyArray<unknown>>, onProgress: Exporter.ExportOptions["onProgress"]): string => {
  if (onProgress === undefined) return JSON.stringify(file, null, 2) + "\n"
  const holders = new Set<unknown>(rows)
  const total = rows.reduce((n, r) => n + r.length, 0)
  let done = 0
  let told = 0
  // JSON.stringify calls the replacer once for every element of an array, with the array as `this`;
  // returning the value unchanged leaves the text exactly as it is without a replacer.
  const text = JSON.stringify(
    file,
    function (this: unknown, _key: string, value: unknown) {
      if (holders.has(this)) {
        done++
        if (done - told >= PROGRESS_EVERY || done === total) {
          told = done
          onProgress(done, total)
        }
      }
      return value
    },
    2
  )
  return text + "\n"
}

/**
 * The JSON exporter (`json`): a report document or a tabulation as one pretty-printed UTF-8 file.
 * `options.onProgress` is called every 1,000 rows written and at the end, with the rows written and
 * the rows in all: the rows of a document's tables and appendices, or a tabulation's cells.
 *
 * @example
 * ```ts
 * import { Exporter, type ReportDocument } from "@hdnd/core"
 * import { JsonExporter } from "@hdnd/export-json"
 * import * as Effect from "effect/Effect"
 * import { writeFile } from "node:fs/promises"
 *
 * const save = async (doc: ReportDocument.ReportDocument) => {
 *   const { bytes, extension } = await Effect.runPromise(JsonExporter.exporter.export(Exporter.document(doc)))
 *   await writeFile(`bao-cao.${extension}`, bytes)
 * }
 * ```
 *
 * @since 0.1.0
 * @category exporters
 */
export const exporter: Exporter.Exporter = {
  id: "json",
  vi: "JSON (dữ liệu có cấu trúc, có lược đồ)",
  en: "JSON (structured data with a published schema)",
  mediaType: "application/json",
  extension: "json",
  export: (input, options = {}) =>
    Effect.try({
      try: () => {
        const generatedAt = options.createdAt ?? new Date()
        if (input._tag === "Document") {
          const document = encodeDocument(input.document)
          const file = { $schema: SCHEMA_IDS.document, kind: "hdnd/report-document", formatVersion: FORMAT_VERSION, generatedAt: generatedAt.toISOString(), document }
          return { bytes: encoder.encode(fileText(file, tableRowsOf(document), options.onProgress)), mediaType: "application/json", extension: "json" }
        }
        const file = tabulationFile(input.tabulation, input.registry, generatedAt)
        return { bytes: encoder.encode(fileText(file, [file.rows], options.onProgress)), mediaType: "application/json", extension: "json" }
      },
      catch: (cause) =>
        new Exporter.ExportError({ format: "json", vi: "không ghi được JSON: dữ liệu không đúng lược đồ báo cáo", en: "could not write JSON: the input does not match the report schema", cause })
    })
}
