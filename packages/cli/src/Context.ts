/**
 * What every command shares: the language, quiet mode, the database target, and helpers to open the
 * store, parse dates and find units or councils by id or name.
 *
 * @since 0.1.0
 */
import { CalendarDate, Format, Hierarchy, ReportTemplate, Store, Text } from "@hdnd/core"
import type { Council } from "@hdnd/core"
import type { Registry } from "@hdnd/core"
import type { Dataset } from "@hdnd/core"
import type { Errors, TabulationRequest } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as Database from "./Database.js"
import { UsageError } from "./Failure.js"
import type { Lang } from "./Lang.js"
import * as Plugins from "./Plugins.js"
import { pick } from "./Lang.js"
import type { TableFormat } from "./Output.js"
import { table } from "./Output.js"
import { csv } from "./Csv.js"

/**
 * The options every command takes.
 *
 * @since 0.1.0
 * @category models
 */
export interface Common {
  readonly lang: Lang
  readonly quiet: boolean
  readonly target: Database.Target
  /** Where the plugins come from (`--plugin`, `--config`, `hdnd.config.json`). */
  readonly plugins?: Plugins.PluginSources
}

/**
 * The registry a command works with: the built-in declarations plus those of its plugins.
 *
 * @since 0.1.0
 * @category plugins
 */
export const registryOf = (c: Common): Effect.Effect<Registry.Registry, UsageError> =>
  Effect.map(Plugins.load(c.plugins ?? { plugins: [] }), (l) => l.registry)

/**
 * Writes a line to stdout.
 *
 * @since 0.1.0
 * @category output
 */
export const out = (text: string): Effect.Effect<void> => Effect.sync(() => void process.stdout.write(text.endsWith("\n") ? text : `${text}\n`))

/**
 * Prints rows in a listing format: an aligned table (numbers right-aligned in the `numeric`
 * columns), CSV, or the JSON value given.
 *
 * @since 0.1.0
 * @category output
 */
export const print = (
  format: TableFormat,
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  json: unknown,
  numeric?: ReadonlySet<number>
): Effect.Effect<void> => out(format === "json" ? JSON.stringify(json, null, 2) : format === "csv" ? csv(header, rows) : table(header, rows, numeric))

/**
 * Writes a line to stderr unless quiet.
 *
 * @since 0.1.0
 * @category output
 */
export const info = (c: Common, vi: string, en: string): Effect.Effect<void> =>
  c.quiet ? Effect.void : Effect.sync(() => void process.stderr.write(`${pick(c.lang, vi, en)}\n`))

/**
 * Runs `f` with the store of the target open, validating against the command's registry (built-in
 * declarations and plugins).
 *
 * @since 0.1.0
 * @category store
 */
export const withStore = <A, E>(
  c: Common,
  f: (store: Store.StoreService) => Effect.Effect<A, E, Store.Store>,
  access: Database.Access = "write",
  onSchema?: (outcome: Database.SchemaOutcome) => void
): Effect.Effect<A, E | Errors.StoreError | UsageError> =>
  Effect.flatMap(registryOf(c), (registry) =>
    Effect.gen(function* () {
      return yield* f(yield* Store.Store)
    }).pipe(Effect.provide(Database.layer(c.target, registry, access, onSchema)))
  )

/**
 * {@link withStore} for a command that only reads: a SQLite file is opened read-only, and a missing
 * one is refused rather than created (`Database.Access`).
 *
 * @since 0.2.0
 * @category store
 */
export const withReadStore = <A, E>(
  c: Common,
  f: (store: Store.StoreService) => Effect.Effect<A, E, Store.Store>
): Effect.Effect<A, E | Errors.StoreError | UsageError> => withStore(c, f, "read")

