/**
 * Writes the published JSON Schemas (`schema/*.json`) from the code. Run after changing a format:
 * `pnpm --filter @hdnd/export-json run schemas`; a test fails while they differ.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { JsonExporter } from "../src/index.js"

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../schema")

/** The schema files and their content. */
export const schemaFiles = (): ReadonlyArray<readonly [string, string]> =>
  (Object.keys(JsonExporter.SCHEMA_FILES) as ReadonlyArray<JsonExporter.SchemaKind>).map(
    (kind) => [JsonExporter.SCHEMA_FILES[kind], JSON.stringify(JsonExporter.jsonSchema(kind), null, 2) + "\n"] as const
  )

/** Where the schema files live. */
export const SCHEMA_DIR = dir

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(dir, { recursive: true })
  for (const [name, text] of schemaFiles()) fs.writeFileSync(path.join(dir, name), text)
  console.log(`wrote ${schemaFiles().length} schemas to ${dir}`)
}
