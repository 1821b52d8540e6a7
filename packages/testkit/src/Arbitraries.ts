/**
 * fast-check arbitraries for hdnd entities: a realistic council world (a province with districts
 * and communes, their councils, organs and sessions), datasets of activities and tallies in it, and
 * follow-up records (recommendations with their responses and evaluations, work programmes with their
 * items) that pass validation. Adapter, plugin and province authors reuse them in their own
 * properties.
 *
 * @since 0.1.0
 */
import {
  Activity,
  AdminUnit,
  CalendarDate,
  Council,
  CouncilDocument,
  Dataset,
  Indicators,
  Programme,
  Recommendation,
  Resolution,
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
 * Places generated activities visit (the `places` attribute): a few names, one of them also in NFD
 * form and one with spaces around it, so that distinct counts must normalise (NFC, trimmed) to agree.
 *
 * @since 0.2.0
 * @category data
 */
export const PLACES: ReadonlyArray<string> = [
  "Xã Chiềng Cơi",
  "Xã Chiềng Cơi".normalize("NFD"),
  "Phường Tô Hiệu",
  " Phường Tô Hiệu ",
  "Xã Mường Bon",
  "Xã Chiềng Sinh",
  "Bản Hìn"
]

/**
 * The `places` attribute: one place or a list of one to three (repeats allowed).
 *
 * @since 0.2.0
 * @category arbitraries
 */
export const placesArb: fc.Arbitrary<string | ReadonlyArray<string>> = fc.oneof(
  fc.constantFrom(...PLACES),
  fc.array(fc.constantFrom(...PLACES), { minLength: 1, maxLength: 3 })
)

/** Kind-specific attributes of a generated activity, valid against the built-in kinds' schemas. */
const attributesArb = fc.record({
  voters: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  opinions: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  recommendations: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  places: fc.option(placesArb, { nil: undefined })
})

const defined = (o: Record<string, unknown>): Record<string, unknown> | undefined => {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))
  return Object.keys(out).length === 0 ? undefined : out
}

const attributesOf = (kind: string, a: typeof attributesArb extends fc.Arbitrary<infer A> ? A : never): Record<string, unknown> | undefined =>
  kind === "voterMeeting"
    ? defined({ voters: a.voters, opinions: a.opinions, places: a.places })
    : kind === "supervision"
    ? defined({ recommendations: a.recommendations, places: a.places })
    : kind === "survey"
    ? defined({ places: a.places })
    : undefined

/**
 * Options for {@link activityArb} and {@link datasetArb}.
 *
 * @since 0.1.0
 * @category models
 */
export interface DatasetOptions {
  /** Allow activities with several organisers (joint work). Default true. */
  readonly joint?: boolean
  /** Allow activities with participants (organs that took part without leading). Default true. */
  readonly participants?: boolean
  readonly maxActivities?: number
  readonly maxTallies?: number
}

