/**
 * The page in a real browser (Debian's Chromium, driven by playwright-core): it loads nothing but
 * itself, logs nothing, draws its charts, names them for assistive technology, runs none of the
 * script a hostile document carries, prints to A4, and looks right (a screenshot for people).
 *
 * Skipped with a one-line reason where /usr/bin/chromium is missing, except in CI, where it fails.
 */
import { Exporter } from "@hdnd/core"
import type { ReportDocument } from "@hdnd/core"
import { ExportDocuments } from "@hdnd/testkit"
import * as Effect from "effect/Effect"
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { chromium } from "playwright-core"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { textWidth } from "../src/internal/TextWidth.js"
import { HtmlExporter } from "../src/index.js"
import type { BrowserGlobals } from "./utils/Dom.js"
import { PAYLOADS, hostileDocument } from "./utils/Hostile.js"
import { bodyTexts } from "./utils/HtmlText.js"

const CHROMIUM = "/usr/bin/chromium"
const ROOT = fileURLToPath(new URL("../../..", import.meta.url))
const ARTIFACTS = path.join(ROOT, "test-artifacts", "html")
const skip = !fs.existsSync(CHROMIUM) && process.env.CI === undefined
if (skip) console.warn(`export-html browser tests skipped: ${CHROMIUM} is missing (install Debian's chromium to run them)`)

const CREATED = new Date("2024-01-05T08:30:00Z")
const space = (s: string): string => s.replace(/\s+/g, " ").trim()

const pageOf = async (doc: ReportDocument.ReportDocument): Promise<string> =>
  new TextDecoder().decode((await Effect.runPromise(HtmlExporter.exporter.export(Exporter.document(doc), { createdAt: CREATED }))).bytes)

interface Opened {
  readonly page: Page
  readonly url: string
  /** Every request the page made, the document's own included. */
  readonly requests: Array<string>
  /** Console messages and uncaught errors, as `type: text`. */
  readonly messages: Array<string>
}

