/**
 * The Exporter port: a file format that turns a report document, or a tabulation, into bytes.
 *
 * Each format lives in its own package (`@hdnd/export-docx`, `-xlsx`, `-csv`, `-html`, `-json`) so a
 * user installs only the heavy library they need; every one of them passes the exporter conformance
 * kit of `@hdnd/testkit`. Exporters never query a store: what they write is in their input.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type { Registry } from "./Registry.js"
import type { ReportDocument } from "./ReportDocument.js"
import type { Tabulation } from "./Tabulation.js"
import { fromTabulation } from "./TabulationDocument.js"

/**
 * What an exporter is asked to write: a rendered report document, or a bare tabulation (with the
 * registry that names its indicators). Build one with {@link document} or {@link tabulation}.
 *
 * @since 0.1.0
 * @category models
 */
export type ExportInput =
  | { readonly _tag: "Document"; readonly document: ReportDocument }
  | { readonly _tag: "Tabulation"; readonly tabulation: Tabulation; readonly registry: Registry }

/**
 * A report document to export.
 *
 * @example
 * ```ts
 * import { Exporter, type ReportDocument } from "@hdnd/core"
 * import { DocxExporter } from "@hdnd/export-docx"
 * import * as Effect from "effect/Effect"
 *
 * const docx = (doc: ReportDocument.ReportDocument) => Effect.runPromise(DocxExporter.exporter.export(Exporter.document(doc)))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const document = (document: ReportDocument): ExportInput => ({ _tag: "Document", document })

/**
 * A tabulation to export; `registry` names its indicators.
 *
 * @example
 * ```ts
 * import { Exporter, type Registry, type Tabulation } from "@hdnd/core"
 * import { XlsxExporter } from "@hdnd/export-xlsx"
 * import * as Effect from "effect/Effect"
 *
 * // A tabulation alone becomes a document with one table per indicator (labels from the registry).
 * const xlsx = (tab: Tabulation.Tabulation, registry: Registry.Registry) =>
 *   Effect.runPromise(XlsxExporter.exporter.export(Exporter.tabulation(tab, registry)))
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const tabulation = (tabulation: Tabulation, registry: Registry): ExportInput => ({ _tag: "Tabulation", tabulation, registry })

/**
 * Options every exporter understands.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExportOptions {
  /**
   * The creation time written into the file's metadata (DOCX and XLSX properties, the HTML and JSON
   * "generated" stamp). Fix it and the same input gives the same bytes. Default: now.
   */
  readonly createdAt?: Date
  /** Called now and then during a large export with the rows written so far and the total. */
  readonly onProgress?: (done: number, total: number) => void
}

/**
 * The written file.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExportOutput {
  readonly bytes: Uint8Array
  /** The media type of these bytes (a CSV export of several tables is a zip, for instance). */
  readonly mediaType: string
  /** The file extension that fits these bytes, without the dot. */
  readonly extension: string
}

/**
 * The export failed: the input cannot be written in this format, or the format library failed.
 *
 * @since 0.1.0
 * @category errors
 */
export class ExportError extends Schema.TaggedError<ExportError>("@hdnd/core/ExportError")("ExportError", {
  format: Schema.String,
  vi: Schema.String,
  en: Schema.String,
  cause: Schema.optional(Schema.Defect())
}) {
  /** The stable code of this error: `hdnd/export/failed`. @since 0.2.0 */
  get code(): string {
    return "hdnd/export/failed"
  }
  override get message(): string {
    return `${this.format}: ${this.vi} / ${this.en}`
  }
}

/**
 * A file format.
 *
 * @since 0.1.0
 * @category models
 */
export interface Exporter {
  /** The format id used on the command line (`docx`, `xlsx`, `csv`, `html`, `json`). */
  readonly id: string
  readonly vi: string
  readonly en: string
  /** The usual media type and extension of the output (see {@link ExportOutput} for the actual one). */
  readonly mediaType: string
  readonly extension: string
  /** Writes the input. */
  readonly export: (input: ExportInput, options?: ExportOptions) => Effect.Effect<ExportOutput, ExportError>
}

/**
 * The report document an exporter writes: the document itself, or a tabulation laid out as tables
 * (`TabulationDocument.fromTabulation`). A tabulation without a period fails with an
 * {@link ExportError} of `format` that says so.
 *
 * @since 0.1.0
 * @category conversions
 */
export const documentOf = (input: ExportInput, format: string): Effect.Effect<ReportDocument, ExportError> =>
  input._tag === "Document"
    ? Effect.succeed(input.document)
    : Result.match(fromTabulation(input.tabulation, input.registry), {
        onFailure: ({ en, vi }) => Effect.fail(new ExportError({ format, vi, en })),
        onSuccess: Effect.succeed
      })

/**
 * The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"):
 * `=`, `+`, `-`, `@`, tab and carriage return at the start of a cell.
 *
 * @since 0.1.0
 * @category formatting
 */
export const FORMULA_TRIGGERS: ReadonlyArray<string> = ["=", "+", "-", "@", "\t", "\r"]

/**
 * A text cell made safe for a spreadsheet: text that begins with a formula trigger gets a leading
 * apostrophe, so Excel and LibreOffice show it as text and never evaluate it (OWASP's advice). Other
 * text is returned unchanged. Numbers are written as numbers and need none of this.
 *
 * @since 0.1.0
 * @category formatting
 */
export const neutraliseFormula = (text: string): string => (text.length > 0 && FORMULA_TRIGGERS.includes(text[0]!) ? `'${text}` : text)

