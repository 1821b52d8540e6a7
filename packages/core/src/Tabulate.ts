/**
 * The reference tabulation engine: counts indicators over an in-memory dataset in one pass. Stores
 * that push the work down to a database must give the same result (the pushdown law in
 * `@hdnd/testkit`); both assemble their result with `TabulationBuilder`.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import type { OrganKind } from "./Council.js"
import type { Dataset } from "./Dataset.js"
import type { TabulationError } from "./Errors.js"
import { distinctKeys, isMeasured, sumOf } from "./Indicator.js"
import type { Facts, Predicate } from "./internal/predicate.js"
import * as outputs from "./internal/outputs.js"
import { compileFilter, needsOrganisers, needsParticipants } from "./internal/predicate.js"
import { tabulateInto } from "./RecommendationStats.js"
import type { Registry } from "./Registry.js"
import type { Tabulation } from "./Tabulation.js"
import { NONE } from "./Tabulation.js"
import type { Plan, RowFacts } from "./TabulationBuilder.js"
import { Builder, emptyRowFacts, plan } from "./TabulationBuilder.js"
import type { TabulationRequest } from "./TabulationRequest.js"

export {
  /**
   * The councils a scope selects (re-exported from `TabulationBuilder`).
   *
   * @since 0.1.0
   * @category queries
   */
  councilsInScope
} from "./TabulationBuilder.js"

/**
 * Counts the indicators of a plan whose source is sessions held, resolutions adopted or documents
 * submitted, over the sessions, resolutions and documents given, into a builder. `tabulate` uses it;
 * a store that keeps these (few) records at hand uses it too, so both count them alike.
 *
 * @since 0.2.0
 * @category tabulation
 */
export const countOutputs: (
  ds: Pick<Dataset, "organs" | "sessions" | "resolutions" | "documents">,
  plan: Plan,
  builder: Builder
) => void = outputs.countOutputs

interface OrganFacts {
  readonly kind: OrganKind
  readonly committeeKind: string
}

/**
 * Tabulates a dataset. Activities count in the period that contains their first day; tallies count
 * when their whole period lies within the period asked for, and are listed as unapportioned when it
 * only overlaps. For a `sum` or `distinct` indicator, an activity counts when it matches the filter
 * and carries the measured attribute (see `Indicator.isMeasured`). In the per-organ view an activity
 * counts once per organiser, and once per participant too when grouped by `role`; a request's
 * `filter` narrows every indicator.
 *
 * only overlaps. Indicators of another source count sessions held (on their first day), resolutions
 * adopted (on the day adopted) or documents submitted (on the day submitted). A request scoped to
 * sessions counts the records that belong to them instead, whatever their dates, and no tallies.
 *
 * @example
 * ```ts
 * import { CalendarDate, Dataset, Ids, Indicators, Registry, Tabulate, Tabulation, TabulationRequest } from "@hdnd/core"
 * import { batch } from "@hdnd/province-son-la"
 * import * as Result from "effect/Result"
 *
 * // Counting without a store: a dataset in memory (Sơn La's structure), the built-in registry, a request.
 * const result = Tabulate.tabulate(Dataset.fromBatch(batch), Registry.builtin, {
 *   indicators: [Indicators.ids.reviewDraftResolution],
 *   scope: TabulationRequest.subtree(Ids.UnitId.make("unit:14"), CalendarDate.date("2023-12-31")),
 *   period: CalendarDate.period("2023-01-01", "2023-12-31"),
 *   groupBy: ["level"]
 * })
 * if (Result.isFailure(result)) throw result.failure // a TabulationError: an unknown unit, indicator …
 * console.log(Tabulation.valueOf(result.success, Indicators.ids.reviewDraftResolution).value) // 0: no activities yet
 * ```
 *
 * @since 0.1.0
 * @category tabulation
 */
