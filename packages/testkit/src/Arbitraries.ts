/**
 * fast-check arbitraries for hdnd entities: a realistic council world (a province with districts
 * and communes, their councils, organs and sessions) and datasets of activities and tallies in it
 * that pass validation. Adapter, plugin and province authors reuse them in their own properties.
 *
 * @since 0.1.0
 */
import {
  Activity,
  AdminUnit,
  CalendarDate,
  Council,
  Dataset,
  Indicators,
  Session,
  Tally
} from "@hdnd/core"
import fc from "fast-check"

type Batch = Dataset.Batch
type CalendarDateT = CalendarDate.CalendarDate

/**
 * The period every generated activity and tally falls into or near.
 *
 * @since 0.1.0
 * @category data
 */
export const WORLD_PERIOD: CalendarDate.Period = CalendarDate.period("2022-01-01", "2023-12-31")

const FIRST_DAY = CalendarDate.toDayNumber(CalendarDate.date("2021-12-01"))
const LAST_DAY = CalendarDate.toDayNumber(CalendarDate.date("2024-01-31"))

/**
 * A calendar date between 2021-12-01 and 2024-01-31 (a little wider than {@link WORLD_PERIOD}, so
 * some records fall outside it).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const dayArb: fc.Arbitrary<CalendarDateT> = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(CalendarDate.fromDayNumber)

/**
 * A closed period of 1 to 400 days within the generated range.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const periodArb: fc.Arbitrary<CalendarDate.Period> = fc
  .tuple(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), fc.integer({ min: 0, max: 400 }))
  .map(([start, len]) => ({ from: CalendarDate.fromDayNumber(start), to: CalendarDate.fromDayNumber(Math.min(LAST_DAY, start + len)) }))

/**
 * A period to tabulate: 121 to 801 days starting between 2021-12-01 and 2023-06-30, so it usually
 * covers many generated records and sometimes few.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const requestPeriodArb: fc.Arbitrary<CalendarDate.Period> = fc
  .tuple(fc.integer({ min: FIRST_DAY, max: CalendarDate.toDayNumber(CalendarDate.date("2023-06-30")) }), fc.integer({ min: 120, max: 800 }))
  .map(([start, len]) => ({ from: CalendarDate.fromDayNumber(start), to: CalendarDate.fromDayNumber(Math.min(LAST_DAY, start + len)) }))

/**
 * The structure of a generated world: units, councils, terms, organs and sessions.
 *
 * @since 0.1.0
 * @category models
 */
export interface World {
  readonly structure: Batch
  readonly provinceUnit: AdminUnit.AdminUnit["id"]
  readonly councils: ReadonlyArray<Council.Council>
  readonly organsByCouncil: ReadonlyMap<string, ReadonlyArray<Council.Organ>>
  readonly sessionsByCouncil: ReadonlyMap<string, ReadonlyArray<Session.Session>>
}

const d = CalendarDate.date
const UNIT_FROM = d("2016-01-01")
const LOCAL_TO = d("2025-06-30")
const ORGAN_FROM = d("2021-06-01")

const organsFor = (councilId: string, level: "province" | "district" | "commune", withEthnic: boolean): Array<Council.Organ> => {
  const committees =
    level === "province"
      ? ["phap-che", "kinh-te-ngan-sach", "van-hoa-xa-hoi", ...(withEthnic ? ["dan-toc"] : [])]
      : ["phap-che", "kinh-te-xa-hoi", ...(withEthnic && level === "district" ? ["dan-toc"] : [])]
  const validity = { from: ORGAN_FROM, to: LOCAL_TO }
  return [
    new Council.Organ({ id: `${councilId}.hdnd` as never, council: councilId as never, kind: "plenary", name: "Hội đồng nhân dân", validity }),
    new Council.Organ({ id: `${councilId}.tt` as never, council: councilId as never, kind: "standing", name: "Thường trực HĐND", validity }),
    ...committees.map(
      (k) =>
        new Council.Organ({
          id: `${councilId}.ban-${k}` as never,
          council: councilId as never,
          kind: "committee",
          committeeKind: k as never,
          name: `Ban ${k}`,
          validity
        })
    )
  ]
}

const listOf = <A>(arbs: ReadonlyArray<fc.Arbitrary<A>>): fc.Arbitrary<ReadonlyArray<A>> =>
  arbs.length === 0 ? fc.constant([]) : fc.tuple(...arbs).map((xs) => [...xs])

const sessionArb = (councilId: string, ordinal: number): fc.Arbitrary<Session.Session> =>
  fc
    .record({
      start: fc.integer({ min: CalendarDate.toDayNumber(d("2021-07-01")), max: CalendarDate.toDayNumber(d("2024-01-31")) }),
      length: fc.integer({ min: 0, max: 3 }),
      special: fc.boolean(),
      label: fc.constantFrom("chuyen-de", "bat-thuong", "phat-sinh-dot-xuat")
    })
    .map(
      ({ start, length, special, label }) =>
        new Session.Session({
          id: `${councilId}.kh-${ordinal}` as never,
          council: councilId as never,
          ordinal,
          series: "all",
          type: special ? "special" : "regular",
          ...(special ? { specialLabel: label as Session.SpecialLabel } : {}),
          dates: { from: CalendarDate.fromDayNumber(start), to: CalendarDate.fromDayNumber(start + length) }
        })
    )

