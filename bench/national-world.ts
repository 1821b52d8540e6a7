/**
 * The national world of issue #17, generated: the map after the 2025 reform (34 provinces and 3,321
 * communes, no districts), each with its council and organs (3,355 councils, 13,476 organs), four
 * sessions a year per council over 2026–2035 (134,200), and N activities over those ten years.
 * Deterministic (seeded, with bench/world.ts's PRNG); the activities come in batches from a
 * generator, so that 10 million of them never sit in memory at once. Built without per-record
 * validation, to measure the engine alone.
 */
import { Activity, AdminUnit, CalendarDate, Council, Dataset, Indicators, Session, TabulationRequest } from "@hdnd/core"
import { prng } from "./world.js"

const d = CalendarDate.date

/** The full size: 10 million activities. */
export const FULL_ACTIVITIES = 10_000_000
export const PROVINCES = 34
export const COMMUNES = 3_321
/** Provinces with an ethnic-affairs committee (Ban dân tộc): 22 of 34, giving 13,476 organs. */
export const PROVINCES_WITH_DAN_TOC = 22
export const FIRST_YEAR = 2026
export const YEARS = 10
/** Sessions per council and year: two regular, two special (chuyên đề). */
export const SESSIONS_PER_YEAR = 4
/** A provincial council does this many times the work of a commune council … */
const PROVINCE_WEIGHT = 10
/** … and the first commune of each province (its capital ward) this many times. */
const CAPITAL_WEIGHT = 5

const KINDS = ["review", "review", "review", "supervision", "survey", "advisory", "advisory", "interpellation", "voterMeeting", "citizenReception"] as const
const SUBJECTS = ["draft-resolution", "report", "submission", "scheme"] as const
const MODES = ["thematic", "periodic", "ongoing"] as const
const ORIGINS = ["inter-session", "assigned-by-standing"] as const
/** Session months of a year, in date order: special, regular (mid-year), special, regular (year end). */
const SESSION_MONTHS = [3, 7, 9, 12] as const

export interface NationalWorld {
  /** Units, councils, organs and sessions: what is loaded before the activities. */
  readonly structure: Dataset.Batch
  readonly provinces: ReadonlyArray<string>
  /** Commune unit ids of each province unit id. */
  readonly communesOf: ReadonlyMap<string, ReadonlyArray<string>>
  readonly councilIds: ReadonlyArray<string>
  /** Organs of each council, the plenary first. */
  readonly organsOf: ReadonlyMap<string, ReadonlyArray<Council.Organ>>
}

const councilOf = (unit: string) => `c${unit}`
const sessionId = (council: string, year: number, i: number) => `${council}.s${year}-${i + 1}`

/** Splits `total` into `parts` positive shares (40 to 170 before scaling), seeded. */
const shares = (total: number, parts: number, rnd: () => number): Array<number> => {
  const w = Array.from({ length: parts }, () => 40 + rnd() * 130)
  const sum = w.reduce((a, b) => a + b, 0)
  const out = w.map((x) => Math.max(1, Math.floor((x / sum) * total)))
  let left = total - out.reduce((a, b) => a + b, 0)
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) out[i] = (out[i] as number) + 1
  return out
}

