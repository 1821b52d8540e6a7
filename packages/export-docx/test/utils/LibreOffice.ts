/**
 * Rendering a DOCX with LibreOffice and poppler in tests: DOCX → PDF (`soffice --headless`), the
 * PDF's page count and text (`pdfinfo`, `pdftotext`) and a page as PNG (`pdftoppm`).
 */
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"

/** The programs the rendering needs. */
export const TOOLS = ["soffice", "pdfinfo", "pdftotext", "pdftoppm"] as const

/** The full path of a program on the PATH, if there is one. */
export const which = (program: string): string | undefined =>
  (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => dir.length > 0)
    .map((dir) => path.join(dir, program))
    .find((file) => {
      try {
        fs.accessSync(file, fs.constants.X_OK)
        return true
      } catch {
        return false
      }
    })

/** The tools of {@link TOOLS} that are not installed. */
export const missingTools = (): Array<string> => TOOLS.filter((t) => which(t) === undefined)

const run = (program: string, args: ReadonlyArray<string>, timeout = 55_000): string => {
  const r = spawnSync(program, [...args], { encoding: "utf8", timeout })
  if (r.error !== undefined) throw r.error
  if (r.status !== 0) throw new Error(`${program} ${args.join(" ")} exited with ${r.status}: ${r.stderr}`)
  return r.stdout
}

/** A fresh temporary directory. */
export const tempDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix))

/**
 * Converts a DOCX file to PDF with LibreOffice, using a private profile so that parallel runs do not
 * share (and lock) one. Returns the PDF's path.
 */
export const toPdf = (docx: string, outDir: string): string => {
  const profile = tempDir("hdnd-lo-profile-")
  try {
    run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, docx])
  } finally {
    fs.rmSync(profile, { recursive: true, force: true })
  }
  const pdf = path.join(outDir, `${path.basename(docx, path.extname(docx))}.pdf`)
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${docx}`)
  return pdf
}

/** The number of pages of a PDF. */
export const pageCount = (pdf: string): number => {
  const m = /^Pages:\s+(\d+)/m.exec(run("pdfinfo", [pdf]))
  if (m === null) throw new Error(`pdfinfo gave no page count for ${pdf}`)
  return Number(m[1])
}

/** The text of pages `first`–`last` of a PDF (NFC); with `layout`, lines as they are laid out on the page. */
export const pdfText = (pdf: string, first?: number, last?: number, options: { layout?: boolean } = {}): string =>
  run("pdftotext", [
    ...(first === undefined ? [] : ["-f", String(first)]),
    ...(last === undefined ? [] : ["-l", String(last)]),
    ...(options.layout === true ? ["-layout"] : []),
    "-enc",
    "UTF-8",
    pdf,
    "-"
  ]).normalize("NFC")

/** Renders one page of a PDF as a PNG at `dpi` and returns its path. */
export const pageToPng = (pdf: string, page: number, dpi: number, outPrefix: string): string => {
  run("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, outPrefix])
  return `${outPrefix}.png`
}
