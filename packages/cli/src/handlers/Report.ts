/**
 * `hdnd report`: renders a report template over a period, from the store, into one or more formats
 * (text and Markdown from core; JSON, DOCX, XLSX, CSV and HTML from the exporter packages; any
 * exporter a loaded plugin contributes, by its id).
 *
 * @since 0.1.0
 */
import { Errors, Exporter, Ids, Report, ReportTemplate, ReportText, TabulationDocument } from "@hdnd/core"
import type { Activity, Registry, ReportDocument, Store, Tabulation, Tally } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as fs from "node:fs"
import * as path from "node:path"
import type { Common } from "../Context.js"
import { info, leftOut, numberStyleOf, out, parseOptionalDate, period, registryOf, scopeOf, warnLeftOut, withReadStore } from "../Context.js"
import * as Exporters from "../Exporters.js"
import { UsageError } from "../Failure.js"
import * as OutputFile from "../OutputFile.js"
import * as Plugins from "../Plugins.js"

/**
 * Options of `hdnd report`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportOptions {
  readonly template: string
  readonly from: string
  readonly to: string
  readonly scope?: string
  readonly asOf?: string
  /** One format or several, comma-separated (`docx,xlsx,html`); a plugin exporter by its id. */
  readonly format: string
  /** A file, or a directory when several formats are asked for. */
  readonly output?: string
  readonly number?: number
  readonly date?: string
  /** Add the appendix of the records behind every figure (always in XLSX). */
  readonly records?: boolean
  /** Session ids: every figure counts only what belongs to them, whatever its date (since 0.2.0). */
  readonly sessions?: ReadonlyArray<string>
  /** `--number-style`: `pad=2,grouping=no,words` (see `Context.numberStyleOf`). @since 0.2.0 */
  readonly numberStyle?: string
}

const decodeTemplate = Schema.decodeUnknownResult(Schema.fromJsonString(ReportTemplate.ReportTemplate))

/**
 * A template by id (built in or from a loaded plugin), or from a JSON file; anything else is a usage
 * error listing the templates.
 *
 * @since 0.1.0
 * @category templates
 */
export const templateOf = (registry: Registry.Registry, ref: string): Effect.Effect<ReportTemplate.ReportTemplate, UsageError> => {
  const known = registry.templates.get(ref as Ids.TemplateId)
  if (known !== undefined) return Effect.succeed(known)
  if (!fs.existsSync(ref)) {
    const ids = [...registry.templates.keys()].join(", ")
    return Effect.fail(new UsageError({ vi: `không có mẫu báo cáo "${ref}" (các mẫu: ${ids}; hoặc chỉ ra một tệp mẫu .json)`, en: `no report template "${ref}" (templates: ${ids}; or give a .json template file)` }))
  }
  const decoded = decodeTemplate(fs.readFileSync(ref, "utf8"))
  return Result.isSuccess(decoded)
    ? Effect.succeed(decoded.success)
    : Effect.fail(new UsageError({ vi: `tệp mẫu báo cáo "${ref}" không hợp lệ: ${decoded.failure.message}`, en: `the report template file "${ref}" is not valid: ${decoded.failure.message}` }))
}

/** The activities and tallies a traced tabulation counted, read from the store. */
const recordsBehind = (registry: Registry.Registry, store: Store.StoreService, tab: Tabulation.Tabulation, limit?: AppendixLimit) =>
  Effect.gen(function* () {
    const activityIds = new Set<string>()
    const tallyIds = new Set<string>()
    for (const cell of tab.cells.values()) {
      for (const a of cell.activities) activityIds.add(a)
      for (const t of cell.tallies) tallyIds.add(t.id)
    }
    // Refuse before reading a single record, rather than run out of memory building the document.
    const rows = activityIds.size + tallyIds.size
    if (limit !== undefined && rows > limit.rows) return yield* Effect.fail(tooManyRecords(rows, limit))
    const period = tab.period === undefined ? {} : { period: tab.period }
    const activities = new Map<string, Activity.Activity>()
    yield* Stream.runForEach(store.stream("activities", period), (a) => Effect.sync(() => void (activityIds.has(a.id) && activities.set(a.id, a))))
    const tallies = new Map<string, Tally.Tally>()
    yield* Stream.runForEach(store.stream("tallies", period), (t) => Effect.sync(() => void (tallyIds.has(t.id) && tallies.set(t.id, t))))
    return TabulationDocument.drillDown(tab, registry, activities, tallies)
  })

