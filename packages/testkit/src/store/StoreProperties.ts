/**
 * The properties of the store conformance kit, one per contract of the `Store` port. Each takes a
 * function that builds a fresh empty store layer and runs every case against its own store.
 * `StoreSuite.storeConformance` registers them as vitest tests; run one alone with `fc.assert` (for
 * instance to replay a `{ seed, path }`).
 *
 * @since 0.1.0
 */
import { Dataset, Registry, Report, ReportTemplate, Tabulate, Tabulation } from "@hdnd/core"
import type { TabulationRequest } from "@hdnd/core"
import type { Store } from "@hdnd/core"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import * as Assert from "./Assert.js"
import type { Law } from "../Laws.js"
import { touch } from "./Edits.js"
import { expectHolds, expectRecord } from "./Expectations.js"
import type { FullDataset } from "./FullDataset.js"
import { busyDatasetArb, fullDatasetArb } from "./FullDataset.js"
import { brokenBatchArb, show as showBreakage } from "./Invalid.js"
import { daysOf } from "./Periods.js"
import * as Pushdown from "./Pushdown.js"
import type { AnyRecord } from "./Records.js"
import { encode, entriesOf, expectedUpsert, sortedIds } from "./Records.js"
import { requestArb, roleFilterArb } from "../Laws.js"
import { storeRequestArb } from "./Requests.js"
import type { StoreHandle } from "./StoreHandle.js"
import { withStore } from "./StoreHandle.js"
import { select, show as showFilter, streamFilterArb } from "./StreamFilters.js"

/**
 * Builds a layer providing a fresh, empty store each time it is called.
 *
 * @since 0.1.0
 * @category models
 */
export type MakeLayer = () => Layer.Layer<Store.Store, unknown>

type Batch = Dataset.Batch
type EntityKind = Dataset.EntityKind

const nothing = { inserted: 0, updated: 0, unchanged: 0 }

const codecs = Object.fromEntries(
  Dataset.entityKinds.map((k) => {
    const schema = Dataset.entitySchemas[k] as unknown as Schema.Codec<AnyRecord, unknown>
    return [k, (r: AnyRecord) => Schema.decodeUnknownSync(schema)(Schema.encodeSync(schema)(r))]
  })
) as Record<EntityKind, (r: AnyRecord) => AnyRecord>

/** A copy of a batch made of new instances (encoded and decoded again): equal content, no shared identity. */
const copyOf = (batch: Batch): Batch =>
  Object.fromEntries(
    Dataset.entityKinds.filter((k) => batch[k] !== undefined).map((k) => [k, (batch[k] as ReadonlyArray<AnyRecord>).map(codecs[k])])
  ) as Batch

const append = (batch: Batch, kind: EntityKind, record: AnyRecord): Batch => ({
  ...batch,
  [kind]: [...((batch[kind] ?? []) as ReadonlyArray<AnyRecord>), record]
})

/**
 * Upserting a batch with records of every collection inserts them all; `get` gives each back
 * unchanged, `stream` lists them and `count` counts them.
 *
 * @since 0.1.0
 * @category properties
 */
export const upsertAndGet = (layer: MakeLayer): Law =>
  fc.asyncProperty(fullDatasetArb(), ({ batch }) =>
    withStore(layer(), async (h) => {
      Assert.equal(await h.run(h.store.upsert(batch)), { ...nothing, inserted: Dataset.batchSize(batch) }, "upsert into an empty store")
      await expectHolds(h, Dataset.fromBatch(batch))
    })
  )

/**
 * `get` of an id that no record of the collection has fails with `NotFoundError`, also when a
 * record of another collection has that id.
 *
 * @since 0.1.0
 * @category properties
 */
export const getMissing = (layer: MakeLayer): Law =>
  fc.asyncProperty(fullDatasetArb(), fc.nat(), ({ batch }, shift) =>
    withStore(layer(), async (h) => {
      await h.run(h.store.upsert(batch))
      const ds = Dataset.fromBatch(batch)
      const kinds = Dataset.entityKinds
      for (const [i, { kind, record }] of entriesOf(batch).entries()) {
        const other = kinds[(kinds.indexOf(kind) + 1 + ((shift + i) % (kinds.length - 1))) % kinds.length] as EntityKind
        await expectRecord(h, ds, other, record.id)
      }
      for (const kind of kinds) await expectRecord(h, ds, kind, "no-such-id")
    })
  )

