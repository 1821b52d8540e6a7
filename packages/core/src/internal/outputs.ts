/**
 * Counting council outputs (sessions held, resolutions adopted, documents submitted) for indicators
 * whose `source` is not `activities`: the predicate each filter compiles to, and the in-memory count
 * that every tabulator shares.
 * @internal
 */
import type { Level } from "../AdminUnit.js"
import type { OrganKind } from "../Council.js"
import type { CouncilDocument } from "../CouncilDocument.js"
import type { Dataset } from "../Dataset.js"
import type { Clause, Filter, Source } from "../Indicator.js"
import type { Resolution } from "../Resolution.js"
import type { Session } from "../Session.js"
import { NONE } from "../Tabulation.js"
import type { Builder, Plan, RowFacts } from "../TabulationBuilder.js"
import { emptyRowFacts } from "../TabulationBuilder.js"

/** The sources counted here. @internal */
export type OutputSource = "sessions" | "resolutions" | "documents"

/** Whether an indicator's source is one counted here. @internal */
export const isOutputSource = (s: Source | undefined): s is OutputSource => s === "sessions" || s === "resolutions" || s === "documents"

/** One record of an output source with the facts its filter reads. @internal */
export interface OutputFacts {
  level: Level | undefined
  /** The session held, the adopting session, or the session a document is submitted to. */
  session: Session | undefined
  resolutionKind: string | undefined
  documentType: string | undefined
  field: string | undefined
  /** The reviewers' organ kinds and committee kinds (documents). */
  organKinds: ReadonlyArray<OrganKind | undefined>
  committeeKinds: ReadonlyArray<string | undefined>
}

/** @internal */
export type OutputPredicate = (f: OutputFacts) => boolean

const NEVER: OutputPredicate = () => false
const has = <T>(values: ReadonlyArray<T> | undefined): ReadonlySet<T> | undefined => (values === undefined ? undefined : new Set(values))

/** The clause fields that apply to no output source. */
const ACTIVITY_ONLY = [
  "kinds", "subjects", "modes", "origins", "venues", "ownerKinds",
  // Roles are of activities: who led or took part (since 0.2.0).
  "ledBy", "tookPart", "involved", "participantKinds", "participantCommitteeKinds"
] as const

const compileClause = (source: OutputSource, c: Clause): OutputPredicate => {
  if (ACTIVITY_ONLY.some((k) => c[k] !== undefined)) return NEVER
  if (c.resolutionKinds !== undefined && source !== "resolutions") return NEVER
  if (c.documentTypes !== undefined && source !== "documents") return NEVER
  if (c.fields !== undefined && source === "sessions") return NEVER
  if ((c.organiserKinds !== undefined || c.committeeKinds !== undefined) && source !== "documents") return NEVER
  const tests: Array<OutputPredicate> = []
  const resolutionKinds = has<string>(c.resolutionKinds)
  if (resolutionKinds) tests.push((f) => f.resolutionKind !== undefined && resolutionKinds.has(f.resolutionKind))
  const documentTypes = has<string>(c.documentTypes)
  if (documentTypes) tests.push((f) => f.documentType !== undefined && documentTypes.has(f.documentType))
  const fields = has<string>(c.fields)
  if (fields) tests.push((f) => f.field !== undefined && fields.has(f.field))
  const organiserKinds = has(c.organiserKinds)
  if (organiserKinds) tests.push((f) => f.organKinds.some((k) => k !== undefined && organiserKinds.has(k)))
  const committeeKinds = has<string>(c.committeeKinds)
  if (committeeKinds) tests.push((f) => f.committeeKinds.some((k) => k !== undefined && committeeKinds.has(k)))
  const levels = has(c.levels)
  if (levels) tests.push((f) => f.level !== undefined && levels.has(f.level))
  const sessionTypes = has(c.sessionTypes)
  if (sessionTypes) tests.push((f) => f.session !== undefined && sessionTypes.has(f.session.type))
  const specialLabels = has(c.specialLabels)
  if (specialLabels) tests.push((f) => f.session?.specialLabel !== undefined && specialLabels.has(f.session.specialLabel))
  return (f) => {
    for (let i = 0; i < tests.length; i++) if (!(tests[i] as OutputPredicate)(f)) return false
    return true
  }
}

/** Compiles a filter for an output source. @internal */
export const compileOutputFilter = (source: OutputSource, filter: Filter): OutputPredicate => {
  const top = compileClause(source, filter)
  if (filter.anyOf === undefined) return top
  const any = filter.anyOf.map((c) => compileClause(source, c))
  return (f) => top(f) && any.some((p) => p(f))
}

