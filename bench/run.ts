/**
 * `pnpm bench`: runs every benchmark in child processes and writes `bench/results.json` — an array
 * of `{ name, value, unit, baseline, ratio, target }` — and prints a table.
 *
 * Set HDND_BENCH_N to change the number of generated activities (default 1,000,000), and
 * HDND_BENCH_ONLY to run some groups only (comma-separated: tabulation, sql, pg-load, cli, startup,
 * export, national, concurrency); the other groups' earlier results are kept in results.json. The
 * PostgreSQL bulk-load group (pg-load.ts) loads min(N, 200,000) activities, or HDND_BENCH_PG_LOAD_N.
 *
 * The `national` group (issue #17) loads the national world on PostgreSQL and compares hdnd with
 * hand-written SQL (national.ts), then runs the 32-client load test on it (pg-concurrency.ts). Its
 * size is HDND_BENCH_SCALE (1 = 10,000,000 activities, the default); its entries carry their date
 * and scale. Without a PostgreSQL server it is skipped with a one-line reason. `concurrency` (only
 * when named) runs the load test alone on its own data at HDND_BENCH_SCALE (default 0.01).
 *
 * The CLI import's baseline is `sqlite-ceiling.ts loop`: better-sqlite3 alone inserting the same
 * number of rows into the same schema, timed in turns with the import by cli.ts (run that script
 * with no variant for the other write strategies it compares).
 */
import { execFileSync } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const n = Number(process.env.HDND_BENCH_N ?? 1_000_000)

const child = (script: string, ...args: Array<string>): any => childWith({}, script, ...args)

const childWith = (env: Record<string, string>, script: string, ...args: Array<string>): any => {
  const out = execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", "--import", "tsx", "--conditions=@hdnd/source", join(here, script), ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env }
  })
  return JSON.parse(out.trim().split("\n").pop() as string)
}

interface Result {
  readonly name: string
  readonly value: number
  readonly unit: string
  readonly baseline: number
  readonly ratio: number
  readonly target: string
  /** When it was measured (ISO 8601), for entries that keep it. */
  readonly date?: string
  /** The size of the national world (1 = 10,000,000 activities). */
  readonly scale?: number
  readonly details?: Record<string, unknown>
}

const only = process.env.HDND_BENCH_ONLY?.split(",").map((s) => s.trim())
// `concurrency` (the load test on its own data) runs only when asked: the national group runs it.
const want = (group: string): boolean => (only === undefined ? group !== "concurrency" : only.includes(group))
const results: Array<Result> = []
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits

if (want("tabulation")) {
  console.error(`tabulation: ${n.toLocaleString("vi-VN")} activities, 4 dimensions, 6 indicators …`)
  const t = child("tabulation.ts", "time", String(n))
  results.push({
    name: `tabulate ${n} activities × 4 dimensions (in memory) vs hand-written loop`,
    value: round(t.engineMs),
    unit: "ms",
    baseline: round(t.baselineMs),
    ratio: round(t.engineMs / t.baselineMs),
    target: "ratio <= 1.5"
  })
  const empty = child("tabulation.ts", "memory-data", "0").maxRssKb
  const data = child("tabulation.ts", "memory-data", String(n)).maxRssKb
  const withEngine = child("tabulation.ts", "memory-engine", String(n)).maxRssKb
  const raw = (data - empty) / 1024
  const peak = (withEngine - empty) / 1024
  results.push({
    name: `peak memory tabulating ${n} activities vs the raw data`,
    value: round(peak, 1),
    unit: "MiB",
    baseline: round(raw, 1),
    ratio: round(peak / raw),
    target: "ratio <= 2"
  })

}

