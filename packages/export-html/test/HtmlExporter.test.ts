import { Exporter, Format, Tabulation } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import { ExportDocuments, ExporterSuite } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { chartPoints, renderChartSvg, scopeIds, svgProblems } from "../src/internal/Chart.js"
import { escapeHtml } from "../src/internal/Escape.js"
import { CONTENT_SECURITY_POLICY, NO_DATA } from "../src/internal/Markup.js"
import { HtmlExporter } from "../src/index.js"
import { PAYLOADS, hostileDocument } from "./utils/Hostile.js"
import { bodyTexts, decodeEntities } from "./utils/HtmlText.js"
import { strayAngles, tagsOf } from "./utils/Tags.js"

const decode = (bytes: Uint8Array): string => new TextDecoder("utf-8", { fatal: true }).decode(bytes)

await ExporterSuite.exporterConformance({
  name: "html",
  exporter: HtmlExporter.exporter,
  // What a reader sees: the text of the body (the chart data tables and the SVG's text included).
  readBack: async (output) => ({ texts: bodyTexts(decode(output.bytes)) }),
  shows: { header: true, text: true, tables: true, charts: "data", appendices: true }
})

const CREATED = new Date("2024-01-05T08:30:00Z")
const html = async (doc: ReportDocument.ReportDocument, createdAt = CREATED): Promise<string> =>
  decode((await Effect.runPromise(HtmlExporter.exporter.export(Exporter.document(doc), { createdAt }))).bytes)

/** The elements and attributes the exporter writes in the body; anything else was injected. */
const HTML_ELEMENTS = new Set(["html", "body", "main", "header", "footer", "div", "section", "p", "span", "h1", "h2", "h3", "h4", "ul", "li", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "details", "summary"])
const SVG_ELEMENTS = new Set(["svg", "g", "path", "rect", "line", "text", "title"])
const HTML_ATTRIBUTES = new Set(["class", "id", "scope", "colspan", "aria-labelledby"])

describe("reading the page back (test helper)", () => {
  it("decodes named and numeric references once, never twice", () => {
    expect(decodeEntities("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x1F1FB;&#x1f1f3; &amp;lt; &unknown;")).toBe(`a & b <c> "d" 'e' 🇻🇳 &lt; &unknown;`)
  })

  it("takes the texts of the body only, skips comments, style sheets and scripts, and reads attributes holding '>'", () => {
    const page = `<!doctype html><html><head><title>not body</title><style>p{}</style></head><body><p class="a>b">Một &amp; hai</p><!-- x --><style>.x{}</style><script>y()</script><p>  Ba\n  bốn </p></body></html>`
    expect(bodyTexts(page)).toEqual(["Một & hai", "Ba bốn"])
  })

  it("agrees with escapeHtml on every text: escape, then read back, gives the text (white space collapsed)", () => {
    fc.assert(
      fc.property(fc.oneof(ExportDocuments.textArb, fc.string({ unit: "grapheme" })), (text) => {
        const back = bodyTexts(`<body><p>${escapeHtml(text)}</p></body>`).join(" ")
        expect(back).toBe(text.replace(/\0/g, "\uFFFD").replace(/\s+/g, " ").trim())
      }),
      { numRuns: 300 }
    )
  })
})

