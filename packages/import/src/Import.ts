/**
 * The whole import job, from files to a store: read and decode the files (streamed), group the
 * records into batches, write them, and account for every row that was rejected and why.
 *
 * - **all-or-nothing** (the default): the whole import is one store transaction. Every file is read
 *   to its end so that every problem is reported, and if there was any, nothing is written.
 * - **skip-invalid**: every batch is its own transaction; rejected rows are left out (and reported),
 *   the rest is written.
 * - **dry run** (`hdnd validate`): as all-or-nothing, then undone whatever happened: the full error
 *   report, checked against what the store holds, and nothing written.
 *
 * Interrupting the job (Ctrl-C) undoes the transaction in progress: with all-or-nothing the whole
 * import, with skip-invalid the batch being written.
 *
 * @since 0.1.0
 */
import { Dataset, Errors, Historic, Store } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Stream from "effect/Stream"
import type { Chunk } from "./Batches.js"
import { collectBatches, locate, originKey } from "./Batches.js"
import type { Rejected } from "./Decode.js"
import { decode } from "./Decode.js"
import type { HeaderMapping } from "./HeaderMapping.js"
import type { ImportProblem } from "./ImportError.js"
import { fromUnknown, ImportError, toProblem } from "./ImportError.js"
import { batchesInWorker } from "./internal/worker.js"
import type { Input } from "./Input.js"
import type { OpenOptions } from "./Source.js"
import { openAll } from "./Source.js"

/**
 * How an import treats rejected rows.
 *
 * @since 0.1.0
 * @category models
 */
export type Mode = "all-or-nothing" | "skip-invalid"

/**
 * A rejected row (or a whole rejected source, when `fatal`) with its problems, and the record it
 * would have been when it was rejected by validation rather than by decoding.
 *
 * @since 0.1.0
 * @category models
 */
export interface Rejection {
  readonly rejected: Rejected
  /** The decoded record, for rows rejected by cross-record validation. */
  readonly record?: unknown
}

/**
 * Progress so far.
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  /** Rows read (accepted and rejected). */
  readonly rows: number
  /** Rows rejected so far. */
  readonly rejected: number
  /** Records written so far (inside the transaction, for all-or-nothing). */
  readonly written: number
  /**
   * Bytes of the files read so far, when the import reads them itself in a worker thread
   * (`ImportOptions.worker`); otherwise `undefined`.
   *
   * @since 0.2.0
   */
  readonly bytes?: number
}

/**
 * Options of {@link run}.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportOptions extends OpenOptions {
  readonly mode?: Mode
  /** Validate and undo: nothing is written. */
  readonly dryRun?: boolean
  /** Records per batch (default 5,000). */
  readonly batchSize?: number
  /** The entity of every file (otherwise told by each file's name, sheet or headers). */
  readonly entity?: Dataset.EntityKind
  /** The council of rows that leave it empty (an id or a name). */
  readonly council?: string
  /**
   * The header mapping of every file (a plugin's importer mapping): the files' headers are renamed
   * by it before they are matched (headers it does not name are kept), and its entity is the entity
   * of every file. Problems still name the files' own headers. See `Decode.DecodeOptions`.
   */
  readonly mapping?: HeaderMapping
  /**
   * Header mappings to try on a file whose headers are not interchange headers: the only one that
   * names every header is used (usually the importer mappings of the loaded plugins).
   */
  readonly mappings?: ReadonlyArray<HeaderMapping>
  /**
   * Read and decode the files in a worker thread (node:worker_threads) while this thread writes the
   * batches, so that a large import uses two cores. Only when every input is a file path; otherwise
   * (or when the registry or a mapping cannot be sent to a thread: it holds functions) the files are
   * decoded in this thread, as without it. Nothing else changes: the same batches, rejections,
   * problem locations and summary, and all-or-nothing still undoes everything. Starting the worker
   * costs a fraction of a second, so it pays for large files only. Default `false`.
   *
   * @since 0.2.0
   */
  readonly worker?: boolean
  /** Called after every batch. */
  readonly onProgress?: (progress: Progress) => void
  /** Called for every rejected row, in order (to write a rejects file). */
  readonly onRejected?: (rejection: Rejection) => Effect.Effect<void>
  /** How many problems the summary keeps (all are counted and passed to `onRejected`). Default 1,000. */
  readonly keepProblems?: number
}

