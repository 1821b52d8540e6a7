/**
 * The built-in indicator catalogue: every figure of the Sơn La committee report and the common
 * categories of council work (HDND-DOMAIN.md §3.2). Ids are namespaced `core/…`.
 *
 * @since 0.1.0
 */
import type { IndicatorId } from "./Ids.js"
import type { Filter, Measure, RecommendationCount, Source } from "./Indicator.js"
import { Indicator } from "./Indicator.js"

/**
 * The built-in indicators are made when the module loads, so their checks (non-empty, NFC text and
 * the rest) are skipped here — running them for the 66 indicators was a tenth of the time of
 * `import "@hdnd/core"` (bench/startup.ts). Types and structure are still parsed, and a test
 * (test/Indicators.test.ts) checks every built-in indicator against the full schema.
 */
const BUILT_IN = { disableChecks: true } as const

const def = (
  id: string,
  vi: string,
  en: string,
  noun: readonly [string, string],
  filter: Filter,
  measure: Measure = "count",
  partOf?: string
): Indicator =>
  new Indicator({
    id: id as IndicatorId,
    vi,
    en,
    nounVi: noun[0],
    nounEn: noun[1],
    filter,
    measure,
    ...(partOf === undefined ? {} : { partOf: partOf as IndicatorId })
  }, BUILT_IN)

/** An indicator of recommendations (`source: "recommendations"`); its activity filter is unused. */
const rec = (id: string, vi: string, en: string, noun: readonly [string, string], recommendation: RecommendationCount): Indicator =>
  new Indicator({ id: id as IndicatorId, vi, en, nounVi: noun[0], nounEn: noun[1], filter: {}, measure: "count", source: "recommendations", recommendation }, BUILT_IN)

type K = NonNullable<Filter["kinds"]>
const kinds = (...k: ReadonlyArray<string>) => k as unknown as K

const REVIEW: Filter = { kinds: kinds("review") }
const SUPERVISION: Filter = { kinds: kinds("supervision") }
const ADVISORY: Filter = { kinds: kinds("advisory") }

/**
 * Ids of the built-in indicators, for use in code without string typos.
 *
 * @since 0.1.0
 * @category data
 */
