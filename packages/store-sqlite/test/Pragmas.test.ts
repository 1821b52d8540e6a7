/**
 * The connection settings a SQLite store opens with: the page cache is 32 MiB unless
 * `cacheSizeMiB` says otherwise (the CLI's writing commands ask for 24).
 */
import { Database } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { SqliteStore } from "../src/index.js"

const cacheSize = (config: Omit<SqliteStore.SqliteStoreConfig, "filename">) =>
  Effect.runPromise(
    Effect.provide(
      Effect.flatMap(Database.Database, (db) => db.query<{ cache_size: number }>("PRAGMA cache_size")),
      SqliteStore.layer({ filename: ":memory:", ...config })
    )
  ).then((rows) => rows[0]?.cache_size)

describe("SqliteStore pragmas", () => {
  it("a 32 MiB page cache by default, the size cacheSizeMiB gives otherwise (negative: KiB)", async () => {
    expect(await cacheSize({})).toBe(-32 * 1024)
    expect(await cacheSize({ cacheSizeMiB: 16 })).toBe(-16 * 1024)
    expect(await cacheSize({ cacheSizeMiB: 0.5 })).toBe(-512)
  })
})
