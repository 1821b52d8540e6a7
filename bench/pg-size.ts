/**
 * Sizing figures for the deployment guide (docs/deployment.md): N generated activities (bench/world.ts)
 * loaded into PostgreSQL through the store, then
 *
 * - the on-disk size of every table (heap, indexes, TOAST) after `VACUUM ANALYZE`, and per million
 *   activities;
 * - the statements the store sends for a whole-table, one-year tabulation (recorded on the way to the
 *   server), each run under `EXPLAIN (ANALYZE, BUFFERS)` with the server's `work_mem` and JIT settings
 *   as given: what spilled to disk (sorts, hash aggregates, temp blocks) and what JIT cost, and how
 *   many groups (rows) each returns;
 * - a hand-written full-table aggregate, to give a scan rate (MiB of heap per second, warm cache);
 * - the time and size of a custom-format `pg_dump` of the schema.
 *
 *   node --import tsx --conditions=@hdnd/source bench/pg-size.ts [N=200000] [work_mem list=4MB,64MB]
 *
 * Prints one JSON line. The schema (`hdnd_size_<pid>`) is dropped at the end.
 */
import { Store } from "@hdnd/core"
import { PostgresStore } from "@hdnd/store-postgres"
import { Database, Dialect, SqlStore } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { benchRequest, buildWorld } from "./world.js"

const n = Number(process.argv[2] ?? 200_000)
const workMems = (process.argv[3] ?? "4MB,64MB").split(",")
const BATCH = 50_000
const url = process.env.HDND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"
const schema = `hdnd_size_${process.pid}`

const { ds } = buildWorld(n)
const structure = {
  units: [...ds.units.values()],
  councils: [...ds.councils.values()],
  organs: [...ds.organs.values()],
  sessions: [...ds.sessions.values()]
}
const activities = [...ds.activities.values()]

/** What the store sends while `recording` is on: the tabulation's statements, with their parameters. */
const recorded: Array<{ text: string; params: ReadonlyArray<unknown> }> = []
let recording = false
const recorder = Layer.effect(
  Database.Database,
  Effect.map(Database.Database, (db): Database.DatabaseService => ({
    query: (text, params = []) => {
      if (recording) recorded.push({ text, params })
      return db.query(text, params)
    },
    withTransaction: db.withTransaction
  }))
).pipe(Layer.provide(PostgresStore.layer({ url, schema, maxConnections: 2 })))
const layer = SqlStore.layer({ dialect: Dialect.pg, persistent: true, schema }).pipe(Layer.provideMerge(recorder))

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6
const MiB = 1024 * 1024
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits

interface PlanNode {
  readonly "Node Type": string
  readonly "Sort Method"?: string
  readonly "Sort Space Used"?: number
  readonly "Sort Space Type"?: string
  readonly "Disk Usage"?: number
  readonly "HashAgg Batches"?: number
  readonly "Peak Memory Usage"?: number
  readonly Plans?: ReadonlyArray<PlanNode>
}

/** The nodes of a plan that used memory or disk: sorts and hash aggregates. */
const memoryNodes = (node: PlanNode): Array<string> => [
  ...(node["Sort Method"] !== undefined ? [`Sort (${node["Sort Method"]}, ${node["Sort Space Used"]} kB ${node["Sort Space Type"]})`] : []),
  ...(node["HashAgg Batches"] !== undefined
    ? [`HashAggregate (${node["HashAgg Batches"]} batches, peak ${node["Peak Memory Usage"]} kB, disk ${node["Disk Usage"] ?? 0} kB)`]
    : []),
  ...(node.Plans ?? []).flatMap(memoryNodes)
]

