/**
 * Work programmes through the real `hdnd` executable on a real SQLite file: the Sơn La example's
 * synthetic 2023 programme of the provincial Legal Affairs committee is imported from CSV and matched
 * against the example's activities as of a date (an activity dated after it does not count); the 2024
 * programme is drafted from the unfinished items as CSV files (or a JSON batch) that `hdnd import`
 * takes back.
 */
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { hdnd, SON_LA, seededWorkspace, SON_LA_FOLLOW_UP } from "./utils/hdnd.js"

const require_ = createRequire(path.join(path.dirname(new URL(import.meta.url).pathname), "../package.json"))
const Sqlite = require_("better-sqlite3") as new (file: string, options?: { readonly?: boolean }) => {
  prepare(sql: string): { all(...params: ReadonlyArray<unknown>): ReadonlyArray<Record<string, unknown>> }
  close(): void
}

interface Progress {
  readonly id: string
  readonly asOf: string
  readonly planned: number
  readonly done: number
  readonly notDone: number
  readonly notDue: number
  readonly outside: number
  readonly summary: string
  readonly items: ReadonlyArray<{ readonly id: string; readonly status: string; readonly activities: ReadonlyArray<string>; readonly carriedFrom?: string }>
}

const PROGRAMME = "ct-2023-ban-phap-che"
const ws = seededWorkspace("hdnd-ct-")
let db = ""
const run = (command: ReadonlyArray<string>, rest: ReadonlyArray<string>, dbFile = db) => hdnd(ws.dir, [...command, "--db", dbFile, ...rest])
const progress = async (rest: ReadonlyArray<string>, dbFile = db): Promise<ReadonlyArray<Progress>> => {
  const r = await run(["programme", "progress"], [...rest, "--format", "json"], dbFile)
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as ReadonlyArray<Progress>
}
const statuses = (p: Progress) => p.items.map((i) => i.status)
/** A copy of the database with the follow-up records, for a test that writes. */
const copyDb = (name: string): string => {
  const file = path.join(ws.dir, name)
  fs.copyFileSync(db, file)
  return file
}

beforeAll(async () => {
  db = ws.copy("chuong-trinh.sqlite")
  const r = await run(["import"], ["--quiet", ...SON_LA_FOLLOW_UP])
  expect(r.status, r.stderr).toBe(0)
}, 120_000)

