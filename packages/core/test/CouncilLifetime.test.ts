/**
 * Records dated outside their council's lifetime (issue #6 §5): after 1 July 2025 an activity,
 * session or meeting can only name a council that is in office then — not a district council, which
 * ended on 30 June 2025 — and before it none can name a new commune's council. Validation refuses
 * them with one problem on the record's first day, saying when the council ended or began and which
 * councils were in office that day (through the lineage); the store then writes nothing.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import fc from "fast-check"
import { Activity } from "../src/Activity.js"
import { AdminUnit, LineageEvent } from "../src/AdminUnit.js"
import type { DateRange } from "../src/CalendarDate.js"
import { addDays, contains, date, fromDayNumber, toDayNumber, within } from "../src/CalendarDate.js"
import { Council, Organ } from "../src/Council.js"
import type { Batch } from "../src/Dataset.js"
import { empty, fromBatch } from "../src/Dataset.js"
import * as MemoryStore from "../src/MemoryStore.js"
import * as Registry from "../src/Registry.js"
import { Session, StandingMeeting } from "../src/Session.js"
import { validateBatch } from "../src/Validation.js"

type Args<C> = C extends new (p: infer P, ...rest: Array<any>) => any ? P : never
const loose = <C extends new (p: any) => any>(C: C) => (p: Record<string, unknown>): InstanceType<C> => new C(p as Args<C>)
const mkUnit = loose(AdminUnit)
const mkEvent = loose(LineageEvent)
const mkCouncil = loose(Council)
const mkOrgan = loose(Organ)
const mkSession = loose(Session)
const mkMeeting = loose(StandingMeeting)
const mkActivity = loose(Activity)

const r = (from: string, to?: string): DateRange => (to === undefined ? { from: date(from) } : { from: date(from), to: date(to) })

// A province with two district-level units until 30/6/2025 (Mộc Châu reclassified on 1/1/2025) and
// one commune from 1/7/2025, each with a council whose standing committee lives as long as it does.
const units = [
  mkUnit({ id: "u14", code: "14", name: "Tỉnh Sơn La", type: "tinh", validity: r("2004-01-01") }),
  mkUnit({ id: "u125", code: "125", name: "Huyện Mai Sơn", type: "huyen", parent: "u14", validity: r("2004-01-01", "2025-06-30") }),
  mkUnit({ id: "u123a", code: "123", name: "Huyện Mộc Châu", type: "huyen", parent: "u14", validity: r("2004-01-01", "2024-12-31") }),
  mkUnit({ id: "u123b", code: "123", name: "Thị xã Mộc Châu", type: "thi-xa", parent: "u14", validity: r("2025-01-01", "2025-06-30") }),
  mkUnit({ id: "u03985", code: "03985", name: "Xã Chiềng Sơn", type: "xa", parent: "u14", validity: r("2025-07-01") })
]
const lineage = [
  mkEvent({ id: "e-moc-chau", kind: "reclassify", date: "2025-01-01", sources: ["u123a"], targets: ["u123b"] }),
  mkEvent({ id: "e-districts", kind: "abolish", date: "2025-07-01", sources: ["u123b", "u125"], targets: [] }),
  mkEvent({ id: "e-communes", kind: "establish", date: "2025-07-01", sources: [], targets: ["u03985"] })
]
const councils = [
  mkCouncil({ id: "c14", unit: "u14", name: "HĐND tỉnh Sơn La", validity: r("2004-01-01") }),
  mkCouncil({ id: "c125", unit: "u125", name: "HĐND huyện Mai Sơn", validity: r("2004-01-01", "2025-06-30") }),
  mkCouncil({ id: "c123a", unit: "u123a", name: "HĐND huyện Mộc Châu", validity: r("2004-01-01", "2024-12-31") }),
  mkCouncil({ id: "c123b", unit: "u123b", name: "HĐND thị xã Mộc Châu", validity: r("2025-01-01", "2025-06-30") }),
  mkCouncil({ id: "c03985", unit: "u03985", name: "HĐND xã Chiềng Sơn", validity: r("2025-07-01") })
]
const organs = councils.map((c) => mkOrgan({ id: `${c.id}/tt`, council: c.id, kind: "standing", name: `Thường trực ${c.name}`, validity: c.validity }))
const sessions = [
  mkSession({ id: "s125-1", council: "c125", ordinal: 1, series: "all", type: "regular", dates: r("2025-06-20") }),
  mkSession({ id: "s03985-1", council: "c03985", ordinal: 1, series: "all", type: "regular", dates: r("2025-07-15") })
]
const structure: Batch = { units, lineage, councils, organs, sessions }
const registry = Registry.builtin
const dataset = fromBatch(structure)

/** A survey of a council by its standing committee. */
const survey = (id: string, council: string, dates: DateRange, extra: Record<string, unknown> = {}): Activity =>
  mkActivity({ id, council, kind: "survey", owner: `${council}/tt`, organisers: [`${council}/tt`], date: dates, title: `Khảo sát ${id}`, ...extra })