export const ids = {
  reviewContent: "core/review.content" as IndicatorId,
  reviewDraftResolution: "core/review.draft-resolution" as IndicatorId,
  reviewDraftResolutionNormative: "core/review.draft-resolution.normative" as IndicatorId,
  reviewDraftResolutionIndividual: "core/review.draft-resolution.individual" as IndicatorId,
  reviewReport: "core/review.report" as IndicatorId,
  reviewSubmission: "core/review.submission" as IndicatorId,
  reviewScheme: "core/review.scheme" as IndicatorId,
  reviewSessions: "core/review.sessions" as IndicatorId,
  reviewSessionsRegular: "core/review.sessions.regular" as IndicatorId,
  reviewSessionsSpecial: "core/review.sessions.special" as IndicatorId,
  reviewSessionsThematic: "core/review.sessions.thematic" as IndicatorId,
  advisory: "core/advisory" as IndicatorId,
  advisoryInterSession: "core/advisory.inter-session" as IndicatorId,
  advisoryAssigned: "core/advisory.assigned-by-standing" as IndicatorId,
  supervision: "core/supervision" as IndicatorId,
  supervisionCouncil: "core/supervision.council-owned" as IndicatorId,
  supervisionStanding: "core/supervision.standing-owned" as IndicatorId,
  supervisionCommittee: "core/supervision.committee-owned" as IndicatorId,
  supervisionThematic: "core/supervision.thematic" as IndicatorId,
  supervisionPeriodicOngoing: "core/supervision.periodic-ongoing" as IndicatorId,
  survey: "core/survey" as IndicatorId,
  surveyThematicSupervision: "core/survey-thematic-supervision" as IndicatorId,
  interpellation: "core/interpellation" as IndicatorId,
  interpellationAnswerReview: "core/interpellation-answer-review" as IndicatorId,
  explanationHearing: "core/explanation-hearing" as IndicatorId,
  voterMeeting: "core/voter-meeting" as IndicatorId,
  voterOpinions: "core/voter-opinions" as IndicatorId,
  citizenReception: "core/citizen-reception" as IndicatorId,
  citizensReceived: "core/citizens-received" as IndicatorId,
  citizenLetter: "core/citizen-letter" as IndicatorId,
  legalDocumentSupervision: "core/legal-document-supervision" as IndicatorId,
  complaintHandlingSupervision: "core/complaint-handling-supervision" as IndicatorId,
  voterPetitionSupervision: "core/voter-petition-supervision" as IndicatorId,
  confidenceRating: "core/confidence-rating" as IndicatorId,
  confidenceVote: "core/confidence-vote" as IndicatorId,
  experienceExchange: "core/experience-exchange" as IndicatorId,
  liaisonMeeting: "core/liaison-meeting" as IndicatorId,
  naCoordination: "core/na-coordination" as IndicatorId,
  jointPreparatoryMeeting: "core/joint-preparatory-meeting" as IndicatorId,
  /** Since 0.2.0: the sum of `voters` over voter meetings. */
  votersMet: "core/voter-meeting.voters" as IndicatorId,
  /** Since 0.2.0: distinct `places` of voter meetings. */
  voterMeetingPlaces: "core/voter-meeting.places" as IndicatorId,
  /** Since 0.2.0: the sum of `recommendations` over supervision missions. */
  supervisionRecommendations: "core/supervision.recommendations" as IndicatorId,
  /** Since 0.2.0: distinct `places` visited by supervision missions and surveys. */
  placesVisited: "core/places-visited" as IndicatorId,
  /** Since 0.2.0: the sum of `documents` over legal-document supervisions. */
  legalDocumentsSupervised: "core/legal-document-supervision.documents" as IndicatorId,
  recommendationRaised: "core/recommendation.raised" as IndicatorId,
  recommendationAnswered: "core/recommendation.answered" as IndicatorId,
  recommendationResolved: "core/recommendation.resolved" as IndicatorId,
  recommendationOverdue: "core/recommendation.overdue" as IndicatorId,
  recommendationFromVoters: "core/recommendation.from-voters" as IndicatorId,
  recommendationForwarded: "core/recommendation.forwarded" as IndicatorId,
  recommendationToAgencies: "core/recommendation.to-agencies" as IndicatorId,
  recommendationReceived: "core/recommendation.received" as IndicatorId
} as const

/**
 * An indicator that sums an attribute or counts its distinct values.
 */
const measured = (
  id: string,
  vi: string,
  en: string,
  noun: readonly [string, string],
  filter: Filter,
  measure: "sum" | "distinct",
  attribute: string
): Indicator =>
  new Indicator({ id: id as IndicatorId, vi, en, nounVi: noun[0], nounEn: noun[1], filter, measure, attribute }, BUILT_IN)

/**
 * Ids of the built-in indicators of council outputs: sessions held, resolutions adopted, documents
 * submitted and reviewed.
 *
 * @since 0.2.0
 * @category data
 */
export const outputIds = {
  sessionsHeld: "core/sessions-held" as IndicatorId,
  sessionsHeldRegular: "core/sessions-held.regular" as IndicatorId,
  sessionsHeldSpecial: "core/sessions-held.special" as IndicatorId,
  sessionsHeldThematic: "core/sessions-held.thematic" as IndicatorId,
  resolutionsAdopted: "core/resolutions-adopted" as IndicatorId,
  resolutionsAdoptedNormative: "core/resolutions-adopted.normative" as IndicatorId,
  resolutionsAdoptedIndividual: "core/resolutions-adopted.individual" as IndicatorId,
  documentsSubmitted: "core/documents-submitted" as IndicatorId,
  documentsReviewed: "core/documents-reviewed" as IndicatorId,
  documentsReviewedDraftResolution: "core/documents-reviewed.draft-resolution" as IndicatorId,
  documentsReviewedReport: "core/documents-reviewed.report" as IndicatorId,
  documentsReviewedSubmission: "core/documents-reviewed.submission" as IndicatorId,
  documentsReviewedScheme: "core/documents-reviewed.scheme" as IndicatorId,
  documentsReviewedReportSchemeSubmission: "core/documents-reviewed.report-scheme-submission" as IndicatorId
} as const

const of = (source: Source, ind: Indicator): Indicator => new Indicator({ ...ind, source }, BUILT_IN)
/** A document is reviewed when at least one organ reviewed it. */
const REVIEWED: Filter = { organiserKinds: ["committee", "standing", "plenary", "delegate-group"] }

