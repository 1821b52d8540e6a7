/**
 * Reference resolution: a cell may name a council, unit, term, organ, session or meeting by its id
 * or by the words people write ("HĐND tỉnh Sơn La", "Ban Pháp chế", "Kỳ họp thứ 7", "khóa XV",
 * "Tỉnh Sơn La" or the GSO code "14"). Names are compared with {@link Vocabulary.valueKey} (NFC,
 * case, diacritics and punctuation ignored, "Hội đồng nhân dân" = "HĐND"); organs, terms, sessions
 * and meetings are looked up within the record's council, units and councils as of the record's
 * date. An organ that may be of another council (the organ that raised a recommendation) is looked
 * up by id, by name with its council ("Ban Pháp chế HĐND thành phố Sơn La"), within the record's
 * council, then among every council's organs. An unknown or ambiguous name fails with up to five
 * candidates.
 *
 * The resolver knows the structure given to {@link make} (a core `Dataset`, e.g. read from a store)
 * and every structure record {@link Resolver.add}ed since (the earlier rows of the same import). It
 * keeps no activities or tallies, so its memory does not grow with them.
 *
 * @since 0.1.0
 */
import type { AdminUnit, Council, Dataset, Ids, Session } from "@hdnd/core"
import { CalendarDate, Format, Registry, Text } from "@hdnd/core"
import * as Result from "effect/Result"
import { activityShortcuts, lookup, valueKey } from "./Vocabulary.js"

/**
 * Why a reference could not be resolved, with up to five candidates (`"Ban Pháp chế" (c14.pc)`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Unresolved {
  readonly code: "import.unknown-reference" | "import.ambiguous-reference"
  readonly vi: string
  readonly en: string
  readonly candidates: ReadonlyArray<string>
}

/**
 * The result of resolving a reference.
 *
 * @since 0.1.0
 * @category models
 */
export type Resolution<A> = Result.Result<A, Unresolved>

/**
 * An activity kind with the classifying field its label implies ("giám sát chuyên đề" → mode
 * thematic).
 *
 * @since 0.1.0
 * @category models
 */
export interface ResolvedKind {
  readonly kind: Ids.ActivityKindId
  readonly implies?: { readonly field: "subject" | "mode" | "origin"; readonly value: string }
}

