/**
 * The People's Councils of Sơn La, their terms and organs (HDND-DOMAIN.md §2, §5): HĐND tỉnh Sơn La
 * (khóa XV) with its Thường trực and four committees; the 12 district councils (13 with thị xã Mộc
 * Châu) with Ban Pháp chế and Ban Kinh tế – Xã hội until 30 June 2025; the 75 commune councils from
 * 1 July 2025 with Ban Kinh tế – Ngân sách and Ban Văn hóa – Xã hội.
 *
 * A council exists only while its unit does: a district council ends by 30 June 2025, a commune
 * council starts on 1 July 2025. Organs are recorded for the term that elected them where a term is
 * recorded, otherwise for the council's whole validity.
 *
 * Confidence tags follow HDND-DOMAIN.md: [V] verified, [S] secondary source, [U] unverified.
 *
 * @since 0.1.0
 */
import { CalendarDate, Council, Ids } from "@hdnd/core"
import type { Commune, District } from "./Units.js"
import { communes2025, communeUnitId, districts, districtUnitId, districtVersions, PROVINCE_UNIT_ID, province, REFORM_DATE } from "./Units.js"

const { date } = CalendarDate

/**
 * The id of HĐND tỉnh Sơn La.
 *
 * @since 0.1.0
 * @category ids
 */
export const PROVINCE_COUNCIL_ID: Ids.CouncilId = Ids.CouncilId.make("hdnd-tinh-son-la")

/**
 * The first day of khóa XV: its first session was held on 25/6/2021 [S] (§5.1).
 *
 * @since 0.1.0
 * @category data
 */
export const PROVINCE_TERM_FROM: CalendarDate.CalendarDate = date("2021-06-25")

/**
 * The first day of the district councils' 2021–2026 terms: first sessions were held in late June 2021;
 * the day is a placeholder [U] §1.2.
 *
 * @since 0.1.0
 * @category data
 */
export const DISTRICT_TERM_FROM: CalendarDate.CalendarDate = date("2021-06-28")

/**
 * The election of the 2021–2026 councils: 23/5/2021 [S] (§1.2).
 *
 * @since 0.1.0
 * @category data
 */
export const ELECTION_2021: CalendarDate.CalendarDate = date("2021-05-23")

/**
 * The committee kinds used here (all built into `@hdnd/core`).
 *
 * @since 0.1.0
 * @category models
 */
export type CommitteeKind = "phap-che" | "kinh-te-ngan-sach" | "van-hoa-xa-hoi" | "dan-toc" | "kinh-te-xa-hoi"

/**
 * The Vietnamese names of the committee kinds, as core labels them.
 *
 * @since 0.1.0
 * @category data
 */
export const committeeNames: Readonly<Record<CommitteeKind, string>> = {
  "phap-che": "Ban Pháp chế",
  "kinh-te-ngan-sach": "Ban Kinh tế – Ngân sách",
  "van-hoa-xa-hoi": "Ban Văn hóa – Xã hội",
  "dan-toc": "Ban Dân tộc",
  "kinh-te-xa-hoi": "Ban Kinh tế – Xã hội"
}

/**
 * The four committees of HĐND tỉnh Sơn La khóa XV: Ban Pháp chế [S] S62; Ban Kinh tế – Ngân sách, Ban
 * Văn hóa – Xã hội and Ban Dân tộc [S] S76 (§5.1). Ban Dân tộc is a conditional committee in core's
 * rules ("nơi nào có nhiều đồng bào dân tộc thiểu số").
 *
 * @since 0.1.0
 * @category data
 */
export const PROVINCE_COMMITTEES: ReadonlyArray<CommitteeKind> = ["phap-che", "kinh-te-ngan-sach", "van-hoa-xa-hoi", "dan-toc"]

/**
 * The two committees of every district council until 30 June 2025: Ban Pháp chế and Ban Kinh tế – Xã
 * hội [S] (§2.3, §5.2). Whether any Sơn La district council also had a Ban Dân tộc is unverified
 * [U] §9 item 3, so none is recorded.
 *
 * @since 0.1.0
 * @category data
 */
export const DISTRICT_COMMITTEES: ReadonlyArray<CommitteeKind> = ["phap-che", "kinh-te-xa-hoi"]

