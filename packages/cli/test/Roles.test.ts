/**
 * `hdnd` end to end on a SQLite file and on PostgreSQL: activities imported with "Cơ quan tham gia", then
 * `hdnd stats --by organ --by role`, `--led-by`, `--took-part`, `--involved`, and a report template
 * saying "chủ trì … và tham gia …".
 */
import { PostgresStore } from "@hdnd/store-postgres"
import { Database } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import { randomUUID } from "node:crypto"
import { createConnection } from "node:net"
import { describe, expect, it } from "vitest"
import type { Result } from "./utils/hdnd.js"
import { hdnd, seededWorkspace, SON_LA_FILES } from "./utils/hdnd.js"

const PG_URL = process.env.HDND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"
const reachable = await new Promise<boolean>((resolve) => {
  const u = new URL(PG_URL)
  const socket = createConnection({ host: u.hostname, port: Number(u.port || 5432) })
  const done = (ok: boolean) => (socket.destroy(), resolve(ok))
  socket.setTimeout(1500, () => done(false))
  socket.once("connect", () => done(true))
  socket.once("error", () => done(false))
})
if (!reachable && process.env.CI !== undefined) throw new Error(`PostgreSQL is not reachable at ${PG_URL}; CI must run the CLI's PostgreSQL roles test`)

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

/** Imports the missions and checks every way of asking by role, with `run` running `hdnd` on one store. */
const checkRoles = async (run: (args: ReadonlyArray<string>) => Promise<Result>) => {
  const file = ws.write("vai-tro/hoat-dong.csv", `${HEADER}\n${ROWS.join("\n")}\n`)
  const imported = await run(["import", file])
  expect(imported.status, imported.stderr).toBe(0)

  const stats = async (...args: ReadonlyArray<string>) => {
    const r = await run(["stats", "-i", "core/supervision", ...PERIOD, "--format", "json", ...args])
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
  const table = await run(["stats", "-i", "core/supervision", ...PERIOD, "--by", "organ", "--by", "role", "--took-part", PC])
  expect(table.stdout).toMatch(/Vai trò/)
  expect(table.stdout).toMatch(/Ban Pháp chế HĐND tỉnh Sơn La\s+tham gia\s+6/)
  expect(table.stdout).toMatch(/Ban Kinh tế – Ngân sách HĐND tỉnh Sơn La\s+chủ trì\s+3/)
  expect(table.stdout).not.toMatch(/Ban Pháp chế HĐND tỉnh Sơn La\s+chủ trì/)

  const unknown = await run(["stats", "-i", "core/supervision", ...PERIOD, "--led-by", "ban-khong-co"])
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
  const report = await run(["report", "--template", template, ...PERIOD, "--scope", "unit:14", "--format", "md"])
  expect(report.status, report.stderr).toBe(0)
  expect(report.stdout).toContain("Ban Pháp chế chủ trì 3 cuộc và tham gia 6 cuộc, tổng cộng 9 cuộc.")
}

describe("hdnd: roles in activities", () => {
  it("imports participants, counts what an organ led, took part in or either, by role, and fills a template (SQLite)", async () => {
    const db = ws.copy("roles.sqlite")
    await checkRoles((args) => hdnd(ws.dir, [args[0] as string, "--db", db, ...args.slice(1)]))
  })

  it.skipIf(!reachable)("the same on PostgreSQL (--database-url, HDND_DATABASE_SCHEMA)", async () => {
    const schema = `hdnd_roles_${randomUUID().replace(/-/g, "").slice(0, 12)}`
    const env = { HDND_DATABASE_SCHEMA: schema, HDND_DATABASE_URL: PG_URL }
    try {
      const init = await hdnd(ws.dir, ["init", "--database-url", PG_URL, "--quiet", ...SON_LA_FILES], { HDND_DATABASE_SCHEMA: schema })
      expect(init.status, init.stderr).toBe(0)
      await checkRoles((args) => hdnd(ws.dir, args, env))
    } finally {
      await Effect.runPromise(
        Effect.gen(function* () {
          const db = yield* Database.Database
          yield* db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
        }).pipe(Effect.provide(PostgresStore.layer({ url: PG_URL, schema })), Effect.ignore)
      )
    }
  })
})