/**
 * Re-upserting a batch (the same instances, or equal copies) reports every record unchanged and
 * changes nothing.
 *
 * @since 0.1.0
 * @category properties
 */
export const reupsertIsIdempotent = (layer: MakeLayer): Law =>
  fc.asyncProperty(fullDatasetArb(), ({ batch }) =>
    withStore(layer(), async (h) => {
      await h.run(h.store.upsert(batch))
      const unchanged = { ...nothing, unchanged: Dataset.batchSize(batch) }
      Assert.equal(await h.run(h.store.upsert(batch)), unchanged, "the same batch again")
      Assert.equal(await h.run(h.store.upsert(copyOf(batch))), unchanged, "an equal copy of the batch")
      await expectHolds(h, Dataset.fromBatch(batch))
    })
  )

/**
 * Upserting a changed version of one stored record reports one update; `get` gives the new content
 * and every other record is as before.
 *
 * @since 0.1.0
 * @category properties
 */
export const updateOne = (layer: MakeLayer): Law =>
  fc.asyncProperty(fullDatasetArb(), fc.nat(), ({ batch }, pick) =>
    withStore(layer(), async (h) => {
      await h.run(h.store.upsert(batch))
      const entries = entriesOf(batch)
      const { kind, record } = entries[pick % entries.length] as (typeof entries)[number]
      const update: Batch = { [kind]: [touch(kind, record)] }
      Assert.equal(await h.run(h.store.upsert(update)), { ...nothing, updated: 1 }, `update of ${kind} ${record.id}`)
      await expectHolds(h, Dataset.apply(Dataset.fromBatch(batch), update))
    })
  )

/** A dataset, a copy with one record broken, and whether the store holds the structure first. */
const brokenArb = fullDatasetArb().chain((full) => fc.tuple(fc.constant(full), brokenBatchArb(full.batch), fc.boolean()))

/** Upserts the world's structure when `preload`; returns what the store then holds. */
const preloaded = async (h: StoreHandle, full: FullDataset, preload: boolean): Promise<Dataset.Dataset> => {
  if (!preload) return Dataset.empty
  await h.run(h.store.upsert(full.world.structure))
  return Dataset.fromBatch(full.world.structure)
}

/**
 * A batch with one invalid record (a broken reference or dates outside what it depends on) fails
 * with `ValidationError` and writes nothing: into an empty store, or into one that already holds the
 * world's structure (which the batch re-sends).
 *
 * @since 0.1.0
 * @category properties
 */
export const invalidBatchWritesNothing = (layer: MakeLayer): Law =>
  fc.asyncProperty(
    brokenArb,
    ([full, { batch, broken }, preload]) =>
      withStore(layer(), async (h) => {
        const before = await preloaded(h, full, preload)
        const result = await h.attempt(h.store.upsert(batch))
        Assert.failsWith(result, "ValidationError", `batch with ${showBreakage(broken)}`)
        await expectHolds(h, before)
        for (const { kind, record } of entriesOf(batch)) await expectRecord(h, before, kind, record.id)
      })
  )

/**
 * A transaction that fails undoes every upsert made in it, even those that succeeded: the store
 * holds what it held before.
 *
 * @since 0.1.0
 * @category properties
 */
export const failedTransactionWritesNothing = (layer: MakeLayer): Law =>
  fc.asyncProperty(
    brokenArb,
    ([full, { batch, broken }, preload]) =>
      withStore(layer(), async (h) => {
        const before = await preloaded(h, full, preload)
        const unit = Effect.gen(function* () {
          yield* h.store.upsert(full.world.structure)
          yield* h.store.upsert(full.batch)
          yield* h.store.upsert(batch)
        })
        Assert.failsWith(await h.attempt(h.store.transaction(unit)), "ValidationError", `a transaction ending with ${showBreakage(broken)}`)
        await expectHolds(h, before)
      })
  )

