/**
 * The embedded default store: a SQLite file (or `:memory:`) via better-sqlite3, with the WAL journal, foreign keys on and a busy timeout, so several processes
 * can share one file.
 *
 * @since 0.1.0
 */
import type { Registry } from "@hdnd/core"
import type { Client } from "@hdnd/core"
import { Errors, HdndClient, Store } from "@hdnd/core"
import { Database, Dialect, SqlStore } from "@hdnd/store-sql"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schedule from "effect/Schedule"
import * as Connection from "./internal/client.js"

/**
 * Options of the SQLite store.
 *
 * @since 0.1.0
 * @category models
 */
export interface SqliteStoreConfig {
  /** A file path, or `:memory:` for a private in-memory database. */
  readonly filename: string
  readonly registry?: Registry.Registry
  /** How long a writer waits for another process's lock before retrying. Default 5,000 ms. */
  readonly busyTimeoutMs?: number
  /**
   * Open the file read-only, for commands that only read: SQLite's read-only mode, no switch to
   * the WAL journal, and the schema checked instead of created or migrated (a file that needs a
   * migration fails with a `StoreError` of operation `"schema"`). The file must exist (a missing
   * one fails with operation `"missing"`); nothing is ever written to it. A WAL-journal file in a
   * folder the process may not write to (a read-only share), which SQLite cannot read in place, is
   * read from a private temporary copy. Default false.
   *
   * @since 0.2.0
   */
  readonly readonly?: boolean
  /**
   * SQLite's page cache, in MiB. Default 32: bulk imports run as fast as with 64 MiB
   * (bench/sqlite-ceiling.ts, `cache32`). A smaller cache trades speed for memory: the CLI's import
   * uses 24, which keeps a 1,000,000-row import below 200 MiB (186 MiB) and ran as fast as 32 there;
   * with 16 its inserts slowed as the table's indexes outgrew the cache (`cache16`: 35 s against the
   * loop's 25 s for 1,000,000 rows on a loaded machine).
   *
   * @since 0.2.0
   */
  readonly cacheSizeMiB?: number
  /**
   * Work on a private copy of the file, for a dry run (`hdnd validate`) that must not write to the
   * database: the file is opened read-only (it must exist and its schema be up to date, as with
   * {@link SqliteStoreConfig.readonly}), copied as it is at that moment (`VACUUM INTO`, which also
   * takes what the WAL journal holds) into a temporary folder, and the store writes (and undoes) on
   * the copy, which is removed when the layer is released. The file is never opened for writing, so
   * it may be read-only or on a read-only share. Costs a copy of the database in the temporary
   * folder (`os.tmpdir()`). Default false.
   *
   * @since 0.2.0
   */
  readonly snapshot?: boolean
  /**
   * Run a transaction nested in another (an upsert inside `Store.transaction`) without a savepoint
   * of its own: its writes simply join the enclosing transaction. A nested transaction that fails
   * after changing rows (SQLite's `total_changes()` moved; a `Store.upsert` that fails validation
   * has changed only its bookkeeping row) cannot then be undone alone: it dooms the enclosing
   * transaction, which fails at its end with a `StoreError` and is rolled back whole. Meant for units undone whole on any failure anyway, as
   * the CLI's all-or-nothing import is: SQLite copies each page a savepoint changes for the first
   * time into a statement journal, which for a 1,000,000-row import in one transaction with a
   * savepoint per batch cost about as much as the inserts themselves (bench/sqlite-ceiling.ts,
   * `cache16+savepoint` against `cache16`). Default false: nested transactions are savepoints.
   *
   * @since 0.2.0
   */
  readonly flattenNestedTransactions?: boolean
}

/**
 * The default database file of the CLI and the demo.
 *
 * @since 0.1.0
 * @category data
 */
export const DEFAULT_FILENAME = "hdnd.sqlite"

