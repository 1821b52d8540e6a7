import { Activity, CalendarDate } from "@hdnd/core"
import * as Programme from "../src/Programme.js"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const KINDS = ["review", "supervision", "survey"] as const
const START = CalendarDate.toDayNumber(CalendarDate.date("2022-12-01"))
const TOPICS = ["an toàn giao thông", "đất đai", "y tế cơ sở", "giáo dục vùng cao", "ngân sách"]

const programme = new Programme.Programme({ id: "ct-2023" as never, council: "c1" as never, organ: "c1.ban-ktns" as never, year: 2023, title: "Chương trình công tác năm 2023" })

const worldArb = fc
  .record({
    activities: fc.array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        owner: fc.constantFrom("c1.ban-ktns", "c1.ban-pc"),
        joint: fc.boolean(),
        council: fc.constantFrom("c1", "c1", "c1", "c2"),
        day: fc.nat({ max: 420 }),
        topic: fc.constantFrom(...TOPICS)
      }),
      { maxLength: 30 }
    ),
    items: fc.array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        topic: fc.constantFrom(...TOPICS),
        when: fc.oneof(fc.record({ month: fc.integer({ min: 1, max: 12 }) }), fc.record({ quarter: fc.integer({ min: 1, max: 4 }) }), fc.constant({})),
        links: fc.array(fc.nat(), { maxLength: 2 })
      }),
      { maxLength: 12 }
    ),
    asOf: fc.integer({ min: 30, max: 420 })
  })
  .map(({ activities, items, asOf }) => {
    const acts = activities.map(
      (a, i) =>
        new Activity.Activity({
          id: `a${i}` as never,
          council: a.council as never,
          kind: a.kind as never,
          owner: `${a.council}.${a.owner.split(".")[1]}` as never,
          organisers: (a.joint ? [`${a.council}.ban-ktns`, `${a.council}.ban-pc`] : [`${a.council}.${a.owner.split(".")[1]}`]) as never,
          date: { from: CalendarDate.fromDayNumber(START + a.day), to: CalendarDate.fromDayNumber(START + a.day) },
          title: `Giám sát về ${a.topic}`
        })
    )
    // Explicit links only to activities of the programme's council and year (what `check` accepts).
    const linkable = acts.filter((a) => a.council === "c1" && a.date.from.startsWith("2023"))
    const taken = new Set<string>()
    const its = items.map(
      (x, i) =>
        new Programme.ProgrammeItem({
          id: `ct-2023.${i + 1}` as never,
          programme: programme.id,
          kind: x.kind as never,
          topic: x.topic,
          ...x.when,
          ...(() => {
            const links = i % 3 === 0 && linkable.length > 0 ? [...new Set(x.links.map((l) => linkable[l % linkable.length]!.id))].filter((id) => !taken.has(id)) : []
            for (const id of links) taken.add(id)
            return links.length > 0 ? { activities: links } : {}
          })()
        })
    )
    return { acts, items: its, asOf: CalendarDate.fromDayNumber(START + asOf) }
  })

