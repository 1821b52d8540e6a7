/**
 * Data round-trips exactly through the SQLite store (issue #3 §5), in a file.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll } from "vitest"
import { SqliteStore } from "../src/index.js"
import { tempDir } from "./fixtures/child.js"
import { roundTripSuite } from "./fixtures/roundTrip.js"

const dir = tempDir("hdnd-roundtrip-")
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

roundTripSuite("SQLite round trip", (registry) => SqliteStore.layer({ filename: path.join(dir, "rt.sqlite"), registry }))
