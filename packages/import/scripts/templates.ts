/**
 * Writes the ready-to-fill templates `docs/templates/<entity>.csv` and `<entity>.xlsx` (a Vietnamese
 * header row and one example row; the XLSX has a second sheet, "Hướng dẫn", describing every
 * column) and the generated column reference in `docs/interchange.md`, all from the interchange
 * tables in `src/InterchangeColumns.ts` (published as `Interchange.entities`).
 *
 * Run from the repository root: `npx -y pnpm@10.34.9 --filter @hdnd/import run templates`.
 */
import { Dataset } from "@hdnd/core"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { csvTemplate, withReference, writeXlsxTemplate } from "./render.js"

const docs = fileURLToPath(new URL("../../../docs/", import.meta.url))
const templates = join(docs, "templates")

mkdirSync(templates, { recursive: true })
for (const kind of Dataset.entityKinds) {
  writeFileSync(join(templates, `${kind}.csv`), csvTemplate(kind), "utf8")
  await writeXlsxTemplate(kind, join(templates, `${kind}.xlsx`))
  console.log(`docs/templates/${kind}.csv, docs/templates/${kind}.xlsx`)
}
const guide = join(docs, "interchange.md")
if (existsSync(guide)) {
  writeFileSync(guide, withReference(readFileSync(guide, "utf8")), "utf8")
  console.log("docs/interchange.md (reference)")
}
