/**
 * Reading and decoding files in a worker thread (node:worker_threads) while the calling thread writes
 * the batches: the two halves of a bulk import run on two cores at once. The worker reads, parses and
 * decodes the files exactly as `Import.run` does in one thread (`Source.openAll`, `Decode.decode`, the
 * batching of `Batches.collectBatches`) and posts, in file order, each batch of records and each
 * rejected row; the calling thread writes and validates them as before. Nothing of the
 * all-or-nothing semantics moves: every write still happens in the calling thread's transaction.
 *
 * - **Locations.** A batch carries, for each record, its kind, source and row (three integers), and
 *   each source's column map is sent once, so that a validation problem found while writing is placed
 *   at its file, row and column as in one thread (`Batches.locate`). Rejected rows carry their located
 *   problems (as `ImportError.problemsToJSON`) and their cells.
 * - **Backpressure.** The worker posts a message (a batch and the rejections before it) only while
 *   fewer than {@link IN_FLIGHT} are unread; the reader acknowledges each one as it takes it. At most
 *   that many batches wait, one is being written and one is being decoded: memory does not grow with
 *   the file.
 * - **Records.** Structured cloning keeps a record's fields and loses its class: the reader gives each
 *   record back the prototype of its entity's schema class, so the store sees the same values as when
 *   decoded in one thread.
 * - **The worker's code** is this very module (`import.meta.url`): in the published package
 *   `dist/index.js`, in the CLI's bundle the chunk that holds it, and in the sources (tests) this
 *   TypeScript file, run with tsx's loader and the `@hdnd/source` condition.
 *
 * Used by `Import.run` with `worker: true` when every input is a file path.
 */
import type { Registry as RegistryModel } from "@hdnd/core"
import { Dataset } from "@hdnd/core"
import * as fs from "node:fs"
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads"
import type { MessagePort } from "node:worker_threads"
import type { Chunk, Origins } from "./../Batches.js"
import { originsOf } from "./../Batches.js"
import type { Accepted, ColumnMap, Decoded, DecodeOptions, Rejected } from "./../Decode.js"
import { decode } from "./../Decode.js"
import type { HeaderMapping } from "./../HeaderMapping.js"
import { fromUnknown, problemsFromJSON, problemsToJSON } from "./../ImportError.js"
import type { OpenOptions } from "./../Source.js"
import { openAll } from "./../Source.js"
import { chunksOf } from "./chunked.js"

/** What marks a worker started by {@link batchesInWorker} (other workers may load this module). */
const MARK = "@hdnd/import/decode-worker"

/**
 * How many posted messages (each at most one batch) may wait unread: the worker waits for the
 * reader beyond that.
 */
export const IN_FLIGHT = 2

/** Above this many rejected rows without a batch, the worker posts them anyway. */
const REJECTED_PER_MESSAGE = 1000

/** Files read in chunks of 64 KiB (as `Input.chunks`). */
const READ_CHUNK = 64 * 1024

/** What the worker needs, sent once as its `workerData` (structured-cloneable). */
interface Setup {
  readonly [MARK]: true
  readonly paths: ReadonlyArray<string>
  readonly open: OpenOptions
  readonly decode: Pick<DecodeOptions, "entity" | "council" | "mapping" | "mappings">
  /** The store's structure, for the resolver. */
  readonly dataset: Partial<Record<Dataset.EntityKind, ReadonlyArray<unknown>>>
  /** What the decoder reads of the registry. */
  readonly registry: RegistryModel.RegistryInput
  readonly batchSize: number
}

/** A rejected row on the wire: its problems as JSON data. */
type WireRejected = Omit<Rejected, "problems"> & { readonly problems: unknown }

/**
 * A batch on the wire: the records by kind as JSON text (copied across as one string, and parsed
 * about twice as fast as a structured clone is rebuilt, on the thread that also writes), and for
 * each record in order [kind, source, row]. A record holds only JSON values: text, numbers,
 * booleans, arrays and plain objects (the decoder builds them so).
 */
interface WireBatch {
  readonly _tag: "Batch"
  readonly batch: string
  readonly size: number
  readonly meta: Int32Array
}

/** A source (file or sheet) the first time one of its records is sent. */
interface WireSource {
  readonly id: number
  readonly file: string
  readonly sheet?: string
  readonly columns: ReadonlyArray<readonly [string, { readonly column: string; readonly header: string }]>
}

/** What the worker posts. */
type Message =
  | { readonly t: "items"; readonly items: ReadonlyArray<WireBatch | WireRejected>; readonly sources: ReadonlyArray<WireSource>; readonly bytes: number }
  | { readonly t: "done"; readonly bytes: number }
  | { readonly t: "fail"; readonly message: string; readonly stack?: string | undefined }

