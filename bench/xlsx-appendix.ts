/**
 * The XLSX exporter on a report whose appendix has N rows of 8 columns (default 300,000), for
 * side-by-side runs under `/usr/bin/time -f "%e s %M KiB"`: `… xlsx-appendix.ts 300000 export`
 * exports it, `… 300000 doc` only builds the document (the baseline). Issue #16.
 *
 *     node --import tsx --conditions=@hdnd/source bench/xlsx-appendix.ts 300000 export
 */
import { CalendarDate } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import { XlsxExporter } from "@hdnd/export-xlsx"
import * as Effect from "effect/Effect"
const n = Number(process.argv[2] ?? 300000)
const mode = process.argv[3] ?? "export"
const rows = Array.from({ length: n }, (_, i) => [
  { text: `hd-${i}` }, { text: "HĐND tỉnh Sơn La" }, { text: "Thẩm tra" }, { text: "Ban Pháp chế" },
  { text: "2023-07-10" }, { text: `Thẩm tra dự thảo nghị quyết số ${i} về phát triển kinh tế – xã hội` }, { text: "Kỳ họp thứ 7" }, { text: "1", value: 1 }
])
const doc = {
  title: "Báo cáo", period: { from: CalendarDate.date("2023-01-01"), to: CalendarDate.date("2023-12-31") },
  sections: [{ heading: "I", blocks: [{ _tag: "Paragraph", text: "Nội dung." }] }], figures: [],
  appendices: [{ _tag: "Table", title: "Phụ lục", columns: ["Mã", "HĐND", "Loại", "Cơ quan", "Ngày", "Nội dung", "Kỳ họp", "Số"], rows }]
} as unknown as ReportDocument.ReportDocument
const t0 = Date.now()
if (mode === "export") {
  const bytes = await Effect.runPromise(XlsxExporter.write(doc, { createdAt: new Date("2023-10-04T00:00:00Z") }))
  console.log(`${n} rows: ${bytes.length} bytes in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
} else console.log(`document only: ${n} rows`)
