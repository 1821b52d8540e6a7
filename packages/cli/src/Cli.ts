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
const Recommendations = () => Effect.promise(() => import("./commands/Recommendations.js"))
const Programmes = () => Effect.promise(() => import("./commands/Programmes.js"))

/**
 * The kinds of record `--entity` accepts: `Dataset.entityKinds` of @hdnd/core (a test checks they
 * are the same), written out so that the help does not load the core.
 *
 * @since 0.1.0
 * @category data
 */
export const ENTITIES = [
  "units",
  "lineage",
  "councils",
  "terms",
  "organs",
  "sessions",
  "meetings",
  "activities",
  "tallies",
  "recommendations",
  "responses",
  "evaluations",
  "programmes",
  "programmeItems"
] as const

/**
 * The dimensions `hdnd stats --by` accepts: `Tabulation.dimensions` of @hdnd/core (a test checks
 * they are the same), written out so that the help does not load the core.
 *
 * @since 0.1.0
 * @category data
 */
export const DIMENSIONS = ["council", "unit", "level", "organ", "organKind", "committeeKind", "ownerKind", "kind", "sessionType", "month", "quarter", "year"] as const

/**
 * What `hdnd recommendations stats --by` accepts: `RecommendationStats.dimensions` of @hdnd/core (a
 * test checks they are the same).
 *
 * @since 0.1.0
 * @category data
 */
export const RECOMMENDATION_DIMENSIONS = ["addressee", "addresseeKind", "field", "level", "origin", "council", "kind"] as const

/**
 * What `hdnd recommendations list --status` accepts: the statuses of `Recommendation.labels.status`
 * of @hdnd/core (a test checks they are the same).
 *
 * @since 0.1.0
 * @category data
 */
export const RECOMMENDATION_STATUSES = ["raised", "forwarded", "answered", "resolved", "being-resolved", "explained", "not-resolved"] as const

/**
 * What `hdnd recommendations list --addressee-kind` accepts: `Recommendation.AddresseeKind` of
 * @hdnd/core (a test checks they are the same).
 *
 * @since 0.1.0
 * @category data
 */
export const ADDRESSEE_KINDS = ["people-committee", "department", "committee", "standing", "na-delegation", "other"] as const

