/**
 * Times the export of a report with one 10,000-row table (the conformance kit's `bigTableDocument`),
 * the first run and the median of five more. Run from the repository root:
 *
 *   node --import tsx --conditions=@hdnd/source packages/export-docx/scripts/bench.ts [rows]
 */
import { Exporter } from "@hdnd/core"
import { ExportDocuments } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import { DocxExporter } from "../src/index.js"

const rows = Number(process.argv[2] ?? 10_000)
const doc = ExportDocuments.bigTableDocument(rows)
const once = async () => {
  const start = performance.now()
  const out = await Effect.runPromise(DocxExporter.exporter.export(Exporter.document(doc), { createdAt: new Date("2024-01-05T08:30:00Z") }))
  return { ms: performance.now() - start, bytes: out.bytes.length }
}
const cold = await once()
const runs: Array<number> = []
let bytes = 0
for (let i = 0; i < 5; i++) {
  const r = await once()
  runs.push(r.ms)
  bytes = r.bytes
}
runs.sort((a, b) => a - b)
console.log(`${rows} rows: first run ${cold.ms.toFixed(0)} ms; then median ${runs[2]!.toFixed(0)} ms, min ${runs[0]!.toFixed(0)} ms, max ${runs[4]!.toFixed(0)} ms, ${bytes} bytes`)
