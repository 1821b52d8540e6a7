/**
 * Benchmark for issue #17: the national world (bench/national-world.ts) on PostgreSQL, hdnd against
 * hand-written SQL side by side in one run, in turns over rounds (medians):
 *
 * - bulk load: the store's `upsert` in batches of 50,000 against a raw `COPY` of the same rows into
 *   the same table (a fresh schema made by the store's migrations, with the structure loaded), one
 *   COPY per batch;
 * - commune-, province- and national-year tabulation: bench/world.ts's 4-dimension request over
 *   one year, through `Store.tabulate`, against the hand-written query of bench/national-sql.ts; the
 *   counts of both are checked to be equal, cell by cell, before timing;
 * - drill-down: the record ids of one cell (a traced tabulation of that council and month) against
 *   a hand-written SELECT of the same ids;
 * - peak Node memory: each tabulation once more in a child process (after a warm-up query that loads
 *   the store's structure cache), as the child's peak RSS during the query less its RSS just before
 *   it: on Linux the peak is reset before the query (`/proc/self/clear_refs`) and read after it
 *   (`VmHWM`, kept by the kernel), elsewhere `process.resourceUsage().maxRSS` is read; for the load,
 *   the largest RSS sampled every 20 ms during the load less the RSS before it.
 *
 *   node --expose-gc --import tsx --conditions=@hdnd/source bench/national.ts [--scale 0.01]
 *
 * Size: `--scale` or `HDND_BENCH_SCALE` (1 = 10,000,000 activities over ten years, the default);
 * years: `--years` or `HDND_BENCH_YEARS` (1 to 10, default 10: that many years at the same density a
 * year, counting the last loaded year or 2030); rounds: `HDND_BENCH_ROUNDS` (default 5), load rounds
 * `HDND_BENCH_LOAD_ROUNDS` (default 3 up to 1M activities, else 1); `HDND_BENCH_SCHEMA`: a schema kept
 * by an earlier run (`HDND_BENCH_KEEP=1`) with the same scale and years, measured without loading.
 * Server: `HDND_TEST_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/postgres).
 * Prints one JSON line (`{ skipped }` with a one-line reason when PostgreSQL is unreachable).
 */
