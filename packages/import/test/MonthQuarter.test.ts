import { Csv, Decode } from "@hdnd/import"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseMonth, parseQuarter } from "../src/internal/fields.js"
import { collect, problemLines } from "./utils/collect.js"
import { dataset } from "./utils/fixture.js"

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"] as const
const roman = (n: number): string => ROMAN[n - 1] as string
const pad2 = (n: number): string => String(n).padStart(2, "0")
const quarterOf = (m: number): number => Math.ceil(m / 3)

/** Every way council staff write month `m` (a lone "X" is a tick mark, not October). */
const monthForms = (m: number): ReadonlyArray<string> => [
  String(m), pad2(m), `Tháng ${m}`, `tháng ${pad2(m)}`, `THÁNG ${m}`, `Thang ${m}`, `T${m}`, `t${pad2(m)}`, `T.${m}`, `T ${m}`, `Tháng ${roman(m)}`, `T${roman(m)}`,
  ...(m === 10 ? [] : [roman(m), roman(m).toLowerCase()])
]

/** Every way council staff write quarter `q`. */
const quarterForms = (q: number): ReadonlyArray<string> => [
  String(q), pad2(q), `Quý ${q}`, `quý ${q}`, `Quý ${roman(q)}`, `QUÝ ${roman(q)}`, `quy ${roman(q).toLowerCase()}`, `Q${q}`, `q${q}`, `Q.${q}`, `Q ${roman(q)}`, roman(q), roman(q).toLowerCase()
]

/** A string written in decomposed form (NFD), or in random upper and lower case. */
const variantArb = (s: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(s),
    fc.constant(s.normalize("NFD")),
    fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((up) => [...s].map((ch, i) => (up[i] === true ? ch.toUpperCase() : ch.toLowerCase())).join("")),
    fc.constant(` ${s} `)
  )

const HEADER = "Mã;Chương trình;Loại hoạt động;Nội dung;Tháng;Quý"
const FILE = "noi-dung-chuong-trinh.csv"

/** Decodes programme items, one row per [month, quarter] cell pair (rows 2, 3 …). */
const decodeItems = (rows: ReadonlyArray<readonly [string, string]>) =>
  collect(Decode.decode(Csv.read({
    name: FILE,
    data: [HEADER, ...rows.map(([m, q], i) => Csv.formatRow([`ct1.${i + 1}`, "ct1", "khảo sát", "Khảo sát", m, q], ";").replace(/\r\n$/, ""))].join("\n")
  }), { dataset }))

const periods = (items: ReadonlyArray<Decode.Decoded>) =>
  items.flatMap((d) => {
    if (d._tag !== "Record") return []
    const r = d.record as { readonly month?: number; readonly quarter?: number }
    return [[r.month, r.quarter]]
  })

