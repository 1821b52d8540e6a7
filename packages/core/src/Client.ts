/**
 * The Promise API: a small client over a `ManagedRuntime` for apps that do not use Effect (Express,
 * NestJS, Next.js). The same operations as the Effect API, returning promises and rejecting with the
 * same typed errors (`DecodeError`, `ValidationError`, `TabulationError`, `ReportError` …), each with
 * `_tag`, a stable `code` and `vi`/`en` messages. Input is plain JSON (string ids and dates), decoded at
 * the boundary. Importing (`@hdnd/import`'s `importFile` …) and exporting (`Exporter.toBuffer` …) take
 * the client; `client.run(effect)` lets any package do the same. Guide: docs/promise-api.md.
 *
 * @since 0.1.0
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Exit from "effect/Exit"
import type * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { CalendarDate, DateRange, Period } from "./CalendarDate.js"
import * as DataPlugin from "./DataPlugin.js"
import type { EntityKind } from "./Dataset.js"
import { Batch, batchSize, entityKinds, entityNames, entitySchemas } from "./Dataset.js"
import type { DecodeError } from "./Errors.js"
import { decodeWith, NotFoundError, StoreError, TabulationError } from "./Errors.js"
import type { NumberStyle } from "./Format.js"
import * as Historic from "./Historic.js"
import type { TemplateId } from "./Ids.js"
import { ActivityKindId, ActivityId, CouncilId, SessionId } from "./Ids.js"
import * as MemoryStore from "./MemoryStore.js"
import type { Plugin } from "./Plugin.js"
import { isPlugin } from "./Plugin.js"
import * as PluginHost from "./PluginHost.js"
import * as Registry from "./Registry.js"
import * as Report from "./Report.js"
import type { DocTable, ReportDocument } from "./ReportDocument.js"
import * as ReportText from "./ReportText.js"
import type { EntityOf, StreamFilter } from "./Store.js"
import { Store } from "./Store.js"
import type { Tabulation } from "./Tabulation.js"
import { drillDown } from "./TabulationDocument.js"
import { Scope, TabulationRequest } from "./TabulationRequest.js"

const decodeBatch = decodeWith(Batch, "Batch")
const decodeRequest = decodeWith(TabulationRequest, "TabulationRequest")
const decodeScope = decodeWith(Scope, "Scope")
const decodePeriod = decodeWith(Period, "Period")
const decodeSessions = decodeWith(Schema.UndefinedOr(Schema.NonEmptyArray(SessionId)), "sessions")
const decodeDate = decodeWith(Schema.UndefinedOr(CalendarDate), "date")
const decodeKind = decodeWith(Schema.Literals(entityKinds), "EntityKind")
/** The id of a record of `kind`, checked by that kind's own id schema (and its message). */
const decodeId = (kind: EntityKind, id: unknown) =>
  decodeWith<string, string>(entitySchemas[kind].fields.id, `${entityNames[kind]} id`)(id)
const decodeFilter = decodeWith(
  Schema.Struct({ councils: Schema.optional(Schema.Array(CouncilId)), period: Schema.optional(DateRange), kinds: Schema.optional(Schema.Array(ActivityKindId)) }),
  "StreamFilter"
)
const decodeActivityIds = decodeWith(Schema.Array(ActivityId), "activities")

/**
 * Options of {@link HdndClient.open}.
 *
 * @since 0.1.0
 * @category models
 */
export interface ClientOptions {
  /**
   * The store to use; the in-memory store by default (with the plugins' registry). To use plugins
   * with another store, give a function of the registry (`(registry) => SqliteStore.layer({ file,
   * registry })`); a layer given as it is keeps the registry it was made with.
   */
  readonly store?: Layer.Layer<Store, unknown> | ((registry: Registry.Registry) => Layer.Layer<Store, unknown>)
  /**
   * Plugins (since 0.2.0): code plugins made with `definePlugin`, or data plugin documents (parsed
   * JSON or YAML, decoded with `DataPlugin.decode`), loaded together by `PluginHost.load`; their
   * data is written when the client opens. `open` rejects with `DataPluginError` or `PluginError`.
   */
  readonly plugins?: ReadonlyArray<Plugin | unknown>
}

