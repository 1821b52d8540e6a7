/**
 * Roles through the Promise API on PostgreSQL: the testkit's `rolesThroughClient` (led by, took
 * part, involved and organ × role from JSON requests equal the reference), a schema per sample.
 */
import { StoreClientRoles } from "@hdnd/testkit"
import { it } from "vitest"
import { describePg, freshLayer } from "./utils/postgres.js"

describePg("roles on PostgreSQL", () => {
  it("Promise client on PostgreSQL: led by, took part, involved and by organ × role equal the reference", () =>
    StoreClientRoles.rolesThroughClient({ layer: () => freshLayer(), numRuns: 4 }))
})
