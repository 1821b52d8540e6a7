/**
 * The decode pipeline: source items in, records or rejected rows out, in order and streamed.
 *
 * For each source (a file, or a sheet of a workbook) the entity is, in this order: the one of the
 * header mapping given in the options, the one given in the options, the one a JSON batch key names,
 * the one the sheet or file name names ("hoat-dong.csv", sheet "Kỳ họp"), or the only one whose
 * columns the headers fit. When the headers are not interchange headers (of that entity, or of any),
 * the only one of the candidate `mappings` that names every header is used, and gives the entity.
 * A mapping renames headers before they are matched (see `HeaderMapping`); problems still name the
 * file's own headers. Headers are matched once; an unknown header, a header used twice or a missing
 * required column rejects the source at its header row. Each row is then read cell by cell, its
 * references resolved by name or id, and decoded with the core entity schema, so one row reports
 * every problem it has at once, each at its file, row, column and field. Structure records (units, councils, terms, organs,
 * sessions, meetings) become known to the resolver as soon as they are accepted, so later rows can
 * refer to them by name.
 *
 * Nothing here throws; reader issues come out as rejected rows.
 *
 * @since 0.1.0
 */
import type { Registry, Store } from "@hdnd/core"
import { Dataset } from "@hdnd/core"
import * as Result from "effect/Result"
import * as Stream from "effect/Stream"
import type { ImportProblem } from "./ImportError.js"
import type { ImportError } from "./ImportError.js"
import { fromUnknown, importError, importProblem, toProblem } from "./ImportError.js"
import type { Column } from "./Interchange.js"
import type { HeaderMapping } from "./HeaderMapping.js"
import { fitting, renameAll } from "./HeaderMapping.js"
import type { LegacyEncoding } from "./Encoding.js"
import { legacyEncodings } from "./Encoding.js"
import { allKnown } from "./HeaderMatch.js"
import { asCp1252Bytes, decodeLegacy, garbledCell } from "./internal/legacy.js"
import { chunked, chunksOf } from "./internal/chunked.js"
import { pacer } from "./internal/pace.js"
import { entities, entityOfHeaders, entityOfName, matchHeaders } from "./Interchange.js"
import type { Layout } from "./internal/record.js"
import { build, layoutOf } from "./internal/record.js"
import type { Resolver } from "./Resolve.js"
import { make as makeResolver } from "./Resolve.js"
import type { Cell, SourceItem } from "./SourceRow.js"

/**
 * Where the columns of a source are: each field's column letter (or JSON key) and header.
 *
 * @since 0.1.0
 * @category models
 */
export type ColumnMap = ReadonlyMap<string, { readonly column: string; readonly header: string }>

/**
 * A row that became a record.
 *
 * @since 0.1.0
 * @category models
 */
export interface Accepted<K extends Dataset.EntityKind = Dataset.EntityKind> {
  readonly _tag: "Record"
  readonly kind: K
  readonly record: Store.EntityOf<K>
  readonly file: string
  readonly sheet?: string
  readonly row: number
  /** The columns of the row's source, to place later validation problems. */
  readonly columns: ColumnMap
}

/**
 * A row (or a whole source, when `fatal`) that was rejected, with every problem found and, for a
 * data row, its cells (to write the rejected rows to a file).
 *
 * @since 0.1.0
 * @category models
 */
export interface Rejected {
  readonly _tag: "Rejected"
  readonly kind?: Dataset.EntityKind
  readonly file: string
  readonly sheet?: string
  readonly row?: number
  readonly fatal: boolean
  readonly problems: ReadonlyArray<ImportProblem>
  readonly cells?: ReadonlyArray<Cell>
}

/**
 * What the decoder yields.
 *
 * @since 0.1.0
 * @category models
 */
export type Decoded = Accepted | Rejected

/**
 * Options of {@link decode}.
 *
 * - `entity`: the entity of every source (otherwise detected per source).
 * - `resolver`: the resolver to use and to extend; or `dataset` and `registry` to make one.
 * - `council`: the council of rows that leave it empty (an id or a name).
 * - `mapping`: the header mapping of every source (a plugin's importer mapping).
 * - `mappings`: header mappings to try on sources whose headers are not interchange headers.
 *
 * @since 0.1.0
 * @category models
 */
