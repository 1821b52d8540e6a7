/**
 * One council can never read or change another council's data, on any route. The table below has
 * one case per route of `Routes.ts`: a route added without a case fails the first test. Every
 * case calls with council B's ADMIN token (the strongest), aims at council A's data, checks the
 * answer, and then checks that nothing of either council changed (records, audit log, tokens).
 *
 * The second table checks authentication and roles on every route: no token, a malformed token, a
 * revoked token (401), and a role below the route's (403), with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { recordKinds } from "../src/hdnd.js"
import type { Route } from "../src/Routes.js"
import { keyOf, routes } from "../src/Routes.js"
import type { Office } from "./utils/office.js"
import { A, B, open, sample } from "./utils/office.js"

let office: Office
let revoked: string
let aTokenId: string
const idOf = (kind: string) => (kind === "councils" ? A : `xc-${kind}`)

/** Everything both councils hold, as their own admins see it. */
const snapshot = async () => {
  const out: Record<string, unknown> = {}
  for (const [name, t] of [["A", office.tokens.A.admin], ["B", office.tokens.B.admin]] as const) {
    for (const kind of recordKinds) out[`${name} ${kind}`] = (await office.call("GET", `/${kind}`, t)).body
    out[`${name} audit`] = (await office.call("GET", "/audit?limit=1000", t)).body
    out[`${name} tokens`] = (await office.call("GET", "/tokens", t)).body
  }
  return JSON.stringify(out)
}

const b = () => office.tokens.B.admin
const pathOf = (r: Route, id = "x") => r.path.replace("{id}", id)
const csv = (text: string, name = "hoat-dong.csv") => {
  const form = new FormData()
  form.append("file", new Blob([text], { type: "text/csv" }), name)
  return form
}
const period = { from: "2023-01-01", to: "2023-12-31" }
const forbiddenScopes = [
  { _tag: "Councils", councils: [A] },
  { _tag: "Councils", councils: [A, B] },
  { _tag: "Councils", councils: [] },
  { _tag: "Subtree", unit: "vn-14", asOf: "2023-12-31" },
  { _tag: "Subtree", unit: "vn-11", asOf: "2023-12-31" }
]

type Case = (route: Route) => Promise<void>

const recordCases = (kind: string): Record<string, Case> => ({
  [`GET /${kind}`]: async (r) => {
    const res = await office.call("GET", r.path, b())
    expect(res.status).toBe(200)
    expect(res.body.items.length).toBeGreaterThan(0)
    for (const item of res.body.items) expect(kind === "councils" ? item.id : item.council).toBe(B)
    expect(JSON.stringify(res.body)).not.toContain(idOf(kind) === A ? `"id":"${A}"` : idOf(kind))
  },
  [`GET /${kind}/{id}`]: async (r) => {
    const res = await office.call("GET", pathOf(r, idOf(kind)), b())
    expect(res.status).toBe(404)
    expect(JSON.stringify(res.body)).not.toContain("Sơn La")
  },
  [`PUT /${kind}/{id}`]: async (r) => {
    // A's record, as it is.
    const theirs = await office.call("PUT", pathOf(r, idOf(kind)), b(), sample(kind, A, idOf(kind)))
    expect(theirs.status).toBe(403)
    expect(theirs.body.error.problems.length).toBeGreaterThan(0)
    // A's record changed, for A.
    const changed = { ...sample(kind, A, idOf(kind)), ...(kind === "councils" ? { name: "HĐND bị sửa" } : {}) }
    expect((await office.call("PUT", pathOf(r, idOf(kind)), b(), changed)).status).toBe(403)
    // A's id, claimed for B.
    if (kind !== "councils") {
      const claim = await office.call("PUT", pathOf(r, idOf(kind)), b(), sample(kind, B, idOf(kind)))
      expect(claim.status).toBe(403)
      expect(claim.body.error.problems.map((p: { code: string }) => p.code)).toContain("office.id-taken")
    }
  }
})