/**
 * Inside a transaction, a failing upsert writes nothing and can be caught; the transaction goes on,
 * and what it wrote is kept when it succeeds.
 *
 * @since 0.1.0
 * @category properties
 */
export const transactionKeepsWhatSucceeded = (layer: MakeLayer): Law =>
  fc.asyncProperty(
    fullDatasetArb().chain((full) => fc.tuple(fc.constant(full), brokenBatchArb(full.batch))),
    ([full, { batch, broken }]) =>
      withStore(layer(), async (h) => {
        const unit = Effect.gen(function* () {
          yield* h.store.upsert(full.world.structure)
          const failed = yield* Effect.result(h.store.upsert(batch))
          const written = yield* h.store.upsert(full.batch)
          // Writes made earlier in the unit are visible to reads in it.
          const counted = yield* h.store.count("units")
          return { failed, written, counted }
        })
        const { failed, written, counted } = await h.run(h.store.transaction(unit))
        Assert.failsWith(failed, "ValidationError", `the upsert of ${showBreakage(broken)} inside a transaction`)
        Assert.equal(counted, full.batch.units?.length ?? 0, "units counted inside the transaction")
        Assert.equal(written.inserted + written.updated + written.unchanged, entriesOf(full.batch).length, "records of the second upsert")
        await expectHolds(h, Dataset.fromBatch(full.batch))
      })
  )

/**
 * Two records with one id and different content in one batch fail with `ValidationError`, and
 * nothing is written.
 *
 * @since 0.1.0
 * @category properties
 */
export const duplicateIdsRejected = (layer: MakeLayer): Law =>
  fc.asyncProperty(fullDatasetArb(), fc.nat(), ({ batch }, pick) =>
    withStore(layer(), async (h) => {
      const entries = entriesOf(batch)
      const { kind, record } = entries[pick % entries.length] as (typeof entries)[number]
      const result = await h.attempt(h.store.upsert(append(batch, kind, touch(kind, record))))
      Assert.failsWith(result, "ValidationError", `two versions of ${kind} ${record.id}`)
      await expectHolds(h, Dataset.empty)
    })
  )

/**
 * A record sent twice with the same content in one batch is accepted and stored once; the second
 * occurrence counts as unchanged.
 *
 * @since 0.1.0
 * @category properties
 */
export const identicalDuplicatesAccepted = (layer: MakeLayer): Law =>
  fc.asyncProperty(fullDatasetArb(), fc.nat(), ({ batch }, pick) =>
    withStore(layer(), async (h) => {
      const entries = entriesOf(batch)
      const { kind, record } = entries[pick % entries.length] as (typeof entries)[number]
      const twice = append(batch, kind, (copyOf({ [kind]: [record] })[kind] as ReadonlyArray<AnyRecord>)[0] as AnyRecord)
      Assert.equal(await h.run(h.store.upsert(twice)), expectedUpsert(Dataset.empty, twice), `${kind} ${record.id} twice`)
      await expectHolds(h, Dataset.fromBatch(batch))
    })
  )

/**
 * `stream` with a filter gives exactly the records the reference selects (`StreamFilters.matches`),
 * in every collection, with their stored content.
 *
 * @since 0.1.0
 * @category properties
 */
export const streamFilters = (layer: MakeLayer): Law =>
  fc.asyncProperty(
    fullDatasetArb().chain((full) => fc.tuple(fc.constant(full), fc.array(streamFilterArb(full.world, daysOf(full.batch)), { minLength: 1, maxLength: 5 }))),
    ([{ batch }, filters]) =>
      withStore(layer(), async (h) => {
        await h.run(h.store.upsert(batch))
        const ds = Dataset.fromBatch(batch)
        for (const filter of [undefined, ...filters]) {
          for (const kind of Dataset.entityKinds) {
            const expected = select(ds, kind, filter)
            const actual = await h.collect(h.store.stream(kind, filter))
            const what = `stream(${kind}, ${showFilter(filter)})`
            Assert.equal(sortedIds(actual), sortedIds(expected), what)
            const byId = new Map(expected.map((r) => [r.id, encode(kind, r)]))
            for (const r of actual) Assert.equal(encode(kind, r), byId.get(r.id), `${what}: ${r.id}`)
          }
        }
      })
  )

