/**
 * The plugins a command runs with: named in the configuration file (`hdnd.config.json` or
 * `hdnd.config.ts` … in the current directory, or the file given by `--config`; see `Config`) and by
 * `--plugin` (repeatable), each a package name or a path to an ES module that exports one or more
 * plugins made with `definePlugin`, a data plugin (a `.json`, `.yaml` or `.yml` file, read and
 * decoded by core's `DataPlugin`, never imported as a module), or (in a TypeScript or JavaScript
 * configuration) a plugin object.
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
import { DataPlugin, Plugin, PluginHost } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as fs from "node:fs"
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

/** The file of a reference: a path (relative to its base) or a package (or a file in one) resolved from its base. */
const fileOf = (r: Ref): string => {
  if (r.spec.startsWith(".") || path.isAbsolute(r.spec)) return path.resolve(r.base, r.spec)
  return createRequire(path.join(r.base, "noop.js")).resolve(r.spec)
}

/** The URL to import a reference from. */
const urlOf = (r: Ref): string => pathToFileURL(fileOf(r)).href

/**
 * The extensions of data plugin files (`DataPlugin` documents): read and parsed, never imported.
 *
 * @since 0.2.0
 * @category config
 */
export const DATA_EXTENSIONS = [".json", ".yaml", ".yml"] as const

const isData = (file: string): boolean => (DATA_EXTENSIONS as ReadonlyArray<string>).includes(path.extname(file).toLowerCase())

/** A YAML document as plain data, or its first syntax error as a located problem. */
const parseYaml = async (text: string): Promise<Result.Result<unknown, DataPlugin.DataPluginProblem>> => {
  // yaml (eemeli/yaml) is loaded only for YAML plugins.
  const module = await import("yaml")
  // Bundled, the CommonJS build of yaml arrives as the default export.
  const { parseDocument } = typeof module.parseDocument === "function" ? module : (module as unknown as { readonly default: typeof module }).default
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { prettyErrors: true })
  const error = doc.errors[0]
  if (error === undefined) return Result.succeed(doc.toJS())
  const at = error.linePos?.[0]
  const what = error.message.split("\n")[0] ?? error.code
  return Result.fail(
    new DataPlugin.DataPluginProblem({
      path: "",
      code: "syntax",
      ...(at === undefined ? {} : { line: at.line, column: at.col }),
      vi: `không phải YAML hợp lệ (${what}); hãy sửa cú pháp`,
      en: `not valid YAML (${what}); fix the syntax`
    })
  )
}

/** Reads, parses and decodes a data plugin file; its problems become a usage error, one line each. */
const readData = (r: Ref, file: string): Effect.Effect<ReadonlyArray<Plugin.Plugin>, UsageError> =>
  Effect.gen(function* () {
    const shown = path.relative(process.cwd(), file) || file
    const text = yield* Effect.try({
      try: () => fs.readFileSync(file, "utf8"),
      catch: (e) =>
        new UsageError({
          vi: `không đọc được plugin dữ liệu "${r.spec}" (từ ${r.from}): ${String(e)}; kiểm tra đường dẫn`,
          en: `cannot read data plugin "${r.spec}" (from ${r.from}): ${String(e)}; check the path`
        })
    })
    const ext = path.extname(file).toLowerCase()
    const decoded: Result.Result<Plugin.Plugin, DataPlugin.DataPluginError> =
      ext === ".json"
        ? DataPlugin.parseJson(text, { file: shown })
        : yield* Effect.promise(() => parseYaml(text)).pipe(
          Effect.map((parsed) =>
            Result.isSuccess(parsed)
              ? DataPlugin.decode(parsed.success, { file: shown })
              : Result.fail(new DataPlugin.DataPluginError({ file: shown, problems: [parsed.failure] }))
          )
        )
    if (Result.isSuccess(decoded)) return [decoded.success]
    const e = decoded.failure
    return yield* Effect.fail(
      new UsageError({
        vi: `plugin dữ liệu "${r.spec}" (từ ${r.from}) không hợp lệ:\n${e.problems.map((p) => `  ${p.where(shown)}: ${p.vi}`).join("\n")}`,
        en: `data plugin "${r.spec}" (from ${r.from}) is not valid:\n${e.problems.map((p) => `  ${p.where(shown)}: ${p.en}`).join("\n")}`
      })
    )
  })

/** Loads a reference: a data plugin file is read and decoded, anything else imported as a module. */
const loadRef = (r: Ref): Effect.Effect<ReadonlyArray<Plugin.Plugin>, UsageError> =>
  Effect.suspend(() => {
    if (!isData(r.spec)) return importRef(r)
    // A data file may be named by a bare relative path (`plugins/khai-bao.json`) as well as `./…`.
    const direct = path.resolve(r.base, r.spec)
    let file: string
    try {
      file = fs.existsSync(direct) ? direct : fileOf(r)
    } catch (e) {
      return Effect.fail(
        new UsageError({
          vi: `không tìm thấy plugin dữ liệu "${r.spec}" (từ ${r.from}): ${String(e)}; kiểm tra tên gói đã cài hoặc đường dẫn`,
          en: `cannot find data plugin "${r.spec}" (from ${r.from}): ${String(e)}; check the package is installed or the path`
        })
      )
    }
    return readData(r, file)
  })

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
      const plugins = (yield* Effect.forEach(refs, (r) => (Plugin.isPlugin(r) ? Effect.succeed([r]) : loadRef(r)))).flat()
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
