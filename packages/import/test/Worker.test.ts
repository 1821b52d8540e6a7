/**
 * Reading and decoding in a worker thread (`Import.ImportOptions.worker`, internal/worker.ts): the
 * same summary, problems (at the same file, row and column) and store contents as in one thread,
 * all-or-nothing undone whole, and the worker kept at most a few batches ahead of the writer.
 */
import { Dataset, MemoryStore, Store } from "@hdnd/core"
import { Import, Rows } from "@hdnd/import"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { batchesInWorker, IN_FLIGHT } from "../src/internal/worker.js"
import { structure } from "./utils/fixture.js"

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hdnd-import-worker-"))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const structureFiles = Dataset.entityKinds
  .filter((k) => (structure[k]?.length ?? 0) > 0)
  .map((k) => {
    const file = path.join(dir, `${k}.csv`)
    fs.writeFileSync(file, Rows.toCsv(k, structure[k] as ReadonlyArray<unknown>))
    return file
  })

const ACTIVITY_HEADER = "Mã;HĐND;Loại hoạt động;Cơ quan chủ trì;Từ ngày;Kỳ họp;Nội dung;Đối tượng thẩm tra"
const activityRow = (id: string, date = "10/07/2023") => `${id};HĐND tỉnh Sơn La;thẩm tra;Ban Pháp chế;${date};Kỳ họp thứ 7;Thẩm tra ${id};dự thảo nghị quyết`

/** An activities file of `rows` rows; `bad` gives some rows (by index) another date. */
const activitiesFile = (name: string, rows: number, bad: ReadonlyMap<number, string> = new Map()): string => {
  const file = path.join(dir, name)
  const lines = [ACTIVITY_HEADER]
  for (let i = 0; i < rows; i++) lines.push(activityRow(`a${i}`, bad.get(i)))
  fs.writeFileSync(file, `${lines.join("\n")}\n`)
  return file
}

/** A memory store holding the fixture's structure, and a way to run effects on it. */
const open = async () => {
  const runtime = ManagedRuntime.make(MemoryStore.layer())
  const run = <A, E>(effect: Effect.Effect<A, E, Store.Store>) => runtime.runPromise(effect)
  const loaded = await run(Import.run(structureFiles))
  expect(loaded.committed).toBe(true)
  const counts = async () => Object.fromEntries(await Promise.all(Dataset.entityKinds.map(async (k) => [k, await run(Effect.flatMap(Store.Store, (s) => s.count(k)))] as const)))
  return { run, counts, dispose: () => runtime.dispose() }
}

/** What a summary says, with each problem's place and both messages. */
const view = (s: Import.Summary) => ({
  ...s,
  problems: s.problems.map((p) => [p.file, p.sheet, p.row, p.column, p.header, p.entity, p.id, p.field, p.code, p.vi, p.en])
})

/** An import in one thread and in a worker, each into its own store: their summaries, rejections, store counts and progress. */
const both = async (files: ReadonlyArray<string>, options: Import.ImportOptions) => {
  const results = []
  for (const worker of [false, true]) {
    const s = await open()
    const rejections: Array<unknown> = []
    const progress: Array<Import.Progress> = []
    const summary = await s.run(
      Import.run(files, {
        ...options,
        worker,
        onProgress: (p) => progress.push(p),
        onRejected: (r) => Effect.sync(() => void rejections.push({ ...r.rejected, problems: r.rejected.problems.map((p) => p.describe("vi")), record: r.record === undefined ? undefined : JSON.stringify(r.record) }))
      })
    )
    results.push({ summary: view(summary), rejections, counts: await s.counts(), progress })
    await s.dispose()
  }
  return { inThread: results[0]!, inWorker: results[1]! }
}

