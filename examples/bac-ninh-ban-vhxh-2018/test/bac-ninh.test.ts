/**
 * Ban Văn hóa – Xã hội, HĐND tỉnh Bắc Ninh, year 2018: the sessions its reviews served, the submissions
 * it reviewed, its members' interpellation questions (a sum declared in `plugin.json`) and the number of
 * members who asked (a tally: there are no person-level records), imported from the CSV files in `data/`
 * and rendered with the plugin's template.
 * Source: http://bacninhtv.vn/tin-tuc-n4965/ban-van-hoa-xa-hoi-hdnd-tinh-trien-khai-nhiem-vu-nam-2019.html
 */
import { CalendarDate, Tabulation, TabulationRequest } from "@hdnd/core"
import { readdirSync } from "node:fs"
import * as path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { exampleDir, registryOf, reproduce, templateOf } from "../../shared/reproduce.js"

const here = exampleDir(import.meta.url)
const ORDER = ["don-vi.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "hoat-dong.csv", "so-lieu.csv"]
const registry = registryOf(here)
const template = templateOf(registry, "bac-ninh/ban-vhxh-nam")
const scope = TabulationRequest.subtree("vn-27" as never, CalendarDate.date("2018-12-31"))
const period = { from: CalendarDate.date("2018-01-01"), to: CalendarDate.date("2018-12-31") }
const VH = "bn.ban-vhxh"

let tab: Tabulation.Tabulation
let text = ""

beforeAll(async () => {
  const r = await reproduce({ dir: here, files: ORDER, registry, template, scope, period })
  expect(r.summary).toMatchObject({ committed: true, rejected: 0 })
  ;({ tab, text } = r)
})

describe("examples/bac-ninh-ban-vhxh-2018", () => {
  it("every data file is imported", () => {
    expect(readdirSync(path.join(here, "data")).sort()).toEqual([...ORDER].sort())
  })

  it("derives 04 sessions, 11 submissions and 34 questions from the committee's itemised records", () => {
    const led = (id: string) => Tabulation.valueOf(tab, id as never, { organ: VH, role: "led" })
    expect(led("core/review.sessions")).toMatchObject({ value: 4, tallied: 0 })
    expect(led("core/review.submission")).toMatchObject({ value: 11, tallied: 0 })
    expect(led("bac-ninh/cau-hoi-chat-van")).toMatchObject({ value: 34, tallied: 0 })
    // what it only took part in, and other committees' work, are not counted
    expect(Tabulation.valueOf(tab, "core/review.submission" as never, { organ: VH, role: "took-part" }).value).toBe(1)
    expect(Tabulation.valueOf(tab, "bac-ninh/cau-hoi-chat-van" as never).value).toBe(46)
  })

  it("takes the 17 members who questioned from a tally, not from records", () => {
    expect(Tabulation.valueOf(tab, "bac-ninh/thanh-vien-chat-van" as never, { organ: VH })).toMatchObject({ value: 17, tallied: 17, items: 0 })
  })

  it("renders the article's sentence, zero-padded where it pads (04) and not elsewhere", () => {
    expect(text).toContain(
      "Qua 04 kỳ họp của Hội đồng nhân dân tỉnh, Ban đã tiến hành thẩm tra 11 tờ trình chuyên đề về các lĩnh vực văn hóa, xã hội; có 17 thành viên của Ban tham gia chất vấn với tổng số 34 câu hỏi;"
    )
  })
})
