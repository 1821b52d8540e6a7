import { StoreMeasures } from "@hdnd/testkit"
import { it } from "vitest"
import { describePg, freshLayer } from "./utils/postgres.js"

describePg("PostgreSQL: sums and distinct counts of attributes", () => {
  it("tabulates odd attribute values (texts where numbers are summed, numbers, NFD, nested lists and objects where values are counted) like the reference", () =>
    StoreMeasures.oddValues(() => freshLayer({ registry: StoreMeasures.registry })))
})