/**
 * A world: one province with 0–3 districts, each with 0–2 communes; every unit has a council with a
 * term, a plenary, a standing committee and the committees its level allows; each council has 0–4
 * sessions.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const worldArb: fc.Arbitrary<World> = fc
  .record({
    districts: fc.array(fc.record({ communes: fc.integer({ min: 0, max: 2 }), ethnic: fc.boolean() }), { maxLength: 3 }),
    provinceEthnic: fc.boolean()
  })
  .chain(({ districts, provinceEthnic }) => {
    const units: Array<AdminUnit.AdminUnit> = [
      new AdminUnit.AdminUnit({ id: "u14" as never, code: "14", name: "Tỉnh Thử Nghiệm", type: "tinh", validity: { from: UNIT_FROM } })
    ]
    const specs: Array<{ unit: string; level: "province" | "district" | "commune"; ethnic: boolean }> = [
      { unit: "u14", level: "province", ethnic: provinceEthnic }
    ]
    districts.forEach((dist, i) => {
      const code = String(116 + i)
      units.push(
        new AdminUnit.AdminUnit({
          id: `u${code}` as never,
          code,
          name: `Huyện ${i + 1}`,
          type: "huyen",
          parent: "u14" as never,
          validity: { from: UNIT_FROM, to: LOCAL_TO }
        })
      )
      specs.push({ unit: `u${code}`, level: "district", ethnic: dist.ethnic })
      for (let j = 0; j < dist.communes; j++) {
        const ccode = String(3600 + i * 10 + j).padStart(5, "0")
        units.push(
          new AdminUnit.AdminUnit({
            id: `u${ccode}` as never,
            code: ccode,
            name: `Xã ${i + 1}.${j + 1}`,
            type: "xa",
            parent: `u${code}` as never,
            validity: { from: UNIT_FROM, to: LOCAL_TO }
          })
        )
        specs.push({ unit: `u${ccode}`, level: "commune", ethnic: false })
      }
    })
    const councils = specs.map(
      (s) =>
        new Council.Council({
          id: `c-${s.unit}` as never,
          unit: s.unit as never,
          name: `HĐND ${s.unit}`,
          validity: s.level === "province" ? { from: UNIT_FROM } : { from: UNIT_FROM, to: LOCAL_TO }
        })
    )
    const terms = councils.map(
      (c) => new Council.Term({ id: `${c.id}.khoa` as never, council: c.id, convocation: "XV", validity: { from: ORGAN_FROM, to: LOCAL_TO } })
    )
    const organsByCouncil = new Map(specs.map((s, i) => [councils[i]!.id as string, organsFor(councils[i]!.id, s.level, s.ethnic)]))
    const sessionArbs = councils.map((c) =>
      fc.integer({ min: 0, max: 4 }).chain((n) => listOf(Array.from({ length: n }, (_, k) => sessionArb(c.id, k + 1))))
    )
    return fc.tuple(...sessionArbs).map((sessionLists) => {
      const sessionsByCouncil = new Map(councils.map((c, i) => [c.id as string, sessionLists[i] as ReadonlyArray<Session.Session>]))
      const structure: Batch = {
        units,
        councils,
        terms,
        organs: [...organsByCouncil.values()].flat(),
        sessions: [...sessionsByCouncil.values()].flat()
      }
      return { structure, provinceUnit: "u14" as never, councils, organsByCouncil, sessionsByCouncil }
    })
  })

/**
 * The activity kinds generated datasets use.
 *
 * @since 0.1.0
 * @category data
 */
export const GENERATED_KINDS = ["review", "supervision", "survey", "advisory", "interpellation", "citizenReception", "voterMeeting"] as const

/**
 * Options for {@link activityArb} and {@link datasetArb}.
 *
 * @since 0.1.0
 * @category models
 */
export interface DatasetOptions {
  /** Allow activities with several organisers (joint work). Default true. */
  readonly joint?: boolean
  readonly maxActivities?: number
  readonly maxTallies?: number
}

