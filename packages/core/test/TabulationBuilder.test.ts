import { fc, it as prop } from "@fast-check/vitest"
import { CalendarDate, Dataset, Indicators, Registry, Tabulation, TabulationBuilder, TabulationRequest } from "@hdnd/core"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { structure } from "./utils/fixture.js"

const { ids } = Indicators
const ds = Dataset.fromBatch(structure)
const COUNCILS = ["c14", "c116"] as const
const INDICATORS = [ids.reviewContent, ids.reviewSessions, ids.supervision] as const

const planOf = (groupBy: ReadonlyArray<Tabulation.Dimension>) =>
  Result.getOrThrow(
    TabulationBuilder.plan(ds, Registry.builtin, {
      indicators: [...INDICATORS],
      scope: TabulationRequest.councils([...COUNCILS] as never),
      period: CalendarDate.period("2023-01-01", "2023-12-31"),
      groupBy: [...groupBy]
    })
  )

/** One report to a builder: `n` items of indicator `i` at a council, kind and month, with sessions. */
interface Add {
  readonly i: number
  readonly council: (typeof COUNCILS)[number]
  readonly kind: string
  readonly month: number
  readonly n: number
  readonly sessions: ReadonlyArray<string>
}

const arbAdd: fc.Arbitrary<Add> = fc.record({
  i: fc.integer({ min: 0, max: INDICATORS.length - 1 }),
  council: fc.constantFrom(...COUNCILS),
  kind: fc.constantFrom("review", "supervision", "survey"),
  month: fc.integer({ min: 1, max: 12 }),
  n: fc.integer({ min: 1, max: 5 }),
  sessions: fc.subarray(["s1", "s2", "s3"])
})

const feed = (b: TabulationBuilder.Builder, plan: TabulationBuilder.Plan, adds: ReadonlyArray<Add>) => {
  const facts = TabulationBuilder.emptyRowFacts()
  for (const a of adds) {
    const council = plan.councils.get(a.council as never) as TabulationBuilder.ScopedCouncil
    facts.council = council.id
    facts.kind = a.kind
    facts.day = `2023-${String(a.month).padStart(2, "0")}-01`
    const key = b.keyOf(facts, council)
    b.addItems(a.i, key, a.n)
    b.addSessions(a.i, key, a.sessions)
    b.addCouncilItems(a.i, council, a.n)
  }
}

/** The counts of a list of reports, computed directly: items and session sets per indicator and key. */
const direct = (plan: TabulationBuilder.Plan, adds: ReadonlyArray<Add>, key: (a: Add) => ReadonlyArray<string>) => {
  const out = new Map<string, { items: number; sessions: Set<string> }>()
  for (const a of adds) {
    const id = Tabulation.cellKey(plan.indicators[a.i]?.id as never, key(a))
    const cell = out.get(id) ?? { items: 0, sessions: new Set<string>() }
    cell.items += a.n
    if (plan.indicators[a.i]?.measure === "distinct-sessions") for (const s of a.sessions) cell.sessions.add(s)
    out.set(id, cell)
  }
  return out
}

