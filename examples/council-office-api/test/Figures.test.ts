/**
 * Figures over HTTP: a tabulation, the records behind one figure (drill-down), report downloads in
 * DOCX, XLSX and HTML (read back), and the OpenAPI document generated from the route schemas.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { routes } from "../src/Routes.js"
import * as S from "../src/Schemas.js"
import type { Office } from "./utils/office.js"
import { A, activity, conforms, open, sample } from "./utils/office.js"

let office: Office
const scope = { _tag: "Councils", councils: [A] }
const period = { from: "2023-01-01", to: "2023-12-31" }

beforeAll(async () => {
  office = await open()
  // Ban Pháp chế led 2 supervisions, Ban Kinh tế – Ngân sách 1 (joint with Ban Pháp chế); and a tally of 4 surveys for the first half-year.
  for (const [id, organisers] of [["f-1", ["sl.ban-phap-che"]], ["f-2", ["sl.ban-phap-che"]], ["f-3", ["sl.ban-ktns", "sl.ban-phap-che"]]] as const) {
    const res = await office.call("PUT", `/activities/${id}`, office.tokens.A.clerk, { ...activity(id), organisers, date: { from: "2023-09-12" } })
    expect(res.status).toBe(200)
  }
  expect((await office.call("PUT", "/tallies/f-t", office.tokens.A.clerk, { ...sample("tallies", A, "f-t"), indicator: "core/survey" })).status).toBe(200)
})
afterAll(() => office.close())

describe("tabulations and drill-down", () => {
  it("tabulates the council's records by organ, with labels", async () => {
    const res = await office.call("POST", "/tabulations", office.tokens.A.reader, { indicators: ["core/supervision"], scope, period, groupBy: ["organ"] })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    conforms(S.TabulationJson, res.body)
    const byOrgan = Object.fromEntries(res.body.rows.map((r: { key: Array<string>; value: number }) => [r.key[0], r.value]))
    expect(byOrgan["sl.ban-phap-che"]).toBe(3)
    expect(byOrgan["sl.ban-ktns"]).toBe(1)
    expect(res.body.labels["sl.ban-phap-che"].vi).toBe("Ban Pháp chế")
    const total = await office.call("POST", "/tabulations", office.tokens.A.reader, { indicators: ["core/supervision", "core/survey"], scope, period })
    const value = (indicator: string) => total.body.rows.find((r: { indicator: string }) => r.indicator === indicator).value
    // 3 itemised activities, the joint one counted once in the council view; 4 surveys reported as a number.
    expect(value("core/supervision")).toBe(3)
    expect(value("core/survey")).toBe(4)
  })

  it("drills down to the records behind a figure", async () => {
    const res = await office.call("POST", "/drill-down", office.tokens.A.reader, {
      request: { indicators: ["core/supervision"], scope, period, groupBy: ["organ"] },
      indicator: "core/supervision",
      selector: { organ: "sl.ban-ktns" }
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    conforms(S.DrillDown, res.body)
    expect(res.body.value).toBe(1)
    expect(res.body.activities.map((a: { id: string }) => a.id)).toEqual(["f-3"])
    const all = await office.call("POST", "/drill-down", office.tokens.A.reader, { request: { indicators: ["core/supervision"], scope, period }, indicator: "core/supervision" })
    expect(all.body.activities.map((a: { id: string }) => a.id)).toEqual(["f-1", "f-2", "f-3"])
    const surveys = await office.call("POST", "/drill-down", office.tokens.A.reader, { request: { indicators: ["core/survey"], scope, period }, indicator: "core/survey" })
    expect(surveys.body).toMatchObject({ value: 4, activities: [] })
    expect(surveys.body.tallies.map((t: { id: string }) => t.id)).toEqual(["f-t"])
  })

  it("bad requests: 400 with located problems", async () => {
    const res = await office.call("POST", "/tabulations", office.tokens.A.reader, { indicators: [], scope, period: { from: "2023-13-01", to: "2023-12-31" }, groupBy: ["colour"] })
    expect(res.status).toBe(400)
    const fields = res.body.error.problems.map((p: { field: string }) => p.field)
    expect(fields).toEqual(["indicators[0]", "period.from", "groupBy[0]"])
    const unknown = await office.call("POST", "/tabulations", office.tokens.A.reader, { indicators: ["core/khong-co"], scope, period })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.vi).toContain("core/khong-co")
  })
})

describe("reports", () => {
  it.each([
    ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["html", "text/html"]
  ])("downloads the activity summary as %s", async (format, type) => {
    const res = await office.call("POST", "/reports", office.tokens.A.reader, { template: "core/activity-summary", period, format, date: "2023-12-31" })
    expect(res.status, new TextDecoder().decode(res.bytes).slice(0, 500)).toBe(200)
    expect(res.headers.get("content-type")).toContain(type)
    expect(res.headers.get("content-disposition")).toContain(`bao-cao.${format}`)
    if (format === "html") {
      const html = new TextDecoder().decode(res.bytes)
      expect(html).toContain("<html")
      expect(html).toContain("giám sát")
    } else {
      expect(new TextDecoder().decode(res.bytes.subarray(0, 2))).toBe("PK")
      expect(res.bytes.length).toBeGreaterThan(2000)
    }
  })

  it("an unknown template: 404; a bad format: 400", async () => {
    expect((await office.call("POST", "/reports", office.tokens.A.reader, { template: "core/khong-co", period, format: "docx" })).status).toBe(404)
    const bad = await office.call("POST", "/reports", office.tokens.A.reader, { template: "core/activity-summary", period, format: "pdf" })
    expect(bad.status).toBe(400)
    expect(bad.body.error.problems[0].field).toBe("format")
  })

  it("lists the templates", async () => {
    const res = await office.call("GET", "/templates", office.tokens.A.reader)
    conforms(S.ListResponse(S.TemplateInfo), res.body)
    expect(res.body.items.map((t: { id: string }) => t.id)).toContain("core/activity-summary")
  })
})

describe("OpenAPI", () => {
  it("documents every route with schemas generated from the ones the routes decode with", async () => {
    const res = await office.call("GET", "/openapi.json", office.tokens.A.reader)
    const doc = res.body
    expect(doc.openapi).toBe("3.1.0")
    for (const r of routes) expect(doc.paths[r.path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined()
    // Every reference resolves.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!)
    expect(refs.length).toBeGreaterThan(20)
    for (const ref of new Set(refs)) expect(doc.components.schemas[ref], ref).toBeDefined()
    expect(JSON.stringify(doc)).not.toContain("#/$defs/")
    // The activity body is hdnd's Activity schema: its required fields and its kinds of subject.
    const put = doc.paths["/activities/{id}"].put.requestBody.content["application/json"].schema
    const activitySchema = doc.components.schemas[put.$ref.split("/").pop()]
    expect(activitySchema.required).toEqual(expect.arrayContaining(["id", "council", "kind", "owner", "organisers", "date", "title"]))
    expect(JSON.stringify(doc.components.schemas)).toContain('"draft-resolution"')
    expect(doc.paths["/health"].get.security).toEqual([])
    expect(doc.components.securitySchemes.bearer.scheme).toBe("bearer")
  })
})
