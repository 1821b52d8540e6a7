/**
 * The database of the SQLite store: one better-sqlite3 connection behind Effect's SQL client
 * (`effect/sql`), offered as the SQL store's `Database` port, plus a bulk writer that runs one
 * prepared statement for many rows in a tight loop. This is the only file of the package that uses
 * `effect/sql` (an unstable module): a change there is adapted here.
 *
 * It replaces a ready-made SQLite driver for `effect/sql` (of which it is a small adaptation) for
 * one reason: such a driver keeps its handle private, and every statement it runs goes through a
 * few microseconds of Effect machinery, which for a million single-row statements is most of the
 * time. Multi-row `INSERT … VALUES (…), (…)` statements avoid that overhead but are themselves
 * slower in SQLite than a prepared single-row statement re-run (measured 70k vs 125k rows/s on the
 * activities table; see bench/), so bulk writes need the handle.
 */
import type { SqlStore } from "@hdnd/store-sql"
import { Database as Port } from "@hdnd/store-sql"
import Database from "better-sqlite3"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Reactivity from "effect/reactivity/Reactivity"
import type * as Scope from "effect/Scope"
import * as Semaphore from "effect/Semaphore"
import * as Client from "effect/sql/SqlClient"
import type { Connection } from "effect/sql/SqlConnection"
import { classifySqliteError, isSqlError, SqlError } from "effect/sql/SqlError"
import * as Statement from "effect/sql/Statement"
import * as Stream from "effect/Stream"

/** How many prepared statements are kept per connection. */
const PREPARED = 200

/** The database port and its bulk writer. */
export interface SqliteConnection {
  readonly database: Port.DatabaseService
  readonly bulk: SqlStore.BulkWriter
}

const failure = (operation: string) => (cause: unknown) =>
  new SqlError({ reason: classifySqliteError(cause, { message: `Failed to ${operation} statement`, operation }) })

/** Effect's `SqlError` as the port's: its reason (with the driver's error as cause) becomes the cause. */
const toPortError = (e: SqlError): Port.SqlError => new Port.SqlError({ message: e.message, cause: e.reason })

/**
 * The state of an outer transaction whose nested transactions are flattened (see
 * {@link OpenOptions.flattenNested}): whether one of them failed after writing, which dooms it.
 * Provided to the outer transaction's effect; `undefined` outside one.
 */
const Flattened = Context.Reference<{ doomed: boolean } | undefined>("@hdnd/store-sqlite/Flattened", { defaultValue: () => undefined })

/** Options of {@link open}. */
export interface OpenOptions {
  readonly readonly?: boolean
  /**
   * Run nested transactions without a savepoint of their own: their statements simply join the
   * enclosing transaction. A nested transaction that fails after it (or one inside it) changed rows
   * can no longer be undone alone, so it dooms the enclosing transaction, which then fails at its
   * end and is rolled back whole. For units that are undone whole on any failure anyway (an
   * all-or-nothing import): SQLite copies every page a savepoint changes for the first time into a
   * statement journal, which for a large import cost as much as the inserts themselves
   * (bench/sqlite-ceiling.ts, `cache16+savepoint` against `cache16`).
   */
  readonly flattenNested?: boolean
}

