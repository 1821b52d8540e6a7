/**
 * The service on PostgreSQL (`pnpm test:services`): the same HTTP scenarios as on SQLite, in a schema
 * of its own (dropped afterwards): records, an import, a tabulation, a report, cross-council
 * refusals, concurrent writers and the append-only audit log; and `src/main.ts` started with
 * `HDND_DATABASE_URL`, as the README says.
 *
 * Without a server the tests are skipped with a one-line hint, except in CI, where they fail.
 */
import * as Effect from "effect/Effect"
import { randomUUID } from "node:crypto"
import { createConnection } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { appendOnlyThroughService } from "./utils/appendOnly.js"
import type { Office } from "./utils/office.js"
import { A, activity, open } from "./utils/office.js"
import { parallelDistinct, parallelImports, parallelSameRecord } from "./utils/scenarios.js"
import { startMain } from "./utils/spawn.js"

const URL_ = process.env.HDND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"
const reachable = await new Promise<boolean>((resolve) => {
  const u = new URL(URL_)
  const socket = createConnection({ host: u.hostname, port: Number(u.port || 5432) })
  const done = (ok: boolean) => {
    socket.destroy()
    resolve(ok)
  }
  socket.setTimeout(1500, () => done(false))
  socket.once("connect", () => done(true))
  socket.once("error", () => done(false))
})
if (!reachable && process.env.CI !== undefined) throw new Error(`PostgreSQL is not reachable at ${URL_}; CI must run the council-office PostgreSQL test`)
if (!reachable) console.warn(`council-office PostgreSQL test skipped: no server at ${URL_} (set HDND_TEST_DATABASE_URL to run it)`)

const schema = `office_t_${randomUUID().replace(/-/g, "").slice(0, 12)}`
let office: Office

describe.skipIf(!reachable)("council office on PostgreSQL", () => {
  beforeAll(async () => {
    office = await open({ _tag: "postgres", url: URL_, schema })
  })
  afterAll(async () => {
    if (office === undefined) return
    await Effect.runPromise(Effect.ignore(office.server.services.db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)))
    await office.close()
  })

  it("records, an import, a tabulation and a report", async () => {
    const put = await office.call("PUT", "/activities/pg-1", office.tokens.A.clerk, activity("pg-1"))
    expect(put.body).toMatchObject({ inserted: 1, audited: 1 })
    expect((await office.call("GET", "/activities/pg-1", office.tokens.A.reader)).body.title).toContain("Giám sát")
    const form = new FormData()
    form.append("file", new Blob([`Mã,Loại hoạt động,Thuộc thẩm quyền của,Cơ quan chủ trì,Từ ngày,Nội dung\npg-2,khảo sát,sl.hdnd,Ban Pháp chế,03/03/2023,Khảo sát\n`]), "hoat-dong.csv")
    expect((await office.call("POST", "/imports", office.tokens.A.clerk, form)).body).toMatchObject({ committed: true, inserted: 1 })
    const tab = await office.call("POST", "/tabulations", office.tokens.A.reader, {
      indicators: ["core/supervision", "core/survey"],
      scope: { _tag: "Councils", councils: [A] },
      period: { from: "2023-01-01", to: "2023-12-31" }
    })
    expect(tab.body.rows.map((r: { indicator: string; value: number }) => [r.indicator, r.value])).toEqual([["core/supervision", 1], ["core/survey", 1]])
    const docx = await office.call("POST", "/reports", office.tokens.A.reader, { template: "core/activity-summary", period: { from: "2023-01-01", to: "2023-12-31" }, format: "docx" })
    expect(new TextDecoder().decode(docx.bytes.subarray(0, 2))).toBe("PK")
  })

  it("refuses another council's data", async () => {
    expect((await office.call("GET", "/activities/pg-1", office.tokens.B.admin)).status).toBe(404)
    expect((await office.call("PUT", "/activities/pg-1", office.tokens.B.admin, activity("pg-1", A, "Ghi đè"))).status).toBe(403)
    expect((await office.call("POST", "/tabulations", office.tokens.B.admin, { indicators: ["core/survey"], scope: { _tag: "Councils", councils: [A] }, period: { from: "2023-01-01", to: "2023-12-31" } })).status).toBe(403)
    expect((await office.call("GET", "/activities/pg-1", office.tokens.A.reader)).body.title).not.toBe("Ghi đè")
  })

  it("20 writers per council, each its own record", () => parallelDistinct(office, "pgpar"))
  it("20 writers of one record", () => parallelSameRecord(office, "pg-same"))
  it("20 imports, half of them with a bad row", () => parallelImports(office, "pgimp"))
  it("the audit log refuses UPDATE, DELETE and TRUNCATE", () => appendOnlyThroughService(office))

  it("src/main.ts runs on PostgreSQL when HDND_DATABASE_URL is set", async () => {
    const mainSchema = `office_m_${randomUUID().replace(/-/g, "").slice(0, 12)}`
    const child = await startMain({ HDND_DATABASE_URL: URL_, HDND_DATABASE_SCHEMA: mainSchema })
    try {
      expect(child.output()).toContain("PostgreSQL")
      const me = await fetch(`${child.url}/me`, { headers: { authorization: `Bearer ${child.tokens[`${A} reader`]}` } })
      expect(await me.json()).toMatchObject({ council: A, role: "reader" })
    } finally {
      expect(await child.stop()).toBe(0)
      await Effect.runPromise(Effect.ignore(office.server.services.db.query(`DROP SCHEMA IF EXISTS "${mainSchema}" CASCADE`)))
    }
  })
})
