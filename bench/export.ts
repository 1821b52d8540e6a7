/**
 * Export benchmark (issue #5 §8): a report document with a 10,000-row table (the testkit's
 * `bigTableDocument`) plus the official report's charts, written by each exporter. The first export
 * of each format is timed on its own (cold: it loads the format library, Vega for HTML), then 5 more
 * runs; the median of those is reported. Prints one JSON line: `{ [format]: { medianMs, coldMs, bytes } }`.
 */
import { Exporter } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import { CsvExporter } from "@hdnd/export-csv"
import { DocxExporter } from "@hdnd/export-docx"
import { HtmlExporter } from "@hdnd/export-html"
import { JsonExporter } from "@hdnd/export-json"
import { XlsxExporter } from "@hdnd/export-xlsx"
import { ExportDocuments } from "@hdnd/testkit"
import * as Effect from "effect/Effect"

const ROWS = Number(process.argv[2] ?? 10_000)
const big = ExportDocuments.bigTableDocument(ROWS)
const charts = ExportDocuments.officialDocument.sections.flatMap((s) => s.blocks).filter((b) => b._tag === "Chart")
const doc: ReportDocument.ReportDocument = {
  ...big,
  header: ExportDocuments.officialDocument.header!,
  sections: [...big.sections, { heading: "II. Biểu đồ", blocks: charts }]
}

const exporters = [DocxExporter.exporter, XlsxExporter.exporter, HtmlExporter.exporter, CsvExporter.exporter, JsonExporter.exporter]
const out: Record<string, { medianMs: number; coldMs: number; bytes: number }> = {}
for (const ex of exporters) {
  const once = async () => {
    const t0 = performance.now()
    const r = await Effect.runPromise(ex.export(Exporter.document(doc)))
    return { ms: performance.now() - t0, bytes: r.bytes.length }
  }
  const cold = await once()
  const runs: Array<{ ms: number; bytes: number }> = []
  for (let i = 0; i < 5; i++) runs.push(await once())
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b)
  out[ex.id] = { medianMs: sorted[2]!, coldMs: cold.ms, bytes: runs[0]!.bytes }
  console.error(`${ex.id}: first ${Math.round(cold.ms)} ms, then ${sorted.map((x) => Math.round(x)).join(", ")} ms`)
}
console.log(JSON.stringify(out))
