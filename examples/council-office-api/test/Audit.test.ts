/**
 * The audit log: read by admins page by page, and append-only in the database itself (a trigger
 * refuses UPDATE and DELETE from any connection, not only from this service).
 */
import { DatabaseSync } from "node:sqlite"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as S from "../src/Schemas.js"
import { appendOnlyThroughService } from "./utils/appendOnly.js"
import type { Office } from "./utils/office.js"
import { activity, conforms, open } from "./utils/office.js"

let office: Office
beforeAll(async () => {
  office = await open()
  for (let i = 0; i < 5; i++) expect((await office.call("PUT", `/activities/au-${i}`, office.tokens.A.clerk, activity(`au-${i}`))).status).toBe(200)
})
afterAll(() => office.close())

describe("audit log", () => {
  it("pages with after and limit, oldest first", async () => {
    const all = (await office.call("GET", "/audit?limit=1000", office.tokens.A.admin)).body
    conforms(S.ListResponse(S.AuditEntry), all)
    const seqs = all.items.map((e: { seq: number }) => e.seq)
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b))
    const page = (await office.call("GET", `/audit?after=${seqs[1]}&limit=2`, office.tokens.A.admin)).body.items
    expect(page.map((e: { seq: number }) => e.seq)).toEqual(seqs.slice(2, 4))
    const setup = all.items.filter((e: { subject: string }) => e.subject === "setup")
    expect(setup.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(["councils", "organs", "tokens"]))
    expect((await office.call("GET", "/audit?limit=-1", office.tokens.A.admin)).status).toBe(400)
  })

  it("refuses UPDATE and DELETE through the service's own connection", () => appendOnlyThroughService(office))

  it("refuses UPDATE and DELETE from another SQLite connection too, and still takes new entries", async () => {
    const db = new DatabaseSync(office.file!)
    try {
      const n = (db.prepare("SELECT COUNT(*) AS n FROM office_audit").get() as { n: number }).n
      expect(() => db.exec("UPDATE office_audit SET after_json = NULL")).toThrow(/append-only/)
      expect(() => db.exec("DELETE FROM office_audit WHERE seq = 1")).toThrow(/append-only/)
      expect((db.prepare("SELECT COUNT(*) AS n FROM office_audit").get() as { n: number }).n).toBe(n)
    } finally {
      db.close()
    }
    expect((await office.call("PUT", "/activities/au-after", office.tokens.A.clerk, activity("au-after"))).body.audited).toBe(1)
  })
})
