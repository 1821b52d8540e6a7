/**
 * Assembles a `Tabulation` from counts, for every tabulator: the in-memory engine (`Tabulate`) and
 * stores that push counting down to a database. Both resolve a request with {@link plan}, report
 * grouped item counts with {@link Builder.addItems}, hand over tallies with {@link Builder.addTallies},
 * and {@link Builder.finish}: so dimension values, tally placement, conflicts and labels are defined
 * once.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import type { Level } from "./AdminUnit.js"
import { levelOfUnitType } from "./AdminUnit.js"
import { monthOf, overlaps, quarterOf, within } from "./CalendarDate.js"
import type { Period } from "./CalendarDate.js"
import { organKindLabels } from "./Council.js"
import { documentTypeLabels } from "./CouncilDocument.js"
import { resolutionKindLabels } from "./Resolution.js"
import { specialLabelLabels } from "./Session.js"
import type { Dataset } from "./Dataset.js"
import { TabulationError } from "./Errors.js"
import * as Hierarchy from "./Hierarchy.js"
import type { ActivityId, ActivityKindId, CommitteeKindId, CouncilId, IndicatorId, OrganId, UnitId } from "./Ids.js"
import type { Filter, Indicator, Measure } from "./Indicator.js"
import { attributeProblem } from "./Indicator.js"
import type { Registry } from "./Registry.js"
import { closestIds } from "./Registry.js"
import type { Tally } from "./Tally.js"
import type { Cell, Dimension, Label, Tabulation, TallyPart, View } from "./Tabulation.js"
import { NONE, timeLabel, UNAPPORTIONED, viewOf } from "./Tabulation.js"
import type { TabulationRequest } from "./TabulationRequest.js"

/**
 * A council in scope, with what dimensions need of it.
 *
 * @since 0.1.0
 * @category models
 */
export interface ScopedCouncil {
  readonly id: CouncilId
  readonly unit: UnitId
  readonly level: Level | undefined
  /** Position in the plan's council list (for per-council counters). */
  readonly index: number
}

/**
 * A resolved request: the indicators, the councils in scope, dimensions and view.
 *
 * @since 0.1.0
 * @category models
 */
export interface Plan {
  readonly indicators: ReadonlyArray<Indicator>
  readonly councils: ReadonlyMap<CouncilId, ScopedCouncil>
  readonly dimensions: ReadonlyArray<Dimension>
  readonly view: View
  readonly traced: boolean
  readonly period: Period
  /**
   * The request's filter, which every counted activity must also match (since 0.2.0). When present,
   * tallies are not counted: a reported number cannot say which organ led or took part.
   */
  readonly filter?: Filter | undefined
  /** Whether the per-organ view counts participants too (grouped by `role`; since 0.2.0). */
  readonly byRole?: boolean | undefined
  /** The sessions the request is scoped to (`TabulationRequest.sessions`), if any. */
  readonly sessions?: ReadonlySet<string> | undefined
}

const hierarchies = new WeakMap<object, Hierarchy.Hierarchy>()

/**
 * The hierarchy of a dataset's units, cached per units map.
 *
 * @since 0.1.0
 * @category queries
 */
export const hierarchyOf = (ds: Pick<Dataset, "units" | "lineage">): Hierarchy.Hierarchy => {
  let h = hierarchies.get(ds.units)
  if (h === undefined) {
    h = Hierarchy.make(ds.units.values(), ds.lineage.values())
    hierarchies.set(ds.units, h)
  }
  return h
}

const fail = (code: string, vi: string, en: string) => Result.fail(new TabulationError({ code, vi, en }))

/**
 * The councils a scope selects. Needs only the structure of a dataset (units, lineage, councils).
 *
 * @since 0.1.0
 * @category queries
 */
