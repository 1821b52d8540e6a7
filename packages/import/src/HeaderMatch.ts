/**
 * Header lookups of the interchange format: a header's comparison key, the column a header names,
 * the matching of a source's header row against an entity's columns, and telling an entity from a
 * file name or from headers alone. `Interchange` re-exports these; the column tables are in
 * `InterchangeColumns`.
 *
 * @internal
 */
import { Dataset } from "@hdnd/core"
import * as Result from "effect/Result"
import type { Column, HeaderProblem } from "./Interchange.js"
import { attributeColumn, entities } from "./InterchangeColumns.js"
import { ERROR_HEADERS } from "./internal/rejectsHeaders.js"
import { valueKey } from "./Vocabulary.js"

/** The comparison key of a header: see `Vocabulary.valueKey`; a trailing "*" (a required-column marker) is ignored. */
export const headerKey = (header: string): string => valueKey(header.replace(/\*+\s*$/, ""))

const headerIndexes = new Map<Dataset.EntityKind, ReadonlyMap<string, Column>>()

/** The columns of an entity by header key. */
export const headerIndex = (kind: Dataset.EntityKind): ReadonlyMap<string, Column> => {
  let m = headerIndexes.get(kind)
  if (m === undefined) {
    const built = new Map<string, Column>()
    for (const c of entities[kind].columns) for (const h of [c.en, c.vi, ...c.aliases]) if (!built.has(headerKey(h))) built.set(headerKey(h), c)
    m = built
    headerIndexes.set(kind, m)
  }
  return m
}

/** The column a header names in an entity. Any `attributes.<name>` header is accepted for activities. */
export const columnOf = (kind: Dataset.EntityKind, header: string): Column | undefined => {
  const found = headerIndex(kind).get(headerKey(header))
  if (found !== undefined) return found
  const m = /^attributes\.([A-Za-z][A-Za-z0-9]*)$/.exec(header.trim())
  if (kind === "activities" && m !== null) return attributeColumn(m[1] as string)
  return undefined
}

/** The accepted headers of an entity as one line (Vietnamese / English), for error messages. */
export const acceptedHeaders = (kind: Dataset.EntityKind): string => entities[kind].columns.map((c) => `"${c.vi}" / "${c.en}"`).join(", ")

/** Whether a source may leave out a required column: its `requiredUnless` column is there, or the import gives a default for a `defaultable` one. */
const excused = (c: Column, seen: ReadonlyMap<string, unknown>, defaults: Readonly<Record<string, boolean | undefined>>): boolean =>
  (c.requiredUnless !== undefined && seen.has(c.requiredUnless)) || (c.defaultable === true && defaults[c.field] === true)

/** The error columns of a rejects file (see `Rejects`), which name no column. */
const ERROR_KEYS = new Set(ERROR_HEADERS.map(headerKey))

/** The most header problems a source reports one by one; the rest are counted in one last problem. */
export const MAX_HEADER_PROBLEMS = 20

/** A header problem before its message is written. */
type Finding =
  | { readonly code: "import.unknown-header"; readonly h: { readonly column: string; readonly header: string } }
  | { readonly code: "import.duplicate-column"; readonly h: { readonly column: string; readonly header: string }; readonly c: Column; readonly before: { readonly column: string; readonly header: string } }
  | { readonly code: "import.missing-column"; readonly c: Column }

/** The columns the headers name, and what is wrong with them, without messages. Linear in the headers. */
const findings = (
  kind: Dataset.EntityKind,
  headers: ReadonlyArray<{ readonly column: string; readonly header: string }>,
  defaults: { readonly council?: boolean }
): { readonly columns: ReadonlyArray<Column | undefined>; readonly found: ReadonlyArray<Finding> } => {
  const found: Array<Finding> = []
  const seen = new Map<string, { readonly column: string; readonly header: string }>()
  const columns = headers.map((h) => {
    // Blank headers, and the error columns of a rejects file (see `Rejects`), name no column.
    if (h.header.trim() === "" || ERROR_KEYS.has(headerKey(h.header))) return undefined
    const c = columnOf(kind, h.header)
    if (c === undefined) {
      found.push({ code: "import.unknown-header", h })
      return undefined
    }
    const before = seen.get(c.field)
    if (before !== undefined) {
      found.push({ code: "import.duplicate-column", h, c, before })
      return undefined
    }
    seen.set(c.field, h)
    return c
  })
  for (const c of entities[kind].columns) {
    if (!c.required || seen.has(c.field) || excused(c, seen, defaults)) continue
    found.push({ code: "import.missing-column", c })
  }
  return { columns, found }
}

