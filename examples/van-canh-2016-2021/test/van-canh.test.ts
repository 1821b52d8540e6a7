/**
 * HĐND huyện Vân Canh (Bình Định), term 2016–2021: sessions held by type, resolutions, supervision and
 * survey rounds, voter-meeting rounds with the opinions they collected, citizens received and letters,
 * imported from the CSV files in `data/`, counted with the built-in indicators and the sums declared
 * in `plugin.json`, and rendered with the plugin's template.
 * Source: https://binhdinh.dcs.vn/thanh-uy-quy-nhon/-/view-content/83986/hdnd-huyen-van-canh-tong-ket-nhiem-k-2016-2021
 */
import { CalendarDate, Tabulation, TabulationRequest } from "@hdnd/core"
import { readdirSync } from "node:fs"
import * as path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { exampleDir, registryOf, reproduce, templateOf } from "../../shared/reproduce.js"

const here = exampleDir(import.meta.url)
const ORDER = ["don-vi.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "nghi-quyet.csv", "hoat-dong.csv"]
const registry = registryOf(here)
const template = templateOf(registry, "van-canh/tong-ket-nhiem-ky")
const scope = TabulationRequest.subtree("vn-52.van-canh" as never, CalendarDate.date("2021-05-23"))
const period = { from: CalendarDate.date("2016-05-22"), to: CalendarDate.date("2021-05-23") }

let tab: Tabulation.Tabulation
let text = ""

beforeAll(async () => {
  const r = await reproduce({ dir: here, files: ORDER, registry, template, scope, period })
  expect(r.summary).toMatchObject({ committed: true, rejected: 0 })
  ;({ tab, text } = r)
})

describe("examples/van-canh-2016-2021", () => {
  it("every data file is imported", () => {
    expect(readdirSync(path.join(here, "data")).sort()).toEqual([...ORDER].sort())
  })

  it("every figure of the article comes from itemised records (no tallies)", () => {
    const v = (id: string) => {
      const x = Tabulation.valueOf(tab, id as never)
      expect(x.tallied, id).toBe(0)
      return x.value
    }
    expect(v("core/sessions-held")).toBe(12)
    expect(v("core/sessions-held.regular")).toBe(10)
    expect(v("core/sessions-held.thematic")).toBe(2)
    expect(v("core/resolutions-adopted")).toBe(99)
    expect(v("core/supervision")).toBe(23)
    expect(v("core/survey")).toBe(4)
    expect(v("core/voter-meeting")).toBe(19)
    expect(v("van-canh/y-kien-cu-tri")).toBe(391)
    expect(v("van-canh/luot-cong-dan")).toBe(179)
    expect(v("van-canh/don-thu")).toBe(261)
  })

  it("renders the article's sentences as printed (the noun 'đợt' chosen per sentence, '261đơn thư' without a space)", () => {
    expect(text).toContain(
      "Nhiệm kỳ 2016 - 2021, HĐND huyện đã tổ chức thành công 12 kỳ họp, trong đó có 10 kỳ họp thường lệ, 2 kỳ họp chuyên đề; ban hành 99 nghị quyết các loại."
    )
    expect(text).toContain("Thực hiện 23 đợt giám sát và 4 đợt khảo sát theo chuyên đề và theo yêu cầu nhiệm vụ chính trị của huyện.")
    expect(text).toContain("tổ chức được 19 đợt tiếp xúc cử tri, đã tổng hợp được 391 ý kiến, chuyển UBND huyện, lãnh đạo các phòng, ban, ngành của huyện kịp thời trả lời")
    expect(text).toContain(
      "tổ chức 179 lượt tiếp công dân, tiếp nhận 261đơn thư khiếu nại, tố cáo của công dân, kịp thời chuyển đến UBND huyện, các cơ quan hữu quan để xem xét, giải quyết theo thẩm quyền."
    )
  })
})
