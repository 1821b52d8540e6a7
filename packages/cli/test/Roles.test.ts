/**
 * `hdnd` end to end on a SQLite file: activities imported with "Cơ quan tham gia", then
 * `hdnd stats --by organ --by role`, `--led-by`, `--took-part`, `--involved`, and a report template
 * saying "chủ trì … và tham gia …".
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { hdnd, seededWorkspace } from "./utils/hdnd.js"

const ws = seededWorkspace("hdnd-roles-")
const PC = "hdnd-tinh-son-la/ban-phap-che"
const HEADER = "Mã,HĐND,Loại hoạt động,Thuộc thẩm quyền của,Cơ quan chủ trì,Cơ quan tham gia,Từ ngày,Nội dung,Hình thức giám sát"
const mission = (id: string, organisers: string, participants: string) =>
  `${id},hdnd-tinh-son-la,giám sát,hdnd-tinh-son-la/hdnd,${organisers},${participants},10/03/2024,Giám sát ${id},chuyên đề`
// In March 2024 (after the seed data), Ban Pháp chế led 3 missions and took part in 6.
const ROWS = [
  mission("vt-1", PC, ""),
  mission("vt-2", PC, "hdnd-tinh-son-la/ban-dan-toc"),
  mission("vt-3", `${PC};hdnd-tinh-son-la/ban-kinh-te-ngan-sach`, ""),
  ...[1, 2, 3].map((i) => mission(`vt-kt-${i}`, "hdnd-tinh-son-la/ban-kinh-te-ngan-sach", "Ban Pháp chế HĐND tỉnh Sơn La")),
  ...[1, 2, 3].map((i) => mission(`vt-vh-${i}`, "hdnd-tinh-son-la/ban-van-hoa-xa-hoi", `${PC};hdnd-tinh-son-la/ban-dan-toc`))
]
const PERIOD = ["--from", "01/03/2024", "--to", "31/03/2024"]

describe("hdnd: roles in activities", () => {
  it("imports participants, counts what an organ led, took part in or either, by role, and fills a template", async () => {
    const db = ws.copy("roles.sqlite")
    const file = ws.write("vai-tro/hoat-dong.csv", `${HEADER}\n${ROWS.join("\n")}\n`)
    const imported = await hdnd(ws.dir, ["import", "--db", db, file])
    expect(imported.status, imported.stderr).toBe(0)

    const stats = async (...args: ReadonlyArray<string>) => {
      const r = await hdnd(ws.dir, ["stats", "--db", db, "-i", "core/supervision", ...PERIOD, "--format", "json", ...args])
      expect(r.status, r.stderr).toBe(0)
      return JSON.parse(r.stdout) as Array<{ organ?: string; role?: string; value: number }>
    }
    const byRole = await stats("--by", "organ", "--by", "role")
    const cell = (organ: string, role: string) => byRole.find((r) => r.organ === organ && r.role === role)?.value ?? 0
    expect(cell(PC, "led")).toBe(3)
    expect(cell(PC, "took-part")).toBe(6)
    expect(cell("hdnd-tinh-son-la/ban-dan-toc", "took-part")).toBe(4)
    // Without --by role, the per-organ figure is what each organ led, as before.
    expect((await stats("--by", "organ")).find((r) => r.organ === PC)?.value).toBe(3)
    expect((await stats("--led-by", PC))[0]?.value).toBe(3)
    expect((await stats("--took-part", PC))[0]?.value).toBe(6)
    expect((await stats("--involved", PC))[0]?.value).toBe(9)
    expect((await stats("--involved", PC, "--involved", "hdnd-tinh-son-la/ban-dan-toc"))[0]?.value).toBe(9)

    // The missions Ban Pháp chế took part in, by organ and role: it took part in all 6, which others led.
    const table = await hdnd(ws.dir, ["stats", "--db", db, "-i", "core/supervision", ...PERIOD, "--by", "organ", "--by", "role", "--took-part", PC])
    expect(table.stdout).toMatch(/Vai trò/)
    expect(table.stdout).toMatch(/Ban Pháp chế HĐND tỉnh Sơn La\s+tham gia\s+6/)
    expect(table.stdout).toMatch(/Ban Kinh tế – Ngân sách HĐND tỉnh Sơn La\s+chủ trì\s+3/)
    expect(table.stdout).not.toMatch(/Ban Pháp chế HĐND tỉnh Sơn La\s+chủ trì/)

    const unknown = await hdnd(ws.dir, ["stats", "--db", db, "-i", "core/supervision", ...PERIOD, "--led-by", "ban-khong-co"])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain("ban-khong-co")

    const template = ws.write(
      "vai-tro/mau.json",
      JSON.stringify({
        id: "test/vai-tro",
        vi: "Vai trò",
        en: "Roles",
        title: "Kết quả giám sát {{period}}",
        groupBy: ["organ", "role"],
        sections: [
          {
            blocks: [
              {
                _tag: "Paragraph",
                text: `Ban Pháp chế chủ trì {{count core/supervision organ=${PC} role=led}} và tham gia {{count core/supervision organ=${PC} role=took-part}}, tổng cộng {{count core/supervision organ=${PC} role=any}}.`
              }
            ]
          }
        ]
      })
    )
    const report = await hdnd(ws.dir, ["report", "--db", db, "--template", template, ...PERIOD, "--scope", "unit:14", "--format", "md"])
    expect(report.status, report.stderr).toBe(0)
    expect(report.stdout).toContain("Ban Pháp chế chủ trì 3 cuộc và tham gia 6 cuộc, tổng cộng 9 cuộc.")
    expect(fs.existsSync(path.join(ws.dir, "vai-tro"))).toBe(true)
  })
})