/**
 * The built-in indicators of council outputs (part of {@link builtinIndicators}). Sessions count on
 * their first day, resolutions on the day adopted, documents on the day submitted; each can be
 * scoped to sessions instead (`TabulationRequest.sessions`). A document counts as reviewed when it
 * names at least one reviewer.
 *
 * @since 0.2.0
 * @category data
 */
export const outputIndicators: ReadonlyArray<Indicator> = [
  of("sessions", def(outputIds.sessionsHeld, "Kỳ họp đã tổ chức", "Sessions held", ["kỳ họp", "sessions"], {})),
  of("sessions", def(outputIds.sessionsHeldRegular, "Kỳ họp thường lệ đã tổ chức", "Regular sessions held", ["kỳ họp thường lệ", "regular sessions"],
    { sessionTypes: ["regular"] }, "count", outputIds.sessionsHeld)),
  of("sessions", def(outputIds.sessionsHeldSpecial, "Kỳ họp chuyên đề, bất thường đã tổ chức", "Special sessions held",
    ["kỳ họp chuyên đề, bất thường", "special sessions"], { sessionTypes: ["special"] }, "count", outputIds.sessionsHeld)),
  of("sessions", def(outputIds.sessionsHeldThematic, "Kỳ họp chuyên đề đã tổ chức", "Thematic sessions held", ["kỳ họp chuyên đề", "thematic sessions"],
    { sessionTypes: ["special"], specialLabels: ["chuyen-de"] }, "count", outputIds.sessionsHeldSpecial)),
  of("resolutions", def(outputIds.resolutionsAdopted, "Nghị quyết đã thông qua", "Resolutions adopted", ["nghị quyết", "resolutions"], {})),
  of("resolutions", def(outputIds.resolutionsAdoptedNormative, "Nghị quyết quy phạm pháp luật đã thông qua", "Legal normative resolutions adopted",
    ["nghị quyết quy phạm pháp luật", "normative resolutions"], { resolutionKinds: ["normative"] }, "count", outputIds.resolutionsAdopted)),
  of("resolutions", def(outputIds.resolutionsAdoptedIndividual, "Nghị quyết cá biệt đã thông qua", "Individual resolutions adopted",
    ["nghị quyết cá biệt", "individual resolutions"], { resolutionKinds: ["individual"] }, "count", outputIds.resolutionsAdopted)),
  of("documents", def(outputIds.documentsSubmitted, "Văn bản trình HĐND", "Documents submitted to the council", ["văn bản", "documents"], {})),
  of("documents", def(outputIds.documentsReviewed, "Văn bản đã thẩm tra", "Documents reviewed", ["văn bản", "documents"], REVIEWED, "count",
    outputIds.documentsSubmitted)),
  of("documents", def(outputIds.documentsReviewedDraftResolution, "Dự thảo nghị quyết đã thẩm tra (theo văn bản trình)", "Draft resolutions reviewed (by document)",
    ["dự thảo nghị quyết", "draft resolutions"], { ...REVIEWED, documentTypes: ["draft-resolution"] }, "count", outputIds.documentsReviewed)),
  of("documents", def(outputIds.documentsReviewedReport, "Báo cáo đã thẩm tra (theo văn bản trình)", "Reports reviewed (by document)",
    ["báo cáo", "reports"], { ...REVIEWED, documentTypes: ["report"] }, "count", outputIds.documentsReviewed)),
  of("documents", def(outputIds.documentsReviewedSubmission, "Tờ trình đã thẩm tra (theo văn bản trình)", "Submissions reviewed (by document)",
    ["tờ trình", "submissions"], { ...REVIEWED, documentTypes: ["submission"] }, "count", outputIds.documentsReviewed)),
  of("documents", def(outputIds.documentsReviewedScheme, "Đề án đã thẩm tra (theo văn bản trình)", "Schemes reviewed (by document)",
    ["đề án", "schemes"], { ...REVIEWED, documentTypes: ["scheme"] }, "count", outputIds.documentsReviewed)),
  of("documents", def(outputIds.documentsReviewedReportSchemeSubmission, "Báo cáo, đề án, tờ trình đã thẩm tra", "Reports, schemes and submissions reviewed",
    ["báo cáo, đề án, tờ trình", "reports, schemes and submissions"],
    { ...REVIEWED, anyOf: [{ documentTypes: ["report"] }, { documentTypes: ["scheme"] }, { documentTypes: ["submission"] }] }, "count",
    outputIds.documentsReviewed))
]

