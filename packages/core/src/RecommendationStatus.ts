/**
 * The life of a recommendation over time: its status on any date, whether it is overdue, which
 * matters carry over to a session, how duplicate petitions merge, and which records break the order
 * of events (a response before the matter was raised, an evaluation without a response …).
 *
 * The status on a date depends only on the records dated on or before it: the latest evaluation if
 * any, else "answered" once a response exists, else "forwarded" once forwarded, else "raised". A
 * duplicate merged into another record shares the status of its matter: the responses and
 * evaluations of every record of the matter count.
 *
 * @since 0.1.0
 */
import type { CalendarDate, Period } from "./CalendarDate.js"
import { addDays, toDayNumber } from "./CalendarDate.js"
import type { Problem } from "./Errors.js"
import { problem } from "./Errors.js"
import type { RecommendationId } from "./Ids.js"
import type { Evaluation, EvaluationStatus, Recommendation, Response } from "./Recommendation.js"

/**
 * Where a recommendation stands: raised, forwarded, answered (not yet evaluated), or the status of its
 * latest evaluation.
 *
 * @since 0.1.0
 * @category models
 */
export type Status = "raised" | "forwarded" | "answered" | EvaluationStatus

/**
 * The records of recommendations, responses and evaluations.
 *
 * @since 0.1.0
 * @category models
 */
export interface Records {
  readonly recommendations: ReadonlyArray<Recommendation>
  readonly responses: ReadonlyArray<Response>
  readonly evaluations: ReadonlyArray<Evaluation>
}

/**
 * One matter: the record that stands for it (the root of its merges), every record merged into it
 * (its sources, the root first), and the responses and evaluations of all of them.
 *
 * @since 0.1.0
 * @category models
 */
export interface Matter {
  readonly root: Recommendation
  readonly sources: ReadonlyArray<Recommendation>
  readonly responses: ReadonlyArray<Response>
  readonly evaluations: ReadonlyArray<Evaluation>
}

/**
 * The matters of a set of records, by the id of their root. A record whose `mergedInto` chain is
 * broken (unknown target, cycle) stands for itself; `check` reports it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const matters = (records: Records): ReadonlyMap<RecommendationId, Matter> => {
  const byId = new Map(records.recommendations.map((r) => [r.id, r]))
  const rootOf = (r: Recommendation): Recommendation => {
    const seen = new Set<string>([r.id])
    let current = r
    while (current.mergedInto !== undefined) {
      const next = byId.get(current.mergedInto)
      if (next === undefined || seen.has(next.id)) return r
      seen.add(next.id)
      current = next
    }
    return current
  }
  const roots = new Map<RecommendationId, RecommendationId>()
  const out = new Map<RecommendationId, { root: Recommendation; sources: Array<Recommendation>; responses: Array<Response>; evaluations: Array<Evaluation> }>()
  for (const r of records.recommendations) {
    const root = rootOf(r)
    roots.set(r.id, root.id)
    const m = out.get(root.id) ?? { root, sources: [], responses: [], evaluations: [] }
    out.set(root.id, m)
    if (r.id === root.id) m.sources.unshift(r)
    else m.sources.push(r)
  }
  for (const x of records.responses) {
    const root = roots.get(x.recommendation)
    if (root !== undefined) out.get(root)!.responses.push(x)
  }
  for (const x of records.evaluations) {
    const root = roots.get(x.recommendation)
    if (root !== undefined) out.get(root)!.evaluations.push(x)
  }
  return out
}

const latest = <A extends { readonly date: CalendarDate; readonly id: string }>(xs: ReadonlyArray<A>, asOf: CalendarDate): A | undefined => {
  let best: A | undefined
  for (const x of xs) {
    if (x.date > asOf) continue
    if (best === undefined || x.date > best.date || (x.date === best.date && x.id > best.id)) best = x
  }
  return best
}

/**
 * The status of a matter on a date, from the records dated on or before it; `undefined` before it
 * was raised.
 *
 * @since 0.1.0
 * @category queries
 */
export const statusAsOf = (m: Matter, asOf: CalendarDate): Status | undefined => {
  if (m.root.raisedOn > asOf) return undefined
  const evaluation = latest(m.evaluations, asOf)
  if (evaluation !== undefined) return evaluation.status
  if (m.responses.some((r) => r.date <= asOf)) return "answered"
  if (m.root.forwardedOn !== undefined && m.root.forwardedOn <= asOf) return "forwarded"
  return "raised"
}

/**
 * Whether a status closes the matter: resolved, or explained (the agency gave the information or the
 * reasons, nothing further to do).
 *
 * @since 0.1.0
 * @category queries
 */
export const isClosed = (s: Status | undefined): boolean => s === "resolved" || s === "explained"

/**
 * The first response to a matter dated on or before a date.
 *
 * @since 0.1.0
 * @category queries
 */
