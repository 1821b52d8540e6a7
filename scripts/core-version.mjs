#!/usr/bin/env node
// `CORE_VERSION` in packages/core/src/Plugin.ts is the version plugins' `requires` ranges are checked
// against, so it must be @hdnd/core's own version. `changeset version` bumps package.json only; this
// script keeps the two together, and the ranges of the plugins this repository holds (the province
// package, the examples' code and data plugins, the tests' fixtures) with them:
//
//   node scripts/core-version.mjs            fails (exit 1) when CORE_VERSION and package.json disagree,
//                                            naming every plugin of the repository left behind
//   node scripts/core-version.mjs --write    writes package.json's version into Plugin.ts, and the
//                                            range ^<version> into those plugins (they are released
//                                            and tested with this core)
//
// `pnpm version-packages` runs `changeset version` and then this script with --write. An optional last
// argument is the repository root (the tests run it on a copy).
import * as fs from "node:fs"
import * as path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const args = process.argv.slice(2)
const write = args.includes("--write")
const root = args.find((a) => !a.startsWith("--")) ?? path.join(path.dirname(fileURLToPath(import.meta.url)), "..")
const pkgFile = path.join(root, "packages/core/package.json")
const srcFile = path.join(root, "packages/core/src/Plugin.ts")
const CONSTANT = /^(export const CORE_VERSION = ")([^"]*)(")$/m

const version = JSON.parse(fs.readFileSync(pkgFile, "utf8")).version
const source = fs.readFileSync(srcFile, "utf8")
const found = CONSTANT.exec(source)
if (found === null) {
  console.error(`${srcFile}: không thấy dòng export const CORE_VERSION = "…" / no line export const CORE_VERSION = "…"`)
  process.exit(2)
}
let failed = false
if (found[2] !== version && write) {
  fs.writeFileSync(srcFile, source.replace(CONSTANT, `$1${version}$3`))
  console.log(`CORE_VERSION: ${found[2]} → ${version}`)
} else if (found[2] !== version) {
  failed = true
  console.error(
    `CORE_VERSION là "${found[2]}" nhưng @hdnd/core là ${version}; chạy node scripts/core-version.mjs --write (pnpm version-packages làm việc này sau changeset version)\n` +
      `CORE_VERSION is "${found[2]}" but @hdnd/core is ${version}; run node scripts/core-version.mjs --write (pnpm version-packages does it after changeset version)`
  )
}

// The plugins of this repository (packages, examples and their tests): `requires: "…"` of code
// plugins, `coreVersion` of data plugins (JSON, YAML, or objects in tests). A range that admitted the
// previous core version but not the new one is this repository's own plugin left behind; a range that
// admitted neither (a test's deliberately incompatible plugin, "^9.0.0") is left alone.
const semver = createRequire(pkgFile)("semver")
const shipped = []
const walk = (dir) => {
  if (!fs.existsSync(dir)) return
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) continue
    const file = path.join(dir, e.name)
    if (e.isDirectory()) walk(file)
    else if (/\.(ts|mjs|json|ya?ml)$/.test(e.name) && e.name !== "package.json" && !e.name.startsWith("tsconfig")) shipped.push(file)
  }
}
for (const top of ["packages", "examples"]) walk(path.join(root, top))
const RANGE = /\b(?:requires|coreVersion)"?:\s*["'`]([^"'`\n]+)["'`]|^coreVersion:\s*([^\s#]+)/gm
for (const file of shipped) {
  const text = fs.readFileSync(file, "utf8")
  let updated = text
  for (const m of text.matchAll(RANGE)) {
    const range = (m[1] ?? m[2]).trim()
    if (semver.validRange(range) === null || semver.satisfies(version, range, { includePrerelease: true })) continue
    if (!semver.satisfies(found[2], range, { includePrerelease: true })) continue
    const where = `${path.relative(root, file)}:${text.slice(0, m.index).split("\n").length}`
    if (write) {
      // These plugins are released and tested with this core: they require its new minor line.
      updated = updated.replace(m[0], m[0].replace(range, `^${version}`))
      console.log(`${where}: ${range} → ^${version}`)
      continue
    }
    failed = true
    console.error(
      `${where}: plugin cần core ${range}, không nhận ${version}; sửa khoảng (ví dụ ^${version}) hoặc chạy với --write\n` +
        `${where}: the plugin requires core ${range}, which does not admit ${version}; update the range (for example ^${version}) or run with --write`
    )
  }
  if (updated !== text) fs.writeFileSync(file, updated)
}
process.exit(failed ? 1 : 0)