/**
 * A record the import ended on the last day of its level (`Historic.close`: a district-level unit,
 * council, term or organ entered without an end date), and the row it came from.
 *
 * @since 0.2.0
 * @category models
 */
export interface ClosedRow {
  readonly record: Historic.ClosedRecord
  readonly file: string
  readonly sheet?: string
  readonly row?: number
}

/**
 * What an import did.
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  /** Data rows read. */
  readonly rows: number
  /** Rows rejected (by decoding or by validation), and sources rejected whole. */
  readonly rejected: number
  /** Whether the writes were kept (false for a dry run, and for all-or-nothing with a rejection). */
  readonly committed: boolean
  /** Records written (for a dry run: that would have been written); 0 when an import was undone. */
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
  /** The first problems (see `keepProblems`), in order. */
  readonly problems: ReadonlyArray<ImportProblem>
  /** Every problem found, including those not kept. */
  readonly problemCount: number
  /**
   * Notices (not errors): records of a level that ceased, entered without an end date and written
   * (or, for a dry run, that would be) ended on the level's last day; empty when none was.
   */
  readonly notices: ReadonlyArray<Historic.HistoricNotice>
  /** The rows of the records the notices list, in order. */
  readonly closed: ReadonlyArray<ClosedRow>
}

/** Thrown through the transaction to undo it. */
class Undo {
  readonly _tag = "Undo"
}

const without = (batch: Dataset.Batch, drop: ReadonlySet<string>): { readonly batch: Dataset.Batch; readonly size: number } => {
  const out: Record<string, Array<unknown>> = {}
  let size = 0
  for (const kind of Dataset.entityKinds) {
    const records = batch[kind] as ReadonlyArray<{ readonly id: string }> | undefined
    if (records === undefined) continue
    const kept = records.filter((r) => !drop.has(originKey(Dataset.entityNames[kind], r.id)))
    if (kept.length > 0) out[kind] = kept
    size += kept.length
  }
  return { batch: out as Dataset.Batch, size }
}

/**
 * Imports files into the store in context. Fails only with a store error (or an interruption);
 * every problem of the data is in the summary.
 *
 * @example
 * ```ts
 * import { Import } from "@hdnd/import"
 * import { SqliteStore } from "@hdnd/store-sqlite"
 * import * as Effect from "effect/Effect"
 *
 * const program = Import.run(["don-vi.csv", "hdnd.csv", "co-quan.csv", "ky-hop.csv", "hoat-dong.xlsx"], {
 *   mode: "all-or-nothing", // or "skip-invalid"; dryRun: true only checks
 *   onProgress: (p) => Effect.sync(() => console.error(`${p.rows} rows`))
 * })
 * const summary = await Effect.runPromise(Effect.provide(program, SqliteStore.layer({ filename: "hdnd.sqlite" })))
 * for (const p of summary.problems) console.error(p.describe("vi")) // file, row, column, and how to fix it
 * ```
 *
 * @since 0.1.0
 * @category import
 */
