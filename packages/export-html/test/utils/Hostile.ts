/**
 * A report whose every text is an attack on an HTML page: script tags, event handlers, markup that
 * closes the element it sits in, `javascript:` links, a style sheet, a remote image and frame.
 */
import { CalendarDate, ReportDocument } from "@hdnd/core"
import { ExportDocuments } from "@hdnd/testkit"

/** Payloads that, written unescaped, would run script, load something or change the page. */
export const PAYLOADS = [
  "<script>window.__pwned=1</script>",
  `<img src=x onerror="window.__pwned=1">`,
  `"><svg onload=window.__pwned=1>`,
  `'><svg/onload=window.__pwned=1>`,
  "javascript:window.__pwned=1",
  `<a href="javascript:window.__pwned=1">bấm vào đây</a>`,
  "</title><script>window.__pwned=1</script>",
  "</style><script>window.__pwned=1</script>",
  "</textarea></caption></table><script>window.__pwned=1</script>",
  "]]><script>window.__pwned=1</script>",
  `<style>body{display:none}</style>`,
  `<link rel="stylesheet" href="https://evil.invalid/x.css">`,
  `<iframe src="https://evil.invalid/"></iframe>`,
  "&lt;b&gt; không phải thẻ &amp; &#60;i&#62;",
  "<!-- chú thích -->"
] as const

const p = (i: number): string => PAYLOADS[i % PAYLOADS.length]!
const cell = (i: number) => ({ text: p(i) })

/** The hostile report: every text of every kind of block, of the header and of the appendix holds a payload. */
export const hostileDocument: ReportDocument.ReportDocument = {
  formatVersion: ReportDocument.DOCUMENT_FORMAT_VERSION,
  template: `hostile ${p(0)}`,
  title: `Báo cáo ${p(6)} ${p(0)}`,
  period: CalendarDate.period("2023-01-01", "2023-12-31"),
  header: {
    issuingBody: [p(1), p(2)],
    number: `Số: ${p(3)}`,
    place: p(4),
    date: CalendarDate.date("2023-10-04"),
    recipients: PAYLOADS.slice(5, 9),
    signatureTitle: [p(9)],
    signatory: p(10)
  },
  sections: [
    {
      heading: `I. ${p(7)}`,
      blocks: [
        ...PAYLOADS.map((text) => ({ _tag: "Paragraph" as const, text: `Đoạn văn: ${text}` })),
        { _tag: "Heading", level: 2, text: p(1) },
        { _tag: "Heading", level: 3, text: p(2) }
      ]
    },
    {
      heading: p(8),
      blocks: [
        {
          _tag: "Table",
          title: p(6),
          columns: [p(0), p(1), p(2)],
          rows: PAYLOADS.map((_, i) => [cell(i), cell(i + 1), ExportDocuments.numberCell(i)]),
          total: [cell(3), { text: "" }, ExportDocuments.numberCell(105)]
        },
        { _tag: "Chart", title: p(2), chart: "bar", alt: `Biểu đồ cột: ${p(0)}`, series: PAYLOADS.map((label, i) => ({ label, value: i + 1 })) },
        { _tag: "Chart", title: p(3), chart: "line", alt: `Biểu đồ đường: ${p(1)}`, series: PAYLOADS.slice(0, 6).map((label, i) => ({ label, value: 10 - i })) }
      ]
    }
  ],
  figures: [],
  appendices: [{ _tag: "Table", title: `Phụ lục ${p(11)}`, columns: [p(12), p(13)], rows: [[cell(14), ExportDocuments.numberCell(1)]] }]
}
