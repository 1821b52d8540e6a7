import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { Activity, CalendarDate, Dataset, Hierarchy, Indicators, MemoryStore, Store, Tabulation, TabulationRequest, Tally, Validation } from "@hdnd/core"
import type { Ids, ReportDocument } from "@hdnd/core"
import * as SonLa from "@hdnd/province-son-la"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import {
  DISTRICT_COUNCIL_IDS,
  DISTRICT_TOTALS,
  DISTRICTS,
  PERIOD,
  PROVINCE_COUNCIL_ID,
  PROVINCE_UNIT_ID,
  districtCouncilId,
  districtUnitId,
  sonLaBatch
} from "../src/data.js"
import { AS_OF, footer, run } from "../src/run.js"
import { registry, template } from "../src/template.js"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")

/** The seed's third paragraph (the article ends it with "..."; the report ends it with "."). */
const SEED_PARAGRAPH =
  "Từ tháng 8 năm 2022 đến tháng 8 năm 2023, các ban của HĐND tỉnh và các ban của HĐND các huyện, thành phố tiếp tục đổi mới nội dung, phương thức hoạt động, chất lượng, hiệu quả hoạt động ngày càng được nâng lên và đạt được nhiều kết quả quan trọng. Các ban của HĐND tỉnh đã tổ chức thẩm tra 117 dự thảo nghị quyết và 47 báo cáo, trình 8 kỳ họp của HĐND tỉnh. Tham mưu, đề xuất đối với 54 nội dung phát sinh giữa 2 kỳ họp và 355 nội dung theo sự phân công của Thường trực HĐND tỉnh; tổ chức 3 cuộc giám sát của HĐND tỉnh, 2 cuộc giám sát của Thường trực HĐND tỉnh và 17 cuộc khảo sát, giám sát chuyên đề. Các ban của HĐND các huyện, thành phố thực hiện thẩm tra đối với 1.044 nội dung trình 24 kỳ họp thường lệ và 79 kỳ họp chuyên đề của HĐND các huyện, thành phố; tổ chức 99 cuộc khảo sát, giám sát chuyên đề, 58 cuộc giám sát định kỳ, thường xuyên; tham mưu giải quyết đối với 152 nội dung theo sự phân công của Thường trực HĐND các huyện, thành phố."

const SEED_PHRASES = [
  "Từ tháng 8 năm 2022 đến tháng 8 năm 2023",
  "117 dự thảo nghị quyết và 47 báo cáo, trình 8 kỳ họp của HĐND tỉnh",
  "54 nội dung phát sinh giữa 2 kỳ họp và 355 nội dung theo sự phân công của Thường trực HĐND tỉnh; tổ chức 3 cuộc giám sát của HĐND tỉnh, 2 cuộc giám sát của Thường trực HĐND tỉnh và 17 cuộc khảo sát, giám sát chuyên đề",
  "1.044 nội dung trình 24 kỳ họp thường lệ và 79 kỳ họp chuyên đề",
  "1.044 nội dung",
  "99 cuộc khảo sát, giám sát chuyên đề, 58 cuộc giám sát định kỳ, thường xuyên",
  "152 nội dung theo sự phân công của Thường trực HĐND các huyện, thành phố"
]

const render = (batch: Dataset.Batch) => Effect.runPromise(run(batch))

const resultsParagraph = (doc: ReportDocument.ReportDocument): string => {
  const block = doc.sections[0]?.blocks[0]
  if (block?._tag !== "Paragraph") throw new Error("the first block of the report is not a paragraph")
  return block.text
}

const activities = (batch: Dataset.Batch): ReadonlyArray<Activity.Activity> => batch.activities ?? []
const tallies = (batch: Dataset.Batch): ReadonlyArray<Tally.Tally> => batch.tallies ?? []