/**
 * The pushdown law: for generated datasets and several generated requests each, `tabulate` equals
 * the reference tabulation over the same records.
 *
 * @since 0.1.0
 * @category properties
 */
export const pushdownLaw = (layer: MakeLayer): Law =>
  fc.asyncProperty(
    busyDatasetArb(8, { maxActivities: 60 }).chain((full) =>
      fc.tuple(fc.constant(full), fc.array(storeRequestArb(full.world, daysOf(full.batch)), { minLength: 1, maxLength: 4 }))
    ),
    ([{ batch }, requests]) =>
      withStore(layer(), async (h) => {
        await h.run(h.store.upsert(batch))
        const ds = Dataset.fromBatch(batch)
        for (const request of requests) await Pushdown.check(h, ds, request)
      })
  )

/**
 * The built-in indicators that sum an attribute or count its distinct values.
 *
 * @since 0.2.0
 * @category data
 */
export const measureIndicators: ReadonlyArray<string> = [...Registry.builtin.indicators.values()]
  .filter((i) => i.measure === "sum" || i.measure === "distinct")
  .map((i) => i.id)

/**
 * The pushdown law for sums and distinct counts: over datasets whose activities carry numeric and
 * place attributes (a place in NFC and NFD, with and without spaces, alone or in a list with
 * repeats) and tallies, `tabulate` of the `sum` and `distinct` built-in indicators (with counts
 * beside them), grouped any way and traced or not, equals the reference tabulation: sums, distinct
 * value sets, drill-down, tallies and conflicts.
 *
 * @since 0.2.0
 * @category properties
 */
export const measuresPushdownLaw = (layer: MakeLayer): Law =>
  fc.asyncProperty(
    busyDatasetArb(8, { maxActivities: 60 }).chain((full) =>
      fc.tuple(
        fc.constant(full),
        fc.array(
          fc.tuple(requestArb({ indicators: [...measureIndicators, "core/voter-meeting", "core/supervision"] }), fc.boolean()).map(([r, trace]) => ({ ...r, trace })),
          { minLength: 1, maxLength: 4 }
        )
      )
    ),
    ([{ batch }, requests]) =>
      withStore(layer(), async (h) => {
        await h.run(h.store.upsert(batch))
        const ds = Dataset.fromBatch(batch)
        for (const request of requests) await Pushdown.check(h, ds, request)
      })
  )

/**
 * The built-in indicators that count distinct sessions, and the counts that share their filters
 * (items reviewed) or not (supervision), so that one query column carries both a count and a set.
 *
 * @since 0.2.0
 * @category data
 */
export const sessionSetIndicators: ReadonlyArray<string> = [
  ...[...Registry.builtin.indicators.values()].filter((i) => i.measure === "distinct-sessions").map((i) => i.id),
  "core/review.content",
  "core/supervision"
]

/**
 * The pushdown law for sessions counted per cell: a store that collects each cell's distinct
 * sessions in the database (not one row per session) gives every cell the reference's session set,
 * untraced, grouped by council-level dimensions only (no organ view: the organisers are not
 * expanded) or with an organ dimension (organ, kind, committee kind, role: once per organiser or
 * participant), over any scope and period, with or without a filter on who led or took part.
 *
 * @since 0.2.0
 * @category properties
 */
