/**
 * Records over HTTP: create, read, list and update every record kind; bad input answered with a
 * 4xx JSON body that locates each problem in Vietnamese and English, with nothing written (read
 * back); and the audit log, which records who, when, what, before and after of every change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { recordKinds, schemaOf } from "../src/hdnd.js"
import * as S from "../src/Schemas.js"
import type { Office } from "./utils/office.js"
import { A, activity, conforms, open, sample } from "./utils/office.js"

let office: Office
beforeAll(async () => {
  office = await open()
})
afterAll(() => office.close())

const audit = async () => (await office.call("GET", "/audit?limit=1000", office.tokens.A.admin)).body.items as Array<Record<string, any>>

describe("records", () => {
  it.each(recordKinds.filter((k) => k !== "councils"))("%s: create, read, list, update, each change audited", async (kind) => {
    const id = `rec-${kind}`
    const record = sample(kind, A, id)
    const auditBefore = (await audit()).length

    const created = await office.call("PUT", `/${kind}/${id}`, office.tokens.A.clerk, record)
    expect(created.status).toBe(200)
    conforms(S.UpsertResponse(schemaOf(kind)), created.body)
    expect(created.body).toMatchObject({ inserted: 1, updated: 0, unchanged: 0, audited: 1 })

    const read = await office.call("GET", `/${kind}/${id}`, office.tokens.A.reader)
    expect(read.status).toBe(200)
    conforms(schemaOf(kind), read.body)
    expect(read.body).toMatchObject(record)

    const list = await office.call("GET", `/${kind}`, office.tokens.A.reader)
    conforms(S.ListResponse(schemaOf(kind)), list.body)
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(id)

    // The same record again changes nothing and writes no audit entry.
    expect((await office.call("PUT", `/${kind}/${id}`, office.tokens.A.clerk, record)).body).toMatchObject({ unchanged: 1, audited: 0 })

    const changedField = ["title", "name", "label", "content", "value"].find((f) => f in record)!
    const changed = { ...record, [changedField]: changedField === "value" ? 7 : "Nội dung đã sửa" }
    const updated = await office.call("PUT", `/${kind}/${id}`, office.tokens.A.clerk, changed)
    expect(updated.body).toMatchObject({ updated: 1, audited: 1 })
    expect((await office.call("GET", `/${kind}/${id}`, office.tokens.A.reader)).body[changedField]).toBe(changed[changedField])

    const entries = (await audit()).slice(auditBefore)
    expect(entries.map((e) => [e.action, e.kind, e.id, e.route, e.subject])).toEqual([
      ["insert", kind, id, `PUT /${kind}/{id}`, "A-clerk"],
      ["update", kind, id, `PUT /${kind}/{id}`, "A-clerk"]
    ])
    expect(entries[0]!.before).toBeNull()
    expect(entries[0]!.after).toMatchObject(record)
    expect(entries[1]!.before).toEqual(entries[0]!.after)
    expect(entries[1]!.after[changedField]).toBe(changed[changedField])
    for (const e of entries) {
      conforms(S.AuditEntry, e)
      expect(Date.now() - Date.parse(e.at)).toBeLessThan(60_000)
    }
  })

  it("the council's own record can be renamed, but not moved to another unit", async () => {
    const council = sample("councils", A, A)
    expect((await office.call("PUT", `/councils/${A}`, office.tokens.A.clerk, { ...council, name: "HĐND tỉnh Sơn La (khóa XV)" })).status).toBe(200)
    const moved = await office.call("PUT", `/councils/${A}`, office.tokens.A.clerk, { ...council, unit: "vn-11" })
    expect(moved.status).toBe(403)
    expect(moved.body.error.problems[0]).toMatchObject({ field: "unit", code: "office.council-unit" })
    expect((await office.call("GET", `/councils/${A}`, office.tokens.A.reader)).body.unit).toBe("vn-14")
  })

  it("lists filter by period", async () => {
    await office.call("PUT", "/activities/per-1", office.tokens.A.clerk, { ...activity("per-1"), date: { from: "2022-03-01" } })
    const ids = async (q: string) => (await office.call("GET", `/activities${q}`, office.tokens.A.reader)).body.items.map((r: { id: string }) => r.id)
    expect(await ids("?from=2022-01-01&to=2022-12-31")).toEqual(["per-1"])
    expect(await ids("?from=2023-01-01")).not.toContain("per-1")
    const bad = await office.call("GET", "/activities?from=2022-13-01", office.tokens.A.reader)
    expect(bad.status).toBe(400)
    expect(bad.body.error.problems[0].field).toBe("from")
  })
})

describe("bad input: a clear 4xx, the problems located in Vietnamese and English, nothing written", () => {
  const nothingWritten = async (id: string, auditLength: number) => {
    expect((await office.call("GET", `/activities/${id}`, office.tokens.A.reader)).status).toBe(404)
    expect((await audit()).length).toBe(auditLength)
  }

  it("a record that does not decode: 400 with every problem", async () => {
    const n = (await audit()).length
    const res = await office.call("PUT", "/activities/bad-1", office.tokens.A.clerk, {
      ...activity("bad-1"),
      date: { from: "2023-02-30" },
      organisers: [],
      colour: "đỏ"
    })
    expect(res.status).toBe(400)
    conforms(S.ErrorBody, res.body)
    expect(res.body.error).toMatchObject({ code: "decode" })
    const fields = res.body.error.problems.map((p: { field: string }) => p.field)
    expect(fields).toEqual(expect.arrayContaining(["date.from", "colour"]))
    expect(fields.some((f: string) => f.startsWith("organisers"))).toBe(true)
    for (const p of res.body.error.problems) {
      expect(p).toMatchObject({ entity: "Activity", id: "bad-1" })
      expect(p.vi).not.toBe(p.en)
      expect(p.vi.length * p.en.length).toBeGreaterThan(0)
    }
    expect(res.body.error.problems.find((p: { field: string }) => p.field === "date.from").vi).toContain("2023-02-30")
    await nothingWritten("bad-1", n)
  })

  it("a record that contradicts the stored data: 422, located, nothing written", async () => {
    const n = (await audit()).length
    const res = await office.call("PUT", "/activities/bad-2", office.tokens.A.clerk, { ...activity("bad-2"), organisers: ["sl.ban-khong-co"] })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe("validation")
    expect(res.body.error.problems[0]).toMatchObject({ entity: "Activity", id: "bad-2" })
    expect(res.body.error.problems[0].field).toMatch(/organisers/)
    await nothingWritten("bad-2", n)
  })

  it("not JSON, or the id of the path differs from the body's: 400, nothing written", async () => {
    const n = (await audit()).length
    const notJson = await office.call("PUT", "/activities/bad-3", office.tokens.A.clerk, "{ không phải JSON")
    expect(notJson.status).toBe(400)
    expect(notJson.body.error.code).toBe("json")
    const mismatch = await office.call("PUT", "/activities/bad-3", office.tokens.A.clerk, activity("bad-4"))
    expect(mismatch.status).toBe(400)
    expect(mismatch.body.error.problems[0]).toMatchObject({ field: "id", code: "office.id-mismatch" })
    await nothingWritten("bad-3", n)
    await nothingWritten("bad-4", n)
  })

  it("text is stored NFC", async () => {
    const decomposed = "Giám sát".normalize("NFD")
    await office.call("PUT", "/activities/nfc-1", office.tokens.A.clerk, activity("nfc-1", A, decomposed))
    const title = (await office.call("GET", "/activities/nfc-1", office.tokens.A.reader)).body.title
    expect(title).toBe("Giám sát".normalize("NFC"))
  })

  it("an unknown record or route: 404 JSON", async () => {
    expect((await office.call("GET", "/activities/khong-co", office.tokens.A.reader)).status).toBe(404)
    const route = await office.call("GET", "/khong-co", office.tokens.A.reader)
    expect(route.status).toBe(404)
    expect(route.body.error.code).toBe("route")
  })
})

describe("tokens", () => {
  it("an admin issues a token (secret shown once, audited), lists it, revokes it, and it stops working", async () => {
    const n = (await audit()).length
    const created = await office.call("POST", "/tokens", office.tokens.A.admin, { role: "clerk", subject: "Nguyễn Văn A" })
    expect(created.status).toBe(201)
    conforms(S.TokenCreated, created.body)
    expect((await office.call("GET", "/me", created.body.token)).body).toMatchObject({ council: A, role: "clerk", subject: "Nguyễn Văn A" })
    const listed = await office.call("GET", "/tokens", office.tokens.A.admin)
    conforms(S.ListResponse(S.TokenInfo), listed.body)
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token)
    const revoked = await office.call("DELETE", `/tokens/${created.body.id}`, office.tokens.A.admin)
    expect(revoked.body.revokedAt).not.toBeNull()
    expect((await office.call("GET", "/me", created.body.token)).status).toBe(401)
    const entries = (await audit()).slice(n)
    expect(entries.map((e) => [e.action, e.id, e.subject])).toEqual([
      ["token.create", created.body.id, "A-admin"],
      ["token.revoke", created.body.id, "A-admin"]
    ])
    expect(JSON.stringify(entries)).not.toContain(created.body.token)
  })

  it("a bad token request: 400, nothing issued", async () => {
    const n = (await office.call("GET", "/tokens", office.tokens.A.admin)).body.items.length
    const res = await office.call("POST", "/tokens", office.tokens.A.admin, { role: "boss", subject: "" })
    expect(res.status).toBe(400)
    expect(res.body.error.problems.map((p: { field: string }) => p.field).sort()).toEqual(["role", "subject"])
    expect((await office.call("GET", "/tokens", office.tokens.A.admin)).body.items.length).toBe(n)
  })
})