/**
 * A date option: `yyyy-mm-dd`, `dd/mm/yyyy` or Vietnamese words.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseDate = (option: string, text: string): Effect.Effect<CalendarDate.CalendarDate, UsageError> => {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : undefined
  const d = iso !== undefined && CalendarDate.isCalendarDate(iso) ? CalendarDate.date(iso) : Format.parseVietnameseDate(text)
  return d === undefined
    ? Effect.fail(new UsageError({ vi: `--${option}: "${text}" không phải ngày; hãy viết yyyy-mm-dd hoặc dd/mm/yyyy`, en: `--${option}: "${text}" is not a date; write yyyy-mm-dd or dd/mm/yyyy` }))
    : Effect.succeed(d)
}

/**
 * Reads `--number-style`: options separated by commas, written as in placeholders (`pad=2`,
 * `grouping=no`, `words`, `words=en`, `digits`); anything else is a usage error naming it.
 *
 * @since 0.2.0
 * @category options
 */
export const numberStyleOf = (text: string | undefined): Effect.Effect<Format.NumberStyle | undefined, UsageError> => {
  if (text === undefined) return Effect.succeed(undefined)
  const entries = text
    .split(/[,\s]+/u)
    .filter((e) => e.length > 0)
    .map((e): readonly [string, string | undefined] => {
      const eq = e.indexOf("=")
      return eq < 0 ? [e, undefined] : [e.slice(0, eq), e.slice(eq + 1)]
    })
  const parsed = ReportTemplate.parseNumberStyle(entries)
  return parsed._tag === "Ok"
    ? Effect.succeed(parsed.style)
    : Effect.fail(new UsageError({ vi: `--number-style ${parsed.vi}`, en: `--number-style ${parsed.en}` }))
}

/**
 * An optional date option.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseOptionalDate = (option: string, text: string | undefined): Effect.Effect<CalendarDate.CalendarDate | undefined, UsageError> =>
  text === undefined ? Effect.succeed(undefined) : parseDate(option, text)

/**
 * A unit or council named by id, code or name (matched without case or diacritics), as of a date.
 *
 * @since 0.1.0
 * @category lookup
 */
export const findScope = (
  ds: Dataset.Dataset,
  text: string,
  asOf: CalendarDate.CalendarDate
): Effect.Effect<{ readonly _tag: "Unit"; readonly id: string } | { readonly _tag: "Council"; readonly id: string }, UsageError> => {
  const t = text.trim()
  if (ds.units.has(t as never)) return Effect.succeed({ _tag: "Unit", id: t })
  if (ds.councils.has(t as never)) return Effect.succeed({ _tag: "Council", id: t })
  const key = Text.matchKey(t)
  const h = Hierarchy.make(ds.units.values(), ds.lineage.values())
  const units = h.asOf(asOf).filter((u) => u.code === t || Text.matchKey(u.name) === key)
  const councils = [...ds.councils.values()].filter((c) => Text.matchKey(c.name) === key && CalendarDate.contains(c.validity, asOf))
  const hits = [...units.map((u) => ({ _tag: "Unit" as const, id: u.id as string, name: u.name })), ...councils.map((c) => ({ _tag: "Council" as const, id: c.id as string, name: c.name }))]
  if (hits.length === 1) return Effect.succeed({ _tag: hits[0]!._tag, id: hits[0]!.id })
  const list = hits.map((x) => `${x.name} (${x.id})`).join(", ")
  return Effect.fail(
    hits.length === 0
      ? new UsageError({ vi: `--scope: không có đơn vị hay HĐND nào tên hoặc mã "${t}" vào ngày ${asOf}; xem "hdnd units --as-of ${asOf}"`, en: `--scope: no unit or council is named or coded "${t}" on ${asOf}; see "hdnd units --as-of ${asOf}"` })
      : new UsageError({ vi: `--scope: "${t}" ứng với nhiều bản ghi: ${list}; hãy ghi mã`, en: `--scope: "${t}" matches several records: ${list}; give the id` })
  )
}

/**
 * Every record a stream gives, as an array.
 *
 * @since 0.1.0
 * @category store
 */
export const collect = <A, E>(stream: Stream.Stream<A, E>): Effect.Effect<ReadonlyArray<A>, E> => Stream.runCollect(stream)