/**
 * Resolves references against a known structure.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resolver {
  readonly registry: Registry.Registry
  /** Makes a structure record (unit, council, term, organ, session, meeting) known; others are ignored. */
  add(kind: Dataset.EntityKind, record: unknown): void
  unit(text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.UnitId>
  council(text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.CouncilId>
  term(council: string, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.TermId>
  organ(council: string, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.OrganId>
  /**
   * An organ of any council (a recommendation may be raised by a district committee to the province):
   * by id; by a name with its council ("Ban Pháp chế HĐND thành phố Sơn La"); by name within
   * `prefer` (the record's council, when it has one); or by a name only one council's organs have.
   */
  anyOrgan(prefer: string | undefined, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.OrganId>
  session(council: string, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.SessionId>
  meeting(council: string, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.MeetingId>
  activityKind(text: string): Resolution<ResolvedKind>
  committeeKind(text: string): Resolution<Ids.CommitteeKindId>
  indicator(text: string): Resolution<Ids.IndicatorId>
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/

/**
 * The comparison key of a name: {@link Vocabulary.valueKey} with the usual abbreviations expanded
 * the same way ("Hội đồng nhân dân" and "HĐND", "Thành phố" and "TP.").
 *
 * @since 0.1.0
 * @category text
 */
export const nameKey = (s: string): string =>
  ` ${valueKey(s)} `
    .replace(/ hoi dong nhan dan /g, " hdnd ")
    .replace(/ uy ban nhan dan /g, " ubnd ")
    .replace(/ tp /g, " thanh pho ")
    .replace(/ tx /g, " thi xa ")
    .replace(/ tt /g, " thi tran ")
    .trim()

const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map(
  Array.from({ length: 20 }, (_, i) => [valueKey(Format.ordinalWordVi(i + 1)).replace(/^thu /, ""), i + 1] as const)
)

/**
 * The number in a session or meeting reference: "Kỳ họp thứ 7" → 7, "Kỳ họp chuyên đề lần thứ
 * mười một" → 11, "Phiên họp thứ 26" → 26, "thứ Ba" → 3, "7" → 7; with whether it says the session
 * is special (chuyên đề, bất thường, đột xuất: `true`) or regular (thường lệ: `false`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseOrdinal = (text: string): { readonly ordinal: number; readonly special?: boolean } | undefined => {
  const key = valueKey(text)
  const special = /\b(chuyen de|bat thuong|dot xuat)\b/.test(key) ? true : /\bthuong le\b/.test(key) ? false : undefined
  const tag = special === undefined ? {} : { special }
  if (/^\d+$/.test(key)) return { ordinal: Number(key), ...tag }
  const m = /\bthu ([a-z0-9 ]+)/.exec(key)
  if (m === null) return undefined
  const rest = (m[1] as string).trim()
  const digits = /^(\d+)\b/.exec(rest)
  if (digits !== null) return { ordinal: Number(digits[1]), ...tag }
  const roman = /^([ivxlc]+)\b/.exec(rest)
  const words = [...ORDINAL_WORDS.keys()].filter((w) => rest === w || rest.startsWith(`${w} `)).sort((a, b) => b.length - a.length)[0]
  if (words !== undefined) return { ordinal: ORDINAL_WORDS.get(words) as number, ...tag }
  const r = roman === null ? undefined : Format.fromRoman(roman[1] as string)
  return r === undefined ? undefined : { ordinal: r, ...tag }
}

/**
 * A convocation written as "XV", "khóa XV", "Khóa XV (2021–2026)" or "15", as a Roman numeral.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseConvocation = (text: string): string | undefined => {
  const key = valueKey(text).replace(/^khoa /, "")
  const first = key.split(" ")[0] ?? ""
  if (/^\d+$/.test(first)) {
    const n = Number(first)
    return n >= 1 && n <= 399 ? Format.toRoman(n) : undefined
  }
  const n = Format.fromRoman(first)
  return n === undefined ? undefined : Format.toRoman(n)
}

interface Dated {
  readonly id: string
  readonly validity?: { readonly from: string; readonly to?: string | undefined }
}

const validAt = (r: Dated, at: string | undefined): boolean =>
  at === undefined || r.validity === undefined || (r.validity.from <= at && (r.validity.to === undefined || at <= r.validity.to))

const distance = Text.editDistance

const MAX_CANDIDATES = 5

const label = (r: { readonly id: string; readonly name?: string; readonly label?: string | undefined }): string => {
  const shown = r.name ?? r.label
  return shown === undefined || shown === r.id ? `"${r.id}"` : `"${shown}" (${r.id})`
}

const WHAT = {
  units: ["đơn vị hành chính", "administrative unit"],
  councils: ["HĐND", "council"],
  terms: ["nhiệm kỳ", "term"],
  organs: ["cơ quan", "organ"],
  sessions: ["kỳ họp", "session"],
  meetings: ["phiên họp", "meeting"],
  activityKinds: ["loại hoạt động", "activity kind"],
  committeeKinds: ["loại Ban", "committee kind"],
  indicators: ["chỉ tiêu", "indicator"]
} as const

type What = keyof typeof WHAT

const unknown = <A>(what: What, text: string, candidates: ReadonlyArray<string>, scopeVi = "", scopeEn = ""): Resolution<A> => {
  const [vi, en] = WHAT[what]
  const list = candidates.slice(0, MAX_CANDIDATES)
  return Result.fail({
    code: "import.unknown-reference",
    candidates: list,
    vi: `không tìm thấy ${vi} "${text}"${scopeVi}${list.length > 0 ? `; có phải là: ${list.join(", ")}?` : "; hãy kiểm tra tên hoặc dùng mã"}`,
    en: `no ${en} "${text}"${scopeEn}${list.length > 0 ? `; did you mean: ${list.join(", ")}?` : "; check the name or use the id"}`
  })
}

const ambiguous = <A>(what: What, text: string, candidates: ReadonlyArray<string>): Resolution<A> => {
  const [vi, en] = WHAT[what]
  const list = candidates.slice(0, MAX_CANDIDATES)
  const more = candidates.length > MAX_CANDIDATES ? ` …` : ""
  return Result.fail({
    code: "import.ambiguous-reference",
    candidates: list,
    vi: `"${text}" ứng với nhiều ${vi}: ${list.join(", ")}${more}; hãy ghi mã hoặc tên đầy đủ hơn`,
    en: `"${text}" matches several ${en}s: ${list.join(", ")}${more}; write the id or a fuller name`
  })
}

/** The closest names to `key` among `items` (edit distance on keys, or one containing the other). */
const nearest = <R>(key: string, items: ReadonlyArray<R>, keysOf: (r: R) => ReadonlyArray<string>, show: (r: R) => string): ReadonlyArray<string> => {
  const limit = Math.max(2, Math.floor(key.length / 3))
  return items
    .map((r) => {
      let d = Infinity
      for (const k of keysOf(r)) {
        const dist = k.includes(key) || key.includes(k) ? Math.min(distance(key, k), Math.abs(k.length - key.length) / 4) : distance(key, k)
        d = Math.min(d, dist)
      }
      return { r, d }
    })
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d)
    .slice(0, MAX_CANDIDATES)
    .map((x) => show(x.r))
}

const push = <K, V>(m: Map<K, Array<V>>, k: K, v: V): void => {
  const list = m.get(k)
  if (list === undefined) m.set(k, [v])
  else if (!list.includes(v)) list.push(v)
}

const UNIT_TYPE_WORDS = /^(?:tinh|thanh pho truc thuoc trung uong|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu) /

interface Organ {
  readonly id: string
  readonly council: string
  readonly kind: string
  readonly committeeKind?: string | undefined
  readonly name: string
  readonly validity: { readonly from: string; readonly to?: string | undefined }
}

interface Term {
  readonly id: string
  readonly council: string
  readonly convocation: string
  readonly validity: { readonly from: string; readonly to?: string | undefined }
}

interface Meeting {
  readonly id: string
  readonly council: string
  readonly term?: string | undefined
  readonly ordinal: number
  readonly date: string
  readonly label?: string | undefined
}

class ResolverImpl implements Resolver {
  private readonly units = new Map<string, AdminUnit.AdminUnit>()
  private readonly councils = new Map<string, Council.Council>()
  private readonly terms = new Map<string, Term>()
  private readonly organs = new Map<string, Organ>()
  private readonly sessions = new Map<string, Session.Session>()
  private readonly meetings = new Map<string, Meeting>()
  private readonly unitsByKey = new Map<string, Array<string>>()
  private readonly unitsByCode = new Map<string, Array<string>>()
  private readonly councilsByKey = new Map<string, Array<string>>()
  private readonly councilsByUnit = new Map<string, Array<string>>()
  private readonly byCouncil = {
    terms: new Map<string, Array<string>>(),
    organs: new Map<string, Array<string>>(),
    sessions: new Map<string, Array<string>>(),
    meetings: new Map<string, Array<string>>()
  }
  /** Recent resolutions by method, council, date and text; cleared when a record is added. */
  private readonly memo = new Map<string, Resolution<unknown>>()
  private kindIndex: ReadonlyMap<string, ResolvedKind> | undefined
  private committeeIndex: ReadonlyMap<string, Ids.CommitteeKindId> | undefined
  private indicatorIndex: ReadonlyMap<string, Ids.IndicatorId> | undefined

  constructor(readonly registry: Registry.Registry, dataset: Dataset.Dataset | undefined) {
    if (dataset === undefined) return
    for (const kind of ["units", "councils", "terms", "organs", "sessions", "meetings"] as const) {
      for (const r of dataset[kind].values()) this.add(kind, r)
    }
  }

  private cached<A>(
    method: string,
    scope: string,
    at: string | undefined,
    text: string,
    resolve: () => Resolution<A>,
    /** Ids of the target kind: a text that is one resolves to itself (what `resolve` would say first). */
    ids?: ReadonlyMap<string, unknown>
  ): Resolution<A> {
    if (ids !== undefined && ids.has(text)) return Result.succeed(text as A)
    const key = `${method}\u0000${scope}\u0000${at ?? ""}\u0000${text}`
    const hit = this.memo.get(key)
    if (hit !== undefined) return hit as Resolution<A>
    const result = resolve()
    if (this.memo.size >= 50_000) this.memo.clear()
    this.memo.set(key, result)
    return result
  }

  add(kind: Dataset.EntityKind, record: unknown): void {
    const r = record as { readonly id: string }
    if (this.memo.size > 0) this.memo.clear()
    switch (kind) {
      case "units": {
        const u = record as AdminUnit.AdminUnit
        this.units.set(u.id, u)
        push(this.unitsByKey, nameKey(u.name), u.id)
        push(this.unitsByKey, nameKey(u.name).replace(UNIT_TYPE_WORDS, ""), u.id)
        push(this.unitsByCode, u.code, u.id)
        return
      }
      case "councils": {
        const c = record as Council.Council
        this.councils.set(c.id, c)
        push(this.councilsByKey, nameKey(c.name), c.id)
        push(this.councilsByUnit, c.unit, c.id)
        return
      }
      case "terms":
      case "organs":
      case "sessions":
      case "meetings": {
        const scoped = record as { readonly id: string; readonly council: string }
        ;(this[kind] as Map<string, unknown>).set(r.id, record)
        push(this.byCouncil[kind], scoped.council, scoped.id)
        return
      }
      default:
        return
    }
  }

  private scoped<K extends "terms" | "organs" | "sessions" | "meetings">(
    kind: K,
    council: string
  ): ReadonlyArray<K extends "terms" ? Term : K extends "organs" ? Organ : K extends "sessions" ? Session.Session : Meeting> {
    const map = this[kind] as ReadonlyMap<string, { readonly council: string }>
    return (this.byCouncil[kind].get(council) ?? [])
      .map((id) => map.get(id))
      .filter((r): r is { readonly council: string } => r !== undefined && r.council === council) as never
  }

  /** Narrows candidates to those valid on `at` when that leaves any; resolves one, or fails. */
  private pick<R extends Dated>(what: What, text: string, found: ReadonlyArray<R>, at: string | undefined, show: (r: R) => string): Resolution<string> | undefined {
    if (found.length === 0) return undefined
    const unique = [...new Map(found.map((r) => [r.id, r])).values()]
    const valid = unique.filter((r) => validAt(r, at))
    const pool = valid.length > 0 ? valid : unique
    if (pool.length === 1) return Result.succeed((pool[0] as R).id)
    return ambiguous(what, text, pool.map(show))
  }

  unit(text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.UnitId> {
    return this.cached("unit", "", at, text, () => this._unit(text, at), this.units)
  }

  private _unit(text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.UnitId> {
    const t = text.trim()
    if (this.units.has(t)) return Result.succeed(t as Ids.UnitId)
    const get = (ids: ReadonlyArray<string> | undefined) => (ids ?? []).map((id) => this.units.get(id)).filter((u): u is AdminUnit.AdminUnit => u !== undefined)
    const show = (u: AdminUnit.AdminUnit) => `"${u.name}" (${u.id}, mã ${u.code}${u.validity.to === undefined ? `, từ ${u.validity.from}` : `, ${u.validity.from}–${u.validity.to}`})`
    if (/^\d+$/.test(t)) {
      const r = this.pick("units", t, get(this.unitsByCode.get(t)).filter((u) => u.code === t), at, show)
      return (r ?? unknown("units", t, [], ` (mã ĐVHC)`, ` (GSO code)`)) as Resolution<Ids.UnitId>
    }
    const key = nameKey(t)
    const byName = get(this.unitsByKey.get(key)).filter((u) => nameKey(u.name) === key)
    const bare = byName.length > 0 ? byName : get(this.unitsByKey.get(key.replace(UNIT_TYPE_WORDS, ""))).filter((u) => nameKey(u.name).replace(UNIT_TYPE_WORDS, "") === key.replace(UNIT_TYPE_WORDS, ""))
    const r = this.pick("units", t, bare, at, show)
    if (r !== undefined) return r as Resolution<Ids.UnitId>
    if (ID_PATTERN.test(t)) return Result.succeed(t as Ids.UnitId)
    return unknown("units", t, nearest(key, [...this.units.values()], (u) => [nameKey(u.name)], show))
  }

  council(text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.CouncilId> {
    return this.cached("council", "", at, text, () => this._council(text, at), this.councils)
  }

  private _council(text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.CouncilId> {
    const t = text.trim()
    if (this.councils.has(t)) return Result.succeed(t as Ids.CouncilId)
    const key = nameKey(t)
    const show = (c: Council.Council) => label(c)
    const byName = (this.councilsByKey.get(key) ?? []).map((id) => this.councils.get(id)).filter((c): c is Council.Council => c !== undefined && nameKey(c.name) === key)
    const r = this.pick("councils", t, byName, at, show)
    if (r !== undefined) return r as Resolution<Ids.CouncilId>
    // The council of a unit named or coded so ("Tỉnh Sơn La", "14", "HĐND tỉnh Sơn La" → "tỉnh Sơn La").
    const unitText = key.startsWith("hdnd ") ? t.replace(/^\s*(?:HĐND|Hội đồng nhân dân)\s*/iu, "") : t
    const unit = this.units.size > 0 ? this.unit(unitText, at) : undefined
    if (unit !== undefined && Result.isSuccess(unit) && this.units.has(unit.success)) {
      const ofUnit = (this.councilsByUnit.get(unit.success) ?? []).map((id) => this.councils.get(id)).filter((c): c is Council.Council => c !== undefined)
      const viaUnit = this.pick("councils", t, ofUnit, at, show)
      if (viaUnit !== undefined) return viaUnit as Resolution<Ids.CouncilId>
    }
    if (ID_PATTERN.test(t) && !/^\d+$/.test(t)) return Result.succeed(t as Ids.CouncilId)
    return unknown("councils", t, nearest(key, [...this.councils.values()], (c) => [nameKey(c.name)], show))
  }

  term(council: string, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.TermId> {
    return this.cached("term", council, at, text, () => this._term(council, text, at))
  }

  private _term(council: string, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.TermId> {
    const t = text.trim()
    const own = this.terms.get(t)
    if (own !== undefined) return Result.succeed(t as Ids.TermId)
    const terms = this.scoped("terms", council)
    const show = (x: Term) => `"khóa ${x.convocation}" (${x.id})`
    const roman = parseConvocation(t)
    const r = roman === undefined ? undefined : this.pick("terms", t, terms.filter((x) => x.convocation === roman), at, show)
    if (r !== undefined) return r as Resolution<Ids.TermId>
    if (ID_PATTERN.test(t) && roman === undefined) return Result.succeed(t as Ids.TermId)
    return unknown("terms", t, terms.map(show), ` của HĐND "${council}"`, ` of council "${council}"`)
  }

  organ(council: string, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.OrganId> {
    return this.cached("organ", council, at, text, () => this._organ(council, text, at), this.organs)
  }

  private _organ(council: string, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.OrganId> {
    const t = text.trim()
    if (this.organs.has(t)) return Result.succeed(t as Ids.OrganId)
    const organs = this.scoped("organs", council)
    const show = (o: Organ) => label(o)
    const key = nameKey(t)
    const stripped = key.replace(/ (?:cua )?hdnd(?: .*)?$/, "")
    let found = organs.filter((o) => nameKey(o.name) === key)
    if (found.length === 0 && stripped !== key && stripped !== "") found = organs.filter((o) => nameKey(o.name) === stripped)
    if (found.length === 0) {
      const ck = this.committeeKind(t)
      if (Result.isSuccess(ck) && this.registry.committeeKinds.has(ck.success)) found = organs.filter((o) => o.committeeKind === ck.success)
    }
    if (found.length === 0) {
      const councilKey = nameKey(this.councils.get(council)?.name ?? "\u0000")
      if (/^thuong truc\b/.test(key)) found = organs.filter((o) => o.kind === "standing")
      else if (key === "hdnd" || key === councilKey || /^hdnd (?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)$/.test(key)) {
        found = organs.filter((o) => o.kind === "plenary")
      } else if (lookup("organKind", t)?.code === "delegate-group") found = organs.filter((o) => o.kind === "delegate-group")
    }
    const r = this.pick("organs", t, found, at, show)
    if (r !== undefined) return r as Resolution<Ids.OrganId>
    if (ID_PATTERN.test(t)) return Result.succeed(t as Ids.OrganId)
    const near = nearest(key, organs, (o) => [nameKey(o.name)], show)
    return unknown("organs", t, near.length > 0 ? near : organs.filter((o) => validAt(o, at)).map(show), ` trong HĐND "${council}"`, ` in council "${council}"`)
  }

  anyOrgan(prefer: string | undefined, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.OrganId> {
    return this.cached("anyOrgan", prefer ?? "", at, text, () => this._anyOrgan(prefer, text, at), this.organs)
  }

  private _anyOrgan(prefer: string | undefined, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.OrganId> {
    const t = text.trim()
    if (this.organs.has(t)) return Result.succeed(t as Ids.OrganId)
    const key = nameKey(t)
    const known = (r: Resolution<string>): r is Result.Success<string, Unresolved> => Result.isSuccess(r) && this.councils.has(r.success)
    // A name with its council: "Ban Pháp chế HĐND thành phố Sơn La", "Ban Pháp chế của HĐND huyện Mộc Châu", "HĐND thành phố Sơn La".
    const qualified = /^(?:(.*?)[\s,;:–—-]+(?:của\s+)?)?((?:H[ĐD]ND|Hội đồng nhân dân|Hoi dong nhan dan)\s+\S.*)$/iu.exec(t)
    if (qualified !== null) {
      const councilText = qualified[2] as string
      let c = this.council(councilText, at)
      if (!known(c)) c = this.council(councilText.replace(/^(?:H[ĐD]ND|Hội đồng nhân dân|Hoi dong nhan dan)\s+/iu, ""), at)
      const organText = qualified[1] === undefined || qualified[1] === "" ? councilText : qualified[1]
      if (known(c)) return this.organ(c.success, organText, at)
    }
    if (prefer !== undefined) {
      const own = this.organ(prefer, t, at)
      if (Result.isSuccess(own) ? this.organs.has(own.success) : own.failure.code === "import.ambiguous-reference") return own
    }
    const all = [...this.organs.values()]
    const show = (o: Organ) => `${label(o)} — ${this.councils.get(o.council)?.name ?? o.council}`
    const r = this.pick("organs", t, all.filter((o) => nameKey(o.name) === key), at, show)
    if (r !== undefined) return r as Resolution<Ids.OrganId>
    if (ID_PATTERN.test(t)) return Result.succeed(t as Ids.OrganId)
    const near = nearest(key, all, (o) => [nameKey(o.name)], show)
    return unknown("organs", t, near, "", "")
  }

  /** Candidates narrowed to the term valid on `at` when that leaves any. */
  private inTermAt<R extends { readonly term?: string | undefined }>(found: ReadonlyArray<R>, at: string | undefined): ReadonlyArray<R> {
    if (found.length <= 1 || at === undefined) return found
    const narrowed = found.filter((r) => {
      const term = r.term === undefined ? undefined : this.terms.get(r.term)
      return term !== undefined && validAt(term, at)
    })
    return narrowed.length > 0 ? narrowed : found
  }

  session(council: string, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.SessionId> {
    return this.cached("session", council, at, text, () => this._session(council, text, at), this.sessions)
  }

  private _session(council: string, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.SessionId> {
    const t = text.trim()
    if (this.sessions.has(t)) return Result.succeed(t as Ids.SessionId)
    const sessions = this.scoped("sessions", council)
    const show = (s: Session.Session) => `"${s.label ?? `Kỳ họp ${s.type === "special" ? "chuyên đề " : ""}thứ ${s.ordinal}`}" (${s.id}, ${s.dates.from})`
    const key = nameKey(t)
    // The label as written, and the number it names ("Kỳ họp thứ 7" is the 7th regular session, or
    // the 7th of a single sequence), narrowed to the term of the record's date.
    const byLabel = sessions.filter((s) => s.label !== undefined && nameKey(s.label) === key)
    const parsed = parseOrdinal(t)
    let byOrdinal: ReadonlyArray<Session.Session> = []
    if (parsed !== undefined) {
      const same = sessions.filter((s) => s.ordinal === parsed.ordinal)
      if (parsed.special === true) byOrdinal = same.filter((s) => s.type === "special")
      else if (parsed.special === false) byOrdinal = same.filter((s) => s.type === "regular")
      else {
        const preferred = same.filter((s) => s.series === "all" || s.type === "regular")
        byOrdinal = preferred.length > 0 ? preferred : same
      }
    }
    const found = this.inTermAt([...new Set([...byLabel, ...byOrdinal])], at)
    const r = this.pick("sessions", t, found, undefined, show)
    if (r !== undefined) return r as Resolution<Ids.SessionId>
    if (ID_PATTERN.test(t) && parsed === undefined) return Result.succeed(t as Ids.SessionId)
    const near = nearest(key, sessions, (s) => [nameKey(s.label ?? ""), String(s.ordinal)], show)
    return unknown("sessions", t, near.length > 0 ? near : sessions.slice(-MAX_CANDIDATES).map(show), ` của HĐND "${council}"`, ` of council "${council}"`)
  }

  meeting(council: string, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.MeetingId> {
    return this.cached("meeting", council, at, text, () => this._meeting(council, text, at), this.meetings)
  }

  private _meeting(council: string, text: string, at?: CalendarDate.CalendarDate): Resolution<Ids.MeetingId> {
    const t = text.trim()
    if (this.meetings.has(t)) return Result.succeed(t as Ids.MeetingId)
    const meetings = this.scoped("meetings", council)
    const show = (m: Meeting) => `"${m.label ?? `Phiên họp thứ ${m.ordinal}`}" (${m.id}, ${m.date})`
    const key = nameKey(t)
    const byLabel = meetings.filter((m) => m.label !== undefined && nameKey(m.label) === key)
    const parsed = parseOrdinal(t)
    const byOrdinal = parsed === undefined ? [] : meetings.filter((m) => m.ordinal === parsed.ordinal)
    const found = this.inTermAt([...new Set([...byLabel, ...byOrdinal])], at)
    const r = this.pick("meetings", t, found, undefined, show)
    if (r !== undefined) return r as Resolution<Ids.MeetingId>
    if (ID_PATTERN.test(t) && parsed === undefined) return Result.succeed(t as Ids.MeetingId)
    const near = nearest(key, meetings, (m) => [nameKey(m.label ?? "")], show)
    return unknown("meetings", t, near.length > 0 ? near : meetings.slice(-MAX_CANDIDATES).map(show), ` của HĐND "${council}"`, ` of council "${council}"`)
  }

  activityKind(text: string): Resolution<ResolvedKind> {
    if (this.kindIndex === undefined) {
      const m = new Map<string, ResolvedKind>()
      for (const k of this.registry.activityKinds.values()) m.set(valueKey(k.id), { kind: k.id })
      for (const k of this.registry.activityKinds.values()) {
        for (const s of [k.vi, k.en]) if (!m.has(valueKey(s))) m.set(valueKey(s), { kind: k.id })
      }
      for (const s of activityShortcuts) {
        const kind = s.kind as Ids.ActivityKindId
        if (this.registry.activityKinds.has(kind) && !m.has(valueKey(s.label))) m.set(valueKey(s.label), { kind, implies: s.set })
      }
      this.kindIndex = m
    }
    const t = text.trim()
    if (this.registry.activityKinds.has(t as Ids.ActivityKindId)) return Result.succeed({ kind: t as Ids.ActivityKindId })
    const found = this.kindIndex.get(valueKey(t))
    if (found !== undefined) return Result.succeed(found)
    const all = [...this.registry.activityKinds.values()]
    const near = nearest(valueKey(t), all, (k) => [valueKey(k.vi), valueKey(k.en), valueKey(k.id)], (k) => `"${k.vi}" (${k.id})`)
    return unknown("activityKinds", t, near.length > 0 ? near : all.map((k) => `"${k.vi}" (${k.id})`))
  }

  committeeKind(text: string): Resolution<Ids.CommitteeKindId> {
    if (this.committeeIndex === undefined) {
      const m = new Map<string, Ids.CommitteeKindId>()
      for (const k of this.registry.committeeKinds.values()) m.set(valueKey(k.id), k.id)
      for (const k of this.registry.committeeKinds.values()) {
        for (const s of [k.vi, k.en, ...(k.aliases ?? [])]) {
          if (!m.has(valueKey(s))) m.set(valueKey(s), k.id)
          const bare = valueKey(s).replace(/^ban /, "")
          if (!m.has(bare)) m.set(bare, k.id)
        }
      }
      this.committeeIndex = m
    }
    const t = text.trim()
    const found = this.committeeIndex.get(valueKey(t)) ?? this.committeeIndex.get(valueKey(t).replace(/^ban /, ""))
    if (found !== undefined) return Result.succeed(found)
    const all = [...this.registry.committeeKinds.values()]
    return unknown("committeeKinds", t, all.map((k) => `"${k.vi}" (${k.id})`))
  }

  indicator(text: string): Resolution<Ids.IndicatorId> {
    if (this.indicatorIndex === undefined) {
      const m = new Map<string, Ids.IndicatorId>()
      for (const i of this.registry.indicators.values()) m.set(valueKey(i.id), i.id)
      for (const i of this.registry.indicators.values()) for (const s of [i.vi, i.en]) if (!m.has(valueKey(s))) m.set(valueKey(s), i.id)
      this.indicatorIndex = m
    }
    const t = text.trim()
    if (this.registry.indicators.has(t as Ids.IndicatorId)) return Result.succeed(t as Ids.IndicatorId)
    const found = this.indicatorIndex.get(valueKey(t))
    if (found !== undefined) return Result.succeed(found)
    const all = [...this.registry.indicators.values()]
    return unknown("indicators", t, nearest(valueKey(t), all, (i) => [valueKey(i.vi), valueKey(i.id)], (i) => `"${i.vi}" (${i.id})`))
  }
}

/**
 * Options of {@link make}: the known structure (a core `Dataset`; only its units, councils, terms,
 * organs, sessions and meetings are read) and the registry of activity kinds, committee kinds and
 * indicators (the built-in one by default).
 *
 * @since 0.1.0
 * @category models
 */
export interface ResolverOptions {
  readonly dataset?: Dataset.Dataset
  readonly registry?: Registry.Registry
}

/**
 * Makes a resolver over a known structure.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: ResolverOptions = {}): Resolver => new ResolverImpl(options.registry ?? Registry.builtin, options.dataset)

/**
 * The day before a date, for looking up the units a lineage event ends.
 *
 * @since 0.1.0
 * @category dates
 */
export const dayBefore = (d: CalendarDate.CalendarDate): CalendarDate.CalendarDate => CalendarDate.addDays(d, -1)