/**
 * An activity of one of the world's councils, valid against the built-in registry. Since 0.2.0,
 * voter meetings, supervision missions and surveys may carry attributes (`voters`, `opinions`,
 * `recommendations`, `places` from {@link PLACES}) for the `sum` and `distinct` indicators.
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
      participantPicks: fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: options.participants === false ? 0 : 3 }),
      sessionPick: fc.option(fc.nat(), { nil: undefined }),
      subject: fc.constantFrom("draft-resolution", "report", "submission", "scheme", "other"),
      resolutionKind: fc.option(fc.constantFrom("individual", "normative"), { nil: undefined }),
      mode: fc.constantFrom("thematic", "periodic", "ongoing"),
      origin: fc.constantFrom("inter-session", "assigned-by-standing", "other"),
      attributes: attributesArb
    })
    .map((r) => {
      const organs = world.organsByCouncil.get(r.council.id) ?? []
      const sessions = world.sessionsByCouncil.get(r.council.id) ?? []
      const owner = organs[r.ownerPick % organs.length]!
      const organisers = [...new Set(r.organiserPicks.map((p) => organs[p % organs.length]!.id))]
      const participants = [...new Set(r.participantPicks.map((p) => organs[p % organs.length]!.id))].filter((o) => !organisers.includes(o))
      const session = r.sessionPick === undefined || sessions.length === 0 ? undefined : sessions[r.sessionPick % sessions.length]!.id
      const attributes = attributesOf(r.kind, r.attributes)
      return new Activity.Activity({
        id: id as never,
        council: r.council.id,
        kind: r.kind as never,
        owner: owner.id,
        organisers: organisers as never,
        ...(participants.length === 0 ? {} : { participants: participants as never }),
        date: { from: CalendarDate.fromDayNumber(r.start), to: CalendarDate.fromDayNumber(r.start + r.length) },
        ...(session === undefined ? {} : { session }),
        title: `Hoạt động ${id}`,
        ...(r.kind === "review"
          ? { subject: r.subject, ...(r.subject === "draft-resolution" && r.resolutionKind !== undefined ? { resolutionKind: r.resolutionKind } : {}) }
          : {}),
        ...(r.kind === "supervision" ? { mode: r.mode } : {}),
        ...(r.kind === "advisory" ? { origin: r.origin } : {}),
        ...(attributes === undefined ? {} : { attributes })
      })
    })

const TALLY_INDICATORS = [
  Indicators.ids.reviewContent,
  Indicators.ids.reviewSessions,
  Indicators.ids.supervision,
  Indicators.ids.surveyThematicSupervision,
  Indicators.ids.advisoryAssigned,
  Indicators.ids.citizensReceived,
  Indicators.ids.votersMet,
  Indicators.ids.placesVisited
]

/** Qualifier words as clerks write them, by the qualifier they stand for. */
const QUALIFIER_WORDS = { over: ["trên", "hơn"], nearly: ["gần", "chưa đến"], about: ["khoảng", "ước"] } as const

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
      qualifier: fc.constantFrom("exact", "exact", "over", "nearly", "about"),
      wording: fc.option(fc.nat({ max: 1 }), { nil: undefined })
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
        qualifier: r.qualifier as Tally.Qualifier,
        // The word as entered, on some qualified tallies: one that stands for the qualifier.
        ...(r.qualifier === "exact" || r.wording === undefined ? {} : { qualifierText: QUALIFIER_WORDS[r.qualifier as "over" | "nearly" | "about"][r.wording]! })
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
 * @example
 * ```ts
 * import { Arbitraries } from "@hdnd/testkit"
 * import fc from "fast-check"
 *
 * // Generated council worlds: units over time, councils, organs, sessions, activities and tallies.
 * const [generated] = fc.sample(Arbitraries.datasetArb({ maxActivities: 20 }), 1)
 * console.log(generated?.activities.length)
 * ```
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

/**
 * Follow-up records of a world: recommendations, the responses to them and the evaluations of the
 * responses, work programmes and their items.
 *
 * @since 0.1.0
 * @category models
 */
export interface FollowUps {
  readonly recommendations: ReadonlyArray<Recommendation.Recommendation>
  readonly responses: ReadonlyArray<Recommendation.Response>
  readonly evaluations: ReadonlyArray<Recommendation.Evaluation>
  readonly programmes: ReadonlyArray<Programme.Programme>
  readonly programmeItems: ReadonlyArray<Programme.ProgrammeItem>
  /** Resolutions adopted (since 0.2.0). */
  readonly resolutions: ReadonlyArray<Resolution.Resolution>
  /** Documents submitted (since 0.2.0). */
  readonly documents: ReadonlyArray<CouncilDocument.CouncilDocument>
}

/**
 * Options for {@link followUpsArb}.
 *
 * @since 0.1.0
 * @category models
 */
export interface FollowUpOptions {
  /** Most recommendations (default 8); each gets up to 2 responses, each response up to 1 evaluation. */
  readonly maxRecommendations?: number
  /** Most work programmes (default 4); each gets up to 4 items. */
  readonly maxProgrammes?: number
  /** Most resolutions and most documents (default 4 each; since 0.2.0). */
  readonly maxOutputs?: number
}

const RAISED_FROM = CalendarDate.toDayNumber(d("2021-12-01"))
const RAISED_TO = CalendarDate.toDayNumber(d("2024-06-30"))
const FIELDS = ["Tài chính – Ngân sách", "Đất đai", "Y tế", "Giáo dục – Đào tạo", "Giao thông"] as const
const DOCUMENTS = ["85/BC-UBND", "12/2023/CV-STC", "301/UBND-KT", "7/BC-HĐND"] as const
const ADDRESSEE_NAMES: Readonly<Record<Recommendation.AddresseeKind, string>> = {
  "people-committee": "Ủy ban nhân dân",
  department: "Sở Tài chính",
  committee: "Ban của HĐND",
  standing: "Thường trực HĐND",
  "na-delegation": "Đoàn đại biểu Quốc hội",
  other: "Công an tỉnh"
}
const PROGRAMME_YEARS = [2022, 2023] as const

