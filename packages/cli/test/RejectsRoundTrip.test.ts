/**
 * The `--rejects` file can be corrected and imported again as it is (issue #16), through the real
 * `hdnd` executable on real SQLite files: a file with rows rejected while decoding (a bad date, an
 * unknown kind, an unknown council) and by cross-record validation (an unknown recommendation to
 * merge into, one id on two rows) is imported with `--skip-invalid --rejects`; the rejects file holds
 * every rejected row with its original cells in the original columns, formula-guarded, plus error
 * columns; its cells are fixed programmatically, the file is imported unchanged otherwise, and the
 * database then equals one that imported a correct file.
 */
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { hdnd, SON_LA, seededWorkspace } from "./utils/hdnd.js"

const require_ = createRequire(path.join(path.dirname(new URL(import.meta.url).pathname), "../package.json"))
const Sqlite = require_("better-sqlite3") as new (file: string, options?: { readonly?: boolean }) => {
  prepare(sql: string): { all(): ReadonlyArray<Record<string, unknown>> }
  close(): void
}
const rowsOf = (file: string, sql: string): ReadonlyArray<Record<string, unknown>> => {
  const db = new Sqlite(file, { readonly: true })
  try {
    return db.prepare(sql).all()
  } finally {
    db.close()
  }
}

const ws = seededWorkspace("hdnd-rejects-")

describe("hdnd import --rejects", () => {
  it("every rejected row (decoding and cross-record) is in the file with its own cells; fixed, the file imports as it is, and the database equals a correct import", async () => {
    const source = fs.readFileSync(path.join(SON_LA, "kien-nghi.csv"), "utf8").replace(/^\uFEFF/, "").trimEnd().split(/\r?\n/)
    const [header, ...rows] = source as [string, ...Array<string>]
    const byId = (id: string) => rows.findIndex((r) => r.startsWith(`${id},`))
    // The correct data: the example's rows, one content made formula-looking, and one more row.
    const correct = [...rows]
    correct[byId("kn-2023-03")] = correct[byId("kn-2023-03")]!.replace(",Đề nghị tập huấn", ",-Đề nghị tập huấn")
    const extra = correct[byId("kn-2023-07")]!.replace("kn-2023-07,", "kn-2023-07b,").replace(",Đề nghị hướng dẫn xử lý", ",@Đề nghị (bản thứ hai) hướng dẫn xử lý")
    correct.push(extra)
    // The same data with mistakes: fixing each gives the correct row back.
    const fixes: Array<readonly [string, string]> = [
      ["32/13/2023", "2023-10-14"], // kn-2023-03: a bad date (decoding)
      [",xyz,", ",proposal,"], // kn-2023-04: an unknown kind (decoding)
      [",hdnd-khong-co,", ",hdnd-tinh-son-la,"], // kn-2023-05: an unknown council (decoding)
      [",kn-khong-co,", ",,"] // kn-2023-06: merged into a recommendation that does not exist (cross-record)
    ]
    const bad = [...correct]
    const spoil = (id: string, from: string, to: string, nth = 0) => {
      const i = byId(id)
      const line = bad[i]!
      let at = -1
      for (let k = 0; k <= nth; k++) at = line.indexOf(from, at + 1)
      expect(at, `${id}: ${from}`).toBeGreaterThan(-1)
      bad[i] = line.slice(0, at) + to + line.slice(at + from.length)
    }
    spoil("kn-2023-03", "2023-10-14", "32/13/2023")
    spoil("kn-2023-04", ",proposal,", ",xyz,")
    spoil("kn-2023-05", ",hdnd-tinh-son-la,", ",hdnd-khong-co,")
    // "Gộp vào" is the 16th column: the 15th comma.
    const six = bad[byId("kn-2023-06")]!.split(",")
    expect(six[15]).toBe("")
    six[15] = "kn-khong-co"
    bad[byId("kn-2023-06")] = six.join(",")
    // kn-2023-07b keeps kn-2023-07's id: two rows, one id (cross-record).
    bad[bad.length - 1] = extra.replace("kn-2023-07b,", "kn-2023-07,")

    const input = ws.write("in/kien-nghi.csv", [header, ...bad, ""].join("\r\n"))
    const good = ws.write("in/kien-nghi-dung.csv", [header, ...correct, ""].join("\r\n"))
    const dbFixed = ws.copy("fixed.sqlite")
    const dbCorrect = ws.copy("correct.sqlite")
    const rejects = path.join(ws.dir, "rejects.csv")

    const first = await hdnd(ws.dir, ["import", "--db", dbFixed, "--skip-invalid", "--rejects", rejects, input])
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toContain("bỏ qua 6 dòng lỗi")
    expect(first.stderr).toContain(`${rejects} (6 dòng)`)
    const text = fs.readFileSync(rejects, "utf8")
    const lines = text.replace(/^\uFEFF/, "").split("\r\n").filter((l) => l !== "")
    // The input's own header, then the error columns.
    expect(lines[0]!.startsWith(`${header.trim()},Lỗi / Problems,Lỗi (tiếng Anh) / Problems (English),Tệp gốc / Source file,Dòng gốc / Source row,Cột lỗi / Problem columns`)).toBe(true)
    // Every rejected row, in source order, its cells as in the input (formula-looking ones guarded).
    expect(lines.slice(1).map((l) => l.slice(0, l.indexOf(",")))).toEqual(["kn-2023-03", "kn-2023-04", "kn-2023-05", "kn-2023-06", "kn-2023-07", "kn-2023-07"])
    for (const id of ["kn-2023-03", "kn-2023-04", "kn-2023-05", "kn-2023-06"]) {
      const original = bad[byId(id)]!.replace(",-Đề nghị", ",'-Đề nghị")
      expect(lines.find((l) => l.startsWith(`${id},`))!.slice(0, original.length), id).toBe(original)
    }
    expect(lines[6]).toContain(",'@Đề nghị (bản thứ hai)")
    // No cell starts a formula.
    for (const line of lines) expect(line.split(",").some((cell) => /^"?[=+@-]/.test(cell)), line).toBe(false)

    // The clerk fixes the cells the errors point at; the second kn-2023-07 gets its own id.
    let fixed = text
    for (const [from, to] of fixes) {
      expect(fixed, from).toContain(from)
      fixed = fixed.replace(from, to)
    }
    const at = fixed.lastIndexOf("\r\nkn-2023-07,")
    fixed = `${fixed.slice(0, at)}\r\nkn-2023-07b,${fixed.slice(at + "\r\nkn-2023-07,".length)}`
    fs.writeFileSync(rejects, fixed)
    const again = await hdnd(ws.dir, ["import", "--db", dbFixed, rejects])
    expect(again.status, again.stderr).toBe(0)
    expect(again.stdout).toContain("Đã nhập 6 dòng: 6 bản ghi mới")

    const direct = await hdnd(ws.dir, ["import", "--db", dbCorrect, "--quiet", good])
    expect(direct.status, direct.stderr).toBe(0)
    const all = "SELECT * FROM recommendations ORDER BY id"
    expect(rowsOf(dbFixed, all)).toHaveLength(11)
    expect(rowsOf(dbFixed, all)).toEqual(rowsOf(dbCorrect, all))
    expect(rowsOf(dbFixed, "SELECT content FROM recommendations WHERE id = 'kn-2023-03'")).toEqual([{ content: expect.stringMatching(/^-Đề nghị tập huấn/) }])
  })
})
