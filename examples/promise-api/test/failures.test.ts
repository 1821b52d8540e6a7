/**
 * Every failure path of the Promise API, walked one by one: open (memory with bad plugins, SQLite,
 * PostgreSQL), load, upsert, get, list, tabulate, drillDown, render, report, the three import
 * functions, the three export helpers with every exporter, and use after close. Each rejection must
 * be an instance of the hdnd class it names (never an Effect wrapper), with its `_tag`, a stable
 * `code`, and non-empty Vietnamese and English messages.
 */
import { DataPlugin, Dataset, Errors, Exporter, HdndClient, Indicators, PluginHost, Tabulation } from "@hdnd/core"
import { CsvExporter } from "@hdnd/export-csv"
import { DocxExporter } from "@hdnd/export-docx"
import { HtmlExporter } from "@hdnd/export-html"
import { JsonExporter } from "@hdnd/export-json"
import { XlsxExporter } from "@hdnd/export-xlsx"
import { ImportError, importBuffer, importFile, importStream } from "@hdnd/import"
import { PostgresStore } from "@hdnd/store-postgres"
import { SqliteStore } from "@hdnd/store-sqlite"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Readable } from "node:stream"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

type ErrorClass = abstract new (...args: never) => Error

/** The promise rejects with an instance of `cls`, carrying `_tag`, `code`, `vi` and `en`. */
const rejectsWith = async <C extends ErrorClass>(promise: Promise<unknown>, cls: C, tag: string, code: string | RegExp): Promise<InstanceType<C>> => {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error })
  )
  if (outcome.ok) throw new Error(`expected a rejection with ${tag}, but it resolved`)
  const e = outcome.error as { _tag?: unknown; code?: unknown; vi?: unknown; en?: unknown; message?: unknown }
  expect(outcome.error, `${tag}: got ${String(outcome.error)}`).toBeInstanceOf(cls)
  expect(e._tag).toBe(tag)
  if (typeof code === "string") expect(e.code).toBe(code)
  else expect(e.code).toMatch(code)
  expect(typeof e.vi === "string" && e.vi.trim().length > 0, "a Vietnamese message").toBe(true)
  expect(typeof e.en === "string" && e.en.trim().length > 0, "an English message").toBe(true)
  expect(e.vi).not.toBe(e.en)
  expect(typeof e.message === "string" && e.message.length > 0).toBe(true)
  return outcome.error as InstanceType<C>
}

const data = JSON.parse(readFileSync(new URL("../src/data.json", import.meta.url), "utf8")) as Record<string, Array<Record<string, unknown>>>
const scope = { council: "hdnd-tinh-son-la" }
const period = { from: "2023-01-01", to: "2023-12-31" }

let dir: string
let client: HdndClient

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "hdnd-promise-failures-"))
  client = await SqliteStore.openClient(join(dir, "hdnd.sqlite"))
  await client.load(data)
})

afterAll(async () => {
  await client.close()
  rmSync(dir, { recursive: true, force: true })
})

describe("open", () => {
  it("a SQLite file in a missing folder: StoreError hdnd/store/open-failed", async () => {
    const e = await rejectsWith(SqliteStore.openClient(join(dir, "no-such-folder", "x.sqlite")), Errors.StoreError, "StoreError", "hdnd/store/open-failed")
    expect(e.en).toContain("no-such-folder")
  })

  it("a file that is not a SQLite database: StoreError hdnd/store/open-failed, the file left as it was", async () => {
    const file = join(dir, "not-a-database.sqlite")
    const text = "đây không phải cơ sở dữ liệu / not a database ".repeat(20)
    writeFileSync(file, text)
    await rejectsWith(SqliteStore.openClient(file), Errors.StoreError, "StoreError", "hdnd/store/open-failed")
    expect(readFileSync(file, "utf8")).toBe(text)
  })

  it("PostgreSQL: an unreachable server, a malformed URL, no URL: StoreError hdnd/store/open-failed", async () => {
    const refused = await rejectsWith(PostgresStore.openClient("postgres://hdnd:secret@127.0.0.1:1/hdnd"), Errors.StoreError, "StoreError", "hdnd/store/open-failed")
    expect(refused.message).not.toContain("secret")
    await rejectsWith(PostgresStore.openClient("not a url"), Errors.StoreError, "StoreError", "hdnd/store/open-failed")
    await rejectsWith(PostgresStore.openClient(""), Errors.StoreError, "StoreError", "hdnd/store/open-failed")
  })

  it("a data plugin that does not decode: DataPluginError", async () => {
    await rejectsWith(HdndClient.open({ plugins: [{ name: "Not A Name!", version: "x" }] }), DataPlugin.DataPluginError, "DataPluginError", "hdnd/plugin/invalid-data-plugin")
  })

  it("two plugins of one name: PluginError", async () => {
    const plugin = DataPlugin.decodeSync({ name: "vi-du", version: "1.0.0", coreVersion: "*" })
    await rejectsWith(HdndClient.open({ plugins: [plugin, plugin] }), PluginHost.PluginError, "PluginError", "hdnd/plugin/cannot-load")
  })
})

