/**
 * Helpers to run readers and the decoder in tests.
 */
import type { Decode, SourceRow } from "@hdnd/import"

/** Every item of an async iterable. */
export const collect = async <A>(items: AsyncIterable<A>): Promise<Array<A>> => {
  const out: Array<A> = []
  for await (const item of items) out.push(item)
  return out
}

/** A compact view of source items: rows as [row, values], issues as [code, row, column]. */
export const view = (items: ReadonlyArray<SourceRow.SourceItem>) =>
  items.map((it) =>
    it._tag === "Row"
      ? { row: it.row, values: it.cells.map((c) => c.value) }
      : it._tag === "Header"
        ? { header: it.row, names: it.columns.map((c) => c.header) }
        : { issue: it.error.code, row: it.error.row, column: it.error.column, fatal: it.fatal }
  )

/**
 * The problems of decoded items as `row:column field code`; a file-level problem (no row) also carries its
 * English message, so that a failure in CI says what the reader met.
 */
export const problemLines = (items: ReadonlyArray<Decode.Decoded>): Array<string> =>
  items.flatMap((d) =>
    d._tag === "Rejected"
      ? d.problems.map((p) => `${p.row ?? "-"}:${p.column ?? "-"} ${p.field} ${p.code}${p.row === undefined ? ` (${p.en})` : ""}`)
      : []
  )

/** Splits a string into chunks of random sizes, for chunk-boundary tests. */
export const chunked = (text: string | Uint8Array, sizes: ReadonlyArray<number>): Array<Uint8Array> => {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text
  const out: Array<Uint8Array> = []
  let at = 0
  let i = 0
  while (at < bytes.length) {
    const n = Math.max(1, sizes[i++ % Math.max(1, sizes.length)] ?? 1)
    out.push(bytes.subarray(at, at + n))
    at += n
  }
  return out
}
