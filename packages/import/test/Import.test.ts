import { Dataset, MemoryStore, Store } from "@hdnd/core"
import { Import, Rows } from "@hdnd/import"
import { Arbitraries } from "@hdnd/testkit"
import * as Csv from "../src/Csv.js"
import * as Decode from "../src/Decode.js"
import { CHUNKS, chunksOf } from "../src/internal/chunked.js"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { structure } from "./utils/fixture.js"

const structureFiles = Dataset.entityKinds
  .filter((k) => (structure[k]?.length ?? 0) > 0)
  .map((k) => ({ name: `${k}.csv`, data: Rows.toCsv(k, structure[k] as ReadonlyArray<unknown>) }))

const ACTIVITY_HEADER = "Mã;HĐND;Loại hoạt động;Cơ quan chủ trì;Từ ngày;Kỳ họp;Nội dung;Đối tượng thẩm tra"
const activityRow = (id: string, date = "10/07/2023") => `${id};HĐND tỉnh Sơn La;thẩm tra;Ban Pháp chế;${date};Kỳ họp thứ 7;Thẩm tra ${id};dự thảo nghị quyết`
const activities = (rows: ReadonlyArray<string>) => ({ name: "hoat-dong.csv", data: `${ACTIVITY_HEADER}\n${rows.join("\n")}\n` })

/** A long activities file, streamed in small chunks, with `bad` rows (by index) given a broken date. */
const longActivities = (rows: number, bad: ReadonlyMap<number, string> = new Map()) => ({
  name: "hoat-dong.csv",
  data: {
    async *[Symbol.asyncIterator]() {
      const encoder = new TextEncoder()
      yield encoder.encode(`${ACTIVITY_HEADER}\n`)
      for (let start = 0; start < rows; start += 700) {
        let chunk = ""
        for (let i = start; i < Math.min(rows, start + 700); i++) chunk += `${activityRow(`a${i}`, bad.get(i))}\n`
        yield encoder.encode(chunk)
      }
    }
  }
})

/** A fresh memory store and a way to run effects on it. */
const open = () => {
  const runtime = ManagedRuntime.make(MemoryStore.layer())
  const run = <A, E>(effect: Effect.Effect<A, E, Store.Store>) => runtime.runPromise(effect)
  const count = (kind: Dataset.EntityKind) => run(Effect.flatMap(Store.Store, (s) => s.count(kind)))
  return { run, count, dispose: () => runtime.dispose() }
}