export const councilsInScope = (
  ds: Pick<Dataset, "units" | "lineage" | "councils">,
  scope: TabulationRequest["scope"]
): Result.Result<ReadonlyArray<CouncilId>, TabulationError> => {
  if (scope._tag === "Councils") {
    const missing = scope.councils.filter((c) => !ds.councils.has(c))
    if (missing.length > 0) {
      return fail(
        "unknown-council",
        `không có HĐND ${missing.join(", ")} trong dữ liệu; kiểm tra lại mã HĐND`,
        `no council ${missing.join(", ")} in the data; check the council ids`
      )
    }
    return Result.succeed([...new Set(scope.councils)])
  }
  if (!ds.units.has(scope.unit)) {
    return fail("unknown-unit", `không có đơn vị hành chính ${scope.unit}; kiểm tra mã đơn vị`, `no administrative unit ${scope.unit}; check the unit id`)
  }
  const units = hierarchyOf(ds).subtree(scope.unit, scope.asOf)
  const levels = scope.levels === undefined ? undefined : new Set<Level>(scope.levels)
  const wanted = new Set(units.filter((u) => levels === undefined || levels.has(u.level)).map((u) => u.id as string))
  const out: Array<CouncilId> = []
  for (const c of ds.councils.values()) if (wanted.has(c.unit)) out.push(c.id)
  return Result.succeed(out)
}

/**
 * Resolves a request against the structure of a dataset and a registry.
 *
 * @since 0.1.0
 * @category planning
 */
export const plan = (
  ds: Pick<Dataset, "units" | "lineage" | "councils">,
  registry: Registry,
  request: TabulationRequest
): Result.Result<Plan, TabulationError> => {
  const indicators: Array<Indicator> = []
  for (const id of new Set(request.indicators)) {
    const ind = registry.indicators.get(id)
    if (ind === undefined) {
      const near = closestIds(registry.indicators.keys(), id).join(", ")
      return fail(
        "unknown-indicator",
        `không có chỉ tiêu "${id}"; các chỉ tiêu gần giống: ${near} (xem danh sách bằng lệnh hdnd indicators)`,
        `unknown indicator "${id}"; the closest ones: ${near} (list them with hdnd indicators)`
      )
    }
    const wrong = attributeProblem(ind)
    if (wrong !== undefined) return fail("invalid-indicator", wrong.vi, wrong.en)
    indicators.push(ind)
  }
  const known = (ds as Partial<Pick<Dataset, "sessions">>).sessions
  const missingSessions = known === undefined ? [] : (request.sessions ?? []).filter((s) => !known.has(s))
  if (missingSessions.length > 0) {
    return fail(
      "unknown-session",
      `không có kỳ họp ${missingSessions.join(", ")} trong dữ liệu; kiểm tra lại mã kỳ họp`,
      `no session ${missingSessions.join(", ")} in the data; check the session ids`
    )
  }
  const dims: ReadonlyArray<Dimension> = [...(request.groupBy ?? [])]
  if (new Set(dims).size !== dims.length) {
    return fail("duplicate-dimension", `chiều nhóm bị lặp: ${dims.join(", ")}`, `a dimension is repeated: ${dims.join(", ")}`)
  }
  const scoped = councilsInScope(ds, request.scope)
  if (Result.isFailure(scoped)) return Result.fail(scoped.failure)
  const councils = new Map<CouncilId, ScopedCouncil>()
  for (const id of scoped.success) {
    const c = ds.councils.get(id)
    if (c === undefined) continue
    const unit = ds.units.get(c.unit)
    councils.set(id, { id, unit: c.unit, level: unit === undefined ? undefined : levelOfUnitType[unit.type], index: councils.size })
  }
  return Result.succeed({
    indicators,
    councils,
    dimensions: dims,
    view: viewOf(dims),
    traced: request.trace === true,
    period: request.period,
    filter: request.filter,
    byRole: dims.includes("role"),
    sessions: request.sessions === undefined ? undefined : new Set<string>(request.sessions)
  })
}

