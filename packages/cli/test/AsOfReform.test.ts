/**
 * Issue #6 §5, "as-of queries across the reform", through the real `hdnd` executable (the bundled
 * CLI) on a real SQLite file, with the Sơn La plugin loaded by its package name.
 *
 * The plugin is bundled the way it ships (one ES module with its own copy of `@hdnd/core`) into a
 * `node_modules/@hdnd/province-son-la` of the temporary project directory, so that
 * `--plugin @hdnd/province-son-la` resolves as it does for an office that installed the package.
 */
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bundled, hdnd, installSonLaPlugin, SON_LA, tempDir } from "./utils/hdnd.js"

const require_ = createRequire(path.join(path.dirname(new URL(import.meta.url).pathname), "../package.json"))
const Database = require_("better-sqlite3") as new (file: string, o?: { readonly?: boolean }) => {
  prepare(sql: string): { get(): Record<string, unknown> }
  close(): void
}

const PLUGIN = ["--plugin", "@hdnd/province-son-la"]
/** The example's activities, sessions and tallies of 2022–2023 (its structure is the plugin's). */
const ACTIVITIES_2022_2023 = ["ky-hop.csv", "hoat-dong.xlsx", "so-lieu.csv"].map((f) => path.join(SON_LA, f))
const HEADER = "Mã;HĐND;Loại hoạt động;Cơ quan chủ trì;Từ ngày;Nội dung"

let dir: string
let db: string

const run = (args: ReadonlyArray<string>) => hdnd(dir, [args[0]!, "--db", db, ...PLUGIN, ...args.slice(1)])
const activityCount = (): number => {
  const sqlite = new Database(db, { readonly: true })
  try {
    return Number(sqlite.prepare("SELECT COUNT(*) AS n FROM activities").get().n)
  } finally {
    sqlite.close()
  }
}
/** Writes an activity file into the project directory (the commands' working directory); returns its name. */
const write = (name: string, rows: ReadonlyArray<string>): string => {
  fs.writeFileSync(path.join(dir, name), [HEADER, ...rows].join("\n"), "utf8")
  return name
}

interface ListedUnit {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly type: string
  readonly parent?: string
  readonly depth: number
}
const unitsOn = async (day: string): Promise<ReadonlyArray<ListedUnit>> => {
  const r = await run(["units", "--as-of", day, "--format", "json"])
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as ReadonlyArray<ListedUnit>
}
const countBy = (units: ReadonlyArray<ListedUnit>, key: (u: ListedUnit) => string) =>
  units.reduce<Record<string, number>>((acc, u) => ({ ...acc, [key(u)]: (acc[key(u)] ?? 0) + 1 }), {})

const DISTRICT_TYPES = new Set(["huyen", "quan", "thi-xa", "thanh-pho-thuoc-tinh", "thanh-pho-thuoc-tp-tw"])
const NEW_KIND = /\/2025-07-01$/

