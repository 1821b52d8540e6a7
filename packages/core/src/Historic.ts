/**
 * Historic entry made easy: a record at a level of local government that later ceased (the district
 * level, cấp huyện, whose councils "kết thúc hoạt động từ ngày 01 tháng 7 năm 2025", Law 72/2025),
 * entered without an end date, ends on the last day of that level (30 June 2025; ranges are
 * inclusive). The records concerned are those with a validity: administrative units (their level is
 * their type's), councils (their unit's level), terms and organs (their council's unit's level).
 *
 * {@link close} does it for a batch before it is validated, and says so in a {@link HistoricNotice}
 * (Vietnamese and English, listing the records it closed) rather than an error. A record that starts
 * after the level ended is left as it is (validation rejects it); an explicit end date after the
 * level ended is still an error (`Validation`, code `after-level-end`). As-of queries answer as
 * they would for the same records ended by hand.
 *
 * The importer (`@hdnd/import`), the Promise client's `load`/`upsert` and {@link upsert} (Effect)
 * close batches this way; `Store.upsert` itself writes exactly what it is given.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { AdminUnit } from "./AdminUnit.js"
import { Level, levelOfUnitType } from "./AdminUnit.js"
import type { DateRange } from "./CalendarDate.js"
import { addDays, CalendarDate } from "./CalendarDate.js"
import type { Council } from "./Council.js"
import type { Batch, Dataset } from "./Dataset.js"
import { entitySchemas } from "./Dataset.js"
import type { StoreError, ValidationError } from "./Errors.js"
import { DISTRICT_LEVEL_ENDED } from "./LegalEra.js"
import type { UpsertResult } from "./Store.js"
import { Store, structure } from "./Store.js"

/**
 * A level of local government that ceased, with its last day and the law that ended it.
 *
 * @since 0.2.0
 * @category models
 */
export interface CeasedLevel {
  readonly level: Level
  /** The last day the level existed (inclusive); its councils stopped the next day. */
  readonly lastDay: CalendarDate
  readonly vi: string
  readonly en: string
  readonly source: string
}

/**
 * The levels that ceased: the district level, whose last day was 30 June 2025 (district councils
 * stopped operating on {@link DISTRICT_LEVEL_ENDED}, 1 July 2025).
 *
 * @since 0.2.0
 * @category data
 */
export const ceasedLevels: ReadonlyArray<CeasedLevel> = [
  {
    level: "district",
    lastDay: addDays(DISTRICT_LEVEL_ENDED, -1),
    vi: "cấp huyện",
    en: "district level",
    source: "Luật 72/2025/QH15: HĐND, UBND cấp huyện kết thúc hoạt động từ ngày 01/7/2025 [V]"
  }
]

/**
 * The last day of a level, if it ceased.
 *
 * @since 0.2.0
 * @category queries
 */
export const lastDayOf = (level: Level): CalendarDate | undefined => ceasedLevels.find((c) => c.level === level)?.lastDay

/**
 * The kinds of records that carry a validity and so may be closed.
 *
 * @since 0.2.0
 * @category models
 */
export const ClosableKind = Schema.Literals(["units", "councils", "terms", "organs"])
/** @since 0.2.0 @category models */
export type ClosableKind = typeof ClosableKind.Type

/**
 * A record closed at the end of its level: its kind, id, level and the validity it was given.
 *
 * @since 0.2.0
 * @category models
 */
export class ClosedRecord extends Schema.Class<ClosedRecord>("ClosedRecord")({
  kind: ClosableKind,
  id: Schema.String,
  level: Level,
  from: CalendarDate,
  to: CalendarDate
}) {}

/**
 * A notice (not an error): records entered without an end date at a level that later ceased were
 * ended on the level's last day. Its `message` lists them, in Vietnamese then English.
 *
 * @since 0.2.0
 * @category models
 */
export class HistoricNotice extends Schema.TaggedClass<HistoricNotice>()("HistoricNotice", {
  code: Schema.Literal("closed-at-level-end"),
  records: Schema.Array(ClosedRecord)
}) {
  /** The notice in Vietnamese. */
  get vi(): string {
    return describe(this.records, "vi")
  }
  /** The notice in English. */
  get en(): string {
    return describe(this.records, "en")
  }
  /** Vietnamese, then English. */
  get message(): string {
    return `${this.vi}\n${this.en}`
  }
}

const WHAT: Readonly<Record<ClosableKind, readonly [string, string]>> = {
  units: ["đơn vị hành chính", "administrative unit"],
  councils: ["HĐND", "council"],
  terms: ["nhiệm kỳ", "term"],
  organs: ["cơ quan", "organ"]
}