/**
 * The two committees of a commune council from 1 July 2025 under Law 72/2025 Art. 29: Ban Kinh tế –
 * Ngân sách and Ban Văn hóa – Xã hội, no Ban Pháp chế [S] S43, S35 (§2.3). Not checked against Sơn
 * La practice [U] §5.3, §9 item 4.
 *
 * @since 0.1.0
 * @category data
 */
export const COMMUNE_COMMITTEES: ReadonlyArray<CommitteeKind> = ["kinh-te-ngan-sach", "van-hoa-xa-hoi"]

/**
 * The id of a district-level council: `hdnd-<slug>` ("hdnd-huyen-mai-son", "hdnd-tp-son-la",
 * "hdnd-thi-xa-moc-chau" for the thị xã version of code 123).
 *
 * @since 0.1.0
 * @category ids
 */
export const districtCouncilId = (code: string, validFrom?: CalendarDate.CalendarDate): Ids.CouncilId => {
  const spec = districtVersions.find((d) => d.code === code && (validFrom === undefined ? districts.includes(d) : d.validFrom === validFrom))
  if (spec === undefined) throw new RangeError(`no district-level unit with GSO code ${code}${validFrom === undefined ? "" : ` from ${validFrom}`} in Sơn La`)
  return Ids.CouncilId.make(`hdnd-${spec.slug}`)
}

/**
 * The id of a commune council from 1 July 2025: `hdnd-<xa|phuong>-<slug>-2025` ("hdnd-xa-chieng-son-2025").
 * The year keeps it apart from the council of a pre-reform commune of the same name.
 *
 * @since 0.1.0
 * @category ids
 */
export const communeCouncilId = (code: string): Ids.CouncilId => {
  const spec = communes2025.find((x) => x.code === code)
  if (spec === undefined) throw new RangeError(`no commune-level unit with GSO code ${code} in Sơn La from 2025-07-01`)
  return Ids.CouncilId.make(`hdnd-${spec.type === "xa" ? "xa" : "phuong"}-${spec.slug}-2025`)
}

/**
 * Organ ids of a council: `<council>/hdnd`, `<council>/thuong-truc`, `<council>/ban-<kind>`.
 *
 * @since 0.1.0
 * @category ids
 */
export const organId = (council: string, organ: "hdnd" | "thuong-truc" | CommitteeKind): Ids.OrganId =>
  Ids.OrganId.make(organ === "hdnd" || organ === "thuong-truc" ? `${council}/${organ}` : `${council}/ban-${organ}`)

/**
 * The id of a term: `<council>/khoa-<convocation in lower case>` ("hdnd-tinh-son-la/khoa-xv").
 *
 * @since 0.1.0
 * @category ids
 */
export const termId = (council: string, convocation: string): Ids.TermId => Ids.TermId.make(`${council}/khoa-${convocation.toLowerCase()}`)

/**
 * The id of khóa XV of HĐND tỉnh Sơn La.
 *
 * @since 0.1.0
 * @category ids
 */
export const PROVINCE_TERM_ID: Ids.TermId = termId(PROVINCE_COUNCIL_ID, "XV")

/**
 * One council with its term (if recorded) and organs.
 *
 * @since 0.1.0
 * @category models
 */
export interface CouncilRecords {
  readonly council: Council.Council
  readonly term: Council.Term | undefined
  readonly organs: ReadonlyArray<Council.Organ>
}

const councilRecords = (
  council: Council.Council,
  place: string,
  term: { readonly convocation: string; readonly validity: CalendarDate.DateRange } | undefined,
  committees: ReadonlyArray<CommitteeKind>,
  organValidity: CalendarDate.DateRange
): CouncilRecords => {
  const id = council.id
  const organ = (kind: "hdnd" | "thuong-truc" | CommitteeKind, name: string): Council.Organ =>
    new Council.Organ({
      id: organId(id, kind),
      council: id,
      kind: kind === "hdnd" ? "plenary" : kind === "thuong-truc" ? "standing" : "committee",
      ...(kind === "hdnd" || kind === "thuong-truc" ? {} : { committeeKind: Ids.CommitteeKindId.make(kind) }),
      name,
      validity: organValidity
    })
  return {
    council,
    term:
      term === undefined
        ? undefined
        : new Council.Term({ id: termId(id, term.convocation), council: id, convocation: term.convocation, validity: term.validity, electionDate: ELECTION_2021 }),
    organs: [
      organ("hdnd", `Hội đồng nhân dân ${place}`),
      organ("thuong-truc", `Thường trực HĐND ${place}`),
      ...committees.map((k) => organ(k, `${committeeNames[k]} HĐND ${place}`))
    ]
  }
}

