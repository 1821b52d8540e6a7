/**
 * The consumer test: what an app developer gets from npm, not what the workspace sees. Packs every
 * published package (`pnpm pack`, which turns `workspace:` ranges into versions), then, for each app
 * in `test/consumer/`, copies it into a fresh temporary folder and installs the tarballs with plain npm
 * — no workspace, no links, no patches, no pnpm settings — and then:
 *
 * - fails on ERESOLVE or any peer-dependency warning in npm's output;
 * - fails if `npm ls effect` finds more than one copy of Effect;
 * - fails if installing compiled anything (better-sqlite3 ships prebuilt binaries);
 * - type-checks the app with its own tsconfig (`npm run typecheck`) and runs it (`npm start`), which
 *   opens a SQLite store, imports a CSV and an XLSX, tabulates, renders the Vietnamese report and
 *   writes a DOCX, checking each result itself.
 *
 * The example service `examples/council-office-api` gets the same treatment, then runs its own
 * test suite (`npm test`: the service over real HTTP on SQLite) from the tarballs.
 * Then the CLI alone, and then every TypeScript block of the READMEs and docs/ (`scripts/doc-blocks.mjs`,
 * also `pnpm test:docs` on its own), against the same tarballs.
 *
 * Run after `pnpm build`: `pnpm test:consumer`. Set HDND_CONSUMER_KEEP=1 to keep the folder.
 */
import { spawnSync } from "node:child_process"
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const appsDir = join(root, "test/consumer")
const work = mkdtempSync(join(tmpdir(), "hdnd-consumer-"))
const tarballs = join(work, "tarballs")
mkdirSync(tarballs)

const dataDir = join(root, "examples/son-la-2023/data")
// An app developer's environment: none of the npm_config_* variables pnpm sets for its scripts.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|pnpm_)/i.test(k)))
const run = (cmd, args, cwd, env = { HDND_CONSUMER_DATA: dataDir }) => {
  const started = Date.now()
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...cleanEnv, ...env }, maxBuffer: 64 * 1024 * 1024 })
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`
  return { status: r.status, output, stdout: r.stdout ?? "", seconds: (Date.now() - started) / 1000 }
}
const fail = (message, output = "") => {
  process.stderr.write(`consumer test FAILED: ${message}\n${output}\n(kept ${work})\n`)
  process.exit(1)
}
const must = (what, r) => {
  if (r.status !== 0) fail(`${what} exited with ${r.status}`, r.output)
  return r
}

// pnpm, as the workspace runs it (`pnpm test:consumer` sets npm_execpath), or from npx.
const pnpm = process.env.npm_execpath?.includes("pnpm")
  ? [process.execPath, [process.env.npm_execpath]]
  : ["npx", ["-y", "pnpm@10.34.9"]]

process.stdout.write(`node ${process.version}, npm ${run("npm", ["--version"], root).output.trim()}\n`)

// 1. Pack every published package.
const packages = readdirSync(join(root, "packages")).filter((d) => existsSync(join(root, "packages", d, "package.json")))
const tarballOf = {}
for (const d of packages) {
  const dir = join(root, "packages", d)
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
  if (manifest.private) continue
  if (!existsSync(join(dir, "dist"))) fail(`${manifest.name} has no dist/: run \`pnpm build\` first`)
  must(`pnpm pack ${manifest.name}`, run(pnpm[0], [...pnpm[1], "pack", "--pack-destination", tarballs], dir))
  const file = readdirSync(tarballs).find((f) => f.startsWith(manifest.name.replace("@", "").replace("/", "-") + "-"))
  if (file === undefined) fail(`no tarball for ${manifest.name}`)
  tarballOf[manifest.name] = join(tarballs, file)
}
process.stdout.write(`packed ${Object.keys(tarballOf).length} packages into ${tarballs}\n`)

const PEER_PROBLEM = /ERESOLVE|peer dep|peerDependenc|Conflicting peer|unmet peer|invalid: .*peer|npm (warn|WARN) .*peer/i
const COMPILED = /node-gyp|gyp info|prebuild-install|CXX\(target\)/i

// 2. Each app: a fresh folder, the tarballs installed with npm, then its own checks.
const apps = readdirSync(appsDir).filter((d) => existsSync(join(appsDir, d, "package.json")))
if (apps.length === 0) fail(`no apps in ${appsDir}`)
const timings = []
/**
 * Copies an app (without its node_modules), points its @hdnd dependencies at the tarballs,
 * installs with npm, checks the install, then runs each of `scripts` (`npm run <script>`).
 */
