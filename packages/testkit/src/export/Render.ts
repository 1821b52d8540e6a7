/**
 * Rendering exported files as a reader would see them, for exporter tests: a DOCX, XLSX or ODT file to
 * PDF with LibreOffice (`soffice --headless`, a private profile so parallel runs do not lock one), then
 * the PDF's page count and text with poppler (`pdfinfo`, `pdftotext`) and a page as a PNG (`pdftoppm`).
 *
 * These tools are not npm packages: check {@link missingTools} and skip with its list on a developer's
 * machine, but fail in CI, which installs them (`apt-get install -y libreoffice-writer-nogui
 * libreoffice-calc-nogui poppler-utils`).
 *
 * @since 0.1.0
 */
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"

/**
 * The programs rendering needs.
 *
 * @since 0.1.0
 * @category tools
 */
export const TOOLS = ["soffice", "pdfinfo", "pdftotext", "pdftoppm"] as const

/**
 * The full path of a program on the PATH, if there is one.
 *
 * @since 0.1.0
 * @category tools
 */
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

/**
 * The tools of {@link TOOLS} that are not installed.
 *
 * @since 0.1.0
 * @category tools
 */
export const missingTools = (): Array<string> => TOOLS.filter((t) => which(t) === undefined)

const run = (program: string, args: ReadonlyArray<string>, options: { timeout?: number; env?: NodeJS.ProcessEnv } = {}): string => {
  const r = spawnSync(program, [...args], {
    encoding: "utf8",
    timeout: options.timeout ?? 110_000,
    maxBuffer: 64 * 1024 * 1024,
    ...(options.env === undefined ? {} : { env: { ...process.env, ...options.env } })
  })
  if (r.error !== undefined) throw r.error
  if (r.status !== 0) throw new Error(`${program} ${args.join(" ")} exited with ${r.status}: ${r.stderr}`)
  return r.stdout
}

/**
 * A fresh temporary directory.
 *
 * @since 0.1.0
 * @category files
 */
export const tempDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix))

/**
 * Converts a document or workbook to PDF with LibreOffice, into `outDir` (default: beside the file),
 * with a private profile. `env` adds environment variables (a locale such as `LC_ALL=vi_VN.UTF-8`
 * makes spreadsheets show Vietnamese number separators). Returns the PDF's path.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toPdf = (file: string, options: { readonly outDir?: string; readonly env?: NodeJS.ProcessEnv } = {}): string => {
  const outDir = options.outDir ?? path.dirname(file)
  const profile = tempDir("hdnd-lo-profile-")
  try {
    run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, file], {
      ...(options.env === undefined ? {} : { env: options.env })
    })
  } finally {
    fs.rmSync(profile, { recursive: true, force: true })
  }
  const pdf = path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`)
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${file}`)
  return pdf
}

/**
 * The number of pages of a PDF.
 *
 * @since 0.1.0
 * @category reading
 */
export const pageCount = (pdf: string): number => {
  const m = /^Pages:\s+(\d+)/m.exec(run("pdfinfo", [pdf]))
  if (m === null) throw new Error(`pdfinfo gave no page count for ${pdf}`)
  return Number(m[1])
}

/**
 * The text of pages `first`–`last` of a PDF (NFC); with `layout`, lines as they are laid out.
 *
 * @since 0.1.0
 * @category reading
 */
export const pdfText = (pdf: string, first?: number, last?: number, options: { readonly layout?: boolean } = {}): string =>
  run("pdftotext", [
    ...(first === undefined ? [] : ["-f", String(first)]),
    ...(last === undefined ? [] : ["-l", String(last)]),
    ...(options.layout === true ? ["-layout"] : []),
    "-enc",
    "UTF-8",
    pdf,
    "-"
  ]).normalize("NFC")

/**
 * The laid-out text of every page of a PDF, one string per page.
 *
 * @since 0.1.0
 * @category reading
 */
export const pdfPages = (pdf: string): ReadonlyArray<string> =>
  pdfText(pdf, undefined, undefined, { layout: true })
    .split("\f")
    .filter((p, i, all) => i < all.length - 1 || p.trim().length > 0)

/**
 * Renders one page of a PDF as a PNG at `dpi` (default 80) to `out` (a `.png` path), optionally only
 * a `crop` rectangle in pixels. Returns `out`.
 *
 * @since 0.1.0
 * @category rendering
 */
export const pageToPng = (
  pdf: string,
  page: number,
  out: string,
  options: { readonly dpi?: number; readonly crop?: { readonly width: number; readonly height: number } } = {}
): string => {
  fs.mkdirSync(path.dirname(out), { recursive: true })
  const crop = options.crop === undefined ? [] : ["-x", "0", "-y", "0", "-W", String(options.crop.width), "-H", String(options.crop.height)]
  run("pdftoppm", ["-png", "-r", String(options.dpi ?? 80), "-f", String(page), "-l", String(page), ...crop, "-singlefile", pdf, out.replace(/\.png$/, "")])
  return out
}
