/**
 * The pieces of the page as HTML strings: the official header, tables, chart figures, the closing
 * block (recipients and signature) and the page around them. Every text goes through
 * {@link escapeHtml}; the only attributes written are fixed class names and generated ids.
 *
 * @since 0.1.0
 */
import { Format } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import { escapeHtml as e } from "./Escape.js"
import { STYLES } from "./Styles.js"

/**
 * Counts the units of work (table rows, charts) and reports them now and then.
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly step: (n?: number) => void
}

/**
 * The Content Security Policy of the page: nothing may load, no script may run; only the inline
 * style sheet (and `data:` images, of which there are none today) are allowed.
 *
 * @since 0.1.0
 * @category security
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/**
 * The note written where a table has no rows or a chart has no values.
 *
 * @since 0.1.0
 * @category labels
 */
export const NO_DATA = "Không có số liệu"

const lines = (className: string, texts: ReadonlyArray<string>): string => texts.map((t) => `<p class="${className}">${e(t)}</p>`).join("")

/**
 * The official header (Decree 30/2020/NĐ-CP layout): issuing body and number on the left, the
 * national name and motto with the place and date on the right.
 *
 * @since 0.1.0
 * @category markup
 */
export const headerHtml = (h: ReportDocument.DocHeader): string => {
  const placeDate =
    h.date !== undefined ? (h.place !== undefined && h.place.trim().length > 0 ? Format.formatPlaceDate(h.place, h.date) : Format.formatDateLong(h.date)) : (h.place ?? "")
  return (
    `<header class="doc-header">` +
    `<div class="issuer">${lines("issuer-body", h.issuingBody)}</div>` +
    `<div class="nation"><p class="nation-name">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p class="motto"><span>Độc lập - Tự do - Hạnh phúc</span></p></div>` +
    `<p class="doc-number">${e(h.number ?? "")}</p>` +
    `<p class="place-date">${e(placeDate)}</p>` +
    `</header>`
  )
}

const cellText = (c: ReportDocument.DocCell): string => (c.text.length === 0 && c.value !== undefined ? Format.formatNumber(c.value) : c.text)

/** A word too long for a table column: such a cell may break anywhere; others break between words only. */
const LONG_WORD = /\S{25}/

const classes = (text: string, numeric: boolean): string => {
  const names = [...(numeric ? ["num"] : []), ...(LONG_WORD.test(text) ? ["long"] : [])]
  return names.length === 0 ? "" : ` class="${names.join(" ")}"`
}

const cellHtml = (c: ReportDocument.DocCell, tag: "td" | "th", scope?: "row"): string => {
  const text = cellText(c)
  return `<${tag}${scope === undefined ? "" : ` scope="${scope}"`}${classes(text, c.value !== undefined)}>${e(text)}</${tag}>`
}

const rowHtml = (row: ReadonlyArray<ReportDocument.DocCell>): string => {
  let out = "<tr>"
  row.forEach((c, i) => {
    out += i === 0 && c.value === undefined ? cellHtml(c, "th", "row") : cellHtml(c, "td")
  })
  return out + "</tr>"
}

/**
 * A table: the title as its caption (id `{id}-ten`), `<th scope="col">` headers, the first text cell of each row as
 * `<th scope="row">`, figures right-aligned, the total row in `<tfoot>`. A table without rows says so.
 *
 * @since 0.1.0
 * @category markup
 */
export const tableHtml = (t: ReportDocument.DocTable, id: string, progress: Progress): string => {
  const out: Array<string> = [`<div class="table-wrap"><table id="${id}"><caption id="${id}-ten">${e(t.title)}</caption>`]
  if (t.columns.length > 0) out.push(`<thead><tr>${t.columns.map((c) => `<th scope="col"${classes(c, false)}>${e(c)}</th>`).join("")}</tr></thead>`)
  out.push("<tbody>")
  if (t.rows.length === 0) out.push(`<tr><td colspan="${Math.max(1, t.columns.length)}" class="no-data">${NO_DATA}</td></tr>`)
  for (let i = 0; i < t.rows.length; i++) {
    out.push(rowHtml(t.rows[i]!))
    if ((i + 1) % 500 === 0) progress.step(500)
  }
  progress.step(t.rows.length % 500)
  out.push("</tbody>")
  if (t.total !== undefined) out.push(`<tfoot>${rowHtml(t.total)}</tfoot>`)
  out.push("</table></div>")
  return out.join("")
}

/**
 * A chart: a `<figure>` with the title as `<figcaption>`, the SVG (named by the alt text) and the
 * chart's data as a small table in a `<details>` below it; without values, a "no data" note.
 *
 * @since 0.1.0
 * @category markup
 */
export const chartHtml = (c: ReportDocument.DocChart, id: string, svg: string | undefined): string => {
  const caption = `<figcaption id="${id}-ten">${e(c.title)}</figcaption>`
  if (svg === undefined) return `<figure class="chart chart-empty" id="${id}">${caption}<p class="no-data">${NO_DATA}.</p></figure>`
  const rows = c.series.map((p) => `<tr><th scope="row">${e(p.label)}</th><td class="num">${e(Format.formatNumber(p.value))}</td></tr>`).join("")
  const data =
    `<details class="chart-data"><summary>Số liệu của biểu đồ</summary>` +
    `<table><caption>${e(c.title)}</caption><thead><tr><th scope="col">Nhãn</th><th scope="col">Giá trị</th></tr></thead><tbody>${rows}</tbody></table></details>`
  return `<figure class="chart" id="${id}">${caption}${svg}${data}</figure>`
}

/**
 * The closing block: "Nơi nhận" with the recipients on the left, the signature title and the
 * signatory on the right.
 *
 * @since 0.1.0
 * @category markup
 */
export const closingHtml = (h: ReportDocument.DocHeader): string => {
  const recipients =
    h.recipients.length === 0 ? "" : `<p class="recipients-label">Nơi nhận:</p><ul>${h.recipients.map((r) => `<li>${e(r)}</li>`).join("")}</ul>`
  return (
    `<footer class="doc-end">` +
    `<div class="recipients">${recipients}</div>` +
    `<div class="signature">${lines("signature-title", h.signatureTitle)}${h.signatory === undefined ? "" : `<p class="signatory">${e(h.signatory)}</p>`}</div>` +
    `</footer>`
  )
}

/**
 * The whole page around a rendered body: doctype, `lang="vi"`, UTF-8, the Content Security Policy,
 * the generator and creation stamp, the title and the style sheet.
 *
 * @since 0.1.0
 * @category markup
 */
export const pageHtml = (title: string, createdAt: Date, body: string): string =>
  `<!doctype html>\n<html lang="vi">\n<head>\n` +
  `<meta charset="utf-8">\n` +
  `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n` +
  `<meta name="referrer" content="no-referrer">\n` +
  `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
  `<meta name="generator" content="hdnd (@hdnd/export-html)">\n` +
  `<meta name="dcterms.created" content="${e(createdAt.toISOString())}">\n` +
  `<title>${e(title)}</title>\n` +
  `<style>${STYLES}</style>\n` +
  `</head>\n<body>\n<main class="page">\n${body}\n</main>\n</body>\n</html>\n`