const pickOf = <A>(xs: ReadonlyArray<A>, n: number): A | undefined => (xs.length === 0 ? undefined : xs[n % xs.length])
const dayAfter = (day: CalendarDateT, days: number): CalendarDateT => CalendarDate.addDays(day, days)
const later = (a: CalendarDateT, b: CalendarDateT | undefined): CalendarDateT => (b !== undefined && b > a ? b : a)

const recommendationSpecArb = fc.record({
  council: fc.nat(),
  kind: fc.constantFrom<Recommendation.RecommendationKind>("recommendation", "proposal", "voter-petition"),
  organ: fc.nat(),
  activity: fc.option(fc.nat(), { nil: undefined }),
  session: fc.option(fc.nat(), { nil: undefined }),
  day: fc.integer({ min: RAISED_FROM, max: RAISED_TO }),
  after: fc.integer({ min: 0, max: 30 }),
  field: fc.constantFrom(...FIELDS),
  level: fc.constantFrom<Recommendation.CompetentLevel>("central", "province", "district", "commune"),
  addressee: fc.constantFrom<Recommendation.AddresseeKind>("people-committee", "department", "committee", "standing", "na-delegation", "other"),
  forwarded: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  deadline: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
  merge: fc.option(fc.nat(), { nil: undefined }),
  source: fc.option(fc.constantFrom("TXCT tại xã Chiềng Cơi", "Hội nghị giao ban", "Đoàn giám sát"), { nil: undefined }),
  note: fc.option(fc.constant("Ghi chú của Văn phòng"), { nil: undefined }),
  responses: fc.array(
    fc.record({
      days: fc.integer({ min: 0, max: 90 }),
      document: fc.option(fc.constantFrom(...DOCUMENTS), { nil: undefined }),
      evaluation: fc.option(
        fc.record({
          days: fc.integer({ min: 0, max: 60 }),
          status: fc.constantFrom<Recommendation.EvaluationStatus>("resolved", "being-resolved", "explained", "not-resolved"),
          by: fc.option(fc.nat(), { nil: undefined }),
          note: fc.option(fc.constant("Đã kiểm tra kết quả"), { nil: undefined })
        }),
        { nil: undefined }
      )
    }),
    { maxLength: 2 }
  )
})

const programmeSpecArb = fc.record({
  council: fc.nat(),
  organ: fc.nat(),
  year: fc.constantFrom(...PROGRAMME_YEARS),
  adopted: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
  document: fc.option(fc.constantFrom("05/CTr-HĐND", "12/CTr-TT.HĐND"), { nil: undefined }),
  items: fc.array(
    fc.record({
      kind: fc.constantFrom(...GENERATED_KINDS),
      window: fc.constantFrom("year", "month", "quarter", "both"),
      month: fc.integer({ min: 1, max: 12 }),
      link: fc.constantFrom("none", "none", "empty", "one", "two"),
      carry: fc.option(fc.nat(), { nil: undefined }),
      note: fc.option(fc.constant("Phối hợp với UBND"), { nil: undefined })
    }),
    { maxLength: 4 }
  )
})

type RecommendationSpec = typeof recommendationSpecArb extends fc.Arbitrary<infer A> ? A : never
type ProgrammeSpec = typeof programmeSpecArb extends fc.Arbitrary<infer A> ? A : never

