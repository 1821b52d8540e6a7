import { PluginSuite } from "@hdnd/testkit"
import * as SonLa from "@hdnd/province-son-la"
import { plugin } from "../src/index.js"

// The plugin conformance kit, as every province's team runs it: its ids, schemas, data, template and
// indicators checked on data generated over Đà Nẵng's own councils, and loading beside Sơn La.
await PluginSuite.pluginConformance({ plugin, alongside: [SonLa.plugin] })
