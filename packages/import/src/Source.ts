/**
 * Opening a file with the right reader, chosen by its extension (or given): `.csv`, `.tsv`, `.txt`
 * → CSV; `.xlsx`, `.xlsm` → XLSX; `.json` → JSON; `.ndjson`, `.jsonl` → NDJSON.
 *
 * @since 0.1.0
 */
import * as Csv from "./Csv.js"
import { importError } from "./ImportError.js"
import type { Input } from "./Input.js"
import { baseName, nameOf } from "./Input.js"
import * as Json from "./Json.js"
import * as Ndjson from "./Ndjson.js"
import type { SourceItem } from "./SourceRow.js"
import * as Xlsx from "./Xlsx.js"

/**
 * A file format the importer reads.
 *
 * @since 0.1.0
 * @category models
 */
export type Format = "csv" | "xlsx" | "json" | "ndjson"

/**
 * The formats and their file extensions.
 *
 * @since 0.1.0
 * @category data
 */
export const extensions: Readonly<Record<Format, ReadonlyArray<string>>> = {
  csv: [".csv", ".tsv", ".txt"],
  xlsx: [".xlsx", ".xlsm"],
  json: [".json"],
  ndjson: [".ndjson", ".jsonl"]
}

/**
 * The format of a file name, by its extension.
 *
 * @since 0.1.0
 * @category parsing
 */
export const formatOf = (name: string): Format | undefined => {
  const lower = name.toLowerCase()
  return (Object.keys(extensions) as ReadonlyArray<Format>).find((f) => extensions[f].some((e) => lower.endsWith(e)))
}

/**
 * Options of {@link open}: the format (otherwise from the extension) and the options of the CSV and
 * XLSX readers.
 *
 * @since 0.1.0
 * @category models
 */
export interface OpenOptions extends Csv.CsvOptions, Xlsx.XlsxOptions {
  readonly format?: Format
}

/**
 * Reads a file (or named data) with the reader of its format. An unknown extension yields one fatal
 * issue. Never throws.
 *
 * @example
 * ```ts
 * import { Source } from "@hdnd/import"
 *
 * for await (const item of Source.open("hoat-dong.xlsx", { sheet: "Hoạt động" })) {
 *   console.log(item)
 * }
 * ```
 *
 * @since 0.1.0
 * @category readers
 */
export const open = (input: Input, options: OpenOptions = {}): AsyncIterable<SourceItem> => {
  const format = options.format ?? formatOf(baseName(input))
  switch (format) {
    case "csv":
      return Csv.read(input, options)
    case "xlsx":
      return Xlsx.read(input, options)
    case "json":
      return Json.read(input)
    case "ndjson":
      return Ndjson.read(input)
    case undefined: {
      const file = nameOf(input)
      const list = Object.values(extensions).flat().join(", ")
      return {
        async *[Symbol.asyncIterator]() {
          yield {
            _tag: "Issue",
            fatal: true,
            error: importError({
              code: "file.unknown-format",
              file,
              vi: `không biết định dạng của tệp; hãy dùng một trong các đuôi: ${list}`,
              en: `unknown file format; use one of the extensions: ${list}`
            })
          } satisfies SourceItem
        }
      }
    }
  }
}

/**
 * The items of several files one after the other, as one stream.
 *
 * @since 0.1.0
 * @category readers
 */
export const openAll = (inputs: ReadonlyArray<Input>, options: OpenOptions = {}): AsyncIterable<SourceItem> =>
  // One input (the usual bulk import) is read directly: a delegating generator would add an await
  // per row.
  inputs.length === 1
    ? open(inputs[0] as Input, options)
    : {
        async *[Symbol.asyncIterator]() {
          for (const input of inputs) yield* open(input, options)
        }
      }