const pgUrl = process.env.HDND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"
for (const engine of want("sql") ? (["sqlite", "pg"] as const) : []) {
  console.error(`${engine}: ${n.toLocaleString("vi-VN")} activities …`)
  let r: any
  try {
    r = child("sql.ts", engine, String(n))
  } catch (e) {
    if (engine === "pg" && process.env.CI === undefined) {
      console.error(`PostgreSQL benchmarks skipped: no server at ${pgUrl} (${String(e).split("\n")[0]})`)
      continue
    }
    throw e
  }
  const label = engine === "sqlite" ? "SQLite" : "PostgreSQL"
  results.push({
    name: `${label}: pushed-down tabulation vs hand-written GROUP BY (${n} activities)`,
    value: round(r.pushdownMs),
    unit: "ms",
    baseline: round(r.handMs),
    ratio: round(r.pushdownMs / r.handMs),
    target: "ratio <= 1.2"
  })
  results.push({
    name: `${label}: streaming all rows into memory and tabulating vs pushed down (${n} activities)`,
    value: round(r.streamMs),
    unit: "ms",
    baseline: round(r.pushdownMs),
    ratio: round(r.streamMs / r.pushdownMs),
    target: "ratio >= 5"
  })
  const rate = n / (r.upsertMs / 1000)
  results.push({
    name: `${label}: bulk upsert through the store (${n} activities, batches of 50,000)`,
    value: Math.round(rate),
    unit: "activities/s",
    baseline: r.rawMs === undefined ? 0 : Math.round(n / (r.rawMs / 1000)),
    ratio: r.rawMs === undefined ? 0 : round(r.upsertMs / r.rawMs),
    target: engine === "sqlite" ? ">= 100000 activities/s; time ratio to a raw prepared-statement loop <= 2" : "reported"
  })
}

if (want("pg-load")) {
  const loadN = Number(process.env.HDND_BENCH_PG_LOAD_N ?? Math.min(n, 200_000))
  console.error(`pg-load: ${loadN.toLocaleString("vi-VN")} activities into PostgreSQL, the store against a raw COPY, in turns …`)
  const r = child("pg-load.ts", String(loadN))
  if (r.skipped !== undefined) {
    if (process.env.CI !== undefined) throw new Error(`pg-load: ${r.skipped}`)
    console.error(`PostgreSQL bulk-load benchmark skipped: ${r.skipped}`)
  } else {
    const rate = (ms: number) => Math.round(loadN / (ms / 1000))
    results.push({
      name: `PostgreSQL: bulk load through the store (validated, batches of 50,000, all-or-nothing) vs raw COPY of the same rows (${loadN} activities, median of ${r.rounds} rounds in turns)`,
      value: rate(r.storeMedianMs),
      unit: "activities/s",
      baseline: rate(r.copyMedianMs),
      ratio: round(r.ratio),
      target: "ratio (store rows/s ÷ COPY rows/s, median of the rounds' ratios) >= 0.7"
    })
    results.push({
      name: `PostgreSQL: bulk load through the store without its bulk path (multi-row INSERTs, as before issue #17) vs raw COPY of the same rows (${loadN} activities, median of ${r.rounds} rounds in turns)`,
      value: rate(r.beforeMedianMs),
      unit: "activities/s",
      baseline: rate(r.copyMedianMs),
      ratio: round(r.beforeRatio),
      target: "reported (the path the bulk load replaces)"
    })
    const reimport = [...r.reimportMs].sort((a: number, b: number) => a - b)[Math.floor(r.reimportMs.length / 2)]
    results.push({
      name: `PostgreSQL: re-import of the same ${loadN} activities through the store (upsert, nothing changes) vs raw COPY of them into an empty table`,
      value: rate(reimport),
      unit: "activities/s",
      baseline: rate(r.copyMedianMs),
      ratio: round(r.copyMedianMs / reimport),
      target: "reported"
    })
  }
}

if (want("cli")) {
  console.error(`CLI: import of a ${n.toLocaleString("vi-VN")}-row CSV into SQLite …`)
  // The baseline, better-sqlite3 alone writing the same number of rows into the same schema
  // (sqlite-ceiling.ts loop), is timed by cli.ts in turns with the import: the medians of the rounds.
  const cli = child("cli.ts", String(n))
  results.push({
    name: `hdnd import: ${n}-row activities CSV into SQLite (the bundled CLI, all-or-nothing)`,
    value: Math.round(cli.large.rowsPerSecond),
    unit: "rows/s",
    baseline: Math.round(cli.large.rawRowsPerSecond),
    ratio: round(cli.large.ratio),
    target: "ratio (CLI rows/s ÷ raw insert loop rows/s, median of rounds timed in turns) >= 0.5"
  })
  results.push({
    name: `hdnd import: peak RSS, ${n} rows vs ${cli.small.rows} rows`,
    value: round(cli.large.rssMb, 1),
    unit: "MiB",
    baseline: round(cli.small.rssMb, 1),
    ratio: round(cli.large.rssMb / cli.small.rssMb),
    target: "< 200 MiB, not growing with the file"
  })
}

