/**
 * Persistence and migrations of the SQLite store: data outlives the layer that wrote it; a file
 * written by a newer hdnd is refused with a clear bilingual error and left untouched; an empty or
 * older file is migrated.
 */
import { CalendarDate, Dataset, Errors, Indicators, Programme, Recommendation, Registry, Store, Tabulate, Tabulation, TabulationRequest } from "@hdnd/core"
import { Dialect, Migrations, Rows, Tables } from "@hdnd/store-sql"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Result from "effect/Result"
import * as Stream from "effect/Stream"
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteStore } from "../src/index.js"
import { openRaw, tempDir } from "./fixtures/child.js"
import { activity, batch, COUNCIL, ORGANS, structure } from "./fixtures/world.js"

const run = <A, E>(file: string, program: Effect.Effect<A, E, Store.Store>) =>
  Effect.runPromise(Effect.provide(program, SqliteStore.layer({ filename: file })))

const runExit = <A, E>(file: string, program: Effect.Effect<A, E, Store.Store>) =>
  Effect.runPromiseExit(Effect.provide(program, SqliteStore.layer({ filename: file })))

const dirs: Array<string> = []
const fresh = (name: string) => {
  const dir = tempDir("hdnd-persist-")
  dirs.push(dir)
  return path.join(dir, name)
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

const request: TabulationRequest.TabulationRequest = {
  indicators: [Indicators.ids.survey, Indicators.ids.citizenReception],
  scope: TabulationRequest.councils([COUNCIL as never]),
  period: { from: "2021-01-01" as never, to: "2024-12-31" as never },
  groupBy: ["organ", "month"]
}

/** The migration records of a file at the current schema: one per migration, in order. */
const allVersions = Migrations.migrations.map((m) => ({ version: m.version }))

const rawRows = (file: string, sql: string) => {
  const db = openRaw(file)
  try {
    return db.prepare(sql).all()
  } finally {
    db.close()
  }
}

/** The StoreError an exit failed with (a typed failure, not a defect). */
const storeErrorOf = (exit: Exit.Exit<unknown, unknown>): Errors.StoreError => {
  if (Exit.isSuccess(exit)) throw new Error("opening must fail, but it succeeded")
  const failures = exit.cause.reasons.filter(Cause.isFailReason).map((r) => r.error)
  expect(failures, `a typed failure, not a defect: ${Cause.pretty(exit.cause)}`).toHaveLength(1)
  expect(failures[0]).toBeInstanceOf(Errors.StoreError)
  return failures[0] as Errors.StoreError
}

describe("SQLite persistence", () => {
  it("keeps what one layer wrote for the next layer on the same file", async () => {
    const file = fresh("persist.sqlite")
    const first = await run(
      file,
      Effect.gen(function* () {
        const store = yield* Store.Store
        expect(store.capabilities.persistent).toBe(true)
        yield* store.upsert(structure())
        return yield* store.upsert(batch(1, 300))
      })
    )
    expect(first).toEqual({ inserted: 300, updated: 0, unchanged: 0 })
    // A second layer, after the first was closed: everything is there, identical.
    await run(
      file,
      Effect.gen(function* () {
        const store = yield* Store.Store
        expect(yield* store.count("activities")).toBe(300)
        expect(yield* store.count("organs")).toBe(ORGANS.length)
        expect(yield* store.get("activities", "b1-a17")).toEqual(activity(1, 17))
        const streamed = yield* Stream.runCollect(store.stream("activities"))
        expect(streamed.length).toBe(300)
        const got = yield* store.tabulate(request)
        const want = Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch({ ...structure(), ...batch(1, 300) }), Registry.builtin, request))
        if (!Tabulation.equals(got, want)) expect(Tabulation.toCanonical(got)).toEqual(Tabulation.toCanonical(want))
        // Re-sending finds it unchanged; a second batch is added to it.
        expect(yield* store.upsert(batch(1, 300))).toEqual({ inserted: 0, updated: 0, unchanged: 300 })
        yield* store.upsert(batch(2, 200))
      })
    )
    // And a third layer sees both batches.
    expect(await run(file, Effect.flatMap(Store.Store, (s) => s.count("activities")))).toBe(500)
    expect(rawRows(file, "SELECT version FROM hdnd_migrations ORDER BY version")).toEqual(allVersions)
  })

  it("says an in-memory database is not persistent", async () => {
    const persistent = await Effect.runPromise(Effect.provide(Effect.map(Store.Store, (s) => s.capabilities.persistent), SqliteStore.layer({ filename: ":memory:" })))
    expect(persistent).toBe(false)
  })
})

