/**
 * Cross-record validation: what the schemas cannot see because it needs other records or the
 * registry (references, dates that must nest, committee kinds allowed by level and era, lineage
 * dates, codes reused across 1 July 2025 …). Every problem is returned at once; nothing throws.
 *
 * A batch is checked against the dataset with the batch applied. Look-ups go through maps, so a
 * batch is checked in time proportional to its size; the few dataset-wide indexes (units by code,
 * councils by unit, terms by council) are built only when a record needing them is checked, and the
 * hierarchy (for naming the councils in office on a date) only when a record falls outside its
 * council's lifetime.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type { Activity } from "./Activity.js"
import type { ClassifyingField } from "./ActivityKind.js"
import type { AdminUnit, Level, LineageEvent } from "./AdminUnit.js"
import { levelOfUnitType, lineageArity, unitTypeLabels } from "./AdminUnit.js"
import type { CalendarDate, DateRange } from "./CalendarDate.js"
import { addDays, contains, overlaps, within } from "./CalendarDate.js"
import type { CommitteeRule } from "./CommitteeKind.js"
import type { Council, Organ, Term } from "./Council.js"
import type { CouncilDocument } from "./CouncilDocument.js"
import type { Hierarchy } from "./Hierarchy.js"
import { lastDayOf } from "./Historic.js"
import type { ActivityId } from "./Ids.js"
import type { Programme, ProgrammeItem } from "./Programme.js"
import { check as checkProgrammes } from "./Programme.js"
import type { Evaluation, Recommendation, Response } from "./Recommendation.js"
import { check as checkRecommendations } from "./RecommendationStatus.js"
import { make as makeHierarchy } from "./Hierarchy.js"
import type { Batch, Dataset, EntityKind } from "./Dataset.js"
import { empty, entityKinds, entityNames, entitySchemas } from "./Dataset.js"
import type { Problem } from "./Errors.js"
import { DECODE_OPTIONS, problem, problemsFromParseError } from "./Errors.js"
import type { Registry } from "./Registry.js"
import type { Resolution } from "./Resolution.js"
import type { Session, StandingMeeting } from "./Session.js"
import type { Tally } from "./Tally.js"
import { editDistance, matchKey } from "./Text.js"

interface Records {
  units: AdminUnit; lineage: LineageEvent; councils: Council; terms: Term; organs: Organ
  sessions: Session; meetings: StandingMeeting; activities: Activity; tallies: Tally
  recommendations: Recommendation; responses: Response; evaluations: Evaluation; programmes: Programme; programmeItems: ProgrammeItem
  resolutions: Resolution; documents: CouncilDocument
}
type Rec<K extends EntityKind> = Records[K]
type Scoped = "terms" | "organs" | "sessions" | "meetings"

const WHAT: Readonly<Record<EntityKind, readonly [string, string]>> = {
  units: ["đơn vị hành chính", "administrative unit"], lineage: ["sự kiện sắp xếp", "lineage event"], councils: ["HĐND", "council"],
  terms: ["nhiệm kỳ", "term"], organs: ["cơ quan", "organ"], sessions: ["kỳ họp", "session"],
  meetings: ["phiên họp Thường trực", "standing-committee meeting"], activities: ["hoạt động", "activity"], tallies: ["số liệu tổng hợp", "tally"],
  recommendations: ["kiến nghị", "recommendation"], responses: ["văn bản trả lời", "response"], evaluations: ["đánh giá", "evaluation"],
  programmes: ["chương trình công tác", "work programme"], programmeItems: ["nội dung chương trình", "programme item"],
  resolutions: ["nghị quyết", "resolution"], documents: ["văn bản trình", "submitted document"]
}
/** The follow-up collections checked together (merges, responses, evaluations refer to each other). */
const FOLLOW_UP = ["recommendations", "responses", "evaluations"] as const
/** Labels, rank and GSO code length of each level. */
const LEVEL: Readonly<Record<Level, readonly [string, string, number, number]>> = {
  province: ["tỉnh", "province", 0, 2], district: ["huyện", "district", 1, 3], commune: ["xã", "commune", 2, 5]
}
const CLASSIFYING: ReadonlyArray<ClassifyingField> = ["subject", "mode", "origin", "venue", "resolutionKind"]
const RECHECKED = ["units", "councils", "terms", "organs", "sessions", "meetings"] as const

const levelOf = (u: AdminUnit): Level => levelOfUnitType[u.type]
const span = (r: DateRange): DateRange => ({ from: r.from, to: r.to ?? r.from })
const fmt = (r: DateRange, open: string): string => (r.to === r.from ? r.from : `${r.from} – ${r.to ?? open}`)
/** How many councils in office a problem suggests at most. */
const MAX_SUGGESTED = 5
const slugKey = (s: string): string => matchKey(s.replace(/[._:/-]+/g, " "))
const push = <K, V>(m: Map<K, Array<V>>, k: K, v: V): void => void (m.get(k)?.push(v) ?? m.set(k, [v]))

const distance = editDistance

const encoders = Object.fromEntries(
  entityKinds.map((k) => [k, Schema.encodeUnknownResult(entitySchemas[k] as unknown as Schema.Codec<unknown, unknown>)])
) as Record<EntityKind, (u: unknown) => Result.Result<unknown, unknown>>
const encode = (kind: EntityKind, r: unknown): string => {
  const e = encoders[kind](r)
  return JSON.stringify(Result.isSuccess(e) ? e.success : r)
}

/** The first stretch of `range` not covered by any of `rules` (undefined when fully covered). */
const firstGap = (range: DateRange, rules: ReadonlyArray<CommitteeRule>): DateRange | undefined => {
  let cursor = range.from
  for (;;) {
    let reach: CalendarDate | undefined | null = null
    for (const r of rules) {
      if (!contains(r.validity, cursor)) continue
      if (r.validity.to === undefined) return undefined
      if (reach === null || (reach !== undefined && r.validity.to > reach)) reach = r.validity.to
    }
    if (reach === null) {
      const next = rules.map((r) => r.validity.from).filter((f) => f > cursor).sort()[0]
      let to = next === undefined ? range.to : addDays(next, -1)
      if (range.to !== undefined && (to === undefined || to > range.to)) to = range.to
      return to === undefined ? { from: cursor } : { from: cursor, to }
    }
    if (reach === undefined || (range.to !== undefined && reach >= range.to)) return undefined
    cursor = addDays(reach, 1)
  }
}

