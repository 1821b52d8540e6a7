/**
 * Rows in arrays between the stages of an import. Every stage (reader, decoder, batcher) is an
 * `AsyncIterable` of single items, and each item crossing an async generator costs a promise and a
 * trip through the microtask queue; for a million rows, three stages made that a large part of an
 * import's time. A stage that can also hand over its items an array at a time offers it under
 * {@link CHUNKS}, and the next stage reads it that way when it can: one await per chunk of the file
 * (a few thousand rows) instead of one per row. The items and their order are the same either way.
 */

/** The key of the array-at-a-time view of an async iterable. */
export const CHUNKS: unique symbol = Symbol.for("@hdnd/import/chunks")

/** An async iterable of items that may also be read an array at a time. */
export interface Chunked<A> extends AsyncIterable<A> {
  readonly [CHUNKS]?: () => AsyncIterator<ReadonlyArray<A>>
}

/** An async iterable of single items, and its array-at-a-time view, made from the latter. */
export const chunked = <A>(arrays: () => AsyncIterator<ReadonlyArray<A>>): Chunked<A> => ({
  [CHUNKS]: arrays,
  async *[Symbol.asyncIterator]() {
    const it = arrays()
    try {
      for (;;) {
        const next = await it.next()
        if (next.done === true) return
        yield* next.value
      }
    } finally {
      await it.return?.()
    }
  }
})

/** The items of `items` an array at a time: its own arrays if it offers them, else one item per array. */
export const chunksOf = <A>(items: AsyncIterable<A>): AsyncIterable<ReadonlyArray<A>> => {
  const arrays = (items as Chunked<A>)[CHUNKS]
  if (arrays !== undefined) return { [Symbol.asyncIterator]: arrays }
  return {
    async *[Symbol.asyncIterator]() {
      for await (const item of items) yield [item]
    }
  }
}
