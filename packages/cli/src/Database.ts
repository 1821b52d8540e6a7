/**
 * Which database a command works on: `--database-url` (or `HDND_DATABASE_URL`) for PostgreSQL,
 * otherwise the SQLite file `--db` (or `HDND_SQLITE_FILE`, or `./hdnd.sqlite`). The store packages
 * are loaded only when a command opens the database, so `hdnd --help` starts fast.
 *
 * @since 0.1.0
 */
import type { Errors, Registry, Store } from "@hdnd/core"
import * as Effect from "effect/Effect"
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
 * `"read"` (report, stats, units, recommendations, programme) opens a SQLite file read-only, so a
 * missing file, one that needs a migration, or one on a read-only share is never written to.
 *
 * @since 0.2.0
 * @category models
 */
export type Access = "read" | "write"

/**
 * The store layer of a target: for `"write"` access (the default), creating or migrating its schema
 * when opened; for `"read"`, a SQLite file opened read-only (it must exist and be up to date).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (t: Target, registry?: Registry.Registry, access: Access = "write"): Layer.Layer<Store.Store, Errors.StoreError> =>
  Layer.unwrap(
    t._tag === "Sqlite"
      ? Effect.map(
          Effect.promise(() => import("@hdnd/store-sqlite")),
          ({ SqliteStore }) =>
            SqliteStore.layer({
              filename: t.file,
              // Writing commands (an import above all) keep a 16 MiB page cache: a 1,000,000-row import's
              // peak RSS stays below 200 MiB (bench/cli.ts; issue #13).
              ...(access === "read" ? { readonly: true } : { cacheSizeMiB: 16 }),
              ...(registry === undefined ? {} : { registry })
            }) as Layer.Layer<
              Store.Store,
              Errors.StoreError
            >
        )
      : Effect.map(
          Effect.promise(() => import("@hdnd/store-postgres")),
          ({ PostgresStore }) => PostgresStore.layer({ url: t.url, ...(t.schema === undefined ? {} : { schema: t.schema }), ...(registry === undefined ? {} : { registry }) }) as Layer.Layer<Store.Store, Errors.StoreError>
        )
  )