/**
 * Councils named by `--council` (each by id or by name, matched without case or diacritics). An
 * unknown or ambiguous name is a usage error that lists what there is.
 *
 * @since 0.1.0
 * @category lookup
 */
export const findCouncils = (ds: Dataset.Dataset, texts: ReadonlyArray<string>): Effect.Effect<ReadonlyArray<Council.Council>, UsageError> =>
  Effect.forEach(texts, (text) => {
    const t = text.trim()
    const byId = ds.councils.get(t as never)
    if (byId !== undefined) return Effect.succeed(byId)
    const key = Text.matchKey(t)
    const hits = [...ds.councils.values()].filter((c) => Text.matchKey(c.name) === key)
    if (hits.length === 1) return Effect.succeed(hits[0]!)
    const known = [...ds.councils.values()].slice(0, 8).map((c) => `${c.name} (${c.id})`).join(", ")
    return Effect.fail(
      hits.length === 0
        ? new UsageError({
            vi: `--council: không có HĐND nào tên hoặc mã "${t}"${known === "" ? "; cơ sở dữ liệu chưa có HĐND nào" : `; ví dụ: ${known}`}`,
            en: `--council: no council is named or coded "${t}"${known === "" ? "; the database has no council yet" : `; for example: ${known}`}`
          })
        : new UsageError({
            vi: `--council: "${t}" ứng với nhiều HĐND: ${hits.map((c) => `${c.name} (${c.id})`).join(", ")}; hãy ghi mã`,
            en: `--council: "${t}" matches several councils: ${hits.map((c) => `${c.name} (${c.id})`).join(", ")}; give the id`
          })
    )
  })

/**
 * The organ named by `--organ` (by id or by name, matched without case or diacritics), among the
 * organs of some councils (all when none are given).
 *
 * @since 0.1.0
 * @category lookup
 */
export const findOrgan = (ds: Dataset.Dataset, text: string, councils?: ReadonlyArray<string>): Effect.Effect<Council.Organ, UsageError> => {
  const t = text.trim()
  const byId = ds.organs.get(t as never)
  if (byId !== undefined) return Effect.succeed(byId)
  const key = Text.matchKey(t)
  const inScope = [...ds.organs.values()].filter((o) => councils === undefined || councils.length === 0 || councils.includes(o.council))
  const hits = inScope.filter((o) => Text.matchKey(o.name) === key)
  if (hits.length === 1) return Effect.succeed(hits[0]!)
  return Effect.fail(
    hits.length === 0
      ? new UsageError({
          vi: `--organ: không có cơ quan nào tên hoặc mã "${t}"; hãy ghi mã (ví dụ ${inScope[0]?.id ?? "hdnd-tinh/ban-phap-che"}) hoặc tên đầy đủ, hoặc thêm --council`,
          en: `--organ: no organ is named or coded "${t}"; give its id (for example ${inScope[0]?.id ?? "hdnd-tinh/ban-phap-che"}) or full name, or add --council`
        })
      : new UsageError({
          vi: `--organ: "${t}" ứng với nhiều cơ quan: ${hits.map((o) => `${o.name} (${o.id})`).join(", ")}; hãy ghi mã hoặc thêm --council`,
          en: `--organ: "${t}" matches several organs: ${hits.map((o) => `${o.name} (${o.id})`).join(", ")}; give the id or add --council`
        })
  )
}

/**
 * Today, as a calendar date (the default of `--as-of`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const today = (): CalendarDate.CalendarDate => CalendarDate.date(new Date().toISOString().slice(0, 10))

/**
 * An optional period: both `--from` and `--to`, or neither.
 *
 * @since 0.1.0
 * @category options
 */
