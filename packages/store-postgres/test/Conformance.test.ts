import { StoreSuite } from "@hdnd/testkit"
import { describePg, freshLayer } from "./utils/postgres.js"

describePg("PostgreSQL", async () => {
  await StoreSuite.storeConformance({ name: "postgres", layer: () => freshLayer() })
})
