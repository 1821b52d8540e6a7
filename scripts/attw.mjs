/**
 * Runs @arethetypeswrong/cli on every published package's `pnpm pack` tarball: types that resolve for
 * every module resolution an app may use (node16 ESM, node16 from CommonJS through `require(esm)`,
 * bundler). The packages are ES modules only, so the CommonJS check is the `require(esm)` one.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const out = mkdtempSync(join(tmpdir(), "hdnd-attw-"))
const pnpm = process.env.npm_execpath?.includes("pnpm") ? [process.execPath, [process.env.npm_execpath]] : ["npx", ["-y", "pnpm@10.34.9"]]
let failed = 0
for (const d of readdirSync(join(root, "packages"))) {
  const dir = join(root, "packages", d)
  if (!existsSync(join(dir, "package.json"))) continue
  const { name, private: priv } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
  if (priv) continue
  const pack = spawnSync(pnpm[0], [...pnpm[1], "pack", "--pack-destination", out], { cwd: dir, encoding: "utf8" })
  if (pack.status !== 0) throw new Error(`pnpm pack ${name}: ${pack.stderr}`)
  const tgz = readdirSync(out).find((f) => f.startsWith(name.replace("@", "").replace("/", "-") + "-"))
  const r = spawnSync("npx", ["-y", "@arethetypeswrong/cli@0.18.5", join(out, tgz), "--format", "table-flipped", "--profile", "esm-only"], { encoding: "utf8" })
  process.stdout.write(`${name}: ${r.status === 0 ? "ok" : "PROBLEMS"}\n`)
  if (r.status !== 0) {
    failed++
    process.stdout.write(r.stdout + r.stderr)
  }
}
if (failed > 0) {
  process.stderr.write(`@arethetypeswrong/cli found problems in ${failed} package(s)\n`)
  process.exit(1)
}