const kindIndex = new Map(Dataset.entityKinds.map((k, i) => [k, i]))

/** The prototype each entity's records are instances of (its schema class), if any. */
const prototypes = Dataset.entityKinds.map((k) => {
  const schema = Dataset.entitySchemas[k] as unknown
  return typeof schema === "function" && typeof (schema as { prototype?: unknown }).prototype === "object" ? ((schema as { prototype: object }).prototype) : undefined
})

/** Gives cloned records of a kind back their class. */
const restore = (kind: Dataset.EntityKind, records: ReadonlyArray<unknown>): void => {
  const proto = prototypes[kindIndex.get(kind) as number]
  if (proto === undefined) return
  for (let i = 0; i < records.length; i++) Object.setPrototypeOf(records[i] as object, proto)
}

/** A file's bytes in chunks, counting them into `counter`. */
const counted = (path: string, counter: { bytes: number }): AsyncIterable<Uint8Array> => ({
  async *[Symbol.asyncIterator]() {
    const stream = fs.createReadStream(path, { highWaterMark: READ_CHUNK })
    try {
      for await (const chunk of stream) {
        counter.bytes += (chunk as Buffer).length
        yield chunk as Buffer
      }
    } finally {
      stream.destroy()
    }
  }
})

/** The worker: decodes the files and posts batches and rejections, waiting while {@link IN_FLIGHT} are unread. */
const serve = async (port: MessagePort, setup: Setup): Promise<void> => {
  let credit = IN_FLIGHT
  let wake: (() => void) | undefined
  port.on("message", () => {
    credit++
    wake?.()
    wake = undefined
  })
  const counter = { bytes: 0 }
  const post = async (message: Message): Promise<void> => {
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve))
    credit--
    port.postMessage(message, message.t === "items" ? message.items.flatMap((i) => (i._tag === "Batch" ? [i.meta.buffer as ArrayBuffer] : [])) : [])
  }
  try {
    const dataset = Dataset.makeEmpty() as unknown as Record<Dataset.EntityKind, Map<string, unknown>>
    for (const kind of Dataset.entityKinds) {
      const records = setup.dataset[kind] ?? []
      restore(kind, records)
      for (const r of records) dataset[kind].set((r as { readonly id: string }).id, r)
    }
    // What the resolver reads of the registry: the activity kinds, committee kinds and indicators.
    const registry: RegistryModel.Registry = {
      activityKinds: new Map([...(setup.registry.activityKinds ?? [])].map((k) => [k.id, k])),
      committeeKinds: new Map([...(setup.registry.committeeKinds ?? [])].map((k) => [k.id, k])),
      committeeRules: [],
      indicators: new Map([...(setup.registry.indicators ?? [])].map((i) => [i.id, i])),
      templates: new Map()
    }
    const decoded = decode(
      openAll(
        setup.paths.map((p) => ({ name: p, data: counted(p, counter) })),
        setup.open
      ),
      { ...setup.decode, dataset: dataset as unknown as Dataset.Dataset, registry }
    )
    const limit = Math.max(1, Math.floor(setup.batchSize))
    const sourceIds = new Map<ColumnMap, number>()
    let sources: Array<WireSource> = []
    let items: Array<WireBatch | WireRejected> = []
    let rejected = 0
    let records: Partial<Record<Dataset.EntityKind, Array<unknown>>> = {}
    let meta: Array<number> = []
    let size = 0
    /** Posts what is waiting: the rejections so far and, with `batch`, the batch being filled. */
    const flush = async (batch: boolean): Promise<void> => {
      if (batch && size > 0) {
        items.push({ _tag: "Batch", batch: JSON.stringify(records), size, meta: Int32Array.from(meta) })
        records = {}
        meta = []
        size = 0
      }
      if (items.length === 0) return
      const message: Message = { t: "items", items, sources, bytes: counter.bytes }
      items = []
      sources = []
      rejected = 0
      await post(message)
    }
    const sourceOf = (item: Accepted): number => {
      let id = sourceIds.get(item.columns)
      if (id === undefined) {
        id = sourceIds.size
        sourceIds.set(item.columns, id)
        sources.push({ id, file: item.file, ...(item.sheet === undefined ? {} : { sheet: item.sheet }), columns: [...item.columns] })
      }
      return id
    }
    for await (const chunk of chunksOf<Decoded>(decoded)) {
      for (const item of chunk) {
        if (item._tag === "Rejected") {
          // As `collectBatches`: a rejection goes out at once, before the batch being filled.
          items.push({ ...item, problems: problemsToJSON(item.problems) })
          if (++rejected >= REJECTED_PER_MESSAGE) await flush(false)
          continue
        }
        const list = records[item.kind] ?? (records[item.kind] = [])
        list.push(item.record)
        meta.push(kindIndex.get(item.kind) as number, sourceOf(item), item.row)
        if (++size >= limit) await flush(true)
      }
    }
    await flush(true)
    await post({ t: "done", bytes: counter.bytes })
  } catch (cause) {
    port.postMessage({ t: "fail", message: cause instanceof Error ? cause.message : String(cause), stack: cause instanceof Error ? cause.stack : undefined } satisfies Message)
  }
}