export interface DecodeOptions {
  readonly entity?: Dataset.EntityKind
  readonly resolver?: Resolver
  readonly dataset?: Dataset.Dataset
  readonly registry?: Registry.Registry
  readonly council?: string
  /**
   * The mapping of every source: its headers are renamed by it before they are matched against the
   * interchange columns (headers it does not name are kept), and its entity is the entity of every
   * source (`entity` is then not used).
   */
  readonly mapping?: HeaderMapping
  /**
   * Mappings to try, when `mapping` is not given, on a source whose headers are not interchange
   * headers: the only one that names every header (and is of the source's entity, when the options,
   * a JSON batch key or the file or sheet name tell it) is used. With none or several, the source is
   * read as it is.
   */
  readonly mappings?: ReadonlyArray<HeaderMapping>
}

interface SourceState {
  readonly kind: Dataset.EntityKind
  readonly mapping: ReadonlyArray<Column | undefined>
  readonly columns: ColumnMap
  /** Where the mapped columns are, for rows with a cell for each. */
  readonly layout: Layout
  /** The columns without a mapping (blank headers): a value there is a problem. */
  readonly unmapped: ReadonlyArray<number>
}

/** The entity of a source, and the header mapping its headers are read with, if any. */
interface Detected {
  readonly kind: Dataset.EntityKind
  readonly mapping?: HeaderMapping
}

const STRUCTURE: ReadonlySet<Dataset.EntityKind> = new Set(["units", "lineage", "councils", "terms", "organs", "sessions", "meetings"])

const importErrorAt = (e: ImportError, where: { readonly file: string; readonly sheet?: string; readonly row: number }): ImportError =>
  importError({ code: e.code, file: where.file, sheet: where.sheet, row: where.row, vi: e.vi, en: e.en, cause: e.cause })

const sourceKey = (file: string, sheet: string | undefined): string => `${file}\u0000${sheet ?? ""}`

/** The first cell with data in a column that has neither a mapping nor a header. */
const orphanOf = (state: SourceState, cells: ReadonlyArray<Cell>): Cell | undefined => {
  const { mapping, unmapped } = state
  for (const i of unmapped) {
    const c = cells[i]
    if (c !== undefined && c.header.trim() === "" && c.value.trim() !== "") return c
  }
  // Cells past the header row's columns have no mapping either.
  for (let i = mapping.length; i < cells.length; i++) {
    const c = cells[i] as Cell
    if (c.header.trim() === "" && c.value.trim() !== "") return c
  }
  return undefined
}

/** Up to 40 characters of a text, for a message. */
const excerpt = (s: string): string => ([...s].length > 40 ? `${[...s].slice(0, 40).join("")}…` : s)

/** The problem of a cell whose Vietnamese letters are legacy-encoded text shown through Windows-1252. */
const garbledProblem = (entity: string, c: Cell, encoding: LegacyEncoding, file: string, sheet: string | undefined, row: number): ImportProblem => {
  const e = legacyEncodings[encoding]
  const meant = excerpt(decodeLegacy(encoding, asCp1252Bytes(c.value, true) ?? new Uint8Array()))
  return importProblem({
    entity,
    field: "",
    code: `encoding.garbled-cell-${encoding}`,
    vi: `chữ Việt ở ${c.column === c.header ? `dòng ${row}, cột "${c.header}"` : `ô ${c.column}${row} (cột "${c.header}")`} bị hỏng: "${excerpt(c.value)}" là văn bản mã ${e.name} (${e.fontsVi}) bị mở nhầm bảng mã, đúng ra là "${meant}"; hãy sửa ô này hoặc chuyển mã từ tệp gốc: ${e.howVi}`,
    en: `the Vietnamese letters ${c.column === c.header ? `at row ${row}, column "${c.header}"` : `of cell ${c.column}${row} (column "${c.header}")`} are garbled: "${excerpt(c.value)}" is ${e.name} text (${e.fontsEn}) opened with the wrong encoding, meant as "${meant}"; fix the cell or convert the original file: ${e.howEn}`,
    file,
    sheet,
    row,
    column: c.column,
    header: c.header
  })
}

const entityList = Dataset.entityKinds.map((k) => `${k} ("${entities[k].vi}")`).join(", ")

