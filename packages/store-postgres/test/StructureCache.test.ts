/**
 * The structure cache under concurrency (issue #17's load test: 32 first tabulations at once each
 * loaded the national structure, about 100 s apiece). Callers that find it cold or stale at once
 * share one load; a new `structure` version still reloads; callers inside a transaction load on
 * their own, so a pool full of them never waits for a load that has no connection left.
 */
import { Council, Store } from "@hdnd/core"
import { Database, Dialect, SqlStore, Tables } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { afterAll, beforeAll, expect, it } from "vitest"
import { COUNCIL, structure } from "../../store-sqlite/test/fixtures/world.js"
import * as Client from "../src/internal/client.js"
import { describePg, TEST_URL } from "./utils/postgres.js"
import { dropSchema, newSchemaName, raw, schemaLayer } from "./utils/shared.js"

const schema = newSchemaName()
const t = Tables.tables(schema)
/** The first of the cache's load queries (one per cached collection). */
const LOAD = `SELECT * FROM ${t.units}`

interface Counted {
  /** The cache loads run so far. */
  readonly loads: () => number
  /** Makes the next loads wait this long before their first query (no connection held meanwhile). */
  readonly delayLoads: (millis: number) => void
}

/**
 * A store on the schema whose `Database` counts the cache's loads (and can slow them), on a pool of
 * `maxConnections`; `f` runs with it, and the pool is closed after.
 */
const withCountingStore = <A, E>(maxConnections: number, f: (store: Store.StoreService, counted: Counted) => Effect.Effect<A, E>): Promise<A> =>
  Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const db = yield* Client.make({ url: TEST_URL, maxConnections })
        let loads = 0
        let delay = 0
        const counting: Database.DatabaseService = {
          ...db,
          query: <R extends object>(text: string, params?: ReadonlyArray<unknown>) =>
            text === LOAD
              ? Effect.suspend(() => {
                  loads++
                  return delay > 0 ? Effect.andThen(Effect.sleep(delay), db.query<R>(text, params)) : db.query<R>(text, params)
                })
              : db.query<R>(text, params)
        }
        const store = yield* SqlStore.make({ dialect: Dialect.pg, schema }).pipe(Effect.provideService(Database.Database, counting))
        return yield* f(store, { loads: () => loads, delayLoads: (ms) => (delay = ms) })
      })
    )
  )

const councilName = (store: Store.StoreService) => Effect.map(store.get("councils", COUNCIL), (c) => c.name)

beforeAll(async () => {
  await Effect.runPromise(
    Effect.flatMap(Store.Store, (s) => s.upsert(structure())).pipe(Effect.provide(schemaLayer({ schema, drop: false })))
  )
})
afterAll(() => dropSchema(schema))

describePg("structure cache: concurrent callers share a load", () => {
  it("32 concurrent first calls on a cold cache load once; without a change they load no more; a new version loads once again", { timeout: 60_000 }, async () => {
    const r = await withCountingStore(10, (store, counted) =>
      Effect.gen(function* () {
        counted.delayLoads(200)
        const cold = yield* Effect.all(Array.from({ length: 32 }, () => councilName(store)), { concurrency: "unbounded" })
        const afterCold = counted.loads()
        const warm = yield* Effect.all(Array.from({ length: 32 }, () => councilName(store)), { concurrency: "unbounded" })
        const afterWarm = counted.loads()
        // Another process writes the structure: the version moves on, and the next callers reload, once.
        yield* Effect.promise(() =>
          raw((sql) =>
            Effect.andThen(
              sql.query(`UPDATE ${t.councils} SET name = 'HĐND tỉnh Sơn La (đổi tên)' WHERE id = $1`, [COUNCIL]),
              sql.query(`UPDATE ${t.hdnd_meta} SET v = v + 1 WHERE k = 'structure'`)
            )
          )
        )
        const stale = yield* Effect.all(Array.from({ length: 32 }, () => councilName(store)), { concurrency: "unbounded" })
        return { cold, afterCold, warm, afterWarm, stale, afterStale: counted.loads() }
      })
    )
    // Back as it was, for the other tests.
    await raw((sql) =>
      Effect.andThen(
        sql.query(`UPDATE ${t.councils} SET name = 'HĐND tỉnh Sơn La' WHERE id = $1`, [COUNCIL]),
        sql.query(`UPDATE ${t.hdnd_meta} SET v = v + 1 WHERE k = 'structure'`)
      )
    )
    expect(r.afterCold).toBe(1)
    expect(new Set(r.cold)).toEqual(new Set(["HĐND tỉnh Sơn La"]))
    expect(r.afterWarm).toBe(1)
    expect(new Set(r.warm)).toEqual(new Set(["HĐND tỉnh Sơn La"]))
    expect(r.afterStale).toBe(2)
    expect(new Set(r.stale)).toEqual(new Set(["HĐND tỉnh Sơn La (đổi tên)"]))
  })

  it("the store's own write invalidates: the next concurrent callers load once and see it", { timeout: 60_000 }, async () => {
    const r = await withCountingStore(4, (store, counted) =>
      Effect.gen(function* () {
        yield* councilName(store)
        const before = counted.loads()
        const council = yield* store.get("councils", COUNCIL)
        yield* store.upsert({ councils: [new Council.Council({ ...council, name: "HĐND tỉnh Sơn La (mới)" })] })
        counted.delayLoads(100)
        const names = yield* Effect.all(Array.from({ length: 16 }, () => councilName(store)), { concurrency: "unbounded" })
        yield* store.upsert({ councils: [council] })
        return { before, names, after: counted.loads() }
      })
    )
    expect(r.before).toBe(1)
    expect(new Set(r.names)).toEqual(new Set(["HĐND tỉnh Sơn La (mới)"]))
    // The upsert read the cache (warm) and invalidated it; the 16 callers shared one load.
    expect(r.after).toBe(2)
  })

  it("a caller interrupted while loading does not strand the callers waiting for its load", { timeout: 60_000 }, async () => {
    const r = await withCountingStore(4, (store, counted) =>
      Effect.gen(function* () {
        counted.delayLoads(500)
        const first = yield* Effect.forkChild(councilName(store))
        yield* Effect.sleep(100)
        const waiters = yield* Effect.forkChild(Effect.all(Array.from({ length: 8 }, () => councilName(store)), { concurrency: "unbounded" }))
        yield* Effect.sleep(100)
        yield* Fiber.interrupt(first)
        counted.delayLoads(0)
        return { names: yield* Fiber.join(waiters), loads: counted.loads() }
      })
    )
    expect(new Set(r.names)).toEqual(new Set(["HĐND tỉnh Sơn La"]))
    // The interrupted load, then one by a waiter for the rest.
    expect(r.loads).toBe(2)
  })

  it("transactions holding every connection of the pool do not wait for a reader's load that needs one", { timeout: 60_000 }, async () => {
    const r = await withCountingStore(2, (store, counted) =>
      Effect.gen(function* () {
        // The reader starts a load that waits before its first query, holding no connection.
        counted.delayLoads(300)
        const reader = yield* Effect.forkChild(councilName(store))
        yield* Effect.sleep(50)
        // Two transactions take both connections (the second waits for the first's write lock).
        const units = yield* Effect.all(
          Array.from({ length: 2 }, () => store.transaction(councilName(store))),
          { concurrency: "unbounded" }
        ).pipe(Effect.timeoutOption("20 seconds"))
        return { units, reader: yield* Fiber.join(reader) }
      })
    )
    expect(r.units._tag, "the transactions finished (no deadlock)").toBe("Some")
    expect(r.reader).toBe("HĐND tỉnh Sơn La")
  })
})
