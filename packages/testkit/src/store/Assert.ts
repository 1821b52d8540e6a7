/**
 * Assertions of the conformance kit. They throw `node:assert` errors (vitest shows their diff) and
 * do not import vitest, so `@hdnd/testkit` can be imported outside a test runner.
 *
 * @since 0.1.0
 */
import * as assert from "node:assert/strict"
import type * as Result from "effect/Result"

const MAX = 1500

const clip = (s: string): string => (s.length > MAX ? `${s.slice(0, MAX)}… (${s.length} characters)` : s)

const show = (value: unknown): string => {
  if (typeof value === "string") return clip(JSON.stringify(value))
  try {
    return clip(JSON.stringify(value) ?? String(value))
  } catch {
    return clip(String(value))
  }
}

/**
 * Asserts deep strict equality; the message says what was checked and shows both values.
 *
 * @since 0.1.0
 * @category assertions
 */
export const equal = <A>(actual: A, expected: A, what: string): void => {
  assert.deepStrictEqual(actual, expected, `${what}\n  expected: ${show(expected)}\n  actual:   ${show(actual)}`)
}

/**
 * Asserts that an outcome is a failure whose `_tag` is `tag`, and returns the error.
 *
 * @since 0.1.0
 * @category assertions
 */
export const failsWith = <A, E>(result: Result.Result<A, E>, tag: string, what: string): E => {
  if (result._tag === "Success") {
    return assert.fail(`${what}: expected a failure with ${tag}, but it succeeded with ${show(result.success)}`)
  }
  const error = result.failure as { readonly _tag?: unknown; readonly message?: unknown }
  if (error._tag !== tag) assert.fail(`${what}: expected a failure with ${tag}, got ${String(error._tag)}: ${String(error.message)}`)
  return result.failure
}

/**
 * Asserts that an outcome is a success and returns its value.
 *
 * @since 0.1.0
 * @category assertions
 */
export const succeeds = <A, E>(result: Result.Result<A, E>, what: string): A => {
  if (result._tag === "Failure") {
    const error = result.failure as { readonly _tag?: unknown; readonly message?: unknown }
    return assert.fail(`${what}: expected success, got ${String(error._tag)}: ${String(error.message)}`)
  }
  return result.success
}

/**
 * Asserts that a condition holds.
 *
 * @since 0.1.0
 * @category assertions
 */
export const holds = (condition: boolean, what: string): void => {
  assert.ok(condition, what)
}
