import { Dataset, Registry, Validation } from "@hdnd/core"
import { describe, expect, it } from "vitest"
import { batch, councils, dataset, lineage, NAMESPACE, organs, templates, terms, units } from "../src/index.js"

describe("@hdnd/province-son-la", () => {
  it("is one batch that validates against the built-in registry with no problem", () => {
    expect(Validation.validateBatch(Dataset.empty, batch, Registry.builtin).map((p) => p.describe("en"))).toEqual([])
    expect(dataset).toBe(batch)
  })

  it("holds 90 units, 3 lineage events, 89 councils, 14 terms and 358 organs", () => {
    expect(Dataset.batchSize(batch)).toBe(90 + 3 + 89 + 14 + 358)
    expect([units.length, lineage.length, councils.length, terms.length, organs.length]).toEqual([90, 3, 89, 14, 358])
  })

  it("has unique ids in every collection", () => {
    for (const [kind, records] of Object.entries(batch)) {
      const ids = (records as ReadonlyArray<{ readonly id: string }>).map((r) => r.id)
      expect(new Set(ids).size, kind).toBe(ids.length)
    }
  })

  it("namespaces its template ids with its name", () => {
    expect(NAMESPACE).toBe("son-la")
    expect(templates.map((t) => t.id)).toEqual(["son-la/committee-conference-2023", "son-la/committee-year-end", "son-la/answer-report"])
    for (const t of templates) expect(t.id.startsWith(`${NAMESPACE}/`)).toBe(true)
  })
})

describe("the Sơn La plugin", () => {
  it("loads alone through the plugin host: its templates join the registry and its data is the batch", async () => {
    const { PluginHost, Registry } = await import("@hdnd/core")
    const { Result } = await import("effect")
    const { plugin, batch } = await import("../src/index.js")
    const loaded = Result.getOrThrow(PluginHost.load([plugin]))
    expect(loaded.plugins.map((p) => p.name)).toEqual(["son-la"])
    expect(loaded.registry.templates.has("son-la/committee-conference-2023" as never)).toBe(true)
    expect(loaded.registry.templates.has("son-la/committee-year-end" as never)).toBe(true)
    expect(Registry.builtin.templates.has("son-la/committee-conference-2023" as never)).toBe(false)
    expect(loaded.data.units).toHaveLength(batch.units!.length)
    expect(loaded.data.organs).toHaveLength(batch.organs!.length)
    expect(loaded.overrides).toEqual([])
  })
})
