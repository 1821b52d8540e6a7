/**
 * Report templates: sections of headings, paragraphs, tables and charts whose placeholders are bound
 * to indicators. Templates are data (JSON-encodable), so provinces ship them in plugins.
 *
 * Placeholders in text are written `{{…}}`:
 * - `{{count core/review.report level=province}}` → "47 báo cáo" (value and counting noun);
 * - `{{value core/review.report level=province}}` → "47" (with the qualifier of a reported figure:
 *   "trên 1.500");
 * - `{{number core/review.report}}` → the number alone, without qualifier or noun ("1.500");
 * - number style options, in any of these three: `pad=2` ("05"), `grouping=no` ("1500"), `words`
 *   or `words=en` ("mười lăm", "fifteen"), `digits` (not in words); a template's `numberStyle` is
 *   the default of all its figures;
 * - `session=<id>` (or several, `session=<id>|<id>`) scopes one figure to sessions: it counts the
 *   records that belong to them, whatever their date (the documents reviewed for session 4), while
 *   the rest of the report covers the period (since 0.2.0; see `Report.requestsFor`);
 * - `{{period}}` → "từ tháng 8 năm 2022 đến tháng 8 năm 2023"; `{{Period}}` capitalises it;
 *   `{{period short}}` → "từ tháng 8/2022 đến tháng 8/2023".
 * Selectors (`dimension=value`, several values separated by `|`) pick cells; dimensions not named are
 * summed over. With `groupBy: ["organ", "role"]`, `{{count core/supervision organ=<id> role=led}}` is
 * what that organ led (chủ trì), `role=took-part` what it took part in (tham gia) and `role=any` (or
 * no `role`) either (since 0.2.0).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { IndicatorId, TemplateId } from "./Ids.js"
import type { SessionId } from "./Ids.js"
import { DimensionSchema } from "./TabulationRequest.js"
import { NonEmptyText, Text } from "./Text.js"

/**
 * A selection of dimension values (`{ level: "province" }`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Where = Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Array(Schema.String)]))

/**
 * A heading.
 *
 * @since 0.1.0
 * @category schemas
 */
export const HeadingBlock = Schema.TaggedStruct("Heading", { level: Schema.Literals([1, 2, 3]), text: NonEmptyText })

/**
 * A paragraph with placeholders.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ParagraphBlock = Schema.TaggedStruct("Paragraph", { text: NonEmptyText })

/**
 * The number style of a figure, a table column or a whole template (see `Format.NumberStyle`):
 * `pad` (least digits, zero-filled: 2 writes "05"), `grouping` (thousands separators, default
 * `true`) and `words` ("vi" or "en": numbers in words, in text only).
 *
 * @since 0.2.0
 * @category schemas
 */
export const NumberStyleSchema = Schema.Struct({
  pad: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 20 }))),
  grouping: Schema.optional(Schema.Boolean),
  words: Schema.optional(Schema.Literals(["vi", "en"]))
}).annotate({ identifier: "NumberStyle" })

/**
 * A column of a table: an indicator, with an optional header (default: the indicator's label) and
 * an optional selection.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TableColumn = Schema.Struct({
  indicator: IndicatorId,
  header: Schema.optional(NonEmptyText),
  where: Schema.optional(Where),
  /** The number style of this column's cells (`pad`, `grouping`; words are for text only). @since 0.2.0 */
  numberStyle: Schema.optional(NumberStyleSchema)
})

/**
 * A table: one row per value of `rows` (a dimension), one column per indicator, and a total row.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TableBlock = Schema.TaggedStruct("Table", {
  title: NonEmptyText,
  rows: DimensionSchema,
  rowHeader: NonEmptyText,
  columns: Schema.NonEmptyArray(TableColumn),
  where: Schema.optional(Where),
  total: Schema.Boolean.pipe(Schema.withDecodingDefaultType(Effect.succeed(true)), Schema.withConstructorDefault(Effect.succeed(true)))
})

/**
 * A chart of one indicator by one dimension.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ChartBlock = Schema.TaggedStruct("Chart", {
  title: NonEmptyText,
  chart: Schema.Literals(["bar", "line"]),
  indicator: IndicatorId,
  by: DimensionSchema,
  where: Schema.optional(Where)
})

/**
 * Any block of a template section.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TemplateBlock = Schema.Union([HeadingBlock, ParagraphBlock, TableBlock, ChartBlock])
/** @since 0.1.0 @category models */
export type TemplateBlock = typeof TemplateBlock.Type

