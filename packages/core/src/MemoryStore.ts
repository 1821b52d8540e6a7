/**
 * The in-memory store: the reference implementation of the `Store` port. Other stores must behave
 * exactly like it (the conformance kit in `@hdnd/testkit` checks this).
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Semaphore from "effect/Semaphore"
import * as Stream from "effect/Stream"
import type { CalendarDate } from "./CalendarDate.js"
import { contains, overlaps } from "./CalendarDate.js"
import type { Batch, Dataset, EntityKind } from "./Dataset.js"
import { entityKinds, entityNames, entitySchemas, makeEmpty } from "./Dataset.js"
import { NotFoundError, ValidationError } from "./Errors.js"
import * as Registry from "./Registry.js"
import type { EntityOf, StreamFilter, StoreService, UpsertResult } from "./Store.js"
import { Store } from "./Store.js"
import { tabulate } from "./Tabulate.js"
import { validateBatch } from "./Validation.js"

type AnyRecord = { readonly id: string }

const encoders = Object.fromEntries(
  entityKinds.map((k) => [k, Schema.encodeSync(entitySchemas[k] as unknown as Schema.Codec<AnyRecord, unknown>)])
) as Record<EntityKind, (r: AnyRecord) => unknown>

const sameRecord = (kind: EntityKind, a: AnyRecord, b: AnyRecord): boolean =>
  a === b || JSON.stringify(encoders[kind](a)) === JSON.stringify(encoders[kind](b))

/**
 * Options of the in-memory store.
 *
 * @since 0.1.0
 * @category models
 */
export interface MemoryStoreOptions {
  readonly registry?: Registry.Registry
}

/**
 * A mutable dataset. Small collections are replaced on write (so caches keyed by their identity stay
 * correct); activities and tallies are updated in place.
 */
interface State {
  units: Map<string, AnyRecord>
  lineage: Map<string, AnyRecord>
  councils: Map<string, AnyRecord>
  terms: Map<string, AnyRecord>
  organs: Map<string, AnyRecord>
  sessions: Map<string, AnyRecord>
  meetings: Map<string, AnyRecord>
  activities: Map<string, AnyRecord>
  tallies: Map<string, AnyRecord>
  recommendations: Map<string, AnyRecord>
  responses: Map<string, AnyRecord>
  evaluations: Map<string, AnyRecord>
  programmes: Map<string, AnyRecord>
  programmeItems: Map<string, AnyRecord>
  resolutions: Map<string, AnyRecord>
  documents: Map<string, AnyRecord>
  activitiesByCouncil: Map<string, Map<string, AnyRecord>>
}

const IN_PLACE: ReadonlySet<EntityKind> = new Set(["activities", "tallies"])

const matchesFilter = (kind: EntityKind, r: Record<string, any>, f: StreamFilter | undefined): boolean => {
  if (f === undefined) return true
  if (f.councils !== undefined && "council" in r && !f.councils.includes(r.council)) return false
  if (f.kinds !== undefined && kind === "activities" && !f.kinds.includes(r.kind)) return false
  if (f.period !== undefined) {
    if (kind === "activities" && !overlaps({ from: r.date.from, to: r.date.from }, f.period)) return false
    if (kind === "sessions" && !overlaps(r.dates, f.period)) return false
    if (kind === "meetings" && !overlaps({ from: r.date, to: r.date }, f.period)) return false
    if (kind === "tallies" && !overlaps(r.period, f.period)) return false
    if (kind === "recommendations" && !contains(f.period, r.raisedOn)) return false
    if ((kind === "responses" || kind === "evaluations") && !contains(f.period, r.date)) return false
    if (kind === "resolutions" && !contains(f.period, r.adoptedOn)) return false
    if (kind === "documents" && !contains(f.period, r.submittedOn)) return false
    if (kind === "programmes" && !overlaps({ from: `${r.year}-01-01` as CalendarDate, to: `${r.year}-12-31` as CalendarDate }, f.period)) return false
  }
  return true
}

let instances = 0

