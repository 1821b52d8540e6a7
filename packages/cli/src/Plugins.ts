/**
 * The plugins a command runs with: named in the configuration file (`hdnd.config.json` or
 * `hdnd.config.ts` … in the current directory, or the file given by `--config`; see `Config`) and by
 * `--plugin` (repeatable), each a package name or a path to an ES module that exports one or more
 * plugins made with `definePlugin`, or (in a TypeScript or JavaScript configuration) a plugin object.
 * They are checked and combined by core's `PluginHost`; their registry is what the store validates
 * against and reports are rendered with, their exporters are formats of `hdnd report` and their
 * importer mappings are what `hdnd import --mapping` uses.
 *
 * ```json
 * { "plugins": ["@hdnd/province-son-la", "./plugins/ban-do-thi.js"] }
 * ```
 *
 * @since 0.1.0
 */
import { Plugin, PluginHost } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { createRequire } from "node:module"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import * as Config from "./Config.js"
import { UsageError } from "./Failure.js"

/**
 * The name of the JSON configuration file, the first looked for in the current directory (see
 * `Config.CONFIG_FILES` for the others: `hdnd.config.ts`, `.mts`, `.mjs`, `.js`).
 *
 * @since 0.1.0
 * @category config
 */
export const CONFIG_FILE = "hdnd.config.json"

/**
 * Where plugins come from: the `--plugin` values and the configuration file, if any.
 *
 * @since 0.1.0
 * @category models
 */
export interface PluginSources {
  readonly plugins: ReadonlyArray<string>
  /**
   * The configuration file (`--config`: `.json`, `.ts`, `.mts`, `.mjs` or `.js`); by default the first
   * of `Config.CONFIG_FILES` in the current directory, if any.
   */
  readonly config?: string
}

/** A plugin reference and the directory it is resolved from. */
interface Ref {
  readonly spec: string
  readonly base: string
  readonly from: string
}

/** The plugins a configuration file names (references) or gives (plugin objects). */
const configRefs = (config: string | undefined): Effect.Effect<ReadonlyArray<Ref | Plugin.Plugin>, UsageError> =>
  Effect.suspend(() => {
    const file = config ?? Config.find(process.cwd())
    if (file === undefined) return Effect.succeed([])
    return Effect.map(Config.read(file), (c) =>
      c.plugins.map((p) => (typeof p === "string" ? { spec: p, base: path.dirname(c.file), from: c.file } : p))
    )
  })

/** The URL to import a reference from: a path (relative to its base) or a package resolved from its base. */
const urlOf = (r: Ref): string => {
  if (r.spec.startsWith(".") || path.isAbsolute(r.spec)) return pathToFileURL(path.resolve(r.base, r.spec)).href
  return pathToFileURL(createRequire(path.join(r.base, "noop.js")).resolve(r.spec)).href
}

const importRef = (r: Ref): Effect.Effect<ReadonlyArray<Plugin.Plugin>, UsageError> =>
  Effect.tryPromise({
    try: async () => {
      const module = (await import(urlOf(r))) as Record<string, unknown>
      return Object.values(module).filter(Plugin.isPlugin)
    },
    catch: (e) =>
      new UsageError({
        vi: `không nạp được plugin "${r.spec}" (từ ${r.from}): ${String(e)}; kiểm tra tên gói đã cài hoặc đường dẫn`,
        en: `cannot load plugin "${r.spec}" (from ${r.from}): ${String(e)}; check the package is installed or the path`
      })
  }).pipe(
    Effect.filterOrFail(
      (ps) => ps.length > 0,
      () => new UsageError({ vi: `"${r.spec}" không xuất plugin nào (dùng definePlugin của @hdnd/core)`, en: `"${r.spec}" exports no plugin (use definePlugin from @hdnd/core)` })
    )
  )

const loaded = new Map<string, Effect.Effect<PluginHost.Loaded, UsageError>>()

/**
 * Loads and checks the plugins of a command (once per process for the same sources). With none, the
 * built-in registry alone. Problems become a usage error listing each one.
 *
 * @since 0.1.0
 * @category loading
 */
export const load = (sources: PluginSources): Effect.Effect<PluginHost.Loaded, UsageError> =>
  Effect.suspend(() => {
    const key = JSON.stringify([sources.config ?? null, sources.plugins])
    const known = loaded.get(key)
    if (known !== undefined) return known
    return Effect.gen(function* () {
      const refs = [...(yield* configRefs(sources.config)), ...sources.plugins.map((spec) => ({ spec, base: process.cwd(), from: "--plugin" }))]
      const plugins = (yield* Effect.forEach(refs, (r) => (Plugin.isPlugin(r) ? Effect.succeed([r]) : importRef(r)))).flat()
      return yield* Result.match(PluginHost.load(plugins), {
        onFailure: (e) =>
          Effect.fail(
            new UsageError({
              vi: `không dùng được các plugin:\n${e.problems.map((p) => `  [${p.plugins.join(", ")}] ${p.vi}`).join("\n")}`,
              en: `the plugins cannot be used:\n${e.problems.map((p) => `  [${p.plugins.join(", ")}] ${p.en}`).join("\n")}`
            })
          ),
        onSuccess: Effect.succeed
      })
    }).pipe(
      Effect.exit,
      Effect.tap((exit) => Effect.sync(() => loaded.set(key, exit))),
      Effect.flatten
    )
  })
