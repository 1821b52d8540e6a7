/**
 * The record builder as it was before compiled decoders and per-source layouts (commit 7fb9610),
 * kept as the oracle of the differential test (`Legacy.test.ts`): the importer must still build the
 * same records and report the same problems at the same places. Changed since only to know the
 * entities added later (recommendations, responses, evaluations, work programmes and their items):
 * their primary dates, councils, references by id and to an organ of any council; and to read the
 * month and quarter cells of work-programme items with the same readers.
 */
import type { CalendarDate } from "@hdnd/core"
import { Dataset, Errors } from "@hdnd/core"
import * as Result from "effect/Result"
import type { ImportProblem } from "../../src/ImportError.js"
import { importProblem } from "../../src/ImportError.js"
import type { Column } from "../../src/Interchange.js"
import type { Resolution, Resolver } from "../../src/Resolve.js"
import { dayBefore, parseConvocation, parseOrdinal } from "../../src/Resolve.js"
import type { Cell } from "../../src/SourceRow.js"
import { describe, lookup, qualifierWording, splitQualified, valueKey } from "../../src/Vocabulary.js"
import { ATTRIBUTE_TYPES, parseListAttribute, baseField, decodersWith, HAS_COUNCIL, invalidMonth, invalidQuarter, parseDate, parseInteger, parseMonth, parseQuarter, PRIMARY_DATE, setPath, SPECIAL_LABELS } from "../../src/internal/fields.js"

/** A cell with the column it was mapped to. */
export interface Mapped {
  readonly column: Column
  readonly cell: Cell
}

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

// Most rows are valid: decode stopping at the first problem (~30% cheaper), and only for a row that
// has one decode again collecting every problem.
const fastDecoders = decodersWith("first")
const decoders = decodersWith("all")

const BY_ID: ReadonlySet<string> = new Set(["activities", "recommendations", "responses", "programmes", "programmeItems"])



