/**
 * Charts as inline SVG, drawn on the server: a Vega-Lite spec compiled to Vega and rendered by
 * Vega's SVG string renderer (`renderer: "none"`, `view.toSVG()`), with Vietnamese number
 * formatting and a fixed font family, so the page fetches nothing and runs no script.
 *
 * The SVG that comes back is checked before it is written into the page ({@link svgProblems}):
 * only drawing elements and presentation attributes, no script, no event handler, no link, no
 * reference outside the SVG. Its root is replaced by one with `role="img"` and a `<title>` holding
 * the chart's alt text, and its ids (if Vega ever writes any) are renumbered per chart, so two
 * charts never share one and two exports give the same bytes.
 *
 * @since 0.1.0
 */
import { Format } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import type { TopLevelSpec } from "vega-lite"
import { escapeHtml } from "./Escape.js"
import { textWidth } from "./TextWidth.js"

/**
 * The font family written into the SVG: a list of local fonts, never a web font.
 *
 * @since 0.1.0
 * @category charts
 */
export const CHART_FONT = "Times New Roman, Times, Liberation Serif, Nimbus Roman, serif"

const INK = "#1f4e79"
const FONT_SIZE = 13
const BAR_LABEL_LIMIT = 260

/** d3-format's locale for Vietnamese numbers: "1.044", "14,5". */
const NUMBER_LOCALE = { decimal: ",", thousands: ".", grouping: [3], currency: ["", " ₫"] as [string, string], minus: "-" }

/**
 * One point of a chart as drawn: a label unique within the chart, the value and its Vietnamese text.
 *
 * @since 0.1.0
 * @category charts
 */
export interface ChartPoint {
  readonly label: string
  readonly value: number
  readonly text: string
}

/**
 * The points of a chart as drawn. Points whose value is not a finite number are left out (they stay
 * in the chart's data table); a label that repeats an earlier one gets " (2)", " (3)"… so that Vega
 * does not merge the two bars.
 *
 * @since 0.1.0
 * @category charts
 */
export const chartPoints = (chart: ReportDocument.DocChart): ReadonlyArray<ChartPoint> => {
  const seen = new Map<string, number>()
  const out: Array<ChartPoint> = []
  for (const p of chart.series) {
    if (!Number.isFinite(p.value)) continue
    const n = (seen.get(p.label) ?? 0) + 1
    seen.set(p.label, n)
    out.push({ label: n === 1 ? p.label : `${p.label} (${n})`, value: p.value, text: Format.formatNumber(p.value) })
  }
  return out
}

const config = {
  font: CHART_FONT,
  aria: false,
  background: "white",
  view: { stroke: null },
  axis: { labelFontSize: FONT_SIZE, labelColor: "#111", tickColor: "#888", domainColor: "#888", gridColor: "#e2e2e2" },
  locale: { number: NUMBER_LOCALE }
} as const

/**
 * The Vega-Lite spec of a chart: horizontal bars (long Vietnamese names read best on the left) or a
 * line with points, each point labelled with its value.
 *
 * @since 0.1.0
 * @category charts
 */
