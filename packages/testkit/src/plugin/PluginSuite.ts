/**
 * The plugin conformance kit: what every plugin must satisfy, as vitest tests registered by one call.
 * A province's (or vendor's) test file gives its plugin, the plugins it depends on, and the plugins it
 * must live beside:
 *
 * ```ts
 * import { PluginSuite } from "@hdnd/testkit"
 * import * as SonLa from "@hdnd/province-son-la"
 * import { plugin } from "../src/index.js"
 *
 * await PluginSuite.pluginConformance({ plugin, alongside: [SonLa.plugin] })
 * ```
 *
 * A data plugin (a JSON or YAML document, see `DataPlugin` of `@hdnd/core`) is tested the same way,
 * decoded first with {@link fromData}; the kit then also checks that its document round-trips:
 *
 * ```ts
 * const plugin = PluginSuite.fromData(JSON.parse(fs.readFileSync("plugin.json", "utf8")), "plugin.json")
 * await PluginSuite.pluginConformance({ plugin })
 * ```
 *
 * The checks: the plugin loads (with its dependencies) and beside the others without conflict; every
 * id it contributes is namespaced by its name and unique; declared overrides replace something and
 * are reported; activity kinds have names and counting nouns in both languages and their attribute
 * schemas round-trip encode/decode (through JSON) on generated values; indicators, templates and data
 * records round-trip through their schemas; its data passes validation, and so do datasets generated
 * over it; every report template renders on generated data with no placeholder left unfilled; every
 * indicator obeys the counting laws (`Laws`) on datasets generated with its activity kinds; every
 * exporter exports a generated report.
 *
 * @since 0.1.0
 */
import { DataPlugin, Dataset, Exporter, Indicator, Plugin, PluginHost, Report, ReportTemplate, Tabulate, Validation } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import * as Arbitraries from "../Arbitraries.js"
import * as Laws from "../Laws.js"
import * as Documents from "../export/Documents.js"
import * as Assert from "../store/Assert.js"
import * as PluginUniverse from "./PluginUniverse.js"

/**
 * Options of {@link pluginConformance}.
 *
 * @since 0.1.0
 * @category models
 */
export interface PluginSuiteOptions {
  readonly plugin: Plugin.Plugin
  /** The plugins it depends on (loaded with it in every check). */
  readonly dependencies?: ReadonlyArray<Plugin.Plugin>
  /** Plugins it must load beside without conflict (for example `@hdnd/province-son-la`). */
  readonly alongside?: ReadonlyArray<Plugin.Plugin>
  /** Runs of each property (default 25; 100 under `CI`). */
  readonly numRuns?: number
  /** Time limit of each test in milliseconds (default: vitest's `testTimeout`). */
  readonly timeout?: number
}

const describeProblems = (e: PluginHost.PluginError): string => e.problems.map((p) => `[${p.plugins.join(", ")}] ${p.code}: ${p.en}`).join("\n")

/**
 * Loads plugins, throwing an error that lists every problem.
 *
 * @since 0.1.0
 * @category checks
 */
export const loadOrThrow = (plugins: ReadonlyArray<Plugin.Plugin>): PluginHost.Loaded => {
  const unique = [...new Map(plugins.map((p) => [p.name, p])).values()]
  return Result.getOrElse(PluginHost.load(unique), (e) => {
    throw new Error(`the plugins ${unique.map((p) => p.name).join(", ")} do not load:\n${describeProblems(e)}`)
  })
}

/**
 * Decodes a data plugin document (parsed JSON or YAML) for the kit, throwing an error that lists
 * every located problem (`file › path: tiếng Việt / English`).
 *
 * @since 0.2.0
 * @category checks
 */
export const fromData = (document: unknown, file?: string): Plugin.Plugin =>
  Result.getOrElse(DataPlugin.decode(document, file === undefined ? {} : { file }), (e) => {
    throw new Error(`the data plugin does not decode:\n${e.message}`)
  })

/**
 * For a data plugin: its document encodes to JSON and decodes back to the same document, and to a
 * plugin with the same contributions (checked on the JSON text, as a file would hold it).
 *
 * @since 0.2.0
 * @category checks
 */
