/**
 * The store conformance kit: every contract of the `Store` port as vitest tests, registered by one
 * call. An adapter's test file is a line or two:
 *
 * ```ts
 * import { MemoryStore } from "@hdnd/core"
 * import { StoreSuite } from "@hdnd/testkit"
 *
 * await StoreSuite.storeConformance({ name: "memory", layer: () => MemoryStore.layer() })
 * ```
 *
 * `layer()` must build a fresh, empty store each time: every test and every property run builds its
 * own, so tests never see each other's records and may run concurrently. Nothing is skipped by
 * name; what a store cannot do is a typed flag in `store.capabilities`, and the tests read it.
 *
 * @since 0.1.0
 */
import fc from "fast-check"
import * as Assert from "./Assert.js"
import type { Law } from "../Laws.js"
import * as ModelBased from "./ModelBased.js"
import * as RoundTrip from "./RoundTrip.js"
import { withStore } from "./StoreHandle.js"
import type { MakeLayer } from "./StoreProperties.js"
import * as StoreProperties from "./StoreProperties.js"

/**
 * Options of {@link storeConformance}.
 *
 * @since 0.1.0
 * @category models
 */
export interface StoreSuiteOptions {
  /** Shown in the name of the outer `describe` block. */
  readonly name: string
  /** Builds a layer providing a fresh, empty store each time it is called. */
  readonly layer: MakeLayer
  /** Runs of each property (default 50). */
  readonly numRuns?: number
  /** Runs of the model-based test (default: half of `numRuns`, so 25). */
  readonly modelRuns?: number
  /** Most commands in one model-based run (default 15). */
  readonly maxCommands?: number
  /** Time limit of each test in milliseconds (default: vitest's `testTimeout`). */
  readonly timeout?: number
  /** Run the tests of the suite concurrently (each has its own store). Default false. */
  readonly concurrent?: boolean
  /**
   * fast-check parameters for every property: `seed` and `path` to replay a reported failure (select
   * the test with `vitest -t`), `endOnFailure` to skip shrinking, `verbose`.
   */
  readonly parameters?: Pick<fc.Parameters<unknown>, "seed" | "path" | "endOnFailure" | "verbose">
}

/**
 * Registers the conformance tests of a store with vitest. Call it at the top level of a test file
 * and `await` it (it loads vitest on demand, so that importing `@hdnd/testkit` outside vitest works).
 *
 * @since 0.1.0
 * @category suites
 */
export const storeConformance = async (options: StoreSuiteOptions): Promise<void> => {
  // Imported here, not at the top: importing vitest outside its runner throws, and the rest of
  // `@hdnd/testkit` (arbitraries, laws) must stay usable in benchmarks and scripts.
  const { describe, it } = await import("vitest")
  const numRuns = options.numRuns ?? 50
  const modelRuns = options.modelRuns ?? Math.max(1, Math.ceil(numRuns / 2))
  const layer = options.layer
  const suite = options.concurrent === true ? describe.concurrent : describe
  const test = (name: string, body: (timeout: number) => Promise<void>): void => {
    it(name, ({ task }) => body(task.timeout), options.timeout)
  }
  const law = (name: string, property: (layer: MakeLayer) => Law, runs = numRuns): void =>
    test(name, (timeout) =>
      fc.assert(property(layer), {
        ...options.parameters,
        numRuns: runs,
        // Stop (and report the counterexample shrunk so far) before the test runner's time limit
        // would kill the test without one. Runs cut short by the limit count as a failure.
        ...(timeout > 0 ? { plugins: [fc.interruptAfterTimeLimit(Math.floor(timeout * 0.85), { failOnInterrupt: true })] } : {})
      })
    )

  suite(`Store conformance: ${options.name}`, () => {
    describe("capabilities", () => {
      test("declares its capabilities as typed flags and the registry it validates against", () =>
        withStore(layer(), async ({ store }) => {
          Assert.equal(typeof store.capabilities.pushdown, "boolean", "capabilities.pushdown")
          Assert.equal(typeof store.capabilities.persistent, "boolean", "capabilities.persistent")
          Assert.holds(store.registry.indicators.size > 0, "the registry declares indicators")
          Assert.holds(store.registry.activityKinds.size > 0, "the registry declares activity kinds")
          // A store with `persistent: true` keeps data across processes; each test here builds a
          // fresh store, so there is nothing more to check for it in this suite.
        }))
    })

    describe("upsert, get and count", () => {
      law("stores a record of every collection and gives each back unchanged; counts match", StoreProperties.upsertAndGet)
      law("get of an id the collection lacks (even if another collection has it) fails with NotFoundError", StoreProperties.getMissing)
      law("re-upserting a batch reports every record unchanged and changes nothing", StoreProperties.reupsertIsIdempotent)
      law("an update of one record reports updated: 1 and get gives the new content", StoreProperties.updateOne)
    })

    describe("a batch is written whole or not at all", () => {
      law("a batch with one invalid record fails with ValidationError and writes nothing", StoreProperties.invalidBatchWritesNothing)
      law("two records with one id and different content in a batch fail with ValidationError", StoreProperties.duplicateIdsRejected)
      law("a record repeated identically in a batch is stored once", StoreProperties.identicalDuplicatesAccepted)
    })

    describe("transactions", () => {
      law("a failed transaction undoes every upsert made in it", StoreProperties.failedTransactionWritesNothing)
      law("a failing upsert inside a transaction can be caught; the rest is kept", StoreProperties.transactionKeepsWhatSucceeded)
    })

    describe("stream", () => {
      law("returns exactly the records the filter (councils, period, kinds) selects, in every collection", StoreProperties.streamFilters)
    })

    describe("tabulate", () => {
      law(
        "pushdown law: equals the reference tabulation for every built-in indicator, scope, period, grouping and tracing",
        StoreProperties.pushdownLaw
      )
      law(
        "pushdown law for sums and distinct counts of attributes (NFC, trimmed, scalar or list), with tallies and drill-down",
        StoreProperties.measuresPushdownLaw
      )
      // Half the runs: its requests expand organisers and participants (organ dimensions, role
      // filters), which on PostgreSQL took 89 of the 102 s a test may run on a loaded machine.
      law(
        "pushdown law for distinct sessions per cell, with and without an organ dimension (session sets collected in the database)",
        StoreProperties.sessionSetsPushdownLaw,
        Math.max(1, Math.ceil(numRuns / 2))
      )
      // Half the runs: each run loads a busy dataset and tabulates once per set of sessions, which on
      // PostgreSQL costs as much as the pushdown law's requests; the pushdown law covers sessions too.
      law(
        "report figures scoped to sessions per placeholder (session=a|b) equal the reference tabulation scoped to those sessions",
        StoreProperties.reportSessionsLaw,
        Math.max(1, Math.ceil(numRuns / 2))
      )
    })

    describe("data round-trips exactly", () => {
      test("Vietnamese text, quotes, semicolons, backslashes, % and _, SQL keywords, injections, emoji and 4,000-character texts", () =>
        RoundTrip.texts(layer))
      test("ids are exact: case, punctuation, 200 characters, and per collection", () => RoundTrip.ids(layer))
    })

    describe("model-based", () => {
      law(
        "model-based: upserts, re-upserts, updates, failing batches, gets, streams, counts and tabulations in any order agree with the model",
        (l) => ModelBased.property(l, options.maxCommands ?? 15),
        modelRuns
      )
    })
  })
}
