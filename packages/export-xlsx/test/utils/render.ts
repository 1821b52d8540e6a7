/**
 * The official fixture's workbook as LibreOffice prints it, for the render test and the pictures in
 * the docs (`scripts/docs-images.ts`): written to `test-artifacts/xlsx/official.xlsx`, converted to PDF
 * in the Vietnamese locale (so `#,##0` shows "1.044") with the testkit's `ExportRender`.
 */
import { Exporter } from "@hdnd/core"
import { ExportDocuments, ExportRender } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { XlsxExporter } from "../../src/index.js"

/** `test-artifacts/xlsx/` at the root of the repository (git ignores it). */
export const ARTIFACTS = fileURLToPath(new URL("../../../../test-artifacts/xlsx/", import.meta.url))

/** `docs/images/` at the root of the repository. */
export const DOCS_IMAGES = fileURLToPath(new URL("../../../../docs/images/", import.meta.url))

/** The pictures of the docs: page, file name and the height kept (the whole page when undefined). */
export const PICTURES = [
  [1, "xlsx-cover.png", undefined],
  [2, "xlsx-sheet.png", 180]
] as const

/** Exports the official fixture, converts it to PDF with LibreOffice and returns the PDF's path. */
export const renderOfficial = async (): Promise<string> => {
  mkdirSync(ARTIFACTS, { recursive: true })
  const { bytes } = await Effect.runPromise(
    XlsxExporter.exporter.export(Exporter.document(ExportDocuments.officialDocument), { createdAt: new Date("2024-01-05T08:30:00Z") })
  )
  const xlsx = join(ARTIFACTS, "official.xlsx")
  writeFileSync(xlsx, bytes)
  return ExportRender.toPdf(xlsx, { env: { LC_ALL: "vi_VN.UTF-8", LANG: "vi_VN.UTF-8", LANGUAGE: "vi" } })
}

/** Renders one of {@link PICTURES} of the PDF into `test-artifacts/xlsx/` and returns its path. */
export const picture = (pdf: string, [page, name, height]: (typeof PICTURES)[number]): string =>
  ExportRender.pageToPng(pdf, page, join(ARTIFACTS, name), height === undefined ? {} : { crop: { width: 662, height } })