const pragmas = (database: Database.DatabaseService, config: SqliteStoreConfig) =>
  Effect.gen(function* () {
    yield* database.query(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(config.busyTimeoutMs ?? 5000))}`)
    yield* database.query("PRAGMA foreign_keys = ON")
    yield* database.query("PRAGMA synchronous = NORMAL")
    // The page cache, in KiB when negative (SqliteStoreConfig.cacheSizeMiB).
    yield* database.query(`PRAGMA cache_size = -${Math.max(1, Math.floor((config.cacheSizeMiB ?? 32) * 1024))}`)
  }).pipe(
    Effect.mapError(
      (e) =>
        new Errors.StoreError({
          operation: "open",
          vi: `không mở được tệp SQLite ${config.filename}: ${SqlStore.describeCause(e)}`,
          en: `cannot open the SQLite file ${config.filename}: ${SqlStore.describeCause(e)}`,
          cause: e
        })
    )
  )

const message = (defect: unknown): string => String((defect as { message?: unknown } | undefined)?.message ?? defect)

/** Whether `file` does not exist (not merely unreadable: a folder without permission is not "missing"). */
const isMissing = (file: string): boolean => {
  try {
    fs.statSync(file)
    return false
  } catch (e) {
    return (e as { code?: unknown }).code === "ENOENT"
  }
}

/** What better-sqlite3 threw while opening, as a `StoreError` that says what to do where it can. */
const openError = (config: SqliteStoreConfig, defect: unknown): Errors.StoreError => {
  const code = String((defect as { code?: unknown } | undefined)?.code ?? "")
  const f = config.filename
  if (config.readonly === true && /CANTOPEN/.test(code) && isMissing(f)) {
    return new Errors.StoreError({
      operation: "missing",
      vi: `không có tệp cơ sở dữ liệu ${f}; hãy kiểm tra --db, hoặc tạo cơ sở dữ liệu bằng hdnd init --db ${f}`,
      en: `there is no database file ${f}; check --db, or create the database with hdnd init --db ${f}`,
      cause: defect
    })
  }
  if (config.readonly === true && /READONLY/.test(code)) {
    // A WAL database is read through its -shm file, which SQLite must be able to create.
    return new Errors.StoreError({
      operation: "readonly",
      vi: `không đọc được tệp SQLite ${f} (${code}): tệp dùng nhật ký WAL nên SQLite cần tạo ${f}-shm bên cạnh, mà thư mục chỉ cho đọc; hãy chép tệp sang một thư mục ghi được, hoặc xin quyền ghi thư mục`,
      en: `cannot read the SQLite file ${f} (${code}): it uses the WAL journal, so SQLite must create ${f}-shm next to it, and the folder is read-only; copy the file to a writable folder, or get write access to the folder`,
      cause: defect
    })
  }
  return new Errors.StoreError({
    operation: "open",
    vi: `không mở được tệp SQLite ${f}: ${message(defect)}`,
    en: `cannot open the SQLite file ${f}: ${message(defect)}`,
    cause: defect
  })
}

/**
 * The SQLite database, opened with retries: when several processes open a brand-new file at once,
 * switching it to the WAL journal needs an exclusive lock and the driver throws `SQLITE_BUSY`
 * instead of waiting, so opening is tried again for up to a minute.
 */
const openDatabase = (config: SqliteStoreConfig) =>
  Connection.open(config.filename, { readonly: config.readonly === true, flattenNested: config.flattenNestedTransactions === true }).pipe(
    Effect.catchDefect((defect) =>
      Dialect.sqlite.isBusy(defect) ? Effect.fail(defect) : Effect.fail(openError(config, defect))
    ),
    Effect.retry({
      while: (e) => !(e instanceof Errors.StoreError),
      schedule: Schedule.min([Schedule.exponential("10 millis", 1.5), Schedule.spaced("250 millis")]).pipe(Schedule.upTo({ duration: "60 seconds" }))
    }),
    Effect.mapError((e) =>
      e instanceof Errors.StoreError
        ? e
        : new Errors.StoreError({
            operation: "open",
            vi: `tệp SQLite ${config.filename} bị tiến trình khác khóa quá lâu`,
            en: `the SQLite file ${config.filename} stayed locked by another process for too long`,
            cause: e
          })
    )
  )

/**
 * The private copy of a {@link SqliteStoreConfig.snapshot} store: the file opened read-only, its
 * schema checked, and copied with `VACUUM INTO` into a temporary folder that is removed when the
 * scope closes. Returns the copy's path.
 */
const snapshotOf = (config: SqliteStoreConfig) =>
  Effect.gen(function* () {
    const dir = yield* Effect.acquireRelease(
      Effect.try({
        try: () => fs.mkdtempSync(path.join(os.tmpdir(), "hdnd-snapshot-")),
        catch: (e) =>
          new Errors.StoreError({
            operation: "open",
            vi: `không tạo được thư mục tạm cho bản sao của ${config.filename}: ${message(e)}`,
            en: `cannot create a temporary folder for the copy of ${config.filename}: ${message(e)}`,
            cause: e
          })
      }),
      (d) => Effect.sync(() => fs.rmSync(d, { recursive: true, force: true }))
    )
    const copy = path.join(dir, "snapshot.sqlite")
    yield* Effect.scoped(
      Effect.gen(function* () {
        const { database } = yield* openDatabase({ ...config, readonly: true })
        // The read-only store checks the schema (Migrations.check): a file that needs a migration says so.
        yield* SqlStore.make({ dialect: Dialect.sqlite, readonly: true }).pipe(Effect.provideService(Database.Database, database))
        yield* database.query(`VACUUM INTO '${copy.replaceAll("'", "''")}'`).pipe(
          Effect.mapError(
            (e) =>
              new Errors.StoreError({
                operation: "open",
                vi: `không chép được ${config.filename} vào thư mục tạm: ${SqlStore.describeCause(e)}`,
                en: `cannot copy ${config.filename} into a temporary folder: ${SqlStore.describeCause(e)}`,
                cause: e
              })
          )
        )
      })
    )
    return copy
  })