/**
 * A scope as plain JSON: the tagged form of `TabulationRequest.Scope` with string ids, or a
 * shorthand: `{ council }` (one council), `{ councils }` (a list), `{ unit, asOf, levels? }` (a unit
 * and its descendants as of a date). Ids and dates are checked when the request is decoded.
 *
 * @since 0.2.0
 * @category models
 */
export type ScopeInput =
  | typeof Scope.Encoded
  | { readonly council: string }
  | { readonly councils: ReadonlyArray<string> }
  | { readonly unit: string; readonly asOf: string; readonly levels?: ReadonlyArray<string> }

/**
 * The tagged scope of a {@link ScopeInput} (shorthands given their `_tag`); anything else is
 * returned as it is, for the decoder to reject.
 *
 * @since 0.2.0
 * @category decoding
 */
export const normaliseScope = (input: unknown): unknown => {
  if (typeof input !== "object" || input === null || "_tag" in input) return input
  const o = input as Record<string, unknown>
  if (typeof o.council === "string" && Object.keys(o).length === 1) return { _tag: "Councils", councils: [o.council] }
  if ("councils" in o && Object.keys(o).length === 1) return { _tag: "Councils", councils: o.councils }
  if ("unit" in o) return { _tag: "Subtree", ...o }
  return input
}

const normaliseRequest = (input: unknown): unknown =>
  typeof input === "object" && input !== null && "scope" in input ? { ...input, scope: normaliseScope((input as { scope: unknown }).scope) } : input

const fromResult = <A, E>(r: Result.Result<A, E>): Effect.Effect<A, E> => (Result.isFailure(r) ? Effect.fail(r.failure) : Effect.succeed(r.success))

/**
 * A tabulation request as plain JSON: indicator ids, dates and ids as strings, the scope as a
 * {@link ScopeInput}. Decoded (and checked) by {@link HdndClient.tabulate}.
 *
 * @since 0.2.0
 * @category models
 */
export type TabulationRequestInput = Omit<typeof TabulationRequest.Encoded, "scope"> & { readonly scope: ScopeInput }

/**
 * Options of one rendering, as plain JSON (the date of issue as `YYYY-MM-DD`).
 *
 * @since 0.2.0
 * @category models
 */
export interface RenderOptionsInput {
  readonly number?: number
  readonly date?: string
  readonly place?: string
  readonly padSmallCounts?: boolean
  readonly numberStyle?: NumberStyle
}

/**
 * What {@link HdndClient.report} needs besides the template. Since 0.2.0 every part may be plain
 * JSON (string ids and dates, a {@link ScopeInput}); it is decoded, and a bad part rejects with
 * `DecodeError`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportRequest extends RenderOptionsInput {
  readonly scope: ScopeInput
  readonly period: { readonly from: string; readonly to: string }
  /** Count only what belongs to these sessions, whatever its date (since 0.2.0). */
  readonly sessions?: ReadonlyArray<string>
}

/**
 * A list filter as plain JSON (see `Store.StreamFilter`): council ids, a date range, activity kinds.
 *
 * @since 0.2.0
 * @category models
 */
export interface ListFilterInput {
  readonly councils?: ReadonlyArray<string>
  readonly period?: { readonly from: string; readonly to?: string }
  readonly kinds?: ReadonlyArray<string>
}

const decodeRenderOptions = (input: RenderOptionsInput): Effect.Effect<Report.RenderOptions, DecodeError> =>
  Effect.map(fromResult(decodeDate(input.date)), (date) => ({
    ...(input.number === undefined ? {} : { number: input.number }),
    ...(date === undefined ? {} : { date }),
    ...(input.place === undefined ? {} : { place: input.place.normalize("NFC") }),
    ...(input.padSmallCounts === undefined ? {} : { padSmallCounts: input.padSmallCounts }),
    ...(input.numberStyle === undefined ? {} : { numberStyle: input.numberStyle })
  }))

