/**
 * A report killed while it writes its file (issue #16): the previous file stays intact, and the
 * hidden temporary file the killed run could not remove (`.NAME.PID.STAMP.tmp`) is removed by the
 * next run, so none lingers beside the report.
 */
import { spawn, spawnSync } from "node:child_process"
import * as crypto from "node:crypto"
import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { baseEnv, bundled, hdnd, SON_LA, seededWorkspace } from "./utils/hdnd.js"

const ws = seededWorkspace("hdnd-killed-report-")
const REPORT = ["--template", path.join(SON_LA, "mau-bao-cao.json"), "--from", "2022-08-01", "--to", "2023-08-31", "--scope", "unit:14"]
const sha = (file: string): string => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex")
const temporaries = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))
// .ci/run installs strace; elsewhere the SIGKILL-mid-write test needs it (skipped, with this reason, without it).
const hasStrace = spawnSync("strace", ["-V"]).status === 0
if (!hasStrace) console.warn("KilledReport: strace is not installed, so the report cannot be held mid-write to be SIGKILLed; that test is skipped")

describe("a report killed while writing", () => {
  it.skipIf(!hasStrace)("SIGKILLed in the middle of writing: the old file is intact, and the next run leaves no temporary file", async () => {
    const dir = path.join(ws.dir, "sigkill-real")
    fs.mkdirSync(dir)
    const out = path.join(dir, "bao-cao.docx")
    const first = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--format", "docx", "-o", out])
    expect(first.status, first.stderr).toBe(0)
    const before = sha(out)
    const bin = await bundled()
    // strace holds the report in fsync (its temporary file written, not yet renamed) for a minute;
    // meanwhile the whole process group is SIGKILLed.
    const child = spawn("strace", ["-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:delay_enter=60000000", process.execPath, bin, "report", "--db", ws.seeded, ...REPORT, "--records", "--format", "docx", "-o", out], {
      cwd: ws.dir,
      env: baseEnv(),
      detached: true,
      stdio: "ignore"
    })
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
    const deadline = Date.now() + 60_000
    while (temporaries(dir).length === 0 || fs.statSync(path.join(dir, temporaries(dir)[0]!)).size === 0) {
      if (Date.now() > deadline) throw new Error("the report never wrote its temporary file")
      await new Promise((r) => setTimeout(r, 50))
    }
    process.kill(-child.pid!, "SIGKILL")
    await exited
    expect(sha(out)).toBe(before)
    // The killed run's temporary file is left behind…
    expect(temporaries(dir)).toHaveLength(1)
    const again = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--records", "--format", "docx", "-o", out])
    expect(again.status, again.stderr).toBe(0)
    expect(sha(out)).not.toBe(before)
    // …and the next run removed it.
    expect(temporaries(dir)).toEqual([])
  }, 120_000)

  it("SIGKILLed while its temporary file exists: the next run removes it, and leaves a live process's alone", async () => {
    const dir = path.join(ws.dir, "sigkill")
    fs.mkdirSync(dir)
    const out = path.join(dir, "bao-cao.xlsx")
    // A process that creates its temporary file as writeAtomic names it, then is SIGKILLed before renaming.
    const child = spawn(process.execPath, [
      "-e",
      `const fs = require("node:fs"); fs.writeFileSync(${JSON.stringify(dir)} + "/.bao-cao.xlsx." + process.pid + "." + Date.now().toString(36) + ".tmp", "PK half"); console.log("ready"); setInterval(() => {}, 1000)`
    ])
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()))
    const stale = temporaries(dir)
    expect(stale).toHaveLength(1)
    child.kill("SIGKILL")
    await new Promise<void>((resolve) => child.once("exit", () => resolve()))
    // One of a process that is still running (this test's) is not touched.
    const live = `.bao-cao.xlsx.${process.pid}.zz.tmp`
    fs.writeFileSync(path.join(dir, live), "in progress")
    // Another report's leftover is not touched either.
    const other = `.khac.xlsx.${child.pid}.zz.tmp`
    fs.writeFileSync(path.join(dir, other), "not this report's")
    const r = await hdnd(ws.dir, ["report", "--db", ws.seeded, ...REPORT, "--format", "xlsx", "-o", out])
    expect(r.status, r.stderr).toBe(0)
    expect(fs.existsSync(out)).toBe(true)
    expect(temporaries(dir).sort()).toEqual([other, live].sort())
  })
})
