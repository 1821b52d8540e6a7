/**
 * Renders a report template over a tabulation into a report document. Every number comes from the
 * tabulation; a placeholder that cannot be resolved is an error that names it, never a blank.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import type { CalendarDate, Period } from "./CalendarDate.js"
import { ReportError, problem } from "./Errors.js"
import type { Problem } from "./Errors.js"
import { formatCount, formatDocumentNumber, formatNumber, formatPeriod } from "./Format.js"
import type { IndicatorId } from "./Ids.js"
import type { Indicator } from "./Indicator.js"
import type { Registry } from "./Registry.js"
import type { DocBlock, DocCell, Figure, ReportDocument } from "./ReportDocument.js"
import { DOCUMENT_FORMAT_VERSION } from "./ReportDocument.js"
import type { Placeholder, ReportTemplate, TemplateBlock } from "./ReportTemplate.js"
import { indicatorsOf, replacePlaceholders } from "./ReportTemplate.js"
import { compareVi } from "./Text.js"
import type { Scope, TabulationRequest } from "./TabulationRequest.js"
import type { Dimension, Selector, Tabulation, Value } from "./Tabulation.js"
import { dimensions as allDimensions, labelOf, NONE, UNAPPORTIONED, valueOf, valuesOf } from "./Tabulation.js"

/**
 * Options of one rendering: the document number, place and date of issue.
 *
 * @since 0.1.0
 * @category models
 */
export interface RenderOptions {
  /** The document number ("85"); with the template's frame it becomes "Số: 85/BC-HĐND". */
  readonly number?: number
  readonly date?: CalendarDate
  readonly place?: string
  /** Zero-pad counts below 10 ("09 cuộc"), as many official texts do. */
  readonly padSmallCounts?: boolean
}

/**
 * The tabulation request a template needs for a scope and period.
 *
 * @since 0.1.0
 * @category constructors
 */
export const requestFor = (
  template: ReportTemplate,
  scope: Scope,
  period: Period,
  trace = false,
  /** Scope every figure to these sessions (`TabulationRequest.sessions`; since 0.2.0). */
  sessions?: TabulationRequest["sessions"]
): TabulationRequest => {
  const indicators = indicatorsOf(template)
  return {
    indicators: indicators as unknown as TabulationRequest["indicators"],
    scope,
    period,
    groupBy: [...template.groupBy],
    trace,
    ...(sessions === undefined ? {} : { sessions })
  }
}

const capitalise = (s: string): string => (s.length === 0 ? s : s[0]!.toLocaleUpperCase("vi") + s.slice(1))

interface Ctx {
  readonly template: ReportTemplate
  readonly tab: Tabulation
  readonly registry: Registry
  readonly options: RenderOptions
  readonly problems: Array<Problem>
  readonly figures: Array<Figure>
}

const report = (ctx: Ctx, field: string, code: string, vi: string, en: string) => {
  ctx.problems.push(problem({ entity: "ReportTemplate", id: ctx.template.id, field, code, vi, en }))
}

const checkIndicator = (ctx: Ctx, field: string, id: string): Indicator | undefined => {
  const ind = ctx.registry.indicators.get(id as IndicatorId)
  if (ind === undefined) {
    report(ctx, field, "unknown-indicator", `không có chỉ tiêu ${id}`, `unknown indicator ${id}`)
    return undefined
  }
  if (!ctx.tab.indicators.has(ind.id)) {
    report(ctx, field, "indicator-not-tabulated", `bảng tổng hợp không có chỉ tiêu ${id}; tạo nó bằng requestFor(mẫu, …)`,
      `the tabulation lacks indicator ${id}; build it with requestFor(template, …)`)
    return undefined
  }
  return ind
}

const checkSelector = (ctx: Ctx, field: string, where: Readonly<Record<string, string | ReadonlyArray<string>>> | undefined): Selector => {
  const out: Record<string, ReadonlyArray<string>> = {}
  for (const [dim, v] of Object.entries(where ?? {})) {
    if (!allDimensions.includes(dim as Dimension)) {
      report(ctx, field, "unknown-dimension", `không có chiều "${dim}"; dùng một trong: ${allDimensions.join(", ")}`,
        `no dimension "${dim}"; use one of: ${allDimensions.join(", ")}`)
    } else if (!ctx.tab.dimensions.includes(dim as Dimension)) {
      report(ctx, field, "dimension-not-grouped", `bảng tổng hợp không nhóm theo "${dim}"; thêm "${dim}" vào groupBy của mẫu`,
        `the tabulation is not grouped by "${dim}"; add "${dim}" to the template's groupBy`)
    }
    out[dim] = typeof v === "string" ? [v] : v
  }
  return out as Selector
}