class Checker {
  readonly out: Array<Problem> = []
  readonly inBatch: { readonly [K in EntityKind]: Map<string, Rec<K>> }
  private readonly indexes = new Map<string, Map<string, Array<unknown>>>()
  private readonly pairs = new Set<string>()
  private merged: Hierarchy | undefined

  constructor(readonly current: Dataset, batch: Batch, readonly registry: Registry) {
    const maps = {} as Record<EntityKind, Map<string, { readonly id: string }>>
    for (const kind of entityKinds) {
      const m = new Map<string, { readonly id: string }>()
      const reported = new Set<string>()
      for (const r of (batch[kind] ?? []) as ReadonlyArray<{ readonly id: string }>) {
        const prev = m.get(r.id)
        if (prev !== undefined && prev !== r && !reported.has(r.id) && encode(kind, prev) !== encode(kind, r)) {
          reported.add(r.id)
          this.report(kind, r.id, "id", "duplicate-id",
            `mã "${r.id}" xuất hiện nhiều lần trong lô với nội dung khác nhau; hãy giữ một bản ghi hoặc đặt mã khác cho từng bản ghi`,
            `id "${r.id}" occurs more than once in the batch with different content; keep one record or give each its own id`)
        }
        m.set(r.id, r)
      }
      maps[kind] = m
    }
    this.inBatch = maps as unknown as Checker["inBatch"]
  }

  report(kind: EntityKind, id: string, field: string, code: string, vi: string, en: string): void {
    this.out.push(problem({ entity: entityNames[kind], id, field, code, vi, en }))
  }

  stored<K extends EntityKind>(kind: K): ReadonlyMap<string, Rec<K>> {
    return this.current[kind] as unknown as ReadonlyMap<string, Rec<K>>
  }

  get<K extends EntityKind>(kind: K, id: string): Rec<K> | undefined {
    return this.inBatch[kind].get(id) ?? this.stored(kind).get(id)
  }

  /** Records of `kind` in the merged view whose `key` is `value`, indexed on first use. */
  by<K extends EntityKind>(kind: K, key: "code" | "unit" | "council", value: string): ReadonlyArray<Rec<K>> {
    let idx = this.indexes.get(`${kind}.${key}`)
    if (idx === undefined) {
      idx = new Map()
      const b = this.inBatch[kind]
      const add = (r: Rec<K>): void => push(idx as Map<string, Array<unknown>>, (r as unknown as Record<string, string>)[key] ?? "", r)
      for (const [id, r] of this.stored(kind)) if (!b.has(id)) add(r)
      for (const r of b.values()) add(r)
      this.indexes.set(`${kind}.${key}`, idx)
    }
    return (idx.get(value) ?? []) as ReadonlyArray<Rec<K>>
  }

  /** The hierarchy of the units and lineage with the batch applied, built on first use. */
  hierarchy(): Hierarchy {
    if (this.merged === undefined) {
      const all = <K extends "units" | "lineage">(kind: K): Array<Rec<K>> => {
        const b = this.inBatch[kind]
        return [...[...this.stored(kind).values()].filter((r) => !b.has(r.id)), ...b.values()]
      }
      this.merged = makeHierarchy(all("units"), all("lineage"))
    }
    return this.merged
  }

  ref<K extends EntityKind>(from: EntityKind, fromId: string, field: string, kind: K, id: string, council?: string): Rec<K> | undefined {
    const r = this.get(kind, id)
    if (r !== undefined) return r
    const near = council === undefined || !["terms", "organs", "sessions", "meetings"].includes(kind) ? [] : this.near(kind as Scoped, council, id)
    const [wVi, wEn] = WHAT[kind]
    this.report(from, fromId, field, "unknown-reference",
      `không tìm thấy ${wVi} "${id}"; hãy thêm bản ghi đó (trong lô này hoặc trước đó) hoặc sửa lại mã${near.length > 0 ? `; có phải là: ${near.join(", ")}?` : ""}`,
      `${wEn} "${id}" does not exist; add that record (in this batch or earlier) or correct the id${near.length > 0 ? `; did you mean: ${near.join(", ")}?` : ""}`)
    return undefined
  }

  /** Up to 5 ids of records of the same council whose id or name is close to the missing id. */
  private near(kind: Scoped, council: string, missing: string): ReadonlyArray<string> {
    const key = slugKey(missing)
    const limit = Math.max(2, Math.floor(key.length / 3))
    return this.by(kind, "council", council)
      .map((r) => ({ id: r.id, d: Math.min(distance(key, slugKey(r.id)), "name" in r ? distance(key, matchKey(r.name)) : Infinity) }))
      .filter((c) => c.d <= limit)
      .sort((a, b) => a.d - b.d)
      .slice(0, 5)
      .map((c) => c.id)
  }

  /** `inner` must lie within the validity of `outer`; the field gets `.from`/`.to` when `sub`. */
  inside(kind: EntityKind, id: string, field: string, sub: boolean, inner: DateRange, outerKind: EntityKind, outer: { readonly id: string; readonly validity: DateRange }): void {
    if (within(inner, outer.validity)) return
    const [wVi, wEn] = WHAT[outerKind]
    // The end is at fault only when the start lies within `outer`; otherwise the start is (it is also
    // the one end always written: a one-day record has no `to`).
    this.report(kind, id, sub ? `${field}.${contains(outer.validity, inner.from) ? "to" : "from"}` : field, "outside-validity",
      `thời gian ${fmt(inner, "nay")} nằm ngoài thời gian hiệu lực ${fmt(outer.validity, "nay")} của ${wVi} "${outer.id}"; hãy sửa ngày cho nằm trong khoảng đó hoặc tham chiếu đúng ${wVi}`,
      `dates ${fmt(inner, "open")} fall outside the validity ${fmt(outer.validity, "open")} of ${wEn} "${outer.id}"; correct the dates to lie within it or refer to the right ${wEn}`)
  }