export const run = (inputs: ReadonlyArray<Input>, options: ImportOptions = {}): Effect.Effect<Summary, Errors.StoreError, Store.Store> =>
  Effect.gen(function* () {
    const store = yield* Store.Store
    const mode = options.mode ?? "all-or-nothing"
    const dryRun = options.dryRun === true
    const keep = options.keepProblems ?? 1000
    const dataset = yield* Store.structure(store)
    const counts = { rows: 0, rejected: 0, inserted: 0, updated: 0, unchanged: 0, problemCount: 0 }
    const problems: Array<ImportProblem> = []
    // The units and councils the closing of historic records looks up: the store's, then those written.
    const known = { units: new Map<string, unknown>(dataset.units), councils: new Map<string, unknown>(dataset.councils) } as unknown as {
      units: Map<string, NonNullable<Dataset.Batch["units"]>[number]>
      councils: Map<string, NonNullable<Dataset.Batch["councils"]>[number]>
    }
    const closed: Array<ClosedRow> = []

    const reject = (rejection: Rejection) =>
      Effect.suspend(() => {
        const r = rejection.rejected
        counts.rejected++
        counts.problemCount += r.problems.length
        for (const p of r.problems) if (problems.length < keep) problems.push(p)
        return options.onRejected === undefined ? Effect.void : options.onRejected(rejection)
      })

    // The files read and decoded in a worker thread, when asked and possible (internal/worker.ts).
    const paths = inputs.filter((i): i is string => typeof i === "string")
    const inWorker =
      options.worker === true && paths.length === inputs.length && paths.length > 0
        ? batchesInWorker(paths, {
            open: {
              ...(options.format === undefined ? {} : { format: options.format }),
              ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
              ...(options.maxRecordLength === undefined ? {} : { maxRecordLength: options.maxRecordLength }),
              ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
              ...(options.xlsxLimits === undefined ? {} : { xlsxLimits: options.xlsxLimits })
            },
            decode: {
              ...(options.entity === undefined ? {} : { entity: options.entity }),
              ...(options.council === undefined ? {} : { council: options.council }),
              ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
              ...(options.mappings === undefined ? {} : { mappings: options.mappings })
            },
            dataset,
            registry: store.registry,
            batchSize: options.batchSize ?? 5000
          })
        : undefined

    const progress = () =>
      options.onProgress?.({
        rows: counts.rows,
        rejected: counts.rejected,
        written: counts.inserted + counts.updated + counts.unchanged,
        ...(inWorker === undefined ? {} : { bytes: inWorker.read.bytes })
      })

    /** Writes a chunk; on validation problems, rejects the records they are about and tries the rest. */
    const write = (chunk: Chunk): Effect.Effect<void, Errors.StoreError> =>
      Effect.gen(function* () {
        const historic = Historic.close(chunk.batch, known)
        let batch = historic.batch
        let size = chunk.size
        while (size > 0) {
          const result = yield* Effect.result(store.upsert(batch))
          if (Result.isSuccess(result)) {
            counts.inserted += result.success.inserted
            counts.updated += result.success.updated
            counts.unchanged += result.success.unchanged
            for (const u of batch.units ?? []) known.units.set(u.id, u)
            for (const c of batch.councils ?? []) known.councils.set(c.id, c)
            for (const record of historic.notice?.records ?? []) {
              if (!(batch[record.kind] ?? []).some((r) => r.id === record.id)) continue
              const origin = chunk.origins.get(originKey(Dataset.entityNames[record.kind], record.id))
              closed.push({ record, file: origin?.file ?? "", ...(origin?.sheet === undefined ? {} : { sheet: origin.sheet }), ...(origin === undefined ? {} : { row: origin.row }) })
            }
            return
          }
          const error = result.failure
          if (error._tag !== "ValidationError") return yield* Effect.fail(error)
          const located = locate(error.problems, chunk.origins)
          // Problems by the batch record they are about; a problem about a stored record (which the
          // batch invalidates) falls on every record of the batch.
          const byRecord = new Map<string, Array<ImportProblem>>()
          const orphans: Array<ImportProblem> = []
          located.forEach((p, i) => {
            const core = error.problems[i] as Errors.Problem
            const key = core.id === undefined ? undefined : originKey(core.entity, core.id)
            if (key !== undefined && chunk.origins.has(key)) {
              const list = byRecord.get(key) ?? []
              list.push(p)
              byRecord.set(key, list)
            } else orphans.push(p)
          })
          if (byRecord.size === 0) for (const key of chunk.origins.keys()) byRecord.set(key, [])
          const records = new Map<string, unknown>()
          for (const kind of Dataset.entityKinds) {
            for (const r of (batch[kind] ?? []) as ReadonlyArray<{ readonly id: string }>) records.set(originKey(Dataset.entityNames[kind], r.id), r)
          }
          for (const [key, list] of byRecord) {
            if (!records.has(key)) continue
            const last = chunk.origins.get(key)
            const entity = key.slice(0, key.indexOf("\u0000"))
            const kind = Dataset.entityKinds.find((k) => Dataset.entityNames[k] === entity)
            // Every row of the record: rows with the same id (earlier ones first) all leave the batch.
            for (const origin of last === undefined ? [undefined] : [...(last.earlier ?? []), last]) {
              yield* reject({
                rejected: {
                  _tag: "Rejected",
                  ...(kind === undefined ? {} : { kind }),
                  file: origin?.file ?? "",
                  ...(origin?.sheet === undefined ? {} : { sheet: origin.sheet }),
                  ...(origin === undefined ? {} : { row: origin.row }),
                  fatal: false,
                  problems: [...list, ...orphans]
                },
                record: records.get(key)
              })
            }
          }
          const next = without(batch, new Set(byRecord.keys()))
          batch = next.batch
          size = next.size
        }
      })

    const batches =
      inWorker?.items ??
      collectBatches(
        decode(openAll(inputs, options), {
          dataset,
          registry: store.registry,
          ...(options.entity === undefined ? {} : { entity: options.entity }),
          ...(options.council === undefined ? {} : { council: options.council }),
          ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
          ...(options.mappings === undefined ? {} : { mappings: options.mappings })
        }),
        options.batchSize ?? 5000
      )
    const chunks = Stream.fromAsyncIterable(batches, (cause) => (cause instanceof ImportError ? cause : fromUnknown("", cause, "import.internal")))
    const body = Stream.runForEach(chunks, (item) =>
      Effect.gen(function* () {
        if (item._tag === "Rejected") {
          if (!item.fatal) counts.rows++
          yield* reject({ rejected: item })
          return
        }
        counts.rows += item.size
        // All-or-nothing goes on writing (inside its transaction) after a rejection, so that the
        // report lists every problem, validation included; the end undoes it all.
        yield* mode === "skip-invalid" && !dryRun ? store.transaction(write(item)) : write(item)
        progress()
      })
    ).pipe(
      Effect.catchTag("ImportError", (e) => reject({ rejected: { _tag: "Rejected", file: e.file, fatal: true, problems: [toProblem(e)] } }))
    )

    let committed: boolean
    if (mode === "skip-invalid" && !dryRun) {
      yield* body
      committed = true
    } else {
      const unit = Effect.andThen(body, Effect.suspend(() => (dryRun || counts.rejected > 0 ? Effect.fail(new Undo()) : Effect.void)))
      const outcome = yield* Effect.result(store.transaction(unit))
      if (Result.isFailure(outcome) && !(outcome.failure instanceof Undo)) return yield* Effect.fail(outcome.failure)
      committed = Result.isSuccess(outcome)
    }
    progress()
    return {
      rows: counts.rows,
      rejected: counts.rejected,
      committed,
      inserted: committed || dryRun ? counts.inserted : 0,
      updated: committed || dryRun ? counts.updated : 0,
      unchanged: committed || dryRun ? counts.unchanged : 0,
      problems,
      problemCount: counts.problemCount,
      notices: closed.length === 0 ? [] : [new Historic.HistoricNotice({ code: "closed-at-level-end", records: closed.map((c) => c.record) })],
      closed
    }
  })
