/**
 * Generated data for a plugin: activities of every kind its registry declares (its own kinds with
 * attributes generated from their schemas, and the built-in kinds), tallies of its indicators, in its
 * own structure (the units, councils and organs it brings) or, for a plugin without structure, in the
 * generated province of {@link Arbitraries.worldArb}. Every generated record is dated inside the
 * validity of its council and organs, so the datasets pass validation against the plugin's registry.
 *
 * @since 0.1.0
 */
import { Activity, ActivityKind, CalendarDate, Dataset, PluginHost, Tabulation, TabulationRequest, Tally } from "@hdnd/core"
import type { Council, Session } from "@hdnd/core"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import * as Arbitraries from "../Arbitraries.js"
import * as SchemaArbitrary from "../internal/schemaArbitrary.js"
import type { GeneratedDataset, World } from "../Arbitraries.js"
import type { Universe } from "../Laws.js"
import { builtin, requestArb } from "../Laws.js"

type Batch = Dataset.Batch
type Request = TabulationRequest.TabulationRequest

const day = (d: string) => CalendarDate.toDayNumber(CalendarDate.date(d))
const WINDOW_FROM = day("2021-01-01")
const WINDOW_TO = day("2027-12-31")

/** An organ with the days (within the window) it and its council are valid on. */
interface Slot {
  readonly organ: Council.Organ
  readonly from: number
  readonly to: number
}

const clip = (validity: { readonly from: CalendarDate.CalendarDate; readonly to?: CalendarDate.CalendarDate | undefined }, from: number, to: number) => ({
  from: Math.max(from, CalendarDate.toDayNumber(validity.from)),
  to: Math.min(to, validity.to === undefined ? to : CalendarDate.toDayNumber(validity.to))
})

/**
 * The world of a plugin's own data: its units, councils (those with organs), organs and sessions,
 * rooted at its first unit without a parent. `undefined` when the data has no council with organs.
 *
 * @since 0.1.0
 * @category constructors
 */
export const worldOf = (data: Batch): World | undefined => {
  const organs = data.organs ?? []
  const councils = (data.councils ?? []).filter((c) => organs.some((o) => o.council === c.id))
  const root = (data.units ?? []).find((u) => u.parent === undefined)
  if (councils.length === 0 || root === undefined) return undefined
  const group = <A extends { readonly council: string }>(xs: ReadonlyArray<A>) => {
    const out = new Map<string, Array<A>>()
    for (const x of xs) out.set(x.council, [...(out.get(x.council) ?? []), x])
    return out
  }
  return {
    structure: { ...data, activities: [], tallies: [] },
    provinceUnit: root.id,
    councils,
    organsByCouncil: group(organs),
    sessionsByCouncil: group<Session.Session>(data.sessions ?? [])
  }
}

/** Values of each classifying field, as the validator accepts them. */
const fieldArbs: Record<ActivityKind.ClassifyingField, fc.Arbitrary<string>> = {
  subject: fc.constantFrom(...ActivityKind.ReviewSubject.literals),
  mode: fc.constantFrom(...ActivityKind.SupervisionMode.literals),
  origin: fc.constantFrom(...ActivityKind.AdvisoryOrigin.literals),
  venue: fc.constantFrom(...ActivityKind.Venue.literals),
  resolutionKind: fc.constantFrom(...ActivityKind.ResolutionKind.literals)
}

