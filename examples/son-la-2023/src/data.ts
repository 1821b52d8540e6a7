/**
 * The Sơn La dataset behind the committee report of October 2023 (HDND-DOMAIN.md §3.3, §5).
 *
 * The structure (the province, its district-level units, their councils, terms and organs, and the
 * lineage of the district level) comes from `@hdnd/province-son-la`; this file adds the work of
 * 2022–2023: sessions, activities and tallies.
 *
 * What is real: the province (GSO code 14), its 12 district-level units of 2022–2023 with their GSO
 * codes, names and types, the four committees of HĐND tỉnh Sơn La khóa XV, the two committees every
 * district council had, the end of the district level on 1 July 2025, and the totals of the report.
 *
 * What is synthetic: every activity (titles, dates, which committee did what), most session dates,
 * the per-district split of the district totals, and the document numbers. The generator is fully
 * deterministic (index arithmetic, no randomness): the same batch is built on every call.
 *
 * Confidence tags follow HDND-DOMAIN.md: [V] verified, [S] secondary source, [U] unverified.
 *
 * @since 0.1.0
 */
import { Activity, CalendarDate, Format, Ids, Indicators, Session, Tally } from "@hdnd/core"
import type { Dataset } from "@hdnd/core"
import * as SonLa from "@hdnd/province-son-la"

const { Councils, Units } = SonLa

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const { date } = CalendarDate

/** The element at `i`, cycling through the list. */
const pick = <T>(xs: ReadonlyArray<T>, i: number): T => xs[((i % xs.length) + xs.length) % xs.length] as T

/** Zero-padded sequence number for ids ("007"). */
const seq = (n: number): string => String(n).padStart(3, "0")

/** The `i`-th of `n` dates spread evenly over a closed period (deterministic). */
const spread = (p: CalendarDate.Period, i: number, n: number): CalendarDate.CalendarDate => {
  const days = CalendarDate.toDayNumber(p.to) - CalendarDate.toDayNumber(p.from)
  return CalendarDate.addDays(p.from, Math.floor((i * days) / Math.max(1, n)))
}

/** A range of `length` days starting on `from`. */
const days = (from: CalendarDate.CalendarDate, length: number): CalendarDate.DateRange => ({
  from,
  to: CalendarDate.addDays(from, length - 1)
})

// ---------------------------------------------------------------------------------------------
// Exported ids and the period
// ---------------------------------------------------------------------------------------------

/**
 * The reporting period of the report: August 2022 to August 2023 (the seed article).
 *
 * @since 0.1.0
 */
export const PERIOD: CalendarDate.Period = CalendarDate.period("2022-08-01", "2023-08-31")

/**
 * The id of the province of Sơn La (GSO code 14 [V]).
 *
 * @since 0.1.0
 */
export const PROVINCE_UNIT_ID: Ids.UnitId = Units.PROVINCE_UNIT_ID

/**
 * The id of HĐND tỉnh Sơn La.
 *
 * @since 0.1.0
 */
export const PROVINCE_COUNCIL_ID: Ids.CouncilId = Councils.PROVINCE_COUNCIL_ID

/**
 * The last day of the district level (district councils stopped on 1 July 2025 [V]).
 *
 * @since 0.1.0
 */
export const DISTRICT_LEVEL_LAST_DAY: CalendarDate.CalendarDate = Units.DISTRICT_LEVEL_LAST_DAY

/**
 * The figures a district council reported (or that its itemised records add up to) for the period.
 *
 * @since 0.1.0
 */
export interface DistrictFigures {
  /** core/review.content: items reviewed. */
  readonly reviewContent: number
  /** core/review.sessions.thematic: thematic sessions served (regular sessions are always 2). */
  readonly thematicSessions: number
  /** core/survey-thematic-supervision: committee surveys and thematic supervisions. */
  readonly surveys: number
  /** core/supervision.periodic-ongoing: periodic and ongoing supervisions. */
  readonly periodicOngoing: number
  /** core/advisory.assigned-by-standing: matters advised on as assigned by the standing committee. */
  readonly advisoryAssigned: number
}

/**
 * A district-level unit of Sơn La in 2022–2023 (from `@hdnd/province-son-la`) and how its council's
 * work is recorded here.
 *
 * @since 0.1.0
 */
export interface DistrictSpec extends SonLa.Units.District {
  /** `items`: one record per activity; `tallies`: council-wide numbers only. */
  readonly reportedAs: "items" | "tallies"
  readonly figures: DistrictFigures
}

/**
 * The synthetic split of the district totals by GSO code: review contents, thematic sessions served,
 * surveys/thematic supervisions, periodic/ongoing supervisions, advisory matters assigned, and whether
 * the council is itemised. Every council served 2 regular sessions.
 */
const SPLIT: Readonly<Record<string, readonly ["items" | "tallies", readonly [number, number, number, number, number]]>> = {
  "116": ["items", [112, 8, 11, 6, 18]],
  "118": ["tallies", [78, 6, 7, 4, 11]],
  "119": ["tallies", [95, 7, 9, 6, 14]],
  "120": ["tallies", [84, 7, 8, 5, 12]],
  "121": ["tallies", [72, 5, 7, 4, 10]],
  "122": ["tallies", [88, 7, 9, 5, 13]],
  "123": ["tallies", [93, 8, 9, 5, 14]],
  "124": ["tallies", [79, 6, 7, 4, 11]],
  "125": ["items", [96, 7, 9, 5, 15]],
  "126": ["tallies", [90, 7, 8, 5, 12]],
  "127": ["tallies", [70, 5, 7, 4, 10]],
  "128": ["tallies", [87, 6, 8, 5, 12]]
}