export const checkDataDocument = (p: Plugin.Plugin): void => {
  const doc = DataPlugin.documentOf(p)
  if (doc === undefined) return
  const json = JSON.parse(JSON.stringify(DataPlugin.encode(doc)))
  const again = Result.getOrElse(DataPlugin.decode(json), (e) => {
    throw new Error(`the encoded document does not decode again:\n${e.message}`)
  })
  Assert.equal(JSON.stringify(DataPlugin.encode(DataPlugin.documentOf(again)!)), JSON.stringify(json), "the document round-trips through JSON")
  Assert.equal(JSON.stringify(contributedIds(again)), JSON.stringify(contributedIds(p)), "the decoded plugin contributes the same ids")
}

/**
 * The ids a plugin contributes, by collection.
 *
 * @since 0.1.0
 * @category checks
 */
export const contributedIds = (p: Plugin.PluginSpec): ReadonlyArray<readonly [PluginHost.Collection, string]> => [
  ...(p.activityKinds ?? []).map((x) => ["activityKinds", x.id] as const),
  ...(p.committeeKinds ?? []).map((x) => ["committeeKinds", x.id] as const),
  ...(p.committeeRules ?? []).map((x) => ["committeeRules", x.id] as const),
  ...(p.indicators ?? []).map((x) => ["indicators", x.id] as const),
  ...(p.reportTemplates ?? []).map((x) => ["reportTemplates", x.id] as const),
  ...(p.exporters ?? []).map((x) => ["exporters", x.id] as const),
  ...(p.importers ?? []).map((x) => ["importers", x.id] as const)
]

/**
 * Encodes a value with a schema, through JSON, decodes it and encodes it again: the two encodings
 * must be the same JSON text. Returns that text.
 *
 * @since 0.1.0
 * @category checks
 */
export const roundTrip = (schema: Schema.Codec<any, any>, value: unknown, what: string): string => {
  const encoded = Schema.encodeUnknownResult(schema)(value)
  if (Result.isFailure(encoded)) throw new Error(`${what} does not encode: ${encoded.failure.message}`)
  const json = JSON.stringify(encoded.success)
  const decoded = Schema.decodeUnknownResult(schema)(JSON.parse(json))
  if (Result.isFailure(decoded)) throw new Error(`${what} does not decode from its own JSON ${json.slice(0, 300)}: ${decoded.failure.message}`)
  const again = JSON.stringify(Schema.encodeSync(schema)(decoded.success))
  Assert.equal(again, json, `${what} round-trips encode → JSON → decode → encode`)
  return json
}

/** Every text a rendered document shows, with where it is. */
const textsOf = (doc: ReportDocument.ReportDocument): ReadonlyArray<readonly [string, string]> => [
  ["title", doc.title],
  ...doc.sections.flatMap((s, i) => [
    ...(s.heading === undefined ? [] : [[`section ${i} heading`, s.heading] as const]),
    ...s.blocks.flatMap((b, j): ReadonlyArray<readonly [string, string]> =>
      b._tag === "Table"
        ? [[`section ${i} table ${j} title`, b.title], ...b.columns.map((c) => [`section ${i} table ${j} column`, c] as const)]
        : b._tag === "Chart"
          ? [[`section ${i} chart ${j} title`, b.title]]
          : [[`section ${i} ${b._tag} ${j}`, b.text]]
    )
  ])
]

/**
 * Every id the plugin contributes starts with its name and a slash (unless it is a declared
 * override) and is declared once per collection; its data records' ids are unique per kind.
 *
 * @since 0.1.0
 * @category checks
 */
export const checkIds = (p: Plugin.PluginSpec): void => {
  const overrides = new Set(p.overrides ?? [])
  const seen = new Set<string>()
  for (const [collection, id] of contributedIds(p)) {
    Assert.holds(overrides.has(id) || id.startsWith(`${p.name}/`), `${collection} ${id} starts with "${p.name}/" (or is a declared override)`)
    Assert.holds(!seen.has(`${collection}:${id}`), `${collection} ${id} is declared once`)
    seen.add(`${collection}:${id}`)
  }
  for (const [kind, records] of Object.entries(p.data ?? {}) as Array<[string, ReadonlyArray<{ readonly id: string }>]>) {
    const ids = new Set<string>()
    for (const r of records) {
      Assert.holds(!ids.has(r.id), `data ${kind} ${r.id} is declared once`)
      ids.add(r.id)
    }
  }
}

