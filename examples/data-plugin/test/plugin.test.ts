/**
 * The example data plugin: plugin.json and plugin.yaml declare the same plugin, it passes the plugin
 * conformance kit, and the Promise client loads it with no code.
 */
import { DataPlugin, HdndClient } from "@hdnd/core"
import { PluginSuite } from "@hdnd/testkit"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"

const read = (name: string) => readFileSync(fileURLToPath(new URL(`../${name}`, import.meta.url)), "utf8")
const json = JSON.parse(read("plugin.json")) as Record<string, unknown>
const plugin = PluginSuite.fromData(json, "plugin.json")

await PluginSuite.pluginConformance({ plugin, numRuns: 15 })

describe("examples/data-plugin", () => {
  it("plugin.yaml declares the same plugin as plugin.json", () => {
    const fromYaml = DataPlugin.decodeSync(parse(read("plugin.yaml")), { file: "plugin.yaml" })
    expect(DataPlugin.encode(DataPlugin.documentOf(fromYaml)!)).toEqual(DataPlugin.encode(DataPlugin.documentOf(plugin)!))
  })

  it("the Promise client opens with it and counts with its indicator", async () => {
    const client = await HdndClient.open({ plugins: [json] })
    try {
      await client.load({
        units: [{ id: "u99", code: "99", name: "Tỉnh Minh Họa", type: "tinh", validity: { from: "2004-01-01" } }],
        councils: [{ id: "c99", unit: "u99", name: "HĐND tỉnh Minh Họa", validity: { from: "2004-01-01" } }],
        organs: [{ id: "c99/tt", council: "c99", kind: "standing", name: "Thường trực HĐND tỉnh", validity: { from: "2021-06-25" } }],
        activities: [
          { id: "a1", council: "c99", kind: "vi-du/tiep-xuc-doanh-nghiep", owner: "c99/tt", organisers: ["c99/tt"], date: { from: "2024-03-05" }, title: "Đối thoại với doanh nghiệp", attributes: { businesses: 40, topics: ["thue"] } },
          { id: "a2", council: "c99", kind: "survey", owner: "c99/tt", organisers: ["c99/tt"], date: { from: "2024-04-10" }, title: "Khảo sát" }
        ]
      })
      const t = await client.tabulate({
        indicators: ["vi-du/doanh-nghiep", "vi-du/giam-sat-khao-sat"],
        scope: { _tag: "Subtree", unit: "u99", asOf: "2024-12-31" },
        period: { from: "2024-01-01", to: "2024-12-31" },
        groupBy: []
      })
      expect([...t.cells.values()].map((c) => c.items).sort()).toEqual([1, 1])
      const bad = await client
        .load({ activities: [{ id: "a3", council: "c99", kind: "vi-du/tiep-xuc-doanh-nghiep", owner: "c99/tt", organisers: ["c99/tt"], date: { from: "2024-05-01" }, title: "X", attributes: { businesses: -1 } }] })
        .catch((e: unknown) => e as Error)
      expect(String(bad)).toContain("attributes.businesses")
    } finally {
      await client.close()
    }
  })
})
