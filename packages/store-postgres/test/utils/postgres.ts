/**
 * Test helpers: the PostgreSQL server tests run against, and a store layer in a schema of its own
 * (dropped afterwards), so tests run concurrently.
 *
 * Without a server the tests are skipped with a one-line hint, except in CI (`CI` set), where they
 * fail: CI must prove the PostgreSQL store works.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { createConnection } from "node:net"
import { randomUUID } from "node:crypto"
import { describe } from "vitest"
import type { Errors, Registry, Store } from "@hdnd/core"
import { Database } from "@hdnd/store-sql"
import { PostgresStore } from "../../src/index.js"

export const TEST_URL = process.env.HDND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"

const reachable = (url: string): Promise<boolean> =>
  new Promise((resolve) => {
    const u = new URL(url)
    const socket = createConnection({ host: u.hostname, port: Number(u.port || 5432) })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1500, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })

export const available = await reachable(TEST_URL)

if (!available && process.env.CI !== undefined) {
  throw new Error(`PostgreSQL is not reachable at ${TEST_URL}; CI must run the PostgreSQL store tests (start it with pg_ctlcluster, see .ci/run)`)
}
if (!available) {
  console.warn(`PostgreSQL tests skipped: no server at ${TEST_URL}. Start one (or set HDND_TEST_DATABASE_URL) to run them.`)
}

/** `describe` when a server is reachable, `describe.skip` otherwise (never in CI). */
export const describePg: typeof describe = (available ? describe : describe.skip) as typeof describe

/** A fresh store in a new schema, dropped when the layer is released. */
export const freshLayer = (options: { maxConnections?: number; registry?: Registry.Registry } = {}): Layer.Layer<Store.Store | Database.Database, Errors.StoreError> => {
  const schema = `hdnd_t_${randomUUID().replace(/-/g, "").slice(0, 16)}`
  const base = PostgresStore.layer({ url: TEST_URL, schema, ...options })
  const dropper = Layer.effectDiscard(
    Effect.addFinalizer(() => Effect.flatMap(Database.Database, (sql) => sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).pipe(Effect.ignore))
  )
  return Layer.provideMerge(dropper, base)
}
