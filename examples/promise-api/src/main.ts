/**
 * Using hdnd from plain async/await code, without Effect: load a JSON batch, tabulate, render the
 * built-in activity summary, and handle a typed error.
 */
import { Errors, Indicators, Tabulation } from "@hdnd/core"
import { SqliteStore } from "@hdnd/store-sqlite"
import { readFile } from "node:fs/promises"

// The embedded default: a SQLite file (HDND_SQLITE_FILE, or hdnd.sqlite in the current directory).
// `HdndClient.open()` with no store keeps everything in memory instead.
const filename = process.env.HDND_SQLITE_FILE ?? SqliteStore.DEFAULT_FILENAME
const client = await SqliteStore.openClient(filename)
try {
  const json: unknown = JSON.parse(await readFile(new URL("./data.json", import.meta.url), "utf8"))
  const written = await client.load(json)
  console.log(`Đã ghi ${written.inserted} bản ghi mới, ${written.unchanged} không đổi vào ${filename} / wrote ${written.inserted} new records, ${written.unchanged} unchanged, to ${filename}`)

  const scope = { unit: "vn-14", asOf: "2023-12-31" } // or { council: "hdnd-tinh-son-la" }
  const period = { from: "2023-01-01", to: "2023-12-31" }
  const tab = await client.tabulate({ indicators: [Indicators.ids.supervision], scope, period, groupBy: ["organ"] })
  for (const organ of Tabulation.valuesOf(tab, "organ")) {
    console.log(`${Tabulation.labelOf(tab, organ)}: ${Tabulation.valueOf(tab, Indicators.ids.supervision, { organ }).value} cuộc giám sát`)
  }

  // Plain strings: ids and dates are checked when the request is decoded (a bad one rejects with DecodeError).
  const doc = await client.report("core/activity-summary", { scope, period })
  console.log(client.markdown(doc))

  // Bad input is rejected with a typed, bilingual error, and nothing is written.
  await client.load({ activities: [{ id: "bad", council: "hdnd-tinh-son-la", kind: "review", date: { from: "2023-02-30" } }] }).catch((e: unknown) => {
    if (e instanceof Errors.DecodeError) console.log(`Lỗi dữ liệu như mong đợi / rejected as expected:\n${e.message}`)
    else throw e
  })
} finally {
  await client.close()
}