describe("Import.run with worker: true", () => {
  const size = (files: ReadonlyArray<string>) => files.reduce((n, f) => n + fs.statSync(f).size, 0)

  it("all-or-nothing: the same problems at the same rows and columns as in one thread, and nothing written", async () => {
    // Rows in several batches: broken dates (rejected by decoding) and a 2019 date (rejected by
    // validation, while writing: before the session's term and the committee's validity).
    const file = activitiesFile("hoat-dong-1.csv", 700, new Map([[5, "32/13/2023"], [333, "10/07/2019"], [650, "không phải ngày"]]))
    const { inThread, inWorker } = await both([file], { batchSize: 100 })
    expect(inWorker.summary).toEqual(inThread.summary)
    expect(inWorker.rejections).toEqual(inThread.rejections)
    expect(inWorker.summary.committed).toBe(false)
    expect(inWorker.summary.rows).toBe(700)
    const places = new Set(inWorker.summary.problems.map(([file, , row, column]) => `${path.basename(String(file))}:${row}:${column}`))
    // The header is row 1: the row of index i is row i + 2.
    expect(places).toContain("hoat-dong-1.csv:7:E")
    expect(places).toContain("hoat-dong-1.csv:652:E")
    expect([...places].some((p) => p.startsWith("hoat-dong-1.csv:335:"))).toBe(true)
    // Undone whole: only the structure loaded before.
    expect(inWorker.counts).toEqual(inThread.counts)
    expect(inWorker.counts.activities).toBe(0)
    // The worker ran: it says how many bytes it read.
    expect(inWorker.progress.at(-1)?.bytes).toBe(size([file]))
    expect(inThread.progress.at(-1)?.bytes).toBeUndefined()
  })

  it("skip-invalid and several files: the same rows written and the same rejections as in one thread", async () => {
    const files = [activitiesFile("hoat-dong-2.csv", 450, new Map([[10, "10/07/2019"], [200, "x"]])), activitiesFile("hoat-dong-3.csv", 120)]
    fs.writeFileSync(files[1]!, fs.readFileSync(files[1]!, "utf8").replaceAll(/^a(\d+);/gm, "b$1;"))
    const { inThread, inWorker } = await both(files, { mode: "skip-invalid", batchSize: 64 })
    expect(inWorker.summary).toEqual(inThread.summary)
    expect(inWorker.rejections).toEqual(inThread.rejections)
    expect(inWorker.counts).toEqual(inThread.counts)
    expect(inWorker.summary).toMatchObject({ committed: true, rows: 570, rejected: 2, inserted: 568 })
    expect(inWorker.progress.at(-1)?.bytes).toBe(size(files))
  })

  it("a file that cannot be read is one rejected source, as in one thread", async () => {
    const missing = path.join(dir, "khong-co.csv")
    const { inThread, inWorker } = await both([missing], {})
    expect(inWorker.summary).toEqual(inThread.summary)
    expect(inWorker.summary.problems.map((p) => [p[0], p[8]])).toEqual([[missing, "file.not-found"]])
  })
})

describe("the worker's backpressure", () => {
  it("keeps the worker at most a few batches ahead of a reader that stops", async () => {
    const file = activitiesFile("hoat-dong-dai.csv", 30_000)
    const runtime = ManagedRuntime.make(MemoryStore.layer())
    await runtime.runPromise(Import.run(structureFiles))
    const store = await runtime.runPromise(Store.Store)
    const dataset = await runtime.runPromise(Store.structure(store))
    const batches = batchesInWorker([file], { open: {}, decode: {}, dataset, registry: store.registry, batchSize: 100 })
    expect(batches).toBeDefined()
    const it = batches!.items[Symbol.asyncIterator]()
    const first = await it.next()
    expect(first.done).toBe(false)
    // The reader stops: the worker posts what it may, then waits.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(batches!.read.queued).toBeGreaterThanOrEqual(1)
    expect(batches!.read.queued).toBeLessThanOrEqual(IN_FLIGHT)
    // Read when the worker posted the batches taken next: the first few batches and the chunk being
    // read (64 KiB), not the file (about 2.7 MB).
    for (let i = 0; i < IN_FLIGHT; i++) expect((await it.next()).done).toBe(false)
    const total = fs.statSync(file).size
    expect(total).toBeGreaterThan(2_000_000)
    expect(batches!.read.bytes).toBeLessThan(4 * 64 * 1024)
    // The reader goes on: the worker with it, to the end of the file.
    let n = 1 + IN_FLIGHT
    for (let next = await it.next(); next.done !== true; next = await it.next()) n++
    expect(n).toBe(300)
    expect(batches!.read.bytes).toBe(total)
    await runtime.dispose()
  })
})

describe("an abandoned worker", () => {
  it("is stopped when the reader gives up (as an interrupted import does)", async () => {
    const file = activitiesFile("hoat-dong-bo-do.csv", 5_000)
    const runtime = ManagedRuntime.make(MemoryStore.layer())
    const store = await runtime.runPromise(Store.Store)
    const dataset = await runtime.runPromise(Store.structure(store))
    const batches = batchesInWorker([file], { open: {}, decode: {}, dataset, registry: store.registry, batchSize: 100 })!
    const it = batches.items[Symbol.asyncIterator]()
    expect(batches.read.running).toBe(false)
    expect((await it.next()).done).toBe(false)
    expect(batches.read.running).toBe(true)
    await it.return?.()
    expect((await it.next()).done).toBe(true)
    // The thread exits (it would otherwise wait for the reader for ever).
    for (let i = 0; i < 100 && batches.read.running; i++) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(batches.read.running).toBe(false)
    await runtime.dispose()
  })
})
