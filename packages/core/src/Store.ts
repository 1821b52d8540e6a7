/**
 * The `Store` port: where records live. Every store offers batch upsert of every entity (idempotent
 * by id, all or nothing per batch), get by id, streaming by filter, and tabulation, pushed down to
 * the engine where it can be. The in-memory store (`MemoryStore`) is the reference.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import type { DateRange } from "./CalendarDate.js"
import type { Batch, Dataset, EntityKind, entitySchemas } from "./Dataset.js"
import { fromBatch } from "./Dataset.js"
import type { NotFoundError, StoreError, TabulationError, ValidationError } from "./Errors.js"
import type { ActivityKindId, CouncilId } from "./Ids.js"
import type { Registry } from "./Registry.js"
import type { Tabulation } from "./Tabulation.js"
import type { TabulationRequest } from "./TabulationRequest.js"

/**
 * The record type of each entity collection.
 *
 * @since 0.1.0
 * @category models
 */
export type EntityOf<K extends EntityKind> = InstanceType<(typeof entitySchemas)[K]>

/**
 * How many records an upsert inserted, changed, or found already identical.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpsertResult {
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
}

/**
 * A filter for streaming records. Each field applies to the collections that have it: `councils` to
 * records that belong to a council (not responses, evaluations or programme items), `period` to
 * activities (first day), sessions, meetings and tallies (overlap), recommendations (the day raised),
 * responses and evaluations (their date), programmes (their year overlaps), resolutions (the day adopted)
 * and documents (the day submitted), `kinds` to activities.
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamFilter {
  readonly councils?: ReadonlyArray<CouncilId>
  readonly period?: DateRange
  readonly kinds?: ReadonlyArray<ActivityKindId>
}

/**
 * What a store can do beyond the port's contract, as typed flags. Conformance suites read them; a
 * store never skips a test by name.
 *
 * @since 0.1.0
 * @category models
 */
export interface Capabilities {
  /** Tabulation runs inside the engine (SQL `GROUP BY`) rather than by streaming rows. */
  readonly pushdown: boolean
  /** Data survives the process (a file or a server). */
  readonly persistent: boolean
}

/**
 * The store service.
 *
 * @since 0.1.0
 * @category models
 */
export interface StoreService {
  readonly capabilities: Capabilities
  /** The declarations records are validated and tabulated against. */
  readonly registry: Registry
  /** Writes a batch: all records or none. Re-writing identical records changes nothing. */
  readonly upsert: (batch: Batch) => Effect.Effect<UpsertResult, ValidationError | StoreError>
  /**
   * Runs `effect` as one unit of writing: if it fails (or is interrupted), every upsert it made is
   * undone; if it succeeds, all of them are kept. An upsert that fails inside it writes nothing and
   * may be caught: the unit goes on. Used to import many batches all-or-nothing, and for dry runs
   * (run the writes, then fail on purpose). Other writers may wait until the unit ends.
   */
  readonly transaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StoreError, R>
  readonly get: <K extends EntityKind>(kind: K, id: string) => Effect.Effect<EntityOf<K>, NotFoundError | StoreError>
  readonly stream: <K extends EntityKind>(kind: K, filter?: StreamFilter) => Stream.Stream<EntityOf<K>, StoreError>
  readonly count: (kind: EntityKind) => Effect.Effect<number, StoreError>
  readonly tabulate: (request: TabulationRequest) => Effect.Effect<Tabulation, TabulationError | StoreError>
}

/**
 * The `Store` tag.
 *
 * @example
 * ```ts
 * import { CalendarDate, Ids, Indicators, MemoryStore, Store, Tabulation, TabulationRequest } from "@hdnd/core"
 * import { batch } from "@hdnd/province-son-la"
 * import * as Effect from "effect/Effect"
 *
 * // Written once against the port; any store's layer runs it (MemoryStore, SqliteStore, PostgresStore).
 * const supervisions = Effect.gen(function* () {
 *   const store = yield* Store.Store
 *   yield* store.upsert(batch) // all or nothing; StoreError, DecodeError or ValidationError otherwise
 *   const tab = yield* store.tabulate({
 *     indicators: [Indicators.ids.supervision],
 *     scope: TabulationRequest.subtree(Ids.UnitId.make("unit:14"), CalendarDate.date("2023-12-31")),
 *     period: CalendarDate.period("2023-01-01", "2023-12-31")
 *   })
 *   return Tabulation.valueOf(tab, Indicators.ids.supervision).value
 * })
 * const count = await Effect.runPromise(Effect.provide(supervisions, MemoryStore.layer()))
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class Store extends Context.Service<Store, StoreService>()("@hdnd/core/Store") {}

/**
 * The structure a store holds (units, lineage, councils, terms, organs, sessions, meetings) as a
 * dataset without activities or tallies: what name resolution and hierarchy queries need.
 *
 * @since 0.1.0
 * @category queries
 */
export const structure = (store: StoreService): Effect.Effect<Dataset, StoreError> =>
  Effect.map(
    Effect.forEach(["units", "lineage", "councils", "terms", "organs", "sessions", "meetings"] as const, (kind) =>
      Effect.map(Stream.runCollect(store.stream(kind)), (records) => [kind, [...records]] as const)
    ),
    (entries) => fromBatch(Object.fromEntries(entries) as Batch)
  )