const describe = (records: ReadonlyArray<ClosedRecord>, lang: "vi" | "en"): string => {
  const lines = ceasedLevels.flatMap((c) => {
    const mine = records.filter((r) => r.level === c.level)
    if (mine.length === 0) return []
    const list = mine.map((r) => `${WHAT[r.kind][lang === "vi" ? 0 : 1]} "${r.id}"`).join(", ")
    return lang === "vi"
      ? [`Ghi chú: ${mine.length} bản ghi ${c.vi} không có ngày kết thúc đã được cho kết thúc ngày ${c.lastDay}, ngày cuối cùng của ${c.vi} (${c.source}): ${list}. Nếu bản ghi kết thúc sớm hơn, hãy ghi ngày kết thúc.`]
      : [`Note: ${mine.length} ${c.en} record${mine.length === 1 ? "" : "s"} without an end date ${mine.length === 1 ? "was" : "were"} ended on ${c.lastDay}, the last day of the ${c.en}: ${list}. If a record ended earlier, give its end date.`]
  })
  return lines.join("\n")
}

/**
 * Where {@link close} finds the units and councils a batch refers to but does not hold (usually what
 * the store holds: a `Dataset`, or the structure read from a store).
 *
 * @since 0.2.0
 * @category models
 */
export interface Known {
  readonly units: ReadonlyMap<string, AdminUnit>
  readonly councils: ReadonlyMap<string, Council>
}

/**
 * What {@link close} returns: the batch with the records closed, and a notice when it closed any.
 *
 * @since 0.2.0
 * @category models
 */
export interface Closed {
  readonly batch: Batch
  readonly notice: HistoricNotice | undefined
}

/**
 * Ends, on the last day of their level, the records of a batch at a level that ceased that have no
 * end date and began on or before that day: units, councils, terms and organs (the level of a
 * council, term or organ is its unit's, looked up in the batch, then in `known`). Other records and
 * the order of every collection are kept; a record whose unit cannot be found is left as it is.
 *
 * @since 0.2.0
 * @category closing
 */
export const close = (batch: Batch, known: Known | Dataset): Closed => {
  const units = new Map<string, AdminUnit>()
  const councils = new Map<string, Council>()
  for (const u of batch.units ?? []) units.set(u.id, u)
  for (const c of batch.councils ?? []) councils.set(c.id, c)
  const unit = (id: string): AdminUnit | undefined => units.get(id) ?? (known.units as ReadonlyMap<string, AdminUnit>).get(id)
  const council = (id: string): Council | undefined => councils.get(id) ?? (known.councils as ReadonlyMap<string, Council>).get(id)
  const levelOfCouncil = (id: string): Level | undefined => {
    const c = council(id)
    const u = c === undefined ? undefined : unit(c.unit)
    return u === undefined ? undefined : levelOfUnitType[u.type]
  }
  const closed: Array<ClosedRecord> = []
  const out: Record<string, unknown> = { ...batch }
  const each = <R extends { readonly id: string; readonly validity: DateRange }>(kind: ClosableKind, records: ReadonlyArray<R> | undefined, level: (r: R) => Level | undefined) => {
    if (records === undefined) return
    let changed = false
    const next = records.map((r) => {
      if (r.validity.to !== undefined) return r
      const l = level(r)
      const last = l === undefined ? undefined : lastDayOf(l)
      if (l === undefined || last === undefined || r.validity.from > last) return r
      changed = true
      closed.push(new ClosedRecord({ kind, id: r.id, level: l, from: r.validity.from, to: last }))
      const Class = entitySchemas[kind] as unknown as new (props: unknown) => R
      return new Class({ ...r, validity: { from: r.validity.from, to: last } })
    })
    if (changed) out[kind] = next
  }
  each("units", batch.units, (u) => levelOfUnitType[u.type])
  // Councils, terms and organs are closed by their unit's level, whether or not the unit was closed.
  each("councils", batch.councils, (c) => {
    const u = unit(c.unit)
    return u === undefined ? undefined : levelOfUnitType[u.type]
  })
  each("terms", batch.terms, (t) => levelOfCouncil(t.council))
  each("organs", batch.organs, (o) => levelOfCouncil(o.council))
  if (closed.length === 0) return { batch, notice: undefined }
  return { batch: out as Batch, notice: new HistoricNotice({ code: "closed-at-level-end", records: closed }) }
}

/**
 * What {@link upsert} returns: the store's counts and the notices.
 *
 * @since 0.2.0
 * @category models
 */
export interface UpsertWithNotices extends UpsertResult {
  readonly notices: ReadonlyArray<HistoricNotice>
}

/**
 * Closes a batch against what the store holds ({@link close}), then writes it: the Effect API's way
 * to enter historic records. The notice, if any, is in the result.
 *
 * @since 0.2.0
 * @category closing
 */
export const upsert = (batch: Batch): Effect.Effect<UpsertWithNotices, ValidationError | StoreError, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const needsLookup = (batch.councils?.length ?? 0) + (batch.terms?.length ?? 0) + (batch.organs?.length ?? 0) > 0
    const known: Known = needsLookup ? yield* structure(store) : { units: new Map(), councils: new Map() }
    const { batch: closed, notice } = close(batch, known)
    const result = yield* store.upsert(closed)
    return { ...result, notices: notice === undefined ? [] : [notice] }
  })
