/**
 * The counting laws of tabulation (ARCHITECTURE.md §4), as fast-check properties over generated
 * datasets. The laws are the contract of every tabulator: the reference engine in core, a SQL store's
 * pushed-down tabulation, and a province's own report code. Run them with `fc.assert`.
 *
 * @since 0.1.0
 */
import { Activity, CalendarDate, Dataset, Indicators, Registry, Tabulate, Tabulation, TabulationRequest, Tally } from "@hdnd/core"
import type { Indicator } from "@hdnd/core"
import * as Result from "effect/Result"
import fc from "fast-check"
import type { GeneratedDataset } from "./Arbitraries.js"
import * as Arbitraries from "./Arbitraries.js"
import { datasetArb, requestPeriodArb, splitArb, toBatch } from "./Arbitraries.js"

type Batch = Dataset.Batch
type Tab = Tabulation.Tabulation
type Request = TabulationRequest.TabulationRequest

/**
 * Something that tabulates a batch of records. The reference subject loads the batch into a dataset
 * and runs the core engine; a store adapter loads it into a fresh store.
 *
 * @since 0.1.0
 * @category models
 */
export interface Tabulator {
  readonly name: string
  readonly tabulate: (batch: Batch, request: Request) => Tab | Promise<Tab>
}

/**
 * The reference tabulator: `Tabulate.tabulate` over an in-memory dataset with the built-in registry.
 *
 * @since 0.1.0
 * @category tabulators
 */
export const reference: Tabulator = referenceWith(Registry.builtin)

/**
 * The reference tabulator with another registry (the built-ins plus a plugin's declarations).
 *
 * @since 0.1.0
 * @category tabulators
 */
export function referenceWith(registry: Registry.Registry, name = "reference"): Tabulator {
  return {
    name,
    // Yield to the event loop before each tabulation: a thousand runs of a synchronous property would
    // otherwise keep a test worker from answering its runner.
    tabulate: (batch, request) =>
      new Promise((resolve) => setImmediate(resolve)).then(() => Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(batch), registry, request)))
  }
}

const GENERATED_KINDS: ReadonlySet<string> = new Set(Arbitraries.GENERATED_KINDS)
const kindsOf = (f: { readonly kinds?: ReadonlyArray<string> | undefined; readonly anyOf?: ReadonlyArray<{ readonly kinds?: ReadonlyArray<string> | undefined }> | undefined }) => [
  ...(f.kinds ?? []),
  ...(f.anyOf ?? []).flatMap((c) => c.kinds ?? [])
]
/** Built-in indicators that can count something in a generated dataset. */
const ALL_INDICATORS = [...Registry.builtin.indicators.values()]
  .filter((i) => kindsOf(i.filter).some((k) => GENERATED_KINDS.has(k)))
  .map((i) => i.id)

/**
 * A tabulation request over the generated world: some built-in indicators, the whole province or
 * some levels as of mid-2023, a period, and 0–3 grouping dimensions in any order.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const requestArb = (
  options: { readonly dimensions?: ReadonlyArray<Tabulation.Dimension>; readonly indicators?: ReadonlyArray<string> } = {}
): fc.Arbitrary<Request> =>
  fc.record({
    indicators: fc.uniqueArray(fc.constantFrom(...(options.indicators ?? ALL_INDICATORS)), { minLength: Math.min(2, (options.indicators ?? ALL_INDICATORS).length), maxLength: 8 }),
    levels: fc.option(fc.uniqueArray(fc.constantFrom("province", "district", "commune" as const), { minLength: 1 }), { nil: undefined }),
    period: requestPeriodArb,
    groupBy: (options.dimensions ?? Tabulation.dimensions).length === 0
      ? fc.constant([])
      : fc.uniqueArray(fc.constantFrom(...(options.dimensions ?? Tabulation.dimensions)), { maxLength: 3 })
  }).map((r) => ({
    indicators: r.indicators as unknown as Request["indicators"],
    scope: TabulationRequest.subtree("u14" as never, CalendarDate.date("2023-06-30"), r.levels),
    period: r.period,
    groupBy: r.groupBy,
    trace: true
  }))

/**
 * A request filter on the part organs played (`ledBy`, `tookPart`, `involved`, the participant
 * kinds), drawing organ ids from `organs` (plus one no record names), sometimes as an `anyOf`.
 *
 * @since 0.2.0
 * @category arbitraries
 */
