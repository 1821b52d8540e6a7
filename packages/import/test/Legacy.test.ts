import { Dataset, Registry } from "@hdnd/core"
import { Csv, Decode, Interchange, Resolve, Rows, Source } from "@hdnd/import"
import type { SourceRow } from "@hdnd/import"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { collect } from "./utils/collect.js"
import { fullBatchArb } from "./utils/generated.js"
import { build as legacyBuild } from "./utils/legacyRecord.js"
import type { Mapped } from "./utils/legacyRecord.js"

/** Cell values that go wrong in every way a spreadsheet allows, and some that are right. */
const ODD = [
  "", " ", "x", "-", "a b", "khóa XV", "XV", "15", "Kỳ họp thứ 7", "Kỳ họp chuyên đề thứ 2", "Phiên họp thứ 3", "HĐND tỉnh Sơn La", "Tỉnh Sơn La", "14",
  "31/02/2023", "2023-13-01", "10/07/2023", "2023-07-10", "1/1/2021", "abc", "-1", "1.044", "1 044", "7", "có", "không", "x;y", "a;;b; ", "Ban Pháp chế; Ban Dân tộc",
  "Thường trực", "review", "thẩm tra", "giám sát chuyên đề", "survey", "other", "regular", "chuyên đề", "tinh", "huyện", "plenary", "committee", "phap-che",
  "85/BC-HĐND", "85/bc", "Ho\u0323at \u0111\u00F4\u0323ng", "\u0000x", "x".repeat(4001), "a".repeat(201),
  "kiến nghị", "ý kiến, kiến nghị của cử tri", "cấp tỉnh", "Trung ương", "Ủy ban nhân dân", "sở, ngành", "đang giải quyết", "đã giải trình", "2023", "13", "0",
  "Ban phap-che", "Ban phap-che HĐND c-u14", "Thường trực HĐND", "r0", "ct0", "a0; a1"
]

const TYPES = ["units", "lineage", "councils", "terms", "organs", "sessions", "meetings", "activities", "tallies", "recommendations", "responses", "evaluations", "programmes", "programmeItems"] as const

interface Corruption {
  readonly row: number
  readonly column: number
  readonly value: string
}

/** The CSV of `kind`'s records with some cells replaced and, sometimes, a column without a header. */
const csvOf = (kind: Dataset.EntityKind, records: ReadonlyArray<unknown>, corruptions: ReadonlyArray<Corruption>, headerless: boolean): string => {
  const columns = Rows.columnsFor(kind, records)
  const rows = records.map((r) => [...Rows.cellsOf(kind, r, columns)])
  for (const c of corruptions) {
    const row = rows[c.row % Math.max(1, rows.length)]
    if (row !== undefined && row.length > 0) row[c.column % row.length] = c.value
  }
  const header = [...Rows.headers(columns)]
  if (headerless) {
    header.splice(1, 0, "")
    rows.forEach((r, i) => r.splice(1, 0, i % 3 === 0 ? "lạc" : ""))
  }
  return [header, ...rows].map((r) => Csv.formatRow(r)).join("")
}

/** The importer as it decoded CSV rows before (the legacy record builder, the same header matching). */
const legacyDecode = async (inputs: ReadonlyArray<{ readonly name: string; readonly data: string }>) => {
  const resolver = Resolve.make({ registry: Registry.builtin })
  const out: Array<{ readonly row: number; readonly record?: unknown; readonly problems?: ReadonlyArray<string> }> = []
  for (const input of inputs) {
    const kind = Interchange.entityOfName(input.name) as Dataset.EntityKind
    let mapping: ReadonlyArray<Interchange.Column | undefined> = []
    for await (const item of Csv.read(input)) {
      if (item._tag === "Header") mapping = Interchange.matchHeaders(kind, item.columns).columns
      if (item._tag !== "Row") continue
      const { cells, row } = item as SourceRow.SourceRow
      const mapped: Array<Mapped> = []
      mapping.forEach((column, i) => {
        const cell = cells[i]
        if (column !== undefined && cell !== undefined) mapped.push({ column, cell })
      })
      const orphan = cells.find((c, i) => mapping[i] === undefined && c.header.trim() === "" && c.value.trim() !== "")
      const built = legacyBuild({ kind, resolver, council: undefined, file: input.name, sheet: undefined, row }, mapped)
      const problems = "problems" in built ? built.problems.map((p) => JSON.stringify(p)) : []
      if (orphan !== undefined) problems.push(`no-header ${orphan.column}`)
      if (problems.length === 0 && "record" in built) {
        if (["units", "lineage", "councils", "terms", "organs", "sessions", "meetings"].includes(kind)) resolver.add(kind, built.record)
        out.push({ row, record: built.record })
      } else out.push({ row, problems })
    }
  }
  return out
}

/** Identical values: same prototypes, own keys in the same order, leaves `Object.is`. */
const identical = (a: unknown, b: unknown): boolean => {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return Object.is(a, b)
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  const ka = Reflect.ownKeys(a)
  const kb = Reflect.ownKeys(b)
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && identical((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]))
}

describe("decoding, against the legacy record builder", () => {
  it("property: generated records with corrupted cells decode to identical records, or the same problems at the same places", async () => {
    await fc.assert(
      fc.asyncProperty(
        fullBatchArb({ maxActivities: 25, maxTallies: 4, maxRecommendations: 6, maxProgrammes: 3 }),
        fc.array(fc.record({ kind: fc.constantFrom(...TYPES), row: fc.nat(), column: fc.nat(), value: fc.constantFrom(...ODD) }), { maxLength: 12 }),
        fc.boolean(),
        async (batch, corruptions, headerless) => {
          const inputs = TYPES.filter((k) => (batch[k]?.length ?? 0) > 0).map((k) => ({
            name: `${k}.csv`,
            data: csvOf(k, batch[k] as ReadonlyArray<unknown>, corruptions.filter((c) => c.kind === k), headerless && k === "activities")
          }))
          const legacy = await legacyDecode(inputs)
          const decoded = (await collect(Decode.decode(Source.openAll(inputs), { registry: Registry.builtin }))).filter((d) => !(d._tag === "Rejected" && d.fatal))
          expect(decoded.length).toBe(legacy.length)
          decoded.forEach((d, i) => {
            const want = legacy[i] as (typeof legacy)[number]
            expect(d.row).toBe(want.row)
            if (d._tag === "Record") {
              expect(want.problems, `row ${d.row} of ${d.file} was rejected before: ${want.problems?.join("\n")}`).toBeUndefined()
              expect(identical(d.record, want.record), `row ${d.row} of ${d.file}`).toBe(true)
            } else {
              const got = d.problems.map((p) => (p.code === "import.no-header" ? `no-header ${p.column}` : JSON.stringify(p)))
              expect(got).toEqual(want.problems)
            }
          })
        }
      ),
      { numRuns: 80 }
    )
  })
})
