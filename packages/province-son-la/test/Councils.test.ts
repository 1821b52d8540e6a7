import { CalendarDate, CommitteeKind, Council, Dataset, Ids, Registry, Validation } from "@hdnd/core"
import { describe, expect, it } from "vitest"
import { batch, councils, Councils, organs, terms, units } from "../src/index.js"
import { d, hierarchy } from "./utils/hierarchy.js"

const unitOf = (c: Council.Council) => hierarchy.get(c.unit)!
const validOn = (day: string) => councils.filter((c) => CalendarDate.contains(c.validity, d(day)))
const committeesOf = (council: string) =>
  organs.filter((o) => o.council === council && o.kind === "committee").map((o) => o.committeeKind as string).sort()

describe("the councils of Sơn La", () => {
  it("exist only while their unit exists", () => {
    for (const c of councils) expect(CalendarDate.within(c.validity, unitOf(c).validity), c.id).toBe(true)
    expect(new Set(councils.map((c) => c.unit)).size).toBe(councils.length)
  })

  it("count 13 on 30/6/2023 (province + 12 district-level) and 76 on 1/7/2025 (province + 75 communes)", () => {
    expect(validOn("2023-06-30")).toHaveLength(13)
    expect(validOn("2023-06-30").filter((c) => unitOf(c).level === "district")).toHaveLength(12)
    expect(validOn("2025-07-01")).toHaveLength(76)
    expect(validOn("2025-07-01").filter((c) => unitOf(c).level === "commune")).toHaveLength(75)
  })

  it("end by 30/6/2025 at district level and start on 1/7/2025 at commune level", () => {
    const district = councils.filter((c) => unitOf(c).level === "district")
    expect(district).toHaveLength(13)
    for (const c of district) expect(c.validity.to !== undefined && c.validity.to <= "2025-06-30", c.id).toBe(true)
    const commune = councils.filter((c) => unitOf(c).level === "commune")
    expect(commune).toHaveLength(75)
    for (const c of commune) expect(c.validity.from, c.id).toBe("2025-07-01")
  })

  it("keep the ids the Sơn La example uses", () => {
    const ids = new Set<string>([...councils.map((c) => c.id), ...terms.map((t) => t.id), ...organs.map((o) => o.id), ...units.map((u) => u.id)])
    for (const id of [
      "unit:14", "unit:116", "unit:123", "unit:128", "hdnd-tinh-son-la", "hdnd-tp-son-la", "hdnd-huyen-mai-son", "hdnd-huyen-moc-chau",
      "hdnd-tinh-son-la/khoa-xv", "hdnd-tp-son-la/khoa-xx", "hdnd-huyen-mai-son/khoa-xxi", "hdnd-huyen-van-ho/khoa-iii",
      "hdnd-tinh-son-la/hdnd", "hdnd-tinh-son-la/thuong-truc", "hdnd-tinh-son-la/ban-dan-toc", "hdnd-tp-son-la/ban-phap-che",
      "hdnd-huyen-mai-son/ban-kinh-te-xa-hoi"
    ]) expect(ids.has(id), id).toBe(true)
    expect(Councils.districtCouncilId("125")).toBe("hdnd-huyen-mai-son")
    expect(Councils.districtCouncilId("123", Councils.districtCouncils.at(-1)!.council.validity.from)).toBe("hdnd-thi-xa-moc-chau")
  })

  it("have the committees of their level and era: 4 at the province, 2 per district, 2 per commune", () => {
    expect(committeesOf(Councils.PROVINCE_COUNCIL_ID)).toEqual(["dan-toc", "kinh-te-ngan-sach", "phap-che", "van-hoa-xa-hoi"])
    for (const { council } of Councils.districtCouncils) expect(committeesOf(council.id), council.id).toEqual(["kinh-te-xa-hoi", "phap-che"])
    for (const { council } of Councils.communeCouncils) expect(committeesOf(council.id), council.id).toEqual(["kinh-te-ngan-sach", "van-hoa-xa-hoi"])
    for (const x of Councils.allCouncils) {
      const own = organs.filter((o) => o.council === x.council.id)
      expect(own.filter((o) => o.kind === "plenary"), x.council.id).toHaveLength(1)
      expect(own.filter((o) => o.kind === "standing"), x.council.id).toHaveLength(1)
    }
  })

  it("have only committees that core's committee rules allow for their level, unit type and dates", () => {
    for (const o of organs.filter((x) => x.kind === "committee")) {
      const council = councils.find((c) => c.id === o.council)!
      const unit = unitOf(council)
      const rules = CommitteeKind.builtinCommitteeRules.filter(
        (r) =>
          r.levels.includes(unit.level) &&
          (r.unitTypes === undefined || r.unitTypes.includes(unit.type)) &&
          (r.kinds.includes(o.committeeKind!) || (r.conditional?.includes(o.committeeKind!) ?? false))
      )
      // One rule covers the organ's whole validity (no rule here spans a gap).
      expect(rules.some((r) => CalendarDate.within(o.validity, r.validity)), o.id).toBe(true)
    }
  })

  it("would be rejected with a committee of the wrong era: Ban Pháp chế of a commune council after 1/7/2025", () => {
    const commune = Councils.communeCouncils[0]!.council
    const wrong = new Council.Organ({
      id: Ids.OrganId.make(`${commune.id}/ban-phap-che`),
      council: commune.id,
      kind: "committee",
      committeeKind: Ids.CommitteeKindId.make("phap-che"),
      name: `Ban Pháp chế ${commune.name}`,
      validity: { from: d("2025-07-01") }
    })
    const problems = Validation.validateBatch(Dataset.empty, { ...batch, organs: [...organs, wrong] }, Registry.builtin)
    expect(problems.map((p) => [p.id, p.code])).toEqual([[wrong.id, "committee-not-allowed"]])
  })

  it("record khóa XV of the province from its first session, open-ended, and no term for the commune councils", () => {
    const xv = terms.find((t) => t.id === Councils.PROVINCE_TERM_ID)
    expect(xv).toMatchObject({ convocation: "XV", validity: { from: "2021-06-25" } })
    expect(xv?.validity.to).toBeUndefined()
    expect(terms).toHaveLength(14)
    const communeIds = new Set(Councils.communeCouncils.map((x) => x.council.id as string))
    expect(terms.filter((t) => communeIds.has(t.council))).toEqual([])
  })
})