export const roleFilterArb = (organs: ReadonlyArray<string>): fc.Arbitrary<Indicator.Filter> => {
  const ids = fc.uniqueArray(fc.constantFrom(...organs, "o-nobody"), { minLength: 1, maxLength: 3 }) as fc.Arbitrary<never>
  const clause: fc.Arbitrary<Indicator.Clause> = fc.oneof(
    ids.map((ledBy) => ({ ledBy })),
    ids.map((tookPart) => ({ tookPart })),
    ids.map((involved) => ({ involved })),
    fc.uniqueArray(fc.constantFrom("plenary", "standing", "committee", "delegate-group" as const), { minLength: 1 }).map((k) => ({ participantKinds: k as never })),
    fc.uniqueArray(fc.constantFrom("phap-che", "kinh-te-ngan-sach", "kinh-te-xa-hoi", "dan-toc"), { minLength: 1 }).map((k) => ({ participantCommitteeKinds: k as never }))
  )
  return fc.oneof(
    { weight: 3, arbitrary: clause },
    { weight: 1, arbitrary: fc.tuple(clause, clause).map(([a, b]) => ({ ...a, ...b })) },
    { weight: 1, arbitrary: fc.tuple(clause, clause).map(([a, b]) => ({ anyOf: [a, b] as const })) }
  ) as fc.Arbitrary<Indicator.Filter>
}

/**
 * What the laws quantify over: the registry the indicators come from, generated datasets that are
 * valid against it, and tabulation requests over those datasets drawing on some of its indicators.
 * {@link builtin} is the generated province with the built-in indicators; `PluginSuite` builds one
 * over a plugin's own structure, activity kinds and indicators.
 *
 * @since 0.1.0
 * @category models
 */
export interface Universe {
  readonly registry: Registry.Registry
  /** The indicators requests draw from. */
  readonly indicators: ReadonlyArray<string>
  readonly dataset: (options?: Arbitraries.DatasetOptions) => fc.Arbitrary<GeneratedDataset>
  readonly request: (options?: { readonly dimensions?: ReadonlyArray<Tabulation.Dimension>; readonly indicators?: ReadonlyArray<string> }) => fc.Arbitrary<Request>
}

/**
 * The built-in universe: {@link Arbitraries.datasetArb} and {@link requestArb} with the built-in
 * indicators that can count something in a generated dataset.
 *
 * @since 0.1.0
 * @category universes
 */
export const builtin: Universe = {
  registry: Registry.builtin,
  indicators: ALL_INDICATORS,
  dataset: (options) => datasetArb(options),
  request: (options) => requestArb(options)
}

const partOfPairs = (u: Universe) => {
  const mine = new Set(u.indicators)
  return [...u.registry.indicators.values()].filter((i) => i.partOf !== undefined && (mine.has(i.id) || mine.has(i.partOf)))
}

const measured = (u: Universe, measure: string) => u.indicators.filter((id) => u.registry.indicators.get(id as never)?.measure === measure)
/** Indicators whose values add up over a partition of the records: counts and sums. */
/** The indicators that count activities (what a role filter narrows). */
const countIndicators = (u: Universe) => u.indicators.filter((id) => {
  const i = u.registry.indicators.get(id as never)
  return i?.measure === "count" && (i.source ?? "activities") === "activities"
})

const additiveIndicators = (u: Universe) => u.indicators.filter((id) => {
  const m = u.registry.indicators.get(id as never)?.measure
  return m === "count" || m === "sum"
})

/**
 * A property stating one law.
 *
 * @since 0.1.0
 * @category models
 */
export type Law = fc.IAsyncPropertyWithHooks<any>

const same = (a: Tab, b: Tab): boolean => Tabulation.equals(a, b)