/** Opens a file read-only and reads from it once, so that a file SQLite cannot read fails here. */
const probe = (file: string): Database.Database => {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    db.prepare("SELECT COUNT(*) FROM sqlite_master").get()
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

/**
 * Opens `filename` read-only. SQLite reads a WAL-journal file through a `-shm` file that it must be
 * able to create next to it; in a folder the process may not write to (a read-only share) it fails
 * with `SQLITE_READONLY_DIRECTORY`. The file (and its `-wal`, if any) is then copied into a private
 * temporary folder and the copy is read; `cleanup` removes it when the connection closes. Nothing is
 * ever written next to the original.
 */
const openReadonly = (filename: string): { readonly db: Database.Database; readonly cleanup: (() => void) | undefined } => {
  try {
    return { db: probe(filename), cleanup: undefined }
  } catch (e) {
    if ((e as { code?: unknown }).code !== "SQLITE_READONLY_DIRECTORY") throw e
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hdnd-readonly-"))
    const cleanup = () => fs.rmSync(dir, { recursive: true, force: true })
    try {
      const copy = path.join(dir, path.basename(filename))
      fs.copyFileSync(filename, copy)
      if (fs.existsSync(`${filename}-wal`)) fs.copyFileSync(`${filename}-wal`, `${copy}-wal`)
      return { db: probe(copy), cleanup }
    } catch {
      cleanup()
      throw e
    }
  }
}

/**
 * Opens `filename` (WAL journal; or read-only, leaving the journal mode as it is, with a first read
 * so that a file SQLite cannot read fails here) and builds the database. Throws (as a defect) what better-sqlite3
 * throws while opening, e.g. `SQLITE_BUSY` while another process switches a new file to WAL.
 */
export const open = (filename: string, options: OpenOptions = {}): Effect.Effect<SqliteConnection, never, Scope.Scope> =>
  Effect.gen(function* () {
    const readonly = options.readonly === true
    // Read-only: SQLite's read-only mode (the file must exist), and the journal mode left as it is.
    const { db, cleanup } = readonly ? openReadonly(filename) : { db: new Database(filename), cleanup: undefined }
    yield* Effect.addFinalizer(() =>
      Effect.sync(() => {
        db.close()
        cleanup?.()
      })
    )
    if (!readonly) db.pragma("journal_mode = WAL")

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

    const run = (st: Database.Statement, params: ReadonlyArray<unknown>, raw: boolean): unknown => {
      if (st.reader) return st.all(...params)
      const result = st.run(...params)
      return raw ? result : []
    }

    const values = (st: Database.Statement, params: ReadonlyArray<unknown>): ReadonlyArray<ReadonlyArray<unknown>> => {
      if (!st.reader) {
        st.run(...params)
        return []
      }
      try {
        return st.raw(true).all(...params) as ReadonlyArray<ReadonlyArray<unknown>>
      } finally {
        st.raw(false)
      }
    }

    const connection: Connection = {
      execute: (text, params, transformRows) =>
        Effect.try({
          try: () => {
            const rows = run(prepare(text), params, false) as ReadonlyArray<object>
            return transformRows === undefined ? rows : transformRows(rows)
          },
          catch: failure("execute")
        }),
      executeRaw: (text, params) => Effect.try({ try: () => run(prepare(text), params, true), catch: failure("execute") }),
      executeValues: (text, params) => Effect.try({ try: () => values(prepare(text), params), catch: failure("execute") }),
      executeValuesUnprepared: (text, params) => Effect.try({ try: () => values(db.prepare(text), params), catch: failure("execute") }),
      executeUnprepared: (text, params, transformRows) =>
        Effect.try({
          try: () => {
            const rows = run(db.prepare(text), params, false) as ReadonlyArray<object>
            return transformRows === undefined ? rows : transformRows(rows)
          },
          catch: failure("execute")
        }),
      executeStream: () => Stream.die(new Error("executeStream is not implemented for SQLite"))
    }

    // One connection: plain statements and transactions take turns on it. A COMMIT that fails (a
    // deferred foreign key) leaves SQLite's transaction open: it is rolled back before the
    // connection is used again.
    const acquirers = Client.makeSqliteAcquirers({
      connection: Effect.succeed(connection),
      semaphore: yield* Semaphore.make(1),
      isTransaction: () => db.inTransaction
    })
    const client = yield* Client.make({
      acquirer: acquirers.acquirer,
      borrower: acquirers.borrower,
      transactionAcquirer: acquirers.transactionAcquirer,
      onCommitFailure: acquirers.onCommitFailure,
      isTransaction: acquirers.isTransaction,
      compiler: Statement.makeCompilerSqlite(),
      driver: "hdnd-better-sqlite3",
      spanAttributes: [["db.system.name", "sqlite"]],
      /**
       * A nested transaction (a savepoint) that succeeded is released at once, which merges its
       * changes into the enclosing transaction. Left open until the outer transaction ends (what
       * Effect's client does without this option), an import (one transaction, one nested upsert
       * per batch) piled up a savepoint per batch, and SQLite kept journaling pages for all of them
       * in a statement journal that only grew (~2.3 GB in a temporary file for 1,000,000
       * activities).
       */
      releaseSavepoint: (name) => `RELEASE SAVEPOINT ${name}`
    }).pipe(Effect.provide(Reactivity.layer))

    const transaction = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
      Effect.mapError(client.withTransaction(effect), (e) => (isSqlError(e) ? toPortError(e) : e))
    let totalChanges: Database.Statement | undefined
    /** Rows changed on the connection since it was opened (SQLite's `total_changes()`). */
    const changes = (): number => Number((totalChanges ??= db.prepare("SELECT total_changes()").pluck()).get())
    const withTransaction: Port.DatabaseService["withTransaction"] =
      options.flattenNested !== true
        ? transaction
        : <A, E, R>(effect: Effect.Effect<A, E, R>) =>
            Effect.flatMap(Effect.service(Flattened), (outer) => {
              if (outer !== undefined) {
                // Nested: no savepoint; a failure after a change dooms the enclosing transaction.
                return Effect.suspend(() => {
                  const before = changes()
                  return Effect.onExit(effect, (exit) =>
                    Effect.sync(() => {
                      if (Exit.isFailure(exit) && changes() !== before) outer.doomed = true
                    })
                  )
                })
              }
              return Effect.suspend(() => {
                const state = { doomed: false }
                return transaction(
                  Effect.flatMap(Effect.provideService(effect, Flattened, state), (a) =>
                    state.doomed
                      ? Effect.fail(
                          new Port.SqlError({
                            message:
                              "một giao dịch lồng bên trong đã thất bại sau khi ghi, nên cả giao dịch được hoàn tác / a nested transaction failed after writing, so the whole transaction was rolled back",
                            cause: undefined
                          })
                        )
                      : Effect.succeed(a)
                  )
                )
              })
            })

    const database: Port.DatabaseService = {
      query: <A extends object>(text: string, params: ReadonlyArray<unknown> = []) =>
        Effect.mapError(client.unsafe<A>(text, params), toPortError) as Effect.Effect<ReadonlyArray<A>, Port.SqlError>,
      withTransaction
    }
    const bulk: SqlStore.BulkWriter = {
      runMany: (text, rows) =>
        Effect.try({
          try: () => {
            const st = prepare(text)
            for (const r of rows) st.run(...r)
          },
          catch: (cause) => toPortError(failure("execute")(cause))
        })
    }
    return { database, bulk }
  })