/**
 * What one group of itemised activities looks like on each dimension. Fields a tabulator does not
 * know are `undefined` and read as "none" (`-`).
 *
 * @since 0.1.0
 * @category models
 */
export interface RowFacts {
  council: CouncilId
  kind: string
  ownerKind: string | undefined
  sessionType: string | undefined
  /** The first day of the activity (or any day of its month). */
  day: string
  organ: string | undefined
  organKind: string | undefined
  committeeKind: string | undefined
  /** `led` or `took-part`, in the per-organ view (since 0.2.0). */
  role?: string | undefined
}

/**
 * A blank {@link RowFacts}, for tabulators that fill one object per row.
 *
 * @since 0.1.0
 * @category planning
 */
export const emptyRowFacts = (): RowFacts => ({
  council: "" as CouncilId,
  kind: "",
  ownerKind: undefined,
  sessionType: undefined,
  day: "",
  organ: undefined,
  organKind: undefined,
  committeeKind: undefined,
  role: undefined
})

/**
 * The value of a dimension for a row of activities.
 *
 * @since 0.1.0
 * @category planning
 */
export const dimensionValue = (d: Dimension, f: RowFacts, c: ScopedCouncil): string => {
  switch (d) {
    case "council":
      return c.id
    case "unit":
      return c.unit
    case "level":
      return c.level ?? NONE
    case "organ":
      return f.organ ?? NONE
    case "organKind":
      return f.organKind ?? NONE
    case "committeeKind":
      return f.committeeKind ?? NONE
    case "ownerKind":
      return f.ownerKind ?? NONE
    case "kind":
      return f.kind
    case "sessionType":
      return f.sessionType ?? NONE
    case "month":
      return f.day.slice(0, 7)
    case "quarter":
      return quarterOf(f.day as never)
    case "year":
      return f.day.slice(0, 4)
    case "role":
      return f.role ?? NONE
  }
}

/**
 * A cell being filled, already in the shape of a finished {@link Cell}, so that
 * {@link Builder.finish} hands it over without a copy. Its sets and lists start as shared empty
 * ones and are made on first use: most cells of a large tabulation only count, and a national year
 * has hundreds of thousands of them (four empty collections each cost more than the rest of the
 * cell, in time and in memory).
 */
interface MutableCell {
  indicator: IndicatorId
  key: ReadonlyArray<string>
  items: number
  sessions: ReadonlySet<string>
  sum: number
  values: ReadonlySet<string>
  tallies: ReadonlyArray<TallyPart>
  activities: ReadonlyArray<ActivityId>
}

const NO_STRINGS: ReadonlySet<string> = new Set()
const NO_TALLIES: ReadonlyArray<TallyPart> = Object.freeze([])
const NO_ACTIVITIES: ReadonlyArray<ActivityId> = Object.freeze([])

/** A cell's own set (made on first use) of sessions or values. */
const ownSet = (s: ReadonlySet<string>): Set<string> => s as Set<string>

/**
 * Collects counts into a tabulation. A builder is finished once: {@link Builder.finish} hands its
 * cells to the tabulation, and starts the builder afresh.
 *
 * The cells at one key (one combination of dimension values) share a slot: a number, under which
 * the key's dimension values and each indicator's cell are kept, so that counts of several
 * indicators at one key cost one lookup, and a slot costs no object of its own.
 *
 * @since 0.1.0
 * @category building
 */
