/**
 * The Promise import functions on a real client: the Sơn La example's files imported from paths,
 * from a buffer and from a Node stream, with progress; skip-invalid and dry runs resolve with the
 * located problems; located problems survive JSON.
 */
import { fc, it as prop } from "@fast-check/vitest"
import { HdndClient } from "@hdnd/core"
import { ImportError, importBuffer, importFile, importStream } from "@hdnd/import"
import { createReadStream, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const data = (f: string) => fileURLToPath(new URL(`../../../examples/son-la-2023/data/${f}`, import.meta.url))
const structure = ["don-vi.csv", "sap-xep.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv"].map(data)

describe("importFile, importBuffer, importStream", () => {
  it("import the example's files from paths, an XLSX buffer and a CSV stream, reporting progress", async () => {
    const client = await HdndClient.open()
    try {
      const progress: Array<number> = []
      const first = await importFile(client, structure, { onProgress: (p) => progress.push(p.written) })
      expect(first.committed).toBe(true)
      expect(first.rejected).toBe(0)
      expect(first.inserted).toBeGreaterThan(0)
      expect(progress.at(-1)).toBe(first.inserted)

      const xlsx = await importBuffer(client, { name: "hoat-dong.xlsx", data: readFileSync(data("hoat-dong.xlsx")) })
      expect(xlsx.committed && xlsx.inserted > 0).toBe(true)
      const tallies = await importStream(client, { name: "so-lieu.csv", stream: createReadStream(data("so-lieu.csv")) })
      expect(tallies.committed && tallies.inserted > 0).toBe(true)
      expect((await client.list("activities")).length).toBe(xlsx.inserted)
      expect((await client.list("tallies")).length).toBe(tallies.inserted)
    } finally {
      await client.close()
    }
  })

  it("skip-invalid and dry runs resolve with the located problems instead of rejecting", async () => {
    const client = await HdndClient.open()
    try {
      await importFile(client, structure)
      const csv = "Mã,HĐND,Loại hoạt động,Thuộc thẩm quyền của,Cơ quan chủ trì,Từ ngày,Nội dung\n" +
        "tot,hdnd-tinh-son-la,survey,hdnd-tinh-son-la/thuong-truc,hdnd-tinh-son-la/thuong-truc,2023-03-01,Khảo sát\n" +
        "xau,hdnd-tinh-son-la,survey,hdnd-tinh-son-la/thuong-truc,hdnd-tinh-son-la/thuong-truc,2023-02-30,Khảo sát\n"
      const dry = await importBuffer(client, { name: "hoat-dong.csv", data: csv }, { dryRun: true })
      expect(dry.committed).toBe(false)
      expect(dry.problems.map((p) => p.row)).toEqual([3])
      const skipped = await importBuffer(client, { name: "hoat-dong.csv", data: csv }, { mode: "skip-invalid" })
      expect(skipped.problems.map((p) => [p.row, p.field])).toEqual([[3, "date.from"]])
      expect(skipped.inserted).toBe(1)
      expect((await client.list("activities")).map((a) => a.id)).toEqual(["tot"])
    } finally {
      await client.close()
    }
  })
})

const textArb = fc.string({ unit: "grapheme", maxLength: 10 })
const importProblemArb = fc
  .record(
    { entity: textArb, id: textArb, field: textArb, code: textArb, vi: textArb, en: textArb, file: textArb, sheet: textArb, row: fc.nat(), column: textArb, header: textArb },
    { requiredKeys: ["entity", "field", "code", "vi", "en", "file"] }
  )
  .map((p) => new ImportError.ImportProblem(p))

describe("located problems as JSON", () => {
  prop.prop([fc.array(importProblemArb, { maxLength: 5 })], { numRuns: 200 })("problemsToJSON → JSON text → problemsFromJSON deep-equals the original", (problems) => {
    const back = ImportError.problemsFromJSON(JSON.parse(JSON.stringify(ImportError.problemsToJSON(problems))))
    expect(back).toEqual(problems)
    expect(back.every((p) => p instanceof ImportError.ImportProblem)).toBe(true)
  })
})
