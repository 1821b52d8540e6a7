/**
 * Benchmark child for issue #17, item 3: bulk load into PostgreSQL through the store against a raw
 * `COPY` of the same rows.
 *
 *   node … bench/pg-load.ts N [rounds]
 *
 * One schema made by the store (its tables, keys and indexes). Each round, in turns (the order
 * rotating every round, so all see the same load on the machine), the activities table is
 * emptied and N generated activities (bench/world.ts) are loaded:
 * - **store**: `store.upsert` in batches of 50,000: validated in Node, written by the store's bulk
 *   path (one array per column, `unnest`), one transaction per batch;
 * - **copy**: `COPY activities FROM STDIN`, one statement (so one transaction) per batch of the
 *   same 50,000 rows, fed to `psql` (libpq) as COPY text that Node makes from the same records.
 * - **before**: the same store without its bulk path (`bulkMinRows: Infinity`: multi-row `INSERT`s),
 *   as it loaded before issue #17.
 * After its load the store re-imports the same N activities (upsert semantics: same ids, nothing changes).
 * After each load the table's contents are hashed: the store's and COPY's must be identical.
 *
 * `crossover` times batches of a few rows through the bulk path and through multi-row `INSERT`s,
 * in turns, to place the store's `bulkMinRows`.
 *
 * Prints one JSON line; `{ "skipped": reason }` when PostgreSQL or `psql` cannot be reached.
 */
import { Activity, Dataset, Store } from "@hdnd/core"
import { Database, Rows } from "@hdnd/store-sql"
import { PostgresStore } from "@hdnd/store-postgres"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { spawn, spawnSync } from "node:child_process"
import { buildWorld } from "./world.js"

const n = Number(process.argv[2] ?? 200_000)
const rounds = Number(process.argv[3] ?? process.env.HDND_BENCH_ROUNDS ?? 3)
const BATCH = 50_000
const url = process.env.HDND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"
const schema = `hdnd_pgload_${process.pid}`

const skip = (reason: string) => {
  console.log(JSON.stringify({ skipped: reason }))
  process.exit(0)
}
const psqlCheck = spawnSync("psql", ["-X", "-q", "-d", url, "-c", "SELECT 1"], { encoding: "utf8" })
if (psqlCheck.error !== undefined) skip(`psql not found (${psqlCheck.error.message})`)
if (psqlCheck.status !== 0) skip(`PostgreSQL not reachable at ${url}: ${psqlCheck.stderr.trim()}`)

const { ds } = buildWorld(n)
const structure: Dataset.Batch = {
  units: [...ds.units.values()],
  councils: [...ds.councils.values()],
  organs: [...ds.organs.values()],
  sessions: [...ds.sessions.values()]
}
const activities = [...ds.activities.values()]
const batches: Array<ReadonlyArray<(typeof activities)[number]>> = []
for (let i = 0; i < activities.length; i += BATCH) batches.push(activities.slice(i, i + BATCH))
const columns = Rows.layouts.activities.columns.map((c) => c.name)
const table = `"${schema}".activities`

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6
const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

/** A value in COPY's text format: `\N` for NULL; backslash, tab, newline and carriage return escaped. */
const copyValue = (v: unknown): string =>
  v === null || v === undefined ? "\\N" : String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")

