/**
 * Building one entity record from one row: read each cell by its column's value type, resolve the
 * references, fill the defaults, then decode with the core entity schema reporting every problem of
 * the row at once, each at its column.
 */
import type { CalendarDate } from "@hdnd/core"
import { Dataset, Errors } from "@hdnd/core"
import * as Result from "effect/Result"
import type * as Schema from "effect/Schema"
import type * as SchemaIssue from "effect/SchemaIssue"
import type { ImportProblem } from "../ImportError.js"
import type { Compiled } from "./compiled.js"
import { compile, DECLINE } from "./compiled.js"
import { importProblem } from "../ImportError.js"
import type { Column } from "../Interchange.js"
import type { Resolution, Resolver } from "../Resolve.js"
import { dayBefore, parseConvocation, parseOrdinal } from "../Resolve.js"
import type { Cell } from "../SourceRow.js"
import { describe, lookup, qualifierWording, splitQualified, valueKey } from "../Vocabulary.js"
import { ATTRIBUTE_TYPES, parseListAttribute, baseField, decodeOptions, decodersWith, HAS_COUNCIL, invalidMonth, invalidQuarter, parseDate, parseInteger, parseMonth, parseQuarter, primaryDate, setPath, SPECIAL_LABELS } from "./fields.js"

/** What building a record needs besides the row. */
export interface BuildContext {
  readonly kind: Dataset.EntityKind
  readonly resolver: Resolver
  /** The text of the default council, for rows that leave the council empty. */
  readonly council: string | undefined
  readonly file: string
  readonly sheet: string | undefined
  readonly row: number
}

// Most rows are valid: decode with the compiled decoder (which only ever accepts what the schema
// would, as the schema would), then with the schema stopping at the first problem, and only for a
// row that has one decode again collecting every problem.
const compiledDecoders = Object.fromEntries(
  Dataset.entityKinds.map((k) => [k, compile(Dataset.entitySchemas[k] as unknown as Schema.Top, decodeOptions("first"))])
) as Record<Dataset.EntityKind, Compiled | undefined>
const fastDecoders = decodersWith("first")
const decoders = decodersWith("all")

/** Decodes with the core schema of `kind`: the compiled decoder first, the schema when it declines. */
export const decodeEntity = (kind: Dataset.EntityKind, input: unknown): Result.Result<unknown, SchemaIssue.Issue> => {
  const compiled = compiledDecoders[kind]
  const quick = compiled === undefined ? DECLINE : compiled(input)
  if (quick !== DECLINE) return Result.succeed(quick)
  const fast = fastDecoders[kind](input)
  return Result.isSuccess(fast) ? fast : decoders[kind](input)
}

/** Whether `kind` has a compiled decoder (for tests: a schema change that loses it is a slowdown). */
export const hasCompiledDecoder = (kind: Dataset.EntityKind): boolean => compiledDecoders[kind] !== undefined

/**
 * Where a source's mapped columns are, worked out once per source: the columns in cell order, the
 * index of each in the row's cells, and each field's place among them (fields are unique in a
 * source: a second column for a field rejects the source).
 */
export interface Layout {
  readonly columns: ReadonlyArray<Column>
  readonly positions: ReadonlyArray<number>
  readonly index: ReadonlyMap<string, number>
}

/** The layout of a source's column mapping, for rows of at least `cells` cells. */
export const layoutOf = (mapping: ReadonlyArray<Column | undefined>, cells = mapping.length): Layout => {
  const columns: Array<Column> = []
  const positions: Array<number> = []
  const index = new Map<string, number>()
  for (let i = 0; i < mapping.length && i < cells; i++) {
    const c = mapping[i]
    if (c === undefined) continue
    index.set(c.field, columns.length)
    columns.push(c)
    positions.push(i)
  }
  return { columns, positions, index }
}

