/**
 * The interchange column "Cơ quan tham gia" (participants): the organs that took part in an activity
 * without leading it, by name or id, several separated by ";", in CSV, XLSX and JSON; an unknown
 * organ or an organ that also led is reported at its row and column.
 */
import { Dataset, MemoryStore, Store } from "@hdnd/core"
import { Import, Rows } from "@hdnd/import"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Stream from "effect/Stream"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { structure } from "./utils/fixture.js"
import { tempDir, writeWorkbook } from "./utils/xlsx.js"

const structureFiles = Dataset.entityKinds
  .filter((k) => (structure[k]?.length ?? 0) > 0)
  .map((k) => ({ name: `${k}.csv`, data: Rows.toCsv(k, structure[k] as ReadonlyArray<unknown>) }))

const HEADER = ["Mã", "HĐND", "Loại hoạt động", "Thuộc thẩm quyền của", "Cơ quan chủ trì", "Cơ quan tham gia", "Từ ngày", "Nội dung", "Hình thức giám sát"]
const row = (id: string, participants: string) => [id, "HĐND tỉnh Sơn La", "giám sát", "HĐND tỉnh", "Ban Pháp chế", participants, "10/07/2023", `Giám sát ${id}`, "chuyên đề"]
const csv = (rows: ReadonlyArray<ReadonlyArray<string>>, header = HEADER) => ({ name: "hoat-dong.csv", data: [header, ...rows].map((r) => r.join(",")).join("\n") + "\n" })

const importInto = async (files: ReadonlyArray<{ readonly name: string; readonly data: string | Uint8Array }>) => {
  const runtime = ManagedRuntime.make(MemoryStore.layer())
  try {
    return await runtime.runPromise(
      Effect.gen(function* () {
        const summary = yield* Import.run([...structureFiles, ...files] as never)
        const store = yield* Store.Store
        const activities = yield* Stream.runCollect(store.stream("activities"))
        return { summary, participants: Object.fromEntries(activities.map((a) => [a.id, a.participants])) }
      })
    )
  } finally {
    await runtime.dispose()
  }
}

describe("participants (Cơ quan tham gia)", () => {
  it("CSV: names or ids, several separated by ';', empty for none", async () => {
    const { summary, participants } = await importInto([
      csv([row("gs-1", "Ban Kinh tế – Ngân sách; Ban Văn hóa – Xã hội"), row("gs-2", "sl.ban-dan-toc"), row("gs-3", "")])
    ])
    expect(summary).toMatchObject({ committed: true, problemCount: 0 })
    expect(participants).toEqual({ "gs-1": ["sl.ban-ktns", "sl.ban-vhxh"], "gs-2": ["sl.ban-dan-toc"], "gs-3": undefined })
  })

  it("accepts the English header and the aliases", async () => {
    for (const header of ["participants", "took part", "Cơ quan phối hợp"]) {
      const { summary, participants } = await importInto([csv([row("gs-1", "Ban Dân tộc")], HEADER.map((h) => (h === "Cơ quan tham gia" ? header : h)))])
      expect(summary, header).toMatchObject({ committed: true, problemCount: 0 })
      expect(participants["gs-1"], header).toEqual(["sl.ban-dan-toc"])
    }
  })

  it("reports an unknown organ and an organ that also led at their row and column, and writes nothing", async () => {
    const { summary, participants } = await importInto([csv([row("gs-1", "Ban Dân tộc"), row("gs-2", "Ban Không Có"), row("gs-3", "Ban Pháp chế")])])
    expect(summary.committed).toBe(false)
    expect(summary.problems.map((p) => [p.file, p.row, p.column, p.field?.split("[")[0], p.code])).toEqual([
      ["hoat-dong.csv", 3, "F", "participants", expect.stringMatching(/unknown|reference/)],
      ["hoat-dong.csv", 4, "F", "participants", "participant-is-organiser"]
    ])
    for (const p of summary.problems) {
      expect(p.vi.length).toBeGreaterThan(0)
      expect(p.en.length).toBeGreaterThan(0)
    }
    expect(participants).toEqual({})
  })

  it("XLSX: the same column in a workbook", async () => {
    const letters = "ABCDEFGHI"
    const cells = (values: ReadonlyArray<string>) => Object.fromEntries(values.map((v, i) => [letters[i] as string, v]))
    const file = join(tempDir(), "hoat-dong.xlsx")
    await writeWorkbook(file, [{ name: "Hoạt động", rows: { 1: cells(HEADER), 2: cells(row("gs-1", "Ban Kinh tế – Ngân sách;Ban Dân tộc")) } }])
    const { summary, participants } = await importInto([{ name: "hoat-dong.xlsx", data: new Uint8Array(readFileSync(file)) }])
    expect(summary).toMatchObject({ committed: true, problemCount: 0 })
    expect(participants).toEqual({ "gs-1": ["sl.ban-ktns", "sl.ban-dan-toc"] })
  })

  it("JSON: a participants array of names or ids", async () => {
    const record = { id: "gs-1", council: "HĐND tỉnh Sơn La", kind: "supervision", owner: "sl.hdnd", organisers: ["Ban Pháp chế"], participants: ["Ban Dân tộc", "sl.ban-vhxh"], date: { from: "2023-07-10" }, title: "Giám sát", mode: "thematic" }
    const { summary, participants } = await importInto([{ name: "activities.json", data: JSON.stringify([record]) }])
    expect(summary).toMatchObject({ committed: true, problemCount: 0 })
    expect(participants).toEqual({ "gs-1": ["sl.ban-dan-toc", "sl.ban-vhxh"] })
  })
})