export const sessionSetsPushdownLaw = (layer: MakeLayer): Law =>
  fc.asyncProperty(
    busyDatasetArb(8, { maxActivities: 60 }).chain((full) => {
      const organs = [...full.world.organsByCouncil.values()].flat().map((o) => o.id)
      const councilDims = Tabulation.dimensions.filter((d) => !Tabulation.organDimensions.has(d))
      const organDims = Tabulation.dimensions.filter((d) => Tabulation.organDimensions.has(d))
      const groupBy = fc.oneof(
        fc.uniqueArray(fc.constantFrom(...councilDims), { maxLength: 3 }),
        fc.tuple(fc.constantFrom(...organDims), fc.uniqueArray(fc.constantFrom(...councilDims), { maxLength: 2 })).map(([o, rest]) => [...rest, o])
      )
      const request = fc
        .tuple(
          requestArb({ indicators: sessionSetIndicators }),
          groupBy,
          storeRequestArb(full.world, daysOf(full.batch)).map((r) => r.scope),
          fc.option(roleFilterArb(organs), { nil: undefined, freq: 3 })
        )
        .map(([r, g, scope, filter]): TabulationRequest.TabulationRequest => ({ ...r, scope, groupBy: g, trace: false, ...(filter === undefined ? {} : { filter }) }))
      return fc.tuple(fc.constant(full), fc.array(request, { minLength: 1, maxLength: 4 }))
    }),
    ([{ batch }, requests]) =>
      withStore(layer(), async (h) => {
        await h.run(h.store.upsert(batch))
        const ds = Dataset.fromBatch(batch)
        for (const request of requests) await Pushdown.check(h, ds, request)
      })
  )

/**
 * Indicators the law of figures scoped to sessions draws from: sessions held, resolutions and
 * documents (whose records are dated before or after their session), reviews, a sum and a count.
 *
 * @since 0.2.0
 * @category data
 */
export const sessionFigureIndicators: ReadonlyArray<string> = [
  ...[...Registry.builtin.indicators.values()].filter((i) => i.source !== undefined && i.source !== "activities").map((i) => i.id),
  "core/review.content",
  "core/review.sessions",
  "core/supervision",
  "core/voter-meeting.voters"
]

/**
 * The law of figures scoped to sessions in a report: for a template whose placeholders each name
 * an indicator and some of the world's sessions (`{{number x session=a|b}}`) beside a figure of the
 * whole period, `Report.tabulate` on the store and `Report.render` give every figure the value of
 * the reference tabulation of that indicator scoped to those sessions (and the period figure the
 * unscoped one).
 *
 * @since 0.2.0
 * @category properties
 */
export const reportSessionsLaw = (layer: MakeLayer): Law =>
  fc.asyncProperty(
    busyDatasetArb(8, { maxActivities: 60 })
      .filter((full) => [...full.world.sessionsByCouncil.values()].some((s) => s.length > 0))
      .chain((full) => {
        const ids = [...full.world.sessionsByCouncil.values()].flat().map((s) => s.id as string)
        const indicator = fc.constantFrom(...sessionFigureIndicators)
        return fc.tuple(
          fc.constant(full),
          requestArb({ indicators: sessionFigureIndicators, dimensions: [] }),
          indicator,
          fc.array(fc.tuple(indicator, fc.subarray(ids, { minLength: 1, maxLength: Math.min(3, ids.length) })), { minLength: 1, maxLength: 4 })
        )
      }),
    ([{ batch }, base, whole, figures]) =>
      withStore(layer(), async (h) => {
        await h.run(h.store.upsert(batch))
        const text = [`{{number ${whole} grouping=no}}`, ...figures.map(([i, s]) => `{{number ${i} session=${s.join("|")} grouping=no}}`)].join(" ; ")
        const template = new ReportTemplate.ReportTemplate({
          id: "testkit/sessions" as never,
          vi: "Số liệu theo kỳ họp",
          en: "Figures by session",
          title: "Báo cáo {{period}}",
          groupBy: [],
          sections: [{ blocks: [{ _tag: "Paragraph", text }] }]
        })
        const tabs = await h.run(Report.tabulate(h.store, template, base.scope, base.period))
        const doc = Report.render(template, tabs, h.store.registry)
        if (Result.isFailure(doc)) throw new Error(`render "${text}": ${doc.failure.message}`)
        const ds = Dataset.fromBatch(batch)
        const expected = [[whole, undefined] as const, ...figures].map(([i, sessions]) => {
          const request = { indicators: [i], scope: base.scope, period: base.period, ...(sessions === undefined ? {} : { sessions }) } as unknown as TabulationRequest.TabulationRequest
          return Tabulation.valueOf(Result.getOrThrow(Tabulate.tabulate(ds, h.store.registry, request)), i as never).value
        })
        Assert.equal(JSON.stringify(doc.success.figures.map((f) => f.value)), JSON.stringify(expected), `figures of "${text}" over ${base.period.from}..${base.period.to}`)
      })
  )