describe("work programmes", () => {
  it("generated programmes are valid", () => {
    fc.assert(
      fc.property(worldArb, ({ acts, items }) => {
        expect(Programme.check([programme], items, acts)).toEqual([])
      })
    )
  })

  it("every planned item is done, not done or not yet due; the unfinished are the rest", () => {
    fc.assert(
      fc.property(worldArb, ({ acts, items, asOf }) => {
        const p = Programme.progress(programme, items, acts, asOf)
        expect(p.planned).toBe(items.length)
        expect(p.done + p.unfinished.length).toBe(p.planned)
        for (const r of p.items) {
          expect(r.status === "done").toBe(r.activities.length > 0)
          if (r.status === "not-due") expect(Programme.windowOf(r.item, 2023).to > asOf).toBe(true)
        }
      })
    )
  })

  it("each activity of the body serves at most one item or is counted outside the plan, never both", () => {
    fc.assert(
      fc.property(worldArb, ({ acts, items, asOf }) => {
        const p = Programme.progress(programme, items, acts, asOf)
        const served = p.items.flatMap((r) => r.activities.map((a) => a.id))
        expect(new Set(served).size).toBe(served.length)
        const outside = new Set(p.outside.map((a) => a.id))
        for (const id of served) expect(outside.has(id)).toBe(false)
        const ofBody = acts.filter(
          (a) => a.council === "c1" && (a.owner === programme.organ || a.organisers.includes(programme.organ)) && a.date.from.startsWith("2023") && a.date.from <= asOf
        )
        for (const a of ofBody) expect(outside.has(a.id) || served.includes(a.id)).toBe(true)
      })
    )
  })

  it("explicit links are honoured; matched activities are of the item's kind, within its window", () => {
    fc.assert(
      fc.property(worldArb, ({ acts, items, asOf }) => {
        const p = Programme.progress(programme, items, acts, asOf)
        for (const r of p.items) {
          const linked = (r.item.activities ?? []).filter((id) => acts.find((a) => a.id === id)!.date.from <= asOf)
          if (linked.length > 0) expect(r.activities.map((a) => a.id)).toEqual(linked)
          else
            for (const a of r.activities) {
              const w = Programme.windowOf(r.item, 2023)
              expect(a.kind).toBe(r.item.kind)
              expect(a.date.from >= w.from && a.date.from <= w.to).toBe(true)
            }
        }
      })
    )
  })

  it("progress as of a date never depends on activities dated after it", () => {
    fc.assert(
      fc.property(worldArb, ({ acts, items, asOf }) => {
        const earlier = acts.filter((a) => a.date.from <= asOf)
        const later = new Set(acts.filter((a) => a.date.from > asOf).map((a) => a.id as string))
        const trimmed = items.map((i) => (i.activities === undefined ? i : new Programme.ProgrammeItem({ ...i, activities: i.activities.filter((id) => !later.has(id)) })))
        const a = Programme.progress(programme, items, acts, asOf)
        const b = Programme.progress(programme, trimmed, earlier, asOf)
        expect(a.items.map((r) => [r.status, r.activities.map((x) => x.id)])).toEqual(b.items.map((r) => [r.status, r.activities.map((x) => x.id)]))
        expect(a.outside.map((x) => x.id)).toEqual(b.outside.map((x) => x.id))
      })
    )
  })

  it("the next year's draft carries exactly the unfinished items", () => {
    fc.assert(
      fc.property(worldArb, ({ acts, items, asOf }) => {
        const p = Programme.progress(programme, items, acts, asOf)
        const next = Programme.draftNext(p, "ct-2024" as never, "Chương trình công tác năm 2024")
        expect(next.programme.year).toBe(2024)
        expect(next.items.map((i) => i.carriedFrom)).toEqual(p.unfinished.map((i) => i.id))
        expect(next.items.map((i) => [i.kind, i.topic, i.month, i.quarter])).toEqual(p.unfinished.map((i) => [i.kind, i.topic, i.month, i.quarter]))
        expect(Programme.check([next.programme], next.items, acts)).toEqual([])
      })
    )
  })

  it("a worked example: 2 of 3 items done, one activity outside the plan", () => {
    const act = (id: string, kind: string, date: string, title: string) =>
      new Activity.Activity({ id: id as never, council: "c1" as never, kind: kind as never, owner: programme.organ, organisers: [programme.organ], date: { from: CalendarDate.date(date), to: CalendarDate.date(date) }, title })
    const item = (n: number, kind: string, topic: string, when: { month?: number; quarter?: number }) =>
      new Programme.ProgrammeItem({ id: `ct-2023.${n}` as never, programme: programme.id, kind: kind as never, topic, ...when })
    const p = Programme.progress(
      programme,
      [item(1, "supervision", "thu ngân sách", { quarter: 2 }), item(2, "survey", "đất đai", { month: 9 }), item(3, "supervision", "y tế cơ sở", {})],
      [act("a", "supervision", "2023-05-10", "Giám sát y tế cơ sở"), act("b", "supervision", "2023-06-02", "Giám sát thu ngân sách"), act("c", "survey", "2023-10-01", "Khảo sát đất đai")]
    )
    expect(p.items.map((r) => [r.item.id, r.status, r.activities.map((a) => a.id)])).toEqual([
      ["ct-2023.1", "done", ["b"]],
      ["ct-2023.2", "not-done", []],
      ["ct-2023.3", "done", ["a"]]
    ])
    expect(p.outside.map((a) => a.id)).toEqual(["c"])
    expect(Programme.summary(p)).toBe("thực hiện 2/3 nội dung theo chương trình")
    expect(Programme.summary(p, "en")).toBe("carried out 2 of 3 planned items")
  })

  it("bad items are refused with the field to fix", () => {
    const bad = new Programme.ProgrammeItem({ id: "x" as never, programme: programme.id, kind: "survey" as never, topic: "đất đai", month: 5, quarter: 3, activities: ["nope" as never] })
    expect(Programme.check([programme], [bad], []).map((p) => [p.field, p.code])).toEqual([
      ["quarter", "month-outside-quarter"],
      ["activities[0]", "unknown-reference"]
    ])
    const a = new Programme.ProgrammeItem({ id: "y" as never, programme: programme.id, kind: "survey" as never, topic: "đất đai", activities: ["a1" as never] })
    const b = new Programme.ProgrammeItem({ ...a, id: "z" as never })
    const act = new Activity.Activity({ id: "a1" as never, council: "c1" as never, kind: "survey" as never, owner: programme.organ, organisers: [programme.organ], date: { from: CalendarDate.date("2023-03-01"), to: CalendarDate.date("2023-03-01") }, title: "Khảo sát" })
    expect(Programme.check([programme], [a, b], [act]).map((p) => [p.id, p.code])).toEqual([["z", "activity-linked-twice"]])
  })
})
