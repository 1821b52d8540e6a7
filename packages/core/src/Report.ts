/**
 * Renders a report template over a tabulation into a report document. Every number comes from the
 * tabulation; a placeholder that cannot be resolved is an error that names it, never a blank.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import type { CalendarDate, Period } from "./CalendarDate.js"
import { ReportError, problem } from "./Errors.js"
import type { Problem, StoreError, TabulationError } from "./Errors.js"
import { formatDocumentNumber, formatNumber, formatPeriod, formatQualified, formatStyled } from "./Format.js"
import type { NumberStyle } from "./Format.js"
import type { IndicatorId, SessionId } from "./Ids.js"
import type { Indicator } from "./Indicator.js"
import type { Registry } from "./Registry.js"
import { closestIds } from "./Registry.js"
import type { DocBlock, DocCell, Figure, ReportDocument } from "./ReportDocument.js"
import { DOCUMENT_FORMAT_VERSION } from "./ReportDocument.js"
import type { Placeholder, ReportTemplate, TemplateBlock } from "./ReportTemplate.js"
import {
  FIGURE_PLACEHOLDERS,
  indicatorsOf,
  NUMBER_STYLE_OPTIONS,
  parseNumberStyle,
  placeholdersIn,
  replacePlaceholders,
  SESSION_OPTION,
  sessionKey,
  sessionScopedFigures,
  sessionsOf
} from "./ReportTemplate.js"
import type { StoreService } from "./Store.js"
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
  /** Zero-pad counts below 10 ("09 cuộc"), as many official texts do; the same as `numberStyle: { pad: 2 }`. */
  readonly padSmallCounts?: boolean
  /**
   * The number style of every figure (`pad`, `grouping`, `words`), over the template's own
   * `numberStyle`; a placeholder's options (`{{count x pad=2}}`) still win. @since 0.2.0
   */
  readonly numberStyle?: NumberStyle
}

/**
 * The number style a rendering starts from: `padSmallCounts`, then the template's `numberStyle`,
 * then the options' `numberStyle`, each over the one before.
 *
 * @since 0.2.0
 * @category rendering
 */
