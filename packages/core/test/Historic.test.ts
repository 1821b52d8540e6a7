/**
 * Historic entry made easy (issue #14 item 7): a district-level unit, council, term or organ entered
 * without an end date ends on 30 June 2025, the last day of the district level (district councils
 * stopped on 1 July 2025), with a notice, not an error; an explicit later end is still an error; as-of
 * queries answer as for the same records ended by hand.
 */
import { Client, Council, Dataset, Errors, Hierarchy, Historic, HdndClient, MemoryStore, Registry, Store, Validation } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { AdminUnit } from "../src/AdminUnit.js"
import { date, fromDayNumber, toDayNumber } from "../src/CalendarDate.js"

const LAST = date("2025-06-30")
const day = (from: string, to: string) => fc.integer({ min: toDayNumber(date(from)), max: toDayNumber(date(to)) }).map(fromDayNumber)

const province = new AdminUnit({ id: "u12" as never, code: "12", name: "Tỉnh Lai Châu", type: "tinh", validity: { from: date("2004-01-01") } })

interface Entry {
  readonly code: string
  readonly type: "huyen" | "thanh-pho-thuoc-tinh" | "xa"
  readonly from: string
  readonly councilFrom: string
  readonly termFrom: string
}

/** District and commune units (communes under the first district), each with a council, a term and a committee. */
const entries = fc.uniqueArray(
  fc.record({
    code: fc.integer({ min: 100, max: 199 }).map(String),
    type: fc.constantFrom<Entry["type"]>("huyen", "thanh-pho-thuoc-tinh"),
    from: day("2004-01-01", "2015-12-31"),
    councilFrom: day("2016-01-01", "2020-12-31"),
    termFrom: day("2021-01-01", "2025-06-30")
  }),
  { minLength: 1, maxLength: 4, selector: (e) => e.code }
)

/** The batch, with every record open (`open`) or ended by hand on 30/6/2025. */
const batchOf = (es: ReadonlyArray<Entry>, open: boolean): Dataset.Batch => {
  const validity = (from: string) => (open ? { from: date(from) } : { from: date(from), to: LAST })
  return {
    units: [province, ...es.map((e) => new AdminUnit({ id: `u${e.code}` as never, code: e.code, name: `Huyện ${e.code}`, type: e.type, parent: "u12" as never, validity: validity(e.from) }))],
    councils: [
      new Council.Council({ id: "c12" as never, unit: "u12" as never, name: "HĐND tỉnh", validity: { from: date("2004-01-01") } }),
      ...es.map((e) => new Council.Council({ id: `c${e.code}` as never, unit: `u${e.code}` as never, name: `HĐND huyện ${e.code}`, validity: validity(e.councilFrom) }))
    ],
    terms: es.map((e) => new Council.Term({ id: `t${e.code}` as never, council: `c${e.code}` as never, convocation: "XX", validity: validity(e.termFrom) })),
    organs: es.map((e) => new Council.Organ({ id: `o${e.code}` as never, council: `c${e.code}` as never, kind: "committee", committeeKind: "phap-che" as never, name: "Ban Pháp chế", validity: validity(e.termFrom) }))
  }
}

const encode = (b: Dataset.Batch) => JSON.stringify(Dataset.entityKinds.map((k) => (b[k] ?? []).map((r) => JSON.stringify(r))))