export const optionalPeriod = (fromText: string | undefined, toText: string | undefined): Effect.Effect<CalendarDate.Period | undefined, UsageError> => {
  if (fromText === undefined && toText === undefined) return Effect.succeed(undefined)
  if (fromText === undefined || toText === undefined) {
    return Effect.fail(new UsageError({ vi: "--from và --to đi cùng nhau: hãy ghi cả hai (hoặc bỏ cả hai)", en: "--from and --to go together: give both (or neither)" }))
  }
  return period(fromText, toText)
}

/**
 * The tabulation scope named by `--scope` (a unit or a council, by id or name), every council when
 * it is absent, with the stored structure.
 *
 * @since 0.1.0
 * @category options
 */
export const scopeOf = (store: Store.StoreService, scope: string | undefined, asOf: CalendarDate.CalendarDate) =>
  Effect.gen(function* () {
    const ds = yield* Store.structure(store)
    if (scope === undefined) return { ds, scope: { _tag: "Councils", councils: [...ds.councils.keys()] } as TabulationRequest.Scope }
    const found = yield* findScope(ds, scope, asOf)
    return {
      ds,
      scope: (found._tag === "Unit" ? { _tag: "Subtree", unit: found.id, asOf } : { _tag: "Councils", councils: [found.id] }) as TabulationRequest.Scope
    }
  })

/**
 * The councils a unit's scope as of a date leaves out although they were part of it during the
 * period: councils of units that were in the unit's subtree on their last day in the period but are
 * not on the map of `asOf` (district councils after the 2025 reform, a unit reclassified since). Their
 * work is not counted; commands say so.
 *
 * @since 0.1.0
 * @category options
 */
export const leftOut = (ds: Dataset.Dataset, scope: TabulationRequest.Scope, period: CalendarDate.Period): ReadonlyArray<Council.Council> => {
  if (scope._tag !== "Subtree") return []
  const h = Hierarchy.make(ds.units.values(), ds.lineage.values())
  const inScope = new Set(h.subtree(scope.unit, scope.asOf).map((u) => u.id as string))
  const subtrees = new Map<string, ReadonlySet<string>>()
  const subtreeOn = (d: CalendarDate.CalendarDate) => {
    let s = subtrees.get(d)
    if (s === undefined) subtrees.set(d, (s = new Set(h.subtree(scope.unit, d).map((u) => u.id as string))))
    return s
  }
  const out: Array<Council.Council> = []
  for (const c of ds.councils.values()) {
    if (inScope.has(c.unit) || !CalendarDate.overlaps(c.validity, period)) continue
    const last = c.validity.to === undefined || c.validity.to > period.to ? period.to : c.validity.to
    if (subtreeOn(last).has(c.unit)) out.push(c)
  }
  return out
}

/**
 * Warns (on standard error) about the councils an as-of scope leaves out, naming a few.
 *
 * @since 0.1.0
 * @category options
 */
export const warnLeftOut = (c: Common, councils: ReadonlyArray<Council.Council>, asOf: CalendarDate.CalendarDate): Effect.Effect<void> => {
  if (councils.length === 0) return Effect.void
  const names = councils.slice(0, 3).map((x) => x.name).join(", ") + (councils.length > 3 ? ", …" : "")
  return info(
    c,
    `Lưu ý: ${councils.length} HĐND hoạt động trong kỳ nhưng không còn trên địa bàn vào ngày ${asOf} (${names}) nên số liệu của họ không được tính; dùng --as-of là một ngày trong kỳ để tính theo địa giới khi đó`,
    `Note: ${councils.length} councils active in the period are not on the map on ${asOf} (${names}), so their work is not counted; give --as-of a date within the period to count by the boundaries of that time`
  )
}

/**
 * The period of `--from` and `--to`.
 *
 * @since 0.1.0
 * @category options
 */
export const period = (fromText: string, toText: string) =>
  Effect.gen(function* () {
    const from = yield* parseDate("from", fromText)
    const to = yield* parseDate("to", toText)
    if (to < from) return yield* Effect.fail(new UsageError({ vi: `--to (${to}) trước --from (${from})`, en: `--to (${to}) is before --from (${from})` }))
    return { from, to }
  })
