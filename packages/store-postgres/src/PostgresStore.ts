/**
 * The store for shared deployments: PostgreSQL via `@effect/sql-pg`, configured by a connection URL
 * (`HDND_DATABASE_URL`) or options. hdnd's tables can live in their own schema.
 *
 * @since 0.1.0
 */
import type { Client as HdndClientModule, Registry } from "@hdnd/core"
import { Errors, HdndClient, Store } from "@hdnd/core"
import { Database, Dialect, SqlStore } from "@hdnd/store-sql"
import type { Migrations } from "@hdnd/store-sql"
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Client from "./internal/client.js"
import * as Loader from "./internal/loader.js"

/**
 * Options of the PostgreSQL store.
 *
 * @since 0.1.0
 * @category models
 */
export interface PostgresStoreConfig {
  /** A connection URL, e.g. `postgres://user@127.0.0.1:5432/hdnd`. */
  readonly url: string
  /**
   * The schema to keep hdnd's tables in; `public` by default. A missing schema is created, which
   * needs the CREATE privilege on the database; an existing one is only used (its owner, or a role
   * with CREATE on it, can have it migrated; with USAGE alone, one that is up to date can be opened).
   */
  readonly schema?: string
  readonly registry?: Registry.Registry
  readonly maxConnections?: number
  /**
   * Whether PostgreSQL may JIT-compile the store's queries. Off by default: the store's
   * connections start with `jit = off`, because compiling a tabulation query costs more than it
   * saves at the sizes hdnd serves (see docs/stores.md). `true` sends nothing, so the server's or
   * the role's `jit` applies (behind PgBouncer, which refuses unknown start-up parameters unless
   * told to ignore them, use `true` and `ALTER ROLE … SET jit = off`).
   *
   * @since 0.2.0
   */
  readonly jit?: boolean
  /**
   * Whether the store's statements are prepared on each connection (by name), as they are by
   * default. Set `false` behind a pooler in transaction mode (PgBouncer's `pool_mode = transaction`),
   * which gives each transaction any server session, where a statement prepared on another is
   * missing (`prepared statement "…" does not exist`); then also `jit: true` with
   * `ALTER ROLE … SET jit = off`, since such a pooler refuses start-up parameters. See
   * docs/deployment.md.
   *
   * @since 0.2.0
   */
  readonly prepare?: boolean
  /**
   * Serve reads only: the schema's version is checked (`Migrations.check`) instead of created or
   * migrated, so a read never changes the database. A schema that is missing or older fails with a
   * `StoreError` of operation `"schema"` that says to run `hdnd init` (with a writing connection).
   * The CLI's read commands (report, stats, units, recommendations, programme) set it. Default false.
   *
   * @since 0.2.0
   */
  readonly readonly?: boolean
  /**
   * Of one kind of record in a batch, at least this many rows to write are loaded in bulk: each
   * column sent as one array and spread into rows by `unnest` (see docs/postgres-scale.md), inside
   * the batch's transaction. Fewer go through multi-row `INSERT`s. Default 64 (where the two meet,
   * measured by bench/pg-load.ts); `Infinity` never loads in bulk.
   *
   * @since 0.2.0
   */
  readonly bulkMinRows?: number
  /**
   * How long a migration run at open may wait for a table lock, in milliseconds, before it gives up
   * with a `StoreError` of operation `"migrate-lock"` and changes nothing (the migrations run in one
   * transaction with `SET LOCAL lock_timeout`). On a live database a migration waiting for a lock
   * makes every query behind it wait too. Default 10,000; `0` waits for ever. See
   * docs/deployment.md.
   *
   * @since 0.2.0
   */
  readonly migrationLockTimeoutMs?: number
  /**
   * Told what opening did to the schema: `from` 0 (created), `from < to` (migrated) or `from ===
   * to` (up to date). Not called with `readonly`.
   *
   * @since 0.2.0
   */
  readonly onSchema?: (outcome: Migrations.Outcome) => void
}

const redactUrl = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")

