import { Exporter } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import { ExportDocuments } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { JsonExporter } from "../src/index.js"

const CREATED = new Date("2024-01-05T00:00:00Z")

/** Exports `input` with a fixed time, recording every `onProgress` call. */
const exportRecording = async (input: Exporter.ExportInput) => {
  const calls: Array<readonly [number, number]> = []
  const output = await Effect.runPromise(JsonExporter.exporter.export(input, { createdAt: CREATED, onProgress: (done, total) => calls.push([done, total]) }))
  return { output, calls }
}
const exportQuiet = (input: Exporter.ExportInput) => Effect.runPromise(JsonExporter.exporter.export(input, { createdAt: CREATED }))

/** The calls are strictly increasing, all out of `total`, and end at `total`. */
const expectProgressTo = (calls: ReadonlyArray<readonly [number, number]>, total: number) => {
  expect(calls.length).toBeGreaterThan(0)
  expect(calls.every(([, t]) => t === total)).toBe(true)
  for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0])
  expect(calls.at(-1)).toEqual([total, total])
}

const rowsOf = (doc: ReportDocument.ReportDocument): number =>
  doc.sections.reduce((n, s) => n + s.blocks.reduce((m, b) => m + (b._tag === "Table" ? b.rows.length : 0), 0), 0) +
  (doc.appendices ?? []).reduce((n, t) => n + t.rows.length, 0)

describe("JSON exporter progress", () => {
  it("a 10,000-row table: onProgress every 1,000 rows up to the total; the bytes are the same without it", async () => {
    const doc = ExportDocuments.bigTableDocument(10_000)
    const { output, calls } = await exportRecording(Exporter.document(doc))
    expectProgressTo(calls, 10_000)
    expect(calls).toEqual(Array.from({ length: 10 }, (_, i) => [(i + 1) * 1000, 10_000]))
    const quiet = await exportQuiet(Exporter.document(doc))
    expect(Buffer.from(output.bytes).equals(Buffer.from(quiet.bytes))).toBe(true)
    expect(output.mediaType).toBe(quiet.mediaType)
    expect(output.extension).toBe(quiet.extension)
  })

  it("counts the rows of every table and of the appendices, and ends at the total when it is not a round thousand", async () => {
    const big = ExportDocuments.bigTableDocument(2500)
    const appendix = ExportDocuments.bigTableDocument(700).sections[0]!.blocks[0] as ReportDocument.DocTable
    const doc: ReportDocument.ReportDocument = { ...big, appendices: [{ ...appendix, title: "Phụ lục" }] }
    const { output, calls } = await exportRecording(Exporter.document(doc))
    expect(calls).toEqual([
      [1000, 3200],
      [2000, 3200],
      [3000, 3200],
      [3200, 3200]
    ])
    expect(Buffer.from(output.bytes).equals(Buffer.from((await exportQuiet(Exporter.document(doc))).bytes))).toBe(true)
  })

  it("a document without table rows gives no calls and the same bytes", async () => {
    for (const doc of [ExportDocuments.emptyDocument, ExportDocuments.emptyTablesDocument]) {
      const { output, calls } = await exportRecording(Exporter.document(doc))
      expect(calls).toEqual([])
      expect(Buffer.from(output.bytes).equals(Buffer.from((await exportQuiet(Exporter.document(doc))).bytes))).toBe(true)
    }
  })

  it("property: any document gives the same bytes with and without onProgress, and progress ends at its table rows", async () => {
    await fc.assert(
      fc.asyncProperty(ExportDocuments.documentArb, async (doc) => {
        const { output, calls } = await exportRecording(Exporter.document(doc))
        const total = rowsOf(doc)
        if (total === 0) expect(calls).toEqual([])
        else expectProgressTo(calls, total)
        expect(Buffer.from(output.bytes).equals(Buffer.from((await exportQuiet(Exporter.document(doc))).bytes))).toBe(true)
      }),
      { numRuns: 50 }
    )
  })

  it("a tabulation: progress counts its cells (the file's rows) up to the total; the bytes are the same without it", async () => {
    const { Arbitraries } = await import("@hdnd/testkit")
    const { Dataset, Indicators, Registry, Tabulate, TabulationRequest } = await import("@hdnd/core")
    const { Result } = await import("effect")
    const [g] = fc.sample(Arbitraries.datasetArb(), { numRuns: 1, seed: 7 })
    const ds = Dataset.fromBatch(Arbitraries.toBatch(g!))
    const tab = Result.getOrThrow(
      Tabulate.tabulate(ds, Registry.builtin, {
        indicators: [Indicators.ids.reviewContent, Indicators.ids.reviewSessions],
        scope: TabulationRequest.councils([...ds.councils.keys()]),
        period: Arbitraries.WORLD_PERIOD,
        groupBy: ["council", "month"],
        trace: true
      })
    )
    const input = Exporter.tabulation(tab, Registry.builtin)
    const { output, calls } = await exportRecording(input)
    const file = JSON.parse(new TextDecoder().decode(output.bytes))
    expect(file.rows.length).toBeGreaterThan(0)
    expectProgressTo(calls, file.rows.length)
    expect(Buffer.from(output.bytes).equals(Buffer.from((await exportQuiet(input)).bytes))).toBe(true)
  })
})
