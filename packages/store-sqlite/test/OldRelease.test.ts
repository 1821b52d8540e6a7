/**
 * A file written by the Effect 3-based 0.1 release opens with this one: the migration guide promises
 * it. The fixture is the Sơn La example (structure, activities, tallies, recommendations, answers,
 * evaluations and a work programme) imported with the 0.1 `hdnd` CLI (commit 37bb448), vacuumed and
 * gzipped. The figures below are what the 0.1 CLI printed for that file, and the rows it holds.
 */
import { Activity, CalendarDate, Ids, Indicators, Store, Tabulation, TabulationRequest } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as fs from "node:fs"
import * as path from "node:path"
import * as zlib from "node:zlib"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteStore } from "../src/index.js"
import { tempDir } from "./fixtures/child.js"

const dir = tempDir("hdnd-old-release-")
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const copyOfFixture = (): string => {
  const file = path.join(dir, `copy-${Math.random().toString(36).slice(2)}.sqlite`)
  fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(new URL("./fixtures/hdnd-0.1.sqlite.gz", import.meta.url))))
  return file
}

describe("a SQLite file written by hdnd 0.1 (Effect 3)", () => {
  it("opens, tabulates as 0.1 did, streams every collection and takes new writes", async () => {
    const file = copyOfFixture()
    const result = await Effect.runPromise(
      Effect.gen(function* () {
        const store = yield* Store.Store
        const tab = yield* store.tabulate({
          indicators: [Indicators.ids.reviewDraftResolution],
          scope: TabulationRequest.subtree(Ids.UnitId.make("unit:14"), CalendarDate.date("2023-08-31")),
          period: CalendarDate.period("2022-08-01", "2023-08-31"),
          groupBy: ["level"]
        })
        const activities = yield* Stream.runCollect(store.stream("activities"))
        const recommendations = yield* Stream.runCollect(store.stream("recommendations"))
        const responses = yield* Stream.runCollect(store.stream("responses"))
        const evaluations = yield* Stream.runCollect(store.stream("evaluations"))
        const programmeItems = yield* Stream.runCollect(store.stream("programmeItems"))
        // Writing the same records again changes nothing: they decode to what is stored.
        const again = yield* store.upsert({ activities: activities.slice(0, 50) })
        return {
          province: Tabulation.valueOf(tab, Indicators.ids.reviewDraftResolution, { level: "province" }).value,
          district: Tabulation.valueOf(tab, Indicators.ids.reviewDraftResolution, { level: "district" }).value,
          activities: activities.length,
          recommendations: recommendations.length,
          responses: responses.length,
          evaluations: evaluations.length,
          programmeItems: programmeItems.length,
          again
        }
      }).pipe(Effect.provide(SqliteStore.layer({ filename: file })))
    )
    expect(result.province).toBe(117)
    expect(result.district).toBe(173)
    expect(result.activities).toBe(867)
    // The rows the 0.1 file holds (10 recommendations: two merged petitions count as one matter).
    expect(result.recommendations).toBe(10)
    expect(result.responses).toBe(7)
    expect(result.evaluations).toBe(6)
    expect(result.programmeItems).toBe(8)
    expect(result.again).toMatchObject({ inserted: 0, updated: 0, unchanged: 50 })
  })
})

describe("a SQLite file written by hdnd 0.1, migrated to activity participants (schema v4)", () => {
  it("reads its activities back with no participants, keeps its per-organ figures and stores participants from then on", async () => {
    const file = copyOfFixture()
    const scope = TabulationRequest.subtree(Ids.UnitId.make("unit:14"), CalendarDate.date("2023-08-31"))
    const period = CalendarDate.period("2022-08-01", "2023-08-31")
    const indicators = [Indicators.ids.reviewDraftResolution, Indicators.ids.supervision] as const
    const result = await Effect.runPromise(
      Effect.gen(function* () {
        const store = yield* Store.Store
        const activities = yield* Stream.runCollect(store.stream("activities"))
        const organs = yield* Stream.runCollect(store.stream("organs"))
        const byOrgan = yield* store.tabulate({ indicators, scope, period, groupBy: ["organ"] })
        const byRole = yield* store.tabulate({ indicators, scope, period, groupBy: ["organ", "role"] })
        // Some committee joins a supervision mission it did not lead.
        const pick = activities
          .filter((a) => a.kind === "supervision")
          .flatMap((a) => {
            const last = a.date.to ?? a.date.from
            const o = organs.find(
              (o) => o.council === a.council && o.kind === "committee" && !a.organisers.includes(o.id) && o.validity.from <= a.date.from && (o.validity.to === undefined || o.validity.to >= last)
            )
            return o === undefined ? [] : [{ a, o }]
          })
          .at(0)
        if (pick === undefined) return yield* Effect.die(new Error("the fixture has no activity a committee could join"))
        const { a, o } = pick
        yield* store.upsert({ activities: [new Activity.Activity({ ...a, participants: [o.id] })] })
        const stored = yield* store.get("activities", a.id)
        const tookPart = yield* store.tabulate({ indicators: [Indicators.ids.supervision], scope: TabulationRequest.councils([a.council]), period, filter: { tookPart: [o.id] } })
        return { activities, organs, byOrgan, byRole, stored, organ: o.id, tookPart }
      }).pipe(Effect.provide(SqliteStore.layer({ filename: file })))
    )
    expect(result.activities.every((a) => a.participants === undefined)).toBe(true)
    for (const ind of indicators) {
      for (const organ of Tabulation.valuesOf(result.byOrgan, "organ")) {
        const led = Tabulation.valueOf(result.byOrgan, ind, { organ }).value
        expect(Tabulation.valueOf(result.byRole, ind, { organ, role: "led" }).value).toBe(led)
        expect(Tabulation.valueOf(result.byRole, ind, { organ, role: "took-part" }).value).toBe(0)
      }
    }
    expect(result.stored.participants).toEqual([result.organ])
    // The one mission it joined, and none of the missions it led.
    expect(Tabulation.valueOf(result.tookPart, Indicators.ids.supervision).value).toBe(1)
  })
})