/**
 * The 12 district-level units of Sơn La in 2022–2023 (HDND-DOMAIN.md §5.2 [V], from
 * `@hdnd/province-son-la`, which notes what about them is unverified) with the synthetic split of the
 * district totals of the report.
 *
 * @since 0.1.0
 */
export const DISTRICTS: ReadonlyArray<DistrictSpec> = Units.districts.map((x) => {
  const split = SPLIT[x.code]
  if (split === undefined) throw new RangeError(`no figures for the district-level unit ${x.code}`)
  const [reportedAs, f] = split
  return {
    ...x,
    reportedAs,
    figures: { reviewContent: f[0], thematicSessions: f[1], surveys: f[2], periodicOngoing: f[3], advisoryAssigned: f[4] }
  }
})

/**
 * The district-level totals of the report (the seed article): 1.044 contents, 24 regular and 79
 * thematic sessions, 99 surveys and thematic supervisions, 58 periodic and ongoing supervisions, 152
 * advisory matters.
 *
 * @since 0.1.0
 */
export const DISTRICT_TOTALS = {
  reviewContent: 1044,
  regularSessions: 24,
  thematicSessions: 79,
  surveys: 99,
  periodicOngoing: 58,
  advisoryAssigned: 152
} as const

/**
 * The id of a district unit (its 2022–2023 version) by GSO code.
 *
 * @since 0.1.0
 */
export const districtUnitId = (code: string): Ids.UnitId => Units.districtUnitId(code)

/**
 * The id of a district council (of its 2022–2023 unit) by GSO code ("hdnd-huyen-mai-son").
 *
 * @since 0.1.0
 */
export const districtCouncilId = (code: string): Ids.CouncilId => Councils.districtCouncilId(code)

/**
 * The ids of the 12 district councils of 2022–2023, in GSO code order.
 *
 * @since 0.1.0
 */
export const DISTRICT_COUNCIL_IDS: ReadonlyArray<Ids.CouncilId> = DISTRICTS.map((x) => districtCouncilId(x.code))

type ProvinceCommittee = "phap-che" | "kinh-te-ngan-sach" | "van-hoa-xa-hoi" | "dan-toc"
type DistrictCommittee = "phap-che" | "kinh-te-xa-hoi"

/**
 * Organ ids of a council: `<council>/hdnd`, `<council>/thuong-truc`, `<council>/ban-<kind>`.
 *
 * @since 0.1.0
 */
export const organId = (council: string, organ: "hdnd" | "thuong-truc" | ProvinceCommittee | DistrictCommittee): Ids.OrganId =>
  Councils.organId(council, organ)

const termId = Councils.termId

// ---------------------------------------------------------------------------------------------
// The structure: from @hdnd/province-son-la
// ---------------------------------------------------------------------------------------------

/**
 * The structure this example records: the plugin's province and district-level units (Mộc Châu as a
 * huyện, then a thị xã), the councils, terms and organs of those units, and the lineage events among
 * them (Mộc Châu's reclassification, the end of the district level). The plugin's 75 communes of
 * 1 July 2025 (and phường Chiềng Lề) are left out: the 2022–2023 report does not need them, and the
 * data files of this example, which the CLI tests import, describe the units before the reform.
 *
 * @since 0.1.0
 */
export const structure = (): Required<Pick<Dataset.Batch, "units" | "lineage" | "councils" | "terms" | "organs">> => {
  const units = SonLa.units.filter((u) => u.level !== "commune")
  const unitIds = new Set<string>(units.map((u) => u.id))
  const councils = SonLa.councils.filter((c) => unitIds.has(c.unit))
  const councilIds = new Set<string>(councils.map((c) => c.id))
  return {
    units,
    lineage: SonLa.lineage.filter((e) => [...e.sources, ...e.targets].every((u) => unitIds.has(u))),
    councils,
    terms: SonLa.terms.filter((t) => councilIds.has(t.council)),
    organs: SonLa.organs.filter((o) => councilIds.has(o.council))
  }
}

// ---------------------------------------------------------------------------------------------
// Province: sessions and reviews
// ---------------------------------------------------------------------------------------------

interface SessionSpec {
  readonly key: string
  readonly ordinal: number
  readonly type: "regular" | "special"
  readonly from: string
  readonly to: string
  /** Reviews served: draft resolutions and reports (province) or all contents (districts). */
  readonly drafts: number
  readonly reports: number
  /** Which committees reviewed, in rotation. */
  readonly committees: ReadonlyArray<ProvinceCommittee>
}

const ROTATION: ReadonlyArray<ProvinceCommittee> = ["kinh-te-ngan-sach", "van-hoa-xa-hoi", "kinh-te-ngan-sach", "dan-toc", "phap-che"]

/**
 * The 8 sessions of HĐND tỉnh Sơn La the reviews went to. Sơn La numbers regular and thematic
 * sessions separately (HDND-DOMAIN.md §4). Kỳ họp thứ 6 was the year-end regular session of 2022 [S]
 * (Sơn La HĐND portal; its days here are synthetic); Kỳ họp thứ 7 opened on 19/7/2023 [S]; the
 * thematic session "lần thứ mười một" was held on 18/4/2023 and passed 26 resolutions reviewed by
 * Ban Kinh tế – Ngân sách, Ban Văn hóa – Xã hội and Ban Dân tộc [S]. The other thematic ordinals
 * (7–10, 12) and all other dates are synthetic [U].
 */
