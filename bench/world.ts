/**
 * A large generated dataset for benchmarks: one province, 20 districts, 10 communes each, every
 * council with a plenary, a standing committee and committees, 12 sessions, and N activities spread
 * over 2023. Deterministic (seeded), built without per-record validation to measure the engine alone.
 */
import { Activity, AdminUnit, CalendarDate, Council, Dataset, Indicators, Session, TabulationRequest } from "@hdnd/core"

const d = CalendarDate.date

export interface World {
  readonly ds: Dataset.Dataset
  readonly activities: number
}

/** A small, fast, seeded PRNG (mulberry32). */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const KINDS = ["review", "review", "review", "supervision", "survey", "advisory", "advisory", "interpellation", "voterMeeting", "citizenReception"] as const
const SUBJECTS = ["draft-resolution", "report", "submission", "scheme"] as const
const MODES = ["thematic", "periodic", "ongoing"] as const
const ORIGINS = ["inter-session", "assigned-by-standing"] as const

export const buildWorld = (n: number, seed = 42): World => {
  const rnd = prng(seed)
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(rnd() * xs.length)] as A
  const units = new Map<string, AdminUnit.AdminUnit>()
  const councils = new Map<string, Council.Council>()
  const organs = new Map<string, Council.Organ>()
  const sessions = new Map<string, Session.Session>()
  const organsOf = new Map<string, Array<Council.Organ>>()
  const sessionsOf = new Map<string, Array<Session.Session>>()
  const addUnit = (id: string, code: string, type: AdminUnit.UnitType, parent?: string) => {
    units.set(id, new AdminUnit.AdminUnit({ id: id as never, code, name: `Đơn vị ${id}`, type, ...(parent ? { parent: parent as never } : {}), validity: { from: d("2016-01-01"), to: d("2025-06-30") } }, { disableChecks: true }))
    const cid = `c${id}`
    councils.set(cid, new Council.Council({ id: cid as never, unit: id as never, name: `HĐND ${id}`, validity: { from: d("2016-01-01"), to: d("2025-06-30") } }, { disableChecks: true }))
    const level = AdminUnit.levelOfUnitType[type]
    const kinds = level === "province" ? ["phap-che", "kinh-te-ngan-sach", "van-hoa-xa-hoi", "dan-toc"] : ["phap-che", "kinh-te-xa-hoi"]
    const list: Array<Council.Organ> = [
      new Council.Organ({ id: `${cid}.hdnd` as never, council: cid as never, kind: "plenary", name: "HĐND", validity: { from: d("2021-06-01"), to: d("2025-06-30") } }, { disableChecks: true }),
      new Council.Organ({ id: `${cid}.tt` as never, council: cid as never, kind: "standing", name: "Thường trực", validity: { from: d("2021-06-01"), to: d("2025-06-30") } }, { disableChecks: true }),
      ...kinds.map((k) => new Council.Organ({ id: `${cid}.${k}` as never, council: cid as never, kind: "committee", committeeKind: k as never, name: `Ban ${k}`, validity: { from: d("2021-06-01"), to: d("2025-06-30") } }, { disableChecks: true }))
    ]
    for (const o of list) organs.set(o.id, o)
    organsOf.set(cid, list)
    const ss: Array<Session.Session> = []
    for (let i = 1; i <= 12; i++) {
      const special = i % 3 === 0
      const s = new Session.Session({ id: `${cid}.kh${i}` as never, council: cid as never, ordinal: i, series: "all", type: special ? "special" : "regular", ...(special ? { specialLabel: "chuyen-de" as const } : {}), dates: { from: d(`2023-${String(i).padStart(2, "0")}-10`), to: d(`2023-${String(i).padStart(2, "0")}-11`) } }, { disableChecks: true })
      sessions.set(s.id, s)
      ss.push(s)
    }
    sessionsOf.set(cid, ss)
  }
  addUnit("p", "14", "tinh")
  for (let i = 0; i < 20; i++) {
    addUnit(`d${i}`, String(100 + i), "huyen", "p")
    for (let j = 0; j < 10; j++) addUnit(`d${i}x${j}`, String(10000 + i * 100 + j), "xa", `d${i}`)
  }
  const councilIds = [...councils.keys()]
  const activities = new Map<string, Activity.Activity>()
  const byCouncil = new Map<string, Map<string, Activity.Activity>>(councilIds.map((c) => [c, new Map()]))
  for (let i = 0; i < n; i++) {
    const council = pick(councilIds)
    const os = organsOf.get(council)!
    const kind = pick(KINDS)
    const day = 1 + Math.floor(rnd() * 365)
    const from = CalendarDate.fromDayNumber(CalendarDate.toDayNumber(d("2022-12-31")) + day)
    const owner = pick(os)
    const organisers = rnd() < 0.1 ? [owner.id, pick(os).id] : [owner.id]
    const session = rnd() < 0.6 ? pick(sessionsOf.get(council)!).id : undefined
    const a = new Activity.Activity(
      {
        id: `a${i}` as never,
        council: council as never,
        kind: kind as never,
        owner: owner.id,
        organisers: [...new Set(organisers)] as never,
        date: { from },
        ...(session === undefined ? {} : { session }),
        title: "Hoạt động",
        ...(kind === "review" ? { subject: pick(SUBJECTS) } : {}),
        ...(kind === "supervision" ? { mode: pick(MODES) } : {}),
        ...(kind === "advisory" ? { origin: pick(ORIGINS) } : {})
      },
      { disableChecks: true }
    )
    activities.set(a.id, a)
    byCouncil.get(council)!.set(a.id, a)
  }
  const ds: Dataset.Dataset = {
    ...Dataset.empty,
    units: units as never,
    councils: councils as never,
    organs: organs as never,
    sessions: sessions as never,
    activities: activities as never,
    activitiesByCouncil: byCouncil as never
  }
  return { ds, activities: n }
}

/** The request every tabulation benchmark times: six indicators over 2023 by 4 dimensions. */
export const benchRequest: TabulationRequest.TabulationRequest = {
  indicators: [
    Indicators.ids.reviewContent,
    Indicators.ids.reviewSessions,
    Indicators.ids.supervisionPeriodicOngoing,
    Indicators.ids.surveyThematicSupervision,
    Indicators.ids.advisoryAssigned,
    Indicators.ids.supervisionCouncil
  ],
  scope: TabulationRequest.subtree("p" as never, CalendarDate.date("2023-06-30")),
  period: CalendarDate.period("2023-01-01", "2023-12-31"),
  groupBy: ["council", "kind", "month", "ownerKind"]
}