/** Whether every header names a column of the entity (problems of other kinds aside). */
export const allKnown = (kind: Dataset.EntityKind, headers: ReadonlyArray<string>, defaults: { readonly council?: boolean } = {}): boolean =>
  findings(kind, headers.map((header) => ({ column: "", header })), defaults).found.every((f) => f.code !== "import.unknown-header")

/**
 * Maps the headers of a source to an entity's columns. Reports unknown headers (the first of them
 * lists the accepted ones), two headers for one column, and required columns that are missing (see
 * `Column.requiredUnless` and `Column.defaultable` for those a source may leave out). At most
 * {@link MAX_HEADER_PROBLEMS} problems are reported one by one, then one that counts the rest, so a
 * header row of half a million cells costs linear time and a few lines of text.
 */
export const matchHeaders = (
  kind: Dataset.EntityKind,
  headers: ReadonlyArray<{ readonly column: string; readonly header: string }>,
  defaults: { readonly council?: boolean } = {}
): { readonly columns: ReadonlyArray<Column | undefined>; readonly problems: ReadonlyArray<HeaderProblem> } => {
  const { columns, found } = findings(kind, headers, defaults)
  const name = entities[kind].vi
  let listed = false
  const problems = found.slice(0, MAX_HEADER_PROBLEMS).map((f): HeaderProblem => {
    switch (f.code) {
      case "import.unknown-header": {
        const list = listed ? undefined : acceptedHeaders(kind)
        listed = true
        return {
          column: f.h.column,
          header: f.h.header,
          field: "",
          code: f.code,
          vi: `cột "${f.h.header}" không có trong mẫu ${name}${list === undefined ? "" : `; các tiêu đề được dùng: ${list}`}`,
          en: `column "${f.h.header}" is not part of the ${entities[kind].en} format${list === undefined ? "" : `; the accepted headers are: ${list}`}`
        }
      }
      case "import.duplicate-column":
        return {
          column: f.h.column,
          header: f.h.header,
          field: f.c.field,
          code: f.code,
          vi: `cột "${f.h.header}" và cột ${f.before.column} "${f.before.header}" cùng là "${f.c.vi}"; hãy giữ một cột`,
          en: `columns "${f.h.header}" and ${f.before.column} "${f.before.header}" are both "${f.c.en}"; keep one of them`
        }
      case "import.missing-column":
        return {
          column: "",
          header: f.c.vi,
          field: f.c.field,
          code: f.code,
          vi: `thiếu cột bắt buộc "${f.c.vi}" (hoặc "${f.c.en}"): ${f.c.noteVi}`,
          en: `the required column "${f.c.en}" ("${f.c.vi}") is missing: ${f.c.noteEn}`
        }
    }
  })
  const more = found.length - problems.length
  if (more > 0) {
    problems.push({
      column: "",
      header: "",
      field: "",
      code: "import.more-problems",
      vi: `và ${more} lỗi khác về tiêu đề (chỉ nêu ${MAX_HEADER_PROBLEMS} lỗi đầu); hãy sửa các lỗi trên rồi kiểm tra lại`,
      en: `and ${more} more header problems (only the first ${MAX_HEADER_PROBLEMS} are listed); fix those above and check again`
    })
  }
  return { columns, problems }
}

const nameKey = (s: string): string => headerKey(s.replace(/\.[a-z0-9]+$/i, ""))

/**
 * The entity a file or sheet name stands for ("hoat-dong-2023.csv", "data/don-vi.csv", sheet "Kỳ
 * họp"), if any: the name, without its folders and extension, is or starts with one of the
 * entity's names.
 */
export const entityOfName = (name: string): Dataset.EntityKind | undefined => {
  const key = nameKey(name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1))
  let best: { kind: Dataset.EntityKind; length: number } | undefined
  for (const kind of Dataset.entityKinds) {
    for (const n of entities[kind].names) {
      const k = headerKey(n)
      if (k === "" || !(key === k || key.startsWith(`${k} `))) continue
      if (best === undefined || k.length > best.length) best = { kind, length: k.length }
    }
  }
  return best?.kind
}

/**
 * The entity whose columns the headers fit: every header known and every required column present.
 * Fails with the candidates when none or several fit.
 */
export const entityOfHeaders = (
  headers: ReadonlyArray<string>,
  defaults: { readonly council?: boolean } = {}
): Result.Result<Dataset.EntityKind, ReadonlyArray<Dataset.EntityKind>> => {
  const named = headers.map((header) => ({ column: "", header }))
  const fits = Dataset.entityKinds.filter((kind) => findings(kind, named, defaults).found.length === 0)
  return fits.length === 1 ? Result.succeed(fits[0] as Dataset.EntityKind) : Result.fail(fits)
}
