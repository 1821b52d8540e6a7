/**
 * `hdnd stats`, `hdnd report`, `hdnd indicators`, `hdnd templates` and `hdnd units`: what is in the
 * store and what the registry declares, as tables, CSV, JSON or a rendered report.
 *
 * @since 0.1.0
 */
import { AdminUnit, CalendarDate, Format, Hierarchy, Ids, ReportTemplate, Tabulation } from "@hdnd/core"
import { Store } from "@hdnd/core"
import type { Errors, Indicator, Plugin, TabulationRequest } from "@hdnd/core"
import * as Effect from "effect/Effect"
import type { Common } from "../Context.js"
import * as Plugins from "../Plugins.js"
import { info, leftOut, numberStyleOf, parseDate, parseOptionalDate, period, print, registryOf, scopeOf, warnLeftOut, withReadStore } from "../Context.js"
import { UsageError } from "../Failure.js"
import { num, pick } from "../Lang.js"
import type { TableFormat } from "../Output.js"


const DIMENSION_NAMES: Readonly<Record<Tabulation.Dimension, readonly [string, string]>> = {
  council: ["HĐND", "Council"],
  unit: ["Đơn vị", "Unit"],
  level: ["Cấp", "Level"],
  organ: ["Cơ quan", "Organ"],
  organKind: ["Loại cơ quan", "Organ kind"],
  committeeKind: ["Loại Ban", "Committee kind"],
  ownerKind: ["Thuộc thẩm quyền", "On behalf of"],
  kind: ["Loại hoạt động", "Activity kind"],
  sessionType: ["Loại kỳ họp", "Session type"],
  month: ["Tháng", "Month"],
  quarter: ["Quý", "Quarter"],
  year: ["Năm", "Year"],
  role: ["Vai trò", "Role"]
}

/**
 * Options of `hdnd stats`.
 *
 * @since 0.1.0
 * @category models
 */
export interface StatsOptions {
  readonly indicators: ReadonlyArray<string>
  readonly from: string
  readonly to: string
  readonly scope?: string
  readonly by: ReadonlyArray<Tabulation.Dimension>
  readonly asOf?: string
  readonly format: TableFormat
  /** Organs whose led work is counted (since 0.2.0). */
  readonly ledBy?: ReadonlyArray<string>
  /** Organs whose work taken part in (without leading) is counted (since 0.2.0). */
  readonly tookPart?: ReadonlyArray<string>
  /** Organs whose work led or taken part in is counted (since 0.2.0). */
  readonly involved?: ReadonlyArray<string>
  /** Session ids: count only what belongs to them, whatever its date (since 0.2.0). */
  readonly sessions?: ReadonlyArray<string>
  /** `--number-style` of the values (`pad=2,grouping=no,words`; since 0.2.0). */
  readonly numberStyle?: string
}

/**
 * `hdnd stats`: the figures of indicators over a period, by dimensions.
 *
 * @since 0.1.0
 * @category commands
 */
