/**
 * The exporter conformance kit: every contract of the `Exporter` port as vitest tests, registered by
 * one call. An exporter's test file gives the exporter, a way to read its output back, and what the
 * format shows:
 *
 * ```ts
 * import { ExporterSuite } from "@hdnd/testkit"
 * import { CsvExporter } from "../src/index.js"
 *
 * await ExporterSuite.exporterConformance({
 *   name: "csv",
 *   exporter: CsvExporter.exporter,
 *   readBack: async (output) => ({ texts: readCsvCells(output.bytes) }),
 *   shows: { header: false, text: false, tables: true, charts: "none", appendices: true }
 * })
 * ```
 *
 * The laws: a fixed `createdAt` gives the same bytes; every part of a document the format shows is in
 * the output, read back (numbers as their Vietnamese text or as the number); Vietnamese text comes
 * back exactly and NFC; empty tabulations, very large numbers, long names and a 10,000-row table
 * export; a bare tabulation exports. What a format does not show is a typed flag, never a skip.
 *
 * @since 0.1.0
 */
import { Dataset, Exporter, Format, Indicators, Registry, Tabulate, Tabulation, TabulationRequest } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Arbitraries from "../Arbitraries.js"
import fc from "fast-check"
import * as Assert from "../store/Assert.js"
import * as Documents from "./Documents.js"

/**
 * What an exporter's output shows, read back: the texts a reader of the file would see (paragraphs,
 * cells, labels), in any order. A number may be given as its text ("1.044") or as `String(value)`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReadBack {
  readonly texts: ReadonlyArray<string>
}

/**
 * Which parts of a report document a format shows. A CSV file holds tables only; an HTML page holds
 * everything.
 *
 * @since 0.1.0
 * @category models
 */
export interface Shows {
  /** The official header: issuing body, number, place and date, recipients and signature. */
  readonly header: boolean
  /** The title, section headings, headings and paragraphs (and so the figures quoted in them). */
  readonly text: boolean
  /** Tables: titles, column headers, cells and totals. */
  readonly tables: boolean
  /** Charts: `none`, `title` (title only) or `data` (title, labels and values). */
  readonly charts: "none" | "title" | "data"
  /** The appendix tables. */
  readonly appendices: boolean
}

/**
 * Options of {@link exporterConformance}.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExporterSuiteOptions {
  /** Shown in the name of the outer `describe` block. */
  readonly name: string
  readonly exporter: Exporter.Exporter
  /** Reads an output back into the texts it shows. */
  readonly readBack: (output: Exporter.ExportOutput) => Promise<ReadBack>
  readonly shows: Shows
  /** Runs of each property (default 25). */
  readonly numRuns?: number
  /** Time limit of each test in milliseconds (default: vitest's `testTimeout`). */
  readonly timeout?: number
}

const CREATED = new Date("2024-01-05T08:30:00Z")

const space = (s: string): string => s.replace(/\s+/g, " ").trim()

/**
 * The texts a format must show for a document, as `[what, alternatives]`: any alternative found
 * counts (a number's text or its value; a neutralised formula-looking text).
 *
 * @since 0.1.0
 * @category checks
 */
export const expectedTexts = (doc: ReportDocument.ReportDocument, shows: Shows): ReadonlyArray<readonly [string, ReadonlyArray<string>]> => {
  const out: Array<readonly [string, ReadonlyArray<string>]> = []
  const text = (where: string, s: string) => {
    if (space(s).length > 0) out.push([where, [space(s), space(Exporter.neutraliseFormula(s))]])
  }
  const cell = (where: string, c: ReportDocument.DocCell) => {
    if (c.value === undefined) text(where, c.text)
    else out.push([where, [space(c.text), String(c.value)]])
  }
  const table = (where: string, t: ReportDocument.DocTable) => {
    text(`${where} title`, t.title)
    t.columns.forEach((c, i) => text(`${where} column ${i}`, c))
    t.rows.forEach((r, i) => r.forEach((c, j) => cell(`${where} row ${i} cell ${j}`, c)))
    t.total?.forEach((c, j) => cell(`${where} total cell ${j}`, c))
  }
  if (shows.header && doc.header !== undefined) {
    const h = doc.header
    h.issuingBody.forEach((l, i) => text(`header issuing body ${i}`, l))
    if (h.number !== undefined) text("header number", h.number)
    if (h.date !== undefined) text("header date", Format.formatDateLong(h.date))
    if (h.place !== undefined) text("header place", h.place)
    h.recipients.forEach((r, i) => text(`recipient ${i}`, r))
    h.signatureTitle.forEach((l, i) => text(`signature ${i}`, l))
    if (h.signatory !== undefined) text("signatory", h.signatory)
  }
  if (shows.text) text("title", doc.title)
  doc.sections.forEach((s, i) => {
    if (shows.text && s.heading !== undefined) text(`section ${i} heading`, s.heading)
    s.blocks.forEach((b, j) => {
      const where = `section ${i} block ${j} (${b._tag})`
      if (b._tag === "Heading" || b._tag === "Paragraph") {
        if (shows.text) text(where, b.text)
      } else if (b._tag === "Table") {
        if (shows.tables) table(where, b)
      } else if (shows.charts !== "none") {
        text(`${where} title`, b.title)
        if (shows.charts === "data") b.series.forEach((p, k) => {
          text(`${where} label ${k}`, p.label)
          out.push([`${where} value ${k}`, [Format.formatNumber(p.value), String(p.value)]])
        })
      }
    })
  })
  if (shows.text) doc.figures.forEach((f, i) => text(`figure ${i}`, f.text))
  if (shows.appendices) doc.appendices?.forEach((t, i) => table(`appendix ${i}`, t))
  return out
}

