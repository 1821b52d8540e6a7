/**
 * The `hdnd` command tree (@effect/cli), with help in Vietnamese or English.
 *
 * @since 0.1.0
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { LoadOptions } from "./commands/Load.js"
import type { Common } from "./Context.js"
import * as Database from "./Database.js"
import { FORMATS } from "./Exporters.js"
import type { Lang } from "./Lang.js"
import { pick } from "./Lang.js"

/**
 * The version printed by `hdnd --version`.
 *
 * @since 0.1.0
 * @category data
 */
export const VERSION = "0.1.0"

const opt = <A>(o: Options.Options<A>) => Options.optional(o)

// The commands' code (and @hdnd/core with it) is loaded when a command runs, not for `--help`.
const Load = () => Effect.promise(() => import("./commands/Load.js"))
const Query = () => Effect.promise(() => import("./commands/Query.js"))
const ReportCommand = () => Effect.promise(() => import("./commands/Report.js"))

/**
 * The kinds of record `--entity` accepts: `Dataset.entityKinds` of @hdnd/core (a test checks they
 * are the same), written out so that the help does not load the core.
 *
 * @since 0.1.0
 * @category data
 */
export const ENTITIES = ["units", "lineage", "councils", "terms", "organs", "sessions", "meetings", "activities", "tallies"] as const

/**
 * The dimensions `hdnd stats --by` accepts: `Tabulation.dimensions` of @hdnd/core (a test checks
 * they are the same), written out so that the help does not load the core.
 *
 * @since 0.1.0
 * @category data
 */
export const DIMENSIONS = ["council", "unit", "level", "organ", "organKind", "committeeKind", "ownerKind", "kind", "sessionType", "month", "quarter", "year"] as const
const value = <A>(o: Option.Option<A>): A | undefined => Option.getOrUndefined(o)