describe("Sơn La committee report, Aug 2022 – Aug 2023", () => {
  it("reproduces the seed paragraph word for word", async () => {
    const { doc } = await render(sonLaBatch())
    const text = resultsParagraph(doc)
    expect(text).toBe(SEED_PARAGRAPH.normalize("NFC"))
    for (const phrase of SEED_PHRASES) expect(text).toContain(phrase)
  })

  it("renders the official frame, the title and a table by level", async () => {
    const { doc } = await render(sonLaBatch())
    expect(doc.template).toBe(template.id)
    expect(doc.title).toBe("Báo cáo kết quả hoạt động của các ban HĐND tỉnh và các ban HĐND các huyện, thành phố từ tháng 8 năm 2022 đến tháng 8 năm 2023")
    expect(doc.header?.number).toBe("Số: 85/BC-HĐND")
    expect(doc.header?.issuingBody).toEqual(["HỘI ĐỒNG NHÂN DÂN", "TỈNH SƠN LA"])
    expect(doc.header?.signatureTitle).toEqual(["TM. THƯỜNG TRỰC HĐND", "PHÓ CHỦ TỊCH"])
    const table = doc.sections[1]?.blocks[0]
    expect(table?._tag).toBe("Table")
    if (table?._tag !== "Table") return
    const row = (label: string) => table.rows.find((r) => r[0]?.text === label)?.map((c) => c.value)
    expect(row("cấp tỉnh")).toEqual([undefined, 164, 2, 6, 17, 0, 355])
    expect(row("cấp huyện")).toEqual([undefined, 1044, 24, 79, 99, 58, 152])
    expect(table.total?.map((c) => c.value)).toEqual([undefined, 1208, 26, 85, 116, 58, 507])
  })

  it("computes the figures: one province report review fewer gives 46 báo cáo", async () => {
    const batch = sonLaBatch()
    const victim = activities(batch).find((a) => a.council === PROVINCE_COUNCIL_ID && a.subject === "report")
    expect(victim).toBeDefined()
    const { doc } = await render({ ...batch, activities: activities(batch).filter((a) => a !== victim) })
    const text = resultsParagraph(doc)
    expect(text).toContain("117 dự thảo nghị quyết và 46 báo cáo, trình 8 kỳ họp của HĐND tỉnh")
    expect(text).not.toContain("47 báo cáo")
  })

  it("computes the figures: changing one district tally changes the district total", async () => {
    const batch = sonLaBatch()
    const quynhNhai = districtCouncilId("118")
    const changed = tallies(batch).map((t) =>
      t.council === quynhNhai && t.indicator === Indicators.ids.reviewContent ? new Tally.Tally({ ...t, value: t.value + 5 }) : t)
    const { doc } = await render({ ...batch, tallies: changed })
    const text = resultsParagraph(doc)
    expect(text).toContain("thẩm tra đối với 1.049 nội dung trình 24 kỳ họp thường lệ")
    expect(text).not.toContain("1.044")
  })

  it("has no item/tally conflicts and no unapportioned tallies", async () => {
    const { tab } = await render(sonLaBatch())
    expect(Tabulation.conflicts(tab)).toEqual([])
    expect([...tab.unapportioned]).toEqual([])
  })

  it("passes validation and writes every record", async () => {
    const batch = sonLaBatch()
    expect(Validation.validateBatch(Dataset.empty, batch, registry).map((p) => p.describe("en"))).toEqual([])
    const { written } = await render(batch)
    expect(written).toEqual({ inserted: Dataset.batchSize(batch), updated: 0, unchanged: 0 })
  })

  it("takes every figure of the document from the tabulation", async () => {
    const { doc, tab } = await render(sonLaBatch())
    expect(doc.figures.length).toBe(14)
    for (const f of doc.figures) {
      expect(Tabulation.valueOf(tab, f.indicator as Ids.IndicatorId, f.where).value, f.placeholder).toBe(f.value)
    }
  })

  it("traces figures back to records", async () => {
    const result = await render(sonLaBatch())
    const records = Tabulation.recordsOf(result.tab, Indicators.ids.reviewReport, { level: "province" })
    expect(records.activities).toHaveLength(47)
    expect(records.tallies).toEqual([])
    const text = footer(result)
    expect(text).toContain("Xung đột giữa số liệu chi tiết và số liệu tổng hợp: không có.")
    expect(text).toContain(records.activities.slice(0, 3).join(", "))
  })

  it("reports validation failures with a bilingual message", async () => {
    const batch = sonLaBatch()
    const broken = activities(batch).map((a, i) => (i === 0 ? new Activity.Activity({ ...a, subject: undefined }) : a))
    const error = await Effect.runPromise(Effect.flip(run({ ...batch, activities: broken })))
    expect(error._tag).toBe("ValidationError")
    expect(error.message).toContain("Dữ liệu không nhất quán")
    expect(error.message).toContain("Inconsistent data")
    expect(error.message).toContain(broken[0]?.id ?? "?")
  })
})