describe("load and upsert", () => {
  it("a batch that does not decode: DecodeError, nothing written", async () => {
    const e = await rejectsWith(
      client.load({ activities: [{ id: "bad-date", council: "hdnd-tinh-son-la", kind: "review", date: { from: "2023-02-30" } }] }),
      Errors.DecodeError,
      "DecodeError",
      "hdnd/decode/invalid"
    )
    expect(e.problems.length).toBeGreaterThan(0)
    await rejectsWith(client.get("activities", "bad-date"), Errors.NotFoundError, "NotFoundError", "hdnd/not-found")
  })

  it("records that contradict each other: ValidationError, nothing written (load and upsert)", async () => {
    const orphan = { ...data.activities![0]!, id: "orphan", council: "hdnd-khong-co" }
    await rejectsWith(client.load({ activities: [orphan] }), Errors.ValidationError, "ValidationError", "hdnd/validation/inconsistent")
    const decoded = decodeBatch({ activities: [orphan] })
    await rejectsWith(client.upsert(decoded), Errors.ValidationError, "ValidationError", "hdnd/validation/inconsistent")
    await rejectsWith(client.get("activities", "orphan"), Errors.NotFoundError, "NotFoundError", "hdnd/not-found")
  })
})

describe("get and list", () => {
  it("an unknown id: NotFoundError; a malformed id or an unknown kind: DecodeError", async () => {
    await rejectsWith(client.get("councils", "hdnd-khong-co"), Errors.NotFoundError, "NotFoundError", "hdnd/not-found")
    await rejectsWith(client.get("councils", "có dấu cách"), Errors.DecodeError, "DecodeError", "hdnd/decode/invalid")
    await rejectsWith(client.get("nothing" as never, "x"), Errors.DecodeError, "DecodeError", "hdnd/decode/invalid")
  })

  it("a bad filter: DecodeError", async () => {
    await rejectsWith(client.list("activities", { period: { from: "2023-13-01" } }), Errors.DecodeError, "DecodeError", "hdnd/decode/invalid")
    await rejectsWith(client.list("unknown-kind" as never), Errors.DecodeError, "DecodeError", "hdnd/decode/invalid")
  })
})

describe("tabulate, drillDown, render and report", () => {
  it("tabulate: a malformed request is a DecodeError; an unknown indicator or unit a TabulationError", async () => {
    await rejectsWith(client.tabulate({ indicators: [], scope, period }), Errors.DecodeError, "DecodeError", "hdnd/decode/invalid")
    await rejectsWith(client.tabulate({ indicators: ["core/review"], scope, period: { from: "2023-12-31", to: "2023-01-01" } }), Errors.DecodeError, "DecodeError", "hdnd/decode/invalid")
    await rejectsWith(client.tabulate({ indicators: ["vi-du/khong-co"], scope, period }), Errors.TabulationError, "TabulationError", "unknown-indicator")
    await rejectsWith(
      client.tabulate({ indicators: [Indicators.ids.supervision], scope: { unit: "vn-99", asOf: "2023-12-31" }, period }),
      Errors.TabulationError,
      "TabulationError",
      "unknown-unit"
    )
  })

  it("drillDown of an untraced tabulation: TabulationError not-traced", async () => {
    const tab = await client.tabulate({ indicators: [Indicators.ids.supervision], scope, period })
    await rejectsWith(client.drillDown(tab), Errors.TabulationError, "TabulationError", "not-traced")
  })

  it("render: an unknown template is a NotFoundError; a tabulation that lacks the template's figures a ReportError; a bad date a DecodeError", async () => {
    const tab = await client.tabulate({ indicators: [Indicators.ids.supervision], scope, period })
    await rejectsWith(client.render("vi-du/khong-co", tab), Errors.NotFoundError, "NotFoundError", "hdnd/not-found")
    await rejectsWith(client.render("core/activity-summary", tab), Errors.ReportError, "ReportError", "hdnd/report/cannot-render")
    await rejectsWith(client.render("core/activity-summary", tab, { date: "31/12/2023" }), Errors.DecodeError, "DecodeError", "hdnd/decode/invalid")
  })

  it("report: an unknown template, a bad scope, period or session", async () => {
    await rejectsWith(client.report("vi-du/khong-co", { scope, period }), Errors.NotFoundError, "NotFoundError", "hdnd/not-found")
    await rejectsWith(client.report("core/activity-summary", { scope: { council: "có dấu" }, period }), Errors.DecodeError, "DecodeError", "hdnd/decode/invalid")
    await rejectsWith(client.report("core/activity-summary", { scope, period: { from: "2023-01-01", to: "2023" } }), Errors.DecodeError, "DecodeError", "hdnd/decode/invalid")
    await rejectsWith(client.report("core/activity-summary", { scope, period, sessions: [] }), Errors.DecodeError, "DecodeError", "hdnd/decode/invalid")
  })
})