/**
 * Settles with an effect's value, or rejects with hdnd's typed error itself (`DecodeError`,
 * `StoreError` …), never an Effect wrapper. A defect (a bug, or an exception thrown by a callback
 * of yours) or an interruption rejects with `StoreError` of code `hdnd/store/unexpected-failed`,
 * the original in its `cause`.
 */
const settle = async <A, E>(exit: Promise<Exit.Exit<A, E>>): Promise<A> => {
  const result = await exit
  if (Exit.isSuccess(result)) return result.value
  const failure = Cause.findErrorOption(result.cause)
  if (Option.isSome(failure)) throw failure.value
  const cause = Cause.squash(result.cause)
  if (cause instanceof StoreError) throw cause
  const detail = cause instanceof Error ? cause.message : String(cause)
  throw new StoreError({
    operation: "unexpected",
    vi: `lỗi không mong đợi (${detail}); nếu lỗi từ hàm gọi lại của bạn, xem cause, nếu không hãy báo lỗi cho hdnd`,
    en: `unexpected failure (${detail}); if it came from a callback of yours see cause, otherwise please report it to hdnd`,
    cause
  })
}

/**
 * A client for apps that use promises. Every method that takes input accepts plain JSON (string ids
 * and dates) and decodes it; every rejection is one of hdnd's error classes (`DecodeError`,
 * `ValidationError`, `NotFoundError`, `TabulationError`, `ReportError`, `StoreError`, `PluginError`,
 * `DataPluginError`), each with `_tag`, a stable `code`, and `vi`/`en` messages.
 *
 * @example
 * ```ts
 * import { HdndClient } from "@hdnd/core"
 * import { readFile } from "node:fs/promises"
 *
 * const client = await HdndClient.open()
 * await client.load(JSON.parse(await readFile("data.json", "utf8"))) // a batch in its JSON encoding
 * const doc = await client.report("core/activity-summary", {
 *   scope: { council: "hdnd-tinh-son-la" },
 *   period: { from: "2023-01-01", to: "2023-12-31" }
 * })
 * console.log(client.markdown(doc))
 * await client.close()
 * ```
 *
 * @since 0.1.0
 * @category client
 */
export class HdndClient {
  private constructor(
    private readonly runtime: ManagedRuntime.ManagedRuntime<Store, unknown>,
    /** The registry of the store: indicators, templates, kinds (with the plugins' own). @since 0.2.0 */
    readonly registry: Registry.Registry
  ) {}

  private closed = false

  /**
   * Opens a client on a store (the in-memory store by default), with plugins if given. A store that
   * cannot be opened rejects with its typed error (`StoreError` of code `hdnd/store/open-failed`),
   * bad plugins with `PluginError` or `DataPluginError`.
   */
  static async open(options: ClientOptions = {}): Promise<HdndClient> {
    let loaded: PluginHost.Loaded | undefined
    if (options.plugins !== undefined) {
      const plugins = options.plugins.map((p) => (isPlugin(p) ? p : DataPlugin.decodeSync(p)))
      const result = PluginHost.load(plugins)
      if (Result.isFailure(result)) throw result.failure
      loaded = result.success
    }
    const layer = typeof options.store === "function"
      ? options.store(loaded?.registry ?? Registry.builtin)
      : options.store ?? MemoryStore.layer(loaded === undefined ? {} : { registry: loaded.registry })
    const runtime = ManagedRuntime.make(layer)
    let registry: Registry.Registry
    try {
      // Builds the layer: a failure to open the store rejects with the layer's own typed error.
      registry = await settle(runtime.runPromiseExit(Effect.map(Store, (s) => s.registry)))
    } catch (e) {
      await runtime.dispose()
      throw e
    }
    const client = new HdndClient(runtime, registry)
    if (loaded !== undefined && batchSize(loaded.data) > 0) {
      try {
        await client.upsert(loaded.data)
      } catch (e) {
        await runtime.dispose()
        throw e
      }
    }
    return client
  }

