import { Dataset, Registry } from "@hdnd/core"
import { Decode, Rows, Source } from "@hdnd/import"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { collect } from "./utils/collect.js"
import { asWritten, fullBatchArb } from "./utils/generated.js"

const encode = (kind: Dataset.EntityKind, r: unknown) =>
  JSON.parse(JSON.stringify(Schema.encodeSync(Dataset.entitySchemas[kind] as unknown as Schema.Codec<unknown, unknown>)(r)))

describe("Rows", () => {
  it("property: records of every entity written as interchange CSV files import back as the same records", async () => {
    await fc.assert(
      fc.asyncProperty(fullBatchArb(), async (batch) => {
        const inputs = Dataset.entityKinds
          .filter((k) => (batch[k]?.length ?? 0) > 0)
          .map((k) => ({ name: `${k}.csv`, data: Rows.toCsv(k, batch[k] as ReadonlyArray<unknown>) }))
        const decoded = await collect(Decode.decode(Source.openAll(inputs), { registry: Registry.builtin }))
        const rejected = decoded.flatMap((d) => (d._tag === "Rejected" ? d.problems.map((p) => p.describe("en")) : []))
        expect(rejected).toEqual([])
        for (const kind of Dataset.entityKinds) {
          const got = decoded.flatMap((d) => (d._tag === "Record" && d.kind === kind ? [encode(kind, d.record)] : []))
          expect(got, kind).toEqual((batch[kind] ?? []).map((r) => asWritten(kind, encode(kind, r))))
        }
      }),
      { numRuns: 50 }
    )
  })

  it("writes a header row in Vietnamese or English, lists joined with '; '", () => {
    const text = Rows.toCsv("units", [], "en")
    expect(text.startsWith("\uFEFFid,")).toBe(true)
    expect(Rows.toCsv("units", []).startsWith("\uFEFFMã,")).toBe(true)
  })
})
