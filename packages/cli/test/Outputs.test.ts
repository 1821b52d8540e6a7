/**
 * Council outputs through the real `hdnd` executable on a real SQLite file: the example in
 * `examples/council-outputs` (a fictional province: sessions, resolutions adopted, documents
 * submitted) is imported from Vietnamese CSV files and counted by period and by session.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bundled, hdnd, ROOT, tempDir } from "./utils/hdnd.js"

const DATA = path.join(ROOT, "examples/council-outputs/data")
const FILES = ["don-vi.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "nghi-quyet.csv", "van-ban-trinh.csv"].map((f) => path.join(DATA, f))
const INDICATORS = [
  "core/sessions-held",
  "core/sessions-held.regular",
  "core/sessions-held.thematic",
  "core/resolutions-adopted",
  "core/resolutions-adopted.normative",
  "core/resolutions-adopted.individual",
  "core/documents-reviewed",
  "core/documents-reviewed.report-scheme-submission",
  "core/documents-reviewed.draft-resolution"
].flatMap((i) => ["-i", i])

let dir = ""
let db = ""
const stats = async (rest: ReadonlyArray<string>): Promise<Record<string, number>> => {
  const r = await hdnd(dir, ["stats", "--db", db, ...INDICATORS, ...rest, "--format", "json"])
  expect(r.status, r.stderr).toBe(0)
  return Object.fromEntries((JSON.parse(r.stdout) as ReadonlyArray<{ indicator: string; value: number }>).map((x) => [x.indicator, x.value]))
}

beforeAll(async () => {
  await bundled()
  dir = tempDir("hdnd-outputs-")
  db = path.join(dir, "outputs.sqlite")
  const r = await hdnd(dir, ["import", "--db", db, "--quiet", ...FILES])
  expect(r.status, r.stderr).toBe(0)
}, 120_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe("hdnd stats on sessions held, resolutions adopted and documents reviewed", () => {
  it("counts a year by type, kind and group of types", async () => {
    expect(await stats(["--from", "2023-01-01", "--to", "2023-12-31"])).toEqual({
      "core/sessions-held": 2,
      "core/sessions-held.regular": 1,
      "core/sessions-held.thematic": 1,
      "core/resolutions-adopted": 5,
      "core/resolutions-adopted.normative": 2,
      "core/resolutions-adopted.individual": 3,
      "core/documents-reviewed": 7,
      "core/documents-reviewed.report-scheme-submission": 5,
      "core/documents-reviewed.draft-resolution": 2
    })
  })

  it("a period misses the documents submitted before it; --session counts what belongs to the session, whatever its date", async () => {
    const second = await stats(["--from", "2023-07-01", "--to", "2023-12-31"])
    expect(second["core/documents-reviewed"]).toBe(4)
    const session = await stats(["--from", "2023-07-01", "--to", "2023-12-31", "--session", "mh.kh-7"])
    expect(session).toEqual({
      "core/sessions-held": 1,
      "core/sessions-held.regular": 1,
      "core/resolutions-adopted": 3,
      "core/resolutions-adopted.normative": 2,
      "core/resolutions-adopted.individual": 1,
      "core/documents-reviewed": 6,
      "core/documents-reviewed.report-scheme-submission": 5,
      "core/documents-reviewed.draft-resolution": 1
    })
    const two = await stats(["--from", "2023-07-01", "--to", "2023-12-31", "--session", "mh.kh-7", "--session", "mh.kh-5"])
    expect(two["core/documents-reviewed"]).toBe(8)
    expect(two["core/sessions-held"]).toBe(2)
  })

  it("hdnd validate locates a resolution adopted outside its session's dates at its file, row and column, in Vietnamese", async () => {
    const broken = path.join(dir, "nghi-quyet.csv")
    fs.writeFileSync(broken, fs.readFileSync(path.join(DATA, "nghi-quyet.csv"), "utf8").replace("10/12/2022,Nghị quyết về dự toán", "15/12/2022,Nghị quyết về dự toán"))
    const r = await hdnd(dir, ["validate", ...FILES.slice(0, 5), broken])
    expect(r.status).not.toBe(0)
    expect(r.stderr + r.stdout).toContain('nghi-quyet.csv:2:G (Ngày thông qua): Resolution "mh.nq-30-2022" › adoptedOn: nghị quyết thông qua ngày 2022-12-15, ngoài thời gian 2022-12-08 – 2022-12-10 của kỳ họp "mh.kh-5"')
  })

  it("an unknown session is an error that names it", async () => {
    const r = await hdnd(dir, ["stats", "--db", db, "-i", "core/sessions-held", "--from", "2023-01-01", "--to", "2023-12-31", "--session", "mh.kh-99"])
    expect(r.status).not.toBe(0)
    expect(r.stderr).toContain("mh.kh-99")
  })
})

/** A data plugin with one template: documents reviewed in the period, and those of session 7 alone. */
const writeReportPlugin = (session: string): string => {
  const file = path.join(dir, `outputs-${session}.json`)
  fs.writeFileSync(file, JSON.stringify({
    name: "thu-nghiem",
    version: "1.0.0",
    coreVersion: "^0.1.0",
    vi: "Mẫu báo cáo thử",
    en: "A test template",
    templates: [{
      id: "thu-nghiem/van-ban",
      vi: "Văn bản thẩm tra",
      en: "Documents reviewed",
      title: "Báo cáo {{period}}",
      groupBy: ["council"],
      sections: [{ blocks: [{
        _tag: "Paragraph",
        text: `Đã thẩm tra {{count core/documents-reviewed}}, thông qua {{count core/resolutions-adopted}}; riêng kỳ họp này {{count core/documents-reviewed session=${session} pad=2}}.`
      }] }]
    }]
  }))
  return file
}