if (!isMainThread && parentPort !== null && (workerData as Partial<Setup> | null)?.[MARK] === true) {
  const port = parentPort
  // After the rest of the module graph (a bundle's chunk) has been evaluated.
  setImmediate(() => void serve(port, workerData as Setup))
}

/** The options of {@link batchesInWorker}. */
export interface WorkerImportOptions {
  readonly open: OpenOptions
  readonly decode: Pick<DecodeOptions, "entity" | "council" | "mapping" | "mappings">
  readonly dataset: Dataset.Dataset
  readonly registry: RegistryModel.Registry
  readonly batchSize: number
}

/**
 * The batches and rejections of {@link batchesInWorker}; the bytes the worker had read when it
 * posted the last message taken, how many posted messages wait unread (at most {@link IN_FLIGHT}),
 * and whether its thread is running (from the first read until the thread has exited).
 */
export interface WorkerBatches {
  readonly items: AsyncIterable<Chunk | Rejected>
  readonly read: { readonly bytes: number; readonly queued: number; readonly running: boolean }
}

/** Only the fields the decoder reads of a header mapping (a plugin's mapping may hold more). */
const plainMapping = (m: HeaderMapping): HeaderMapping => ({ id: m.id, entity: m.entity, columns: m.columns })

/**
 * An entry of the registry without what cannot be sent to a thread (an activity kind's attribute
 * schema, an indicator's functions): the decoder reads only names and ids (`Resolve.ts`).
 */
const plain = <A extends object>(entry: A): A => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(entry)) {
    try {
      out[key] = structuredClone(value)
    } catch {
      // Left out: the decoder does not read it.
    }
  }
  return out as A
}

/**
 * The setup of a worker, or `undefined` when part of it cannot be sent to another thread (a
 * registry entry or a mapping holding a function): the caller then decodes in its own thread.
 */
export const setupOf = (paths: ReadonlyArray<string>, options: WorkerImportOptions): Setup | undefined => {
  const dataset: Partial<Record<Dataset.EntityKind, ReadonlyArray<unknown>>> = {}
  for (const kind of Dataset.entityKinds) {
    if (kind === "activities" || kind === "tallies") continue
    const m = options.dataset[kind] as ReadonlyMap<string, unknown> | undefined
    if (m !== undefined && m.size > 0) dataset[kind] = [...m.values()]
  }
  const { mapping, mappings, ...rest } = options.decode
  const setup: Setup = {
    [MARK]: true,
    paths,
    open: options.open,
    decode: {
      ...rest,
      ...(mapping === undefined ? {} : { mapping: plainMapping(mapping) }),
      ...(mappings === undefined ? {} : { mappings: mappings.map(plainMapping) })
    },
    dataset,
    registry: {
      activityKinds: [...options.registry.activityKinds.values()].map(plain),
      committeeKinds: [...options.registry.committeeKinds.values()].map(plain),
      indicators: [...options.registry.indicators.values()].map(plain)
    },
    batchSize: options.batchSize
  }
  try {
    structuredClone(setup.registry)
    structuredClone(setup.decode)
    structuredClone(setup.open)
    return setup
  } catch {
    return undefined
  }
}

/** How the worker is started: this module, with tsx's loader when it is the TypeScript source. */
const workerOf = (setup: Setup): Worker => {
  const self = new URL(import.meta.url)
  const source = self.pathname.endsWith(".ts")
  const execArgv = source ? ["--import", import.meta.resolve("tsx"), "--conditions=@hdnd/source"] : []
  return new Worker(self, { workerData: setup, execArgv, stdout: false, stderr: false })
}

/**
 * Reads and decodes `paths` in a worker thread: the batches (of `batchSize` records) and the
 * rejected rows, in file order, as `Batches.collectBatches(Decode.decode(Source.openAll(…)))` gives
 * them in one thread. Returns `undefined` when the setup cannot be sent to a thread (see
 * {@link setupOf}). The worker starts on the first read, and is stopped when the iteration ends,
 * fails or is abandoned (`return`).
 */
