/**
 * The reference tabulation engine: counts indicators over a dataset in one pass. Stores that can
 * push the work down to a database must give the same result (the pushdown law in `@hdnd/testkit`).
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import type { Activity } from "./Activity.js"
import type { Level } from "./AdminUnit.js"
import { levelOfUnitType } from "./AdminUnit.js"
import { monthOf, overlaps, quarterOf, within } from "./CalendarDate.js"
import type { OrganKind } from "./Council.js"
import { organKindLabels } from "./Council.js"
import type { Dataset } from "./Dataset.js"
import { TabulationError } from "./Errors.js"
import * as Hierarchy from "./Hierarchy.js"
import type { ActivityKindId, CommitteeKindId, CouncilId, IndicatorId, OrganId, UnitId } from "./Ids.js"
import type { Indicator, Measure } from "./Indicator.js"
import type { Facts, Predicate } from "./internal/predicate.js"
import { compileFilter, needsOrganisers } from "./internal/predicate.js"
import type { Registry } from "./Registry.js"
import type { Tally } from "./Tally.js"
import type { TabulationRequest } from "./TabulationRequest.js"
import type { Cell, Dimension, Label, Tabulation, TallyPart } from "./Tabulation.js"
import { cellKey, NONE, UNAPPORTIONED, viewOf } from "./Tabulation.js"

interface MutableCell {
  indicator: IndicatorId
  key: ReadonlyArray<string>
  items: number
  sessions: Set<string>
  tallies: Array<TallyPart>
  activities: Array<Activity["id"]>
}

interface CouncilFacts {
  readonly id: CouncilId
  readonly unit: string
  readonly level: Level | undefined
  readonly index: number
}

interface OrganFacts {
  readonly kind: OrganKind
  readonly committeeKind: string
}

const hierarchies = new WeakMap<object, Hierarchy.Hierarchy>()

const hierarchyOf = (ds: Dataset): Hierarchy.Hierarchy => {
  let h = hierarchies.get(ds.units)
  if (h === undefined) {
    h = Hierarchy.make(ds.units.values(), ds.lineage.values())
    hierarchies.set(ds.units, h)
  }
  return h
}

/**
 * The councils a scope selects.
 *
 * @since 0.1.0
 * @category queries
 */
export const councilsInScope = (
  ds: Dataset,
  scope: TabulationRequest["scope"]
): Either.Either<ReadonlyArray<CouncilId>, TabulationError> => {
  if (scope._tag === "Councils") {
    const missing = scope.councils.filter((c) => !ds.councils.has(c))
    if (missing.length > 0) {
      return Either.left(
        new TabulationError({
          code: "unknown-council",
          vi: `không có HĐND ${missing.join(", ")} trong dữ liệu; kiểm tra lại mã HĐND`,
          en: `no council ${missing.join(", ")} in the data; check the council ids`
        })
      )
    }
    return Either.right([...new Set(scope.councils)])
  }
  if (!ds.units.has(scope.unit)) {
    return Either.left(
      new TabulationError({
        code: "unknown-unit",
        vi: `không có đơn vị hành chính ${scope.unit}; kiểm tra mã đơn vị`,
        en: `no administrative unit ${scope.unit}; check the unit id`
      })
    )
  }
  const units = hierarchyOf(ds).subtree(scope.unit, scope.asOf)
  const levels = scope.levels === undefined ? undefined : new Set<Level>(scope.levels)
  const wanted = new Set(units.filter((u) => levels === undefined || levels.has(u.level)).map((u) => u.id as string))
  const out: Array<CouncilId> = []
  for (const c of ds.councils.values()) if (wanted.has(c.unit)) out.push(c.id)
  return Either.right(out)
}

type Extract = (a: Activity, f: Facts, council: CouncilFacts, organ: OrganId | undefined, o: OrganFacts | undefined) => string

const activityDims: Readonly<Record<Dimension, Extract>> = {
  council: (_a, _f, c) => c.id,
  unit: (_a, _f, c) => c.unit,
  level: (_a, _f, c) => c.level ?? NONE,
  organ: (_a, _f, _c, organ) => organ ?? NONE,
  organKind: (_a, _f, _c, _o, o) => o?.kind ?? NONE,
  committeeKind: (_a, _f, _c, _o, o) => o?.committeeKind ?? NONE,
  ownerKind: (_a, f) => f.ownerKind ?? NONE,
  kind: (a) => a.kind,
  sessionType: (_a, f) => f.session?.type ?? NONE,
  month: (a) => monthOf(a.date.from),
  quarter: (a) => quarterOf(a.date.from),
  year: (a) => a.date.from.slice(0, 4)
}