const PROVINCE_SESSIONS: ReadonlyArray<SessionSpec> = [
  { key: "chuyen-de-7", ordinal: 7, type: "special", from: "2022-09-15", to: "2022-09-15", drafts: 6, reports: 0, committees: ROTATION },
  { key: "chuyen-de-8", ordinal: 8, type: "special", from: "2022-10-27", to: "2022-10-27", drafts: 8, reports: 0, committees: ROTATION },
  { key: "thu-6", ordinal: 6, type: "regular", from: "2022-12-07", to: "2022-12-09", drafts: 30, reports: 24, committees: ROTATION },
  { key: "chuyen-de-9", ordinal: 9, type: "special", from: "2023-02-17", to: "2023-02-17", drafts: 7, reports: 0, committees: ROTATION },
  { key: "chuyen-de-10", ordinal: 10, type: "special", from: "2023-03-22", to: "2023-03-22", drafts: 9, reports: 2, committees: ROTATION },
  {
    key: "chuyen-de-11", ordinal: 11, type: "special", from: "2023-04-18", to: "2023-04-18", drafts: 26, reports: 0,
    committees: ["kinh-te-ngan-sach", "kinh-te-ngan-sach", "van-hoa-xa-hoi", "kinh-te-ngan-sach", "dan-toc"]
  },
  { key: "chuyen-de-12", ordinal: 12, type: "special", from: "2023-06-09", to: "2023-06-09", drafts: 6, reports: 0, committees: ROTATION },
  { key: "thu-7", ordinal: 7, type: "regular", from: "2023-07-19", to: "2023-07-21", drafts: 25, reports: 21, committees: ROTATION }
]

/** The short name of a session, for titles: "Kỳ họp thứ sáu", "Kỳ họp chuyên đề lần thứ mười một". */
const sessionName = (s: SessionSpec): string =>
  s.type === "regular" ? `Kỳ họp ${Format.ordinalWordVi(s.ordinal)}` : `Kỳ họp chuyên đề lần ${Format.ordinalWordVi(s.ordinal)}`

/** The label of a session: regular ones say whether they are the mid-year or year-end session. */
const sessionLabel = (s: SessionSpec): string =>
  s.type === "regular"
    ? `${sessionName(s)} – kỳ họp thường lệ ${s.from.slice(5, 7) <= "08" ? "giữa năm" : "cuối năm"} ${s.from.slice(0, 4)}`
    : sessionName(s)

const sessionRecord = (council: Ids.CouncilId, term: Ids.TermId, s: SessionSpec): Session.Session =>
  new Session.Session({
    id: Ids.SessionId.make(`${term}/${s.key}`),
    council,
    term,
    ordinal: s.ordinal,
    series: s.type,
    type: s.type,
    ...(s.type === "special" ? { specialLabel: "chuyen-de" as const } : {}),
    label: sessionLabel(s),
    dates: { from: date(s.from), to: date(s.to) }
  })

type Resolution = "individual" | "normative"

/** Draft resolution topics of the provincial committees (synthetic but typical). */
const DRAFT_TOPICS: Readonly<Record<ProvinceCommittee, ReadonlyArray<readonly [string, Resolution]>>> = {
  "kinh-te-ngan-sach": [
    ["dự toán ngân sách địa phương và phương án phân bổ ngân sách cấp tỉnh", "individual"],
    ["kế hoạch đầu tư công năm 2023", "individual"],
    ["điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025", "individual"],
    ["điều chỉnh chủ trương đầu tư một số dự án giao thông", "individual"],
    ["chuyển mục đích sử dụng đất trồng lúa, đất rừng phòng hộ để thực hiện dự án", "individual"],
    ["danh mục các dự án cần thu hồi đất", "individual"],
    ["phân cấp nguồn thu, nhiệm vụ chi giữa các cấp ngân sách", "normative"],
    ["mức thu một số loại phí, lệ phí trên địa bàn tỉnh", "normative"],
    ["chính sách hỗ trợ phát triển sản xuất nông nghiệp hàng hóa", "normative"],
    ["phân bổ kinh phí bổ sung có mục tiêu từ ngân sách trung ương", "individual"]
  ],
  "van-hoa-xa-hoi": [
    ["chính sách hỗ trợ học sinh, sinh viên trên địa bàn tỉnh", "normative"],
    ["mức thu học phí đối với cơ sở giáo dục công lập", "normative"],
    ["giá dịch vụ khám bệnh, chữa bệnh không thuộc phạm vi thanh toán của Quỹ bảo hiểm y tế", "normative"],
    ["đặt tên một số tuyến đường, phố tại thành phố Sơn La", "individual"],
    ["chính sách hỗ trợ phát triển du lịch cộng đồng", "normative"],
    ["hỗ trợ mua thẻ bảo hiểm y tế cho một số đối tượng", "normative"],
    ["kế hoạch phát triển mạng lưới trường, lớp học", "individual"],
    ["chế độ dinh dưỡng đối với vận động viên, huấn luyện viên thể thao", "normative"]
  ],
  "dan-toc": [
    ["phân bổ vốn Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi", "individual"],
    ["phân bổ vốn Chương trình mục tiêu quốc gia giảm nghèo bền vững", "individual"],
    ["nội dung hỗ trợ, trình tự lựa chọn dự án liên kết theo chuỗi giá trị", "normative"],
    ["cơ chế lồng ghép nguồn vốn giữa các chương trình mục tiêu quốc gia", "normative"],
    ["hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo", "individual"],
    ["bố trí, ổn định dân cư vùng thiên tai, đặc biệt khó khăn", "individual"]
  ],
  "phap-che": [
    ["giao biên chế công chức trong cơ quan, tổ chức hành chính", "individual"],
    ["số lượng người làm việc trong đơn vị sự nghiệp công lập", "individual"],
    ["chế độ, chính sách đối với lực lượng dân quân", "normative"],
    ["bãi bỏ một số nghị quyết của HĐND tỉnh", "normative"],
    ["mức chi bảo đảm cho công tác xây dựng văn bản quy phạm pháp luật", "normative"],
    ["chính sách hỗ trợ lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở", "normative"]
  ]
}

