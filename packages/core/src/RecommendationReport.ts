/**
 * The consolidated answer report of a conference ("báo cáo tổng hợp tiếp thu, trao đổi, giải đáp kiến
 * nghị, đề xuất"): the recommendations and proposals raised in a period, by originating body and
 * field, with who answered, the answer and the status as of a date, after a summary paragraph and a
 * table of figures by field. The result is a `ReportDocument`, so every exporter (DOCX, XLSX, CSV,
 * HTML, JSON, text) renders it.
 *
 * @since 0.1.0
 */
import type { CalendarDate, Period } from "./CalendarDate.js"
import { formatDateShort, formatDocumentNumber, formatPercent, formatPeriod, formatStyled } from "./Format.js"
import type { NumberStyle } from "./Format.js"
import type { CouncilId } from "./Ids.js"
import type { Direction } from "./Recommendation.js"
import { directionOf, labels } from "./Recommendation.js"
import type { Figures } from "./RecommendationStats.js"
import { figuresOf, selected } from "./RecommendationStats.js"
import type { Matter, Records } from "./RecommendationStatus.js"
import { statusAsOf } from "./RecommendationStatus.js"
import type { DocBlock, DocCell, DocTable, ReportDocument } from "./ReportDocument.js"
import { DOCUMENT_FORMAT_VERSION } from "./ReportDocument.js"
import type { OfficialFrame } from "./ReportTemplate.js"

/**
 * The id the answer report's documents carry as their template.
 *
 * @since 0.1.0
 * @category data
 */
export const ANSWER_REPORT = "core/recommendation-answers"

/**
 * Options of {@link answerReport}.
 *
 * @since 0.1.0
 * @category models
 */
export interface AnswerReportOptions {
  /** Recommendations raised within this period are reported. */
  readonly period: Period
  /** Responses and evaluations up to this date count (default: the end of the period). */
  readonly asOf?: CalendarDate
  readonly councils?: ReadonlyArray<CouncilId>
  /** Names of the originating organs (by id), for headings; ids are shown otherwise. */
  readonly organNames?: ReadonlyMap<string, string>
  /**
   * The council of each organ (organ id → council id): a proposal raised by another council's organ
   * is worded as received ("đã tiếp nhận … kiến nghị, đề xuất"). Since 0.2.0.
   */
  readonly organCouncils?: ReadonlyMap<string, string>
  readonly title?: string
  /** Only recommendations and proposals of bodies (default), or voters' petitions too. */
  readonly includePetitions?: boolean
  /** The official frame (issuing body, recipients, signature) and the number and date of issue. */
  readonly frame?: typeof OfficialFrame.Type
  readonly number?: number
  readonly date?: CalendarDate
  /**
   * The number style of the counts (`pad`, `grouping`, `words`; words in the text only, never in
   * table cells), as `hdnd recommendations report --number-style pad=2` sets it. @since 0.2.0
   */
  readonly numberStyle?: NumberStyle
}

const cell = (text: string, value?: number): DocCell => (value === undefined ? { text } : { text, value })
/** A count in a table cell: the style's pad and grouping, never words. */
const numCell = (style: NumberStyle | undefined) => (n: number): DocCell => {
  const { words: _, ...digits } = style ?? {}
  return cell(formatStyled(n, digits), n)
}
const byText = <A>(key: (a: A) => string) => (a: A, b: A) => key(a).localeCompare(key(b), "vi")

const figuresRow = (num: (n: number) => DocCell) => (label: string, f: Figures): ReadonlyArray<DocCell> => [cell(label), num(f.raised), num(f.answered), num(f.resolved), num(f.overdue)]

/**
 * What was done with some matters, in the words of their directions, as of a date: "đã tiếp nhận 5
 * kiến nghị của cử tri" (voters' petitions not yet forwarded), "đã chuyển 3 kiến nghị của cử tri
 * đến các cơ quan có thẩm quyền" (forwarded), "đã tiếp nhận 9 kiến nghị, đề xuất" (addressed to the
 * council's own organs, e.g. by lower councils), "đã kiến nghị 4 nội dung đến các cơ quan" (raised by
 * the council's organs); a mixed set gets each part, joined by commas. Empty for no matters.
 *
 * @since 0.2.0
 * @category rendering
 */
export const directionSummary = (
  ms: ReadonlyArray<Matter>,
  asOf: CalendarDate,
  organCouncils?: ReadonlyMap<string, string>,
  /** The number style of the counts (since 0.2.0). */
  style?: NumberStyle
): string => {
  const count = (x: number) => formatStyled(x, style)
  const n: Record<Direction, number> = { "from-voters": 0, forwarded: 0, "to-agencies": 0, received: 0 }
  const councilOf = organCouncils === undefined ? undefined : (organ: string) => organCouncils.get(organ)
  for (const m of ms) n[directionOf(m.root, asOf, councilOf)]++
  const parts: Array<string> = []
  if (n["from-voters"] > 0) parts.push(`đã tiếp nhận ${count(n["from-voters"])} kiến nghị của cử tri`)
  if (n.forwarded > 0) parts.push(`đã chuyển ${count(n.forwarded)} kiến nghị của cử tri đến các cơ quan có thẩm quyền`)
  if (n.received > 0) parts.push(`đã tiếp nhận ${count(n.received)} kiến nghị, đề xuất`)
  if (n["to-agencies"] > 0) parts.push(`đã kiến nghị ${count(n["to-agencies"])} nội dung đến các cơ quan`)
  return parts.join(", ")
}

