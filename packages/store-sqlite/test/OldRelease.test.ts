/**
 * A file written by the Effect 3-based 0.1 release opens with this one: the migration guide promises
 * it. The fixture is the Sơn La example (structure, activities, tallies, recommendations, answers,
 * evaluations and a work programme) imported with the 0.1 `hdnd` CLI (commit 37bb448), vacuumed and
 * gzipped. The figures below are what the 0.1 CLI printed for that file, and the rows it holds.
 */
import { CalendarDate, Ids, Indicators, Store, Tabulation, TabulationRequest } from "@hdnd/core"
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
