/**
 * Writes a fixture of the conformance kit as DOCX, for looking at it in Word or LibreOffice:
 *
 *   node --import tsx --conditions=@hdnd/source packages/export-docx/scripts/render.ts official out.docx
 *   node --import tsx --conditions=@hdnd/source packages/export-docx/scripts/render.ts big:120 out.docx
 */
import { Exporter } from "@hdnd/core"
import { ExportDocuments } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import { DocxExporter } from "../src/index.js"

const [which = "official", file = "bao-cao.docx"] = process.argv.slice(2)
const doc = which.startsWith("big:")
  ? ExportDocuments.bigTableDocument(Number(which.slice(4)))
  : which === "long"
    ? ExportDocuments.longNamesDocument
    : which === "empty"
      ? ExportDocuments.emptyTablesDocument
      : ExportDocuments.officialDocument
const out = await Effect.runPromise(DocxExporter.exporter.export(Exporter.document(doc)))
fs.writeFileSync(file, out.bytes)
console.log(`${file}: ${out.bytes.length} bytes`)
