/**
 * The report formats of `hdnd report`: plain text and Markdown from core, and one exporter package per
 * file format, loaded only when asked for (each brings a heavy library: docx, exceljs, Vega).
 *
 * @since 0.1.0
 */
import type { Exporter } from "@hdnd/core"

/**
 * Every format `hdnd report --format` accepts.
 *
 * @since 0.1.0
 * @category formats
 */
export const FORMATS = ["txt", "md", "json", "docx", "xlsx", "csv", "html"] as const

/**
 * A report format.
 *
 * @since 0.1.0
 * @category formats
 */
export type Format = (typeof FORMATS)[number]

/**
 * Formats written by an exporter package (the others are text made by core).
 *
 * @since 0.1.0
 * @category formats
 */
export type FileFormat = Exclude<Format, "txt" | "md">

/**
 * Whether a format is binary (never printed to a terminal).
 *
 * @since 0.1.0
 * @category formats
 */
export const isBinary = (f: Format): boolean => f === "docx" || f === "xlsx" || f === "csv"

const loaders: Readonly<Record<FileFormat, () => Promise<Exporter.Exporter>>> = {
  json: () => import("@hdnd/export-json").then((m) => m.JsonExporter.exporter),
  docx: () => import("@hdnd/export-docx").then((m) => m.DocxExporter.exporter),
  xlsx: () => import("@hdnd/export-xlsx").then((m) => m.XlsxExporter.exporter),
  csv: () => import("@hdnd/export-csv").then((m) => m.CsvExporter.exporter),
  html: () => import("@hdnd/export-html").then((m) => m.HtmlExporter.exporter)
}

/**
 * Loads the exporter of a file format.
 *
 * @since 0.1.0
 * @category formats
 */
export const load = (format: FileFormat): Promise<Exporter.Exporter> => loaders[format]()

/**
 * Parses `--format` (one format, or several separated by commas: `docx,xlsx,html`).
 *
 * @since 0.1.0
 * @category formats
 */
export const parseFormats = (text: string): { readonly formats: ReadonlyArray<Format> } | { readonly unknown: ReadonlyArray<string> } => {
  const parts = text
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0)
  const unknown = parts.filter((p) => !(FORMATS as ReadonlyArray<string>).includes(p))
  if (unknown.length > 0 || parts.length === 0) return { unknown: unknown.length > 0 ? unknown : [text] }
  return { formats: [...new Set(parts as Array<Format>)] }
}