export class Builder {
  /** The slot of each key. */
  private slots = new Map<string, number>()
  /** Each slot's key, as the builder's methods take it (dimension values joined) … */
  private slotIds: Array<string> = []
  /** … and its dimension values, shared by the cells at that key. */
  private slotKeys: Array<ReadonlyArray<string>> = []
  /** Each indicator's cells, by slot. */
  private cellsOf: Array<Array<MutableCell | undefined>>
  /** The slots where each indicator's cells were made, in the order they were made. */
  private order: Array<Array<number>>
  /** The key looked up last and its slot: a tabulator adds to one key several times in a row. */
  private lastKey: string | undefined
  private lastSlot = -1
  /**
   * The key {@link keyOf} made last and its dimension values: a new slot for that key takes them
   * as they are instead of splitting the key again (a grouped result makes a new slot per row).
   */
  private madeKey: string | undefined
  private madeValues: ReadonlyArray<string> = []
  /**
   * The month, quarter and year of each day seen: one string each, not one a row (a slice of the
   * day is a new string, and every slot keeps its values).
   */
  private readonly times: Record<"month" | "quarter" | "year", Map<string, string>> = { month: new Map(), quarter: new Map(), year: new Map() }
  private readonly councilCounts: Array<Int32Array>
  private readonly unapportioned = new Set<Tally["id"]>()

  constructor(readonly plan: Plan) {
    this.cellsOf = plan.indicators.map(() => [])
    this.order = plan.indicators.map(() => [])
    this.councilCounts = plan.indicators.map(() => new Int32Array(plan.councils.size))
  }

  /** The cell key (dimension values joined) of a row. */
  keyOf(f: RowFacts, c: ScopedCouncil): string {
    const dims = this.plan.dimensions
    const values = new Array<string>(dims.length)
    for (let i = 0; i < dims.length; i++) {
      const dim = dims[i] as Dimension
      if (dim === "month" || dim === "quarter" || dim === "year") {
        const seen = this.times[dim]
        let v = seen.get(f.day)
        if (v === undefined) seen.set(f.day, (v = dimensionValue(dim, f, c)))
        values[i] = v
      } else values[i] = dimensionValue(dim, f, c)
    }
    // Joined, the key is one flat string: hashed and compared as it is by the slot map (a key
    // built by `+=` is a rope, flattened again at its first lookup).
    const k = values.join("\u001f")
    this.madeKey = k
    this.madeValues = values
    return k
  }

  /**
   * While a tabulator reports keys it knows to be new ({@link distinctKeys}), the token it gave;
   * the slots made since `unindexedFrom` are then not in the slot map yet.
   */
  private distinctToken: object | undefined
  private distinctActive = false
  private unindexedFrom = -1

  /**
   * Declares that the keys reported from now on, until {@link pauseDistinctKeys}, for `token` (a
   * query, read in one or more parts) are new: each differs from the others and from every key the
   * builder has (a grouped query whose groups map one to one onto keys). The builder then adds a
   * slot per key without looking it up, and puts those slots in its slot map only when a later
   * report needs it. Granted to an empty builder, or again to the token already granted while no
   * other report came in between; returns whether it was. A key reported twice under it is found
   * when the slots are indexed or the builder finishes, and fails loudly (a defect) rather than
   * counting wrong.
   *
   * @since 0.2.0
   */
  distinctKeys(token: object): boolean {
    if (this.distinctToken !== undefined && this.distinctToken === token) {
      this.distinctActive = true
      return true
    }
    this.indexSlots()
    if (this.slotIds.length > 0) return false
    this.distinctToken = token
    this.distinctActive = true
    this.unindexedFrom = 0
    return true
  }

  /**
   * Ends a part reported under {@link distinctKeys}: later reports are looked up as usual (the
   * same token may be granted again for its next part).
   *
   * @since 0.2.0
   */
  pauseDistinctKeys(): void {
    this.distinctActive = false
  }

  /** Ends {@link distinctKeys}: puts the slots made under it in the slot map. */
  private indexSlots(): void {
    if (this.distinctToken === undefined) return
    for (let slot = this.unindexedFrom; slot < this.slotIds.length; slot++) {
      const key = this.slotIds[slot] as string
      if (this.slots.has(key)) throw new Error(`TabulationBuilder: key reported twice under distinctKeys: ${key}`)
      this.slots.set(key, slot)
    }
    this.distinctToken = undefined
    this.distinctActive = false
    this.unindexedFrom = -1
  }

