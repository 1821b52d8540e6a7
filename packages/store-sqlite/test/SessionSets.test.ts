/**
 * Distinct sessions of council outputs (sessions held, resolutions, documents), which no built-in
 * indicator counts but a plugin may: the store collects each cell's sessions in the database, and
 * every cell's set equals the reference's, with and without an organ dimension (documents per
 * reviewer).
 */
import { Dataset, Indicator, Registry, Tabulation } from "@hdnd/core"
import type { TabulationRequest } from "@hdnd/core"
import { Laws, StoreData, StoreHandle, StorePushdown } from "@hdnd/testkit"
import fc from "fast-check"
import { describe, it } from "vitest"
import { SqliteStore } from "../src/index.js"

const outputSessions = (source: "sessions" | "resolutions" | "documents", filter: Indicator.Filter = {}) =>
  new Indicator.Indicator({
    id: `test/${source}.sessions` as never,
    vi: "Kỳ họp có sản phẩm",
    en: "Sessions with outputs",
    nounVi: "kỳ họp",
    nounEn: "sessions",
    filter,
    measure: "distinct-sessions",
    source
  })

const indicators = [outputSessions("sessions"), outputSessions("resolutions"), outputSessions("documents"), ...[...Registry.builtin.indicators.values()].filter((i) => i.source === "documents").slice(0, 1)]
const registry = Registry.extend({ indicators })

describe("sqlite: distinct sessions of council outputs per cell", () => {
  it("equal the reference for sessions held, resolutions and documents, grouped with and without an organ dimension", () =>
    fc.assert(
      fc.asyncProperty(
        StoreData.busyDatasetArb(8, { maxActivities: 30 }).chain((full) =>
          fc.tuple(
            fc.constant(full),
            fc.array(
              fc
                .tuple(Laws.requestArb({ indicators: indicators.map((i) => i.id) }), fc.constantFrom<ReadonlyArray<Tabulation.Dimension>>([], ["council"], ["month", "kind"], ["sessionType"], ["organ"], ["organKind", "year"], ["committeeKind"]))
                .map(([r, groupBy]): TabulationRequest.TabulationRequest => ({ ...r, groupBy, trace: false })),
              { minLength: 1, maxLength: 4 }
            )
          )
        ),
        ([{ batch }, requests]) =>
          StoreHandle.withStore(SqliteStore.layer({ filename: ":memory:", registry }), async (h) => {
            await h.run(h.store.upsert(batch))
            const ds = Dataset.fromBatch(batch)
            for (const request of requests) await StorePushdown.check(h, ds, request)
          })
      ),
      { numRuns: 30 }
    ))
})
