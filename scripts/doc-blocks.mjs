/**
 * Documentation that compiles: every TypeScript code block (```ts / ```typescript) of README.md,
 * packages/*\/README.md and docs/**\/*.md becomes a module of a temporary app that installs the packed
 * tarballs with plain npm (as `scripts/consumer-test.mjs` does), is type-checked with the app's strict
 * tsconfig, and is run with Node 24 in a fresh temporary folder holding the Sơn La example's data files and
 * its own SQLite file (`HDND_SQLITE_FILE`), and the Promise example's JSON batch as `data.json`.
 *
 * The info string of a block may carry flags after the language:
 *
 * - `no-run`        type-checked, not run (it needs a server, or it only declares something);
 * - `skip`          neither type-checked nor run;
 * - `test`          a vitest test file: type-checked, then run with vitest;
 * - `continues`     the block goes on from the previous TypeScript block of the same file (one module);
 * - `file=PATH`     the module's path under the app's `src/` (so that other blocks can import it);
 * - `uses=a,b`      names the block uses without declaring them, imported from `test/doc-blocks/fixtures.ts`
 *                   (`doc`, `tab`, `registry`, `scope`, `period`, … built from the Sơn La example's data).
 *
 * `no-run` and `skip` need a reason: an HTML comment (`<!-- … -->`) right before the block.
 *
 * The `@example` blocks of the doc comments in packages/*\/src are checked the same way (`no-run` in the
 * info string: type-checked only, the reason being that the example calls what it only declares).
 *
 * Usage: `pnpm test:docs` (after `pnpm build`; packs the packages itself), `node scripts/doc-blocks.mjs
 * --tarballs DIR` (the consumer test passes its tarballs), `--list` (print the blocks and their flags, no
 * install), `--app DIR` (keep the installed app in DIR and reuse it). Set HDND_DOC_BLOCKS_KEEP=1 to keep the temporary folder.
 */
import { spawnSync } from "node:child_process"
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const harness = join(root, "test/doc-blocks")
const dataDir = join(root, "examples/son-la-2023/data")
const args = process.argv.slice(2)
const argValue = (name) => {
  const i = args.indexOf(name)
  return i < 0 ? undefined : args[i + 1]
}

// ---------------------------------------------------------------------------------------------------
// 1. Find the blocks.

const markdownFiles = () => {
  const out = [join(root, "README.md")]
  for (const d of readdirSync(join(root, "packages")).sort()) {
    const f = join(root, "packages", d, "README.md")
    if (existsSync(f)) out.push(f)
  }
  const walk = (dir) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e)
      if (statSync(p).isDirectory()) {
        if (p !== join(root, "docs/api")) walk(p)
      } else if (e.endsWith(".md")) out.push(p)
    }
  }
  walk(join(root, "docs"))
  return out
}

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/
const MODES = new Set(["no-run", "skip", "test"])
const KNOWN = /^(no-run|skip|test|continues|file=\S+|uses=\S+)$/

const problems = []
const blocksOf = (file) => {
  const lines = readFileSync(file, "utf8").split("\n")
  const blocks = []
  let open
  for (let i = 0; i < lines.length; i++) {
    const m = FENCE.exec(lines[i])
    if (open === undefined) {
      if (m === null) continue
      const [, indent, fence, info] = m
      const [lang = "", ...flags] = info.trim().split(/\s+/)
      open = { indent: indent.length, fence, lang: lang.toLowerCase(), flags, line: i + 1, body: [] }
      // The reason: an HTML comment that ends on the nearest non-blank line above the fence.
      let j = i - 1
      while (j >= 0 && lines[j].trim() === "") j--
      if (j >= 0 && lines[j].trim().endsWith("-->")) {
        let k = j
        while (k >= 0 && !lines[k].includes("<!--")) k--
        open.reason = lines.slice(k, j + 1).join(" ").replace(/^.*<!--/, "").replace(/-->.*$/, "").replace(/\s+/g, " ").trim()
      }
      continue
    }
    if (m !== null && m[2][0] === open.fence[0] && m[2].length >= open.fence.length && m[3].trim() === "") {
      if (open.lang === "ts" || open.lang === "typescript") {
        const code = open.body.map((l) => l.slice(Math.min(open.indent, l.length - l.trimStart().length))).join("\n")
        blocks.push({ file: relative(root, file), line: open.line, flags: open.flags, reason: open.reason, code })
      }
      open = undefined
      continue
    }
    open.body.push(lines[i])
  }
  if (open !== undefined) problems.push(`${relative(root, file)}:${open.line}: the code block is never closed`)
  return blocks
}