/** The value a record of a source takes on the `kind` dimension. @internal */
export const kindOf = {
  sessions: (s: Session): string => s.specialLabel ?? s.type,
  resolutions: (r: Resolution): string => r.kind,
  documents: (d: CouncilDocument): string => d.type
} as const

interface Row {
  readonly id: string
  readonly council: string
  readonly session: Session | undefined
  readonly day: string
  readonly kind: string
  readonly resolutionKind: string | undefined
  readonly documentType: string | undefined
  readonly field: string | undefined
  readonly reviewers: ReadonlyArray<string>
}

const rowsOf = function* (ds: Pick<Dataset, "sessions" | "resolutions" | "documents">, source: OutputSource): Generator<Row> {
  if (source === "sessions") {
    for (const s of ds.sessions.values()) {
      yield { id: s.id, council: s.council, session: s, day: s.dates.from, kind: kindOf.sessions(s), resolutionKind: undefined, documentType: undefined, field: undefined, reviewers: [] }
    }
  } else if (source === "resolutions") {
    for (const r of ds.resolutions.values()) {
      const session = r.session === undefined ? undefined : ds.sessions.get(r.session)
      yield { id: r.id, council: r.council, session, day: r.adoptedOn, kind: r.kind, resolutionKind: r.kind, documentType: undefined, field: r.field, reviewers: [] }
    }
  } else {
    for (const d of ds.documents.values()) {
      const session = d.session === undefined ? undefined : ds.sessions.get(d.session)
      yield { id: d.id, council: d.council, session, day: d.submittedOn, kind: d.type, resolutionKind: undefined, documentType: d.type, field: d.field, reviewers: d.reviewers ?? [] }
    }
  }
}

/**
 * Counts the output-source indicators of a plan over a dataset's sessions, resolutions and documents
 * into `builder`. A record counts on its day (the session's first day, the day adopted, the day
 * submitted) within the period, or, when the plan is scoped to sessions, when its session is one of
 * them. In the organ view a document counts once for each reviewer (under "-" when it has none).
 * @internal
 */
export const countOutputs = (ds: Pick<Dataset, "organs" | "sessions" | "resolutions" | "documents">, p: Plan, builder: Builder): void => {
  const bySource = new Map<OutputSource, Array<number>>()
  p.indicators.forEach((ind, i) => {
    if (ind.measure === "tally" || !isOutputSource(ind.source)) return
    const list = bySource.get(ind.source) ?? []
    list.push(i)
    bySource.set(ind.source, list)
  })
  if (bySource.size === 0) return
  const { from, to } = p.period
  const scope = p.sessions
  const row: RowFacts = emptyRowFacts()
  const facts: OutputFacts = { level: undefined, session: undefined, resolutionKind: undefined, documentType: undefined, field: undefined, organKinds: [], committeeKinds: [] }
  for (const [source, indexes] of bySource) {
    const preds = indexes.map((i) => compileOutputFilter(source, (p.indicators[i] as Plan["indicators"][number]).filter))
    for (const r of rowsOf(ds, source)) {
      const council = p.councils.get(r.council as never)
      if (council === undefined) continue
      if (scope !== undefined ? r.session === undefined || !scope.has(r.session.id) : r.day < from || r.day > to) continue
      const reviewers = r.reviewers.map((id) => ds.organs.get(id as never))
      facts.level = council.level
      facts.session = r.session
      facts.resolutionKind = r.resolutionKind
      facts.documentType = r.documentType
      facts.field = r.field
      facts.organKinds = reviewers.map((o) => o?.kind)
      facts.committeeKinds = reviewers.map((o) => o?.committeeKind)
      row.council = council.id
      row.kind = r.kind
      row.ownerKind = undefined
      row.sessionType = r.session?.type
      row.day = r.day
      let key: string | undefined
      indexes.forEach((i, j) => {
        if (!(preds[j] as OutputPredicate)(facts)) return
        builder.addCouncilItems(i, council, 1)
        const trace = p.traced ? [r.id] : undefined
        if (p.view === "council" || reviewers.length === 0) {
          row.organ = row.organKind = undefined
          row.committeeKind = p.view === "council" ? undefined : NONE
          key ??= builder.keyOf(row, council)
          builder.addItems(i, key, 1, r.session?.id, trace)
          return
        }
        r.reviewers.forEach((id, k) => {
          row.organ = id
          row.organKind = reviewers[k]?.kind
          row.committeeKind = reviewers[k]?.committeeKind ?? NONE
          builder.addItems(i, builder.keyOf(row, council), 1, r.session?.id, trace)
        })
        row.organ = row.organKind = row.committeeKind = undefined
      })
    }
  }
}