  /** The slot of a key, made on first use (without a lookup while {@link distinctKeys} holds). */
  private slot(key: string): number {
    if (key === this.lastKey) return this.lastSlot
    if (this.distinctActive) {
      // A new key, as promised: no lookup.
      const slot = this.newSlot(key)
      this.lastKey = key
      this.lastSlot = slot
      return slot
    }
    if (this.distinctToken !== undefined) this.indexSlots()
    let slot = this.slots.get(key)
    if (slot === undefined) {
      slot = this.newSlot(key)
      this.slots.set(key, slot)
    }
    this.lastKey = key
    this.lastSlot = slot
    return slot
  }

  /** A new slot for a key (not put in the slot map). */
  private newSlot(key: string): number {
    const slot = this.slotIds.length
    this.slotIds.push(key)
    this.slotKeys.push(this.plan.dimensions.length === 0 ? [] : key === this.madeKey ? this.madeValues : key.split("\u001f"))
    // Every indicator gets a place at the slot, so its list stays dense.
    for (const cells of this.cellsOf) cells.push(undefined)
    return slot
  }

  /** The cell of indicator `i` at a key, created on first use. */
  cell(i: number, key: string): MutableCell {
    const slot = this.slot(key)
    const cells = this.cellsOf[i] as Array<MutableCell | undefined>
    let cell = cells[slot]
    if (cell === undefined) {
      cell = {
        indicator: (this.plan.indicators[i] as Indicator).id,
        key: this.slotKeys[slot] as ReadonlyArray<string>,
        items: 0,
        sessions: NO_STRINGS,
        sum: 0,
        values: NO_STRINGS,
        tallies: NO_TALLIES,
        activities: NO_ACTIVITIES
      }
      cells[slot] = cell
      ;(this.order[i] as Array<number>).push(slot)
    }
    return cell
  }

  /**
   * Adds `n` matching activities of indicator `i` to the cell at `key`; `session` is the session
   * they served (recorded for distinct-session indicators) and `activities` their ids (when traced).
   */
  addItems(i: number, key: string, n: number, session?: string, activities?: ReadonlyArray<string>): void {
    const cell = this.cell(i, key)
    cell.items += n
    if (session !== undefined && this.plan.indicators[i]?.measure === "distinct-sessions") {
      if (cell.sessions === NO_STRINGS) cell.sessions = new Set()
      ownSet(cell.sessions).add(session)
    }
    if (activities !== undefined && this.plan.traced) {
      if (cell.activities === NO_ACTIVITIES) cell.activities = []
      const list = cell.activities as Array<ActivityId>
      for (const a of activities) list.push(a as ActivityId)
    }
  }

  /**
   * Adds the sessions served by activities already counted with {@link addItems} to the cell of a
   * distinct-sessions indicator `i` at `key`: for a tabulator that collects each cell's session set
   * itself (a database aggregating them per cell) instead of reporting one session per group. The
   * cell keeps each session once, so sets reported in parts combine by union.
   *
   * @since 0.2.0
   */
  addSessions(i: number, key: string, sessions: Iterable<string>): void {
    if (this.plan.indicators[i]?.measure !== "distinct-sessions") return
    const cell = this.cell(i, key)
    // A cell's first set is made from the sessions at once (a grouped result reports each cell once).
    if (cell.sessions === NO_STRINGS) cell.sessions = new Set(sessions)
    else {
      const set = ownSet(cell.sessions)
      for (const s of sessions) set.add(s)
    }
  }

  /**
   * Adds `amount` to the sum of a `sum` indicator `i` in the cell at `key` (call it beside
   * {@link addItems} for the same activities).
   *
   * @since 0.2.0
   */
  addSum(i: number, key: string, amount: number): void {
    if (amount !== 0) this.cell(i, key).sum += amount
  }

