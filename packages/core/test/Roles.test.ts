/**
 * Roles in activities: the organs that led a piece of work (organisers, chủ trì) and those that took
 * part without leading (participants, tham gia). A committee that "chủ trì 3 cuộc giám sát và tham
 * gia 6 cuộc" must be countable as such, and its per-organ figure must not silently include the
 * missions it only joined.
 */
import { Activity, CalendarDate, Client, Dataset, Indicators, MemoryStore, Registry, Report, ReportTemplate, Store, Tabulate, Tabulation, TabulationRequest, Validation } from "@hdnd/core"
import { Arbitraries, Laws } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { activity, PERIOD, structure, tally } from "./utils/fixture.js"

const SUP = Indicators.ids.supervision
const scope = TabulationRequest.subtree("u14" as never, CalendarDate.date("2023-06-30"))
const mission = (id: string, organisers: ReadonlyArray<string>, participants?: ReadonlyArray<string>, day = "2023-03-10") =>
  activity({
    id,
    council: "c14",
    owner: "c14.hdnd",
    organisers,
    ...(participants === undefined ? {} : { participants: participants as never }),
    kind: "supervision" as never,
    subject: undefined,
    mode: "thematic",
    title: `Giám sát ${id}`,
    date: { from: CalendarDate.date(day) }
  } as never)

// Ban Pháp chế led 3 missions and took part in 6 that Ban Kinh tế – Ngân sách or Ban Văn hóa – Xã hội led.
const missions = [
  mission("pc-1", ["c14.pc"]),
  mission("pc-2", ["c14.pc"], ["c14.dt"]),
  mission("pc-3", ["c14.pc", "c14.ktns"]),
  ...[1, 2, 3].map((i) => mission(`kt-${i}`, ["c14.ktns"], ["c14.pc"])),
  ...[1, 2, 3].map((i) => mission(`vh-${i}`, ["c14.vhxh"], ["c14.pc", "c14.dt"]))
]
const batch: Dataset.Batch = { ...structure, activities: missions, tallies: [tally({ id: "t-pc", council: "c14", organ: "c14.pc", indicator: SUP, value: 12 })] }
const ds = Dataset.fromBatch(batch)
const tab = (request: Partial<TabulationRequest.TabulationRequest>) =>
  Result.getOrThrow(Tabulate.tabulate(ds, Registry.builtin, { indicators: [SUP], scope, period: PERIOD, ...request }))
const value = (t: Tabulation.Tabulation, selector: Tabulation.Selector = {}) => Tabulation.valueOf(t, SUP, selector).value

describe("Activity.participants", () => {
  it("is checked: organs of the council, never an organiser, never twice; problems in Vietnamese and English", () => {
    const bad = [
      mission("x-1", ["c14.pc"], ["c14.pc"]),
      mission("x-2", ["c14.pc"], ["c14.dt", "c14.dt"]),
      mission("x-3", ["c14.pc"], ["c14.khong-co"]),
      mission("x-4", ["c14.pc"], ["c116.pc"])
    ]
    const problems = Validation.validateBatch(Dataset.fromBatch(structure), { activities: bad }, Registry.builtin)
    expect(problems.map((p) => [p.id, p.field, p.code])).toEqual([
      ["x-1", "participants[0]", "participant-is-organiser"],
      ["x-2", "participants[1]", "duplicate-participant"],
      ["x-3", "participants[0]", "unknown-reference"],
      ["x-4", "participants[0]", "organ-outside-council"]
    ])
    for (const p of problems) expect(p.vi.length * p.en.length).toBeGreaterThan(0)
    expect(Validation.validateBatch(Dataset.fromBatch(structure), { activities: missions }, Registry.builtin)).toEqual([])
  })

  it("property: any generated activity, participants included, decodes back from its JSON encoding", () => {
    fc.assert(
      fc.property(Arbitraries.worldArb.chain((w) => Arbitraries.activityArb(w, "a1")), (a) => {
        const json = JSON.parse(JSON.stringify(Schema.encodeSync(Activity.Activity)(a)))
        const back = Schema.decodeUnknownSync(Activity.Activity)(json)
        expect(back).toEqual(a)
        expect(back.participants?.some((p) => a.organisers.includes(p)) ?? false).toBe(false)
      }),
      { numRuns: 200 }
    )
  })

  it("property: a request filter decodes from JSON exactly as generated, and an empty organ list is refused", () => {
    fc.assert(
      fc.property(Laws.roleFilterArb(["c14.pc", "c14.ktns"]), (filter) => {
        const decoded = Schema.decodeUnknownSync(TabulationRequest.TabulationRequest)({ indicators: [SUP], scope, period: PERIOD, filter: JSON.parse(JSON.stringify(filter)) })
        expect(decoded.filter).toEqual(filter)
      })
    )
    expect(() => Schema.decodeUnknownSync(TabulationRequest.TabulationRequest)({ indicators: [SUP], scope, period: PERIOD, filter: { ledBy: [] } })).toThrow()
  })
})

