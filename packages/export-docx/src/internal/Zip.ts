/**
 * Just enough of the zip format to finish a package that `docx` wrote: read its entries, replace
 * some, and write them again with one fixed timestamp, so that the same input gives the same bytes.
 * (`docx` stamps every entry with the current time, which makes two exports differ.)
 */
import { deflateRawSync, inflateRawSync } from "node:zlib"

/** An entry of a zip file, kept compressed as it was unless it is replaced. */
export interface ZipEntry {
  readonly name: string
  /** 0 (stored) or 8 (deflated). */
  readonly method: number
  readonly crc: number
  readonly size: number
  readonly data: Uint8Array
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 (ISO 3309), as zip files use it. */
export const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8)
const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0

const decoder = new TextDecoder("utf-8")

/** The entries of a zip file in their order, from its central directory. Throws on anything it cannot read. */
export const readZip = (zip: Uint8Array): Array<ZipEntry> => {
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (u32(zip, i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error("not a zip file: no end of central directory")
  const count = u16(zip, eocd + 10)
  let at = u32(zip, eocd + 16)
  const entries: Array<ZipEntry> = []
  for (let n = 0; n < count; n++) {
    if (u32(zip, at) !== 0x02014b50) throw new Error("broken zip central directory")
    const method = u16(zip, at + 10)
    const crc = u32(zip, at + 16)
    const compressedSize = u32(zip, at + 20)
    const size = u32(zip, at + 24)
    const nameLength = u16(zip, at + 28)
    const extraLength = u16(zip, at + 30)
    const commentLength = u16(zip, at + 32)
    const local = u32(zip, at + 42)
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength))
    if (u32(zip, local) !== 0x04034b50) throw new Error(`broken zip local header: ${name}`)
    const start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28)
    if (method !== 0 && method !== 8) throw new Error(`unsupported zip method ${method}: ${name}`)
    entries.push({ name, method, crc, size, data: zip.subarray(start, start + compressedSize) })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** The uncompressed bytes of an entry. */
export const contentOf = (entry: ZipEntry): Uint8Array =>
  entry.method === 0 ? entry.data : new Uint8Array(inflateRawSync(entry.data))

/** A deflated entry holding `content`. */
export const deflatedEntry = (name: string, content: Uint8Array): ZipEntry => ({
  name,
  method: 8,
  crc: crc32(content),
  size: content.length,
  data: new Uint8Array(deflateRawSync(content, { level: 6 }))
})

/** MS-DOS time and date of an instant, read in UTC (the zip format has no time zone), 1980–2107. */
const dosTime = (at: Date): { time: number; date: number } => {
  const year = Math.min(2107, Math.max(1980, at.getUTCFullYear()))
  const clamped = year !== at.getUTCFullYear()
  const time = clamped ? 0 : (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1)
  const date = clamped ? (((year - 1980) << 9) | (1 << 5) | 1) : (((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate())
  return { time, date }
}

const encoder = new TextEncoder()

/** A zip file of `entries`, in their order, every one stamped with `modified`. */
export const writeZip = (entries: ReadonlyArray<ZipEntry>, modified: Date): Uint8Array => {
  const { date, time } = dosTime(modified)
  const names = entries.map((e) => encoder.encode(e.name))
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i]!.length + e.data.length, 0)
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0)
  const out = new Uint8Array(localSize + centralSize + 22)
  const view = new DataView(out.buffer)
  let at = 0
  const offsets: Array<number> = []
  entries.forEach((e, i) => {
    const name = names[i]!
    offsets.push(at)
    view.setUint32(at, 0x04034b50, true)
    view.setUint16(at + 4, 20, true)
    view.setUint16(at + 6, 0x0800, true) // UTF-8 names
    view.setUint16(at + 8, e.method, true)
    view.setUint16(at + 10, time, true)
    view.setUint16(at + 12, date, true)
    view.setUint32(at + 14, e.crc, true)
    view.setUint32(at + 18, e.data.length, true)
    view.setUint32(at + 22, e.size, true)
    view.setUint16(at + 26, name.length, true)
    view.setUint16(at + 28, 0, true)
    out.set(name, at + 30)
    out.set(e.data, at + 30 + name.length)
    at += 30 + name.length + e.data.length
  })
  const central = at
  entries.forEach((e, i) => {
    const name = names[i]!
    view.setUint32(at, 0x02014b50, true)
    view.setUint16(at + 4, 20, true)
    view.setUint16(at + 6, 20, true)
    view.setUint16(at + 8, 0x0800, true)
    view.setUint16(at + 10, e.method, true)
    view.setUint16(at + 12, time, true)
    view.setUint16(at + 14, date, true)
    view.setUint32(at + 16, e.crc, true)
    view.setUint32(at + 20, e.data.length, true)
    view.setUint32(at + 24, e.size, true)
    view.setUint16(at + 28, name.length, true)
    // extra length, comment length, disk number, internal and external attributes: 0
    view.setUint32(at + 42, offsets[i]!, true)
    out.set(name, at + 46)
    at += 46 + name.length
  })
  view.setUint32(at, 0x06054b50, true)
  view.setUint16(at + 8, entries.length, true)
  view.setUint16(at + 10, entries.length, true)
  view.setUint32(at + 12, at - central, true)
  view.setUint32(at + 16, central, true)
  return out
}
