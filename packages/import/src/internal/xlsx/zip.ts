/**
 * The ZIP container of an XLSX workbook, read by random access with yauzl: the central directory (at
 * the end of the file) lists every part, and any part can then be read in any order, inflated as a
 * stream. A path is read from the file; bytes in memory are read where they are; a stream of chunks
 * is first spooled (in memory up to a limit, then to a temporary file), since a ZIP cannot be read
 * correctly front to back: the authoritative sizes are in the central directory, and the parts the
 * sheet needs (workbook, shared strings) often come after it.
 */
import { once } from "node:events"
import { createWriteStream } from "node:fs"
import { mkdtemp, open, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Readable } from "node:stream"
import { finished } from "node:stream/promises"
import { crc32 } from "node:zlib"
import yauzl from "yauzl"
import type { Input } from "../../Input.js"
import { chunks } from "../../Input.js"
import { XlsxLimitError, XlsxPartError } from "./errors.js"

/** Test and tuning knobs of the reader; none is part of the public API. */
export interface Tuning {
  /**
   * Cuts every part's inflated bytes into pieces of these sizes (cycled), which are decoded and parsed
   * one after the other: with sizes of 1 to 3 bytes every multi-byte character is split somewhere.
   */
  readonly chunkSizes?: ReadonlyArray<number> | undefined
  /** Bytes of a streamed input kept in memory before it is spooled to a temporary file (default 32 MiB). */
  readonly spoolLimit?: number | undefined
  /** Called with the path of the temporary file a streamed input was spooled to (tests check it is removed). */
  readonly onSpool?: ((path: string) => void) | undefined
  /** The most bytes the parts read from one archive may inflate to, in all (see `Xlsx.XlsxLimits`). */
  readonly maxInflatedBytes?: number | undefined
}

const SPOOL_LIMIT = 32 * 1024 * 1024

/** A part of the package to parse: its name and its inflated bytes. */
export interface PartSource {
  readonly part: string
  readonly bytes: AsyncIterable<Uint8Array>
  /** Cut the bytes into pieces of these sizes (cycled) before decoding them: see `Tuning.chunkSizes`. */
  readonly split?: ReadonlyArray<number> | undefined
}

/** An opened ZIP archive: its parts by name, each readable as a stream of inflated bytes. */
export interface Archive {
  /** The entry name of a part (part names compare without regard to ASCII case), if it exists. */
  readonly find: (name: string) => string | undefined
  /** The inflated bytes of a part, checked against the size and CRC-32 in the central directory. */
  readonly open: (name: string) => PartSource
  readonly close: () => Promise<void>
}

/** The first bytes of an input that is not a ZIP file, to tell what it is. */
export interface NotZip {
  readonly _tag: "NotZip"
  readonly head: Uint8Array
}

const isZip = (head: Uint8Array): boolean => head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04

/** How many leading bytes are looked at to tell a ZIP from something else. */
const HEAD = 8

const options: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }

const fromBuffer = (buffer: Buffer): Promise<yauzl.ZipFile> =>
  new Promise((resolve, reject) => yauzl.fromBuffer(buffer, options, (e, zip) => (e ? reject(e) : resolve(zip))))

const fromPath = (path: string): Promise<yauzl.ZipFile> =>
  new Promise((resolve, reject) => yauzl.open(path, options, (e, zip) => (e ? reject(e) : resolve(zip))))

const entriesOf = (zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> =>
  new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>()
    const done = (e?: unknown) => {
      zip.removeListener("entry", onEntry)
      zip.removeListener("end", onEnd)
      zip.removeListener("error", onError)
      if (e === undefined) resolve(entries)
      else reject(e)
    }
    const onEntry = (entry: yauzl.Entry) => {
      const key = entry.fileName.toLowerCase()
      if (!entry.fileName.endsWith("/") && !entries.has(key)) entries.set(key, entry)
      zip.readEntry()
    }
    const onEnd = () => done()
    const onError = (e: unknown) => done(e)
    zip.on("entry", onEntry)
    zip.on("end", onEnd)
    zip.on("error", onError)
    zip.readEntry()
  })

