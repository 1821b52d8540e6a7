/**
 * Historic entry made easy (issue #14 item 7) through the real `hdnd` executable: the Sơn La
 * structure entered the way a clerk would, with no end date on the district-level units, councils,
 * terms and organs, imports with a notice (not an error) listing them by file and row; the database
 * then answers `units --as-of` exactly as the same files with every end written by hand; an explicit
 * end after 30/6/2025 is still refused.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bundled, hdnd, SON_LA, SON_LA_FILES, tempDir } from "./utils/hdnd.js"

const DISTRICT_TYPES = new Set(["huyen", "quan", "thi-xa", "thanh-pho-thuoc-tinh", "thanh-pho-thuoc-tp-tw"])
const STRUCTURE = ["don-vi.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv"]

let dir: string

/** A CSV as rows of fields (the structure files have no quoted commas). */
const rowsOf = (file: string): Array<Array<string>> => fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").trimEnd().split(/\r?\n/).map((l) => l.split(","))

/** The structure files with the end date of every district-level record left empty; the files and how many ends were removed. */
const withoutDistrictEnds = (into: string): { files: ReadonlyArray<string>; removed: number } => {
  const units = rowsOf(path.join(SON_LA, "don-vi.csv"))
  const districtUnits = new Set(units.filter((r) => DISTRICT_TYPES.has(r[3]!)).map((r) => r[0]!))
  const councils = rowsOf(path.join(SON_LA, "hdnd.csv"))
  const districtCouncils = new Set(councils.filter((r) => districtUnits.has(r[1]!)).map((r) => r[0]!))
  const isDistrict: Readonly<Record<string, (r: ReadonlyArray<string>) => boolean>> = {
    "don-vi.csv": (r) => districtUnits.has(r[0]!),
    "hdnd.csv": (r) => districtUnits.has(r[1]!),
    "nhiem-ky.csv": (r) => districtCouncils.has(r[1]!),
    "co-quan.csv": (r) => districtCouncils.has(r[1]!)
  }
  let removed = 0
  const files = STRUCTURE.map((name) => {
    const [header, ...rows] = rowsOf(path.join(SON_LA, name))
    const to = header!.indexOf("Đến ngày")
    const out = rows.map((r) => {
      if (!isDistrict[name]!(r) || r[to] !== "2025-06-30") return r
      removed++
      return r.map((f, i) => (i === to ? "" : f))
    })
    const file = path.join(into, name)
    fs.writeFileSync(file, [header, ...out].map((r) => r!.join(",")).join("\n") + "\n", "utf8")
    return file
  })
  return { files, removed }
}

const unitsOn = async (db: string, day: string) => {
  const r = await hdnd(dir, ["units", "--db", db, "--as-of", day, "--format", "json"])
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as ReadonlyArray<{ id: string; type: string }>
}

beforeAll(async () => {
  await bundled()
  dir = tempDir("hdnd-historic-")
}, 120_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe("hdnd import of historic district records without an end date", () => {
  it("imports with a notice listing each closed record by file and row; as-of answers equal those of the files ended by hand", async () => {
    const entered = fs.mkdtempSync(path.join(dir, "entered-"))
    const { files, removed } = withoutDistrictEnds(entered)
    expect(removed).toBeGreaterThan(40)
    const rest = SON_LA_FILES.filter((f) => !STRUCTURE.includes(path.basename(f)))
    const closedDb = path.join(dir, "closed.sqlite")
    const byHandDb = path.join(dir, "by-hand.sqlite")

    const check = await hdnd(dir, ["validate", "--db", closedDb, ...files, ...rest])
    expect(check.status, check.stderr).toBe(0)
    expect(check.stderr).toContain(`Ghi chú: ${removed} bản ghi ở cấp đã chấm dứt hoạt động`)

    const imported = await hdnd(dir, ["init", "--db", closedDb, ...files, ...rest])
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stderr).toContain(`Ghi chú: ${removed} bản ghi ở cấp đã chấm dứt hoạt động, không có ngày kết thúc, được cho kết thúc vào ngày cuối cùng của cấp đó (cấp huyện: 2025-06-30)`)
    expect(imported.stderr).toMatch(/ {2}- đơn vị hành chính "unit:116" \(.*don-vi\.csv, dòng 3\): 2008-09-03 – 2025-06-30/)
    expect(imported.stderr).toContain(`… và ${removed - 20} bản ghi khác`)
    expect(imported.stderr).not.toMatch(/lỗi|error/i)

    const byHand = await hdnd(dir, ["init", "--db", byHandDb, "--quiet", ...SON_LA_FILES])
    expect(byHand.status, byHand.stderr).toBe(0)

    for (const day of ["2016-06-01", "2024-06-30", "2025-06-30", "2025-07-01", "2026-01-01"]) {
      expect(await unitsOn(closedDb, day), day).toEqual(await unitsOn(byHandDb, day))
    }
    expect((await unitsOn(closedDb, "2024-06-30")).filter((u) => DISTRICT_TYPES.has(u.type))).toHaveLength(12)
    expect((await unitsOn(closedDb, "2026-01-01")).filter((u) => DISTRICT_TYPES.has(u.type))).toEqual([])

    const en = await hdnd(dir, ["validate", "--lang", "en", "--db", byHandDb, files[0]!])
    expect(en.status, en.stderr).toBe(0)
    expect(en.stderr).toContain("records of a level that ceased, given without an end date, were ended on the last day of that level (district level: 2025-06-30)")
  })

  it("an explicit end after 30/6/2025 is still an error", async () => {
    const file = path.join(dir, "late.csv")
    fs.writeFileSync(file, "Mã,Mã ĐVHC,Tên,Loại đơn vị,Trực thuộc,Từ ngày,Đến ngày\nunit:14,14,Tỉnh Sơn La,tinh,,2004-07-08,\nunit:199,199,Huyện Thử,huyen,unit:14,2004-07-08,2025-12-31\n")
    const r = await hdnd(dir, ["validate", "--db", path.join(dir, "late.sqlite"), file])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain("sau ngày 2025-06-30 là ngày cuối cùng của cấp huyện")
  })
})
