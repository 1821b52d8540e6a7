import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { LineageKind } from "../src/AdminUnit.js"
import { AdminUnit, LineageEvent } from "../src/AdminUnit.js"
import type { CalendarDate } from "../src/CalendarDate.js"
import { contains, date, fromDayNumber, toDayNumber } from "../src/CalendarDate.js"
import * as Hierarchy from "../src/Hierarchy.js"
import type { LineageEventId, UnitId } from "../src/Ids.js"

// Sơn La in miniature: two districts before 1/7/2025 (Mộc Châu reclassified from huyện to thị xã on
// 18/1/2025), communes before the reform, and communes from 1/7/2025 that reuse old codes.
const unit = (id: string, code: string, name: string, type: AdminUnit["type"], from: string, to?: string, parent?: string) =>
  new AdminUnit({
    id: id as UnitId,
    code,
    name,
    type,
    validity: to === undefined ? { from: date(from) } : { from: date(from), to: date(to) },
    ...(parent === undefined ? {} : { parent: parent as UnitId })
  })

const event = (id: string, kind: LineageKind, on: string, sources: ReadonlyArray<string>, targets: ReadonlyArray<string>) =>
  new LineageEvent({ id: id as LineageEventId, kind, date: date(on), sources: sources as Array<UnitId>, targets: targets as Array<UnitId> })

const u = {
  p14: unit("p14", "14", "Tỉnh Sơn La", "tinh", "2004-01-01"),
  d116: unit("d116", "116", "Thành phố Sơn La", "thanh-pho-thuoc-tinh", "2008-09-03", "2025-06-30", "p14"),
  d123a: unit("d123a", "123", "Huyện Mộc Châu", "huyen", "2004-01-01", "2025-01-17", "p14"),
  d123b: unit("d123b", "123", "Thị xã Mộc Châu", "thi-xa", "2025-01-18", "2025-06-30", "p14"),
  chiengLe: unit("x03646a", "03646", "Phường Chiềng Lề", "phuong", "2008-09-03", "2025-06-30", "d116"),
  toHieuOld: unit("x03649a", "03649", "Phường Tô Hiệu", "phuong", "2008-09-03", "2025-06-30", "d116"),
  chiengXom: unit("x03664a", "03664", "Xã Chiềng Xôm", "xa", "2008-09-03", "2025-06-30", "d116"),
  chiengAnOld: unit("x03661a", "03661", "Phường Chiềng An", "phuong", "2008-09-03", "2025-06-30", "d116"),
  ttMocChau: unit("x03980a", "03980", "Thị trấn Mộc Châu", "thi-tran", "2004-01-01", "2025-01-17", "d123a"),
  pMocChau: unit("x03980b", "03980", "Phường Mộc Châu", "phuong", "2025-01-18", "2025-06-30", "d123b"),
  pBinhMinh: unit("x03982a", "03982", "Phường Bình Minh", "phuong", "2025-01-18", "2025-06-30", "d123b"),
  toHieu: unit("x03646b", "03646", "Phường Tô Hiệu", "phuong", "2025-07-01", undefined, "p14"),
  chiengAn: unit("x03664b", "03664", "Phường Chiềng An", "phuong", "2025-07-01", undefined, "p14"),
  mocChau: unit("x03980c", "03980", "Phường Mộc Châu", "phuong", "2025-07-01", undefined, "p14")
}
const units = Object.values(u)

const lineage = [
  event("e-moc-chau-district", "reclassify", "2025-01-18", ["d123a"], ["d123b"]),
  event("e-moc-chau-town", "reclassify", "2025-01-18", ["x03980a"], ["x03980b"]),
  event("e-binh-minh", "establish", "2025-01-18", [], ["x03982a"]),
  event("e-to-hieu", "merge", "2025-07-01", ["x03646a", "x03649a"], ["x03646b"]),
  event("e-chieng-an", "merge", "2025-07-01", ["x03664a", "x03661a"], ["x03664b"]),
  event("e-moc-chau", "merge", "2025-07-01", ["x03980b", "x03982a"], ["x03980c"]),
  event("e-districts", "abolish", "2025-07-01", ["d116", "d123b"], [])
]

const h = Hierarchy.make(units, lineage)
const ids = (list: ReadonlyArray<AdminUnit>) => list.map((x) => x.id as string)
const id = (s: string) => s as UnitId