/**
 * Exports a document and checks that every text the format shows is in what is read back.
 *
 * @since 0.1.0
 * @category checks
 */
export const checkComplete = async (options: ExporterSuiteOptions, doc: ReportDocument.ReportDocument): Promise<Exporter.ExportOutput> => {
  const output = await Effect.runPromise(options.exporter.export(Exporter.document(doc), { createdAt: CREATED }))
  const back = await options.readBack(output)
  for (const t of back.texts) Assert.equal(t, t.normalize("NFC"), "every text read back is NFC")
  const haystack = back.texts.map(space).join("\n")
  for (const [where, alternatives] of expectedTexts(doc, options.shows)) {
    Assert.holds(alternatives.some((a) => haystack.includes(a)), `${where} is in the output: ${JSON.stringify(alternatives[0]).slice(0, 200)}`)
  }
  return output
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * Registers the conformance tests of an exporter with vitest. Call it at the top level of a test file
 * and `await` it.
 *
 * @example
 * ```ts no-run
 * import { HtmlExporter } from "@hdnd/export-html"
 * import { ExporterSuite } from "@hdnd/testkit"
 *
 * // In a vitest test file: the conformance tests of an exporter, reading its bytes back as a user sees them.
 * await ExporterSuite.exporterConformance({
 *   name: "html",
 *   exporter: HtmlExporter.exporter,
 *   readBack: async (output) => ({ texts: [new TextDecoder().decode(output.bytes)] }),
 *   shows: { header: true, text: true, tables: true, charts: "data", appendices: true }
 * })
 * ```
 *
 * @since 0.1.0
 * @category suites
 */
export const exporterConformance = async (options: ExporterSuiteOptions): Promise<void> => {
  const { describe, it } = await import("vitest")
  const numRuns = options.numRuns ?? 25
  const ex = options.exporter
  const run = (doc: ReportDocument.ReportDocument, createdAt = CREATED) => Effect.runPromise(ex.export(Exporter.document(doc), { createdAt }))
  const test = (name: string, body: () => Promise<void>) => it(name, body, options.timeout)

  describe(`Exporter conformance: ${options.name}`, () => {
    test("declares an id, names, a media type and an extension", async () => {
      Assert.holds(/^[a-z][a-z0-9-]*$/.test(ex.id), `id is a lower-case word: ${ex.id}`)
      Assert.holds(ex.vi.length > 0 && ex.en.length > 0, "vi and en names")
      Assert.holds(/^[a-z]+\/[a-z0-9.+-]+$/i.test(ex.mediaType), `media type: ${ex.mediaType}`)
      Assert.holds(/^[a-z0-9]+$/.test(ex.extension), `extension without a dot: ${ex.extension}`)
    })

    test("the same document and creation time give the same bytes", () =>
      fc.assert(
        fc.asyncProperty(Documents.documentArb, async (doc) => {
          const [a, b] = [await run(doc), await run(doc)]
          Assert.holds(sameBytes(a.bytes, b.bytes), "two exports of one document are byte-identical")
          Assert.equal(a.mediaType, b.mediaType, "media type")
        }),
        { numRuns: Math.max(3, Math.ceil(numRuns / 3)) }
      ))

    test("every section, table and figure the format shows is in the output (generated documents)", () =>
      fc.assert(
        fc.asyncProperty(Documents.documentArb, async (doc) => {
          await checkComplete(options, doc)
        }),
        { numRuns }
      ))

    test("a full official report: every part it shows is there, Vietnamese text intact and NFC", async () => {
      const output = await checkComplete(options, Documents.officialDocument)
      Assert.holds(output.bytes.length > 0, "some bytes")
      if (options.shows.text) {
        const back = (await options.readBack(output)).texts.map(space).join("\n")
        for (const v of Documents.VIETNAMESE) if (Documents.officialDocument.sections.some((s) => s.blocks.some((b) => b._tag === "Paragraph" && b.text.includes(v)))) {
          Assert.holds(back.includes(v), `Vietnamese text read back exactly: ${v}`)
          Assert.holds(!back.includes(v.normalize("NFD")) || v === v.normalize("NFD"), "not decomposed")
        }
      }
    })

    test("an empty document and empty tables and charts export", async () => {
      await checkComplete(options, Documents.emptyDocument)
      await checkComplete(options, Documents.emptyTablesDocument)
    })

    test("very large numbers export exactly", async () => {
      await checkComplete(options, Documents.largeNumbersDocument)
    })

    test("long names export", async () => {
      await checkComplete(options, Documents.longNamesDocument)
    })

    test("a 10,000-row table exports with its first, middle and last rows", async () => {
      const doc = Documents.bigTableDocument(10_000)
      const calls: Array<readonly [number, number]> = []
      const output = await Effect.runPromise(ex.export(Exporter.document(doc), { createdAt: CREATED, onProgress: (done, total) => calls.push([done, total]) }))
      const back = (await options.readBack(output)).texts.map(space).join("\n")
      if (options.shows.tables) {
        for (const n of [1, 5000, 10_000]) Assert.holds(back.includes(`Hoạt động số ${n}: thẩm tra dự thảo nghị quyết`), `row ${n} is in the output`)
      }
      // `ExportOptions.onProgress`: called during a large export with the rows written so far and the total.
      Assert.holds(calls.length > 0, "onProgress is called during a 10,000-row export")
      const total = calls[0]![1]
      Assert.holds(total >= 10_000, `the total counts the table's 10,000 rows (got ${total})`)
      calls.forEach(([done, t], i) => {
        Assert.holds(t === total, `the total stays the same (call ${i}: ${t}, first: ${total})`)
        Assert.holds(done >= 0 && done <= t, `rows done lie within 0…total (call ${i}: ${done}/${t})`)
        Assert.holds(i === 0 || done >= calls[i - 1]![0], `rows done never go down (call ${i}: ${done} after ${calls[i - 1]?.[0]})`)
      })
      Assert.holds(calls[calls.length - 1]![0] === total, `the last call reports every row done (${calls[calls.length - 1]![0]}/${total})`)
    })

    test("a bare tabulation exports: its indicators, labels and values are in the output", async () => {
      const registry = Registry.builtin
      const [generated] = fc.sample(Arbitraries.datasetArb(), { numRuns: 1, seed: 20_231_014 })
      const ds = Dataset.fromBatch(Arbitraries.toBatch(generated!))
      const tab = Result.getOrThrow(
        Tabulate.tabulate(ds, registry, {
          indicators: [Indicators.ids.reviewContent, Indicators.ids.supervision],
          scope: TabulationRequest.councils([...ds.councils.keys()]),
          period: Arbitraries.WORLD_PERIOD,
          groupBy: ["council"],
          trace: false
        })
      )
      const output = await Effect.runPromise(ex.export(Exporter.tabulation(tab, registry), { createdAt: CREATED }))
      const haystack = (await options.readBack(output)).texts.map(space).join("\n")
      // What any form of a tabulation must carry: the indicators' names, the labels of the grouped
      // values and every cell's value. (A format that shows no tables shows none of it.)
      const wanted: Array<readonly [string, ReadonlyArray<string>]> = []
      for (const id of tab.indicators.keys()) wanted.push([`indicator ${id}`, [registry.indicators.get(id)!.vi]])
      for (const row of Tabulation.toRows(tab)) {
        row.key.forEach((k) => wanted.push([`label of ${k}`, [space(Tabulation.labelOf(tab, k))]]))
        wanted.push([`value of ${row.indicator} at ${row.key.join("/")}`, [Format.formatQualified(row.value, row.qualifier, row.wording), Format.formatCount(row.value, row.qualifier), String(row.value)]])
      }
      Assert.holds(tab.cells.size > 0, "the generated tabulation has cells")
      if (options.shows.tables) {
        const missing = wanted.filter(([, alternatives]) => !alternatives.some((a) => haystack.includes(a)))
        Assert.equal(missing.map(([w]) => w), [], "every indicator, label and value of the tabulation is in the output")
      }
    })
  })
}
