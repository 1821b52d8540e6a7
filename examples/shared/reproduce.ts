/**
 * What the tests of the examples that reproduce a council's published report share: find the example's
 * folder and registry, import its CSV files into an in-memory store, tabulate and render its template,
 * and flatten the rendered document to text that `toContain` can check sentence by sentence.
 *
 * Each test keeps its own data order, scope, period and assertions; this module only runs them.
 */
import { DataPlugin, MemoryStore, PluginHost, Registry, Report, ReportText, Store } from "@hdnd/core"
import type { CalendarDate, ReportTemplate, Tabulation, TabulationRequest } from "@hdnd/core"
import { Import } from "@hdnd/import"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { existsSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

/** The example folder of a test file, given the test's `import.meta.url` (the test sits in `<example>/test/`). */
export const exampleDir = (testUrl: string): string => path.resolve(path.dirname(fileURLToPath(testUrl)), "..")

/**
 * The registry the example's data are checked and counted against: the built-in one extended by the
 * folder's `plugin.json` when there is one, the built-in one alone otherwise. A plugin that does not
 * load throws its `PluginError`.
 */
export const registryOf = (dir: string): Registry.Registry => {
  const file = path.join(dir, "plugin.json")
  if (!existsSync(file)) return Registry.builtin
  const loaded = PluginHost.load([DataPlugin.decodeSync(JSON.parse(readFileSync(file, "utf8")), { file: "plugin.json" })])
  if (Result.isFailure(loaded)) throw loaded.failure
  return loaded.success.registry
}

/** A report template of the registry by id; throws, naming the id, when the registry has none. */
export const templateOf = (registry: Registry.Registry, id: string): ReportTemplate.ReportTemplate => {
  const template = registry.templates.get(id as never)
  if (template === undefined) throw new Error(`no report template "${id}" in the registry`)
  return template
}

/** What to reproduce; `K` names the further tabulations asked for in `tabulate`. */
export interface Reproduce<K extends string> {
  /** The example folder (see `exampleDir`); its CSV files are read from `<dir>/data`. */
  readonly dir: string
  /** The names of the files in `<dir>/data`, in the order they are imported (units before the records that cite them). */
  readonly files: ReadonlyArray<string>
  readonly registry: Registry.Registry
  /** The report template tabulated and rendered first. */
  readonly template: ReportTemplate.ReportTemplate
  readonly scope: TabulationRequest.Scope
  readonly period: CalendarDate.Period
  /** Scope the template's figures to these sessions. */
  readonly sessions?: TabulationRequest.TabulationRequest["sessions"]
  /** Further tabulations of the same imported data, by name; returned in `tabs`. */
  readonly tabulate?: Readonly<Record<K, TabulationRequest.TabulationRequest>>
  /** Further tabulations of `tabulate`, by name, to render with the given template; their text follows the template's. */
  readonly render?: Readonly<Partial<Record<K, ReportTemplate.ReportTemplate>>>
}

/** What came out: the import summary, the template's tabulation, the further ones, and the rendered text. */
export interface Reproduction<K extends string> {
  readonly summary: Import.Summary
  readonly tab: Tabulation.Tabulation
  readonly tabs: Readonly<Record<K, Tabulation.Tabulation>>
  /** The rendered documents as plain text, NFC-normalised, every run of white space (`toText` wraps lines) made one space. */
  readonly text: string
}

/**
 * Imports the example's files into an empty in-memory store over `registry`, tabulates the template
 * (and any further requests) and renders it. The import summary is returned, not checked: the test
 * asserts what it expects of it.
 */
export const reproduce = <K extends string = never>(options: Reproduce<K>): Promise<Reproduction<K>> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const summary = yield* Import.run(options.files.map((f) => path.join(options.dir, "data", f)))
      const store = yield* Store.Store
      const tab = yield* store.tabulate(Report.requestFor(options.template, options.scope, options.period, false, options.sessions))
      const tabs = {} as Record<K, Tabulation.Tabulation>
      for (const [name, request] of Object.entries(options.tabulate ?? {}) as Array<[K, TabulationRequest.TabulationRequest]>) {
        tabs[name] = yield* store.tabulate(request)
      }
      const rendered = [[options.template, tab] as const]
      for (const [name, template] of Object.entries(options.render ?? {}) as Array<[K, ReportTemplate.ReportTemplate]>) {
        const t = tabs[name]
        if (t === undefined) throw new Error(`render names "${name}", which tabulate does not ask for`)
        rendered.push([template, t] as const)
      }
      const texts: Array<string> = []
      for (const [template, t] of rendered) {
        texts.push(ReportText.toText(yield* Effect.fromResult(Report.render(template, t, store.registry, {}))))
      }
      return { summary, tab, tabs, text: texts.join("\n").normalize("NFC").replace(/\s+/g, " ") }
    }).pipe(Effect.provide(MemoryStore.layer({ registry: options.registry })))
  )
