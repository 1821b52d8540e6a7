/**
 * A report as an official Word document (DOCX) in the layout of Nghị định 30/2020/NĐ-CP: A4
 * portrait, Times New Roman in black, the issuing body and number beside the quốc hiệu and tiêu ngữ
 * with the rule under it, the italic place and date line, the title, the text, the tables (their
 * header row repeated on every page), the charts as tables of their values, "Nơi nhận:" beside the
 * signature, and the appendices each on a new page. Page numbers are centred in the top margin from
 * page 2 on. The numbers used are in {@link layout}.
 *
 * The same document and `createdAt` give the same bytes. Writing needs Node.js (`node:zlib`).
 *
 * @since 0.1.0
 */
import { Exporter, type ReportDocument } from "@hdnd/core"
import { Packer } from "docx"
import * as Effect from "effect/Effect"
import { build, PLACEHOLDER } from "./internal/DocxBuild.js"
import * as Layout from "./internal/Layout.js"
import { escapeXml, tableXml } from "./internal/TableXml.js"
import { contentOf, deflatedEntry, readZip, writeZip } from "./internal/Zip.js"

/**
 * The layout this exporter writes (Decree 30/2020/NĐ-CP): the font and colour, A4 portrait, the
 * margins in millimetres, every font size in points, the spacing of running text, the share of the
 * two-column header block and the width of table borders and rules.
 *
 * @since 0.1.0
 * @category data
 */
export const layout = Layout.layout

/**
 * The media type of a Word document.
 *
 * @since 0.1.0
 * @category data
 */
export const MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

/** An instant as W3CDTF without fractions of a second, as Word writes it. */
const w3cdtf = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, "Z")

/** docProps/core.xml: the title, creator "hdnd", and created and modified set to `at`. */
const coreXml = (title: string, at: Date): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  `<dc:title>${escapeXml(title)}</dc:title><dc:creator>hdnd</dc:creator><cp:lastModifiedBy>hdnd</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
  `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(at)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(at)}</dcterms:modified>` +
  "</cp:coreProperties>"

const failure = (vi: string, en: string) => (cause: unknown) => new Exporter.ExportError({ format: "docx", vi, en, cause })

const encoder = new TextEncoder()
const decoder = new TextDecoder("utf-8")
/** Rows between two calls of `onProgress`. */
const PROGRESS_EVERY = 1000

/**
 * Writes a report document as DOCX bytes. `options.createdAt` (default now) is written as the
 * document's created and modified time and as the time of every entry of the zip, so the same
 * document and time give the same bytes. `options.onProgress` is called every 1,000 table rows and
 * at the end, with the rows written and the rows in all.
 *
 * @example
 * ```ts
 * import type { ReportDocument } from "@hdnd/core"
 * import { DocxExporter } from "@hdnd/export-docx"
 * import * as Effect from "effect/Effect"
 *
 * const bytes = (doc: ReportDocument.ReportDocument) => Effect.runPromise(DocxExporter.exportDocument(doc)) // Uint8Array
 * ```
 *
 * @since 0.1.0
 * @category exporters
 */
export const exportDocument = (doc: ReportDocument.ReportDocument, options: Exporter.ExportOptions = {}): Effect.Effect<Uint8Array, Exporter.ExportError> =>
  Effect.gen(function* () {
    const createdAt = options.createdAt ?? new Date()
    const built = yield* Effect.try({
      try: () => ({ ...build(doc), core: coreXml(doc.title, createdAt) }),
      catch: failure("không dựng được văn bản DOCX từ báo cáo", "could not build the DOCX document from the report")
    })
    const packed = yield* Effect.tryPromise({
      try: () => Packer.pack(built.document, "uint8array", false, [{ path: "docProps/core.xml", data: built.core }]),
      catch: failure("thư viện docx không ghi được tệp", "the docx library could not write the file")
    })
    return yield* Effect.try({
      try: () => {
        const total = built.tables.reduce((n, t) => n + t.rows.length, 0)
        let done = 0
        const onRow = () => {
          done++
          if (done % PROGRESS_EVERY === 0) options.onProgress?.(done, total)
        }
        const entries = readZip(packed)
        const at = entries.findIndex((e) => e.name === "word/document.xml")
        if (at < 0) throw new Error("docx wrote no word/document.xml")
        let replaced = 0
        const xml = decoder.decode(contentOf(entries[at]!)).replace(PLACEHOLDER, (_, i: string) => {
          replaced++
          return tableXml(built.tables[Number(i)]!, onRow)
        })
        if (replaced !== built.tables.length) throw new Error(`placed ${replaced} of ${built.tables.length} tables`)
        options.onProgress?.(done, total)
        entries[at] = deflatedEntry("word/document.xml", encoder.encode(xml))
        return writeZip(entries, createdAt)
      },
      catch: failure("không ghi được các bảng vào tệp DOCX", "could not write the tables into the DOCX file")
    })
  })

/**
 * The DOCX exporter (`docx`): a report document, or a bare tabulation as a document of its tables,
 * as an official Word document in the Decree 30/2020/NĐ-CP layout. A tabulation without a period
 * fails with an {@link Exporter.ExportError} that says so.
 *
 * @example
 * ```ts
 * import { Exporter, type ReportDocument } from "@hdnd/core"
 * import { DocxExporter } from "@hdnd/export-docx"
 * import * as Effect from "effect/Effect"
 * import { writeFile } from "node:fs/promises"
 *
 * const save = async (doc: ReportDocument.ReportDocument) => {
 *   const { bytes, extension } = await Effect.runPromise(DocxExporter.exporter.export(Exporter.document(doc), { createdAt: new Date("2023-10-04T08:00:00+07:00") }))
 *   await writeFile(`bao-cao.${extension}`, bytes)
 * }
 * ```
 *
 * @since 0.1.0
 * @category exporters
 */
export const exporter: Exporter.Exporter = {
  id: "docx",
  vi: "Word (DOCX), thể thức văn bản theo Nghị định 30/2020/NĐ-CP",
  en: "Word (DOCX), official document layout of Decree 30/2020/ND-CP",
  mediaType: MEDIA_TYPE,
  extension: "docx",
  export: (input, options = {}) =>
    Effect.gen(function* () {
      const doc = yield* Exporter.documentOf(input, "docx")
      const bytes = yield* exportDocument(doc, options)
      return { bytes, mediaType: MEDIA_TYPE, extension: "docx" }
    })
}
