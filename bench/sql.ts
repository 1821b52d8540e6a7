/**
 * Benchmark child for issue #3: N generated activities in SQLite or PostgreSQL.
 *
 *   node … bench/sql.ts sqlite|pg N
 *
 * Measures: bulk upsert through the store vs a raw prepared-statement insert loop in one
 * transaction (SQLite); pushed-down tabulation vs a hand-written GROUP BY query on the same tables;
 * pushed-down tabulation vs streaming every activity into JavaScript and tabulating in memory.
 * Prints one JSON line.
 */
import { Dataset, Registry, Store, Tabulate, Tabulation } from "@hdnd/core"
import { Database, Rows } from "@hdnd/store-sql"
import { SqliteStore } from "@hdnd/store-sqlite"
import { PostgresStore } from "@hdnd/store-postgres"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Stream from "effect/Stream"
import { mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { benchRequest, buildWorld } from "./world.js"

const engine = (process.argv[2] ?? "sqlite") as "sqlite" | "pg"
const n = Number(process.argv[3] ?? 1_000_000)
const BATCH = 50_000

const { ds } = buildWorld(n)
const structure: Dataset.Batch = {
  units: [...ds.units.values()],
  councils: [...ds.councils.values()],
  organs: [...ds.organs.values()],
  sessions: [...ds.sessions.values()]
}
const activities = [...ds.activities.values()]
const request = benchRequest

const dir = mkdtempSync(join(tmpdir(), "hdnd-bench-"))
const schema = `hdnd_bench_${process.pid}`
const layer =
  engine === "sqlite"
    ? SqliteStore.layer({ filename: join(dir, "bench.sqlite") })
    : PostgresStore.layer({ url: process.env.HDND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres", schema })

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6
const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

/** The hand-written query: the same six counts over the same tables, written directly. */
const handWritten = (t: string) => `
SELECT a.council, a.kind, substr(a.date_from, 1, 7) AS month, ow.kind AS owner_kind, a.session,
  SUM(CASE WHEN a.kind = 'review' THEN 1 ELSE 0 END) AS content,
  SUM(CASE WHEN a.kind = 'supervision' AND a.mode IN ('periodic', 'ongoing') THEN 1 ELSE 0 END) AS periodic,
  SUM(CASE WHEN ow.kind = 'committee' AND (a.kind = 'survey' OR (a.kind = 'supervision' AND a.mode = 'thematic')) THEN 1 ELSE 0 END) AS survey_thematic,
  SUM(CASE WHEN a.kind = 'advisory' AND a.origin = 'assigned-by-standing' THEN 1 ELSE 0 END) AS assigned,
  SUM(CASE WHEN a.kind = 'supervision' AND ow.kind = 'plenary' THEN 1 ELSE 0 END) AS council_owned
FROM ${t}activities a JOIN ${t}organs ow ON ow.id = a.owner
WHERE a.date_from >= '2023-01-01' AND a.date_from <= '2023-12-31'
  AND (a.kind IN ('review', 'survey', 'supervision') OR (a.kind = 'advisory' AND a.origin = 'assigned-by-standing'))
GROUP BY a.council, a.kind, substr(a.date_from, 1, 7), ow.kind, a.session`

const program = Effect.gen(function* () {
  const store = yield* Store.Store
  const db = yield* Database.Database
  yield* store.upsert(structure)
  let t0 = process.hrtime.bigint()
  for (let i = 0; i < activities.length; i += BATCH) yield* store.upsert({ activities: activities.slice(i, i + BATCH) })
  const upsertMs = ms(t0)

  const check = yield* store.tabulate(request)
  const reference = Result.getOrThrow(Tabulate.tabulate(ds, Registry.builtin, request))
  if (!Tabulation.equals(check, reference)) throw new Error("pushdown differs from the reference")

  const prefix = engine === "pg" ? `"${schema}".` : ""
  const hand: Array<number> = []
  const pushed: Array<number> = []
  for (let i = 0; i < 5; i++) {
    t0 = process.hrtime.bigint()
    yield* db.query(handWritten(prefix))
    hand.push(ms(t0))
    t0 = process.hrtime.bigint()
    yield* store.tabulate(request)
    pushed.push(ms(t0))
  }
  t0 = process.hrtime.bigint()
  const streamed = yield* Stream.runCollect(store.stream("activities"))
  const copy = Dataset.apply({ ...Dataset.empty, ...Object.fromEntries(["units", "councils", "organs", "sessions"].map((k) => [k, (ds as any)[k]])) } as Dataset.Dataset, { activities: [...streamed] })
  Result.getOrThrow(Tabulate.tabulate(copy, Registry.builtin, request))
  const streamMs = ms(t0)
  if (engine === "pg") yield* db.query(`DROP SCHEMA "${schema}" CASCADE`)
  return { upsertMs, handMs: median(hand), pushdownMs: median(pushed), streamMs }
})

const raw = (): number => {
  // A raw better-sqlite3 loop: prepared single-row INSERTs of the same rows in one transaction.
  const Database = createRequire(createRequire(import.meta.url).resolve("@hdnd/store-sqlite/package.json"))("better-sqlite3")
  const db = new Database(join(dir, "bench.sqlite"))
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  db.pragma("foreign_keys = ON")
  db.pragma("cache_size = -65536")
  db.exec("DELETE FROM activities")
  const cols = Rows.layouts.activities.columns.map((c) => c.name)
  const insert = db.prepare(`INSERT INTO activities (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`)
  const t0 = process.hrtime.bigint()
  db.transaction(() => {
    for (const a of activities) insert.run(Rows.toValues("activities", a))
  })()
  const took = ms(t0)
  db.close()
  return took
}

const result = await Effect.runPromise(Effect.scoped(Effect.provide(program, layer)))
const rawMs = engine === "sqlite" ? raw() : undefined
rmSync(dir, { recursive: true, force: true })
console.log(JSON.stringify({ engine, n, ...result, rawMs }))
