/**
 * The command line itself, through the bundled executable: a command's `--help` loads the command
 * tree only (not @hdnd/core, nor a database driver: it stays fast), `hdnd --help` not even that (it
 * is cached at build time; HelpCache.test.ts checks the cache against the tree), `--version`, a
 * command that needs a subcommand, and arguments effect/cli rejects (exit 1, what is wrong on
 * stderr, nothing on stdout).
 */
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { baseEnv, bundled, hdnd, tempDir } from "./utils/hdnd.js"

const dir = tempDir("hdnd-help-")
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** The files of the bundle a run of `hdnd args…` loads. */
const loadedBy = async (args: ReadonlyArray<string>): Promise<ReadonlyArray<string>> => {
  const bin = await bundled()
  const hook = path.join(dir, "hook.mjs")
  fs.writeFileSync(
    hook,
    `import { registerHooks } from "node:module"
registerHooks({ load(url, context, next) { if (url.startsWith("file:")) process.stderr.write("LOADED " + url + "\\n"); return next(url, context) } })
`
  )
  const r = spawnSync(process.execPath, ["--import", pathToFileURL(hook).href, bin, ...args], { cwd: dir, env: baseEnv(), encoding: "utf8" })
  expect(r.status, r.stderr).toBe(0)
  return r.stderr
    .split("\n")
    .filter((l) => l.startsWith("LOADED "))
    .map((l) => fileURLToPath(l.slice("LOADED ".length)))
}

/** Whether a bundled file holds @hdnd/core's code (its built-in report template). */
const holdsCore = (file: string) => fs.readFileSync(file, "utf8").includes('"core/activity-summary"')

/** Whether a bundled file holds the command tree (effect/cli's own help text). */
const holdsCommandTree = (file: string) => fs.readFileSync(file, "utf8").includes("Show version information")

describe("hdnd --help", () => {
  it("a command's help loads the command tree, not @hdnd/core nor better-sqlite3", async () => {
    const help = await loadedBy(["units", "--help"])
    expect(help.filter(holdsCommandTree)).not.toEqual([])
    expect(help.filter(holdsCore)).toEqual([])
    expect(help.filter((f) => f.includes("better-sqlite3"))).toEqual([])
    // The check is real: a command that runs loads the core.
    expect((await loadedBy(["indicators", "--format", "json"])).filter(holdsCore)).not.toEqual([])
  })

  it("hdnd --help and --version load neither: they are answered from the cache written by the bundler", async () => {
    for (const args of [["--help"], ["-h", "--lang", "en"], [], ["--version"]]) {
      const loaded = await loadedBy(args)
      expect(loaded.length, args.join(" ")).toBeGreaterThan(0)
      expect(loaded.filter(holdsCommandTree), args.join(" ")).toEqual([])
      expect(loaded.filter(holdsCore), args.join(" ")).toEqual([])
    }
  })

  it("every command has help in both languages", async () => {
    for (const command of [["init"], ["import"], ["validate"], ["stats"], ["report"], ["recommendations", "list"], ["recommendations", "stats"], ["recommendations", "report"], ["programme", "progress"], ["programme", "draft"], ["indicators"], ["templates"], ["units"], ["plugins"]]) {
      const vi = await hdnd(dir, [...command, "--help"])
      expect(vi.status, vi.stderr).toBe(0)
      expect(vi.stdout).toContain(`hdnd ${command.join(" ")}`)
      expect(vi.stdout).toContain("không in tiến độ và thông báo phụ")
      const en = await hdnd(dir, [...command, "-h", "--lang", "en"])
      expect(en.stdout).toContain("no progress or side messages")
    }
  })
})

describe("hdnd without a command, --version, bad arguments", () => {
  it("--version prints the version", async () => {
    const r = await hdnd(dir, ["--version"])
    expect([r.status, r.stdout]).toEqual([0, "0.1.0\n"])
  })

  it("a command that needs a subcommand shows its help (exit 0)", async () => {
    const root = await hdnd(dir, [])
    expect(root.status).toBe(0)
    expect(root.stdout).toContain("recommendations")
    const programme = await hdnd(dir, ["programme"], { LANG: "en_US.UTF-8" })
    expect(programme.status).toBe(0)
    expect(programme.stdout).toContain("annual work programmes")
  })

  it("an unknown command, option or choice, or a missing option: exit 1, the problem on stderr, nothing on stdout", async () => {
    const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
      [["khong-co-lenh"], "khong-co-lenh"],
      [["units", "--khong-co"], "--khong-co"],
      [["indicators", "--format", "pdf"], "pdf"],
      [["stats", "-i", "core/review.content", "--from", "2023-01-01"], "--to"],
      [["import", "--batch-size", "nhieu", "x.csv"], "--batch-size"]
    ]
    for (const [args, named] of cases) {
      const r = await hdnd(dir, args)
      expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(1)
      expect(r.stdout).toBe("")
      expect(r.stderr).toMatch(/^Lỗi: /)
      expect(r.stderr).toContain(named)
      expect(r.stderr).toContain("--help")
    }
    const en = await hdnd(dir, ["units", "--khong-co", "--lang", "en"])
    expect(en.stderr).toMatch(/^Error: .*\n[^]*See "hdnd units --help"\.\n$/)
  })
})
