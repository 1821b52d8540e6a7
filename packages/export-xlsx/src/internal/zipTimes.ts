/**
 * exceljs zips the workbook with JSZip, which stamps every entry with the time it was added. This
 * rewrites those stamps (in each local header and in the central directory; no checksum covers
 * them) with one fixed time, so the same input gives the same bytes.
 */

const LOCAL = 0x04034b50
const CENTRAL = 0x02014b50
const END = 0x06054b50

/** An MS-DOS time and date (UTC parts, two-second steps), clamped to 1980–2107. */
export const dosDateTime = (d: Date): { readonly time: number; readonly date: number } => {
  const year = d.getUTCFullYear()
  if (Number.isNaN(year) || year < 1980) return { time: 0, date: (0 << 9) | (1 << 5) | 1 }
  if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 }
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate()
  }
}

/** Sets the modification time of every entry of a zip archive, in place. Throws on a malformed archive. */
export const setZipTimes = (zip: Uint8Array, at: Date): Uint8Array => {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let end = -1
  for (let p = zip.length - 22; p >= Math.max(0, zip.length - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === END) {
      end = p
      break
    }
  }
  if (end < 0) throw new Error("not a zip archive: no end of central directory")
  const { date, time } = dosDateTime(at)
  const entries = view.getUint16(end + 10, true)
  let p = view.getUint32(end + 16, true)
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(p, true) !== CENTRAL) throw new Error(`zip central directory entry ${i} is malformed`)
    view.setUint16(p + 12, time, true)
    view.setUint16(p + 14, date, true)
    const local = view.getUint32(p + 42, true)
    if (view.getUint32(local, true) !== LOCAL) throw new Error(`zip local header of entry ${i} is malformed`)
    view.setUint16(local + 10, time, true)
    view.setUint16(local + 12, date, true)
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true)
  }
  return zip
}