/**
 * A layer providing the `Store` on a SQLite file, and the underlying `Database` (for raw SQL).
 *
 * @example
 * ```ts
 * import { MemoryStore, Store } from "@hdnd/core"
 * import { SqliteStore } from "@hdnd/store-sqlite"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.gen(function* () {
 *   const store = yield* Store.Store
 *   return store.capabilities
 * })
 * // The schema is created (or migrated) when the layer is built; ":memory:" for a private database.
 * await Effect.runPromise(Effect.provide(program, SqliteStore.layer({ filename: "hdnd.sqlite" })))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (config: SqliteStoreConfig): Layer.Layer<Store.Store | Database.Database, Errors.StoreError> =>
  Layer.effectContext(
    Effect.gen(function* () {
      const filename = config.snapshot === true && config.filename !== ":memory:" ? yield* snapshotOf(config) : config.filename
      const { database, bulk } = yield* openDatabase({ ...config, filename, readonly: config.readonly === true && config.snapshot !== true })
      yield* pragmas(database, config)
      const store = yield* SqlStore.make({
        dialect: Dialect.sqlite,
        persistent: config.filename !== ":memory:",
        bulk,
        readonly: config.readonly === true && config.snapshot !== true,
        ...(config.registry === undefined ? {} : { registry: config.registry })
      }).pipe(Effect.provideService(Database.Database, database))
      return Context.make(Store.Store, store).pipe(Context.add(Database.Database, database))
    })
  )

/**
 * Like {@link layer}, with the file name read from configuration (`HDND_SQLITE_FILE` by default,
 * falling back to {@link DEFAULT_FILENAME}).
 *
 * @example
 * ```ts
 * import { SqliteStore } from "@hdnd/store-sqlite"
 *
 * const layer = SqliteStore.layerConfig() // HDND_SQLITE_FILE, or ./hdnd.sqlite
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  filename: Config.Config<string> = Config.String("HDND_SQLITE_FILE").pipe(Config.withDefault(DEFAULT_FILENAME)),
  options: Omit<SqliteStoreConfig, "filename"> = {}
): Layer.Layer<Store.Store | Database.Database, Errors.StoreError> =>
  Layer.unwrap(
    Effect.map(
      Effect.mapError(
        filename,
        (e) => new Errors.StoreError({ operation: "open", vi: `thiếu cấu hình tệp SQLite: ${String(e)}`, en: `missing SQLite file configuration: ${String(e)}` })
      ),
      (f) => layer({ ...options, filename: f })
    )
  )

/**
 * Options of {@link openClient}: the store's options, and plugins to load (code plugins or data
 * plugin documents, as `HdndClient.open` takes them; their registry is the store's).
 *
 * @since 0.2.0
 * @category models
 */
export interface OpenClientOptions extends Omit<SqliteStoreConfig, "filename"> {
  readonly plugins?: Client.ClientOptions["plugins"]
}

/**
 * Opens the Promise client (`HdndClient`) on a SQLite file: the embedded default for apps that do
 * not use Effect. The file is `HDND_SQLITE_FILE`, or {@link DEFAULT_FILENAME} in the current
 * directory, unless given. A file that cannot be opened (a missing folder, a file that is not a
 * SQLite database) rejects with `Errors.StoreError` of code `hdnd/store/open-failed`.
 *
 * @example
 * ```ts
 * import { SqliteStore } from "@hdnd/store-sqlite"
 * import { readFile } from "node:fs/promises"
 *
 * const client = await SqliteStore.openClient() // HDND_SQLITE_FILE, or ./hdnd.sqlite
 * await client.load(JSON.parse(await readFile("data.json", "utf8"))) // a batch in its JSON encoding
 * await client.close()
 * ```
 *
 * @since 0.1.0
 * @category client
 */
export const openClient = (
  filename: string = process.env.HDND_SQLITE_FILE ?? DEFAULT_FILENAME,
  options: OpenClientOptions = {}
): Promise<HdndClient> => {
  const { plugins, ...config } = options
  return HdndClient.open({
    store: (registry) => layer({ ...config, ...(plugins === undefined ? {} : { registry }), filename }),
    ...(plugins === undefined ? {} : { plugins })
  })
}
