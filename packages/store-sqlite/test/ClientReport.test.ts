/**
 * `client.report(template, { scope, period, sessions })` through the Promise API on a SQLite file:
 * for generated datasets with sessions, resolutions and documents, a template from a data plugin
 * renders each figure as the reference tabulation scoped to the same sessions counts it.
 */
import { Client, Dataset, Registry, Tabulate, Tabulation } from "@hdnd/core"
import { StoreData } from "@hdnd/testkit"
import * as Result from "effect/Result"
import fc from "fast-check"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { expect, it } from "vitest"
import { SqliteStore } from "../src/index.js"

const INDICATORS = ["core/documents-reviewed", "core/resolutions-adopted", "core/sessions-held", "core/review.content", "core/supervision"]

const plugin = {
  name: "thu-nghiem",
  version: "1.0.0",
  coreVersion: "^0.1.0",
  vi: "Mẫu thử",
  en: "Test template",
  templates: [{
    id: "thu-nghiem/ky-hop",
    vi: "Số liệu kỳ họp",
    en: "Session figures",
    title: "Báo cáo {{period}}",
    groupBy: [],
    sections: [{ blocks: [{ _tag: "Paragraph", text: INDICATORS.map((i) => `{{number ${i} grouping=no}}`).join("; ") }] }]
  }]
}

it("Promise client on SQLite: report(template, { scope, period, sessions }) gives the reference's session-scoped figures", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hdnd-client-report-"))
  try {
    const samples = fc.sample(
      StoreData.busyDatasetArb(8, { maxActivities: 40 })
        .filter((full) => [...full.world.sessionsByCouncil.values()].some((s) => s.length > 0))
        .chain((full) => {
          const ids = [...full.world.sessionsByCouncil.values()].flat().map((s) => s.id as string)
          return fc.tuple(fc.constant(full), fc.subarray(ids, { minLength: 1 }))
        }),
      { numRuns: 6, seed: 14 }
    )
    let differed = 0
    for (const [i, [{ batch }, sessions]] of samples.entries()) {
      const client = await Client.HdndClient.open({ plugins: [plugin], store: (registry) => SqliteStore.layer({ filename: path.join(dir, `${i}.sqlite`), registry }) })
      try {
        await client.load(Client.encodeBatch(batch))
        const scope = { _tag: "Subtree", unit: "u14", asOf: "2023-06-30" }
        const period = { from: "2021-01-01", to: "2022-06-30" }
        const doc = await client.report("thu-nghiem/ky-hop", JSON.parse(JSON.stringify({ scope, period, sessions })))
        const unscoped = await client.report("thu-nghiem/ky-hop", JSON.parse(JSON.stringify({ scope, period })))
        const want = (s?: ReadonlyArray<string>) => {
          const tab = Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(batch), Registry.builtin, { indicators: INDICATORS, scope, period, ...(s === undefined ? {} : { sessions: s }) } as never))
          return INDICATORS.map((id) => Tabulation.valueOf(tab, id as never).value)
        }
        expect(doc.figures.map((f) => f.value)).toEqual(want(sessions))
        expect(unscoped.figures.map((f) => f.value)).toEqual(want())
        if (JSON.stringify(want(sessions)) !== JSON.stringify(want())) differed++
      } finally {
        await client.close()
      }
    }
    // The samples are not all alike with and without sessions, so the scope was really applied.
    expect(differed).toBeGreaterThan(0)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
