/**
 * The Promise API of importing, for apps that do not use Effect: {@link importFile},
 * {@link importBuffer} and {@link importStream} take an `HdndClient` (from `HdndClient.open`,
 * `SqliteStore.openClient` or `PostgresStore.openClient`) and run `Import.run` on its store, with
 * the same options, progress callbacks and located problems.
 *
 * All-or-nothing is the default, as in the Effect API: if any row is rejected nothing is written,
 * and the promise rejects with {@link ImportRejectedError}, whose `problems` say where each problem
 * is (file, sheet, row, column, header, field) and how to fix it. With `mode: "skip-invalid"` or
 * `dryRun: true` it resolves with the summary, whose `problems` list what was rejected. A store
 * failure rejects with core's `StoreError`.
 *
 * @since 0.2.0
 */
import type { HdndClient } from "@hdnd/core"
import * as Effect from "effect/Effect"
import type { ImportOptions, Rejection, Summary } from "./Import.js"
import { run } from "./Import.js"
import { ImportRejectedError } from "./ImportError.js"
import type { Data, Input } from "./Input.js"

/**
 * Options of the Promise import functions: those of `Import.run`, with `onRejected` a plain
 * callback.
 *
 * @since 0.2.0
 * @category models
 */
export interface PromiseImportOptions extends Omit<ImportOptions, "onRejected"> {
  /** Called for every rejected row, in order (to write a rejects file). */
  readonly onRejected?: (rejection: Rejection) => void
}

const importInputs = async (client: HdndClient, inputs: ReadonlyArray<Input>, options: PromiseImportOptions): Promise<Summary> => {
  const { onRejected, ...rest } = options
  const summary = await client.run(
    run(inputs, { ...rest, ...(onRejected === undefined ? {} : { onRejected: (r: Rejection) => Effect.sync(() => onRejected(r)) }) })
  )
  if (!summary.committed && options.dryRun !== true && summary.rejected > 0) {
    throw new ImportRejectedError({ rows: summary.rows, rejected: summary.rejected, problemCount: summary.problemCount, problems: summary.problems })
  }
  return summary
}

/**
 * Imports files (CSV, XLSX, JSON or NDJSON, told by the extension) into the client's store, read in
 * chunks. Resolves with the summary; rejects with {@link ImportRejectedError} when rows were
 * rejected (nothing written, all-or-nothing) or `StoreError`.
 *
 * @example
 * ```ts
 * import { HdndClient } from "@hdnd/core"
 * import { importFile } from "@hdnd/import"
 *
 * const client = await HdndClient.open()
 * const files = ["don-vi.csv", "sap-xep.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "hoat-dong.xlsx"]
 * const summary = await importFile(client, files, { onProgress: (p) => console.log(p.rows) })
 * console.log(`${summary.inserted} records written`)
 * await client.close()
 * ```
 *
 * @since 0.2.0
 * @category import
 */
export const importFile = (client: HdndClient, path: string | ReadonlyArray<string>, options: PromiseImportOptions = {}): Promise<Summary> =>
  importInputs(client, typeof path === "string" ? [path] : path, options)

/**
 * Imports bytes or text held in memory (an upload). `name` is the file name problems are reported
 * under; its extension tells the format (`.csv`, `.xlsx`, `.json`, `.ndjson`). Resolves and rejects
 * as {@link importFile}.
 *
 * @example
 * ```ts
 * import { HdndClient } from "@hdnd/core"
 * import { importBuffer } from "@hdnd/import"
 * import { readFile } from "node:fs/promises"
 *
 * const client = await HdndClient.open()
 * const summary = await importBuffer(client, { name: "upload.csv", data: await readFile("don-vi.csv") })
 * console.log(`${summary.inserted} units written`)
 * await client.close()
 * ```
 *
 * @since 0.2.0
 * @category import
 */
export const importBuffer = (
  client: HdndClient,
  input: { readonly name: string; readonly data: Uint8Array | string },
  options: PromiseImportOptions = {}
): Promise<Summary> => importInputs(client, [{ name: input.name, data: input.data }], options)

/**
 * Imports a stream of bytes or text (a Node.js `Readable`, such as an HTTP request or
 * `fs.createReadStream`, a web `ReadableStream`, or any async iterable of chunks), read as it
 * arrives. `name` is the file name problems are reported under; its extension tells the format.
 * Resolves and rejects as {@link importFile}.
 *
 * @example
 * ```ts
 * import { HdndClient } from "@hdnd/core"
 * import { importStream } from "@hdnd/import"
 * import { createReadStream } from "node:fs"
 *
 * const client = await HdndClient.open()
 * // An HTTP request body is such a stream too.
 * const summary = await importStream(client, { name: "don-vi.csv", stream: createReadStream("don-vi.csv") })
 * console.log(`${summary.inserted} units written`)
 * await client.close()
 * ```
 *
 * @since 0.2.0
 * @category import
 */
export const importStream = (
  client: HdndClient,
  input: { readonly name: string; readonly stream: AsyncIterable<Uint8Array | string> },
  options: PromiseImportOptions = {}
): Promise<Summary> => importInputs(client, [{ name: input.name, data: input.stream as Data }], options)
