/**
 * Work programmes (chương trình công tác năm): what a body planned for a year — items of a kind, on a
 * topic, in a planned month or quarter — matched against the activities actually recorded: which items
 * were done ("thực hiện 15/17 nội dung theo chương trình"), which activities were done outside the
 * plan, and which items carry over to the next year, from which the next programme can be drafted.
 *
 * Matching: an item's explicitly linked activities make it done. Otherwise the first unused activity of
 * the item's kind, owned or organised by the programme's body, dated within the item's planned month,
 * quarter or year, is taken (items with a narrower window choose first; among candidates, the one
 * whose title shares most words with the topic, then the earliest). An activity serves at most one item.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { Activity } from "./Activity.js"
import type { Period } from "./CalendarDate.js"
import { CalendarDate, toDayNumber } from "./CalendarDate.js"
import { DocumentRef } from "./DocumentRef.js"
import type { Problem } from "./Errors.js"
import { problem } from "./Errors.js"
import { ActivityId, ActivityKindId, CouncilId, OrganId, ProgrammeId, ProgrammeItemId } from "./Ids.js"
import { NonEmptyText, Text } from "./Text.js"

/**
 * A body's work programme for a year.
 *
 * @since 0.1.0
 * @category models
 */
export class Programme extends Schema.Class<Programme>("Programme")({
  id: ProgrammeId,
  council: CouncilId,
  /** The body whose programme it is (the council plenary, the standing committee, a committee). */
  organ: OrganId,
  year: Schema.Int.check(Schema.isBetween({ minimum: 1946, maximum: 2200 })),
  title: NonEmptyText,
  adoptedOn: Schema.optional(CalendarDate),
  document: Schema.optional(DocumentRef)
}) {}

/**
 * One planned item: an activity of a kind on a topic, planned for a month or a quarter of the
 * programme's year (or the whole year when neither is given), with the activities that carried it out
 * when they are known.
 *
 * @since 0.1.0
 * @category models
 */
export class ProgrammeItem extends Schema.Class<ProgrammeItem>("ProgrammeItem")({
  id: ProgrammeItemId,
  programme: ProgrammeId,
  kind: ActivityKindId,
  topic: NonEmptyText,
  month: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 12 }))),
  quarter: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 4 }))),
  activities: Schema.optional(Schema.Array(ActivityId)),
  /** The unfinished item of an earlier programme this one carries over. */
  carriedFrom: Schema.optional(ProgrammeItemId),
  note: Schema.optional(Text)
}) {}

/**
 * The days an item is planned for: its month, its quarter, or the programme's year.
 *
 * @since 0.1.0
 * @category queries
 */
export const windowOf = (item: ProgrammeItem, year: number): Period => {
  const pad = (n: number) => String(n).padStart(2, "0")
  const lastDay = (m: number) => new Date(Date.UTC(year, m, 0)).getUTCDate()
  const span = (m1: number, m2: number): Period => ({
    from: `${year}-${pad(m1)}-01` as CalendarDate,
    to: `${year}-${pad(m2)}-${pad(lastDay(m2))}` as CalendarDate
  })
  if (item.month !== undefined) return span(item.month, item.month)
  if (item.quarter !== undefined) return span(item.quarter * 3 - 2, item.quarter * 3)
  return span(1, 12)
}

/**
 * How an item stands: done, not done although its window has ended, or not yet due.
 *
 * @since 0.1.0
 * @category models
 */
export type ItemStatus = "done" | "not-done" | "not-due"

/**
 * An item and the activities that carried it out.
 *
 * @since 0.1.0
 * @category models
 */
export interface ItemProgress {
  readonly item: ProgrammeItem
  readonly status: ItemStatus
  readonly activities: ReadonlyArray<Activity>
}

/**
 * A programme against what was done, as of a date.
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly programme: Programme
  readonly asOf: CalendarDate
  readonly items: ReadonlyArray<ItemProgress>
  readonly planned: number
  readonly done: number
  /** Activities of the body in the programme's year (up to `asOf`) that served no item. */
  readonly outside: ReadonlyArray<Activity>
  /** Items not done: to carry to the next programme. */
  readonly unfinished: ReadonlyArray<ProgrammeItem>
}

const words = (s: string): ReadonlySet<string> =>
  new Set(
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/đ/gi, "d")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1)
  )

const shared = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  let n = 0
  for (const w of a) if (b.has(w)) n++
  return n
}

const days = (p: Period) => toDayNumber(p.to) - toDayNumber(p.from)

/**
 * Matches a programme's items against the activities recorded, as of a date (default: the end of its
 * year). Activities dated after `asOf` are not considered; an item whose window ends after `asOf` and
 * is not done is "not-due".
 *
 * @since 0.1.0
 * @category queries
 */