const buildRecommendations = (
  world: World,
  activities: ReadonlyArray<Activity.Activity>,
  specs: ReadonlyArray<RecommendationSpec>,
  otherCouncil: ReadonlyArray<boolean>
): Pick<FollowUps, "recommendations" | "responses" | "evaluations"> => {
  const recommendations: Array<Recommendation.Recommendation> = []
  const responses: Array<Recommendation.Response> = []
  const evaluations: Array<Recommendation.Evaluation> = []
  const allOrgans = [...world.organsByCouncil.values()].flat()
  specs.forEach((r, i) => {
    const council = world.councils[r.council % world.councils.length]!
    const organs = world.organsByCouncil.get(council.id) ?? []
    const petition = r.kind === "voter-petition"
    const raisedBy = petition ? undefined : otherCouncil[i] === true ? pickOf(allOrgans, r.organ) : pickOf(organs, r.organ)
    const activity = r.activity === undefined ? undefined : pickOf(activities.filter((a) => a.council === council.id), r.activity)
    const session = r.session === undefined ? undefined : pickOf(world.sessionsByCouncil.get(council.id) ?? [], r.session)
    // Raised after the activity it came from, else on a generated day.
    const raisedOn = activity === undefined ? CalendarDate.fromDayNumber(r.day) : dayAfter(activity.date.to ?? activity.date.from, r.after)
    const forwardedOn = r.forwarded === undefined ? undefined : dayAfter(raisedOn, r.forwarded)
    const deadline = r.deadline === undefined ? undefined : dayAfter(later(raisedOn, forwardedOn), r.deadline)
    const addresseeOrgan =
      r.addressee === "committee" ? pickOf(organs.filter((o) => o.kind === "committee"), r.organ) : r.addressee === "standing" ? organs.find((o) => o.kind === "standing") : undefined
    // A duplicate petition points at an earlier petition of its council that stands for itself.
    const into =
      petition && r.merge !== undefined
        ? pickOf(recommendations.filter((x) => x.kind === "voter-petition" && x.council === council.id && x.mergedInto === undefined), r.merge)
        : undefined
    const rec = new Recommendation.Recommendation({
      id: `r${i}` as never,
      council: council.id,
      kind: r.kind,
      ...(raisedBy === undefined ? {} : { raisedBy: raisedBy.id }),
      ...(activity === undefined ? {} : { activity: activity.id }),
      ...(session === undefined ? {} : { session: session.id }),
      raisedOn,
      content: `Kiến nghị r${i} về ${r.field.toLowerCase()}`,
      field: r.field,
      level: r.level,
      addressee: { kind: r.addressee, name: ADDRESSEE_NAMES[r.addressee], ...(addresseeOrgan === undefined ? {} : { organ: addresseeOrgan.id }) },
      ...(forwardedOn === undefined ? {} : { forwardedOn }),
      ...(deadline === undefined ? {} : { deadline }),
      ...(into === undefined ? {} : { mergedInto: into.id }),
      ...(r.source === undefined ? {} : { source: r.source }),
      ...(r.note === undefined ? {} : { note: r.note })
    })
    recommendations.push(rec)
    // Only a matter's own record is answered: a merged duplicate is answered through it.
    if (into !== undefined) return
    r.responses.forEach((x, k) => {
      const response = new Recommendation.Response({
        id: `r${i}.tl-${k + 1}` as never,
        recommendation: rec.id,
        date: dayAfter(later(raisedOn, forwardedOn), x.days),
        responder: ADDRESSEE_NAMES[r.addressee],
        ...(x.document === undefined ? {} : { document: x.document }),
        content: `Trả lời kiến nghị r${i}, lần ${k + 1}`
      })
      responses.push(response)
      const e = x.evaluation
      if (e === undefined) return
      const by = e.by === undefined ? undefined : pickOf(organs.filter((o) => o.kind === "committee" || o.kind === "standing"), e.by)
      evaluations.push(
        new Recommendation.Evaluation({
          id: `r${i}.dg-${k + 1}` as never,
          recommendation: rec.id,
          response: response.id,
          date: dayAfter(response.date, e.days),
          status: e.status,
          ...(by === undefined ? {} : { by: by.id }),
          ...(e.note === undefined ? {} : { note: e.note })
        })
      )
    })
  })
  return { recommendations, responses, evaluations }
}

