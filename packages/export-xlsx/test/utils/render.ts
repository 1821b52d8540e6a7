/**
 * Rendering a workbook as LibreOffice prints it, for the render test and the pictures in the docs:
 * XLSX → PDF with `soffice` (a private profile, the Vietnamese locale), PDF → PNG and text with
 * poppler's `pdftoppm` and `pdftotext`.
 */
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, join } from "node:path"
import { fileURLToPath } from "node:url"

/** `test-artifacts/xlsx/` at the root of the repository (git ignores it). */
export const ARTIFACTS = fileURLToPath(new URL("../../../../test-artifacts/xlsx/", import.meta.url))

/** `docs/images/` at the root of the repository. */
export const DOCS_IMAGES = fileURLToPath(new URL("../../../../docs/images/", import.meta.url))

/** The tools rendering needs that are not on the PATH. */
export const missingTools = (): ReadonlyArray<string> =>
  ["soffice", "pdftoppm", "pdftotext"].filter((tool) => spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0)

const check = (what: string, r: ReturnType<typeof spawnSync>): void => {
  if (r.error !== undefined || r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.error?.message ?? ""} ${String(r.stderr ?? "")}`)
}

/**
 * Converts a workbook to PDF next to it, with LibreOffice in the Vietnamese locale (so `#,##0`
 * shows "1.044"), using a profile of its own so it runs beside another LibreOffice. Returns the PDF's path.
 */
export const toPdf = (xlsx: string): string => {
  const dir = xlsx.slice(0, xlsx.length - basename(xlsx).length)
  const profile = mkdtempSync(join(tmpdir(), "hdnd-lo-"))
  try {
    const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], {
      env: { ...process.env, LC_ALL: "vi_VN.UTF-8", LANG: "vi_VN.UTF-8", LANGUAGE: "vi" },
      timeout: 120_000,
      encoding: "utf8"
    })
    check("soffice --convert-to pdf", r)
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
  return join(dir, basename(xlsx).replace(/\.xlsx$/, ".pdf"))
}

/** Renders one page of a PDF as a PNG at 80 dpi, its top `height` pixels when given; returns the PNG's path. */
export const pageToPng = (pdf: string, page: number, out: string, height?: number): string => {
  mkdirSync(out.slice(0, out.length - basename(out).length), { recursive: true })
  const crop = height === undefined ? [] : ["-x", "0", "-y", "0", "-W", "662", "-H", String(height)]
  const r = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", String(page), "-l", String(page), ...crop, "-singlefile", pdf, out.replace(/\.png$/, "")], { encoding: "utf8" })
  check("pdftoppm", r)
  return out
}

/** The text of a PDF, one string per page. */
export const pdfPages = (pdf: string): ReadonlyArray<string> => {
  const r = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  check("pdftotext", r)
  return r.stdout.split("\f").filter((p, i, all) => i < all.length - 1 || p.trim().length > 0)
}
