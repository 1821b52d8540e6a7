/**
 * The options several `hdnd` commands share (effect/cli flags and arguments), the values the
 * choice options accept, and the conversion of the parsed common options into what every command
 * runs with. Loading this module loads no part of @hdnd/core: `hdnd --help` stays fast.
 *
 * @since 0.1.0
 */
import * as Argument from "effect/cli/Argument"
import type * as Command from "effect/cli/Command"
import * as Flag from "effect/cli/Flag"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Common } from "./Context.js"
import * as Database from "./Database.js"
import type { Lang } from "./Lang.js"
import { pick } from "./Lang.js"

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
  "programmeItems",
  "resolutions",
  "documents"
] as const

/**
 * The dimensions `hdnd stats --by` accepts: `Tabulation.dimensions` of @hdnd/core (a test checks
 * they are the same), written out so that the help does not load the core.
 *
 * @since 0.1.0
 * @category data
 */
export const DIMENSIONS = ["council", "unit", "level", "organ", "organKind", "committeeKind", "ownerKind", "kind", "sessionType", "month", "quarter", "year", "role"] as const

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

/**
 * The output formats of listings and figures (`--format table|json|csv`).
 *
 * @since 0.1.0
 * @category data
 */
export const TABLE_FORMATS = ["table", "json", "csv"] as const

/**
 * A command of `hdnd` as the command tree holds it: whatever its options parse to and whatever its
 * handler fails with (`Main` reports every failure).
 *
 * @since 0.1.0
 * @category models
 */
export type HdndCommand<Name extends string> = Command.Command<Name, never, unknown, unknown, never>

/**
 * Picks the text of a language: `t(vi, en)`.
 *
 * @since 0.1.0
 * @category text
 */
export type Text = (vi: string, en: string) => string

/**
 * The {@link Text} of a language.
 *
 * @since 0.1.0
 * @category text
 */
export const text = (lang: Lang): Text => (vi, en) => pick(lang, vi, en)

/**
 * The value of an optional option, or `undefined`.
 *
 * @since 0.1.0
 * @category values
 */
export const value = <A>(o: Option.Option<A>): A | undefined => Option.getOrUndefined(o)

/**
 * `{ [key]: value }` when an optional option was given, `{}` otherwise: spread it into options
 * whose properties are optional (`exactOptionalPropertyTypes`).
 *
 * @since 0.1.0
 * @category values
 */
export const some = <K extends string, A>(key: K, o: Option.Option<A>): { readonly [k in K]?: A } =>
  Option.isSome(o) ? ({ [key]: o.value } as { [k in K]: A }) : {}

/**
 * Runs a command's handler from a module loaded when the command runs (the commands' code, and
 * @hdnd/core with it, is not loaded for `--help`).
 *
 * @since 0.1.0
 * @category handlers
 */
export const lazy = <M, A, E>(load: () => Promise<M>, run: (module: M) => Effect.Effect<A, E>): Effect.Effect<void, E> =>
  Effect.asVoid(Effect.flatMap(Effect.promise(load), run))

/**
 * The parsed values of the options every command takes.
 *
 * @since 0.1.0
 * @category models
 */
export interface CommonValues {
  readonly db: Option.Option<string>
  readonly databaseUrl: Option.Option<string>
  readonly quiet: boolean
  readonly lang: Option.Option<Lang>
  readonly plugin: ReadonlyArray<string>
  readonly config: Option.Option<string>
}

/**
 * The options every command takes: `--db`, `--database-url`, `--quiet` (`-q`), `--lang`,
 * `--plugin` (repeatable) and `--config`.
 *
 * @since 0.1.0
 * @category options
 */
export const common = (lang: Lang) => {
  const t = text(lang)
  return {
    db: Flag.String("db").pipe(
      Flag.withDescription(t("tệp SQLite (mặc định: $HDND_SQLITE_FILE hoặc ./hdnd.sqlite)", "the SQLite file (default: $HDND_SQLITE_FILE or ./hdnd.sqlite)")),
      Flag.optional
    ),
    databaseUrl: Flag.String("database-url").pipe(
      Flag.withDescription(t("dùng PostgreSQL: postgres://… (hoặc $HDND_DATABASE_URL)", "use PostgreSQL: postgres://… (or $HDND_DATABASE_URL)")),
      Flag.optional
    ),
    // effect/cli 4 requires a boolean flag unless it has a default: absent means false, as before.
    quiet: Flag.Boolean("quiet").pipe(
      Flag.withAlias("q"),
      Flag.withDescription(t("không in tiến độ và thông báo phụ", "no progress or side messages")),
      Flag.withDefault(false)
    ),
    // Read before parsing (Lang.detect picks the language of the help); declared so that it is accepted.
    lang: Flag.Literals("lang", ["vi", "en"]).pipe(Flag.withDescription(t("ngôn ngữ: vi hoặc en", "language: vi or en")), Flag.optional),
    plugin: Flag.String("plugin").pipe(
      Flag.withDescription(t("nạp plugin (tên gói hoặc đường dẫn tệp .js), lặp lại được", "load a plugin (package name or path to a .js file); repeatable")),
      Flag.atLeast(0)
    ),
    config: Flag.String("config").pipe(
      Flag.withDescription(
        t(
          "tệp cấu hình .json, .ts, .mts, .mjs hoặc .js (mặc định: tệp đầu tiên có trong thư mục hiện tại trong số hdnd.config.json, hdnd.config.ts, .mts, .mjs, .js)",
          "configuration file: .json, .ts, .mts, .mjs or .js (default: the first of hdnd.config.json, hdnd.config.ts, .mts, .mjs, .js in the current directory)"
        )
      ),
      Flag.optional
    )
  }
}

