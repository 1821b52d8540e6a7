import { Json, Ndjson } from "@hdnd/import"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { chunked, collect } from "./utils/collect.js"

const rows = async (items: AsyncIterable<import("@hdnd/import").SourceRow.SourceItem>) =>
  (await collect(items)).map((i) =>
    i._tag === "Row"
      ? { row: i.row, ...(i.entity === undefined ? {} : { entity: i.entity }), cells: Object.fromEntries(i.cells.map((c) => [c.column, c.value])) }
      : i._tag === "Issue"
        ? { issue: i.error.code, row: i.error.row, ...(i.error.column === undefined ? {} : { column: i.error.column }), fatal: i.fatal }
        : { header: i.row }
  )

describe("Json.read", () => {
  it("reads an array of objects, one row per object at the line it starts on, flattening nested keys", async () => {
    const text = `[
  { "id": "a1", "date": { "from": "2023-07-10" }, "organisers": ["sl.pc", "sl.ktns"], "ordinal": 7, "delegation": true, "note": null },
  {
    "id": "a2", "title": "Hội đồng"
  }
]`
    expect(await rows(Json.read({ name: "a.json", data: text }))).toEqual([
      { row: 2, cells: { id: "a1", "date.from": "2023-07-10", organisers: "sl.pc; sl.ktns", ordinal: "7", delegation: "true", note: "" } },
      { row: 3, cells: { id: "a2", title: "Hội đồng" } }
    ])
  })

  it("reads a batch in the core encoding, each key naming the entity of its records", async () => {
    const text = '{\n"councils": [\n{"id": "c1"}\n],\n"Activities": [{"id": "a1"}, {"id": "a2"}],\n"colour": [1],\n"units": 3\n}'
    expect(await rows(Json.read({ name: "b.json", data: text }))).toEqual([
      { row: 3, entity: "councils", cells: { id: "c1" } },
      { row: 5, entity: "activities", cells: { id: "a1" } },
      { row: 5, entity: "activities", cells: { id: "a2" } },
      { issue: "json.unknown-key", row: 6, column: "colour", fatal: false },
      { issue: "json.not-an-array", row: 7, column: "units", fatal: false }
    ])
  })

  it("reports an element that is not an object, a syntax error at the line its record starts, and a truncated file", async () => {
    expect(await rows(Json.read({ name: "c.json", data: '[1, {"id": "x"},\n {"id": \n nope}]' }))).toEqual([
      { issue: "json.not-an-object", row: 1, fatal: false },
      { row: 1, cells: { id: "x" } },
      { issue: "json.syntax", row: 2, fatal: false }
    ])
    expect(await rows(Json.read({ name: "d.json", data: '[{"id": "x"}, ' }))).toEqual([
      { row: 1, cells: { id: "x" } },
      { issue: "json.truncated", row: 1, fatal: true }
    ])
    expect(await rows(Json.read({ name: "e.json", data: '[{"id": "x"}] junk' }))).toEqual([
      { row: 1, cells: { id: "x" } },
      { issue: "json.syntax", row: 1, fatal: true }
    ])
    expect(await rows(Json.read({ name: "f.json", data: "" }))).toEqual([{ issue: "file.empty", row: 1, fatal: true }])
  })

  it("splits the same way however the text is chunked, strings with brackets and escapes included", async () => {
    const text = '\uFEFF{"activities": [{"id": "a]1", "t": "x\\"}{", "n": {"k": [1, 2]}}, {"id": "b"}]}'
    const whole = await rows(Json.read({ name: "g.json", data: text }))
    expect(whole).toEqual([
      { row: 1, entity: "activities", cells: { id: "a]1", t: 'x"}{', "n.k": "1; 2" } },
      { row: 1, entity: "activities", cells: { id: "b" } }
    ])
    for (const size of [1, 2, 3, 7]) expect(await rows(Json.read({ name: "g.json", data: chunked(text, [size]) }))).toEqual(whole)
  })

  it("normalises NFD text to NFC", async () => {
    const [row] = await rows(Json.read({ name: "h.json", data: `[{"title": "${"Hội đồng".normalize("NFD")}"}]` }))
    expect(row).toEqual({ row: 1, cells: { title: "Hội đồng".normalize("NFC") } })
  })
})

describe("Ndjson.read", () => {
  it("reads one object per line, skipping blank lines, reporting bad lines at their number", async () => {
    const text = '{"id": "a1"}\r\n\n{"id": \n[1]\n{"id": "a2", "date": {"from": "2023-01-05"}}'
    expect(await rows(Ndjson.read({ name: "a.ndjson", data: text }))).toEqual([
      { row: 1, cells: { id: "a1" } },
      { issue: "json.syntax", row: 3, fatal: false },
      { issue: "json.not-an-object", row: 4, fatal: false },
      { row: 5, cells: { id: "a2", "date.from": "2023-01-05" } }
    ])
  })
})

describe("JSON readers, properties", () => {
  it("round-trip generated records at their lines", async () => {
    const record = fc.dictionary(fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }).filter((k) => !k.includes(".") && k === k.normalize("NFC")), fc.string({ unit: "grapheme", maxLength: 10 }), { maxKeys: 4 })
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 6 }), fc.boolean(), async (records, ndjson) => {
        const text = ndjson ? records.map((r) => JSON.stringify(r)).join("\n") : `[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]`
        const got = await rows((ndjson ? Ndjson : Json).read({ name: "p.json", data: text }))
        expect(got).toEqual(
          records
            .map((r, i) => ({ r, line: ndjson ? i + 1 : i + 2 }))
            .filter(({ r }) => !ndjson || JSON.stringify(r).trim() !== "")
            .map(({ r, line }) => ({
              row: line,
              cells: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.replaceAll("\uFEFF", "").normalize("NFC")]))
            }))
        )
      })
    )
  })
})
