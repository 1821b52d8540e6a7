/**
 * Issue #6 §5, "as-of queries across the reform", at library level over the plugin's data: which
 * units and councils exist on a day (before and after 1 July 2025), which unit a reused GSO code
 * names on a day, how a tabulation groups by the units of the map of its as-of day, and that an
 * activity can only be recorded for a council in office on its date.
 */
import { Activity, CalendarDate, Dataset, Indicators, Registry, Tabulate, Tabulation, TabulationRequest, Validation } from "@hdnd/core"
import type { Council, Ids } from "@hdnd/core"
import * as Result from "effect/Result"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { batch, councils, Councils, organs, units, Units } from "../src/index.js"
import { d, hierarchy } from "./utils/hierarchy.js"

const { PROVINCE_UNIT_ID, REFORM_DATE, DISTRICT_LEVEL_LAST_DAY, MOC_CHAU_TOWN_FROM } = Units
const registry = Registry.builtin
const structure = Dataset.fromBatch(batch)

/** Any day from 2000 to 2030; `min`/`max` narrow it. */
const day = (min = "2000-01-01", max = "2030-12-31") =>
  fc.integer({ min: CalendarDate.toDayNumber(d(min)), max: CalendarDate.toDayNumber(d(max)) }).map(CalendarDate.fromDayNumber)

/** The first day of Vân Hồ, the last district-level unit of 2022–2023 to begin. */
const ALL_TWELVE_FROM = "2013-06-10"
const NEW_KIND = /\/2025-07-01$/
const unitOf = (c: Council.Council) => hierarchy.get(c.unit)!
const isDistrictCouncil = (c: Council.Council) => unitOf(c).level === "district"
const standing = (c: Council.Council) => organs.find((o) => o.council === c.id && o.kind === "standing")!

describe("units as of a date", () => {
  it("property: every unit listed on a day is valid that day, and so is its parent, which is listed too", () => {
    fc.assert(
      fc.property(day(), (on) => {
        const listed = hierarchy.asOf(on)
        const ids = new Set(listed.map((u) => u.id))
        for (const u of listed) {
          if (!CalendarDate.contains(u.validity, on)) return false
          if (u.parent === undefined) continue
          const parent = hierarchy.get(u.parent)
          if (parent === undefined || !CalendarDate.contains(parent.validity, on) || !ids.has(parent.id)) return false
        }
        // The tree from the province reaches every unit listed (nothing hangs off an expired parent).
        return hierarchy.subtree(PROVINCE_UNIT_ID, on).length === listed.length
      })
    )
  })

  it("property: from 1/7/2025 there is no district, and the province has exactly the 75 communes of the new kind", () => {
    fc.assert(
      fc.property(day(REFORM_DATE), (on) => {
        const listed = hierarchy.asOf(on)
        const children = hierarchy.children(PROVINCE_UNIT_ID, on)
        return (
          listed.every((u) => u.level !== "district") &&
          listed.length === 76 &&
          children.length === 75 &&
          children.every((u) => u.level === "commune" && NEW_KIND.test(u.id))
        )
      })
    )
  })

  it("property: from Vân Hồ's first day to 30/6/2025 the province has exactly 12 district-level units and no commune of the new kind; Mộc Châu is a huyện until its change", () => {
    fc.assert(
      fc.property(day(ALL_TWELVE_FROM, DISTRICT_LEVEL_LAST_DAY), (on) => {
        const children = hierarchy.children(PROVINCE_UNIT_ID, on)
        const mocChau = children.find((u) => u.code === "123")
        return (
          children.length === 12 &&
          children.every((u) => u.level === "district") &&
          hierarchy.asOf(on).every((u) => !NEW_KIND.test(u.id)) &&
          mocChau?.type === (on < MOC_CHAU_TOWN_FROM ? "huyen" : "thi-xa")
        )
      })
    )
  })
})