/**
 * How many records the appendix of `--records` may list in a document format (DOCX, HTML, text,
 * Markdown, a plugin's), whose exporters build the whole document in memory: 20,000 rows (some 600
 * pages), unless `HDND_MAX_APPENDIX_ROWS` says otherwise. XLSX, CSV and JSON have no such limit.
 *
 * @since 0.2.0
 * @category limits
 */
export const MAX_APPENDIX_ROWS = 20_000

/** The appendix limit of a run: the formats it applies to and the number of rows. */
interface AppendixLimit {
  readonly rows: number
  readonly formats: ReadonlyArray<string>
}

/** Formats whose exporter can take an appendix of any size. */
const isTabular = (f: Exporters.Chosen): boolean => f._tag === "BuiltIn" && (f.format === "xlsx" || f.format === "csv" || f.format === "json")

/**
 * The appendix limit for `--records` in these formats, or `undefined` when none is a document
 * format (or `--records` is not given).
 */
const appendixLimit = (formats: ReadonlyArray<Exporters.Chosen>, records: boolean): AppendixLimit | undefined => {
  const documents = records ? formats.filter((f) => !isTabular(f)) : []
  if (documents.length === 0) return undefined
  const fromEnv = Number(process.env.HDND_MAX_APPENDIX_ROWS)
  return { rows: Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : MAX_APPENDIX_ROWS, formats: documents.map(Exporters.nameOf) }
}

const tooManyRecords = (rows: number, limit: AppendixLimit): UsageError => {
  const f = limit.formats.join(", ")
  const n = (lang: "vi" | "en", x: number) => x.toLocaleString(lang === "vi" ? "vi-VN" : "en-US")
  return new UsageError({
    vi: `--records: phụ lục có ${n("vi", rows)} hồ sơ, quá giới hạn ${n("vi", limit.rows)} dòng của định dạng ${f}; hãy dùng --format xlsx (phụ lục không giới hạn), hoặc bỏ --records, hoặc thu hẹp --scope hay kỳ báo cáo`,
    en: `--records: the appendix has ${n("en", rows)} records, over the ${n("en", limit.rows)}-row limit of ${f}; use --format xlsx (no limit on the appendix), or leave out --records, or narrow --scope or the period`
  })
}

/**
 * An exporter's failure, or what it threw (`RangeError: Invalid string length` on a document too
 * big for memory), as an `ExportError` that keeps the cause in its message.
 */
const withCause = (format: Exporters.Chosen) => <A>(effect: Effect.Effect<A, Exporter.ExportError>): Effect.Effect<A, Exporter.ExportError> =>
  effect.pipe(
    Effect.catchDefect((defect) => {
      const m = String((defect as { message?: unknown } | undefined)?.message ?? defect)
      return Effect.fail(
        new Exporter.ExportError({
          format: Exporters.nameOf(format),
          vi: `không xuất được định dạng ${Exporters.nameOf(format)}: ${m}`,
          en: `cannot export ${Exporters.nameOf(format)}: ${m}`,
          cause: defect
        })
      )
    })
  )

/**
 * The file name of a format in the `-o` directory: `bao-cao.<extension>`; a plugin format whose
 * extension another format of the same run has is named after its id (`bao-cao-son-la-bao-cao-quy.csv`).
 */
const fileNameOf = (c: Exporters.Chosen, all: ReadonlyArray<Exporters.Chosen>): string => {
  const ext = Exporters.extensionOf(c)
  const shared = all.some((o) => o !== c && Exporters.extensionOf(o) === ext)
  return c._tag === "Plugin" && shared ? `bao-cao-${c.exporter.id.replace(/[^A-Za-z0-9._-]+/g, "-")}.${ext}` : `bao-cao.${ext}`
}

/**
 * Where each format goes: stdout, the `-o` file, or a file in the `-o` directory.
 *
 * @since 0.1.0
 * @category output
 */
