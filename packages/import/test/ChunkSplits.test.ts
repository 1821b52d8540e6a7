/**
 * The streaming readers' law (issue #16): for any valid input and any split of its bytes into chunks,
 * the items read are those of reading it in one piece. The JSON splitter once lost the part of a
 * record before a read-chunk boundary (D2); these properties guard every reader against that kind of
 * fault.
 */
import { Csv, Json, Ndjson, Xlsx } from "@hdnd/import"
import ExcelJS from "exceljs"
import { fc, it as prop } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import { chunked, collect, view } from "./utils/collect.js"
import { csvCaseArb, render } from "./utils/csv.js"

/** Sizes of chunks: mostly tiny (every multi-byte character split somewhere), sometimes large. */
const sizesArb = fc.array(fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 300 }), fc.integer({ min: 301, max: 70_000 })), {
  minLength: 1,
  maxLength: 12
})

/** Plain values of a record: text with quotes, backslashes, brackets, line breaks and Vietnamese, numbers, booleans, null. */
const textArb = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.array(fc.constantFrom('"', "\\", "{", "}", "[", "]", ",", ":", "\n", "ộ", "Đ", "xin chào", " "), { maxLength: 10 }).map((p) => p.join(""))
)
const valueArb = fc.oneof(textArb, fc.integer(), fc.boolean(), fc.constant(null))
const recordArb = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k.trim() !== "" && !k.includes(".")),
  fc.oneof(valueArb, fc.array(valueArb, { maxLength: 3 }), fc.dictionary(fc.constantFrom("from", "to", "x"), valueArb)),
  { minKeys: 1, maxKeys: 6 }
)

describe("reading in chunks equals reading whole", () => {
  prop.prop([csvCaseArb({ ragged: true }), sizesArb], { numRuns: 150 })("CSV", async (c, sizes) => {
    const { text } = render(c)
    const whole = view(await collect(Csv.read({ name: "a.csv", data: text })))
    expect(view(await collect(Csv.read({ name: "a.csv", data: chunked(text, sizes) })))).toEqual(whole)
  })

  // The encoding is checked on the first 64 KiB, read as one piece: filler records of 20-70 KB push
  // the others past it, where the read chunks really cut them.
  const fillerArb = fc.array(fc.integer({ min: 20_000, max: 70_000 }), { maxLength: 3 }).map((ns) => ns.map((n, i) => ({ id: `f${i}`, pad: "ộ".repeat(n / 2) })))

  prop.prop([fc.array(recordArb, { maxLength: 12 }), fillerArb, fc.boolean(), sizesArb], { numRuns: 200 })("JSON array", async (some, filler, pretty, sizes) => {
    const records = [...filler, ...some, ...filler]
    const text = JSON.stringify(records, null, pretty ? 2 : undefined)
    const whole = await collect(Json.read({ name: "a.json", data: text }))
    expect(whole.filter((i) => i._tag === "Issue")).toEqual([])
    expect(whole.length).toBe(records.length)
    expect(view(await collect(Json.read({ name: "a.json", data: chunked(text, sizes) })))).toEqual(view(whole))
  })

  prop.prop([fc.array(recordArb, { maxLength: 6 }), fc.array(recordArb, { maxLength: 6 }), sizesArb], { numRuns: 150 })(
    "JSON batch object",
    async (someUnits, activities, sizes) => {
      const units = [{ id: "f", pad: "p".repeat(70_000) }, ...someUnits]
      const text = JSON.stringify({ units, activities }, null, 1)
      const whole = await collect(Json.read({ name: "a.json", data: text }))
      expect(whole.length).toBe(units.length + activities.length)
      expect(view(await collect(Json.read({ name: "a.json", data: chunked(text, sizes) })))).toEqual(view(whole))
    }
  )

  prop.prop([fc.array(recordArb, { maxLength: 12 }), fc.constantFrom("\n", "\r\n"), sizesArb], { numRuns: 200 })("NDJSON", async (records, eol, sizes) => {
    const text = records.map((r) => JSON.stringify(r)).join(eol) + eol
    const whole = await collect(Ndjson.read({ name: "a.ndjson", data: text }))
    expect(whole.filter((i) => i._tag === "Issue")).toEqual([])
    expect(whole.length).toBe(records.length)
    expect(view(await collect(Ndjson.read({ name: "a.ndjson", data: chunked(text, sizes) })))).toEqual(view(whole))
  })

  const cellTextArb = fc.oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 15 }).filter((s) => s.trim() !== "" && !/^[=+\-@]/.test(s)),
    fc.constantFrom("Hội đồng nhân dân", "Kỳ họp thứ 7", "a & b <c>", "dòng 1\ndòng 2", "ộ")
  )
  const sheetArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc.array(fc.array(fc.oneof(cellTextArb, fc.integer({ min: -1e6, max: 1e6 })), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 8 })
  )

  prop.prop([sheetArb, sizesArb], { numRuns: 40 })("XLSX (written by ExcelJS, fed in arbitrary chunks)", async (rows, sizes) => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet("Dữ liệu")
    ws.addRow(rows[0]?.map((_, i) => `h${i + 1}`) ?? [])
    for (const r of rows) ws.addRow(r)
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const whole = view(await collect(Xlsx.read({ name: "a.xlsx", data: bytes })))
    expect(whole.filter((i) => "row" in i && "values" in i).length).toBe(rows.length)
    expect(view(await collect(Xlsx.read({ name: "a.xlsx", data: chunked(bytes, sizes) })))).toEqual(whole)
  })
})