if (want("startup")) {
  console.error("startup: import(\"@hdnd/core\") and hdnd --help against node -e 0, in turns …")
  // startup.ts times each command once per round, all in turns, so that they see the same load.
  const s = child("startup.ts")
  const row = (name: string, r: { median: number }, target: string): Result => ({
    name: `${name} vs node -e 0 (median of ${s.rounds} runs, in turns)`,
    value: round(r.median, 3),
    unit: "s",
    baseline: round(s.node.median, 3),
    ratio: round(r.median / s.node.median),
    target
  })
  results.push(row('start-up: node -e \'import("@hdnd/core")\'', s.core, "<= 0.3 s on an idle 2-core machine"))
  results.push(row('start-up: import("@hdnd/core") with NODE_COMPILE_CACHE (warm)', s.coreCompileCache, "reported"))
  results.push(row('start-up: import("effect/Schema") alone, the floor under @hdnd/core', s.effectSchema, "reported"))
  results.push(row("start-up: hdnd --help (bundled CLI)", s.help, "<= 0.2 s on an idle 2-core machine"))
  results.push(row("start-up: hdnd stats --help (bundled CLI, loads the command tree)", s.subcommandHelp, "reported"))
}

if (want("export")) {
  console.error("export: a 10,000-row table and three charts in each format …")
  const e = child("export.ts", "10000")
  const bars: Record<string, string> = { docx: "< 2000 ms", xlsx: "< 2000 ms", html: "< 1000 ms (with charts)" }
  for (const [format, r] of Object.entries(e) as Array<[string, { medianMs: number; coldMs: number; bytes: number }]>) {
    results.push({
      name: `export ${format}: report with a 10,000-row table and 3 charts (median of 5 after the first; baseline: the first, loading the library; ${Math.round(r.bytes / 1024)} KiB)`,
      value: round(r.medianMs, 0),
      unit: "ms",
      baseline: round(r.coldMs, 0),
      ratio: 0,
      target: bars[format] ?? "reported"
    })
  }
}

/** The load test's entries (pg-concurrency.ts's result on `base`). */
const loadTest = (c: any, base: string, at: { date: string; scale: number }) => {
  const ops = (o: any) => ({ count: o.count, failed: o.failed, p50Ms: round(o.p50Ms), p95Ms: round(o.p95Ms), p99Ms: round(o.p99Ms), maxMs: round(o.maxMs) })
  const loadLabel = `PostgreSQL load test: ${c.clients} clients on ${base}`
  results.push({
    name: `${loadLabel}: operations per second (province-year reads and 500-row imports; p50/p95/p99 in details)`,
    value: round(c.throughput),
    unit: "ops/s",
    baseline: 0,
    ratio: 0,
    target: "reported",
    ...at,
    details: { seconds: round(c.seconds, 1), warmUpMs: round(c.warmUpMs), read: ops(c.read), write: ops(c.write) }
  })
  results.push({
    name: `${loadLabel}: imported rows found afterwards vs rows the successful imports inserted`,
    value: c.rowsFound,
    unit: "rows",
    baseline: c.rowsWritten,
    ratio: round(c.rowsFound / Math.max(1, c.rowsWritten)),
    target: "equal: no write lost",
    ...at,
    details: { lost: c.lost, rowsOfFailedWrites: c.rowsOfFailedWrites, errors: c.errors }
  })
}

if (want("concurrency")) {
  // The load test alone, on a base of its own (the national group runs it on the data it loaded).
  const scale = Number(process.env.HDND_BENCH_SCALE ?? 0.01)
  console.error(`concurrency: 32 clients on the national world at scale ${scale} …`)
  const c = child("pg-concurrency.ts", "--scale", String(scale))
  if (c.skipped !== undefined) console.error(c.skipped)
  else loadTest(c, `the national world (${c.baseActivities} activities)`, { date: c.date, scale })
}

