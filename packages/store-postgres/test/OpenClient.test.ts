/**
 * `PostgresStore.openClient`: the Promise client on a real server, in a schema of its own, with the
 * same typed results and errors as on SQLite; the data is there for a second client.
 */
import { Errors, Indicators, Tabulation } from "@hdnd/core"
import { Database } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import { randomUUID } from "node:crypto"
import { readFileSync } from "node:fs"
import { expect, it } from "vitest"
import { PostgresStore } from "../src/index.js"
import { describePg, TEST_URL } from "./utils/postgres.js"

const data = JSON.parse(readFileSync(new URL("../../../examples/promise-api/src/data.json", import.meta.url), "utf8")) as unknown

describePg("PostgresStore.openClient", () => {
  it("loads, reads, tabulates and reports through promises; a second client sees the data; errors are typed", async () => {
    const schema = `hdnd_c_${randomUUID().replace(/-/g, "").slice(0, 16)}`
    const client = await PostgresStore.openClient(TEST_URL, { schema, maxConnections: 2 })
    try {
      expect((await client.load(data)).inserted).toBe(13)
      expect((await client.get("councils", "hdnd-tinh-son-la")).id).toBe("hdnd-tinh-son-la")
      const scope = { council: "hdnd-tinh-son-la" }
      const period = { from: "2023-01-01", to: "2023-12-31" }
      const tab = await client.tabulate({ indicators: [Indicators.ids.supervision], scope, period })
      // One joint supervision by two committees: once for the council.
      expect(Tabulation.valueOf(tab, Indicators.ids.supervision).value).toBe(1)
      expect(client.markdown(await client.report("core/activity-summary", { scope, period })).length).toBeGreaterThan(0)
      const missing = await client.get("councils", "nowhere").catch((e: unknown) => e)
      expect(missing).toBeInstanceOf(Errors.NotFoundError)

      const second = await PostgresStore.openClient(TEST_URL, { schema })
      try {
        expect((await second.list("activities")).length).toBe(5)
      } finally {
        await second.close()
      }
    } finally {
      await client.close()
      const drop = Effect.flatMap(Database.Database, (db) => db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`))
      await Effect.runPromise(Effect.scoped(Effect.provide(drop, PostgresStore.layer({ url: TEST_URL, schema }))))
    }
  })
})
