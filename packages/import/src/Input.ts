/**
 * What a reader reads: a file path, or named bytes (in memory or streamed). Nothing is read until a
 * reader's rows are iterated, and files are read in chunks, never whole.
 *
 * @since 0.1.0
 */
import { createReadStream } from "node:fs"
import { basename } from "node:path"

/**
 * Bytes or text, whole or as a stream of chunks. Text is encoded as UTF-8.
 *
 * @since 0.1.0
 * @category models
 */
export type Data = Uint8Array | string | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>

/**
 * A file path, or data with the name to report problems under.
 *
 * @since 0.1.0
 * @category models
 */
export type Input = string | { readonly name: string; readonly data: Data }

/**
 * The name problems are reported under: the path as given, or the data's name.
 *
 * @since 0.1.0
 * @category accessors
 */
export const nameOf = (input: Input): string => (typeof input === "string" ? input : input.name)

/**
 * The file name without its directory, lower-cased, for guessing the format and the entity.
 *
 * @since 0.1.0
 * @category accessors
 */
export const baseName = (input: Input): string => basename(nameOf(input)).toLowerCase()

/** Size of the chunks files are read in. */
const CHUNK = 64 * 1024

const encoder = new TextEncoder()

const toBytes = (c: Uint8Array | string): Uint8Array => (typeof c === "string" ? encoder.encode(c) : c)

/**
 * The input's bytes as a stream of chunks. A path is opened lazily; errors (a missing file) surface
 * when the stream is iterated.
 *
 * @since 0.1.0
 * @category conversions
 */
export const chunks = (input: Input): AsyncIterable<Uint8Array> => {
  if (typeof input === "string") {
    return {
      async *[Symbol.asyncIterator]() {
        const stream = createReadStream(input, { highWaterMark: CHUNK })
        try {
          for await (const chunk of stream) yield chunk as Uint8Array
        } finally {
          stream.destroy()
        }
      }
    }
  }
  const data = input.data
  return {
    async *[Symbol.asyncIterator]() {
      if (typeof data === "string" || data instanceof Uint8Array) {
        const bytes = toBytes(data)
        for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK)
        return
      }
      if (Symbol.asyncIterator in data) {
        for await (const c of data) yield toBytes(c)
      } else {
        for (const c of data) yield toBytes(c)
      }
    }
  }
}
