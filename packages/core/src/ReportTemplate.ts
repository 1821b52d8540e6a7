/**
 * Report templates: sections of headings, paragraphs, tables and charts whose placeholders are bound
 * to indicators. Templates are data (JSON-encodable), so provinces ship them in plugins.
 *
 * Placeholders in text are written `{{…}}`:
 * - `{{count core/review.report level=province}}` → "47 báo cáo" (value and counting noun);
 * - `{{value core/review.report level=province}}` → "47";
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
 * A column of a table: an indicator, with an optional header (default: the indicator's label) and
 * an optional selection.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TableColumn = Schema.Struct({
  indicator: IndicatorId,
  header: Schema.optional(NonEmptyText),
  where: Schema.optional(Where)
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
 * Every indicator a template refers to, in first-use order.
 *
 * @since 0.1.0
 * @category queries
 */
export const indicatorsOf = (t: ReportTemplate): ReadonlyArray<IndicatorId> => {
  const out = new Set<IndicatorId>()
  const fromText = (s: string) => {
    for (const p of placeholdersIn(s)) if ((p.name === "count" || p.name === "value") && p.args[0] !== undefined) out.add(p.args[0] as IndicatorId)
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
