/**
 * The NDJSON (JSON Lines) reader: one JSON object per line, blank lines ignored. A line that is not
 * valid JSON is reported at its line number and reading goes on.
 *
 * @since 0.1.0
 */
import { decodeText } from "./Encoding.js"
import { fromUnknown } from "./ImportError.js"
import { pacer } from "./internal/pace.js"
import type { Input } from "./Input.js"
import { chunks, nameOf } from "./Input.js"
import { MAX_RECORD_LENGTH, rowOf, tooLongIssue } from "./Json.js"
import type { SourceItem } from "./SourceRow.js"

/**
 * Reads an NDJSON file as a stream of source items, one row per non-blank line. Never throws.
 *
 * @since 0.1.0
 * @category readers
 */
export const read = (input: Input): AsyncIterable<SourceItem> => ({
  [Symbol.asyncIterator]: () => readNdjson(input)
})

async function* readNdjson(input: Input): AsyncGenerator<SourceItem, void, undefined> {
  const file = nameOf(input)
  let line = 1
  let rest = ""
  let skipping = false
  const one = (text: string, at: number): SourceItem | undefined =>
    text.length > MAX_RECORD_LENGTH ? tooLongIssue(file, at) : text.trim() === "" ? undefined : rowOf(file, at, text, undefined)
  const pace = pacer()
  try {
    for await (const piece of decodeText(chunks(input), file)) {
      const turn = pace()
      if (turn !== undefined) await turn
      if (typeof piece !== "string") {
        yield { _tag: "Issue", fatal: true, error: piece }
        return
      }
      let text = rest + piece
      let start = 0
      if (skipping) {
        // The rest of a line too long to keep: drop it up to its end.
        const nl = text.indexOf("\n")
        if (nl < 0) {
          rest = ""
          continue
        }
        skipping = false
        line++
        start = nl + 1
      }
      for (;;) {
        const nl = text.indexOf("\n", start)
        if (nl < 0) break
        const item = one(text.slice(start, nl), line)
        if (item !== undefined) yield item
        line++
        start = nl + 1
      }
      rest = text.slice(start)
      text = ""
      if (rest.length > MAX_RECORD_LENGTH) {
        yield tooLongIssue(file, line)
        rest = ""
        skipping = true
      }
    }
    if (skipping) return
    const item = one(rest, line)
    if (item !== undefined) yield item
  } catch (cause) {
    yield { _tag: "Issue", fatal: true, error: fromUnknown(file, cause) }
  }
}