/**
 * Decodes source items into records of the interchange entities. Never throws; streams.
 *
 * @example
 * ```ts no-run
 * import type { Dataset } from "@hdnd/core"
 * import { Decode, Source } from "@hdnd/import"
 *
 * declare const dataset: Dataset.Dataset // the structure already stored: Store.structure(store)
 * for await (const d of Decode.decode(Source.open("hoat-dong.csv"), { dataset, council: "HĐND tỉnh Sơn La" })) {
 *   console.log(d)
 * }
 * ```
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = (items: AsyncIterable<SourceItem>, options: DecodeOptions = {}): AsyncIterable<Decoded> => chunked(() => run(items, options))

/**
 * {@link decode} as an Effect `Stream` that cannot fail.
 *
 * @since 0.1.0
 * @category decoding
 */
export const stream = (items: AsyncIterable<SourceItem>, options: DecodeOptions = {}): Stream.Stream<Decoded> =>
  Stream.fromAsyncIterable(decode(items, options), (cause) => fromUnknown("", cause, "import.internal")).pipe(
    Stream.catch((error) =>
      Stream.succeed<Decoded>({ _tag: "Rejected", file: error.file, fatal: true, problems: [toProblem(error)] })
    )
  )

/** The decoded items, an array for each array of source items (see `internal/chunked.ts`). */
async function* run(items: AsyncIterable<SourceItem>, options: DecodeOptions): AsyncGenerator<ReadonlyArray<Decoded>, void, undefined> {
  const resolver =
    options.resolver ??
    makeResolver({
      ...(options.dataset === undefined ? {} : { dataset: options.dataset }),
      ...(options.registry === undefined ? {} : { registry: options.registry })
    })
  const defaults = { council: options.council !== undefined }
  const sources = new Map<string, SourceState | "failed">()
  const byKeys = new Map<string, SourceState | ReadonlyArray<ImportProblem>>()

  const stateFor = (
    { kind, mapping: renaming }: Detected,
    headers: ReadonlyArray<{ readonly column: string; readonly header: string }>,
    where: { readonly file: string; readonly sheet?: string | undefined; readonly row: number }
  ): SourceState | ReadonlyArray<ImportProblem> => {
    const { columns: mapping, problems } = matchHeaders(kind, renaming === undefined ? headers : renameAll(renaming, headers), defaults)
    if (problems.length > 0) {
      // The file's own header of each column a problem names, found in one pass (problems are few, headers may be many).
      const wanted = new Set(problems.map((p) => p.column).filter((c) => c !== ""))
      const owns = new Map<string, { readonly column: string; readonly header: string }>()
      for (const h of headers) if (wanted.has(h.column) && !owns.has(h.column)) owns.set(h.column, h)
      return problems.map((p) => {
        // A problem names the file's own header, and says what the mapping made of it.
        const own = p.column === "" ? undefined : owns.get(p.column)
        const renamed = own !== undefined && renaming !== undefined && own.header !== p.header
        return importProblem({
          entity: Dataset.entityNames[kind],
          field: p.field,
          code: p.code,
          vi: renamed ? `${p.vi} (tiêu đề "${own.header}" của tệp, theo bảng ánh xạ ${renaming.id})` : p.vi,
          en: renamed ? `${p.en} (the file's header "${own.header}", by the mapping ${renaming.id})` : p.en,
          file: where.file,
          sheet: where.sheet,
          row: where.row,
          column: p.column === "" ? undefined : p.column,
          header: own?.header ?? p.header
        })
      })
    }
    const columns = new Map<string, { readonly column: string; readonly header: string }>()
    mapping.forEach((c, i) => {
      const h = headers[i]
      if (c !== undefined && h !== undefined) columns.set(c.field, h)
    })
    // An activity's owner left out is its organiser: place the owner's problems there.
    const organisers = columns.get("organisers")
    if (kind === "activities" && !columns.has("owner") && organisers !== undefined) columns.set("owner", organisers)
    const unmapped: Array<number> = []
    mapping.forEach((c, i) => {
      if (c === undefined) unmapped.push(i)
    })
    return { kind, mapping, columns, layout: layoutOf(mapping), unmapped }
  }

  const candidates = options.mappings ?? []
  /** Whether every header is an interchange header of an entity. */
  const interchange = (kind: Dataset.EntityKind, headers: ReadonlyArray<string>): boolean =>
    allKnown(kind, headers, defaults)

  const detect = (
    entity: Dataset.EntityKind | undefined,
    file: string,
    sheet: string | undefined,
    headers: ReadonlyArray<string>
  ): Result.Result<Detected, { readonly vi: string; readonly en: string }> => {
    if (options.mapping !== undefined) return Result.succeed({ kind: options.mapping.entity, mapping: options.mapping })
    const named = options.entity ?? entity ?? (sheet === undefined ? undefined : entityOfName(sheet)) ?? entityOfName(file)
    if (named !== undefined) {
      if (candidates.length === 0 || interchange(named, headers)) return Result.succeed({ kind: named })
      const fits = fitting(candidates, headers, named)
      return Result.succeed(fits.length === 1 ? { kind: named, mapping: fits[0] as HeaderMapping } : { kind: named })
    }
    const fit = entityOfHeaders(headers, defaults)
    if (Result.isSuccess(fit)) return Result.succeed({ kind: fit.success })
    const fits = fitting(candidates, headers)
    if (fits.length === 1) {
      const only = fits[0] as HeaderMapping
      return Result.succeed({ kind: only.entity, mapping: only })
    }
    const some = fit.failure.length > 0 ? fit.failure.map((k) => `${k} ("${entities[k].vi}")`).join(", ") : undefined
    const several = fits.length > 1 ? fits.map((m) => m.id).join(", ") : undefined
    return Result.fail({
      vi: `không biết tệp chứa loại dữ liệu nào${some === undefined ? "" : ` (có thể là: ${some})`}${several === undefined ? "" : `; nhiều bảng ánh xạ khớp với các tiêu đề: ${several}, hãy chọn một`}; hãy đặt tên tệp hoặc trang tính theo loại dữ liệu (ví dụ "hoat-dong.csv") hoặc chỉ rõ loại khi nhập. Các loại: ${entityList}`,
      en: `cannot tell which entity the file holds${some === undefined ? "" : ` (it could be: ${some})`}${several === undefined ? "" : `; several mappings fit the headers: ${several}, choose one`}; name the file or sheet after the entity (e.g. "activities.csv") or give the entity when importing. The entities: ${entityList}`
    })
  }

  /** {@link decodeOne}, with anything unexpected turned into a rejection of that row only. */
  const decodeRow = (state: SourceState, cells: ReadonlyArray<Cell>, file: string, sheet: string | undefined, row: number): Decoded => {
    try {
      return decodeOne(state, cells, file, sheet, row)
    } catch (cause) {
      const error = fromUnknown(file, cause, "import.internal")
      const where = sheet === undefined ? { file, row } : { file, sheet, row }
      return { _tag: "Rejected", kind: state.kind, ...where, fatal: false, problems: [toProblem(importErrorAt(error, where), Dataset.entityNames[state.kind])], cells }
    }
  }

  const decodeOne = (state: SourceState, cells: ReadonlyArray<Cell>, file: string, sheet: string | undefined, row: number): Decoded => {
    const layout = cells.length >= state.mapping.length ? state.layout : layoutOf(state.mapping, cells.length)
    const orphan = orphanOf(state, cells)
    const built = build({ kind: state.kind, resolver, council: options.council, file, sheet, row }, layout, cells)
    const problems = "problems" in built ? [...built.problems] : []
    if (orphan !== undefined) {
      problems.push(importProblem({
        entity: Dataset.entityNames[state.kind],
        field: "",
        code: "import.no-header",
        vi: `ô ${orphan.column}${row} có dữ liệu nhưng cột ${orphan.column} không có tiêu đề; hãy xoá ô đó hoặc thêm tiêu đề`,
        en: `cell ${orphan.column}${row} has data but column ${orphan.column} has no header; clear the cell or add a header`,
        file,
        sheet,
        row,
        column: orphan.column
      }))
    }
    for (const c of cells) {
      const garbled = c.value === "" ? undefined : garbledCell(c.value)
      if (garbled !== undefined) problems.push(garbledProblem(Dataset.entityNames[state.kind], c, garbled, file, sheet, row))
    }
    const where = sheet === undefined ? { file, row } : { file, sheet, row }
    if (problems.length > 0 || !("record" in built)) return { _tag: "Rejected", kind: state.kind, ...where, fatal: false, problems, cells }
    if (STRUCTURE.has(state.kind)) resolver.add(state.kind, built.record)
    return { _tag: "Record", kind: state.kind, record: built.record as Store.EntityOf<Dataset.EntityKind>, ...where, columns: state.columns }
  }

  /** Decodes one source item into `out`. */
  const step = (item: SourceItem, out: Array<Decoded>): void => {
    switch (item._tag) {
      case "Issue": {
        const e = item.error
        out.push({
          _tag: "Rejected",
          file: e.file,
          ...(e.sheet === undefined ? {} : { sheet: e.sheet }),
          ...(e.row === undefined ? {} : { row: e.row }),
          fatal: item.fatal,
          problems: [toProblem(e)]
        })
        break
      }
      case "Header": {
        const key = sourceKey(item.file, item.sheet)
        const where = item.sheet === undefined ? { file: item.file, row: item.row } : { file: item.file, sheet: item.sheet, row: item.row }
        const kind = detect(undefined, item.file, item.sheet, item.columns.map((c) => c.header))
        if (Result.isFailure(kind)) {
          sources.set(key, "failed")
          out.push({
            _tag: "Rejected",
            ...where,
            fatal: true,
            problems: [importProblem({ entity: "Source", field: "", code: "import.unknown-entity", vi: kind.failure.vi, en: kind.failure.en, ...where })]
          })
          break
        }
        const state = stateFor(kind.success, item.columns, where)
        if (Array.isArray(state)) {
          sources.set(key, "failed")
          out.push({ _tag: "Rejected", kind: kind.success.kind, ...where, fatal: true, problems: state })
        } else sources.set(key, state as SourceState)
        break
      }
      case "Row": {
        const known = sources.get(sourceKey(item.file, item.sheet))
        if (known === "failed") break
        if (known !== undefined) {
          out.push(decodeRow(known, item.cells, item.file, item.sheet, item.row))
          break
        }
        // A row without a header row: a JSON record, whose cells are its keys.
        const where = item.sheet === undefined ? { file: item.file, row: item.row } : { file: item.file, sheet: item.sheet, row: item.row }
        const kind = detect(item.entity, item.file, item.sheet, item.cells.map((c) => c.header))
        if (Result.isFailure(kind)) {
          out.push({
            _tag: "Rejected",
            ...where,
            fatal: false,
            problems: [importProblem({ entity: "Source", field: "", code: "import.unknown-entity", vi: kind.failure.vi, en: kind.failure.en, ...where })],
            cells: item.cells
          })
          break
        }
        const signature = `${kind.success.kind}\u0000${kind.success.mapping?.id ?? ""}\u0000${item.cells.map((c) => c.header).join("\u0000")}`
        let state = byKeys.get(signature)
        if (state === undefined) {
          if (byKeys.size > 1000) byKeys.clear()
          state = stateFor(kind.success, item.cells, where)
          byKeys.set(signature, state)
        }
        if (Array.isArray(state)) {
          out.push({
            _tag: "Rejected",
            kind: kind.success.kind,
            ...where,
            fatal: false,
            problems: (state as ReadonlyArray<ImportProblem>).map((p) => importProblem({ ...p, ...where, sheet: item.sheet, column: p.column, header: p.header })),
            cells: item.cells
          })
          break
        }
        out.push(decodeRow(state as SourceState, item.cells, item.file, item.sheet, item.row))
        break
      }
    }
  }

  const pace = pacer()
  try {
    for await (const chunk of chunksOf(items)) {
      const turn = pace()
      if (turn !== undefined) await turn
      const out: Array<Decoded> = []
      try {
        for (const item of chunk) step(item, out)
      } catch (cause) {
        const error = fromUnknown("", cause, "import.internal")
        out.push({ _tag: "Rejected", file: "", fatal: true, problems: [toProblem(error)] })
        yield out
        return
      }
      if (out.length > 0) yield out
    }
  } catch (cause) {
    const error = fromUnknown("", cause, "import.internal")
    yield [{ _tag: "Rejected", file: "", fatal: true, problems: [toProblem(error)] }]
  }
}
