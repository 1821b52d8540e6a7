/**
 * The NDJSON (JSON Lines) reader: one JSON object per line, blank lines ignored. A line that is not
 * valid JSON is reported at its line number and reading goes on.
 *
 * @since 0.1.0
 */
import { decodeText } from "./Encoding.js"
import { fromUnknown, importError } from "./ImportError.js"
import type { Input } from "./Input.js"
import { chunks, nameOf } from "./Input.js"
import { MAX_RECORD_LENGTH, rowOf } from "./Json.js"
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
  const one = (text: string, at: number): SourceItem | undefined => (text.trim() === "" ? undefined : rowOf(file, at, text, undefined))
  try {
    for await (const piece of decodeText(chunks(input), file)) {
      if (typeof piece !== "string") {
        yield { _tag: "Issue", fatal: true, error: piece }
        return
      }
      const text = rest + piece
      let start = 0
      for (;;) {
        const nl = text.indexOf("\n", start)
        if (nl < 0) break
        const item = one(text.slice(start, nl), line)
        if (item !== undefined) yield item
        line++
        start = nl + 1
      }
      rest = text.slice(start)
      if (rest.length > MAX_RECORD_LENGTH) {
        yield {
          _tag: "Issue",
          fatal: true,
          error: importError({
            code: "json.element-too-long",
            file,
            row: line,
            vi: "dòng quá dài; mỗi dòng của tệp NDJSON phải là một bản ghi JSON",
            en: "the line is too long; each line of an NDJSON file must be one JSON record"
          })
        }
        return
      }
    }
    const item = one(rest, line)
    if (item !== undefined) yield item
  } catch (cause) {
    yield { _tag: "Issue", fatal: true, error: fromUnknown(file, cause) }
  }
}