export const tabulate = (
  ds: Dataset,
  registry: Registry,
  request: TabulationRequest
): Result.Result<Tabulation, TabulationError> => {
  const planned = plan(ds, registry, request)
  if (Result.isFailure(planned)) return Result.fail(planned.failure)
  const p = planned.success
  const builder = new Builder(p)
  const { from, to } = p.period

  const organs = new Map<string, OrganFacts>()
  for (const o of ds.organs.values()) organs.set(o.id, { kind: o.kind, committeeKind: o.committeeKind ?? NONE })

  const n = p.indicators.length
  const ofActivities = (i: (typeof p.indicators)[number]) => i.source === undefined || i.source === "activities"
  const preds: Array<Predicate | undefined> = p.indicators.map((i) => (i.measure === "tally" || !ofActivities(i) ? undefined : compileFilter(i.filter)))
  // The attribute a sum or distinct indicator reads, and the measure, per indicator.
  const attributes = p.indicators.map((i) => (i.measure === "sum" || i.measure === "distinct" ? i.attribute : undefined))
  const measures = p.indicators.map((i) => i.measure)
  const where = p.filter === undefined ? undefined : compileFilter(p.filter)
  const activityFilters = p.indicators.filter(ofActivities).map((i) => i.filter)
  const filters = p.filter === undefined ? activityFilters : [...activityFilters, p.filter]
  const wantsOrganisers = p.view === "organ" || filters.some(needsOrganisers)
  const byRole = p.view === "organ" && p.byRole === true
  const wantsParticipants = byRole || filters.some(needsParticipants)
  const scope = p.sessions
  const facts: Facts = {
    level: undefined,
    ownerKind: undefined,
    session: undefined,
    organKinds: [],
    committeeKinds: [],
    participantKinds: [],
    participantCommitteeKinds: []
  }
  const organKinds: Array<OrganKind | undefined> = []
  const committeeKinds: Array<string | undefined> = []
  const organFacts: Array<OrganFacts | undefined> = []
  const participantKinds: Array<OrganKind | undefined> = []
  const participantCommitteeKinds: Array<string | undefined> = []
  const participantFacts: Array<OrganFacts | undefined> = []
  const row: RowFacts = emptyRowFacts()

  const anyActivities = preds.some((x) => x !== undefined)
  for (const council of p.councils.values()) {
    if (!anyActivities) break
    const acts = ds.activitiesByCouncil.get(council.id)
    if (acts === undefined) continue
    facts.level = council.level
    row.council = council.id
    for (const a of acts.values()) {
      const day = a.date.from
      if (scope !== undefined ? a.session === undefined || !scope.has(a.session) : day < from || day > to) continue
      facts.ownerKind = organs.get(a.owner)?.kind
      facts.session = a.session === undefined ? undefined : ds.sessions.get(a.session)
      if (wantsOrganisers) {
        organKinds.length = 0
        committeeKinds.length = 0
        organFacts.length = 0
        for (const id of a.organisers) {
          const o = organs.get(id)
          organFacts.push(o)
          organKinds.push(o?.kind)
          committeeKinds.push(o?.committeeKind)
        }
        facts.organKinds = organKinds
        facts.committeeKinds = committeeKinds
      }
      if (wantsParticipants) {
        participantKinds.length = 0
        participantCommitteeKinds.length = 0
        participantFacts.length = 0
        for (const id of a.participants ?? []) {
          const o = organs.get(id)
          participantFacts.push(o)
          participantKinds.push(o?.kind)
          participantCommitteeKinds.push(o?.committeeKind)
        }
        facts.participantKinds = participantKinds
        facts.participantCommitteeKinds = participantCommitteeKinds
      }
      if (where !== undefined && !where(a, facts)) continue
      row.kind = a.kind
      row.ownerKind = facts.ownerKind
      row.sessionType = facts.session?.type
      row.day = day
      let councilKey: string | undefined
      for (let i = 0; i < n; i++) {
        const pred = preds[i]
        if (pred === undefined || !pred(a, facts)) continue
        const attribute = attributes[i]
        const measured = attribute === undefined ? undefined : a.attributes?.[attribute]
        if (attribute !== undefined && !isMeasured(measured)) continue
        const amount = measures[i] === "sum" ? sumOf(measured) : 0
        const values = measures[i] === "distinct" ? distinctKeys(measured) : undefined
        builder.addCouncilItems(i, council, 1)
        if (p.view === "council") {
          councilKey ??= builder.keyOf(row, council)
          builder.addItems(i, councilKey, 1, a.session, p.traced ? [a.id] : undefined)
          builder.addSum(i, councilKey, amount)
          if (values !== undefined) builder.addValues(i, councilKey, values)
        } else {
          if (byRole) row.role = "led"
          for (let j = 0; j < a.organisers.length; j++) {
            row.organ = a.organisers[j]
            row.organKind = organFacts[j]?.kind
            row.committeeKind = organFacts[j]?.committeeKind
            const key = builder.keyOf(row, council)
            builder.addItems(i, key, 1, a.session, p.traced ? [a.id] : undefined)
            builder.addSum(i, key, amount)
            if (values !== undefined) builder.addValues(i, key, values)
          }
          if (byRole && a.participants !== undefined) {
            row.role = "took-part"
            for (let j = 0; j < a.participants.length; j++) {
              row.organ = a.participants[j]
              row.organKind = participantFacts[j]?.kind
              row.committeeKind = participantFacts[j]?.committeeKind
              const key = builder.keyOf(row, council)
              builder.addItems(i, key, 1, a.session, p.traced ? [a.id] : undefined)
              builder.addSum(i, key, amount)
              if (values !== undefined) builder.addValues(i, key, values)
            }
          }
          row.organ = row.organKind = row.committeeKind = row.role = undefined
        }
      }
    }
  }
  outputs.countOutputs(ds, p, builder)
  tabulateInto(builder, ds)
  builder.addTallies(ds.tallies.values(), ds.organs)
  return Result.succeed(builder.finish(ds, registry))
}
