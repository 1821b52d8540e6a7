import { Dataset, Registry, Validation } from "@hdnd/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Arbitraries, Laws } from "../src/index.js"

describe("generated datasets", () => {
  it("pass cross-entity validation", async () => {
    // Async, yielding to the event loop before each run: a thousand synchronous runs (CI) would keep
    // the test worker from answering its runner.
    await fc.assert(
      fc.asyncProperty(Arbitraries.datasetArb(), async (g) => {
        await new Promise((resolve) => setImmediate(resolve))
        const problems = Validation.validateBatch(Dataset.empty, Arbitraries.toBatch(g), Registry.builtin)
        expect(problems.map((p) => p.describe("en"))).toEqual([])
      })
    )
  })
})

describe("counting laws of the reference tabulator", () => {
  for (const law of Laws.all(Laws.reference)) {
    it(law.name, async () => {
      await fc.assert(law.property)
    })
  }
})
