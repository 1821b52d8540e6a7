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

/**
 * Maps the headers of a source to an entity's columns. Reports unknown headers (listing the accepted
 * ones), two headers for one column, and required columns that are missing (see `Column.requiredUnless`
 * and `Column.defaultable` for those a source may leave out).
 */
export const matchHeaders = (
  kind: Dataset.EntityKind,
  headers: ReadonlyArray<{ readonly column: string; readonly header: string }>,
  defaults: { readonly council?: boolean } = {}
): { readonly columns: ReadonlyArray<Column | undefined>; readonly problems: ReadonlyArray<HeaderProblem> } => {
  const problems: Array<HeaderProblem> = []
  const seen = new Map<string, { readonly column: string; readonly header: string }>()
  const name = entities[kind].vi
  const columns = headers.map((h) => {
    if (h.header.trim() === "") return undefined
    const c = columnOf(kind, h.header)
    if (c === undefined) {
      problems.push({
        column: h.column,
        header: h.header,
        field: "",
        code: "import.unknown-header",
        vi: `cột "${h.header}" không có trong mẫu ${name}; các tiêu đề được dùng: ${acceptedHeaders(kind)}`,
        en: `column "${h.header}" is not part of the ${entities[kind].en} format; the accepted headers are: ${acceptedHeaders(kind)}`
      })
      return undefined
    }
    const before = seen.get(c.field)
    if (before !== undefined) {
      problems.push({
        column: h.column,
        header: h.header,
        field: c.field,
        code: "import.duplicate-column",
        vi: `cột "${h.header}" và cột ${before.column} "${before.header}" cùng là "${c.vi}"; hãy giữ một cột`,
        en: `columns "${h.header}" and ${before.column} "${before.header}" are both "${c.en}"; keep one of them`
      })
      return undefined
    }
    seen.set(c.field, h)
    return c
  })
  for (const c of entities[kind].columns) {
    if (!c.required || seen.has(c.field) || excused(c, seen, defaults)) continue
    problems.push({
      column: "",
      header: c.vi,
      field: c.field,
      code: "import.missing-column",
      vi: `thiếu cột bắt buộc "${c.vi}" (hoặc "${c.en}"): ${c.noteVi}`,
      en: `the required column "${c.en}" ("${c.vi}") is missing: ${c.noteEn}`
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
  const fits = Dataset.entityKinds.filter(
    (kind) => matchHeaders(kind, headers.map((header) => ({ column: "", header })), defaults).problems.length === 0
  )
  return fits.length === 1 ? Result.succeed(fits[0] as Dataset.EntityKind) : Result.fail(fits)
}