describe("HTML exporter: the page", () => {
  it("is one HTML5 document in Vietnamese and UTF-8, with a strict policy, a generator and a creation stamp, and nothing to load", async () => {
    const page = await html(ExportDocuments.officialDocument)
    expect(page.startsWith(`<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n`)).toBe(true)
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`)
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none';/)
    expect(page).toContain(`<meta name="generator" content="hdnd (@hdnd/export-html)">`)
    expect(page).toContain(`<meta name="dcterms.created" content="2024-01-05T08:30:00.000Z">`)
    expect(page).toContain(`<title>${ExportDocuments.officialDocument.title}</title>`)
    expect(page).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|@font-face|javascript:/i)
    expect(page).not.toMatch(/\s(?:src|href|srcset|action|style|on[a-z]+)=/i)
    expect(page.match(/url\([^)]*\)/g) ?? []).toEqual([])
    expect(page.match(/https?:\/\/[^\s"'<>]*/g) ?? []).toEqual(["http://www.w3.org/2000/svg", "http://www.w3.org/2000/svg"])
  })

  it("only the creation stamp changes with the creation time", async () => {
    const a = await html(ExportDocuments.officialDocument, new Date("2024-01-05T08:30:00Z"))
    const b = await html(ExportDocuments.officialDocument, new Date("2025-06-30T23:59:59Z"))
    const diff = a.split("\n").filter((line, i) => line !== b.split("\n")[i])
    expect(diff).toEqual([`<meta name="dcterms.created" content="2024-01-05T08:30:00.000Z">`])
  })

  it("lays out the official header, the title, the sections, the closing block and the appendix in reading order", async () => {
    const texts = bodyTexts(await html(ExportDocuments.officialDocument))
    const order = [
      "HỘI ĐỒNG NHÂN DÂN",
      "TỈNH SƠN LA",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 85/BC-HĐND",
      "Sơn La, ngày 04 tháng 10 năm 2023",
      ExportDocuments.officialDocument.title,
      "I. Kết quả hoạt động",
      "1. Công tác thẩm tra",
      "II. Số liệu tổng hợp",
      "Kết quả hoạt động của các ban HĐND",
      "Nội dung thẩm tra theo ban",
      "Hoạt động theo tháng",
      "III. Phương hướng nhiệm vụ năm 2024",
      "Nơi nhận:",
      "Lưu: VT.",
      "TM. THƯỜNG TRỰC HĐND",
      "PHÓ CHỦ TỊCH",
      "Lò Văn Mừng",
      "Phụ lục: hồ sơ chi tiết của từng số liệu"
    ]
    const positions = order.map((t) => texts.indexOf(t))
    expect(positions.filter((p) => p === -1).length, JSON.stringify(order.filter((_, i) => positions[i] === -1))).toBe(0)
    expect([...positions].sort((x, y) => x - y)).toEqual(positions)
  })

  it("maps headings to h2–h4 under the h1 title", async () => {
    const page = await html(ExportDocuments.officialDocument)
    expect(page.match(/<h1 class="doc-title">/g)).toHaveLength(1)
    expect(page).toContain("<h2>I. Kết quả hoạt động</h2>")
    expect(page).toContain("<h3>1. Công tác thẩm tra</h3>")
    expect(page).toContain("<h4>a) Thẩm tra dự thảo nghị quyết</h4>")
  })

  it("writes tables with the title as caption, column and row headers, right-aligned figures and the total in tfoot", async () => {
    const page = await html(ExportDocuments.officialDocument)
    const table = /<table id="bang-1">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? ""
    expect(table).toContain(`<caption id="bang-1-ten">Kết quả hoạt động của các ban HĐND</caption>`)
    expect(table).toContain(`<thead><tr><th scope="col">Cấp</th><th scope="col">Nội dung thẩm tra</th><th scope="col">KS, GS chuyên đề</th></tr></thead>`)
    expect(table).toContain(`<tr><th scope="row">Cấp huyện</th><td class="num">1.044</td><td class="num">98</td></tr>`)
    expect(table).toContain(`<tfoot><tr><th scope="row">Tổng cộng</th><td class="num">1.208</td><td class="num">124</td></tr></tfoot>`)
    expect(page).toMatch(/td\.num,th\.num\{text-align:right/)
  })

  it("says there is no data in a table without rows and instead of a chart without values", async () => {
    const page = await html(ExportDocuments.emptyTablesDocument)
    expect(page).toContain(`<tbody><tr><td colspan="2" class="no-data">${NO_DATA}</td></tr></tbody>`)
    expect(page).toContain(`<tbody><tr><td colspan="1" class="no-data">${NO_DATA}</td></tr></tbody>`)
    expect(page).toContain(`<figure class="chart chart-empty" id="bieu-do-1"><figcaption id="bieu-do-1-ten">Biểu đồ trống</figcaption><p class="no-data">${NO_DATA}.</p></figure>`)
    expect(page).not.toContain("<svg")
  })

  it("draws each chart as an SVG image named by its alt text, in a figure with its caption and its data table", async () => {
    const page = await html(ExportDocuments.officialDocument)
    const charts = ExportDocuments.officialDocument.sections.flatMap((s) => s.blocks).filter((b): b is ReportDocument.DocChart => b._tag === "Chart")
    expect(charts).toHaveLength(2)
    charts.forEach((c, i) => {
      const id = `bieu-do-${i + 1}`
      const figure = new RegExp(`<figure class="chart" id="${id}">([\\s\\S]*?)</figure>`).exec(page)?.[1] ?? ""
      expect(figure.startsWith(`<figcaption id="${id}-ten">${c.title}</figcaption><svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" aria-labelledby="${id}-mo-ta"`)).toBe(true)
      expect(figure).toContain(`<title id="${id}-mo-ta">${c.alt}</title>`)
      expect(svgProblems(/<svg[\s\S]*<\/svg>/.exec(figure)![0])).toEqual([])
      const data = /<details class="chart-data">([\s\S]*)<\/details>/.exec(figure)?.[1] ?? ""
      for (const p of c.series) expect(data).toContain(`<tr><th scope="row">${p.label}</th><td class="num">${Format.formatNumber(p.value)}</td></tr>`)
      // The labels and the values are drawn, in the fixed font, with Vietnamese number formatting.
      for (const p of c.series) expect(figure).toMatch(new RegExp(`<text[^>]*>${p.label}</text>`))
      expect(figure).toContain(`font-family="Times New Roman, Times, Liberation Serif, Nimbus Roman, serif"`)
    })
    expect(page).toMatch(/<text[^>]*>1\.000<\/text>|<text[^>]*>52<\/text>/)
  })

  it("writes a bar for each value and the line through every point", async () => {
    const page = await html(ExportDocuments.officialDocument)
    const bar = /<figure class="chart" id="bieu-do-1">[\s\S]*?<\/svg>/.exec(page)![0]
    expect(bar.match(/<path[^>]*fill="#1f4e79"/g)).toHaveLength(4)
    const line = /<figure class="chart" id="bieu-do-2">[\s\S]*?<\/svg>/.exec(page)![0]
    expect(line.match(/<path[^>]*stroke="#1f4e79"[^>]*stroke-width="2"/g)).toHaveLength(1)
  })
})

