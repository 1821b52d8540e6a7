// A CommonJS app (compiled to `require()` calls) written with async/await: the SQLite store through
// the Promise client; the import job and the DOCX exporter through Effect.runPromise at the edges.
import { Errors, Indicators, Tabulation } from "@hdnd/core"
import { DocxExporter } from "@hdnd/export-docx"
import { Import } from "@hdnd/import"
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

    const doc = await client.report("core/activity-summary", { scope, period } as never)
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
    console.log(`promise-cjs: ${summary.rows} rows imported, ${reviewed} draft resolutions reviewed by the province, DOCX ${bytes.length} bytes`)
  } finally {
    await client.close()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