if (want("national")) {
  const scale = Number(process.env.HDND_BENCH_SCALE ?? 1)
  console.error(`national: the national world on PostgreSQL at scale ${scale} (1 = 10,000,000 activities) …`)
  const r = childWith({ HDND_BENCH_KEEP: "1" }, "national.ts", "--scale", String(scale))
  if (r.skipped !== undefined) console.error(r.skipped)
  else {
    const n = r.activities as number
    const at = { date: r.date as string, scale }
    const label = `PostgreSQL national (${n} activities, ${r.councils} councils, ${r.sessions} sessions)`
    results.push({
      name: `${label}: bulk load, store upsert (batches of 50,000) vs raw COPY of the same rows (median of ${r.load.rounds}, in turns)`,
      value: Math.round(r.load.hdndRowsPerSecond),
      unit: "rows/s",
      baseline: Math.round(r.load.copyRowsPerSecond),
      ratio: round(r.load.hdndRowsPerSecond / r.load.copyRowsPerSecond),
      target: "ratio (store rows/s ÷ COPY rows/s) >= 0.7",
      ...at,
      details: { hdndPeakMiB: round(r.load.hdndMemoryMiB, 1), copyPeakMiB: round(r.load.copyMemoryMiB, 1) }
    })
    const bars: Record<string, string> = {
      commune: "ratio <= 1.2",
      province: "<= 200 ms end to end at full size; ratio <= 1.2",
      national: "<= 2000 ms end to end at full size; ratio <= 1.2"
    }
    for (const scope of ["commune", "province", "national"]) {
      const s = r.scopes[scope]
      results.push({
        name: `${label}: ${scope}-year tabulation, 4 dimensions, hdnd end to end vs hand-written SQL (median of ${r.rounds}, in turns; ${s.cells} cells, equal)`,
        value: round(s.hdndMs),
        unit: "ms",
        baseline: round(s.handMs),
        ratio: round(s.hdndMs / s.handMs),
        target: bars[scope] as string,
        ...at
      })
      if (s.memory !== undefined) {
        results.push({
          name: `${label}: peak Node memory of a ${scope}-year tabulation, hdnd vs the hand-written query's rows (child process, RSS over its level before)`,
          value: round(s.memory.hdndMiB, 1),
          unit: "MiB",
          baseline: round(s.memory.handMiB, 1),
          ratio: round(s.memory.hdndMiB / Math.max(s.memory.handMiB, 0.1)),
          target: scope === "national" ? "<= 300 MiB at full size" : "reported",
          ...at,
          details: { hdndMaxRssMiB: round(s.memory.hdndMaxRssMiB, 1), handMaxRssMiB: round(s.memory.handMaxRssMiB, 1) }
        })
      }
    }
    results.push({
      name: `${label}: drill-down to the ${r.drill.records} records of one cell, traced tabulation vs hand-written SELECT (median of ${r.rounds})`,
      value: round(r.drill.hdndMs),
      unit: "ms",
      baseline: round(r.drill.handMs),
      ratio: round(r.drill.hdndMs / r.drill.handMs),
      target: "reported",
      ...at
    })
    console.error("national: load test, 32 clients on the same data …")
    const c = childWith({ HDND_BENCH_SCHEMA: r.schema, HDND_BENCH_DROP: "1" }, "pg-concurrency.ts")
    loadTest(c, `the national world (${n} activities)`, at)
  }
}

if (only !== undefined && existsSync(join(here, "results.json"))) {
  // Keep the earlier results of the groups not run this time.
  const fresh = new Set(results.map((r) => r.name))
  const earlier = (JSON.parse(readFileSync(join(here, "results.json"), "utf8")) as Array<Result>).filter((r) => !fresh.has(r.name))
  results.unshift(...earlier)
}

writeFileSync(join(here, "results.json"), JSON.stringify(results, null, 2) + "\n")
const rows = results.map((r) => [r.name, `${r.value} ${r.unit}`, `${r.baseline} ${r.unit}`, String(r.ratio), r.target])
const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...[["benchmark", "value", "baseline", "ratio", "target"], ...rows].map((r) => (r[i] as string).length)))
for (const r of [["benchmark", "value", "baseline", "ratio", "target"], ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i] as number)).join("  "))
