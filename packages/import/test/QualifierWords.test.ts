import { Decode, Csv, Vocabulary } from "@hdnd/import"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { collect, problemLines } from "./utils/collect.js"
import { dataset } from "./utils/fixture.js"

const decode = (text: string) => collect(Decode.decode(Csv.read({ name: "so-lieu.csv", data: text }), { dataset }))
const tallies = async (text: string) => {
  const out = await decode(text)
  expect(problemLines(out)).toEqual([])
  return out.flatMap((d) => (d._tag === "Record" ? [JSON.parse(JSON.stringify(d.record)) as Record<string, unknown>] : []))
}
const HEAD = "Mã;HĐND;Chỉ tiêu;Từ ngày;Đến ngày;Số liệu"

describe("qualifier words of tallies", () => {
  it("keeps the word of the qualifier column as entered, for the qualifier it stands for", async () => {
    const rows = await tallies(
      `${HEAD};Mức độ\n` +
        ["trên", "hơn", "gần", "khoảng", "ước", "hàng", "chưa đến", "dưới", "Trên", "tren", "over", "chính xác"]
          .map((w, i) => `x${i};HĐND tỉnh Sơn La;Nội dung đã thẩm tra;01/08/2022;31/08/2023;1.500;${w}`)
          .join("\n")
    )
    expect(rows.map((r) => [r.qualifier, r.qualifierText])).toEqual([
      ["over", "trên"],
      ["over", "hơn"],
      ["nearly", "gần"],
      ["about", "khoảng"],
      ["about", "ước"],
      ["about", "hàng"],
      ["nearly", "chưa đến"],
      ["nearly", "dưới"],
      ["over", "trên"],
      ["over", "trên"],
      ["over", undefined],
      ["exact", undefined]
    ])
  })

  it("reads a number written with its qualifier in the number cell; the qualifier column wins", async () => {
    const rows = await tallies(
      `${HEAD};Mức độ\nx1;HĐND tỉnh Sơn La;Nội dung đã thẩm tra;01/08/2022;31/08/2023;trên 1.500;\n` +
        `x2;HĐND tỉnh Sơn La;Nội dung đã thẩm tra;01/08/2022;31/08/2023;Chưa đến 10;\n` +
        `x3;HĐND tỉnh Sơn La;Nội dung đã thẩm tra;01/08/2022;31/08/2023;khoảng 200;chính xác\n`
    )
    expect(rows.map((r) => [r.value, r.qualifier, r.qualifierText])).toEqual([
      [1500, "over", "trên"],
      [10, "nearly", "chưa đến"],
      [200, "exact", undefined]
    ])
  })

  it("splitQualified reads any qualifier word before any grouped number", () => {
    const words = ["trên", "hơn", "gần", "khoảng", "ước", "hàng", "chưa đến", "dưới", "xấp xỉ"]
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.integer({ min: 0, max: 10_000_000 }), (w, n) => {
        const grouped = String(n).replace(/\B(?=(?:\d{3})+$)/g, ".")
        const s = Vocabulary.splitQualified(`${w} ${grouped}`)
        expect(s?.wording).toBe(w)
        expect(s?.number).toBe(grouped)
        expect(s?.code).toBe(Vocabulary.lookup("qualifier", w)?.code)
      })
    )
    expect(Vocabulary.splitQualified("1.500")).toBeUndefined()
    expect(Vocabulary.splitQualified("Ban Pháp chế 3")).toBeUndefined()
  })
})