/**
 * What a command runs with, from the parsed common options.
 *
 * @since 0.1.0
 * @category options
 */
export const toCommon = (lang: Lang, o: CommonValues): Common => ({
  lang,
  quiet: o.quiet,
  target: Database.target(o.db, o.databaseUrl),
  plugins: { plugins: o.plugin, ...some("config", o.config) }
})

/**
 * `--format table|json|csv` (default `table`) of listings and figures.
 *
 * @since 0.1.0
 * @category options
 */
export const tableFormat = (lang: Lang) =>
  Flag.Literals("format", TABLE_FORMATS).pipe(Flag.withDescription(text(lang)("định dạng", "output format")), Flag.withDefault("table" as const))

/**
 * The period and scope of figures: `--from`, `--to` (both required), `--scope`, `--as-of`
 * (`hdnd stats`, `hdnd report`).
 *
 * @since 0.1.0
 * @category options
 */
export const period = (lang: Lang) => {
  const t = text(lang)
  return {
    from: Flag.String("from").pipe(Flag.withDescription(t("từ ngày (yyyy-mm-dd hoặc dd/mm/yyyy)", "first day (yyyy-mm-dd or dd/mm/yyyy)"))),
    to: Flag.String("to").pipe(Flag.withDescription(t("đến ngày", "last day"))),
    scope: Flag.String("scope").pipe(
      Flag.withDescription(t("đơn vị hoặc HĐND (mã hoặc tên); mặc định: mọi HĐND", "a unit or council (id or name); default: every council")),
      Flag.optional
    ),
    asOf: mapAsOf(lang)
  }
}

/**
 * `--as-of`: the administrative map of a day (default: `--to`).
 *
 * @since 0.1.0
 * @category options
 */
export const mapAsOf = (lang: Lang) =>
  Flag.String("as-of").pipe(
    Flag.withDescription(text(lang)("lấy địa giới hành chính vào ngày này (mặc định: --to)", "the administrative map of this day (default: --to)")),
    Flag.optional
  )

/**
 * The options of a rendered report's format and document: `--format` (a list, default `txt`),
 * `-o`, `--number`, `--date` (`hdnd report`, `hdnd recommendations report`).
 *
 * @since 0.1.0
 * @category options
 */
export const document = (lang: Lang, formatDescription: { readonly vi: string; readonly en: string }) => {
  const t = text(lang)
  return {
    format: Flag.String("format").pipe(Flag.withDescription(t(formatDescription.vi, formatDescription.en)), Flag.withDefault("txt")),
    output: Flag.String("output").pipe(
      Flag.withAlias("o"),
      Flag.withDescription(t("ghi vào tệp (hoặc thư mục) thay vì màn hình", "write to a file (or a directory) instead of the screen")),
      Flag.optional
    ),
    number: Flag.Int("number").pipe(Flag.withDescription(t("số văn bản", "document number")), Flag.optional),
    date: Flag.String("date").pipe(Flag.withDescription(t("ngày ban hành", "date of issue")), Flag.optional)
  }
}

/**
 * `--number-style`: the official number style of the figures a command prints, options separated by
 * commas as in placeholders (`pad=2`, `grouping=no`, `words`, `words=en`, `digits`); `what` says
 * which figures (`hdnd report`, `hdnd stats`, `hdnd recommendations report`).
 *
 * @since 0.2.0
 * @category options
 */
export const numberStyle = (lang: Lang, what: { readonly vi: string; readonly en: string }) =>
  Flag.String("number-style").pipe(
    Flag.withDescription(
      text(lang)(
        `kiểu số ${what.vi}, các tùy chọn cách nhau bằng dấu phẩy: pad=2 (05 cuộc), grouping=no (1500), words (bằng chữ: mười lăm), words=en, digits`,
        `the number style ${what.en}, options separated by commas: pad=2 (05), grouping=no (1500), words (in words: mười lăm), words=en, digits`
      )
    ),
    Flag.optional
  )

/**
 * The files a loading command reads (`init`, `import`, `validate`): any number of paths, as given.
 * A path that is not a readable file is a usage error of the command.
 *
 * @since 0.1.0
 * @category options
 */