describe("counting by role", () => {
  it("chủ trì 3, tham gia 6: the organ × role breakdown, and the per-organ view keeps counting the organs that led", () => {
    const byRole = tab({ groupBy: ["organ", "role"] })
    expect(byRole.view).toBe("organ")
    expect(value(byRole, { organ: "c14.pc", role: "led" })).toBe(3)
    expect(value(byRole, { organ: "c14.pc", role: "took-part" })).toBe(6)
    expect(value(byRole, { organ: "c14.dt", role: "took-part" })).toBe(4)
    expect(value(byRole, { organ: "c14.dt", role: "led" })).toBe(0)
    expect(Tabulation.labelOf(byRole, "led", "vi")).toBe("chủ trì")
    expect(Tabulation.labelOf(byRole, "took-part", "vi")).toBe("tham gia")
    // Without `role`, as before: organisers only (the tally the council reported conflicts with the
    // items, which are what counts).
    const byOrgan = tab({ groupBy: ["organ"] })
    expect(Tabulation.valueOf(byOrgan, SUP, { organ: "c14.pc" }).value).toBe(3)
    expect(Tabulation.conflicts(byOrgan).map((c) => c.tallies)).toEqual([["t-pc"]])
    // The council total counts each mission once, whoever took part.
    expect(value(tab({ groupBy: ["council"], filter: { kinds: ["supervision" as never] } }), { council: "c14" })).toBe(9)
  })

  it("filters: led by, took part, either; other kinds; tallies cannot say who led, so a filtered request counts items only", () => {
    expect(value(tab({ filter: { ledBy: ["c14.pc" as never] } }))).toBe(3)
    expect(value(tab({ filter: { tookPart: ["c14.pc" as never] } }))).toBe(6)
    expect(value(tab({ filter: { involved: ["c14.pc" as never] } }))).toBe(9)
    expect(value(tab({ filter: { ledBy: ["c14.pc" as never], tookPart: ["c14.dt" as never] } }))).toBe(1)
    expect(value(tab({ filter: { anyOf: [{ ledBy: ["c14.ktns" as never] }, { tookPart: ["c14.dt" as never] }] } }))).toBe(8)
    expect(value(tab({ filter: { participantCommitteeKinds: ["dan-toc" as never] } }))).toBe(4)
    expect(value(tab({ filter: { participantKinds: ["committee"] } }))).toBe(7)
    expect(value(tab({ filter: { participantKinds: ["standing"] } }))).toBe(0)
    expect(tab({ filter: { ledBy: ["c14.pc" as never] } }).cells.size).toBe(1)
    expect(Tabulation.conflicts(tab({ groupBy: ["council"], filter: { involved: ["c14.pc" as never] } }))).toEqual([])
    // The traced drill-down lists exactly the missions taken part in.
    const traced = tab({ groupBy: ["organ", "role"], trace: true })
    expect([...Tabulation.recordsOf(traced, SUP, { organ: "c14.pc", role: "took-part" }).activities].sort()).toEqual(["kt-1", "kt-2", "kt-3", "vh-1", "vh-2", "vh-3"])
  })

  it("templates: organ=<id> role=led|took-part|any; an unknown role is a located problem", () => {
    const template = new ReportTemplate.ReportTemplate({
      id: "test/roles" as never,
      vi: "Vai trò",
      en: "Roles",
      title: "Giám sát {{period}}",
      groupBy: ["organ", "role"],
      sections: [
        {
          blocks: [
            {
              _tag: "Paragraph",
              text: "Ban Pháp chế chủ trì {{count core/supervision organ=c14.pc role=led}} và tham gia {{count core/supervision organ=c14.pc role=took-part}}; cả hai: {{value core/supervision organ=c14.pc role=any}}."
            },
            { _tag: "Table", title: "Theo vai trò", rows: "role", rowHeader: "Vai trò", total: true, columns: [{ indicator: SUP, where: { organ: "c14.pc" } }] }
          ]
        }
      ]
    })
    const request = Report.requestFor(template, scope, PERIOD)
    const t = Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch({ ...batch, tallies: [] }), Registry.builtin, request))
    const doc = Result.getOrThrow(Report.render(template, t, Registry.builtin, {}))
    const para = doc.sections[0]!.blocks[0]!
    expect(para._tag === "Paragraph" && para.text).toBe("Ban Pháp chế chủ trì 3 cuộc và tham gia 6 cuộc; cả hai: 9.")
    const table = doc.sections[0]!.blocks[1]!
    expect(table._tag === "Table" && [...table.rows, table.total ?? []].map((r) => r.map((c) => c.text))).toEqual([
      ["chủ trì", "3"],
      ["tham gia", "6"],
      ["Tổng cộng", "9"]
    ])
    const wrong = new ReportTemplate.ReportTemplate({ ...template, sections: [{ blocks: [{ _tag: "Paragraph", text: "{{count core/supervision organ=c14.pc role=chu-tri}}" }] }] })
    const failed = Report.render(wrong, t, Registry.builtin, {})
    expect(Result.isFailure(failed) && failed.failure.problems.map((p) => [p.field, p.code])).toEqual([["sections[0].blocks[0]", "unknown-role"]])
  })
})