/**
 * Makes an in-memory store service.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: MemoryStoreOptions = {}): Effect.Effect<StoreService> =>
  Effect.sync(() => {
    const registry = options.registry ?? Registry.builtin
    const state: State = makeEmpty()
    const dataset = (): Dataset => state as unknown as Dataset
    // Undo steps of the writes of the transaction in progress (innermost first when nested).
    let journal: Array<() => void> | undefined
    // Writers take turns; the fibers of a transaction hold the turn until it ends.
    const lock = Semaphore.makeUnsafe(1)
    // Whether the current fiber runs inside a transaction of this store (one key per store).
    const inTransaction = Context.Reference<boolean>(`@hdnd/core/MemoryStore/inTransaction/${++instances}`, {
      defaultValue: () => false
    })
    const exclusive = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
      Effect.gen(function* () {
        const inside = yield* inTransaction
        return yield* (inside ? effect : lock.withPermits(1)(effect))
      })

    const byCouncil = (council: string): Map<string, AnyRecord> => {
      let bucket = state.activitiesByCouncil.get(council)
      if (bucket === undefined) {
        bucket = new Map()
        state.activitiesByCouncil.set(council, bucket)
      }
      return bucket
    }

    const write = (batch: Batch): UpsertResult => {
      let inserted = 0
      let updated = 0
      let unchanged = 0
      for (const kind of entityKinds) {
        const records = batch[kind] as ReadonlyArray<AnyRecord> | undefined
        if (records === undefined || records.length === 0) continue
        const inPlace = IN_PLACE.has(kind)
        const target = inPlace ? state[kind] : new Map(state[kind])
        if (journal !== undefined && !inPlace) {
          const old = state[kind]
          journal.push(() => (state[kind] = old))
        }
        for (const r of records) {
          const prev = target.get(r.id)
          if (prev === undefined) inserted++
          else if (sameRecord(kind, prev, r)) {
            unchanged++
            continue
          } else updated++
          target.set(r.id, r)
          const isActivity = kind === "activities"
          const councilOf = (x: AnyRecord) => (x as unknown as { council: string }).council
          if (isActivity) {
            if (prev !== undefined) state.activitiesByCouncil.get(councilOf(prev))?.delete(r.id)
            byCouncil(councilOf(r)).set(r.id, r)
          }
          if (journal !== undefined && inPlace) {
            journal.push(() => {
              if (prev === undefined) target.delete(r.id)
              else target.set(r.id, prev)
              if (isActivity) {
                state.activitiesByCouncil.get(councilOf(r))?.delete(r.id)
                if (prev !== undefined) byCouncil(councilOf(prev)).set(r.id, prev)
              }
            })
          }
        }
        state[kind] = target
      }
      return { inserted, updated, unchanged }
    }

    const service: StoreService = {
      capabilities: { pushdown: false, persistent: false },
      registry,
      upsert: (batch) =>
        exclusive(
          Effect.suspend(() => {
            const problems = validateBatch(dataset(), batch, registry)
            if (problems.length > 0) return Effect.fail(new ValidationError({ problems }))
            return Effect.succeed(write(batch))
          })
        ),
      transaction: (effect) =>
        exclusive(
          Effect.suspend(() => {
            const outer = journal
            const mine: Array<() => void> = []
            journal = mine
            return Effect.provideService(effect, inTransaction, true).pipe(
              Effect.onExit((exit) =>
                Effect.sync(() => {
                  journal = outer
                  if (Exit.isFailure(exit)) for (let i = mine.length - 1; i >= 0; i--) (mine[i] as () => void)()
                  else if (outer !== undefined) for (const undo of mine) outer.push(undo)
                })
              )
            )
          })
        ),
      get: <K extends EntityKind>(kind: K, id: string) =>
        Effect.suspend(() => {
          const r = state[kind].get(id)
          return r === undefined
            ? Effect.fail(new NotFoundError({ entity: entityNames[kind], id }))
            : Effect.succeed(r as unknown as EntityOf<K>)
        }),
      stream: <K extends EntityKind>(kind: K, filter?: StreamFilter) =>
        Stream.suspend(() => {
          const source: Iterable<AnyRecord> =
            kind === "activities" && filter?.councils !== undefined
              ? [...new Set(filter.councils)].flatMap((c) => [...(state.activitiesByCouncil.get(c)?.values() ?? [])])
              : [...state[kind].values()]
          const out: Array<EntityOf<K>> = []
          for (const r of source) if (matchesFilter(kind, r, filter)) out.push(r as unknown as EntityOf<K>)
          return Stream.fromIterable(out)
        }),
      count: (kind) => Effect.sync(() => state[kind].size),
      tabulate: (request) =>
        Effect.suspend(() => {
          const result = tabulate(dataset(), registry, request)
          return Result.isFailure(result) ? Effect.fail(result.failure) : Effect.succeed(result.success)
        })
    }
    return service
  })

/**
 * A layer providing an empty in-memory `Store`.
 *
 * @example
 * ```ts
 * import { Dataset, MemoryStore, Store } from "@hdnd/core"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.gen(function* () {
 *   const store = yield* Store.Store
 *   return yield* Store.structure(store) // units, councils, organs, sessions … (none yet)
 * })
 * const structure: Dataset.Dataset = await Effect.runPromise(Effect.provide(program, MemoryStore.layer()))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: MemoryStoreOptions = {}): Layer.Layer<Store> => Layer.effect(Store, make(options))
