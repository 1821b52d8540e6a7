import { describe, expect, it } from "vitest"
import { Units } from "../src/index.js"
import { atLevel, d, hierarchy } from "./utils/hierarchy.js"

const { PROVINCE_UNIT_ID } = Units

/** The name without its type, without diacritics, hyphenated: how slugs are made. */
const slugOf = (name: string): string =>
  name
    .replace(/^(Xã|Phường) /u, "")
    .replace(/Đ/g, "D")
    .replace(/đ/g, "d")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ /g, "-")

describe("the units of Sơn La", () => {
  it("have one province, the same before and after the reform (GSO code 14)", () => {
    for (const day of ["2023-06-30", "2025-06-30", "2025-07-01", "2026-12-31"]) {
      const provinces = atLevel(day, "province")
      expect(provinces.map((u) => [u.id, u.code, u.name]), day).toEqual([[PROVINCE_UNIT_ID, "14", "Tỉnh Sơn La"]])
    }
  })

  it("have 12 district-level units on 30/6/2023 (1 thành phố + 11 huyện), the province's children", () => {
    const children = hierarchy.children(PROVINCE_UNIT_ID, d("2023-06-30"))
    expect(children.map((u) => u.code)).toEqual(["116", "118", "119", "120", "121", "122", "123", "124", "125", "126", "127", "128"])
    expect(children.every((u) => u.level === "district")).toBe(true)
    expect(children.filter((u) => u.type === "huyen")).toHaveLength(11)
    expect(children.filter((u) => u.type === "thanh-pho-thuoc-tinh").map((u) => u.name)).toEqual(["Thành phố Sơn La"])
    expect(atLevel("2023-06-30", "district")).toHaveLength(12)
  })

  it("have 12 district-level units on 30/6/2025 too, Mộc Châu then a thị xã (1 thành phố + 1 thị xã + 10 huyện)", () => {
    const districts = atLevel("2025-06-30", "district")
    expect(districts).toHaveLength(12)
    expect(districts.filter((u) => u.type === "huyen")).toHaveLength(10)
    expect(districts.filter((u) => u.type === "thi-xa").map((u) => u.name)).toEqual(["Thị xã Mộc Châu"])
  })

  it("have 75 commune-level units (67 xã, 8 phường) and no district on 1/7/2025, parented to the province", () => {
    expect(atLevel("2025-07-01", "district")).toEqual([])
    const communes = atLevel("2025-07-01", "commune")
    expect(communes).toHaveLength(75)
    expect(communes.filter((u) => u.type === "xa")).toHaveLength(67)
    expect(communes.filter((u) => u.type === "phuong")).toHaveLength(8)
    const children = hierarchy.children(PROVINCE_UNIT_ID, d("2025-07-01"))
    expect(children.map((u) => u.id).sort()).toEqual(communes.map((u) => u.id).sort())
    expect(hierarchy.subtree(PROVINCE_UNIT_ID, d("2025-07-01"))).toHaveLength(76)
  })

  it("record the 2025 communes of the brief's table (spot checks, and the 7 xã that were not rearranged)", () => {
    const name = (code: string) => hierarchy.byCode(code, d("2025-07-01"))?.name
    expect(name("03646")).toBe("Phường Tô Hiệu")
    expect(name("03664")).toBe("Phường Chiềng An")
    expect(name("03985")).toBe("Xã Chiềng Sơn")
    expect(name("04048")).toBe("Xã Vân Hồ")
    expect(name("04240")).toBe("Xã Mường Lèo")
    const names = new Set(atLevel("2025-07-01", "commune").map((u) => u.name))
    for (const x of ["Mường Lạn", "Phiêng Khoài", "Suối Tọ", "Ngọc Chiến", "Tân Yên", "Mường Bám", "Mường Lèo"]) expect(names.has(`Xã ${x}`), x).toBe(true)
    expect(
      [...names].filter((n) => n.startsWith("Phường ")).sort()
    ).toEqual(["Phường Chiềng An", "Phường Chiềng Cơi", "Phường Chiềng Sinh", "Phường Mộc Châu", "Phường Mộc Sơn", "Phường Thảo Nguyên", "Phường Tô Hiệu", "Phường Vân Sơn"])
  })

  it("give every 2025 commune a 5-digit code, unique among the units valid on 1/7/2025, and a slug made from its name", () => {
    const valid = hierarchy.asOf(d("2025-07-01"))
    const communes = valid.filter((u) => u.level === "commune")
    expect(communes.every((u) => /^\d{5}$/.test(u.code))).toBe(true)
    expect(new Set(valid.map((u) => u.code)).size).toBe(valid.length)
    expect(Units.communes2025.map((x) => x.slug)).toEqual(Units.communes2025.map((x) => slugOf(x.name)))
    expect(new Set(Units.communes2025.map((x) => x.slug)).size).toBe(75)
    expect(Units.communes2025.every((x) => x.name.normalize("NFC") === x.name)).toBe(true)
  })

  it("key units by (code, first day): 03646 names phường Chiềng Lề until 30/6/2025 and phường Tô Hiệu from 1/7/2025", () => {
    const before = hierarchy.byCode("03646", d("2025-06-30"))
    const after = hierarchy.byCode("03646", d("2025-07-01"))
    expect(before?.name).toBe("Phường Chiềng Lề")
    expect(after?.name).toBe("Phường Tô Hiệu")
    expect(before?.id).not.toBe(after?.id)
    expect(after?.id).toBe(Units.communeUnitId("03646"))
    // Chiềng Lề belonged to TP Sơn La; Tô Hiệu belongs to the province directly.
    expect(hierarchy.ancestorAtLevel(before!.id, "district")?.name).toBe("Thành phố Sơn La")
    expect(after?.parent).toBe(PROVINCE_UNIT_ID)
  })

  it("model Mộc Châu's change from huyện to thị xã as two versions of code 123", () => {
    const at = (day: string) => hierarchy.byCode("123", d(day))
    expect(at("2023-06-30")).toMatchObject({ id: "unit:123", type: "huyen", name: "Huyện Mộc Châu" })
    expect(at("2025-03-01")).toMatchObject({ type: "thi-xa", name: "Thị xã Mộc Châu" })
    // [U] the day of the change; the GSO lists bracket it between 01/01/2025 (huyện) and 01/03/2025 (thị xã).
    const change = Units.MOC_CHAU_TOWN_FROM
    expect(change >= "2025-01-01" && change <= "2025-03-01").toBe(true)
    expect(hierarchy.byCode("123", change)?.type).toBe("thi-xa")
    expect(hierarchy.byCode("123", d("2024-12-31"))?.type).toBe("huyen")
    expect(at("2025-07-01")).toBeUndefined()
    expect(hierarchy.successors(Units.districtUnitId("123"), d("2025-03-01")).map((u) => u.name)).toEqual(["Thị xã Mộc Châu"])
  })
})