  /**
   * The (closed) dates of an activity, session or meeting recorded directly for a council must lie
   * within the council's validity. Dates wholly after its end (a district council after 1 July 2025)
   * or wholly before its start (a new commune's council before it) get a message of their own: when
   * the council ended or began, and the councils in office on the record's first day that continue
   * its unit through the lineage (or preceded it). Returns whether the dates are within.
   */
  councilDates(kind: "activities" | "sessions" | "meetings" | "recommendations" | "resolutions" | "documents", id: string, field: string, sub: boolean, dates: DateRange, c: Council): boolean {
    if (within(dates, c.validity)) return true
    const last = dates.to ?? dates.from
    const ended = c.validity.to !== undefined && dates.from > c.validity.to
    if (!ended && last >= c.validity.from) {
      this.inside(kind, id, field, sub, dates, "councils", c)
      return false
    }
    const day = dates.from
    const h = this.hierarchy()
    const units = ended ? h.successors(c.unit, day).map((u) => u.id) : [c.unit, ...h.predecessors(c.unit).map((u) => u.id)]
    const inOffice = [...new Set(units)]
      .flatMap((u) => this.by("councils", "unit", u))
      .filter((o) => o.id !== c.id && contains(o.validity, day))
      .slice(0, MAX_SUGGESTED)
      .map((o) => `"${o.id}" (${o.name})`)
    const [wVi, wEn] = WHAT[kind]
    const whenVi = last === dates.from ? `ngày ${day}` : `thời gian ${fmt(dates, "nay")}`
    const whenEn = last === dates.from ? `the date ${day}` : `the dates ${fmt(dates, "open")}`
    const list = inOffice.length > 0 ? `: ${inOffice.join(", ")}` : ""
    const fixVi = `hãy sửa ngày nếu ghi nhầm, hoặc ghi ${wVi} cho HĐND đang hoạt động vào ngày ${day}${list}`
    const fixEn = `correct the date if it is wrong, or record the ${wEn} for a council in office on ${day}${list}`
    this.report(kind, id, sub ? `${field}.from` : field, "outside-validity",
      ended
        ? `HĐND "${c.id}" (${c.name}) đã kết thúc hoạt động ngày ${c.validity.to}, trước ${whenVi} của bản ghi này, nên không ghi được ${wVi} cho HĐND đó; ${fixVi}`
        : `HĐND "${c.id}" (${c.name}) chỉ bắt đầu hoạt động từ ngày ${c.validity.from}, sau ${whenVi} của bản ghi này, nên chưa ghi được ${wVi} cho HĐND đó; ${fixVi}`,
      ended
        ? `council "${c.id}" (${c.name}) ended on ${c.validity.to}, before ${whenEn} of this record, so no ${wEn} can be recorded for it; ${fixEn}`
        : `council "${c.id}" (${c.name}) only began on ${c.validity.from}, after ${whenEn} of this record, so no ${wEn} can be recorded for it yet; ${fixEn}`)
    return false
  }

  /** A term, organ, session or meeting referred to by a record of `council` must belong to it. */
  sameCouncil(kind: EntityKind, id: string, field: string, code: string, refKind: EntityKind, rec: { readonly id: string; readonly council: string }, council: string): void {
    const [wVi, wEn] = WHAT[refKind]
    if (rec.council !== council) this.report(kind, id, field, code,
      `${wVi} "${rec.id}" thuộc HĐND "${rec.council}", không thuộc HĐND "${council}" của bản ghi này; hãy chọn ${wVi} của đúng HĐND hoặc sửa trường council`,
      `${wEn} "${rec.id}" belongs to council "${rec.council}", not to this record's council "${council}"; choose one of that council or correct the council`)
  }

  /** Reports each record of `others` (same key) whose validity overlaps `rec`, once per pair. */
  noOverlap<K extends "units" | "councils" | "terms">(kind: K, rec: Rec<K>, others: ReadonlyArray<Rec<K>>, field: string, code: string, whyVi: string, whyEn: string): void {
    for (const o of others) {
      if (o.id === rec.id || !overlaps(rec.validity, o.validity)) continue
      const pair = rec.id < o.id ? `${code}\u0000${rec.id}\u0000${o.id}` : `${code}\u0000${o.id}\u0000${rec.id}`
      if (this.pairs.has(pair)) continue
      this.pairs.add(pair)
      this.report(kind, rec.id, field, code,
        `"${rec.id}" (${fmt(rec.validity, "nay")}) và "${o.id}" (${fmt(o.validity, "nay")}) ${whyVi} mà thời gian hiệu lực chồng lên nhau; hãy cho bản ghi cũ kết thúc (validity.to) trước ngày bản ghi mới bắt đầu`,
        `"${rec.id}" (${fmt(rec.validity, "open")}) and "${o.id}" (${fmt(o.validity, "open")}) ${whyEn} and their validity overlaps; end the older one (validity.to) before the newer one starts`)
    }
  }

  units(u: AdminUnit): void {
    const [lVi, lEn, rank, digits] = LEVEL[levelOf(u)]
    const p = u.parent === undefined ? undefined : this.ref("units", u.id, "parent", "units", u.parent)
    if (p !== undefined) {
      const [pVi, pEn, pRank] = LEVEL[levelOf(p)]
      if (pRank >= rank) this.report("units", u.id, "parent", "parent-level",
        `đơn vị cha "${p.id}" là cấp ${pVi}, không cao hơn cấp ${lVi} của đơn vị này; hãy chọn đơn vị cha ở cấp cao hơn (tỉnh > huyện > xã)`,
        `parent "${p.id}" is a ${pEn}, not above this ${lEn}; choose a parent of a higher level (province > district > commune)`)
      this.inside("units", u.id, "validity", true, u.validity, "units", p)
    }
    if (u.code.length !== digits) this.report("units", u.id, "code", "code-level",
      `mã ĐVHC "${u.code}" có ${u.code.length} chữ số nhưng đơn vị cấp ${lVi} phải có ${digits}; hãy sửa mã hoặc loại đơn vị (type)`,
      `GSO code "${u.code}" has ${u.code.length} digits but a ${lEn} needs ${digits}; correct the code or the unit type`)
    this.noOverlap("units", u, this.by("units", "code", u.code), "code", "code-overlap", `cùng mang mã ĐVHC "${u.code}"`, `both carry GSO code "${u.code}"`)
    const last = lastDayOf(levelOf(u))
    if (last !== undefined && u.validity.to !== undefined && u.validity.to > last && u.validity.from <= last) this.report("units", u.id, "validity.to", "after-level-end",
      `đơn vị cấp ${lVi} kết thúc ngày ${u.validity.to}, sau ngày ${last} là ngày cuối cùng của cấp ${lVi}; hãy sửa validity.to thành ${last} hoặc sớm hơn (để trống thì hdnd tự ghi ${last} khi nhập)`,
      `a ${lEn} ending on ${u.validity.to}, after ${last}, the last day of the ${lEn} level; set validity.to to ${last} or earlier (left empty, hdnd fills in ${last} on import)`)
  }

