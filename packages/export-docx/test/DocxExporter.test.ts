/**
 * The exporter beyond the conformance kit and the layout: progress on a large table, the time it
 * takes (printed, not asserted), tabulations, errors, and the zip writer under the package.
 */
import { Exporter, Registry, Tabulation } from "@hdnd/core"
import { ExportDocuments } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import { strFromU8, unzipSync } from "fflate"
import { describe, expect, it } from "vitest"
import { crc32, readZip, writeZip, deflatedEntry, contentOf } from "../src/internal/Zip.js"
import { DocxExporter } from "../src/index.js"
import { paragraphTexts, part, xmlParts } from "./utils/Docx.js"

const CREATED = new Date("2024-01-05T08:30:00Z")

describe("DOCX exporter", () => {
  it("declares the Word media type and the docx extension, and returns them with the bytes", async () => {
    expect(DocxExporter.exporter.id).toBe("docx")
    expect(DocxExporter.exporter.mediaType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    const out = await Effect.runPromise(DocxExporter.exporter.export(Exporter.document(ExportDocuments.emptyDocument), { createdAt: CREATED }))
    expect(out.mediaType).toBe(DocxExporter.exporter.mediaType)
    expect(out.extension).toBe("docx")
    // A zip file whose content types declare the main document part.
    expect(strFromU8(out.bytes.subarray(0, 2))).toBe("PK")
    expect(part(xmlParts(out.bytes), "[Content_Types].xml")).toContain('PartName="/word/document.xml"')
  })

  it("a 10,000-row table: progress now and then, counting up to every row; the time is printed", async () => {
    const doc = ExportDocuments.bigTableDocument(10_000)
    const calls: Array<readonly [number, number]> = []
    const start = performance.now()
    const out = await Effect.runPromise(DocxExporter.exporter.export(Exporter.document(doc), { createdAt: CREATED, onProgress: (done, total) => calls.push([done, total]) }))
    const ms = performance.now() - start
    console.log(`docx: 10,000-row table exported in ${ms.toFixed(0)} ms (${out.bytes.length} bytes)`)
    expect(calls.length).toBeGreaterThanOrEqual(10)
    expect(calls.every(([, total]) => total === 10_000)).toBe(true)
    expect(calls.map(([done]) => done)).toEqual([...calls.map(([done]) => done)].sort((a, b) => a - b))
    expect(calls.at(-1)).toEqual([10_000, 10_000])
    const texts = paragraphTexts(part(xmlParts(out.bytes), "word/document.xml"))
    expect(texts.filter((t) => t.startsWith("Hoạt động số "))).toHaveLength(10_000)
  })

  it("a tabulation exports as a document of its tables", async () => {
    const { Dataset, Indicators, Tabulate, TabulationRequest } = await import("@hdnd/core")
    const { Arbitraries } = await import("@hdnd/testkit")
    const { Result } = await import("effect")
    const fc = (await import("fast-check")).default
    const [g] = fc.sample(Arbitraries.datasetArb(), { numRuns: 1, seed: 11 })
    const ds = Dataset.fromBatch(Arbitraries.toBatch(g!))
    const tab = Result.getOrThrow(
      Tabulate.tabulate(ds, Registry.builtin, {
        indicators: [Indicators.ids.reviewContent],
        scope: TabulationRequest.councils([...ds.councils.keys()]),
        period: Arbitraries.WORLD_PERIOD,
        groupBy: ["level"],
        trace: false
      })
    )
    const out = await Effect.runPromise(DocxExporter.exporter.export(Exporter.tabulation(tab, Registry.builtin), { createdAt: CREATED }))
    const texts = paragraphTexts(part(xmlParts(out.bytes), "word/document.xml"))
    expect(texts).toContain(Registry.builtin.indicators.get(Indicators.ids.reviewContent)!.vi)
    expect(texts).toContain("Tổng cộng")
  })

  it("a tabulation without a period fails with a Vietnamese and an English reason", async () => {
    const tab = Tabulation.empty({ indicators: new Map(), dimensions: [], traced: false })
    const exit = await Effect.runPromiseExit(DocxExporter.exporter.export(Exporter.tabulation(tab, Registry.builtin)))
    expect(Exit.isFailure(exit)).toBe(true)
    const error = Option.getOrUndefined(Exit.findErrorOption(exit))
    expect(error).toBeInstanceOf(Exporter.ExportError)
    expect(error!.format).toBe("docx")
    expect(error!.vi).toMatch(/kỳ báo cáo/)
    expect(error!.en).toMatch(/period/)
  })

  it("a creation time that is not a time fails as an ExportError, not a defect", async () => {
    const exit = await Effect.runPromiseExit(DocxExporter.exporter.export(Exporter.document(ExportDocuments.emptyDocument), { createdAt: new Date(Number.NaN) }))
    expect(Exit.isFailure(exit) && Option.getOrUndefined(Exit.findErrorOption(exit)) instanceof Exporter.ExportError).toBe(true)
  })

  it("exportDocument gives the exporter's bytes", async () => {
    const doc = ExportDocuments.officialDocument
    const a = await Effect.runPromise(DocxExporter.exportDocument(doc, { createdAt: CREATED }))
    const b = (await Effect.runPromise(DocxExporter.exporter.export(Exporter.document(doc), { createdAt: CREATED }))).bytes
    expect(a).toEqual(b)
  })
})

describe("zip writer", () => {
  it("CRC-32 of the standard check string is CBF43926", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
  })

  it("what it writes reads back, by itself and by fflate, with the content, names and order kept", () => {
    const texts = { "a.xml": "<a>Hội đồng nhân dân</a>", "dir/b.txt": "x".repeat(100_000), "[Content_Types].xml": "" }
    const entries = Object.entries(texts).map(([name, text]) => deflatedEntry(name, new TextEncoder().encode(text)))
    const zip = writeZip(entries, new Date("2030-12-31T23:59:59Z"))
    const back = readZip(zip)
    expect(back.map((e) => e.name)).toEqual(Object.keys(texts))
    expect(back.map((e) => new TextDecoder().decode(contentOf(e)))).toEqual(Object.values(texts))
    const unzipped = unzipSync(zip)
    expect(Object.fromEntries(Object.entries(unzipped).map(([k, v]) => [k, strFromU8(v)]))).toEqual(texts)
  })

  it("rejects bytes that are not a zip file", () => {
    expect(() => readZip(new TextEncoder().encode("not a zip file at all, no central directory"))).toThrow(/not a zip/)
  })
})
