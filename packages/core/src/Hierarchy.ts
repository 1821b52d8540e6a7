/**
 * The administrative hierarchy as of a date: which units existed on a day, their parents and
 * children, which unit held a GSO code on a day (codes were reused after 1 July 2025), and where a
 * unit went through merges, splits, renames and reclassifications.
 *
 * Every index is built once by {@link make}; queries then look up maps instead of scanning all units
 * (except {@link Hierarchy.asOf}, which lists every unit valid on a day).
 *
 * @since 0.1.0
 */
import type { AdminUnit, Level, LineageEvent } from "./AdminUnit.js"
import { levelOfUnitType } from "./AdminUnit.js"
import type { CalendarDate } from "./CalendarDate.js"
import { contains } from "./CalendarDate.js"
import type { UnitId } from "./Ids.js"

/**
 * Queries over a fixed set of unit versions and lineage events.
 *
 * @since 0.1.0
 * @category models
 */
export interface Hierarchy {
  /** Every unit version, by id. */
  readonly units: ReadonlyMap<UnitId, AdminUnit>
  /** Every lineage event, in date order. */
  readonly lineage: ReadonlyArray<LineageEvent>
  /** The unit version with this id. */
  get(id: UnitId): AdminUnit | undefined
  /** The units valid on `date`, provinces first, then districts, then communes, each by code. */
  asOf(date: CalendarDate): ReadonlyArray<AdminUnit>
  /** The units whose parent is `id` and that are valid on `date`, by code. */
  children(id: UnitId, date: CalendarDate): ReadonlyArray<AdminUnit>
  /**
   * The unit and all its descendants valid on `date`, breadth-first, the unit first. Empty when the
   * unit is unknown or not valid on `date`.
   */
  subtree(id: UnitId, date: CalendarDate): ReadonlyArray<AdminUnit>
  /** The parent chain of the unit, nearest first (the unit itself excluded). */
  ancestors(id: UnitId): ReadonlyArray<AdminUnit>
  /** The unit itself if it is of `level`, otherwise its nearest ancestor of `level`. */
  ancestorAtLevel(id: UnitId, level: Level): AdminUnit | undefined
  /** The unit that held the GSO code on `date` (the same code names different units across 1/7/2025). */
  byCode(code: string, date: CalendarDate): AdminUnit | undefined
  /**
   * The units valid on `date` that descend from the unit through lineage events (merge, split,
   * rename, reclassify, recursively): the unit itself if it is valid on `date`; `[]` if it was
   * abolished without successor, or if `date` is before the unit began.
   */
  successors(id: UnitId, date: CalendarDate): ReadonlyArray<AdminUnit>
  /** The sources of the events that created this unit (one step back). */
  predecessors(id: UnitId): ReadonlyArray<AdminUnit>
  /** The events in which the unit is a source (where it went). */
  eventsFrom(id: UnitId): ReadonlyArray<LineageEvent>
  /** The events in which the unit is a target (where it came from). */
  eventsTo(id: UnitId): ReadonlyArray<LineageEvent>
}

const LEVEL_RANK: Readonly<Record<Level, number>> = { province: 0, district: 1, commune: 2 }

const levelOf = (u: AdminUnit): Level => levelOfUnitType[u.type]

const byLevelThenCode = (a: AdminUnit, b: AdminUnit): number =>
  LEVEL_RANK[levelOf(a)] - LEVEL_RANK[levelOf(b)] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const push = <K, V>(m: Map<K, Array<V>>, k: K, v: V): void => {
  const list = m.get(k)
  if (list === undefined) m.set(k, [v])
  else list.push(v)
}

const EMPTY: ReadonlyArray<never> = []

class HierarchyImpl implements Hierarchy {
  readonly units: ReadonlyMap<UnitId, AdminUnit>
  readonly lineage: ReadonlyArray<LineageEvent>
  private readonly childrenOf: ReadonlyMap<UnitId, ReadonlyArray<AdminUnit>>
  private readonly codes: ReadonlyMap<string, ReadonlyArray<AdminUnit>>
  private readonly fromSource: ReadonlyMap<UnitId, ReadonlyArray<LineageEvent>>
  private readonly toTarget: ReadonlyMap<UnitId, ReadonlyArray<LineageEvent>>

  constructor(units: Iterable<AdminUnit>, lineage: Iterable<LineageEvent>) {
    const byId = new Map<UnitId, AdminUnit>()
    for (const u of units) byId.set(u.id, u)
    const childrenOf = new Map<UnitId, Array<AdminUnit>>()
    const codes = new Map<string, Array<AdminUnit>>()
    for (const u of byId.values()) {
      if (u.parent !== undefined) push(childrenOf, u.parent, u)
      push(codes, u.code, u)
    }
    for (const list of childrenOf.values()) list.sort(byLevelThenCode)
    for (const list of codes.values()) list.sort((a, b) => (a.validity.from < b.validity.from ? -1 : a.validity.from > b.validity.from ? 1 : 0))
    const events = [...lineage].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    const fromSource = new Map<UnitId, Array<LineageEvent>>()
    const toTarget = new Map<UnitId, Array<LineageEvent>>()
    for (const e of events) {
      for (const s of new Set(e.sources)) push(fromSource, s, e)
      for (const t of new Set(e.targets)) push(toTarget, t, e)
    }
    this.units = byId
    this.lineage = events
    this.childrenOf = childrenOf
    this.codes = codes
    this.fromSource = fromSource
    this.toTarget = toTarget
  }

