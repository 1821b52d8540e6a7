/**
 * `@hdnd/cli`: the `hdnd` command. Run it with `npx hdnd --help`; embed it with `Main.program`.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Cli from "./Cli.js"
/** @since 0.1.0 */
export * as Config from "./Config.js"
/** @since 0.1.0 */
export * as Database from "./Database.js"
/** @since 0.1.0 */
export * as Failure from "./Failure.js"
/** @since 0.1.0 */
export * as Lang from "./Lang.js"
/** @since 0.1.0 */
export * as Main from "./Main.js"
/** @since 0.1.0 */
export * as Progress from "./Progress.js"
/**
 * Types the configuration in `hdnd.config.ts` and returns it unchanged:
 *
 * ```ts
 * import { defineConfig } from "@hdnd/cli"
 *
 * export default defineConfig({ plugins: ["@hdnd/province-son-la", "./plugins/ban-do-thi.js"] })
 * ```
 *
 * @since 0.1.0
 * @category config
 */
export { defineConfig } from "./Config.js"
/**
 * What `hdnd.config.ts` declares (see `Config.Config`).
 *
 * @since 0.1.0
 * @category config
 */
export type { Config as HdndConfig } from "./Config.js"
