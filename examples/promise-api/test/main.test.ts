import { execFileSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

describe("promise-api example", () => {
  it("runs end to end and prints the tabulation, the report and the typed error", () => {
    const script = fileURLToPath(new URL("../src/main.ts", import.meta.url))
    const out = execFileSync(process.execPath, ["--import", "tsx", "--conditions=@hdnd/source", script], { encoding: "utf8" })
    expect(out).toContain("Đã ghi 13 bản ghi")
    expect(out).toContain("Ban Pháp chế: 1 cuộc giám sát")
    expect(out).toContain("Ban Kinh tế – Ngân sách: 1 cuộc giám sát")
    expect(out).toContain("đã thẩm tra 2 nội dung, trình 1 kỳ họp")
    expect(out).toContain("ngày không hợp lệ")
  })
})