describe("Historic.close", () => {
  it("a district-level record entered without an end date ends on the level's last day, as if ended by hand", () => {
    fc.assert(
      fc.property(entries, (es) => {
        const { batch, notice } = Historic.close(batchOf(es, true), Dataset.empty)
        expect(encode(batch)).toEqual(encode(batchOf(es, false)))
        // The notice lists exactly the district records closed (the province and its council stay open).
        expect(notice?.records.map((r) => `${r.kind}:${r.id}:${r.to}`).sort()).toEqual(
          es.flatMap((e) => [`units:u${e.code}:${LAST}`, `councils:c${e.code}:${LAST}`, `terms:t${e.code}:${LAST}`, `organs:o${e.code}:${LAST}`]).sort()
        )
        expect(Validation.validateBatch(Dataset.empty, batch, Registry.builtin)).toEqual([])
      })
    )
  })

  it("as-of queries match those of the records ended by hand", () => {
    fc.assert(
      fc.property(entries, day("2003-01-01", "2030-12-31"), (es, d) => {
        const closed = Historic.close(batchOf(es, true), Dataset.empty).batch
        const byHand = batchOf(es, false)
        const h1 = Hierarchy.make(closed.units ?? [], [])
        const h2 = Hierarchy.make(byHand.units ?? [], [])
        expect(h1.asOf(d).map((u) => u.id)).toEqual(h2.asOf(d).map((u) => u.id))
        expect(h1.subtree("u12" as never, d).map((u) => u.id)).toEqual(h2.subtree("u12" as never, d).map((u) => u.id))
      })
    )
  })

  it("stored through Historic.upsert, the records equal those ended by hand, and so do as-of answers", async () => {
    const stored = (batch: Dataset.Batch, closing: boolean) =>
      Effect.runPromise(
        Effect.gen(function* () {
          const store = yield* Store.Store
          if (closing) yield* Historic.upsert(batch)
          else yield* store.upsert(batch)
          const units = [...(yield* Stream.runCollect(store.stream("units")))]
          const rest = yield* Effect.forEach(["councils", "terms", "organs"] as const, (k) => Stream.runCollect(store.stream(k)).pipe(Effect.map((c) => [...c])))
          return { units, rest }
        }).pipe(Effect.provide(MemoryStore.layer()))
      )
    await fc.assert(
      fc.asyncProperty(entries, day("2003-01-01", "2030-12-31"), async (es, d) => {
        const a = await stored(batchOf(es, true), true)
        const b = await stored(batchOf(es, false), false)
        expect(JSON.stringify(a)).toEqual(JSON.stringify(b))
        for (const u of a.units) if (u.type !== "tinh") expect(u.validity.to).toBe(LAST)
        expect(Hierarchy.make(a.units, []).asOf(d).map((u) => u.id)).toEqual(Hierarchy.make(b.units, []).asOf(d).map((u) => u.id))
      }),
      { numRuns: 50 }
    )
  })

  it("as of 2024 the district unit exists; as of 2026 it does not", () => {
    const es: ReadonlyArray<Entry> = [{ code: "105", type: "huyen", from: "2004-01-01", councilFrom: "2016-01-01", termFrom: "2021-06-25" }]
    const h = Hierarchy.make(Historic.close(batchOf(es, true), Dataset.empty).batch.units ?? [], [])
    expect(h.asOf(date("2024-06-01")).map((u) => u.id)).toEqual(["u12", "u105"])
    expect(h.asOf(date("2026-01-01")).map((u) => u.id)).toEqual(["u12"])
  })

  it("finds the unit of a council, term or organ in what the store holds; leaves records it cannot place", () => {
    const es: ReadonlyArray<Entry> = [{ code: "105", type: "huyen", from: "2004-01-01", councilFrom: "2016-01-01", termFrom: "2021-06-25" }]
    const stored = Dataset.fromBatch({ units: batchOf(es, false).units, councils: batchOf(es, false).councils })
    const { batch, notice } = Historic.close({ terms: batchOf(es, true).terms, organs: batchOf(es, true).organs }, stored)
    expect(batch.terms?.[0]?.validity.to).toBe(LAST)
    expect(notice?.records.map((r) => r.id)).toEqual(["t105", "o105"])
    const orphan = Historic.close({ terms: batchOf(es, true).terms }, Dataset.empty)
    expect(orphan.notice).toBeUndefined()
    expect(orphan.batch.terms?.[0]?.validity.to).toBeUndefined()
  })

  it("leaves records that start after the level ended, and explicit ends, as they are; an explicit end after the last day is an error", () => {
    const late = new AdminUnit({ id: "u199" as never, code: "199", name: "Huyện mới", type: "huyen", parent: "u12" as never, validity: { from: date("2025-07-01") } })
    expect(Historic.close({ units: [late] }, Dataset.empty).notice).toBeUndefined()
    const after = new AdminUnit({ id: "u105" as never, code: "105", name: "Huyện Tam Đường", type: "huyen", parent: "u12" as never, validity: { from: date("2004-01-01"), to: date("2026-01-01") } })
    const { batch, notice } = Historic.close({ units: [province, after] }, Dataset.empty)
    expect(notice).toBeUndefined()
    const problems = Validation.validateBatch(Dataset.empty, batch, Registry.builtin)
    expect(problems.map((p) => [p.id, p.field, p.code])).toEqual([["u105", "validity.to", "after-level-end"]])
    expect(problems[0]?.vi).toContain("2025-06-30")
    expect(problems[0]?.en).toContain("2025-06-30")
  })

  it("says what it did in Vietnamese and English", () => {
    const es: ReadonlyArray<Entry> = [{ code: "105", type: "huyen", from: "2004-01-01", councilFrom: "2016-01-01", termFrom: "2021-06-25" }]
    const { notice } = Historic.close({ units: batchOf(es, true).units }, Dataset.empty)
    expect(notice?.vi).toBe(
      `Ghi chú: 1 bản ghi cấp huyện không có ngày kết thúc đã được cho kết thúc ngày 2025-06-30, ngày cuối cùng của cấp huyện (${Historic.ceasedLevels[0]!.source}): đơn vị hành chính "u105". Nếu bản ghi kết thúc sớm hơn, hãy ghi ngày kết thúc.`
    )
    expect(notice?.en).toBe(`Note: 1 district level record without an end date was ended on 2025-06-30, the last day of the district level: administrative unit "u105". If a record ended earlier, give its end date.`)
  })
})

