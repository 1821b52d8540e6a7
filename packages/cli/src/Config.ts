/**
 * The configuration file of `hdnd`: which plugins every command runs with. Without `--config FILE`,
 * the first of {@link CONFIG_FILES} found in the current directory is used (`hdnd.config.json`, then
 * `hdnd.config.ts`, `.mts`, `.mjs`, `.js`).
 *
 * A JSON file lists package names and paths:
 *
 * ```json
 * { "plugins": ["@hdnd/province-son-la", "./plugins/ban-do-thi.js"] }
 * ```
 *
 * A TypeScript or JavaScript file is a module whose default export (or export named `config`) is the
 * same object; it may also give plugin objects directly. TypeScript is compiled on the fly (with
 * jiti), so nothing needs building first:
 *
 * ```ts
 * import { defineConfig } from "@hdnd/cli"
 * import { plugin as banDoThi } from "./plugins/ban-do-thi.js"
 *
 * export default defineConfig({ plugins: ["@hdnd/province-son-la", banDoThi] })
 * ```
 *
 * Paths are relative to the configuration file.
 *
 * @since 0.1.0
 */
import { Plugin } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { UsageError } from "./Failure.js"

/**
 * What a configuration file declares.
 *
 * @since 0.1.0
 * @category models
 */
export interface Config {
  /**
   * The plugins: package names or paths of ES modules that export plugins (resolved from the
   * configuration file's directory), or plugin objects (made with `definePlugin` of `@hdnd/core`).
   */
  readonly plugins?: ReadonlyArray<string | Plugin.Plugin>
}

/**
 * Types a configuration in `hdnd.config.ts` (it returns its argument unchanged):
 * `export default defineConfig({ plugins: ["@hdnd/province-son-la"] })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defineConfig = <const C extends Config>(config: C): C => config

/**
 * The configuration files looked for in the current directory, in this order; the first found wins.
 *
 * @since 0.1.0
 * @category config
 */
export const CONFIG_FILES = ["hdnd.config.json", "hdnd.config.ts", "hdnd.config.mts", "hdnd.config.mjs", "hdnd.config.js"] as const

/**
 * The extensions a configuration file may have (`--config FILE`).
 *
 * @since 0.1.0
 * @category config
 */
export const EXTENSIONS = [".json", ".ts", ".mts", ".mjs", ".js"] as const

/**
 * The configuration file of a directory: the first of {@link CONFIG_FILES} that exists in it.
 *
 * @since 0.1.0
 * @category config
 */
export const find = (dir: string): string | undefined =>
  CONFIG_FILES.map((name) => path.join(dir, name)).find((file) => fs.existsSync(file) && fs.statSync(file).isFile())

/**
 * A configuration read from its file: the file (absolute) and its plugins, in order.
 *
 * @since 0.1.0
 * @category models
 */
export interface Loaded {
  readonly file: string
  readonly plugins: ReadonlyArray<string | Plugin.Plugin>
}

const SHAPE_VI = `hãy xuất mặc định một đối tượng { plugins: [...] } (export default defineConfig({ plugins: [...] })), mỗi phần tử là tên gói, đường dẫn, hoặc plugin tạo bằng definePlugin`
const SHAPE_EN = `export as default an object { plugins: [...] } (export default defineConfig({ plugins: [...] })) whose items are package names, paths, or plugins made with definePlugin`

const badShape = (file: string, vi: string, en: string) =>
  new UsageError({ vi: `tệp cấu hình ${file}: ${vi}; ${SHAPE_VI}`, en: `configuration file ${file}: ${en}; ${SHAPE_EN}` })

/** Reads the module of a TypeScript or JavaScript configuration file: its default export, or `config`. */
const importModule = async (file: string): Promise<{ readonly found: boolean; readonly value: unknown }> => {
  const module: Record<string, unknown> =
    path.extname(file) === ".mjs"
      ? ((await import(pathToFileURL(file).href)) as Record<string, unknown>)
      : // jiti (with its TypeScript compiler) is loaded only for TypeScript and CommonJS-or-ESM `.js` files.
        await import("jiti").then(({ createJiti }) => createJiti(import.meta.url, { interopDefault: false }).import<Record<string, unknown>>(file))
  if (module.default !== undefined) return { found: true, value: module.default }
  if (module.config !== undefined) return { found: true, value: module.config }
  return { found: false, value: undefined }
}

