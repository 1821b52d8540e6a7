/**
 * The plugin conformance kit on a data plugin (issue #14 item 6): a JSON document, decoded with
 * `PluginSuite.fromData`, passes the same checks as a code plugin, plus the round-trip of its
 * document; a broken document is refused with its located problems.
 */
import { PluginSuite } from "@hdnd/testkit"
import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"

const FILE = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures/data-plugin.json")
const document = JSON.parse(fs.readFileSync(FILE, "utf8")) as Record<string, unknown>

await PluginSuite.pluginConformance({ plugin: PluginSuite.fromData(document, "data-plugin.json"), numRuns: 15 })

describe("PluginSuite.fromData", () => {
  it("throws with every located problem of a broken document", () => {
    const broken = { ...document, templates: [{ ...(document.templates as Array<object>)[0], groupBy: "council" }] }
    expect(() => PluginSuite.fromData(broken, "data-plugin.json")).toThrow(/data-plugin\.json › templates\[0\]\.groupBy: .* \/ /)
  })
})
