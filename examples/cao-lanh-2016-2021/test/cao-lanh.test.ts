/**
 * HĐND huyện Cao Lãnh (Đồng Tháp), term 2016–2021 up to 05/01/2021: the sessions held by type and the
 * resolutions adopted, imported from the CSV files in `data/` and rendered with `mau-bao-cao.json`.
 * Source: https://hdnd.dongthap.gov.vn/web/hdnd/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/4372289?plidlayout=559
 */
import { CalendarDate, ReportTemplate, Tabulation, TabulationRequest } from "@hdnd/core"
import * as Schema from "effect/Schema"
import { readdirSync, readFileSync } from "node:fs"
import * as path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { exampleDir, registryOf, reproduce } from "../../shared/reproduce.js"

const here = exampleDir(import.meta.url)
const ORDER = ["don-vi.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "nghi-quyet.csv"]
const registry = registryOf(here) // no plugin.json: the built-in registry
const template = Schema.decodeUnknownSync(ReportTemplate.ReportTemplate)(JSON.parse(readFileSync(path.join(here, "mau-bao-cao.json"), "utf8")))
const scope = TabulationRequest.subtree("vn-87.cao-lanh" as never, CalendarDate.date("2021-01-05"))
const period = { from: CalendarDate.date("2016-05-22"), to: CalendarDate.date("2021-01-05") }

let tab: Tabulation.Tabulation
let text = ""

beforeAll(async () => {
  const r = await reproduce({ dir: here, files: ORDER, registry, template, scope, period })
  expect(r.summary).toMatchObject({ committed: true, rejected: 0 })
  ;({ tab, text } = r)
})

describe("examples/cao-lanh-2016-2021", () => {
  it("every data file is imported", () => {
    expect(readdirSync(path.join(here, "data")).sort()).toEqual([...ORDER].sort())
  })

  it("counts 15 sessions (9 regular, 6 thematic) and 56 resolutions from the itemised records", () => {
    const v = (id: string) => Tabulation.valueOf(tab, id as never)
    expect(v("core/sessions-held")).toMatchObject({ value: 15, tallied: 0 })
    expect(v("core/sessions-held.regular").value).toBe(9)
    expect(v("core/sessions-held.thematic").value).toBe(6)
    expect(v("core/resolutions-adopted")).toMatchObject({ value: 56, tallied: 0 })
  })

  it("renders the report's sentence, with the parts zero-padded as printed (09, 06) and the total not", () => {
    expect(text).toContain(
      "Trong nhiệm kỳ, Hội đồng nhân dân Huyện đã tổ chức 15 kỳ họp (trong đó: 09 kỳ họp thường lệ và 06 kỳ họp chuyên đề), thông qua 56 Nghị quyết trên tất cả các lĩnh vực"
    )
  })
})
