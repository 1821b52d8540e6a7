/**
 * Typed errors. Every error that crosses a package boundary is a `Schema.TaggedError` with structured
 * fields; the message shown to people is derived from those fields, Vietnamese first, then English,
 * and says where the problem is and how to fix it.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"
import * as SchemaIssue from "effect/SchemaIssue"
import { locatedIssues } from "./internal/schemaIssues.js"

/**
 * One problem found in one record: which entity and id, which field (a dotted path), a stable
 * machine-readable `code`, and the explanation in Vietnamese and English.
 *
 * @since 0.1.0
 * @category models
 */
export class Problem extends Schema.Class<Problem>("Problem")({
  entity: Schema.String,
  id: Schema.optional(Schema.String),
  field: Schema.String,
  code: Schema.String,
  vi: Schema.String,
  en: Schema.String
}) {
  /** The problem on one line, in the given language. */
  describe(lang: Lang = "vi"): string {
    const where = `${this.entity}${this.id === undefined ? "" : ` "${this.id}"`}${this.field === "" ? "" : ` › ${this.field}`}`
    return `${where}: ${lang === "vi" ? this.vi : this.en}`
  }
}

/** A user-facing language. @since 0.1.0 @category models */
export type Lang = "vi" | "en"

/**
 * Makes a {@link Problem}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const problem = (p: {
  readonly entity: string
  readonly id?: string | undefined
  readonly field: string
  readonly code: string
  readonly vi: string
  readonly en: string
}): Problem =>
  new Problem({
    entity: p.entity,
    ...(p.id === undefined ? {} : { id: p.id }),
    field: p.field,
    code: p.code,
    vi: p.vi,
    en: p.en
  })

/** The one-line summary an error's `vi`/`en` give: what failed and how many problems (listed in `problems`). */
const headed = (problems: ReadonlyArray<unknown>, head: string, lang: Lang): string =>
  lang === "vi" ? `${head} (${problems.length} lỗi)` : `${head} (${problems.length} problem${problems.length === 1 ? "" : "s"})`