  lineage(e: LineageEvent): void {
    const [minS, maxS, minT, maxT] = lineageArity[e.kind]
    const arity = (field: "sources" | "targets", n: number, min: number, max: number, vi: string): void => {
      const want = min === max ? `${min}` : max === Infinity ? `≥ ${min}` : `${min}–${max}`
      if (n < min || n > max) this.report("lineage", e.id, field, "lineage-arity",
        `sự kiện loại "${e.kind}" cần ${want} đơn vị ${vi} nhưng có ${n}; hãy sửa danh sách ${field} hoặc đổi loại sự kiện`,
        `a "${e.kind}" event needs ${want} ${field} but has ${n}; correct the ${field} list or change the event kind`)
    }
    arity("sources", e.sources.length, minS, maxS, "nguồn")
    arity("targets", e.targets.length, minT, maxT, "đích")
    const before = addDays(e.date, -1)
    e.sources.forEach((s, i) => {
      const u = this.ref("lineage", e.id, `sources[${i}]`, "units", s)
      if (u !== undefined && u.validity.to !== before) this.report("lineage", e.id, `sources[${i}]`, "lineage-dates",
        `đơn vị nguồn "${s}" phải hết hiệu lực ngày ${before} (trước ngày sự kiện ${e.date}) nhưng validity.to là ${u.validity.to ?? "(để mở)"}; hãy sửa validity.to của đơn vị hoặc ngày sự kiện`,
        `source unit "${s}" must end on ${before} (the day before the event on ${e.date}) but its validity.to is ${u.validity.to ?? "(open)"}; correct the unit's validity.to or the event date`)
    })
    e.targets.forEach((t, i) => {
      const u = this.ref("lineage", e.id, `targets[${i}]`, "units", t)
      if (u !== undefined && u.validity.from !== e.date) this.report("lineage", e.id, `targets[${i}]`, "lineage-dates",
        `đơn vị đích "${t}" phải bắt đầu hiệu lực đúng ngày sự kiện ${e.date} nhưng validity.from là ${u.validity.from}; hãy sửa validity.from của đơn vị hoặc ngày sự kiện`,
        `target unit "${t}" must start on the event date ${e.date} but its validity.from is ${u.validity.from}; correct the unit's validity.from or the event date`)
    })
  }

  councils(c: Council): void {
    const u = this.ref("councils", c.id, "unit", "units", c.unit)
    if (u !== undefined) this.inside("councils", c.id, "validity", true, c.validity, "units", u)
    this.noOverlap("councils", c, this.by("councils", "unit", c.unit), "validity", "council-overlap", `là HĐND của cùng đơn vị "${c.unit}"`, `are councils of the same unit "${c.unit}"`)
  }

  terms(t: Term): void {
    const c = this.ref("terms", t.id, "council", "councils", t.council)
    if (c !== undefined) this.inside("terms", t.id, "validity", true, t.validity, "councils", c)
    this.noOverlap("terms", t, this.by("terms", "council", t.council), "validity", "term-overlap", `là nhiệm kỳ của cùng HĐND "${t.council}"`, `are terms of the same council "${t.council}"`)
  }

  organs(o: Organ): void {
    const c = this.ref("organs", o.id, "council", "councils", o.council)
    if (c !== undefined) this.inside("organs", o.id, "validity", true, o.validity, "councils", c)
    const k = o.committeeKind
    if (o.kind !== "committee") {
      if (k !== undefined) this.report("organs", o.id, "committeeKind", "field-not-applicable",
        `chỉ Ban (kind "committee") mới có loại Ban; cơ quan loại "${o.kind}" phải bỏ trường committeeKind`,
        `only committees (kind "committee") have a committee kind; remove committeeKind from this "${o.kind}" organ`)
      return
    }
    if (k === undefined) {
      return this.report("organs", o.id, "committeeKind", "missing-field",
        `Ban phải ghi loại Ban (committeeKind), ví dụ "phap-che"; hãy bổ sung`, `a committee needs a committee kind (committeeKind), e.g. "phap-che"; add it`)
    }
    const declared = [...this.registry.committeeKinds.keys()].join(", ")
    if (!this.registry.committeeKinds.has(k)) {
      return this.report("organs", o.id, "committeeKind", "unknown-committee-kind",
        `loại Ban "${k}" chưa được khai báo; hãy dùng một trong: ${declared}, hoặc đăng ký loại Ban qua plugin`,
        `committee kind "${k}" is not declared; use one of: ${declared}, or register it through a plugin`)
    }
    const u = c === undefined ? undefined : this.get("units", c.unit)
    if (u === undefined) return
    const level = levelOf(u)
    const rules = this.registry.committeeRules.filter((r) =>
      r.levels.includes(level) && (r.unitTypes === undefined || r.unitTypes.includes(u.type)) && overlaps(r.validity, o.validity))
    const gap = firstGap(o.validity, rules.filter((r) => r.anyKind === true || r.kinds.includes(k) || (r.conditional?.includes(k) ?? false)))
    if (gap === undefined) return
    const then = rules.filter((r) => contains(r.validity, gap.from))
    const allowed = then.some((r) => r.anyKind === true) ? ["*"] : [...new Set(then.flatMap((r) => [...r.kinds, ...(r.conditional ?? [])]))]
    const [lVi, lEn] = LEVEL[level]
    const type = unitTypeLabels[u.type]
    this.report("organs", o.id, "committeeKind", "committee-not-allowed",
      `HĐND cấp ${lVi} (${type.vi}) không được có Ban loại "${k}" trong thời gian ${fmt(gap, "nay")}; khi đó chỉ được có: ${allowed.length > 0 ? allowed.join(", ") : "không có Ban nào"}. Hãy đổi loại Ban hoặc sửa thời gian hiệu lực (validity) của Ban`,
      `a ${lEn} (${type.en}) council may not have a "${k}" committee during ${fmt(gap, "open")}; allowed then: ${allowed.length > 0 ? allowed.join(", ") : "no committees"}. Change the committee kind or its validity`)
  }