export const files = (lang: Lang) =>
  Argument.String(text(lang)("TỆP", "FILE")).pipe(Argument.withDescription(text(lang)("tệp CSV, XLSX, JSON hoặc NDJSON", "CSV, XLSX, JSON or NDJSON files")), Argument.variadic())

/**
 * The options of the loading commands (`init`, `import`, `validate`).
 *
 * @since 0.1.0
 * @category options
 */
export const loading = (lang: Lang) => {
  const t = text(lang)
  return {
    skipInvalid: Flag.Boolean("skip-invalid").pipe(
      Flag.withDescription(t("nhập các dòng đúng, ghi các dòng lỗi vào tệp (--rejects)", "import the valid rows and write the rejected ones to a file (--rejects)")),
      Flag.withDefault(false)
    ),
    rejects: Flag.String("rejects").pipe(
      Flag.withDescription(t("tệp CSV ghi các dòng bị loại (mặc định với --skip-invalid: hdnd-rejects.csv)", "CSV file for rejected rows (default with --skip-invalid: hdnd-rejects.csv)")),
      Flag.optional
    ),
    batchSize: Flag.Int("batch-size").pipe(Flag.withDescription(t("số bản ghi mỗi lô (mặc định 5000)", "records per batch (default 5000)")), Flag.optional),
    sheet: Flag.String("sheet").pipe(Flag.withDescription(t("trang tính cần đọc trong tệp XLSX", "the sheet to read in XLSX files")), Flag.optional),
    council: Flag.String("council").pipe(Flag.withDescription(t("HĐND của các dòng để trống cột HĐND", "the council of rows that leave it empty")), Flag.optional),
    entity: Flag.Literals("entity", ENTITIES).pipe(
      Flag.withDescription(t("loại dữ liệu của mọi tệp, khi tên tệp không cho biết", "the kind of record in every file, when the file names do not tell")),
      Flag.optional
    ),
    mapping: Flag.String("mapping").pipe(
      Flag.withDescription(
        t(
          "đọc các tệp theo bảng ánh xạ tiêu đề của một plugin (mã, xem hdnd plugins): tiêu đề cột của tỉnh → tiêu đề chuẩn; bảng ánh xạ cho biết loại dữ liệu",
          "read the files with a plugin's header mapping (its id, see hdnd plugins): the province's headers → interchange headers; the mapping gives the kind of record"
        )
      ),
      Flag.optional
    ),
    files: files(lang)
  }
}

/**
 * The parsed values of {@link loading}.
 *
 * @since 0.1.0
 * @category models
 */
export interface LoadingValues {
  readonly skipInvalid: boolean
  readonly rejects: Option.Option<string>
  readonly batchSize: Option.Option<number>
  readonly sheet: Option.Option<string>
  readonly council: Option.Option<string>
  readonly entity: Option.Option<(typeof ENTITIES)[number]>
  readonly mapping: Option.Option<string>
  readonly files: ReadonlyArray<string>
}

/**
 * What to load and how (the `LoadOptions` of the loading handler), from the parsed options.
 *
 * @since 0.1.0
 * @category options
 */
export const toLoadOptions = (o: LoadingValues, dryRun: boolean) => ({
  files: o.files,
  skipInvalid: o.skipInvalid,
  dryRun,
  ...some("rejects", o.rejects),
  ...some("batchSize", o.batchSize),
  ...some("sheet", o.sheet),
  ...some("council", o.council),
  ...some("entity", o.entity),
  ...some("mapping", o.mapping)
})

/**
 * The options `hdnd recommendations list` and `stats` share: `--council` (repeatable), `--as-of`
 * (default: today), `--from` and `--to` (together, optional).
 *
 * @since 0.1.0
 * @category options
 */
export const followUp = (lang: Lang) => {
  const t = text(lang)
  return {
    council: councils(lang),
    asOf: Flag.String("as-of").pipe(
      Flag.withDescription(
        t("tính đến ngày này: chỉ các bản ghi có ngày không sau ngày này được tính (mặc định: hôm nay)", "as of this day: only records dated on or before it count (default: today)")
      ),
      Flag.optional
    ),
    from: Flag.String("from").pipe(Flag.withDescription(t("chỉ các kiến nghị tiếp nhận từ ngày (cùng --to)", "only recommendations raised from this day (with --to)")), Flag.optional),
    to: Flag.String("to").pipe(Flag.withDescription(t("đến ngày (cùng --from)", "to this day (with --from)")), Flag.optional)
  }
}

/**
 * `--council` of the recommendation commands: by id or name, repeatable; every council by default.
 *
 * @since 0.1.0
 * @category options
 */
export const councils = (lang: Lang) =>
  Flag.String("council").pipe(
    Flag.withDescription(
      text(lang)(
        "chỉ các kiến nghị của HĐND này (mã hoặc tên), lặp lại được; mặc định: mọi HĐND",
        "only the recommendations of this council (id or name); repeatable; default: every council"
      )
    ),
    Flag.atLeast(0)
  )
