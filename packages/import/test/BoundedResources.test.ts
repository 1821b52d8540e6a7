/**
 * Bounded resources (issue #16): for each reader, pathological inputs — very wide rows, deep nesting,
 * huge cells and records, zip bombs — finish within a time and memory bound, or end with a typed
 * problem; and the event loop is never held long, so that Ctrl-C and SIGTERM (which interrupt the
 * CLI's fiber) take effect within a second. The bounds are generous for a loaded two-core machine
 * and still far below what the old code took (a 64,000-cell header: 114 s and 500 MiB).
 */
import { MemoryStore } from "@hdnd/core"
import { Csv, Decode, Import, Json, Ndjson, SourceRow, Xlsx } from "@hdnd/import"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { monitorEventLoopDelay } from "node:perf_hooks"
import { describe, expect, it } from "vitest"
import { collect } from "./utils/collect.js"
import { dataset } from "./utils/fixture.js"
import { inline, oneSheetBook, sheetXml } from "./utils/workbook.js"

const MiB = 1024 * 1024

interface Measured {
  readonly ms: number
  /** Growth of the process's peak resident memory while it ran. */
  readonly peakGrowthMiB: number
  /** The longest the event loop was held. */
  readonly blockedMs: number
  readonly codes: ReadonlyArray<string>
  readonly rows: number
}

/** Reads and decodes `items` to the end, measuring time, peak memory and event-loop blocking. */
const measure = async (items: AsyncIterable<SourceRow.SourceItem>): Promise<Measured> => {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  const before = process.resourceUsage().maxRSS
  const started = performance.now()
  const out = await collect(Decode.decode(items, { dataset }))
  const ms = performance.now() - started
  histogram.disable()
  return {
    ms,
    peakGrowthMiB: (process.resourceUsage().maxRSS - before) / 1024,
    blockedMs: histogram.max / 1e6,
    codes: [...new Set(out.flatMap((d) => (d._tag === "Rejected" ? d.problems.map((p) => p.code) : [])))],
    rows: out.filter((d) => d._tag === "Record").length
  }
}

const bounded = (m: Measured, ms = 8000, peakMiB = 400) => {
  expect(m.ms).toBeLessThan(ms)
  expect(m.peakGrowthMiB).toBeLessThan(peakMiB)
  expect(m.blockedMs).toBeLessThan(1000)
}

const wideHeader = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`)

describe("bounded resources", () => {
  it("CSV: a 64,000-cell header and a 524,288-cell one", async () => {
    for (const n of [64_000, 524_288]) {
      const cells = wideHeader(n)
      const m = await measure(Csv.read({ name: "hoat-dong.csv", data: `${cells.join(",")}\n${cells.join(",")}\n` }))
      bounded(m)
      expect(m.codes).toEqual(["csv.too-many-columns"])
    }
  })

  it("CSV: 16,000 unknown headers (under the column limit) are matched in linear time", async () => {
    const m = await measure(Csv.read({ name: "hoat-dong.csv", data: `${wideHeader(16_000).join(",")}\n` }))
    bounded(m, 5000)
    expect(m.codes).toContain("import.more-problems")
  })

  it("CSV: an unclosed quote that swallows 20 MB ends with a typed problem", async () => {
    const m = await measure(Csv.read({ name: "hoat-dong.csv", data: `Mã,Nội dung\na1,"${"x".repeat(20 * MiB)}\n` }))
    bounded(m)
    expect(m.codes).toContain("csv.record-too-long")
  })

  it("JSON: nesting 200,000 deep, a 10 MB record, a record of 100,000 keys", async () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000)
    const wide = JSON.stringify(Object.fromEntries(wideHeader(100_000).map((k) => [k, 1])))
    const m = await measure(Json.read({ name: "hoat-dong.json", data: `[${deep},{"id":"${"y".repeat(10 * MiB)}"},${wide},{"x":1}]` }))
    bounded(m)
    expect(m.codes).toEqual(expect.arrayContaining(["json.record-too-deep", "json.record-too-long", "json.too-many-keys"]))
  })

  it("NDJSON: the same, one per line", async () => {
    const deep = `{"a":${"[".repeat(200_000)}${"]".repeat(200_000)}}`
    const wide = JSON.stringify(Object.fromEntries(wideHeader(100_000).map((k) => [k, 1])))
    const m = await measure(Ndjson.read({ name: "hoat-dong.ndjson", data: `${deep}\n{"id":"${"y".repeat(10 * MiB)}"}\n${wide}\n` }))
    bounded(m)
    expect(m.codes).toEqual(expect.arrayContaining(["json.record-too-deep", "json.record-too-long", "json.too-many-keys"]))
  })

  it("XLSX: a zip bomb, a 10 MB cell, a 16,384-column row", async () => {
    const row = `<row>${inline("A1", "x")}</row>`.replace(' r="A1"', "")
    const bomb = Buffer.from(sheetXml(`<row r="1">${inline("A1", "Mã")}</row>${row.repeat((64 * MiB) / row.length)}`))
    const bombBook = oneSheetBook(new Uint8Array(bomb))
    expect(bombBook.length).toBeLessThan(MiB)
    const a = await measure(Xlsx.read({ name: "hoat-dong.xlsx", data: bombBook }, { xlsxLimits: { maxInflatedBytes: 16 * MiB } }))
    bounded(a, 3000)
    expect(a.codes).toContain("xlsx.too-large")

    const huge = oneSheetBook(sheetXml(`<row r="1">${inline("A1", "Mã")}</row><row r="2">${inline("A2", "z".repeat(10 * MiB))}</row>`))
    const b = await measure(Xlsx.read({ name: "hoat-dong.xlsx", data: huge }))
    bounded(b)
    expect(b.codes).toContain("xlsx.too-large")

    const cols = Array.from({ length: 16_384 }, (_, i) => `<c t="inlineStr"><is><t>h${i}</t></is></c>`).join("")
    const c = await measure(Xlsx.read({ name: "hoat-dong.xlsx", data: oneSheetBook(sheetXml(`<row r="1">${cols}</row>`)) }))
    bounded(c)
    expect(c.codes).toContain("import.more-problems")
  })

  it("an import interrupted in the middle of a long file stops within a second", async () => {
    const header = "Mã;HĐND;Loại hoạt động;Cơ quan chủ trì;Từ ngày;Kỳ họp;Nội dung;Đối tượng thẩm tra\n"
    const data = {
      async *[Symbol.asyncIterator]() {
        yield header
        // Rows without end, in memory: no I/O gives the event loop a turn, only the readers' pacing does.
        for (let i = 0; ; i++) yield `a${i};HĐND tỉnh Sơn La;thẩm tra;Ban Pháp chế;10/07/2023;Kỳ họp thứ 7;Thẩm tra ${i};dự thảo\n`.repeat(50)
      }
    }
    const fiber = Effect.runFork(Effect.provide(Import.run([{ name: "hoat-dong.csv", data }]), MemoryStore.layer()))
    await new Promise((resolve) => setTimeout(resolve, 500))
    const asked = performance.now()
    await Effect.runPromise(Fiber.interrupt(fiber))
    expect(performance.now() - asked).toBeLessThan(1000)
  })
})