describe("the Sơn La dataset", () => {
  it("is deterministic", () => {
    expect(JSON.stringify(sonLaBatch())).toBe(JSON.stringify(sonLaBatch()))
  })

  it("has the 12 real district-level units of 2023, all ending by 30/6/2025 and abolished on 1/7/2025", () => {
    const batch = sonLaBatch()
    const hierarchy = Hierarchy.make(batch.units ?? [], batch.lineage ?? [])
    const districts = hierarchy.children(PROVINCE_UNIT_ID, AS_OF)
    expect(districts.map((u) => u.code)).toEqual(["116", "118", "119", "120", "121", "122", "123", "124", "125", "126", "127", "128"])
    expect(districts.filter((u) => u.type === "huyen")).toHaveLength(11)
    expect(DISTRICTS.map((x) => districtUnitId(x.code))).toEqual(districts.map((u) => u.id))
    // Every district-level version (Mộc Châu as a huyện, then a thị xã) ends by 30/6/2025.
    const versions = (batch.units ?? []).filter((u) => u.level === "district")
    expect(versions.every((u) => u.validity.to !== undefined && u.validity.to <= "2025-06-30")).toBe(true)
    const lastDay = hierarchy.asOf(CalendarDate.date("2025-06-30")).filter((u) => u.level === "district")
    expect(lastDay).toHaveLength(12)
    const abolish = (batch.lineage ?? []).find((e) => e.kind === "abolish")
    expect(abolish?.date).toBe("2025-07-01")
    expect([...(abolish?.sources ?? [])].sort()).toEqual(lastDay.map((u) => u.id).sort())
    expect(hierarchy.asOf(CalendarDate.date("2025-07-01")).map((u) => u.code)).toEqual(["14"])
  })

  it("takes its structure from @hdnd/province-son-la, without the communes of 1/7/2025", () => {
    const batch = sonLaBatch()
    const plugin = SonLa.batch
    for (const kind of ["units", "lineage", "councils", "terms", "organs"] as const) {
      const mine = (batch[kind] ?? []) as ReadonlyArray<unknown>
      expect(mine.length, kind).toBeGreaterThan(0)
      expect(mine.every((r) => (plugin[kind] as ReadonlyArray<unknown>).includes(r)), kind).toBe(true)
    }
    expect((batch.units ?? []).filter((u) => u.level === "commune")).toEqual([])
    expect(batch.councils).toHaveLength(14)
    expect(batch.organs).toHaveLength(6 + 13 * 4)
  })

  it("serves exactly 8 provincial sessions, each by at least one review", () => {
    const batch = sonLaBatch()
    const reviews = activities(batch).filter((a) => a.council === PROVINCE_COUNCIL_ID && a.kind === "review")
    const served = new Set(reviews.map((a) => a.session))
    const sessions = (batch.sessions ?? []).filter((s) => s.council === PROVINCE_COUNCIL_ID)
    expect(sessions).toHaveLength(8)
    expect([...served].sort()).toEqual(sessions.map((s) => s.id).sort())
    expect(sessions.filter((s) => s.type === "regular").map((s) => s.ordinal).sort()).toEqual([6, 7])
    const joint = activities(batch).filter((a) => a.council === PROVINCE_COUNCIL_ID && a.owner.endsWith("/hdnd") && a.organisers.length > 1)
    expect(joint.length).toBeGreaterThanOrEqual(1)
  })

  it("splits the district totals over the 12 councils, each reported either itemised or as tallies", async () => {
    const batch = sonLaBatch()
    const sum = (f: (x: (typeof DISTRICTS)[number]["figures"]) => number) => DISTRICTS.reduce((acc, x) => acc + f(x.figures), 0)
    expect(sum((f) => f.reviewContent)).toBe(DISTRICT_TOTALS.reviewContent)
    expect(DISTRICTS.length * 2).toBe(DISTRICT_TOTALS.regularSessions)
    expect(sum((f) => f.thematicSessions)).toBe(DISTRICT_TOTALS.thematicSessions)
    expect(sum((f) => f.surveys)).toBe(DISTRICT_TOTALS.surveys)
    expect(sum((f) => f.periodicOngoing)).toBe(DISTRICT_TOTALS.periodicOngoing)
    expect(sum((f) => f.advisoryAssigned)).toBe(DISTRICT_TOTALS.advisoryAssigned)
    expect(new Set(DISTRICTS.map((x) => x.figures.reviewContent)).size).toBeGreaterThan(6)

    const withItems = new Set(activities(batch).map((a) => a.council))
    const withTallies = new Set(tallies(batch).map((t) => t.council))
    expect(DISTRICT_COUNCIL_IDS.filter((c) => withItems.has(c) && withTallies.has(c))).toEqual([])
    expect(DISTRICT_COUNCIL_IDS.filter((c) => withItems.has(c))).toEqual([districtCouncilId("116"), districtCouncilId("125")])
    expect(tallies(batch)).toHaveLength(60)

    // Each council's own figures, whether itemised or tallied, match its row of the split.
    const indicators = [
      Indicators.ids.reviewContent,
      Indicators.ids.reviewSessionsRegular,
      Indicators.ids.reviewSessionsThematic,
      Indicators.ids.surveyThematicSupervision,
      Indicators.ids.supervisionPeriodicOngoing,
      Indicators.ids.advisoryAssigned
    ] as const
    const tab = await Effect.runPromise(
      Effect.gen(function* () {
        const store = yield* Store.Store
        yield* store.upsert(batch)
        return yield* store.tabulate({
          indicators: [...indicators],
          scope: TabulationRequest.subtree(PROVINCE_UNIT_ID, AS_OF, ["district"]),
          period: PERIOD,
          groupBy: ["council"]
        })
      }).pipe(Effect.provide(MemoryStore.layer({ registry })))
    )
    for (const x of DISTRICTS) {
      const council = districtCouncilId(x.code)
      const f = x.figures
      const expected = [f.reviewContent, 2, f.thematicSessions, f.surveys, f.periodicOngoing, f.advisoryAssigned]
      expect(indicators.map((i) => Tabulation.valueOf(tab, i, { council }).value), council).toEqual(expected)
    }
  })
})

describe("the demo script", () => {
  it("runs end to end on a SQLite file and prints the report", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hdnd-demo-"))
    const file = path.join(dir, "hdnd.sqlite")
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", "--conditions=@hdnd/source", "examples/son-la-2023/src/main.ts"],
      { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, HDND_SQLITE_FILE: file } }
    )
    expect(existsSync(file)).toBe(true)
    rmSync(dir, { recursive: true, force: true })
    expect(child.stderr).toBe("")
    expect(child.status).toBe(0)
    // Paragraphs are wrapped at 100 columns, so a phrase may span two lines.
    const stdout = child.stdout.replace(/\s+/g, " ")
    expect(stdout).toContain("117 dự thảo nghị quyết")
    expect(stdout).toContain("1.044 nội dung")
    expect(child.stdout).toContain("Số: 85/BC-HĐND")
    expect(child.stdout).toContain("Sơn La, ngày 14 tháng 10 năm 2023")
    expect(child.stdout).toContain("Xung đột giữa số liệu chi tiết và số liệu tổng hợp: không có.")
  })
})