export const firstResponse = (m: Matter, asOf: CalendarDate): Response | undefined => {
  let first: Response | undefined
  for (const r of m.responses) if (r.date <= asOf && (first === undefined || r.date < first.date)) first = r
  return first
}

/**
 * Whether a matter is overdue on a date: its deadline has passed and no response is dated on or
 * before that date.
 *
 * @since 0.1.0
 * @category queries
 */
export const isOverdue = (m: Matter, asOf: CalendarDate): boolean =>
  m.root.raisedOn <= asOf && m.root.deadline !== undefined && m.root.deadline < asOf && firstResponse(m, asOf) === undefined

/**
 * Days from forwarding (or raising, when the forwarding date is unknown) to the first response dated
 * on or before a date; `undefined` when unanswered then.
 *
 * @since 0.1.0
 * @category queries
 */
export const daysToAnswer = (m: Matter, asOf: CalendarDate): number | undefined => {
  const r = firstResponse(m, asOf)
  return r === undefined ? undefined : toDayNumber(r.date) - toDayNumber(m.root.forwardedOn ?? m.root.raisedOn)
}

/**
 * The matters to carry over to a session opening on a date: raised before it and not closed the day
 * before.
 *
 * @since 0.1.0
 * @category queries
 */
export const carriedOver = (all: ReadonlyMap<RecommendationId, Matter>, opening: CalendarDate): ReadonlyArray<Matter> => {
  const eve = addDays(opening, -1)
  return [...all.values()].filter((m) => m.root.raisedOn < opening && !isClosed(statusAsOf(m, eve)))
}

/**
 * Whether a matter was raised within a period.
 *
 * @since 0.1.0
 * @category queries
 */
export const raisedWithin = (m: Matter, period: Period): boolean => m.root.raisedOn >= period.from && m.root.raisedOn <= period.to

/**
 * Merges duplicate petitions into one record of the same council: each duplicate (and whatever was
 * merged into it) then points at `into`. Nothing is removed; every source stays a record. Returns the
 * changed records, or the problems (unknown ids, another council, merging a record into its own
 * duplicate).
 *
 * @since 0.1.0
 * @category combinators
 */
export const merge = (
  records: ReadonlyArray<Recommendation>,
  into: RecommendationId,
  duplicates: ReadonlyArray<RecommendationId>
): { readonly changed: ReadonlyArray<Recommendation>; readonly problems: ReadonlyArray<Problem> } => {
  const all = matters({ recommendations: records, responses: [], evaluations: [] })
  const byId = new Map(records.map((r) => [r.id, r]))
  const target = byId.get(into)
  const problems: Array<Problem> = []
  const fail = (id: string, field: string, code: string, vi: string, en: string) =>
    problems.push(problem({ entity: "Recommendation", id, field, code, vi, en }))
  if (target === undefined) {
    fail(into, "mergedInto", "unknown-reference", `không có kiến nghị "${into}" để gộp vào`, `no recommendation "${into}" to merge into`)
    return { changed: [], problems }
  }
  const roots = new Map<string, Recommendation>()
  for (const m of all.values()) for (const s of m.sources) roots.set(s.id, m.root)
  const rootOf = (id: RecommendationId) => roots.get(id)!
  const targetRoot = rootOf(into)
  const changed = new Map<RecommendationId, Recommendation>()
  for (const d of duplicates) {
    const dup = byId.get(d)
    if (dup === undefined) {
      fail(d, "id", "unknown-reference", `không có kiến nghị "${d}" để gộp`, `no recommendation "${d}" to merge`)
      continue
    }
    if (dup.council !== target.council) {
      fail(d, "council", "merge-across-councils", `kiến nghị "${d}" thuộc HĐND "${dup.council}", không gộp được vào "${into}" của HĐND "${target.council}"`,
        `recommendation "${d}" belongs to council "${dup.council}" and cannot merge into "${into}" of council "${target.council}"`)
      continue
    }
    const matter = all.get(rootOf(d).id)!
    if (matter.root.id === targetRoot.id) continue // already the same matter
    for (const s of matter.sources) {
      const next = new (Object.getPrototypeOf(s).constructor as typeof Recommendation)({ ...s, mergedInto: targetRoot.id })
      changed.set(s.id, next)
    }
  }
  return { changed: problems.length > 0 ? [] : [...changed.values()], problems }
}

/**
 * The order of events, checked: a response or evaluation names a known recommendation; a response is
 * not dated before the recommendation was raised; an evaluation names a response of the same matter
 * and is not dated before it; forwarding and the deadline are not before raising; a merge points at a
 * known record of the same council, not at itself and not in a cycle.
 *
 * @since 0.1.0
 * @category validation
 */
