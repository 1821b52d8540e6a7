/**
 * Bundles the CLI with esbuild into `dist/` (ESM, split so that the commands' code, the Excel reader
 * and the PostgreSQL driver load only when a command needs them). Starting a bundled CLI takes a
 * fraction of the time of resolving hundreds of modules (TOOLCHAIN.md: 0.27 s vs 1.09 s).
 * better-sqlite3 stays external: it is a native module; so does jiti, which compiles `hdnd.config.ts`
 * (it loads its own compiler lazily and is large, so it is left as the runtime dependency it is).
 * The entry `hdnd.js` holds only the Node.js version check of `src/bin.ts` and imports the command
 * with a dynamic import: on a Node.js too old for the rest (Node 20), the check runs first and prints
 * its one sentence (test/NodeVersion.test.ts runs the bundle on one). It also answers `--help` and
 * `--version` from `help.json`, which this script writes from the bundle's own output, without
 * loading the command tree (src/HelpCache.ts).
 */
import { build } from "esbuild"
import { execFile } from "node:child_process"
import { chmodSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { promisify } from "node:util"
import { fileURLToPath } from "node:url"

const packageDir = fileURLToPath(new URL("..", import.meta.url))

/**
 * Writes `help.json` beside the executable `bin`: what it prints for `--help` in each language,
 * without and with colours, and for `--version` (src/HelpCache.ts). It runs the bundle just built,
 * before the file exists, so the text comes from the command tree itself.
 */
const writeHelpCache = async (bin) => {
  const run = async (args, env) => {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH, ...env }, encoding: "utf8" })
    return stdout
  }
  const help = async (lang) => {
    const [plain, colour] = await Promise.all([run(["--help"], { HDND_LANG: lang }), run(["--help"], { HDND_LANG: lang, FORCE_COLOR: "1" })])
    return { plain, colour }
  }
  const [version, vi, en] = await Promise.all([run(["--version"], {}), help("vi"), help("en")])
  writeFileSync(join(bin, "..", "help.json"), `${JSON.stringify({ version, help: { vi, en } })}\n`)
}

/**
 * Bundles into `outdir` (the tests bundle into a temporary directory) and returns the executable.
 * `helpCache: false` leaves out `help.json`, so that every `--help` runs the command tree (a test
 * compares the two).
 */
export const bundle = async (outdir = join(packageDir, "dist"), { helpCache = true } = {}) => {
  rmSync(outdir, { recursive: true, force: true })
  await build({
    entryPoints: { hdnd: join(packageDir, "src/bin.ts"), index: join(packageDir, "src/index.ts") },
    outdir,
    absWorkingDir: packageDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node22",
    minify: true,
    conditions: ["@hdnd/source"],
    // vega-canvas tries `import("canvas")` (an optional native module) and falls back without it.
    // jiti (the TypeScript compiler for `hdnd.config.ts`) is a runtime dependency, imported only to read such a file.
    external: ["better-sqlite3", "canvas", "jiti"],
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __hdndRequire } from 'node:module'; const require = __hdndRequire(import.meta.url);" },
    chunkNames: "chunks/[name]-[hash]",
    legalComments: "none",
    logLevel: "warning"
  })
  chmodSync(join(outdir, "hdnd.js"), 0o755)
  if (helpCache) await writeHelpCache(join(outdir, "hdnd.js"))
  return join(outdir, "hdnd.js")
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle()
