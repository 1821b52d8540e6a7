/**
 * Ban Pháp chế, HĐND tỉnh Hòa Bình khóa XVI, year 2017: thematic supervision and surveys the committee
 * led (not those it took part in), the sessions it helped the standing committee prepare, and the draft
 * resolutions it led the review of for session 4, imported from the CSV files in `data/` and rendered
 * with the two templates of `plugin.json` (the year; session 4).
 * Source: https://baohoabinh.com.vn/11/113985/Ban-Phap-che-HDND-tinh-trien-khai-cong-tac-nam-2018-va-ky-ket-Quy-che-phoi-hop-cong-tac.htm
 */
import { CalendarDate, Report, Tabulation, TabulationRequest } from "@hdnd/core"
import { readdirSync } from "node:fs"
import * as path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { exampleDir, registryOf, reproduce, templateOf } from "../../shared/reproduce.js"

const here = exampleDir(import.meta.url)
const ORDER = ["don-vi.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "hoat-dong.csv"]
const registry = registryOf(here)
const yearTemplate = templateOf(registry, "hoa-binh/ban-phap-che-nam")
const sessionTemplate = templateOf(registry, "hoa-binh/ban-phap-che-ky-hop")
const scope = TabulationRequest.subtree("vn-17" as never, CalendarDate.date("2017-12-31"))
const period = { from: CalendarDate.date("2017-01-01"), to: CalendarDate.date("2017-12-31") }
const PC = "hb.ban-phap-che"

let year: Tabulation.Tabulation
let session4: Tabulation.Tabulation
let reviewsOfYear: Tabulation.Tabulation
let text = ""

beforeAll(async () => {
  // the year's template, then the session template scoped to session 4, rendered one after the other
  const r = await reproduce({
    dir: here,
    files: ORDER,
    registry,
    template: yearTemplate,
    scope,
    period,
    tabulate: {
      session4: Report.requestFor(sessionTemplate, scope, period, false, ["hb.kh-4" as never]),
      reviewsOfYear: Report.requestFor(sessionTemplate, scope, period)
    },
    render: { session4: sessionTemplate }
  })
  expect(r.summary).toMatchObject({ committed: true, rejected: 0 })
  year = r.tab
  ;({ session4, reviewsOfYear } = r.tabs)
  text = r.text
})

const v = (tab: Tabulation.Tabulation, id: string, role: "led" | "took-part") => Tabulation.valueOf(tab, id as never, { organ: PC, role }).value

describe("examples/hoa-binh-ban-phap-che-2017", () => {
  it("every data file is imported", () => {
    expect(readdirSync(path.join(here, "data")).sort()).toEqual([...ORDER].sort())
  })

  it("counts what the committee led apart from what it took part in", () => {
    expect(v(year, "core/supervision.thematic", "led")).toBe(3)
    expect(v(year, "core/supervision.thematic", "took-part")).toBe(1)
    expect(v(year, "core/survey", "led")).toBe(2)
    expect(v(year, "core/survey", "took-part")).toBe(1)
    // "Tham gia cùng TT HĐND tỉnh chuẩn bị kỳ họp thứ 4, thứ 5": two sessions, taken part in, led by the standing committee
    expect(v(year, "hoa-binh/chuan-bi-ky-hop", "took-part")).toBe(2)
    expect(v(year, "hoa-binh/chuan-bi-ky-hop", "led")).toBe(0)
    expect(Tabulation.valueOf(year, "hoa-binh/chuan-bi-ky-hop" as never, { organ: "hb.thuong-truc", role: "led" }).value).toBe(2)
  })

  it("scoped to session 4, the draft resolutions it led the review of are 3 (the year has 5)", () => {
    expect(v(session4, "core/review.draft-resolution", "led")).toBe(3)
    expect(v(session4, "core/review.draft-resolution", "took-part")).toBe(1)
    expect(v(reviewsOfYear, "core/review.draft-resolution", "led")).toBe(5)
  })

  it("renders the report's sentences, zero-padded as printed", () => {
    expect(text).toContain("Triển khai giám sát 03 chuyên đề, 02 cuộc khảo sát.")
    expect(text).toContain("Tham gia cùng TT HĐND tỉnh chuẩn bị kỳ họp thứ 4, thứ 5 HĐND tỉnh khóa XVI.")
    expect(text).toContain("Chủ trì tổ chức thẩm tra 03 dự thảo Nghị quyết trình kỳ họp thứ 4")
  })
})
