/**
 * Renders the pictures of docs/export-xlsx.md from the official fixture (LibreOffice and poppler must
 * be installed): `pnpm --filter @hdnd/export-xlsx run docs:images`.
 */
import { ExportRender } from "@hdnd/testkit"
import { copyFileSync } from "node:fs"
import { basename, join } from "node:path"
import { DOCS_IMAGES, picture, PICTURES, renderOfficial } from "../test/utils/render.js"

const missing = ExportRender.missingTools()
if (missing.length > 0) throw new Error(`install ${missing.join(", ")} first (apt-get install -y libreoffice-calc-nogui poppler-utils)`)
const pdf = await renderOfficial()
for (const p of PICTURES) {
  const png = picture(pdf, p)
  copyFileSync(png, join(DOCS_IMAGES, basename(png)))
  console.log(`docs/images/${basename(png)}`)
}
