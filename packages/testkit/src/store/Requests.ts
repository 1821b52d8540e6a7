/**
 * Tabulation requests for the pushdown law: `Laws.requestArb` varied over every built-in indicator
 * (and over those of sessions held, resolutions and documents alone), scoped to sessions now and then,
 * subtree scopes on several days (before the units began, while districts existed, after they were
 * abolished), explicit council lists (empty, partial, or naming an unknown council), groupings
 * (with `role`, participants too), tracing on, off or unset, and sometimes a filter on the part an
 * organ played (led, took part, either).
 *
 * @since 0.1.0
 */
import { CalendarDate, Registry, TabulationRequest } from "@hdnd/core"
import fc from "fast-check"
import type { World } from "../Arbitraries.js"
import { requestArb, roleFilterArb } from "../Laws.js"
import { edgePeriodArb } from "./Periods.js"

type Request = TabulationRequest.TabulationRequest

const AS_OF = ["2015-12-31", "2016-01-01", "2022-03-15", "2023-06-30", "2025-07-01"].map(CalendarDate.date)

/**
 * Every indicator of the built-in registry, including those no generated activity matches.
 *
 * @since 0.1.0
 * @category data
 */
export const builtinIndicators: ReadonlyArray<string> = [...Registry.builtin.indicators.keys()]

const sessionIds = (world: World): ReadonlyArray<string> => [...world.sessionsByCouncil.values()].flat().map((s) => s.id)

const outputIndicators: ReadonlyArray<string> = [...Registry.builtin.indicators.values()]
  .filter((i) => i.source !== undefined && i.source !== "activities")
  .map((i) => i.id)

const scopeArb = (world: World, base: Request): fc.Arbitrary<TabulationRequest.Scope> => {
  const levels = base.scope._tag === "Subtree" ? base.scope.levels : undefined
  const ids = world.councils.map((c) => c.id)
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(base.scope) },
    { weight: 2, arbitrary: fc.constantFrom(...AS_OF).map((asOf) => TabulationRequest.subtree(world.provinceUnit, asOf, levels)) },
    { weight: 3, arbitrary: fc.subarray(ids, { minLength: 1 }).map(TabulationRequest.councils) },
    { weight: 1, arbitrary: fc.constant(TabulationRequest.councils([])) },
    { weight: 1, arbitrary: fc.subarray(ids).map((cs) => TabulationRequest.councils([...cs, "c-unknown" as never])) }
  )
}

/**
 * A tabulation request over a world. Given the days records start and end on, two periods in three
 * end on or next to them.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const storeRequestArb = (world: World, days: ReadonlyArray<CalendarDate.CalendarDate> = []): fc.Arbitrary<Request> =>
  fc
    .oneof(
      { weight: 3, arbitrary: requestArb() },
      { weight: 1, arbitrary: requestArb({ indicators: builtinIndicators }) },
      // Sessions held, resolutions adopted, documents (since 0.2.0).
      { weight: 1, arbitrary: requestArb({ indicators: outputIndicators }) }
    )
    .chain((base) =>
      fc.record({
        scope: scopeArb(world, base),
        period: days.length === 0 ? fc.constant(base.period) : fc.oneof({ weight: 1, arbitrary: fc.constant(base.period) }, { weight: 2, arbitrary: edgePeriodArb(days, fc.constant(base.period)) }),
        trace: fc.constantFrom(true, false, undefined),
        dropGroupBy: fc.boolean(),
        filter: fc.option(roleFilterArb([...world.organsByCouncil.values()].flat().map((o) => o.id)), { nil: undefined, freq: 3 }),
        // One request in four is scoped to some of the world's sessions (since 0.2.0).
        sessions: sessionIds(world).length === 0
          ? fc.constant(undefined)
          : fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.subarray([...sessionIds(world)], { minLength: 1 }) })
      }).map(({ scope, period, trace, dropGroupBy, filter, sessions }): Request => {
        const { groupBy, trace: _trace, ...rest } = base
        return {
          ...rest,
          scope,
          period,
          ...(dropGroupBy && (groupBy ?? []).length === 0 ? {} : { groupBy: groupBy ?? [] }),
          ...(trace === undefined ? {} : { trace }),
          ...(filter === undefined ? {} : { filter }),
          ...(sessions === undefined ? {} : { sessions: sessions as never })
        }
      })
    )

/**
 * A request on one line, for counterexamples.
 *
 * @since 0.1.0
 * @category formatting
 */
export const show = (r: Request): string => {
  const scope =
    r.scope._tag === "Subtree"
      ? `subtree ${r.scope.unit} as of ${r.scope.asOf}${r.scope.levels === undefined ? "" : ` [${r.scope.levels.join(", ")}]`}`
      : `councils [${r.scope.councils.join(", ")}]`
  const groupBy = r.groupBy === undefined ? "" : ` by [${r.groupBy.join(", ")}]`
  const trace = r.trace === undefined ? "" : r.trace ? " traced" : " untraced"
  const filter = r.filter === undefined ? "" : ` where ${JSON.stringify(r.filter)}`
  const sessions = r.sessions === undefined ? "" : ` sessions [${r.sessions.join(", ")}]`
  return `[${r.indicators.join(", ")}] over ${scope}, ${r.period.from}..${r.period.to}${groupBy}${trace}${filter}${sessions}`
}