// The `@example` blocks of the packages' doc comments (what typedoc shows on the API site): run like the
// Markdown blocks, unless marked ```ts no-run (a call on a value the example only declares, a vitest file).
const sourceFiles = () => {
  const out = []
  const walk = (dir) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e)
      if (statSync(p).isDirectory()) walk(p)
      else if (e.endsWith(".ts") && !e.endsWith(".test.ts")) out.push(p)
    }
  }
  for (const d of readdirSync(join(root, "packages")).sort()) {
    if (existsSync(join(root, "packages", d, "src"))) walk(join(root, "packages", d, "src"))
  }
  return out
}
const examplesOf = (file) => {
  const lines = readFileSync(file, "utf8").split("\n")
  const out = []
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(lines[i])) continue
    const open = lines[i + 1]?.match(/^\s*\*\s*```(\w*)\s*(.*)$/)
    if (!open || !/^(ts|typescript)$/i.test(open[1])) continue
    const body = []
    let j = i + 2
    for (; j < lines.length && !/^\s*\*\s*```\s*$/.test(lines[j]); j++) body.push(lines[j].replace(/^\s*\* ?/, ""))
    const rel = relative(root, file)
    const code = body.join("\n")
    const flags = open[2].trim() === "" ? [] : open[2].trim().split(/\s+/)
    out.push({
      file: rel, line: i + 2, code,
      flags,
      reason: "an @example that shows a call on a value it only declares, or registers vitest tests: type-checked"
    })
    i = j
  }
  return out
}

const blocks = [...markdownFiles().flatMap(blocksOf), ...sourceFiles().flatMap(examplesOf)]

// 2. Group them into modules: a block that `continues` joins the previous block of its file.
const modules = []
for (const b of blocks) {
  const where = `${b.file}:${b.line}`
  for (const f of b.flags) if (!KNOWN.test(f)) problems.push(`${where}: unknown flag "${f}" (see scripts/doc-blocks.mjs)`)
  const modes = b.flags.filter((f) => MODES.has(f))
  if (modes.length > 1) problems.push(`${where}: at most one of ${[...MODES].join(", ")}`)
  b.mode = modes[0] ?? "run"
  if ((b.mode === "no-run" || b.mode === "skip") && !b.reason) problems.push(`${where}: a \`${b.mode}\` block needs its reason in an HTML comment right before it`)
  b.uses = (b.flags.find((f) => f.startsWith("uses=")) ?? "uses=").slice(5).split(",").filter(Boolean)
  b.path = b.flags.find((f) => f.startsWith("file="))?.slice(5)
  if (b.flags.includes("continues")) {
    const prev = modules.at(-1)
    if (prev === undefined || prev.file !== b.file) problems.push(`${where}: \`continues\`, but no earlier TypeScript block in this file`)
    else if (modes.length > 0 || b.path !== undefined) problems.push(`${where}: a block that continues takes its mode and file from the first block`)
    else {
      prev.blocks.push(b)
      prev.uses.push(...b.uses)
      continue
    }
  }
  const slug = `${b.file.replace(/\.md$/, "").replace(/[^A-Za-z0-9]+/g, "-")}-${b.line}`
  const path = b.path ?? `blocks/${slug}${b.mode === "test" ? ".test" : ""}.ts`
  if (b.mode === "test" && !path.endsWith(".test.ts")) problems.push(`${where}: a \`test\` block's file must end in .test.ts`)
  modules.push({ file: b.file, line: b.line, mode: b.mode, reason: b.reason, path, uses: [...b.uses], blocks: [b] })
}
const seen = new Set()
for (const m of modules) {
  if (seen.has(m.path)) problems.push(`${m.file}:${m.line}: another block already has file=${m.path}`)
  seen.add(m.path)
}

const count = (mode) => modules.filter((m) => m.mode === mode)
const summary = () =>
  `${blocks.length} TypeScript blocks (${blocks.filter((b) => b.file.endsWith(".md")).length} in Markdown, ` +
  `${blocks.filter((b) => !b.file.endsWith(".md")).length} @example in sources) in ${new Set(blocks.map((b) => b.file)).size} files → ${modules.length} modules: ` +
  `${count("run").length} type-checked and run, ${count("test").length} type-checked and run with vitest, ` +
  `${count("no-run").length} type-checked only, ${count("skip").length} skipped`