describe("Hierarchy.asOf and children", () => {
  it("lists districts and their communes before 1/7/2025", () => {
    const list = h.asOf(date("2023-06-01"))
    expect(ids(list)).toEqual(["p14", "d116", "d123a", "x03646a", "x03649a", "x03661a", "x03664a", "x03980a"])
    expect(list.filter((x) => x.level === "district").map((x) => x.name)).toEqual(["Thành phố Sơn La", "Huyện Mộc Châu"])
    expect(ids(h.children(id("p14"), date("2023-06-01")))).toEqual(["d116", "d123a"])
  })

  it("shows the thị xã between the reclassification and the reform", () => {
    expect(ids(h.asOf(date("2025-06-30")).filter((x) => x.level === "district"))).toEqual(["d116", "d123b"])
    expect(ids(h.children(id("d123b"), date("2025-03-01")))).toEqual(["x03980b", "x03982a"])
    expect(h.children(id("d123a"), date("2025-03-01"))).toEqual([])
  })

  it("has no district level from 1/7/2025, only the province and the new communes", () => {
    const list = h.asOf(date("2025-07-01"))
    expect(ids(list)).toEqual(["p14", "x03646b", "x03664b", "x03980c"])
    expect(list.some((x) => x.level === "district")).toBe(false)
    expect(ids(h.children(id("p14"), date("2025-07-01")))).toEqual(["x03646b", "x03664b", "x03980c"])
  })

  it("walks a subtree breadth-first, root first, and is empty for a unit not valid that day", () => {
    expect(ids(h.subtree(id("p14"), date("2023-06-01")))).toEqual([
      "p14", "d116", "d123a", "x03646a", "x03649a", "x03661a", "x03664a", "x03980a"
    ])
    expect(ids(h.subtree(id("d116"), date("2024-01-01")))).toEqual(["d116", "x03646a", "x03649a", "x03661a", "x03664a"])
    expect(h.subtree(id("d116"), date("2025-07-01"))).toEqual([])
    expect(h.subtree(id("nowhere"), date("2025-07-01"))).toEqual([])
  })
})

describe("Hierarchy codes and ancestors", () => {
  it("answers byCode by date because codes are reused across 1/7/2025", () => {
    expect(h.byCode("03646", date("2025-06-30"))?.name).toBe("Phường Chiềng Lề")
    expect(h.byCode("03646", date("2025-07-01"))?.name).toBe("Phường Tô Hiệu")
    expect(h.byCode("03664", date("2025-06-30"))?.name).toBe("Xã Chiềng Xôm")
    expect(h.byCode("03664", date("2026-01-01"))?.name).toBe("Phường Chiềng An")
    expect(h.byCode("123", date("2025-01-17"))?.type).toBe("huyen")
    expect(h.byCode("123", date("2025-01-18"))?.type).toBe("thi-xa")
    expect(h.byCode("123", date("2025-07-01"))).toBeUndefined()
    expect(h.byCode("03980", date("2003-12-31"))).toBeUndefined()
    expect(h.byCode("99999", date("2024-01-01"))).toBeUndefined()
  })

  it("lists ancestors nearest first and finds the one at a level", () => {
    expect(ids(h.ancestors(id("x03980a")))).toEqual(["d123a", "p14"])
    expect(ids(h.ancestors(id("x03646b")))).toEqual(["p14"])
    expect(h.ancestors(id("p14"))).toEqual([])
    expect(h.ancestorAtLevel(id("x03980b"), "district")?.id).toBe("d123b")
    expect(h.ancestorAtLevel(id("x03980b"), "province")?.id).toBe("p14")
    expect(h.ancestorAtLevel(id("p14"), "province")?.id).toBe("p14")
    expect(h.ancestorAtLevel(id("x03646b"), "district")).toBeUndefined()
    expect(h.get(id("d123b"))?.name).toBe("Thị xã Mộc Châu")
  })

  it("stops on a parent cycle instead of looping", () => {
    const a = unit("a", "01001", "A", "xa", "2020-01-01", undefined, "b")
    const b = unit("b", "01002", "B", "xa", "2020-01-01", undefined, "a")
    const cyc = Hierarchy.make([a, b], [])
    expect(ids(cyc.ancestors(id("a")))).toEqual(["b"])
    expect(ids(cyc.subtree(id("a"), date("2021-01-01")))).toEqual(["a", "b"])
  })
})