describe("hdnd report scoped to sessions", () => {
  const SECOND_HALF = ["--from", "2023-07-01", "--to", "2023-12-31"]
  const reportText = async (rest: ReadonlyArray<string>) => {
    const r = await hdnd(dir, ["report", "--db", db, "--plugin", writeReportPlugin("mh.kh-7"), "--template", "thu-nghiem/van-ban", ...SECOND_HALF, "--format", "md", ...rest])
    expect(r.status, r.stderr).toBe(0)
    return r.stdout.replace(/\s+/g, " ")
  }

  it("--session scopes every figure: the documents for session 7 whatever their date, as hdnd stats --session counts them", async () => {
    expect(await reportText([])).toContain("Đã thẩm tra 4 văn bản, thông qua 3 nghị quyết; riêng kỳ họp này 06 văn bản.")
    const scoped = await reportText(["--session", "mh.kh-7"])
    const counted = await stats([...SECOND_HALF, "--session", "mh.kh-7"])
    expect(scoped).toContain(`Đã thẩm tra ${counted["core/documents-reviewed"]} văn bản, thông qua ${counted["core/resolutions-adopted"]} nghị quyết`)
    expect(scoped).toContain("Đã thẩm tra 6 văn bản, thông qua 3 nghị quyết; riêng kỳ họp này 06 văn bản.")
    // Two sessions for the report; the placeholder's own session= still wins.
    expect(await reportText(["--session", "mh.kh-7", "--session", "mh.kh-5"])).toContain("Đã thẩm tra 8 văn bản, thông qua 5 nghị quyết; riêng kỳ họp này 06 văn bản.")
  })

  it("a template naming an unknown session fails, naming the placeholder and the session, and writes no report", async () => {
    const out = path.join(dir, "unknown.md")
    const r = await hdnd(dir, ["report", "--db", db, "--plugin", writeReportPlugin("mh.kh-99"), "--template", "thu-nghiem/van-ban", ...SECOND_HALF, "--format", "md", "-o", out])
    expect(r.status).not.toBe(0)
    expect(r.stderr).toContain("{{count core/documents-reviewed session=mh.kh-99 pad=2}}")
    expect(r.stderr).toContain("không có kỳ họp mh.kh-99")
    expect(fs.existsSync(out)).toBe(false)
  })
})