/**
 * An activity of one of the world's councils, valid against the built-in registry.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const activityArb = (world: World, id: string, options: DatasetOptions = {}): fc.Arbitrary<Activity.Activity> =>
  fc
    .record({
      council: fc.constantFrom(...world.councils),
      kind: fc.constantFrom(...GENERATED_KINDS),
      start: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
      length: fc.integer({ min: 0, max: 5 }),
      ownerPick: fc.nat(),
      organiserPicks: fc.uniqueArray(fc.nat({ max: 5 }), { minLength: 1, maxLength: options.joint === false ? 1 : 3 }),
      sessionPick: fc.option(fc.nat(), { nil: undefined }),
      subject: fc.constantFrom("draft-resolution", "report", "submission", "scheme", "other"),
      resolutionKind: fc.option(fc.constantFrom("individual", "normative"), { nil: undefined }),
      mode: fc.constantFrom("thematic", "periodic", "ongoing"),
      origin: fc.constantFrom("inter-session", "assigned-by-standing", "other")
    })
    .map((r) => {
      const organs = world.organsByCouncil.get(r.council.id) ?? []
      const sessions = world.sessionsByCouncil.get(r.council.id) ?? []
      const owner = organs[r.ownerPick % organs.length]!
      const organisers = [...new Set(r.organiserPicks.map((p) => organs[p % organs.length]!.id))]
      const session = r.sessionPick === undefined || sessions.length === 0 ? undefined : sessions[r.sessionPick % sessions.length]!.id
      return new Activity.Activity({
        id: id as never,
        council: r.council.id,
        kind: r.kind as never,
        owner: owner.id,
        organisers: organisers as never,
        date: { from: CalendarDate.fromDayNumber(r.start), to: CalendarDate.fromDayNumber(r.start + r.length) },
        ...(session === undefined ? {} : { session }),
        title: `Hoạt động ${id}`,
        ...(r.kind === "review"
          ? { subject: r.subject, ...(r.subject === "draft-resolution" && r.resolutionKind !== undefined ? { resolutionKind: r.resolutionKind } : {}) }
          : {}),
        ...(r.kind === "supervision" ? { mode: r.mode } : {}),
        ...(r.kind === "advisory" ? { origin: r.origin } : {})
      })
    })

const TALLY_INDICATORS = [
  Indicators.ids.reviewContent,
  Indicators.ids.reviewSessions,
  Indicators.ids.supervision,
  Indicators.ids.surveyThematicSupervision,
  Indicators.ids.advisoryAssigned,
  Indicators.ids.citizensReceived
]

/**
 * A tally reported by one of the world's councils (council-wide or by one organ).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const tallyArb = (world: World, id: string): fc.Arbitrary<Tally.Tally> =>
  fc
    .record({
      council: fc.constantFrom(...world.councils),
      organPick: fc.option(fc.nat(), { nil: undefined }),
      indicator: fc.constantFrom(...TALLY_INDICATORS),
      period: periodArb,
      value: fc.integer({ min: 0, max: 500 }),
      qualifier: fc.constantFrom("exact", "exact", "over", "nearly", "about")
    })
    .map((r) => {
      const organs = world.organsByCouncil.get(r.council.id) ?? []
      const organ = r.organPick === undefined ? undefined : organs[r.organPick % organs.length]?.id
      return new Tally.Tally({
        id: id as never,
        council: r.council.id,
        ...(organ === undefined ? {} : { organ }),
        indicator: r.indicator,
        period: r.period,
        value: r.value,
        qualifier: r.qualifier as Tally.Qualifier
      })
    })

/**
 * A generated dataset: a world plus activities and tallies.
 *
 * @since 0.1.0
 * @category models
 */
export interface GeneratedDataset {
  readonly world: World
  readonly activities: ReadonlyArray<Activity.Activity>
  readonly tallies: ReadonlyArray<Tally.Tally>
}

/**
 * A world with up to `maxActivities` (default 60) activities and `maxTallies` (default 6) tallies.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const datasetArb = (options: DatasetOptions = {}): fc.Arbitrary<GeneratedDataset> =>
  worldArb.chain((world) =>
    fc
      .tuple(fc.integer({ min: 0, max: options.maxActivities ?? 60 }), fc.integer({ min: 0, max: options.maxTallies ?? 6 }))
      .chain(([na, nt]) =>
        fc.record({
          world: fc.constant(world),
          activities: listOf(Array.from({ length: na }, (_, i) => activityArb(world, `a${i}`, options))),
          tallies: listOf(Array.from({ length: nt }, (_, i) => tallyArb(world, `t${i}`)))
        })
      )
  )

/**
 * The batch holding the whole generated dataset (structure, activities and tallies).
 *
 * @since 0.1.0
 * @category conversions
 */
export const toBatch = (g: GeneratedDataset, activities = g.activities, tallies = g.tallies): Batch => ({
  ...g.world.structure,
  activities,
  tallies
})

/**
 * A random split of a list into two disjoint parts, as a boolean mask.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const splitArb = <A>(items: ReadonlyArray<A>): fc.Arbitrary<readonly [ReadonlyArray<A>, ReadonlyArray<A>]> =>
  fc.array(fc.boolean(), { minLength: items.length, maxLength: items.length }).map((mask) => [
    items.filter((_, i) => mask[i]),
    items.filter((_, i) => !mask[i])
  ])
