/**
 * Running the real `hdnd` executable in tests: the CLI is bundled once (as it ships) into
 * `test-artifacts/` inside the package, so that better-sqlite3 resolves, and each call is a child
 * process with its own exit code, stdout and stderr.
 */
import { spawn, spawnSync } from "node:child_process"
import * as crypto from "node:crypto"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, expect } from "vitest"

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const ROOT = path.resolve(packageDir, "../..")
export const SON_LA = path.join(ROOT, "examples/son-la-2023/data")
export const SON_LA_FILES = ["don-vi.csv", "sap-xep.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "hoat-dong.xlsx", "so-lieu.csv"].map((f) =>
  path.join(SON_LA, f)
)

/**
 * The example's follow-up records (synthetic): recommendations, responses, evaluations, and a 2023 work
 * programme of the provincial Legal Affairs committee with its items, in import order.
 */
export const SON_LA_FOLLOW_UP = ["kien-nghi.csv", "tra-loi.csv", "danh-gia.csv", "chuong-trinh.csv", "noi-dung-chuong-trinh.csv"].map((f) => path.join(SON_LA, f))

/**
 * Installs `@hdnd/province-son-la` into `<dir>/node_modules` the way it ships (one ES module with its
 * own copy of `@hdnd/core`), so that `--plugin @hdnd/province-son-la` resolves from `dir`.
 */
export const installSonLaPlugin = async (dir: string): Promise<void> => {
  const { build } = await import("esbuild")
  const pkg = path.join(dir, "node_modules/@hdnd/province-son-la")
  await build({
    entryPoints: [path.join(ROOT, "packages/province-son-la/src/index.ts")],
    outfile: path.join(pkg, "index.mjs"),
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    conditions: ["@hdnd/source"],
    logLevel: "warning"
  })
  fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "@hdnd/province-son-la", version: "0.1.0", type: "module", exports: { ".": "./index.mjs" } }))
}

let executable: Promise<string> | undefined

/** The bundled CLI, built on first use. */
export const bundled = (): Promise<string> => {
  executable ??= (async () => {
    const { bundle } = (await import(path.join(packageDir, "scripts/bundle.mjs"))) as { bundle: (outdir: string) => Promise<string> }
    return bundle(path.join(packageDir, "test-artifacts", `bundle-${process.pid}`))
  })()
  return executable
}

export interface Result {
  readonly status: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/** A clean environment: no locale or database settings leak in from the machine. */
export const baseEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "vi_VN.UTF-8", ...extra }
  return env
}

/** Runs `hdnd args…` in `cwd` and waits for it. */
export const hdnd = async (cwd: string, args: ReadonlyArray<string>, env: Record<string, string> = {}): Promise<Result> => {
  const bin = await bundled()
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env: baseEnv(env), encoding: "utf8", timeout: 120_000 })
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }
}

/** Starts `hdnd args…` without waiting; resolves when it ends. `onStderr` sees stderr as it comes. */
export const start = async (cwd: string, args: ReadonlyArray<string>, onStderr: (text: string, child: ReturnType<typeof spawn>) => void, env: Record<string, string> = {}) => {
  const bin = await bundled()
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: baseEnv(env), stdio: ["ignore", "pipe", "pipe"] })
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (b: Buffer) => (stdout += b.toString("utf8")))
  child.stderr.on("data", (b: Buffer) => {
    stderr += b.toString("utf8")
    onStderr(stderr, child)
  })
  const done = new Promise<Result>((resolve) => child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr })))
  return { child, done }
}

/** A fresh temporary directory, removed by the caller. */
export const tempDir = (prefix: string): string => fs.mkdtempSync(path.join(fs.realpathSync(os()), prefix))
const os = () => (process.env.TMPDIR ?? "/tmp")

/**
 * A temporary directory with one SQLite file holding the Sơn La example (made once, in `beforeAll`),
 * and helpers for tests: `copy` gives a test its own copy of that database, `write` a file in the
 * directory (parent directories created). The directory is removed in `afterAll`.
 */
export const seededWorkspace = (prefix: string) => {
  const ws = { dir: "", seeded: "" }
  beforeAll(async () => {
    await bundled()
    ws.dir = tempDir(prefix)
    ws.seeded = path.join(ws.dir, "son-la.sqlite")
    const r = await hdnd(ws.dir, ["init", "--db", ws.seeded, "--quiet", ...SON_LA_FILES])
    expect(r.status, r.stderr).toBe(0)
  }, 120_000)
  afterAll(() => fs.rmSync(ws.dir, { recursive: true, force: true }))
  return {
    get dir() {
      return ws.dir
    },
    get seeded() {
      return ws.seeded
    },
    copy: (name: string): string => {
      const file = path.join(ws.dir, name)
      fs.copyFileSync(ws.seeded, file)
      return file
    },
    write: (name: string, text: string): string => {
      const file = path.join(ws.dir, name)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, text, "utf8")
      return file
    }
  }
}

/** The SHA-256 of a file's bytes, to show a command left it exactly as it was. */
export const sha = (file: string): string => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex")

const isRoot = process.getuid?.() === 0

/** Runs the bundled CLI as an unprivileged user when the tests run as root, so that file modes apply. */
export const hdndUnprivileged = async (cwd: string, args: ReadonlyArray<string>) => {
  const bin = await bundled()
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: baseEnv(),
    encoding: "utf8",
    timeout: 120_000,
    ...(isRoot ? { uid: 65534, gid: 65534 } : {})
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}
