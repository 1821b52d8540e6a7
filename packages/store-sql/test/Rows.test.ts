import { Dataset } from "@hdnd/core"
import { Arbitraries } from "@hdnd/testkit"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Rows } from "../src/index.js"

const records = (b: Dataset.Batch) => Dataset.entityKinds.flatMap((k) => (b[k] ?? []).map((r) => [k, r] as const))

describe("Rows", () => {
  it("reads column values straight from entities exactly as from their JSON encoding", () => {
    fc.assert(
      fc.property(Arbitraries.datasetArb(), (g) => {
        for (const [kind, r] of records(Arbitraries.toBatch(g))) {
          const encoded = Rows.encode(kind, r)
          expect(Rows.toValues(kind, r)).toEqual(Rows.layouts[kind].columns.map((c) => c.get(encoded)))
        }
      })
    )
  })

  it("decodes a row back into an equal entity", () => {
    fc.assert(
      fc.property(Arbitraries.datasetArb(), (g) => {
        for (const [kind, r] of records(Arbitraries.toBatch(g))) {
          const row = Object.fromEntries(Rows.layouts[kind].columns.map((c, i) => [c.name, Rows.toValues(kind, r)[i]]))
          const extra = {}
          expect(Rows.encode(kind, Rows.decodeRow(kind, row, extra))).toEqual(Rows.encode(kind, r))
        }
      })
    )
  })

  it("sameRow holds for an entity's own row and fails once any column differs", () => {
    fc.assert(
      fc.property(Arbitraries.datasetArb(), fc.nat(), (g, pick) => {
        for (const [kind, r] of records(Arbitraries.toBatch(g))) {
          if (kind !== "activities" && kind !== "tallies") continue
          const columns = Rows.layouts[kind].columns
          const row = Object.fromEntries(columns.map((c, i) => [c.name, Rows.toValues(kind, r)[i]]))
          expect(Rows.sameRow(kind, row, r)).toBe(true)
          const c = columns[pick % columns.length]!
          expect(Rows.sameRow(kind, { ...row, [c.name]: row[c.name] === null ? "x" : `${String(row[c.name])}x` }, r)).toBe(false)
        }
      })
    )
  })
})