describe("HTML exporter: hostile text", () => {
  it("every payload comes back as text, and the page has only the tags the exporter writes", async () => {
    const page = await html(hostileDocument)
    const texts = bodyTexts(page).join("\n")
    for (const payload of PAYLOADS) expect(texts).toContain(payload.replace(/\s+/g, " "))
    expect(strayAngles(page)).toBe(0)
    const tags = tagsOf(page)
    expect([...new Set(tags.map((t) => t.name))].filter((n) => !HTML_ELEMENTS.has(n) && !SVG_ELEMENTS.has(n))).toEqual([])
    let inSvg = 0
    for (const t of tags) {
      if (t.name === "svg") inSvg += t.end ? -1 : 1
      if (inSvg === 0 && t.name !== "svg") expect(t.attributes.map(([a]) => a).filter((a) => !HTML_ATTRIBUTES.has(a)), `<${t.name}>`).toEqual([])
    }
    for (const svg of page.match(/<svg[\s\S]*?<\/svg>/g) ?? []) expect(svgProblems(svg)).toEqual([])
    expect(page.match(/<svg /g)).toHaveLength(2)
  })

  it("property: whatever the document says, the page has the exporter's tags only and no stray '<'", async () => {
    await fc.assert(
      fc.asyncProperty(ExportDocuments.documentArb, async (doc) => {
        const page = await html(doc)
        expect(strayAngles(page)).toBe(0)
        for (const t of tagsOf(page)) {
          expect(HTML_ELEMENTS.has(t.name) || SVG_ELEMENTS.has(t.name), t.name).toBe(true)
          for (const [a] of t.attributes) expect(/^on|href|src|style/.test(a), `${a} on <${t.name}>`).toBe(false)
        }
      }),
      { numRuns: 25 }
    )
  })

  it("Vega escapes labels in SVG text; the page's own check catches what it must not let through", async () => {
    const svg = await renderChartSvg({ _tag: "Chart", title: "t", chart: "bar", alt: `"><script>x()</script>`, series: [{ label: `</text><b>x</b>`, value: 1 }, { label: `" onload="x()`, value: 2 }] }, "c")
    expect(svgProblems(svg)).toEqual([])
    expect(svg).toContain(">&lt;/text&gt;&lt;b&gt;x&lt;/b&gt;</text>")
    expect(svg).toContain(`>" onload="x()</text>`)
    expect(svg).toContain(`<title id="c-mo-ta">&quot;&gt;&lt;script&gt;x()&lt;/script&gt;</title>`)
    expect(svg).not.toContain("<script")
    expect(svgProblems(`<svg><script>x()</script></svg>`)).toEqual(["element <script>", "element </script>"])
    expect(svgProblems(`<svg onload="x()"></svg>`)).toEqual(["attribute onload on <svg>"])
    expect(svgProblems(`<svg><a xlink:href="javascript:x()"><text>a</text></a></svg>`)).toEqual(["element <a>", "attribute xlink:href on <a>", "element </a>"])
    expect(svgProblems(`<svg><foreignObject></foreignObject></svg>`)).toEqual(["element <foreignObject>", "element </foreignObject>"])
    expect(svgProblems(`<svg><rect fill="url(https://evil.invalid/#x)"/></svg>`)).toEqual(["external reference url(https://evil.invalid/#x) on <rect>"])
    expect(svgProblems(`<svg><rect clip-path="url(#c-1)"/></svg>`)).toEqual([])
    expect(svgProblems(`<svg><text>a < b</text></svg>`)).toHaveLength(1)
    expect(svgProblems(`<svg><!-- x --></svg>`)).toHaveLength(1)
    expect(svgProblems(`<svg><text x='1'>a</text></svg>`)).toHaveLength(1)
  })
})