const resolve = (ctx: Ctx, field: string, p: Placeholder): string => {
  switch (p.name) {
    case "period":
    case "Period": {
      if (ctx.tab.period === undefined) {
        report(ctx, field, "no-period", `bảng tổng hợp không có kỳ báo cáo nên không điền được {{${p.raw}}}; hãy tổng hợp với một kỳ (period)`,
          `the tabulation has no period, so {{${p.raw}}} cannot be filled; tabulate over a period`)
        return `{{${p.raw}}}`
      }
      const text = formatPeriod(ctx.tab.period, p.args.includes("short") ? "short" : "long")
      return p.name === "Period" ? capitalise(text) : text
    }
    case "count":
    case "value": {
      const id = p.args[0]
      if (id === undefined) {
        report(ctx, field, "placeholder-missing-indicator", `chỗ trống {{${p.raw}}} thiếu mã chỉ tiêu`, `placeholder {{${p.raw}}} names no indicator`)
        return `{{${p.raw}}}`
      }
      const ind = checkIndicator(ctx, field, id)
      const selector = checkSelector(ctx, field, p.where)
      if (ind === undefined) return `{{${p.raw}}}`
      const v = valueOf(ctx.tab, ind.id, selector)
      const number = formatCount(v.value, v.qualifier, { padSmallCounts: ctx.options.padSmallCounts ?? false })
      const text = p.name === "count" ? `${number} ${ind.nounVi}` : number
      ctx.figures.push({ placeholder: p.raw, indicator: ind.id, where: selector as Record<string, ReadonlyArray<string>>, value: v.value, text })
      return text
    }
    default:
      report(ctx, field, "unknown-placeholder", `chỗ trống không hợp lệ {{${p.raw}}}; dùng count, value, period hoặc Period`,
        `unknown placeholder {{${p.raw}}}; use count, value, period or Period`)
      return `{{${p.raw}}}`
  }
}

const TIME_DIMENSIONS: ReadonlySet<Dimension> = new Set(["month", "quarter", "year"])

/** The months (`YYYY-MM`), quarters (`YYYY-Qn`) or years a period touches, in order. */
const periodsOf = (p: Period, d: "month" | "quarter" | "year"): ReadonlyArray<string> => {
  const out: Array<string> = []
  let year = Number(p.from.slice(0, 4))
  let month = Number(p.from.slice(5, 7))
  const endYear = Number(p.to.slice(0, 4))
  const endMonth = Number(p.to.slice(5, 7))
  while (year < endYear || (year === endYear && month <= endMonth)) {
    const v = d === "month" ? `${year}-${String(month).padStart(2, "0")}` : d === "quarter" ? `${year}-Q${Math.floor((month - 1) / 3) + 1}` : String(year)
    if (out[out.length - 1] !== v) out.push(v)
    month++
    if (month > 12) {
      month = 1
      year++
    }
  }
  return out
}

const LEVEL_ORDER: ReadonlyArray<string> = ["province", "district", "commune"]

/**
 * Values of a dimension in reading order: levels from the province down, time chronologically, others
 * by Vietnamese label.
 */
const sortedValues = (tab: Tabulation, d: Dimension): ReadonlyArray<string> => {
  const values = valuesOf(tab, d)
  if (d === "month" || d === "quarter" || d === "year") {
    // Every period of the report is on a time axis, those with nothing in them too.
    const all = new Set(values)
    if (tab.period !== undefined) for (const v of periodsOf(tab.period, d)) all.add(v)
    return [...all].sort()
  }
  if (d === "level") return [...values].sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b))
  return [...values].sort((a, b) => compareVi(labelOf(tab, a), labelOf(tab, b)))
}

const fill = (ctx: Ctx, field: string, text: string): string => replacePlaceholders(text, (p) => resolve(ctx, field, p))

const numberCell = (ctx: Ctx, v: Value): DocCell => ({
  text: formatCount(v.value, v.qualifier, { padSmallCounts: ctx.options.padSmallCounts ?? false }),
  value: v.value
})

