import { Csv, Decode, Json, Ndjson, Source, SourceRow, Xlsx } from "@hdnd/import"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { collect } from "./utils/collect.js"
import { dataset } from "./utils/fixture.js"

const readers: ReadonlyArray<readonly [string, (data: Uint8Array) => AsyncIterable<SourceRow.SourceItem>]> = [
  ["csv", (data) => Csv.read({ name: "r.csv", data })],
  ["json", (data) => Json.read({ name: "r.json", data })],
  ["ndjson", (data) => Ndjson.read({ name: "r.ndjson", data })],
  ["xlsx", (data) => Xlsx.read({ name: "r.xlsx", data })],
  ["open", (data) => Source.open({ name: "r.unknown", data })]
]

/** Every item is a header, a row or an issue carrying a typed ImportError; nothing follows a fatal issue. */
const wellFormed = (items: ReadonlyArray<SourceRow.SourceItem>): void => {
  items.forEach((item, i) => {
    expect(["Header", "Row", "Issue"]).toContain(item._tag)
    if (item._tag === "Issue") {
      expect(item.error._tag).toBe("ImportError")
      expect(item.error.vi.length).toBeGreaterThan(0)
      expect(item.error.en.length).toBeGreaterThan(0)
      if (item.fatal) expect(i).toBe(items.length - 1)
    }
  })
}

describe("bad input", () => {
  for (const [name, read] of readers) {
    it(`${name}: random bytes never throw, only typed issues`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
          wellFormed(await collect(read(bytes)))
        }),
        name === "xlsx" ? { numRuns: 50 } : {}
      )
    })
  }

  it("random text in every reader, decoded, never throws and every problem has a location", async () => {
    const text = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 300 }),
      fc.array(fc.constantFrom("Mã", ";", ",", '"', "\n", "\r\n", "HĐND", "Ngày", "{", "}", "[", "]", ":", "thẩm tra", "14/10/2023", "=SUM(A1)"), { maxLength: 60 }).map((p) => p.join(""))
    )
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom("activities.csv", "activities.json", "activities.ndjson", "x.csv"), async (t, file) => {
        const out = await collect(Decode.decode(Source.open({ name: file, data: t }), { dataset }))
        for (const d of out) {
          if (d._tag === "Rejected") {
            expect(d.problems.length).toBeGreaterThan(0)
            for (const p of d.problems) expect(p.file).toBe(file)
          }
        }
      })
    )
  })

  it("broken quoting is reported at the row and column where it happens", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 2 }), fc.boolean(), async (before, column, unclosed) => {
        const good = Array.from({ length: before }, (_, i) => `${i},b,c`)
        const cells = ["1", "2", "3"]
        cells[column] = unclosed ? `"open` : `"x"y`
        const text = ["a,b,c", ...good, cells.join(","), "9,9,9", ""].join("\r\n")
        const items = await collect(Csv.read({ name: "q.csv", data: text }))
        const issue = items.find((i) => i._tag === "Issue")
        expect(issue?._tag === "Issue" && [issue.error.code, issue.error.row, issue.error.column, issue.fatal]).toEqual([
          unclosed ? "csv.unclosed-quote" : "csv.text-after-quote",
          before + 2,
          "ABC"[column],
          unclosed
        ])
        expect(items.filter((i) => i._tag === "Row")).toHaveLength(before + (unclosed ? 0 : 1))
      })
    )
  })
})
