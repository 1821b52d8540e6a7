/**
 * The `SqlClient` of the SQLite store: one better-sqlite3 connection behind `@effect/sql`'s client,
 * plus a bulk writer that runs one prepared statement for many rows in a tight loop.
 *
 * It replaces `@effect/sql-sqlite-node` (of which it is a small adaptation) for one reason: that
 * package keeps its better-sqlite3 handle private, and every statement it runs goes through a few
 * microseconds of Effect machinery, which for a million single-row statements is most of the time.
 * Multi-row `INSERT … VALUES (…), (…)` statements avoid that overhead but are themselves slower in
 * SQLite than a prepared single-row statement re-run (measured 70k vs 125k rows/s on the activities
 * table; see bench/), so bulk writes need the handle.
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import * as Client from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import { SqlError } from "@effect/sql/SqlError"
import * as Statement from "@effect/sql/Statement"
import type { SqlStore } from "@hdnd/store-sql"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import * as Scope from "effect/Scope"

/** How many prepared statements are kept per connection. */
const PREPARED = 200

/** The client and its bulk writer. */
export interface SqliteConnection {
  readonly client: Client.SqlClient
  readonly bulk: SqlStore.BulkWriter
}

const failure = (message: string) => (cause: unknown) => new SqlError({ cause, message })

/**
 * Opens `filename` (WAL journal) and builds the client. Throws (as a defect) what better-sqlite3
 * throws while opening, e.g. `SQLITE_BUSY` while another process switches a new file to WAL.
 */
export const open = (filename: string): Effect.Effect<SqliteConnection, never, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function* () {
    const db = new Database(filename)
    yield* Effect.addFinalizer(() => Effect.sync(() => db.close()))
    db.pragma("journal_mode = WAL")

    // A small LRU of prepared statements, keyed by SQL text.
    const prepared = new Map<string, Database.Statement>()
    const prepare = (text: string): Database.Statement => {
      let st = prepared.get(text)
      if (st === undefined) {
        st = db.prepare(text)
        if (prepared.size >= PREPARED) prepared.delete(prepared.keys().next().value as string)
      } else prepared.delete(text)
      prepared.set(text, st)
      return st
    }

    /**
     * Starts a savepoint (a nested transaction), first releasing an earlier one of the same name.
     * `@effect/sql` starts each nested transaction with `SAVEPOINT effect_sql_<depth>` and, when it
     * succeeds, does nothing: the savepoint stays open until the outer transaction ends. An import
     * (one transaction, one nested upsert per batch) then piled up a savepoint per batch, and SQLite
     * kept journaling pages for all of them in a statement journal that only grew (~2.3 GB in a
     * temporary file for 1,000,000 activities). A savepoint of the same name still open when the
     * next one at that depth starts belongs to a nested transaction that already succeeded (one that
     * failed was rolled back to it, which changes nothing here), so releasing it, which merges its
     * changes into the enclosing transaction, is what its success means.
     */
    const savepoint = (name: string): void => {
      try {
        db.exec(`RELEASE SAVEPOINT ${name}`)
      } catch (e) {
        if (!/no such savepoint/i.test(String((e as { message?: unknown })?.message ?? e))) throw e
      }
      db.exec(`SAVEPOINT ${name}`)
    }
    const SAVEPOINT = /^SAVEPOINT (effect_sql_\d+)$/

    const run = (st: Database.Statement, params: ReadonlyArray<unknown>, raw: boolean): unknown => {
      if (st.reader) return st.all(...params)
      const result = st.run(...params)
      return raw ? result : []
    }

    const connection: Connection = {
      execute: (text, params, transformRows) =>
        Effect.try({
          try: () => {
            const rows = run(prepare(text), params, false) as ReadonlyArray<object>
            return transformRows === undefined ? rows : transformRows(rows)
          },
          catch: failure("Failed to execute statement")
        }),
      executeRaw: (text, params) => Effect.try({ try: () => run(prepare(text), params, true), catch: failure("Failed to execute statement") }),
      executeValues: (text, params) =>
        Effect.try({
          try: () => {
            const st = prepare(text)
            if (!st.reader) {
              st.run(...params)
              return []
            }
            try {
              return st.raw(true).all(...params) as ReadonlyArray<ReadonlyArray<unknown>>
            } finally {
              st.raw(false)
            }
          },
          catch: failure("Failed to execute statement")
        }),
      executeUnprepared: (text, params, transformRows) =>
        Effect.try({
          try: () => {
            const nested = SAVEPOINT.exec(text)
            if (nested !== null && params.length === 0) {
              savepoint(nested[1] as string)
              return []
            }
            const rows = run(db.prepare(text), params, false) as ReadonlyArray<object>
            return transformRows === undefined ? rows : transformRows(rows)
          },
          catch: failure("Failed to execute statement")
        }),
      executeStream: () => Effect.dieMessage("executeStream is not implemented for SQLite") as never
    }

    // One connection: plain statements and transactions take turns on it.
    const semaphore = yield* Effect.makeSemaphore(1)
    const acquirer = semaphore.withPermits(1)(Effect.succeed(connection))
    const transactionAcquirer = Effect.uninterruptibleMask((restore) =>
      Effect.as(
        Effect.zipRight(
          restore(semaphore.take(1)),
          Effect.tap(Effect.scope, (scope) => Scope.addFinalizer(scope, semaphore.release(1)))
        ),
        connection
      )
    )
    const client = yield* Client.make({
      acquirer,
      transactionAcquirer,
      compiler: Statement.makeCompilerSqlite(),
      spanAttributes: [["db.system.name", "sqlite"]]
    })
    const bulk: SqlStore.BulkWriter = {
      runMany: (text, rows) =>
        Effect.try({
          try: () => {
            const st = prepare(text)
            for (const r of rows) st.run(...r)
          },
          catch: failure("Failed to execute statement")
        })
    }
    return { client, bulk }
  })
