/**
 * Import uploads over HTTP (multipart): CSV, XLSX and JSON through `@hdnd/import`, all or nothing.
 * A file with one bad row writes nothing and answers 422 with every problem located (file, row,
 * column) in Vietnamese and English; every record written is in the audit log.
 */
import { readFileSync } from "node:fs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as S from "../src/Schemas.js"
import type { Office } from "./utils/office.js"
import { A, activity, conforms, open } from "./utils/office.js"

let office: Office
beforeAll(async () => {
  office = await open()
})
afterAll(() => office.close())

const upload = (files: ReadonlyArray<readonly [string, string | Uint8Array<ArrayBuffer>]>) => {
  const form = new FormData()
  for (const [name, data] of files) form.append("file", new Blob([data]), name)
  return form
}
const HEADER = "Mã,Loại hoạt động,Hình thức giám sát,Thuộc thẩm quyền của,Cơ quan chủ trì,Từ ngày,Kỳ họp,Nội dung"
const row = (id: string, date = "02/05/2023", organiser = "Ban Pháp chế") => `${id},giám sát,chuyên đề,sl.hdnd,${organiser},${date},,Giám sát ${id}`
const audit = async () => (await office.call("GET", "/audit?limit=1000", office.tokens.A.admin)).body.items as Array<Record<string, any>>
const exists = async (id: string) => (await office.call("GET", `/activities/${id}`, office.tokens.A.reader)).status === 200

describe("imports", () => {
  it("a CSV file: rows without a council column go to the token's council; names resolve; each record audited", async () => {
    const n = (await audit()).length
    const res = await office.call("POST", "/imports", office.tokens.A.clerk, upload([["hoat-dong.csv", `\uFEFF${HEADER}\n${row("csv-1")}\n${row("csv-2")}\n`]]))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    conforms(S.ImportResponse, res.body)
    expect(res.body).toMatchObject({ committed: true, rows: 2, rejected: 0, inserted: 2 })
    const rec = (await office.call("GET", "/activities/csv-1", office.tokens.A.reader)).body
    expect(rec).toMatchObject({ council: A, organisers: ["sl.ban-phap-che"], date: { from: "2023-05-02" } })
    const entries = (await audit()).slice(n)
    expect(entries.map((e) => [e.action, e.kind, e.id, e.route])).toEqual([
      ["insert", "activities", "csv-1", "POST /imports"],
      ["insert", "activities", "csv-2", "POST /imports"]
    ])
  })

  it("an XLSX workbook (the interchange template)", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("./fixtures/activities.xlsx", import.meta.url)))
    const res = await office.call("POST", "/imports", office.tokens.A.clerk, upload([["activities.xlsx", bytes]]))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.committed).toBe(true)
    expect(res.body.inserted).toBeGreaterThan(0)
    expect(await exists("sl-2023-001")).toBe(true)
  })

  it("a JSON batch, and several files in one upload", async () => {
    const json = JSON.stringify({ activities: [activity("json-1")] })
    const res = await office.call("POST", "/imports", office.tokens.A.clerk, upload([["lo.json", json], ["hoat-dong.csv", `${HEADER}\n${row("csv-3")}\n`]]))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ committed: true, inserted: 2 })
    expect(await exists("json-1")).toBe(true)
    expect(await exists("csv-3")).toBe(true)
  })

  it("one bad row: 422 with each problem located (file, row, column), and nothing written", async () => {
    const n = (await audit()).length
    const csv = `${HEADER}\n${row("aon-1")}\n${row("aon-2", "32/13/2023")}\n${row("aon-3", "02/05/2023", "Ban Pháp")}\n`
    const res = await office.call("POST", "/imports", office.tokens.A.clerk, upload([["hoat-dong.csv", csv]]))
    expect(res.status).toBe(422)
    conforms(S.ErrorBody, res.body)
    expect(res.body.error.code).toBe("import")
    const problems = res.body.error.problems as Array<Record<string, any>>
    const date = problems.find((p) => p.id === "aon-2")
    expect(date).toMatchObject({ file: "hoat-dong.csv", row: 3, entity: "Activity" })
    expect(date!.vi).toContain("32/13/2023")
    expect(date!.en).toContain("32/13/2023")
    const organ = problems.find((p) => p.id === "aon-3")
    expect(organ).toMatchObject({ file: "hoat-dong.csv", row: 4 })
    expect(organ!.vi).toContain("Ban Pháp chế")
    for (const id of ["aon-1", "aon-2", "aon-3"]) expect(await exists(id)).toBe(false)
    expect((await audit()).length).toBe(n)
  })

  it("bad uploads: no file, an unknown entity: 400, nothing written", async () => {
    const n = (await audit()).length
    const none = await office.call("POST", "/imports", office.tokens.A.clerk, new FormData())
    expect(none.status).toBe(400)
    expect(none.body.error.code).toBe("upload")
    const entity = await office.call("POST", "/imports?entity=ghosts", office.tokens.A.clerk, upload([["x.csv", `${HEADER}\n${row("ent-1")}\n`]]))
    expect(entity.status).toBe(400)
    expect(await exists("ent-1")).toBe(false)
    expect((await audit()).length).toBe(n)
  })

  it("structure records (units) cannot be imported by a council's clerk", async () => {
    const units = JSON.stringify({ units: [{ id: "vn-99", code: "99", name: "Tỉnh Thử", type: "tinh", validity: { from: "2004-01-01" } }] })
    const res = await office.call("POST", "/imports", office.tokens.A.clerk, upload([["don-vi.json", units]]))
    expect(res.status).toBe(422)
    expect(res.body.error.problems.map((p: { code: string }) => p.code)).toContain("office.structure")
  })
})

describe("upload size", () => {
  it("a request over the limit: 413 JSON, nothing written", async () => {
    const small = await open(undefined, { maxBodyMiB: 0.01 })
    try {
      const rows = Array.from({ length: 200 }, (_, i) => row(`big-${i}`)).join("\n")
      const res = await small.call("POST", "/imports", small.tokens.A.clerk, upload([["hoat-dong.csv", `${HEADER}\n${rows}\n`]]))
      expect(res.status).toBe(413)
      expect(res.body.error.code).toBe("too-large")
      expect((await small.call("GET", "/activities/big-0", small.tokens.A.reader)).status).toBe(404)
    } finally {
      await small.close()
    }
  })
})