/** The map, councils, organs and sessions (the same for every N). */
export const buildNational = (seed = 2025): NationalWorld => {
  const rnd = prng(seed)
  const units: Array<AdminUnit.AdminUnit> = []
  const councils: Array<Council.Council> = []
  const organs: Array<Council.Organ> = []
  const sessions: Array<Session.Session> = []
  const organsOf = new Map<string, Array<Council.Organ>>()
  const valid = { from: d("2025-07-01") }
  const organ = (council: string, kind: "plenary" | "standing" | "committee", name: string, committeeKind?: string) =>
    new Council.Organ(
      {
        id: `${council}.${committeeKind ?? (kind === "plenary" ? "hdnd" : "tt")}` as never,
        council: council as never,
        kind,
        ...(committeeKind === undefined ? {} : { committeeKind: committeeKind as never }),
        name,
        validity: valid
      },
      { disableChecks: true }
    )
  const addUnit = (id: string, code: string, type: AdminUnit.UnitType, committees: ReadonlyArray<string>, parent?: string) => {
    units.push(new AdminUnit.AdminUnit({ id: id as never, code, name: `Đơn vị ${id}`, type, ...(parent ? { parent: parent as never } : {}), validity: valid }, { disableChecks: true }))
    const cid = councilOf(id)
    councils.push(new Council.Council({ id: cid as never, unit: id as never, name: `HĐND ${id}`, validity: valid }, { disableChecks: true }))
    const list = [organ(cid, "plenary", "HĐND"), organ(cid, "standing", "Thường trực HĐND"), ...committees.map((k) => organ(cid, "committee", `Ban ${k}`, k))]
    organs.push(...list)
    organsOf.set(cid, list)
    for (let y = 0; y < YEARS; y++) {
      const year = FIRST_YEAR + y
      SESSION_MONTHS.forEach((month, i) => {
        const special = i % 2 === 0
        const day = `${year}-${String(month).padStart(2, "0")}-10`
        sessions.push(
          new Session.Session(
            {
              id: sessionId(cid, year, i) as never,
              council: cid as never,
              ordinal: y * SESSIONS_PER_YEAR + i + 1,
              series: "all",
              type: special ? "special" : "regular",
              ...(special ? { specialLabel: "chuyen-de" as const } : {}),
              dates: { from: d(day), to: d(day.replace(/10$/, "12")) }
            },
            { disableChecks: true }
          )
        )
      })
    }
  }
  const provinces: Array<string> = []
  const communesOf = new Map<string, Array<string>>()
  const sizes = shares(COMMUNES, PROVINCES, rnd)
  for (let p = 0; p < PROVINCES; p++) {
    const pid = `p${String(p + 1).padStart(2, "0")}`
    const committees = ["phap-che", "kinh-te-ngan-sach", "van-hoa-xa-hoi", ...(p < PROVINCES_WITH_DAN_TOC ? ["dan-toc"] : [])]
    addUnit(pid, String(p + 1).padStart(2, "0"), "tinh", committees)
    provinces.push(pid)
    const list: Array<string> = []
    for (let c = 0; c < (sizes[p] as number); c++) {
      const id = `${pid}x${String(c + 1).padStart(3, "0")}`
      addUnit(id, `${String(p + 1).padStart(2, "0")}${String(c + 1).padStart(3, "0")}`, "xa", ["kinh-te-ngan-sach", "van-hoa-xa-hoi"], pid)
      list.push(id)
    }
    communesOf.set(pid, list)
  }
  return {
    structure: { units, councils, organs, sessions },
    provinces,
    communesOf,
    councilIds: councils.map((c) => c.id),
    organsOf
  }
}

/**
 * The activities, in batches of `size`: `n` of them, ids `${prefix}${i}`, seeded. The same
 * arguments give the same records, so the hdnd load and the raw COPY write the same rows.
 */
