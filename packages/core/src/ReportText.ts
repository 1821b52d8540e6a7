/**
 * Renders a report document as Markdown or as plain text (for terminals and e-mail).
 *
 * @since 0.1.0
 */
import { formatNumber, formatPlaceDate } from "./Format.js"
import type { DocBlock, DocCell, DocHeader, ReportDocument } from "./ReportDocument.js"

/**
 * The national title and motto of official documents.
 *
 * @since 0.1.0
 * @category data
 */
export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
/** @since 0.1.0 @category data */
export const MOTTO = "Độc lập - Tự do - Hạnh phúc"

const escapeMd = (s: string): string => s.replace(/([\\`*_[\]|<>#])/g, "\\$1")

const headerLines = (h: DocHeader): Array<string> => {
  const lines = [...h.issuingBody, NATIONAL_TITLE, MOTTO]
  if (h.number !== undefined) lines.push(h.number)
  if (h.date !== undefined) lines.push(h.place === undefined ? formatPlaceDate("", h.date).replace(/^, /, "") : formatPlaceDate(h.place, h.date))
  return lines
}

const width = (s: string): number => [...s.normalize("NFC")].length

const pad = (s: string, w: number, right: boolean): string => {
  const fill = " ".repeat(Math.max(0, w - width(s)))
  return right ? fill + s : s + fill
}

const textTable = (columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<DocCell>>): Array<string> => {
  const widths = columns.map((c, i) => Math.max(width(c), ...rows.map((r) => width(r[i]?.text ?? ""))))
  const line = (cells: ReadonlyArray<DocCell>) =>
    cells.map((c, i) => pad(c.text, widths[i] ?? 0, c.value !== undefined)).join("  ").trimEnd()
  return [line(columns.map((text) => ({ text }))), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)]
}

const blockMarkdown = (b: DocBlock): Array<string> => {
  switch (b._tag) {
    case "Heading":
      return [`${"#".repeat(b.level + 1)} ${escapeMd(b.text)}`, ""]
    case "Paragraph":
      return [escapeMd(b.text), ""]
    case "Table": {
      const rows = b.total === undefined ? b.rows : [...b.rows, b.total.map((c, i) => (i === 0 ? { ...c, text: `**${c.text}**` } : c))]
      return [
        `**${escapeMd(b.title)}**`,
        "",
        `| ${b.columns.map(escapeMd).join(" | ")} |`,
        `| ${b.columns.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
        ...rows.map((r) => `| ${r.map((c) => (c.text.startsWith("**") ? c.text : escapeMd(c.text))).join(" | ")} |`),
        ""
      ]
    }
    case "Chart":
      return [
        `**${escapeMd(b.title)}**`,
        "",
        ...b.series.map((s) => `- ${escapeMd(s.label)}: ${formatNumber(s.value)}`),
        ""
      ]
  }
}

/**
 * The document as Markdown (GitHub-flavoured tables; charts as lists of their values).
 *
 * @example
 * ```ts
 * import { type ReportDocument, ReportText } from "@hdnd/core"
 * import { writeFile } from "node:fs/promises"
 *
 * const save = (doc: ReportDocument.ReportDocument) => writeFile("bao-cao.md", ReportText.toMarkdown(doc))
 * ```
 *
 * @since 0.1.0
 * @category rendering
 */
export const toMarkdown = (doc: ReportDocument): string => {
  const out: Array<string> = []
  if (doc.header !== undefined) {
    for (const l of headerLines(doc.header)) out.push(`${escapeMd(l)}  `)
    out.push("")
  }
  out.push(`# ${escapeMd(doc.title)}`, "")
  for (const s of doc.sections) {
    if (s.heading !== undefined) out.push(`## ${escapeMd(s.heading)}`, "")
    for (const b of s.blocks) out.push(...blockMarkdown(b))
  }
  if (doc.header !== undefined && doc.header.recipients.length > 0) {
    out.push("*Nơi nhận:*  ", ...doc.header.recipients.map((r) => `- ${escapeMd(r)}`), "")
  }
  if (doc.header !== undefined && doc.header.signatureTitle.length > 0) {
    out.push(...doc.header.signatureTitle.map((l) => `**${escapeMd(l)}**  `))
    if (doc.header.signatory !== undefined) out.push(`**${escapeMd(doc.header.signatory)}**`)
    out.push("")
  }
  for (const t of doc.appendices ?? []) out.push(...blockMarkdown(t))
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n"
}

const wrap = (text: string, columns: number): Array<string> => {
  const lines: Array<string> = []
  let line = ""
  for (const word of text.split(/\s+/)) {
    if (line.length > 0 && width(line) + 1 + width(word) > columns) {
      lines.push(line)
      line = word
    } else line = line.length === 0 ? word : `${line} ${word}`
  }
  if (line.length > 0) lines.push(line)
  return lines
}

/**
 * The document as plain text, paragraphs wrapped at `columns` characters (0 = no wrapping).
 *
 * @since 0.1.0
 * @category rendering
 */
export const toText = (doc: ReportDocument, columns = 100): string => {
  const out: Array<string> = []
  const para = (t: string) => out.push(...(columns > 0 ? wrap(t, columns) : [t]), "")
  if (doc.header !== undefined) out.push(...headerLines(doc.header), "")
  out.push(doc.title.toLocaleUpperCase("vi"), "")
  for (const s of doc.sections) {
    if (s.heading !== undefined) out.push(s.heading.toLocaleUpperCase("vi"), "")
    for (const b of s.blocks) {
      switch (b._tag) {
        case "Heading":
          out.push(b.text, "")
          break
        case "Paragraph":
          para(b.text)
          break
        case "Table":
          out.push(b.title, ...textTable(b.columns, b.total === undefined ? b.rows : [...b.rows, b.total]), "")
          break
        case "Chart":
          out.push(b.title, ...b.series.map((s) => `  ${s.label}: ${formatNumber(s.value)}`), "")
          break
      }
    }
  }
  if (doc.header !== undefined && doc.header.recipients.length > 0) out.push("Nơi nhận:", ...doc.header.recipients.map((r) => `- ${r}`), "")
  if (doc.header !== undefined && doc.header.signatureTitle.length > 0) {
    out.push(...doc.header.signatureTitle, ...(doc.header.signatory === undefined ? [] : [doc.header.signatory]), "")
  }
  for (const t of doc.appendices ?? []) out.push(t.title, ...textTable(t.columns, t.total === undefined ? t.rows : [...t.rows, t.total]), "")
  return out.join("\n").trimEnd() + "\n"
}