const shuffle = <A>(items: ReadonlyArray<A>, seed: number): Array<A> => {
  const out = [...items]
  let s = seed >>> 0 || 1
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j] as A, out[i] as A]
  }
  return out
}

/**
 * Counting does not depend on the order records were stored in.
 *
 * @since 0.1.0
 * @category laws
 */
export const permutationInvariance = (t: Tabulator, u: Universe = builtin): Law =>
  fc.asyncProperty(u.dataset(), u.request(), fc.integer(), async (g, req, seed) => {
    const a = await t.tabulate(toBatch(g), req)
    const b = await t.tabulate(toBatch(g, shuffle(g.activities, seed), shuffle(g.tallies, seed + 1)), req)
    return same(a, b)
  })

/**
 * Tabulating the union of two disjoint record sets equals combining their tabulations.
 *
 * @since 0.1.0
 * @category laws
 */
export const unionIsCombine = (t: Tabulator, u: Universe = builtin): Law =>
  fc.asyncProperty(
    u.dataset().chain((g) => fc.tuple(fc.constant(g), splitArb(g.activities), splitArb(g.tallies))),
    u.request(),
    async ([g, [a1, a2], [t1, t2]], req) => {
      const whole = await t.tabulate(toBatch(g), req)
      const parts = Tabulation.combine(await t.tabulate(toBatch(g, a1, t1), req), await t.tabulate(toBatch(g, a2, t2), req))
      return same(whole, parts)
    }
  )

/**
 * Splitting the period at any day adds up: the two halves combine to the whole. Tallies whose period
 * straddles the split day cannot be apportioned to either half and are left out of the dataset.
 *
 * @since 0.1.0
 * @category laws
 */
export const periodSplitting = (t: Tabulator, u: Universe = builtin): Law =>
  fc.asyncProperty(u.dataset(), u.request(), fc.double({ min: 0, max: 1, noNaN: true }), async (g, req, at) => {
    const from = CalendarDate.toDayNumber(req.period.from)
    const to = CalendarDate.toDayNumber(req.period.to)
    if (from === to) return true
    const split = from + Math.floor(at * (to - from))
    const first = { from: req.period.from, to: CalendarDate.fromDayNumber(split) }
    const second = { from: CalendarDate.fromDayNumber(split + 1), to: req.period.to }
    const tallies = g.tallies.filter((x) => x.period.to <= first.to || x.period.from >= second.from)
    const batch = toBatch(g, g.activities, tallies)
    const whole = await t.tabulate(batch, req)
    const halves = Tabulation.combine(await t.tabulate(batch, { ...req, period: first }), await t.tabulate(batch, { ...req, period: second }))
    return same(whole, halves)
  })

/**
 * `empty` is the identity of `combine`, and `combine` is commutative and associative.
 *
 * @since 0.1.0
 * @category laws
 */
export const monoid = (t: Tabulator, u: Universe = builtin): Law =>
  fc.asyncProperty(
    u.dataset().chain((g) => fc.tuple(fc.constant(g), splitArb(g.activities), splitArb(g.tallies))),
    u.request(),
    async ([g, [a1, a23], [t1, t23]], req) => {
      const [a2, a3] = [a23.filter((_, i) => i % 2 === 0), a23.filter((_, i) => i % 2 === 1)]
      const [t2, t3] = [t23.filter((_, i) => i % 2 === 0), t23.filter((_, i) => i % 2 === 1)]
      const x = await t.tabulate(toBatch(g, a1, t1), req)
      const y = await t.tabulate(toBatch(g, a2, t2), req)
      const z = await t.tabulate(toBatch(g, a3, t3), req)
      const e = Tabulation.empty(x)
      const c = Tabulation.combine
      return (
        same(c(e, x), x) &&
        same(c(x, e), x) &&
        same(c(x, y), c(y, x)) &&
        same(c(c(x, y), z), c(x, c(y, z)))
      )
    }
  )

const total = (tab: Tab, indicator: string, selector: Tabulation.Selector = {}) =>
  Tabulation.valueOf(tab, indicator as never, selector).value