/**
 * Encoded attribute values of an activity kind, generated from its schema (`undefined` for a kind
 * without attributes).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const attributesArb = (kind: ActivityKind.ActivityKindSpec): fc.Arbitrary<Readonly<Record<string, unknown>>> | undefined => {
  if (kind.attributes === undefined) return undefined
  const schema = kind.attributes as Schema.Codec<unknown, unknown>
  return schemaArb(schema).map((value) => Schema.encodeSync(schema)(value) as Readonly<Record<string, unknown>>)
}

/**
 * Values of a schema's type, as a fast-check arbitrary derived from the schema's AST (Effect 4's
 * `effect/Arbitrary` is a generator of its own, not a fast-check wrapper): the bounds, lengths and
 * patterns its checks declare guide generation, and every check filters what is generated.
 * Declarations (dates, maps, sets, classes …) are generated through their codecs.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const schemaArb = <A>(schema: Schema.Schema<A>): fc.Arbitrary<A> => SchemaArbitrary.make(schema)

/** The classifying fields of one activity of a kind: required ones always, optional ones sometimes. */
const fieldsArb = (kind: ActivityKind.ActivityKindSpec): fc.Arbitrary<Partial<Record<ActivityKind.ClassifyingField, string>>> => {
  const entries = Object.entries(kind.fields) as Array<[ActivityKind.ClassifyingField, "required" | "optional"]>
  const record: Record<string, fc.Arbitrary<string | undefined>> = {}
  for (const [field, rule] of entries) record[field] = rule === "required" ? fieldArbs[field] : fc.option(fieldArbs[field], { nil: undefined })
  return fc.record(record).map((r) => {
    const out: Partial<Record<ActivityKind.ClassifyingField, string>> = {}
    for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k as ActivityKind.ClassifyingField] = v
    // The kind of resolution only qualifies a review of a draft resolution.
    if (out.resolutionKind !== undefined && out.subject !== undefined && out.subject !== "draft-resolution") delete out.resolutionKind
    return out
  })
}

/**
 * Options of {@link universe}.
 *
 * @since 0.1.0
 * @category models
 */
export interface UniverseOptions {
  /**
   * The indicators requests draw from (default: the plugin's own; if it has none, the built-in ones that
   * can count something in a generated dataset, as in `Laws.builtin`).
   */
  readonly indicators?: ReadonlyArray<string>
  /** The activity kinds generated (default: the plugin's own and the built-in generated kinds). */
  readonly kinds?: ReadonlyArray<string>
}

/**
 * The universe of a loaded plugin for the counting laws (`Laws.all(tabulator, universe)`): datasets
 * over its structure (or the generated province) with activities of its kinds and the built-in ones,
 * tallies of its indicators, and requests for its indicators over every council of the world.
 *
 * @since 0.1.0
 * @category constructors
 */
