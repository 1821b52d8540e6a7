/**
 * Step 2 (continued): the People's Councils, their term and organs. ILLUSTRATIVE data.
 *
 * - HĐND thành phố Đà Nẵng from 1 July 2025 (the council of the merged city [U]), its term (khóa X [U]),
 *   plenary, Thường trực and four committees: Ban Pháp chế, Ban Kinh tế – Ngân sách, Ban Văn hóa – Xã
 *   hội and **Ban Đô thị**, which a centrally-run city adds (Law 72/2025 Art. 29 [S]; HDND-DOMAIN.md
 *   §2.3; core's rule `core/city-2016`). Whether the merged council also set up a Ban Dân tộc (a
 *   conditional committee) was not checked [U], so none is recorded.
 * - The councils of the example's communes (not the đặc khu), each with Ban Kinh tế – Ngân sách and
 *   Ban Văn hóa – Xã hội, as core's rule `core/commune-2025` allows from 1 July 2025 [S].
 *
 * `PluginHost.load` validates all of it against the built-in committee rules: a Ban Đô thị on a
 * commune council, for instance, would be refused.
 *
 * @since 0.1.0
 */
import { CalendarDate, Council, Ids } from "@hdnd/core"
import type { Commune } from "./Units.js"
import { CITY_UNIT_ID, communes, communeUnitId, NAMESPACE, REFORM_DATE } from "./Units.js"

/**
 * The committee kinds used here, all built into `@hdnd/core`.
 *
 * @since 0.1.0
 * @category models
 */
export type CommitteeKind = "phap-che" | "kinh-te-ngan-sach" | "van-hoa-xa-hoi" | "do-thi"

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
  "do-thi": "Ban Đô thị"
}

/**
 * The committees of the city council: the three of every provincial council, plus Ban Đô thị.
 *
 * @since 0.1.0
 * @category data
 */
export const CITY_COMMITTEES: ReadonlyArray<CommitteeKind> = ["phap-che", "kinh-te-ngan-sach", "van-hoa-xa-hoi", "do-thi"]

/**
 * The committees of a commune council from 1 July 2025 (no Ban Pháp chế) [S].
 *
 * @since 0.1.0
 * @category data
 */
export const COMMUNE_COMMITTEES: ReadonlyArray<CommitteeKind> = ["kinh-te-ngan-sach", "van-hoa-xa-hoi"]

/**
 * The id of HĐND thành phố Đà Nẵng.
 *
 * @since 0.1.0
 * @category ids
 */
export const CITY_COUNCIL_ID: Ids.CouncilId = Ids.CouncilId.make(`${NAMESPACE}/hdnd-thanh-pho`)

/**
 * The convocation of the city council's 2021–2026 term: khóa X [U] (from background knowledge; the
 * merged council is assumed to keep it).
 *
 * @since 0.1.0
 * @category data
 */
export const CITY_CONVOCATION = "X"

/**
 * The election of the 2021–2026 councils: 23/5/2021 [S] (HDND-DOMAIN.md §1.2).
 *
 * @since 0.1.0
 * @category data
 */
export const ELECTION_2021: CalendarDate.CalendarDate = CalendarDate.date("2021-05-23")

/**
 * Organ ids of a council: `<council>/hdnd`, `<council>/thuong-truc`, `<council>/ban-<kind>`.
 *
 * @since 0.1.0
 * @category ids
 */
export const organId = (council: Ids.CouncilId, organ: "hdnd" | "thuong-truc" | CommitteeKind): Ids.OrganId =>
  Ids.OrganId.make(organ === "hdnd" || organ === "thuong-truc" ? `${council}/${organ}` : `${council}/ban-${organ}`)

/**
 * The id of the city council's term: `da-nang/hdnd-thanh-pho/khoa-x`.
 *
 * @since 0.1.0
 * @category ids
 */
export const CITY_TERM_ID: Ids.TermId = Ids.TermId.make(`${CITY_COUNCIL_ID}/khoa-${CITY_CONVOCATION.toLowerCase()}`)