describe("the APIs close historic records", () => {
  const es: ReadonlyArray<Entry> = [{ code: "105", type: "huyen", from: "2004-01-01", councilFrom: "2016-01-01", termFrom: "2021-06-25" }]

  it("Effect: Historic.upsert writes the closed records and returns the notice", async () => {
    const result = await Effect.runPromise(
      Effect.gen(function* () {
        const written = yield* Historic.upsert(batchOf(es, true))
        const store = yield* Store.Store
        const unit = yield* store.get("units", "u105")
        const councils = [...(yield* Stream.runCollect(store.stream("councils")))]
        return { written, unit, councils }
      }).pipe(Effect.provide(MemoryStore.layer()))
    )
    expect(result.written.inserted).toBe(2 + 1 + 1 + 2)
    expect(result.written.notices.map((n) => n.records.length)).toEqual([4])
    expect(result.unit.validity).toEqual({ from: "2004-01-01", to: LAST })
    expect(result.councils.find((c) => c.id === "c105")?.validity.to).toBe(LAST)
  })

  it("Promise: client.load closes them (notices in the result); a later record for the ended council is refused", async () => {
    const client = await HdndClient.open()
    try {
      const encoded = Client.encodeBatch(batchOf(es, true))
      const written = await client.load(encoded)
      expect(written.notices[0]?.records.map((r) => r.id)).toEqual(["u105", "c105", "t105", "o105"])
      expect((await client.get("organs", "o105")).validity.to).toBe(LAST)
      const again = await client.load(encoded)
      expect(again.unchanged).toBe(6)
      const late = await client
        .load({ sessions: [{ id: "s1", council: "c105", ordinal: 1, series: "all", type: "regular", dates: { from: "2025-08-01" } }] })
        .catch((e: unknown) => e)
      expect(late).toBeInstanceOf(Errors.ValidationError)
    } finally {
      await client.close()
    }
  })
})

describe("the Promise client loads data plugins", () => {
  it("HdndClient.open({ plugins }) takes a data plugin document beside a code plugin; a bad one rejects with DataPluginError", async () => {
    const doc = {
      name: "lai-chau", version: "1.0.0", coreVersion: "^0.1.0",
      indicators: [{ id: "lai-chau/ban", vi: "Số Ban", en: "Committees", nounVi: "ban", nounEn: "committees", filter: { kinds: ["review"] }, measure: "count" }],
      units: [{ id: "u12", code: "12", name: "Tỉnh Lai Châu", type: "tinh", validity: { from: "2004-01-01" } }]
    }
    const client = await HdndClient.open({ plugins: [doc] })
    try {
      expect((await client.get("units", "u12")).name).toBe("Tỉnh Lai Châu")
      const t = await client.tabulate({ indicators: ["lai-chau/ban"], scope: { _tag: "Subtree", unit: "u12", asOf: "2024-01-01" }, period: { from: "2024-01-01", to: "2024-12-31" }, groupBy: [] })
      expect(t.indicators.has("lai-chau/ban" as never)).toBe(true)
    } finally {
      await client.close()
    }
    const bad = await HdndClient.open({ plugins: [{ ...doc, indicators: [{ ...doc.indicators[0], filter: { kinds: ["khong-co"] } }] }] }).catch((e: unknown) => e)
    expect((bad as { _tag?: string })._tag).toBe("DataPluginError")
    expect(String((bad as Error).message)).toContain(`plugin › indicators[0].filter.kinds[0]: không có loại hoạt động "khong-co"`)
  })
})
