/**
 * Typed errors of importing. {@link ImportError} is what a reader reports (a file it cannot open, a
 * legacy encoding, a broken quote, a ragged row); {@link ImportProblem} is one problem of one row,
 * a core `Problem` plus where it is: file, sheet, row, column letter and header. Both carry a
 * stable `code` and a message in Vietnamese and English that says how to fix it.
 *
 * @since 0.1.0
 */
import { Errors } from "@hdnd/core"
import * as Schema from "effect/Schema"

/**
 * Where in a source something is. `row` is 1-based as Excel or an editor shows it; `column` is the
 * spreadsheet letter ("C") or the JSON key path ("date.from"); `header` is the column's header.
 *
 * @since 0.1.0
 * @category models
 */
export interface Location {
  readonly file: string
  readonly sheet?: string | undefined
  readonly row?: number | undefined
  readonly column?: string | undefined
  readonly header?: string | undefined
}

/**
 * The position as one line: `activities.csv:12:C (Ngày)` or `book.xlsx[Hoạt động]:12:C`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatLocation = (l: Location): string =>
  `${l.file}${l.sheet === undefined ? "" : `[${l.sheet}]`}${l.row === undefined ? "" : `:${l.row}`}${
    l.column === undefined ? "" : `:${l.column}`
  }${l.header === undefined || l.header === l.column ? "" : ` (${l.header})`}`

/**
 * An error found while reading a source. Never thrown by this package's public functions: readers
 * yield it inside a `SourceIssue`, and the decoder turns it into an {@link ImportProblem}.
 *
 * @since 0.1.0
 * @category errors
 */
export class ImportError extends Schema.TaggedError<ImportError>("@hdnd/import/ImportError")("ImportError", {
  code: Schema.String,
  file: Schema.String,
  sheet: Schema.optional(Schema.String),
  row: Schema.optional(Schema.Number),
  column: Schema.optional(Schema.String),
  header: Schema.optional(Schema.String),
  field: Schema.optional(Schema.String),
  vi: Schema.String,
  en: Schema.String,
  cause: Schema.optional(Schema.Defect())
}) {
  override get message(): string {
    return `${formatLocation(this)}: ${this.vi} / ${this.en}`
  }
}

/**
 * Makes an {@link ImportError}, leaving out the location parts that are `undefined`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const importError = (fields: {
  readonly code: string
  readonly file: string
  readonly sheet?: string | undefined
  readonly row?: number | undefined
  readonly column?: string | undefined
  readonly header?: string | undefined
  readonly field?: string | undefined
  readonly vi: string
  readonly en: string
  readonly cause?: unknown
}): ImportError =>
  new ImportError({
    code: fields.code,
    file: fields.file,
    vi: fields.vi,
    en: fields.en,
    ...(fields.sheet === undefined ? {} : { sheet: fields.sheet }),
    ...(fields.row === undefined ? {} : { row: fields.row }),
    ...(fields.column === undefined ? {} : { column: fields.column }),
    ...(fields.header === undefined ? {} : { header: fields.header }),
    ...(fields.field === undefined ? {} : { field: fields.field }),
    ...(fields.cause === undefined ? {} : { cause: fields.cause })
  })

/**
 * One problem of one source row: a core `Problem` (entity, id, field, code, vi, en) plus its
 * location. `describe` puts the location first.
 *
 * @since 0.1.0
 * @category models
 */
export class ImportProblem extends Errors.Problem.extend<ImportProblem>("ImportProblem")({
  file: Schema.String,
  sheet: Schema.optional(Schema.String),
  row: Schema.optional(Schema.Number),
  column: Schema.optional(Schema.String),
  header: Schema.optional(Schema.String)
}) {
  /** The problem on one line with its location, in the given language. */
  override describe(lang: Errors.Lang = "vi"): string {
    return `${formatLocation(this)}: ${super.describe(lang)}`
  }
}

/**
 * Makes an {@link ImportProblem}, leaving out the parts that are `undefined`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const importProblem = (
  fields: Location & {
    readonly entity: string
    readonly id?: string | undefined
    readonly field: string
    readonly code: string
    readonly vi: string
    readonly en: string
  }
): ImportProblem =>
  new ImportProblem({
    entity: fields.entity,
    field: fields.field,
    code: fields.code,
    vi: fields.vi,
    en: fields.en,
    file: fields.file,
    ...(fields.id === undefined ? {} : { id: fields.id }),
    ...(fields.sheet === undefined ? {} : { sheet: fields.sheet }),
    ...(fields.row === undefined ? {} : { row: fields.row }),
    ...(fields.column === undefined ? {} : { column: fields.column }),
    ...(fields.header === undefined ? {} : { header: fields.header })
  })

/**
 * The problem an {@link ImportError} is for a row of `entity` (`"Source"` when the entity is not
 * known yet).
 *
 * @since 0.1.0
 * @category conversions
 */