describe("HTML exporter: charts", () => {
  it("the same chart gives the same SVG, whatever was drawn before it in the process", async () => {
    const chart: ReportDocument.DocChart = { _tag: "Chart", title: "Theo tháng", chart: "line", alt: "a", series: [{ label: "tháng 1", value: 3 }, { label: "tháng 2", value: 5 }] }
    const first = await renderChartSvg(chart, "x")
    for (const c of ExportDocuments.officialDocument.sections.flatMap((s) => s.blocks)) if (c._tag === "Chart") await renderChartSvg(c, "y")
    expect(await renderChartSvg(chart, "x")).toBe(first)
  })

  it("Vega's clip-path ids come from a process-wide counter; scoped ids make them the same every time", async () => {
    const vega = await import("vega")
    const vl = await import("vega-lite")
    const clipped = async (): Promise<string> => {
      const spec = vl.compile({ data: { values: [{ a: "x", b: 1 }] }, mark: { type: "bar", clip: true }, encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } }).spec
      const view = new vega.View(vega.parse(spec), { renderer: "none" })
      const svg = await view.toSVG()
      view.finalize()
      return svg
    }
    const [a, b] = [await clipped(), await clipped()]
    expect(a).toMatch(/clip-path="url\(#clip\d+\)"/)
    expect(a).not.toBe(b)
    expect(scopeIds(a, "bieu-do-1")).toBe(scopeIds(b, "bieu-do-1"))
    expect(scopeIds(a, "bieu-do-1")).toContain(`clip-path="url(#bieu-do-1-1)"`)
    expect(scopeIds(a, "bieu-do-1")).toContain(`<clipPath id="bieu-do-1-1">`)
    expect(scopeIds(`<g id="q"><rect fill="url(#other)"/></g>`, "p")).toBe(`<g id="p-1"><rect fill="url(#other)"/></g>`)
  })

  it("repeated labels stay apart and values that are not numbers are not drawn", () => {
    const points = chartPoints({ _tag: "Chart", title: "t", chart: "bar", alt: "a", series: [{ label: "Ban Dân tộc", value: 1 }, { label: "Ban Dân tộc", value: 2 }, { label: "x", value: Number.NaN }, { label: "Ban Dân tộc", value: 1044.5 }] })
    expect(points).toEqual([
      { label: "Ban Dân tộc", value: 1, text: "1" },
      { label: "Ban Dân tộc (2)", value: 2, text: "2" },
      { label: "Ban Dân tộc (3)", value: 1044.5, text: "1.044,5" }
    ])
  })

  it("axis ticks use Vietnamese grouping", async () => {
    const svg = await renderChartSvg({ _tag: "Chart", title: "t", chart: "bar", alt: "a", series: [{ label: "a", value: 2500 }, { label: "b", value: 12_000 }] }, "c")
    expect(svg).toMatch(/>10\.000<\/text>/)
    expect(svg).toMatch(/>12\.000<\/text>/)
    expect(svg).not.toMatch(/>10,000<\/text>/)
  })
})

