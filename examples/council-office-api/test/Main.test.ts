/**
 * The README's command: `npm run demo` (src/main.ts --demo) on a fresh SQLite file starts the
 * service, loads the demo councils, prints their tokens, serves requests, and stops on SIGTERM;
 * started again on the same file, the data is still there.
 */
import { fileURLToPath } from "node:url"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { A } from "./utils/office.js"
import { runSetup, startMain } from "./utils/spawn.js"

describe("npm run demo", () => {
  it("starts on a SQLite file, serves, stops, and keeps the data", async () => {
    const dir = mkdtempSync(join(tmpdir(), "council-office-main-"))
    const env = { HDND_SQLITE_FILE: join(dir, "office.sqlite"), HDND_DATABASE_URL: "" }
    try {
      const first = await startMain(env)
      expect(first.output()).toContain("SQLite")
      const clerk = first.tokens[`${A} clerk`]!
      const put = await fetch(`${first.url}/activities/main-1`, {
        method: "PUT",
        headers: { authorization: `Bearer ${clerk}`, "content-type": "application/json" },
        body: JSON.stringify({ id: "main-1", council: A, kind: "survey", owner: "sl.hdnd", organisers: ["sl.ban-ktns"], date: { from: "2023-03-01" }, title: "Khảo sát" })
      })
      expect(put.status).toBe(200)
      expect(await first.stop()).toBe(0)

      const second = await startMain(env)
      const get = await fetch(`${second.url}/activities/main-1`, { headers: { authorization: `Bearer ${second.tokens[`${A} reader`]}` } })
      expect(((await get.json()) as { title: string }).title).toBe("Khảo sát")
      // The first run's token still works: tokens live in the database, not in the process.
      expect((await fetch(`${second.url}/me`, { headers: { authorization: `Bearer ${clerk}` } })).status).toBe(200)
      expect(await second.stop()).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("the deployment steps: load the structure, issue the first admin token, start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "council-office-setup-"))
    const env = { HDND_SQLITE_FILE: join(dir, "office.sqlite"), HDND_DATABASE_URL: "" }
    try {
      const structure = fileURLToPath(new URL("../src/demo-structure.json", import.meta.url))
      expect(runSetup(env, ["--structure", structure])).toMatch(/loaded \d+ structure records/)
      const out = runSetup(env, ["--token", "--council", A, "--role", "admin", "--subject", "Văn phòng HĐND tỉnh"])
      const token = /(hdnd_\S+)/.exec(out)![1]!
      const server = await startMain(env, [])
      try {
        expect(server.tokens).toEqual({})
        const me = await fetch(`${server.url}/me`, { headers: { authorization: `Bearer ${token}` } })
        expect(await me.json()).toMatchObject({ council: A, role: "admin", subject: "Văn phòng HĐND tỉnh" })
        const audit = await fetch(`${server.url}/audit?limit=1000`, { headers: { authorization: `Bearer ${token}` } })
        const entries = ((await audit.json()) as { items: Array<{ subject: string; kind: string }> }).items
        expect(entries.filter((e) => e.subject === "setup").map((e) => e.kind)).toEqual(expect.arrayContaining(["councils", "organs", "tokens"]))
      } finally {
        expect(await server.stop()).toBe(0)
      }
      // A token for a council the store does not hold is refused.
      expect(() => runSetup(env, ["--token", "--council", "hdnd-khong-co", "--role", "admin"])).toThrow()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
