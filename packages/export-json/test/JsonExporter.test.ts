import { Exporter, ReportDocument } from "@hdnd/core"
import { ExportDocuments, ExporterSuite } from "@hdnd/testkit"
import AjvModule from "ajv"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { SCHEMA_DIR, schemaFiles } from "../scripts/schemas.js"
import { JsonExporter } from "../src/index.js"

/** Every string and number in a JSON value. */
const leaves = (v: unknown, out: Array<string> = []): Array<string> => {
  if (typeof v === "string") out.push(v)
  else if (typeof v === "number") out.push(String(v))
  else if (Array.isArray(v)) for (const x of v) leaves(x, out)
  else if (v !== null && typeof v === "object") for (const x of Object.values(v)) leaves(x, out)
  return out
}
const parse = (bytes: Uint8Array): any => JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes))

await ExporterSuite.exporterConformance({
  name: "json",
  exporter: JsonExporter.exporter,
  // JSON carries the document itself: the header data (not the formatted date line), text, tables,
  // chart data and appendices are all there. The date line is checked below.
  readBack: async (output) => {
    const file = parse(output.bytes)
    const texts = leaves(file)
    if (file.kind === "hdnd/report-document" && file.document.header?.date !== undefined) {
      const { Format } = await import("@hdnd/core")
      texts.push(Format.formatDateLong(file.document.header.date))
    }
    return { texts }
  },
  shows: { header: true, text: true, tables: true, charts: "data", appendices: true }
})

// ajv is CommonJS with a default export; under ESM the class is on `.default`.
const Ajv = (AjvModule as unknown as { default: typeof AjvModule }).default ?? AjvModule
const ajv = new (Ajv as unknown as new (o: object) => import("ajv").default)({ allErrors: true, strict: false })
const validateDocument = ajv.compile(JsonExporter.jsonSchema("document"))
const validateTabulation = ajv.compile(JsonExporter.jsonSchema("tabulation"))
const run = (input: Exporter.ExportInput) => Effect.runPromise(JsonExporter.exporter.export(input, { createdAt: new Date("2024-01-05T00:00:00Z") }))

describe("JSON exporter", () => {
  it("the published schema files are the ones the code makes (run `pnpm --filter @hdnd/export-json run schemas`)", () => {
    for (const [name, text] of schemaFiles()) expect(fs.readFileSync(path.join(SCHEMA_DIR, name), "utf8"), name).toBe(text)
  })

  it("property: every document file validates against the published schema and decodes back to the same document", async () => {
    await fc.assert(
      fc.asyncProperty(ExportDocuments.documentArb, async (doc) => {
        const file = parse((await run(Exporter.document(doc))).bytes)
        expect(validateDocument(file), JSON.stringify(validateDocument.errors)).toBe(true)
        expect(file).toMatchObject({ kind: "hdnd/report-document", formatVersion: 1, generatedAt: "2024-01-05T00:00:00.000Z" })
        expect(Schema.decodeUnknownSync(JsonExporter.documentFileSchema)(file).document).toEqual(Schema.decodeUnknownSync(ReportDocument.ReportDocument)(doc))
      }),
      { numRuns: 50 }
    )
  })

  it("the schema rejects what it should: another version, a missing title, a cell without text", () => {
    const file = parse(new TextEncoder().encode(JSON.stringify({ $schema: JsonExporter.SCHEMA_IDS.document, kind: "hdnd/report-document", formatVersion: 1, generatedAt: "x", document: Schema.encodeSync(ReportDocument.ReportDocument)(ExportDocuments.officialDocument) })))
    expect(validateDocument(file)).toBe(true)
    expect(validateDocument({ ...file, formatVersion: 2 })).toBe(false)
    const { title: _, ...untitled } = file.document
    expect(validateDocument({ ...file, document: untitled })).toBe(false)
    const broken = structuredClone(file)
    broken.document.sections[1].blocks[0].rows[0][0] = { value: 3 }
    expect(validateDocument(broken)).toBe(false)
  })

  it("a tabulation file validates against its schema and keeps every cell", async () => {
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
    const file = parse((await run(Exporter.tabulation(tab, Registry.builtin))).bytes)
    expect(validateTabulation(file), JSON.stringify(validateTabulation.errors)).toBe(true)
    expect(file.rows).toHaveLength(tab.cells.size)
    expect(file.indicators.map((i: { id: string }) => i.id).sort()).toEqual([Indicators.ids.reviewContent, Indicators.ids.reviewSessions].sort())
    const sum = file.rows.filter((r: { indicator: string }) => r.indicator === Indicators.ids.reviewContent).reduce((a: number, r: { value: number }) => a + r.value, 0)
    const { Tabulation } = await import("@hdnd/core")
    expect(sum).toBe(Tabulation.valueOf(tab, Indicators.ids.reviewContent).value)
  })
})
