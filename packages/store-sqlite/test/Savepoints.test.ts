/**
 * Nested transactions on the SQLite client: the savepoint of a nested transaction that succeeded is
 * released when the next one at its depth starts (instead of piling up until the outer transaction
 * ends), and that changes nothing of what is kept: a nested transaction that fails undoes its own
 * writes and its children's, one that succeeds keeps them unless an enclosing one fails.
 */
import { Database } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import fc from "fast-check"
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteStore } from "../src/index.js"
import { tempDir } from "./fixtures/child.js"

const dirs: Array<string> = []
const fresh = () => {
  const dir = tempDir("hdnd-savepoints-")
  dirs.push(dir)
  return path.join(dir, "nested.sqlite")
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

/** A transaction: the value it writes, its nested transactions in order, and whether it fails at its end. */
interface Tx {
  readonly value: number
  readonly children: ReadonlyArray<Tx>
  readonly fails: boolean
}

class Boom {
  readonly _tag = "Boom"
}

const txArb: fc.Arbitrary<Tx> = fc.letrec<{ tx: Tx }>((tie) => ({
  tx: fc.record({
    value: fc.integer({ min: 1, max: 1_000_000 }),
    children: fc.oneof({ depthSize: "small", withCrossShrink: true }, fc.constant([]), fc.array(tie("tx"), { maxLength: 4 })),
    fails: fc.boolean()
  })
})).tx

/** What a transaction keeps: its value and its children's, unless it fails. */
const kept = (tx: Tx): Array<number> => (tx.fails ? [] : [tx.value, ...tx.children.flatMap(kept)])

const run = (file: string, root: Tx, flattenNestedTransactions = false) =>
  Effect.runPromise(
    Effect.provide(
      Effect.gen(function* () {
        const sql = yield* Database.Database
        yield* sql.query("CREATE TABLE IF NOT EXISTS t (x INTEGER NOT NULL)")
        yield* sql.query("DELETE FROM t")
        const go = (tx: Tx): Effect.Effect<void, Boom | unknown> =>
          sql.withTransaction(
            Effect.gen(function* () {
              yield* sql.query("INSERT INTO t (x) VALUES (?)", [tx.value])
              // A failing nested transaction is caught by its parent, which goes on.
              for (const child of tx.children) yield* Effect.ignore(go(child))
              if (tx.fails) return yield* Effect.fail(new Boom())
            })
          )
        yield* Effect.ignore(go(root))
        const rows = yield* sql.query<{ x: number }>("SELECT x FROM t")
        return rows.map((r) => Number(r.x)).sort((a, b) => a - b)
      }),
      SqliteStore.layer({ filename: file, flattenNestedTransactions })
    )
  )

describe("nested transactions (savepoints)", () => {
  it("keep what succeeded and undo what failed, with hundreds of nested transactions in one", async () => {
    const file = fresh()
    const children: Array<Tx> = Array.from({ length: 300 }, (_, i) => ({ value: i + 2, children: [], fails: i % 7 === 3 }))
    const root: Tx = { value: 1, children: [...children, { value: 1000, children: [{ value: 1001, children: [], fails: false }], fails: true }], fails: false }
    expect(await run(file, root)).toEqual(kept(root).sort((a, b) => a - b))
    expect(await run(file, { ...root, fails: true })).toEqual([])
  })

  it("property: any tree of nested transactions keeps exactly the writes of those that succeeded with all their ancestors", async () => {
    const file = fresh()
    await fc.assert(
      fc.asyncProperty(txArb, async (root) => {
        expect(await run(file, root)).toEqual(kept(root).sort((a, b) => a - b))
      }),
      { numRuns: 60 }
    )
  })
})

/** A transaction that may write nothing (`value` 0): its value only when it writes. */
const writesArb: fc.Arbitrary<Tx> = fc.letrec<{ tx: Tx }>((tie) => ({
  tx: fc.record({
    value: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })),
    children: fc.oneof({ depthSize: "small", withCrossShrink: true }, fc.constant([]), fc.array(tie("tx"), { maxLength: 4 })),
    fails: fc.boolean()
  })
})).tx

const runFlat = (file: string, root: Tx) =>
  Effect.runPromise(
    Effect.provide(
      Effect.gen(function* () {
        const sql = yield* Database.Database
        yield* sql.query("CREATE TABLE IF NOT EXISTS t (x INTEGER NOT NULL)")
        yield* sql.query("DELETE FROM t")
        const go = (tx: Tx): Effect.Effect<void, Boom | unknown> =>
          sql.withTransaction(
            Effect.gen(function* () {
              if (tx.value !== 0) yield* sql.query("INSERT INTO t (x) VALUES (?)", [tx.value])
              for (const child of tx.children) yield* Effect.ignore(go(child))
              if (tx.fails) return yield* Effect.fail(new Boom())
            })
          )
        const outcome = yield* Effect.result(go(root))
        const rows = yield* sql.query<{ x: number }>("SELECT x FROM t")
        return { committed: outcome._tag === "Success", rows: rows.map((r) => Number(r.x)).sort((a, b) => a - b) }
      }),
      SqliteStore.layer({ filename: file, flattenNestedTransactions: true })
    )
  )

/** Every value a transaction and its nested ones write, whether they fail or not. */
const written = (tx: Tx): Array<number> => [...(tx.value === 0 ? [] : [tx.value]), ...tx.children.flatMap(written)]

/** Whether a nested transaction fails after it or one inside it wrote something. */
const doomed = (tx: Tx): boolean => tx.children.some((c) => (c.fails && written(c).length > 0) || doomed(c))

describe("nested transactions flattened (flattenNestedTransactions)", () => {
  it("property: all is kept, or, when the outer transaction or a nested one that wrote fails, nothing", async () => {
    const file = fresh()
    await fc.assert(
      fc.asyncProperty(writesArb, async (root) => {
        const keeps = !root.fails && !doomed(root)
        const r = await runFlat(file, root)
        expect(r.committed).toBe(keeps)
        expect(r.rows).toEqual(keeps ? written(root).sort((a, b) => a - b) : [])
      }),
      { numRuns: 100 }
    )
  })

  it("a nested transaction that fails without writing leaves the outer one to commit", async () => {
    const file = fresh()
    const root: Tx = { value: 1, children: [{ value: 0, children: [], fails: true }, { value: 2, children: [], fails: false }], fails: false }
    expect(await runFlat(file, root)).toEqual({ committed: true, rows: [1, 2] })
  })

  it("a nested transaction that fails after writing makes the outer one fail and undoes all", async () => {
    const file = fresh()
    const root: Tx = { value: 1, children: [{ value: 2, children: [], fails: true }, { value: 3, children: [], fails: false }], fails: false }
    expect(await runFlat(file, root)).toEqual({ committed: false, rows: [] })
    // Savepoints (the default) undo only the failed one.
    expect(await run(file, root)).toEqual([1, 3])
  })
})
