/**
 * Starts the service as its README says (`src/main.ts`, settings from the environment) in a child
 * process, and reads the address and the demo tokens it prints.
 */
import { execFileSync, spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"

const main = fileURLToPath(new URL("../../src/main.ts", import.meta.url))
const admin = fileURLToPath(new URL("../../src/admin.ts", import.meta.url))
// Inside the hdnd repository the packages run from source; installed from tarballs, from their builds.
const inRepo = existsSync(fileURLToPath(new URL("../../../../packages/core/src/index.ts", import.meta.url)))

/** Runs the operator's command (`npm run setup -- …`, src/admin.ts) to its end; its output. */
export const runSetup = (env: Record<string, string>, args: ReadonlyArray<string>): string =>
  execFileSync(process.execPath, ["--import", "tsx", ...(inRepo ? ["--conditions=@hdnd/source"] : []), admin, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8"
  })

export interface Child {
  readonly url: string
  readonly tokens: Readonly<Record<string, string>>
  readonly output: () => string
  readonly stop: () => Promise<number | null>
}

export const startMain = (env: Record<string, string>, args: ReadonlyArray<string> = ["--demo"]): Promise<Child> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...(inRepo ? ["--conditions=@hdnd/source"] : []), main, ...args], {
      env: { ...process.env, PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let out = ""
    const tokens: Record<string, string> = {}
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`the service did not start:\n${out}`))
    }, 60_000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8")
      for (const m of out.matchAll(/^(\S+) (reader|clerk|admin): (hdnd_\S+)$/gm)) tokens[`${m[1]} ${m[2]}`] = m[3]!
      const listening = /listening on (http:\/\/\S+)/.exec(out)
      if (listening !== null) {
        clearTimeout(timer)
        resolve({
          url: listening[1]!,
          tokens,
          output: () => out,
          stop: () =>
            new Promise((done) => {
              child.once("exit", (code) => done(code))
              child.kill("SIGTERM")
            })
        })
      }
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", onData)
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`the service exited with ${code}:\n${out}`))
    })
  })