/**
 * A total equals the sum over its children: over councils always (each activity belongs to one
 * council), and over organs when no activity is joint. With joint work the per-organ sum can only be
 * larger. Stated for counts and (since 0.2.0) sums of attributes.
 *
 * @since 0.1.0
 * @category laws
 */
export const totalIsSumOfChildren = (t: Tabulator, u: Universe = builtin): Law =>
  fc.asyncProperty(u.dataset({ maxTallies: 0 }), u.request({ indicators: additiveIndicators(u), dimensions: [] }), async (g, req) => {
    const batch = toBatch(g)
    const flat = await t.tabulate(batch, { ...req, groupBy: [] })
    const byCouncil = await t.tabulate(batch, { ...req, groupBy: ["council"] })
    const byOrgan = await t.tabulate(batch, { ...req, groupBy: ["organ"] })
    const joint = g.activities.some((a) => a.organisers.length > 1)
    return req.indicators.every((ind) => {
      const whole = total(flat, ind)
      const councils = Tabulation.valuesOf(byCouncil, "council").reduce((s, c) => s + total(byCouncil, ind, { council: c }), 0)
      const organs = Tabulation.valuesOf(byOrgan, "organ").reduce((s, o) => s + total(byOrgan, ind, { organ: o }), 0)
      return councils === whole && (joint ? organs >= whole : organs === whole)
    })
  })

/**
 * Distinct counts never exceed plain counts: in every cell (of the requested indicators and the
 * review pair), the sessions served are at most the activities counted, and "sessions served by reviews" is at most "items reviewed".
 *
 * @since 0.1.0
 * @category laws
 */
export const distinctAtMostPlain = (t: Tabulator, u: Universe = builtin): Law =>
  fc.asyncProperty(u.dataset({ maxTallies: 0 }), u.request(), async (g, req) => {
    const indicators = [...new Set([...req.indicators, Indicators.ids.reviewSessions, Indicators.ids.reviewContent])]
    const tab = await t.tabulate(toBatch(g), { ...req, indicators: indicators as never })
    const cellsOk = [...tab.cells.values()].every((c) => c.sessions.size <= c.items)
    return cellsOk && total(tab, Indicators.ids.reviewSessions) <= total(tab, Indicators.ids.reviewContent)
  })

/**
 * A sum over a partition adds up: for any split of the records into two disjoint parts, each `sum`
 * indicator's total over the whole equals the total of one part plus the total of the other, in
 * every cell of any grouping. (Tallies are left out: a tally and items of one council falling in
 * different parts are no conflict in either part.)
 *
 * @since 0.2.0
 * @category laws
 */
export const sumOverPartition = (t: Tabulator, u: Universe = builtin): Law =>
  fc.asyncProperty(
    u.dataset({ maxTallies: 0 }).chain((g) => fc.tuple(fc.constant(g), splitArb(g.activities))),
    u.request({ indicators: measured(u, "sum") }),
    async ([g, [a1, a2]], req) => {
      const whole = await t.tabulate(toBatch(g), req)
      const one = await t.tabulate(toBatch(g, a1, []), req)
      const two = await t.tabulate(toBatch(g, a2, []), req)
      return [...whole.cells.values(), ...one.cells.values(), ...two.cells.values()].every((cell) => {
        const selector = Object.fromEntries(whole.dimensions.map((d, i) => [d, cell.key[i] as string]))
        const at = (tab: Tab) => total(tab, cell.indicator, selector)
        return at(whole) === at(one) + at(two)
      })
    }
  )

const withCopies = (g: GeneratedDataset) =>
  g.activities.map((a) => new Activity.Activity({ ...a, id: `${a.id}.copy` as never, title: `${a.title} (bản sao)` }))

/**
 * A distinct count is idempotent: recording every activity twice (a copy with another id and the
 * same attributes) leaves each `distinct` indicator's value set, and so its value, unchanged in every
 * cell.
 *
 * @since 0.2.0
 * @category laws
 */