  /** Council, term and date checks shared by sessions and meetings. */
  sitting(kind: "sessions" | "meetings", id: string, councilId: string, termId: string | undefined, dates: DateRange, field: string, sub: boolean): void {
    const c = this.ref(kind, id, "council", "councils", councilId)
    const t = termId === undefined ? undefined : this.ref(kind, id, "term", "terms", termId, councilId)
    if (t !== undefined) this.sameCouncil(kind, id, "term", "term-outside-council", "terms", t, councilId)
    if (t !== undefined) this.inside(kind, id, field, sub, dates, "terms", t)
    else if (c !== undefined && termId === undefined) this.councilDates(kind, id, field, sub, dates, c)
  }

  sessions(s: Session): void {
    this.sitting("sessions", s.id, s.council, s.term, span(s.dates), "dates", true)
    if (s.specialLabel !== undefined && s.type !== "special") this.report("sessions", s.id, "specialLabel", "special-label",
      `chỉ kỳ họp chuyên đề/bất thường (type "special") mới có specialLabel; hãy bỏ specialLabel hoặc đổi type thành "special"`,
      `only special sessions (type "special") carry a specialLabel; remove it or set type to "special"`)
    if (s.series !== "all" && s.series !== s.type) this.report("sessions", s.id, "series", "session-series",
      `kỳ họp loại "${s.type}" không thể được đánh số trong dãy "${s.series}"; hãy dùng series "${s.type}" hoặc "all"`,
      `a "${s.type}" session cannot be numbered in the "${s.series}" series; use series "${s.type}" or "all"`)
    const clash = this.by("sessions", "council", s.council).find(
      (o) => o.id !== s.id && o.term === s.term && o.ordinal === s.ordinal && (o.series === s.series || o.series === "all" || s.series === "all")
    )
    if (clash !== undefined) this.report("sessions", s.id, "ordinal", "duplicate-ordinal",
      `kỳ họp "${clash.id}" cùng HĐND, nhiệm kỳ đã mang số thứ tự ${s.ordinal} trong dãy "${clash.series}"; hãy sửa số thứ tự hoặc dãy đánh số`,
      `session "${clash.id}" of the same council and term already has ordinal ${s.ordinal} in the "${clash.series}" series; correct the ordinal or the series`)
  }

  meetings(m: StandingMeeting): void {
    this.sitting("meetings", m.id, m.council, m.term, { from: m.date, to: m.date }, "date", false)
  }

  /**
   * An organ referred to by an activity or tally: exists, same council, valid over (`whole`) or
   * during its dates — the last unless `checkDates` is false: the council itself was not in office
   * then, which was reported once and explains why its organs were not either.
   */
  organRef(kind: "activities" | "tallies", id: string, field: string, organId: string, council: string, dates: DateRange, whole: boolean, checkDates = true): void {
    const o = this.ref(kind, id, field, "organs", organId, council)
    if (o === undefined) return
    this.sameCouncil(kind, id, field, "organ-outside-council", "organs", o, council)
    if (!checkDates) return
    if (whole ? !within(dates, o.validity) : !overlaps(dates, o.validity)) this.report(kind, id, field, "organ-not-valid",
      `cơ quan "${o.id}" chỉ hoạt động ${fmt(o.validity, "nay")}, không ${whole ? "bao trùm" : "giao với"} thời gian ${fmt(dates, "nay")}; hãy sửa ngày hoặc chọn cơ quan còn hoạt động khi đó`,
      `organ "${o.id}" is valid ${fmt(o.validity, "open")}, which does not ${whole ? "cover" : "overlap"} ${fmt(dates, "open")}; correct the dates or pick an organ valid then`)
  }

  activities(a: Activity): void {
    const c = this.ref("activities", a.id, "council", "councils", a.council)
    const dates = span(a.date)
    const inOffice = c === undefined || this.councilDates("activities", a.id, "date", true, dates, c)
    this.organRef("activities", a.id, "owner", a.owner, a.council, dates, true, inOffice)
    a.organisers.forEach((o, i) => {
      if (a.organisers.indexOf(o) === i) this.organRef("activities", a.id, `organisers[${i}]`, o, a.council, dates, true, inOffice)
      else this.report("activities", a.id, `organisers[${i}]`, "duplicate-organiser",
        `cơ quan "${o}" được ghi hai lần trong organisers; hãy bỏ lần lặp`, `organ "${o}" is listed twice in organisers; remove the repeat`)
    })
    a.participants?.forEach((o, i) => {
      const field = `participants[${i}]`
      if (a.organisers.includes(o)) this.report("activities", a.id, field, "participant-is-organiser",
        `cơ quan "${o}" đã chủ trì (organisers) nên không ghi thêm là cơ quan tham gia (participants); hãy bỏ khỏi participants`,
        `organ "${o}" led the activity (organisers), so it cannot also be a participant; remove it from participants`)
      else if (a.participants?.indexOf(o) !== i) this.report("activities", a.id, field, "duplicate-participant",
        `cơ quan "${o}" được ghi hai lần trong participants; hãy bỏ lần lặp`, `organ "${o}" is listed twice in participants; remove the repeat`)
      else this.organRef("activities", a.id, field, o, a.council, dates, true, inOffice)
    })
    for (const [field, kind, ref] of [["session", "sessions", a.session], ["meeting", "meetings", a.meeting]] as const) {
      const s = ref === undefined ? undefined : this.ref("activities", a.id, field, kind, ref, a.council)
      if (s !== undefined) this.sameCouncil("activities", a.id, field, `${field}-outside-council`, kind, s, a.council)
    }
    const spec = this.registry.activityKinds.get(a.kind)
    if (spec === undefined) {
      return this.report("activities", a.id, "kind", "unknown-kind",
        `loại hoạt động "${a.kind}" chưa được khai báo; hãy dùng loại có sẵn (review, supervision, survey …) hoặc đăng ký qua plugin`,
        `activity kind "${a.kind}" is not declared; use a built-in kind (review, supervision, survey …) or register it through a plugin`)
    }
    for (const f of CLASSIFYING) {
      const rule = spec.fields[f]
      if (rule === "required" && a[f] === undefined) {
        this.report("activities", a.id, f, "missing-field", `hoạt động loại "${a.kind}" phải có trường ${f}; hãy bổ sung`, `a "${a.kind}" activity needs ${f}; add it`)
      } else if (rule === undefined && a[f] !== undefined) {
        this.report("activities", a.id, f, "field-not-applicable", `trường ${f} không áp dụng cho hoạt động loại "${a.kind}"; hãy bỏ trường này`, `${f} does not apply to a "${a.kind}" activity; remove it`)
      }
    }
    if (a.attributes === undefined || Object.keys(a.attributes).length === 0) return
    if (spec.attributes === undefined) {
      return this.report("activities", a.id, "attributes", "field-not-applicable",
        `hoạt động loại "${a.kind}" không có thuộc tính riêng; hãy bỏ trường attributes`, `a "${a.kind}" activity has no attributes; remove the attributes field`)
    }
    const decoded = Schema.decodeUnknownResult(spec.attributes, DECODE_OPTIONS)(a.attributes)
    if (Result.isSuccess(decoded)) return
    const fields = new Set<string>() // keep the first issue per field
    for (const p of problemsFromParseError(entityNames.activities, a.id, decoded.failure)) {
      if (fields.has(p.field)) continue
      fields.add(p.field)
      this.report("activities", a.id, p.field === "" ? "attributes" : `attributes.${p.field}`, "invalid-attribute",
        `${p.vi}; hãy sửa theo thuộc tính của loại "${a.kind}"`, `${p.en}; fix it to match the attributes of kind "${a.kind}"`)
    }
  }

