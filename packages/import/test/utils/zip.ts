/**
 * A minimal ZIP reader and writer for the XLSX reader's tests: a workbook's parts taken apart, then put
 * together again in any order, deflated or stored, with or without data descriptors (sizes written
 * after the data, as streaming writers do), so that the tests can build the hazards on purpose.
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib"

/** One entry of a ZIP: its name and its uncompressed bytes. */
export interface Part {
  readonly name: string
  readonly data: Uint8Array
}

/** The entries of a ZIP, in the order of its central directory. */
export const parts = (zip: Uint8Array): Array<Part> => {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let end = zip.length - 22
  while (view.getUint32(end, true) !== 0x06054b50) end--
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const out: Array<Part> = []
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(at + 10, true)
    const size = view.getUint32(at + 20, true)
    const nameLength = view.getUint16(at + 28, true)
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength))
    const local = view.getUint32(at + 42, true)
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const raw = zip.subarray(start, start + size)
    out.push({ name, data: method === 0 ? raw : new Uint8Array(inflateRawSync(raw)) })
    at += 46 + skip
  }
  return out
}

/** How {@link zipOf} stores each entry. */
export interface Storage {
  /** Stored uncompressed (method 0) instead of deflated. */
  readonly stored?: boolean
  /** Sizes and CRC left out of the local headers and written in a data descriptor after the data, as streaming writers do. */
  readonly descriptor?: boolean
}

/** A ZIP of the entries, in the given order. */
export const zipOf = (entries: ReadonlyArray<Part>, storage: Storage = {}): Uint8Array => {
  const method = storage.stored === true ? 0 : 8
  const locals: Array<Uint8Array> = []
  const centrals: Array<Uint8Array> = []
  let offset = 0
  for (const { name, data } of entries) {
    const nameBytes = new TextEncoder().encode(name)
    const packed = method === 0 ? data : new Uint8Array(deflateRawSync(data))
    const crc = crc32(data)
    const header = (size: number, signature: number) => {
      const bytes = new Uint8Array(size)
      const v = new DataView(bytes.buffer)
      v.setUint32(0, signature, true)
      return { bytes, v }
    }
    const flags = storage.descriptor === true ? 8 : 0
    const local = header(30, 0x04034b50)
    local.v.setUint16(4, 20, true)
    local.v.setUint16(6, flags, true)
    local.v.setUint16(8, method, true)
    if (storage.descriptor !== true) {
      local.v.setUint32(14, crc, true)
      local.v.setUint32(18, packed.length, true)
      local.v.setUint32(22, data.length, true)
    }
    local.v.setUint16(26, nameBytes.length, true)
    const central = header(46, 0x02014b50)
    central.v.setUint16(4, 20, true)
    central.v.setUint16(6, 20, true)
    central.v.setUint16(8, flags, true)
    central.v.setUint16(10, method, true)
    central.v.setUint32(16, crc, true)
    central.v.setUint32(20, packed.length, true)
    central.v.setUint32(24, data.length, true)
    central.v.setUint16(28, nameBytes.length, true)
    central.v.setUint32(42, offset, true)
    locals.push(local.bytes, nameBytes, packed)
    offset += 30 + nameBytes.length + packed.length
    if (storage.descriptor === true) {
      const dd = header(16, 0x08074b50)
      dd.v.setUint32(4, crc, true)
      dd.v.setUint32(8, packed.length, true)
      dd.v.setUint32(12, data.length, true)
      locals.push(dd.bytes)
      offset += 16
    }
    centrals.push(central.bytes, nameBytes)
  }
  const size = centrals.reduce((n, b) => n + b.length, 0)
  const eocd = new Uint8Array(22)
  const v = new DataView(eocd.buffer)
  v.setUint32(0, 0x06054b50, true)
  v.setUint16(8, entries.length, true)
  v.setUint16(10, entries.length, true)
  v.setUint32(12, size, true)
  v.setUint32(16, offset, true)
  return Buffer.concat([...locals, ...centrals, eocd])
}


/** A ZIP of `[name, text or bytes]` pairs (text as UTF-8), in the given order. */
export const zipParts = (entries: ReadonlyArray<readonly [string, string | Uint8Array]>, storage: Storage = {}): Uint8Array =>
  zipOf(entries.map(([name, content]) => ({ name, data: typeof content === "string" ? new TextEncoder().encode(content) : content })), storage)