const openStream = (zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> =>
  new Promise((resolve, reject) => zip.openReadStream(entry, (e, stream) => (e ? reject(e) : resolve(stream))))

const archiveOf = async (zip: yauzl.ZipFile, tuning: Tuning, cleanup: () => Promise<void>): Promise<Archive> => {
  // yauzl reports a failure to close the file as an "error" event, which with no listener would end
  // the process; errors while reading reach the entry list or the part streams.
  zip.on("error", () => {})
  let entries: Map<string, yauzl.Entry>
  try {
    entries = await entriesOf(zip)
  } catch (e) {
    zip.close()
    await cleanup()
    throw e
  }
  const find = (name: string): string | undefined => entries.get(name.toLowerCase())?.fileName
  // The sizes in the central directory are checked while inflating (yauzl's validateEntrySizes), so a
  // part is refused before a byte of it is inflated when its stated size would pass the limit.
  const maxInflated = tuning.maxInflatedBytes ?? Number.POSITIVE_INFINITY
  let inflated = 0
  async function* inflate(name: string): AsyncGenerator<Uint8Array, void, undefined> {
    const entry = entries.get(name.toLowerCase())
    if (entry === undefined) throw new XlsxPartError(name, "unreadable")
    if (inflated + entry.uncompressedSize > maxInflated) throw new XlsxLimitError("maxInflatedBytes", maxInflated, name)
    inflated += entry.uncompressedSize
    const stream = await openStream(zip, entry)
    let crc = 0
    let size = 0
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length
        if (size > entry.uncompressedSize) throw new XlsxLimitError("maxInflatedBytes", maxInflated, name)
        crc = crc32(chunk, crc)
        yield chunk
      }
    } finally {
      stream.destroy()
    }
    if (crc !== entry.crc32) throw new XlsxPartError(name, "damaged")
  }
  const split = tuning.chunkSizes !== undefined && tuning.chunkSizes.length > 0 ? tuning.chunkSizes : undefined
  return {
    find,
    open: (name) => ({ part: name, bytes: inflate(name), split }),
    close: async () => {
      zip.close()
      await cleanup()
    }
  }
}

const nothing = async () => {}

/** Reads the first bytes of a file; errors (missing file, a directory) are thrown as the file system gives them. */
const headOfFile = async (path: string): Promise<Uint8Array> => {
  const handle = await open(path, "r")
  try {
    const buffer = Buffer.alloc(HEAD)
    const { bytesRead } = await handle.read(buffer, 0, HEAD, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * A streamed input whole, in memory, or in a temporary file once it is larger than `limit`. Stops
 * early, after the first bytes, when they are not those of a ZIP file.
 */
const spool = async (
  source: AsyncIterator<Uint8Array>,
  limit: number,
  onSpool: ((path: string) => void) | undefined
): Promise<NotZip | { readonly _tag: "Buffer"; readonly buffer: Buffer } | { readonly _tag: "File"; readonly path: string; readonly cleanup: () => Promise<void> }> => {
  const held: Array<Uint8Array> = []
  let size = 0
  let checked = false
  for (;;) {
    const next = await source.next()
    if (next.done === true) break
    if (next.value.length === 0) continue
    held.push(next.value)
    size += next.value.length
    if (!checked && size >= HEAD) {
      checked = true
      const head = Buffer.concat(held, HEAD)
      if (!isZip(head)) return { _tag: "NotZip", head }
    }
    if (size > limit) {
      const dir = await mkdtemp(join(tmpdir(), "hdnd-xlsx-"))
      const cleanup = () => rm(dir, { recursive: true, force: true })
      const path = join(dir, "input.xlsx")
      onSpool?.(path)
      try {
        const out = createWriteStream(path)
        // `once` rejects when the stream fails (a full disk) instead of waiting for a "drain" that never comes.
        const write = async (chunk: Uint8Array) => {
          if (!out.write(chunk)) await once(out, "drain")
        }
        try {
          for (const chunk of held.splice(0)) await write(chunk)
          for (;;) {
            const more = await source.next()
            if (more.done === true) break
            await write(more.value)
          }
        } finally {
          out.end()
          await finished(out)
        }
        return { _tag: "File", path, cleanup }
      } catch (e) {
        await cleanup()
        throw e
      }
    }
  }
  const buffer = Buffer.concat(held, size)
  return isZip(buffer) ? { _tag: "Buffer", buffer } : { _tag: "NotZip", head: buffer.subarray(0, HEAD) }
}

/**
 * Opens the input as a ZIP archive, or tells the first bytes of an input that is not one. Throws what
 * the file system or yauzl throws for an input that cannot be read.
 */
export const openArchive = async (input: Input, tuning: Tuning = {}): Promise<NotZip | { readonly _tag: "Zip"; readonly archive: Archive }> => {
  if (typeof input === "string") {
    const head = await headOfFile(input)
    if (!isZip(head)) return { _tag: "NotZip", head }
    return { _tag: "Zip", archive: await archiveOf(await fromPath(input), tuning, nothing) }
  }
  const data = input.data
  if (data instanceof Uint8Array || typeof data === "string") {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data
    if (!isZip(bytes)) return { _tag: "NotZip", head: bytes.subarray(0, HEAD) }
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    return { _tag: "Zip", archive: await archiveOf(await fromBuffer(buffer), tuning, nothing) }
  }
  const source = chunks(input)[Symbol.asyncIterator]()
  let spooled: Awaited<ReturnType<typeof spool>>
  try {
    spooled = await spool(source, tuning.spoolLimit ?? SPOOL_LIMIT, tuning.onSpool)
  } finally {
    await source.return?.()
  }
  switch (spooled._tag) {
    case "NotZip":
      return spooled
    case "Buffer":
      return { _tag: "Zip", archive: await archiveOf(await fromBuffer(spooled.buffer), tuning, nothing) }
    case "File": {
      let zip: yauzl.ZipFile
      try {
        zip = await fromPath(spooled.path)
      } catch (e) {
        await spooled.cleanup()
        throw e
      }
      return { _tag: "Zip", archive: await archiveOf(zip, tuning, spooled.cleanup) }
    }
  }
}