  tallies(t: Tally): void {
    const c = this.ref("tallies", t.id, "council", "councils", t.council)
    if (!this.registry.indicators.has(t.indicator)) this.report("tallies", t.id, "indicator", "unknown-indicator",
      `chỉ tiêu "${t.indicator}" chưa được khai báo; hãy dùng chỉ tiêu có sẵn (core/…) hoặc đăng ký qua plugin`,
      `indicator "${t.indicator}" is not declared; use a built-in one (core/…) or register it through a plugin`)
    if (t.organ !== undefined) this.organRef("tallies", t.id, "organ", t.organ, t.council, t.period, false)
    if (c !== undefined && !overlaps(t.period, c.validity)) this.report("tallies", t.id, "period", "outside-validity",
      `kỳ số liệu ${fmt(t.period, "nay")} không giao với thời gian hiệu lực ${fmt(c.validity, "nay")} của HĐND "${c.id}"; hãy sửa kỳ hoặc HĐND`,
      `the period ${fmt(t.period, "open")} does not overlap the validity ${fmt(c.validity, "open")} of council "${c.id}"; correct the period or the council`)
  }

  /** An organ named by id anywhere (a recommendation may be raised by another council's organ). */
  anyOrgan(kind: EntityKind, id: string, field: string, organId: string, council: string): Organ | undefined {
    return this.ref(kind, id, field, "organs", organId, council)
  }

  recommendations(r: Recommendation): void {
    const c = this.ref("recommendations", r.id, "council", "councils", r.council)
    if (c !== undefined) this.councilDates("recommendations", r.id, "raisedOn", false, { from: r.raisedOn, to: r.raisedOn }, c)
    if (r.raisedBy !== undefined) this.anyOrgan("recommendations", r.id, "raisedBy", r.raisedBy, r.council)
    if (r.addressee.organ !== undefined) this.anyOrgan("recommendations", r.id, "addressee.organ", r.addressee.organ, r.council)
    if (r.session !== undefined) {
      const s = this.ref("recommendations", r.id, "session", "sessions", r.session, r.council)
      if (s !== undefined) this.sameCouncil("recommendations", r.id, "session", "session-outside-council", "sessions", s, r.council)
    }
    if (r.activity !== undefined) {
      const a = this.ref("recommendations", r.id, "activity", "activities", r.activity)
      if (a !== undefined && r.raisedOn < a.date.from) this.report("recommendations", r.id, "raisedOn", "before-activity",
        `kiến nghị tiếp nhận ngày ${r.raisedOn}, trước khi hoạt động "${a.id}" bắt đầu (${a.date.from}) mà nó phát sinh từ đó; hãy sửa ngày tiếp nhận hoặc hoạt động`,
        `raised on ${r.raisedOn}, before activity "${a.id}" it came from began (${a.date.from}); correct the date raised or the activity`)
    }
  }

  /** References of a response are checked with its matter (see {@link validateBatch}). */
  responses(_: Response): void {}

  evaluations(e: Evaluation): void {
    if (e.by !== undefined) this.ref("evaluations", e.id, "by", "organs", e.by)
  }

  programmes(p: Programme): void {
    const c = this.ref("programmes", p.id, "council", "councils", p.council)
    const o = this.ref("programmes", p.id, "organ", "organs", p.organ, p.council)
    if (o !== undefined) this.sameCouncil("programmes", p.id, "organ", "organ-outside-council", "organs", o, p.council)
    const year: DateRange = { from: `${p.year}-01-01` as CalendarDate, to: `${p.year}-12-31` as CalendarDate }
    if (c !== undefined && !overlaps(year, c.validity)) this.report("programmes", p.id, "year", "outside-validity",
      `năm ${p.year} nằm ngoài thời gian hoạt động ${fmt(c.validity, "nay")} của HĐND "${c.id}"; hãy sửa năm hoặc HĐND`,
      `the year ${p.year} lies outside the lifetime ${fmt(c.validity, "open")} of council "${c.id}"; correct the year or the council`)
  }

  /** The programme, month and links of an item are checked with its programme (see {@link validateBatch}). */
  programmeItems(i: ProgrammeItem): void {
    if (!this.registry.activityKinds.has(i.kind)) this.report("programmeItems", i.id, "kind", "unknown-kind",
      `loại hoạt động "${i.kind}" chưa được khai báo; hãy dùng loại có sẵn (review, supervision, survey …) hoặc đăng ký qua plugin`,
      `activity kind "${i.kind}" is not declared; use a built-in kind (review, supervision, survey …) or register it through a plugin`)
    if (i.carriedFrom !== undefined) this.ref("programmeItems", i.id, "carriedFrom", "programmeItems", i.carriedFrom)
  }

