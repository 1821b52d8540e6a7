/**
 * Errors and retries shared by the SQL store's modules.
 */
import { Errors } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import type { Dialect } from "../Dialect.js"

/** The most specific message of an error and its causes. */
export const describeCause = (e: unknown): string => {
  const parts: Array<string> = []
  let x: unknown = e
  for (let i = 0; i < 4 && x !== null && x !== undefined; i++) {
    const m = typeof x === "object" ? (x as { message?: unknown }).message : x
    if (typeof m === "string" && m.trim().length > 0 && !parts.includes(m.trim())) parts.push(m.trim())
    x = typeof x === "object" ? (x as { cause?: unknown }).cause : undefined
  }
  return parts.join(": ")
}

/** A database failure during `operation`, as the port's `StoreError`. */
export const storeError = (operation: string, cause: unknown): Errors.StoreError =>
  new Errors.StoreError({
    operation,
    vi: `lỗi cơ sở dữ liệu khi ${operation}: ${describeCause(cause)}`,
    en: `database error during ${operation}: ${describeCause(cause)}`,
    cause
  })

/** Turns the `SqlError`s of an effect into `StoreError`s of `operation`. */
export const toStoreError =
  (operation: string) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, Exclude<E, { readonly _tag: "SqlError" }> | Errors.StoreError, R> =>
    Effect.catchIf(
      effect,
      (e): e is Extract<E, { readonly _tag: "SqlError" }> => (e as { _tag?: string } | undefined)?._tag === "SqlError",
      (e) => Effect.fail(storeError(operation, e))
    ) as Effect.Effect<A, Exclude<E, { readonly _tag: "SqlError" }> | Errors.StoreError, R>

/**
 * Retries while the engine reports a busy or conflicting writer (`Dialect.isBusy`): backing off
 * exponentially from `base`, never waiting more than 250 ms between tries, for up to a minute.
 */
export const retryBusy =
  (d: Dialect, base: `${number} millis` = "5 millis") =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.retry(effect, {
      while: (e) => d.isBusy(e),
      schedule: Schedule.min([Schedule.exponential(base, 1.5), Schedule.spaced("250 millis")]).pipe(Schedule.upTo({ duration: "60 seconds" }))
    })
