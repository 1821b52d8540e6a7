/**
 * Concurrent writers on the SQLite default, over real HTTP: 20 at once per council on distinct
 * records, 20 on one record, and 20 imports (half with a bad row). Every write lands exactly once
 * or is rejected cleanly, and the audit log matches what was written.
 */
import { afterAll, beforeAll, describe, it } from "vitest"
import type { Office } from "./utils/office.js"
import { open } from "./utils/office.js"
import { parallelDistinct, parallelImports, parallelSameRecord } from "./utils/scenarios.js"

let office: Office
beforeAll(async () => {
  office = await open()
})
afterAll(() => office.close())

describe("concurrent writers (SQLite)", () => {
  it("20 writers per council, each its own record", () => parallelDistinct(office, "par"))
  it("20 writers of one record", () => parallelSameRecord(office, "same-1"))
  it("20 imports, half of them with a bad row", () => parallelImports(office, "imp"))
})
