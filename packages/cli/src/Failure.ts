/**
 * How a failure ends the command: its message in the chosen language and its exit code — 1 for bad
 * input (the data, the files or the options), 2 for an internal failure (the database, a bug).
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import type { Lang } from "./Lang.js"

/**
 * A wrong option value or combination, with what to do about it.
 *
 * @since 0.1.0
 * @category errors
 */
export class UsageError extends Data.TaggedError("UsageError")<{ readonly vi: string; readonly en: string }> {
  override get message(): string {
    return `${this.vi} / ${this.en}`
  }
}

/**
 * Input that was rejected, already reported (an import or validation with problems).
 *
 * @since 0.1.0
 * @category errors
 */
export class Rejected extends Data.TaggedError("Rejected")<{ readonly vi: string; readonly en: string }> {}

/**
 * Exit codes.
 *
 * @since 0.1.0
 * @category models
 */
export const ExitCode = { ok: 0, badInput: 1, internal: 2, interrupted: 130 } as const

const BAD_INPUT = new Set(["UsageError", "Rejected", "ValidationError", "DecodeError", "NotFoundError", "TabulationError", "ReportError", "ImportError"])

/**
 * Store failures the user can fix (`StoreError` operations): a database file that is missing, that
 * needs a migration while opened read-only, or that SQLite cannot read from a read-only folder; a
 * store setting in the environment that is not valid (`config`).
 */
const USER_STORE_FAILURES: ReadonlySet<string> = new Set(["missing", "schema", "readonly", "config"])

interface Described {
  readonly _tag?: string
  readonly vi?: string
  readonly en?: string
  readonly problems?: ReadonlyArray<{ describe(lang: Lang): string }>
  readonly message?: string
}

/** A message followed by its cause's own message, when it has one that the message does not already say. */
const withCause = (head: string, cause: unknown): string => {
  const m = (cause as { message?: unknown } | undefined)?.message
  return typeof m === "string" && m !== "" && !head.includes(m) ? `${head} (${m})` : head
}

/**
 * The exit code of a failure.
 *
 * @since 0.1.0
 * @category failures
 */
export const exitCodeOf = (error: unknown): number => {
  const tag = (error as Described | undefined)?._tag
  if (tag === "StoreError") return USER_STORE_FAILURES.has(String((error as { operation?: unknown }).operation)) ? ExitCode.badInput : ExitCode.internal
  return tag !== undefined && BAD_INPUT.has(tag) ? ExitCode.badInput : ExitCode.internal
}

/**
 * A failure's message in one language: its problems one per line, or its own text.
 *
 * @since 0.1.0
 * @category failures
 */
export const messageOf = (error: unknown, lang: Lang): string => {
  const e = (error ?? {}) as Described
  const head = e.vi !== undefined && e.en !== undefined ? (lang === "vi" ? e.vi : e.en) : undefined
  if (e.problems !== undefined && e.problems.length > 0) {
    const lines = e.problems.slice(0, 50).map((p) => `  - ${p.describe(lang)}`)
    const more = e.problems.length > 50 ? [lang === "vi" ? `  … và ${e.problems.length - 50} lỗi khác` : `  … and ${e.problems.length - 50} more`] : []
    const title = head ?? (lang === "vi" ? "Dữ liệu không hợp lệ:" : "Invalid data:")
    return [title, ...lines, ...more].join("\n")
  }
  if (head !== undefined) return e._tag === "ExportError" ? withCause(head, (error as { cause?: unknown }).cause) : head
  return typeof e.message === "string" && e.message !== "" ? e.message : String(error)
}