if (args.includes("--list")) {
  for (const m of modules) {
    process.stdout.write(`${m.file}:${m.line}  ${m.mode}${m.blocks.length > 1 ? ` (${m.blocks.length} blocks)` : ""}  ${m.path}${m.reason ? `  — ${m.reason}` : ""}\n`)
  }
  process.stdout.write(`${summary()}\n`)
  if (problems.length > 0) {
    process.stderr.write(problems.join("\n") + "\n")
    process.exit(1)
  }
  process.exit(0)
}
if (problems.length > 0) {
  process.stderr.write(`doc blocks FAILED:\n${problems.join("\n")}\n`)
  process.exit(1)
}

// ---------------------------------------------------------------------------------------------------
// 3. The tarballs: given, or packed here.

const work = mkdtempSync(join(tmpdir(), "hdnd-doc-blocks-"))
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|pnpm_)/i.test(k)))
const run = (cmd, cmdArgs, cwd, env = {}, timeout = 600_000) => {
  const started = Date.now()
  const r = spawnSync(cmd, cmdArgs, { cwd, encoding: "utf8", env: { ...cleanEnv, ...env }, maxBuffer: 64 * 1024 * 1024, timeout })
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? `\n${r.error.message}` : ""}`
  return { status: r.status, output, stdout: r.stdout ?? "", seconds: (Date.now() - started) / 1000 }
}
const fail = (message, output = "") => {
  process.stderr.write(`doc blocks FAILED: ${message}\n${output}\n(kept ${work})\n`)
  process.exit(1)
}
const must = (what, r) => {
  if (r.status !== 0) fail(`${what} exited with ${r.status}`, r.output)
  return r
}

let tarballDir = argValue("--tarballs")
const tarballOf = {}
if (tarballDir === undefined) {
  tarballDir = join(work, "tarballs")
  mkdirSync(tarballDir)
  const pnpm = process.env.npm_execpath?.includes("pnpm") ? [process.execPath, [process.env.npm_execpath]] : ["npx", ["-y", "pnpm@10.34.9"]]
  for (const d of readdirSync(join(root, "packages"))) {
    const dir = join(root, "packages", d)
    if (!existsSync(join(dir, "package.json"))) continue
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
    if (manifest.private) continue
    if (!existsSync(join(dir, "dist"))) fail(`${manifest.name} has no dist/: run \`pnpm build\` first`)
    must(`pnpm pack ${manifest.name}`, run(pnpm[0], [...pnpm[1], "pack", "--pack-destination", tarballDir], dir))
  }
}
for (const f of readdirSync(tarballDir)) {
  const m = /^hdnd-(.+)-\d+\.\d+\.\d+.*\.tgz$/.exec(f)
  if (m !== null) tarballOf[`@hdnd/${m[1]}`] = join(tarballDir, f)
}
if (Object.keys(tarballOf).length === 0) fail(`no @hdnd tarballs in ${tarballDir}`)

// ---------------------------------------------------------------------------------------------------
// 4. The app: the harness's package.json, tsconfig and fixtures, then one module per block.

// `--app DIR` keeps the app in DIR and installs only once (for editing docs: reruns take seconds).
const app = argValue("--app") ?? join(work, "app")
const reuse = existsSync(join(app, "node_modules"))
rmSync(join(app, "src"), { recursive: true, force: true })
rmSync(join(app, "dist"), { recursive: true, force: true })
cpSync(harness, app, { recursive: true, filter: (p) => !p.endsWith("README.md") })
const manifest = JSON.parse(readFileSync(join(app, "package.json"), "utf8"))
for (const name of Object.keys(tarballOf)) manifest.dependencies[name] = `file:${tarballOf[name]}`
manifest.overrides = Object.fromEntries(Object.entries(tarballOf).map(([name, f]) => [name, `file:${f}`]))
writeFileSync(join(app, "package.json"), JSON.stringify(manifest, null, 2))

