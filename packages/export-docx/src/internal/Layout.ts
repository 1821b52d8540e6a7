/**
 * The numbers of the Decree 30/2020/NĐ-CP layout as this package applies them, and the unit
 * conversions Word needs (twips, half-points, eighths of a point).
 */

/**
 * The layout of an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the paper, the margins,
 * the font and every size used, in the units the decree gives (millimetres and points).
 */
export const layout = {
  /** One font everywhere, in black (TCVN 6909:2001 Unicode). */
  font: "Times New Roman",
  color: "000000",
  /** A4 portrait. */
  page: { size: "A4", widthMm: 210, heightMm: 297, orientation: "portrait" },
  /** Decree 30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  /** From the top edge of the paper to the page number, which sits in the top margin. */
  headerMm: 10,
  /** Font sizes in points. */
  sizePt: {
    /** Issuing body ("HỘI ĐỒNG NHÂN DÂN / TỈNH SƠN LA"): 12–13, upper case, its own name bold. */
    issuingBody: 13,
    /** "Số: 85/BC-HĐND": 13. */
    number: 13,
    /** Quốc hiệu: 12–13, bold, upper case. */
    nationalTitle: 12,
    /** Tiêu ngữ: 13–14, one point above the quốc hiệu, bold. */
    motto: 13,
    /** Place and date line: 13–14, italic. */
    placeDate: 14,
    /** Title: 14, bold, upper case. */
    title: 14,
    /** Section headings and headings: 14, bold. */
    heading: 14,
    /** Running text: 13–14. */
    body: 14,
    /** Text in tables. */
    table: 13,
    /** "Nơi nhận:": 12, bold italic. */
    recipientsLabel: 12,
    /** The recipients: 11. */
    recipients: 11,
    /** The signer's authority, title and name: 13–14, bold. */
    signature: 14,
    /** Page numbers: 13–14. */
    pageNumber: 13
  },
  /** Running text: justified, first-line indent, at least 6 pt between paragraphs, line spacing 1–1.5. */
  body: { firstLineIndentMm: 10, spacingAfterPt: 6, lineSpacing: 1.2 },
  /** The two-column block at the top of page 1: the share of the text width of the left column. */
  headerBlock: { leftColumnShare: 0.4 },
  /** Tables: single black borders of this width, header row repeated on every page. */
  table: { borderPt: 0.5 },
  /** The rule under the tiêu ngữ and under the issuing body (a paragraph border). */
  rulePt: 0.75
} as const

/** Twips (1/20 pt) from millimetres, rounded up so that a margin never falls below its minimum. */
export const twips = (mm: number): number => Math.ceil((mm * 1440) / 25.4 - 1e-9)

/** Twips from points. */
export const twipsOfPt = (pt: number): number => Math.round(pt * 20)

/** Half-points (the unit of `w:sz`) from points. */
export const halfPoints = (pt: number): number => Math.round(pt * 2)

/** Eighths of a point (the unit of border widths) from points. */
export const eighths = (pt: number): number => Math.round(pt * 8)

/** Page size and margins in twips. */
export const pageTwips = {
  width: twips(layout.page.widthMm),
  height: twips(layout.page.heightMm),
  top: twips(layout.marginMm.top),
  bottom: twips(layout.marginMm.bottom),
  left: twips(layout.marginMm.left),
  right: twips(layout.marginMm.right),
  header: twips(layout.headerMm)
}

// A4 is 11906 × 16838 twips in Word; the rounded-up conversion gives 11906 × 16838 too.

/** The width of the text between the margins, in twips. */
export const textWidth = pageTwips.width - pageTwips.left - pageTwips.right

/** Line spacing in 240ths of a line (`w:spacing w:line` with `lineRule="auto"`). */
export const lineSpacing = (lines: number): number => Math.round(lines * 240)

// Advance widths of Times New Roman Bold (the metrics of Adobe's Times-Bold, which TNR matches), in
// thousandths of an em, for the base letters of Vietnamese text.
const BOLD_WIDTHS: Readonly<Record<string, number>> = {
  " ": 250, "!": 333, "\"": 555, "#": 500, "$": 500, "%": 1000, "&": 833, "'": 278, "(": 333, ")": 333, "*": 500,
  "+": 570, ",": 250, "-": 333, ".": 250, "/": 278, ":": 333, ";": 333, "<": 570, "=": 570, ">": 570, "?": 500,
  "@": 930, "–": 500, "—": 1000,
  A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944,
  N: 722, O: 778, P: 611, Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722, Y: 722, Z: 667,
  a: 500, b: 556, c: 444, d: 556, e: 444, f: 333, g: 500, h: 556, i: 278, j: 333, k: 556, l: 278, m: 833,
  n: 556, o: 500, p: 556, q: 556, r: 444, s: 389, t: 333, u: 556, v: 500, w: 722, x: 500, y: 500, z: 444
}

/**
 * The estimated width in twips of a line of bold Times New Roman text at `sizePt`: each letter is
 * measured by its base letter (diacritics removed, đ as d), digits as 500, anything unknown as 600.
 * Good to a few per cent, which is what the length of a drawn rule needs.
 */
export const boldTextWidth = (text: string, sizePt: number): number => {
  const base = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
  let units = 0
  for (const ch of base) units += BOLD_WIDTHS[ch] ?? (/[0-9]/.test(ch) ? 500 : 600)
  return Math.round((units / 1000) * sizePt * 20)
}
