import { Batches, Csv, Decode, Ndjson, Xlsx } from "@hdnd/import"
import ExcelJS from "exceljs"
import { join } from "node:path"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { describe, expect, it } from "vitest"
import { dataset } from "./utils/fixture.js"
import { tempDir } from "./utils/xlsx.js"

setFlagsFromString("--expose-gc")
const gc = runInNewContext("gc") as () => void

const ROWS = 100_000
const MB = 1024 * 1024

/** A CSV of `rows` activities, generated chunk by chunk and never held whole. */
async function* activitiesCsv(rows: number): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder()
  yield encoder.encode("\uFEFFMã;HĐND;Loại hoạt động;Thuộc thẩm quyền của;Cơ quan chủ trì;Từ ngày;Kỳ họp;Nội dung;Đối tượng thẩm tra\r\n")
  for (let start = 0; start < rows; start += 1000) {
    let chunk = ""
    for (let i = start; i < Math.min(rows, start + 1000); i++) {
      chunk += `sl-${i};HĐND tỉnh Sơn La;thẩm tra;Ban Pháp chế;"Ban Pháp chế; Ban Dân tộc";10/07/2023;Kỳ họp thứ 7;"Thẩm tra dự thảo nghị quyết số ${i}, ""mẫu""";dự thảo nghị quyết\r\n`
    }
    yield encoder.encode(chunk)
  }
}

/** Runs `work`, sampling the heap; returns the growth after a final collection. */
const heapGrowth = async (work: () => Promise<void>): Promise<number> => {
  gc()
  const before = process.memoryUsage().heapUsed
  await work()
  gc()
  return process.memoryUsage().heapUsed - before
}

describe("long files", () => {
  it(`reads and decodes ${ROWS.toLocaleString("en")} CSV rows as a stream without the heap growing`, async () => {
    let records = 0
    let rejected = 0
    let batches = 0
    let peak = 0
    const growth = await heapGrowth(async () => {
      const decoded = Decode.decode(Csv.read({ name: "activities.csv", data: activitiesCsv(ROWS) }), { dataset })
      for await (const chunk of Batches.collectBatches(decoded, 1000)) {
        if (chunk._tag === "Batch") {
          batches++
          records += chunk.size
        } else rejected++
        if (batches % 20 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed)
      }
    })
    expect([records, rejected, batches]).toEqual([ROWS, 0, ROWS / 1000])
    // A smoke check, not the benchmark: the retained heap must not grow with the file.
    expect(growth).toBeLessThan(50 * MB)
  })

  it("streams a 50,000-row XLSX sheet without the heap growing", async () => {
    const path = join(tempDir(), "long.xlsx")
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true })
    const ws = wb.addWorksheet("Hoạt động")
    ws.addRow(["Mã", "HĐND", "Loại hoạt động", "Cơ quan chủ trì", "Ngày", "Nội dung"]).commit()
    for (let i = 0; i < 50_000; i++) ws.addRow([`a${i}`, "HĐND tỉnh Sơn La", "thẩm tra", "Ban Pháp chế", new Date(Date.UTC(2023, 6, 10)), `Thẩm tra ${i}`]).commit()
    ws.commit()
    await wb.commit()
    let rows = 0
    let last = ""
    const growth = await heapGrowth(async () => {
      for await (const item of Xlsx.read(path)) {
        if (item._tag === "Row") {
          rows++
          last = item.cells[4]?.value ?? ""
        }
      }
    })
    expect([rows, last]).toEqual([50_000, "2023-07-10"])
    expect(growth).toBeLessThan(50 * MB)
  })

  it("reads a long NDJSON stream line by line", async () => {
    async function* lines(): AsyncGenerator<string> {
      for (let start = 0; start < 20_000; start += 1000) {
        let chunk = ""
        for (let i = start; i < start + 1000; i++) chunk += `{"id": "n${i}", "title": "Khảo sát ${i}"}\n`
        yield chunk
      }
    }
    let rows = 0
    const growth = await heapGrowth(async () => {
      for await (const item of Ndjson.read({ name: "x.ndjson", data: lines() })) if (item._tag === "Row") rows++
    })
    expect(rows).toBe(20_000)
    expect(growth).toBeLessThan(50 * MB)
  })
})
