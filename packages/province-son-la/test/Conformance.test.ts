import { PluginSuite } from "@hdnd/testkit"
import { plugin } from "../src/index.js"

// The plugin conformance kit, unchanged, as every province plugin runs it: ids, schemas, data,
// templates rendered on generated data over Sơn La's own councils and organs, and the counting laws.
await PluginSuite.pluginConformance({ plugin })