const resolveOne = (resolver: Resolver, target: Column["ref"], council: string | undefined, at: CalendarDate.CalendarDate | undefined, t: string): Resolution<string> => {
  switch (target) {
    case "anyOrgans":
      return resolver.anyOrgan(council, t, at)
    case "activities":
    case "recommendations":
    case "responses":
    case "programmes":
    case "programmeItems":
    case "resolutions":
      // By id only: the core schema checks the id, validation that the record exists.
      return Result.succeed(t.trim())
    case "units":
      return resolver.unit(t, at)
    case "councils":
      return resolver.council(t, at)
    case "terms":
      return resolver.term(council as string, t, at)
    case "organs":
      return resolver.organ(council as string, t, at)
    case "sessions":
      return resolver.session(council as string, t, at)
    case "meetings":
      return resolver.meeting(council as string, t, at)
    case "committeeKinds":
      return resolver.committeeKind(t)
    case "indicators":
      return resolver.indicator(t)
    default:
      return Result.map(resolver.activityKind(t), (k) => k.kind)
  }
}

const anyOrganColumns = new WeakMap<ReadonlyArray<Column>, boolean>()

/** Whether a layout has a column referring to an organ of any council (worked out once per layout). */
const hasAnyOrgan = (columns: ReadonlyArray<Column>): boolean => {
  let has = anyOrganColumns.get(columns)
  if (has === undefined) {
    has = columns.some((c) => c.ref === "anyOrgans")
    anyOrganColumns.set(columns, has)
  }
  return has
}

/** The items of a list cell ("Ban Pháp chế; Ban Dân tộc"): split at semicolons and line breaks, trimmed, blanks dropped. */
const listItems = (text: string): ReadonlyArray<string> =>
  text.includes(";") || text.includes("\n") ? text.split(/[;\n]/).map((s) => s.trim()).filter((s) => s !== "") : [text]

/**
 * Builds the record of one row (the cells of a source laid out by `layout`, see {@link layoutOf}),
 * or every problem of the row.
 */
