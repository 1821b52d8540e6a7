/**
 * A report as one self-contained HTML5 page: the official header laid out as in a printed
 * Vietnamese document, the title, headings, paragraphs, tables, charts drawn as inline SVG on the
 * server (Vega-Lite), the recipients and signature, and the appendices. The page loads nothing
 * (no font, script, style sheet or image from anywhere), holds no script, and says so in a strict
 * Content Security Policy; every text is HTML-escaped. It prints on A4 with the margins of Decree
 * 30/2020/NĐ-CP.
 *
 * @since 0.1.0
 */
import { Exporter } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import * as Effect from "effect/Effect"
import { chartPoints, renderChartSvg } from "./internal/Chart.js"
import { escapeHtml } from "./internal/Escape.js"
import type { Progress } from "./internal/Markup.js"
import { chartHtml, closingHtml, headerHtml, pageHtml, tableHtml } from "./internal/Markup.js"

const FORMAT = "html"

const failure = (vi: string, en: string, cause?: unknown): Exporter.ExportError =>
  new Exporter.ExportError({ format: FORMAT, vi, en, ...(cause === undefined ? {} : { cause }) })

/** The units of work of a document: its table rows and its charts. */
const workOf = (doc: ReportDocument.ReportDocument): number => {
  let total = 0
  for (const s of doc.sections) for (const b of s.blocks) total += b._tag === "Table" ? b.rows.length : b._tag === "Chart" ? 1 : 0
  for (const t of doc.appendices ?? []) total += t.rows.length
  return total
}

const makeProgress = (total: number, onProgress: ((done: number, total: number) => void) | undefined): Progress & { readonly end: () => void } => {
  let done = 0
  return {
    step: (n = 1) => {
      if (n <= 0) return
      done += n
      onProgress?.(done, total)
    },
    end: () => {
      if (done !== total) onProgress?.(total, total)
    }
  }
}

/** Draws every chart that has something to draw, in document order, keyed by the chart's id. */
const drawCharts = async (doc: ReportDocument.ReportDocument, progress: Progress): Promise<ReadonlyMap<string, string>> => {
  const svgs = new Map<string, string>()
  let n = 0
  for (const s of doc.sections) {
    for (const b of s.blocks) {
      if (b._tag !== "Chart") continue
      const id = `bieu-do-${++n}`
      if (chartPoints(b).length > 0) svgs.set(id, await renderChartSvg(b, id))
      progress.step()
    }
  }
  return svgs
}

const levelTag = (level: 1 | 2 | 3): string => `h${level + 1}`

/** The body of the page, with the charts already drawn. */
const bodyHtml = (doc: ReportDocument.ReportDocument, svgs: ReadonlyMap<string, string>, progress: Progress): string => {
  const out: Array<string> = []
  if (doc.header !== undefined) out.push(headerHtml(doc.header))
  out.push(`<h1 class="doc-title">${escapeHtml(doc.title)}</h1>`)
  let tables = 0
  let charts = 0
  for (const s of doc.sections) {
    out.push("<section>")
    if (s.heading !== undefined) out.push(`<h2>${escapeHtml(s.heading)}</h2>`)
    for (const b of s.blocks) {
      switch (b._tag) {
        case "Heading": {
          const tag = levelTag(b.level)
          out.push(`<${tag}>${escapeHtml(b.text)}</${tag}>`)
          break
        }
        case "Paragraph":
          out.push(`<p class="text">${escapeHtml(b.text)}</p>`)
          break
        case "Table":
          out.push(tableHtml(b, `bang-${++tables}`, progress))
          break
        case "Chart": {
          const id = `bieu-do-${++charts}`
          out.push(chartHtml(b, id, svgs.get(id)))
          break
        }
      }
    }
    out.push("</section>")
  }
  if (doc.header !== undefined) out.push(closingHtml(doc.header))
  ;(doc.appendices ?? []).forEach((t, i) => {
    const id = `phu-luc-${i + 1}`
    out.push(`<section class="appendix" aria-labelledby="${id}-ten">${tableHtml(t, id, progress)}</section>`)
  })
  return out.join("\n")
}

/**
 * A report document as the HTML page's text.
 *
 * @example
 * ```ts
 * import type { ReportDocument } from "@hdnd/core"
 * import { HtmlExporter } from "@hdnd/export-html"
 * import * as Effect from "effect/Effect"
 *
 * const page = (doc: ReportDocument.ReportDocument) => Effect.runPromise(HtmlExporter.toHtml(doc, { createdAt: new Date() })) // a string
 * ```
 *
 * @since 0.1.0
 * @category rendering
 */
export const toHtml = (doc: ReportDocument.ReportDocument, options: Exporter.ExportOptions = {}): Effect.Effect<string, Exporter.ExportError> =>
  Effect.tryPromise({
    try: async () => {
      const createdAt = options.createdAt ?? new Date()
      const progress = makeProgress(workOf(doc), options.onProgress)
      const svgs = await drawCharts(doc, progress)
      const html = pageHtml(doc.title, createdAt, bodyHtml(doc, svgs, progress))
      progress.end()
      return html
    },
    catch: (cause) => failure("không ghi được trang HTML (vẽ biểu đồ hoặc dựng trang thất bại)", "could not write the HTML page (drawing a chart or building the page failed)", cause)
  })

const encoder = new TextEncoder()

/**
 * The HTML exporter (`html`): one self-contained UTF-8 page with inline SVG charts; a bare
 * tabulation is laid out as tables first (`TabulationDocument.fromTabulation`).
 *
 * @example
 * ```ts
 * import { Exporter, type ReportDocument } from "@hdnd/core"
 * import { HtmlExporter } from "@hdnd/export-html"
 * import * as Effect from "effect/Effect"
 * import { writeFile } from "node:fs/promises"
 *
 * const save = async (doc: ReportDocument.ReportDocument) => {
 *   const { bytes, extension } = await Effect.runPromise(HtmlExporter.exporter.export(Exporter.document(doc), { createdAt: new Date("2023-10-04T08:00:00+07:00") }))
 *   await writeFile(`bao-cao.${extension}`, bytes)
 * }
 * ```
 *
 * @since 0.1.0
 * @category exporters
 */
export const exporter: Exporter.Exporter = {
  id: FORMAT,
  vi: "HTML (trang web độc lập, có biểu đồ, in được khổ A4)",
  en: "HTML (a self-contained web page with charts, printable on A4)",
  mediaType: "text/html",
  extension: "html",
  export: (input, options = {}) =>
    Effect.gen(function* () {
      const doc = yield* Exporter.documentOf(input, FORMAT)
      const html = yield* toHtml(doc, options)
      return { bytes: encoder.encode(html), mediaType: "text/html", extension: "html" }
    })
}
