/**
 * The database of the PostgreSQL store: a connection pool of `@effect/sql-pg`, offered as the SQL
 * store's `Database` port. This is the only file of the package that uses `effect/sql` (an unstable
 * module, whose types `@effect/sql-pg` speaks): a change there is adapted here.
 */
import * as PgClient from "@effect/sql-pg/PgClient"
import * as PgTypes from "@effect/sql-pg/PgTypes"
import { Database } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import * as Result from "effect/Result"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as Client from "effect/sql/SqlClient"
import { isSqlError, type SqlError } from "effect/sql/SqlError"

/**
 * How to connect.
 */
export interface ClientConfig {
  readonly url: string
  readonly maxConnections: number
  /** Whether the server may JIT-compile the store's queries; off by default (`jit = off` sent at connection start-up). */
  readonly jit?: boolean
  /** Whether statements are prepared (by name, per connection); on by default. */
  readonly prepare?: boolean
}

/**
 * A `text[]` parameter for the port's `query`, sent in binary (each element its UTF-8 bytes, no
 * quoting or escaping), whatever its elements: empty, all `NULL`, or text with tabs, newlines and
 * backslashes.
 */
export const textArray = (values: ReadonlyArray<string | null>): unknown => Result.getOrThrow(PgTypes.array(values, PgTypes.OID.text))

/** Effect's `SqlError` as the port's: its reason (with the driver's error as cause) becomes the cause. */
const toPortError = (e: SqlError): Database.SqlError => new Database.SqlError({ message: e.message, cause: e.reason })

/** The port over Effect's SQL client. */
const database = (client: Client.SqlClient): Database.DatabaseService => ({
  query: <A extends object>(text: string, params: ReadonlyArray<unknown> = []) =>
    Effect.mapError(client.unsafe<A>(text, params), toPortError) as Effect.Effect<ReadonlyArray<A>, Database.SqlError>,
  withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.mapError(client.withTransaction(effect), (e): E | Database.SqlError => (isSqlError(e) ? toPortError(e) : (e as E))),
  // The driver's row stream: each chunk is the rows decoded from what the socket delivered, so a
  // tabulation is fed while the server still sends (and the result is never held whole).
  queryChunks: <A extends object>(text: string, params: ReadonlyArray<unknown>, onRows: (rows: ReadonlyArray<A>) => void) =>
    Effect.mapError(
      Stream.runForEachArray(client.unsafe<A>(text, params).stream, (rows) => Effect.sync(() => onRows(rows))),
      toPortError
    )
})

/**
 * A pool of connections to the server at `url`, as the `Database` port, closed with the scope.
 * One connection is opened at once (the pool itself connects lazily), so that a server that cannot
 * be reached fails here, with the port's `SqlError`.
 */
export const make = (config: ClientConfig): Effect.Effect<Database.DatabaseService, Database.SqlError, Scope.Scope> =>
  PgClient.make({
    url: Redacted.make(config.url),
    maxConnections: config.maxConnections,
    connectTimeout: "10 seconds",
    // Dates stay ISO strings and counts plain numbers: hdnd's columns are TEXT and INTEGER.
    transformJson: false,
    // A tabulation scans many rows, so its cost passes jit_above_cost and the server compiles it:
    // 220–320 ms of a 420 ms province-year, for nothing gained on queries this short. Off for the
    // store's own sessions only (the server's settings are left alone). Asked for, nothing is sent
    // and the server's (or role's) setting applies: also the way through a pooler that refuses
    // unknown start-up parameters (PgBouncer without `ignore_startup_parameters = jit`).
    ...(config.jit === true ? {} : { startupParameters: { jit: "off" } }),
    // Named prepared statements live in one server session: a pooler in transaction mode hands the
    // next transaction another one, where they do not exist.
    ...(config.prepare === false ? { prepare: false } : {})
  }).pipe(
    Effect.tap((client) => client.unsafe("SELECT 1")),
    Effect.map(database),
    Effect.mapError(toPortError),
    Effect.provide(Reactivity.layer)
  )