export const baseNumberStyle = (template: ReportTemplate, options: RenderOptions = {}): NumberStyle => {
  const out: { pad?: number; grouping?: boolean; words?: "vi" | "en" } = options.padSmallCounts === true ? { pad: 2 } : {}
  for (const style of [template.numberStyle, options.numberStyle]) {
    if (style?.pad !== undefined) out.pad = style.pad
    if (style?.grouping !== undefined) out.grouping = style.grouping
    if (style?.words !== undefined) out.words = style.words
  }
  return out
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

/**
 * The tabulation requests of a template's figures scoped to sessions (`{{count x session=<id>}}`):
 * one per distinct set of sessions, with the indicators its placeholders name, the template's
 * grouping, and `sessions` set. `key` is the set's {@link sessionKey}.
 *
 * @since 0.2.0
 * @category models
 */
export interface SessionRequest {
  readonly key: string
  readonly sessions: readonly [SessionId, ...Array<SessionId>]
  readonly request: TabulationRequest
}

/**
 * Every tabulation request a template needs: `main` (what {@link requestFor} gives, for the whole
 * report) and one per distinct set of sessions its placeholders are scoped to. A placeholder's
 * `session=` wins over the report's `sessions`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const requestsFor = (
  template: ReportTemplate,
  scope: Scope,
  period: Period,
  trace = false,
  sessions?: TabulationRequest["sessions"]
): { readonly main: TabulationRequest; readonly bySessions: ReadonlyArray<SessionRequest> } => {
  const sets = new Map<string, { sessions: ReadonlyArray<SessionId>; indicators: Set<IndicatorId> }>()
  for (const f of sessionScopedFigures(template)) {
    if (f.sessions.length === 0) continue
    const key = sessionKey(f.sessions)
    const set = sets.get(key) ?? { sessions: [...f.sessions].sort(), indicators: new Set<IndicatorId>() }
    set.indicators.add(f.indicator)
    sets.set(key, set)
  }
  const bySessions = [...sets].map(([key, set]): SessionRequest => {
    const ids = set.sessions as readonly [SessionId, ...Array<SessionId>]
    return {
      key,
      sessions: ids,
      request: {
        indicators: [...set.indicators] as unknown as TabulationRequest["indicators"],
        scope,
        period,
        groupBy: [...template.groupBy],
        trace,
        sessions: ids
      }
    }
  })
  return { main: requestFor(template, scope, period, trace, sessions), bySessions }
}

/**
 * What a template renders over: the tabulation of the whole report and, by {@link sessionKey}, those
 * of its figures scoped to sessions. Build it with {@link tabulate}, or tabulate
 * {@link requestsFor}'s requests yourself.
 *
 * @since 0.2.0
 * @category models
 */
export interface ReportTabulations {
  readonly main: Tabulation
  readonly bySessions: ReadonlyMap<string, Tabulation>
}

const isReportTabulations = (t: Tabulation | ReportTabulations): t is ReportTabulations => "bySessions" in t && "main" in t

/**
 * The `session=` ids of a template's placeholders that `known` does not know, each as a problem
 * saying where (the placeholder and its block) and how to fix it.
 *
 * @since 0.2.0
 * @category validation
 */
export const unknownSessions = (template: ReportTemplate, known: (id: SessionId) => boolean): ReadonlyArray<Problem> =>
  sessionScopedFigures(template).flatMap((f) => {
    const missing = f.sessions.filter((s) => !known(s))
    if (missing.length === 0) return []
    const where = `{{${f.placeholder.raw}}} (${f.field})`
    return [
      problem({
        entity: "ReportTemplate",
        id: template.id,
        field: f.field,
        code: "unknown-session",
        vi: `mẫu "${template.id}", ${where}: không có kỳ họp ${missing.join(", ")} trong dữ liệu; kiểm tra lại mã kỳ họp (xem bằng lệnh hdnd export sessions)`,
        en: `template "${template.id}", ${where}: no session ${missing.join(", ")} in the data; check the session ids (list them with hdnd export sessions)`
      })
    ]
  })

/**
 * Tabulates everything a template needs on a store: checks the sessions its placeholders name
 * (an unknown one is a {@link ReportError} saying which placeholder), then runs the requests of
 * {@link requestsFor}.
 *
 * @since 0.2.0
 * @category constructors
 */
export const tabulate = (
  store: Pick<StoreService, "get" | "tabulate">,
  template: ReportTemplate,
  scope: Scope,
  period: Period,
  options: { readonly trace?: boolean; readonly sessions?: TabulationRequest["sessions"] } = {}
): Effect.Effect<ReportTabulations, ReportError | TabulationError | StoreError> =>
  Effect.gen(function* () {
    const requests = requestsFor(template, scope, period, options.trace ?? false, options.sessions)
    const ids = [...new Set(requests.bySessions.flatMap((r) => r.sessions))]
    const known = new Set<SessionId>()
    for (const id of ids) {
      const found = yield* store.get("sessions", id).pipe(
        Effect.as(true),
        Effect.catchTag("NotFoundError", () => Effect.succeed(false))
      )
      if (found) known.add(id)
    }
    const unknown = unknownSessions(template, (id) => known.has(id))
    if (unknown.length > 0) return yield* Effect.fail(new ReportError({ template: template.id, problems: [...unknown] }))
    const main = yield* store.tabulate(requests.main)
    const bySessions = new Map<string, Tabulation>()
    for (const r of requests.bySessions) bySessions.set(r.key, yield* store.tabulate(r.request))
    return { main, bySessions }
  })

const capitalise = (s: string): string => (s.length === 0 ? s : s[0]!.toLocaleUpperCase("vi") + s.slice(1))

interface Ctx {
  readonly template: ReportTemplate
  readonly tab: Tabulation
  readonly bySessions: ReadonlyMap<string, Tabulation>
  readonly registry: Registry
  readonly options: RenderOptions
  readonly style: NumberStyle
  readonly problems: Array<Problem>
  readonly figures: Array<Figure>
}

const report = (ctx: Ctx, field: string, code: string, vi: string, en: string) => {
  ctx.problems.push(problem({ entity: "ReportTemplate", id: ctx.template.id, field, code, vi, en }))
}

/** The problem of an unknown indicator: where it is, the id, and the closest known ids. */
const unknownIndicator = (template: ReportTemplate, registry: Registry, field: string, id: string, raw?: string): Problem => {
  const near = closestIds(registry.indicators.keys(), id).join(", ")
  const where = raw === undefined ? field : `{{${raw}}} (${field})`
  return problem({
    entity: "ReportTemplate",
    id: template.id,
    field,
    code: "unknown-indicator",
    vi: `mẫu "${template.id}", ${where}: không có chỉ tiêu "${id}"; các chỉ tiêu gần giống: ${near} (xem danh sách bằng lệnh hdnd indicators)`,
    en: `template "${template.id}", ${where}: no indicator "${id}"; the closest ones: ${near} (list them with hdnd indicators)`
  })
}

/**
 * The indicators a template names that the registry does not know, each as a problem saying where
 * (the placeholder or table column), the unknown id and the closest known ids. Check this before
 * tabulating, so a misspelt id is reported against the template rather than the tabulation.
 *
 * @since 0.2.0
 * @category validation
 */
export const unknownIndicators = (template: ReportTemplate, registry: Registry): ReadonlyArray<Problem> => {
  const out: Array<Problem> = []
  const known = (id: string) => registry.indicators.has(id as IndicatorId)
  const fromText = (field: string, text: string) => {
    for (const p of placeholdersIn(text)) {
      const id = p.args[0]
      if (FIGURE_PLACEHOLDERS.has(p.name) && id !== undefined && !known(id)) out.push(unknownIndicator(template, registry, field, id, p.raw))
    }
  }
  fromText("title", template.title)
  template.sections.forEach((s, i) => {
    if (s.heading !== undefined) fromText(`sections[${i}].heading`, s.heading)
    s.blocks.forEach((b, j) => {
      const field = `sections[${i}].blocks[${j}]`
      if (b._tag === "Paragraph" || b._tag === "Heading") fromText(field, b.text)
      else if (b._tag === "Table") b.columns.forEach((c, k) => !known(c.indicator) && out.push(unknownIndicator(template, registry, `${field}.columns[${k}]`, c.indicator)))
      else if (!known(b.indicator)) out.push(unknownIndicator(template, registry, `${field}.indicator`, b.indicator))
    })
  })
  ;(template.extraIndicators ?? []).forEach((id, i) => !known(id) && out.push(unknownIndicator(template, registry, `extraIndicators[${i}]`, id)))
  return out
}

const checkIndicator = (ctx: Ctx, field: string, id: string, raw?: string, tab: Tabulation = ctx.tab): Indicator | undefined => {
  const ind = ctx.registry.indicators.get(id as IndicatorId)
  if (ind === undefined) {
    ctx.problems.push(unknownIndicator(ctx.template, ctx.registry, field, id, raw))
    return undefined
  }
  if (!tab.indicators.has(ind.id)) {
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
    const values = typeof v === "string" ? [v] : v
    if (dim === "role") {
      // role=led (chủ trì), role=took-part (tham gia), role=any (either: summed over both roles).
      const wrong = values.filter((x) => x !== "led" && x !== "took-part" && x !== "any")
      if (wrong.length > 0) {
        report(ctx, field, "unknown-role", `vai trò "${wrong.join("|")}" không hợp lệ; dùng role=led (chủ trì), role=took-part (tham gia) hoặc role=any (cả hai)`,
          `no role "${wrong.join("|")}"; use role=led, role=took-part or role=any (either)`)
      }
      if (values.includes("any")) continue
    }
    out[dim] = values
  }
  return out as Selector
}

/**
 * The tabulation a figure reads: the report's, or with `session=` that of its sessions (a problem
 * if `session=` names none, or if the rendering was not given that tabulation).
 */
const sessionTabulation = (ctx: Ctx, field: string, p: Placeholder): Tabulation | undefined => {
  const sessions = sessionsOf(p)
  if (sessions === undefined) return ctx.tab
  if (sessions.length === 0) {
    report(ctx, field, "placeholder-missing-session", `chỗ trống {{${p.raw}}}: session= cần mã kỳ họp (session=<mã> hoặc session=<mã>|<mã>)`,
      `placeholder {{${p.raw}}}: session= needs a session id (session=<id> or session=<id>|<id>)`)
    return undefined
  }
  const tab = ctx.bySessions.get(sessionKey(sessions))
  if (tab === undefined) {
    report(ctx, field, "session-not-tabulated", `chỗ trống {{${p.raw}}}: chưa có bảng tổng hợp cho kỳ họp ${sessions.join(", ")}; dựng các bảng bằng Report.tabulate (hoặc Report.requestsFor)`,
      `placeholder {{${p.raw}}}: no tabulation for session ${sessions.join(", ")}; build them with Report.tabulate (or Report.requestsFor)`)
  }
  return tab
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
    case "value":
    case "number": {
      const id = p.args[0]
      if (id === undefined) {
        report(ctx, field, "placeholder-missing-indicator", `chỗ trống {{${p.raw}}} thiếu mã chỉ tiêu`, `placeholder {{${p.raw}}} names no indicator`)
        return `{{${p.raw}}}`
      }
      const tab = sessionTabulation(ctx, field, p)
      const ind = tab === undefined ? undefined : checkIndicator(ctx, field, id, p.raw, tab)
      const styleOptions: Array<readonly [string, string | undefined]> = []
      const where: Record<string, ReadonlyArray<string>> = {}
      for (const [k, v] of Object.entries(p.where)) {
        if (NUMBER_STYLE_OPTIONS.has(k)) styleOptions.push([k, v.join("|")])
        else if (k !== SESSION_OPTION) where[k] = v
      }
      for (const a of p.args.slice(1)) if (NUMBER_STYLE_OPTIONS.has(a)) styleOptions.push([a, undefined])
      const parsed = parseNumberStyle(styleOptions, ctx.style)
      if (parsed._tag === "Bad") report(ctx, field, "bad-number-style", `chỗ trống {{${p.raw}}}: ${parsed.vi}`, `placeholder {{${p.raw}}}: ${parsed.en}`)
      const style = parsed._tag === "Ok" ? parsed.style : ctx.style
      const selector = checkSelector(ctx, field, where)
      if (ind === undefined || tab === undefined) return `{{${p.raw}}}`
      const v = valueOf(tab, ind.id, selector)
      const number = p.name === "number" ? formatStyled(v.value, style) : formatQualified(v.value, v.qualifier, v.wording, style)
      const text = p.name === "count" ? `${number} ${style.words === "en" ? ind.nounEn : ind.nounVi}` : number
      ctx.figures.push({ placeholder: p.raw, indicator: ind.id, where: selector as Record<string, ReadonlyArray<string>>, value: v.value, text })
      return text
    }
    default:
      report(ctx, field, "unknown-placeholder", `chỗ trống không hợp lệ {{${p.raw}}}; dùng count, value, number, period hoặc Period`,
        `unknown placeholder {{${p.raw}}}; use count, value, number, period or Period`)
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

/** Table cells take the rendering's pad and grouping, and their column's; never words. */
const numberCell = (ctx: Ctx, v: Value, column?: NumberStyle): DocCell => {
  const { words: _, ...style } = { ...ctx.style, ...column }
  return { text: formatQualified(v.value, v.qualifier, v.wording, style), value: v.value }
}

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
        header: c.header,
        style: c.numberStyle
      }))
      // Rows: values that carry something for one of the columns (a council-wide tally grouped by
      // organ would otherwise add an empty "not apportioned" row).
      const rowValues = sortedValues(ctx.tab, b.rows).filter((rv) =>
        cols.some((c) => c.ind !== undefined && valueOf(ctx.tab, c.ind.id, { ...c.where, [b.rows]: rv }).value > 0)
      )
      const rows = rowValues.map((rv) => [
        { text: labelOf(ctx.tab, rv) },
        ...cols.map((c) => (c.ind === undefined ? { text: "" } : numberCell(ctx, valueOf(ctx.tab, c.ind.id, { ...c.where, [b.rows]: rv }), c.style)))
      ])
      const total = b.total
        ? [{ text: "Tổng cộng" }, ...cols.map((c) => (c.ind === undefined ? { text: "" } : numberCell(ctx, valueOf(ctx.tab, c.ind.id, c.where), c.style)))]
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
 * Renders a template over a tabulation, or over {@link ReportTabulations} when placeholders are
 * scoped to sessions (`session=`; since 0.2.0).
 *
 * @example
 * ```ts
 * import { CalendarDate, Ids, MemoryStore, Report, ReportText, Store, TabulationRequest } from "@hdnd/core"
 * import { batch } from "@hdnd/province-son-la"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.gen(function* () {
 *   const store = yield* Store.Store
 *   yield* store.upsert(batch) // Sơn La's units, councils and organs (your records too, in an app)
 *   const template = store.registry.templates.get(Ids.TemplateId.make("core/activity-summary"))!
 *   const scope = TabulationRequest.subtree(Ids.UnitId.make("unit:14"), CalendarDate.date("2023-12-31"))
 *   const tab = yield* store.tabulate(Report.requestFor(template, scope, CalendarDate.period("2023-01-01", "2023-12-31")))
 *   // render returns a Result: a ReportDocument, or a TemplateError saying which placeholder failed
 *   const doc = yield* Effect.fromResult(Report.render(template, tab, store.registry, { number: 85, place: "Sơn La" }))
 *   return ReportText.toMarkdown(doc)
 * })
 * console.log(await Effect.runPromise(Effect.provide(program, MemoryStore.layer())))
 * ```
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = (
  template: ReportTemplate,
  tabulations: Tabulation | ReportTabulations,
  registry: Registry,
  options: RenderOptions = {}
): Result.Result<ReportDocument, ReportError> => {
  const { main: tab, bySessions } = isReportTabulations(tabulations) ? tabulations : { main: tabulations, bySessions: new Map<string, Tabulation>() }
  const ctx: Ctx = { template, tab, bySessions, registry, options, style: baseNumberStyle(template, options), problems: [], figures: [] }
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