const latestResponse = (m: Matter, asOf: CalendarDate) =>
  m.responses.filter((r) => r.date <= asOf).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : -1))[0]

/**
 * Builds the consolidated answer report.
 *
 * @since 0.1.0
 * @category rendering
 */
export const answerReport = (records: Records, options: AnswerReportOptions): ReportDocument => {
  const asOf = options.asOf ?? options.period.to
  const ms = selected(records, { asOf, period: options.period, ...(options.councils === undefined ? {} : { councils: options.councils }) }).filter(
    (m) => options.includePetitions === true || m.root.kind !== "voter-petition"
  )
  const total = figuresOf(ms, asOf)
  const on = formatDateShort(asOf)
  const organName = (id: string) => (id === "voters" ? "Cử tri" : options.organNames?.get(id) ?? id)
  const style = options.numberStyle
  const count = (x: number) => formatStyled(x, style)
  const figuresRowOf = figuresRow(numCell(style))

  const summary =
    total.raised === 0
      ? `${capitalise(formatPeriod(options.period))}, không có kiến nghị, đề xuất nào.`
      : `${capitalise(formatPeriod(options.period))}, ${directionSummary(ms, asOf, options.organCouncils, style)}; tính đến ngày ${on}, ` +
        `đã trả lời ${count(total.answered)} kiến nghị (${formatPercent(total.answered / total.raised, 0)}), ` +
        `đã giải quyết xong ${count(total.resolved)} kiến nghị` +
        (total.overdue > 0 ? `; còn ${count(total.overdue)} kiến nghị quá hạn chưa được trả lời.` : ".")

  const fields = [...new Set(ms.map((m) => m.root.field))].sort((a, b) => a.localeCompare(b, "vi"))
  const byField: DocTable = {
    _tag: "Table",
    title: `Kết quả trả lời kiến nghị, đề xuất theo lĩnh vực (đến ngày ${on})`,
    columns: ["Lĩnh vực", "Số kiến nghị", "Đã trả lời", "Đã giải quyết", "Quá hạn"],
    rows: fields.map((f) => figuresRowOf(f, figuresOf(ms.filter((m) => m.root.field === f), asOf))),
    total: figuresRowOf("Tổng cộng", total)
  }

  const origins = [...new Set(ms.map((m) => m.root.raisedBy ?? "voters"))].sort((a, b) => organName(a).localeCompare(organName(b), "vi"))
  const bodies = origins.map((origin) => {
    const mine = ms.filter((m) => (m.root.raisedBy ?? "voters") === origin)
    const blocks: Array<DocBlock> = []
    for (const field of [...new Set(mine.map((m) => m.root.field))].sort((a, b) => a.localeCompare(b, "vi"))) {
      const rows = mine
        .filter((m) => m.root.field === field)
        .sort(byText((m) => `${m.root.raisedOn} ${m.root.id}`))
        .map((m, i) => {
          const r = latestResponse(m, asOf)
          const status = statusAsOf(m, asOf) ?? "raised"
          const merged = m.sources.length > 1 ? ` (gộp ${m.sources.length} ý kiến)` : ""
          return [
            cell(String(i + 1), i + 1),
            cell(`${m.root.content}${merged}`),
            cell(r === undefined ? m.root.addressee.name : r.responder),
            cell(r === undefined ? "Chưa trả lời" : `${r.content}${r.document === undefined ? "" : ` (Văn bản số ${r.document}, ngày ${formatDateShort(r.date)})`}`),
            cell(labels.status[status][0])
          ]
        })
      blocks.push({ _tag: "Table", title: `Lĩnh vực ${field}`, columns: ["STT", "Nội dung kiến nghị, đề xuất", "Cơ quan trả lời", "Nội dung trả lời", `Tình trạng (đến ${on})`], rows })
    }
    return { heading: organName(origin), blocks }
  })

  const frame = options.frame
  return {
    formatVersion: DOCUMENT_FORMAT_VERSION,
    template: ANSWER_REPORT,
    title: options.title ?? "Báo cáo tổng hợp tiếp thu, trao đổi, giải đáp kiến nghị, đề xuất",
    period: options.period,
    ...(frame === undefined
      ? {}
      : {
          header: {
            issuingBody: [...frame.issuingBody],
            ...(options.number === undefined ? {} : { number: formatDocumentNumber(options.number, frame.documentType, frame.issuer) }),
            ...(frame.place === undefined ? {} : { place: frame.place }),
            ...(options.date === undefined ? {} : { date: options.date }),
            recipients: [...(frame.recipients ?? [])],
            signatureTitle: [...(frame.signatureTitle ?? [])],
            ...(frame.signatory === undefined ? {} : { signatory: frame.signatory })
          }
        }),
    sections: [{ heading: "Tổng hợp", blocks: [{ _tag: "Paragraph", text: summary }, byField] }, ...bodies],
    figures: [
      { placeholder: "raised", indicator: "core/recommendation.raised", where: {}, value: total.raised, text: count(total.raised) },
      { placeholder: "answered", indicator: "core/recommendation.answered", where: {}, value: total.answered, text: count(total.answered) },
      { placeholder: "resolved", indicator: "core/recommendation.resolved", where: {}, value: total.resolved, text: count(total.resolved) },
      { placeholder: "overdue", indicator: "core/recommendation.overdue", where: {}, value: total.overdue, text: count(total.overdue) }
    ]
  }
}

const capitalise = (s: string): string => (s.length === 0 ? s : s[0]!.toLocaleUpperCase("vi") + s.slice(1))
