/**
 * The Promise API: a small client over a `ManagedRuntime` for apps that do not use Effect (Express,
 * NestJS, Next.js). The same operations as the Effect API, returning promises and rejecting with the
 * same typed errors (`DecodeError`, `ValidationError`, `TabulationError`, `ReportError` …).
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
import type { Period } from "./CalendarDate.js"
import * as DataPlugin from "./DataPlugin.js"
import type { EntityKind } from "./Dataset.js"
import { Batch, batchSize } from "./Dataset.js"
import { decodeWith, NotFoundError } from "./Errors.js"
import * as Historic from "./Historic.js"
import type { TemplateId } from "./Ids.js"
import * as MemoryStore from "./MemoryStore.js"
import type { Plugin } from "./Plugin.js"
import { isPlugin } from "./Plugin.js"
import * as PluginHost from "./PluginHost.js"
import * as Registry from "./Registry.js"
import * as Report from "./Report.js"
import type { ReportDocument } from "./ReportDocument.js"
import * as ReportText from "./ReportText.js"
import type { EntityOf, StreamFilter } from "./Store.js"
import { Store } from "./Store.js"
import type { Tabulation } from "./Tabulation.js"
import type { Scope } from "./TabulationRequest.js"
import { TabulationRequest } from "./TabulationRequest.js"

const decodeBatch = decodeWith(Batch, "Batch")
const decodeRequest = decodeWith(TabulationRequest, "TabulationRequest")

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
 * What {@link HdndClient.report} needs besides the template.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportRequest extends Report.RenderOptions {
  readonly scope: Scope
  readonly period: Period
  /** Count only what belongs to these sessions, whatever its date (since 0.2.0). */
  readonly sessions?: TabulationRequest["sessions"]
}

/**
 * A client for apps that use promises.
 *
 * @example
 * ```ts
 * const client = await HdndClient.open()
 * await client.load(jsonBatch)
 * const doc = await client.report("core/activity-summary", { scope, period })
 * console.log(client.markdown(doc))
 * await client.close()
 * ```
 *
 * @since 0.1.0
 * @category client
 */
export class HdndClient {
  private constructor(private readonly runtime: ManagedRuntime.ManagedRuntime<Store, unknown>) {}

  /** Opens a client on a store (the in-memory store by default), with plugins if given. */
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
    await runtime.runPromise(Effect.void)
    const client = new HdndClient(runtime)
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

  private async run<A, E>(effect: Effect.Effect<A, E, Store>): Promise<A> {
    const exit = await this.runtime.runPromiseExit(effect)
    if (Exit.isSuccess(exit)) return exit.value
    // Reject with hdnd's typed error itself (DecodeError, ValidationError, StoreError …), never a
    // wrapper; a defect or an interruption rejects with the squashed cause.
    const failure = Cause.findErrorOption(exit.cause)
    if (Option.isSome(failure)) throw failure.value
    throw Cause.squash(exit.cause)
  }

  /**
   * Decodes (NFC, every problem reported at once) and writes a batch given in its JSON encoding.
   * Rejects with `DecodeError` or `ValidationError`; nothing is written then. Units, councils, terms
   * and organs of a level that ceased, given without an end date, end on the level's last day
   * (`Historic.close`); the result's `notices` say which (since 0.2.0).
   */
  load(batch: unknown): Promise<Historic.UpsertWithNotices> {
    return this.run(
      Effect.gen(function* () {
        const decoded = decodeBatch(batch)
        if (Result.isFailure(decoded)) return yield* Effect.fail(decoded.failure)
        return yield* Historic.upsert(decoded.success)
      })
    )
  }

  /** Writes an already-decoded batch, closing historic records as {@link HdndClient.load} does. */
  upsert(batch: Batch): Promise<Historic.UpsertWithNotices> {
    return this.run(Historic.upsert(batch))
  }

  /** Reads one record; rejects with `NotFoundError`. */
  get<K extends EntityKind>(kind: K, id: string): Promise<EntityOf<K>> {
    return this.run(Effect.flatMap(Store, (s) => s.get(kind, id)))
  }

  /** Reads the records of a collection that match a filter. */
  list<K extends EntityKind>(kind: K, filter?: StreamFilter): Promise<ReadonlyArray<EntityOf<K>>> {
    return this.run(Effect.flatMap(Store, (s) => Stream.runCollect(s.stream(kind, filter))).pipe(Effect.map((c) => [...c])))
  }

  /** Tabulates; the request may be given in its JSON encoding. */
  tabulate(request: TabulationRequest | unknown): Promise<Tabulation> {
    return this.run(
      Effect.gen(function* () {
        const decoded = decodeRequest(request)
        if (Result.isFailure(decoded)) return yield* Effect.fail(decoded.failure)
        const store = yield* Store
        return yield* store.tabulate(decoded.success)
      })
    )
  }

  /** Tabulates what a template needs and renders it into a report document. */
  report(template: TemplateId | string, request: ReportRequest): Promise<ReportDocument> {
    return this.run(
      Effect.gen(function* () {
        const store = yield* Store
        const t = store.registry.templates.get(template as TemplateId)
        if (t === undefined) return yield* Effect.fail(new NotFoundError({ entity: "ReportTemplate", id: template }))
        const tab = yield* store.tabulate(Report.requestFor(t, request.scope, request.period, false, request.sessions))
        const doc = Report.render(t, tab, store.registry, request)
        return Result.isFailure(doc) ? yield* Effect.fail(doc.failure) : doc.success
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

  /** Releases the store (closes files and connections). */
  close(): Promise<void> {
    return this.runtime.dispose()
  }
}

/**
 * Encodes a batch to JSON-ready data (the inverse of {@link HdndClient.load}'s decoding).
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeBatch = Schema.encodeSync(Batch)
