/**
 * The recommendations in the store as matters (vụ việc): a recommendation and those merged into it,
 * counted once, with its status, deadline and first answer as of a date. This is domain logic that
 * belongs in @hdnd/core (next to `RecommendationStatus`); it lives here, in its own module, until it
 * moves there.
 *
 * Everything is computed from the records dated on or before the as-of date: a response dated after
 * it does not count, so a listing re-run later for the same date gives the same answer.
 *
 * @since 0.1.0
 */
import { Recommendation, RecommendationStatus, Store, Text } from "@hdnd/core"
import type { CalendarDate, Dataset, Errors, Ids } from "@hdnd/core"
import * as Effect from "effect/Effect"
import { collect, findCouncils } from "../../Context.js"
import type { Lang } from "../../Lang.js"
import { pick } from "../../Lang.js"

/**
 * Names to show instead of ids: organs and councils, from the stored structure.
 *
 * @since 0.1.0
 * @category models
 */
export interface Names {
  readonly organs: ReadonlyMap<string, string>
  readonly councils: ReadonlyMap<string, string>
}

/**
 * The names of a dataset's organs and councils.
 *
 * @since 0.1.0
 * @category constructors
 */
export const namesOf = (ds: Dataset.Dataset): Names => ({
  organs: new Map([...ds.organs.values()].map((o) => [o.id as string, o.name])),
  councils: new Map([...ds.councils.values()].map((c) => [c.id as string, c.name]))
})

/**
 * The name of a matter's origin: the raising organ, or the voters for a petition.
 *
 * @since 0.1.0
 * @category formatting
 */
export const originName = (names: Names, origin: string, lang: Lang): string => (origin === "voters" ? pick(lang, "Cử tri", "Voters") : names.organs.get(origin) ?? origin)

/**
 * The recommendations, responses and evaluations in the store, of some councils (all when none are
 * given). Responses and evaluations are read whole: `RecommendationStatus.matters` keeps those of the
 * recommendations read, and the as-of date is applied by core.
 *
 * @since 0.1.0
 * @category store
 */
export const recordsOf = (store: Store.StoreService, councils?: ReadonlyArray<Ids.CouncilId>): Effect.Effect<RecommendationStatus.Records, Errors.StoreError> =>
  Effect.all({
    recommendations: collect(store.stream("recommendations", councils === undefined ? {} : { councils })),
    responses: collect(store.stream("responses")),
    evaluations: collect(store.stream("evaluations"))
  })

/**
 * The filters of `hdnd recommendations list`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ListFilter {
  readonly asOf: CalendarDate.CalendarDate
  /** Only matters raised within this period. */
  readonly period?: CalendarDate.Period
  readonly statuses?: ReadonlyArray<RecommendationStatus.Status>
  readonly addresseeKinds?: ReadonlyArray<Recommendation.AddresseeKind>
  /** Fields, matched without case or diacritics. */
  readonly fields?: ReadonlyArray<string>
  /** Only the matters overdue on `asOf`. */
  readonly overdue?: boolean
}

/**
 * One matter as listed: the record that stands for it, its status, deadline, answer and sources.
 *
 * @since 0.1.0
 * @category models
 */
export interface MatterRow {
  readonly id: string
  readonly council: string
  readonly kind: Recommendation.RecommendationKind
  readonly raisedOn: CalendarDate.CalendarDate
  /** The raising organ's id, or "voters". */
  readonly origin: string
  readonly content: string
  readonly field: string
  readonly level: Recommendation.CompetentLevel
  readonly addresseeKind: Recommendation.AddresseeKind
  readonly addressee: string
  readonly forwardedOn?: CalendarDate.CalendarDate
  readonly deadline?: CalendarDate.CalendarDate
  readonly status: RecommendationStatus.Status
  readonly overdue: boolean
  /** Days from forwarding (or raising) to the first response dated on or before `asOf`. */
  readonly daysToAnswer?: number
  /** The first response dated on or before `asOf`. */
  readonly answer?: { readonly id: string; readonly date: CalendarDate.CalendarDate; readonly responder: string; readonly document?: string }
  /** Every record of the matter (the root first): merged petitions are listed here, not counted again. */
  readonly sources: ReadonlyArray<{ readonly id: string; readonly raisedOn: CalendarDate.CalendarDate; readonly raisedBy?: string; readonly source?: string }>
}

