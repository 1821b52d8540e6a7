/**
 * The demo's data and pipeline: load the plugin, add ILLUSTRATIVE activities of the second half of
 * 2025 (one session, reviews, supervisions, surveys, the city's thematic hearings with their
 * attributes, a hearing of the standing committee, and two activities of a ward council), validate
 * them against the loaded registry, tabulate and render the plugin's report template. Every title,
 * date and number here is invented.
 *
 * @since 0.1.0
 */
import { Activity, CalendarDate, Dataset, Errors, Ids, Plugin, PluginHost, Report, Session, Tabulate, TabulationRequest, Validation } from "@hdnd/core"
import type { ReportDocument, Tabulation } from "@hdnd/core"
import * as Result from "effect/Result"
import { COMMITTEE_HEARING } from "./CommitteeHearing.js"
import type { CommitteeKind } from "./Councils.js"
import { CITY_COUNCIL_ID, CITY_TERM_ID, communeCouncilId, organId } from "./Councils.js"
import { plugin } from "./index.js"
import { committeeReport } from "./Templates.js"
import { CITY_UNIT_ID, communes } from "./Units.js"

const { date } = CalendarDate

/**
 * The period of the demo report: the second half of 2025, the first of the merged city.
 *
 * @since 0.1.0
 * @category data
 */
export const PERIOD: CalendarDate.Period = CalendarDate.period("2025-07-01", "2025-12-31")

/**
 * The scope: the councils of the city's subtree as of the end of the period (the city council and the
 * ward and commune councils; the template's figures select the city level).
 *
 * @since 0.1.0
 * @category data
 */
export const SCOPE: TabulationRequest.Scope = TabulationRequest.subtree(CITY_UNIT_ID, PERIOD.to)

/**
 * The id of the demo's session.
 *
 * @since 0.1.0
 * @category ids
 */
export const SESSION_ID: Ids.SessionId = Ids.SessionId.make(`${CITY_COUNCIL_ID}/ky-hop-cuoi-nam-2025`)

/**
 * The one session of the demo: the city council's year-end regular session. ILLUSTRATIVE: its ordinal
 * and dates are invented.
 *
 * @since 0.1.0
 * @category data
 */
export const sessions: ReadonlyArray<Session.Session> = [
  new Session.Session({
    id: SESSION_ID,
    council: CITY_COUNCIL_ID,
    term: CITY_TERM_ID,
    ordinal: 1,
    series: "all",
    type: "regular",
    label: "Kỳ họp thường lệ cuối năm 2025 (minh họa)",
    dates: { from: date("2025-12-09"), to: date("2025-12-11") }
  })
]

type Extra = Partial<Pick<Activity.Activity, "subject" | "resolutionKind" | "mode" | "venue" | "session" | "attributes">>

const ward = communes.find((x) => x.slug === "phuong-hai-chau")!
const WARD_COUNCIL_ID = communeCouncilId(ward)

let counter = 0
const activity = (
  council: Ids.CouncilId,
  organ: CommitteeKind | "thuong-truc",
  kind: string,
  from: string,
  title: string,
  extra: Extra = {},
  to?: string
): Activity.Activity => {
  counter += 1
  const o = organId(council, organ)
  return new Activity.Activity({
    id: Ids.ActivityId.make(`da-nang/demo/${String(counter).padStart(3, "0")}`),
    council,
    kind: Ids.ActivityKindId.make(kind),
    owner: o,
    organisers: [o],
    date: to === undefined ? { from: date(from) } : { from: date(from), to: date(to) },
    title,
    ...extra
  })
}

const city = CITY_COUNCIL_ID
const atSession = { session: SESSION_ID } as const

/**
 * The demo's activities. ILLUSTRATIVE: 5 reviews for the year-end session, 5 supervisions (2 by Ban
 * Đô thị), 2 surveys, 4 thematic hearings of the city's kind (2 by Ban Đô thị), a hearing of the
 * standing committee (core's `explanationHearing`), and a supervision and a thematic hearing of the
 * council of phường Hải Châu, which the template's city-level figures leave out.
 *
 * @since 0.1.0
 * @category data
 */
