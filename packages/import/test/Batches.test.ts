import { Registry, Validation } from "@hdnd/core"
import { Batches, Csv, Decode } from "@hdnd/import"
import { describe, expect, it } from "vitest"
import { collect } from "./utils/collect.js"
import { dataset } from "./utils/fixture.js"

const HEADER = "Mã;HĐND;Loại hoạt động;Cơ quan chủ trì;Từ ngày;Nội dung"
const row = (i: number, date = "10/07/2023") => `a${i};HĐND tỉnh Sơn La;khảo sát;Ban Pháp chế;${date};Khảo sát ${i}`

describe("Batches", () => {
  it("groups accepted records into batches of N and passes rejected rows through in order", async () => {
    const text = [HEADER, row(1), row(2), "bad;HĐND tỉnh Sơn La;khảo sát;Ban Pháp chế;x;y", row(3), row(4), row(5)].join("\n")
    const chunks = await collect(Batches.collectBatches(Decode.decode(Csv.read({ name: "activities.csv", data: text }), { dataset }), 2))
    expect(chunks.map((c) => (c._tag === "Batch" ? c.batch.activities?.map((a) => a.id) : `rejected row ${c.row}`))).toEqual([
      ["a1", "a2"],
      "rejected row 4",
      ["a3", "a4"],
      ["a5"]
    ])
    expect(chunks.map((c) => (c._tag === "Batch" ? c.size : 0))).toEqual([2, 0, 2, 1])
  })

  it("places the problems validation finds at the file, row and column of their record", async () => {
    // Ban Pháp chế is valid from 25/06/2021: an activity in 2020 falls outside it.
    const text = [HEADER, row(1), row(2, "01/01/2020")].join("\n")
    const [chunk] = await collect(Batches.collectBatches(Decode.decode(Csv.read({ name: "activities.csv", data: text }), { dataset }), 100))
    if (chunk?._tag !== "Batch") throw new Error("expected a batch")
    const problems = Validation.validateBatch(dataset, chunk.batch, Registry.builtin)
    expect(problems.length).toBeGreaterThan(0)
    const placed = Batches.locate(problems, chunk.origins)
    // The owner was left out: it is the single organiser, so its problem points at that column.
    expect(placed.map((p) => `${p.file}:${p.row}:${p.column ?? "-"} ${p.field} ${p.code}`)).toEqual([
      "activities.csv:3:D owner organ-not-valid",
      "activities.csv:3:D organisers[0] organ-not-valid"
    ])
    expect(placed[1]?.header).toBe("Cơ quan chủ trì")
    expect(placed[1]?.describe("vi")).toMatch(/^activities\.csv:3:D \(Cơ quan chủ trì\): Activity "a2" › organisers\[0\]: /)
  })
})
