/**
 * The pushdown law, one request at a time: a store's `tabulate` gives the same tabulation as the
 * reference engine (`Tabulate.tabulate` over the same records, with the store's registry), or fails
 * with a `TabulationError` of the same code when the reference does.
 *
 * @since 0.1.0
 */
import { Tabulate, Tabulation } from "@hdnd/core"
import type { Dataset, TabulationRequest } from "@hdnd/core"
import * as Result from "effect/Result"
import { show } from "./Requests.js"
import type { StoreHandle } from "./StoreHandle.js"

const json = (value: unknown): string => JSON.stringify(value, null, 1)

/**
 * The parts of two canonical tabulations that differ (`rows`, `conflicts` …).
 *
 * @since 0.1.0
 * @category queries
 */
export const differences = (a: Tabulation.Tabulation, b: Tabulation.Tabulation): ReadonlyArray<string> => {
  const ca = Tabulation.toCanonical(a) as Record<string, unknown>
  const cb = Tabulation.toCanonical(b) as Record<string, unknown>
  return Object.keys(ca).filter((k) => JSON.stringify(ca[k]) !== JSON.stringify(cb[k]))
}

/**
 * Checks the law for one request against the records of `reference` (what the store holds).
 * Throws an error showing the request and `Tabulation.toCanonical` of both results when it fails.
 *
 * @since 0.1.0
 * @category assertions
 */
export const check = async (
  handle: StoreHandle,
  reference: Dataset.Dataset,
  request: TabulationRequest.TabulationRequest
): Promise<void> => {
  const expected = Tabulate.tabulate(reference, handle.store.registry, request)
  const actual = await handle.attempt(handle.store.tabulate(request))
  const where = `tabulate ${show(request)} (pushdown: ${handle.store.capabilities.pushdown})`
  if (Result.isFailure(expected)) {
    if (Result.isSuccess(actual)) {
      throw new Error(`${where}: the reference fails with ${expected.failure.code} (${expected.failure.en}) but the store returned\n${json(Tabulation.toCanonical(actual.success))}`)
    }
    const err = actual.failure
    if (err._tag !== "TabulationError" || err.code !== expected.failure.code) {
      throw new Error(`${where}: expected TabulationError ${expected.failure.code}, got ${err._tag}: ${err.message}`)
    }
    return
  }
  if (Result.isFailure(actual)) {
    throw new Error(`${where}: the store failed with ${actual.failure._tag}: ${actual.failure.message}`)
  }
  if (!Tabulation.equals(actual.success, expected.success)) {
    throw new Error(
      `${where}: differs from the reference in ${differences(actual.success, expected.success).join(", ")}\n` +
        `store:\n${json(Tabulation.toCanonical(actual.success))}\nreference:\n${json(Tabulation.toCanonical(expected.success))}`
    )
  }
}
