import { Indicators, MemoryStore, Store, TabulationRequest, Tabulation, CalendarDate } from "@hdnd/core"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { activity, PERIOD, structure } from "./utils/fixture.js"

const withStore = <A, E>(f: (s: Store.StoreService) => Effect.Effect<A, E>) => Effect.flatMap(MemoryStore.make(), f)

describe("MemoryStore", () => {
  it.effect("writes a batch and reads it back by id, by stream and by count", () =>
    withStore((store) =>
      Effect.gen(function* () {
        const a = activity({ id: "x1", council: "c14", owner: "c14.pc" })
        const result = yield* store.upsert({ ...structure, activities: [a] })
        expect(result.inserted).toBe(3 + 3 + 11 + 3 + 1)
        expect(yield* store.get("activities", "x1")).toBe(a)
        expect(yield* store.count("organs")).toBe(11)
        const c14 = yield* Stream.runCollect(store.stream("activities", { councils: ["c14" as never] }))
        expect(c14.map((r) => r.id)).toEqual(["x1"])
        const none = yield* Stream.runCollect(store.stream("activities", { councils: ["c116" as never] }))
        expect(none.length).toBe(0)
        const err = yield* Effect.flip(store.get("councils", "nope"))
        expect(err._tag).toBe("NotFoundError")
      })
    ))

  it.effect("re-upserting the same records changes nothing", () =>
    withStore((store) =>
      Effect.gen(function* () {
        const batch = { ...structure, activities: [activity({ id: "x1", council: "c14", owner: "c14.pc" })] }
        yield* store.upsert(batch)
        const again = yield* store.upsert(batch)
        expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 21 })
      })
    ))

  it.effect("a batch with one invalid record writes nothing", () =>
    withStore((store) =>
      Effect.gen(function* () {
        yield* store.upsert(structure)
        const good = activity({ id: "good", council: "c14", owner: "c14.pc" })
        const bad = activity({ id: "bad", council: "c14", owner: "c116.pc" })
        const err = yield* Effect.flip(store.upsert({ activities: [good, bad] }))
        expect(err._tag).toBe("ValidationError")
        expect(err.message).toContain("bad")
        expect(yield* store.count("activities")).toBe(0)
      })
    ))

  it.effect("an update moves an activity between councils", () =>
    withStore((store) =>
      Effect.gen(function* () {
        yield* store.upsert({ ...structure, activities: [activity({ id: "m", council: "c14", owner: "c14.pc" })] })
        const r = yield* store.upsert({ activities: [activity({ id: "m", council: "c116", owner: "c116.pc" })] })
        expect(r.updated).toBe(1)
        const t = yield* store.tabulate({
          indicators: [Indicators.ids.reviewContent],
          scope: TabulationRequest.subtree("u14" as never, CalendarDate.date("2023-06-30")),
          period: PERIOD,
          groupBy: ["council"]
        })
        expect(Tabulation.valuesOf(t, "council")).toEqual(["c116"])
      })
    ))
})
