import { Dataset, Programme } from "@hdnd/core"
import { Arbitraries, StoreData } from "@hdnd/testkit"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Rows } from "../src/index.js"

const records = (b: Dataset.Batch) => Dataset.entityKinds.flatMap((k) => (b[k] ?? []).map((r) => [k, r] as const))

/** Datasets with a record of every collection, follow-up records included. */
const fullArb = StoreData.fullDatasetArb({ maxActivities: 20 }).map((f) => f.batch)

describe("Rows", () => {
  it("reads column values straight from entities exactly as from their JSON encoding", () => {
    fc.assert(
      fc.property(fullArb, (b) => {
        for (const [kind, r] of records(b)) {
          const encoded = Rows.encode(kind, r)
          expect(Rows.toValues(kind, r)).toEqual(Rows.layouts[kind].columns.map((c) => c.get(encoded)))
        }
      })
    )
  })

  it("decodes a row back into an equal entity", () => {
    fc.assert(
      fc.property(fullArb, (b) => {
        for (const [kind, r] of records(b)) {
          const row = Object.fromEntries(Rows.layouts[kind].columns.map((c, i) => [c.name, Rows.toValues(kind, r)[i]]))
          const extra = kind === "lineage" ? { sources: (r as unknown as { sources: Array<string> }).sources, targets: (r as unknown as { targets: Array<string> }).targets } : {}
          expect(Rows.encode(kind, Rows.decodeRow(kind, row, extra))).toEqual(Rows.encode(kind, r))
        }
      })
    )
  })

  it("every collection has a layout whose columns are distinct, with the id first", () => {
    for (const kind of Dataset.entityKinds) {
      const names = Rows.layouts[kind].columns.map((c) => c.name)
      expect(names[0], kind).toBe("id")
      expect(new Set(names).size, kind).toBe(names.length)
    }
  })

  it("keeps a programme item's absent and empty activity lists apart", () => {
    const item = (activities?: ReadonlyArray<string>) =>
      new Programme.ProgrammeItem({ id: "ct.1" as never, programme: "ct" as never, kind: "survey" as never, topic: "Khảo sát", ...(activities === undefined ? {} : { activities: activities as never }) })
    for (const activities of [undefined, [], ["a1", "a2"]]) {
      const r = item(activities)
      const row = Object.fromEntries(Rows.layouts.programmeItems.columns.map((c, i) => [c.name, Rows.toValues("programmeItems", r)[i]]))
      expect(row.activities).toBe(activities === undefined ? null : JSON.stringify(activities))
      expect(Rows.decodeRow("programmeItems", row)).toEqual(r)
    }
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
