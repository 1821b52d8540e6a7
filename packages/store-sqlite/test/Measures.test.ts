import { StoreMeasures } from "@hdnd/testkit"
import { describe, it } from "vitest"
import { SqliteStore } from "../src/index.js"

describe("sqlite: sums and distinct counts of attributes", () => {
  it("tabulates odd attribute values (texts where numbers are summed, numbers, NFD, nested lists and objects where values are counted) like the reference", () =>
    StoreMeasures.oddValues(() => SqliteStore.layer({ filename: ":memory:", registry: StoreMeasures.registry })))
})