const value = <A>(o: Option.Option<A>): A | undefined => Option.getOrUndefined(o)
const some = <K extends string, A>(key: K, o: Option.Option<A>): { readonly [k in K]?: A } => (Option.isSome(o) ? ({ [key]: o.value } as { [k in K]: A }) : {})

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

  // Recommendations (kiến nghị) and work programmes (chương trình công tác).
  const asOfFollowUp = opt(
    Options.text("as-of").pipe(
      Options.withDescription(t("tính đến ngày này: chỉ các bản ghi có ngày không sau ngày này được tính (mặc định: hôm nay)", "as of this day: only records dated on or before it count (default: today)"))
    )
  )
  const councils = Options.text("council").pipe(
    Options.repeated,
    Options.withDescription(t("chỉ các kiến nghị của HĐND này (mã hoặc tên), lặp lại được; mặc định: mọi HĐND", "only the recommendations of this council (id or name); repeatable; default: every council"))
  )
  const raisedFrom = opt(Options.text("from").pipe(Options.withDescription(t("chỉ các kiến nghị tiếp nhận từ ngày (cùng --to)", "only recommendations raised from this day (with --to)"))))
  const raisedTo = opt(Options.text("to").pipe(Options.withDescription(t("đến ngày (cùng --from)", "to this day (with --from)"))))

  const recList = Command.make(
    "list",
    {
      ...common,
      council: councils,
      asOf: asOfFollowUp,
      from: raisedFrom,
      to: raisedTo,
      status: Options.choice("status", RECOMMENDATION_STATUSES).pipe(
        Options.repeated,
        Options.withDescription(
          t(
            "chỉ các vụ việc có tình trạng này vào ngày --as-of: raised (mới tiếp nhận), forwarded (đã chuyển), answered (đã trả lời), resolved (đã giải quyết), being-resolved (đang giải quyết), explained (đã giải trình), not-resolved (chưa giải quyết); lặp lại được",
            "only matters with this status on --as-of: raised, forwarded, answered, resolved, being-resolved, explained, not-resolved; repeatable"
          )
        )
      ),
      addresseeKind: Options.choice("addressee-kind", ADDRESSEE_KINDS).pipe(
        Options.repeated,
        Options.withDescription(
          t(
            "chỉ các kiến nghị gửi loại cơ quan này: people-committee (UBND), department (sở, ngành), committee (Ban), standing (Thường trực), na-delegation (Đoàn ĐBQH), other; lặp lại được",
            "only recommendations addressed to this kind of agency: people-committee, department, committee, standing, na-delegation, other; repeatable"
          )
        )
      ),
      field: Options.text("field").pipe(Options.repeated, Options.withDescription(t("chỉ lĩnh vực này (\"Giao thông\"), lặp lại được", "only this field (\"Giao thông\"); repeatable"))),
      overdue: Options.boolean("overdue").pipe(Options.withDescription(t("chỉ các vụ việc quá hạn mà chưa được trả lời", "only the matters past their deadline without an answer"))),
      format
    },
    (o) =>
      Effect.flatMap(Recommendations(), (m) =>
        m.list(ctx(o), {
          councils: o.council,
          statuses: o.status,
          addresseeKinds: o.addresseeKind,
          fields: o.field,
          overdue: o.overdue,
          format: o.format,
          ...some("asOf", o.asOf),
          ...some("from", o.from),
          ...some("to", o.to)
        })
      )
  ).pipe(
    Command.withDescription(
      t(
        "liệt kê kiến nghị, đề xuất: mỗi vụ việc một dòng (kiến nghị đã gộp tính một lần, ghi các nguồn), tình trạng, cơ quan nhận, hạn và số ngày trả lời tính đến một ngày",
        "list recommendations: one row per matter (merged ones counted once, their sources listed) with its status, addressee, deadline and days to answer as of a day"
      )
    )
  )

  const recStats = Command.make(
    "stats",
    {
      ...common,
      council: councils,
      asOf: asOfFollowUp,
      from: raisedFrom,
      to: raisedTo,
      by: Options.choice("by", RECOMMENDATION_DIMENSIONS).pipe(
        Options.repeated,
        Options.withDescription(
          t(
            "nhóm theo: addressee (cơ quan nhận), addresseeKind (loại cơ quan nhận), field (lĩnh vực), level (cấp có thẩm quyền), origin (cơ quan nêu), council, kind",
            "group by: addressee, addresseeKind, field, level (competent level), origin (raising body), council, kind"
          )
        )
      ),
      format
    },
    (o) =>
      Effect.flatMap(Recommendations(), (m) =>
        m.stats(ctx(o), { councils: o.council, by: o.by, format: o.format, ...some("asOf", o.asOf), ...some("from", o.from), ...some("to", o.to) })
      )
  ).pipe(
    Command.withDescription(
      t(
        "các chỉ tiêu kiến nghị tính đến một ngày: đã tiếp nhận, đã trả lời, đã giải quyết, quá hạn, tỷ lệ giải quyết, số ngày trả lời (trung vị)",
        "the recommendation indicators as of a day: raised, answered, resolved, overdue, resolution rate, median days to answer"
      )
    )
  )

  const recReport = Command.make(
    "report",
    {
      ...common,
      from: Options.text("from").pipe(Options.withDescription(t("các kiến nghị tiếp nhận từ ngày (yyyy-mm-dd hoặc dd/mm/yyyy)", "recommendations raised from this day (yyyy-mm-dd or dd/mm/yyyy)"))),
      to: Options.text("to").pipe(Options.withDescription(t("đến ngày", "to this day"))),
      asOf: opt(Options.text("as-of").pipe(Options.withDescription(t("tình trạng trả lời, giải quyết tính đến ngày này (mặc định: --to)", "answers and evaluations up to this day count (default: --to)")))),
      council: councils,
      template: opt(
        Options.text("template").pipe(
          Options.withAlias("t"),
          Options.withDescription(
            t(
              "mẫu trình bày: core/recommendation-answers (mặc định), mã mẫu của plugin (son-la/answer-report) hoặc tệp mẫu .json; các phần trả lời đặt vào phần không có khối nào của mẫu",
              "layout: core/recommendation-answers (default), a plugin's template id (son-la/answer-report) or a .json template file; the answers go into the template's first section without blocks"
            )
          )
        )
      ),
      petitions: Options.boolean("petitions").pipe(Options.withDescription(t("tính cả ý kiến, kiến nghị của cử tri", "include voters' petitions"))),
      title: opt(Options.text("title").pipe(Options.withDescription(t("tiêu đề báo cáo (thay tiêu đề của mẫu)", "the report's title (instead of the template's)")))),
      format: Options.text("format").pipe(
        Options.withDefault("txt"),
        Options.withDescription(
          t(
            `định dạng: ${FORMATS.join(", ")}, hoặc mã định dạng của một plugin; nhiều định dạng cách nhau bằng dấu phẩy cùng -o THƯ-MỤC`,
            `format: ${FORMATS.join(", ")}, or the id of a plugin's exporter; several separated by commas with -o DIRECTORY`
          )
        )
      ),
      output: opt(Options.text("output").pipe(Options.withAlias("o"), Options.withDescription(t("ghi vào tệp (hoặc thư mục) thay vì màn hình", "write to a file (or a directory) instead of the screen")))),
      number: opt(Options.integer("number").pipe(Options.withDescription(t("số văn bản", "document number")))),
      date: opt(Options.text("date").pipe(Options.withDescription(t("ngày ban hành", "date of issue"))))
    },
    (o) =>
      Effect.flatMap(Recommendations(), (m) =>
        m.report(ctx(o), {
          from: o.from,
          to: o.to,
          councils: o.council,
          petitions: o.petitions,
          format: o.format,
          ...some("template", o.template),
          ...some("asOf", o.asOf),
          ...some("title", o.title),
          ...some("output", o.output),
          ...some("number", o.number),
          ...some("date", o.date)
        })
      )
  ).pipe(
    Command.withDescription(
      t(
        "báo cáo tổng hợp tiếp thu, trao đổi, giải đáp kiến nghị, đề xuất của một kỳ, tình trạng tính đến một ngày",
        "the consolidated answer report of the recommendations raised in a period, with their status as of a day"
      )
    )
  )

  const recommendations = Command.make("recommendations").pipe(
    Command.withDescription(t("kiến nghị, đề xuất, ý kiến cử tri: danh sách, chỉ tiêu, báo cáo tổng hợp trả lời", "recommendations, proposals and voters' petitions: listing, figures, the answer report")),
    Command.withSubcommands([recList, recStats, recReport])
  )

  const programmeId = Options.text("programme").pipe(Options.withDescription(t("mã chương trình công tác", "the work programme's id")))
  const progress = Command.make(
    "progress",
    {
      ...common,
      programme: programmeId.pipe(Options.repeated),
      organ: opt(Options.text("organ").pipe(Options.withDescription(t("chương trình của cơ quan này (mã hoặc tên)", "the programmes of this organ (id or name)")))),
      year: opt(Options.integer("year").pipe(Options.withDescription(t("chương trình của năm này", "the programmes of this year")))),
      council: Options.text("council").pipe(Options.repeated, Options.withDescription(t("chương trình của HĐND này (mã hoặc tên), lặp lại được", "the programmes of this council (id or name); repeatable"))),
      asOf: opt(
        Options.text("as-of").pipe(
          Options.withDescription(t("tính đến ngày này (mặc định: hôm nay, hoặc ngày cuối năm của chương trình nếu sớm hơn)", "as of this day (default: today, or the programme's last day when earlier)"))
        )
      ),
      items: Options.boolean("items").pipe(
        Options.withDescription(t("mỗi nội dung một dòng (và các hoạt động ngoài chương trình), thay vì mỗi chương trình một dòng", "one row per item (and per activity outside the plan) instead of one per programme"))
      ),
      format
    },
    (o) =>
      Effect.flatMap(Programmes(), (m) =>
        m.progress(ctx(o), { programmes: o.programme, councils: o.council, items: o.items, format: o.format, ...some("organ", o.organ), ...some("year", o.year), ...some("asOf", o.asOf) })
      )
  ).pipe(
    Command.withDescription(
      t(
        "tiến độ chương trình công tác: số nội dung theo kế hoạch, đã thực hiện, chưa thực hiện, chưa đến hạn, và hoạt động ngoài chương trình",
        "work programme progress: items planned, done, not done, not yet due, and activities outside the plan"
      )
    )
  )
  const draft = Command.make(
    "draft",
    {
      ...common,
      programme: programmeId,
      year: opt(Options.integer("year").pipe(Options.withDescription(t("năm của chương trình dự thảo (mặc định: năm sau)", "the draft's year (default: the next year)")))),
      id: opt(Options.text("id").pipe(Options.withDescription(t("mã chương trình mới (mặc định: mã cũ với năm mới)", "the new programme's id (default: the old id with the new year)")))),
      title: opt(Options.text("title").pipe(Options.withDescription(t("tên chương trình mới", "the new programme's title")))),
      asOf: opt(Options.text("as-of").pipe(Options.withDescription(t("nội dung chưa thực hiện tính đến ngày này (mặc định: ngày cuối năm của chương trình)", "unfinished as of this day (default: the programme's last day)")))),
      output: opt(
        Options.text("output").pipe(
          Options.withAlias("o"),
          Options.withDescription(
            t(
              "thư mục ghi hai tệp CSV chuong-trinh-NĂM.csv và noi-dung-chuong-trinh-NĂM.csv (mặc định: thư mục hiện tại), hoặc một tệp .json",
              "the directory for the two CSV files chuong-trinh-YEAR.csv and noi-dung-chuong-trinh-YEAR.csv (default: the current directory), or a .json file"
            )
          )
        )
      ),
      force: Options.boolean("force").pipe(Options.withDescription(t("ghi đè tệp đã có", "overwrite existing files")))
    },
    (o) =>
      Effect.flatMap(Programmes(), (m) =>
        m.draft(ctx(o), { programme: o.programme, force: o.force, ...some("year", o.year), ...some("id", o.id), ...some("title", o.title), ...some("asOf", o.asOf), ...some("output", o.output) })
      )
  ).pipe(
    Command.withDescription(
      t(
        "dự thảo chương trình năm sau từ các nội dung chưa thực hiện, ghi thành tệp CSV để sửa rồi hdnd import",
        "draft next year's programme from the unfinished items, as CSV files to edit and hdnd import"
      )
    )
  )
  const programme = Command.make("programme").pipe(
    Command.withDescription(t("chương trình công tác năm: tiến độ, dự thảo năm sau", "annual work programmes: progress, next year's draft")),
    Command.withSubcommands([progress, draft])
  )

  return Command.make("hdnd").pipe(
    Command.withDescription(
      t(
        "hdnd: nạp số liệu hoạt động của HĐND từ bảng tính, kiểm tra, tổng hợp và dựng báo cáo",
        "hdnd: load People's Council activity data from spreadsheets, check it, tabulate it and render reports"
      )
    ),
    Command.withSubcommands([init, importCommand, validate, stats, report, recommendations, programme, indicators, templates, units, plugins])
  )
}