describe("month and quarter cells of programme items", () => {
  it("read every written form of every month and quarter", () => {
    for (let m = 1; m <= 12; m++) for (const f of monthForms(m)) expect([f, parseMonth(f)]).toEqual([f, m])
    for (let q = 1; q <= 4; q++) for (const f of quarterForms(q)) expect([f, parseQuarter(f)]).toEqual([f, q])
  })

  it("read plain numbers as before (out-of-range numbers are left for the schema), and nothing else", () => {
    expect(parseMonth("1.044")).toBe(1044)
    expect(parseMonth("13")).toBe(13)
    expect(parseMonth("Tháng 13")).toBe(13)
    expect(parseQuarter("Q5")).toBe(5)
    // A lone "x" is a tick mark, not month X.
    expect(parseMonth("Tháng X")).toBe(10)
    for (const s of ["", "x", "X", "tháng bảy", "Tháng 7/2023", "XIII", "Quý 3", "Q3", "7 tháng"]) expect([s, parseMonth(s)]).toEqual([s, undefined])
    for (const s of ["", "x", "V", "Quý V", "Tháng 3", "T3", "quý ba", "Quý III/2023"]) expect([s, parseQuarter(s)]).toEqual([s, undefined])
  })

  it("decode the written forms into the record", async () => {
    const out = await decodeItems([["Tháng 7", "Quý III"], ["tháng 07", "quý 3"], ["T7", "Q3"], ["VII", "III"], ["", "Quý II"], ["Tháng 1".normalize("NFD"), "QUÝ I".normalize("NFD")]])
    expect(problemLines(out)).toEqual([])
    expect(periods(out)).toEqual([[7, 3], [7, 3], [7, 3], [7, 3], [undefined, 2], [1, 1]])
  })

  it("report an unreadable cell at its file, row and column, listing the accepted forms", async () => {
    const out = await decodeItems([["tháng bảy", ""], ["", "quý ba"], ["Tháng 13", "Quý V"], ["", "Q5"], ["x", ""]])
    expect(problemLines(out)).toEqual([
      "2:E month import.invalid-month",
      "3:F quarter import.invalid-quarter",
      // A readable number out of range is the schema's to report, as for plain numbers.
      "4:F quarter import.invalid-quarter",
      "4:E month schema.refinement",
      "5:F quarter schema.refinement",
      "6:E month import.invalid-month"
    ])
    const [month, quarter] = out.flatMap((d) => (d._tag === "Rejected" ? d.problems : []))
    expect(month).toMatchObject({ file: FILE, row: 2, column: "E", header: "Tháng", field: "month" })
    expect(month?.vi).toContain("\"tháng bảy\"")
    for (const form of ["\"7\"", "\"07\"", "\"Tháng 7\"", "\"T7\"", "\"VII\""]) {
      expect(month?.vi).toContain(form)
      expect(month?.en).toContain(form)
    }
    expect(quarter).toMatchObject({ file: FILE, row: 3, column: "F", header: "Quý", field: "quarter" })
    for (const form of ["\"3\"", "\"Quý 3\"", "\"Quý III\"", "\"Q3\"", "\"III\""]) {
      expect(quarter?.vi).toContain(form)
      expect(quarter?.en).toContain(form)
    }
  })

  it("property: every written form of month m and quarter q decodes to m and q", async () => {
    const monthArb = fc.integer({ min: 1, max: 12 }).chain((m) => fc.constantFrom(...monthForms(m)).chain(variantArb).map((text) => ({ m, text })))
    const quarterArb = fc.integer({ min: 1, max: 4 }).chain((q) => fc.constantFrom(...quarterForms(q)).chain(variantArb).map((text) => ({ q, text })))
    fc.assert(fc.property(monthArb, ({ m, text }) => parseMonth(text.trim()) === m))
    fc.assert(fc.property(quarterArb, ({ q, text }) => parseQuarter(text.trim()) === q))
    // Through the decoder: a month with the quarter it falls in, and a quarter alone.
    await fc.assert(
      fc.asyncProperty(
        monthArb.chain(({ m, text }) => fc.constantFrom(...quarterForms(quarterOf(m))).chain(variantArb).map((q) => ({ m, text, q }))),
        quarterArb,
        async (month, quarter) => {
          const out = await decodeItems([[month.text, month.q], ["", quarter.text]])
          expect(problemLines(out)).toEqual([])
          expect(periods(out)).toEqual([[month.m, quarterOf(month.m)], [undefined, quarter.q]])
        }
      ),
      { numRuns: 150 }
    )
  })

  it("property: any other cell never throws: a value, or problems located at the file, row and column", async () => {
    const cellArb = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.stringMatching(/^(?:Tháng|tháng|Quý|quý|T|Q|t|q)?[ .:]?(?:\d{1,3}|[IVXivx]{1,5})[./]?\d{0,4}$/)
    )
    fc.assert(fc.property(cellArb, (s) => {
      for (const v of [parseMonth(s), parseQuarter(s)]) expect(v === undefined || Number.isInteger(v)).toBe(true)
    }))
    await fc.assert(
      fc.asyncProperty(cellArb, cellArb, async (m, q) => {
        const out = await decodeItems([[m, q]])
        expect(out).toHaveLength(1)
        const [d] = out as [Decode.Decoded]
        if (d._tag === "Record") {
          const r = d.record as { readonly month?: number; readonly quarter?: number }
          if (m.trim() !== "") expect(r.month).toBe(parseMonth(m.trim()))
          if (q.trim() !== "") expect(r.quarter).toBe(parseQuarter(q.trim()))
        } else {
          expect(d._tag).toBe("Rejected")
          if (d._tag !== "Rejected") return
          expect(d.problems.length).toBeGreaterThan(0)
          for (const p of d.problems) {
            expect(p.file).toBe(FILE)
            expect(p.row).toBe(2)
            expect(["E", "F"]).toContain(p.column)
            expect(p.vi).not.toBe("")
            expect(p.en).not.toBe("")
          }
        }
      }),
      { numRuns: 200 }
    )
  })
})