export const targets = (formats: ReadonlyArray<Exporters.Chosen>, output: string | undefined): Effect.Effect<ReadonlyArray<string | undefined>, UsageError> => {
  const isDir = output !== undefined && (output.endsWith("/") || output.endsWith(path.sep) || (fs.existsSync(output) && fs.statSync(output).isDirectory()))
  if (formats.length > 1) {
    if (output === undefined) {
      return Effect.fail(new UsageError({ vi: "nhiều định dạng cần một thư mục để ghi: thêm -o THƯ-MỤC", en: "several formats need a directory to write to: add -o DIRECTORY" }))
    }
    return Effect.succeed(formats.map((f) => path.join(output, fileNameOf(f, formats))))
  }
  const f = formats[0]!
  if (output === undefined) {
    if (Exporters.isBinaryChosen(f) && process.stdout.isTTY === true) {
      const name = Exporters.nameOf(f)
      const ext = Exporters.extensionOf(f)
      return Effect.fail(new UsageError({ vi: `định dạng ${name} không in ra màn hình được: thêm -o TỆP (ví dụ -o bao-cao.${ext})`, en: `the ${name} format cannot be printed to a terminal: add -o FILE (for example -o report.${ext})` }))
    }
    return Effect.succeed([undefined])
  }
  return Effect.succeed([isDir ? path.join(output, fileNameOf(f, formats)) : output])
}

/**
 * The bytes of a document in one format.
 *
 * @since 0.1.0
 * @category output
 */
export const encode = (format: Exporters.Chosen, doc: ReportDocument.ReportDocument): Effect.Effect<Exporter.ExportOutput, Exporter.ExportError> => {
  const text = (s: string, extension: string): Exporter.ExportOutput => ({ bytes: new TextEncoder().encode(s), mediaType: "text/plain", extension })
  if (format._tag === "Plugin") return format.exporter.export(Exporter.document(doc))
  if (format.format === "txt") return Effect.succeed(text(ReportText.toText(doc), "txt"))
  if (format.format === "md") return Effect.succeed(text(ReportText.toMarkdown(doc), "md"))
  const file = format.format
  return Effect.flatMap(
    Effect.promise(() => Exporters.load(file)),
    (exporter) => exporter.export(Exporter.document(doc))
  )
}

/**
 * The formats of `--format`, built-in or contributed by the loaded plugins; an unknown one lists them all.
 *
 * @since 0.1.0
 * @category output
 */
export const formatsOf = (c: Common, text: string): Effect.Effect<ReadonlyArray<Exporters.Chosen>, UsageError> =>
  Effect.flatMap(Plugins.load(c.plugins ?? { plugins: [] }), (loaded) => {
    const parsed = Exporters.parseFormats(text, loaded.exporters)
    if (!("unknown" in parsed)) return Effect.succeed(parsed.formats)
    const builtIn = Exporters.FORMATS.join(", ")
    const ids = [...loaded.exporters.keys()].join(", ")
    return Effect.fail(
      new UsageError({
        vi: `không có định dạng ${parsed.unknown.join(", ")}; dùng: ${builtIn}${ids === "" ? " (plugin có thể thêm định dạng, xem hdnd plugins)" : `; của plugin: ${ids}`}`,
        en: `no format ${parsed.unknown.join(", ")}; use: ${builtIn}${ids === "" ? " (plugins can add formats, see hdnd plugins)" : `; from plugins: ${ids}`}`
      })
    )
  })

/**
 * Writes an export to its file (with the extension the bytes need: several CSV tables are a zip).
 *
 * @since 0.1.0
 * @category output
 */
export const write = (c: Common, file: string, output: Exporter.ExportOutput) =>
  Effect.gen(function* () {
    const ext = path.extname(file)
    const actual = ext.slice(1).toLowerCase() === output.extension ? file : `${ext === "" ? file : file.slice(0, -ext.length)}.${output.extension}`
    yield* Effect.try({
      try: () => fs.mkdirSync(path.dirname(path.resolve(actual)), { recursive: true }),
      catch: (e) => OutputFile.unwritable("--output", actual, e)
    })
    yield* OutputFile.writeAtomic("--output", actual, output.bytes)
    if (actual !== file && output.mediaType === "application/zip") yield* info(c, `Báo cáo có nhiều bảng nên được ghi thành tệp nén: ${actual}`, `The report has several tables, so it was written as a zip: ${actual}`)
    else if (actual !== file) yield* info(c, `Đã ghi báo cáo vào ${actual} (định dạng này cần đuôi .${output.extension})`, `Report written to ${actual} (this format needs the .${output.extension} extension)`)
    else yield* info(c, `Đã ghi báo cáo vào ${actual}`, `Report written to ${actual}`)
  })

