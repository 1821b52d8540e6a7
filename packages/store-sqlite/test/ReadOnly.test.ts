/**
 * The read-only SQLite store (issue #16, D4/D5): it reads what a writer stored, and never writes —
 * not the journal mode, not the schema, not a record — so a file on a read-only share can be read;
 * a missing file and a file that needs a migration fail with typed errors that say what to do.
 */
import { Errors, Store } from "@hdnd/core"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as crypto from "node:crypto"
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteStore } from "../src/index.js"
import { openRaw, tempDir } from "./fixtures/child.js"
import { batch, structure } from "./fixtures/world.js"

const dirs: Array<string> = []
const fresh = (name: string) => {
  const dir = tempDir("hdnd-readonly-test-")
  dirs.push(dir)
  return path.join(dir, name)
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex")
const write = (file: string) =>
  Effect.runPromise(
    Effect.provide(
      Effect.gen(function* () {
        const store = yield* Store.Store
        yield* store.upsert(structure())
        yield* store.upsert(batch(1, 50))
      }),
      SqliteStore.layer({ filename: file })
    )
  )
const readExit = <A, E>(file: string, program: Effect.Effect<A, E, Store.Store>) =>
  Effect.runPromiseExit(Effect.provide(program, SqliteStore.layer({ filename: file, readonly: true })))

/** A program that only opens the store. */
const anyRead = Effect.gen(function* () {
  return yield* Store.Store
})

const failureOf = (exit: Exit.Exit<unknown, unknown>): unknown => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure")
  const failures = exit.cause.reasons.filter(Cause.isFailReason).map((r) => r.error)
  expect(failures, Cause.pretty(exit.cause)).toHaveLength(1)
  return failures[0]
}

describe("SqliteStore.layer({ readonly: true })", () => {
  it("reads what was written, refuses to write, and leaves the file byte for byte as it was", async () => {
    const file = fresh("ro.sqlite")
    await write(file)
    for (const suffix of ["-wal", "-shm"]) expect(fs.existsSync(file + suffix)).toBe(false)
    const before = sha(file)
    const exit = await readExit(
      file,
      Effect.gen(function* () {
        const store = yield* Store.Store
        const n = yield* store.count("activities")
        const wrote = yield* Effect.exit(store.upsert(batch(2, 5)))
        return { n, wrote }
      })
    )
    if (Exit.isFailure(exit)) throw new Error(Cause.pretty(exit.cause))
    expect(exit.value.n).toBe(50)
    expect(Exit.isFailure(exit.value.wrote)).toBe(true)
    expect(sha(file)).toBe(before)
  })

  it("a missing file: a StoreError of operation \"missing\" that suggests hdnd init, and no file created", async () => {
    const file = fresh("typo.sqlite")
    const error = failureOf(await readExit(file, anyRead))
    expect(error).toBeInstanceOf(Errors.StoreError)
    expect((error as Errors.StoreError).operation).toBe("missing")
    expect((error as Errors.StoreError).en).toContain("hdnd init")
    expect(fs.existsSync(file)).toBe(false)
  })

  it("a file that needs a migration: a StoreError of operation \"schema\", and the file is not migrated", async () => {
    const file = fresh("old.sqlite")
    await write(file)
    const raw = openRaw(file)
    raw.exec("DELETE FROM hdnd_migrations WHERE version = (SELECT MAX(version) FROM hdnd_migrations)")
    raw.close()
    const before = sha(file)
    const error = failureOf(await readExit(file, anyRead))
    expect((error as Errors.StoreError).operation).toBe("schema")
    expect((error as Errors.StoreError).en).toContain("needs a schema migration")
    expect(sha(file)).toBe(before)
  })

  it("an empty file (not an hdnd database): a StoreError of operation \"schema\", and no table created", async () => {
    const file = fresh("empty.sqlite")
    fs.writeFileSync(file, "")
    const error = failureOf(await readExit(file, anyRead))
    expect((error as Errors.StoreError).operation).toBe("schema")
    expect(fs.statSync(file).size).toBe(0)
  })
})
