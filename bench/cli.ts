/**
 * Benchmark child for issue #4: the `hdnd` CLI as it ships (the esbuild bundle).
 *
 *   node … bench/cli.ts N
 *
 * Measures: `hdnd import` of an N-row activities CSV into a SQLite file (after `hdnd init` with the
 * structure files), its wall time and the peak RSS of the CLI process; the same for N/10 rows, to see
 * whether memory grows with the file; and `hdnd --help` start-up (median of 11 runs). Prints one
 * JSON line.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { bundle } from "../packages/cli/scripts/bundle.mjs"
import { writeImportFiles } from "./import-files.js"

const here = dirname(fileURLToPath(import.meta.url))
const n = Number(process.argv[2] ?? 1_000_000)
const work = join(here, ".tmp", "cli")
mkdirSync(work, { recursive: true })
const bin = await bundle(join(here, "..", "packages", "cli", "test-artifacts", "bench-bundle"))
const rss = join(work, "rss.cjs")
writeFileSync(rss, `process.on("exit", () => require("fs").writeSync(2, "HDND_MAXRSS_KB " + process.resourceUsage().maxRSS + "\\n"))\n`)

const hdnd = (args: ReadonlyArray<string>) => {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ["-r", rss, bin, ...args], { cwd: work, encoding: "utf8", env: { ...process.env, LANG: "vi_VN.UTF-8" } })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`hdnd ${args.join(" ")} failed (${r.status}): ${r.stderr}`)
  const kb = Number(/HDND_MAXRSS_KB (\d+)/.exec(r.stderr)?.[1] ?? 0)
  return { ms, rssMb: kb / 1024 }
}

const importRun = async (rows: number) => {
  const dir = join(work, `files-${rows}`)
  const files = existsSync(join(dir, "activities.csv"))
    ? { structure: ["units", "councils", "organs", "sessions"].map((k) => join(dir, `${k}.csv`)), activities: join(dir, "activities.csv") }
    : await writeImportFiles(dir, rows)
  const db = join(work, `import-${rows}.sqlite`)
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true })
  hdnd(["init", "--db", db, "--quiet", ...files.structure])
  const r = hdnd(["import", "--db", db, "--quiet", files.activities])
  return { rows, ms: r.ms, rssMb: r.rssMb, rowsPerSecond: rows / (r.ms / 1000) }
}

const large = await importRun(n)
const small = await importRun(Math.max(1, Math.floor(n / 10)))
const help: Array<number> = []
for (let i = 0; i < 11; i++) help.push(hdnd(["--help"]).ms)
help.sort((a, b) => a - b)
console.log(JSON.stringify({ large, small, helpMs: help[5] }))
