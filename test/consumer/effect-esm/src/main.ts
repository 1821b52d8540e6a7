// An Effect 4 app: import the files into a SQLite store, tabulate, render, write a DOCX.
import { CalendarDate, Ids, Indicators, Report, ReportText, Store, Tabulation, TabulationRequest } from "@hdnd/core"
import { DocxExporter } from "@hdnd/export-docx"
import { Import } from "@hdnd/import"
import { SqliteStore } from "@hdnd/store-sqlite"
import * as Effect from "effect/Effect"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const data = process.env.HDND_CONSUMER_DATA ?? "data"
const files = ["don-vi.csv", "sap-xep.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "hoat-dong.xlsx", "so-lieu.csv"]
const dir = mkdtempSync(join(tmpdir(), "hdnd-effect-app-"))

const check = (ok: boolean, what: string): void => {
  if (!ok) throw new Error(`check failed: ${what}`)
}

const program = Effect.gen(function* () {
  const summary = yield* Import.run(files.map((f) => join(data, f)))
  check(summary.committed && summary.rejected === 0 && summary.inserted > 0, `import: ${JSON.stringify(summary.problems.slice(0, 3))}`)

  const store = yield* Store.Store
  const period = CalendarDate.period("2022-08-01", "2023-08-31")
  const scope = TabulationRequest.subtree(Ids.UnitId.make("unit:14"), CalendarDate.date("2023-08-31"))
  const tab = yield* store.tabulate({ indicators: [Indicators.ids.reviewDraftResolution], scope, period, groupBy: ["level"] })
  const reviewed = Tabulation.valueOf(tab, Indicators.ids.reviewDraftResolution, { level: "province" }).value
  check(reviewed > 0, `draft resolutions reviewed by the province: ${reviewed}`)

  const template = store.registry.templates.get(Ids.TemplateId.make("core/activity-summary"))
  check(template !== undefined, "the built-in template core/activity-summary")
  const full = yield* store.tabulate(Report.requestFor(template!, scope, period))
  const doc = yield* Effect.fromResult(Report.render(template!, full, store.registry, { date: CalendarDate.date("2023-10-14") }))
  const text = ReportText.toText(doc)
  check(text.includes("thẩm tra") || text.includes("HĐND"), "the report is in Vietnamese")

  const bytes = yield* DocxExporter.exportDocument(doc)
  const out = join(dir, "bao-cao.docx")
  writeFileSync(out, bytes)
  check(readFileSync(out).subarray(0, 2).toString() === "PK", "the DOCX is a zip")
  return { rows: summary.rows, reviewed, bytes: bytes.length }
})

const result = await Effect.runPromise(program.pipe(Effect.provide(SqliteStore.layer({ filename: join(dir, "hdnd.sqlite") }))))
console.log(`effect-esm: ${result.rows} rows imported, ${result.reviewed} draft resolutions reviewed by the province, DOCX ${result.bytes} bytes`)