  /**
   * Runs an effect that needs the `Store` on this client's store, and settles with its value. It
   * rejects with the effect's typed error itself (never an Effect wrapper such as a fiber failure),
   * or, for a defect or an interruption, with `StoreError` of code `hdnd/store/unexpected-failed`
   * (the original in `cause`). This is how packages built on
   * hdnd (`@hdnd/import`'s `importFile`, a third-party adapter) offer their own Promise functions.
   *
   * @example
   * ```ts
   * import { HdndClient, Store } from "@hdnd/core"
   * import * as Effect from "effect/Effect"
   *
   * const client = await HdndClient.open()
   * const structure = await client.run(Effect.flatMap(Store.Store, (s) => Store.structure(s)))
   * console.log(structure.councils.size)
   * await client.close()
   * ```
   *
   * @since 0.2.0
   */
  run<A, E>(effect: Effect.Effect<A, E, Store>): Promise<A> {
    if (this.closed) {
      return Promise.reject(
        new StoreError({
          operation: "closed",
          vi: "ứng dụng đã đóng kết nối tới kho dữ liệu (close); hãy mở lại bằng HdndClient.open hoặc openClient",
          en: "the client was closed (close); open a new one with HdndClient.open or openClient"
        })
      )
    }
    return settle(this.runtime.runPromiseExit(effect))
  }

  /**
   * Decodes (NFC, every problem reported at once) and writes a batch given in its JSON encoding.
   * Rejects with `DecodeError` or `ValidationError`; nothing is written then. Units, councils, terms
   * and organs of a level that ceased, given without an end date, end on the level's last day
   * (`Historic.close`); the result's `notices` say which (since 0.2.0).
   */
  load(batch: unknown): Promise<Historic.UpsertWithNotices> {
    return this.run(Effect.flatMap(fromResult(decodeBatch(batch)), Historic.upsert))
  }

  /** Writes an already-decoded batch, closing historic records as {@link HdndClient.load} does. */
  upsert(batch: Batch): Promise<Historic.UpsertWithNotices> {
    return this.run(Historic.upsert(batch))
  }

  /**
   * Reads one record by its kind (`"activities"`, `"councils"` …) and id, both plain strings.
   * Rejects with `DecodeError` for an unknown kind or a malformed id, `NotFoundError` when there is
   * no such record.
   */
  get<K extends EntityKind>(kind: K, id: string): Promise<EntityOf<K>> {
    return this.run(
      Effect.gen(function* () {
        yield* fromResult(decodeKind(kind))
        yield* fromResult(decodeId(kind, id))
        const store = yield* Store
        return yield* store.get(kind, id)
      })
    )
  }

  /**
   * Reads the records of a collection that match a filter (plain JSON: council ids, a date range,
   * activity kinds). Rejects with `DecodeError` for an unknown kind or a bad filter.
   */
  list<K extends EntityKind>(kind: K, filter?: ListFilterInput | StreamFilter): Promise<ReadonlyArray<EntityOf<K>>> {
    return this.run(
      Effect.gen(function* () {
        yield* fromResult(decodeKind(kind))
        const decoded = filter === undefined ? undefined : yield* fromResult(decodeFilter(filter))
        const store = yield* Store
        return yield* Stream.runCollect(store.stream(kind, decoded as StreamFilter | undefined))
      })
    )
  }

  /**
   * Tabulates. The request may be plain JSON ({@link TabulationRequestInput}, with a scope
   * shorthand); rejects with `DecodeError` for a bad request and `TabulationError` for one that
   * cannot be answered (an unknown indicator or unit).
   */
  tabulate(request: TabulationRequestInput | TabulationRequest | unknown): Promise<Tabulation> {
    return this.run(
      Effect.gen(function* () {
        const decoded = yield* fromResult(decodeRequest(normaliseRequest(request)))
        const store = yield* Store
        return yield* store.tabulate(decoded)
      })
    )
  }