  resolutions(r: Resolution): void {
    const c = this.ref("resolutions", r.id, "council", "councils", r.council)
    if (c !== undefined) this.councilDates("resolutions", r.id, "adoptedOn", false, { from: r.adoptedOn, to: r.adoptedOn }, c)
    if (r.session === undefined) return
    const s = this.ref("resolutions", r.id, "session", "sessions", r.session, r.council)
    if (s === undefined) return
    this.sameCouncil("resolutions", r.id, "session", "session-outside-council", "sessions", s, r.council)
    if (!contains(span(s.dates), r.adoptedOn)) this.report("resolutions", r.id, "adoptedOn", "outside-session",
      `nghị quyết thông qua ngày ${r.adoptedOn}, ngoài thời gian ${fmt(span(s.dates), "nay")} của kỳ họp "${s.id}" đã thông qua nó; hãy sửa ngày thông qua hoặc kỳ họp`,
      `adopted on ${r.adoptedOn}, outside the dates ${fmt(span(s.dates), "open")} of session "${s.id}" that adopted it; correct the date or the session`)
  }

  documents(d: CouncilDocument): void {
    const c = this.ref("documents", d.id, "council", "councils", d.council)
    if (c !== undefined) this.councilDates("documents", d.id, "submittedOn", false, { from: d.submittedOn, to: d.submittedOn }, c)
    const s = d.session === undefined ? undefined : this.ref("documents", d.id, "session", "sessions", d.session, d.council)
    if (s !== undefined) {
      this.sameCouncil("documents", d.id, "session", "session-outside-council", "sessions", s, d.council)
      const end = span(s.dates).to as CalendarDate
      if (d.submittedOn > end) this.report("documents", d.id, "submittedOn", "after-session",
        `văn bản trình ngày ${d.submittedOn}, sau khi kỳ họp "${s.id}" mà nó trình đã kết thúc (${end}); hãy sửa ngày trình hoặc kỳ họp`,
        `submitted on ${d.submittedOn}, after session "${s.id}" it is submitted to had ended (${end}); correct the date or the session`)
    }
    d.reviewers?.forEach((o, i) => {
      if (d.reviewers?.indexOf(o) !== i) {
        return this.report("documents", d.id, `reviewers[${i}]`, "duplicate-reviewer",
          `cơ quan "${o}" được ghi hai lần trong reviewers; hãy bỏ lần lặp`, `organ "${o}" is listed twice in reviewers; remove the repeat`)
      }
      const organ = this.ref("documents", d.id, `reviewers[${i}]`, "organs", o, d.council)
      if (organ !== undefined) this.sameCouncil("documents", d.id, `reviewers[${i}]`, "organ-outside-council", "organs", organ, d.council)
    })
    if (d.resolution === undefined) return
    const r = this.ref("documents", d.id, "resolution", "resolutions", d.resolution)
    if (r === undefined) return
    this.sameCouncil("documents", d.id, "resolution", "resolution-outside-council", "resolutions", r, d.council)
    if (d.session !== undefined && r.session !== undefined && r.session !== d.session) this.report("documents", d.id, "resolution", "resolution-of-another-session",
      `nghị quyết "${r.id}" được thông qua tại kỳ họp "${r.session}", không phải kỳ họp "${d.session}" mà văn bản này trình; hãy sửa nghị quyết hoặc kỳ họp`,
      `resolution "${r.id}" was adopted at session "${r.session}", not at session "${d.session}" this document is submitted to; correct the resolution or the session`)
  }

  /** Every record of `kind` with the batch applied. */
  withBatch<K extends EntityKind>(kind: K): Array<Rec<K>> {
    const b = this.inBatch[kind]
    const out: Array<Rec<K>> = []
    for (const [id, r] of this.stored(kind)) if (!b.has(id)) out.push(r)
    for (const r of b.values()) out.push(r)
    return out
  }

  /**
   * Recommendations, responses and evaluations refer to each other (merges, answers, evaluations of
   * answers), so when a batch touches any of them they are checked together, stored and new; so are
   * programmes and their items, and the items linking an activity the batch changes.
   */
  followUps(): void {
    if (FOLLOW_UP.some((k) => this.inBatch[k].size > 0)) {
      this.out.push(...checkRecommendations({
        recommendations: this.withBatch("recommendations"),
        responses: this.withBatch("responses"),
        evaluations: this.withBatch("evaluations")
      }))
    }
    let programmes = this.inBatch.programmes.size > 0 || this.inBatch.programmeItems.size > 0
    if (!programmes && this.inBatch.activities.size > 0 && this.stored("programmeItems").size > 0) {
      const stored = this.stored("activities")
      const replaced = [...this.inBatch.activities.keys()].filter((id) => stored.has(id))
      if (replaced.length > 0) {
        const linked = new Set<string>()
        for (const i of this.stored("programmeItems").values()) for (const a of i.activities ?? []) linked.add(a)
        programmes = replaced.some((id) => linked.has(id))
      }
    }
    if (programmes) {
      this.out.push(...checkProgrammes(this.withBatch("programmes"), this.withBatch("programmeItems"), (id: ActivityId) => this.get("activities", id)))
    }
  }

  /**
   * Re-checks stored resolutions and documents that refer to a council, session, organ or
   * resolution the batch changed (they are few, so they are scanned whole).
   */
  recheckOutputs(): void {
    if (this.stored("resolutions").size + this.stored("documents").size === 0) return
    const changed = (kind: "councils" | "sessions" | "organs" | "resolutions"): Set<string> => {
      const set = new Set<string>()
      for (const r of this.inBatch[kind].values()) {
        const prev = this.stored(kind).get(r.id)
        if (prev !== undefined && prev !== r && encode(kind, prev) !== encode(kind, r)) set.add(r.id)
      }
      return set
    }
    const C = changed("councils"), S = changed("sessions"), O = changed("organs"), R = changed("resolutions")
    if (C.size + S.size + O.size + R.size === 0) return
    for (const r of this.stored("resolutions").values()) {
      if (!this.inBatch.resolutions.has(r.id) && (C.has(r.council) || (r.session !== undefined && S.has(r.session)))) this.check("resolutions", r)
    }
    for (const d of this.stored("documents").values()) {
      if (this.inBatch.documents.has(d.id)) continue
      if (C.has(d.council) || (d.session !== undefined && S.has(d.session)) || (d.resolution !== undefined && R.has(d.resolution)) ||
        (d.reviewers ?? []).some((o) => O.has(o))) this.check("documents", d)
    }
  }