/**
 * The command tree in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): Command.Command<"hdnd", never, unknown, any> => {
  const t = (vi: string, en: string) => pick(lang, vi, en)
  const common = {
    db: opt(Options.text("db").pipe(Options.withDescription(t("tệp SQLite (mặc định: $HDND_SQLITE_FILE hoặc ./hdnd.sqlite)", "the SQLite file (default: $HDND_SQLITE_FILE or ./hdnd.sqlite)")))),
    databaseUrl: opt(
      Options.text("database-url").pipe(Options.withDescription(t("dùng PostgreSQL: postgres://… (hoặc $HDND_DATABASE_URL)", "use PostgreSQL: postgres://… (or $HDND_DATABASE_URL)")))
    ),
    quiet: Options.boolean("quiet").pipe(Options.withAlias("q"), Options.withDescription(t("không in tiến độ và thông báo phụ", "no progress or side messages"))),
    lang: Options.choice("lang", ["vi", "en"]).pipe(Options.optional, Options.withDescription(t("ngôn ngữ: vi hoặc en", "language: vi or en"))),
    plugin: Options.text("plugin").pipe(
      Options.repeated,
      Options.withDescription(t("nạp plugin (tên gói hoặc đường dẫn tệp .js), lặp lại được", "load a plugin (package name or path to a .js file); repeatable"))
    ),
    config: opt(
      Options.text("config").pipe(
        Options.withDescription(
          t(
            "tệp cấu hình .json, .ts, .mts, .mjs hoặc .js (mặc định: tệp đầu tiên có trong thư mục hiện tại trong số hdnd.config.json, hdnd.config.ts, .mts, .mjs, .js)",
            "configuration file: .json, .ts, .mts, .mjs or .js (default: the first of hdnd.config.json, hdnd.config.ts, .mts, .mjs, .js in the current directory)"
          )
        )
      )
    )
  }
  const ctx = (o: { db: Option.Option<string>; databaseUrl: Option.Option<string>; quiet: boolean; plugin: ReadonlyArray<string>; config: Option.Option<string> }): Common => ({
    lang,
    quiet: o.quiet,
    target: Database.target(o.db, o.databaseUrl),
    plugins: { plugins: o.plugin, ...(Option.isSome(o.config) ? { config: o.config.value } : {}) }
  })
  const format = Options.choice("format", ["table", "json", "csv"]).pipe(Options.withDefault("table" as const), Options.withDescription(t("định dạng", "output format")))
  const files = Args.file({ name: t("TỆP", "FILE"), exists: "yes" }).pipe(Args.repeated, Args.withDescription(t("tệp CSV, XLSX, JSON hoặc NDJSON", "CSV, XLSX, JSON or NDJSON files")))
  const loadOptions = {
    skipInvalid: Options.boolean("skip-invalid").pipe(
      Options.withDescription(t("nhập các dòng đúng, ghi các dòng lỗi vào tệp (--rejects)", "import the valid rows and write the rejected ones to a file (--rejects)"))
    ),
    rejects: opt(Options.text("rejects").pipe(Options.withDescription(t("tệp CSV ghi các dòng bị loại (mặc định với --skip-invalid: hdnd-rejects.csv)", "CSV file for rejected rows (default with --skip-invalid: hdnd-rejects.csv)")))),
    batchSize: opt(Options.integer("batch-size").pipe(Options.withDescription(t("số bản ghi mỗi lô (mặc định 5000)", "records per batch (default 5000)")))),
    sheet: opt(Options.text("sheet").pipe(Options.withDescription(t("trang tính cần đọc trong tệp XLSX", "the sheet to read in XLSX files")))),
    council: opt(Options.text("council").pipe(Options.withDescription(t("HĐND của các dòng để trống cột HĐND", "the council of rows that leave it empty")))),
    entity: opt(
      Options.choice("entity", ENTITIES).pipe(
        Options.withDescription(t("loại dữ liệu của mọi tệp, khi tên tệp không cho biết", "the kind of record in every file, when the file names do not tell"))
      )
    ),
    mapping: opt(
      Options.text("mapping").pipe(
        Options.withDescription(
          t(
            "đọc các tệp theo bảng ánh xạ tiêu đề của một plugin (mã, xem hdnd plugins): tiêu đề cột của tỉnh → tiêu đề chuẩn; bảng ánh xạ cho biết loại dữ liệu",
            "read the files with a plugin's header mapping (its id, see hdnd plugins): the province's headers → interchange headers; the mapping gives the kind of record"
          )
        )
      )
    )
  }
  const loadFrom = (
    o: {
      skipInvalid: boolean
      rejects: Option.Option<string>
      batchSize: Option.Option<number>
      sheet: Option.Option<string>
      council: Option.Option<string>
      entity: Option.Option<(typeof ENTITIES)[number]>
      mapping: Option.Option<string>
    },
    paths: ReadonlyArray<string>,
    dryRun: boolean
  ): LoadOptions => ({
    files: paths,
    skipInvalid: o.skipInvalid,
    dryRun,
    ...(Option.isSome(o.rejects) ? { rejects: o.rejects.value } : {}),
    ...(Option.isSome(o.batchSize) ? { batchSize: o.batchSize.value } : {}),
    ...(Option.isSome(o.sheet) ? { sheet: o.sheet.value } : {}),
    ...(Option.isSome(o.council) ? { council: o.council.value } : {}),
    ...(Option.isSome(o.entity) ? { entity: o.entity.value } : {}),
    ...(Option.isSome(o.mapping) ? { mapping: o.mapping.value } : {})
  })

  const init = Command.make("init", { ...common, ...loadOptions, files }, (o) => Effect.flatMap(Load(), (m) => m.init(ctx(o), loadFrom(o, o.files, false)))).pipe(Command.withDescription(t("tạo cơ sở dữ liệu (và nạp các tệp nếu có)", "create the database (and load files, if given)")))

  const importCommand = Command.make("import", { ...common, ...loadOptions, files }, (o) => Effect.flatMap(Load(), (m) => Effect.asVoid(m.load(ctx(o), loadFrom(o, o.files, false))))).pipe(
    Command.withDescription(
      t("nhập các tệp; mặc định hoặc nhập hết hoặc không nhập gì", "import files; by default all of them or nothing")
    )
  )

  const validate = Command.make("validate", { ...common, ...loadOptions, files }, (o) => Effect.flatMap(Load(), (m) => Effect.asVoid(m.load(ctx(o), loadFrom(o, o.files, true))))).pipe(
    Command.withDescription(t("kiểm tra các tệp so với cơ sở dữ liệu, không ghi gì", "check files against the database without writing anything"))
  )

  const period = {
    from: Options.text("from").pipe(Options.withDescription(t("từ ngày (yyyy-mm-dd hoặc dd/mm/yyyy)", "first day (yyyy-mm-dd or dd/mm/yyyy)"))),
    to: Options.text("to").pipe(Options.withDescription(t("đến ngày", "last day"))),
    scope: opt(Options.text("scope").pipe(Options.withDescription(t("đơn vị hoặc HĐND (mã hoặc tên); mặc định: mọi HĐND", "a unit or council (id or name); default: every council")))),
    asOf: opt(Options.text("as-of").pipe(Options.withDescription(t("lấy địa giới hành chính vào ngày này (mặc định: --to)", "the administrative map of this day (default: --to)"))))
  }

  const stats = Command.make(
    "stats",
    {
      ...common,
      ...period,
      indicator: Options.text("indicator").pipe(Options.withAlias("i"), Options.atLeast(1), Options.withDescription(t("mã chỉ tiêu (xem hdnd indicators)", "indicator id (see hdnd indicators)"))),
      by: Options.choice("by", DIMENSIONS).pipe(Options.repeated, Options.withDescription(t("nhóm theo", "group by"))),
      format
    },
    (o) =>
      Effect.flatMap(Query(), (m) => m.stats(ctx(o), {
        indicators: o.indicator,
        from: o.from,
        to: o.to,
        by: o.by,
        format: o.format,
        ...(Option.isSome(o.scope) ? { scope: o.scope.value } : {}),
        ...(Option.isSome(o.asOf) ? { asOf: o.asOf.value } : {})
      }))
  ).pipe(Command.withDescription(t("số liệu của các chỉ tiêu trong một kỳ", "indicator figures over a period")))

  const report = Command.make(
    "report",
    {
      ...common,
      ...period,
      template: Options.text("template").pipe(Options.withAlias("t"), Options.withDescription(t("mã mẫu báo cáo hoặc tệp mẫu .json", "template id or a .json template file"))),
      format: Options.text("format").pipe(
        Options.withDefault("txt"),
        Options.withDescription(
          t(
            `định dạng: ${FORMATS.join(", ")}, hoặc mã định dạng của một plugin (xem hdnd plugins); nhiều định dạng cách nhau bằng dấu phẩy (docx,xlsx,html) cùng -o THƯ-MỤC`,
            `format: ${FORMATS.join(", ")}, or the id of a plugin's exporter (see hdnd plugins); several separated by commas (docx,xlsx,html) with -o DIRECTORY`
          )
        )
      ),
      output: opt(
        Options.text("output").pipe(
          Options.withAlias("o"),
          Options.withDescription(t("ghi vào tệp (hoặc thư mục) thay vì màn hình", "write to a file (or a directory) instead of the screen"))
        )
      ),
      records: Options.boolean("records").pipe(
        Options.withDescription(t("thêm phụ lục hồ sơ chi tiết của từng số liệu (XLSX luôn có)", "add the appendix of the records behind each figure (always in XLSX)"))
      ),
      number: opt(Options.integer("number").pipe(Options.withDescription(t("số văn bản", "document number")))),
      date: opt(Options.text("date").pipe(Options.withDescription(t("ngày ban hành", "date of issue"))))
    },
    (o) =>
      Effect.flatMap(ReportCommand(), (m) => m.report(ctx(o), {
        template: o.template,
        records: o.records,
        from: o.from,
        to: o.to,
        format: o.format,
        ...(Option.isSome(o.scope) ? { scope: o.scope.value } : {}),
        ...(Option.isSome(o.asOf) ? { asOf: o.asOf.value } : {}),
        ...(Option.isSome(o.output) ? { output: o.output.value } : {}),
        ...(Option.isSome(o.number) ? { number: o.number.value } : {}),
        ...(Option.isSome(o.date) ? { date: o.date.value } : {})
      }))
  ).pipe(Command.withDescription(t("dựng báo cáo theo mẫu", "render a report from a template")))

  const indicators = Command.make("indicators", { ...common, format }, (o) => Effect.flatMap(Query(), (m) => m.indicators(ctx(o), o.format))).pipe(
    Command.withDescription(t("liệt kê các chỉ tiêu", "list the indicators"))
  )
  const templates = Command.make("templates", { ...common, format }, (o) => Effect.flatMap(Query(), (m) => m.templates(ctx(o), o.format))).pipe(
    Command.withDescription(t("liệt kê các mẫu báo cáo", "list the report templates"))
  )
  const plugins = Command.make("plugins", { ...common, format }, (o) => Effect.flatMap(Query(), (m) => m.plugins(ctx(o), o.format))).pipe(
    Command.withDescription(t("liệt kê các plugin đã nạp và những gì chúng thêm vào", "list the loaded plugins and what they contribute"))
  )
  const units = Command.make("units", { ...common, asOf: period.asOf, format }, (o) => Effect.flatMap(Query(), (m) => m.units(ctx(o), value(o.asOf), o.format))).pipe(
    Command.withDescription(t("các đơn vị hành chính vào một ngày", "the administrative units on a day"))
  )

  return Command.make("hdnd").pipe(
    Command.withDescription(
      t(
        "hdnd: nạp số liệu hoạt động của HĐND từ bảng tính, kiểm tra, tổng hợp và dựng báo cáo",
        "hdnd: load People's Council activity data from spreadsheets, check it, tabulate it and render reports"
      )
    ),
    Command.withSubcommands([init, importCommand, validate, stats, report, indicators, templates, units, plugins])
  )
}
