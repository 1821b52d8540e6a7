/**
 * Roles through the Promise API on SQLite files: the testkit's `rolesThroughClient` (led by, took
 * part, involved and organ × role from JSON requests equal the reference), one file per sample.
 */
import { StoreClientRoles } from "@hdnd/testkit"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { it } from "vitest"
import { SqliteStore } from "../src/index.js"

it("Promise client on SQLite: led by, took part, involved and by organ × role equal the reference", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hdnd-roles-"))
  try {
    await StoreClientRoles.rolesThroughClient({ layer: (run) => SqliteStore.layer({ filename: path.join(dir, `${run}.sqlite`) }), numRuns: 6 })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