describe("Import.run", () => {
  it("imports structure and activities from files, and re-importing changes nothing", async () => {
    const s = open()
    const files = [...structureFiles, activities([activityRow("a1"), activityRow("a2"), activityRow("a3")])]
    const first = await s.run(Import.run(files))
    expect(first).toMatchObject({ committed: true, rejected: 0, problemCount: 0, updated: 0, unchanged: 0 })
    expect(first.inserted).toBe(first.rows)
    expect(await s.count("activities")).toBe(3)
    const again = await s.run(Import.run(files))
    expect(again).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: first.rows })
    await s.dispose()
  })

  it("all-or-nothing: one bad row means nothing is written, and the report points at its row and column", async () => {
    const s = open()
    const summary = await s.run(Import.run([...structureFiles, activities([activityRow("a1"), activityRow("a2", "32/13/2023"), activityRow("a3")])]))
    expect(summary.committed).toBe(false)
    expect(summary.rejected).toBe(1)
    expect(summary.problems.map((p) => [p.file, p.row, p.column, p.field, p.code])).toEqual([
      ["hoat-dong.csv", 3, "E", "date.from", "import.invalid-date"],
      // Without a date, "Kỳ họp thứ 7" cannot be placed in a term: reported too, in its own column.
      ["hoat-dong.csv", 3, "F", "session", "import.ambiguous-reference"]
    ])
    for (const kind of Dataset.entityKinds) expect(await s.count(kind), kind).toBe(0)
    await s.dispose()
  })

  it("reports problems found by validation (across records) at the row they came from", async () => {
    const s = open()
    // 2019: before the term of the session the row names, and outside the Ban's validity.
    const summary = await s.run(Import.run([...structureFiles, activities([activityRow("a1"), activityRow("a2", "10/07/2019")])]))
    expect(summary.committed).toBe(false)
    expect(summary.problems.length).toBeGreaterThan(0)
    expect(new Set(summary.problems.map((p) => `${p.file}:${p.row}`))).toEqual(new Set(["hoat-dong.csv:3"]))
    expect(await s.count("activities")).toBe(0)
    await s.dispose()
  })

  it("skip-invalid writes the good rows and hands every rejected row to onRejected", async () => {
    const s = open()
    const rejected: Array<Import.Rejection> = []
    const summary = await s.run(
      Import.run([...structureFiles, activities([activityRow("a1"), activityRow("a2", "32/13/2023"), activityRow("a3"), activityRow("a4", "10/07/2019")])], {
        mode: "skip-invalid",
        batchSize: 2,
        onRejected: (r) => Effect.sync(() => void rejected.push(r))
      })
    )
    expect(summary).toMatchObject({ committed: true, rejected: 2 })
    expect(rejected.map((r) => r.rejected.row)).toEqual([3, 5])
    expect(rejected[0]?.rejected.cells?.map((c) => c.value)).toContain("32/13/2023")
    expect((rejected[1]?.record as { id?: string } | undefined)?.id).toBe("a4")
    expect(await s.count("activities")).toBe(2)
    await s.dispose()
  })

  it("a dry run reports what would be written and writes nothing", async () => {
    const s = open()
    const summary = await s.run(Import.run([...structureFiles, activities([activityRow("a1")])], { dryRun: true }))
    expect(summary.committed).toBe(false)
    expect(summary.inserted).toBe(summary.rows)
    for (const kind of Dataset.entityKinds) expect(await s.count(kind), kind).toBe(0)
    await s.dispose()
  })

  it("a file that cannot be read is one rejected source, and nothing is written", async () => {
    const s = open()
    const summary = await s.run(Import.run([...structureFiles, { name: "hoat-dong.docx", data: "x" }]))
    expect(summary).toMatchObject({ committed: false, rejected: 1 })
    expect(summary.problems[0]?.code).toBe("file.unknown-format")
    expect(await s.count("units")).toBe(0)
    await s.dispose()
  })

  it("all-or-nothing over a long file read in many chunks and batches: a bad row in the middle leaves the store unchanged, and is found at its row", async () => {
    const rows = 6000
    for (const [date, code] of [
      ["32/13/2023", "import.invalid-date"], // rejected by decoding
      ["10/07/2019", undefined] // rejected by validating its batch
    ] as const) {
      const s = open()
      await s.run(Import.run(structureFiles))
      const before = await s.count("activities")
      const summary = await s.run(Import.run([longActivities(rows, new Map([[4321, date]]))], { batchSize: 500 }))
      expect(summary).toMatchObject({ committed: false, rejected: 1, rows, inserted: 0, updated: 0, unchanged: 0 })
      // The header is line 1: the row of index i is line i + 2.
      expect(new Set(summary.problems.map((p) => `${p.file}:${p.row}`))).toEqual(new Set([`hoat-dong.csv:${4321 + 2}`]))
      if (code !== undefined) expect(summary.problems.map((p) => p.code)).toContain(code)
      expect(await s.count("activities")).toBe(before)
      await s.dispose()
    }
    const s = open()
    await s.run(Import.run(structureFiles))
    const good = await s.run(Import.run([longActivities(rows)], { batchSize: 500 }))
    expect(good).toMatchObject({ committed: true, rejected: 0, rows, inserted: rows })
    expect(await s.count("activities")).toBe(rows)
    await s.dispose()
  })

  it("the reader and the decoder give the same items read one at a time and an array at a time", async () => {
    const bad = new Map([[5, "32/13/2023"], [1500, "10/07/2019"]])
    const read = () => Csv.read(longActivities(3000, bad))
    const decoded = () => Decode.decode(read(), { dataset: Dataset.fromBatch(structure) })
    expect(CHUNKS in read() && CHUNKS in decoded()).toBe(true)
    const one: Array<unknown> = []
    for await (const item of decoded()) one.push(item)
    const many: Array<unknown> = []
    let arrays = 0
    for await (const chunk of chunksOf(decoded())) {
      arrays++
      many.push(...chunk)
    }
    expect(many).toEqual(one)
    expect(one.length).toBe(3000)
    expect(arrays).toBeLessThan(one.length / 100)
  })

  it("property: all-or-nothing writes everything or nothing; skip-invalid writes exactly the good rows", async () => {
    await fc.assert(
      fc.asyncProperty(Arbitraries.datasetArb(), fc.array(fc.nat(), { maxLength: 3 }), fc.integer({ min: 1, max: 7 }), async (g, breaks, batchSize) => {
        const batch = Arbitraries.toBatch(g)
        const list = (batch.activities ?? []) as ReadonlyArray<{ id: string }>
        const broken = new Set(list.length === 0 ? [] : breaks.map((b) => (list[b % list.length] as { id: string }).id))
        const columns = Rows.columnsFor("activities", list)
        const dateColumn = columns.findIndex((c) => c.field === "date.from")
        const rows = list.map((a) => {
          const cells = [...Rows.cellsOf("activities", a, columns)]
          if (broken.has(a.id)) cells[dateColumn] = "không phải ngày"
          return Csv.formatRow(cells)
        })
        const files = [
          ...Dataset.entityKinds
            .filter((k) => k !== "activities" && (batch[k]?.length ?? 0) > 0)
            .map((k) => ({ name: `${k}.csv`, data: Rows.toCsv(k, batch[k] as ReadonlyArray<unknown>) })),
          { name: "activities.csv", data: `${Csv.formatRow(Rows.headers(columns))}${rows.join("")}` }
        ]
        const strict = open()
        const all = await strict.run(Import.run(files, { batchSize }))
        expect(all.committed).toBe(broken.size === 0)
        expect(all.rejected).toBe(broken.size)
        expect(await strict.count("activities")).toBe(broken.size === 0 ? list.length : 0)
        expect(await strict.count("units")).toBe(broken.size === 0 ? (batch.units?.length ?? 0) : 0)
        await strict.dispose()
        const lenient = open()
        const some = await lenient.run(Import.run(files, { batchSize, mode: "skip-invalid" }))
        expect(some.rejected).toBe(broken.size)
        expect(await lenient.count("activities")).toBe(list.length - broken.size)
        await lenient.dispose()
      }),
      { numRuns: 40 }
    )
  })
})