/**
 * The built-in indicators.
 *
 * @since 0.1.0
 * @category data
 */
export const builtinIndicators: ReadonlyArray<Indicator> = [
  // Review (thẩm tra)
  def(ids.reviewContent, "Nội dung đã thẩm tra", "Items reviewed", ["nội dung", "items"], REVIEW),
  def(ids.reviewDraftResolution, "Dự thảo nghị quyết đã thẩm tra", "Draft resolutions reviewed", ["dự thảo nghị quyết", "draft resolutions"],
    { ...REVIEW, subjects: ["draft-resolution"] }, "count", ids.reviewContent),
  def(ids.reviewDraftResolutionNormative, "Dự thảo nghị quyết quy phạm pháp luật đã thẩm tra", "Normative draft resolutions reviewed",
    ["dự thảo nghị quyết quy phạm pháp luật", "normative draft resolutions"],
    { ...REVIEW, subjects: ["draft-resolution"], resolutionKinds: ["normative"] }, "count", ids.reviewDraftResolution),
  def(ids.reviewDraftResolutionIndividual, "Dự thảo nghị quyết cá biệt đã thẩm tra", "Individual draft resolutions reviewed",
    ["dự thảo nghị quyết cá biệt", "individual draft resolutions"],
    { ...REVIEW, subjects: ["draft-resolution"], resolutionKinds: ["individual"] }, "count", ids.reviewDraftResolution),
  def(ids.reviewReport, "Báo cáo đã thẩm tra", "Reports reviewed", ["báo cáo", "reports"], { ...REVIEW, subjects: ["report"] }, "count", ids.reviewContent),
  def(ids.reviewSubmission, "Tờ trình đã thẩm tra", "Submissions reviewed", ["tờ trình", "submissions"], { ...REVIEW, subjects: ["submission"] }, "count", ids.reviewContent),
  def(ids.reviewScheme, "Đề án đã thẩm tra", "Schemes reviewed", ["đề án", "schemes"], { ...REVIEW, subjects: ["scheme"] }, "count", ids.reviewContent),
  def(ids.reviewSessions, "Kỳ họp có nội dung được thẩm tra trình", "Sessions served by reviews", ["kỳ họp", "sessions"], REVIEW, "distinct-sessions"),
  def(ids.reviewSessionsRegular, "Kỳ họp thường lệ có nội dung được thẩm tra trình", "Regular sessions served by reviews",
    ["kỳ họp thường lệ", "regular sessions"], { ...REVIEW, sessionTypes: ["regular"] }, "distinct-sessions", ids.reviewSessions),
  def(ids.reviewSessionsSpecial, "Kỳ họp chuyên đề, bất thường có nội dung được thẩm tra trình", "Special sessions served by reviews",
    ["kỳ họp chuyên đề, bất thường", "special sessions"], { ...REVIEW, sessionTypes: ["special"] }, "distinct-sessions", ids.reviewSessions),
  def(ids.reviewSessionsThematic, "Kỳ họp chuyên đề có nội dung được thẩm tra trình", "Thematic sessions served by reviews",
    ["kỳ họp chuyên đề", "thematic sessions"], { ...REVIEW, sessionTypes: ["special"], specialLabels: ["chuyen-de"] }, "distinct-sessions",
    ids.reviewSessionsSpecial),
  // Advisory (tham mưu, đề xuất)
  def(ids.advisory, "Nội dung tham mưu, đề xuất", "Matters advised on", ["nội dung", "matters"], ADVISORY),
  def(ids.advisoryInterSession, "Nội dung phát sinh giữa hai kỳ họp được tham mưu", "Inter-session matters advised on",
    ["nội dung", "matters"], { ...ADVISORY, origins: ["inter-session"] }, "count", ids.advisory),
  def(ids.advisoryAssigned, "Nội dung tham mưu theo sự phân công của Thường trực", "Matters assigned by the standing committee",
    ["nội dung", "matters"], { ...ADVISORY, origins: ["assigned-by-standing"] }, "count", ids.advisory),
  // Supervision (giám sát) and surveys (khảo sát)
  def(ids.supervision, "Cuộc giám sát", "Supervision missions", ["cuộc", "missions"], SUPERVISION),
  def(ids.supervisionCouncil, "Cuộc giám sát của HĐND", "Supervision missions of the council", ["cuộc", "missions"],
    { ...SUPERVISION, ownerKinds: ["plenary"] }, "count", ids.supervision),
  def(ids.supervisionStanding, "Cuộc giám sát của Thường trực HĐND", "Supervision missions of the standing committee", ["cuộc", "missions"],
    { ...SUPERVISION, ownerKinds: ["standing"] }, "count", ids.supervision),
  def(ids.supervisionCommittee, "Cuộc giám sát của các ban", "Supervision missions of the committees", ["cuộc", "missions"],
    { ...SUPERVISION, ownerKinds: ["committee"] }, "count", ids.supervision),
  def(ids.supervisionThematic, "Cuộc giám sát chuyên đề", "Thematic supervision missions", ["cuộc", "missions"],
    { ...SUPERVISION, modes: ["thematic"] }, "count", ids.supervision),
  def(ids.supervisionPeriodicOngoing, "Cuộc giám sát định kỳ, thường xuyên", "Periodic and ongoing supervision missions", ["cuộc", "missions"],
    { ...SUPERVISION, modes: ["periodic", "ongoing"] }, "count", ids.supervision),
  def(ids.survey, "Cuộc khảo sát", "Surveys", ["cuộc", "surveys"], { kinds: kinds("survey") }),
  def(ids.surveyThematicSupervision, "Cuộc khảo sát, giám sát chuyên đề của các ban", "Committee surveys and thematic supervisions",
    ["cuộc", "missions"], {
      ownerKinds: ["committee"],
      anyOf: [{ kinds: kinds("survey") }, { kinds: kinds("supervision"), modes: ["thematic"] }]
    }),
  // Other work of councils and standing committees
  def(ids.interpellation, "Phiên chất vấn", "Interpellation sittings", ["phiên", "sittings"], { kinds: kinds("interpellation") }),
  def(ids.interpellationAnswerReview, "Lượt xem xét việc trả lời chất vấn", "Considerations of interpellation answers", ["lượt", "times"],
    { kinds: kinds("interpellationAnswerReview") }),
  def(ids.explanationHearing, "Phiên giải trình", "Explanation hearings", ["phiên", "hearings"], { kinds: kinds("explanationHearing") }),
  def(ids.voterMeeting, "Cuộc tiếp xúc cử tri", "Voter meetings", ["cuộc", "meetings"], { kinds: kinds("voterMeeting") }),
  def(ids.voterOpinions, "Ý kiến, kiến nghị của cử tri", "Voters' opinions and petitions", ["ý kiến, kiến nghị", "opinions"],
    { kinds: kinds("voterMeeting") }, "tally"),
  def(ids.citizenReception, "Buổi tiếp công dân", "Citizen reception sessions", ["buổi", "sessions"], { kinds: kinds("citizenReception") }),
  def(ids.citizensReceived, "Lượt công dân được tiếp", "Citizens received", ["lượt công dân", "citizens"], { kinds: kinds("citizenReception") }, "tally"),
  def(ids.citizenLetter, "Đơn, thư được tiếp nhận", "Citizen letters received", ["đơn thư", "letters"], { kinds: kinds("citizenLetter") }),
  def(ids.legalDocumentSupervision, "Văn bản quy phạm pháp luật được giám sát", "Legal documents supervised", ["văn bản", "documents"],
    { kinds: kinds("legalDocumentSupervision") }),
  def(ids.complaintHandlingSupervision, "Cuộc giám sát việc giải quyết khiếu nại, tố cáo", "Supervisions of complaint handling",
    ["cuộc", "missions"], { kinds: kinds("complaintHandlingSupervision") }),
  def(ids.voterPetitionSupervision, "Cuộc giám sát việc giải quyết kiến nghị của cử tri", "Supervisions of voters' petitions",
    ["cuộc", "missions"], { kinds: kinds("voterPetitionSupervision") }),
  def(ids.confidenceRating, "Lần lấy phiếu tín nhiệm", "Confidence ratings", ["lần", "ratings"], { kinds: kinds("confidenceRating") }),
  def(ids.confidenceVote, "Lần bỏ phiếu tín nhiệm", "Confidence votes", ["lần", "votes"], { kinds: kinds("confidenceVote") }),
  def(ids.experienceExchange, "Hội nghị trao đổi kinh nghiệm", "Experience-exchange conferences", ["hội nghị", "conferences"],
    { kinds: kinds("experienceExchange") }),
  def(ids.liaisonMeeting, "Hội nghị giao ban", "Liaison meetings", ["hội nghị", "meetings"], { kinds: kinds("liaisonMeeting") }),
  def(ids.naCoordination, "Lượt phối hợp với Hội đồng Dân tộc, các Ủy ban của Quốc hội", "Coordination with National Assembly bodies",
    ["lượt", "times"], { kinds: kinds("naCoordination") }),
  def(ids.jointPreparatoryMeeting, "Hội nghị liên tịch", "Joint preparatory conferences", ["hội nghị", "conferences"],
    { kinds: kinds("jointPreparatoryMeeting") }),
  // Sums and distinct counts of attributes (since 0.2.0)
  measured(ids.votersMet, "Lượt cử tri tham dự tiếp xúc cử tri", "Voters at voter meetings", ["lượt cử tri", "voters"],
    { kinds: kinds("voterMeeting") }, "sum", "voters"),
  measured(ids.voterMeetingPlaces, "Điểm tiếp xúc cử tri", "Voter meeting places", ["điểm", "places"],
    { kinds: kinds("voterMeeting") }, "distinct", "places"),
  measured(ids.supervisionRecommendations, "Kiến nghị qua giám sát", "Recommendations made by supervision missions", ["kiến nghị", "recommendations"],
    SUPERVISION, "sum", "recommendations"),
  measured(ids.placesVisited, "Địa bàn được giám sát, khảo sát", "Places visited by supervision missions and surveys", ["địa bàn", "places"],
    { kinds: kinds("supervision", "survey") }, "distinct", "places"),
  measured(ids.legalDocumentsSupervised, "Số văn bản quy phạm pháp luật được giám sát", "Legal documents examined by legal-document supervisions",
    ["văn bản", "documents"], { kinds: kinds("legalDocumentSupervision") }, "sum", "documents"),
  // Recommendations and voters' petitions (kiến nghị): matters raised in the period, as they stand at its end
  rec(ids.recommendationRaised, "Kiến nghị đã tiếp nhận", "Recommendations raised", ["kiến nghị", "recommendations"], { figure: "raised" }),
  rec(ids.recommendationAnswered, "Kiến nghị đã được trả lời", "Recommendations answered", ["kiến nghị", "recommendations"], { figure: "answered" }),
  rec(ids.recommendationResolved, "Kiến nghị đã được giải quyết", "Recommendations resolved", ["kiến nghị", "recommendations"], { figure: "resolved" }),
  rec(ids.recommendationOverdue, "Kiến nghị quá hạn trả lời", "Recommendations overdue", ["kiến nghị", "recommendations"], { figure: "overdue" }),
  rec(ids.recommendationFromVoters, "Kiến nghị của cử tri đã tiếp nhận", "Voters' petitions received", ["kiến nghị", "petitions"],
    { figure: "raised", directions: ["from-voters", "forwarded"] }),
  rec(ids.recommendationForwarded, "Kiến nghị của cử tri đã chuyển đến cơ quan có thẩm quyền", "Voters' petitions forwarded", ["kiến nghị", "petitions"],
    { figure: "raised", directions: ["forwarded"] }),
  rec(ids.recommendationToAgencies, "Nội dung đã kiến nghị đến các cơ quan", "Recommendations raised to agencies", ["nội dung", "recommendations"],
    { figure: "raised", directions: ["to-agencies"] }),
  rec(ids.recommendationReceived, "Kiến nghị, đề xuất gửi đến các cơ quan của HĐND", "Recommendations and proposals received by the council's organs",
    ["kiến nghị, đề xuất", "recommendations and proposals"], { figure: "raised", directions: ["received"] }),
  // Council outputs: sessions held, resolutions adopted, documents submitted and reviewed
  ...outputIndicators
]