  get(id: UnitId): AdminUnit | undefined {
    return this.units.get(id)
  }

  asOf(date: CalendarDate): ReadonlyArray<AdminUnit> {
    const out: Array<AdminUnit> = []
    for (const u of this.units.values()) if (contains(u.validity, date)) out.push(u)
    return out.sort(byLevelThenCode)
  }

  children(id: UnitId, date: CalendarDate): ReadonlyArray<AdminUnit> {
    return (this.childrenOf.get(id) ?? EMPTY).filter((u) => contains(u.validity, date))
  }

  subtree(id: UnitId, date: CalendarDate): ReadonlyArray<AdminUnit> {
    const root = this.units.get(id)
    if (root === undefined || !contains(root.validity, date)) return EMPTY
    const out: Array<AdminUnit> = [root]
    const seen = new Set<UnitId>([root.id])
    for (let i = 0; i < out.length; i++) {
      for (const child of this.children((out[i] as AdminUnit).id, date)) {
        if (seen.has(child.id)) continue
        seen.add(child.id)
        out.push(child)
      }
    }
    return out
  }

  ancestors(id: UnitId): ReadonlyArray<AdminUnit> {
    const out: Array<AdminUnit> = []
    const seen = new Set<UnitId>([id])
    let parentId = this.units.get(id)?.parent
    while (parentId !== undefined && !seen.has(parentId)) {
      seen.add(parentId)
      const parent = this.units.get(parentId)
      if (parent === undefined) break
      out.push(parent)
      parentId = parent.parent
    }
    return out
  }

  ancestorAtLevel(id: UnitId, level: Level): AdminUnit | undefined {
    const unit = this.units.get(id)
    if (unit === undefined) return undefined
    if (levelOf(unit) === level) return unit
    return this.ancestors(id).find((u) => levelOf(u) === level)
  }

  byCode(code: string, date: CalendarDate): AdminUnit | undefined {
    const list = this.codes.get(code)
    if (list === undefined) return undefined
    // Last version that began on or before `date` (binary search), then walk back in case of
    // overlapping (invalid) data so that any version valid on `date` is still found.
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((list[mid] as AdminUnit).validity.from <= date) lo = mid + 1
      else hi = mid
    }
    for (let i = lo - 1; i >= 0; i--) {
      const u = list[i] as AdminUnit
      if (contains(u.validity, date)) return u
    }
    return undefined
  }

  successors(id: UnitId, date: CalendarDate): ReadonlyArray<AdminUnit> {
    const start = this.units.get(id)
    if (start === undefined || date < start.validity.from) return EMPTY
    const out: Array<AdminUnit> = []
    const seen = new Set<UnitId>([id])
    const queue: Array<AdminUnit> = [start]
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i] as AdminUnit
      if (contains(u.validity, date)) {
        out.push(u)
        continue
      }
      // Only follow events that happened on or before `date`: later ones lead past it.
      for (const e of this.fromSource.get(u.id) ?? EMPTY) {
        if (e.date > date) continue
        for (const t of e.targets) {
          if (seen.has(t)) continue
          seen.add(t)
          const target = this.units.get(t)
          if (target !== undefined && target.validity.from <= date) queue.push(target)
        }
      }
    }
    return out.sort(byLevelThenCode)
  }

  predecessors(id: UnitId): ReadonlyArray<AdminUnit> {
    const out: Array<AdminUnit> = []
    const seen = new Set<UnitId>()
    for (const e of this.toTarget.get(id) ?? EMPTY) {
      for (const s of e.sources) {
        if (seen.has(s)) continue
        seen.add(s)
        const unit = this.units.get(s)
        if (unit !== undefined) out.push(unit)
      }
    }
    return out
  }

  eventsFrom(id: UnitId): ReadonlyArray<LineageEvent> {
    return this.fromSource.get(id) ?? EMPTY
  }

  eventsTo(id: UnitId): ReadonlyArray<LineageEvent> {
    return this.toTarget.get(id) ?? EMPTY
  }
}

/**
 * Builds a hierarchy, indexing children by parent, unit versions by GSO code (in order of validity)
 * and lineage events by source and by target. A later unit with an id already seen replaces the
 * earlier one.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (units: Iterable<AdminUnit>, lineage: Iterable<LineageEvent>): Hierarchy => new HierarchyImpl(units, lineage)