describe("a GSO code across the reform (Hierarchy.byCode)", () => {
  const codes = [...new Set(units.map((u) => u.code))]

  it("property: a code names, on any day, the one unit version with that code valid that day (or none)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...codes), day(), (code, on) => {
        const valid = units.filter((u) => u.code === code && CalendarDate.contains(u.validity, on))
        return valid.length <= 1 && hierarchy.byCode(code, on)?.id === valid[0]?.id
      })
    )
  })

  it("03646 is phường Chiềng Lề (under TP Sơn La) up to 30/6/2025 and phường Tô Hiệu (under the province) from 1/7/2025, never both", () => {
    fc.assert(
      fc.property(day("2008-09-03"), (on) => {
        const u = hierarchy.byCode("03646", on)
        return on <= DISTRICT_LEVEL_LAST_DAY
          ? u?.id === "unit:03646" && u.name === "Phường Chiềng Lề" && hierarchy.ancestorAtLevel(u.id, "district")?.name === "Thành phố Sơn La"
          : u?.id === "unit:03646/2025-07-01" && u.name === "Phường Tô Hiệu" && u.parent === PROVINCE_UNIT_ID
      })
    )
    // The two holders of the code are not linked by the lineage: the package records no commune merges.
    expect(hierarchy.successors(Units.communeUnitId("03646"), REFORM_DATE).map((u) => u.name)).toEqual(["Phường Tô Hiệu"])
    expect(hierarchy.predecessors(Units.communeUnitId("03646"))).toEqual([])
  })

  it("123 is huyện Mộc Châu, then thị xã Mộc Châu, then nothing; the lineage leads from the huyện to the thị xã and ends with the district level", () => {
    fc.assert(
      fc.property(day(Units.CODE_TABLE_DATE), (on) => {
        const u = hierarchy.byCode("123", on)
        const next = hierarchy.successors(Units.districtUnitId("123"), on).map((x) => x.name)
        if (on < MOC_CHAU_TOWN_FROM) return u?.name === "Huyện Mộc Châu" && next.join() === "Huyện Mộc Châu"
        if (on <= DISTRICT_LEVEL_LAST_DAY) return u?.name === "Thị xã Mộc Châu" && u.type === "thi-xa" && next.join() === "Thị xã Mộc Châu"
        return u === undefined && next.length === 0
      })
    )
    // From 1/7/2025 the name lives on as a phường with a commune code of its own.
    expect(hierarchy.byCode("03980", REFORM_DATE)?.name).toBe("Phường Mộc Châu")
    expect(hierarchy.byCode("03980", DISTRICT_LEVEL_LAST_DAY)).toBeUndefined()
  })
})

describe("councils as of a date", () => {
  it("property: a council in office on a day has its unit valid that day; from 1/7/2025 no district council is", () => {
    fc.assert(
      fc.property(day(), (on) => {
        const inOffice = councils.filter((c) => CalendarDate.contains(c.validity, on))
        if (!inOffice.every((c) => CalendarDate.contains(unitOf(c).validity, on))) return false
        if (on < REFORM_DATE) return inOffice.every((c) => unitOf(c).level !== "commune")
        return inOffice.length === 76 && inOffice.every((c) => !isDistrictCouncil(c))
      })
    )
  })
})

/** A survey by the council's Thường trực on `date`. */
const survey = (id: string, council: Council.Council, date: CalendarDate.CalendarDate): Activity.Activity =>
  new Activity.Activity({
    id: id as Ids.ActivityId,
    council: council.id,
    kind: "survey" as Ids.ActivityKindId,
    owner: standing(council).id,
    organisers: [standing(council).id],
    date: { from: date },
    title: `Khảo sát ${id}`
  })

describe("activities across the reform", () => {
  const check = (a: Activity.Activity) => Validation.validateBatch(structure, { activities: [a] }, registry)
  const council = (id: string) => councils.find((c) => c.id === id)!

  it("an activity dated 1/8/2025 is refused for every district council, naming it and its end date, and accepted for every commune council", () => {
    const on = d("2025-08-01")
    for (const c of councils.filter(isDistrictCouncil)) {
      const ps = check(survey("ks", c, on))
      expect(ps.map((p) => `${p.field}|${p.code}`), c.id).toEqual(["date.from|outside-validity"])
      expect(ps[0]!.vi).toContain(`HĐND "${c.id}" (${c.name}) đã kết thúc hoạt động ngày ${c.validity.to}`)
      expect(ps[0]!.en).toContain(`council "${c.id}" (${c.name}) ended on ${c.validity.to}`)
      expect(ps[0]!.en).toContain("correct the date if it is wrong, or record the activity for a council in office on 2025-08-01")
    }
    for (const c of councils.filter((c) => unitOf(c).level === "commune")) expect(check(survey("ks", c, on)), c.id).toEqual([])
    expect(check(survey("ks", council(Councils.PROVINCE_COUNCIL_ID), on))).toEqual([])
  })

  it("an activity dated 15/6/2025 is refused for a commune council, which begins on 1/7/2025", () => {
    const c = council(Councils.communeCouncilId("03985"))
    const ps = check(survey("ks", c, d("2025-06-15")))
    expect(ps.map((p) => `${p.field}|${p.code}`)).toEqual(["date.from|outside-validity"])
    expect(ps[0]!.describe("vi")).toBe(
      'Activity "ks" › date.from: HĐND "hdnd-xa-chieng-son-2025" (HĐND xã Chiềng Sơn) chỉ bắt đầu hoạt động từ ngày 2025-07-01, sau ngày 2025-06-15 của bản ghi này, nên chưa ghi được hoạt động cho HĐND đó; hãy sửa ngày nếu ghi nhầm, hoặc ghi hoạt động cho HĐND đang hoạt động vào ngày 2025-06-15'
    )
  })

  it("an activity of huyện Mộc Châu's council after its change points to thị xã Mộc Châu's council", () => {
    const ps = check(survey("ks", council(Councils.districtCouncilId("123")), d("2025-03-01")))
    expect(ps.map((p) => `${p.field}|${p.code}`)).toEqual(["date.from|outside-validity"])
    expect(ps[0]!.vi).toMatch(/đã kết thúc hoạt động ngày 2024-12-31, .*vào ngày 2025-03-01: "hdnd-thi-xa-moc-chau" \(HĐND thị xã Mộc Châu\)$/)
  })

  it("property: a survey by a council's Thường trực is accepted iff the Thường trực is in office that day; out of the council's lifetime it is one problem naming the council", () => {
    fc.assert(
      fc.property(fc.constantFrom(...councils), day("2020-01-01", "2027-12-31"), (c, on) => {
        const ps = check(survey("p", c, on))
        if (CalendarDate.contains(standing(c).validity, on)) return ps.length === 0
        if (CalendarDate.contains(c.validity, on)) return ps.length > 0 && ps.every((p) => p.code === "organ-not-valid")
        return ps.length === 1 && ps[0]!.code === "outside-validity" && ps[0]!.field === "date.from" && ps[0]!.en.includes(`council "${c.id}"`)
      })
    )
  })
})

