import { Dataset, MemoryStore, Store } from "@hdnd/core"
import { Import } from "@hdnd/import"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { readFileSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { sonLaBatch } from "../src/data.js"
import { csvOf, presentFiles, TEMPLATE_FILE, templateJson } from "../src/files.js"

const data = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../data")
const encode = (kind: Dataset.EntityKind, r: unknown) =>
  JSON.parse(JSON.stringify(Schema.encodeSync(Dataset.entitySchemas[kind] as unknown as Schema.Codec<unknown, unknown>)(r)))
const byId = (kind: Dataset.EntityKind, records: ReadonlyArray<unknown>) =>
  records.map((r) => encode(kind, r)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

describe("the Sơn La data files", () => {
  it("are up to date with src/data.ts and src/template.ts (regenerate with `run files`)", () => {
    for (const { kind, file } of presentFiles()) if (file.endsWith(".csv")) expect(readFileSync(path.join(data, file), "utf8"), file).toBe(csvOf(kind))
    expect(readFileSync(path.join(data, TEMPLATE_FILE), "utf8")).toBe(templateJson())
  })

  it("import (CSV and the XLSX workbook) into exactly the records of the dataset", async () => {
    const batch = sonLaBatch()
    const stored = await Effect.runPromise(
      Effect.gen(function* () {
        const summary = yield* Import.run(presentFiles().map((f) => path.join(data, f.file)))
        expect(summary).toMatchObject({ committed: true, rejected: 0 })
        const store = yield* Store.Store
        return yield* Effect.forEach(Dataset.entityKinds, (kind) => Effect.map(Stream.runCollect(store.stream(kind)), (c) => [kind, [...c]] as const))
      }).pipe(Effect.provide(MemoryStore.layer()))
    )
    for (const [kind, records] of stored) expect(byId(kind, records), kind).toEqual(byId(kind, (batch[kind] ?? []) as ReadonlyArray<unknown>))
  })
})