/**
 * A section: an optional heading and blocks.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TemplateSection = Schema.Struct({
  heading: Schema.optional(NonEmptyText),
  blocks: Schema.Array(TemplateBlock)
})

/**
 * The official-document frame: issuing body lines ("HỘI ĐỒNG NHÂN DÂN", "TỈNH SƠN LA"), the document
 * type abbreviation and issuer for the number ("BC", "HĐND"), recipients and the signature block.
 *
 * @since 0.1.0
 * @category schemas
 */
export const OfficialFrame = Schema.Struct({
  issuingBody: Schema.NonEmptyArray(NonEmptyText),
  documentType: NonEmptyText,
  issuer: NonEmptyText,
  place: Schema.optional(NonEmptyText),
  recipients: Schema.optional(Schema.Array(NonEmptyText)),
  signatureTitle: Schema.optional(Schema.Array(NonEmptyText)),
  signatory: Schema.optional(NonEmptyText)
})

/**
 * A report template.
 *
 * @since 0.1.0
 * @category models
 */
export class ReportTemplate extends Schema.Class<ReportTemplate>("ReportTemplate")({
  id: TemplateId,
  vi: NonEmptyText,
  en: NonEmptyText,
  /** The document title; may contain placeholders. */
  title: NonEmptyText,
  /** Dimensions the tabulation must be grouped by for the placeholders and tables to resolve. */
  groupBy: Schema.Array(DimensionSchema),
  /** Indicators to tabulate beyond those named in placeholders (for example, for drill-down). */
  extraIndicators: Schema.optional(Schema.Array(IndicatorId)),
  frame: Schema.optional(OfficialFrame),
  /** The default number style of every figure of the template. @since 0.2.0 */
  numberStyle: Schema.optional(NumberStyleSchema),
  sections: Schema.Array(TemplateSection),
  description: Schema.optional(Text)
}) {}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g

/**
 * A parsed placeholder.
 *
 * @since 0.1.0
 * @category models
 */
export interface Placeholder {
  readonly raw: string
  readonly name: string
  readonly args: ReadonlyArray<string>
  readonly where: Readonly<Record<string, ReadonlyArray<string>>>
}

/**
 * Parses a placeholder body (`count core/review.report level=province`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parsePlaceholder = (raw: string): Placeholder => {
  const parts = raw.trim().split(/\s+/).filter((p) => p.length > 0)
  const name = parts[0] ?? ""
  const args: Array<string> = []
  const where: Record<string, ReadonlyArray<string>> = {}
  for (const p of parts.slice(1)) {
    const eq = p.indexOf("=")
    if (eq > 0) where[p.slice(0, eq)] = p.slice(eq + 1).split("|")
    else args.push(p)
  }
  return { raw, name, args, where }
}

/**
 * Every placeholder in a text, in order.
 *
 * @since 0.1.0
 * @category parsing
 */
export const placeholdersIn = (text: string): ReadonlyArray<Placeholder> =>
  [...text.matchAll(PLACEHOLDER)].map((m) => parsePlaceholder(m[1] ?? ""))

/**
 * Replaces every placeholder of a text with what `f` returns.
 *
 * @since 0.1.0
 * @category parsing
 */
export const replacePlaceholders = (text: string, f: (p: Placeholder) => string): string =>
  text.replace(PLACEHOLDER, (_, body: string) => f(parsePlaceholder(body)))

/**
 * The placeholders that print a figure of an indicator: `count` (number, qualifier and noun),
 * `value` (number and qualifier), `number` (the number alone).
 *
 * @since 0.2.0
 * @category data
 */
export const FIGURE_PLACEHOLDERS: ReadonlySet<string> = new Set(["count", "value", "number"])

/**
 * The option names of a placeholder that set its number style rather than select cells.
 *
 * @since 0.2.0
 * @category data
 */