const bilingual = (problems: ReadonlyArray<Problem>, headVi: string, headEn: string): string =>
  [
    `${headVi} (${problems.length} lỗi):`,
    ...problems.map((p) => `  - ${p.describe("vi")}`),
    `${headEn} (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
    ...problems.map((p) => `  - ${p.describe("en")}`)
  ].join("\n")

/**
 * Input that could not be decoded into an entity. Lists every problem of the record at once.
 *
 * @since 0.1.0
 * @category errors
 */
export class DecodeError extends Schema.TaggedError<DecodeError>("@hdnd/core/DecodeError")("DecodeError", {
  entity: Schema.String,
  problems: Schema.Array(Problem)
}) {
  /** The stable code of this error: `hdnd/decode/invalid` (each problem has its own `code`). @since 0.2.0 */
  get code(): string {
    return "hdnd/decode/invalid"
  }
  /** The summary in Vietnamese (the problems are in `problems`; `message` has them all). @since 0.2.0 */
  get vi(): string {
    return headed(this.problems, `Dữ liệu ${this.entity} không hợp lệ`, "vi")
  }
  /** The summary in English (the problems are in `problems`; `message` has them all). @since 0.2.0 */
  get en(): string {
    return headed(this.problems, `Invalid ${this.entity} data`, "en")
  }
  override get message(): string {
    return bilingual(this.problems, `Dữ liệu ${this.entity} không hợp lệ`, `Invalid ${this.entity} data`)
  }
}

/**
 * Records that decode but contradict each other or the law's rules (an organiser outside its
 * council, a committee kind not allowed at that level, overlapping code validity …).
 *
 * @since 0.1.0
 * @category errors
 */
export class ValidationError extends Schema.TaggedError<ValidationError>("@hdnd/core/ValidationError")("ValidationError", {
  problems: Schema.Array(Problem)
}) {
  /** The stable code of this error: `hdnd/validation/inconsistent` (each problem has its own `code`). @since 0.2.0 */
  get code(): string {
    return "hdnd/validation/inconsistent"
  }
  /** The summary in Vietnamese (the problems are in `problems`; `message` has them all). @since 0.2.0 */
  get vi(): string {
    return headed(this.problems, "Dữ liệu không nhất quán, chưa ghi gì", "vi")
  }
  /** The summary in English (the problems are in `problems`; `message` has them all). @since 0.2.0 */
  get en(): string {
    return headed(this.problems, "Inconsistent data, nothing was written", "en")
  }
  override get message(): string {
    return bilingual(this.problems, "Dữ liệu không nhất quán, chưa ghi gì", "Inconsistent data, nothing was written")
  }
}

/**
 * An entity that was asked for by id and does not exist.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFoundError extends Schema.TaggedError<NotFoundError>("@hdnd/core/NotFoundError")("NotFoundError", {
  entity: Schema.String,
  id: Schema.String
}) {
  /** The stable code of this error: `hdnd/not-found`. @since 0.2.0 */
  get code(): string {
    return "hdnd/not-found"
  }
  /** The message in Vietnamese. @since 0.2.0 */
  get vi(): string {
    return `Không tìm thấy ${this.entity} "${this.id}"`
  }
  /** The message in English. @since 0.2.0 */
  get en(): string {
    return `${this.entity} "${this.id}" not found`
  }
  override get message(): string {
    return `${this.vi} / ${this.en}`
  }
}

/**
 * A tabulation request that cannot be answered: an unknown indicator or unit, or tabulations of
 * different shapes combined. Its `code` names the case (`unknown-indicator`, `shape-mismatch`,
 * `not-traced` …).
 *
 * @since 0.1.0
 * @category errors
 */
export class TabulationError extends Schema.TaggedError<TabulationError>("@hdnd/core/TabulationError")("TabulationError", {
  code: Schema.String,
  vi: Schema.String,
  en: Schema.String
}) {
  override get message(): string {
    return `${this.vi} / ${this.en}`
  }
}

/**
 * A report template that cannot be rendered over a tabulation (a placeholder that names an unknown
 * indicator or a dimension the tabulation lacks).
 *
 * @since 0.1.0
 * @category errors
 */
export class ReportError extends Schema.TaggedError<ReportError>("@hdnd/core/ReportError")("ReportError", {
  template: Schema.String,
  problems: Schema.Array(Problem)
}) {
  /** The stable code of this error: `hdnd/report/cannot-render` (each problem has its own `code`). @since 0.2.0 */
  get code(): string {
    return "hdnd/report/cannot-render"
  }
  /** The summary in Vietnamese (the problems are in `problems`; `message` has them all). @since 0.2.0 */
  get vi(): string {
    return headed(this.problems, `Không dựng được báo cáo theo mẫu ${this.template}`, "vi")
  }
  /** The summary in English (the problems are in `problems`; `message` has them all). @since 0.2.0 */
  get en(): string {
    return headed(this.problems, `Cannot render template ${this.template}`, "en")
  }
  override get message(): string {
    return bilingual(this.problems, `Không dựng được báo cáo theo mẫu ${this.template}`, `Cannot render template ${this.template}`)
  }
}

/**
 * A storage failure that is not the caller's fault (I/O, a broken connection, a database written by
 * a newer version).
 *
 * @since 0.1.0
 * @category errors
 */
export class StoreError extends Schema.TaggedError<StoreError>("@hdnd/core/StoreError")("StoreError", {
  operation: Schema.String,
  vi: Schema.String,
  en: Schema.String,
  cause: Schema.optional(Schema.Defect())
}) {
  /**
   * The stable code of this error: `hdnd/store/<operation>-failed`, the operation's first word
   * (`hdnd/store/open-failed`, `hdnd/store/migrate-failed`, `hdnd/store/upsert-failed`,
   * `hdnd/store/read-failed` …); `hdnd/store/closed` for a client used after `close`, and
   * `hdnd/store/unexpected-failed` for a defect the Promise client caught (the original in `cause`).
   * @since 0.2.0
   */
  get code(): string {
    if (this.operation === "closed") return "hdnd/store/closed"
    const word = this.operation.trim().split(/\s+/)[0]?.toLowerCase().replace(/[^a-z0-9-]/g, "") ?? ""
    return `hdnd/store/${word === "" ? "operation" : word}-failed`
  }
  override get message(): string {
    return `${this.operation}: ${this.vi} / ${this.en}`
  }
}

const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join("")

/**
 * Turns a schema decoding failure (a `Schema.SchemaError`, or the `SchemaIssue.Issue` it carries)
 * into {@link Problem}s, one per failing path and message. The `code` is `schema.` followed by the
 * kind of issue: `missing`, `unexpected`, `forbidden`, `type` or `refinement` (a check with its own
 * message). Decode with `reportInput: true` (as {@link decodeWith} does) for messages that quote
 * the rejected value.
 *
 * @since 0.1.0
 * @category conversions
 */
export const problemsFromParseError = (
  entity: string,
  id: string | undefined,
  error: Schema.SchemaError | SchemaIssue.Issue
): ReadonlyArray<Problem> => {
  const seen = new Set<string>()
  const out: Array<Problem> = []
  for (const issue of locatedIssues(SchemaIssue.isIssue(error) ? error : error.issue)) {
    const field = formatPath(issue.path)
    const key = `${field}\u0000${issue.vi}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(problem({ entity, id, field, code: `schema.${issue.kind}`, vi: issue.vi, en: issue.en }))
  }
  return out
}