const check = (batch: Batch) => validateBatch(dataset, batch, registry)
const keys = (ps: ReturnType<typeof check>) => ps.map((p) => `${p.entity}|${p.id}|${p.field}|${p.code}`)

describe("records dated outside their council's lifetime", () => {
  it("the fixture itself is valid", () => {
    expect(validateBatch(empty, structure, registry).map((p) => p.describe("en"))).toEqual([])
  })

  it("refuses an activity of a district council dated after it ended (1/8/2025): one problem naming the record, the council, its end date and the fix", () => {
    const ps = check({ activities: [survey("ks-1", "c125", r("2025-08-01"))] })
    expect(keys(ps)).toEqual(["Activity|ks-1|date.from|outside-validity"])
    const [p] = ps
    expect(p!.describe("vi")).toBe(
      'Activity "ks-1" › date.from: HĐND "c125" (HĐND huyện Mai Sơn) đã kết thúc hoạt động ngày 2025-06-30, trước ngày 2025-08-01 của bản ghi này, nên không ghi được hoạt động cho HĐND đó; hãy sửa ngày nếu ghi nhầm, hoặc ghi hoạt động cho HĐND đang hoạt động vào ngày 2025-08-01'
    )
    expect(p!.describe("en")).toBe(
      'Activity "ks-1" › date.from: council "c125" (HĐND huyện Mai Sơn) ended on 2025-06-30, before the date 2025-08-01 of this record, so no activity can be recorded for it; correct the date if it is wrong, or record the activity for a council in office on 2025-08-01'
    )
  })

  it("accepts the same activity for the new commune's council", () => {
    expect(check({ activities: [survey("ks-1", "c03985", r("2025-08-01"))] })).toEqual([])
  })

  it("refuses an activity of a new commune's council dated before it began (15/6/2025)", () => {
    const ps = check({ activities: [survey("ks-2", "c03985", r("2025-06-15"))] })
    expect(keys(ps)).toEqual(["Activity|ks-2|date.from|outside-validity"])
    expect(ps[0]!.vi).toContain('HĐND "c03985" (HĐND xã Chiềng Sơn) chỉ bắt đầu hoạt động từ ngày 2025-07-01, sau ngày 2025-06-15 của bản ghi này')
    expect(ps[0]!.en).toContain('council "c03985" (HĐND xã Chiềng Sơn) only began on 2025-07-01, after the date 2025-06-15 of this record')
  })

  it("names the council that continues the unit through the lineage (huyện → thị xã Mộc Châu)", () => {
    const ps = check({ activities: [survey("ks-3", "c123a", r("2025-03-01", "2025-03-02"))] })
    expect(keys(ps)).toEqual(["Activity|ks-3|date.from|outside-validity"])
    expect(ps[0]!.vi).toContain("trước thời gian 2025-03-01 – 2025-03-02 của bản ghi này")
    expect(ps[0]!.vi).toMatch(/vào ngày 2025-03-01: "c123b" \(HĐND thị xã Mộc Châu\)$/)
    expect(ps[0]!.en).toMatch(/on 2025-03-01: "c123b" \(HĐND thị xã Mộc Châu\)$/)
    // After the reform the lineage ends (abolished with no successor): nothing to suggest.
    expect(check({ activities: [survey("ks-4", "c123a", r("2025-08-01"))] })[0]!.vi).toMatch(/vào ngày 2025-08-01$/)
  })

  it("keeps the general message, on date.to, for dates that only run past the end", () => {
    const ps = check({ activities: [survey("ks-5", "c125", r("2025-06-20", "2025-07-05"))] })
    expect(keys(ps)).toEqual(["Activity|ks-5|date.to|outside-validity"])
    expect(ps[0]!.en).toContain('dates 2025-06-20 – 2025-07-05 fall outside the validity 2004-01-01 – 2025-06-30 of council "c125"')
  })

  it("refuses sessions and meetings of a council out of office the same way", () => {
    const late = mkSession({ id: "s125-2", council: "c125", ordinal: 2, series: "all", type: "regular", dates: r("2025-07-15") })
    const early = mkMeeting({ id: "m03985-1", council: "c03985", ordinal: 1, date: "2025-06-01" })
    const ps = check({ sessions: [late], meetings: [early] })
    expect(keys(ps)).toEqual(["Session|s125-2|dates.from|outside-validity", "StandingMeeting|m03985-1|date|outside-validity"])
    expect(ps[0]!.vi).toContain("đã kết thúc hoạt động ngày 2025-06-30, trước ngày 2025-07-15 của bản ghi này, nên không ghi được kỳ họp cho HĐND đó")
    expect(ps[1]!.en).toContain("only began on 2025-07-01, after the date 2025-06-01 of this record, so no standing-committee meeting can be recorded for it yet")
  })

  it("an activity after the reform cannot name a session of the ended district council", () => {
    const ps = check({ activities: [survey("ks-6", "c03985", r("2025-08-01"), { session: "s125-1" })] })
    expect(keys(ps)).toEqual(["Activity|ks-6|session|session-outside-council"])
    expect(check({ activities: [survey("ks-6", "c03985", r("2025-08-01"), { session: "s03985-1" })] })).toEqual([])
  })

  it.effect("the store writes nothing from a batch holding such an activity, with a typed bilingual error", () =>
    Effect.gen(function* () {
      const store = yield* MemoryStore.make({ registry })
      yield* store.upsert(structure)
      const good = survey("ks-good", "c03985", r("2025-08-01"))
      const bad = survey("ks-bad", "c125", r("2025-08-01"))
      const error = yield* Effect.flip(store.upsert({ activities: [good, bad] }))
      expect(error._tag).toBe("ValidationError")
      if (error._tag !== "ValidationError") return
      expect(error.problems.map((p) => `${p.id}|${p.field}|${p.code}`)).toEqual(["ks-bad|date.from|outside-validity"])
      expect(error.message).toContain("Dữ liệu không nhất quán, chưa ghi gì")
      expect(error.message).toContain("Inconsistent data, nothing was written")
      expect(error.message).toContain("đã kết thúc hoạt động ngày 2025-06-30")
      expect(error.message).toContain("ended on 2025-06-30")
      expect(yield* store.count("activities")).toBe(0)
      expect(yield* store.upsert({ activities: [good] })).toEqual({ inserted: 1, updated: 0, unchanged: 0 })
    })
  )

  it("property: an activity is refused iff its dates leave its council's lifetime, with exactly one problem on the right end", () => {
    const day = fc.integer({ min: toDayNumber(date("2000-01-01")), max: toDayNumber(date("2030-12-31")) }).map(fromDayNumber)
    fc.assert(
      fc.property(fc.constantFrom(...councils), day, fc.nat({ max: 40 }), (c, from, length) => {
        const dates = length === 0 ? { from } : { from, to: addDays(from, length) }
        const closed = { from, to: addDays(from, length) }
        const ps = check({ activities: [survey("p", c.id, dates)] })
        if (within(closed, c.validity)) return ps.length === 0
        if (ps.length !== 1 || ps[0]!.code !== "outside-validity") return false
        const [p] = ps
        const field = contains(c.validity, from) ? "date.to" : "date.from"
        const wholly = c.validity.to !== undefined && from > c.validity.to ? "ended" : closed.to < c.validity.from ? "began" : "partly"
        const says = wholly === "ended" ? p!.en.includes(`ended on ${c.validity.to}`) : wholly === "began" ? p!.en.includes(`only began on ${c.validity.from}`) : p!.en.includes("fall outside")
        return p!.field === field && says && p!.vi.includes(`"${c.id}"`)
      })
    )
  })
})
