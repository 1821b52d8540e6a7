/**
 * Ban Pháp chế, HĐND tỉnh Hòa Bình khóa XVI, year 2017: thematic supervision and surveys the committee
 * led (not those it took part in), the sessions it helped the standing committee prepare, and the draft
 * resolutions it led the review of for session 4, imported from the CSV files in `data/` and rendered
 * with the two templates of `plugin.json` (the year; session 4).
 * Source: https://baohoabinh.com.vn/11/113985/Ban-Phap-che-HDND-tinh-trien-khai-cong-tac-nam-2018-va-ky-ket-Quy-che-phoi-hop-cong-tac.htm
 */
import { CalendarDate, DataPlugin, MemoryStore, PluginHost, Report, ReportText, Store, Tabulation, TabulationRequest } from "@hdnd/core"
import { Import } from "@hdnd/import"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { readdirSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { beforeAll, describe, expect, it } from "vitest"

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const ORDER = ["don-vi.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "hoat-dong.csv"]
const files = ORDER.map((f) => path.join(here, "data", f))
const loaded = PluginHost.load([DataPlugin.decodeSync(JSON.parse(readFileSync(path.join(here, "plugin.json"), "utf8")), { file: "plugin.json" })])
if (Result.isFailure(loaded)) throw loaded.failure
const registry = loaded.success.registry
const yearTemplate = registry.templates.get("hoa-binh/ban-phap-che-nam" as never)!
const sessionTemplate = registry.templates.get("hoa-binh/ban-phap-che-ky-hop" as never)!
const scope = TabulationRequest.subtree("vn-17" as never, CalendarDate.date("2017-12-31"))
const period = { from: CalendarDate.date("2017-01-01"), to: CalendarDate.date("2017-12-31") }
const PC = "hb.ban-phap-che"

let year: Tabulation.Tabulation
let session4: Tabulation.Tabulation
let reviewsOfYear: Tabulation.Tabulation
let text = ""

beforeAll(async () => {
  const r = await Effect.runPromise(
    Effect.gen(function* () {
      const summary = yield* Import.run(files)
      expect(summary).toMatchObject({ committed: true, rejected: 0 })
      const store = yield* Store.Store
      const year = yield* store.tabulate(Report.requestFor(yearTemplate, scope, period))
      const session4 = yield* store.tabulate(Report.requestFor(sessionTemplate, scope, period, false, ["hb.kh-4" as never]))
      const reviewsOfYear = yield* store.tabulate(Report.requestFor(sessionTemplate, scope, period))
      const a = yield* Effect.fromResult(Report.render(yearTemplate, year, store.registry, {}))
      const b = yield* Effect.fromResult(Report.render(sessionTemplate, session4, store.registry, {}))
      return { year, session4, reviewsOfYear, text: `${ReportText.toText(a)}\n${ReportText.toText(b)}` }
    }).pipe(Effect.provide(MemoryStore.layer({ registry })))
  )
  year = r.year
  session4 = r.session4
  reviewsOfYear = r.reviewsOfYear
  text = r.text.normalize("NFC").replace(/\s+/g, " ") // toText wraps lines
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