describe.skipIf(skip)("HTML page in Chromium", () => {
  let browser: Browser
  const opened: Array<Opened> = []

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] })
  })
  afterAll(async () => {
    for (const o of opened) await o.page.context().close()
    await browser?.close()
  })

  /** Writes the page to test-artifacts/html/{name}.html and opens it from there, counting every request. */
  const open = async (name: string, html: string, viewport = { width: 1000, height: 900 }): Promise<Opened> => {
    const file = path.join(ARTIFACTS, `${name}.html`)
    fs.writeFileSync(file, html)
    const url = pathToFileURL(file).href
    const context = await browser.newContext({ viewport, javaScriptEnabled: true })
    const requests: Array<string> = []
    const messages: Array<string> = []
    // Anything but the document itself is recorded and refused, so a leak cannot even reach the network.
    await context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()))
    context.on("request", (r) => requests.push(r.url()))
    const page = await context.newPage()
    page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`))
    page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`))
    await page.goto(url, { waitUntil: "load" })
    const o = { page, url, requests, messages }
    opened.push(o)
    return o
  }

  it("the official report loads nothing but itself and logs nothing", async () => {
    const { messages, requests, url } = await open("report", await pageOf(ExportDocuments.officialDocument))
    expect(requests).toEqual([url])
    expect(messages).toEqual([])
  })

  it("every heading, table and chart is there; the charts are drawn with non-zero size and named by their alt text", async () => {
    const doc = ExportDocuments.officialDocument
    const { page } = await open("report-structure", await pageOf(doc))
    expect(space(await page.locator("h1").innerText())).toBe(doc.title)
    const h2 = (await page.locator("h2").allInnerTexts()).map(space)
    expect(h2).toEqual(doc.sections.flatMap((s) => (s.heading === undefined ? [] : [s.heading])))
    const blocks = doc.sections.flatMap((s) => s.blocks)
    for (const b of blocks) {
      if (b._tag === "Heading") await expect(page.locator(`h${b.level + 1}`, { hasText: b.text }).count()).resolves.toBe(1)
      if (b._tag === "Table") expect(await page.getByRole("table", { name: b.title, exact: true }).isVisible()).toBe(true)
      if (b._tag === "Chart") {
        const img = page.getByRole("img", { name: b.alt, exact: true })
        expect(await img.count()).toBe(1)
        const box = await img.boundingBox()
        expect(box !== null && box.width > 200 && box.height > 80, JSON.stringify(box)).toBe(true)
        expect(await page.getByRole("figure", { name: b.title, exact: true }).count()).toBe(1)
      }
    }
    for (const t of doc.appendices ?? []) expect(await page.getByRole("table", { name: t.title, exact: true }).isVisible()).toBe(true)
    expect(await page.locator("svg[role=img]").count()).toBe(blocks.filter((b) => b._tag === "Chart").length)
  })

  it("accessibility: every svg[role=img] has a name, every table a caption and header cells, headings do not skip levels", async () => {
    const { page } = await open("report-a11y", await pageOf(ExportDocuments.officialDocument))
    const report = await page.evaluate(() => {
      const { document } = globalThis as unknown as BrowserGlobals
      const problems: Array<string> = []
      for (const svg of document.querySelectorAll("svg[role=img]")) {
        const ids = (svg.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter((x) => x.length > 0)
        const name = ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim()
        if (name.length === 0) problems.push(`svg without a name: ${svg.outerHTML.slice(0, 80)}`)
      }
      for (const t of document.querySelectorAll("table")) {
        if ((t.caption?.textContent ?? "").trim().length === 0) problems.push(`table without a caption: ${t.id}`)
        if (t.querySelectorAll("thead th[scope=col]").length === 0) problems.push(`table without column headers: ${t.id}`)
      }
      let last = 1
      for (const h of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
        const level = Number(h.tagName[1])
        if (level > last + 1) problems.push(`heading ${h.tagName} after h${last}: ${h.textContent}`)
        last = level
      }
      if (document.documentElement.lang !== "vi") problems.push(`lang is ${document.documentElement.lang}`)
      if (document.characterSet !== "UTF-8") problems.push(`charset is ${document.characterSet}`)
      return problems
    })
    expect(report).toEqual([])
  })

  it("the browser reads the same text as the test's readBack function", async () => {
    const html = await pageOf(ExportDocuments.officialDocument)
    const { page } = await open("report-text", html)
    const textContent = space(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.body.textContent ?? ""))
    for (const t of bodyTexts(html)) expect(textContent).toContain(t)
    // What is shown (rendered text, the closed chart-data tables aside) holds the header and the signature.
    const shown = space(await page.locator("body").innerText())
    for (const t of ["HỘI ĐỒNG NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Sơn La, ngày 04 tháng 10 năm 2023", "Nơi nhận:", "Lò Văn Mừng", "1.044", "1.208"]) {
      expect(shown).toContain(t)
    }
  })

  it("a hostile document runs no script, loads nothing, and shows every payload as text (with and without the CSP)", async () => {
    const html = await pageOf(hostileDocument)
    const withoutPolicy = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, "")
    expect(withoutPolicy).not.toBe(html)
    for (const [name, text] of [["hostile", html], ["hostile-no-csp", withoutPolicy]] as const) {
      const { messages, page, requests, url } = await open(name, text)
      expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__pwned), name).toBeUndefined()
      expect(requests, name).toEqual([url])
      expect(messages, name).toEqual([])
      const injected = await page.evaluate(() => {
        const { document } = globalThis as unknown as BrowserGlobals
        const out: Array<string> = []
        for (const el of document.querySelectorAll("*")) {
          if (["SCRIPT", "IMG", "IFRAME", "A", "LINK", "OBJECT", "EMBED", "FOREIGNOBJECT", "IMAGE", "USE"].includes(el.tagName.toUpperCase())) out.push(el.tagName)
          for (const a of el.getAttributeNames()) if (/^on|href|src/.test(a)) out.push(`${el.tagName}[${a}]`)
        }
        out.push(...[...document.querySelectorAll("body style")].map(() => "STYLE in body"))
        return out
      })
      expect(injected, name).toEqual([])
      const shown = space(await page.locator("body").innerText())
      for (const payload of PAYLOADS) expect(shown, `${name}: ${payload}`).toContain(`Đoạn văn: ${space(payload)}`)
      expect(await page.locator("main").isVisible()).toBe(true)
      expect(await page.title()).toBe(hostileDocument.title)
    }
  })

  it("prints to A4: a PDF, the charts within the printed width, the chart-data tables hidden, the appendix on its own page", async () => {
    const { page } = await open("report-print", await pageOf(ExportDocuments.officialDocument))
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true })
    fs.writeFileSync(path.join(ARTIFACTS, "report.pdf"), pdf)
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0
    expect(pages).toBeGreaterThanOrEqual(2)
    if (fs.existsSync("/usr/bin/pdftotext")) {
      // The PDF holds the text as text, and numbers its pages from the second one, at the top (Decree 30).
      const text = execFileSync("/usr/bin/pdftotext", ["-layout", path.join(ARTIFACTS, "report.pdf"), "-"], { encoding: "utf8" })
      for (const t of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Sơn La, ngày 04 tháng 10 năm 2023", "Lò Văn Mừng", "1.044"]) expect(text).toContain(t)
      const [first, second] = text.split("\f")
      expect(first!.trim().startsWith("HỘI ĐỒNG NHÂN DÂN")).toBe(true)
      expect(second!.trim().split("\n")[0]!.trim()).toBe("2")
    }
    // A4 less the margins of Decree 30: 210 − 30 − 15 = 165 mm ≈ 624 CSS pixels.
    await page.setViewportSize({ width: 624, height: 900 })
    await page.emulateMedia({ media: "print" })
    const layout = await page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as BrowserGlobals
      return {
        main: document.querySelector("main")!.getBoundingClientRect().width,
        charts: [...document.querySelectorAll("svg[role=img]")].map((s) => s.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, height: r.height })),
        details: [...document.querySelectorAll("details")].map((d) => getComputedStyle(d).display),
        appendix: [...document.querySelectorAll(".appendix")].map((a) => getComputedStyle(a).breakBefore),
        font: getComputedStyle(document.body).fontFamily
      }
    })
    expect(layout.main).toBeLessThanOrEqual(624)
    for (const c of layout.charts) expect(c.left >= 0 && c.right <= 624 && c.height > 50, JSON.stringify(c)).toBe(true)
    expect(layout.details.every((d) => d === "none")).toBe(true)
    expect(layout.appendix).toEqual(["page"])
    expect(layout.font).toMatch(/^"Times New Roman"/)
  })

  it("the chart's text widths match what the browser measures in Times New Roman (or its metric twin)", async () => {
    const { page } = await open("report-metrics", await pageOf(ExportDocuments.emptyDocument))
    const samples = ["Ban Kinh tế - Ngân sách", "Ban Văn hóa – Xã hội", "HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA", "tháng 10/2022", "1.044", "Thường trực Hội đồng nhân dân", "Ưu tiên ở Đắk Lắk"]
    const measured = await page.evaluate((texts) => {
      const { document } = globalThis as unknown as BrowserGlobals
      const ctx = document.createElement("canvas").getContext("2d")!
      ctx.font = `13px "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", serif`
      return texts.map((t) => ctx.measureText(t).width)
    }, samples)
    samples.forEach((t, i) => {
      const ours = textWidth(t, 13)
      expect(Math.abs(ours - measured[i]!) / measured[i]!, `${t}: ours ${ours.toFixed(1)}, browser ${measured[i]!.toFixed(1)}`).toBeLessThan(0.02)
    })
  })

  it("screenshot of the official report (test-artifacts/html/report.png)", async () => {
    const { page } = await open("report-screenshot", await pageOf(ExportDocuments.officialDocument))
    const shot = path.join(ARTIFACTS, "report.png")
    await page.screenshot({ path: shot, fullPage: true })
    expect(fs.statSync(shot).size).toBeGreaterThan(20_000)
    // `HDND_UPDATE_DOCS_IMAGES=1` refreshes the picture in the docs from this one.
    if (process.env.HDND_UPDATE_DOCS_IMAGES === "1") fs.copyFileSync(shot, path.join(ROOT, "docs", "images", "html-report.png"))
  })
})
