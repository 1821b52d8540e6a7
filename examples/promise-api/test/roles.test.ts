import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

describe("roles example", () => {
  it("prints what Ban Pháp chế led and took part in, by organ and role, by filter and in a template sentence", () => {
    const script = fileURLToPath(new URL("../src/roles.ts", import.meta.url))
    const dir = mkdtempSync(join(tmpdir(), "hdnd-roles-example-"))
    try {
      const env = { ...process.env, HDND_SQLITE_FILE: join(dir, "hdnd.sqlite") }
      const out = execFileSync(process.execPath, ["--import", "tsx", "--conditions=@hdnd/source", script], { encoding: "utf8", env })
      expect(out).toContain("Ban Pháp chế: chủ trì 3 cuộc, tham gia 6 cuộc")
      expect(out).toContain("Ban Kinh tế – Ngân sách: chủ trì 4 cuộc, tham gia 3 cuộc")
      expect(out).toContain('{"ledBy":["sl.ban-phap-che"]}: 3')
      expect(out).toContain('{"tookPart":["sl.ban-phap-che"]}: 6')
      expect(out).toContain('{"involved":["sl.ban-phap-che"]}: 9')
      expect(out).toContain("Ban Pháp chế chủ trì 3 cuộc giám sát và tham gia 6 cuộc.")
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