export const build = (ctx: BuildContext, layout: Layout, cells: ReadonlyArray<Cell>): { readonly record: unknown } | { readonly problems: ReadonlyArray<ImportProblem> } => {
  const { kind, resolver } = ctx
  const problems: Array<ImportProblem> = []
  // The fields with a problem, and those left unresolved for want of a council (sets made when needed).
  let reported: Set<string> | undefined
  let skipped: Set<string> | undefined
  const isReported = (field: string): boolean => reported !== undefined && reported.has(field)
  const isSkipped = (field: string): boolean => skipped !== undefined && skipped.has(field)
  const { columns, positions, index } = layout
  const n = columns.length
  // The trimmed text of each mapped cell; "" for an empty one.
  const texts = new Array<string>(n)
  for (let k = 0; k < n; k++) texts[k] = (cells[positions[k] as number] as Cell).value.trim()
  /** The text of a field's cell, undefined when empty or not a column. */
  const raw = (field: string): string | undefined => {
    const k = index.get(field)
    if (k === undefined) return undefined
    const t = texts[k] as string
    return t === "" ? undefined : t
  }
  /** The cell of a field. */
  const cellOf = (field: string): Cell | undefined => {
    const k = index.get(field)
    return k === undefined ? undefined : cells[positions[k] as number]
  }
  const out = new Map<string, unknown>()
  const entity = Dataset.entityNames[kind]
  const id = raw("id")

  const report = (field: string, code: string, vi: string, en: string): void => {
    const at = cellOf(baseField(field)) ?? cellOf(field)
    ;(reported ??= new Set()).add(baseField(field))
    problems.push(importProblem({ entity, id, field, code, vi, en, file: ctx.file, sheet: ctx.sheet, row: ctx.row, column: at?.column, header: at?.header }))
  }
  const unresolved = (field: string, r: Resolution<unknown>): void => {
    if (Result.isFailure(r)) report(field, r.failure.code, r.failure.vi, r.failure.en)
  }

  // 1. Plain values.
  for (let k = 0; k < n; k++) {
    const text = texts[k] as string
    if (text === "") continue
    const c = columns[k] as Column
    const field = c.field
    switch (c.type) {
      case "id":
      case "text":
        out.set(field, text)
        break
      case "date": {
        const d = parseDate(text)
        if (d === undefined) {
          report(field, "import.invalid-date", `ngày "${text}" không hợp lệ; hãy viết dd/mm/yyyy (ví dụ 14/10/2023) hoặc yyyy-mm-dd`,
            `date "${text}" is not valid; write it as dd/mm/yyyy (e.g. 14/10/2023) or yyyy-mm-dd`)
        } else out.set(field, d)
        break
      }
      case "integer": {
        const n = parseInteger(text)
        // A tally's number written with its qualifier, "trên 1.500": the qualifier column, if filled, wins.
        const q = n === undefined && kind === "tallies" && field === "value" ? splitQualified(text) : undefined
        const qn = q === undefined ? undefined : parseInteger(q.number)
        if (q !== undefined && qn !== undefined) {
          out.set(field, qn)
          if (!out.has("qualifier")) {
            out.set("qualifier", q.code)
            if (q.wording !== undefined) out.set("qualifierText", q.wording)
          }
        } else if (n === undefined) report(field, "import.invalid-number", `"${text}" không phải số nguyên; hãy ghi số như 7 hoặc 1.044`, `"${text}" is not a whole number; write a number like 7 or 1044`)
        else out.set(field, n)
        break
      }
      case "month":
      case "quarter": {
        // Only the two period columns of work-programme items: activity rows never come here.
        const isMonth = c.type === "month"
        const v = isMonth ? parseMonth(text) : parseQuarter(text)
        if (v === undefined) {
          const p = isMonth ? invalidMonth(text) : invalidQuarter(text)
          report(field, p.code, p.vi, p.en)
        } else out.set(field, v)
        break
      }
      case "convocation": {
        const r = parseConvocation(text)
        if (r === undefined) report(field, "import.invalid-convocation", `khóa "${text}" không hợp lệ; hãy ghi số La Mã (XV) hoặc số (15)`, `convocation "${text}" is not valid; write a Roman numeral (XV) or a number (15)`)
        else out.set(field, r)
        break
      }
      case "enum": {
        const name = c.vocabulary ?? "boolean"
        const term = lookup(name, text)
        if (term === undefined) {
          report(field, "import.unknown-value", `giá trị "${text}" không hợp lệ cho cột "${c.vi}"; hãy dùng một trong: ${describe(name, "vi")}`,
            `"${text}" is not a valid value for column "${c.en}"; use one of: ${describe(name, "en")}`)
        } else {
          out.set(field, term.code)
          if (kind === "tallies" && field === "qualifier") {
            // The word as entered is printed ("trên 1.500"); a number cell's own word gives way to this column.
            const wording = qualifierWording(text)
            if (wording === undefined) out.delete("qualifierText")
            else out.set("qualifierText", wording)
          }
        }
        break
      }
      case "attribute": {
        const name = field.slice("attributes.".length)
        const type = ATTRIBUTE_TYPES[name]
        if (type === "boolean" || (type === undefined && lookup("boolean", text) !== undefined && !/^\d+$/.test(text))) {
          const b = lookup("boolean", text)
          if (b === undefined) report(field, "import.unknown-value", `"${text}" phải là có hoặc không`, `"${text}" must be yes or no`)
          else out.set(field, b.code === "true")
        } else if (type === "list") {
          const list = parseListAttribute(text)
          if (list !== undefined) out.set(field, list)
        } else if (type === "letterType") {
          const term = lookup("letterType", text)
          if (term === undefined) report(field, "import.unknown-value", `"${text}" không hợp lệ; hãy dùng một trong: ${describe("letterType", "vi")}`, `"${text}" is not valid; use one of: ${describe("letterType", "en")}`)
          else out.set(field, term.code)
        } else {
          const n = parseInteger(text)
          if (n !== undefined) out.set(field, n)
          else if (type === "integer") report(field, "import.invalid-number", `"${text}" không phải số nguyên`, `"${text}" is not a whole number`)
          else out.set(field, text)
        }
        break
      }
      case "ref":
      case "refs":
        break
    }
  }

  // 2. Defaults and values derived from other cells.
  // A lineage event may have no former units (establish) or no new ones (abolish): an empty cell.
  if (kind === "lineage") for (const f of ["sources", "targets"]) if (!out.has(f) && !isReported(f)) out.set(f, [])
  if (kind === "sessions" || kind === "meetings") {
    const labelText = raw("label")
    if (!out.has("ordinal") && !isReported("ordinal") && labelText !== undefined) {
      const p = parseOrdinal(labelText)
      if (p !== undefined) out.set("ordinal", p.ordinal)
    }
  }
  if (kind === "sessions") {
    const labelKey = valueKey(raw("label") ?? "")
    let type = out.get("type") as string | undefined
    if (type === undefined && !isReported("type")) {
      type = /\bchuyen de\b/.test(labelKey) ? "chuyen-de" : /\bbat thuong\b/.test(labelKey) ? "bat-thuong" : /\bdot xuat\b/.test(labelKey) ? "phat-sinh-dot-xuat" : "regular"
    }
    if (type !== undefined && SPECIAL_LABELS.has(type)) {
      const explicit = out.get("specialLabel")
      if (explicit !== undefined && explicit !== type) {
        report("specialLabel", "import.conflict", `"Loại kỳ họp" ghi ${type} nhưng cột này ghi ${String(explicit)}; hãy để trống một trong hai`,
          `the session type says ${type} but this column says ${String(explicit)}; leave one of them empty`)
      }
      out.set("specialLabel", explicit ?? type)
      type = "special"
    }
    if (type !== undefined) out.set("type", type)
    if (!out.has("series") && !isReported("series")) out.set("series", "all")
    if (!out.has("dates.to") && out.has("dates.from") && raw("dates.to") === undefined) out.set("dates.to", out.get("dates.from"))
  }

  // 3. References.
  const primary = primaryDate(kind, out)
  let council: string | undefined
  if (HAS_COUNCIL.has(kind)) {
    const text = raw("council") ?? ctx.council
    if (text !== undefined) {
      const r = resolver.council(text, primary)
      if (Result.isSuccess(r)) {
        council = r.success
        out.set("council", council)
      } else if (raw("council") !== undefined) unresolved("council", r)
      else report("council", r.failure.code, `HĐND mặc định: ${r.failure.vi}`, `default council: ${r.failure.en}`)
    }
  }
  // The council an organ of any council is first looked for in: the record's, or for a record
  // without one (an evaluation) the import's default council.
  let scope = council
  if (scope === undefined && !HAS_COUNCIL.has(kind) && ctx.council !== undefined && hasAnyOrgan(columns)) {
    const r = resolver.council(ctx.council, primary)
    if (Result.isSuccess(r)) scope = r.success
  }
  for (let k = 0; k < n; k++) {
    const text = texts[k] as string
    if (text === "") continue
    const c = columns[k] as Column
    const field = c.field
    if ((c.type !== "ref" && c.type !== "refs") || field === "council") continue
    const target = c.ref
    const at = kind === "lineage" && field === "sources" && primary !== undefined ? dayBefore(primary) : primary
    const needsCouncil = target === "terms" || target === "organs" || target === "sessions" || target === "meetings"
    if (needsCouncil && council === undefined) {
      ;(skipped ??= new Set()).add(field)
      continue
    }
    if (c.type === "refs") {
      const items = listItems(text)
      const ids: Array<string> = []
      for (let i = 0; i < items.length; i++) {
        const r = resolveOne(resolver, target, target === "anyOrgans" ? scope : council, at, items[i] as string)
        if (Result.isSuccess(r)) ids.push(r.success)
        else report(`${field}[${i}]`, r.failure.code, r.failure.vi, r.failure.en)
      }
      if (ids.length === items.length) out.set(field, ids)
      continue
    }
    if (target === "activityKinds") {
      const r = resolver.activityKind(text)
      if (Result.isFailure(r)) {
        unresolved(field, r)
        continue
      }
      out.set(field, r.success.kind)
      // "giám sát chuyên đề" also fills an activity's mode; a programme item has no such field.
      const implied = kind === "activities" ? r.success.implies : undefined
      if (implied !== undefined) {
        const given = out.get(implied.field)
        if (given === undefined && !isReported(implied.field)) out.set(implied.field, implied.value)
        else if (given !== undefined && given !== implied.value) {
          report(implied.field, "import.conflict", `"${text}" nghĩa là ${implied.field} = ${implied.value}, nhưng cột này ghi ${String(given)}; hãy sửa một trong hai`,
            `"${text}" means ${implied.field} = ${implied.value}, but this column says ${String(given)}; correct one of them`)
        }
      }
      continue
    }
    const r = resolveOne(resolver, target, target === "anyOrgans" ? scope : council, at, text)
    if (Result.isSuccess(r)) out.set(field, r.success)
    else unresolved(field, r)
  }
  if (kind === "activities" && raw("owner") === undefined && !isReported("organisers") && !isSkipped("organisers")) {
    const organisers = out.get("organisers") as ReadonlyArray<string> | undefined
    if (organisers !== undefined && organisers.length === 1) out.set("owner", organisers[0])
    else if (organisers !== undefined && organisers.length > 1) {
      report("owner", "import.required", "có nhiều cơ quan chủ trì nên phải ghi hoạt động thuộc thẩm quyền của cơ quan nào (HĐND, Thường trực hay một Ban)",
        "with several organisers, say which organ the activity belongs to (the council, the standing committee or a committee)")
    }
  }

  // 4. Required cells left empty.
  for (let k = 0; k < n; k++) {
    const c = columns[k] as Column
    if (!c.required || out.has(c.field) || isReported(c.field) || isSkipped(c.field) || texts[k] !== "") continue
    report(c.field, "import.required", `ô "${c.vi}" không được để trống: ${c.noteVi}`, `"${c.en}" must not be empty: ${c.noteEn}`)
  }

  // 5. The core schema, with every problem at once.
  const input: Record<string, unknown> = {}
  for (const [field, value] of out) setPath(input, field, value)
  const decoded = decodeEntity(kind, input)
  if (Result.isFailure(decoded)) {
    const byField = new Map<string, Cell>()
    for (let k = 0; k < n; k++) byField.set((columns[k] as Column).field, cells[positions[k] as number] as Cell)
    for (const p of Errors.problemsFromParseError(entity, id, decoded.failure)) {
      const base = baseField(p.field)
      const covered = [...(reported ?? []), ...(skipped ?? [])].some((f) => base === f || base.startsWith(`${f}.`) || f.startsWith(`${base}.`))
      if (covered) continue
      const target = fieldColumn(p.field, byField)
      problems.push(importProblem({
        entity,
        id,
        field: p.field,
        code: p.code,
        vi: p.vi,
        en: p.en,
        file: ctx.file,
        sheet: ctx.sheet,
        row: ctx.row,
        column: target?.column,
        header: target?.header
      }))
    }
    if (problems.length === 0) {
      problems.push(importProblem({ entity, id, field: "", code: "import.invalid", vi: "dữ liệu không hợp lệ", en: "invalid data", file: ctx.file, sheet: ctx.sheet, row: ctx.row }))
    }
  }
  if (problems.length > 0) return { problems }
  return { record: (decoded as Result.Success<unknown, unknown>).success }
}

/** The cell a field path of a schema problem belongs to: the field, or for a range the cell of its end. */
export const fieldColumn = <M>(field: string, byField: ReadonlyMap<string, M>): M | undefined => {
  const base = baseField(field)
  return byField.get(base) ?? byField.get(`${base}.to`) ?? byField.get(`${base}.from`) ?? [...byField.entries()].find(([f]) => base.startsWith(`${f}.`))?.[1]
}