/**
 * The plugin's activity kinds have names and counting nouns in both languages (NFC), and each
 * attribute schema round-trips encode → JSON → decode on generated values.
 *
 * @since 0.1.0
 * @category checks
 */
export const checkActivityKinds = (p: Plugin.PluginSpec, numRuns = 100): void => {
  for (const k of p.activityKinds ?? []) {
    for (const f of ["vi", "en", "nounVi", "nounEn"] as const) {
      Assert.holds(k[f].trim().length > 0, `${k.id} has ${f}`)
      Assert.equal(k[f], k[f].normalize("NFC"), `${k.id}: ${f} is NFC`)
    }
    if (k.attributes === undefined) continue
    const schema = k.attributes as Schema.Codec<unknown, unknown>
    fc.assert(
      fc.property(PluginUniverse.schemaArb(schema), (value) => {
        roundTrip(schema, value, `attributes of ${k.id}`)
      }),
      { numRuns, includeErrorInReport: true }
    )
  }
}

/**
 * Each of the plugin's report templates renders on datasets generated over the loaded plugins, for
 * generated periods, with every placeholder filled.
 *
 * @since 0.1.0
 * @category checks
 */
export const checkTemplates = async (p: Plugin.PluginSpec, loaded: PluginHost.Loaded, numRuns = 25): Promise<void> => {
  const u = PluginUniverse.universe(loaded, p.name)
  for (const template of p.reportTemplates ?? []) {
    await fc.assert(
      fc.asyncProperty(u.dataset(), u.request(), async (g, req) => {
        const request = Report.requestFor(template, req.scope, req.period)
        const tab = Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(Arbitraries.toBatch(g)), loaded.registry, request))
        const doc = Report.render(template, tab, loaded.registry, { number: 1, date: req.period.to })
        if (Result.isFailure(doc)) throw new Error(`template ${template.id} does not render: ${doc.failure.message}`)
        for (const [where, text] of textsOf(doc.success)) {
          Assert.holds(!/\{\{|\}\}/.test(text), `${template.id}: ${where} has no placeholder left: ${text.slice(0, 200)}`)
        }
        Assert.equal(doc.success.template, template.id, "the document names its template")
      }),
      { numRuns, includeErrorInReport: true }
    )
  }
}

const CREATED = new Date("2024-01-05T08:30:00Z")

/**
 * Registers the conformance tests of a plugin with vitest. Call it at the top level of a test file and
 * `await` it.
 *
 * @example
 * ```ts no-run
 * import * as SonLa from "@hdnd/province-son-la"
 * import { PluginSuite } from "@hdnd/testkit"
 *
 * // In a vitest test file: the plugin loads, its kinds, indicators and templates obey the laws and render.
 * await PluginSuite.pluginConformance({ plugin: SonLa.plugin, numRuns: 25 })
 * ```
 *
 * @since 0.1.0
 * @category suites
 */