export const activities: ReadonlyArray<Activity.Activity> = [
  // Reviews (thẩm tra) for the year-end session.
  activity(city, "do-thi", "review", "2025-11-25", "Thẩm tra dự thảo Nghị quyết quy định phân cấp quản lý hạ tầng kỹ thuật đô thị",
    { ...atSession, subject: "draft-resolution", resolutionKind: "normative" }),
  activity(city, "kinh-te-ngan-sach", "review", "2025-11-26", "Thẩm tra báo cáo tình hình thực hiện kế hoạch đầu tư công năm 2025",
    { ...atSession, subject: "report" }),
  activity(city, "kinh-te-ngan-sach", "review", "2025-11-27", "Thẩm tra dự thảo Nghị quyết về dự toán ngân sách thành phố năm 2026",
    { ...atSession, subject: "draft-resolution", resolutionKind: "individual" }),
  activity(city, "phap-che", "review", "2025-11-27", "Thẩm tra dự thảo Nghị quyết quy định mức chi bảo đảm công tác trợ giúp pháp lý",
    { ...atSession, subject: "draft-resolution", resolutionKind: "normative" }),
  activity(city, "van-hoa-xa-hoi", "review", "2025-11-28", "Thẩm tra đề án phát triển mạng lưới trường học giai đoạn 2026–2030",
    { ...atSession, subject: "scheme" }),
  // Supervisions (giám sát) and surveys (khảo sát).
  activity(city, "do-thi", "supervision", "2025-08-12", "Giám sát chuyên đề việc quản lý trật tự xây dựng tại các phường sau sắp xếp",
    { mode: "thematic", attributes: { delegation: true, recommendations: 7 } }, "2025-08-20"),
  activity(city, "do-thi", "supervision", "2025-09-16", "Giám sát công tác phòng, chống ngập úng đô thị mùa mưa bão năm 2025", { mode: "periodic" }),
  activity(city, "kinh-te-ngan-sach", "supervision", "2025-10-07", "Giám sát tiến độ giải ngân vốn đầu tư công năm 2025", { mode: "thematic" }, "2025-10-10"),
  activity(city, "van-hoa-xa-hoi", "supervision", "2025-10-21", "Giám sát việc thực hiện chính sách bảo trợ xã hội", { mode: "ongoing" }),
  activity(city, "phap-che", "supervision", "2025-12-02", "Giám sát công tác tiếp công dân, giải quyết khiếu nại tại cấp xã", { mode: "thematic" }),
  activity(city, "do-thi", "survey", "2025-07-22", "Khảo sát hệ thống chiếu sáng công cộng và cây xanh đô thị"),
  activity(city, "van-hoa-xa-hoi", "survey", "2025-08-26", "Khảo sát cơ sở vật chất trường học đầu năm học 2025–2026"),
  // The city's own kind: thematic explanation hearings of the committees, with their attributes.
  activity(city, "do-thi", COMMITTEE_HEARING, "2025-09-25", "Giải trình về tiến độ các dự án chống ngập úng đô thị",
    { venue: "committee-meeting", attributes: { agencies: 4, commitments: 6, broadcastLive: true } }),
  activity(city, "kinh-te-ngan-sach", COMMITTEE_HEARING, "2025-10-28", "Giải trình về việc chậm giải ngân vốn đầu tư công",
    { venue: "committee-meeting", attributes: { agencies: 5, commitments: 8, broadcastLive: true } }),
  activity(city, "do-thi", COMMITTEE_HEARING, "2025-11-04", "Giải trình về quản lý, sử dụng vỉa hè, lòng đường",
    { venue: "committee-meeting", attributes: { agencies: 3, commitments: 5, broadcastLive: false } }),
  activity(city, "van-hoa-xa-hoi", COMMITTEE_HEARING, "2025-12-16", "Giải trình về việc thiếu giáo viên tại các xã miền núi",
    { venue: "committee-meeting", attributes: { agencies: 2, commitments: 4, broadcastLive: false } }),
  // Core's explanation hearing, held by the standing committee.
  activity(city, "thuong-truc", "explanationHearing", "2025-12-04", "Phiên giải trình về công tác bồi thường, giải phóng mặt bằng",
    { venue: "standing-meeting" }),
  // A ward council: counted in its own council's figures, not in the city's.
  activity(WARD_COUNCIL_ID, "kinh-te-ngan-sach", "supervision", "2025-10-15", "Giám sát công tác thu ngân sách trên địa bàn phường", { mode: "periodic" }),
  activity(WARD_COUNCIL_ID, "kinh-te-ngan-sach", COMMITTEE_HEARING, "2025-11-18", "Giải trình về chỉnh trang các tuyến kiệt, hẻm",
    { venue: "committee-meeting", attributes: { agencies: 2, commitments: 3, broadcastLive: false } })
]

/**
 * What the demo produced.
 *
 * @since 0.1.0
 * @category models
 */
export interface Demo {
  readonly loaded: PluginHost.Loaded
  readonly dataset: Dataset.Dataset
  readonly tabulation: Tabulation.Tabulation
  readonly document: ReportDocument.ReportDocument
}

/**
 * Any failure of the demo, with its bilingual message.
 *
 * @since 0.1.0
 * @category errors
 */
export type DemoError = PluginHost.PluginError | Errors.ValidationError | Errors.TabulationError | Errors.ReportError

/**
 * Loads the plugins (by default the city's alone), validates the demo's session and activities against
 * the loaded registry, tabulates them over {@link PERIOD} and renders the city's report template.
 *
 * @since 0.1.0
 * @category running
 */
export const run = (plugins: ReadonlyArray<Plugin.Plugin> = [plugin]): Result.Result<Demo, DemoError> =>
  Result.gen(function* () {
    const loaded = yield* PluginHost.load(plugins)
    const base = Dataset.fromBatch(loaded.data)
    const batch: Dataset.Batch = { sessions, activities }
    const problems = Validation.validateBatch(base, batch, loaded.registry)
    if (problems.length > 0) return yield* Result.fail(new Errors.ValidationError({ problems }))
    const dataset = Dataset.apply(base, batch)
    const tabulation = yield* Tabulate.tabulate(dataset, loaded.registry, Report.requestFor(committeeReport, SCOPE, PERIOD))
    const document = yield* Report.render(committeeReport, tabulation, loaded.registry, { number: 12, date: date("2025-12-31") })
    return { loaded, dataset, tabulation, document }
  })

/**
 * The totals of the attributes of the city council's thematic hearings in a dataset, read typed with
 * `Plugin.attributesOf` (a number is a number here, no casts).
 *
 * @since 0.1.0
 * @category queries
 */
export const hearingTotals = (dataset: Dataset.Dataset): { readonly hearings: number; readonly agencies: number; readonly commitments: number; readonly live: number } => {
  let hearings = 0
  let agencies = 0
  let commitments = 0
  let live = 0
  for (const a of dataset.activitiesByCouncil.get(CITY_COUNCIL_ID)?.values() ?? []) {
    const attrs = Plugin.attributesOf(a, COMMITTEE_HEARING)
    if (attrs === undefined) continue
    hearings += 1
    agencies += attrs.agencies
    commitments += attrs.commitments
    if (attrs.broadcastLive) live += 1
  }
  return { hearings, agencies, commitments, live }
}