/**
 * The options hdnd decodes untrusted input with: every problem at once, unknown fields rejected,
 * rejected values quoted in messages.
 *
 * @since 0.1.0
 * @category decoding
 */
export const DECODE_OPTIONS: SchemaAST.ParseOptions = { errors: "all", onExcessProperty: "error", reportInput: true }

const idOf = (input: unknown): string | undefined =>
  typeof input === "object" && input !== null && "id" in input && typeof (input as { id: unknown }).id === "string"
    ? (input as { id: string }).id
    : undefined

/**
 * Decodes unknown input with a schema, reporting every problem at once as a {@link DecodeError}.
 * Never throws.
 *
 * @example
 * ```ts
 * import { Dataset, Errors } from "@hdnd/core"
 * import * as Result from "effect/Result"
 *
 * const decodeBatch = Errors.decodeWith(Dataset.Batch, "Batch")
 * const result = decodeBatch({ units: [{ id: "vn-14", code: "14", name: "Tỉnh Sơn La", type: "tinh", validity: { from: "2004-01-01" } }] })
 * if (Result.isFailure(result)) console.error(result.failure.message) // every problem, located, in Vietnamese and English
 * else console.log(result.success.units?.length) // 1
 * ```
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeWith = <A, I>(schema: Schema.Codec<A, I>, entity: string) => {
  const decode = Schema.decodeUnknownResult(schema, DECODE_OPTIONS)
  return (input: unknown): Result.Result<A, DecodeError> =>
    Result.mapError(decode(input), (e) => new DecodeError({ entity, problems: problemsFromParseError(entity, idOf(input), e) }))
}

/**
 * A list of problems, as a schema: what `DecodeError`, `ValidationError` and `ReportError` carry.
 * Its JSON is the array of each problem's fields (`entity`, `id?`, `field`, `code`, `vi`, `en`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const Problems = Schema.Array(Problem).annotate({ identifier: "Problems" })

const encodeProblems = Schema.encodeSync(Problems)
const decodeProblems = decodeWith(Problems, "Problems")

/**
 * Problems as JSON-ready data (`JSON.stringify` it): an array of plain objects.
 *
 * @since 0.2.0
 * @category conversions
 */
export const problemsToJSON = (problems: ReadonlyArray<Problem>): typeof Problems.Encoded => encodeProblems(problems)

/**
 * Decodes problems from their JSON (after `JSON.parse`), or throws a {@link DecodeError}.
 *
 * @since 0.2.0
 * @category decoding
 */
export const problemsFromJSON = (input: unknown): ReadonlyArray<Problem> => {
  const r = decodeProblems(input)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}