/** Checks what a configuration declares. */
const check = (file: string, value: unknown): Effect.Effect<Loaded, UsageError> => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return Effect.fail(badShape(file, "cấu hình phải là một đối tượng", "the configuration must be an object"))
  }
  const plugins = (value as { plugins?: unknown }).plugins
  if (plugins === undefined) return Effect.succeed({ file, plugins: [] })
  if (!Array.isArray(plugins)) return Effect.fail(badShape(file, `"plugins" phải là một danh sách`, `"plugins" must be a list`))
  const wrong = plugins.findIndex((p) => typeof p !== "string" && !Plugin.isPlugin(p))
  if (wrong >= 0) {
    return Effect.fail(
      badShape(
        file,
        `phần tử thứ ${wrong + 1} của "plugins" không phải tên gói, đường dẫn hay plugin`,
        `item ${wrong + 1} of "plugins" is neither a package name, a path nor a plugin`
      )
    )
  }
  return Effect.succeed({ file, plugins: plugins as ReadonlyArray<string | Plugin.Plugin> })
}

/**
 * Reads a configuration file: JSON, or a TypeScript or JavaScript module. A missing file, a syntax
 * error, a module without a default export or `config`, or a value of the wrong shape is a usage
 * error naming the file and saying what to write.
 *
 * @since 0.1.0
 * @category config
 */
export const read = (file: string): Effect.Effect<Loaded, UsageError> =>
  Effect.suspend(() => {
    const absolute = path.resolve(file)
    const ext = path.extname(absolute).toLowerCase()
    if (!(EXTENSIONS as ReadonlyArray<string>).includes(ext)) {
      const list = EXTENSIONS.join(", ")
      return Effect.fail(
        new UsageError({ vi: `tệp cấu hình ${file} phải có đuôi ${list}`, en: `the configuration file ${file} must end in ${list}` })
      )
    }
    if (!fs.existsSync(absolute)) {
      return Effect.fail(new UsageError({ vi: `không có tệp cấu hình ${file}`, en: `no configuration file ${file}` }))
    }
    if (ext === ".json") {
      let parsed: unknown
      try {
        parsed = JSON.parse(fs.readFileSync(absolute, "utf8"))
      } catch (e) {
        return Effect.fail(
          new UsageError({
            vi: `tệp cấu hình ${absolute} không phải JSON hợp lệ: ${String(e)}; hãy viết {"plugins": ["tên-gói", "./đường-dẫn.js"]}`,
            en: `the configuration file ${absolute} is not valid JSON: ${String(e)}; write {"plugins": ["package-name", "./path.js"]}`
          })
        )
      }
      const plugins = (parsed as { plugins?: unknown } | null)?.plugins
      if (plugins !== undefined && !(Array.isArray(plugins) && plugins.every((p) => typeof p === "string"))) {
        return Effect.fail(
          new UsageError({
            vi: `tệp cấu hình ${absolute}: "plugins" phải là danh sách tên gói hoặc đường dẫn`,
            en: `configuration file ${absolute}: "plugins" must be a list of package names or paths`
          })
        )
      }
      return check(absolute, parsed)
    }
    return Effect.tryPromise({
      try: () => importModule(absolute),
      catch: (e) =>
        new UsageError({
          vi: `không đọc được tệp cấu hình ${absolute}: ${String(e)}; hãy sửa lỗi cú pháp hoặc lệnh import trong tệp`,
          en: `cannot read the configuration file ${absolute}: ${String(e)}; fix the syntax error or the import in it`
        })
    }).pipe(
      Effect.flatMap(({ found, value }) =>
        found ? check(absolute, value) : Effect.fail(badShape(absolute, "không có export default (hay export config)", "there is no default export (nor an export named config)"))
      )
    )
  })