/**
 * What every report-writing command reads from its options before it touches the store: the formats
 * and their output files, the registry (core and plugins), the period, the day the hierarchy is taken
 * as of (the period's end by default) and the issue date.
 *
 * @since 0.1.0
 * @category commands
 */
export const reportInputs = (
  c: Common,
  o: { readonly format: string; readonly output?: string; readonly from: string; readonly to: string; readonly asOf?: string; readonly date?: string }
) =>
  Effect.gen(function* () {
    const formats = yield* formatsOf(c, o.format)
    const files = yield* targets(formats, o.output)
    const registry = yield* registryOf(c)
    const p = yield* period(o.from, o.to)
    const asOf = (yield* parseOptionalDate("as-of", o.asOf)) ?? p.to
    const date = yield* parseOptionalDate("date", o.date)
    return { formats, files, registry, p, asOf, date }
  })

/**
 * `hdnd report`: renders a report template over a period.
 *
 * @since 0.1.0
 * @category commands
 */
export const report = (
  c: Common,
  o: ReportOptions
): Effect.Effect<void, UsageError | Errors.StoreError | Errors.TabulationError | Errors.ReportError | Exporter.ExportError> =>
  Effect.gen(function* () {
    const { formats, files, registry, p, asOf, date } = yield* reportInputs(c, o)
    const template = yield* templateOf(registry, o.template)
    const numberStyle = yield* numberStyleOf(o.numberStyle)
    // A misspelt indicator is the template's fault: say where it is and what is close, before tabulating.
    const unknown = Report.unknownIndicators(template, registry)
    if (unknown.length > 0) return yield* Effect.fail(new Errors.ReportError({ template: template.id, problems: [...unknown] }))
    const isXlsx = (f: Exporters.Chosen) => f._tag === "BuiltIn" && f.format === "xlsx"
    const wantsRecords = o.records === true || formats.some(isXlsx)
    const { doc, appendix } = yield* withReadStore(c, (store) =>
      Effect.gen(function* () {
        const { ds, scope } = yield* scopeOf(store, o.scope, asOf)
        yield* warnLeftOut(c, leftOut(ds, scope, p), asOf)
        const sessions = o.sessions === undefined || o.sessions.length === 0 ? undefined : (o.sessions as unknown as readonly [Ids.SessionId, ...Array<Ids.SessionId>])
        // The report's tabulation, and one per set of sessions its placeholders name (`session=`).
        const tabs = yield* Report.tabulate(store, template, scope, p, { trace: true, ...(sessions === undefined ? {} : { sessions }) })
        const tab = tabs.main
        const rendered = Report.render(template, tabs, registry, {
          ...(o.number === undefined ? {} : { number: o.number }),
          ...(date === undefined ? {} : { date }),
          ...(numberStyle === undefined ? {} : { numberStyle })
        })
        if (Result.isFailure(rendered)) return yield* Effect.fail(rendered.failure)
        return { doc: rendered.success, appendix: wantsRecords ? yield* recordsBehind(registry, store, tab, appendixLimit(formats, o.records === true)) : undefined }
      })
    )
    yield* emit(c, formats, files, (format) => (appendix !== undefined && (o.records === true || isXlsx(format)) ? { ...doc, appendices: [appendix] } : doc))
  })

/**
 * Writes a document in each chosen format to its target (from {@link targets}): a file, or stdout
 * (binary formats as bytes, text as text).
 *
 * @since 0.1.0
 * @category output
 */
export const emit = (
  c: Common,
  formats: ReadonlyArray<Exporters.Chosen>,
  files: ReadonlyArray<string | undefined>,
  doc: ReportDocument.ReportDocument | ((format: Exporters.Chosen) => ReportDocument.ReportDocument)
): Effect.Effect<void, UsageError | Exporter.ExportError> =>
  Effect.gen(function* () {
    for (const [i, format] of formats.entries()) {
      const output = yield* withCause(format)(encode(format, typeof doc === "function" ? doc(format) : doc))
      const file = files[i]
      if (file === undefined) {
        if (Exporters.isBinaryChosen(format)) yield* Effect.sync(() => void process.stdout.write(output.bytes))
        else yield* out(new TextDecoder().decode(output.bytes))
      } else yield* write(c, file, output)
    }
  })
