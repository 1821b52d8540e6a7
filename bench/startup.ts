/**
 * Benchmark child for issue #15 (item 5, "fast to start"): how long a process takes to start with
 * hdnd, against `node -e 0` (Node.js alone) timed in the same run.
 *
 *   node … bench/startup.ts [N]
 *
 * Times the artefacts as users get them, not the sources: `import("@hdnd/core")` resolved from the
 * workspace root without the `@hdnd/source` condition (so packages/core/dist/index.js, built by
 * `pnpm build`: it is rebuilt first if a source file is newer), and the bundled `hdnd` (the esbuild
 * bundle of packages/cli/scripts/bundle.mjs, what the `bin` of the published package points at,
 * `dist/hdnd.js`). Each round runs every command once, one after the other, so that all see the
 * same load on the machine; the value is the median wall time of N rounds (default 21,
 * HDND_BENCH_STARTUP_N), and the ratio that median over the median of `node -e 0`.
 *
 * Measured:
 * - `node -e 0`, the baseline;
 * - `import("@hdnd/core")` (target ≤ 0.3 s on an idle 2-core machine);
 * - the same with Node.js's compile cache on (`NODE_COMPILE_CACHE`, warmed once): what an app
 *   gains by turning it on;
 * - `hdnd --help` (target ≤ 0.2 s): the help cached at build time;
 * - `hdnd stats --help`: a subcommand's help, which loads the command tree (not the cache);
 * - `import("effect/Schema")` alone: the floor under @hdnd/core, whose schemas need it.
 *
 * Prints one JSON line: for each, the median and the minimum in seconds.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { bundle } from "../packages/cli/scripts/bundle.mjs"

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, "..")
const rounds = Number(process.argv[2] ?? process.env.HDND_BENCH_STARTUP_N ?? 21)

/** The newest modification time under a directory (source files only). */
const newest = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : e.name.endsWith(".ts") ? statSync(join(dir, e.name)).mtimeMs : 0
    )
  )

const coreDist = join(root, "packages", "core", "dist", "index.js")
let built = 0
try {
  built = statSync(coreDist).mtimeMs
} catch {
  built = 0
}
if (built < newest(join(root, "packages", "core", "src"))) {
  console.error("startup: building @hdnd/core (dist/ is missing or older than src/) …")
  execFileSync("pnpm", ["--filter", "@hdnd/core", "run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] })
}
const bin = await bundle(join(root, "packages", "cli", "test-artifacts", "startup-bundle"))

const cache = join(here, ".tmp", "startup-compile-cache")
rmSync(cache, { recursive: true, force: true })
mkdirSync(cache, { recursive: true })

// A clean environment, so that no NODE_OPTIONS, locale or compile cache of the caller leaks in.
const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "vi_VN.UTF-8" }
const commands: Record<string, { args: ReadonlyArray<string>; env?: Record<string, string> }> = {
  node: { args: ["-e", "0"] },
  core: { args: ["-e", 'import("@hdnd/core")'] },
  coreCompileCache: { args: ["-e", 'import("@hdnd/core")'], env: { NODE_COMPILE_CACHE: cache } },
  help: { args: [bin, "--help"] },
  subcommandHelp: { args: [bin, "stats", "--help"] },
  effectSchema: { args: ["-e", 'import("effect/Schema")'] }
}

const run = (name: string): number => {
  const c = commands[name]!
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, c.args, { cwd: root, env: { ...env, ...c.env }, encoding: "utf8" })
  const s = Number(process.hrtime.bigint() - t0) / 1e9
  if (r.status !== 0) throw new Error(`${name} failed (${r.status}): ${r.stderr}`)
  return s
}

run("coreCompileCache") // fills the compile cache
const times: Record<string, Array<number>> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]))
for (let i = 0; i < rounds; i++) for (const name of Object.keys(commands)) times[name]!.push(run(name))

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2
}
const out = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, { median: median(xs), min: Math.min(...xs) }]))
rmSync(cache, { recursive: true, force: true })
console.log(JSON.stringify({ rounds, ...out }))
