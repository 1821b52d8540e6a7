/**
 * A rejects file can be corrected and imported again as it is (issue #16): rejected rows are
 * written in their source's own columns plus a problems column, the bad cells are fixed in the text,
 * and the same file then imports with nothing rejected — the problems column is ignored.
 */
import { Dataset, MemoryStore, Store } from "@hdnd/core"
import { Import, Rejects, Rows } from "@hdnd/import"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { describe, expect, it } from "vitest"
import { structure } from "./utils/fixture.js"

const structureFiles = Dataset.entityKinds
  .filter((k) => (structure[k]?.length ?? 0) > 0)
  .map((k) => ({ name: `${k}.csv`, data: Rows.toCsv(k, structure[k] as ReadonlyArray<unknown>) }))

const HEADER = "Mã;HĐND;Loại hoạt động;Cơ quan chủ trì;Từ ngày;Kỳ họp;Nội dung;Đối tượng thẩm tra"
const row = (id: string, date: string, content = `Thẩm tra ${id}`) => `${id};HĐND tỉnh Sơn La;thẩm tra;Ban Pháp chế;${date};Kỳ họp thứ 7;${content};dự thảo nghị quyết`

describe("Rejects.toCsv", () => {
  it("writes rejected rows that, once corrected, import again as they are", async () => {
    const runtime = ManagedRuntime.make(MemoryStore.layer())
    const run = <A, E>(effect: Effect.Effect<A, E, Store.Store>) => runtime.runPromise(effect)
    const rejections: Array<Import.Rejection> = []
    const file = {
      name: "hoat-dong.csv",
      data: `${HEADER}\n${[row("a1", "10/07/2023"), row("a2", "32/13/2023", 'Nội dung có "nháy", dấu phẩy'), row("a3", "10/07/2023"), row("a4", "31/02/2023")].join("\n")}\n`
    }
    const first = await run(
      Import.run([...structureFiles, file], { mode: "skip-invalid", onRejected: (r) => Effect.sync(() => void rejections.push(r)) })
    )
    expect(first.rejected).toBe(2)
    const written = Rejects.toCsv(rejections)
    expect(written.map((w) => w.file)).toEqual(["hoat-dong.csv"])
    const text = written[0]?.text ?? ""
    expect(text.split("\r\n")[0]).toContain(Rejects.PROBLEMS_HEADER)
    expect(text).toContain("32/13/2023")
    // The clerk fixes the two dates and saves the file as it is, problems column included.
    const fixed = text.replace("32/13/2023", "12/07/2023").replace("31/02/2023", "28/02/2023")
    const again = await run(Import.run([{ name: "hoat-dong-loi.csv", data: fixed }], { mode: "all-or-nothing" }))
    expect(again).toMatchObject({ rejected: 0, problemCount: 0, committed: true, inserted: 2 })
    expect(await run(Effect.flatMap(Store.Store, (s) => s.count("activities")))).toBe(4)
    await runtime.dispose()
  })
})
