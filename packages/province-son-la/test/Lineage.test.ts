import { AdminUnit } from "@hdnd/core"
import { describe, expect, it } from "vitest"
import { Lineage, lineage, Units } from "../src/index.js"
import { atLevel, d, hierarchy } from "./utils/hierarchy.js"

describe("the lineage of Sơn La's units", () => {
  it("ends every district-level unit in force on 30/6/2025 on 1/7/2025, with no successor", () => {
    const e = Lineage.districtLevelAbolished
    expect(e.kind).toBe("abolish")
    expect(e.date).toBe("2025-07-01")
    expect(e.targets).toEqual([])
    expect([...e.sources].sort()).toEqual(atLevel("2025-06-30", "district").map((u) => u.id).sort())
    for (const s of e.sources) expect(hierarchy.successors(s, d("2025-07-01")), s).toEqual([])
    // Huyện Mộc Châu reaches the end of the district level through its thị xã version.
    expect(hierarchy.successors(Units.districtUnitId("123"), d("2025-07-01"))).toEqual([])
  })

  it("forms the 75 communes on 1/7/2025 without inventing which former communes went into them", () => {
    const e = Lineage.communesFormed
    expect(e.kind).toBe("establish")
    expect(e.date).toBe("2025-07-01")
    expect(e.sources).toEqual([])
    expect([...e.targets].sort()).toEqual(atLevel("2025-07-01", "commune").map((u) => u.id).sort())
    for (const t of e.targets) expect(hierarchy.predecessors(t), t).toEqual([])
  })

  it("reclassifies huyện Mộc Châu as thị xã Mộc Châu, one unit to one", () => {
    const e = Lineage.mocChauReclassified
    expect(e.kind).toBe("reclassify")
    expect(e.sources).toEqual([Units.districtUnitId("123")])
    const [target] = e.targets
    expect(hierarchy.get(target!)).toMatchObject({ code: "123", type: "thi-xa" })
    expect(hierarchy.predecessors(target!).map((u) => u.name)).toEqual(["Huyện Mộc Châu"])
  })

  it("has events of the arity their kind takes, in date order", () => {
    for (const e of lineage) {
      const [minS, maxS, minT, maxT] = AdminUnit.lineageArity[e.kind]
      expect(e.sources.length >= minS && e.sources.length <= maxS, e.id).toBe(true)
      expect(e.targets.length >= minT && e.targets.length <= maxT, e.id).toBe(true)
    }
    expect(lineage.map((e) => e.date)).toEqual([...lineage.map((e) => e.date)].sort())
  })
})
