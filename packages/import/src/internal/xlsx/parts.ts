/**
 * The small parts of an XLSX package the sheet reader needs, each found through the package's
 * relationships (with the usual names as a fallback) and read whole: the workbook (its sheet list and
 * date system), the workbook's relationships, the styles (which cell styles show dates) and the shared
 * strings (the table of distinct texts, kept in memory as XLSX requires).
 */
import { clean } from "../text.js"
import { XlsxLimitError, XlsxPartError } from "./errors.js"
import type { Archive } from "./zip.js"
import { attribute, parsePart, unescapeXstring } from "./xml.js"

/** A relationship of a part, its target resolved to a part name. */
export interface Relationship {
  readonly id: string
  readonly type: string
  readonly target: string
}

/** The folder of a part name, with its trailing slash ("xl/" for "xl/workbook.xml"). */
const folderOf = (part: string): string => part.slice(0, part.lastIndexOf("/") + 1)

/** The part a relationship target names, relative to the folder of the part that holds it. */
export const resolveTarget = (folder: string, target: string): string => {
  const path = target.startsWith("/") ? target.slice(1) : folder + target
  const out: Array<string> = []
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue
    if (segment === "..") out.pop()
    else out.push(segment)
  }
  return out.join("/")
}

/** The relationships part of a part: `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
const relsPartOf = (part: string): string => `${folderOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`

/** The name of a part as it is stored, trying the name as written and percent-decoded. */
export const findPart = (archive: Archive, name: string): string | undefined => {
  const found = archive.find(name)
  if (found !== undefined) return found
  try {
    const decoded = decodeURIComponent(name)
    return decoded === name ? undefined : archive.find(decoded)
  } catch {
    return undefined
  }
}

/** The internal relationships of `part` (none when it has no relationships part). */
export const relationshipsOf = async (archive: Archive, part: string): Promise<Array<Relationship>> => {
  const rels = findPart(archive, relsPartOf(part))
  if (rels === undefined) return []
  const folder = part === "" ? "" : folderOf(part)
  const out: Array<Relationship> = []
  await parsePart(archive.open(rels), {
    open: (name, attributes) => {
      if (name !== "Relationship") return
      const id = attributes.Id
      const target = attributes.Target
      if (id === undefined || target === undefined || attributes.TargetMode === "External") return
      out.push({ id, type: attributes.Type ?? "", target: resolveTarget(folder, target) })
    },
    text: () => {},
    close: () => {}
  })
  return out
}

/** Whether a relationship type is `kind` (`.../relationships/worksheet`, transitional or strict). */
export const isType = (type: string, kind: string): boolean => type.endsWith(`/${kind}`)

/** A sheet of the workbook's sheet list, with the part that holds it. */
export interface SheetEntry {
  readonly name: string
  readonly state: string
  /** The worksheet part; undefined for a chart sheet or dialog sheet, which have no cells. */
  readonly part: string | undefined
}