export const progress = (
  programme: Programme,
  items: ReadonlyArray<ProgrammeItem>,
  activities: ReadonlyArray<Activity>,
  asOf: CalendarDate = `${programme.year}-12-31` as CalendarDate
): Progress => {
  const year: Period = { from: `${programme.year}-01-01` as CalendarDate, to: `${programme.year}-12-31` as CalendarDate }
  const mine = items.filter((i) => i.programme === programme.id)
  const byId = new Map(activities.map((a) => [a.id as string, a]))
  const ofBody = activities
    .filter(
      (a) =>
        a.council === programme.council &&
        (a.owner === programme.organ || a.organisers.includes(programme.organ)) &&
        a.date.from >= year.from &&
        a.date.from <= year.to &&
        a.date.from <= asOf
    )
    .sort((a, b) => (a.date.from < b.date.from ? -1 : a.date.from > b.date.from ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const used = new Set<string>()
  const found = new Map<string, Array<Activity>>()
  // Explicit links first: they are what the office recorded.
  for (const item of mine) {
    const linked = (item.activities ?? []).map((id) => byId.get(id)).filter((a): a is Activity => a !== undefined && a.date.from <= asOf)
    for (const a of linked) used.add(a.id)
    if (linked.length > 0) found.set(item.id, linked)
  }
  const order = mine
    .filter((i) => !found.has(i.id))
    .map((item) => ({ item, window: windowOf(item, programme.year), topic: words(item.topic) }))
    .sort((a, b) => days(a.window) - days(b.window) || (a.item.id < b.item.id ? -1 : 1))
  for (const { item, window, topic } of order) {
    let best: Activity | undefined
    let bestScore = -1
    for (const a of ofBody) {
      if (used.has(a.id) || a.kind !== item.kind || a.date.from < window.from || a.date.from > window.to) continue
      const score = shared(topic, words(a.title))
      if (score > bestScore) {
        best = a
        bestScore = score
      }
    }
    if (best !== undefined) {
      used.add(best.id)
      found.set(item.id, [best])
    }
  }
  const result = mine.map((item): ItemProgress => {
    const acts = found.get(item.id) ?? []
    const status: ItemStatus = acts.length > 0 ? "done" : windowOf(item, programme.year).to <= asOf ? "not-done" : "not-due"
    return { item, status, activities: acts }
  })
  return {
    programme,
    asOf,
    items: result,
    planned: mine.length,
    done: result.filter((r) => r.status === "done").length,
    outside: ofBody.filter((a) => !used.has(a.id)),
    unfinished: result.filter((r) => r.status !== "done").map((r) => r.item)
  }
}

/**
 * "thực hiện 15/17 nội dung theo chương trình" / "carried out 15 of 17 planned items".
 *
 * @since 0.1.0
 * @category formatting
 */
export const summary = (p: Progress, lang: "vi" | "en" = "vi"): string =>
  lang === "vi" ? `thực hiện ${p.done}/${p.planned} nội dung theo chương trình` : `carried out ${p.done} of ${p.planned} planned items`

/**
 * Drafts the next year's programme from the unfinished items: each carried over (same kind, topic,
 * month or quarter), pointing at the item it carries.
 *
 * @since 0.1.0
 * @category constructors
 */
export const draftNext = (p: Progress, id: ProgrammeId, title: string): { readonly programme: Programme; readonly items: ReadonlyArray<ProgrammeItem> } => {
  const programme = new Programme({ id, council: p.programme.council, organ: p.programme.organ, year: p.programme.year + 1, title })
  const items = p.unfinished.map(
    (i, n) =>
      new ProgrammeItem({
        id: `${id}.${n + 1}` as ProgrammeItemId,
        programme: id,
        kind: i.kind,
        topic: i.topic,
        ...(i.month === undefined ? {} : { month: i.month }),
        ...(i.quarter === undefined ? {} : { quarter: i.quarter }),
        carriedFrom: i.id
      })
  )
  return { programme, items }
}

/**
 * Checks items: a known programme, a month and a quarter that agree, linked activities that exist,
 * belong to the programme's council and year, and are linked to one item only. `activities` is the
 * activities to look links up in, or a look-up function (what validation passes, over a store).
 *
 * @since 0.1.0
 * @category validation
 */
export const check = (
  programmes: ReadonlyArray<Programme>,
  items: ReadonlyArray<ProgrammeItem>,
  activities: ReadonlyArray<Activity> | ((id: ActivityId) => Activity | undefined)
): ReadonlyArray<Problem> => {
  const out: Array<Problem> = []
  const byId = new Map(programmes.map((p) => [p.id as string, p]))
  const acts = typeof activities === "function" ? { get: activities } : new Map(activities.map((a) => [a.id as ActivityId, a]))
  const p = (id: string, field: string, code: string, vi: string, en: string) => out.push(problem({ entity: "ProgrammeItem", id, field, code, vi, en }))
  const linkedBy = new Map<string, string>()
  for (const i of items) {
    const prog = byId.get(i.programme)
    if (prog === undefined) {
      p(i.id, "programme", "unknown-reference", `nội dung thuộc chương trình không có "${i.programme}"; hãy sửa mã`, `item of an unknown programme "${i.programme}"; correct the id`)
      continue
    }
    if (i.month !== undefined && i.quarter !== undefined && Math.ceil(i.month / 3) !== i.quarter) {
      p(i.id, "quarter", "month-outside-quarter", `tháng ${i.month} không thuộc quý ${i.quarter}; hãy sửa tháng hoặc quý`, `month ${i.month} is not in quarter ${i.quarter}; correct one of them`)
    }
    for (const [n, id] of (i.activities ?? []).entries()) {
      const a = acts.get(id)
      const other = linkedBy.get(`${i.programme}\u0000${id}`)
      linkedBy.set(`${i.programme}\u0000${id}`, i.id)
      if (other !== undefined && other !== i.id) {
        p(i.id, `activities[${n}]`, "activity-linked-twice", `hoạt động "${id}" đã được gắn với nội dung "${other}" của cùng chương trình; mỗi hoạt động chỉ thực hiện một nội dung`,
          `activity "${id}" is already linked to item "${other}" of the same programme; an activity carries out one item`)
      } else if (a === undefined) {
        p(i.id, `activities[${n}]`, "unknown-reference", `không có hoạt động "${id}"; hãy sửa mã`, `no activity "${id}"; correct the id`)
      } else if (a.council !== prog.council || !a.date.from.startsWith(String(prog.year))) {
        p(i.id, `activities[${n}]`, "activity-outside-programme", `hoạt động "${id}" không thuộc HĐND "${prog.council}" năm ${prog.year} của chương trình`,
          `activity "${id}" is not of council "${prog.council}" in ${prog.year}, the programme's`)
      }
    }
  }
  return out
}