const consumer = (app, source, scripts) => {
  const dir = join(work, "apps", app)
  cpSync(source, dir, { recursive: true, filter: (path) => !/[\\/]node_modules([\\/]|$)/.test(path.slice(source.length)) })
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
  // Every @hdnd dependency points at its tarball, and so does every transitive one (overrides), so
  // that npm never looks for an @hdnd package in the registry.
  const file = (name) => `file:${tarballOf[name]}`
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    if (name.startsWith("@hdnd/")) {
      if (tarballOf[name] === undefined) fail(`${app} depends on ${name}, which is not a published package`)
      manifest.dependencies[name] = file(name)
    }
  }
  manifest.overrides = Object.fromEntries(Object.keys(tarballOf).map((name) => [name, file(name)]))
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2))

  process.stdout.write(`\n== ${app}: npm install\n`)
  const install = must(`${app}: npm install`, run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=warn"], dir))
  process.stdout.write(install.output)
  if (PEER_PROBLEM.test(install.output)) fail(`${app}: npm reported a peer-dependency problem`, install.output)
  if (COMPILED.test(install.output) || existsSync(join(dir, "node_modules/better-sqlite3/build"))) fail(`${app}: installing compiled native code`, install.output)

  const ls = run("npm", ["ls", "effect", "--all", "--json"], dir)
  const versions = new Set()
  const walk = (node) => {
    for (const [name, dep] of Object.entries(node.dependencies ?? {})) {
      if (name === "effect" && dep.version) versions.add(dep.version)
      walk(dep)
    }
  }
  walk(JSON.parse(ls.stdout))
  if (ls.status !== 0) fail(`${app}: npm ls effect reports problems`, ls.output)
  if (versions.size !== 1) fail(`${app}: expected exactly one copy of effect, found ${[...versions].join(", ") || "none"}`, ls.output)
  process.stdout.write(`effect: ${[...versions][0]} (one copy)\n`)

  for (const script of scripts) {
    process.stdout.write(`== ${app}: ${script}\n`)
    process.stdout.write(must(`${app}: ${script}`, run("npm", ["run", "--silent", script], dir)).output)
  }
  timings.push(`${app}: npm install ${install.seconds.toFixed(1)} s`)
}
for (const app of apps) consumer(app, join(appsDir, app), ["typecheck", "start"])

// 2b. The example service (examples/council-office-api) as a standalone app: its own type check
// and its own tests over HTTP (SQLite; its PostgreSQL test runs in `pnpm test:services`).
consumer("council-office-api", join(root, "examples/council-office-api"), ["typecheck", "test"])

// 3. The CLI alone, as `npm install @hdnd/cli` gives it: time, size, nothing compiled, and it runs.
{
  const dir = join(work, "cli-only")
  mkdirSync(dir)
  writeFileSync(join(dir, "package.json"), JSON.stringify({
    name: "hdnd-consumer-cli-only",
    private: true,
    dependencies: { "@hdnd/cli": `file:${tarballOf["@hdnd/cli"]}` },
    overrides: Object.fromEntries(Object.keys(tarballOf).map((name) => [name, `file:${tarballOf[name]}`]))
  }, null, 2))
  process.stdout.write(`\n== @hdnd/cli alone: npm install into an empty folder\n`)
  const install = must("cli-only: npm install", run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=warn"], dir))
  process.stdout.write(install.output)
  if (PEER_PROBLEM.test(install.output)) fail("cli-only: npm reported a peer-dependency problem", install.output)
  if (COMPILED.test(install.output) || existsSync(join(dir, "node_modules/better-sqlite3/build"))) fail("cli-only: installing compiled native code", install.output)
  const help = must("cli-only: hdnd --help", run(join(dir, "node_modules/.bin/hdnd"), ["--help"], dir))
  if (!/hdnd/.test(help.output)) fail("cli-only: hdnd --help printed no help", help.output)
  const du = run("du", ["-sk", join(dir, "node_modules")], dir)
  const sizeMiB = Number(du.stdout.split(/\s/)[0]) / 1024
  const packages = run("npm", ["ls", "--all", "--parseable"], dir).stdout.trim().split("\n").length - 1
  const figures = { node: process.version, seconds: Math.round(install.seconds * 10) / 10, sizeMiB: Math.round(sizeMiB * 10) / 10, packages }
  process.stdout.write(`@hdnd/cli: npm install ${figures.seconds} s, node_modules ${figures.sizeMiB} MiB, ${packages} packages, nothing compiled\n`)
  // `--record` keeps the figures in bench/ (`pnpm test:consumer -- --record`).
  if (process.argv.includes("--record")) {
    writeFileSync(join(root, "bench/install-cli.json"), JSON.stringify({ measured: new Date().toISOString().slice(0, 10), ...figures }, null, 2) + "\n")
  }
}

// 4. The TypeScript blocks of the READMEs and docs/, type-checked and run against the same tarballs.
{
  process.stdout.write(`\n== documentation blocks (scripts/doc-blocks.mjs)\n`)
  const docs = spawnSync(process.execPath, [join(root, "scripts/doc-blocks.mjs"), "--tarballs", tarballs], { cwd: root, stdio: "inherit", env: cleanEnv })
  if (docs.status !== 0) fail("the documentation blocks failed (see above)")
}

process.stdout.write(`\n${timings.join("\n")}\nconsumer test: ${apps.length} apps, the council-office example, the CLI alone and the documentation blocks passed\n`)
if (!process.env.HDND_CONSUMER_KEEP) rmSync(work, { recursive: true, force: true })
