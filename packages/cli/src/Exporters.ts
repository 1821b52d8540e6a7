/**
 * The report formats of `hdnd report`: plain text and Markdown from core, one exporter package per
 * file format, loaded only when asked for (each brings a heavy library: docx, exceljs, Vega), and the
 * exporters the loaded plugins contribute, by their ids (`son-la/bao-cao-quy`).
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
 * A format asked for: a built-in one, or an exporter contributed by a plugin.
 *
 * @since 0.1.0
 * @category formats
 */
export type Chosen =
  | { readonly _tag: "BuiltIn"; readonly format: Format }
  | { readonly _tag: "Plugin"; readonly exporter: Exporter.Exporter }

/**
 * The name of a chosen format on the command line: `docx`, or a plugin exporter's id.
 *
 * @since 0.1.0
 * @category formats
 */
export const nameOf = (c: Chosen): string => (c._tag === "BuiltIn" ? c.format : c.exporter.id)

/**
 * The usual file extension of a chosen format, without the dot.
 *
 * @since 0.1.0
 * @category formats
 */
export const extensionOf = (c: Chosen): string => (c._tag === "BuiltIn" ? c.format : c.exporter.extension)

/**
 * Whether a chosen format is binary (never printed to a terminal): a built-in binary format, or a
 * plugin exporter whose media type is not text, JSON or XML.
 *
 * @since 0.1.0
 * @category formats
 */
export const isBinaryChosen = (c: Chosen): boolean =>
  c._tag === "BuiltIn" ? isBinary(c.format) : !/^text\/|[/+](json|xml)(;|$)/i.test(c.exporter.mediaType)

/**
 * Parses `--format`: one format, or several separated by commas (`docx,xlsx,html`), each a built-in
 * format or the id of an exporter in `plugins` (the exporters of the loaded plugins).
 *
 * @since 0.1.0
 * @category formats
 */
export const parseFormats = (
  text: string,
  plugins: ReadonlyMap<string, Exporter.Exporter> = new Map()
): { readonly formats: ReadonlyArray<Chosen> } | { readonly unknown: ReadonlyArray<string> } => {
  const parts = [
    ...new Set(
      text
        .split(",")
        .map((s) => s.trim().toLowerCase())
        .filter((s) => s.length > 0)
    )
  ]
  const byId = new Map([...plugins.values()].map((e) => [e.id.toLowerCase(), e] as const))
  const chosen = parts.map((p): Chosen | undefined => {
    if ((FORMATS as ReadonlyArray<string>).includes(p)) return { _tag: "BuiltIn", format: p as Format }
    const exporter = byId.get(p)
    return exporter === undefined ? undefined : { _tag: "Plugin", exporter }
  })
  const unknown = parts.filter((_, i) => chosen[i] === undefined)
  if (unknown.length > 0 || parts.length === 0) return { unknown: unknown.length > 0 ? unknown : [text] }
  return { formats: chosen as ReadonlyArray<Chosen> }
}
