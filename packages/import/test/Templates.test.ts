import { Dataset, Registry, Validation } from "@hdnd/core"
import { Decode, Source } from "@hdnd/import"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { csvTemplate, referenceMarkdown, templateColumns, withReference } from "../scripts/render.js"
import { collect, problemLines } from "./utils/collect.js"
import { dataset } from "./utils/fixture.js"

const docs = fileURLToPath(new URL("../../../docs/", import.meta.url))
const template = (kind: string, ext: string) => join(docs, "templates", `${kind}.${ext}`)

describe("templates", () => {
  for (const kind of Dataset.entityKinds) {
    for (const ext of ["csv", "xlsx"]) {
      it(`${kind}.${ext} has the Vietnamese headers and an example row that imports with no problem`, async () => {
        const items = await collect(Source.open(template(kind, ext)))
        const header = items[0]
        expect(header?._tag === "Header" && header.columns.map((c) => c.header)).toEqual(templateColumns(kind).map((c) => c.vi))
        const decoded = await collect(Decode.decode(Source.open(template(kind, ext)), { dataset }))
        expect(problemLines(decoded)).toEqual([])
        expect(decoded.map((d) => d._tag === "Record" && [d.kind, d.row])).toEqual([[kind, 2]])
      })
    }
  }

  it("import together, in order, into a consistent batch", async () => {
    const decoded = await collect(Decode.decode(Source.openAll(Dataset.entityKinds.map((k) => template(k, "csv"))), { dataset }))
    expect(problemLines(decoded)).toEqual([])
    const batch: Record<string, Array<unknown>> = {}
    for (const d of decoded) if (d._tag === "Record") (batch[d.kind] ??= []).push(d.record)
    expect(Validation.validateBatch(dataset, batch as Dataset.Batch, Registry.builtin)).toEqual([])
  })

  it("are what scripts/templates.ts writes (run it after changing the interchange tables)", () => {
    for (const kind of Dataset.entityKinds) expect(readFileSync(template(kind, "csv"), "utf8")).toBe(csvTemplate(kind))
    const doc = readFileSync(join(docs, "interchange.md"), "utf8")
    expect(withReference(doc)).toBe(doc)
    expect(doc).toContain(referenceMarkdown())
  })
})