const organs = (council: Ids.CouncilId, place: string, committees: ReadonlyArray<CommitteeKind>): ReadonlyArray<Council.Organ> => {
  const organ = (kind: "hdnd" | "thuong-truc" | CommitteeKind, name: string): Council.Organ =>
    new Council.Organ({
      id: organId(council, kind),
      council,
      kind: kind === "hdnd" ? "plenary" : kind === "thuong-truc" ? "standing" : "committee",
      ...(kind === "hdnd" || kind === "thuong-truc" ? {} : { committeeKind: Ids.CommitteeKindId.make(kind) }),
      name,
      validity: { from: REFORM_DATE }
    })
  return [
    organ("hdnd", `Hội đồng nhân dân ${place}`),
    organ("thuong-truc", `Thường trực HĐND ${place}`),
    ...committees.map((k) => organ(k, `${committeeNames[k]} HĐND ${place}`))
  ]
}

/**
 * HĐND thành phố Đà Nẵng, from 1 July 2025, open-ended.
 *
 * @since 0.1.0
 * @category data
 */
export const cityCouncil: Council.Council = new Council.Council({
  id: CITY_COUNCIL_ID,
  unit: CITY_UNIT_ID,
  name: "HĐND thành phố Đà Nẵng",
  validity: { from: REFORM_DATE }
})

/**
 * Khóa X of the city council, recorded from 1 July 2025 (the first day of the council record) and left
 * open: the 2021–2026 term was shortened and ends when the council elected on 15/3/2026 [S] first
 * meets, a date the domain brief does not give.
 *
 * @since 0.1.0
 * @category data
 */
export const cityTerm: Council.Term = new Council.Term({
  id: CITY_TERM_ID,
  council: CITY_COUNCIL_ID,
  convocation: CITY_CONVOCATION,
  validity: { from: REFORM_DATE },
  electionDate: ELECTION_2021
})

/**
 * The organs of the city council: plenary, Thường trực, Ban Pháp chế, Ban Kinh tế – Ngân sách, Ban
 * Văn hóa – Xã hội and Ban Đô thị.
 *
 * @since 0.1.0
 * @category data
 */
export const cityOrgans: ReadonlyArray<Council.Organ> = organs(CITY_COUNCIL_ID, "thành phố Đà Nẵng", CITY_COMMITTEES)

/**
 * The id of a commune council: `da-nang/hdnd-<slug>` ("da-nang/hdnd-phuong-hai-chau").
 *
 * @since 0.1.0
 * @category ids
 */
export const communeCouncilId = (x: Commune): Ids.CouncilId => Ids.CouncilId.make(`${NAMESPACE}/hdnd-${x.slug}`)

const place = (x: Commune): string => x.name.replace(/^(Phường|Xã|Đặc khu)/u, (t) => t.toLocaleLowerCase("vi"))

/**
 * The commune councils (every example commune but the đặc khu), from 1 July 2025. No term is recorded
 * for them.
 *
 * @since 0.1.0
 * @category data
 */
export const communeCouncils: ReadonlyArray<Council.Council> = communes
  .filter((x) => x.hasCouncil)
  .map((x) => new Council.Council({ id: communeCouncilId(x), unit: communeUnitId(x), name: `HĐND ${place(x)}`, validity: { from: REFORM_DATE } }))

/**
 * The organs of the commune councils: plenary, Thường trực and their two committees.
 *
 * @since 0.1.0
 * @category data
 */
export const communeOrgans: ReadonlyArray<Council.Organ> = communes
  .filter((x) => x.hasCouncil)
  .flatMap((x) => organs(communeCouncilId(x), place(x), COMMUNE_COMMITTEES))

/**
 * Every council: the city's, then the communes'.
 *
 * @since 0.1.0
 * @category data
 */
export const councils: ReadonlyArray<Council.Council> = [cityCouncil, ...communeCouncils]

/**
 * Every recorded term (the city council's only).
 *
 * @since 0.1.0
 * @category data
 */
export const terms: ReadonlyArray<Council.Term> = [cityTerm]

/**
 * Every organ.
 *
 * @since 0.1.0
 * @category data
 */
export const allOrgans: ReadonlyArray<Council.Organ> = [...cityOrgans, ...communeOrgans]