import { Indicators, Tabulation } from "@hdnd/core"
import * as Effect from "effect/Effect"
import { execFileSync } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import { resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { countActivities, DEFAULT_URL, dropSchema, open, prepare, run, type Runtime } from "./national-store.js"
import { copyClient, difference, handCounts, handDrill, handYear, hdndCounts, reachable, totals } from "./national-sql.js"
import { activityBatches, buildNational, FULL_ACTIVITIES, measuredYear, type NationalWorld, scopeCouncils, type ScopeName, yearRequest, YEARS } from "./national-world.js"

const BATCH = 50_000
/** The year every tabulation counts (with fewer than five years loaded, the last loaded one: `measuredYear`). */
export const YEAR = 2030
export const SCOPES: ReadonlyArray<ScopeName> = ["commune", "province", "national"]

export interface NationalOptions {
  /** 1 = 10,000,000 activities. */
  readonly scale: number
  readonly rounds?: number
  readonly loadRounds?: number
  readonly url?: string
  /** Measure peak memory in child processes (default true). */
  readonly memory?: boolean
  /** Keep the loaded schema (its name is in the result) instead of dropping it. */
  readonly keep?: boolean
  /**
   * How many years of activities to load (1 to 10, default 10), at the same density a year: the
   * figures at 1, 3 and 10 years of issue #17's item 4. The scopes count the last loaded year, or
   * 2030 with five or more.
   */
  readonly years?: number
  /**
   * A schema loaded by an earlier run (kept with `keep`): the load is skipped (its figures are 0)
   * and the schema is never dropped. `scale` and `years` must be the ones it was loaded with.
   */
  readonly schema?: string
  readonly log?: (line: string) => void
}

export interface Timed {
  /** hdnd's median, ms. */
  readonly hdndMs: number
  /** The hand-written SQL's median, ms. */
  readonly handMs: number
}

export interface ScopeResult extends Timed {
  readonly councils: number
  /** Non-zero cells (indicator × council × kind × month × owner kind), equal on both sides. */
  readonly cells: number
  /** Each indicator's total, equal on both sides. */
  readonly totals: Record<string, number>
  readonly hdndTotals: Record<string, number>
  readonly memory?: { readonly hdndMiB: number; readonly handMiB: number; readonly hdndMaxRssMiB: number; readonly handMaxRssMiB: number }
}

export interface NationalResult {
  readonly date: string
  readonly scale: number
  /** Years of activities loaded, and the year counted. */
  readonly years: number
  readonly year: number
  readonly activities: number
  readonly councils: number
  readonly organs: number
  readonly sessions: number
  readonly rounds: number
  readonly schema: string
  readonly load: {
    readonly rounds: number
    readonly hdndRowsPerSecond: number
    readonly copyRowsPerSecond: number
    readonly hdndMemoryMiB: number
    readonly copyMemoryMiB: number
  }
  readonly scopes: Record<ScopeName, ScopeResult>
  readonly drill: Timed & { readonly cell: string; readonly records: number; readonly hdndRecords: number; readonly handRecords: number }
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6
export const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const MiB = 1024 * 1024

/** Calls `f` while sampling RSS every 20 ms: its duration is not taken here, its peak RSS over the start is. */
const sampled = async <A>(f: () => Promise<A>): Promise<{ result: A; peakMiB: number }> => {
  gc()
  const before = process.memoryUsage().rss
  let peak = before
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  try {
    const result = await f()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { result, peakMiB: (peak - before) / MiB }
  } finally {
    clearInterval(timer)
  }
}

/** hdnd's load: every batch through `Store.upsert`; the summed time of the upserts. */
const loadHdnd = async (rt: Runtime, world: NationalWorld, n: number, years: number): Promise<number> => {
  let total = 0
  for (const batch of activityBatches(world, n, BATCH, { years })) {
    const t0 = process.hrtime.bigint()
    await run(rt, (store) => store.upsert({ activities: batch }))
    total += ms(t0)
  }
  return total
}

/** The raw load: every batch with one COPY; the summed time of the COPYs (formatting included). */
const loadCopy = async (url: string, schema: string, world: NationalWorld, n: number, years: number): Promise<number> => {
  const client = await copyClient(url)
  try {
    let total = 0
    for (const batch of activityBatches(world, n, BATCH, { years })) {
      const t0 = process.hrtime.bigint()
      await client.copy(schema, batch)
      total += ms(t0)
    }
    return total
  } finally {
    await client.close()
  }
}

/** Runs the benchmark; `{ skipped }` with a one-line reason when the server cannot be reached. */
export const runNational = async (options: NationalOptions): Promise<NationalResult | { readonly skipped: string }> => {
  const url = options.url ?? DEFAULT_URL
  const log = options.log ?? ((line: string) => console.error(line))
  if (!(await reachable(url))) return { skipped: `PostgreSQL national benchmark skipped: no server at ${url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")}` }
  const years = Math.min(YEARS, Math.max(1, Math.round(options.years ?? YEARS)))
  const year = measuredYear(years, YEAR)
  const n = Math.max(1, Math.round((FULL_ACTIVITIES * options.scale * years) / YEARS))
  const rounds = options.rounds ?? 5
  const reused = options.schema
  const loadRounds = reused !== undefined ? 0 : (options.loadRounds ?? (n <= 1_000_000 ? 3 : 1))
  const world = buildNational()
  const schema = reused ?? `hdnd_national_${process.pid}`
  log(`national: ${n.toLocaleString("vi-VN")} activities over ${years} year(s), counting ${year}, ${world.councilIds.length} councils, ${world.structure.organs?.length} organs, ${world.structure.sessions?.length} sessions${reused === undefined ? "" : ` (schema ${reused}, loaded before)`}`)

  // Load, in turns: round r writes into fresh schemas, hdnd first in odd rounds, COPY first in even.
  const hdndRates: Array<number> = []
  const copyRates: Array<number> = []
  const hdndMem: Array<number> = []
  const copyMem: Array<number> = []
  let main: Runtime | undefined = reused === undefined ? undefined : open(url, reused)
  if (main !== undefined) {
    const found = await countActivities(main, schema)
    if (found !== n) {
      await main.dispose()
      throw new Error(`schema ${schema} holds ${found} activities; scale ${options.scale} over ${years} year(s) is ${n}`)
    }
  }
  for (let r = 1; r <= loadRounds; r++) {
    const hdndSchema = r === 1 ? schema : `${schema}_l${r}`
    const copySchema = `${schema}_c${r}`
    const t0 = process.hrtime.bigint()
    const hdndRt = await prepare(url, hdndSchema, world)
    const copyRt = await prepare(url, copySchema, world)
    log(`  load round ${r}: two schemas with the structure ready in ${(ms(t0) / 1000).toFixed(1)} s`)
    const steps = [
      async () => {
        const { result, peakMiB } = await sampled(() => loadHdnd(hdndRt, world, n, years))
        hdndRates.push(n / (result / 1000))
        hdndMem.push(peakMiB)
      },
      async () => {
        const { result, peakMiB } = await sampled(() => loadCopy(url, copySchema, world, n, years))
        copyRates.push(n / (result / 1000))
        copyMem.push(peakMiB)
      }
    ]
    for (const step of r % 2 === 1 ? steps : steps.reverse()) await step()
    const [a, b] = [await countActivities(hdndRt, hdndSchema), await countActivities(copyRt, copySchema)]
    if (a !== n || b !== n) throw new Error(`load round ${r}: ${a} rows through the store, ${b} by COPY; expected ${n} each`)
    log(`  load round ${r}: store ${Math.round(hdndRates.at(-1) as number)} rows/s, COPY ${Math.round(copyRates.at(-1) as number)} rows/s`)
    await dropSchema(copyRt, copySchema)
    await copyRt.dispose()
    if (r === 1) main = hdndRt
    else {
      await dropSchema(hdndRt, hdndSchema)
      await hdndRt.dispose()
    }
  }
  const rt = main as Runtime
  try {
    // Statistics and the visibility map, as a live database has them (untimed, for both sides).
    await run(rt, (_, db) => Effect.forEach(["activities", "organs", "sessions", "councils", "units"], (t) => db.query(`VACUUM ANALYZE "${schema}".${t}`), { discard: true }))

    const scopes = {} as Record<ScopeName, ScopeResult>
    let provinceTab: Tabulation.Tabulation | undefined
    for (const scope of SCOPES) {
      const request = yearRequest(world, scope, year)
      const councils = scopeCouncils(world, scope)
      const hand = handYear(schema, scope === "national" ? undefined : councils, year)
      const tabulate = () => run(rt, (store) => store.tabulate(request))
      const query = () => run(rt, (_, db) => db.query<Record<string, unknown>>(hand.text, hand.params))
      // The check, which also warms the cache.
      const tab = await tabulate()
      const handRows = await query()
      const [ours, theirs] = [hdndCounts(tab), handCounts(handRows)]
      const diff = difference(ours, theirs)
      if (diff !== undefined) throw new Error(`${scope}-year: hdnd and the hand-written SQL disagree at ${diff}`)
      if (scope === "province") provinceTab = tab
      const h: Array<number> = []
      const e: Array<number> = []
      for (let i = 0; i < rounds; i++) {
        const steps = [
          async () => {
            const t0 = process.hrtime.bigint()
            await tabulate()
            e.push(ms(t0))
          },
          async () => {
            const t0 = process.hrtime.bigint()
            await query()
            h.push(ms(t0))
          }
        ]
        for (const step of i % 2 === 0 ? steps : steps.reverse()) await step()
      }
      const memory = options.memory === false ? undefined : memoryOf(url, schema, scope, year)
      scopes[scope] = { hdndMs: median(e), handMs: median(h), councils: councils.length, cells: ours.size, totals: totals(theirs), hdndTotals: totals(ours), ...(memory === undefined ? {} : { memory }) }
      log(`  ${scope}-year: hdnd ${median(e).toFixed(1)} ms, hand-written ${median(h).toFixed(1)} ms, ${ours.size} cells agree`)
    }

    // Drill-down: the largest cell of reviews in the province-year (a council, a month, an owner kind).
    const cell = [...(provinceTab as Tabulation.Tabulation).cells.values()]
      .filter((c) => c.indicator === Indicators.ids.reviewContent)
      .reduce<Tabulation.Cell | undefined>((best, c) => (best === undefined || c.items > best.items ? c : best), undefined)
    if (cell === undefined) throw new Error("drill-down: the province-year has no review to drill into; raise the scale")
    const [council, , month, ownerKind] = cell.key as [string, string, string, string]
    const cellKey = Tabulation.cellKey(Indicators.ids.reviewContent, cell.key)
    const expected = cell.items
    const traced = { ...yearRequest(world, "province", year), indicators: [Indicators.ids.reviewContent] as const, scope: { _tag: "Councils" as const, councils: [council as never] }, period: { from: `${month}-01` as never, to: `${month}-31` as never }, trace: true }
    const drillHdnd = () => run(rt, (store) => Effect.map(store.tabulate(traced as never), (t) => t.cells.get(cellKey)?.activities ?? []))
    const hd = handDrill(schema, council, month, ownerKind)
    const drillHand = () => run(rt, (_, db) => Effect.map(db.query<{ id: string }>(hd.text, hd.params), (rows) => rows.map((r) => r.id)))
    const [ids, handIds] = [await drillHdnd(), await drillHand()]
    const same = ids.length === handIds.length && new Set([...ids, ...handIds]).size === ids.length
    if (!same || ids.length !== expected) throw new Error(`drill-down: hdnd traced ${ids.length} records, hand-written SQL ${handIds.length}, the province-year cell counts ${expected}`)
    const dh: Array<number> = []
    const de: Array<number> = []
    for (let i = 0; i < rounds; i++) {
      let t0 = process.hrtime.bigint()
      await drillHdnd()
      de.push(ms(t0))
      t0 = process.hrtime.bigint()
      await drillHand()
      dh.push(ms(t0))
    }
    log(`  drill-down (${expected} records): hdnd ${median(de).toFixed(1)} ms, hand-written ${median(dh).toFixed(1)} ms`)

    return {
      date: new Date().toISOString(),
      scale: options.scale,
      years,
      year,
      activities: n,
      councils: world.councilIds.length,
      organs: world.structure.organs?.length ?? 0,
      sessions: world.structure.sessions?.length ?? 0,
      rounds,
      schema,
      load:
        loadRounds === 0
          ? { rounds: 0, hdndRowsPerSecond: 0, copyRowsPerSecond: 0, hdndMemoryMiB: 0, copyMemoryMiB: 0 }
          : { rounds: loadRounds, hdndRowsPerSecond: median(hdndRates), copyRowsPerSecond: median(copyRates), hdndMemoryMiB: median(hdndMem), copyMemoryMiB: median(copyMem) },
      scopes,
      drill: { hdndMs: median(de), handMs: median(dh), cell: cellKey.replace(/\u001f/g, " | "), records: expected, hdndRecords: ids.length, handRecords: handIds.length }
    }
  } catch (e) {
    // A failed run keeps nothing it loaded, even when asked to keep the schema.
    if (reused === undefined) await dropSchema(rt, schema)
    throw e
  } finally {
    if (options.keep !== true && reused === undefined) await dropSchema(rt, schema)
    await rt.dispose()
  }
}

const self = fileURLToPath(import.meta.url)

/** Peak memory of one tabulation, hdnd's and the hand-written query's, each in a child process. */
const memoryOf = (url: string, schema: string, scope: ScopeName, year: number) => {
  const child = (side: "hdnd" | "hand") =>
    JSON.parse(
      (execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "--conditions=@hdnd/source", self, "memory", side, scope, schema, url, String(year)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim().split("\n").pop()) as string
    ) as { addedMiB: number; maxRssMiB: number }
  const hdnd = child("hdnd")
  const hand = child("hand")
  return { hdndMiB: hdnd.addedMiB, handMiB: hand.addedMiB, hdndMaxRssMiB: hdnd.maxRssMiB, handMaxRssMiB: hand.maxRssMiB }
}

/** The memory child: one warm-up (the commune-year, loading the structure cache), then the measured query. */
const memoryChild = async (side: "hdnd" | "hand", scope: ScopeName, schema: string, url: string, year: number) => {
  const world = buildNational()
  const rt = open(url, schema)
  const once = (s: ScopeName) => {
    const hand = handYear(schema, s === "national" ? undefined : scopeCouncils(world, s), year)
    return side === "hdnd"
      ? run(rt, (store) => Effect.map(store.tabulate(yearRequest(world, s, year)), (t) => t.cells.size))
      : run(rt, (_, db) => Effect.map(db.query(hand.text, hand.params), (rows) => rows.length))
  }
  await once("commune")
  gc()
  // Linux: reset the peak RSS (VmHWM) so that it is the query's; elsewhere the process's peak is read.
  let reset = true
  try {
    writeFileSync("/proc/self/clear_refs", "5")
  } catch {
    reset = false
  }
  const before = process.memoryUsage().rss
  await once(scope)
  const hwm = reset ? /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] : undefined
  const maxRss = (hwm === undefined ? process.resourceUsage().maxRSS : Number(hwm)) * 1024
  await rt.dispose()
  console.log(JSON.stringify({ addedMiB: (maxRss - before) / MiB, maxRssMiB: maxRss / MiB }))
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === self) {
  const args = process.argv.slice(2)
  if (args[0] === "memory") {
    await memoryChild(args[1] as "hdnd" | "hand", args[2] as ScopeName, args[3] as string, args[4] as string, Number(args[5] ?? YEAR))
  } else {
    const flag = args.indexOf("--scale")
    const scale = Number(flag >= 0 ? args[flag + 1] : (process.env.HDND_BENCH_SCALE ?? 1))
    const rounds = process.env.HDND_BENCH_ROUNDS === undefined ? undefined : Number(process.env.HDND_BENCH_ROUNDS)
    const loadRounds = process.env.HDND_BENCH_LOAD_ROUNDS === undefined ? undefined : Number(process.env.HDND_BENCH_LOAD_ROUNDS)
    const yearsFlag = args.indexOf("--years")
    const years = Number(yearsFlag >= 0 ? args[yearsFlag + 1] : (process.env.HDND_BENCH_YEARS ?? YEARS))
    const schema = process.env.HDND_BENCH_SCHEMA
    const result = await runNational({
      scale,
      years,
      ...(rounds === undefined ? {} : { rounds }),
      ...(loadRounds === undefined ? {} : { loadRounds }),
      ...(schema === undefined || schema === "" ? {} : { schema }),
      memory: process.env.HDND_BENCH_MEMORY !== "0",
      keep: process.env.HDND_BENCH_KEEP === "1"
    })
    console.log(JSON.stringify(result))
  }
}
