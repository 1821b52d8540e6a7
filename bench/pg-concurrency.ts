/**
 * Load test for issue #17 (item 5): many clients at once against PostgreSQL on localhost. Each
 * client, in its own fiber over one store with a pool of as many connections as clients, runs a
 * seeded mix of province-year reads (`Store.tabulate` of bench/world.ts's 4-dimension request, for a
 * random province and year) and imports (`Store.upsert` of a batch of new activities), until it has
 * run its operations or the time is up. Reports throughput, p50/p95/p99 latency per operation
 * type, and checks that no write is lost: the activities found afterwards are exactly those of
 * the upserts that succeeded (a failed upsert writes nothing).
 *
 *   node --expose-gc --import tsx --conditions=@hdnd/source bench/pg-concurrency.ts [--scale 0.01]
 *
 * The base data is the national world at the scale (`--scale` or `HDND_BENCH_SCALE`, default 0.01:
 * 100,000 activities), loaded first through the store; `HDND_BENCH_SCHEMA` names an already loaded
 * schema to use instead (it is then kept, unless `HDND_BENCH_DROP=1`). `HDND_BENCH_CLIENTS` (32), `HDND_BENCH_OPS` (operations
 * per client, 20), `HDND_BENCH_SECONDS` (60) and `HDND_BENCH_BATCH` (rows per import, 500) set the
 * bounds, `HDND_BENCH_WRITE_SHARE` the share of imports (0.25). `HDND_BENCH_COLD=1` (or `--cold`) skips the warm-up read and reopens the store before the
 * clients start, so they all find its structure cache empty (`firstOpMs` times each client's first
 * operation). Prints one JSON line (`{ skipped }` with a one-line reason when PostgreSQL is unreachable).
 */
import * as Effect from "effect/Effect"
import { resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { reachable } from "./national-sql.js"
import { countActivities, DEFAULT_URL, dropSchema, prepare, run, type Runtime, open } from "./national-store.js"
import { activityBatches, buildNational, FIRST_YEAR, FULL_ACTIVITIES, YEARS, yearRequest } from "./national-world.js"
import { prng } from "./world.js"

export interface ConcurrencyOptions {
  /** Base data: 1 = 10,000,000 activities (ignored with `schema`). */
  readonly scale: number
  readonly clients?: number
  readonly opsPerClient?: number
  readonly maxSeconds?: number
  /** Share of operations that are imports (default 0.25). */
  readonly writeShare?: number
  readonly batchSize?: number
  /** A schema already holding the national world: used as is, and kept unless `drop`. */
  readonly schema?: string
  readonly drop?: boolean
  readonly url?: string
  /** Start the clients on a store whose structure cache is empty (no warm-up read). */
  readonly cold?: boolean
  readonly log?: (line: string) => void
}

export interface Latency {
  readonly count: number
  readonly failed: number
  readonly p50Ms: number
  readonly p95Ms: number
  readonly p99Ms: number
  readonly maxMs: number
}

export interface ConcurrencyResult {
  readonly date: string
  readonly clients: number
  readonly baseActivities: number
  readonly seconds: number
  /** Operations completed (successful or not) per second. */
  readonly throughput: number
  readonly read: Latency
  readonly write: Latency
  /** The first read, before the clients start (it loads the store's structure cache); 0 when `cold`. */
  readonly warmUpMs: number
  readonly cold: boolean
  /** Each client's first operation (on a cold store, the ones that find the cache empty). */
  readonly firstOpMs: { readonly p50: number; readonly max: number }
  /** Rows the imports that succeeded inserted (as their `UpsertResult`s say). */
  readonly rowsWritten: number
  /** Rows of the imports found in the database afterwards. */
  readonly rowsFound: number
  /** Rows of the imports that failed, found afterwards (must be 0: all or nothing). */
  readonly rowsOfFailedWrites: number
  readonly lost: number
  readonly errors: ReadonlyArray<string>
}

const BATCH = 50_000

const quantile = (sorted: ReadonlyArray<number>, q: number): number =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number)

const latency = (xs: ReadonlyArray<number>, failed: number): Latency => {
  const s = [...xs].sort((a, b) => a - b)
  return { count: s.length, failed, p50Ms: quantile(s, 0.5), p95Ms: quantile(s, 0.95), p99Ms: quantile(s, 0.99), maxMs: s.at(-1) ?? 0 }
}