describe("Hierarchy lineage", () => {
  it("follows merges forward to the units valid on a date", () => {
    expect(ids(h.successors(id("x03646a"), date("2025-08-01")))).toEqual(["x03646b"])
    expect(ids(h.successors(id("x03649a"), date("2025-08-01")))).toEqual(["x03646b"])
    // reclassify on 18/1/2025, then merge on 1/7/2025
    expect(ids(h.successors(id("x03980a"), date("2025-08-01")))).toEqual(["x03980c"])
    expect(ids(h.successors(id("x03980a"), date("2025-03-01")))).toEqual(["x03980b"])
  })

  it("returns the unit itself while it is valid, and nothing after an abolition or before it began", () => {
    expect(ids(h.successors(id("x03980a"), date("2024-01-01")))).toEqual(["x03980a"])
    expect(ids(h.successors(id("d123a"), date("2025-03-01")))).toEqual(["d123b"])
    expect(h.successors(id("d123a"), date("2025-08-01"))).toEqual([])
    expect(h.successors(id("d116"), date("2025-08-01"))).toEqual([])
    expect(h.successors(id("x03646b"), date("2025-01-01"))).toEqual([])
  })

  it("follows a split to every part", () => {
    const whole = unit("w", "01001", "Xã Gốc", "xa", "2010-01-01", "2019-12-31")
    const left = unit("l", "01002", "Xã Tây", "xa", "2020-01-01", "2022-12-31")
    const right = unit("r", "01003", "Xã Đông", "xa", "2020-01-01")
    const renamed = unit("l2", "01002", "Xã Tây Mới", "xa", "2023-01-01")
    const hs = Hierarchy.make([whole, left, right, renamed], [
      event("split", "split", "2020-01-01", ["w"], ["l", "r"]),
      event("rename", "rename", "2023-01-01", ["l"], ["l2"])
    ])
    expect(ids(hs.successors(id("w"), date("2021-01-01")))).toEqual(["l", "r"])
    expect(ids(hs.successors(id("w"), date("2024-01-01")))).toEqual(["l2", "r"])
    expect(ids(hs.predecessors(id("l2")))).toEqual(["l"])
  })

  it("finds predecessors one step back", () => {
    expect(ids(h.predecessors(id("x03646b")))).toEqual(["x03646a", "x03649a"])
    expect(ids(h.predecessors(id("x03980c")))).toEqual(["x03980b", "x03982a"])
    expect(ids(h.predecessors(id("x03980b")))).toEqual(["x03980a"])
    expect(h.predecessors(id("p14"))).toEqual([])
    expect(h.eventsFrom(id("d116")).map((e) => e.id)).toEqual(["e-districts"])
    expect(h.eventsTo(id("x03982a")).map((e) => e.kind)).toEqual(["establish"])
  })
})

describe("Hierarchy properties", () => {
  const days = fc.integer({ min: toDayNumber(date("2003-01-01")), max: toDayNumber(date("2027-01-01")) }).map(fromDayNumber)

  it("asOf, byCode and children agree with a full scan", () => {
    fc.assert(
      fc.property(days, (d: CalendarDate) => {
        const naive = units.filter((x) => contains(x.validity, d))
        expect(new Set(ids(h.asOf(d)))).toEqual(new Set(ids(naive)))
        for (const x of units) {
          expect(h.byCode(x.code, d)?.id).toBe(naive.find((y) => y.code === x.code)?.id)
          expect(new Set(ids(h.children(x.id, d)))).toEqual(new Set(ids(naive.filter((y) => y.parent === x.id))))
        }
      })
    )
  })

  it("successors are the units valid on the date among everything reachable forward", () => {
    fc.assert(
      fc.property(days, fc.constantFrom(...units), (d: CalendarDate, start: AdminUnit) => {
        const reachable = new Set<string>([start.id])
        const queue: Array<UnitId> = [start.id]
        while (queue.length > 0) {
          for (const e of h.eventsFrom(queue.pop() as UnitId)) {
            for (const t of e.targets) if (!reachable.has(t)) (reachable.add(t), queue.push(t))
          }
        }
        const expected = d < start.validity.from ? [] : units.filter((x) => reachable.has(x.id) && contains(x.validity, d))
        const succ = h.successors(start.id, d)
        expect(new Set(ids(succ))).toEqual(new Set(ids(expected)))
        expect(succ.length).toBe(expected.length)
        if (contains(start.validity, d)) expect(ids(succ)).toEqual([start.id])
      })
    )
  })
})
