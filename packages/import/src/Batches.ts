/**
 * Grouping decoded records into core `Batch`es for a store, and placing the problems that
 * validating a batch finds (`Validation.validateBatch`) back at the file, row and column each
 * record came from.
 *
 * @since 0.1.0
 */
import type { Errors } from "@hdnd/core"
import { Dataset } from "@hdnd/core"
import type { Accepted, ColumnMap, Decoded, Rejected } from "./Decode.js"
import { chunksOf } from "./internal/chunked.js"
import { fieldColumn } from "./internal/record.js"
import type { ImportProblem } from "./ImportError.js"
import { importProblem } from "./ImportError.js"

/**
 * Where a record of a batch came from.
 *
 * @since 0.1.0
 * @category models
 */
export interface RecordOrigin {
  readonly file: string
  readonly sheet?: string
  readonly row: number
  readonly columns: ColumnMap
  /**
   * Earlier rows of the batch with the same entity and id (a duplicate id), which a problem about
   * the record is about too.
   *
   * @since 0.2.0
   */
  readonly earlier?: ReadonlyArray<RecordOrigin>
}

/**
 * The origins of a batch's records, by entity name (as in `Problem.entity`) and id.
 *
 * @since 0.1.0
 * @category models
 */
export type Origins = ReadonlyMap<string, RecordOrigin>

/**
 * A batch of records ready to write, with where each came from.
 *
 * @since 0.1.0
 * @category models
 */
export interface Chunk {
  readonly _tag: "Batch"
  readonly batch: Dataset.Batch
  readonly size: number
  /** Made on first use (only a batch with problems needs it), so a batch costs no map per record. */
  readonly origins: Origins
}

/**
 * The key of a record in {@link Origins}.
 *
 * @since 0.1.0
 * @category models
 */
export const originKey = (entity: string, id: string): string => `${entity}\u0000${id}`

/**
 * Groups the accepted records into batches of `size` records (the last one may be smaller), passing
 * rejected rows through in order, as soon as they come. A batch keeps its rows and works out their
 * {@link Origins} only when asked.
 *
 * @example
 * ```ts no-run
 * import type { Dataset } from "@hdnd/core"
 * import { Batches, Decode, Source } from "@hdnd/import"
 *
 * declare const dataset: Dataset.Dataset
 * for await (const chunk of Batches.collectBatches(Decode.decode(Source.open("hoat-dong.csv"), { dataset }), 1000)) {
 *   if (chunk._tag === "Rejected") for (const p of chunk.problems) console.error(p.describe("en"))
 *   else console.log(Object.keys(chunk.batch))
 * }
 * ```
 *
 * @since 0.1.0
 * @category batching
 */
export const collectBatches = (items: AsyncIterable<Decoded>, size: number): AsyncIterable<Chunk | Rejected> => ({
  async *[Symbol.asyncIterator]() {
    const limit = Math.max(1, Math.floor(size))
    let records: Partial<Record<Dataset.EntityKind, Array<unknown>>> = {}
    // The accepted rows themselves: their origins are looked up only when a batch has problems.
    let accepted: Array<Accepted> = []
    const flush = (): Chunk => {
      const rows = accepted
      let origins: Origins | undefined
      const chunk: Chunk = {
        _tag: "Batch",
        batch: records as Dataset.Batch,
        size: rows.length,
        get origins() {
          return (origins ??= originsOf(rows))
        }
      }
      records = {}
      accepted = []
      return chunk
    }
    // The decoded rows an array at a time when the decoder offers them so (one await per chunk of
    // the file rather than per row).
    for await (const chunk of chunksOf(items)) {
      for (const item of chunk) {
        if (item._tag === "Rejected") {
          yield item
          continue
        }
        const list = records[item.kind] ?? (records[item.kind] = [])
        list.push(item.record)
        accepted.push(item)
        if (accepted.length >= limit) yield flush()
      }
    }
    if (accepted.length > 0) yield flush()
  }
})

const withoutEarlier = ({ earlier: _, ...origin }: RecordOrigin): RecordOrigin => origin

/**
 * The origins of accepted rows, by entity name and id (a later row with the same id wins, and lists
 * the earlier ones): what a batch's `origins` are.
 *
 * @since 0.2.0
 * @category batching
 */
export const originsOf = (rows: ReadonlyArray<Accepted>): Origins => {
  const origins = new Map<string, RecordOrigin>()
  for (const item of rows) {
    const id = (item.record as { readonly id: string }).id
    const key = originKey(Dataset.entityNames[item.kind], id)
    const before = origins.get(key)
    origins.set(key, {
      file: item.file,
      ...(item.sheet === undefined ? {} : { sheet: item.sheet }),
      row: item.row,
      columns: item.columns,
      ...(before === undefined ? {} : { earlier: [...(before.earlier ?? []), withoutEarlier(before)] })
    })
  }
  return origins
}

/**
 * Places core problems (from validating a batch) at the file, row and column of their record. A
 * problem about a record that is not in `origins` (one already stored) keeps an empty file name.
 *
 * @since 0.1.0
 * @category batching
 */
export const locate = (problems: ReadonlyArray<Errors.Problem>, origins: Origins): ReadonlyArray<ImportProblem> =>
  problems.map((p) => {
    const origin = p.id === undefined ? undefined : origins.get(originKey(p.entity, p.id))
    const place = origin === undefined ? undefined : fieldColumn(p.field, origin.columns)
    return importProblem({
      entity: p.entity,
      id: p.id,
      field: p.field,
      code: p.code,
      vi: p.vi,
      en: p.en,
      file: origin?.file ?? "",
      sheet: origin?.sheet,
      row: origin?.row,
      column: place?.column,
      header: place?.header
    })
  })