describe("import", () => {
  const badCsv = "Mã,HĐND,Loại hoạt động,Thuộc thẩm quyền của,Cơ quan chủ trì,Từ ngày,Nội dung\nhd-1,hdnd-tinh-son-la,review,sl.hdnd,sl.hdnd,2023-02-30,Thẩm tra\n"

  it("importFile of a missing file: ImportRejectedError with the located problem, nothing written", async () => {
    const e = await rejectsWith(importFile(client, join(dir, "khong-co.csv")), ImportError.ImportRejectedError, "ImportRejectedError", "hdnd/import/rejected")
    expect(e.problems[0]?.code).toBe("file.not-found")
    expect(e.problems[0]?.file).toContain("khong-co.csv")
  })

  it("importBuffer of rows that do not decode: the row and column of each problem; nothing written", async () => {
    const e = await rejectsWith(importBuffer(client, { name: "hoat-dong.csv", data: badCsv }), ImportError.ImportRejectedError, "ImportRejectedError", "hdnd/import/rejected")
    expect(e.rejected).toBe(1)
    expect(e.problems.map((p) => [p.file, p.row, p.column, p.header, p.field, p.code])).toEqual([["hoat-dong.csv", 2, "F", "Từ ngày", "date.from", "import.invalid-date"]])
    await rejectsWith(client.get("activities", "hd-1"), Errors.NotFoundError, "NotFoundError", "hdnd/not-found")
  })

  it("a progress callback that throws: StoreError hdnd/store/unexpected-failed with the callback's error as cause, nothing written", async () => {
    const mine = new Error("my progress bar broke")
    const csv = "Mã,HĐND,Loại hoạt động,Thuộc thẩm quyền của,Cơ quan chủ trì,Từ ngày,Nội dung\nhd-2,hdnd-tinh-son-la,review,sl.hdnd,sl.hdnd,2023-02-03,Thẩm tra\n"
    const e = await rejectsWith(
      importBuffer(client, { name: "hoat-dong.csv", data: csv }, { onProgress: () => { throw mine } }),
      Errors.StoreError,
      "StoreError",
      "hdnd/store/unexpected-failed"
    )
    expect(e.cause).toBe(mine)
    await rejectsWith(client.get("activities", "hd-2"), Errors.NotFoundError, "NotFoundError", "hdnd/not-found")
  })

  it("importStream: the same, read from a Node stream, with progress reported", async () => {
    const seen: Array<number> = []
    const e = await rejectsWith(
      importStream(client, { name: "hoat-dong.csv", stream: Readable.from([Buffer.from(badCsv)]) }, { onProgress: (p) => seen.push(p.rows) }),
      ImportError.ImportRejectedError,
      "ImportRejectedError",
      "hdnd/import/rejected"
    )
    expect(e.problems.length).toBeGreaterThan(0)
    expect(seen.at(-1)).toBe(1)
  })
})