export const check = (records: Records): ReadonlyArray<Problem> => {
  const problems: Array<Problem> = []
  const byId = new Map(records.recommendations.map((r) => [r.id, r]))
  const responses = new Map(records.responses.map((r) => [r.id, r]))
  const all = matters(records)
  const rootOf = new Map<string, string>()
  for (const m of all.values()) for (const s of m.sources) rootOf.set(s.id, m.root.id)
  const p = (entity: string, id: string, field: string, code: string, vi: string, en: string) => problems.push(problem({ entity, id, field, code, vi, en }))
  for (const r of records.recommendations) {
    if (r.forwardedOn !== undefined && r.forwardedOn < r.raisedOn) {
      p("Recommendation", r.id, "forwardedOn", "before-raised", `ngày chuyển ${r.forwardedOn} trước ngày tiếp nhận ${r.raisedOn}; hãy sửa một trong hai ngày`,
        `forwarded on ${r.forwardedOn}, before it was raised on ${r.raisedOn}; correct one of the dates`)
    }
    if (r.deadline !== undefined && r.deadline < r.raisedOn) {
      p("Recommendation", r.id, "deadline", "before-raised", `hạn trả lời ${r.deadline} trước ngày tiếp nhận ${r.raisedOn}; hãy sửa hạn`, `deadline ${r.deadline} is before it was raised on ${r.raisedOn}; correct the deadline`)
    }
    if (r.mergedInto !== undefined) {
      const target = byId.get(r.mergedInto)
      if (r.mergedInto === r.id) {
        p("Recommendation", r.id, "mergedInto", "merge-cycle", `kiến nghị "${r.id}" không thể gộp vào chính nó; hãy bỏ mergedInto`, `recommendation "${r.id}" cannot be merged into itself; remove mergedInto`)
      } else if (target === undefined) {
        p("Recommendation", r.id, "mergedInto", "unknown-reference", `gộp vào kiến nghị không có "${r.mergedInto}"; hãy sửa mã`, `merged into an unknown recommendation "${r.mergedInto}"; correct the id`)
      } else if (target.council !== r.council) {
        p("Recommendation", r.id, "mergedInto", "merge-across-councils", `gộp vào kiến nghị "${target.id}" của HĐND khác ("${target.council}"); chỉ gộp trong cùng HĐND`,
          `merged into "${target.id}" of another council ("${target.council}"); merge only within one council`)
      } else if (rootOf.get(r.id) === r.id) {
        p("Recommendation", r.id, "mergedInto", "merge-cycle", `các kiến nghị gộp vào nhau thành vòng tròn qua "${r.id}"; hãy để một bản ghi không có mergedInto`,
          `merges form a cycle through "${r.id}"; leave one record without mergedInto`)
      }
    }
  }
  for (const x of records.responses) {
    const r = byId.get(x.recommendation)
    if (r === undefined) {
      p("Response", x.id, "recommendation", "unknown-reference", `trả lời cho kiến nghị không có "${x.recommendation}"; hãy sửa mã`, `response to an unknown recommendation "${x.recommendation}"; correct the id`)
    } else if (x.date < r.raisedOn) {
      p("Response", x.id, "date", "before-raised", `văn bản trả lời ngày ${x.date} có trước khi kiến nghị "${r.id}" được tiếp nhận (${r.raisedOn}); hãy sửa ngày`,
        `response dated ${x.date}, before recommendation "${r.id}" was raised (${r.raisedOn}); correct the date`)
    }
  }
  for (const e of records.evaluations) {
    const r = byId.get(e.recommendation)
    const x = responses.get(e.response)
    if (r === undefined) {
      p("Evaluation", e.id, "recommendation", "unknown-reference", `đánh giá cho kiến nghị không có "${e.recommendation}"; hãy sửa mã`, `evaluation of an unknown recommendation "${e.recommendation}"; correct the id`)
    } else if (x === undefined) {
      p("Evaluation", e.id, "response", "evaluation-without-response", `đánh giá "${e.id}" không gắn với văn bản trả lời nào ("${e.response}" không có); chỉ đánh giá sau khi có trả lời`,
        `evaluation "${e.id}" names no response ("${e.response}" does not exist); evaluate only once there is a response`)
    } else if (rootOf.get(x.recommendation) !== rootOf.get(r.id)) {
      p("Evaluation", e.id, "response", "response-of-another-matter", `văn bản trả lời "${x.id}" là của kiến nghị "${x.recommendation}", không phải "${r.id}"; hãy sửa`,
        `response "${x.id}" answers "${x.recommendation}", not "${r.id}"; correct it`)
    } else if (e.date < x.date) {
      p("Evaluation", e.id, "date", "before-response", `đánh giá ngày ${e.date} có trước văn bản trả lời "${x.id}" (${x.date}); hãy sửa ngày`,
        `evaluation dated ${e.date}, before response "${x.id}" (${x.date}); correct the date`)
    }
  }
  return problems
}