const fail = (code: string, vi: string, en: string) => Either.left(new TabulationError({ code, vi, en }))

/**
 * Tabulates a dataset. Activities count in the period that contains their first day; tallies count
 * when their whole period lies within the period asked for, and are listed as unapportioned when it
 * only overlaps.
 *
 * @since 0.1.0
 * @category tabulation
 */
export const tabulate = (
  ds: Dataset,
  registry: Registry,
  request: TabulationRequest
): Either.Either<Tabulation, TabulationError> => {
  const indicators: Array<Indicator> = []
  for (const id of new Set(request.indicators)) {
    const ind = registry.indicators.get(id)
    if (ind === undefined) {
      return fail(
        "unknown-indicator",
        `không có chỉ tiêu ${id}; xem danh sách bằng lệnh "hdnd indicators"`,
        `unknown indicator ${id}; list them with "hdnd indicators"`
      )
    }
    indicators.push(ind)
  }
  const scoped = councilsInScope(ds, request.scope)
  if (Either.isLeft(scoped)) return Either.left(scoped.left)
  const dims: ReadonlyArray<Dimension> = [...(request.groupBy ?? [])]
  if (new Set(dims).size !== dims.length) {
    return fail("duplicate-dimension", `chiều nhóm bị lặp: ${dims.join(", ")}`, `a dimension is repeated: ${dims.join(", ")}`)
  }
  const view = viewOf(dims)
  const traced = request.trace === true
  const { from, to } = request.period

  const councils = new Map<CouncilId, CouncilFacts>()
  for (const id of scoped.right) {
    const c = ds.councils.get(id)
    if (c === undefined) continue
    const unit = ds.units.get(c.unit)
    councils.set(id, { id, unit: c.unit, level: unit === undefined ? undefined : levelOfUnitType[unit.type], index: councils.size })
  }
  const organs = new Map<string, OrganFacts>()
  for (const o of ds.organs.values()) {
    organs.set(o.id, { kind: o.kind, committeeKind: o.committeeKind ?? NONE })
  }

  const n = indicators.length
  const preds: Array<Predicate | undefined> = indicators.map((i) => (i.measure === "tally" ? undefined : compileFilter(i.filter)))
  const distinct: Array<boolean> = indicators.map((i) => i.measure === "distinct-sessions")
  const wantsOrganisers = view === "organ" || indicators.some((i) => needsOrganisers(i.filter))
  const cellMaps: Array<Map<string, MutableCell>> = indicators.map(() => new Map())
  const councilCounts: Array<Int32Array> = indicators.map(() => new Int32Array(councils.size))
  const extractors = dims.map((d) => activityDims[d])
  const keyOf = (a: Activity, f: Facts, c: CouncilFacts, organ: OrganId | undefined, o: OrganFacts | undefined): string => {
    let k = ""
    for (let i = 0; i < extractors.length; i++) k += (i === 0 ? "" : "\u001f") + (extractors[i] as Extract)(a, f, c, organ, o)
    return k
  }
  const cellAt = (i: number, key: string): MutableCell => {
    const m = cellMaps[i] as Map<string, MutableCell>
    let cell = m.get(key)
    if (cell === undefined) {
      cell = {
        indicator: (indicators[i] as Indicator).id,
        key: dims.length === 0 ? [] : key.split("\u001f"),
        items: 0,
        sessions: new Set(),
        tallies: [],
        activities: []
      }
      m.set(key, cell)
    }
    return cell
  }

  const facts: Facts = { level: undefined, ownerKind: undefined, session: undefined, organKinds: [], committeeKinds: [] }
  const organKinds: Array<OrganKind | undefined> = []
  const committeeKinds: Array<string | undefined> = []
  const organFacts: Array<OrganFacts | undefined> = []

  for (const council of councils.values()) {
    const acts = ds.activitiesByCouncil.get(council.id)
    if (acts === undefined) continue
    facts.level = council.level
    for (const a of acts.values()) {
      const day = a.date.from
      if (day < from || day > to) continue
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
      let councilKey: string | undefined
      for (let i = 0; i < n; i++) {
        const pred = preds[i]
        if (pred === undefined || !pred(a, facts)) continue
        const cc = councilCounts[i] as Int32Array
        cc[council.index] = (cc[council.index] as number) + 1
        if (view === "council") {
          councilKey ??= keyOf(a, facts, council, undefined, undefined)
          const cell = cellAt(i, councilKey)
          cell.items++
          if (distinct[i] && a.session !== undefined) cell.sessions.add(a.session)
          if (traced) cell.activities.push(a.id)
        } else {
          for (let j = 0; j < a.organisers.length; j++) {
            const cell = cellAt(i, keyOf(a, facts, council, a.organisers[j], organFacts[j]))
            cell.items++
            if (distinct[i] && a.session !== undefined) cell.sessions.add(a.session)
            if (traced) cell.activities.push(a.id)
          }
        }
      }
    }
  }

  const indexOf = new Map(indicators.map((ind, i) => [ind.id as string, i]))
  const unapportioned = new Set<Tally["id"]>()
  for (const t of ds.tallies.values()) {
    const i = indexOf.get(t.indicator)
    const council = councils.get(t.council)
    if (i === undefined || council === undefined) continue
    if (!within(t.period, request.period)) {
      if (overlaps(t.period, request.period)) unapportioned.add(t.id)
      continue
    }
    const organ = t.organ === undefined ? undefined : ds.organs.get(t.organ)
    const oneMonth = monthOf(t.period.from) === monthOf(t.period.to)
    const key = dims
      .map((d): string => {
        switch (d) {
          case "council":
            return council.id
          case "unit":
            return council.unit
          case "level":
            return council.level ?? NONE
          case "organ":
            return organ?.id ?? UNAPPORTIONED
          case "organKind":
            return organ?.kind ?? UNAPPORTIONED
          case "committeeKind":
            return organ === undefined ? UNAPPORTIONED : (organ.committeeKind ?? NONE)
          case "month":
            return oneMonth ? monthOf(t.period.from) : UNAPPORTIONED
          case "quarter":
            return quarterOf(t.period.from) === quarterOf(t.period.to) ? quarterOf(t.period.from) : UNAPPORTIONED
          case "year":
            return t.period.from.slice(0, 4) === t.period.to.slice(0, 4) ? t.period.from.slice(0, 4) : UNAPPORTIONED
          default:
            return UNAPPORTIONED
        }
      })
      .join("\u001f")
    cellAt(i, key).tallies.push({
      id: t.id,
      body: `council:${t.council}`,
      value: t.value,
      qualifier: t.qualifier
    })
  }

  const cells = new Map<string, Cell>()
  for (const m of cellMaps) for (const cell of m.values()) cells.set(cellKey(cell.indicator, cell.key), cell)
  const councilIds = [...councils.keys()]
  const itemBodies = new Map<IndicatorId, ReadonlyMap<string, number>>()
  indicators.forEach((ind, i) => {
    const bodies = new Map<string, number>()
    const cc = councilCounts[i] as Int32Array
    for (let j = 0; j < cc.length; j++) if ((cc[j] as number) > 0) bodies.set(`council:${councilIds[j]}`, cc[j] as number)
    if (bodies.size > 0) itemBodies.set(ind.id, bodies)
  })
  return Either.right({
    labels: labelsFor(ds, registry, cells.values()),
    indicators: new Map<IndicatorId, Measure>(indicators.map((i) => [i.id, i.measure])),
    dimensions: dims,
    traced,
    view,
    period: request.period,
    cells,
    itemBodies,
    unapportioned
  })
}

