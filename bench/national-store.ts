/**
 * hdnd's side of the national benchmarks (issue #17): a PostgreSQL store on a schema of its own,
 * through public APIs only (`PostgresStore.layer`, the `Store` service and the `Database` port),
 * so that the benchmarks pick up the store's improvements.
 */
import type { Errors } from "@hdnd/core"
import { Store } from "@hdnd/core"
import { PostgresStore } from "@hdnd/store-postgres"
import { Database } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import type { NationalWorld } from "./national-world.js"

/** The server: `HDND_TEST_DATABASE_URL`, or the local one. */
export const DEFAULT_URL = process.env.HDND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"

/** A store (and its `Database`) kept open across calls. */
export type Runtime = ManagedRuntime.ManagedRuntime<Store.Store | Database.Database, Errors.StoreError>

/** Opens the store on `schema` (made by its migrations when missing). */
export const open = (url: string, schema: string, maxConnections = 4): Runtime => ManagedRuntime.make(PostgresStore.layer({ url, schema, maxConnections }))

/** Runs `f` with the store and its database, as a promise (rejecting on failure). */
export const run = <A>(rt: Runtime, f: (store: Store.StoreService, db: Database.DatabaseService) => Effect.Effect<A, unknown>): Promise<A> =>
  rt.runPromise(
    Effect.gen(function* () {
      const store = yield* Store.Store
      const db = yield* Database.Database
      return yield* f(store, db)
    }) as Effect.Effect<A, never, Store.Store | Database.Database>
  )

/** A store on a new schema (its name carries the process id), with the world's structure loaded. */
export const prepare = async (url: string, schema: string, world: NationalWorld, maxConnections = 4): Promise<Runtime> => {
  const rt = open(url, schema, maxConnections)
  await run(rt, (store) => store.upsert(world.structure))
  return rt
}

/** The number of rows of `schema`.activities, with ids starting with `prefix` if given. */
export const countActivities = (rt: Runtime, schema: string, prefix?: string): Promise<number> =>
  run(rt, (_, db) =>
    Effect.map(
      db.query<{ n: unknown }>(`SELECT count(*) AS n FROM "${schema}".activities${prefix === undefined ? "" : " WHERE starts_with(id, $1)"}`, prefix === undefined ? [] : [prefix]),
      (r) => Number(r[0]?.n)
    )
  )

/** Drops a schema and everything in it. */
export const dropSchema = (rt: Runtime, schema: string): Promise<void> => run(rt, (_, db) => Effect.asVoid(db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)))