/** Raw COPY: one psql session, one `COPY … FROM STDIN` per batch (each its own transaction). */
const rawCopy = (): Promise<void> =>
  new Promise((resolve, reject) => {
    const p = spawn("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url], { stdio: ["pipe", "ignore", "pipe"] })
    let stderr = ""
    p.stderr.on("data", (d) => (stderr += String(d)))
    p.on("error", reject)
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}: ${stderr}`))))
    const write = async () => {
      for (const batch of batches) {
        let chunk = `COPY ${table} (${columns.join(", ")}) FROM STDIN;\n`
        for (const a of batch) {
          chunk += Rows.toValues("activities", a).map(copyValue).join("\t") + "\n"
          if (chunk.length > 1 << 20) {
            if (!p.stdin.write(chunk)) await new Promise((r) => p.stdin.once("drain", r))
            chunk = ""
          }
        }
        chunk += "\\.\n"
        if (!p.stdin.write(chunk)) await new Promise((r) => p.stdin.once("drain", r))
      }
      p.stdin.end()
    }
    write().catch(reject)
  })

const contents = (db: Database.DatabaseService) =>
  Effect.map(
    db.query<{ n: unknown; h: string }>(`SELECT count(*) AS n, md5(string_agg(t::text, E'\\n' ORDER BY t.id)) AS h FROM ${table} t`),
    (rows) => ({ n: Number(rows[0]?.n), hash: rows[0]?.h })
  )

const program = Effect.gen(function* () {
  const store = yield* Store.Store
  const db = yield* Database.Database
  yield* store.upsert(structure)
  // The store without its bulk path (multi-row INSERTs only), as it loaded before: the third contender.
  const before = Context.get(yield* Layer.build(PostgresStore.layer({ url, schema, bulkMinRows: Number.POSITIVE_INFINITY })), Store.Store)
  const storeMs: Array<number> = []
  const copyMs: Array<number> = []
  const beforeMs: Array<number> = []
  const reimportMs: Array<number> = []
  const ratios: Array<number> = []
  const beforeRatios: Array<number> = []
  const empty = Effect.andThen(db.query(`TRUNCATE ${table} CASCADE`), db.query(`VACUUM ANALYZE ${table}`))
  const timeStore = (s: Store.StoreService, reimport: boolean) =>
    Effect.gen(function* () {
      yield* empty
      const t0 = process.hrtime.bigint()
      for (const batch of batches) yield* s.upsert({ activities: batch })
      const took = ms(t0)
      const loaded = yield* contents(db)
      if (reimport) {
        const t1 = process.hrtime.bigint()
        for (const batch of batches) {
          const result = yield* s.upsert({ activities: batch })
          if (result.unchanged !== batch.length) throw new Error(`re-import changed rows: ${JSON.stringify(result)}`)
        }
        reimportMs.push(ms(t1))
      }
      return { took, loaded }
    })
  const timeCopy = Effect.gen(function* () {
    yield* empty
    const t0 = process.hrtime.bigint()
    yield* Effect.promise(rawCopy)
    const took = ms(t0)
    return { took, loaded: yield* contents(db) }
  })
  for (let r = 0; r < rounds; r++) {
    // The three in turns, the order rotating every round.
    const turns = [
      ["store", timeStore(store, true)],
      ["copy", timeCopy],
      ["before", timeStore(before, false)]
    ] as const
    const got: Record<string, { took: number; loaded: { n: number; hash: string | undefined } }> = {}
    for (let k = 0; k < turns.length; k++) {
      const [name, effect] = turns[(r + k) % turns.length]!
      got[name] = yield* effect
    }
    const { store: s, copy: c, before: b } = got as Record<"store" | "copy" | "before", { took: number; loaded: { n: number; hash: string | undefined } }>
    if (s.loaded.n !== n || c.loaded.n !== n || s.loaded.hash !== c.loaded.hash || b.loaded.hash !== c.loaded.hash) {
      throw new Error(`the store and COPY loaded different rows: ${JSON.stringify({ store: s.loaded, copy: c.loaded, before: b.loaded })}`)
    }
    storeMs.push(s.took)
    copyMs.push(c.took)
    beforeMs.push(b.took)
    ratios.push(c.took / s.took)
    beforeRatios.push(c.took / b.took)
    const rate = (x: number) => Math.round(n / (x / 1000))
    console.error(
      `round ${r + 1}: store ${rate(s.took)} rows/s, COPY ${rate(c.took)} rows/s, ratio ${(c.took / s.took).toFixed(2)}; ` +
        `without the bulk path ${rate(b.took)} rows/s, ratio ${(c.took / b.took).toFixed(2)}`
    )
  }
  return { storeMs, copyMs, beforeMs, reimportMs, ratios, beforeRatios }
})

/** Small batches of new activities through both write paths of the store, in turns. */
const crossover = Effect.gen(function* () {
  const sizes = [4, 16, 64, 256, 1024].filter((rows) => 2 * rows <= activities.length)
  const out: Array<{ rows: number; bulkMs: number; valuesMs: number }> = []
  const bulk = yield* Layer.build(PostgresStore.layer({ url, schema, bulkMinRows: 1 }))
  const values = yield* Layer.build(PostgresStore.layer({ url, schema, bulkMinRows: Number.POSITIVE_INFINITY }))
  const db = Context.get(bulk, Database.Database)
  let next = 0
  let fresh = 0
  for (const rows of sizes) {
    const times = { bulk: [] as Array<number>, values: [] as Array<number> }
    const repeats = Math.max(3, Math.min(40, Math.floor(4000 / rows)))
    for (let i = 0; i < repeats; i++) {
      const turns: ReadonlyArray<readonly ["bulk" | "values", typeof bulk]> = i % 2 === 0 ? [["bulk", bulk], ["values", values]] : [["values", values], ["bulk", bulk]]
      for (const [name, ctx] of turns) {
        const batch = activities.slice(next, next + rows).map((a) => new Activity.Activity({ ...a, id: `x${fresh++}` as never }, { disableChecks: true }))
        next = next + 2 * rows > activities.length ? 0 : next + rows
        const t0 = process.hrtime.bigint()
        yield* Effect.provide(Effect.flatMap(Store.Store, (s) => s.upsert({ activities: batch })), ctx)
        times[name].push(ms(t0))
      }
    }
    out.push({ rows, bulkMs: median(times.bulk), valuesMs: median(times.values) })
    console.error(`crossover ${rows} rows: bulk ${median(times.bulk).toFixed(2)} ms, multi-row INSERT ${median(times.values).toFixed(2)} ms`)
  }
  yield* db.query(`DELETE FROM ${table} WHERE id LIKE 'x%'`)
  return out
})

const main = Effect.gen(function* () {
  const load = yield* program
  const cross = process.env.HDND_BENCH_CROSSOVER === "0" ? [] : yield* crossover
  return {
    n,
    batch: BATCH,
    rounds,
    ...load,
    crossover: cross,
    storeMedianMs: median(load.storeMs),
    copyMedianMs: median(load.copyMs),
    beforeMedianMs: median(load.beforeMs),
    ratio: median(load.ratios),
    beforeRatio: median(load.beforeRatios)
  }
}).pipe(Effect.ensuring(Effect.flatMap(Database.Database, (db) => db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).pipe(Effect.ignore)))

console.log(JSON.stringify(await Effect.runPromise(Effect.scoped(Effect.provide(main, PostgresStore.layer({ url, schema }))))))
