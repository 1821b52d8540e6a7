/**
 * Renders the pictures of docs/export-xlsx.md from the official fixture (LibreOffice and poppler must
 * be installed): `pnpm --filter @hdnd/export-xlsx run docs:images`.
 */
import { Exporter } from "@hdnd/core"
import { ExportDocuments } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { XlsxExporter } from "../src/index.js"
import { ARTIFACTS, DOCS_IMAGES, missingTools, pageToPng, toPdf } from "../test/utils/render.js"

const missing = missingTools()
if (missing.length > 0) throw new Error(`install ${missing.join(", ")} first (apt-get install -y libreoffice-calc poppler-utils)`)
mkdirSync(ARTIFACTS, { recursive: true })
const { bytes } = await Effect.runPromise(
  XlsxExporter.exporter.export(Exporter.document(ExportDocuments.officialDocument), { createdAt: new Date("2024-01-05T08:30:00Z") })
)
const xlsx = join(ARTIFACTS, "official.xlsx")
writeFileSync(xlsx, bytes)
const pdf = toPdf(xlsx)
for (const [page, name, height] of [[1, "cover", undefined], [2, "sheet", 180]] as const) {
  const png = pageToPng(pdf, page, join(ARTIFACTS, `xlsx-${name}.png`), height)
  copyFileSync(png, join(DOCS_IMAGES, `xlsx-${name}.png`))
  console.log(`docs/images/xlsx-${name}.png`)
}