describe("both APIs", () => {
  it("Promise Client: a JSON request with a filter and the role dimension", async () => {
    const client = await Client.HdndClient.open()
    try {
      await client.load(Client.encodeBatch(batch))
      const request = { indicators: [SUP], scope, period: PERIOD, groupBy: ["organ", "role"], filter: { involved: ["c14.pc"] } }
      const t = await client.tabulate(JSON.parse(JSON.stringify(request)))
      expect(Tabulation.valueOf(t, SUP, { organ: "c14.pc", role: "led" }).value).toBe(3)
      expect(Tabulation.valueOf(t, SUP, { organ: "c14.pc", role: "took-part" }).value).toBe(6)
      expect(Tabulation.valueOf(t, SUP, { organ: "c14.ktns", role: "led" }).value).toBe(4)
      await expect(client.tabulate({ ...request, filter: { tookPart: "c14.pc" } })).rejects.toThrow()
    } finally {
      await client.close()
    }
  })

  it("Effect API: Store.tabulate with a filter", async () => {
    const led = await Effect.runPromise(
      Effect.gen(function* () {
        const store = yield* Store.Store
        yield* store.upsert(batch)
        const t = yield* store.tabulate({ indicators: [SUP], scope, period: PERIOD, filter: { ledBy: ["c14.pc" as never] } })
        return value(t)
      }).pipe(Effect.provide(MemoryStore.layer()))
    )
    expect(led).toBe(3)
  })
})