const buildProgrammes = (
  world: World,
  activities: ReadonlyArray<Activity.Activity>,
  specs: ReadonlyArray<ProgrammeSpec>
): Pick<FollowUps, "programmes" | "programmeItems"> => {
  const programmes: Array<Programme.Programme> = []
  const items: Array<Programme.ProgrammeItem> = []
  const bodies = new Set<string>()
  const linked = new Set<string>()
  const carried = new Set<string>()
  // Earlier years first, so that an item can carry one of an earlier programme of its body.
  const ordered = [...specs].sort((a, b) => a.year - b.year)
  for (const p of ordered) {
    const council = world.councils[p.council % world.councils.length]!
    const organ = pickOf(world.organsByCouncil.get(council.id) ?? [], p.organ)
    if (organ === undefined || bodies.has(`${organ.id}\u0000${p.year}`)) continue
    bodies.add(`${organ.id}\u0000${p.year}`)
    const programme = new Programme.Programme({
      id: `ct${programmes.length}` as never,
      council: council.id,
      organ: organ.id,
      year: p.year,
      title: `Chương trình công tác năm ${p.year} của ${organ.name}`,
      ...(p.adopted === undefined ? {} : { adoptedOn: d(`${p.year}-01-${String(p.adopted).padStart(2, "0")}`) }),
      ...(p.document === undefined ? {} : { document: p.document })
    })
    programmes.push(programme)
    const earlier = items.filter((i) => {
      const of = programmes.find((x) => x.id === i.programme)
      return of !== undefined && of.organ === organ.id && of.year < p.year
    })
    // Activities that can carry an item out: the body's own, in the programme's year, linked once.
    const candidates = activities.filter(
      (a) => a.council === council.id && a.date.from.startsWith(`${p.year}-`) && (a.owner === organ.id || a.organisers.includes(organ.id))
    )
    p.items.forEach((it, k) => {
      const wanted = it.link === "one" ? 1 : it.link === "two" ? 2 : 0
      const first = candidates.find((a) => !linked.has(a.id))
      const links = first === undefined ? [] : candidates.filter((a) => !linked.has(a.id) && a.kind === first.kind).slice(0, wanted)
      for (const a of links) linked.add(a.id)
      const kind = links[0]?.kind ?? it.kind
      const month = links[0] === undefined ? it.month : Number(links[0].date.from.slice(5, 7))
      const window = links.length > 1 ? "year" : it.window
      const from = it.carry === undefined ? undefined : pickOf(earlier.filter((e) => !carried.has(e.id)), it.carry)
      if (from !== undefined) carried.add(from.id)
      items.push(
        new Programme.ProgrammeItem({
          id: `${programme.id}.${k + 1}` as never,
          programme: programme.id,
          kind: kind as never,
          topic: `Nội dung ${k + 1}: ${kind} năm ${p.year}`,
          ...(window === "month" || window === "both" ? { month } : {}),
          ...(window === "quarter" || window === "both" ? { quarter: Math.ceil(month / 3) } : {}),
          ...(links.length > 0 ? { activities: links.map((a) => a.id) } : it.link === "empty" ? { activities: [] } : {}),
          ...(from === undefined ? {} : { carriedFrom: from.id }),
          ...(it.note === undefined ? {} : { note: it.note })
        })
      )
    })
  }
  return { programmes, programmeItems: items }
}

