/**
 * `hdnd --help` and `--version` are answered from `help.json`, written by the bundler from the
 * bundle's own output (src/HelpCache.ts). These tests check that the cached answers are exactly what
 * the command tree prints — stdout, stderr and exit code, in both languages, with and without
 * colours, for every form of the arguments the cache answers — by running a bundle with the cache
 * and one without it; and which arguments the cache answers.
 */
import { fc, test } from "@fast-check/vitest"
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import * as HelpCache from "../src/HelpCache.js"
import { baseEnv, bundled, tempDir } from "./utils/hdnd.js"

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const dir = tempDir("hdnd-help-cache-")
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe("HelpCache.request", () => {
  it("answers hdnd, --help, -h, --version, -v, with at most one --lang vi|en", () => {
    const help = [[], ["--help"], ["-h"], ["--help", "--lang", "en"], ["--lang", "vi", "-h"], ["--lang=en", "--help"], ["-h", "--lang=vi"]]
    const version = [["--version"], ["-v"], ["--version", "--lang", "en"], ["--lang=vi", "-v"]]
    const neither = [
      ["--lang", "en"], // an error in the command tree
      ["--lang=vi"],
      ["stats", "--help"],
      ["--help", "--version"],
      ["--help", "--lang", "fr"],
      ["--help", "--lang", "en", "--lang", "vi"],
      ["--help", "--lang"],
      ["--helps"],
      ["units"]
    ]
    expect(help.map(HelpCache.request)).toEqual(help.map(() => "help"))
    expect(version.map(HelpCache.request)).toEqual(version.map(() => "version"))
    expect(neither.map(HelpCache.request)).toEqual(neither.map(() => undefined))
  })

  const token = fc.oneof(fc.constantFrom("--help", "-h", "--version", "-v", "--lang", "--lang=en", "--lang=vi", "--lang=fr", "vi", "en", "fr", "stats"), fc.string())
  test.prop([fc.array(token, { minLength: 1, maxLength: 5 })])("answers only one help or version flag, with at most one --lang vi|en", (args) => {
    const r = HelpCache.request(args)
    if (r !== undefined) {
      const flags = args.filter((a) => ["--help", "-h", "--version", "-v"].includes(a))
      expect(flags).toHaveLength(1)
      expect(r).toBe(flags[0] === "--help" || flags[0] === "-h" ? "help" : "version")
      // Everything else is one --lang vi|en: the arguments are the flag alone, or the flag and that pair.
      const others = args.filter((a) => a !== flags[0])
      expect([[], ["--lang=vi"], ["--lang=en"], ["--lang", "vi"], ["--lang", "en"]]).toContainEqual(others)
    }
  })

  it("without a readable cache, or with one missing the text, there is no answer", () => {
    const cache = JSON.stringify({ version: "9.9.9\n", help: { vi: { plain: "tro giup\n", colour: "\u001b[1mtro giup\u001b[0m\n" }, en: { plain: "help\n", colour: "help!\n" } } })
    expect(HelpCache.answer(["--help"], "vi", false, () => cache)).toBe("tro giup\n")
    expect(HelpCache.answer(["-h"], "en", true, () => cache)).toBe("help!\n")
    expect(HelpCache.answer(["-v"], "en", true, () => cache)).toBe("9.9.9\n")
    expect(HelpCache.answer(["units"], "vi", false, () => cache)).toBeUndefined()
    expect(
      HelpCache.answer(["--help"], "vi", false, () => {
        throw new Error("ENOENT")
      })
    ).toBeUndefined()
    expect(HelpCache.answer(["--help"], "vi", false, () => "{")).toBeUndefined()
    expect(HelpCache.answer(["--help"], "vi", false, () => JSON.stringify({ version: "1\n" }))).toBeUndefined()
  })
})

describe("the cached help of the bundle", () => {
  it("is what the command tree prints, for every form the cache answers, in both languages, with and without colours", async () => {
    const cached = await bundled()
    expect(fs.existsSync(path.join(path.dirname(cached), "help.json"))).toBe(true)
    const { bundle } = (await import(path.join(packageDir, "scripts/bundle.mjs"))) as { bundle: (outdir: string, options: { helpCache: boolean }) => Promise<string> }
    const tree = await bundle(path.join(packageDir, "test-artifacts", `bundle-no-cache-${process.pid}`), { helpCache: false })
    try {
      expect(fs.existsSync(path.join(path.dirname(tree), "help.json"))).toBe(false)
      const forms = [[], ["--help"], ["-h"], ["--help", "--lang", "en"], ["--lang", "vi", "-h"], ["--lang=en", "--help"], ["--version"], ["-v"], ["--lang", "en", "--version"]]
      const envs = [{}, { LANG: "en_US.UTF-8" }, { FORCE_COLOR: "1" }, { LANG: "en_GB.UTF-8", FORCE_COLOR: "1" }, { HDND_LANG: "en", NO_COLOR: "1" }]
      const run = (bin: string, args: ReadonlyArray<string>, env: Record<string, string>) => {
        const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env: baseEnv(env), encoding: "utf8", timeout: 60_000 })
        return { status: r.status, stdout: r.stdout, stderr: r.stderr }
      }
      const seen = new Set<string>()
      for (const args of forms) {
        for (const env of envs) {
          const fromTree = run(tree, args, env)
          expect(run(cached, args, env), `${args.join(" ")} ${JSON.stringify(env)}`).toEqual(fromTree)
          expect(fromTree.status).toBe(0)
          seen.add(fromTree.stdout)
        }
      }
      // The comparison is real: the answers differ by language and colour (help in vi, en, each
      // plain and coloured, and the version).
      expect(seen.size).toBe(5)
    } finally {
      fs.rmSync(path.dirname(tree), { recursive: true, force: true })
    }
  }, 300_000)
})