/**
 * The matters raised on or before `asOf` that pass the filters, oldest first.
 *
 * @since 0.1.0
 * @category queries
 */
export const listMatters = (records: RecommendationStatus.Records, f: ListFilter): ReadonlyArray<MatterRow> => {
  const fields = f.fields === undefined || f.fields.length === 0 ? undefined : new Set(f.fields.map(Text.matchKey))
  const rows: Array<MatterRow> = []
  for (const m of RecommendationStatus.matters(records).values()) {
    const r = m.root
    if (r.raisedOn > f.asOf) continue
    if (f.period !== undefined && !RecommendationStatus.raisedWithin(m, f.period)) continue
    const status = RecommendationStatus.statusAsOf(m, f.asOf) ?? "raised"
    const overdue = RecommendationStatus.isOverdue(m, f.asOf)
    if (f.statuses !== undefined && f.statuses.length > 0 && !f.statuses.includes(status)) continue
    if (f.addresseeKinds !== undefined && f.addresseeKinds.length > 0 && !f.addresseeKinds.includes(r.addressee.kind)) continue
    if (fields !== undefined && !fields.has(Text.matchKey(r.field))) continue
    if (f.overdue === true && !overdue) continue
    const first = RecommendationStatus.firstResponse(m, f.asOf)
    const days = RecommendationStatus.daysToAnswer(m, f.asOf)
    rows.push({
      id: r.id,
      council: r.council,
      kind: r.kind,
      raisedOn: r.raisedOn,
      origin: r.raisedBy ?? "voters",
      content: r.content,
      field: r.field,
      level: r.level,
      addresseeKind: r.addressee.kind,
      addressee: r.addressee.name,
      ...(r.forwardedOn === undefined ? {} : { forwardedOn: r.forwardedOn }),
      ...(r.deadline === undefined ? {} : { deadline: r.deadline }),
      status,
      overdue,
      ...(days === undefined ? {} : { daysToAnswer: days }),
      ...(first === undefined
        ? {}
        : { answer: { id: first.id, date: first.date, responder: first.responder, ...(first.document === undefined ? {} : { document: first.document }) } }),
      sources: m.sources.map((s) => ({
        id: s.id,
        raisedOn: s.raisedOn,
        ...(s.raisedBy === undefined ? {} : { raisedBy: s.raisedBy }),
        ...(s.source === undefined ? {} : { source: s.source })
      }))
    })
  }
  return rows.sort((a, b) => (a.raisedOn < b.raisedOn ? -1 : a.raisedOn > b.raisedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * The label of a pair of Vietnamese and English texts (as in `Recommendation.labels`) in a language,
 * or `fallback` when there is none.
 *
 * @since 0.1.0
 * @category formatting
 */
export const labelIn = (lang: Lang, l: readonly [string, string] | undefined, fallback: string): string => (l === undefined ? fallback : pick(lang, l[0], l[1]))

/**
 * The label of a status in a language (`resolved` → "đã giải quyết").
 *
 * @since 0.1.0
 * @category formatting
 */
export const statusLabel = (lang: Lang, s: RecommendationStatus.Status): string => labelIn(lang, Recommendation.labels.status[s], s)

/**
 * The stored structure and the councils of `--council`, by id (undefined for every council).
 *
 * @since 0.1.0
 * @category store
 */
export const councilIds = (store: Store.StoreService, texts: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const ds = yield* Store.structure(store)
    const councils = texts.length === 0 ? undefined : (yield* findCouncils(ds, texts)).map((c) => c.id)
    return { ds, councils }
  })