describe("hdnd programme progress", () => {
  it("planned against done as of 31/8/2023: 4 of 8 done, 1 not done, 3 not yet due, the rest of the committee's work outside the plan", async () => {
    const [p] = await progress(["--programme", PROGRAMME, "--as-of", "2023-08-31"])
    expect(p).toMatchObject({ id: PROGRAMME, asOf: "2023-08-31", planned: 8, done: 4, notDone: 1, notDue: 3, summary: "thực hiện 4/8 nội dung theo chương trình" })
    expect(statuses(p!)).toEqual(["done", "done", "not-done", "done", "done", "not-due", "not-due", "not-due"])
    expect(p!.items[0]!.activities).toEqual(["hdnd-tinh-son-la/khao-sat/008"])
    expect(p!.items[3]!.activities).toEqual(["hdnd-tinh-son-la/giam-sat/009"])
    expect(p!.outside).toBeGreaterThan(0)
  })

  it("as of an earlier date, an activity dated after it does not count: the Q1 survey (6/3/2023) is not yet due on 1/3", async () => {
    const [before] = await progress(["--programme", PROGRAMME, "--as-of", "2023-03-01"])
    expect(before!.items[0]!.status).toBe("not-due")
    expect(before!.done).toBe(0)
    const [after] = await progress(["--programme", PROGRAMME, "--as-of", "2023-03-31"])
    expect(after!.items[0]!.status).toBe("done")
  })

  it("selects by organ (id or name) and year; a table by default, one row per item with --items, English with --lang en", async () => {
    const table = await run(["programme", "progress"], ["--organ", "Ban Pháp chế HĐND tỉnh Sơn La", "--year", "2023", "--as-of", "2023-08-31"])
    expect(table.status, table.stderr).toBe(0)
    expect(table.stdout).toMatch(/^ct-2023-ban-phap-che +Chương trình công tác năm 2023 .* +2023 +8 +4 +1 +3 +\d+ +thực hiện 4\/8 nội dung theo chương trình$/m)
    const items = await run(["programme", "progress"], ["--organ", "hdnd-tinh-son-la/ban-phap-che", "--items", "--as-of", "2023-08-31", "--lang", "en"])
    expect(items.stdout).toMatch(/^ct-2023-ban-phap-che +ct-2023-ban-phap-che\.3 +Khảo sát công tác tiếp công dân.* +survey +Q2 +not done *$/m)
    expect(items.stdout).toMatch(/ +outside the plan +hdnd-tinh-son-la\//)
    expect(await progress(["--year", "2022"])).toEqual([])
  })

  it("bad input: an unknown programme or organ, a bad date — exit 1 with what is wrong", async () => {
    const unknown = await run(["programme", "progress"], ["--programme", "khong-co"])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('--programme: không có chương trình "khong-co"; các chương trình: ct-2023-ban-phap-che')
    const organ = await run(["programme", "progress"], ["--organ", "Ban Đô thị", "--lang", "en"])
    expect(organ.status).toBe(1)
    expect(organ.stderr).toContain('--organ: no organ is named or coded "Ban Đô thị"')
    const date = await run(["programme", "progress"], ["--as-of", "31/13/2023"])
    expect(date.status).toBe(1)
    expect(date.stderr).toContain("không phải ngày")
  })
})

describe("hdnd programme draft", () => {
  it("writes the 2024 draft (the 4 unfinished items carried over) as two interchange CSV files that hdnd import takes back", async () => {
    const copy = copyDb("draft.sqlite")
    const out = path.join(ws.dir, "du-thao")
    const r = await run(["programme", "draft"], ["--programme", PROGRAMME, "--year", "2024", "-o", out], copy)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('Đã ghi dự thảo "Chương trình công tác năm 2024 của Ban Pháp chế HĐND tỉnh Sơn La (giả định)" (ct-2024-ban-phap-che, năm 2024): 4 nội dung chuyển từ ct-2023-ban-phap-che')
    expect(fs.readdirSync(out).sort()).toEqual(["chuong-trinh-2024.csv", "noi-dung-chuong-trinh-2024.csv"])
    const items = fs.readFileSync(path.join(out, "noi-dung-chuong-trinh-2024.csv"), "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/)
    expect(items).toHaveLength(5)
    expect(items[1]).toContain("ct-2024-ban-phap-che.1,ct-2024-ban-phap-che,survey,")
    expect(items[1]).toContain("ct-2023-ban-phap-che.3")
    expect(r.stderr).toContain(`hdnd import ${path.join(out, "chuong-trinh-2024.csv")} ${path.join(out, "noi-dung-chuong-trinh-2024.csv")}`)

    const imported = await run(["import"], [path.join(out, "chuong-trinh-2024.csv"), path.join(out, "noi-dung-chuong-trinh-2024.csv")], copy)
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toContain("Đã nhập 5 dòng: 5 bản ghi mới")
    const [next] = await progress(["--year", "2024", "--as-of", "2024-12-31"], copy)
    expect(next).toMatchObject({ id: "ct-2024-ban-phap-che", planned: 4, done: 0 })
    expect(next!.items.map((i) => i.carriedFrom)).toEqual(["ct-2023-ban-phap-che.3", "ct-2023-ban-phap-che.6", "ct-2023-ban-phap-che.7", "ct-2023-ban-phap-che.8"])

    // The files are not overwritten unless asked.
    const again = await run(["programme", "draft"], ["--programme", PROGRAMME, "-o", out], copy)
    expect(again.status).toBe(1)
    expect(again.stderr).toContain("--force")
    expect((await run(["programme", "draft"], ["--programme", PROGRAMME, "-o", out, "--force", "--quiet"], copy)).status).toBe(0)
  })

  it("the CSV files are formula-guarded, and import back to exactly the text that was drafted", async () => {
    const copy = copyDb("draft-guard.sqlite")
    // Three of the unfinished items get topics a spreadsheet would run or change.
    const topics: Record<string, string> = {
      "ct-2023-ban-phap-che.6": '=HYPERLINK("http://x.invalid";"Khảo sát thi hành án")',
      "ct-2023-ban-phap-che.7": "-Giám sát việc giải quyết kiến nghị",
      "ct-2023-ban-phap-che.8": "'Thẩm tra+ các dự thảo"
    }
    const source = fs.readFileSync(path.join(SON_LA, "noi-dung-chuong-trinh.csv"), "utf8").split("\n")
    const edited = source.map((line) => {
      const id = line.slice(0, line.indexOf(","))
      const topic = topics[id]
      return topic === undefined ? line : line.replace(/^([^,]*,[^,]*,[^,]*,)("[^"]*"|[^,]*)/, (_, head: string) => `${head}"${topic.replaceAll('"', '""')}"`)
    })
    const file = ws.write("guard/noi-dung-chuong-trinh.csv", edited.join("\n"))
    expect((await run(["import"], ["--quiet", file], copy)).status).toBe(0)
    const title = "@Chương trình 2024 (dự thảo)"
    const out = path.join(ws.dir, "du-thao-guard")
    const r = await run(["programme", "draft"], ["--programme", PROGRAMME, "--year", "2024", "--title", title, "-o", out], copy)
    expect(r.status, r.stderr).toBe(0)
    const texts = ["chuong-trinh-2024.csv", "noi-dung-chuong-trinh-2024.csv"].map((f) => fs.readFileSync(path.join(out, f), "utf8"))
    // No cell starts a formula: each is guarded with an apostrophe.
    for (const text of texts) {
      for (const line of text.replace(/^\uFEFF/, "").split("\r\n")) expect(line.split(",").some((cell) => /^"?[=+@-]/.test(cell)), line).toBe(false)
    }
    expect(texts[1]).toContain(`"'=HYPERLINK(""http://x.invalid"";""Khảo sát thi hành án"")"`)
    expect(texts[1]).toContain("'-Giám sát")
    expect(texts[1]).toContain("''Thẩm tra+")
    expect(texts[0]).toContain(`'${title}`)
    const imported = await run(["import"], ["--quiet", path.join(out, "chuong-trinh-2024.csv"), path.join(out, "noi-dung-chuong-trinh-2024.csv")], copy)
    expect(imported.status, imported.stderr).toBe(0)
    const conn = new Sqlite(copy, { readonly: true })
    try {
      const items = conn.prepare("SELECT carried_from, topic FROM programme_items WHERE programme = 'ct-2024-ban-phap-che' AND carried_from IN (?, ?, ?)").all(...Object.keys(topics))
      expect(Object.fromEntries(items.map((i) => [i.carried_from, i.topic]))).toEqual(topics)
      expect(conn.prepare("SELECT title FROM programmes WHERE id = 'ct-2024-ban-phap-che'").all()).toEqual([{ title }])
    } finally {
      conn.close()
    }
  })

  it("-o FILE.json writes one JSON batch instead; --as-of earlier carries more items; a year not after the programme's is refused", async () => {
    const file = path.join(ws.dir, "du-thao-2024.json")
    const r = await run(["programme", "draft"], ["--programme", PROGRAMME, "--as-of", "2023-03-31", "--id", "ct-bpc-2024", "--title", "Dự thảo chương trình năm 2024", "-o", file])
    expect(r.status, r.stderr).toBe(0)
    const batch = JSON.parse(fs.readFileSync(file, "utf8")) as { programmes: ReadonlyArray<{ id: string; year: number; title: string }>; programmeItems: ReadonlyArray<{ carriedFrom: string }> }
    expect(batch.programmes).toEqual([expect.objectContaining({ id: "ct-bpc-2024", year: 2024, title: "Dự thảo chương trình năm 2024" })])
    expect(batch.programmeItems).toHaveLength(7)
    const copy = copyDb("draft-json.sqlite")
    const imported = await run(["import"], ["--quiet", file], copy)
    expect(imported.status, imported.stderr).toBe(0)
    const year = await run(["programme", "draft"], ["--programme", PROGRAMME, "--year", "2023", "--lang", "en"])
    expect(year.status).toBe(1)
    expect(year.stderr).toContain("--year 2023: the draft must be for a year after 2023")
  })
})