export const chartSpec = (chart: ReportDocument.DocChart): TopLevelSpec => {
  const points = chartPoints(chart)
  const integers = points.every((p) => Number.isInteger(p.value))
  const valueAxis = { title: null, tickCount: 6, ...(integers ? { tickMinStep: 1 } : {}) }
  const values = points.map((p) => ({ label: p.label, value: p.value, text: p.text }))
  if (chart.chart === "bar") {
    // The plot takes what the labels and the value texts leave of about 600 px (the printed width).
    const labels = Math.min(BAR_LABEL_LIMIT, Math.max(0, ...points.map((p) => textWidth(p.label, FONT_SIZE))))
    const texts = Math.max(0, ...points.map((p) => textWidth(p.text, FONT_SIZE)))
    return {
      width: Math.round(Math.min(440, Math.max(240, 600 - labels - texts - 40))),
      height: { step: 28 },
      padding: 8,
      config,
      data: { values },
      encoding: {
        y: { field: "label", type: "nominal", sort: null, title: null, axis: { labelLimit: BAR_LABEL_LIMIT, ticks: false, labelPadding: 6 } },
        x: { field: "value", type: "quantitative", axis: valueAxis }
      },
      layer: [
        { mark: { type: "bar", color: INK, height: { band: 0.72 } } },
        { mark: { type: "text", align: "left", baseline: "middle", dx: 4, fontSize: FONT_SIZE, color: "#111" }, encoding: { text: { field: "text", type: "nominal" } } }
      ]
    }
  }
  const many = points.length > 6
  return {
    width: 520,
    height: 220,
    padding: 8,
    config,
    data: { values },
    encoding: {
      x: {
        field: "label",
        type: "ordinal",
        sort: null,
        title: null,
        scale: { padding: 0.5 },
        axis: many ? { labelAngle: -40, labelAlign: "right", labelLimit: 140 } : { labelAngle: 0, labelLimit: Math.max(60, Math.floor(520 / Math.max(1, points.length)) - 8) }
      },
      y: { field: "value", type: "quantitative", axis: valueAxis }
    },
    layer: [
      { mark: { type: "line", color: INK, strokeWidth: 2, point: { color: INK, size: 36 } } },
      // The value above each point, on a white halo so the line does not cross it.
      { mark: { type: "text", dy: -10, fontSize: FONT_SIZE, color: "white", stroke: "white", strokeWidth: 4, strokeJoin: "round" }, encoding: { text: { field: "text", type: "nominal" } } },
      { mark: { type: "text", dy: -10, fontSize: FONT_SIZE, color: "#111" }, encoding: { text: { field: "text", type: "nominal" } } }
    ]
  }
}

type Vega = typeof import("vega")
type VegaLite = typeof import("vega-lite")

interface Libraries {
  readonly vega: Vega
  readonly vl: VegaLite
  readonly quiet: ReturnType<Vega["logger"]>
  /** Vega's text metrics: `width` may be replaced (vl-convert does the same) and falls back to a rough estimate without a canvas. */
  readonly metrics: { width: (item: TextItem, text?: unknown) => number }
}

let libraries: Promise<Libraries> | undefined

/**
 * Vega and Vega-Lite, imported on the first chart (about 0.35 s here), so a program that loads this
 * package but draws no chart does not pay for them.
 */
const load = (): Promise<Libraries> =>
  (libraries ??= Promise.all([import("vega"), import("vega-lite")]).then(
    ([vega, vl]) => ({ vega, vl, quiet: vega.logger(vega.None), metrics: (vega as unknown as { textMetrics: Libraries["metrics"] }).textMetrics }),
    (cause: unknown) => {
      libraries = undefined
      throw cause
    }
  ))

/** A text item as Vega's text metrics see it. */
interface TextItem {
  readonly fontSize?: number | string
  readonly fontWeight?: number | string
  readonly limit?: number
  readonly text?: unknown
}

const measure = (item: TextItem, text?: unknown): number => {
  const line = text ?? item.text
  const t = line === null || line === undefined ? "" : String(line).trim()
  const size = item.fontSize === undefined ? 11 : Number(item.fontSize) || 0
  const bold = item.fontWeight === "bold" || Number(item.fontWeight) >= 600
  const width = textWidth(t, size, bold)
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width
}

let measuring = 0
let previous: Libraries["metrics"]["width"] | undefined

/**
 * Runs `f` with Vega measuring text by the widths of Times New Roman ({@link textWidth}) instead of
 * its rough estimate (0.8 em a character, which cut "Ban Kinh tế - Ngân sách" short) or a canvas
 * that only some machines have. Nested and concurrent runs share one swap; the last to finish puts
 * Vega's own measure back.
 */
const withTextWidths = async <A>({ metrics }: Libraries, f: () => Promise<A>): Promise<A> => {
  if (measuring++ === 0) {
    previous = metrics.width
    metrics.width = measure
  }
  try {
    return await f()
  } finally {
    if (--measuring === 0 && previous !== undefined) metrics.width = previous
  }
}

const ELEMENTS = new Set(["svg", "g", "path", "rect", "line", "circle", "ellipse", "polygon", "polyline", "text", "tspan", "title", "desc", "defs", "clipPath", "linearGradient", "radialGradient", "stop"])
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*="[^"<]*")*)\s*(\/?)>/y
const ATTRIBUTE = /([A-Za-z_:][A-Za-z0-9_.:-]*)="([^"<]*)"/g