/**
 * A layer providing the `Store` on PostgreSQL, and the underlying `Database` (for raw SQL).
 *
 * @example
 * ```ts
 * import { PostgresStore } from "@hdnd/store-postgres"
 *
 * const layer = PostgresStore.layer({ url: "postgres://hdnd@127.0.0.1:5432/hdnd", schema: "hdnd", maxConnections: 10 })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (config: PostgresStoreConfig): Layer.Layer<Store.Store | Database.Database, Errors.StoreError> =>
  Layer.effectContext(
    Effect.gen(function* () {
      const database = yield* Effect.mapError(
        Client.make({ url: config.url, maxConnections: config.maxConnections ?? 10, jit: config.jit ?? false, prepare: config.prepare ?? true }),
        (e) =>
          new Errors.StoreError({
            operation: "open",
            vi: `không kết nối được PostgreSQL tại ${redactUrl(config.url)}: ${SqlStore.describeCause(e)}. Kiểm tra máy chủ đang chạy và địa chỉ HDND_DATABASE_URL`,
            en: `cannot connect to PostgreSQL at ${redactUrl(config.url)}: ${SqlStore.describeCause(e)}. Check the server is running and HDND_DATABASE_URL`,
            cause: e
          })
      )
      const loader = Loader.make(database, Client.textArray)
      const store = yield* SqlStore.make({
        dialect: Dialect.pg,
        persistent: true,
        ...(config.readonly === true ? { readonly: true } : {}),
        loader: config.bulkMinRows === undefined ? loader : { ...loader, minRows: config.bulkMinRows },
        ...(config.schema === undefined ? {} : { schema: config.schema }),
        ...(config.migrationLockTimeoutMs === undefined ? {} : { migrationLockTimeoutMs: config.migrationLockTimeoutMs }),
        ...(config.onSchema === undefined ? {} : { onSchema: config.onSchema }),
        ...(config.registry === undefined ? {} : { registry: config.registry })
      }).pipe(Effect.provideService(Database.Database, database))
      return Context.make(Store.Store, store).pipe(Context.add(Database.Database, database))
    })
  )

/**
 * Like {@link layer}, with the URL read from `HDND_DATABASE_URL` (and the schema from
 * `HDND_DATABASE_SCHEMA`, if set).
 *
 * @example
 * ```ts
 * import { PostgresStore } from "@hdnd/store-postgres"
 *
 * const layer = PostgresStore.layerConfig() // HDND_DATABASE_URL, and HDND_DATABASE_SCHEMA if set
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (options: Omit<PostgresStoreConfig, "url" | "schema"> = {}): Layer.Layer<Store.Store | Database.Database, Errors.StoreError> =>
  Layer.unwrap(
    Effect.mapError(
      Config.all({ url: Config.String("HDND_DATABASE_URL"), schema: Config.option(Config.String("HDND_DATABASE_SCHEMA")) }),
      (e) =>
        new Errors.StoreError({
          operation: "open",
          vi: `thiếu biến môi trường HDND_DATABASE_URL (ví dụ postgres://postgres@127.0.0.1:5432/hdnd): ${String(e)}`,
          en: `HDND_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/hdnd): ${String(e)}`
        })
    ).pipe(
      Effect.map(({ url, schema }) => layer({ ...options, url, ...(schema._tag === "Some" ? { schema: schema.value } : {}) }))
    )
  )

/**
 * Options of {@link openClient}: the store's options (as {@link layer} takes them, the URL first),
 * and plugins to load (code plugins or data plugin documents, as `HdndClient.open` takes them;
 * their registry is the store's).
 *
 * @since 0.2.0
 * @category models
 */
export interface OpenClientOptions extends Omit<PostgresStoreConfig, "url"> {
  readonly plugins?: HdndClientModule.ClientOptions["plugins"]
}

/**
 * Opens the Promise client (`HdndClient`) on PostgreSQL, for apps that do not use Effect. The URL
 * is `HDND_DATABASE_URL` unless given. A server that cannot be reached, or a bad URL, rejects with
 * `Errors.StoreError` of code `hdnd/store/open-failed` (the password is never shown).
 *
 * @example
 * ```ts no-run
 * import { PostgresStore } from "@hdnd/store-postgres"
 * import { readFile } from "node:fs/promises"
 *
 * const client = await PostgresStore.openClient("postgres://postgres@127.0.0.1:5432/hdnd", { schema: "hdnd" })
 * await client.load(JSON.parse(await readFile("data.json", "utf8"))) // a batch in its JSON encoding
 * await client.close()
 * ```
 *
 * @since 0.2.0
 * @category client
 */
export const openClient = async (url: string | undefined = process.env.HDND_DATABASE_URL, options: OpenClientOptions = {}): Promise<HdndClient> => {
  if (url === undefined || url.trim() === "") {
    throw new Errors.StoreError({
      operation: "open",
      vi: "chưa có địa chỉ PostgreSQL: hãy truyền URL hoặc đặt HDND_DATABASE_URL (ví dụ postgres://postgres@127.0.0.1:5432/hdnd)",
      en: "no PostgreSQL URL: pass one or set HDND_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/hdnd)"
    })
  }
  const { plugins, ...config } = options
  return HdndClient.open({
    store: (registry) => layer({ ...config, ...(plugins === undefined ? {} : { registry }), url }),
    ...(plugins === undefined ? {} : { plugins })
  })
}