export const universe = (loaded: PluginHost.Loaded, plugin: string, options: UniverseOptions = {}): Universe => {
  const registry = loaded.registry
  const own = (xs: Iterable<{ readonly id: string }>) => [...xs].map((x) => x.id).filter((id) => loaded.origins.get(id) === plugin)
  const ownIndicators = own(registry.indicators.values())
  const indicators = options.indicators ?? (ownIndicators.length > 0 ? ownIndicators : builtin.indicators)
  const kindIds = options.kinds ?? [...own(registry.activityKinds.values()), ...Arbitraries.GENERATED_KINDS]
  const kinds = kindIds.map((id) => {
    const k = registry.activityKinds.get(id as never)
    if (k === undefined) throw new Error(`no activity kind ${id} in the plugin's registry`)
    return k
  })
  const pluginWorld = worldOf(loaded.data)
  const worldArb: fc.Arbitrary<World> = pluginWorld === undefined ? Arbitraries.worldArb : fc.constant(pluginWorld)
  const tallied = indicators.filter((id) => registry.indicators.has(id as never))

  const slotsOf = (world: World): ReadonlyArray<Slot> =>
    world.councils.flatMap((c) => {
      const cv = clip(c.validity, WINDOW_FROM, WINDOW_TO)
      return (world.organsByCouncil.get(c.id) ?? []).map((organ) => ({ organ, ...clip(organ.validity, cv.from, cv.to) })).filter((s) => s.from <= s.to)
    })

  const activityArb = (world: World, slots: ReadonlyArray<Slot>, id: string, joint: boolean): fc.Arbitrary<Activity.Activity> =>
    fc
      .record({ slot: fc.constantFrom(...slots), kind: fc.constantFrom(...kinds), start: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 3 }) })
      .chain(({ slot, kind, start, length }) => {
        const from = slot.from + Math.floor(start * (slot.to - slot.from))
        const to = Math.min(slot.to, from + length)
        const others = (world.organsByCouncil.get(slot.organ.council) ?? []).filter(
          (o: Council.Organ) => o.id !== slot.organ.id && clip(o.validity, from, to).from === from && clip(o.validity, from, to).to === to
        )
        const sessions = world.sessionsByCouncil.get(slot.organ.council) ?? []
        const attributes = attributesArb(kind)
        return fc.record({
          fields: fieldsArb(kind),
          attributes: attributes === undefined ? fc.constant(undefined) : fc.option(attributes, { nil: undefined }),
          organisers: others.length === 0 || !joint ? fc.constant<ReadonlyArray<Council.Organ>>([]) : fc.uniqueArray(fc.constantFrom(...others), { maxLength: 2 }),
          session: sessions.length === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...sessions), { nil: undefined })
        }).map(({ fields, attributes, organisers, session }) =>
          new Activity.Activity({
            id: id as never,
            council: slot.organ.council,
            kind: kind.id,
            owner: slot.organ.id,
            organisers: [slot.organ.id, ...organisers.map((o) => o.id)],
            date: { from: CalendarDate.fromDayNumber(from), to: CalendarDate.fromDayNumber(to) },
            ...(session === undefined ? {} : { session: session.id }),
            title: `Hoạt động ${id}`,
            ...(fields as object),
            ...(attributes === undefined || Object.keys(attributes).length === 0 ? {} : { attributes })
          })
        )
      })

  const tallyArb = (slots: ReadonlyArray<Slot>, id: string): fc.Arbitrary<Tally.Tally> =>
    fc
      .record({
        slot: fc.constantFrom(...slots),
        byOrgan: fc.boolean(),
        indicator: fc.constantFrom(...tallied),
        start: fc.double({ min: 0, max: 1, noNaN: true }),
        length: fc.nat({ max: 400 }),
        value: fc.nat({ max: 500 }),
        qualifier: fc.constantFrom("exact", "exact", "over", "nearly", "about")
      })
      .map((r) => {
        const from = r.slot.from + Math.floor(r.start * (r.slot.to - r.slot.from))
        return new Tally.Tally({
          id: id as never,
          council: r.slot.organ.council,
          ...(r.byOrgan ? { organ: r.slot.organ.id } : {}),
          indicator: r.indicator as never,
          period: { from: CalendarDate.fromDayNumber(from), to: CalendarDate.fromDayNumber(Math.min(r.slot.to, from + r.length)) },
          value: r.value,
          qualifier: r.qualifier as Tally.Qualifier
        })
      })

  const dataset = (o: Arbitraries.DatasetOptions = {}): fc.Arbitrary<GeneratedDataset> =>
    worldArb.chain((world) => {
      const slots = slotsOf(world)
      if (slots.length === 0) return fc.constant<GeneratedDataset>({ world, activities: [], tallies: [] })
      return fc
        .tuple(fc.nat({ max: o.maxActivities ?? 60 }), fc.nat({ max: tallied.length === 0 ? 0 : o.maxTallies ?? 6 }))
        .chain(([na, nt]): fc.Arbitrary<GeneratedDataset> =>
          fc.record({
            world: fc.constant(world),
            activities: fc.tuple(...Array.from({ length: na }, (_, i) => activityArb(world, slots, `a${i}`, o.joint !== false))).map((xs) => [...xs]),
            tallies: fc.tuple(...Array.from({ length: nt }, (_, i) => tallyArb(slots, `t${i}`))).map((xs) => [...xs])
          })
        )
    })

  // Requests span the window the plugin's records are generated in, over every council of its world.
  const periodArb = fc
    .tuple(fc.integer({ min: WINDOW_FROM, max: WINDOW_TO }), fc.integer({ min: 30, max: 900 }))
    .map(([start, len]) => ({ from: CalendarDate.fromDayNumber(start), to: CalendarDate.fromDayNumber(Math.min(WINDOW_TO, start + len)) }))
  const request: Universe["request"] = (o = {}) =>
    pluginWorld === undefined
      ? requestArb({ ...o, indicators: o.indicators ?? indicators })
      : fc
          .record({
            indicators: fc.uniqueArray(fc.constantFrom(...(o.indicators ?? indicators)), { minLength: 1, maxLength: 8 }),
            period: periodArb,
            groupBy: (o.dimensions ?? Tabulation.dimensions).length === 0
              ? fc.constant([])
              : fc.uniqueArray(fc.constantFrom(...(o.dimensions ?? Tabulation.dimensions)), { maxLength: 3 })
          })
          .map((r): Request => ({
            indicators: r.indicators as unknown as Request["indicators"],
            scope: TabulationRequest.councils(pluginWorld.councils.map((c) => c.id)),
            period: r.period,
            groupBy: r.groupBy,
            trace: true
          }))
  return { registry, indicators, dataset, request }
}