  /**
   * Adds distinct-value keys (see `Indicator.distinctKey`) to a `distinct` indicator `i` in the cell
   * at `key`. A tabulator may give the same key many times; the cell keeps it once.
   *
   * @since 0.2.0
   */
  addValues(i: number, key: string, values: Iterable<string>): void {
    const cell = this.cell(i, key)
    if (cell.values === NO_STRINGS) cell.values = new Set()
    const set = ownSet(cell.values)
    for (const v of values) set.add(v)
  }

  /** Records that council `c` has `n` itemised activities for indicator `i` (once per activity). */
  addCouncilItems(i: number, c: ScopedCouncil, n: number): void {
    const cc = this.councilCounts[i] as Int32Array
    cc[c.index] = (cc[c.index] as number) + n
  }

  /**
   * Places tallies: those of councils in scope, for the plan's indicators, whose period lies within
   * the plan's period; those that only overlap it are listed as unapportioned.
   */
  addTallies(tallies: Iterable<Tally>, organs: Pick<Dataset, "organs">["organs"]): void {
    const { period, dimensions, councils } = this.plan
    // A reported number cannot say which organ led or took part: a filtered request counts items only.
    if (this.plan.filter !== undefined) return
    // Tallies belong to no session: a count scoped to sessions has none.
    if (this.plan.sessions !== undefined) return
    const indexOf = new Map(this.plan.indicators.map((ind, i) => [ind.id as string, i]))
    for (const t of tallies) {
      const i = indexOf.get(t.indicator)
      const council = councils.get(t.council)
      if (i === undefined || council === undefined) continue
      if (!within(t.period, period)) {
        if (overlaps(t.period, period)) this.unapportioned.add(t.id)
        continue
      }
      const organ = t.organ === undefined ? undefined : organs.get(t.organ)
      const same = (f: (d: string) => string) => (f(t.period.from) === f(t.period.to) ? f(t.period.from) : UNAPPORTIONED)
      const key = dimensions
        .map((d): string => {
          switch (d) {
            case "council":
            case "unit":
            case "level":
              return dimensionValue(d, undefined as never, council)
            case "organ":
              return organ?.id ?? UNAPPORTIONED
            case "organKind":
              return organ?.kind ?? UNAPPORTIONED
            case "committeeKind":
              return organ === undefined ? UNAPPORTIONED : (organ.committeeKind ?? NONE)
            case "month":
              return same((x) => monthOf(x as never))
            case "quarter":
              return same((x) => quarterOf(x as never))
            case "year":
              return same((x) => x.slice(0, 4))
            default:
              return UNAPPORTIONED
          }
        })
        .join("\u001f")
      const cell = this.cell(i, key)
      if (cell.tallies === NO_TALLIES) cell.tallies = []
      ;(cell.tallies as Array<TallyPart>).push({ id: t.id, body: `council:${t.council}`, value: t.value, qualifier: t.qualifier, ...(t.qualifierText === undefined ? {} : { wording: t.qualifierText }) })
    }
  }