describe("TabulationBuilder.Builder", () => {
  prop.prop([fc.array(arbAdd, { maxLength: 60 }), fc.constantFrom<ReadonlyArray<Tabulation.Dimension>>(["council", "kind", "month"], ["kind"], ["quarter", "council"], [])], { numRuns: 150 })(
    "each cell holds the items and sessions reported at its key, whatever the order of the reports",
    (adds, groupBy) => {
      const plan = planOf(groupBy)
      const values = (a: Add): ReadonlyArray<string> => {
        const day = `2023-${String(a.month).padStart(2, "0")}-01`
        return groupBy.map((d) => (d === "council" ? a.council : d === "kind" ? a.kind : d === "month" ? day.slice(0, 7) : CalendarDate.quarterOf(day as never)))
      }
      const b = new TabulationBuilder.Builder(plan)
      feed(b, plan, adds)
      const t = b.finish(ds, Registry.builtin)
      const expected = direct(plan, adds, values)
      expect(t.cells.size).toBe(expected.size)
      for (const [id, want] of expected) {
        const cell = t.cells.get(id)
        expect(cell?.items).toBe(want.items)
        expect([...(cell?.sessions ?? [])].sort()).toEqual([...want.sessions].sort())
        expect(Tabulation.cellKey(cell?.indicator as never, cell?.key ?? [])).toBe(id)
      }
      // The reports in reverse give the same tabulation.
      const r = new TabulationBuilder.Builder(plan)
      feed(r, plan, [...adds].reverse())
      expect(Tabulation.toRows(r.finish(ds, Registry.builtin))).toEqual(Tabulation.toRows(t))
    }
  )

  prop.prop([fc.array(arbAdd, { maxLength: 40 })], { numRuns: 100 })("cells are listed indicator by indicator, each in the order it was made", (adds) => {
    const plan = planOf(["council", "kind", "month"])
    const b = new TabulationBuilder.Builder(plan)
    feed(b, plan, adds)
    const listed = [...b.finish(ds, Registry.builtin).cells.keys()]
    const made: Array<string> = []
    INDICATORS.forEach((_, i) => {
      for (const a of adds) {
        if (a.i !== i) continue
        const id = Tabulation.cellKey(INDICATORS[i] as never, [a.council, a.kind, `2023-${String(a.month).padStart(2, "0")}`])
        if (!made.includes(id)) made.push(id)
      }
    })
    expect(listed).toEqual(made)
  })

  prop.prop([fc.array(arbAdd, { maxLength: 60 }), fc.array(arbAdd, { maxLength: 20 }), fc.integer({ min: 1, max: 7 })], { numRuns: 150 })(
    "keys reported as distinct (in parts, then more reports looked up as usual) give the tabulation of ordinary reports",
    (adds, later, parts) => {
      const plan = planOf(["council", "kind", "month"])
      // One report per key under distinctKeys: the adds grouped by key, as a grouped query returns them.
      const keyOf = (a: Add) => `${a.council}|${a.kind}|${a.month}`
      const grouped = new Map<string, Array<Add>>()
      for (const a of adds) grouped.set(keyOf(a), [...(grouped.get(keyOf(a)) ?? []), a])
      const token = {}
      const b = new TabulationBuilder.Builder(plan)
      const rows = [...grouped.values()]
      const size = Math.ceil(rows.length / parts)
      for (let k = 0; k < rows.length; k += size) {
        expect(b.distinctKeys(token)).toBe(true)
        for (const row of rows.slice(k, k + size)) feed(b, plan, row)
        b.pauseDistinctKeys()
      }
      // Reports after it look keys up again: they add to the cells made under it.
      feed(b, plan, later)
      expect(b.distinctKeys({})).toBe(rows.length === 0 && later.length === 0)
      const ordinary = new TabulationBuilder.Builder(plan)
      feed(ordinary, plan, [...rows.flat(), ...later])
      expect(Tabulation.toRows(b.finish(ds, Registry.builtin))).toEqual(Tabulation.toRows(ordinary.finish(ds, Registry.builtin)))
    }
  )

  it("distinctKeys is granted to an empty builder or its own token only, and a key reported twice under it fails instead of counting wrong", () => {
    const plan = planOf(["council"])
    const facts = TabulationBuilder.emptyRowFacts()
    const key = (id: string, b: TabulationBuilder.Builder) => b.keyOf(facts, plan.councils.get(id as never) as TabulationBuilder.ScopedCouncil)
    const token = {}
    const b = new TabulationBuilder.Builder(plan)
    expect(b.distinctKeys(token)).toBe(true)
    b.addItems(0, key("c14", b), 1)
    b.pauseDistinctKeys()
    expect(b.distinctKeys({})).toBe(false)
    expect(b.distinctKeys(token)).toBe(false)
    // The same key twice, apart (the last key looked up is remembered, so another comes between).
    const twice = new TabulationBuilder.Builder(plan)
    expect(twice.distinctKeys(token)).toBe(true)
    for (const id of ["c14", "c116", "c14"]) twice.addItems(0, key(id, twice), 1)
    twice.pauseDistinctKeys()
    expect(() => twice.finish(ds, Registry.builtin)).toThrow(/twice/)
    // Found as well when a later report needs the slot map.
    const indexed = new TabulationBuilder.Builder(plan)
    expect(indexed.distinctKeys(token)).toBe(true)
    for (const id of ["c14", "c116", "c14"]) indexed.addItems(0, key(id, indexed), 1)
    indexed.pauseDistinctKeys()
    expect(() => indexed.addItems(1, key("c116", indexed), 1)).toThrow(/twice/)
  })

  it("a finished tabulation does not change when the builder is used again", () => {
    const plan = planOf(["council"])
    const b = new TabulationBuilder.Builder(plan)
    const c14 = plan.councils.get("c14" as never) as TabulationBuilder.ScopedCouncil
    const key = b.keyOf(TabulationBuilder.emptyRowFacts(), c14)
    b.addItems(1, key, 2, "s1")
    const first = b.finish(ds, Registry.builtin)
    b.addItems(1, key, 5, "s2")
    b.addSessions(1, key, ["s3"])
    const cell = first.cells.get(Tabulation.cellKey(ids.reviewSessions, ["c14"]))
    expect(cell?.items).toBe(2)
    expect([...(cell?.sessions ?? [])]).toEqual(["s1"])
    const second = b.finish(ds, Registry.builtin)
    expect(second.cells.get(Tabulation.cellKey(ids.reviewSessions, ["c14"]))?.items).toBe(5)
  })

  it("cells that never got sessions, values, tallies or activities share empty ones; the others own theirs", () => {
    const plan = planOf(["council"])
    const b = new TabulationBuilder.Builder(plan)
    const facts = TabulationBuilder.emptyRowFacts()
    for (const id of COUNCILS) b.addItems(0, b.keyOf(facts, plan.councils.get(id as never) as TabulationBuilder.ScopedCouncil), 1)
    const c14 = b.keyOf(facts, plan.councils.get("c14" as never) as TabulationBuilder.ScopedCouncil)
    b.addItems(1, c14, 1, "s1")
    b.addItems(1, b.keyOf(facts, plan.councils.get("c116" as never) as TabulationBuilder.ScopedCouncil), 1, "s2")
    const t = b.finish(ds, Registry.builtin)
    const [a, c] = COUNCILS.map((id) => t.cells.get(Tabulation.cellKey(ids.reviewContent, [id])) as Tabulation.Cell)
    expect(a?.sessions).toBe(c?.sessions)
    expect(a?.values.size).toBe(0)
    expect(a?.tallies).toEqual([])
    const [s14, s116] = COUNCILS.map((id) => t.cells.get(Tabulation.cellKey(ids.reviewSessions, [id])) as Tabulation.Cell)
    expect([...(s14?.sessions ?? [])]).toEqual(["s1"])
    expect([...(s116?.sessions ?? [])]).toEqual(["s2"])
    expect(a?.sessions.size).toBe(0)
    // The key arrays of the cells at one key are one array.
    expect(a?.key).toBe(s14?.key)
  })
})
