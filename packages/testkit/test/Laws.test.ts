import { Dataset, Registry, Validation } from "@hdnd/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Arbitraries, Laws } from "../src/index.js"

describe("generated datasets", () => {
  it("pass cross-entity validation", () => {
    fc.assert(
      fc.property(Arbitraries.datasetArb(), (g) => {
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