beforeAll(async () => {
  await bundled()
  dir = tempDir("hdnd-as-of-")
  await installSonLaPlugin(dir)
  db = path.join(dir, "son-la.sqlite")
  const init = await run(["init"])
  expect(init.status, init.stderr).toBe(0)
  expect(init.stderr).toContain("Dữ liệu của plugin son-la: 554 bản ghi mới")
  const imported = await run(["import", "--quiet", ...ACTIVITIES_2022_2023])
  expect(imported.status, imported.stderr).toBe(0)
}, 180_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe("hdnd units --as-of across the reform", () => {
  it("30/6/2023: the province and its 12 district-level units (1 thành phố + 11 huyện, Mộc Châu a huyện), no commune of the new kind", async () => {
    const units = await unitsOn("2023-06-30")
    expect(units[0]).toMatchObject({ id: "unit:14", name: "Tỉnh Sơn La", type: "tinh", depth: 0 })
    const districts = units.filter((u) => DISTRICT_TYPES.has(u.type))
    expect(districts).toHaveLength(12)
    expect(districts.every((u) => u.parent === "unit:14" && u.depth === 1 && /^\d{3}$/.test(u.code))).toBe(true)
    expect(countBy(districts, (u) => u.type)).toEqual({ "thanh-pho-thuoc-tinh": 1, huyen: 11 })
    expect(districts.find((u) => u.type === "thanh-pho-thuoc-tinh")?.name).toBe("Thành phố Sơn La")
    expect(districts.find((u) => u.code === "123")).toMatchObject({ id: "unit:123", name: "Huyện Mộc Châu", type: "huyen" })
    expect(units.filter((u) => NEW_KIND.test(u.id))).toEqual([])
    // The one pre-reform commune the plugin records (the old holder of code 03646) hangs under TP Sơn La.
    expect(units.filter((u) => u.depth === 2)).toEqual([expect.objectContaining({ code: "03646", name: "Phường Chiềng Lề", parent: "unit:116" })])
    expect(units).toHaveLength(14)

    const table = await run(["units", "--as-of", "30/06/2023"])
    expect(table.status, table.stderr).toBe(0)
    expect(table.stdout).toMatch(/^116 +Thành phố Sơn La +thanh-pho-thuoc-tinh +unit:116 *$/m)
    expect(table.stdout).toMatch(/^123 +Huyện Mộc Châu +huyen +unit:123 *$/m)
    expect(table.stderr).toContain("14 đơn vị vào ngày 2023-06-30")
  })

  it("1/3/2025 and 30/6/2025: still 12 district-level units, Mộc Châu now a thị xã under the same code", async () => {
    for (const day of ["2025-03-01", "2025-06-30"]) {
      const units = await unitsOn(day)
      const districts = units.filter((u) => DISTRICT_TYPES.has(u.type))
      expect(countBy(districts, (u) => u.type), day).toEqual({ "thanh-pho-thuoc-tinh": 1, "thi-xa": 1, huyen: 10 })
      expect(districts.find((u) => u.code === "123"), day).toMatchObject({ name: "Thị xã Mộc Châu", type: "thi-xa", parent: "unit:14" })
      expect(units.some((u) => u.name === "Huyện Mộc Châu"), day).toBe(false)
      expect(units.filter((u) => NEW_KIND.test(u.id)), day).toEqual([])
    }
  })

  it("1/7/2025: the 75 communes (67 xã, 8 phường) directly under the province and no district", async () => {
    const units = await unitsOn("2025-07-01")
    expect(units).toHaveLength(76)
    expect(countBy(units, (u) => u.type)).toEqual({ tinh: 1, xa: 67, phuong: 8 })
    const communes = units.filter((u) => u.type !== "tinh")
    expect(communes.every((u) => u.parent === "unit:14" && u.depth === 1 && NEW_KIND.test(u.id) && /^\d{5}$/.test(u.code))).toBe(true)
    expect(units.some((u) => DISTRICT_TYPES.has(u.type))).toBe(false)
    expect(units.some((u) => /Mộc Châu/.test(u.name) && u.type !== "phuong")).toBe(false)
    expect(units.find((u) => u.name === "Phường Mộc Châu")?.code).toBe("03980")
    // The code of phường Chiềng Lề now names phường Tô Hiệu.
    expect(units.find((u) => u.code === "03646")).toMatchObject({ id: "unit:03646/2025-07-01", name: "Phường Tô Hiệu" })

    const table = await run(["units", "--as-of", "2025-07-01", "--lang", "en"])
    expect(table.status, table.stderr).toBe(0)
    expect(table.stdout).toMatch(/^03985 +Xã Chiềng Sơn +xa +unit:03985\/2025-07-01 *$/m)
    expect(table.stdout).not.toContain("Thành phố Sơn La")
    expect(table.stderr).toContain("76 units on 2025-07-01")
  })
})

describe("hdnd stats as of 2023 over the 2022–2023 data", () => {
  const PERIOD = ["--from", "2022-08-01", "--to", "2023-08-31", "-i", "core/review.content"]
  interface Row {
    readonly indicator: string
    readonly unit?: string
    readonly level?: string
    readonly value: number
  }
  const stats = async (args: ReadonlyArray<string>): Promise<ReadonlyArray<Row>> => {
    const r = await run(["stats", ...PERIOD, ...args, "--format", "json"])
    expect(r.status, r.stderr).toBe(0)
    return JSON.parse(r.stdout) as ReadonlyArray<Row>
  }
  const sum = (rows: ReadonlyArray<Row>) => rows.reduce((n, r) => n + r.value, 0)

  it("--by unit gives one row per old district and one for the province; the district rows add up to the district level and, with the province, to the whole", async () => {
    const byUnit = await stats(["--scope", "unit:14", "--as-of", "2023-06-30", "--by", "unit"])
    const districtUnits = (await unitsOn("2023-06-30")).filter((u) => DISTRICT_TYPES.has(u.type)).map((u) => u.id)
    const districtRows = byUnit.filter((r) => r.unit !== "unit:14")
    expect(districtRows.map((r) => r.unit).sort()).toEqual([...districtUnits].sort())
    expect(districtRows.every((r) => r.value > 0)).toBe(true)
    const province = byUnit.find((r) => r.unit === "unit:14")!.value

    const byLevel = await stats(["--scope", "unit:14", "--as-of", "2023-06-30", "--by", "level"])
    expect(byLevel.find((r) => r.level === "district")?.value).toBe(sum(districtRows))
    expect(byLevel.find((r) => r.level === "province")?.value).toBe(province)
    const [whole] = await stats(["--scope", "Tỉnh Sơn La", "--as-of", "2023-06-30"])
    expect(whole?.value).toBe(sum(districtRows) + province)
    // The article's figure: 1.044 items reviewed by the district-level councils.
    expect(sum(districtRows)).toBe(1044)

    const table = await run(["stats", ...PERIOD, "--scope", "unit:14", "--as-of", "2023-06-30", "--by", "unit"])
    expect(table.stdout).toMatch(/Thành phố Sơn La +\d+/)
    expect(table.stdout).toMatch(/Huyện Mộc Châu +\d+/)
  })

  it("as of 1/7/2025 the same query has no district rows (the map of that day has none), and says which councils it leaves out", async () => {
    const byUnit = await stats(["--scope", "unit:14", "--as-of", "2025-07-01", "--by", "unit"])
    expect(byUnit.map((r) => r.unit)).toEqual(["unit:14"])
    const vi = await run(["stats", ...PERIOD, "--scope", "unit:14", "--as-of", "2025-07-01"])
    expect(vi.stderr).toMatch(/Lưu ý: 12 HĐND hoạt động trong kỳ nhưng không còn trên địa bàn vào ngày 2025-07-01 \(HĐND (huyện|thành phố) [^,]+, .*…\) nên số liệu của họ không được tính/)
    const en = await run(["stats", ...PERIOD, "--scope", "unit:14", "--as-of", "2025-07-01", "--lang", "en"])
    expect(en.stderr).toContain("Note: 12 councils active in the period are not on the map on 2025-07-01")
    // As of a day within the period nothing is left out.
    const within = await run(["stats", ...PERIOD, "--scope", "unit:14", "--as-of", "2023-06-30"])
    expect(within.stderr).not.toContain("Lưu ý")
  })
})

describe("hdnd import of activities dated across the reform", () => {
  const communeRow = "ks-chieng-son-2025-08;HĐND xã Chiềng Sơn;khảo sát;Ban Kinh tế – Ngân sách;01/08/2025;Khảo sát sau sắp xếp"
  const districtRow = "ks-mai-son-2025-08;HĐND huyện Mai Sơn;khảo sát;Ban Pháp chế;01/08/2025;Khảo sát sau sắp xếp"

  it("refuses a district council's activity dated 1/8/2025 with one bilingual problem naming the record, the council, its end date and the fix, and writes nothing of the file", async () => {
    const before = activityCount()
    const file = write("hoat-dong-2025-08.csv", [communeRow, districtRow])
    const vi = await run(["import", file])
    expect(vi.status).toBe(1)
    const problems = vi.stderr.split("\n").filter((l) => l.startsWith("  - "))
    expect(problems).toEqual([
      '  - hoat-dong-2025-08.csv:3:E (Từ ngày): Activity "ks-mai-son-2025-08" › date.from: HĐND "hdnd-huyen-mai-son" (HĐND huyện Mai Sơn) đã kết thúc hoạt động ngày 2025-06-30, trước ngày 2025-08-01 của bản ghi này, nên không ghi được hoạt động cho HĐND đó; hãy sửa ngày nếu ghi nhầm, hoặc ghi hoạt động cho HĐND đang hoạt động vào ngày 2025-08-01'
    ])
    expect(vi.stderr).toContain("cơ sở dữ liệu giữ nguyên")
    const en = await run(["import", "--lang", "en", file])
    expect(en.status).toBe(1)
    expect(en.stderr).toContain('Activity "ks-mai-son-2025-08" › date.from: council "hdnd-huyen-mai-son" (HĐND huyện Mai Sơn) ended on 2025-06-30')
    expect(en.stderr).toContain("correct the date if it is wrong, or record the activity for a council in office on 2025-08-01")
    expect(en.stderr).toContain("the database is unchanged")
    // All or nothing: the commune's row of the same file was not written either.
    expect(activityCount()).toBe(before)
  })

  it("accepts the same activity for the new commune council, and counts it under the commune as of its day", async () => {
    const before = activityCount()
    const r = await run(["import", write("hoat-dong-xa-2025-08.csv", [communeRow])])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain("1 bản ghi mới")
    expect(activityCount()).toBe(before + 1)
    const s = await run(["stats", "-i", "core/survey", "--from", "2025-07-01", "--to", "2025-12-31", "--scope", "unit:14", "--by", "unit", "--format", "json"])
    expect(s.status, s.stderr).toBe(0)
    expect(JSON.parse(s.stdout)).toEqual([expect.objectContaining({ unit: "unit:03985/2025-07-01", value: 1 })])
  })

  it("refuses an activity dated 15/6/2025 for a commune council, which begins on 1/7/2025", async () => {
    const before = activityCount()
    const r = await run(["import", write("hoat-dong-2025-06.csv", ["ks-chieng-son-2025-06;HĐND xã Chiềng Sơn;khảo sát;Ban Kinh tế – Ngân sách;15/06/2025;Khảo sát trước sắp xếp"])])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(
      'Activity "ks-chieng-son-2025-06" › date.from: HĐND "hdnd-xa-chieng-son-2025" (HĐND xã Chiềng Sơn) chỉ bắt đầu hoạt động từ ngày 2025-07-01, sau ngày 2025-06-15 của bản ghi này'
    )
    expect(activityCount()).toBe(before)
  })

  it("points an activity of huyện Mộc Châu after its change to thị xã Mộc Châu's council, which accepts it", async () => {
    const huyen = await run(["import", write("hoat-dong-moc-chau.csv", ["ks-moc-chau-2025-03;HĐND huyện Mộc Châu;khảo sát;Ban Pháp chế;01/03/2025;Khảo sát"])])
    expect(huyen.status).toBe(1)
    // The day of the change is unverified ([U] in the plugin); 1/3/2025 is after it (GSO list [V]).
    expect(huyen.stderr).toMatch(/HĐND "hdnd-huyen-moc-chau" \(HĐND huyện Mộc Châu\) đã kết thúc hoạt động ngày \d{4}-\d{2}-\d{2}, trước ngày 2025-03-01 của bản ghi này/)
    expect(huyen.stderr).toContain('vào ngày 2025-03-01: "hdnd-thi-xa-moc-chau" (HĐND thị xã Mộc Châu)')
    const thiXa = await run(["import", write("hoat-dong-thi-xa-moc-chau.csv", ["ks-moc-chau-2025-03;HĐND thị xã Mộc Châu;khảo sát;Ban Pháp chế;01/03/2025;Khảo sát"])])
    expect(thiXa.status, thiXa.stderr).toBe(0)
  })
})
