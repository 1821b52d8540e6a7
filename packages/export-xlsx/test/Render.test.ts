import { ExportRender } from "@hdnd/testkit"
import { statSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { picture, PICTURES, renderOfficial } from "./utils/render.js"

const missing = ExportRender.missingTools()
const skip = missing.length > 0 && process.env.CI === undefined

// On a laptop without LibreOffice and poppler the test is skipped with its reason; in CI it fails.
describe.skipIf(skip)(`XLSX printed by LibreOffice${skip ? ` (skipped: ${missing.join(", ")} not installed)` : ""}`, () => {
  it("the official report prints: cover, table with Vietnamese grouping and totals, chart data, figures, appendix", async () => {
    expect(missing, "LibreOffice and poppler-utils are installed").toEqual([])
    const pdf = await renderOfficial()
    const pages = ExportRender.pdfPages(pdf).map((p) => p.replace(/[ \t]+/g, " "))
    expect(pages).toHaveLength(5)
    const [cover, table, charts, figures, appendix] = pages
    expect(cover).toContain("HỘI ĐỒNG NHÂN DÂN")
    expect(cover).toContain("Sơn La, ngày 04 tháng 10 năm 2023")
    expect(cover).toContain("Kỳ báo cáo: từ tháng 8/2022 đến tháng 8/2023")
    expect(cover).toContain("Lò Văn Mừng")
    // `#,##0` drawn with the reader's separators: the Vietnamese locale groups with a dot.
    expect(table).toContain("Kết quả hoạt động của các ban HĐND")
    expect(table).toMatch(/Cấp huyện 1\.044 98/)
    expect(table).toMatch(/Tổng cộng 1\.208 124/)
    expect(charts).toMatch(/Ban Kinh tế - Ngân sách 52/)
    expect(figures).toContain("117 dự thảo nghị quyết")
    expect(appendix).toContain("Dự thảo nghị quyết về giá đất")
    for (const p of PICTURES) {
      const png = picture(pdf, p)
      expect(statSync(png).size, png).toBeGreaterThan(5_000)
    }
  })
})
