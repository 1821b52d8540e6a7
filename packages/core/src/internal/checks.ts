/**
 * Schema checks whose failure message is computed from the rejected value. Effect 4's `message`
 * annotation is a fixed string; hdnd's messages quote the value ("mã … không hợp lệ "bad id!" …").
 *
 * @internal
 */
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"

/**
 * `check` (a built-in filter such as `Schema.isPattern(…)`) with a message made from the rejected
 * value. The filter's annotations (JSON Schema, arbitrary hints, expected text) are kept, so the
 * schema stays expressible as JSON Schema.
 *
 * @internal
 */
export const withMessage = <T>(check: SchemaAST.Filter<T>, message: (actual: T) => string): SchemaAST.Filter<T> =>
  Schema.makeFilter<T>(
    (input, ast, options) => (check.run(input, ast, options) === undefined ? undefined : message(input)),
    check.annotations,
    check.aborted
  )

/**
 * A filter from a predicate, failing with a message made from the rejected value.
 *
 * @internal
 */
export const filter = <T>(
  predicate: (input: T) => boolean,
  message: (actual: T) => string,
  annotations?: Schema.Annotations.Filter
): SchemaAST.Filter<T> => Schema.makeFilter<T>((input) => (predicate(input) ? undefined : message(input)), annotations)
