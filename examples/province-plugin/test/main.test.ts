import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

describe("the demo", () => {
  it("runs, prints the rendered report and the hearings' attribute totals, and exits 0", () => {
    const script = fileURLToPath(new URL("../src/main.ts", import.meta.url))
    const child = spawnSync(process.execPath, ["--import", "tsx", "--conditions=@hdnd/source", script], { encoding: "utf8", timeout: 120_000 })
    expect(child.stderr).toBe("")
    expect(child.status).toBe(0)
    expect(child.stdout).toContain("Đã nạp plugin / loaded plugins: da-nang@0.1.0")
    expect(child.stdout).toContain("THÀNH PHỐ ĐÀ NẴNG")
    expect(child.stdout).toContain("Số: 12/BC-HĐND")
    expect(child.stdout).toContain("BÁO CÁO KẾT QUẢ HOẠT ĐỘNG CỦA CÁC BAN HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ 6 THÁNG CUỐI NĂM 2025")
    expect(child.stdout).toContain("4 phiên giải trình chuyên đề")
    expect(child.stdout).toContain("14 lượt cơ quan giải trình / agencies, 23 nội dung cam kết / commitments, 2 phiên truyền hình trực tiếp")
    expect(child.stdout).not.toContain("{{")
  })
})