/** What the reader needs from the workbook part. */
export interface WorkbookInfo {
  readonly sheets: ReadonlyArray<SheetEntry>
  /** Serial dates count from 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  readonly date1904: boolean
  readonly sharedStrings: string | undefined
  readonly styles: string | undefined
}

const DEFAULT_WORKBOOK = "xl/workbook.xml"

/**
 * The workbook part (named by the package relationships, `xl/workbook.xml` by default), its sheets in
 * tab order and the parts they are in. Throws an `XlsxPartError` naming the part when it is missing
 * or not a workbook.
 */
export const readWorkbook = async (archive: Archive): Promise<WorkbookInfo> => {
  const root = await relationshipsOf(archive, "").catch(() => [])
  const named = root.find((r) => isType(r.type, "officeDocument"))?.target
  const wanted = named ?? DEFAULT_WORKBOOK
  const part = findPart(archive, wanted) ?? findPart(archive, DEFAULT_WORKBOOK)
  if (part === undefined) throw new XlsxPartError(wanted, "unreadable")
  const sheets: Array<{ name: string; state: string; id: string | undefined; sheetId: string | undefined }> = []
  let date1904 = false
  let first = true
  let isWorkbook = false
  try {
    await parsePart(archive.open(part), {
      open: (name, attributes) => {
        if (first) {
          first = false
          isWorkbook = name === "workbook"
        }
        if (!isWorkbook) return
        if (name === "workbookPr") {
          const v = attributes.date1904
          date1904 = v === "1" || v === "true"
        } else if (name === "sheet") {
          sheets.push({ name: attributes.name ?? "", state: attributes.state ?? "visible", id: attribute(attributes, "id"), sheetId: attributes.sheetId })
        }
      },
      text: () => {},
      close: () => {}
    })
  } catch (e) {
    throw e instanceof XlsxPartError && e.reason !== "xml" ? e : new XlsxPartError(part, "unreadable")
  }
  if (!isWorkbook) throw new XlsxPartError(part, "unreadable")
  const rels = await relationshipsOf(archive, part)
  const byId = new Map(rels.map((r) => [r.id, r]))
  const folder = folderOf(part)
  return {
    sheets: sheets.map((s, i) => {
      const rel = s.id === undefined ? undefined : byId.get(s.id)
      const fallback = `${folder}worksheets/sheet${s.sheetId ?? i + 1}.xml`
      const isWorksheet = rel === undefined || isType(rel.type, "worksheet")
      return { name: s.name, state: s.state, part: isWorksheet ? (rel?.target ?? fallback) : undefined }
    }),
    date1904,
    sharedStrings: rels.find((r) => isType(r.type, "sharedStrings"))?.target ?? findPart(archive, `${folder}sharedStrings.xml`),
    styles: rels.find((r) => isType(r.type, "styles"))?.target ?? findPart(archive, `${folder}styles.xml`)
  }
}

/**
 * The shared strings, each as it is shown: the text of its runs (phonetic guides left out), escapes
 * undone, NFC-normalised. None when the part is absent.
 */
export const readSharedStrings = async (archive: Archive, name: string | undefined, maxLength = Number.POSITIVE_INFINITY): Promise<Array<string>> => {
  const part = name === undefined ? undefined : findPart(archive, name)
  if (part === undefined) return []
  const strings: Array<string> = []
  let inItem = false
  let phonetic = 0
  let capture = false
  let text = ""
  await parsePart(archive.open(part), {
    open: (name) => {
      if (name === "si") {
        inItem = true
        text = ""
      } else if (name === "rPh") phonetic++
      else if (name === "t" && inItem && phonetic === 0) capture = true
    },
    text: (t) => {
      if (!capture) return
      text += t
      if (text.length > maxLength) throw new XlsxLimitError("maxCellLength", maxLength, part, undefined, `(${part}, #${strings.length + 1})`)
    },
    close: (name) => {
      if (name === "t") capture = false
      else if (name === "rPh") phonetic--
      else if (name === "si") {
        inItem = false
        strings.push(clean(unescapeXstring(text)))
      }
    }
  })
  return strings
}

/** Built-in number formats (ids below 164 without a code in the styles) that show a date. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58])

/**
 * Whether a number format code shows a date: it has a day, year or month part, once quoted text,
 * bracketed parts (colours, locales, conditions), escaped characters and padding are left out. An
 * `m` next to hours or seconds is minutes, and a time-only format (`h:mm`, `[h]:mm:ss`) is not a date.
 */
export const isDateFormat = (code: string): boolean => {
  const elapsed = /\[(?:h+|m+|s+)\]/i.test(code)
  const s = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "")
  if (/[dyb]/i.test(s)) return true
  return !elapsed && /m/i.test(s) && !/[hs]/i.test(s)
}

/**
 * For each cell style (the `s` of a cell, an index into `cellXfs`), whether it shows a date. None
 * when the part is absent.
 */
export const readDateStyles = async (archive: Archive, name: string | undefined): Promise<ReadonlyArray<boolean>> => {
  const part = name === undefined ? undefined : findPart(archive, name)
  if (part === undefined) return []
  const codes = new Map<number, string>()
  const xfs: Array<number> = []
  let inCellXfs = false
  await parsePart(archive.open(part), {
    open: (name, attributes) => {
      if (name === "numFmt") {
        const id = Number(attributes.numFmtId)
        if (Number.isInteger(id)) codes.set(id, attributes.formatCode ?? "")
      } else if (name === "cellXfs") inCellXfs = true
      else if (name === "xf" && inCellXfs) xfs.push(Number(attributes.numFmtId ?? 0))
    },
    text: () => {},
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false
    }
  })
  return xfs.map((id) => {
    const code = codes.get(id)
    return code === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(code)
  })
}