export const stats = (c: Common, o: StatsOptions): Effect.Effect<void, UsageError | Errors.StoreError | Errors.TabulationError> =>
  Effect.gen(function* () {
    const p = yield* period(o.from, o.to)
    const asOf = (yield* parseOptionalDate("as-of", o.asOf)) ?? p.to
    const style = yield* numberStyleOf(o.numberStyle)
    const registry = yield* registryOf(c)
    const unknown = o.indicators.filter((id) => !registry.indicators.has(id as Ids.IndicatorId))
    if (unknown.length > 0) {
      return yield* Effect.fail(new UsageError({ vi: `chỉ tiêu không có: ${unknown.join(", ")}; xem "hdnd indicators"`, en: `unknown indicators: ${unknown.join(", ")}; see "hdnd indicators"` }))
    }
    const tab = yield* withReadStore(c, (store) =>
      Effect.gen(function* () {
        const { ds, scope } = yield* scopeOf(store, o.scope, asOf)
        yield* warnLeftOut(c, leftOut(ds, scope, p), asOf)
        const roles = { ledBy: o.ledBy ?? [], tookPart: o.tookPart ?? [], involved: o.involved ?? [] }
        const unknownOrgans = [...new Set(Object.values(roles).flat())].filter((id) => !ds.organs.has(id as Ids.OrganId))
        if (unknownOrgans.length > 0) {
          return yield* Effect.fail(
            new UsageError({
              vi: `không có cơ quan ${unknownOrgans.join(", ")} trong dữ liệu (--led-by, --took-part, --involved nhận mã cơ quan)`,
              en: `no organ ${unknownOrgans.join(", ")} in the data (--led-by, --took-part and --involved take organ ids)`
            })
          )
        }
        const filter = Object.fromEntries(Object.entries(roles).filter(([, ids]) => ids.length > 0)) as Indicator.Clause
        const request: TabulationRequest.TabulationRequest = {
          indicators: o.indicators as unknown as readonly [Ids.IndicatorId, ...Array<Ids.IndicatorId>],
          scope,
          period: p,
          groupBy: o.by,
          ...(Object.keys(filter).length === 0 ? {} : { filter }),
          ...(o.sessions === undefined || o.sessions.length === 0 ? {} : { sessions: o.sessions as unknown as readonly [Ids.SessionId, ...Array<Ids.SessionId>] })
        }
        return yield* store.tabulate(request)
      })
    )
    const label = (id: string) => {
      const ind = registry.indicators.get(id as Ids.IndicatorId)
      return ind === undefined ? id : pick(c.lang, ind.vi, ind.en)
    }
    const rows = Tabulation.toRows(tab)
    const dims = [...tab.dimensions]
    const dimName = (d: Tabulation.Dimension) => (o.format === "table" ? pick(c.lang, ...DIMENSION_NAMES[d]) : d)
    const header = [pick(c.lang, "Chỉ tiêu", "Indicator"), ...dims.map(dimName), pick(c.lang, "Giá trị", "Value")]
    // The value as a clerk writes it: with its qualifier word as entered ("trên 1.500") and, if asked,
    // in the official number style. CSV keeps the bare number unless a style is asked for.
    const styled = (r: (typeof rows)[number]) => Format.formatQualified(r.value, r.qualifier, r.wording, style)
    const body = rows.map((r) => [
      o.format === "table" ? label(r.indicator) : r.indicator,
      ...r.key.map((k) => (o.format === "table" ? Tabulation.labelOf(tab, k, c.lang) : k)),
      o.format === "table" || style !== undefined ? styled(r) : String(r.value)
    ])
    const json = rows.map((r) => ({
      indicator: r.indicator,
      label: label(r.indicator),
      ...Object.fromEntries(dims.map((d, i) => [d, r.key[i]])),
      value: r.value,
      qualifier: r.qualifier,
      ...(style === undefined ? {} : { text: styled(r) })
    }))
    yield* print(o.format, header, body, json, new Set([header.length - 1]))
    for (const x of Tabulation.conflicts(tab)) {
      yield* info(
        c,
        `Cảnh báo: số liệu tổng hợp của ${x.indicator} khác số đếm từ từng hoạt động (${JSON.stringify(x)})`,
        `Warning: the tally of ${x.indicator} differs from the itemised count (${JSON.stringify(x)})`
      )
    }
  })

/**
 * `hdnd indicators`: the declared indicators.
 *
 * @since 0.1.0
 * @category commands
 */
export const indicators = (c: Common, format: TableFormat): Effect.Effect<void, UsageError> =>
  Effect.flatMap(registryOf(c), (registry) => {
    const list = [...registry.indicators.values()]
    const header = ["id", pick(c.lang, "Chỉ tiêu", "Indicator"), pick(c.lang, "Đơn vị đếm", "Counted as"), pick(c.lang, "Cách tính", "Measure"), pick(c.lang, "Thuộc", "Part of")]
    // A sum or distinct count names the attribute it reads: "sum (voters)".
    const measure = (i: (typeof list)[number]) => (i.attribute === undefined ? i.measure : `${i.measure} (${i.attribute})`)
    const rows = list.map((i) => [i.id, pick(c.lang, i.vi, i.en), pick(c.lang, i.nounVi, i.nounEn), measure(i), i.partOf ?? ""])
    return print(format, header, rows, list.map((i) => ({ id: i.id, vi: i.vi, en: i.en, nounVi: i.nounVi, nounEn: i.nounEn, measure: i.measure, attribute: i.attribute, partOf: i.partOf })))
  })

/**
 * `hdnd templates`: the declared report templates.
 *
 * @since 0.1.0
 * @category commands
 */
export const templates = (c: Common, format: TableFormat): Effect.Effect<void, UsageError> =>
  Effect.flatMap(registryOf(c), (registry) => {
    const list = [...registry.templates.values()]
    const header = ["id", pick(c.lang, "Mẫu báo cáo", "Template"), pick(c.lang, "Chỉ tiêu dùng", "Indicators used")]
    const rows = list.map((t) => [t.id, pick(c.lang, t.vi, t.en), String(ReportTemplate.indicatorsOf(t).length)])
    return print(format, header, rows, list.map((t) => ({ id: t.id, vi: t.vi, en: t.en, indicators: ReportTemplate.indicatorsOf(t) })), new Set([2]))
  })

/**
 * `hdnd units`: the administrative units as of a date, as a tree.
 *
 * @since 0.1.0
 * @category commands
 */
