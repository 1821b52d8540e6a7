/**
 * A store opened from a layer for the length of one test or one property run: the layer is built
 * once, its service is handed to the test, and its resources are released afterwards. Every call of
 * {@link withStore} builds the layer anew, so every test and every property run gets its own empty
 * store and tests can run concurrently.
 *
 * @since 0.1.0
 */
import { Dataset, Store } from "@hdnd/core"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import type * as Result from "effect/Result"
import * as Stream from "effect/Stream"

/**
 * A store under test and ways to run its effects from `async` test code.
 *
 * @since 0.1.0
 * @category models
 */
export interface StoreHandle {
  readonly store: Store.StoreService
  /** Runs an effect; a failure rejects the promise. */
  readonly run: <A, E>(effect: Effect.Effect<A, E>) => Promise<A>
  /** Runs an effect whose failure is expected: the error comes back as a `Result` failure. */
  readonly attempt: <A, E>(effect: Effect.Effect<A, E>) => Promise<Result.Result<A, E>>
  /** Runs a stream to its end and returns its elements in order. */
  readonly collect: <A, E>(stream: Stream.Stream<A, E>) => Promise<ReadonlyArray<A>>
}

/**
 * Builds the layer, runs `f` with the store it provides, then releases the layer's resources
 * (closing connections, dropping a temporary schema …), whether `f` succeeded or not.
 *
 * @since 0.1.0
 * @category constructors
 */
export const withStore = async <A>(
  layer: Layer.Layer<Store.Store, unknown>,
  f: (handle: StoreHandle) => Promise<A>
): Promise<A> => {
  // Let the event loop run between property runs: a fast store answers in microtasks only, and a
  // long property would otherwise starve the test runner's I/O (vitest's worker RPC times out).
  await new Promise((resolve) => setTimeout(resolve, 0))
  const runtime = ManagedRuntime.make(layer)
  try {
    const store = await runtime.runPromise(Effect.service(Store.Store))
    const run = <B, E>(effect: Effect.Effect<B, E>): Promise<B> => runtime.runPromise(effect)
    const handle: StoreHandle = {
      store,
      run,
      attempt: (effect) => run(Effect.result(effect)),
      collect: (stream) => run(Stream.runCollect(stream))
    }
    return await f(handle)
  } finally {
    await runtime.dispose()
  }
}

/**
 * The number of records in each collection of the store.
 *
 * @since 0.1.0
 * @category queries
 */
export const counts = async (handle: StoreHandle): Promise<Readonly<Record<Dataset.EntityKind, number>>> => {
  const out: Partial<Record<Dataset.EntityKind, number>> = {}
  for (const kind of Dataset.entityKinds) out[kind] = await handle.run(handle.store.count(kind))
  return out as Record<Dataset.EntityKind, number>
}
