import { MemoryStore } from "@hdnd/core"
import { StoreSuite } from "../src/index.js"

await StoreSuite.storeConformance({ name: "memory", layer: () => MemoryStore.layer() })