/** Builds the record of one row, or every problem of the row. */
export const build = (ctx: BuildContext, cells: ReadonlyArray<Mapped>): { readonly record: unknown } | { readonly problems: ReadonlyArray<ImportProblem> } => {
  const { kind, resolver } = ctx
  const problems: Array<ImportProblem> = []
  const reported = new Set<string>()
  const byField = new Map<string, Mapped>()
  const raw = new Map<string, string>()
  for (const m of cells) {
    byField.set(m.column.field, m)
    const v = m.cell.value.trim()
    if (v !== "") raw.set(m.column.field, v)
  }
  const out = new Map<string, unknown>()
  const entity = Dataset.entityNames[kind]
  const id = raw.get("id")

  const report = (field: string, code: string, vi: string, en: string): void => {
    const at = byField.get(baseField(field)) ?? byField.get(field)
    reported.add(baseField(field))
    problems.push(importProblem({ entity, id, field, code, vi, en, file: ctx.file, sheet: ctx.sheet, row: ctx.row, column: at?.cell.column, header: at?.cell.header }))
  }
  const unresolved = (field: string, r: Resolution<unknown>): void => {
    if (Result.isFailure(r)) report(field, r.failure.code, r.failure.vi, r.failure.en)
  }

  // 1. Plain values.
  for (const [field, text] of raw) {
    const c = (byField.get(field) as Mapped).column
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
  if (kind === "lineage") for (const f of ["sources", "targets"]) if (!out.has(f) && !reported.has(f)) out.set(f, [])
  if (kind === "sessions" || kind === "meetings") {
    const labelText = raw.get("label")
    if (!out.has("ordinal") && !reported.has("ordinal") && labelText !== undefined) {
      const p = parseOrdinal(labelText)
      if (p !== undefined) out.set("ordinal", p.ordinal)
    }
  }
  if (kind === "sessions") {
    const labelKey = valueKey(raw.get("label") ?? "")
    let type = out.get("type") as string | undefined
    if (type === undefined && !reported.has("type")) {
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
    if (!out.has("series") && !reported.has("series")) out.set("series", "all")
    if (!out.has("dates.to") && out.has("dates.from") && !raw.has("dates.to")) out.set("dates.to", out.get("dates.from"))
  }

  // 3. References.
  const primaryField = PRIMARY_DATE[kind]
  let primary = primaryField === undefined ? undefined : (out.get(primaryField) as CalendarDate.CalendarDate | undefined)
  // A programme without its adoption date: the first day of its year.
  const year = out.get("year")
  if (primary === undefined && kind === "programmes" && typeof year === "number" && Number.isInteger(year) && year >= 1000 && year <= 9999) {
    primary = `${year}-01-01` as CalendarDate.CalendarDate
  }
  let council: string | undefined
  const skipped = new Set<string>()
  if (HAS_COUNCIL.has(kind)) {
    const text = raw.get("council") ?? ctx.council
    if (text !== undefined) {
      const r = resolver.council(text, primary)
      if (Result.isSuccess(r)) {
        council = r.success
        out.set("council", council)
      } else if (raw.has("council")) unresolved("council", r)
      else report("council", r.failure.code, `HĐND mặc định: ${r.failure.vi}`, `default council: ${r.failure.en}`)
    }
  }
  // An organ of any council is looked for first in the record's council, or the default one.
  let scope = council
  if (scope === undefined && !HAS_COUNCIL.has(kind) && ctx.council !== undefined && cells.some((m) => m.column.ref === "anyOrgans")) {
    const r = resolver.council(ctx.council, primary)
    if (Result.isSuccess(r)) scope = r.success
  }
  for (const [field, text] of raw) {
    const c = (byField.get(field) as Mapped).column
    if ((c.type !== "ref" && c.type !== "refs") || field === "council") continue
    const target = c.ref
    const at = kind === "lineage" && field === "sources" && primary !== undefined ? dayBefore(primary) : primary
    const one = (t: string): Resolution<string> => {
      if (target !== undefined && BY_ID.has(target)) return Result.succeed(t.trim())
      switch (target) {
        case "anyOrgans":
          return resolver.anyOrgan(scope, t, at)
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
    const needsCouncil = target === "terms" || target === "organs" || target === "sessions" || target === "meetings"
    if (needsCouncil && council === undefined) {
      skipped.add(field)
      continue
    }
    if (c.type === "refs") {
      const items = text.split(/[;\n]/).map((s) => s.trim()).filter((s) => s !== "")
      const ids: Array<string> = []
      items.forEach((item, i) => {
        const r = one(item)
        if (Result.isSuccess(r)) ids.push(r.success)
        else report(`${field}[${i}]`, r.failure.code, r.failure.vi, r.failure.en)
      })
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
      const implied = kind === "activities" ? r.success.implies : undefined
      if (implied !== undefined) {
        const given = out.get(implied.field)
        if (given === undefined && !reported.has(implied.field)) out.set(implied.field, implied.value)
        else if (given !== undefined && given !== implied.value) {
          report(implied.field, "import.conflict", `"${text}" nghĩa là ${implied.field} = ${implied.value}, nhưng cột này ghi ${String(given)}; hãy sửa một trong hai`,
            `"${text}" means ${implied.field} = ${implied.value}, but this column says ${String(given)}; correct one of them`)
        }
      }
      continue
    }
    const r = one(text)
    if (Result.isSuccess(r)) out.set(field, r.success)
    else unresolved(field, r)
  }
  if (kind === "activities" && !raw.has("owner") && !reported.has("organisers") && !skipped.has("organisers")) {
    const organisers = out.get("organisers") as ReadonlyArray<string> | undefined
    if (organisers !== undefined && organisers.length === 1) out.set("owner", organisers[0])
    else if (organisers !== undefined && organisers.length > 1) {
      report("owner", "import.required", "có nhiều cơ quan chủ trì nên phải ghi hoạt động thuộc thẩm quyền của cơ quan nào (HĐND, Thường trực hay một Ban)",
        "with several organisers, say which organ the activity belongs to (the council, the standing committee or a committee)")
    }
  }

  // 4. Required cells left empty.
  for (const m of cells) {
    const c = m.column
    if (!c.required || out.has(c.field) || reported.has(c.field) || skipped.has(c.field) || raw.has(c.field)) continue
    report(c.field, "import.required", `ô "${c.vi}" không được để trống: ${c.noteVi}`, `"${c.en}" must not be empty: ${c.noteEn}`)
  }

  // 5. The core schema, with every problem at once.
  const input: Record<string, unknown> = {}
  for (const [field, value] of out) setPath(input, field, value)
  const fast = fastDecoders[kind](input)
  const decoded = Result.isSuccess(fast) ? fast : decoders[kind](input)
  if (Result.isFailure(decoded)) {
    for (const p of Errors.problemsFromParseError(entity, id, decoded.failure)) {
      const base = baseField(p.field)
      const covered = [...reported, ...skipped].some((f) => base === f || base.startsWith(`${f}.`) || f.startsWith(`${base}.`))
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
        column: target?.cell.column,
        header: target?.cell.header
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