export const pluginConformance = async (options: PluginSuiteOptions): Promise<void> => {
  const { describe, it } = await import("vitest")
  const numRuns = options.numRuns ?? (process.env["CI"] ? 100 : 25)
  const p = options.plugin
  const own = [...(options.dependencies ?? []), p]
  const test = (name: string, body: () => void | Promise<void>) => it(name, body, options.timeout)
  let cached: PluginHost.Loaded | undefined
  const loaded = () => (cached ??= loadOrThrow(own))
  const universe = () => PluginUniverse.universe(loaded(), p.name)

  describe(`Plugin conformance: ${p.name}`, () => {
    test("is a plugin made by definePlugin, frozen", () => {
      Assert.holds(Plugin.isPlugin(p), "made by definePlugin")
      Assert.holds(Object.isFrozen(p), "the plugin object is frozen")
      for (const k of Object.keys(p)) {
        const v = (p as unknown as Record<string, unknown>)[k]
        if (typeof v === "object" && v !== null) Assert.holds(Object.isFrozen(v), `${k} is frozen`)
      }
    })

    test("loads with its dependencies", () => {
      const l = loaded()
      Assert.holds(l.plugins.some((x) => x.name === p.name), "the plugin is among the loaded ones")
    })

    test("loads beside the other plugins without conflict", () => {
      const l = loadOrThrow([...(options.alongside ?? []), ...own])
      for (const [collection, id] of contributedIds(p)) {
        if (collection === "committeeRules") continue
        Assert.equal(l.origins.get(id), p.name, `${id} still comes from ${p.name} beside the others`)
      }
    })

    test("every contributed id is namespaced by the plugin and unique", () => checkIds(p))

    if (DataPlugin.documentOf(p) !== undefined) {
      test("a data plugin: its document round-trips through JSON to the same declarations", () => checkDataDocument(p))
    }

    test("each declared override replaces something and is reported", () => {
      const reported = new Set(loaded().overrides.filter((o) => o.plugin === p.name).map((o) => o.id))
      for (const id of p.overrides ?? []) Assert.holds(reported.has(id), `override ${id} is reported by the host`)
    })

    test("activity kinds: names and counting nouns in both languages; attribute schemas round-trip on generated values", () =>
      checkActivityKinds(p, numRuns * 4))

    test("indicators, report templates and data records round-trip through their schemas", () => {
      for (const i of p.indicators ?? []) roundTrip(Schema.Struct(Indicator.Indicator.fields), i, `indicator ${i.id}`)
      for (const t of p.reportTemplates ?? []) roundTrip(Schema.Struct(ReportTemplate.ReportTemplate.fields), t, `template ${t.id}`)
      for (const [kind, records] of Object.entries(p.data ?? {}) as Array<[Dataset.EntityKind, ReadonlyArray<{ readonly id: string }>]>) {
        const schema = Schema.Struct(Dataset.entitySchemas[kind].fields as Schema.Struct.Fields) as unknown as Schema.Codec<any, any>
        for (const r of records) roundTrip(schema, r, `${kind} ${r.id}`)
      }
    })

    test("its data and datasets generated over it pass validation", async () => {
      const l = loaded()
      const dataProblems = Validation.validateBatch(Dataset.empty, l.data, l.registry)
      Assert.equal(dataProblems.length, 0, `the data is valid: ${dataProblems.slice(0, 3).map((x) => x.describe("en")).join("; ")}`)
      const u = universe()
      // Yield to the event loop before each run, so that many runs do not keep the test worker from
      // answering its runner.
      await fc.assert(
        fc.asyncProperty(u.dataset(), async (g) => {
          await new Promise((resolve) => setImmediate(resolve))
          const problems = Validation.validateBatch(Dataset.empty, Arbitraries.toBatch(g), l.registry)
          Assert.equal(problems.length, 0, `a generated dataset is valid: ${problems.slice(0, 3).map((x) => x.describe("en")).join("; ")}`)
        }),
        { numRuns, includeErrorInReport: true }
      )
    })

    test("every report template renders on generated data with no placeholder left unfilled", () =>
      checkTemplates(p, loaded(), Math.max(5, Math.ceil(numRuns / 2))))

    test("every exporter exports a generated report", async () => {
      for (const ex of p.exporters ?? []) {
        Assert.holds(ex.vi.length > 0 && ex.en.length > 0, `${ex.id} has vi and en names`)
        Assert.holds(/^[a-z0-9]+$/.test(ex.extension), `${ex.id}: extension without a dot: ${ex.extension}`)
        const output = await Effect.runPromise(ex.export(Exporter.document(Documents.officialDocument), { createdAt: CREATED }))
        Assert.holds(output.bytes.length > 0, `${ex.id} writes some bytes`)
      }
    })

    describe("its indicators obey the counting laws", () => {
      // Laws.all leaves out the laws a universe gives nothing to check (no count indicator, no "of
      // which" pair). A plugin that does not load fails here too, with the host's problems.
      let laws: ReturnType<typeof Laws.all> | Error
      try {
        const u = universe()
        laws = Laws.all(Laws.referenceWith(u.registry), u)
      } catch (e) {
        laws = e instanceof Error ? e : new Error(String(e))
      }
      if (laws instanceof Error) {
        const error = laws
        test("the laws can be stated", () => {
          throw error
        })
      } else {
        for (const law of laws) test(law.name, () => fc.assert(law.property, { numRuns, includeErrorInReport: true }))
      }
    })
  })
}