for (const m of modules) {
  if (m.mode === "skip") continue
  const target = join(app, "src", m.path)
  mkdirSync(dirname(target), { recursive: true })
  let fixtures = relative(dirname(target), join(app, "src/fixtures.js"))
  if (!fixtures.startsWith(".")) fixtures = `./${fixtures}`
  const head = [`// ${m.file}:${m.line}${m.blocks.length > 1 ? ` (+ ${m.blocks.slice(1).map((b) => b.line).join(", ")})` : ""}`]
  if (m.uses.length > 0) head.push(`import { ${[...new Set(m.uses)].join(", ")} } from "${fixtures}"`)
  const body = m.blocks.map((b) => `// ---- ${b.file}:${b.line}\n${b.code}`).join("\n")
  // `export {}` makes every block a module, so that two blocks may declare the same names.
  writeFileSync(target, `${head.join("\n")}\n${body}\nexport {}\n`)
}

process.stdout.write(`${summary()}\n== npm install (${Object.keys(tarballOf).length} tarballs)\n`)
if (!reuse) {
  const install = must("npm install", run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=warn"], app))
  process.stdout.write(install.output)
  if (/ERESOLVE|peer dep|Conflicting peer|unmet peer/i.test(install.output)) fail("npm reported a peer-dependency problem", install.output)
}

process.stdout.write(`== tsc (every block that is not skipped)\n`)
// Every tool runs on this Node (24 under pnpm), not on whichever `node` comes first on PATH.
const tsc = run(process.execPath, [join(app, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], app)
if (tsc.status !== 0) {
  // Point each error at the Markdown line it comes from.
  const byPath = new Map(modules.map((m) => [`src/${m.path}`, m]))
  const located = tsc.output.replace(/^(src\/[^(\s]+)\((\d+),(\d+)\)/gm, (all, path, line) => {
    const m = byPath.get(path)
    if (m === undefined) return all
    const text = readFileSync(join(app, path), "utf8").split("\n")
    let n = Number(line) - 1
    while (n >= 0 && !text[n].startsWith("// ---- ")) n--
    if (n < 0) return all
    const [file, start] = text[n].slice(8).split(":")
    return `${file}:${Number(start) + (Number(line) - 1 - n)} (${all})`
  })
  fail("the blocks do not type-check", located)
}

// 5. Run each block in a fresh folder with the example's data files and its own SQLite file.
// A block that says what another already ran says (the English twin of a Vietnamese block, comments
// aside) was type-checked on its own, and is run once.
const codeKey = (m) =>
  `${m.mode} ${[...new Set(m.uses)].sort().join(",")} ` +
  m.blocks.map((b) => b.code).join("\n").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "").replace(/\s+/g, " ")
const ranAs = new Map()
const results = []
for (const m of modules) {
  if (m.mode !== "run" && m.mode !== "test") continue
  const twin = ranAs.get(codeKey(m))
  if (twin !== undefined) {
    m.twin = twin
    process.stdout.write(`ok ${m.file}:${m.line} (the same code as ${twin}, which ran)\n`)
    continue
  }
  ranAs.set(codeKey(m), `${m.file}:${m.line}`)
  const cwd = mkdtempSync(join(work, "run-"))
  cpSync(dataDir, cwd, { recursive: true })
  cpSync(join(root, "examples/promise-api/src/data.json"), join(cwd, "data.json"))
  const env = { HDND_SQLITE_FILE: join(cwd, "hdnd.sqlite"), HDND_DOC_DATA: dataDir, NODE_PATH: join(app, "node_modules") }
  const r =
    m.mode === "test"
      ? run(process.execPath, [join(app, "node_modules/vitest/vitest.mjs"), "run", "--root", app, "--dir", "src", join("src", m.path)], app, env)
      : run(process.execPath, [join(app, "dist", m.path.replace(/\.ts$/, ".js"))], cwd, env, 300_000)
  if (r.status !== 0) fail(`${m.file}:${m.line} exited with ${r.status} (module ${m.path})`, r.output)
  results.push(`${m.file}:${m.line} ${r.seconds.toFixed(1)} s`)
  process.stdout.write(`ok ${m.file}:${m.line} (${m.mode}, ${r.seconds.toFixed(1)} s)\n`)
}

const twins = modules.filter((m) => m.twin !== undefined)
process.stdout.write(`\ndoc blocks: ${summary()}; all passed${twins.length > 0 ? ` (${twins.length} of them the same code as another block, run once)` : ""}\n`)
for (const m of modules.filter((m) => m.mode !== "run" && m.mode !== "test")) {
  process.stdout.write(`  ${m.mode}: ${m.file}:${m.line} — ${m.reason}\n`)
}
if (!process.env.HDND_DOC_BLOCKS_KEEP) rmSync(work, { recursive: true, force: true })
else process.stdout.write(`kept ${work}\n`)