export const toProblem = (error: ImportError, entity = "Source"): ImportProblem =>
  importProblem({
    entity,
    field: error.field ?? "",
    code: error.code,
    vi: error.vi,
    en: error.en,
    file: error.file,
    sheet: error.sheet,
    row: error.row,
    column: error.column,
    header: error.header
  })

/**
 * Wraps anything thrown by a library or the file system into an {@link ImportError}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromUnknown = (file: string, cause: unknown, code = "file.unreadable"): ImportError => {
  const errno = typeof cause === "object" && cause !== null && "code" in cause ? String((cause as { code: unknown }).code) : ""
  if (errno === "ENOENT") {
    return importError({
      code: "file.not-found",
      file,
      vi: "không tìm thấy tệp; hãy kiểm tra đường dẫn và tên tệp",
      en: "file not found; check the path and the file name",
      cause
    })
  }
  if (errno === "EISDIR") {
    return importError({ code: "file.is-directory", file, vi: "đây là thư mục, không phải tệp", en: "this is a directory, not a file", cause })
  }
  if (errno === "EACCES" || errno === "EPERM") {
    return importError({ code: "file.permission", file, vi: "không có quyền đọc tệp", en: "permission denied reading the file", cause })
  }
  return importError({
    code,
    file,
    // A library's or the runtime's own (English, technical) message stays in the cause, never in the text.
    vi: `không đọc được tệp${/^E[A-Z]+$/.test(errno) ? ` (lỗi hệ thống ${errno})` : ""}; hãy kiểm tra tệp có đúng định dạng và không bị hỏng`,
    en: `cannot read the file${/^E[A-Z]+$/.test(errno) ? ` (system error ${errno})` : ""}; check that it has the right format and is not damaged`,
    cause
  })
}

/**
 * An import that wrote nothing because rows were rejected (all-or-nothing, the default mode of the
 * Promise functions `importFile`, `importBuffer` and `importStream`): how many rows were read and
 * rejected, and the located problems (the first `keepProblems`, each with its file, sheet, row,
 * column, header, field and its own `code`). Fix the rows and import again.
 *
 * @since 0.2.0
 * @category errors
 */
export class ImportRejectedError extends Schema.TaggedError<ImportRejectedError>("@hdnd/import/ImportRejectedError")("ImportRejectedError", {
  rows: Schema.Number,
  rejected: Schema.Number,
  problemCount: Schema.Number,
  problems: Schema.Array(ImportProblem)
}) {
  /** The stable code of this error: `hdnd/import/rejected` (each problem has its own `code`). */
  get code(): string {
    return "hdnd/import/rejected"
  }
  /** The summary in Vietnamese (the problems are in `problems`; `message` has them all). */
  get vi(): string {
    return `Không nhập gì: ${this.rejected}/${this.rows} dòng bị từ chối (${this.problemCount} lỗi); hãy sửa rồi nhập lại`
  }
  /** The summary in English (the problems are in `problems`; `message` has them all). */
  get en(): string {
    return `Nothing was imported: ${this.rejected} of ${this.rows} rows were rejected (${this.problemCount} problems); fix them and import again`
  }
  override get message(): string {
    return [
      `${this.vi}:`,
      ...this.problems.map((p) => `  - ${p.describe("vi")}`),
      `${this.en}:`,
      ...this.problems.map((p) => `  - ${p.describe("en")}`)
    ].join("\n")
  }
}


/**
 * A list of located import problems, as a schema (what {@link ImportRejectedError} and an import
 * summary carry). Its JSON is the array of each problem's fields: core's `Problem` fields plus
 * `file`, `sheet?`, `row?`, `column?`, `header?`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ImportProblems = Schema.Array(ImportProblem).annotate({ identifier: "ImportProblems" })

const encodeImportProblems = Schema.encodeSync(ImportProblems)
const decodeImportProblems = Errors.decodeWith(ImportProblems, "ImportProblems")

/**
 * Located problems as JSON-ready data (`JSON.stringify` it).
 *
 * @since 0.2.0
 * @category conversions
 */
export const problemsToJSON = (problems: ReadonlyArray<ImportProblem>): typeof ImportProblems.Encoded => encodeImportProblems(problems)

/**
 * Decodes located problems from their JSON (after `JSON.parse`), or throws core's `DecodeError`.
 *
 * @since 0.2.0
 * @category decoding
 */
export const problemsFromJSON = (input: unknown): ReadonlyArray<ImportProblem> => {
  const r = decodeImportProblems(input)
  if (r._tag === "Failure") throw r.failure
  return r.success
}
