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
  override get message(): string {
    return `Không tìm thấy ${this.entity} "${this.id}" / ${this.entity} "${this.id}" not found`
  }
}

/**
 * A tabulation request that cannot be answered: an unknown indicator or unit, or tabulations of
 * different shapes combined.
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
