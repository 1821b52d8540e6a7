/**
 * The whole job with promises only, as an HTTP service would do it: import the Sơn La example's CSV
 * and Excel files (from paths, a buffer and a stream) with progress, tabulate, drill down, render the
 * built-in report, export it as DOCX, XLSX, HTML, CSV and JSON (a buffer, a file, a Node stream),
 * send the tabulation as JSON and read it back, and catch typed errors by class and code.
 */
import { Errors, Exporter, HdndClient, Indicators, Tabulation, TabulationJson } from "@hdnd/core"
import { CsvExporter } from "@hdnd/export-csv"
import { DocxExporter } from "@hdnd/export-docx"
import { HtmlExporter } from "@hdnd/export-html"
import { JsonExporter } from "@hdnd/export-json"
import { XlsxExporter } from "@hdnd/export-xlsx"
import { ImportError, importBuffer, importFile, importStream } from "@hdnd/import"
import { createReadStream, createWriteStream, mkdtempSync } from "node:fs"
import { readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pipeline } from "node:stream/promises"
import { fileURLToPath } from "node:url"

const data = (file: string) => fileURLToPath(new URL(`../../son-la-2023/data/${file}`, import.meta.url))
const out = process.env.HDND_EXAMPLE_OUT ?? mkdtempSync(join(tmpdir(), "hdnd-promise-export-"))

// `HdndClient.open()` keeps everything in memory; `SqliteStore.openClient(file)` and
// `PostgresStore.openClient(url)` give the same client on a file or a server.
const client = await HdndClient.open()
try {
  // 1. Import: paths (read in chunks), an upload held in memory, a stream. All or nothing.
  let rows = 0
  const structure = await importFile(client, ["don-vi.csv", "sap-xep.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv"].map(data), {
    onProgress: (p) => (rows = p.rows) // called after every batch: drive a progress bar with it
  })
  const activities = await importBuffer(client, { name: "hoat-dong.xlsx", data: await readFile(data("hoat-dong.xlsx")) })
  const tallies = await importStream(client, { name: "so-lieu.csv", stream: createReadStream(data("so-lieu.csv")) })
  console.log(`Đã nhập ${structure.inserted + activities.inserted + tallies.inserted} bản ghi (${rows} dòng tệp cơ cấu) / imported records`)

  // A rejected import writes nothing and says where each problem is.
  const bad = "Mã,HĐND,Loại hoạt động,Thuộc thẩm quyền của,Cơ quan chủ trì,Từ ngày,Nội dung\nx-1,hdnd-tinh-son-la,survey,,,2023-02-30,Khảo sát\n"
  await importBuffer(client, { name: "tai-len.csv", data: bad }).catch((e: unknown) => {
    if (!(e instanceof ImportError.ImportRejectedError)) throw e
    console.log(`${e.code}: ${e.problems.map((p) => p.describe("vi")).join("; ")}`)
  })

  // 2. Tabulate with plain JSON (string ids and dates, a scope shorthand), traced for the drill-down.
  const scope = { unit: "unit:14", asOf: "2023-08-31" }
  const period = { from: "2022-08-01", to: "2023-08-31" }
  const tab = await client.tabulate({ indicators: [Indicators.ids.supervision], scope, period, groupBy: ["level"], trace: true })
  console.log(`Giám sát cấp tỉnh / province supervisions: ${Tabulation.valueOf(tab, Indicators.ids.supervision, { level: "province" }).value}`)
  const records = await client.drillDown(tab)
  console.log(`Truy vết / drill-down: ${records.rows.length} hồ sơ / records`)

  // 3. The tabulation as JSON and back (to send it to a browser, a queue, another service).
  const sent = JSON.stringify(TabulationJson.toJSON(tab))
  const received = TabulationJson.fromJSON(JSON.parse(sent))
  console.log(`JSON ${sent.length} bytes, equal after the round trip: ${Tabulation.equals(received, tab)}`)

  // 4. Render the built-in template, then export with any exporter: a buffer, a file, a stream.
  const doc = await client.report("core/activity-summary", { scope, period, place: "Sơn La", date: "2023-09-05" })
  const docx = await Exporter.toBuffer(DocxExporter.exporter, doc)
  console.log(`DOCX ${docx.bytes.byteLength} bytes (${docx.mediaType})`)
  for (const exporter of [XlsxExporter.exporter, HtmlExporter.exporter, JsonExporter.exporter]) {
    const file = await Exporter.toFile(exporter, doc, join(out, `bao-cao.${exporter.extension}`))
    console.log(`${file.path}: ${file.bytes} bytes`)
  }
  // A tabulation exports too; the CSV of several tables is a zip, so take the extension from the output.
  const csv = await Exporter.toStream(CsvExporter.exporter, Exporter.tabulation(tab, client.registry))
  await pipeline(csv.stream, createWriteStream(join(out, `bang-tong-hop.${csv.extension}`)))
  console.log(`bang-tong-hop.${csv.extension} (${csv.mediaType})`)

  // 5. Every rejection is one of hdnd's classes, with a stable code and a message in each language.
  await client.report("core/activity-summary", { scope, period: { from: "2023-01-01", to: "2023" } }).catch((e: unknown) => {
    if (!(e instanceof Errors.DecodeError)) throw e
    console.log(`${e._tag} ${e.code}\n${e.vi}\n${e.en}`)
  })
} finally {
  await client.close()
}