export const NUMBER_STYLE_OPTIONS: ReadonlySet<string> = new Set(["pad", "grouping", "words", "digits"])

/**
 * The option of a figure placeholder that scopes it to sessions: `session=<id>`, or a list
 * `session=<id>|<id>`. The figure counts the records of those sessions whatever their date.
 *
 * @since 0.2.0
 * @category data
 */
export const SESSION_OPTION = "session"

/**
 * The session ids a placeholder is scoped to (`session=a|b` gives `["a", "b"]`, in order, once
 * each), or `undefined` when it has no `session` option. An empty list means `session=` was written
 * without an id.
 *
 * @since 0.2.0
 * @category parsing
 */
export const sessionsOf = (p: Placeholder): ReadonlyArray<SessionId> | undefined => {
  const ids = p.where[SESSION_OPTION]
  return ids === undefined ? undefined : ([...new Set(ids.map((s) => s.trim()).filter((s) => s.length > 0))] as Array<SessionId>)
}

/**
 * The key of a set of sessions: the ids sorted and joined by `|`, so `session=b|a` and
 * `session=a|b` share one tabulation.
 *
 * @since 0.2.0
 * @category parsing
 */
export const sessionKey = (sessions: ReadonlyArray<string>): string => [...new Set(sessions)].sort().join("|")

/**
 * A figure placeholder scoped to sessions, with where it is in its template (`title`,
 * `sections[0].blocks[1]`).
 *
 * @since 0.2.0
 * @category models
 */
export interface SessionScopedFigure {
  readonly field: string
  readonly placeholder: Placeholder
  readonly indicator: IndicatorId
  readonly sessions: ReadonlyArray<SessionId>
}

/**
 * Every figure placeholder of a template that has a `session=` option, in reading order (title,
 * then each section's heading and text blocks).
 *
 * @since 0.2.0
 * @category queries
 */
export const sessionScopedFigures = (t: ReportTemplate): ReadonlyArray<SessionScopedFigure> => {
  const out: Array<SessionScopedFigure> = []
  const fromText = (field: string, text: string) => {
    for (const p of placeholdersIn(text)) {
      const sessions = sessionsOf(p)
      const id = p.args[0]
      if (FIGURE_PLACEHOLDERS.has(p.name) && id !== undefined && sessions !== undefined) out.push({ field, placeholder: p, indicator: id as IndicatorId, sessions })
    }
  }
  fromText("title", t.title)
  t.sections.forEach((s, i) => {
    if (s.heading !== undefined) fromText(`sections[${i}].heading`, s.heading)
    // The fields are those rendering reports problems under (a table's title is its block's).
    s.blocks.forEach((b, j) => fromText(`sections[${i}].blocks[${j}]`, b._tag === "Paragraph" || b._tag === "Heading" ? b.text : b.title))
  })
  return out
}

const YES: ReadonlySet<string> = new Set(["yes", "true", "có", "1", "on"])
const NO: ReadonlySet<string> = new Set(["no", "false", "không", "0", "off"])

/**
 * Reads number style options written as in placeholders and on the command line: `pad=2`,
 * `grouping=no` (or `yes`), `words` (Vietnamese), `words=vi`, `words=en`, `digits` (cancels a
 * default of words). Returns the style, or the text of the first option it cannot read.
 *
 * @since 0.2.0
 * @category parsing
 */
