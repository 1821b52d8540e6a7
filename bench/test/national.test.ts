/**
 * The national benchmark (issue #17) at 1/200 scale (at 1/100 the benchmark alone took 80 s on a busy 2-core machine), and the load test at small scale, against a
 * real PostgreSQL server: hdnd's tabulation equals the hand-written SQL, cell by cell, on every
 * measured scope (commune-, province- and national-year) and for the drill-down; 32 concurrent
 * clients mixing reads and imports lose no write. Timings are reported, not asserted.
 *
 * Without a server the tests are skipped with a one-line hint, except in CI (`CI` set), where they fail.
 */
import { fc, it as prop } from "@fast-check/vitest"
import { afterAll, describe, expect, it } from "vitest"
import { reachable, difference, type Counts } from "../national-sql.js"
import { DEFAULT_URL, dropSchema, open } from "../national-store.js"
import { INDICATORS } from "../national-world.js"
import { runNational, SCOPES } from "../national.js"
import { runConcurrency } from "../pg-concurrency.js"

const available = await reachable(DEFAULT_URL)
if (!available && process.env.CI !== undefined) {
  throw new Error(`PostgreSQL is not reachable at ${DEFAULT_URL}; CI must run the national benchmark test (start it with pg_ctlcluster, see .ci/run)`)
}
if (!available) console.warn(`National benchmark test skipped: no server at ${DEFAULT_URL}. Start one (or set HDND_TEST_DATABASE_URL) to run it.`)

const describePg = available ? describe : describe.skip

describe("difference (the bench's check)", () => {
  const counts = fc.dictionary(fc.constantFrom("a|x", "a|y", "b|x", "b|y", "c|z"), fc.integer({ min: 1, max: 50 }))
  prop.prop([counts, fc.constantFrom("a|x", "b|y", "c|z"), fc.integer({ min: -3, max: 3 })])(
    "finds any changed, missing or extra cell, and none between equal counts",
    (dict, key, delta) => {
      const a: Counts = new Map(Object.entries(dict))
      expect(difference(a, new Map(a))).toBeUndefined()
      const b: Counts = new Map(a)
      const changed = (a.get(key) ?? 0) + delta
      if (changed > 0) b.set(key, changed)
      else b.delete(key)
      const same = Math.max(0, changed) === (a.get(key) ?? 0)
      expect(difference(a, b) === undefined).toBe(same)
      expect(difference(b, a) === undefined).toBe(same)
    }
  )
})

describePg("national benchmark on PostgreSQL (1/200 scale)", () => {
  let kept: string | undefined
  afterAll(async () => {
    if (kept === undefined) return
    const rt = open(DEFAULT_URL, kept)
    await dropSchema(rt, kept)
    await rt.dispose()
  })

  it("hdnd's counts equal the hand-written SQL's on every scope, and the drill-down finds the same records", { timeout: 600_000 }, async () => {
    const r = await runNational({ scale: 0.005, rounds: 1, loadRounds: 1, memory: false, keep: true, log: () => {} })
    if ("skipped" in r) throw new Error(r.skipped)
    kept = r.schema
    expect(r.activities).toBe(50_000)
    expect([r.councils, r.organs, r.sessions]).toEqual([3_355, 13_476, 134_200])
    for (const scope of SCOPES) {
      const s = r.scopes[scope]
      // runNational has already compared every cell (it throws on the first difference); the
      // totals say the comparison was not vacuous.
      expect(s.hdndTotals, scope).toEqual(s.totals)
      expect(s.cells, `${scope}: cells compared`).toBeGreaterThan(0)
      expect(s.totals["core/review.content"], `${scope}: reviews counted`).toBeGreaterThan(0)
    }
    for (const ind of INDICATORS) expect(r.scopes.national.totals[ind], ind).toBeGreaterThan(0)
    // A province holds its communes: its totals lie between the commune's and the country's.
    for (const ind of INDICATORS) {
      expect(r.scopes.province.totals[ind] as number).toBeGreaterThanOrEqual(r.scopes.commune.totals[ind] as number)
      expect(r.scopes.national.totals[ind] as number).toBeGreaterThanOrEqual(r.scopes.province.totals[ind] as number)
    }
    expect(r.drill.records).toBeGreaterThan(0)
    expect([r.drill.hdndRecords, r.drill.handRecords]).toEqual([r.drill.records, r.drill.records])
    expect(r.load.hdndRowsPerSecond).toBeGreaterThan(0)
    expect(r.load.copyRowsPerSecond).toBeGreaterThan(0)
  })

  // Cold: the clients start on a store whose structure cache is empty, so their first reads share one
  // load while the imports load it inside their transactions.
  it("32 concurrent clients reading province-years and importing, from a cold store, lose no write", { timeout: 600_000 }, async () => {
    const r = await runConcurrency({
      scale: 0.001,
      ...(kept === undefined ? {} : { schema: kept }),
      clients: 32,
      opsPerClient: 2,
      maxSeconds: 120,
      writeShare: 0.25,
      batchSize: 100,
      cold: true,
      log: () => {}
    })
    if ("skipped" in r) throw new Error(r.skipped)
    expect(r.write.count, "imports that succeeded").toBeGreaterThan(0)
    expect(r.read.count, "reads that succeeded").toBeGreaterThan(0)
    expect(r.errors).toEqual([])
    expect(r.rowsWritten).toBe(r.write.count * 100)
    expect(r.rowsFound).toBe(r.rowsWritten)
    expect(r.rowsOfFailedWrites).toBe(0)
    expect(r.lost).toBe(0)
    expect(r.cold).toBe(true)
    expect(r.warmUpMs).toBe(0)
  })
})