/**
 * Follow-up records over a world and its activities, valid together: recommendations of the world's
 * councils (raised by one of their organs, now and then by an organ of another council, or
 * collected from voters; some from an activity or for a session of their council, after the
 * activity; some voters' petitions merged into an earlier one of their council), responses dated on
 * or after the recommendation was raised and forwarded, evaluations on or after their response;
 * programmes of a body for 2022 or 2023 (one per body and year) whose items may link activities of
 * the body in that year (each at most once), carry an item of an earlier programme of the body, and
 * plan a month, a quarter (agreeing) or the whole year.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const followUpsArb = (world: World, activities: ReadonlyArray<Activity.Activity>, options: FollowUpOptions = {}): fc.Arbitrary<FollowUps> =>
  fc
    .record({
      recommendations: fc.array(recommendationSpecArb, { maxLength: options.maxRecommendations ?? 8 }),
      // Raised by an organ of another council (a district committee at a provincial conference).
      otherCouncil: fc.array(fc.boolean(), { maxLength: options.maxRecommendations ?? 8 }),
      programmes: fc.array(programmeSpecArb, { maxLength: options.maxProgrammes ?? 4 })
    })
    .chain(({ recommendations, otherCouncil, programmes }) =>
      outputsArb(world, options.maxOutputs ?? 4).map((outputs) => ({
        ...buildRecommendations(world, activities, recommendations, otherCouncil.map((b, i) => b && i % 3 === 0)),
        ...buildProgrammes(world, activities, programmes),
        ...outputs
      }))
    )

const RESOLUTION_FIELDS = ["ngan-sach", "dat-dai", "giao-duc", "y-te"] as const
const SUBMITTERS = ["UBND tỉnh", "Thường trực HĐND", "Ban Pháp chế"] as const

const resolutionSpecArb = fc.record({
  council: fc.nat(),
  session: fc.option(fc.nat(), { nil: undefined }),
  kind: fc.constantFrom<Resolution.Resolution["kind"]>("normative", "individual"),
  field: fc.option(fc.constantFrom(...RESOLUTION_FIELDS), { nil: undefined }),
  day: fc.integer({ min: RAISED_FROM, max: RAISED_TO })
})

const documentSpecArb = fc.record({
  council: fc.nat(),
  type: fc.constantFrom(...CouncilDocument.documentTypes),
  session: fc.option(fc.nat(), { nil: undefined }),
  before: fc.integer({ min: 0, max: 40 }),
  day: fc.integer({ min: RAISED_FROM, max: RAISED_TO }),
  reviewers: fc.option(fc.uniqueArray(fc.nat({ max: 7 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  resolution: fc.option(fc.nat(), { nil: undefined }),
  field: fc.option(fc.constantFrom(...RESOLUTION_FIELDS), { nil: undefined }),
  number: fc.option(fc.constantFrom("279/TTr-UBND", "71/BC-HĐND", "12/ĐA-UBND"), { nil: undefined }),
  submitter: fc.option(fc.constantFrom(...SUBMITTERS), { nil: undefined })
})

/**
 * Resolutions adopted and documents submitted over a world (at most `max` of each), valid together: a resolution of a
 * council, adopted on the first day of one of its sessions or on a generated day; a document of a
 * council, submitted up to 40 days before one of its sessions (or on a generated day), reviewed by
 * up to three distinct organs of its council, resulting now and then in a resolution of its council
 * adopted at the same session (or at none).
 *
 * @since 0.2.0
 * @category arbitraries
 */
export const outputsArb = (world: World, max = 8): fc.Arbitrary<Pick<FollowUps, "resolutions" | "documents">> =>
  fc
    .record({ resolutions: fc.array(resolutionSpecArb, { maxLength: max }), documents: fc.array(documentSpecArb, { maxLength: max }) })
    .map((specs) => {
      const resolutions: Array<Resolution.Resolution> = []
      specs.resolutions.forEach((r, i) => {
        const council = world.councils[r.council % world.councils.length]!
        const session = r.session === undefined ? undefined : pickOf(world.sessionsByCouncil.get(council.id) ?? [], r.session)
        resolutions.push(
          new Resolution.Resolution({
            id: `nq${i}` as never,
            council: council.id,
            ...(session === undefined ? {} : { session: session.id }),
            number: `${i + 1}/2023/NQ-HĐND`,
            kind: r.kind,
            ...(r.field === undefined ? {} : { field: r.field }),
            adoptedOn: session === undefined ? CalendarDate.fromDayNumber(r.day) : session.dates.from,
            title: `Nghị quyết nq${i}`
          })
        )
      })
      const documents = specs.documents.map((x, i) => {
        const council = world.councils[x.council % world.councils.length]!
        const session = x.session === undefined ? undefined : pickOf(world.sessionsByCouncil.get(council.id) ?? [], x.session)
        const organs = world.organsByCouncil.get(council.id) ?? []
        const reviewers = x.reviewers === undefined ? [] : [...new Set(x.reviewers.map((k) => pickOf(organs, k)?.id).filter((o) => o !== undefined))]
        const resolution =
          x.resolution === undefined
            ? undefined
            : pickOf(resolutions.filter((r) => r.council === council.id && (r.session === undefined || session === undefined || r.session === session.id)), x.resolution)
        return new CouncilDocument.CouncilDocument({
          id: `vb${i}` as never,
          council: council.id,
          type: x.type,
          ...(session === undefined ? {} : { session: session.id }),
          ...(x.number === undefined ? {} : { number: x.number }),
          ...(x.submitter === undefined ? {} : { submitter: x.submitter }),
          ...(reviewers.length === 0 ? {} : { reviewers: reviewers as never }),
          ...(x.field === undefined ? {} : { field: x.field }),
          submittedOn: session === undefined ? CalendarDate.fromDayNumber(x.day) : dayAfter(session.dates.from, -x.before),
          ...(resolution === undefined ? {} : { resolution: resolution.id }),
          title: `Văn bản vb${i}`
        })
      })
      return { resolutions, documents }
    })