/** Report topics and the committee that reviews them. */
const REPORT_TOPICS: ReadonlyArray<readonly [ProvinceCommittee, string]> = [
  ["phap-che", "công tác của Tòa án nhân dân tỉnh"],
  ["kinh-te-ngan-sach", "tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội"],
  ["van-hoa-xa-hoi", "kết quả thực hiện nhiệm vụ năm học"],
  ["phap-che", "công tác của Viện kiểm sát nhân dân tỉnh"],
  ["dan-toc", "kết quả thực hiện chính sách dân tộc"],
  ["kinh-te-ngan-sach", "tình hình thực hiện dự toán ngân sách nhà nước"],
  ["phap-che", "công tác thi hành án dân sự"],
  ["van-hoa-xa-hoi", "công tác bảo đảm an sinh xã hội"],
  ["kinh-te-ngan-sach", "tình hình thực hiện kế hoạch đầu tư công"],
  ["phap-che", "công tác phòng, chống tham nhũng, tiêu cực"],
  ["dan-toc", "tiến độ thực hiện các chương trình mục tiêu quốc gia"],
  ["phap-che", "công tác phòng, chống tội phạm và vi phạm pháp luật"],
  ["van-hoa-xa-hoi", "công tác chăm sóc sức khỏe Nhân dân"],
  ["kinh-te-ngan-sach", "kết quả thực hành tiết kiệm, chống lãng phí"],
  ["phap-che", "công tác giải quyết khiếu nại, tố cáo"]
]