describe("HTML exporter: progress and tabulations", () => {
  it("reports progress over the rows and charts, rising to the total", async () => {
    const big = ExportDocuments.bigTableDocument(10_000)
    const doc = { ...big, sections: [...big.sections, ...ExportDocuments.officialDocument.sections] }
    const calls: Array<readonly [number, number]> = []
    await Effect.runPromise(HtmlExporter.exporter.export(Exporter.document(doc), { createdAt: CREATED, onProgress: (done, total) => calls.push([done, total]) }))
    expect(calls.length).toBeGreaterThan(5)
    expect(calls.every(([, total]) => total === 10_000 + 2 + 2)).toBe(true)
    expect(calls.map(([d]) => d)).toEqual([...calls.map(([d]) => d)].sort((a, b) => a - b))
    expect(calls.at(-1)).toEqual([10_004, 10_004])
  })

  it("a tabulation without a period fails with an ExportError in Vietnamese and English", async () => {
    const { Registry } = await import("@hdnd/core")
    const tab = Tabulation.empty({ indicators: new Map(), dimensions: [], traced: false })
    const exit = await Effect.runPromiseExit(HtmlExporter.exporter.export(Exporter.tabulation(tab, Registry.builtin)))
    expect(Exit.isFailure(exit)).toBe(true)
    const error = Option.getOrUndefined(Exit.findErrorOption(exit))
    if (error !== undefined) {
      expect(error).toBeInstanceOf(Exporter.ExportError)
      expect(error.format).toBe("html")
      expect(error.vi).toContain("kỳ báo cáo")
      expect(error.en).toContain("period")
    } else expect.fail("expected a failure")
  })

  it("an invalid creation time fails with an ExportError, not a defect", async () => {
    const exit = await Effect.runPromiseExit(HtmlExporter.exporter.export(Exporter.document(ExportDocuments.emptyDocument), { createdAt: new Date(Number.NaN) }))
    expect(Exit.isFailure(exit) && Option.getOrUndefined(Exit.findErrorOption(exit))?._tag === "ExportError").toBe(true)
  })
})
