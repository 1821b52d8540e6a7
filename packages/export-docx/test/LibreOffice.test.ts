/**
 * The official report opened by LibreOffice: it converts to a PDF whose pages show the title, the
 * quốc hiệu and the tiêu ngữ, with the page number on page 2 and none on page 1. Page 1 is saved as
 * `test-artifacts/docx/page-1.png` for a person to look at.
 *
 * Needs `soffice` (LibreOffice) and poppler-utils. Without them the test is skipped on a developer's
 * machine and fails in CI, which installs them.
 */
import { Exporter } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import { ExportDocuments, ExportRender } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { DocxExporter } from "../src/index.js"
const { missingTools, pageCount, pageToPng, pdfText, tempDir, toPdf } = ExportRender

const root = fileURLToPath(new URL("../../..", import.meta.url))
const artifacts = path.join(root, "test-artifacts", "docx")
const missing = missingTools()
const space = (s: string) => s.replace(/\s+/g, " ").trim()

/** Exports a document to `docx` and converts it to a PDF beside it. */
const render = async (doc: ReportDocument.ReportDocument, docx: string) => {
  const out = await Effect.runPromise(DocxExporter.exporter.export(Exporter.document(doc), { createdAt: new Date("2023-10-04T02:00:00Z") }))
  fs.writeFileSync(docx, out.bytes)
  return { docx, pdf: toPdf(docx) }
}

describe("DOCX rendered by LibreOffice", () => {
  if (missing.length > 0 && process.env.CI === undefined) {
    it.skip(`skipped: ${missing.join(", ")} not installed (CI installs LibreOffice and poppler-utils)`, () => {})
    return
  }

  it(
    "the official report converts to PDF with its title, quốc hiệu and tiêu ngữ, numbered from page 2, and page 1 is saved as a PNG",
    async () => {
      expect(missing, "LibreOffice and poppler-utils must be installed in CI").toEqual([])
      const doc = ExportDocuments.officialDocument
      const dir = tempDir("hdnd-docx-")
      try {
        const { docx, pdf } = await render(doc, path.join(dir, "bao-cao.docx"))
        // The appendix starts a new page, so there are at least two.
        expect(pageCount(pdf)).toBeGreaterThanOrEqual(2)
        const page1 = space(pdfText(pdf, 1, 1))
        expect(page1).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        expect(page1).toContain("Độc lập - Tự do - Hạnh phúc")
        expect(page1).toContain("Sơn La, ngày 04 tháng 10 năm 2023")
        // The title is written in capitals (w:caps), so LibreOffice shows it upper case.
        expect(page1).toContain(space(doc.title.toUpperCase()))
        // The page number field: nothing above the header block on page 1, "2" at the top of page 2.
        expect(page1.startsWith("1 ")).toBe(false)
        expect(pdfText(pdf, 2, 2).trim().split(/\s+/)[0]).toBe("2")
        fs.mkdirSync(artifacts, { recursive: true })
        const png = pageToPng(pdf, 1, path.join(dir, "page-1.png"))
        expect(fs.statSync(png).size).toBeGreaterThan(10_000)
        fs.copyFileSync(png, path.join(artifacts, "page-1.png"))
        fs.copyFileSync(docx, path.join(artifacts, "bao-cao.docx"))
        fs.copyFileSync(pdf, path.join(artifacts, "bao-cao.pdf"))
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
    60_000
  )

  it(
    "a table longer than a page repeats its header row at the top of the next page",
    async () => {
      expect(missing, "LibreOffice and poppler-utils must be installed in CI").toEqual([])
      const dir = tempDir("hdnd-docx-")
      try {
        const { pdf } = await render(ExportDocuments.bigTableDocument(120), path.join(dir, "bang-dai.docx"))
        expect(pageCount(pdf)).toBeGreaterThanOrEqual(2)
        const lines = pdfText(pdf, 2, 2, { layout: true }).split("\n").map(space).filter((l) => l.length > 0)
        expect(lines[0]).toBe("2")
        // Between the page number and the first row on the page: the column headers, whose words
        // may wrap within their columns.
        const firstRow = lines.findIndex((l) => /^Hoạt động số \d+:/.test(l))
        expect(firstRow).toBeGreaterThan(1)
        const head = lines.slice(1, firstRow).join(" ").split(" ")
        expect(head.sort()).toEqual(["Hoạt động", "Cơ quan", "Thẩm tra", "Giám sát"].join(" ").split(" ").sort())
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
    60_000
  )
})
