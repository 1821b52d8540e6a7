/**
 * Benchmark child for issue #4: the `hdnd` CLI as it ships (the esbuild bundle).
 *
 *   node … bench/cli.ts N
 *
 * Measures: `hdnd import` of an N-row activities CSV into a SQLite file (after `hdnd init` with the
 * structure files), its wall time and the peak RSS of the CLI process; the same for N/10 rows, to see
 * whether memory grows with the file. Prints one JSON line. (`hdnd --help` start-up is timed by
 * startup.ts, against `node -e 0`.)
 *
 * The import's baseline, better-sqlite3 alone inserting the same number of rows
 * (`sqlite-ceiling.ts loop`), is timed in turns with it: one ceiling process builds its rows once,
 * then each round times the raw loop and, right after, the CLI import, so that both see the same
 * load on the machine. The ratio reported is the median of the rounds' ratios (HDND_BENCH_ROUNDS,
 * default 3); the peak RSS the highest of the rounds.
 */
import { spawn, spawnSync } from "node:child_process"
import { createInterface } from "node:readline"
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

const hdnd = (args: ReadonlyArray<string>, executable = bin) => {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ["-r", rss, executable, ...args], { cwd: work, encoding: "utf8", env: { ...process.env, LANG: "vi_VN.UTF-8" } })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`hdnd ${args.join(" ")} failed (${r.status}): ${r.stderr}`)
  const kb = Number(/HDND_MAXRSS_KB (\d+)/.exec(r.stderr)?.[1] ?? 0)
  return { ms, rssMb: kb / 1024 }
}

const importRun = async (rows: number, executable = bin) => {
  const dir = join(work, `files-${rows}`)
  const files = existsSync(join(dir, "activities.csv"))
    ? { structure: ["units", "councils", "organs", "sessions"].map((k) => join(dir, `${k}.csv`)), activities: join(dir, "activities.csv") }
    : await writeImportFiles(dir, rows)
  const db = join(work, `import-${rows}.sqlite`)
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true })
  hdnd(["init", "--db", db, "--quiet", ...files.structure], executable)
  const r = hdnd(["import", "--db", db, "--quiet", files.activities], executable)
  return { rows, ms: r.ms, rssMb: r.rssMb, rowsPerSecond: rows / (r.ms / 1000) }
}

const rounds = Math.max(1, Number(process.env.HDND_BENCH_ROUNDS ?? 3))
const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2
}

// The raw loop, served by one ceiling process (its rows are built once).
const ceiling = spawn(process.execPath, ["--expose-gc", "--max-old-space-size=8192", "--import", "tsx", "--conditions=@hdnd/source", join(here, "sqlite-ceiling.ts"), String(n), "stdin"], {
  stdio: ["pipe", "pipe", "inherit"]
})
const answers = createInterface({ input: ceiling.stdout })[Symbol.asyncIterator]()
const rawLoop = async (): Promise<{ rowsPerSecond: number; ms: number }> => {
  ceiling.stdin.write("loop\n")
  const line = await answers.next()
  if (line.done === true) throw new Error("sqlite-ceiling.ts ended early")
  return JSON.parse(line.value)
}

// HDND_BENCH_CLI_BEFORE: another bundle's hdnd.js (e.g. one built from an earlier commit), timed in
// each round too, right after this one, for a before/after ratio in the same run.
const before = process.env.HDND_BENCH_CLI_BEFORE
const turns: Array<{ raw: number; cli: number; ratio: number; rssMb: number; ms: number; before?: { cli: number; ratio: number; rssMb: number } }> = []
for (let i = 0; i < rounds; i++) {
  const raw = await rawLoop()
  const cli = await importRun(n)
  const old = before === undefined ? undefined : await importRun(n, before)
  turns.push({
    raw: raw.rowsPerSecond,
    cli: cli.rowsPerSecond,
    ratio: cli.rowsPerSecond / raw.rowsPerSecond,
    rssMb: cli.rssMb,
    ms: cli.ms,
    ...(old === undefined ? {} : { before: { cli: old.rowsPerSecond, ratio: old.rowsPerSecond / raw.rowsPerSecond, rssMb: old.rssMb } })
  })
  const was = old === undefined ? "" : `; before: ${Math.round(old.rowsPerSecond)} rows/s, ratio ${(old.rowsPerSecond / raw.rowsPerSecond).toFixed(2)}, peak RSS ${old.rssMb.toFixed(1)} MiB`
  console.error(`round ${i + 1}: raw loop ${raw.rowsPerSecond} rows/s, CLI ${Math.round(cli.rowsPerSecond)} rows/s, ratio ${(cli.rowsPerSecond / raw.rowsPerSecond).toFixed(2)}, peak RSS ${cli.rssMb.toFixed(1)} MiB${was}`)
}
ceiling.stdin.end()
const smalls: Array<{ rows: number; ms: number; rssMb: number; rowsPerSecond: number }> = []
for (let i = 0; i < rounds; i++) smalls.push(await importRun(Math.max(1, Math.floor(n / 10))))
const large = {
  rows: n,
  ms: median(turns.map((t) => t.ms)),
  rssMb: Math.max(...turns.map((t) => t.rssMb)),
  rssMbMedian: median(turns.map((t) => t.rssMb)),
  rowsPerSecond: median(turns.map((t) => t.cli)),
  rawRowsPerSecond: median(turns.map((t) => t.raw)),
  ratio: median(turns.map((t) => t.ratio)),
  ...(before === undefined ? {} : { beforeRatio: median(turns.map((t) => t.before?.ratio ?? 0)), beforeRssMb: Math.max(...turns.map((t) => t.before?.rssMb ?? 0)) }),
  rounds: turns
}
const small = {
  rows: smalls[0]?.rows ?? 0,
  ms: median(smalls.map((t) => t.ms)),
  rssMb: Math.max(...smalls.map((t) => t.rssMb)),
  rssMbMedian: median(smalls.map((t) => t.rssMb)),
  rowsPerSecond: median(smalls.map((t) => t.rowsPerSecond))
}
console.log(JSON.stringify({ large, small }))