const provinceReviews = (council: Ids.CouncilId, term: Ids.TermId): Array<Activity.Activity> => {
  const out: Array<Activity.Activity> = []
  const used: Record<string, number> = {}
  let draftNo = 0
  let reportNo = 0
  for (const s of PROVINCE_SESSIONS) {
    const session = Ids.SessionId.make(`${term}/${s.key}`)
    const served = `(trình ${sessionName(s)})`
    for (let i = 0; i < s.drafts; i++) {
      const committee = pick(s.committees, i)
      const n = (used[committee] = (used[committee] ?? 0) + 1)
      const [topic, resolutionKind] = pick(DRAFT_TOPICS[committee], n - 1)
      out.push(
        new Activity.Activity({
          id: Ids.ActivityId.make(`${council}/tham-tra/nq-${seq(++draftNo)}`),
          council,
          kind: Ids.ActivityKindId.make("review"),
          owner: organId(council, committee),
          organisers: [organId(council, committee)],
          date: { from: CalendarDate.addDays(date(s.from), -(3 + (i % 5))) },
          session,
          title: `Thẩm tra dự thảo Nghị quyết về ${topic} ${served}`,
          subject: "draft-resolution",
          resolutionKind
        })
      )
    }
    for (let i = 0; i < s.reports; i++) {
      const [committee, topic] = pick(REPORT_TOPICS, reportNo)
      out.push(
        new Activity.Activity({
          id: Ids.ActivityId.make(`${council}/tham-tra/bc-${seq(++reportNo)}`),
          council,
          kind: Ids.ActivityKindId.make("review"),
          owner: organId(council, committee),
          organisers: [organId(council, committee)],
          date: { from: CalendarDate.addDays(date(s.from), -(2 + (i % 6))) },
          session,
          title: `Thẩm tra báo cáo ${topic} ${served}`,
          subject: "report"
        })
      )
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Province: advisory work, supervisions and surveys
// ---------------------------------------------------------------------------------------------

const ADVISORY_TOPICS: ReadonlyArray<readonly [ProvinceCommittee, string]> = [
  ["kinh-te-ngan-sach", "việc điều chỉnh, bổ sung dự toán ngân sách"],
  ["kinh-te-ngan-sach", "việc điều chuyển vốn đầu tư công giữa các dự án"],
  ["van-hoa-xa-hoi", "việc bố trí kinh phí sửa chữa trường, lớp học"],
  ["dan-toc", "việc phân bổ vốn các chương trình mục tiêu quốc gia"],
  ["phap-che", "đơn thư của công dân chuyển đến Thường trực HĐND tỉnh"],
  ["kinh-te-ngan-sach", "chủ trương đầu tư dự án sử dụng vốn ngân sách tỉnh"],
  ["van-hoa-xa-hoi", "việc thực hiện chính sách hỗ trợ người có công"],
  ["phap-che", "kết quả giải quyết kiến nghị của cử tri sau kỳ họp"],
  ["dan-toc", "việc hỗ trợ đồng bào bị ảnh hưởng do thiên tai"],
  ["kinh-te-ngan-sach", "việc sử dụng dự phòng ngân sách tỉnh"],
  ["van-hoa-xa-hoi", "việc tổ chức các hoạt động văn hóa, thể thao"],
  ["phap-che", "nội dung chất vấn, giải trình tại phiên họp Thường trực HĐND tỉnh"]
]

const provinceAdvisory = (council: Ids.CouncilId): Array<Activity.Activity> => {
  const out: Array<Activity.Activity> = []
  const make = (origin: "inter-session" | "assigned-by-standing", n: number, slug: string, title: (topic: string, when: string) => string) => {
    for (let i = 0; i < n; i++) {
      const [committee, topic] = pick(ADVISORY_TOPICS, i * 5 + (origin === "inter-session" ? 0 : 3))
      const day = spread(PERIOD, i, n)
      out.push(
        new Activity.Activity({
          id: Ids.ActivityId.make(`${council}/tham-muu/${slug}-${seq(i + 1)}`),
          council,
          kind: Ids.ActivityKindId.make("advisory"),
          owner: organId(council, committee),
          organisers: [organId(council, committee)],
          date: { from: day },
          title: title(topic, Format.formatMonthYear(day)),
          origin
        })
      )
    }
  }
  make("inter-session", 54, "giua-hai-ky-hop", (topic, when) =>
    `Tham mưu cho Thường trực HĐND tỉnh cho ý kiến về ${topic}, nội dung phát sinh giữa hai kỳ họp (${when})`)
  make("assigned-by-standing", 355, "theo-phan-cong", (topic, when) =>
    `Tham mưu theo sự phân công của Thường trực HĐND tỉnh về ${topic} (${when})`)
  return out
}

interface MissionSpec {
  readonly kind: "survey" | "supervision"
  readonly owner: "hdnd" | "thuong-truc" | ProvinceCommittee
  readonly organisers: readonly [ProvinceCommittee, ...Array<ProvinceCommittee>]
  readonly from: string
  readonly length: number
  readonly title: string
  readonly documentRef?: string
}

/**
 * The supervisions and surveys of the provincial committees: 3 supervisions of the HĐND and 2 of its
 * standing committee that the committees organised (one joint), and 17 surveys or thematic
 * supervisions of the committees themselves. Topics, dates and document numbers are synthetic.
 */
const PROVINCE_MISSIONS: ReadonlyArray<MissionSpec> = [
  // On behalf of the HĐND (Đoàn giám sát of the council, organised by committees).
  {
    kind: "supervision", owner: "hdnd", organisers: ["dan-toc", "kinh-te-ngan-sach"], from: "2023-04-03", length: 26,
    title: "Giám sát chuyên đề của HĐND tỉnh về kết quả thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2025",
    documentRef: "112/BC-HĐND"
  },
  {
    kind: "supervision", owner: "hdnd", organisers: ["kinh-te-ngan-sach"], from: "2022-09-12", length: 33,
    title: "Giám sát chuyên đề của HĐND tỉnh về việc thực hiện chính sách, pháp luật về quản lý, sử dụng đất đai",
    documentRef: "486/BC-HĐND"
  },
  {
    kind: "supervision", owner: "hdnd", organisers: ["van-hoa-xa-hoi"], from: "2023-05-15", length: 32,
    title: "Giám sát chuyên đề của HĐND tỉnh về việc bảo đảm cơ sở vật chất, đội ngũ giáo viên đáp ứng chương trình giáo dục phổ thông",
    documentRef: "178/BC-HĐND"
  },
  // On behalf of the standing committee, organised by committees.
  {
    kind: "supervision", owner: "thuong-truc", organisers: ["phap-che"], from: "2022-11-07", length: 12,
    title: "Giám sát của Thường trực HĐND tỉnh về việc giải quyết ý kiến, kiến nghị của cử tri gửi đến kỳ họp",
    documentRef: "530/BC-HĐND"
  },
  {
    kind: "supervision", owner: "thuong-truc", organisers: ["kinh-te-ngan-sach"], from: "2023-02-20", length: 10,
    title: "Giám sát của Thường trực HĐND tỉnh về công tác quản lý, bảo vệ và phát triển rừng",
    documentRef: "41/BC-HĐND"
  },
  // The committees' own surveys and thematic supervisions (17).
  { kind: "survey", owner: "phap-che", organisers: ["phap-che"], from: "2022-08-22", length: 5, title: "Khảo sát công tác thi hành án hình sự tại cộng đồng" },
  { kind: "supervision", owner: "phap-che", organisers: ["phap-che"], from: "2022-10-10", length: 8, title: "Giám sát chuyên đề việc thực hiện pháp luật về phòng cháy, chữa cháy" },
  { kind: "survey", owner: "phap-che", organisers: ["phap-che"], from: "2023-03-06", length: 4, title: "Khảo sát việc thực hiện chính sách đối với lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở" },
  { kind: "supervision", owner: "phap-che", organisers: ["phap-che"], from: "2023-06-19", length: 9, title: "Giám sát chuyên đề công tác cải cách hành chính tại một số sở, ngành" },
  { kind: "survey", owner: "kinh-te-ngan-sach", organisers: ["kinh-te-ngan-sach"], from: "2022-08-29", length: 5, title: "Khảo sát việc thực hiện các dự án đầu tư công trọng điểm" },
  { kind: "supervision", owner: "kinh-te-ngan-sach", organisers: ["kinh-te-ngan-sach"], from: "2022-11-21", length: 10, title: "Giám sát chuyên đề việc quản lý, sử dụng kinh phí sự nghiệp kinh tế" },
  { kind: "survey", owner: "kinh-te-ngan-sach", organisers: ["kinh-te-ngan-sach"], from: "2023-01-09", length: 4, title: "Khảo sát tình hình sản xuất, tiêu thụ nông sản chủ lực của tỉnh" },
  { kind: "survey", owner: "kinh-te-ngan-sach", organisers: ["kinh-te-ngan-sach"], from: "2023-05-08", length: 5, title: "Khảo sát việc thực hiện chính sách hỗ trợ phát triển hợp tác xã" },
  { kind: "supervision", owner: "kinh-te-ngan-sach", organisers: ["kinh-te-ngan-sach"], from: "2023-08-07", length: 9, title: "Giám sát chuyên đề việc thu, chi ngân sách tại một số huyện" },
  { kind: "survey", owner: "van-hoa-xa-hoi", organisers: ["van-hoa-xa-hoi"], from: "2022-09-05", length: 5, title: "Khảo sát việc thực hiện chương trình giáo dục phổ thông 2018" },
  { kind: "supervision", owner: "van-hoa-xa-hoi", organisers: ["van-hoa-xa-hoi"], from: "2022-12-12", length: 9, title: "Giám sát chuyên đề công tác y tế cơ sở" },
  { kind: "survey", owner: "van-hoa-xa-hoi", organisers: ["van-hoa-xa-hoi"], from: "2023-03-13", length: 4, title: "Khảo sát việc thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế" },
  { kind: "supervision", owner: "van-hoa-xa-hoi", organisers: ["van-hoa-xa-hoi"], from: "2023-07-03", length: 9, title: "Giám sát chuyên đề việc bảo tồn, phát huy giá trị văn hóa truyền thống các dân tộc" },
  { kind: "survey", owner: "dan-toc", organisers: ["dan-toc"], from: "2022-10-03", length: 5, title: "Khảo sát việc thực hiện chính sách đối với người có uy tín trong đồng bào dân tộc thiểu số" },
  { kind: "supervision", owner: "dan-toc", organisers: ["dan-toc"], from: "2023-01-30", length: 9, title: "Giám sát chuyên đề việc thực hiện dự án hỗ trợ đất ở, nhà ở, đất sản xuất, nước sinh hoạt" },
  { kind: "survey", owner: "dan-toc", organisers: ["dan-toc"], from: "2023-05-22", length: 5, title: "Khảo sát tình hình di cư tự do trên địa bàn tỉnh" },
  { kind: "survey", owner: "dan-toc", organisers: ["dan-toc"], from: "2023-08-14", length: 5, title: "Khảo sát việc thực hiện chính sách hỗ trợ giáo dục vùng đồng bào dân tộc thiểu số" }
]

const provinceMissions = (council: Ids.CouncilId): Array<Activity.Activity> =>
  PROVINCE_MISSIONS.map((m, i) =>
    new Activity.Activity({
      id: Ids.ActivityId.make(`${council}/${m.kind === "survey" ? "khao-sat" : "giam-sat"}/${seq(i + 1)}`),
      council,
      kind: Ids.ActivityKindId.make(m.kind),
      owner: organId(council, m.owner),
      organisers: [organId(council, m.organisers[0]), ...m.organisers.slice(1).map((o) => organId(council, o))],
      date: days(date(m.from), m.length),
      title: m.title,
      ...(m.documentRef === undefined ? {} : { documentRef: m.documentRef }),
      ...(m.kind === "supervision" ? { mode: "thematic" as const } : {}),
      ...(m.owner === "hdnd" ? { attributes: { delegation: true } } : {})
    })
  )

// ---------------------------------------------------------------------------------------------
// Districts
// ---------------------------------------------------------------------------------------------

/**
 * Sessions of the two itemised district councils. TP Sơn La held "Kỳ họp chuyên đề lần thứ 17" on
 * 28/11/2023 and planned "Kỳ họp thứ 7" for 12/2023 [S], so in the period its regular sessions were
 * most likely the 5th and 6th and its thematic ones at most the 16th; Mai Sơn's numbering is a
 * placeholder. Every date is synthetic [U].
 */
const DISTRICT_SESSIONS: Readonly<Record<string, ReadonlyArray<SessionSpec>>> = {
  "116": [
    { key: "chuyen-de-9", ordinal: 9, type: "special", from: "2022-08-24", to: "2022-08-24", drafts: 7, reports: 0, committees: [] },
    { key: "chuyen-de-10", ordinal: 10, type: "special", from: "2022-10-12", to: "2022-10-12", drafts: 8, reports: 0, committees: [] },
    { key: "thu-5", ordinal: 5, type: "regular", from: "2022-12-15", to: "2022-12-16", drafts: 30, reports: 0, committees: [] },
    { key: "chuyen-de-11", ordinal: 11, type: "special", from: "2023-01-17", to: "2023-01-17", drafts: 6, reports: 0, committees: [] },
    { key: "chuyen-de-12", ordinal: 12, type: "special", from: "2023-03-08", to: "2023-03-08", drafts: 7, reports: 0, committees: [] },
    { key: "chuyen-de-13", ordinal: 13, type: "special", from: "2023-04-25", to: "2023-04-25", drafts: 7, reports: 0, committees: [] },
    { key: "chuyen-de-14", ordinal: 14, type: "special", from: "2023-05-30", to: "2023-05-30", drafts: 6, reports: 0, committees: [] },
    { key: "thu-6", ordinal: 6, type: "regular", from: "2023-07-12", to: "2023-07-13", drafts: 26, reports: 0, committees: [] },
    { key: "chuyen-de-15", ordinal: 15, type: "special", from: "2023-08-10", to: "2023-08-10", drafts: 8, reports: 0, committees: [] },
    { key: "chuyen-de-16", ordinal: 16, type: "special", from: "2023-08-29", to: "2023-08-29", drafts: 7, reports: 0, committees: [] }
  ],
  "125": [
    { key: "chuyen-de-4", ordinal: 4, type: "special", from: "2022-09-08", to: "2022-09-08", drafts: 7, reports: 0, committees: [] },
    { key: "chuyen-de-5", ordinal: 5, type: "special", from: "2022-11-03", to: "2022-11-03", drafts: 6, reports: 0, committees: [] },
    { key: "thu-5", ordinal: 5, type: "regular", from: "2022-12-19", to: "2022-12-20", drafts: 27, reports: 0, committees: [] },
    { key: "chuyen-de-6", ordinal: 6, type: "special", from: "2023-02-23", to: "2023-02-23", drafts: 7, reports: 0, committees: [] },
    { key: "chuyen-de-7", ordinal: 7, type: "special", from: "2023-04-06", to: "2023-04-06", drafts: 6, reports: 0, committees: [] },
    { key: "chuyen-de-8", ordinal: 8, type: "special", from: "2023-05-18", to: "2023-05-18", drafts: 6, reports: 0, committees: [] },
    { key: "thu-6", ordinal: 6, type: "regular", from: "2023-07-14", to: "2023-07-15", drafts: 24, reports: 0, committees: [] },
    { key: "chuyen-de-9", ordinal: 9, type: "special", from: "2023-08-03", to: "2023-08-03", drafts: 7, reports: 0, committees: [] },
    { key: "chuyen-de-10", ordinal: 10, type: "special", from: "2023-08-24", to: "2023-08-24", drafts: 6, reports: 0, committees: [] }
  ]
}

const DISTRICT_DRAFT_TOPICS: ReadonlyArray<(area: string) => string> = [
  (a) => `dự toán thu, chi ngân sách ${a}`,
  (a) => `kế hoạch đầu tư công của ${a}`,
  () => "phê duyệt chủ trương đầu tư một số công trình hạ tầng",
  () => "điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025",
  () => "phân bổ vốn Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
  (a) => `phê chuẩn quyết toán ngân sách ${a} năm 2022`,
  () => "bổ sung dự toán chi từ nguồn tăng thu ngân sách",
  (a) => `chương trình giám sát năm 2024 của HĐND ${a}`,
  () => "phân bổ vốn sự nghiệp Chương trình mục tiêu quốc gia giảm nghèo bền vững",
  () => "điều chỉnh danh mục công trình, dự án sử dụng đất"
]

const DISTRICT_REPORT_TOPICS: ReadonlyArray<readonly [DistrictCommittee, string]> = [
  ["kinh-te-xa-hoi", "tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội"],
  ["phap-che", "công tác của Tòa án nhân dân"],
  ["phap-che", "công tác của Viện kiểm sát nhân dân"],
  ["kinh-te-xa-hoi", "tình hình thực hiện dự toán ngân sách"],
  ["phap-che", "công tác thi hành án dân sự"],
  ["phap-che", "công tác giải quyết khiếu nại, tố cáo"],
  ["kinh-te-xa-hoi", "kết quả giải quyết kiến nghị của cử tri"]
]

const DISTRICT_MISSION_TOPICS: ReadonlyArray<readonly [DistrictCommittee, string]> = [
  ["kinh-te-xa-hoi", "công tác quản lý, sử dụng đất đai"],
  ["phap-che", "công tác cải cách hành chính cấp xã"],
  ["kinh-te-xa-hoi", "chương trình xây dựng nông thôn mới"],
  ["phap-che", "công tác hòa giải ở cơ sở"],
  ["kinh-te-xa-hoi", "chính sách hỗ trợ phát triển sản xuất"],
  ["phap-che", "công tác bảo đảm an ninh, trật tự"],
  ["kinh-te-xa-hoi", "công tác quản lý trật tự xây dựng, vệ sinh môi trường"]
]

const PERIODIC_TOPICS: ReadonlyArray<readonly [DistrictCommittee, string]> = [
  ["phap-che", "việc giải quyết kiến nghị của cử tri"],
  ["kinh-te-xa-hoi", "việc thực hiện nghị quyết của HĐND về dự toán ngân sách"],
  ["phap-che", "việc ban hành văn bản của UBND"],
  ["kinh-te-xa-hoi", "tiến độ thực hiện các dự án đầu tư công"]
]

const districtActivities = (spec: DistrictSpec, council: Ids.CouncilId, term: Ids.TermId): Array<Activity.Activity> => {
  const sessions = DISTRICT_SESSIONS[spec.code] ?? []
  const out: Array<Activity.Activity> = []
  const act = (
    slug: string,
    kind: string,
    committee: DistrictCommittee,
    range: CalendarDate.DateRange,
    title: string,
    extra: Partial<Pick<Activity.Activity, "session" | "subject" | "resolutionKind" | "mode" | "origin">>
  ) =>
    out.push(
      new Activity.Activity({
        id: Ids.ActivityId.make(`${council}/${slug}`),
        council,
        kind: Ids.ActivityKindId.make(kind),
        owner: organId(council, committee),
        organisers: [organId(council, committee)],
        date: range,
        title,
        ...extra
      })
    )
  let review = 0
  for (const s of sessions) {
    const session = Ids.SessionId.make(`${term}/${s.key}`)
    const served = `(trình ${sessionName(s)})`
    for (let i = 0; i < s.drafts; i++) {
      review++
      const from = CalendarDate.addDays(date(s.from), -(2 + (i % 4)))
      // Regular sessions also take the year's reports; thematic sessions take draft resolutions only.
      if (s.type === "regular" && i % 3 === 2) {
        const [committee, topic] = pick(DISTRICT_REPORT_TOPICS, review)
        act(`tham-tra/${seq(review)}`, "review", committee, { from }, `Thẩm tra báo cáo ${topic} ${served}`, { session, subject: "report" })
      } else {
        const committee: DistrictCommittee = review % 4 === 3 ? "phap-che" : "kinh-te-xa-hoi"
        const topic = pick(DISTRICT_DRAFT_TOPICS, review)(spec.area)
        act(`tham-tra/${seq(review)}`, "review", committee, { from }, `Thẩm tra dự thảo Nghị quyết về ${topic} ${served}`, {
          session,
          subject: "draft-resolution",
          resolutionKind: "individual"
        })
      }
    }
  }
  const f = spec.figures
  for (let i = 0; i < f.surveys; i++) {
    const [committee, topic] = pick(DISTRICT_MISSION_TOPICS, i)
    const range = days(spread(PERIOD, i, f.surveys), 3)
    if (i % 2 === 0) act(`khao-sat/${seq(i + 1)}`, "survey", committee, range, `Khảo sát việc thực hiện ${topic} trên địa bàn ${spec.place}`, {})
    else act(`giam-sat-chuyen-de/${seq(i + 1)}`, "supervision", committee, range, `Giám sát chuyên đề về ${topic} trên địa bàn ${spec.place}`, { mode: "thematic" })
  }
  for (let i = 0; i < f.periodicOngoing; i++) {
    const [committee, topic] = pick(PERIODIC_TOPICS, i)
    const mode = i % 2 === 0 ? "periodic" : "ongoing"
    const range = days(spread(PERIOD, i, f.periodicOngoing), 2)
    act(`giam-sat/${seq(i + 1)}`, "supervision", committee, range,
      `Giám sát ${mode === "periodic" ? "định kỳ" : "thường xuyên"} ${topic}`, { mode })
  }
  for (let i = 0; i < f.advisoryAssigned; i++) {
    const [committee, topic] = pick(PERIODIC_TOPICS, i + 1)
    const day = spread(PERIOD, i, f.advisoryAssigned)
    act(`tham-muu/${seq(i + 1)}`, "advisory", committee, { from: day },
      `Tham mưu theo sự phân công của Thường trực HĐND ${spec.area} về ${topic} (${Format.formatMonthYear(day)})`, { origin: "assigned-by-standing" })
  }
  return out
}

const TALLY_SOURCE = "Báo cáo kết quả hoạt động của các ban HĐND gửi Hội nghị trao đổi kinh nghiệm năm 2023 (số liệu giả lập)"

const districtTallies = (spec: DistrictSpec, council: Ids.CouncilId): Array<Tally.Tally> => {
  const f = spec.figures
  const rows: ReadonlyArray<readonly [Ids.IndicatorId, number]> = [
    [Indicators.ids.reviewContent, f.reviewContent],
    [Indicators.ids.reviewSessionsRegular, 2],
    [Indicators.ids.reviewSessionsThematic, f.thematicSessions],
    [Indicators.ids.surveyThematicSupervision, f.surveys],
    [Indicators.ids.supervisionPeriodicOngoing, f.periodicOngoing],
    [Indicators.ids.advisoryAssigned, f.advisoryAssigned]
  ]
  return rows.map(([indicator, value]) =>
    new Tally.Tally({
      id: Ids.TallyId.make(`${council}/so-lieu/${indicator}`),
      council,
      indicator,
      period: PERIOD,
      value,
      qualifier: "exact",
      source: TALLY_SOURCE
    })
  )
}

// ---------------------------------------------------------------------------------------------
// The batch
// ---------------------------------------------------------------------------------------------

/**
 * The whole Sơn La dataset as one batch: the {@link structure} from `@hdnd/province-son-la` (14 units,
 * 2 lineage events, 14 councils with their khóa and organs), the sessions, the itemised work of the
 * provincial committees and of the committees of TP Sơn La and Mai Sơn, and council-wide tallies for the
 * other ten district councils. Deterministic: every call returns equal records.
 *
 * @since 0.1.0
 */
export const sonLaBatch = (): Dataset.Batch => {
  const { units, lineage, councils, terms, organs } = structure()
  const provinceTerm = Councils.PROVINCE_TERM_ID
  const districtTerm = (x: DistrictSpec): Ids.TermId => termId(districtCouncilId(x.code), x.convocation)
  const sessions = [
    ...PROVINCE_SESSIONS.map((s) => sessionRecord(PROVINCE_COUNCIL_ID, provinceTerm, s)),
    ...DISTRICTS.flatMap((x) => (DISTRICT_SESSIONS[x.code] ?? []).map((s) => sessionRecord(districtCouncilId(x.code), districtTerm(x), s)))
  ]
  const activities = [
    ...provinceReviews(PROVINCE_COUNCIL_ID, provinceTerm),
    ...provinceAdvisory(PROVINCE_COUNCIL_ID),
    ...provinceMissions(PROVINCE_COUNCIL_ID),
    ...DISTRICTS.flatMap((x) => (x.reportedAs === "items" ? districtActivities(x, districtCouncilId(x.code), districtTerm(x)) : []))
  ]
  const tallies = DISTRICTS.flatMap((x) => (x.reportedAs === "tallies" ? districtTallies(x, districtCouncilId(x.code)) : []))

  return { units, lineage, councils, terms, organs, sessions, activities, tallies }
}
