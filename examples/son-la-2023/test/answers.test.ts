import type { ReportDocument } from "@hdnd/core"
import * as fs from "node:fs"
import { describe, expect, it } from "vitest"
import { answerReport, DATA_FILE, PERIOD, records } from "../src/answers.js"

interface Raw {
  readonly recommendations: ReadonlyArray<{ readonly id: string; readonly content: string; readonly mergedInto?: string; readonly deadline?: string; readonly raisedOn: string }>
  readonly responses: ReadonlyArray<{ readonly recommendation: string; readonly date: string }>
}

describe("the Sơn La example's consolidated answer report (synthetic proposals)", () => {
  const raw = JSON.parse(fs.readFileSync(DATA_FILE, "utf8")) as Raw
  const doc = answerReport()
  const tables = doc.sections.slice(1).flatMap((s) => s.blocks) as ReadonlyArray<ReportDocument.DocTable>

  it("the data says it is synthetic and passes the order-of-events checks", () => {
    expect(JSON.parse(fs.readFileSync(DATA_FILE, "utf8"))._note).toMatch(/GIẢ ĐỊNH.*synthetic/)
    expect(() => records()).not.toThrow()
  })

  it("lists each matter once (a merged proposal under the one it was merged into), with its content", () => {
    const roots = raw.recommendations.filter((r) => r.mergedInto === undefined)
    const rows = tables.flatMap((t) => t.rows)
    expect(rows).toHaveLength(roots.length)
    for (const r of roots) expect(rows.some((row) => row[1]!.text.startsWith(r.content))).toBe(true)
    const merged = raw.recommendations.filter((r) => r.mergedInto !== undefined).map((r) => r.mergedInto)
    for (const id of merged) {
      const content = raw.recommendations.find((r) => r.id === id)!.content
      expect(rows.find((row) => row[1]!.text.startsWith(content))![1]!.text).toMatch(/\(gộp \d+ ý kiến\)$/)
    }
  })

  it("its totals follow from the records: raised, answered, overdue at the end of the period", () => {
    const roots = raw.recommendations.filter((r) => r.mergedInto === undefined)
    const matterOf = (id: string): string => raw.recommendations.find((r) => r.id === id)!.mergedInto ?? id
    const answered = new Set(raw.responses.filter((x) => x.date <= PERIOD.to).map((x) => matterOf(x.recommendation)))
    const overdue = roots.filter((r) => r.deadline !== undefined && r.deadline < PERIOD.to && !answered.has(r.id))
    const total = (doc.sections[0]!.blocks[1] as ReportDocument.DocTable).total!
    expect(total.map((c) => c.value ?? c.text)).toEqual(["Tổng cộng", roots.length, answered.size, expect.any(Number), overdue.length])
    expect((doc.sections[0]!.blocks[0] as { readonly text: string }).text).toContain(`đã tiếp nhận ${roots.length} kiến nghị, đề xuất`)
  })
})
