// An Effect 4 app: import the files into a SQLite store, tabulate, render, write a DOCX.
import { CalendarDate, Errors, Exporter, HdndClient, Ids, Indicators, Report, ReportText, Store, Tabulation, TabulationJson, TabulationRequest } from "@hdnd/core"
import { DocxExporter } from "@hdnd/export-docx"
import { Import, ImportError, importBuffer, importFile } from "@hdnd/import"
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

// The Promise API from an ES module app: typed errors are `instanceof` the classes imported here.
const openFailed = await SqliteStore.openClient(join(dir, "no-such-folder", "x.sqlite")).then(() => undefined, (e: unknown) => e)
check(openFailed instanceof Errors.StoreError && openFailed.code === "hdnd/store/open-failed", `openClient rejects with Errors.StoreError, got ${String(openFailed)}`)
const client = await HdndClient.open()
try {
  const imported = await importFile(client, files.slice(0, 6).map((f) => join(data, f)))
  check(imported.committed && imported.inserted > 0, "importFile writes the structure files")
  const bad = await importBuffer(client, { name: "hoat-dong.csv", data: "Mã,HĐND\nx,nowhere\n" }).then(() => undefined, (e: unknown) => e)
  check(bad instanceof ImportError.ImportRejectedError && bad.code === "hdnd/import/rejected", `a bad upload rejects with ImportRejectedError, got ${String(bad)}`)
  const tab = await client.tabulate({ indicators: [Indicators.ids.supervision], scope: { unit: "unit:14", asOf: "2023-08-31" }, period: { from: "2022-08-01", to: "2023-08-31" } })
  check(Tabulation.equals(TabulationJson.fromJSON(JSON.parse(JSON.stringify(TabulationJson.toJSON(tab)))), tab), "a tabulation survives JSON")
  const doc = await client.report("core/activity-summary", { scope: { unit: "unit:14", asOf: "2023-08-31" }, period: { from: "2022-08-01", to: "2023-08-31" } })
  const docx = await Exporter.toBuffer(DocxExporter.exporter, doc)
  check(Buffer.from(docx.bytes).subarray(0, 2).toString() === "PK", "Exporter.toBuffer writes a DOCX")
  const notFound = await client.get("councils", "nowhere").then(() => undefined, (e: unknown) => e)
  check(notFound instanceof Errors.NotFoundError && notFound.code === "hdnd/not-found", `get rejects with Errors.NotFoundError, got ${String(notFound)}`)
} finally {
  await client.close()
}
console.log("effect-esm: the Promise API's typed errors are instances of the classes this app imports")