export const distinctIdempotent = (t: Tabulator, u: Universe = builtin): Law =>
  fc.asyncProperty(u.dataset({ maxTallies: 0 }), u.request({ indicators: measured(u, "distinct") }), async (g, req) => {
    const once = await t.tabulate(toBatch(g), req)
    const twice = await t.tabulate(toBatch(g, [...g.activities, ...withCopies(g)], []), req)
    const values = (tab: Tab) =>
      JSON.stringify(Tabulation.toRows(tab).filter((r) => tab.indicators.get(r.indicator) === "distinct").map((r) => [r.indicator, r.key, r.values, r.value]))
    return values(once) === values(twice)
  })

/**
 * A distinct count is bounded by its parts: for any split of the records into two disjoint parts,
 * each `distinct` indicator's total over the whole is at least the larger part's and at most the sum
 * of both parts'; and the same holds for a total and its per-council children.
 *
 * @since 0.2.0
 * @category laws
 */
export const distinctBounded = (t: Tabulator, u: Universe = builtin): Law =>
  fc.asyncProperty(
    u.dataset({ maxTallies: 0 }).chain((g) => fc.tuple(fc.constant(g), splitArb(g.activities))),
    u.request({ indicators: measured(u, "distinct"), dimensions: [] }),
    async ([g, [a1, a2]], req) => {
      const flat = { ...req, groupBy: [] }
      const whole = await t.tabulate(toBatch(g), flat)
      const one = await t.tabulate(toBatch(g, a1, []), flat)
      const two = await t.tabulate(toBatch(g, a2, []), flat)
      const byCouncil = await t.tabulate(toBatch(g), { ...req, groupBy: ["council"] })
      const councils = Tabulation.valuesOf(byCouncil, "council")
      return req.indicators.every((ind) => {
        const w = total(whole, ind)
        const [x, y] = [total(one, ind), total(two, ind)]
        const children = councils.map((c) => total(byCouncil, ind, { council: c }))
        const bounded = (parts: ReadonlyArray<number>) => Math.max(0, ...parts) <= w && w <= parts.reduce((s, n) => s + n, 0)
        return bounded([x, y]) && bounded(children)
      })
    }
  )

/**
 * An "of which" indicator never exceeds the indicator it is part of (on itemised records).
 *
 * @since 0.1.0
 * @category laws
 */
export const partOfBounded = (t: Tabulator, u: Universe = builtin): Law =>
  fc.asyncProperty(u.dataset({ maxTallies: 0 }), u.request(), async (g, req) => {
    const pairs = partOfPairs(u)
    const indicators = [...new Set(pairs.flatMap((i) => [i.id, i.partOf!]))]
    const tab = await t.tabulate(toBatch(g), { ...req, indicators: indicators as never })
    return pairs.every((i) => total(tab, i.id) <= total(tab, i.partOf!))
  })

/**
 * Whenever a body has itemised records for an indicator and also reports a tally for it in the same
 * period, the tabulation reports a conflict and counts the work once (the items), never twice.
 *
 * @since 0.1.0
 * @category laws
 */
export const conflictsDetected = (t: Tabulator, u: Universe = builtin): Law =>
  fc.asyncProperty(u.dataset({ maxTallies: 0 }), u.request({ dimensions: ["council", "kind", "month", "level"] }), fc.integer({ min: 1, max: 1000 }), async (g, req, value) => {
    const batch = toBatch(g)
    const before = await t.tabulate(batch, req)
    const itemised = [...before.itemBodies.entries()].flatMap(([ind, bodies]) =>
      [...bodies.keys()].filter((b) => b.startsWith("council:")).map((b) => [ind, b.slice("council:".length)] as const)
    )
    if (itemised.length === 0) return true
    const [indicator, council] = itemised[0]!
    const tally = new Tally.Tally({ id: "t-conflict" as never, council: council as never, indicator, period: req.period, value })
    const after = await t.tabulate(toBatch(g, g.activities, [tally]), req)
    const found = Tabulation.conflicts(after).some((c) => c.indicator === indicator && c.body === `council:${council}` && c.tallies.includes(tally.id))
    return found && total(after, indicator) === total(before, indicator)
  })

