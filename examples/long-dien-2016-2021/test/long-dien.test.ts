/**
 * HĐND huyện Long Điền khóa 2 (Bà Rịa – Vũng Tàu), term 2016–2021: sessions held, resolutions adopted
 * and those on important local matters (a field-based indicator declared in `plugin.json`), imported
 * from the CSV files in `data/` and rendered with the plugin's template; and the 7 delegate groups that
 * did supervision, which the data support but a template cannot print (see README).
 * Source: http://baobariavungtau.com.vn/chinh-tri/202104/hdnd-huyen-long-dien-khoa-2-nhiem-ky-2016-2021-ban-hanh-226-nghi-quyet-922997/
 */
import { CalendarDate, Tabulation, TabulationRequest } from "@hdnd/core"
import { readdirSync } from "node:fs"
import * as path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { exampleDir, registryOf, reproduce, templateOf } from "../../shared/reproduce.js"

const here = exampleDir(import.meta.url)
const ORDER = ["don-vi.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "nghi-quyet.csv", "hoat-dong.csv"]
const registry = registryOf(here)
const template = templateOf(registry, "long-dien/tong-ket-nhiem-ky")
const scope = TabulationRequest.subtree("vn-77.long-dien" as never, CalendarDate.date("2021-04-06"))
const period = { from: CalendarDate.date("2016-05-22"), to: CalendarDate.date("2021-04-06") }

let tab: Tabulation.Tabulation
let session16: Tabulation.Tabulation
let byOrgan: Tabulation.Tabulation
let text = ""

beforeAll(async () => {
  const r = await reproduce({
    dir: here,
    files: ORDER,
    registry,
    template,
    scope,
    period,
    tabulate: {
      session16: { indicators: ["core/sessions-held.thematic", "core/resolutions-adopted", "core/review.submission"] as never, scope, period, groupBy: [], sessions: ["ld.kh-16"] as never },
      byOrgan: { indicators: ["core/supervision"] as never, scope, period, groupBy: ["organ", "organKind"] }
    }
  })
  expect(r.summary).toMatchObject({ committed: true, rejected: 0 })
  ;({ tab, text } = r)
  ;({ session16, byOrgan } = r.tabs)
})

describe("examples/long-dien-2016-2021", () => {
  it("every data file is imported", () => {
    expect(readdirSync(path.join(here, "data")).sort()).toEqual([...ORDER].sort())
  })

  it("counts 16 sessions, 226 resolutions and 198 on important local matters from itemised records", () => {
    expect(Tabulation.valueOf(tab, "core/sessions-held" as never)).toMatchObject({ value: 16, tallied: 0 })
    expect(Tabulation.valueOf(tab, "core/resolutions-adopted" as never)).toMatchObject({ value: 226, tallied: 0 })
    expect(Tabulation.valueOf(tab, "long-dien/nghi-quyet-van-de-quan-trong" as never)).toMatchObject({ value: 198, tallied: 0 })
  })

  it("session 16 is a thematic session that adopted one resolution on a submission reviewed by a committee", () => {
    expect(Tabulation.valueOf(session16, "core/sessions-held.thematic" as never).value).toBe(1)
    expect(Tabulation.valueOf(session16, "core/resolutions-adopted" as never).value).toBe(1)
    expect(Tabulation.valueOf(session16, "core/review.submission" as never).value).toBe(1)
  })

  it("7 delegate groups did supervision (counted here from the organ view; a template cannot print it)", () => {
    const organ = byOrgan.dimensions.indexOf("organ")
    const groups = new Set(
      Tabulation.cellsOf(byOrgan, "core/supervision" as never, { organKind: "delegate-group" })
        .filter((c) => c.items > 0)
        .map((c) => c.key[organ])
    )
    expect(groups.size).toBe(7)
  })

  it("renders the article's sentence and headline figures", () => {
    expect(text).toContain("HĐND huyện đã tổ chức 16 kỳ họp, ban hành 226 nghị quyết, trong đó có 198 nghị quyết về các vấn đề quan trọng của địa phương.")
    expect(text).toContain("HĐND HUYỆN LONG ĐIỀN KHÓA 2, NHIỆM KỲ 2016-2021 BAN HÀNH 226 NGHỊ QUYẾT")
  })
})