export function* activityBatches(
  world: NationalWorld,
  n: number,
  size: number,
  /** `years`: the activities fall in the first this many years of the ten (default all ten). */
  options: { readonly seed?: number; readonly prefix?: string; readonly years?: number } = {}
): Generator<Array<Activity.Activity>> {
  const rnd = prng(options.seed ?? 17)
  const prefix = options.prefix ?? "a"
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(rnd() * xs.length)] as A
  // Councils drawn by weight: a cumulative table searched by bisection.
  const capitals = new Set(world.provinces.map((p) => councilOf((world.communesOf.get(p) as ReadonlyArray<string>)[0] as string)))
  const provinceCouncils = new Set(world.provinces.map(councilOf))
  const cumulative: Array<number> = []
  let sum = 0
  for (const c of world.councilIds) cumulative.push((sum += provinceCouncils.has(c) ? PROVINCE_WEIGHT : capitals.has(c) ? CAPITAL_WEIGHT : 1))
  const pickCouncil = (): string => {
    const x = rnd() * sum
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] as number) > x) hi = mid
      else lo = mid + 1
    }
    return world.councilIds[lo] as string
  }
  const day0 = CalendarDate.toDayNumber(d(`${FIRST_YEAR}-01-01`))
  const years = Math.min(YEARS, Math.max(1, Math.round(options.years ?? YEARS)))
  const days = CalendarDate.toDayNumber(d(`${FIRST_YEAR + years - 1}-12-31`)) - day0 + 1
  let batch: Array<Activity.Activity> = []
  for (let i = 0; i < n; i++) {
    const council = pickCouncil()
    const os = world.organsOf.get(council) as ReadonlyArray<Council.Organ>
    const kind = pick(KINDS)
    const from = CalendarDate.fromDayNumber(day0 + Math.floor(rnd() * days))
    const owner = pick(os)
    const organisers = rnd() < 0.1 ? [owner.id, pick(os).id] : [owner.id]
    const session = rnd() < 0.6 ? sessionId(council, Number(from.slice(0, 4)), Math.floor(rnd() * SESSIONS_PER_YEAR)) : undefined
    batch.push(
      new Activity.Activity(
        {
          id: `${prefix}${i}` as never,
          council: council as never,
          kind: kind as never,
          owner: owner.id,
          organisers: [...new Set(organisers)] as never,
          date: { from },
          ...(session === undefined ? {} : { session: session as never }),
          title: "Hoạt động",
          ...(kind === "review" ? { subject: pick(SUBJECTS) } : {}),
          ...(kind === "supervision" ? { mode: pick(MODES) } : {}),
          ...(kind === "advisory" ? { origin: pick(ORIGINS) } : {})
        },
        { disableChecks: true }
      )
    )
    if (batch.length === size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/**
 * The year a benchmark counts when the first `years` years are loaded: 2030, or the last loaded
 * year when fewer than five are.
 */
export const measuredYear = (years: number, year = 2030): number => Math.min(year, FIRST_YEAR + years - 1)

/** The six indicators of bench/world.ts's `benchRequest`. */
export const INDICATORS = [
  Indicators.ids.reviewContent,
  Indicators.ids.reviewSessions,
  Indicators.ids.supervisionPeriodicOngoing,
  Indicators.ids.surveyThematicSupervision,
  Indicators.ids.advisoryAssigned,
  Indicators.ids.supervisionCouncil
] as const

/** The measured scopes. */
export type ScopeName = "commune" | "province" | "national"

/** The councils a scope counts: a commune (the first province's capital), a province with its communes, or all of them. */
export const scopeCouncils = (world: NationalWorld, scope: ScopeName, provinceIndex = 0): ReadonlyArray<string> => {
  const province = world.provinces[provinceIndex] as string
  const communes = world.communesOf.get(province) as ReadonlyArray<string>
  switch (scope) {
    case "commune":
      return [councilOf(communes[0] as string)]
    case "province":
      return [province, ...communes].map(councilOf)
    case "national":
      return world.councilIds
  }
}

/**
 * bench/world.ts's 4-dimension request over one year, scoped to the first commune of a province
 * (the first by default), that province (its subtree), or the whole country (every council: the map has no
 * national unit above the provinces).
 */
export const yearRequest = (world: NationalWorld, scope: ScopeName, year: number, provinceIndex = 0): TabulationRequest.TabulationRequest => {
  const province = world.provinces[provinceIndex] as string
  const asOf = d(`${year}-06-30`)
  return {
    indicators: [...INDICATORS],
    scope:
      scope === "commune"
        ? TabulationRequest.subtree((world.communesOf.get(province) as ReadonlyArray<string>)[0] as never, asOf)
        : scope === "province"
          ? TabulationRequest.subtree(province as never, asOf)
          : TabulationRequest.councils(world.councilIds as never),
    period: CalendarDate.period(`${year}-01-01`, `${year}-12-31`),
    groupBy: ["council", "kind", "month", "ownerKind"]
  }
}