/**
 * A file-system-safe name for a table or sheet: ASCII letters, digits and hyphens, diacritics removed
 * ("Kết quả – cấp tỉnh" → "ket-qua-cap-tinh"), at most `max` characters; "bang" when nothing is left.
 *
 * @since 0.1.0
 * @category formatting
 */
export const slug = (text: string, max = 40): string => {
  const s = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "")
  return s.length === 0 ? "bang" : s
}

// ---------------------------------------------------------------------------------------------
// The Promise API of every exporter
// ---------------------------------------------------------------------------------------------

/**
 * What the Promise helpers take: a report document as it is, or an {@link ExportInput} (for a
 * tabulation: `Exporter.tabulation(tab, client.registry)`).
 *
 * @since 0.2.0
 * @category models
 */
export type ExportSource = ReportDocument | ExportInput

const inputOf = (source: ExportSource): ExportInput =>
  "_tag" in source && (source._tag === "Document" || source._tag === "Tabulation") ? source : document(source as ReportDocument)

/** The value, or the `ExportError`; a defect of the exporter becomes an `ExportError` of `format` too. */
const rejectWith = async <A>(format: string, effect: Effect.Effect<A, ExportError>): Promise<A> => {
  const guarded = Effect.catchDefect(effect, (cause) =>
    Effect.fail(
      new ExportError({
        format,
        vi: `bộ xuất ${format} gặp lỗi không mong đợi (${cause instanceof Error ? cause.message : String(cause)})`,
        en: `the ${format} exporter failed unexpectedly (${cause instanceof Error ? cause.message : String(cause)})`,
        cause
      })
    )
  )
  const result = await Effect.runPromise(Effect.result(guarded))
  if (Result.isFailure(result)) throw result.failure
  return result.success
}

/**
 * Writes a document (or a tabulation) with any exporter and resolves with the bytes, their media
 * type and extension. Rejects with {@link ExportError} (code `hdnd/export/failed`).
 *
 * @example
 * ```ts uses=doc
 * import { Exporter } from "@hdnd/core"
 * import { DocxExporter } from "@hdnd/export-docx"
 *
 * const { bytes, mediaType } = await Exporter.toBuffer(DocxExporter.exporter, doc)
 * ```
 *
 * @since 0.2.0
 * @category promise
 */
export const toBuffer = (exporter: Exporter, source: ExportSource, options: ExportOptions = {}): Promise<ExportOutput> =>
  rejectWith(exporter.id, Effect.suspend(() => exporter.export(inputOf(source), options)))

const fileError = (format: string, path: string, cause: unknown): ExportError =>
  new ExportError({
    format,
    vi: `không ghi được tệp ${path} (${cause instanceof Error ? cause.message : String(cause)}); hãy kiểm tra thư mục có tồn tại và có quyền ghi`,
    en: `cannot write the file ${path} (${cause instanceof Error ? cause.message : String(cause)}); check that the folder exists and is writable`,
    cause
  })

/**
 * Writes a document (or a tabulation) with any exporter to a file (Node.js only). The bytes go to a
 * temporary file beside it, renamed into place when complete, so a failed export never leaves a
 * half-written file. Resolves with the path and the output's media type and extension; rejects
 * with {@link ExportError} (code `hdnd/export/failed`).
 *
 * @example
 * ```ts uses=doc
 * import { Exporter } from "@hdnd/core"
 * import { DocxExporter } from "@hdnd/export-docx"
 *
 * await Exporter.toFile(DocxExporter.exporter, doc, "bao-cao.docx")
 * ```
 *
 * @since 0.2.0
 * @category promise
 */
export const toFile = async (
  exporter: Exporter,
  source: ExportSource,
  path: string,
  options: ExportOptions = {}
): Promise<{ readonly path: string; readonly bytes: number; readonly mediaType: string; readonly extension: string }> => {
  const output = await toBuffer(exporter, source, options)
  const fs = await import("node:fs/promises")
  const temporary = `${path}.${process.pid}-${Date.now()}.part`
  try {
    await fs.writeFile(temporary, output.bytes)
    await fs.rename(temporary, path)
  } catch (cause) {
    await fs.rm(temporary, { force: true }).catch(() => undefined)
    throw fileError(exporter.id, path, cause)
  }
  return { path, bytes: output.bytes.byteLength, mediaType: output.mediaType, extension: output.extension }
}

/**
 * Writes a document (or a tabulation) with any exporter and resolves with a Node.js `Readable` of
 * the bytes (to pipe into an HTTP response) and their media type and extension (for the
 * `Content-Type` header and the file name), once the export has succeeded: a failed export rejects
 * with {@link ExportError} before any byte is sent.
 *
 * @example
 * ```ts uses=doc
 * import { Exporter } from "@hdnd/core"
 * import { DocxExporter } from "@hdnd/export-docx"
 * import { createWriteStream } from "node:fs"
 * import { pipeline } from "node:stream/promises"
 *
 * const { stream, mediaType, extension } = await Exporter.toStream(DocxExporter.exporter, doc)
 * console.log(mediaType) // an HTTP handler sends it as Content-Type and pipes the stream to the response
 * await pipeline(stream, createWriteStream(`bao-cao.${extension}`))
 * ```
 *
 * @since 0.2.0
 * @category promise
 */
export const toStream = async (
  exporter: Exporter,
  source: ExportSource,
  options: ExportOptions = {}
): Promise<{ readonly stream: import("node:stream").Readable; readonly mediaType: string; readonly extension: string }> => {
  const output = await toBuffer(exporter, source, options)
  const { Readable } = await import("node:stream")
  return { stream: Readable.from([output.bytes], { objectMode: false }), mediaType: output.mediaType, extension: output.extension }
}
