/**
 * The snapshot store (`SqliteStore.layer({ snapshot: true })`, for `hdnd validate`): it sees what the
 * file holds, writes to a private copy of it (a dry run's writes, undone or not, never reach the
 * file), and removes the copy when released; the file is opened read-only, so a read-only one works.
 */
import { Store } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as crypto from "node:crypto"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteStore } from "../src/index.js"
import { tempDir } from "./fixtures/child.js"
import { batch, structure } from "./fixtures/world.js"

const dirs: Array<string> = []
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})
const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex")
const snapshots = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("hdnd-snapshot-"))

describe("SqliteStore.layer({ snapshot: true })", () => {
  it("reads the file, writes to a private copy, leaves a read-only file as it was and removes the copy", async () => {
    const dir = tempDir("hdnd-snap-test-")
    dirs.push(dir)
    const file = path.join(dir, "db.sqlite")
    await Effect.runPromise(
      Effect.provide(
        Effect.flatMap(Store.Store, (store) => Effect.andThen(store.upsert(structure()), store.upsert(batch(1, 20)))),
        SqliteStore.layer({ filename: file })
      )
    )
    fs.chmodSync(file, 0o444)
    const before = sha(file)
    const existing = new Set(snapshots())
    const counts = await Effect.runPromise(
      Effect.provide(
        Effect.gen(function* () {
          const store = yield* Store.Store
          const stored = yield* store.count("activities")
          const during = snapshots().filter((n) => !existing.has(n))
          yield* store.upsert(batch(21, 10))
          return { stored, after: yield* store.count("activities"), during }
        }),
        SqliteStore.layer({ filename: file, snapshot: true })
      )
    )
    expect(counts.stored).toBe(20)
    // The write went to the copy, which existed while the store was open.
    expect(counts.after).toBe(30)
    expect(counts.during).toHaveLength(1)
    expect(sha(file)).toBe(before)
    expect(snapshots().filter((n) => !existing.has(n))).toEqual([])
    const reread = await Effect.runPromise(Effect.provide(Effect.flatMap(Store.Store, (s) => s.count("activities")), SqliteStore.layer({ filename: file, readonly: true })))
    expect(reread).toBe(20)
  })
})
