/**
 * Compiles an indicator filter into a fast predicate over an activity and its looked-up facts.
 * @internal
 */
import type { Activity } from "../Activity.js"
import type { Level } from "../AdminUnit.js"
import type { OrganKind } from "../Council.js"
import type { Clause, Filter } from "../Indicator.js"
import type { Session } from "../Session.js"

/** Facts about an activity that live in other records. @internal */
export interface Facts {
  level: Level | undefined
  ownerKind: OrganKind | undefined
  session: Session | undefined
  organKinds: ReadonlyArray<OrganKind | undefined>
  committeeKinds: ReadonlyArray<string | undefined>
  /** Of the participants, in order (filled when {@link needsParticipants}). */
  participantKinds: ReadonlyArray<OrganKind | undefined>
  participantCommitteeKinds: ReadonlyArray<string | undefined>
}

/** @internal */
export type Predicate = (a: Activity, f: Facts) => boolean

const TRUE: Predicate = () => true

const has = <T>(values: ReadonlyArray<T> | undefined): ReadonlySet<T> | undefined =>
  values === undefined ? undefined : new Set(values)

const compileClause = (c: Clause): Predicate => {
  const tests: Array<Predicate> = []
  const kinds = has(c.kinds)
  if (kinds) tests.push((a) => kinds.has(a.kind))
  const subjects = has(c.subjects)
  if (subjects) tests.push((a) => a.subject !== undefined && subjects.has(a.subject))
  const resolutionKinds = has(c.resolutionKinds)
  if (resolutionKinds) tests.push((a) => a.resolutionKind !== undefined && resolutionKinds.has(a.resolutionKind))
  const modes = has(c.modes)
  if (modes) tests.push((a) => a.mode !== undefined && modes.has(a.mode))
  const origins = has(c.origins)
  if (origins) tests.push((a) => a.origin !== undefined && origins.has(a.origin))
  const venues = has(c.venues)
  if (venues) tests.push((a) => a.venue !== undefined && venues.has(a.venue))
  const ownerKinds = has(c.ownerKinds)
  if (ownerKinds) tests.push((_, f) => f.ownerKind !== undefined && ownerKinds.has(f.ownerKind))
  const organiserKinds = has(c.organiserKinds)
  if (organiserKinds) tests.push((_, f) => f.organKinds.some((k) => k !== undefined && organiserKinds.has(k)))
  const committeeKinds = has<string>(c.committeeKinds)
  if (committeeKinds) tests.push((_, f) => f.committeeKinds.some((k) => k !== undefined && committeeKinds.has(k)))
  const levels = has(c.levels)
  if (levels) tests.push((_, f) => f.level !== undefined && levels.has(f.level))
  const sessionTypes = has(c.sessionTypes)
  if (sessionTypes) tests.push((_, f) => f.session !== undefined && sessionTypes.has(f.session.type))
  const specialLabels = has(c.specialLabels)
  if (specialLabels) {
    tests.push((_, f) => f.session?.specialLabel !== undefined && specialLabels.has(f.session.specialLabel))
  }
  const ledBy = has<string>(c.ledBy)
  if (ledBy) tests.push((a) => a.organisers.some((o) => ledBy.has(o)))
  const tookPart = has<string>(c.tookPart)
  if (tookPart) tests.push((a) => a.participants !== undefined && a.participants.some((o) => tookPart.has(o)))
  const involved = has<string>(c.involved)
  if (involved) tests.push((a) => a.organisers.some((o) => involved.has(o)) || (a.participants !== undefined && a.participants.some((o) => involved.has(o))))
  const participantKinds = has(c.participantKinds)
  if (participantKinds) tests.push((_, f) => f.participantKinds.some((k) => k !== undefined && participantKinds.has(k)))
  const participantCommitteeKinds = has<string>(c.participantCommitteeKinds)
  if (participantCommitteeKinds) tests.push((_, f) => f.participantCommitteeKinds.some((k) => k !== undefined && participantCommitteeKinds.has(k)))
  if (tests.length === 0) return TRUE
  if (tests.length === 1) return tests[0] as Predicate
  return (a, f) => {
    for (let i = 0; i < tests.length; i++) if (!(tests[i] as Predicate)(a, f)) return false
    return true
  }
}

/** Compiles a filter. @internal */
export const compileFilter = (filter: Filter): Predicate => {
  const top = compileClause(filter)
  if (filter.anyOf === undefined) return top
  const any = filter.anyOf.map(compileClause)
  return (a, f) => {
    if (!top(a, f)) return false
    for (let i = 0; i < any.length; i++) if ((any[i] as Predicate)(a, f)) return true
    return false
  }
}

/** Whether the filter needs organiser facts (so they can be skipped otherwise). @internal */
export const needsOrganisers = (filter: Filter): boolean =>
  filter.organiserKinds !== undefined ||
  filter.committeeKinds !== undefined ||
  (filter.anyOf ?? []).some((c) => c.organiserKinds !== undefined || c.committeeKinds !== undefined)

/** Whether the filter needs participant facts (so they can be skipped otherwise). @internal */
export const needsParticipants = (filter: Filter): boolean =>
  filter.participantKinds !== undefined ||
  filter.participantCommitteeKinds !== undefined ||
  (filter.anyOf ?? []).some((c) => c.participantKinds !== undefined || c.participantCommitteeKinds !== undefined)