/**
 * HĐND tỉnh Sơn La, from the code-table date (older in fact), open-ended; khóa XV from its first
 * session (25/6/2021 [S]), left open: the 2021–2026 term was shortened and ends when the council
 * elected on 15/3/2026 [S] first meets, a date the brief does not give, so khóa XVI (2026–2031) is not
 * recorded [U] §1.2. Organs are recorded for khóa XV.
 *
 * @since 0.1.0
 * @category data
 */
export const provinceCouncil: CouncilRecords = councilRecords(
  new Council.Council({ id: PROVINCE_COUNCIL_ID, unit: PROVINCE_UNIT_ID, name: "HĐND tỉnh Sơn La", validity: province.validity }),
  "tỉnh Sơn La",
  { convocation: "XV", validity: { from: PROVINCE_TERM_FROM } },
  PROVINCE_COMMITTEES,
  { from: PROVINCE_TERM_FROM }
)

const districtCouncil = (d: District): CouncilRecords => {
  // The 2021–2026 term of a district council, cut at the end of its unit version. Thị xã Mộc Châu's
  // council continues huyện Mộc Châu's term in fact; the model gives each unit version its own council,
  // so it gets its own term record with the same (placeholder) convocation [U].
  const termValidity = { from: d.validFrom > DISTRICT_TERM_FROM ? d.validFrom : DISTRICT_TERM_FROM, to: d.validTo }
  return councilRecords(
    new Council.Council({
      id: districtCouncilId(d.code, d.validFrom),
      unit: districtUnitId(d.code, d.validFrom),
      name: `HĐND ${d.place}`,
      validity: { from: d.validFrom, to: d.validTo }
    }),
    d.place,
    { convocation: d.convocation, validity: termValidity },
    DISTRICT_COMMITTEES,
    termValidity
  )
}

/**
 * The district councils: the 12 of 2022–2023 in code order, then HĐND thị xã Mộc Châu. Each ends with
 * its unit version; all have ended by 30 June 2025 [V] (§5.2).
 *
 * @since 0.1.0
 * @category data
 */
export const districtCouncils: ReadonlyArray<CouncilRecords> = districtVersions.map(districtCouncil)

const communeCouncil = (x: Commune): CouncilRecords => {
  const place = `${x.type === "xa" ? "xã" : "phường"} ${x.name.replace(/^(Xã|Phường) /u, "")}`
  // No term is recorded: the brief attests no convocation (khóa) for the new communes' councils [U]
  // §1.2, §5.3. Their organs run from 1 July 2025, open-ended.
  return councilRecords(
    new Council.Council({ id: communeCouncilId(x.code), unit: communeUnitId(x.code), name: `HĐND ${place}`, validity: { from: REFORM_DATE } }),
    place,
    undefined,
    COMMUNE_COMMITTEES,
    { from: REFORM_DATE }
  )
}

/**
 * The 75 commune councils from 1 July 2025, in the order of {@link communes2025}.
 *
 * @since 0.1.0
 * @category data
 */
export const communeCouncils: ReadonlyArray<CouncilRecords> = communes2025.map(communeCouncil)

/**
 * Every council with its records: the province, the district councils, the commune councils.
 *
 * @since 0.1.0
 * @category data
 */
export const allCouncils: ReadonlyArray<CouncilRecords> = [provinceCouncil, ...districtCouncils, ...communeCouncils]

/**
 * Every council (1 + 13 + 75 = 89).
 *
 * @since 0.1.0
 * @category data
 */
export const councils: ReadonlyArray<Council.Council> = allCouncils.map((x) => x.council)

/**
 * Every recorded term (1 + 13 = 14; none for the commune councils).
 *
 * @since 0.1.0
 * @category data
 */
export const terms: ReadonlyArray<Council.Term> = allCouncils.flatMap((x) => (x.term === undefined ? [] : [x.term]))

/**
 * Every organ: plenary, Thường trực and committees of each council (6 + 13 × 4 + 75 × 4 = 358).
 *
 * @since 0.1.0
 * @category data
 */
export const organs: ReadonlyArray<Council.Organ> = allCouncils.flatMap((x) => x.organs)