  check<K extends EntityKind>(kind: K, r: Rec<K>): void {
    (this[kind] as (this: Checker, r: Rec<K>) => void).call(this, r)
  }

  /** Re-checks the stored records (not in the batch) that refer to a record the batch changed. */
  recheck(): void {
    this.recheckOutputs()
    const changed = {} as Record<(typeof RECHECKED)[number], Set<string>>
    let any = false
    for (const kind of RECHECKED) {
      const set = (changed[kind] = new Set<string>())
      for (const r of this.inBatch[kind].values()) {
        const prev = this.stored(kind).get(r.id)
        if (prev !== undefined && prev !== r && encode(kind, prev) !== encode(kind, r)) set.add(r.id)
      }
      any ||= set.size > 0
    }
    if (!any) return
    const { units: U, councils: C, terms: T, organs: O, sessions: S, meetings: M } = changed
    const scan = <K extends EntityKind>(kind: K, hit: (r: Rec<K>) => boolean, records: Iterable<Rec<K>> = this.stored(kind).values()): void => {
      for (const r of records) if (!this.inBatch[kind].has(r.id) && hit(r)) this.check(kind, r)
    }
    if (U.size > 0) {
      scan("units", (u) => u.parent !== undefined && U.has(u.parent))
      scan("lineage", (e) => e.sources.some((s) => U.has(s)) || e.targets.some((t) => U.has(t)))
      scan("councils", (c) => U.has(c.unit))
    }
    if (U.size + C.size > 0) scan("organs", (o) => C.has(o.council) || U.has(this.get("councils", o.council)?.unit ?? ""))
    if (C.size > 0) scan("terms", (t) => C.has(t.council))
    const sits = (r: Session | StandingMeeting): boolean => C.has(r.council) || (r.term !== undefined && T.has(r.term))
    if (C.size + T.size > 0) (scan("sessions", sits), scan("meetings", sits))
    if (C.size + O.size > 0) scan("tallies", (t) => C.has(t.council) || (t.organ !== undefined && O.has(t.organ)))
    // Activities are reached through the by-council index of the councils concerned, old and new.
    const councils = new Set(C)
    for (const [kind, ids] of [["organs", O], ["sessions", S], ["meetings", M]] as const) {
      for (const id of ids) for (const r of [this.inBatch[kind].get(id), this.stored(kind).get(id)]) if (r !== undefined) councils.add(r.council)
    }
    const hit = (a: Activity): boolean =>
      C.has(a.council) || O.has(a.owner) || a.organisers.some((o) => O.has(o)) || (a.participants?.some((o) => O.has(o)) ?? false) ||
      (a.session !== undefined && S.has(a.session)) || (a.meeting !== undefined && M.has(a.meeting))
    for (const c of councils) scan("activities", hit, this.current.activitiesByCouncil.get(c as Council["id"])?.values() ?? [])
  }
}

/**
 * Every problem of a batch checked against `current` with the batch applied (a batch record
 * replaces the record with the same id). An empty array means the batch may be written. Stored
 * records that refer to a unit, council, term, organ, session or meeting that the batch changes are
 * re-checked too. Empty `attributes` (`{}`) count as absent. Never throws.
 *
 * An activity, session or meeting dated wholly outside its council's lifetime (a district council's
 * after 1 July 2025, a new commune council's before it) gets one `outside-validity` problem on its
 * first day (`date.from`; `dates.from` of a session, `date` of a meeting), saying when the council
 * ended or began and naming the councils in office that day that continue its unit (through the
 * lineage) or preceded it; an activity's organs are then not reported again.
 *
 * Recommendations, responses and evaluations are checked together, stored and new, whenever a batch
 * touches one of them (`RecommendationStatus.check`: dates raised, answered, evaluated; merges); so
 * are work programmes and their items (`Programme.check`), also when the batch changes an activity
 * an item links. A recommendation may be raised by an organ of another council (a district
 * committee's proposal to the province).
 *
 * Codes: `duplicate-id`, `unknown-reference`, `unknown-kind`, `unknown-indicator`,
 * `unknown-committee-kind`, `parent-level`, `code-level`, `code-overlap`, `lineage-arity`,
 * `lineage-dates`, `outside-validity`, `council-overlap`, `term-overlap`, `missing-field`,
 * `field-not-applicable`, `committee-not-allowed`, `term-outside-council`, `special-label`,
 * `session-series`, `duplicate-ordinal`, `organ-outside-council`, `organ-not-valid`,
 * `duplicate-organiser`, `participant-is-organiser`, `duplicate-participant` (since 0.2.0), `session-outside-council`, `meeting-outside-council`, `invalid-attribute`, `after-level-end` (a unit
 * of a level that ceased, ending after the level's last day: `Historic`); for follow-up records `before-activity`,
 * `before-raised`, `before-response`, `evaluation-without-response`, `response-of-another-matter`,
 * `merge-cycle`, `merge-across-councils`, `month-outside-quarter`, `activity-linked-twice`,
 * `activity-outside-programme`; for resolutions and documents `outside-session`, `after-session`,
 * `duplicate-reviewer`, `resolution-outside-council`, `resolution-of-another-session`.
 *
 * @example
 * ```ts
 * import { Dataset, Registry, Validation } from "@hdnd/core"
 * import { batch } from "@hdnd/province-son-la"
 *
 * const problems = Validation.validateBatch(Dataset.empty, batch, Registry.builtin)
 * for (const p of problems) console.error(p.describe("vi")) // none: Sơn La's structure is consistent
 * ```
 *
 * @since 0.1.0
 * @category validation
 */
export const validateBatch = (current: Dataset, batch: Batch, registry: Registry): ReadonlyArray<Problem> => {
  const checker = new Checker(current, batch, registry)
  for (const kind of entityKinds) for (const r of checker.inBatch[kind].values()) checker.check(kind, r)
  checker.recheck()
  checker.followUps()
  return checker.out
}

/**
 * Every problem of a whole dataset: {@link validateBatch} of all its records against the empty
 * dataset.
 *
 * @since 0.1.0
 * @category validation
 */
export const validateDataset = (ds: Dataset, registry: Registry): ReadonlyArray<Problem> => {
  const batch: Record<string, ReadonlyArray<unknown>> = {}
  for (const kind of entityKinds) batch[kind] = [...(ds[kind] as ReadonlyMap<string, unknown>).values()]
  return validateBatch(empty, batch as Batch, registry)
}