const renderBlock = (ctx: Ctx, field: string, b: TemplateBlock): DocBlock => {
  switch (b._tag) {
    case "Heading":
      return { _tag: "Heading", level: b.level, text: fill(ctx, field, b.text) }
    case "Paragraph":
      return { _tag: "Paragraph", text: fill(ctx, field, b.text) }
    case "Table": {
      const where = checkSelector(ctx, field, b.where)
      checkSelector(ctx, field, { [b.rows]: [] })
      const cols = b.columns.map((c, i) => ({
        ind: checkIndicator(ctx, `${field}.columns[${i}]`, c.indicator),
        where: { ...where, ...checkSelector(ctx, `${field}.columns[${i}]`, c.where) },
        header: c.header
      }))
      // Rows: values that carry something for one of the columns (a council-wide tally grouped by
      // organ would otherwise add an empty "not apportioned" row).
      const rowValues = sortedValues(ctx.tab, b.rows).filter((rv) =>
        cols.some((c) => c.ind !== undefined && valueOf(ctx.tab, c.ind.id, { ...c.where, [b.rows]: rv }).value > 0)
      )
      const rows = rowValues.map((rv) => [
        { text: labelOf(ctx.tab, rv) },
        ...cols.map((c) => (c.ind === undefined ? { text: "" } : numberCell(ctx, valueOf(ctx.tab, c.ind.id, { ...c.where, [b.rows]: rv }))))
      ])
      const total = b.total
        ? [{ text: "Tổng cộng" }, ...cols.map((c) => (c.ind === undefined ? { text: "" } : numberCell(ctx, valueOf(ctx.tab, c.ind.id, c.where))))]
        : undefined
      return {
        _tag: "Table",
        title: fill(ctx, field, b.title),
        columns: [b.rowHeader, ...cols.map((c) => c.header ?? c.ind?.vi ?? "")],
        rows,
        ...(total === undefined ? {} : { total })
      }
    }
    case "Chart": {
      const ind = checkIndicator(ctx, field, b.indicator)
      const where = checkSelector(ctx, field, b.where)
      checkSelector(ctx, field, { [b.by]: [] })
      // On a time axis every period is a point, zeros included (a trend), except "not apportioned"
      // when nothing falls on it. On other dimensions only values with something to show are bars
      // (grouping by kind would otherwise list every kind the other indicators count).
      const series =
        ind === undefined
          ? []
          : sortedValues(ctx.tab, b.by)
              .map((v) => ({ v, value: valueOf(ctx.tab, ind.id, { ...where, [b.by]: v }).value }))
              .filter(({ v, value }) => value > 0 || (TIME_DIMENSIONS.has(b.by) && v !== UNAPPORTIONED && v !== NONE))
              .map(({ v, value }) => ({ label: labelOf(ctx.tab, v), value }))
      const alt = `${b.title}: ${series.map((s) => `${s.label} ${formatNumber(s.value)}`).join("; ")}`
      return { _tag: "Chart", title: fill(ctx, field, b.title), chart: b.chart, alt, series }
    }
  }
}

/**
 * Renders a template over a tabulation.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = (
  template: ReportTemplate,
  tab: Tabulation,
  registry: Registry,
  options: RenderOptions = {}
): Result.Result<ReportDocument, ReportError> => {
  const ctx: Ctx = { template, tab, registry, options, problems: [], figures: [] }
  if (tab.period === undefined) {
    report(ctx, "period", "no-period", "bảng tổng hợp không có kỳ báo cáo; hãy tổng hợp với một kỳ (period)", "the tabulation has no period; tabulate over a period")
  }
  for (const d of template.groupBy) checkSelector(ctx, "groupBy", { [d]: [] })
  const title = fill(ctx, "title", template.title)
  const sections = template.sections.map((s, i) => ({
    ...(s.heading === undefined ? {} : { heading: fill(ctx, `sections[${i}].heading`, s.heading) }),
    blocks: s.blocks.map((b, j) => renderBlock(ctx, `sections[${i}].blocks[${j}]`, b))
  }))
  if (ctx.problems.length > 0) return Result.fail(new ReportError({ template: template.id, problems: ctx.problems }))
  const frame = template.frame
  const place = options.place ?? frame?.place
  const header =
    frame === undefined
      ? undefined
      : {
          issuingBody: [...frame.issuingBody],
          ...(options.number === undefined ? {} : { number: formatDocumentNumber(options.number, frame.documentType, frame.issuer) }),
          ...(place === undefined ? {} : { place }),
          ...(options.date === undefined ? {} : { date: options.date }),
          recipients: [...(frame.recipients ?? [])],
          signatureTitle: [...(frame.signatureTitle ?? [])],
          ...(frame.signatory === undefined ? {} : { signatory: frame.signatory })
        }
  return Result.succeed({
    formatVersion: DOCUMENT_FORMAT_VERSION,
    template: template.id,
    title,
    period: tab.period as Period,
    ...(header === undefined ? {} : { header }),
    sections,
    figures: ctx.figures
  })
}
