/**
 * Reading a DOCX back in tests: its XML parts, and the text of each paragraph.
 */
import type { Exporter } from "@hdnd/core"
import { strFromU8, unzipSync } from "fflate"

/** The XML parts of a DOCX file by their paths. */
export const xmlParts = (bytes: Uint8Array): Map<string, string> => {
  const files = unzipSync(bytes)
  return new Map(Object.entries(files).filter(([name]) => name.endsWith(".xml") || name.endsWith(".rels")).map(([name, data]) => [name, strFromU8(data)]))
}

/** An XML part that must exist. */
export const part = (parts: Map<string, string>, name: string): string => {
  const xml = parts.get(name)
  if (xml === undefined) throw new Error(`no ${name} in the package: ${[...parts.keys()].join(", ")}`)
  return xml
}

/** Decodes the five XML entities and character references. */
export const decodeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
    return ({ amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'" } as Record<string, string>)[e.toLowerCase()]!
  })

/** Every `<w:p>…</w:p>` of a part, as its XML. */
export const paragraphsXml = (xml: string): Array<string> =>
  [...xml.replace(/<w:p(?:\s[^>]*)?\/>/g, "").matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) => m[0])

/** The text of a paragraph: its `w:t` runs, concatenated and decoded. */
export const textOf = (paragraphXml: string): string =>
  [...paragraphXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join("")

/** The text of every paragraph of a part. */
export const paragraphTexts = (xml: string): Array<string> => paragraphsXml(xml).map(textOf)

/** What the conformance kit reads back: the text of every paragraph of the body and the page headers. */
export const readBack = async (output: Exporter.ExportOutput): Promise<{ texts: Array<string> }> => {
  const parts = xmlParts(output.bytes)
  const names = ["word/document.xml", ...[...parts.keys()].filter((n) => /^word\/header\d+\.xml$/.test(n)).sort()]
  return { texts: names.flatMap((n) => paragraphTexts(part(parts, n))) }
}

/** The MS-DOS time and date of every entry of a zip file, from its central directory. */
export const zipTimes = (zip: Uint8Array): Array<{ name: string; time: number; date: number }> => {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let eocd = zip.length - 22
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error("not a zip file")
  const out: Array<{ name: string; time: number; date: number }> = []
  let at = view.getUint32(eocd + 16, true)
  for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
    const nameLength = view.getUint16(at + 28, true)
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength))
    out.push({ name, time: view.getUint16(at + 12, true), date: view.getUint16(at + 14, true) })
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return out
}

/** The value of `attribute` on the first `<element …>` in `xml`, if any. */
export const attr = (xml: string, element: string, attribute: string): string | undefined => {
  const tag = new RegExp(`<${element}(?=[\\s/>])[^>]*>`).exec(xml)?.[0]
  return tag === undefined ? undefined : new RegExp(`\\s${attribute}="([^"]*)"`).exec(tag)?.[1]
}

/** A style of styles.xml by its id, as XML. */
export const style = (styles: string, id: string): string => {
  const m = new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)
  if (m === null) throw new Error(`no style ${id}`)
  return m[0]
}

/** The run properties of the first run of a paragraph (`<w:r><w:rPr>…</w:rPr>`), or "". */
export const runProperties = (paragraphXml: string): string => /<w:r>(?:<w:rPr>([\s\S]*?)<\/w:rPr>)?/.exec(paragraphXml)?.[1] ?? ""

/** The paragraph properties of a paragraph (`<w:pPr>…</w:pPr>`), or "". */
export const paragraphProperties = (paragraphXml: string): string => /^<w:p(?:\s[^>]*)?><w:pPr>([\s\S]*?)<\/w:pPr>/.exec(paragraphXml)?.[1] ?? ""

/** Every `<w:tbl>…</w:tbl>` at the top level of the body (the report's tables are not nested). */
export const tablesXml = (xml: string): Array<string> => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0])

/** The cells of a table's rows, as XML. */
export const rowsXml = (tableXml: string): Array<Array<string>> =>
  [...tableXml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => c[0]))
