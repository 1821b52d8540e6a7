/**
 * The raw SQLite ceiling for the CLI import benchmark (issue #4 §4): how fast better-sqlite3 alone
 * writes N generated activities into hdnd's own schema (the store's migrations, foreign keys on, the
 * store's pragmas), in one transaction, with no decoding, validation or Effect in the way. Not run
 * by `pnpm bench`; run it by hand to see what the import could reach on a machine:
 *
 *   node --import tsx --conditions=@hdnd/source bench/sqlite-ceiling.ts N [variant …]
 *
 * Variants (default: all): `loop` (a prepared single-row INSERT re-run per row, in file order, as the
 * store's bulk writer does), `lookup` (the same, plus the store's per-batch `SELECT … WHERE id IN`
 * of 5,000 ids to tell inserts from updates), `no-fk` (the loop with foreign keys off), `late-index`
 * (the loop without the `(council, date_from)` index, created after the rows), `sorted` (the loop
 * with the rows in id order), `multi` (50-row `INSERT … VALUES` statements), `savepoint` (the loop
 * with a savepoint per 5,000 rows, as the store's upsert inside an import's transaction makes),
 * `savepoint-memory` (the same with `temp_store = MEMORY`), `pageNk` (the loop on a file
 * with N KiB pages instead of 4, e.g. `page8k`), `cacheN` (the loop
 * with an N MiB page cache instead of the store's 64 MiB, e.g. `cache16`, `cache256`). Variants combine
 * with `+`: `cache16+savepoint` (the CLI's import before it flattened its savepoints), `+memory`
 * (`temp_store = MEMORY`), `+spN` (a savepoint per N rows). Prints one JSON line per variant:
 * rows/s, and the process's peak RSS so far. With the one variant `stdin`, runs the variant named by
 * each line of its input (bench/cli.ts times the CLI and the `loop` in turns this way).
 */
import { Dataset } from "@hdnd/core"
import { Rows } from "@hdnd/store-sql"
import { SqliteStore } from "@hdnd/store-sqlite"
import * as Effect from "effect/Effect"
import { Store } from "@hdnd/core"
import { mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { buildWorld } from "./world.js"

const n = Number(process.argv[2] ?? 1_000_000)
const all = ["loop", "lookup", "savepoint", "savepoint-memory", "no-fk", "late-index", "sorted", "multi", "cache32", "cache256"]
const variants = process.argv.length > 3 ? process.argv.slice(3) : all
const { ds } = buildWorld(n, 7)
const structure: Dataset.Batch = {
  units: [...ds.units.values()],
  councils: [...ds.councils.values()],
  organs: [...ds.organs.values()],
  sessions: [...ds.sessions.values()]
}
const rows = [...ds.activities.values()].map((a) => Rows.toValues("activities", a))
const Database = createRequire(createRequire(import.meta.url).resolve("@hdnd/store-sqlite/package.json"))("better-sqlite3")
const cols = Rows.layouts.activities.columns.map((c) => c.name)
const one = `(${cols.map(() => "?").join(", ")})`

const run = async (name: string) => {
  // Variants combine with "+" (e.g. `cache16+savepoint`): each part applies as it would alone.
  const parts = name.split("+")
  const has = (v: string) => parts.includes(v)
  const variant = parts.find((p) => !/^cache\d+$/.test(p) && !/^page\d+k$/.test(p) && p !== "memory" && !/^sp\d+$/.test(p)) ?? "loop"
  const spSize = Number(parts.find((p) => /^sp\d+$/.test(p))?.slice(2) ?? 5000)
  const dir = mkdtempSync(join(tmpdir(), "hdnd-ceiling-"))
  const file = join(dir, "ceiling.sqlite")
  const page = /^page(\d+)k$/.exec(parts.find((p) => /^page\d+k$/.test(p)) ?? "")
  if (page !== null) {
    // A page size is set on the empty file, before the store creates the schema.
    const fresh = new Database(file)
    fresh.pragma(`page_size = ${Number(page[1]) * 1024}`)
    fresh.exec("VACUUM")
    fresh.close()
  }
  // The schema and the structure, written by the store itself.
  await Effect.runPromise(Effect.scoped(Effect.provide(Effect.flatMap(Store.Store, (s) => s.upsert(structure)), SqliteStore.layer({ filename: file }))))
  const db = new Database(file)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  db.pragma(`foreign_keys = ${variant === "no-fk" ? "OFF" : "ON"}`)
  const cache = /^cache(\d+)$/.exec(parts.find((p) => /^cache\d+$/.test(p)) ?? "")
  db.pragma(`cache_size = ${cache === null ? -65536 : -1024 * Number(cache[1])}`)
  if (variant === "savepoint-memory" || has("memory")) db.pragma("temp_store = MEMORY")
  if (variant === "late-index") db.exec("DROP INDEX activities_council_date")
  const insert = db.prepare(`INSERT INTO activities (${cols.join(", ")}) VALUES ${one}`)
  const insert50 = db.prepare(`INSERT INTO activities (${cols.join(", ")}) VALUES ${Array.from({ length: 50 }, () => one).join(", ")}`)
  const lookup = db.prepare(`SELECT * FROM activities WHERE id IN (${Array.from({ length: 5000 }, () => "?").join(", ")})`)
  const input = variant === "sorted" ? [...rows].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)) : rows
  const t0 = process.hrtime.bigint()
  const c0 = process.cpuUsage()
  db.transaction(() => {
    if (variant === "multi") {
      let i = 0
      for (; i + 50 <= input.length; i += 50) insert50.run(input.slice(i, i + 50).flat())
      for (; i < input.length; i++) insert.run(input[i])
    } else {
      for (let i = 0; i < input.length; i++) {
        if (variant === "lookup" && i % 5000 === 0) {
          const ids = input.slice(i, i + 5000).map((r) => r[0])
          if (ids.length === 5000) lookup.all(ids)
        }
        if (variant.startsWith("savepoint") && i % spSize === 0) {
          if (i > 0) db.exec("RELEASE SAVEPOINT batch")
          db.exec("SAVEPOINT batch")
        }
        insert.run(input[i])
      }
      if (variant.startsWith("savepoint")) db.exec("RELEASE SAVEPOINT batch")
    }
    if (variant === "savepoint-memory" || has("memory")) db.pragma("temp_store = MEMORY")
  if (variant === "late-index") db.exec("CREATE INDEX activities_council_date ON activities (council, date_from)")
  })()
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  const cpu = process.cpuUsage(c0)
  db.close()
  rmSync(dir, { recursive: true, force: true })
  console.log(JSON.stringify({ variant: name, n, ms: Math.round(ms), rowsPerSecond: Math.round(n / (ms / 1000)), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }))
}

if (variants.length === 1 && variants[0] === "stdin") {
  // Serving bench/cli.ts: the world is built once, then one variant is run per line of input, so
  // that the CLI import and the raw loop can be timed in turns, side by side.
  for await (const line of createInterface({ input: process.stdin })) if (line.trim() !== "") await run(line.trim())
} else for (const v of variants) await run(v)