  /** The tabulation; labels come from the structure of the dataset and the registry. */
  finish(ds: Pick<Dataset, "units" | "councils" | "organs">, registry: Registry): Tabulation {
    // The map key of a cell is its indicator and its key joined: the slot's id, already joined.
    // Cells are listed indicator by indicator, each in the order it was made.
    const cells = new Map<string, Cell>()
    const ids = this.slotIds
    let made = 0
    this.plan.indicators.forEach((ind, i) => {
      const prefix = `${ind.id}\u001f`
      const own = this.cellsOf[i] as Array<MutableCell>
      const order = this.order[i] as Array<number>
      made += order.length
      for (const slot of order) cells.set(prefix + (ids[slot] as string), own[slot] as MutableCell)
    })
    // Keys are distinct by construction, unless a tabulator broke its distinctKeys promise.
    if (cells.size !== made) throw new Error("TabulationBuilder: a key was reported twice under distinctKeys")
    const keys = this.slotKeys
    // The cells now belong to the tabulation: later additions start new ones.
    this.slots = new Map()
    this.slotIds = []
    this.slotKeys = []
    this.cellsOf = this.plan.indicators.map(() => [])
    this.order = this.plan.indicators.map(() => [])
    this.lastKey = undefined
    this.lastSlot = -1
    this.madeKey = undefined
    this.madeValues = []
    this.distinctToken = undefined
    this.distinctActive = false
    this.unindexedFrom = -1
    const councilIds = [...this.plan.councils.keys()]
    const itemBodies = new Map<IndicatorId, ReadonlyMap<string, number>>()
    this.plan.indicators.forEach((ind, i) => {
      const bodies = new Map<string, number>()
      const cc = this.councilCounts[i] as Int32Array
      for (let j = 0; j < cc.length; j++) if ((cc[j] as number) > 0) bodies.set(`council:${councilIds[j]}`, cc[j] as number)
      if (bodies.size > 0) itemBodies.set(ind.id, bodies)
    })
    return {
      indicators: new Map<IndicatorId, Measure>(this.plan.indicators.map((i) => [i.id, i.measure])),
      dimensions: this.plan.dimensions,
      traced: this.plan.traced,
      view: this.plan.view,
      period: this.plan.period,
      cells,
      itemBodies,
      unapportioned: this.unapportioned,
      labels: labelsFor(ds, registry, keys)
    }
  }
}

const fixedLabels: ReadonlyMap<string, Label> = new Map<string, Label>([
  ...Object.entries(organKindLabels),
  ["province", { vi: "cấp tỉnh", en: "province level" }],
  ["district", { vi: "cấp huyện", en: "district level" }],
  ["commune", { vi: "cấp xã", en: "commune level" }],
  ["regular", { vi: "kỳ họp thường lệ", en: "regular session" }],
  ...Object.entries(specialLabelLabels),
  ...Object.entries(resolutionKindLabels),
  ...Object.entries(documentTypeLabels).filter(([k]) => k !== "other"),
  ["special", { vi: "kỳ họp chuyên đề, bất thường", en: "special session" }],
  ["led", { vi: "chủ trì", en: "led" }],
  ["took-part", { vi: "tham gia", en: "took part" }],
  [NONE, { vi: "không có", en: "none" }],
  [UNAPPORTIONED, { vi: "không phân bổ được", en: "not apportioned" }]
])

const labelsFor = (
  ds: Pick<Dataset, "units" | "councils" | "organs">,
  registry: Registry,
  /** The keys of the cells, each once. */
  keys: ReadonlyArray<ReadonlyArray<string>>
): ReadonlyMap<string, Label> => {
  const labels = new Map<string, Label>()
  // Keys made one after the other mostly repeat the values before them (the same council, the same
  // kind): a value equal to the one before it at its place is not looked up again.
  const values = new Set<string>()
  const last: Array<string | undefined> = []
  for (const key of keys) {
    for (let j = 0; j < key.length; j++) {
      const v = key[j] as string
      if (v === last[j]) continue
      last[j] = v
      values.add(v)
    }
  }
  for (const v of values) {
    const fixed = fixedLabels.get(v)
    if (fixed !== undefined) {
      labels.set(v, fixed)
      continue
    }
    const named = ds.councils.get(v as CouncilId)?.name ?? ds.organs.get(v as OrganId)?.name ?? ds.units.get(v as UnitId)?.name
    if (named !== undefined) {
      labels.set(v, { vi: named, en: named })
      continue
    }
    const kind = registry.activityKinds.get(v as ActivityKindId) ?? registry.committeeKinds.get(v as CommitteeKindId)
    if (kind !== undefined) {
      labels.set(v, { vi: kind.vi, en: kind.en })
      continue
    }
    const time = timeLabel(v)
    if (time !== undefined) labels.set(v, time)
  }
  return labels
}