  /**
   * The records behind every figure of a traced tabulation (tabulate with `trace: true`), as one
   * table: for each cell, each activity counted (id, date, kind, title) and each tally added. Rejects
   * with `TabulationError` of code `not-traced` for an untraced tabulation.
   *
   * @since 0.2.0
   */
  drillDown(tabulation: Tabulation): Promise<DocTable> {
    return this.run(
      Effect.gen(function* () {
        if (!tabulation.traced) {
          return yield* Effect.fail(
            new TabulationError({
              code: "not-traced",
              vi: "bảng tổng hợp không có truy vết; hãy tổng hợp với trace: true",
              en: "the tabulation was not traced; tabulate with trace: true"
            })
          )
        }
        const store = yield* Store
        const activityIds = new Set<string>()
        const tallyIds = new Set<string>()
        for (const cell of tabulation.cells.values()) {
          for (const a of cell.activities) activityIds.add(a)
          for (const t of cell.tallies) tallyIds.add(t.id)
        }
        yield* fromResult(decodeActivityIds([...activityIds]))
        // Each record looked up by id; one that is gone is listed by id alone (as `drillDown` does).
        const lookup = <K extends "activities" | "tallies">(kind: K, ids: ReadonlySet<string>) =>
          Effect.map(
            Effect.forEach([...ids], (id) => store.get(kind, id).pipe(Effect.map(Option.some), Effect.catchTag("NotFoundError", () => Effect.succeed(Option.none()))), { concurrency: 8 }),
            (found) => new Map(found.flatMap((o) => (Option.isSome(o) ? [[o.value.id as string, o.value] as const] : [])))
          )
        const activities = yield* lookup("activities", activityIds)
        const tallies = yield* lookup("tallies", tallyIds)
        return drillDown(tabulation, store.registry, activities, tallies)
      })
    )
  }

  /**
   * Renders a template (by id) over a tabulation into a report document. Rejects with
   * `NotFoundError` for an unknown template and `ReportError` when the template cannot be rendered
   * over this tabulation.
   *
   * @since 0.2.0
   */
  render(template: string, tabulation: Tabulation, options: RenderOptionsInput = {}): Promise<ReportDocument> {
    return this.run(
      Effect.gen(function* () {
        const store = yield* Store
        const t = store.registry.templates.get(template as TemplateId)
        if (t === undefined) return yield* Effect.fail(new NotFoundError({ entity: "ReportTemplate", id: template }))
        const renderOptions = yield* decodeRenderOptions(options)
        return yield* fromResult(Report.render(t, tabulation, store.registry, renderOptions))
      })
    )
  }

  /**
   * Tabulates what a template needs and renders it into a report document. The request may be
   * plain JSON (string ids and dates, a scope shorthand such as `{ council: "…" }`).
   */
  report(template: TemplateId | string, request: ReportRequest): Promise<ReportDocument> {
    return this.run(
      Effect.gen(function* () {
        const store = yield* Store
        const t = store.registry.templates.get(template as TemplateId)
        if (t === undefined) return yield* Effect.fail(new NotFoundError({ entity: "ReportTemplate", id: template }))
        const scope = yield* fromResult(decodeScope(normaliseScope(request.scope)))
        const period = yield* fromResult(decodePeriod(request.period))
        const sessions = yield* fromResult(decodeSessions(request.sessions))
        const renderOptions = yield* decodeRenderOptions(request)
        // The report's request and one per set of sessions that a placeholder names (`session=`).
        const tabs = yield* Report.tabulate(store, t, scope, period, sessions === undefined ? {} : { sessions })
        return yield* fromResult(Report.render(t, tabs, store.registry, renderOptions))
      })
    )
  }

  /** The document as Markdown. */
  markdown(doc: ReportDocument): string {
    return ReportText.toMarkdown(doc)
  }

  /** The document as plain text. */
  text(doc: ReportDocument): string {
    return ReportText.toText(doc)
  }

  /**
   * Releases the store (closes files and connections). Closing twice does nothing; any call after
   * closing rejects with `StoreError` of code `hdnd/store/closed`.
   */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.runtime.dispose()
  }
}

/**
 * Encodes a batch to JSON-ready data (the inverse of {@link HdndClient.load}'s decoding).
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeBatch = Schema.encodeSync(Batch)
