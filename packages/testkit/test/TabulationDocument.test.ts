/**
 * Tabulations as documents (`TabulationDocument`) and the spreadsheet guards of `Exporter`, over
 * generated council worlds.
 */
import { Dataset, Exporter, Indicators, Registry, Tabulate, Tabulation, TabulationDocument, TabulationRequest } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import * as Result from "effect/Result"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Arbitraries } from "../src/index.js"

const registry = Registry.builtin
const INDICATORS = [Indicators.ids.reviewContent, Indicators.ids.reviewSessions, Indicators.ids.supervision, Indicators.ids.surveyThematicSupervision] as const
const DIMS = ["council", "level", "kind", "month", "organ"] as const

const tabulate = (g: Arbitraries.GeneratedDataset, groupBy: ReadonlyArray<(typeof DIMS)[number]>, trace: boolean) => {
  const ds = Dataset.fromBatch(Arbitraries.toBatch(g))
  return {
    ds,
    tab: Result.getOrThrow(
      Tabulate.tabulate(ds, registry, {
        indicators: INDICATORS,
        scope: TabulationRequest.councils([...ds.councils.keys()]),
        period: Arbitraries.WORLD_PERIOD,
        groupBy: [...groupBy],
        trace
      })
    )
  }
}
const tables = (doc: ReportDocument.ReportDocument) => doc.sections.flatMap((s) => s.blocks).filter((b): b is ReportDocument.DocTable => b._tag === "Table")
const groupingArb = fc.subarray([...DIMS], { maxLength: 2 })

describe("TabulationDocument.fromTabulation", () => {
  it("property: one table per indicator with a row per cell; a count's rows add up to its total; no grouping gives one row per indicator", () => {
    fc.assert(
      fc.property(Arbitraries.datasetArb(), groupingArb, (g, groupBy) => {
        const { tab } = tabulate(g, groupBy, false)
        const doc = Result.getOrThrow(TabulationDocument.fromTabulation(tab, registry))
        const ts = tables(doc)
        if (groupBy.length === 0) {
          expect(ts).toHaveLength(1)
          expect(ts[0]!.rows.map((r) => r[0]!.text)).toEqual([...tab.indicators.keys()])
          ts[0]!.rows.forEach((r, i) => expect(r[2]!.value).toBe(Tabulation.valueOf(tab, [...tab.indicators.keys()][i]!).value))
          return
        }
        expect(ts.map((t) => t.title)).toEqual([...tab.indicators.keys()].map((id) => registry.indicators.get(id)!.vi))
        for (const [i, id] of [...tab.indicators.keys()].entries()) {
          const t = ts[i]!
          const cells = Tabulation.toRows(tab).filter((r) => r.indicator === id)
          expect(t.rows).toHaveLength(cells.length)
          expect(t.columns).toHaveLength(groupBy.length + 1)
          expect(t.total!.at(-1)!.value).toBe(Tabulation.valueOf(tab, id).value)
          // Council view, count measure: cells partition the records, so rows add up to the total.
          if (tab.indicators.get(id) === "count" && tab.view === "council" && Tabulation.conflicts(tab).length === 0) {
            expect(t.rows.reduce((a, r) => a + r.at(-1)!.value!, 0)).toBe(t.total!.at(-1)!.value)
          }
        }
      }),
      { numRuns: 60 }
    )
  })

  it("a tabulation without a period cannot become a document (bilingual reason)", () => {
    const [g] = fc.sample(Arbitraries.datasetArb(), { numRuns: 1, seed: 3 })
    const { tab } = tabulate(g!, ["level"], false)
    const failed = TabulationDocument.fromTabulation({ ...tab, period: undefined }, registry)
    expect(Result.isFailure(failed) && failed.failure.vi.length > 0 && failed.failure.en.length > 0).toBe(true)
  })
})

describe("TabulationDocument.drillDown", () => {
  it("property: lists every activity and tally behind each cell, with the activity's date and title; a count's rows sum to its items", () => {
    fc.assert(
      fc.property(Arbitraries.datasetArb(), groupingArb, (g, groupBy) => {
        const { ds, tab } = tabulate(g, groupBy, true)
        const table = TabulationDocument.drillDown(tab, registry, ds.activities as never, ds.tallies as never)
        const expected = [...tab.cells.values()].reduce((a, c) => a + c.activities.length + c.tallies.length, 0)
        expect(table.rows).toHaveLength(expected)
        for (const row of table.rows) {
          const id = row[2]!.text
          const a = ds.activities.get(id as never)
          if (a !== undefined) expect(row[5]!.text).toBe(a.title)
          else expect(ds.tallies.has(id as never), `${id} is an activity or a tally`).toBe(true)
        }
        for (const id of tab.indicators.keys()) {
          if (tab.indicators.get(id) !== "count") continue
          const name = registry.indicators.get(id)!.vi
          const items = [...tab.cells.values()].filter((c) => c.indicator === id).reduce((a, c) => a + c.items, 0)
          const rows = table.rows.filter((r) => r[0]!.text === name && ds.activities.has(r[2]!.text as never))
          expect(rows.reduce((a, r) => a + (r[6]!.value ?? 0), 0)).toBe(items)
        }
      }),
      { numRuns: 40 }
    )
  })
})

describe("Exporter guards", () => {
  it("property: neutraliseFormula leaves no text starting with a formula trigger, changes nothing else, and is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom("=1+1", "+84", "-2", "@SUM(1)", "\t=1", "\r=1", "Ban Pháp chế", "")), (s) => {
        const n = Exporter.neutraliseFormula(s)
        expect(Exporter.FORMULA_TRIGGERS.includes(n[0] ?? "")).toBe(false)
        expect(n === s || n === `'${s}`).toBe(true)
        expect(n === s).toBe(s.length === 0 || !Exporter.FORMULA_TRIGGERS.includes(s[0]!))
        expect(Exporter.neutraliseFormula(n)).toBe(n)
      }),
      { numRuns: 500 }
    )
  })

  it("property: slug gives a non-empty ASCII name within its length, diacritics removed", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 60 }), (s, max) => {
        const out = Exporter.slug(s, max)
        expect(out).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
        expect(out.length <= max || out === "bang").toBe(true)
      }),
      { numRuns: 500 }
    )
    expect(Exporter.slug("Kết quả hoạt động – cấp tỉnh (Đắk Lắk)")).toBe("ket-qua-hoat-dong-cap-tinh-dak-lak")
  })
})