const fixedLabels: ReadonlyMap<string, Label> = new Map<string, Label>([
  ...Object.entries(organKindLabels),
  ["province", { vi: "cấp tỉnh", en: "province level" }],
  ["district", { vi: "cấp huyện", en: "district level" }],
  ["commune", { vi: "cấp xã", en: "commune level" }],
  ["regular", { vi: "kỳ họp thường lệ", en: "regular session" }],
  ["special", { vi: "kỳ họp chuyên đề, bất thường", en: "special session" }],
  [NONE, { vi: "không có", en: "none" }],
  [UNAPPORTIONED, { vi: "không phân bổ được", en: "not apportioned" }]
])

const labelsFor = (
  ds: Dataset,
  registry: Registry,
  cells: Iterable<Cell>
): ReadonlyMap<string, Label> => {
  const labels = new Map<string, Label>()
  const values = new Set<string>()
  for (const cell of cells) for (const v of cell.key) values.add(v)
  for (const v of values) {
    const fixed = fixedLabels.get(v)
    if (fixed !== undefined) {
      labels.set(v, fixed)
      continue
    }
    const named =
      ds.councils.get(v as CouncilId)?.name ??
      ds.organs.get(v as OrganId)?.name ??
      ds.units.get(v as UnitId)?.name
    if (named !== undefined) {
      labels.set(v, { vi: named, en: named })
      continue
    }
    const kind = registry.activityKinds.get(v as ActivityKindId) ?? registry.committeeKinds.get(v as CommitteeKindId)
    if (kind !== undefined) labels.set(v, { vi: kind.vi, en: kind.en })
  }
  return labels
}
