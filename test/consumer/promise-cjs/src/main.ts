// A CommonJS app (compiled to `require()` calls) written with async/await: the SQLite store through
// the Promise client; the import job and the DOCX exporter through Effect.runPromise at the edges.
import { Errors, Exporter, HdndClient, Indicators, Tabulation, TabulationJson } from "@hdnd/core"
import { DocxExporter } from "@hdnd/export-docx"
import { Import, ImportError, importBuffer, importFile } from "@hdnd/import"
import { SqliteStore } from "@hdnd/store-sqlite"
import * as Effect from "effect/Effect"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const data = process.env.HDND_CONSUMER_DATA ?? "data"
const files = ["don-vi.csv", "sap-xep.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "hoat-dong.xlsx", "so-lieu.csv"]

const check = (ok: boolean, what: string): void => {
  if (!ok) throw new Error(`check failed: ${what}`)
}

async function main(): Promise<void> {
  check(typeof require === "function" && typeof module === "object", "this app runs as CommonJS")
  const dir = mkdtempSync(join(tmpdir(), "hdnd-cjs-app-"))
  const filename = join(dir, "hdnd.sqlite")

  const summary = await Effect.runPromise(Import.run(files.map((f) => join(data, f))).pipe(Effect.provide(SqliteStore.layer({ filename }))))
  check(summary.committed && summary.rejected === 0, `import: ${JSON.stringify(summary.problems.slice(0, 3))}`)

  const client = await SqliteStore.openClient(filename)
  try {
    const scope = { _tag: "Subtree", unit: "unit:14", asOf: "2023-08-31" }
    const period = { from: "2022-08-01", to: "2023-08-31" }
    const tab = await client.tabulate({ indicators: [Indicators.ids.reviewDraftResolution], scope, period, groupBy: ["level"] })
    const reviewed = Tabulation.valueOf(tab, Indicators.ids.reviewDraftResolution, { level: "province" }).value
    check(reviewed > 0, `draft resolutions reviewed by the province: ${reviewed}`)

    const doc = await client.report("core/activity-summary", { scope, period })
    check(client.text(doc).length > 0, "the report renders as text")
    const bytes = await Effect.runPromise(DocxExporter.exportDocument(doc))
    const out = join(dir, "bao-cao.docx")
    writeFileSync(out, bytes)
    check(readFileSync(out).subarray(0, 2).toString() === "PK", "the DOCX is a zip")

    // A typed error crosses require(): the class a CommonJS app imports is the one hdnd throws.
    const rejected = await client.load({ activities: [{ id: "x", council: "nowhere", kind: "review", date: { from: "2023-02-30" } }] }).then(
      () => undefined,
      (e: unknown) => e
    )
    check(rejected instanceof Errors.DecodeError, `a bad batch rejects with Errors.DecodeError, got ${String(rejected)}`)
    await promiseApi(dir, doc)
    console.log(`promise-cjs: ${summary.rows} rows imported, ${reviewed} draft resolutions reviewed by the province, DOCX ${bytes.length} bytes`)
  } finally {
    await client.close()
  }
}

// The Promise API end to end, and its typed errors, checked with `instanceof` against the classes this
// CommonJS app requires: one copy of every class.
async function promiseApi(dir: string, doc: Awaited<ReturnType<HdndClient["report"]>>): Promise<void> {
  const openFailed = await SqliteStore.openClient(join(dir, "no-such-folder", "x.sqlite")).then(() => undefined, (e: unknown) => e)
  check(openFailed instanceof Errors.StoreError && openFailed.code === "hdnd/store/open-failed", `openClient rejects with Errors.StoreError, got ${String(openFailed)}`)
  const client = await HdndClient.open()
  try {
    const summary = await importFile(client, files.slice(0, 6).map((f) => join(data, f)))
    check(summary.committed && summary.inserted > 0, "importFile writes the structure files")
    const bad = await importBuffer(client, { name: "hoat-dong.csv", data: "Mã,HĐND\nx,nowhere\n" }).then(() => undefined, (e: unknown) => e)
    check(bad instanceof ImportError.ImportRejectedError && bad.code === "hdnd/import/rejected" && bad.problems.length > 0, `a bad upload rejects with ImportRejectedError, got ${String(bad)}`)
    const tab = await client.tabulate({ indicators: [Indicators.ids.supervision], scope: { unit: "unit:14", asOf: "2023-08-31" }, period: { from: "2022-08-01", to: "2023-08-31" } })
    check(Tabulation.equals(TabulationJson.fromJSON(JSON.parse(JSON.stringify(TabulationJson.toJSON(tab)))), tab), "a tabulation survives JSON")
    const docx = await Exporter.toBuffer(DocxExporter.exporter, doc)
    check(Buffer.from(docx.bytes).subarray(0, 2).toString() === "PK", "Exporter.toBuffer writes a DOCX")
  } finally {
    await client.close()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
