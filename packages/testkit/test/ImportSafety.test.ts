/**
 * The checks of `ImportSafety` notice what they are meant to notice: a partial import, a torn batch,
 * a lost or foreign row, a re-run that differs from a clean import. The crash rounds run here on a
 * simulated database (a set of ids in memory, "imports" that write batch by batch on a timer), so
 * that a broken one (it commits part of an import) is caught, and a sound one passes.
 */
import { fc, it as prop } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { ImportSafety } from "../src/index.js"

const part = (prefix: string, n: number): ImportSafety.Part => ({ file: `${prefix}.csv`, ids: Array.from({ length: n }, (_, i) => `${prefix}-${i}`) })

describe("ImportSafety checks", () => {
  prop.prop([fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 20 }), fc.nat()])(
    "allOrNothing: before and whole pass; any strict, non-empty subset of the new records fails",
    (n, others, cut) => {
      const p = part("a", n)
      const before = new Set(part("b", others).ids)
      expect(ImportSafety.allOrNothing(before, new Set(before), p)).toBe("before")
      expect(ImportSafety.allOrNothing(before, new Set([...before, ...p.ids]), p)).toBe("whole")
      const k = n > 1 ? 1 + (cut % (n - 1)) : 0
      if (k > 0) expect(() => ImportSafety.allOrNothing(before, new Set([...before, ...p.ids.slice(0, k)]), p)).toThrow(/partial import/)
      if (others > 0) expect(() => ImportSafety.allOrNothing(before, new Set([...p.ids]), p)).toThrow(/are gone/)
      expect(() => ImportSafety.allOrNothing(before, new Set([...before, "x-1"]), p)).toThrow(/does not hold/)
    }
  )

  prop.prop([fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.nat(), fc.nat()])(
    "wholeBatches: any set of whole batches passes and is counted; a batch with some records new and some missing fails",
    (batches, size, pick, cut) => {
      const p = part("a", batches * size)
      const chosen = Array.from({ length: batches }, (_, b) => ((pick >> b) & 1) === 1)
      const after = new Set(p.ids.filter((_, i) => chosen[Math.floor(i / size)]))
      expect(ImportSafety.wholeBatches(new Set(), after, p, size)).toBe(chosen.filter(Boolean).length)
      if (size > 1) {
        const b = pick % batches
        const k = 1 + (cut % (size - 1))
        const torn = new Set([...after].filter((id) => Math.floor(p.ids.indexOf(id) / size) !== b))
        for (const id of p.ids.slice(b * size, b * size + k)) torn.add(id)
        expect(() => ImportSafety.wholeBatches(new Set(), torn, p, size)).toThrow(/torn batch/)
      }
    }
  )
})

/** A database in memory; an import writes its batches on a timer and commits per `commit`. */
const simulated = (commit: "at-end" | "per-batch-always", resets?: { count: number }) => {
  let rows = new Set<string>()
  const target: ImportSafety.Target = {
    ...(resets === undefined
      ? {}
      : {
          reset: async () => {
            resets.count++
            rows = new Set()
          }
        }),
    start: (p, mode) => {
      let alive = true
      let staged = new Set(rows)
      let signalWriting: (w: boolean) => void = () => {}
      let end: (e: ImportSafety.Ended) => void = () => {}
      const writing = new Promise<boolean>((r) => (signalWriting = r))
      const ended = new Promise<ImportSafety.Ended>((r) => (end = r))
      const size = mode._tag === "batches" ? mode.size : 10
      let i = 0
      const step = () => {
        if (!alive) return
        for (const id of p.ids.slice(i, i + size)) staged.add(id)
        i += size
        // The broken store commits each batch even in one-transaction mode.
        if (mode._tag === "batches" || commit === "per-batch-always") rows = new Set(staged)
        signalWriting(true)
        if (i >= p.ids.length) {
          rows = new Set(staged)
          alive = false
          end({ code: 0, signal: null, stderr: "" })
        } else setTimeout(step, 1)
      }
      setTimeout(step, 1)
      return {
        writing,
        ended,
        alive: () => alive,
        kill: () => {
          if (!alive) return
          alive = false
          staged = new Set()
          signalWriting(false)
          end({ code: null, signal: "SIGKILL", stderr: "" })
        }
      }
    },
    snapshot: async () => ({ integrity: "ok", ids: new Set(rows), digest: [...rows].sort().join(",") })
  }
  return target
}

describe("ImportSafety.crashRounds on a simulated database", () => {
  const parts = [part("p0", 100), part("p1", 100)]
  const reference: ImportSafety.Snapshot = { integrity: "ok", ids: new Set(parts.flatMap((p) => p.ids)), digest: parts.flatMap((p) => p.ids).sort().join(",") }

  it("passes a database that commits an import whole", async () => {
    const report = await ImportSafety.crashRounds({ target: simulated("at-end"), parts, kills: 10, seed: 1, windowMs: 8, batchSize: 10, reference })
    expect(report.kills).toBe(10)
    expect(report.keptBefore).toBeGreaterThan(0)
  })

  it("goes on with a new database once every part is in, when the target can give one", async () => {
    const resets = { count: 0 }
    // A wide first window: the first import ends before its kill, so the one part is in after round 0.
    const one = [part("p0", 400)]
    const report = await ImportSafety.crashRounds({
      target: simulated("at-end", resets),
      parts: one,
      kills: 5,
      seed: 5,
      windowMs: 10_000,
      batchSize: 10,
      reference: { integrity: "ok", ids: new Set(one[0]!.ids), digest: [...one[0]!.ids].sort().join(",") }
    })
    expect(report.finished).toBeGreaterThan(0)
    expect(report.resets).toBeGreaterThan(0)
    expect(report.resets).toBe(resets.count)
  })

  it("catches a database that commits part of an import, naming the seed", async () => {
    await expect(ImportSafety.crashRounds({ target: simulated("per-batch-always"), parts, kills: 10, seed: 7, windowMs: 8, batchSize: 10, reference })).rejects.toThrow(
      /seed 7 .*partial import/
    )
  })

  it("catches a re-run whose rows differ from the clean import", async () => {
    const wrong = { ...reference, digest: "something else" }
    await expect(ImportSafety.crashRounds({ target: simulated("at-end"), parts, kills: 3, seed: 3, windowMs: 8, batchSize: 10, reference: wrong })).rejects.toThrow(
      /differ from a clean import/
    )
  })
})
