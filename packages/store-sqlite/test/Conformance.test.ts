import { StoreSuite } from "@hdnd/testkit"
import { SqliteStore } from "../src/index.js"

await StoreSuite.storeConformance({ name: "sqlite", layer: () => SqliteStore.layer({ filename: ":memory:" }) })