/**
 * Roles add up: for any organ, the activities it led (`ledBy`) plus those it took part in
 * (`tookPart`) are those it was involved in (`involved`), because an organ never both leads and
 * takes part; each equals its cell of the `organ × role` breakdown; and the per-organ view without
 * `role` keeps counting the organs that led (organisers only).
 *
 * @since 0.2.0
 * @category laws
 */
export const rolesAddUp = (t: Tabulator, u: Universe = builtin): Law =>
  fc.asyncProperty(
    u.dataset({ maxTallies: 0 }).chain((g) => {
      const organs = [...g.world.organsByCouncil.values()].flat().map((o) => o.id as string)
      return fc.tuple(fc.constant(g), organs.length === 0 ? fc.constant("o-nobody") : fc.constantFrom(...organs))
    }),
    u.request({ indicators: countIndicators(u), dimensions: [] }),
    async ([g, organ], req) => {
      const batch = toBatch(g)
      const only = (filter: Indicator.Filter) => t.tabulate(batch, { ...req, groupBy: [], filter })
      const led = await only({ ledBy: [organ as never] })
      const took = await only({ tookPart: [organ as never] })
      const involved = await only({ involved: [organ as never] })
      const byRole = await t.tabulate(batch, { ...req, groupBy: ["organ", "role"] })
      const byOrgan = await t.tabulate(batch, { ...req, groupBy: ["organ"] })
      return req.indicators.every(
        (ind) =>
          total(led, ind) + total(took, ind) === total(involved, ind) &&
          total(led, ind) === total(byRole, ind, { organ: [organ], role: ["led"] }) &&
          total(took, ind) === total(byRole, ind, { organ: [organ], role: ["took-part"] }) &&
          total(involved, ind) === total(byRole, ind, { organ: [organ] }) &&
          total(led, ind) === total(byOrgan, ind, { organ: [organ] })
      )
    }
  )

/**
 * Every law, named, for a tabulator, over a universe (default: the built-in one). Laws a universe
 * gives nothing to check (no count or sum indicator, no "of which" pair, no sum or distinct
 * indicator) are left out.
 *
 * @example
 * ```ts no-run
 * import { Laws } from "@hdnd/testkit"
 * import fc from "fast-check"
 * import { it } from "vitest"
 *
 * // Every counting law, checked on core's reference engine; put your own Laws.Tabulator in its place.
 * for (const law of Laws.all(Laws.reference)) it(law.name, () => fc.assert(law.property, { numRuns: 50 }), 60_000)
 * ```
 *
 * @since 0.1.0
 * @category laws
 */
export const all = (t: Tabulator, u: Universe = builtin): ReadonlyArray<{ readonly name: string; readonly property: Law }> => [
  { name: "permutation invariance", property: permutationInvariance(t, u) },
  { name: "union of disjoint record sets = combine", property: unionIsCombine(t, u) },
  { name: "period splitting adds up", property: periodSplitting(t, u) },
  { name: "monoid: identity, commutativity, associativity", property: monoid(t, u) },
  // A universe without count indicators or "of which" pairs has nothing these two laws could check.
  ...(additiveIndicators(u).length === 0 ? [] : [{ name: "total = sum of children (without joint work)", property: totalIsSumOfChildren(t, u) }]),
  ...(measured(u, "sum").length === 0 ? [] : [{ name: "a sum over a partition adds up", property: sumOverPartition(t, u) }]),
  ...(measured(u, "distinct").length === 0
    ? []
    : [
      { name: "a distinct count is idempotent (records repeated)", property: distinctIdempotent(t, u) },
      { name: "a distinct count is at least its largest part and at most the sum of its parts", property: distinctBounded(t, u) }
    ]),
  { name: "distinct counts ≤ plain counts", property: distinctAtMostPlain(t, u) },
  ...(partOfPairs(u).length === 0 ? [] : [{ name: "'of which' ≤ its whole", property: partOfBounded(t, u) }]),
  { name: "tally/item conflicts always detected", property: conflictsDetected(t, u) },
  ...(countIndicators(u).length === 0 ? [] : [{ name: "led + took part = involved, as the organ × role breakdown says", property: rolesAddUp(t, u) }])
]

/** @since 0.1.0 @category models */
export type { GeneratedDataset }