export const parseNumberStyle = (
  options: Iterable<readonly [name: string, value: string | undefined]>,
  base: typeof NumberStyleSchema.Type = {}
): { readonly _tag: "Ok"; readonly style: typeof NumberStyleSchema.Type } | { readonly _tag: "Bad"; readonly option: string; readonly vi: string; readonly en: string } => {
  let style: { -readonly [K in keyof typeof NumberStyleSchema.Type]: (typeof NumberStyleSchema.Type)[K] } = { ...base }
  for (const [name, value] of options) {
    const text = value === undefined ? name : `${name}=${value}`
    const bad = (vi: string, en: string) => ({ _tag: "Bad" as const, option: text, vi, en })
    switch (name) {
      case "pad": {
        const n = value === undefined ? 2 : Number(value)
        if (!Number.isInteger(n) || n < 0 || n > 20 || (value !== undefined && !/^\d+$/.test(value))) {
          return bad(`"${text}": pad cần một số chữ số từ 0 đến 20 (pad=2 viết 05)`, `"${text}": pad needs a number of digits from 0 to 20 (pad=2 writes 05)`)
        }
        style.pad = n
        break
      }
      case "grouping": {
        const v = (value ?? "yes").toLocaleLowerCase("vi")
        if (!YES.has(v) && !NO.has(v)) return bad(`"${text}": grouping là yes hoặc no`, `"${text}": grouping is yes or no`)
        style.grouping = YES.has(v)
        break
      }
      case "words": {
        const v = value ?? "vi"
        if (v !== "vi" && v !== "en") return bad(`"${text}": words là vi hoặc en`, `"${text}": words is vi or en`)
        style.words = v
        break
      }
      case "digits": {
        if (value !== undefined) return bad(`"${text}": digits không nhận giá trị`, `"${text}": digits takes no value`)
        const { words: _, ...rest } = style
        style = rest
        break
      }
      default:
        return bad(
          `"${text}": không có tùy chọn kiểu số này; dùng pad=2, grouping=no, words, words=en hoặc digits`,
          `"${text}": no such number style option; use pad=2, grouping=no, words, words=en or digits`
        )
    }
  }
  return { _tag: "Ok", style }
}

/**
 * Every indicator a template refers to, in first-use order.
 *
 * @since 0.1.0
 * @category queries
 */
export const indicatorsOf = (t: ReportTemplate): ReadonlyArray<IndicatorId> => {
  const out = new Set<IndicatorId>()
  const fromText = (s: string) => {
    for (const p of placeholdersIn(s)) if (FIGURE_PLACEHOLDERS.has(p.name) && p.args[0] !== undefined) out.add(p.args[0] as IndicatorId)
  }
  fromText(t.title)
  for (const s of t.sections) {
    for (const b of s.blocks) {
      if (b._tag === "Paragraph" || b._tag === "Heading") fromText(b.text)
      else if (b._tag === "Table") for (const c of b.columns) out.add(c.indicator)
      else out.add(b.indicator)
    }
  }
  for (const i of t.extraIndicators ?? []) out.add(i)
  return [...out]
}

/**
 * The built-in templates: a general activity summary that works for any council.
 *
 * @since 0.1.0
 * @category data
 */
export const builtinTemplates: ReadonlyArray<ReportTemplate> = [
  new ReportTemplate({
    id: "core/activity-summary" as TemplateId,
    vi: "Tổng hợp kết quả hoạt động",
    en: "Activity summary",
    title: "Báo cáo tổng hợp kết quả hoạt động {{period}}",
    groupBy: ["council"],
    sections: [
      {
        heading: "Kết quả hoạt động",
        blocks: [
          {
            _tag: "Paragraph",
            text: "{{Period}}, đã thẩm tra {{count core/review.content}}, trình {{count core/review.sessions}}; tổ chức {{count core/supervision}} giám sát và {{count core/survey}} khảo sát; tham mưu, đề xuất {{count core/advisory}}."
          },
          {
            _tag: "Table",
            title: "Kết quả hoạt động theo Hội đồng nhân dân",
            rows: "council",
            rowHeader: "Hội đồng nhân dân",
            total: true,
            columns: [
              { indicator: "core/review.content" as IndicatorId, header: "Thẩm tra (nội dung)" },
              { indicator: "core/review.sessions" as IndicatorId, header: "Kỳ họp" },
              { indicator: "core/supervision" as IndicatorId, header: "Giám sát (cuộc)" },
              { indicator: "core/survey" as IndicatorId, header: "Khảo sát (cuộc)" },
              { indicator: "core/advisory" as IndicatorId, header: "Tham mưu (nội dung)" }
            ]
          },
          { _tag: "Chart", title: "Nội dung thẩm tra theo Hội đồng nhân dân", chart: "bar", indicator: "core/review.content" as IndicatorId, by: "council" }
        ]
      }
    ]
  })
]
