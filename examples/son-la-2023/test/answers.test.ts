import type { ReportDocument } from "@hdnd/core"
import { Programme, RecommendationStatus } from "@hdnd/core"
import { Import } from "@hdnd/import"
import { MemoryStore, Store } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as fs from "node:fs"
import { beforeAll, describe, expect, it } from "vitest"
import { answerReport, DATA_FILES, PERIOD, PROGRAMME_FILES, records } from "../src/answers.js"
import { sonLaBatch } from "../src/data.js"

const SYNTHETIC = /giả định.*synthetic/

describe("the Sơn La example's consolidated answer report (synthetic proposals)", () => {
  let data: RecommendationStatus.Records
  let doc: ReportDocument.ReportDocument
  let tables: ReadonlyArray<ReportDocument.DocTable>
  beforeAll(async () => {
    data = await records()
    doc = answerReport(data)
    tables = doc.sections.slice(1).flatMap((s) => s.blocks) as ReadonlyArray<ReportDocument.DocTable>
  })

  it("the files say the data is synthetic, import cleanly and pass the order-of-events checks", () => {
    for (const file of [DATA_FILES[0]!, DATA_FILES[2]!]) {
      const lines = fs.readFileSync(file, "utf8").trim().split(/\r?\n/)
      expect(lines[0], file).toMatch(/Ghi chú$/)
      for (const line of lines.slice(1)) expect(line, file).toMatch(SYNTHETIC)
    }
    expect(data.recommendations).toHaveLength(10)
    expect(data.recommendations.every((r) => SYNTHETIC.test(r.note ?? ""))).toBe(true)
    expect(data.responses).toHaveLength(7)
    expect(data.evaluations).toHaveLength(6)
    expect(RecommendationStatus.check(data)).toEqual([])
  })

  it("lists each matter once (a merged proposal under the one it was merged into), with its content", () => {
    const roots = data.recommendations.filter((r) => r.mergedInto === undefined)
    const rows = tables.flatMap((t) => t.rows)
    expect(rows).toHaveLength(roots.length)
    for (const r of roots) expect(rows.some((row) => row[1]!.text.startsWith(r.content))).toBe(true)
    const merged = data.recommendations.filter((r) => r.mergedInto !== undefined).map((r) => r.mergedInto)
    for (const id of merged) {
      const content = data.recommendations.find((r) => r.id === id)!.content
      expect(rows.find((row) => row[1]!.text.startsWith(content))![1]!.text).toMatch(/\(gộp \d+ ý kiến\)$/)
    }
  })

  it("its totals follow from the records: raised, answered, overdue at the end of the period", () => {
    const roots = data.recommendations.filter((r) => r.mergedInto === undefined)
    const matterOf = (id: string): string => data.recommendations.find((r) => r.id === id)!.mergedInto ?? id
    const answered = new Set(data.responses.filter((x) => x.date <= PERIOD.to).map((x) => matterOf(x.recommendation)))
    const overdue = roots.filter((r) => r.deadline !== undefined && r.deadline < PERIOD.to && !answered.has(r.id))
    const total = (doc.sections[0]!.blocks[1] as ReportDocument.DocTable).total!
    expect(total.map((c) => c.value ?? c.text)).toEqual(["Tổng cộng", roots.length, answered.size, expect.any(Number), overdue.length])
    expect((doc.sections[0]!.blocks[0] as { readonly text: string }).text).toContain(`đã tiếp nhận ${roots.length} kiến nghị, đề xuất`)
  })
})

describe("the Sơn La example's work programme (synthetic)", () => {
  it("imports with its items, says it is synthetic, and 4 of its 8 items are done by 31/8/2023 (the end of the example's activities)", async () => {
    const batch = sonLaBatch()
    const { programmes, items } = await Effect.runPromise(
      Effect.gen(function* () {
        const store = yield* Store.Store
        yield* store.upsert(batch)
        const summary = yield* Import.run(PROGRAMME_FILES)
        expect(summary).toMatchObject({ committed: true, rejected: 0 })
        return {
          programmes: [...(yield* Stream.runCollect(store.stream("programmes")))],
          items: [...(yield* Stream.runCollect(store.stream("programmeItems")))]
        }
      }).pipe(Effect.provide(MemoryStore.layer()))
    )
    expect(programmes).toHaveLength(1)
    expect(programmes[0]!.title).toMatch(/giả định/)
    expect(items.every((i) => SYNTHETIC.test(i.note ?? ""))).toBe(true)
    const p = Programme.progress(programmes[0]!, items, batch.activities ?? [], "2023-08-31" as never)
    expect(Programme.summary(p)).toBe("thực hiện 4/8 nội dung theo chương trình")
    expect(p.items.map((i) => i.status)).toEqual(["done", "done", "not-done", "done", "done", "not-due", "not-due", "not-due"])
  })
})
