/**
 * What a short documentation block borrows (`uses=doc,tab` in its info string) instead of building it
 * again: the Sơn La example's interchange files (`examples/son-la-2023/data`, the folder named by
 * `HDND_DOC_DATA`) imported with `@hdnd/import` into a memory store, the tabulation of the built-in
 * activity summary over August 2022 – August 2023, and the report rendered from it.
 */
import {
  CalendarDate, Ids, MemoryStore, RecommendationStatus, Registry, Report, Store, TabulationRequest
} from "@hdnd/core"
import { Import } from "@hdnd/import"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { join } from "node:path"

const data = process.env.HDND_DOC_DATA ?? "."
const files = [
  "don-vi.csv", "sap-xep.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "hoat-dong.xlsx", "so-lieu.csv",
  "kien-nghi.csv", "tra-loi.csv", "danh-gia.csv"
].map((f) => join(data, f))

/** The registry of the built-in kinds, indicators and templates. */
export const registry: Registry.Registry = Registry.builtin
/** The province of Sơn La (`unit:14`) and everything under it, as of 31 August 2023. */
export const scope = TabulationRequest.subtree(Ids.UnitId.make("unit:14"), CalendarDate.date("2023-08-31"))
/** August 2022 – August 2023, the period of the Sơn La report. */
export const period = CalendarDate.period("2022-08-01", "2023-08-31")
/** The built-in template `core/activity-summary`. */
export const template = registry.templates.get(Ids.TemplateId.make("core/activity-summary"))!

/** The memory store holding the example's records. */
export const store: Store.StoreService = await Effect.runPromise(MemoryStore.make())
/** A layer that provides {@link store}. */
export const layer: Layer.Layer<Store.Store> = Layer.succeed(Store.Store, store)

const summary = await Effect.runPromise(Effect.provide(Import.run(files), layer))
if (!summary.committed || summary.rejected > 0) {
  throw new Error(`fixtures: the example's files did not import: ${summary.problems.slice(0, 5).map((p) => p.describe("en")).join("\n")}`)
}

/** The tabulation the template asks for (grouped by council), with drill-down. */
export const tab = await Effect.runPromise(store.tabulate(Report.requestFor(template, scope, period, true)))
/** The report: the template rendered over {@link tab}. */
export const doc = await Effect.runPromise(
  Effect.fromResult(Report.render(template, tab, registry, { date: CalendarDate.date("2023-10-14"), place: "Sơn La" }))
)
/** The structure in the store (units, councils, organs, sessions …), as `Validation` and `Decode` need it. */
export const dataset = await Effect.runPromise(Store.structure(store))

const all = <K extends "recommendations" | "responses" | "evaluations">(kind: K) =>
  Effect.runPromise(Effect.map(Stream.runCollect(store.stream(kind)), (c) => [...c]))
/** The example's recommendations, responses and evaluations. */
export const records: RecommendationStatus.Records = {
  recommendations: await all("recommendations"),
  responses: await all("responses"),
  evaluations: await all("evaluations")
}
