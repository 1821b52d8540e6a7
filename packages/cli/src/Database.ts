/**
 * Which database a command works on: `--database-url` (or `HDND_DATABASE_URL`) for PostgreSQL,
 * otherwise the SQLite file `--db` (or `HDND_SQLITE_FILE`, or `./hdnd.sqlite`). The store packages
 * are loaded only when a command opens the database, so `hdnd --help` starts fast.
 *
 * @since 0.1.0
 */
import type { Errors, Registry, Store } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"

/**
 * Where the data is.
 *
 * @since 0.1.0
 * @category models
 */
export type Target = { readonly _tag: "Sqlite"; readonly file: string } | { readonly _tag: "Postgres"; readonly url: string; readonly schema?: string }

/**
 * The target from the options and the environment.
 *
 * @since 0.1.0
 * @category models
 */
export const target = (db: Option.Option<string>, url: Option.Option<string>, env: Readonly<Record<string, string | undefined>> = process.env): Target => {
  const u = Option.getOrUndefined(url) ?? (Option.isNone(db) ? env.HDND_DATABASE_URL : undefined)
  if (u !== undefined && u !== "") {
    const schema = env.HDND_DATABASE_SCHEMA
    return schema === undefined || schema === "" ? { _tag: "Postgres", url: u } : { _tag: "Postgres", url: u, schema }
  }
  return { _tag: "Sqlite", file: Option.getOrUndefined(db) ?? env.HDND_SQLITE_FILE ?? "hdnd.sqlite" }
}

/**
 * The target for messages: the file name, or the URL without its password.
 *
 * @since 0.1.0
 * @category models
 */
export const describe = (t: Target): string => (t._tag === "Sqlite" ? t.file : t.url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"))

/**
 * How a command uses the database: `"write"` (loading commands) creates or migrates it when opened;
 * `"read"` (report, stats, units, recommendations, programme) opens a SQLite file read-only, and
 * checks a PostgreSQL schema's version instead of migrating it, so a missing file, one that needs a
 * migration, or one on a read-only share is never written to; `"check"` (`hdnd validate`, a dry
 * run) never writes either: a SQLite file is read-only and the dry run's writes (undone at its end)
 * go to a private temporary copy (`SqliteStoreConfig.snapshot`), and a missing file is not created:
 * the files are checked against an empty database in memory; on PostgreSQL the schema is checked,
 * not migrated, and the dry run's transaction is rolled back.
 *
 * @since 0.2.0
 * @category models
 */
export type Access = "read" | "write" | "check"

/**
 * `HDND_MIGRATION_LOCK_TIMEOUT_MS`: milliseconds, a whole number ≥ 0 (`0`: wait for ever); unset or
 * empty, the store's default (10 s). Anything else is refused.
 */
const migrationLockTimeout = (text: string | undefined): Effect.Effect<{ readonly migrationLockTimeoutMs?: number }, Errors.StoreError> => {
  if (text === undefined || text.trim() === "") return Effect.succeed({})
  const ms = Number(text.trim())
  return Number.isSafeInteger(ms) && ms >= 0
    ? Effect.succeed({ migrationLockTimeoutMs: ms })
    : // @hdnd/core is loaded only here: `hdnd --help` must not load it.
      Effect.flatMap(Effect.promise(() => import("@hdnd/core")), ({ Errors }) =>
        Effect.fail(
          new Errors.StoreError({
            operation: "config",
            vi: `HDND_MIGRATION_LOCK_TIMEOUT_MS phải là số mili giây nguyên ≥ 0 (ví dụ 30000; 0 là chờ mãi), không phải "${text}"`,
            en: `HDND_MIGRATION_LOCK_TIMEOUT_MS must be a whole number of milliseconds ≥ 0 (e.g. 30000; 0 waits for ever), not "${text}"`
          })
        )
      )
}

/**
 * What opening a PostgreSQL database for writing did to its schema: `from` 0 when it created the
 * schema, `from < to` when it migrated it, `from === to` when it was up to date.
 *
 * @since 0.2.0
 * @category models
 */
export interface SchemaOutcome {
  readonly from: number
  readonly to: number
}

/**
 * How a command uses its store, beyond its {@link Access}.
 *
 * @since 0.2.0
 * @category models
 */
export interface LayerOptions {
  /**
   * The command's writes are one unit, undone whole on any failure (an all-or-nothing import, a dry
   * run): on SQLite, transactions nested in it get no savepoint of their own
   * (`SqliteStoreConfig.flattenNestedTransactions`), which made a large import's inserts about
   * twice as slow. Ignored on PostgreSQL.
   */
  readonly oneUnit?: boolean
  /** Told what opening a PostgreSQL database for writing did to its schema (`hdnd init` says so). */
  readonly onSchema?: (outcome: SchemaOutcome) => void
}

/**
 * The store layer of a target: for `"write"` access (the default), creating or migrating its schema
 * when opened; for `"read"` and `"check"`, a database that must exist and be up to date, never
 * written to (see {@link Access}). `options.onSchema` is told what opening a PostgreSQL database for writing
 * did to its schema (`hdnd init` says so).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (t: Target, registry?: Registry.Registry, access: Access = "write", options: LayerOptions = {}): Layer.Layer<Store.Store, Errors.StoreError> =>
  Layer.unwrap(
    t._tag === "Sqlite"
      ? Effect.map(
          Effect.promise(() => import("@hdnd/store-sqlite")),
          ({ SqliteStore }) =>
            SqliteStore.layer({
              // A dry run without a database file checks the files against an empty database,
              // in memory: the file is not created.
              filename: access === "check" && !fs.existsSync(t.file) ? ":memory:" : t.file,
              // Writing commands (an import above all) keep a 24 MiB page cache: a 1,000,000-row import's
              // peak RSS stays below 200 MiB (186 MiB; 194 with 32 MiB, which ran no faster; 16 MiB
              // made its inserts slower as the indexes outgrew it) (bench/cli.ts; issue #13).
              ...(access === "read" ? { readonly: true } : access === "check" ? { snapshot: true } : { cacheSizeMiB: 24 }),
              ...(options.oneUnit === true && access !== "read" ? { flattenNestedTransactions: true } : {}),
              ...(registry === undefined ? {} : { registry })
            }) as Layer.Layer<
              Store.Store,
              Errors.StoreError
            >
        )
      : Effect.zipWith(
          Effect.promise(() => import("@hdnd/store-postgres")),
          // How long a migration may wait for a table lock (the store's default: 10 s).
          migrationLockTimeout(process.env.HDND_MIGRATION_LOCK_TIMEOUT_MS),
          ({ PostgresStore }, lockTimeout) =>
            PostgresStore.layer({
              url: t.url,
              ...lockTimeout,
              // Read commands check the schema instead of migrating it (Migrations.check).
              ...(access === "write" ? (options.onSchema === undefined ? {} : { onSchema: options.onSchema }) : { readonly: true }),
              ...(t.schema === undefined ? {} : { schema: t.schema }),
              ...(registry === undefined ? {} : { registry })
            }) as Layer.Layer<Store.Store, Errors.StoreError>
        )
  )
