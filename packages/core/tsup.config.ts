import { defineConfig, type Options } from "tsup"
import base from "../../tsup.base.js"

/**
 * As every package, except that semver (three of its functions, for plugin versions) is bundled
 * into dist/: loaded from node_modules it is 23 CommonJS modules and the CommonJS loader, about
 * 30 ms of `import "@hdnd/core"` (bench/startup.ts). It is a development dependency for that reason.
 */
export default defineConfig({ ...(base as Options), noExternal: ["semver"] })