describe("tabulating as of a date", () => {
  const districtCouncils = Councils.districtCouncils.map((x) => x.council).filter((c) => c.validity.from < "2023-01-01")
  const communeCouncils = Councils.communeCouncils.map((x) => x.council)
  const province = council(Councils.PROVINCE_COUNCIL_ID)
  function council(id: string): Council.Council {
    return councils.find((c) => c.id === id)!
  }
  const tabulate = (ds: Dataset.Dataset, asOf: string) =>
    Result.getOrThrow(
      Tabulate.tabulate(ds, registry, {
        indicators: [Indicators.ids.survey],
        scope: TabulationRequest.subtree(PROVINCE_UNIT_ID, d(asOf)),
        period: CalendarDate.period("2022-01-01", "2025-12-31"),
        groupBy: ["unit"]
      })
    )
  const byUnit = (t: Tabulation.Tabulation) => Object.fromEntries(Tabulation.toRows(t).map((r) => [r.key[0], r.value]))

  it("property: as of 2023 the rows are the old districts (and the province), as of 1/7/2025 the new communes; the rows add up to the province-wide figure", () => {
    const counts = (n: number) => fc.array(fc.nat({ max: 3 }), { minLength: n, maxLength: n })
    fc.assert(
      fc.property(counts(districtCouncils.length), counts(communeCouncils.length), fc.nat({ max: 3 }), (perDistrict, perCommune, perProvince) => {
        const activities: Array<Activity.Activity> = []
        const add = (c: Council.Council, n: number, on: string) => {
          for (let i = 0; i < n; i++) activities.push(survey(`${c.id}/${on}/${i}`, c, d(on)))
        }
        districtCouncils.forEach((c, i) => add(c, perDistrict[i]!, "2023-03-15"))
        communeCouncils.forEach((c, i) => add(c, perCommune[i]!, "2025-09-15"))
        add(province, perProvince, "2023-03-15")
        add(province, perProvince, "2025-09-15")
        const ds = Dataset.apply(structure, { activities })
        const sum = (xs: ReadonlyArray<number>) => xs.reduce((a, b) => a + b, 0)

        const before = tabulate(ds, "2023-06-30")
        const expectedBefore = Object.fromEntries([
          ...districtCouncils.flatMap((c, i) => (perDistrict[i]! > 0 ? [[c.unit, perDistrict[i]!]] : [])),
          ...(perProvince > 0 ? [[PROVINCE_UNIT_ID, 2 * perProvince]] : [])
        ])
        expect(byUnit(before)).toEqual(expectedBefore)
        expect(Tabulation.valueOf(before, Indicators.ids.survey).value).toBe(sum(perDistrict) + 2 * perProvince)

        const after = tabulate(ds, "2025-07-01")
        const expectedAfter = Object.fromEntries([
          ...communeCouncils.flatMap((c, i) => (perCommune[i]! > 0 ? [[c.unit, perCommune[i]!]] : [])),
          ...(perProvince > 0 ? [[PROVINCE_UNIT_ID, 2 * perProvince]] : [])
        ])
        expect(byUnit(after)).toEqual(expectedAfter)
        expect(Tabulation.valueOf(after, Indicators.ids.survey).value).toBe(sum(perCommune) + 2 * perProvince)
      }),
      { numRuns: 50 }
    )
  })

  it("labels the rows with the units' names of that day", () => {
    const ds = Dataset.apply(structure, { activities: [survey("a", council(Councils.districtCouncilId("123")), d("2023-03-15"))] })
    const t = tabulate(ds, "2023-06-30")
    expect(Tabulation.labelOf(t, "unit:123")).toBe("Huyện Mộc Châu")
  })
})