const program = Effect.gen(function* () {
  const store = yield* Store.Store
  const db = yield* Database.Database
  yield* store.upsert(structure)
  let t0 = process.hrtime.bigint()
  for (let i = 0; i < activities.length; i += BATCH) yield* store.upsert({ activities: activities.slice(i, i + BATCH) })
  const loadMs = ms(t0)

  const tables = (yield* db.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = $1 ORDER BY 1`, [schema])).map((r) => r.t)
  for (const t of tables) yield* db.query(`VACUUM ANALYZE "${schema}"."${t}"`)
  const sizes = yield* db.query<{ t: string; rows: string; total: string; heap: string; indexes: string; toast: string }>(
    `SELECT c.relname AS t, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS total, pg_relation_size(c.oid) AS heap,
       pg_indexes_size(c.oid) AS indexes, COALESCE(pg_total_relation_size(NULLIF(c.reltoastrelid, 0)), 0) AS toast
     FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC`,
    [schema]
  )
  const perTable = sizes.map((s) => ({
    table: s.t,
    rows: Number(s.rows),
    totalMiB: round(Number(s.total) / MiB, 2),
    heapMiB: round(Number(s.heap) / MiB, 2),
    indexesMiB: round(Number(s.indexes) / MiB, 2),
    toastMiB: round(Number(s.toast) / MiB, 2)
  }))
  const act = sizes.find((s) => s.t === "activities")!
  const database = Number((yield* db.query<{ b: string }>(`SELECT SUM(pg_total_relation_size(c.oid)) AS b FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'r'`, [schema]))[0]!.b)

  // The store's statements for a one-year tabulation of every council (the bench request's scope is the whole province).
  recording = true
  yield* store.tabulate(benchRequest)
  recording = false
  const selects = recorded.filter((r) => /^\s*(WITH|SELECT)/i.test(r.text))
  // Rows each statement returns: the groups PostgreSQL aggregates (what work_mem must hold).
  const groups: Array<number> = []
  for (const st of selects) groups.push(Number((yield* db.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM (${st.text}) q`, st.params))[0]!.n))
  const plans: Array<Record<string, unknown>> = []
  for (const workMem of workMems) {
    for (const jit of ["on", "off"]) {
      for (const [i, s] of selects.entries()) {
        // SET LOCAL inside one transaction: the settings end with it.
        const plan = yield* db.withTransaction(
          Effect.gen(function* () {
            yield* db.query(`SET LOCAL work_mem = '${workMem}'`)
            yield* db.query(`SET LOCAL jit = ${jit}`)
            yield* db.query(s.text, s.params) // warm
            return (yield* db.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.text}`, s.params))[0]!["QUERY PLAN"]
          })
        )
        const top = (typeof plan === "string" ? JSON.parse(plan) : plan)[0] as {
          "Execution Time": number
          Plan: PlanNode & { "Temp Written Blocks"?: number }
          JIT?: { Timing?: { Total?: number } }
        }
        plans.push({
          statement: i,
          workMem,
          jit,
          executionMs: round(top["Execution Time"]),
          jitMs: round(top.JIT?.Timing?.Total ?? 0),
          tempWrittenMiB: round(((top.Plan["Temp Written Blocks"] ?? 0) * 8192) / MiB, 2),
          memory: memoryNodes(top.Plan)
        })
      }
    }
  }

  // A hand-written aggregate reading every activity (warm cache): the scan rate of this machine.
  const scan = `SELECT kind, substr(date_from, 1, 7) AS month, COUNT(*) FROM "${schema}".activities GROUP BY 1, 2`
  yield* db.query(scan)
  const scans: Array<number> = []
  for (let i = 0; i < 5; i++) {
    t0 = process.hrtime.bigint()
    yield* db.query(scan)
    scans.push(ms(t0))
  }
  const scanMs = [...scans].sort((a, b) => a - b)[2]!

  // A custom-format dump of the schema, as the deployment guide's backup command makes it.
  const dir = mkdtempSync(join(tmpdir(), "hdnd-size-"))
  t0 = process.hrtime.bigint()
  execFileSync("pg_dump", ["--format=custom", `--schema=${schema}`, `--file=${join(dir, "dump")}`, `--dbname=${url}`])
  const dump = { ms: Math.round(ms(t0)), MiB: round(statSync(join(dir, "dump")).size / MiB, 2) }
  rmSync(dir, { recursive: true, force: true })

  yield* db.query(`DROP SCHEMA "${schema}" CASCADE`)
  return {
    activities: n,
    loadRowsPerSecond: Math.round(n / (loadMs / 1000)),
    activitiesTotalMiB: round(Number(act.total) / MiB, 2),
    activitiesMiBPerMillion: round((Number(act.total) / MiB) * (1_000_000 / n)),
    bytesPerActivity: Math.round(Number(act.total) / n),
    schemaTotalMiB: round(database / MiB, 2),
    perTable,
    statements: selects.map((s) => s.text.replace(/\s+/g, " ").trim()),
    groups,
    plans,
    dump,
    scan: { ms: round(scanMs), heapMiBPerSecond: round(Number(act.heap) / MiB / (scanMs / 1000)) }
  }
})

const result = await Effect.runPromise(Effect.scoped(Effect.provide(program, layer)))
console.log(JSON.stringify(result))