export const batchesInWorker = (paths: ReadonlyArray<string>, options: WorkerImportOptions): WorkerBatches | undefined => {
  const setup = setupOf(paths, options)
  if (setup === undefined) return undefined
  const read = { bytes: 0, queued: 0, running: false }
  const items: AsyncIterable<Chunk | Rejected> = {
    [Symbol.asyncIterator]() {
      let worker: Worker | undefined
      const inbox: Array<Message> = []
      let failure: Error | undefined
      let finished = false
      let waiting: (() => void) | undefined
      const sourceTable = new Map<number, WireSource>()
      let pending: Array<Chunk | Rejected> = []
      let at = 0
      const wakeUp = () => {
        waiting?.()
        waiting = undefined
      }
      const stop = () => {
        finished = true
        const w = worker
        worker = undefined
        if (w !== undefined) void w.terminate()
      }
      const start = () => {
        const w = workerOf(setup)
        w.on("message", (m: Message) => {
          inbox.push(m)
          read.queued = inbox.length
          wakeUp()
        })
        w.on("error", (e) => {
          failure ??= e
          wakeUp()
        })
        w.on("exit", (code) => {
          read.running = false
          if (!finished) failure ??= new Error(`the import's worker thread stopped (exit code ${code})`)
          wakeUp()
        })
        worker = w
        read.running = true
      }
      const chunkOf = (b: WireBatch): Chunk => {
        const batch = JSON.parse(b.batch) as Dataset.Batch
        for (const kind of Dataset.entityKinds) {
          const list = batch[kind] as ReadonlyArray<unknown> | undefined
          if (list !== undefined) restore(kind, list)
        }
        let origins: Origins | undefined
        return {
          _tag: "Batch",
          batch,
          size: b.size,
          get origins() {
            return (origins ??= originsOf(acceptedOf(batch, b.meta, sourceTable)))
          }
        }
      }
      const take = (m: Extract<Message, { t: "items" }>) => {
        for (const s of m.sources) sourceTable.set(s.id, s)
        read.bytes = m.bytes
        pending = m.items.map((i) => (i._tag === "Batch" ? chunkOf(i) : ({ ...i, problems: problemsFromJSON(i.problems) } as Rejected)))
        at = 0
      }
      return {
        async next(): Promise<IteratorResult<Chunk | Rejected>> {
          for (;;) {
            if (at < pending.length) {
              const item = pending[at++] as Chunk | Rejected
              if (at === pending.length) pending = []
              return { done: false, value: item }
            }
            if (finished) return { done: true, value: undefined }
            if (worker === undefined) start()
            const m = inbox.shift()
            read.queued = inbox.length
            if (m === undefined) {
              if (failure !== undefined) {
                stop()
                throw fromUnknown("", failure, "import.internal")
              }
              await new Promise<void>((resolve) => (waiting = resolve))
              continue
            }
            switch (m.t) {
              case "items":
                // Taken: the worker may post one more.
                worker?.postMessage(0)
                take(m)
                break
              case "done":
                read.bytes = m.bytes
                stop()
                break
              case "fail": {
                stop()
                const e = new Error(m.message)
                if (m.stack !== undefined) e.stack = m.stack
                throw fromUnknown("", e, "import.internal")
              }
            }
          }
        },
        async return(): Promise<IteratorResult<Chunk | Rejected>> {
          stop()
          pending = []
          wakeUp()
          return { done: true, value: undefined }
        }
      }
    }
  }
  return { items, read }
}

/** The accepted rows of a batch from the wire, for its origins (only a batch with problems needs them). */
const acceptedOf = (batch: Dataset.Batch, meta: Int32Array, sources: ReadonlyMap<number, WireSource>): ReadonlyArray<Accepted> => {
  const cursors = new Map<Dataset.EntityKind, number>()
  const columnMaps = new Map<number, ColumnMap>()
  const out: Array<Accepted> = []
  for (let i = 0; i < meta.length; i += 3) {
    const kind = Dataset.entityKinds[meta[i] as number] as Dataset.EntityKind
    const source = sources.get(meta[i + 1] as number) as WireSource
    const n = cursors.get(kind) ?? 0
    cursors.set(kind, n + 1)
    let columns = columnMaps.get(source.id)
    if (columns === undefined) {
      columns = new Map(source.columns)
      columnMaps.set(source.id, columns)
    }
    out.push({
      _tag: "Record",
      kind,
      record: (batch[kind] as ReadonlyArray<never>)[n] as never,
      file: source.file,
      ...(source.sheet === undefined ? {} : { sheet: source.sheet }),
      row: meta[i + 2] as number,
      columns
    })
  }
  return out
}
