/**
 * Bundles the CLI with esbuild into `dist/` (ESM, split so that the commands' code, the Excel reader
 * and the PostgreSQL driver load only when a command needs them). Starting a bundled CLI takes a
 * fraction of the time of resolving hundreds of modules (TOOLCHAIN.md: 0.27 s vs 1.09 s).
 * better-sqlite3 stays external: it is a native module; so does jiti, which compiles `hdnd.config.ts`
 * (it loads its own compiler lazily and is large, so it is left as the runtime dependency it is).
 * The entry `hdnd.js` holds only the Node.js version check of `src/bin.ts` and imports the command
 * with a dynamic import: on a Node.js too old for the rest (Node 20), the check runs first and prints
 * its one sentence (test/NodeVersion.test.ts runs the bundle on one).
 */
import { build } from "esbuild"
import { chmodSync, rmSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const packageDir = fileURLToPath(new URL("..", import.meta.url))

/** Bundles into `outdir` (the tests bundle into a temporary directory) and returns the executable. */
export const bundle = async (outdir = join(packageDir, "dist")) => {
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
  return join(outdir, "hdnd.js")
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle()
