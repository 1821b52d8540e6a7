// Type-checked with `moduleResolution: bundler`, as a Vite or esbuild app is; one file, so the
// emitted JavaScript runs in Node as it is. The same job through the Effect API's pipeable style.
import { CalendarDate, Ids, Indicators, Report, Store, Tabulation, TabulationRequest } from "@hdnd/core"
import { DocxExporter } from "@hdnd/export-docx"
import { Import } from "@hdnd/import"
import { SqliteStore } from "@hdnd/store-sqlite"
import { Effect } from "effect"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const data = process.env.HDND_CONSUMER_DATA ?? "data"
const files = ["don-vi.csv", "sap-xep.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "hoat-dong.xlsx", "so-lieu.csv"].map((f) => join(data, f))
const dir = mkdtempSync(join(tmpdir(), "hdnd-bundler-app-"))
const period = CalendarDate.period("2022-08-01", "2023-08-31")
const scope = TabulationRequest.subtree(Ids.UnitId.make("unit:14"), CalendarDate.date("2023-08-31"))

const job = Import.run(files).pipe(
  Effect.filterOrFail((s) => s.committed && s.rejected === 0, (s) => new Error(`import: ${JSON.stringify(s.problems.slice(0, 3))}`)),
  Effect.andThen(() => Store.Store),
  Effect.flatMap((store) =>
    Effect.gen(function* () {
      const tab = yield* store.tabulate({ indicators: [Indicators.ids.reviewDraftResolution], scope, period, groupBy: ["level"] })
      const reviewed = Tabulation.valueOf(tab, Indicators.ids.reviewDraftResolution, { level: "province" }).value
      if (!(reviewed > 0)) return yield* Effect.fail(new Error(`reviewed: ${reviewed}`))
      const template = store.registry.templates.get(Ids.TemplateId.make("core/activity-summary"))
      if (template === undefined) return yield* Effect.fail(new Error("no core/activity-summary"))
      const doc = yield* Effect.fromResult(Report.render(template, yield* store.tabulate(Report.requestFor(template, scope, period)), store.registry))
      const bytes = yield* DocxExporter.exportDocument(doc)
      writeFileSync(join(dir, "bao-cao.docx"), bytes)
      if (readFileSync(join(dir, "bao-cao.docx")).subarray(0, 2).toString() !== "PK") return yield* Effect.fail(new Error("not a zip"))
      return { reviewed, bytes: bytes.length }
    })
  ),
  Effect.provide(SqliteStore.layer({ filename: join(dir, "hdnd.sqlite") }))
)

const r = await Effect.runPromise(job)
console.log(`bundler: ${r.reviewed} draft resolutions reviewed by the province, DOCX ${r.bytes} bytes`)