const cases: Record<string, Case> = {
  "GET /health": async (r) => {
    const res = await office.call("GET", r.path, undefined)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true })
  },
  "GET /openapi.json": async (r) => {
    const mine = await office.call("GET", r.path, b())
    const theirs = await office.call("GET", r.path, office.tokens.A.reader)
    expect(mine.status).toBe(200)
    expect(mine.body).toEqual(theirs.body)
    expect(JSON.stringify(mine.body)).not.toMatch(/xc-|hdnd-tinh-/)
  },
  "GET /me": async (r) => {
    const res = await office.call("GET", r.path, b())
    expect(res.body).toMatchObject({ council: B, role: "admin" })
  },
  ...Object.assign({}, ...recordKinds.map(recordCases)),
  "POST /imports": async (r) => {
    const header = "Mã,HĐND,Loại hoạt động,Hình thức giám sát,Thuộc thẩm quyền của,Cơ quan chủ trì,Từ ngày,Nội dung"
    // Rows for council A, in B's upload.
    const rows = `${header}\nxc-import-1,${A},giám sát,chuyên đề,sl.hdnd,sl.ban-phap-che,02/05/2023,Giám sát hộ\n`
    const res = await office.call("POST", r.path, b(), csv(rows))
    expect(res.status).toBe(422)
    expect(res.body.error.problems[0]).toMatchObject({ code: "office.other-council", file: "hoat-dong.csv", row: 2, header: "HĐND" })
    // A's existing activity, overwritten through B's upload as B's own record.
    const overwrite = `${header}\n${idOf("activities")},${B},giám sát,chuyên đề,db.hdnd,db.ban-phap-che,02/05/2023,Ghi đè\n`
    const res2 = await office.call("POST", r.path, b(), csv(overwrite))
    expect(res2.status).toBe(422)
    expect(res2.body.error.problems.map((p: { code: string }) => p.code)).toContain("office.id-taken")
    expect(res2.body.error.problems[0]).toMatchObject({ file: "hoat-dong.csv", row: 2 })
    expect((await office.call("GET", `/activities/${idOf("activities")}`, office.tokens.A.reader)).body.title).not.toBe("Ghi đè")
  },
  "POST /tabulations": async (r) => {
    for (const scope of forbiddenScopes) {
      const res = await office.call("POST", r.path, b(), { indicators: ["core/supervision"], scope, period })
      expect(res.status, JSON.stringify(scope)).toBe(403)
      expect(res.body.error.code).toBe("office.scope")
    }
  },
  "POST /drill-down": async (r) => {
    for (const scope of forbiddenScopes) {
      const res = await office.call("POST", r.path, b(), { request: { indicators: ["core/supervision"], scope, period }, indicator: "core/supervision" })
      expect(res.status, JSON.stringify(scope)).toBe(403)
    }
  },
  "GET /templates": async (r) => {
    const mine = await office.call("GET", r.path, b())
    expect(mine.body).toEqual((await office.call("GET", r.path, office.tokens.A.reader)).body)
    expect(JSON.stringify(mine.body)).not.toMatch(/hdnd-tinh-/)
  },
  "POST /reports": async (r) => {
    for (const scope of forbiddenScopes) {
      const res = await office.call("POST", r.path, b(), { template: "core/activity-summary", period, format: "html", scope })
      expect(res.status).toBe(403)
      expect(res.headers.get("content-type")).toContain("application/json")
    }
  },
  "GET /audit": async (r) => {
    const res = await office.call("GET", `${r.path}?limit=1000`, b())
    expect(res.status).toBe(200)
    expect(res.body.items.length).toBeGreaterThan(0)
    for (const e of res.body.items) expect(e.council).toBe(B)
    expect(JSON.stringify(res.body)).not.toMatch(/xc-|hdnd-tinh-son-la/)
  },
  "GET /tokens": async (r) => {
    const res = await office.call("GET", r.path, b())
    for (const t of res.body.items) expect(t.council).toBe(B)
    expect(res.body.items.map((t: { id: string }) => t.id)).not.toContain(aTokenId)
  },
  "POST /tokens": async (r) => {
    const res = await office.call("POST", r.path, b(), { role: "admin", subject: "kẻ lạ", council: A })
    expect(res.status).toBe(400)
    expect(res.body.error.problems.map((p: { field: string }) => p.field)).toContain("council")
  },
  "DELETE /tokens/{id}": async (r) => {
    const res = await office.call("DELETE", pathOf(r, aTokenId), b())
    expect(res.status).toBe(404)
    expect((await office.call("GET", "/me", office.tokens.A.reader)).status).toBe(200)
  }
}

beforeAll(async () => {
  office = await open()
  for (const kind of recordKinds) {
    const res = await office.call("PUT", `/${kind}/${idOf(kind)}`, office.tokens.A.clerk, sample(kind, A, idOf(kind)))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    // B has records of its own, so that "B sees only B" is not trivially true.
    if (kind !== "councils") expect((await office.call("PUT", `/${kind}/b-${kind}`, office.tokens.B.clerk, sample(kind, B, `b-${kind}`))).status).toBe(200)
  }
  const created = await office.call("POST", "/tokens", office.tokens.A.admin, { role: "reader", subject: "to revoke" })
  revoked = created.body.token
  expect((await office.call("DELETE", `/tokens/${created.body.id}`, office.tokens.A.admin)).status).toBe(200)
  aTokenId = (await office.call("GET", "/me", office.tokens.A.reader)).body.token
})
afterAll(() => office.close())

describe("cross-council access, on every route", () => {
  it("has a case for every route, and a route for every case", () => {
    expect(Object.keys(cases).sort()).toEqual(routes.map(keyOf).sort())
  })

  it.each(routes.map((r) => [keyOf(r), r] as const))("%s: council B cannot read or change council A's data", async (_, route) => {
    const before = await snapshot()
    await cases[keyOf(route)]!(route)
    expect(await snapshot()).toBe(before)
  })
})

describe("authentication and roles, on every route", () => {
  const guarded = routes.filter((r) => r.role !== "none")
  it("every route but /health needs a token", () => {
    expect(routes.filter((r) => r.role === "none").map(keyOf)).toEqual(["GET /health"])
  })

  it.each(guarded.map((r) => [keyOf(r), r] as const))("%s: 401 without a valid token, 403 below its role, nothing written", async (_, route) => {
    const before = await snapshot()
    const path = pathOf(route, idOf("activities"))
    const body = route.method === "GET" || route.method === "DELETE" ? undefined : {}
    for (const token of [undefined, "nope", "hdnd_0000000000000000_" + "a".repeat(43), revoked]) {
      const res = await office.call(route.method, path, token, body)
      expect(res.status, String(token)).toBe(401)
      expect(res.headers.get("www-authenticate")).toContain("Bearer")
      expect(res.body.error.vi.length).toBeGreaterThan(0)
      expect(res.body.error.en.length).toBeGreaterThan(0)
    }
    const below = route.role === "admin" ? ["reader", "clerk"] : route.role === "clerk" ? ["reader"] : []
    for (const role of below) {
      const res = await office.call(route.method, path, office.tokens.A[role as "reader"], body)
      expect(res.status, role).toBe(403)
      expect(res.body.error.code).toBe("auth.role")
    }
    expect(await snapshot()).toBe(before)
  })
})