describe("SQLite migrations", () => {
  const newer = Migrations.SCHEMA_VERSION + 1

  const expectNewerRefused = (error: Errors.StoreError) => {
    expect(error._tag).toBe("StoreError")
    expect(error.operation).toBe("open")
    expect(error.en).toContain("written by a newer hdnd")
    expect(error.en).toContain(`v${newer}`)
    expect(error.vi).toContain("phiên bản hdnd mới hơn")
    expect(error.vi).toContain(`v${newer}`)
    expect(error.message).toContain("mới hơn")
    expect(error.message).toContain("newer hdnd")
  }

  it("refuses a file written by a newer hdnd, with a bilingual error, and leaves it untouched", async () => {
    const file = fresh("newer.sqlite")
    await run(file, Effect.flatMap(Store.Store, (s) => Effect.andThen(s.upsert(structure()), s.upsert(batch(3, 50)))))
    const db = openRaw(file)
    db.prepare("INSERT INTO hdnd_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(newer, "from the future", "2099-01-01T00:00:00.000Z")
    db.close()

    const exit = await runExit(file, Effect.flatMap(Store.Store, (s) => s.count("activities")))
    expectNewerRefused(storeErrorOf(exit))
    // Nothing was changed: the newer version stays recorded and the data is there.
    expect(rawRows(file, "SELECT version FROM hdnd_migrations ORDER BY version")).toEqual([...allVersions, { version: newer }])
    expect(rawRows(file, "SELECT COUNT(*) AS c FROM activities")).toEqual([{ c: 50 }])
  })

  it("refuses a file holding only a newer migration record, and creates no tables in it", async () => {
    const file = fresh("newer-only.sqlite")
    fs.writeFileSync(file, "")
    const raw = openRaw(file)
    raw.exec("CREATE TABLE hdnd_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    raw.prepare("INSERT INTO hdnd_migrations VALUES (?, ?, ?)").run(newer + 5, "far future", "2099-01-01")
    raw.close()
    const exit = await runExit(file, Effect.flatMap(Store.Store, (s) => s.count("activities")))
    const error = storeErrorOf(exit)
    expect(error.en).toContain("written by a newer hdnd")
    expect(error.vi).toContain("mới hơn")
    expect(rawRows(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).toEqual([{ name: "hdnd_migrations" }])
  })

  it("migrates an empty file", async () => {
    const file = fresh("empty.sqlite")
    fs.writeFileSync(file, "")
    const r = await run(file, Effect.flatMap(Store.Store, (s) => Effect.andThen(s.upsert(structure()), s.upsert(batch(4, 20)))))
    expect(r.inserted).toBe(20)
    expect(rawRows(file, "SELECT version FROM hdnd_migrations ORDER BY version")).toEqual(allVersions)
  })

  it("migrates an older file (an empty migration table, another application's table) and keeps what is there", async () => {
    const file = fresh("older.sqlite")
    fs.writeFileSync(file, "")
    const raw = openRaw(file)
    raw.exec("CREATE TABLE hdnd_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    raw.exec("CREATE TABLE ghi_chu_rieng (x TEXT)")
    raw.prepare("INSERT INTO ghi_chu_rieng VALUES (?)").run("dữ liệu của ứng dụng khác")
    raw.close()
    await run(file, Effect.flatMap(Store.Store, (s) => Effect.andThen(s.upsert(structure()), s.upsert(batch(5, 20)))))
    expect(rawRows(file, "SELECT version FROM hdnd_migrations ORDER BY version")).toEqual(allVersions)
    expect(rawRows(file, "SELECT x FROM ghi_chu_rieng")).toEqual([{ x: "dữ liệu của ứng dụng khác" }])
    // Opening again migrates nothing more.
    expect(await run(file, Effect.flatMap(Store.Store, (s) => s.count("activities")))).toBe(20)
    expect(rawRows(file, "SELECT COUNT(*) AS c FROM hdnd_migrations")).toEqual([{ c: Migrations.SCHEMA_VERSION }])
  })

  it("upgrades a version 1 file (before recommendations and programmes) and keeps its data", async () => {
    const file = fresh("v1.sqlite")
    fs.writeFileSync(file, "")
    // A file as hdnd wrote it at schema v1: its tables, its migration record and records in them.
    const raw = openRaw(file)
    const t = Tables.tables()
    raw.exec("CREATE TABLE hdnd_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    const v1 = Migrations.migrations[0]!
    expect(v1.version).toBe(1)
    for (const statement of v1.statements(t, Dialect.sqlite)) raw.exec(statement)
    raw.prepare("INSERT INTO hdnd_migrations VALUES (?, ?, ?)").run(1, v1.name, "2025-01-01T00:00:00.000Z")
    const old = { ...structure(), ...batch(6, 30) }
    for (const kind of Dataset.entityKinds) {
      const records = (old[kind] ?? []) as ReadonlyArray<unknown>
      if (records.length === 0) continue
      // Only the columns a v1 table has (later migrations add some, such as activities.participants).
      const v1Columns = new Set((raw.prepare(`PRAGMA table_info(${Rows.layouts[kind].table})`).all() as Array<{ name: string }>).map((c) => c.name))
      const kept = Rows.layouts[kind].columns.flatMap((c, i) => (v1Columns.has(c.name) ? [[c.name, i] as const] : []))
      const insert = raw.prepare(`INSERT INTO ${Rows.layouts[kind].table} (${kept.map(([n]) => n).join(", ")}) VALUES (${kept.map(() => "?").join(", ")})`)
      for (const r of records) {
        const values = Rows.toValues(kind, r)
        insert.run(...kept.map(([, i]) => values[i]))
      }
    }
    raw.close()
    expect(rawRows(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'recommendations'")).toEqual([])

    const d = CalendarDate.date
    const rec = new Recommendation.Recommendation({
      id: "kn-1" as never,
      council: COUNCIL as never,
      kind: "recommendation",
      raisedBy: ORGANS[2] as never,
      activity: "b6-a3" as never,
      raisedOn: d("2023-03-01"),
      content: "Đề nghị bố trí vốn sửa chữa trường học",
      field: "Giáo dục – Đào tạo",
      level: "province",
      addressee: { kind: "committee", name: "Ban Văn hóa - Xã hội", organ: ORGANS[4] as never }
    })
    const response = new Recommendation.Response({ id: "tl-1" as never, recommendation: rec.id, date: d("2023-04-01"), responder: "Sở Tài chính", content: "Đã bố trí vốn" })
    const programme = new Programme.Programme({ id: "ct-2023" as never, council: COUNCIL as never, organ: ORGANS[1] as never, year: 2023, title: "Chương trình công tác năm 2023" })
    const item = new Programme.ProgrammeItem({ id: "ct-2023.1" as never, programme: programme.id, kind: "survey" as never, topic: "Khảo sát trường học", quarter: 2 })
    const follow: Dataset.Batch = { recommendations: [rec], responses: [response], programmes: [programme], programmeItems: [item] }
    const result = await run(
      file,
      Effect.gen(function* () {
        const store = yield* Store.Store
        const counts = yield* Effect.all([store.count("activities"), store.count("organs"), store.count("recommendations")])
        const written = yield* store.upsert(follow)
        const got = yield* store.get("recommendations", "kn-1")
        return { counts, written, got, activity: yield* store.get("activities", "b6-a3") }
      })
    )
    expect(result.counts).toEqual([30, ORGANS.length, 0])
    expect(result.activity).toEqual(activity(6, 3))
    expect(result.written).toEqual({ inserted: 4, updated: 0, unchanged: 0 })
    expect(result.got).toEqual(rec)
    expect(rawRows(file, "SELECT version FROM hdnd_migrations ORDER BY version")).toEqual(allVersions)
    // Opening again finds everything where it was.
    expect(await run(file, Effect.flatMap(Store.Store, (s) => Effect.all([s.count("activities"), s.count("recommendations"), s.count("programmeItems")])))).toEqual([30, 1, 1])
  })
})