describe("export", () => {
  it("an exporter that dies (a bug in a plugin's exporter): ExportError naming its format, the defect as cause", async () => {
    const defect = new Error("bug")
    const broken: Exporter.Exporter = { ...CsvExporter.exporter, id: "broken", export: () => Effect.die(defect) }
    const doc = await client.report("core/activity-summary", { scope, period })
    const e = await rejectsWith(Exporter.toBuffer(broken, doc), Exporter.ExportError, "ExportError", "hdnd/export/failed")
    expect(e.format).toBe("broken")
    expect(e.cause).toBe(defect)
  })

  const exporters: ReadonlyArray<Exporter.Exporter> = [CsvExporter.exporter, XlsxExporter.exporter, DocxExporter.exporter, HtmlExporter.exporter]

  it.each(exporters.map((x) => [x.id, x] as const))("%s: a tabulation without a period rejects with ExportError from toBuffer, toStream and toFile", async (_id, exporter) => {
    const tab = await client.tabulate({ indicators: [Indicators.ids.supervision], scope, period })
    const input = Exporter.tabulation({ ...tab, period: undefined }, client.registry)
    await rejectsWith(Exporter.toBuffer(exporter, input), Exporter.ExportError, "ExportError", "hdnd/export/failed")
    await rejectsWith(Exporter.toStream(exporter, input), Exporter.ExportError, "ExportError", "hdnd/export/failed")
    const file = join(dir, `never.${exporter.extension}`)
    await rejectsWith(Exporter.toFile(exporter, input, file), Exporter.ExportError, "ExportError", "hdnd/export/failed")
    expect(existsSync(file)).toBe(false)
  })

  it("json: a document that breaks the report schema rejects with ExportError", async () => {
    const doc = await client.report("core/activity-summary", { scope, period })
    const broken = { ...doc, figures: [{ placeholder: 1 }] } as unknown as typeof doc
    await rejectsWith(Exporter.toBuffer(JsonExporter.exporter, broken), Exporter.ExportError, "ExportError", "hdnd/export/failed")
  })

  it("toFile into a missing folder: ExportError naming the path, and no partial file anywhere", async () => {
    const doc = await client.report("core/activity-summary", { scope, period })
    const e = await rejectsWith(Exporter.toFile(DocxExporter.exporter, doc, join(dir, "khong-co", "bao-cao.docx")), Exporter.ExportError, "ExportError", "hdnd/export/failed")
    expect(e.en).toContain("bao-cao.docx")
    expect(readdirSync(dir).filter((f) => f.endsWith(".part"))).toEqual([])
  })
})

describe("close", () => {
  it("a closed client rejects every call with StoreError hdnd/store/closed; closing twice is harmless", async () => {
    const c = await HdndClient.open()
    await c.close()
    await c.close()
    await rejectsWith(c.get("councils", "x"), Errors.StoreError, "StoreError", "hdnd/store/closed")
    await rejectsWith(c.load({}), Errors.StoreError, "StoreError", "hdnd/store/closed")
    await rejectsWith(c.tabulate({ indicators: [Indicators.ids.supervision], scope, period }), Errors.StoreError, "StoreError", "hdnd/store/closed")
    await rejectsWith(importBuffer(c, { name: "x.csv", data: "" }), Errors.StoreError, "StoreError", "hdnd/store/closed")
  })
})

describe("the same data succeeds", () => {
  it("the successful paths of the calls above resolve (so the failures are not the test's own doing)", async () => {
    expect((await client.get("councils", "hdnd-tinh-son-la")).id).toBe("hdnd-tinh-son-la")
    const tab = await client.tabulate({ indicators: [Indicators.ids.supervision], scope, period, trace: true })
    expect(Tabulation.valueOf(tab, Indicators.ids.supervision).value).toBeGreaterThan(0)
    expect((await client.drillDown(tab)).rows.length).toBeGreaterThan(0)
    const doc = await client.report("core/activity-summary", { scope, period })
    for (const exporter of [CsvExporter.exporter, XlsxExporter.exporter, DocxExporter.exporter, HtmlExporter.exporter, JsonExporter.exporter]) {
      const out = await Exporter.toBuffer(exporter, doc)
      expect(out.bytes.byteLength).toBeGreaterThan(0)
    }
  })
})

// The decoded form of a batch, as an app that decodes it itself would pass it to `upsert`.
const decodeBatch = Schema.decodeUnknownSync(Dataset.Batch)
