/**
 * The JSON reader: a top-level array of records (`[ {...}, {...} ]`), or a batch in the core
 * encoding (`{ "councils": [...], "activities": [...] }`), where each key names the entity of its
 * records. Records are split out of the text one at a time and parsed on their own, so memory holds
 * one record, however large the file. A record becomes a row whose cells are its keys: nested
 * objects as dotted paths (`date.from`), arrays of plain values joined with "; ". The row number is
 * the line the record starts on.
 *
 * @since 0.1.0
 */
import { Dataset } from "@hdnd/core"
import { decodeText } from "./Encoding.js"
import { fromUnknown, importError } from "./ImportError.js"
import type { Input } from "./Input.js"
import { chunks, nameOf } from "./Input.js"
import { flatten } from "./internal/flatten.js"
import { parseFailure } from "./internal/jsonErrors.js"
import { pacer } from "./internal/pace.js"
import type { SplitEvent } from "./internal/jsonSplitter.js"
import { JsonSplitter } from "./internal/jsonSplitter.js"
import type { SourceItem } from "./SourceRow.js"
import { MAX_COLUMNS, tooManyColumns } from "./SourceRow.js"

/**
 * The longest record, in characters, a JSON or NDJSON reader accepts (4 MiB).
 *
 * @since 0.1.0
 * @category limits
 */
export const MAX_RECORD_LENGTH = 4 * 1024 * 1024

/**
 * The deepest nesting of objects and arrays a JSON or NDJSON record may have (64 levels). A record
 * of the interchange format needs two or three; a deeper one is rejected on its own, with a located
 * problem, and reading goes on.
 *
 * @since 0.2.0
 * @category limits
 */
export const MAX_RECORD_DEPTH = 64

/** Whether a JSON text nests objects and arrays deeper than `limit` (strings are skipped). Linear. */
const deeperThan = (text: string, limit: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/**
 * The problem of a record longer than {@link MAX_RECORD_LENGTH}: rejected on its own, reading goes on.
 *
 * @since 0.2.0
 * @category parsing
 */
export const tooLongIssue = (file: string, line: number): SourceItem => ({
  _tag: "Issue",
  fatal: false,
  error: importError({
    code: "json.record-too-long",
    file,
    row: line,
    vi: `bản ghi quá dài (hơn ${MAX_RECORD_LENGTH / 1024 / 1024} MiB ký tự), bị bỏ qua; hãy chia nhỏ bản ghi, hoặc kiểm tra dấu đóng } và dấu nháy kép`,
    en: `the record is too long (over ${MAX_RECORD_LENGTH / 1024 / 1024} MiB characters) and is skipped; split it, or check its closing } and double quotes`
  })
})

/**
 * The entity a batch key names, matched without regard to case (`"Activities"` → `activities`,
 * `"programmeitems"` → `programmeItems`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const entityOfKey = (key: string): Dataset.EntityKind | undefined =>
  Dataset.entityKinds.find((k) => k.toLowerCase() === key.trim().toLowerCase())

/**
 * Turns one JSON text that starts on `line` into a row, or an issue when it is not a JSON object.
 *
 * @since 0.1.0
 * @category parsing
 */
export const rowOf = (file: string, line: number, text: string, entity: Dataset.EntityKind | undefined): SourceItem => {
  if (deeperThan(text, MAX_RECORD_DEPTH)) {
    return {
      _tag: "Issue",
      fatal: false,
      error: importError({
        code: "json.record-too-deep",
        file,
        row: line,
        vi: `bản ghi lồng quá sâu (hơn ${MAX_RECORD_DEPTH} cấp đối tượng hoặc mảng), bị bỏ qua; mỗi bản ghi là một đối tượng {...} với các giá trị đơn giản`,
        en: `the record is nested too deeply (over ${MAX_RECORD_DEPTH} levels of objects or arrays) and is skipped; each record is an object {...} of plain values`
      })
    }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    const at = parseFailure(text, line, cause)
    return {
      _tag: "Issue",
      fatal: false,
      error: importError({
        code: "json.syntax",
        file,
        row: at.line,
        vi: `JSON không hợp lệ (${at.vi}); hãy kiểm tra dấu phẩy, dấu nháy kép và dấu ngoặc`,
        en: `invalid JSON (${at.en}); check the commas, double quotes and brackets`,
        cause
      })
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      _tag: "Issue",
      fatal: false,
      error: importError({
        code: "json.not-an-object",
        file,
        row: line,
        vi: "mỗi bản ghi phải là một đối tượng JSON {...}",
        en: "each record must be a JSON object {...}"
      })
    }
  }
  const cells = flatten(value as Record<string, unknown>)
  if (cells.length > MAX_COLUMNS) {
    const { vi, en } = tooManyColumns(cells.length)
    return { _tag: "Issue", fatal: false, error: importError({ code: "json.too-many-keys", file, row: line, vi, en }) }
  }
  return entity === undefined ? { _tag: "Row", file, row: line, cells } : { _tag: "Row", file, row: line, entity, cells }
}

/**
 * Reads a JSON file (an array of records, or a batch object of arrays) as a stream of source items.
 * Never throws.
 *
 * @since 0.1.0
 * @category readers
 */
export const read = (input: Input): AsyncIterable<SourceItem> => ({
  [Symbol.asyncIterator]: () => readJson(input)
})

async function* readJson(input: Input): AsyncGenerator<SourceItem, void, undefined> {
  const file = nameOf(input)
  const splitter = new JsonSplitter(MAX_RECORD_LENGTH)
  const reported = new Set<string>()
  const accepted = Dataset.entityKinds.join(", ")
  function* handle(events: ReadonlyArray<SplitEvent>): Generator<SourceItem> {
    for (const e of events) {
      if (e._tag === "Error") {
        yield { _tag: "Issue", fatal: true, error: importError({ code: e.code, file, row: e.line, vi: e.vi, en: e.en }) }
        continue
      }
      if (e._tag === "TooLong") {
        yield tooLongIssue(file, e.line)
        continue
      }
      const entity = e.key === undefined ? undefined : entityOfKey(e.key)
      if (e.key !== undefined && entity === undefined) {
        if (reported.has(e.key)) continue
        reported.add(e.key)
        yield {
          _tag: "Issue",
          fatal: false,
          error: importError({
            code: "json.unknown-key",
            file,
            row: e.line,
            column: e.key,
            vi: `khoá "${e.key}" không phải là loại dữ liệu nào; các khoá được dùng: ${accepted}`,
            en: `key "${e.key}" does not name an entity; the accepted keys are: ${accepted}`
          })
        }
        continue
      }
      if (e._tag === "NotArray") {
        yield {
          _tag: "Issue",
          fatal: false,
          error: importError({
            code: "json.not-an-array",
            file,
            row: e.line,
            column: e.key,
            vi: `giá trị của khoá "${e.key}" phải là một mảng [...] các bản ghi`,
            en: `the value of key "${e.key}" must be an array [...] of records`
          })
        }
        continue
      }
      yield rowOf(file, e.line, e.text, entity)
    }
  }
  const pace = pacer()
  try {
    for await (const piece of decodeText(chunks(input), file)) {
      const turn = pace()
      if (turn !== undefined) await turn
      if (typeof piece !== "string") {
        yield { _tag: "Issue", fatal: true, error: piece }
        return
      }
      const events = splitter.push(piece)
      yield* handle(events)
      if (events.some((e) => e._tag === "Error")) return
    }
    yield* handle(splitter.end())
  } catch (cause) {
    yield { _tag: "Issue", fatal: true, error: fromUnknown(file, cause) }
  }
}