export const units = (c: Common, asOfText: string | undefined, format: TableFormat): Effect.Effect<void, UsageError | Errors.StoreError> =>
  Effect.gen(function* () {
    const asOf = asOfText === undefined ? CalendarDate.date(new Date().toISOString().slice(0, 10)) : yield* parseDate("as-of", asOfText)
    const ds = yield* withReadStore(c, Store.structure)
    const h = Hierarchy.make(ds.units.values(), ds.lineage.values())
    const valid = h.asOf(asOf)
    const ids = new Set(valid.map((u) => u.id))
    const roots = valid.filter((u) => u.parent === undefined || !ids.has(u.parent))
    const ordered: Array<{ unit: AdminUnit.AdminUnit; depth: number }> = []
    const walk = (u: AdminUnit.AdminUnit, depth: number) => {
      ordered.push({ unit: u, depth })
      for (const child of [...h.children(u.id, asOf)].sort((a, b) => a.code.localeCompare(b.code))) walk(child, depth + 1)
    }
    for (const r of roots.sort((a, b) => a.code.localeCompare(b.code))) walk(r, 0)
    const header = [pick(c.lang, "Mã ĐVHC", "Code"), pick(c.lang, "Tên", "Name"), pick(c.lang, "Loại", "Type"), "id"]
    const rows = ordered.map(({ unit, depth }) => [unit.code, `${format === "table" ? "  ".repeat(depth) : ""}${unit.name}`, unit.type, unit.id])
    yield* print(format, header, rows, ordered.map(({ unit, depth }) => ({ id: unit.id, code: unit.code, name: unit.name, type: unit.type, parent: unit.parent, depth })))
    yield* info(c, `${num(c.lang, ordered.length)} đơn vị vào ngày ${asOf}`, `${num(c.lang, ordered.length)} units on ${asOf}`)
  })

/**
 * `hdnd plugins`: the plugins loaded (from `hdnd.config.json` or `hdnd.config.ts`, `--config` and
 * `--plugin`) with what each contributes, the built-in declarations each replaces, and (on stderr) the
 * ids of their exporters (`hdnd report --format ID`) and importer mappings (`hdnd import --mapping ID`).
 *
 * @since 0.1.0
 * @category commands
 */
export const plugins = (c: Common, format: TableFormat): Effect.Effect<void, UsageError> =>
  Effect.gen(function* () {
    const loaded = yield* Plugins.load(c.plugins ?? { plugins: [] })
    const count = (p: Plugin.Plugin) => ({
      activityKinds: p.activityKinds?.length ?? 0,
      committeeKinds: p.committeeKinds?.length ?? 0,
      indicators: p.indicators?.length ?? 0,
      reportTemplates: p.reportTemplates?.length ?? 0,
      exporters: p.exporters?.length ?? 0,
      importers: p.importers?.length ?? 0,
      records: Object.values(p.data ?? {}).reduce((n, rs) => n + (rs?.length ?? 0), 0)
    })
    const header = [
      pick(c.lang, "Plugin", "Plugin"),
      pick(c.lang, "Phiên bản", "Version"),
      pick(c.lang, "Thứ tự", "Order"),
      pick(c.lang, "Loại hoạt động", "Activity kinds"),
      pick(c.lang, "Loại ban", "Committee kinds"),
      pick(c.lang, "Chỉ tiêu", "Indicators"),
      pick(c.lang, "Mẫu báo cáo", "Templates"),
      pick(c.lang, "Định dạng xuất", "Exporters"),
      pick(c.lang, "Bảng ánh xạ nhập", "Import mappings"),
      pick(c.lang, "Bản ghi", "Records")
    ]
    const rows = loaded.plugins.map((p) => {
      const n = count(p)
      return [p.name, p.version, p.order ?? "normal", ...Object.values(n).map((x) => num(c.lang, x))]
    })
    yield* print(
      format,
      header,
      rows,
      loaded.plugins.map((p) => ({ name: p.name, version: p.version, requires: p.requires, order: p.order ?? "normal", dependencies: p.dependencies ?? {}, ...count(p) })),
      new Set([3, 4, 5, 6, 7, 8, 9])
    )
    for (const o of loaded.overrides) {
      yield* info(c, `${o.plugin} thay thế ${o.id} (${o.collection}) của ${o.replaced}`, `${o.plugin} replaces ${o.id} (${o.collection}) of ${o.replaced}`)
    }
    for (const e of loaded.exporters.values()) {
      yield* info(c, `Định dạng xuất ${e.id} (.${e.extension}, ${e.vi}): hdnd report --format ${e.id}`, `Exporter ${e.id} (.${e.extension}, ${e.en}): hdnd report --format ${e.id}`)
    }
    for (const m of loaded.importers.values()) {
      yield* info(c, `Bảng ánh xạ nhập ${m.id} (${m.entity}, ${m.vi}): hdnd import --mapping ${m.id}`, `Import mapping ${m.id} (${m.entity}, ${m.en}): hdnd import --mapping ${m.id}`)
    }
    if (loaded.plugins.length === 0) {
      yield* info(
        c,
        `Chưa nạp plugin nào: ghi tên gói vào ${Plugins.CONFIG_FILE} ({"plugins": [...]}) hoặc hdnd.config.ts, hoặc dùng --plugin`,
        `No plugin loaded: list packages in ${Plugins.CONFIG_FILE} ({"plugins": [...]}) or hdnd.config.ts, or use --plugin`
      )
    }
  })