/** Runs the load test; `{ skipped }` with a one-line reason when the server cannot be reached. */
export const runConcurrency = async (options: ConcurrencyOptions): Promise<ConcurrencyResult | { readonly skipped: string }> => {
  const url = options.url ?? DEFAULT_URL
  const log = options.log ?? ((line: string) => console.error(line))
  if (!(await reachable(url))) return { skipped: `PostgreSQL load test skipped: no server at ${url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")}` }
  const clients = options.clients ?? 32
  const opsPerClient = options.opsPerClient ?? 20
  const maxMs = (options.maxSeconds ?? 60) * 1000
  const writeShare = options.writeShare ?? 0.25
  const batchSize = options.batchSize ?? 500
  const world = buildNational()
  const own = options.schema === undefined
  const schema = options.schema ?? `hdnd_load_${process.pid}`
  let base = 0
  let rt: Runtime
  if (own) {
    base = Math.max(1, Math.round(FULL_ACTIVITIES * options.scale))
    rt = await prepare(url, schema, world, clients)
    for (const batch of activityBatches(world, base, BATCH)) await run(rt, (store) => store.upsert({ activities: batch }))
    log(`load test: ${base.toLocaleString("vi-VN")} base activities loaded`)
  } else {
    rt = open(url, schema, clients)
    base = await countActivities(rt, schema)
  }
  if (options.cold === true) {
    // A new store: its structure cache is empty.
    await rt.dispose()
    rt = open(url, schema, clients)
  }
  try {
    const reads: Array<number> = []
    const writes: Array<number> = []
    let readsFailed = 0
    const errors: Array<string> = []
    let inserted = 0
    const failed: Array<string> = []
    // A server app is warm: one read first loads the store's structure (units, councils, organs,
    // sessions) into its cache; timed on its own. Without it, 32 first calls at once each load it.
    const w0 = performance.now()
    if (options.cold !== true) await run(rt, (store) => Effect.asVoid(store.tabulate(yearRequest(world, "province", FIRST_YEAR))))
    const warmUpMs = options.cold === true ? 0 : performance.now() - w0
    const firsts: Array<number> = []
    const t0 = performance.now()
    const client = async (c: number) => {
      const rnd = prng(1000 + c)
      for (let k = 0; k < opsPerClient && performance.now() - t0 < maxMs; k++) {
        const start = performance.now()
        if (rnd() < writeShare) {
          const prefix = `lt${c}-${k}-`
          const [batch] = activityBatches(world, batchSize, batchSize, { seed: 100_000 + c * 1000 + k, prefix })
          try {
            const r = await run(rt, (store) => store.upsert({ activities: batch ?? [] }))
            writes.push(performance.now() - start)
            inserted += r.inserted
          } catch (e) {
            failed.push(prefix)
            errors.push(`write ${prefix}: ${String(e).split("\n")[0]}`)
          }
        } else {
          const request = yearRequest(world, "province", FIRST_YEAR + Math.floor(rnd() * YEARS), Math.floor(rnd() * world.provinces.length))
          try {
            await run(rt, (store) => Effect.asVoid(store.tabulate(request)))
            reads.push(performance.now() - start)
          } catch (e) {
            readsFailed++
            errors.push(`read: ${String(e).split("\n")[0]}`)
          }
        }
        if (k === 0) firsts.push(performance.now() - t0)
      }
    }
    await Promise.all(Array.from({ length: clients }, (_, c) => client(c)))
    const seconds = (performance.now() - t0) / 1000
    const rowsWritten = inserted
    const rowsFound = await countActivities(rt, schema, "lt")
    let rowsOfFailedWrites = 0
    for (const prefix of failed) rowsOfFailedWrites += await countActivities(rt, schema, prefix)
    const result: ConcurrencyResult = {
      date: new Date().toISOString(),
      clients,
      baseActivities: base,
      seconds,
      throughput: (reads.length + readsFailed + writes.length + failed.length) / seconds,
      read: latency(reads, readsFailed),
      write: latency(writes, failed.length),
      warmUpMs,
      cold: options.cold === true,
      firstOpMs: { p50: quantile([...firsts].sort((a, b) => a - b), 0.5), max: Math.max(0, ...firsts) },
      rowsWritten,
      rowsFound,
      rowsOfFailedWrites,
      lost: rowsWritten - (rowsFound - rowsOfFailedWrites),
      errors: errors.slice(0, 10)
    }
    log(
      `load test: ${clients} clients${options.cold === true ? ` (cold: first operations p50 ${result.firstOpMs.p50.toFixed(0)} ms, max ${result.firstOpMs.max.toFixed(0)} ms)` : ""}, ${seconds.toFixed(1)} s, ${result.throughput.toFixed(1)} ops/s; reads ${reads.length} (p50 ${result.read.p50Ms.toFixed(0)} ms, p95 ${result.read.p95Ms.toFixed(0)} ms, p99 ${result.read.p99Ms.toFixed(0)} ms), imports ${writes.length} (p50 ${result.write.p50Ms.toFixed(0)} ms, p95 ${result.write.p95Ms.toFixed(0)} ms, p99 ${result.write.p99Ms.toFixed(0)} ms); ${rowsFound} of ${rowsWritten} rows written found`
    )
    return result
  } finally {
    if (own || options.drop === true) await dropSchema(rt, schema)
    await rt.dispose()
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const flag = args.indexOf("--scale")
  const env = (name: string) => (process.env[name] === undefined ? undefined : Number(process.env[name]))
  const [clients, opsPerClient, maxSeconds, batchSize, writeShare] = [
    env("HDND_BENCH_CLIENTS"),
    env("HDND_BENCH_OPS"),
    env("HDND_BENCH_SECONDS"),
    env("HDND_BENCH_BATCH"),
    env("HDND_BENCH_WRITE_SHARE")
  ]
  const result = await runConcurrency({
    scale: Number(flag >= 0 ? args[flag + 1] : (process.env.HDND_BENCH_SCALE ?? 0.01)),
    ...(clients === undefined ? {} : { clients }),
    ...(opsPerClient === undefined ? {} : { opsPerClient }),
    ...(maxSeconds === undefined ? {} : { maxSeconds }),
    ...(batchSize === undefined ? {} : { batchSize }),
    ...(writeShare === undefined ? {} : { writeShare }),
    ...(args.includes("--cold") || process.env.HDND_BENCH_COLD === "1" ? { cold: true } : {}),
    ...(process.env.HDND_BENCH_SCHEMA === undefined ? {} : { schema: process.env.HDND_BENCH_SCHEMA, drop: process.env.HDND_BENCH_DROP === "1" })
  })
  console.log(JSON.stringify(result))
}
