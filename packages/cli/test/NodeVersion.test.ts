/**
 * On a Node.js older than 22.19 the bundled `hdnd` says, in one sentence, which version it needs and
 * exits with 1 — not a stack trace from better-sqlite3 or Effect. Run with an older node when one is
 * installed: `/usr/bin/node` (Node 20 on the CI image), or the one `HDND_OLD_NODE` names.
 */
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { isSupported, MINIMUM, unsupported } from "../src/NodeVersion.js"
import { baseEnv, bundled, tempDir } from "./utils/hdnd.js"

describe("NodeVersion.isSupported", () => {
  it("is true from 22.19 on", () => {
    expect(["20.20.2", "22.0.0", "22.18.9", "18.20.0", "21.99.0"].map(isSupported)).toEqual([false, false, false, false, false])
    expect(["22.19.0", "22.20.1", "23.0.0", "24.21.0", "100.0.0"].map(isSupported)).toEqual([true, true, true, true, true])
    expect(isSupported(process.versions.node)).toBe(true)
  })
})

const OLD_NODE = process.env.HDND_OLD_NODE ?? "/usr/bin/node"
const oldVersion = fs.existsSync(OLD_NODE) ? spawnSync(OLD_NODE, ["-p", "process.versions.node"], { encoding: "utf8" }).stdout?.trim() : undefined
const runnable = oldVersion !== undefined && oldVersion !== "" && !isSupported(oldVersion)
if (!runnable) console.warn(`hdnd on an old Node.js not tested: no Node.js older than ${MINIMUM} at ${OLD_NODE} (set HDND_OLD_NODE)`)

describe.skipIf(!runnable)(`the bundled hdnd on Node.js ${oldVersion} (older than ${MINIMUM})`, () => {
  const dir = tempDir("hdnd-old-node-")
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const run = async (args: ReadonlyArray<string>, env: Record<string, string> = {}) => {
    const bin = await bundled()
    return spawnSync(OLD_NODE, [bin, ...args], { cwd: dir, env: baseEnv(env), encoding: "utf8", timeout: 60_000 })
  }

  it("prints one sentence naming the version it needs, and exits 1", async () => {
    for (const args of [["--help"], ["units", "--db", path.join(dir, "x.sqlite")], ["import", "khong-co.csv"]]) {
      const r = await run(args)
      expect(r.status, r.stderr).toBe(1)
      expect(r.stdout).toBe("")
      expect(r.stderr).toBe(`hdnd cần Node.js 22.19 trở lên, nhưng đang chạy trên Node.js ${oldVersion}: hãy cài Node.js 22.19 hoặc mới hơn.\n`)
    }
    // Nothing was loaded that could have created the database.
    expect(fs.existsSync(path.join(dir, "x.sqlite"))).toBe(false)
  })

  it("in English with --lang en or an English locale", async () => {
    const sentence = `${unsupported("en", oldVersion!)}\n`
    expect(sentence).toBe(`hdnd needs Node.js 22.19 or newer, but this is Node.js ${oldVersion}: install Node.js 22.19 or later.\n`)
    expect((await run(["indicators", "--lang", "en"])).stderr).toBe(sentence)
    const locale = await run(["--version"], { LANG: "en_US.UTF-8" })
    expect([locale.status, locale.stderr]).toEqual([1, sentence])
  })
})