/**
 * What makes an SVG string unsafe to write into the page, or `[]`: text that is not a well-formed
 * tag with double-quoted attributes (a raw `<` in text, a comment, a processing instruction), an
 * element outside the drawing elements Vega writes (no `script`, `foreignObject`, `a`, `image`,
 * `use`, `style`), an event handler or link attribute (`on…`, `href`, `src`, `style`), a `url(…)`
 * that points outside the SVG.
 *
 * @since 0.1.0
 * @category charts
 */
export const svgProblems = (svg: string): ReadonlyArray<string> => {
  const problems: Array<string> = []
  let i = 0
  while (i < svg.length && problems.length < 10) {
    const lt = svg.indexOf("<", i)
    if (lt === -1) break
    TAG.lastIndex = lt
    const m = TAG.exec(svg)
    if (m === null) {
      problems.push(`not a tag at ${lt}: ${JSON.stringify(svg.slice(lt, lt + 40))}`)
      break
    }
    const name = m[2]!
    if (!ELEMENTS.has(name)) problems.push(`element <${m[1]}${name}>`)
    for (const [, attr, value] of m[3]!.matchAll(ATTRIBUTE)) {
      const lower = attr!.toLowerCase()
      if (lower.startsWith("on") || lower.endsWith("href") || lower === "src" || lower === "style") problems.push(`attribute ${attr} on <${name}>`)
      for (const [ref] of value!.matchAll(/url\(([^)]*)\)/gi)) if (!/^url\(#[\w.-]+\)$/.test(ref!)) problems.push(`external reference ${ref} on <${name}>`)
    }
    i = TAG.lastIndex
  }
  return problems
}

const ROOT = /^<svg\b[^>]*?\swidth="([\d.]+)"\s+height="([\d.]+)"\s+viewBox="([\d. -]+)"[^>]*>/

/**
 * A chart as an inline SVG string: `role="img"`, named by a `<title id="{id}-mo-ta">` with the
 * chart's alt text, ids scoped to `id`. The chart must have at least one point to draw. Rejects
 * (with the problems) if Vega's output is not a safe drawing.
 *
 * @since 0.1.0
 * @category charts
 */
export const renderChartSvg = async (chart: ReportDocument.DocChart, id: string): Promise<string> => {
  const libs = await load()
  const { quiet, vega, vl } = libs
  const spec = vl.compile(chartSpec(chart), { logger: quiet }).spec
  const raw = await withTextWidths(libs, async () => {
    const view = new vega.View(vega.parse(spec), { renderer: "none", logLevel: vega.None, logger: quiet })
    try {
      return await view.toSVG()
    } finally {
      view.finalize()
    }
  })
  const root = ROOT.exec(raw)
  if (root === null || !raw.endsWith("</svg>")) throw new Error(`unexpected SVG from Vega: ${raw.slice(0, 120)}`)
  const inner = scopeIds(raw.slice(root[0].length, -"</svg>".length), id)
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" aria-labelledby="${id}-mo-ta" width="${root[1]}" height="${root[2]}" viewBox="${root[3]}">` +
    `<title id="${id}-mo-ta">${escapeHtml(chart.alt.trim().length > 0 ? chart.alt : chart.title)}</title>${inner}</svg>`
  const problems = svgProblems(svg)
  if (problems.length > 0) throw new Error(`unsafe SVG from Vega: ${problems.join("; ")}`)
  return svg
}

/**
 * Renames every `id` of an SVG fragment to `{prefix}-{n}` in order of appearance, with its `url(#…)`
 * references. Vega names clip paths from a counter that lives as long as the process ("clip7"), so
 * without this the same chart would not give the same bytes twice, and two charts could share an id.
 *
 * @since 0.1.0
 * @category charts
 */
export const scopeIds = (svg: string, prefix: string): string => {
  const ids = new Map<string, string>()
  const renamed = svg.replace(/\sid="([^"]*)"/g, (_, v: string) => {
    if (!ids.has(v)) ids.set(v, `${prefix}-${ids.size + 1}`)
    return ` id="${ids.get(v)}"`
  })
  return ids.size === 0 ? renamed : renamed.replace(/url\(#([^)]*)\)/g, (whole, v: string) => (ids.has(v) ? `url(#${ids.get(v)})` : whole))
}
