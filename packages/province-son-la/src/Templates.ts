/**
 * The report templates of HĐND tỉnh Sơn La:
 *
 * - `son-la/committee-conference-2023`: the report of the committee conference of 14 October 2023
 *   (the seed article, HDND-DOMAIN.md §3.3), its third paragraph with every figure bound to an
 *   indicator, tables by level and by council and three charts. Moved here unchanged from the Sơn La
 *   example.
 * - `son-la/committee-year-end`: a year-end report of the committees' work (reviews, supervisions,
 *   surveys, advisory work) by level and by council, for any year before or after the 2025 reform.
 * - `son-la/answer-report`: the consolidated answers to the recommendations and proposals the lower
 *   councils' committees raise at the conference, in the conference report's layout; rendered with
 *   `hdnd recommendations report -t son-la/answer-report`, which places the answers in its empty
 *   section.
 *
 * All carry the official frame of HĐND tỉnh Sơn La (Decree 30/2020 layout, HDND-DOMAIN.md §7). Every
 * indicator is built into `@hdnd/core`.
 *
 * @since 0.1.0
 */
import { Ids, Indicators, ReportTemplate } from "@hdnd/core"

const { ids } = Indicators

/**
 * The id of the seed report's template.
 *
 * @since 0.1.0
 * @category ids
 */
export const CONFERENCE_TEMPLATE_ID: Ids.TemplateId = Ids.TemplateId.make("son-la/committee-conference-2023")

/**
 * The paragraph of the seed with every number replaced by a placeholder. The counting nouns come from
 * the indicators ("dự thảo nghị quyết", "báo cáo", "kỳ họp", "nội dung", "cuộc", "kỳ họp thường lệ",
 * "kỳ họp chuyên đề"), so each `count` placeholder reads exactly like the seed. The "2" of "giữa 2
 * kỳ họp" is wording ("between the two sessions"), not a figure, and stays literal.
 *
 * @since 0.1.0
 * @category data
 */
export const RESULTS_PARAGRAPH =
  "{{Period}}, các ban của HĐND tỉnh và các ban của HĐND các huyện, thành phố tiếp tục đổi mới nội dung, phương thức hoạt động, " +
  "chất lượng, hiệu quả hoạt động ngày càng được nâng lên và đạt được nhiều kết quả quan trọng. " +
  "Các ban của HĐND tỉnh đã tổ chức thẩm tra {{count core/review.draft-resolution level=province}} và " +
  "{{count core/review.report level=province}}, trình {{count core/review.sessions level=province}} của HĐND tỉnh. " +
  "Tham mưu, đề xuất đối với {{count core/advisory.inter-session level=province}} phát sinh giữa 2 kỳ họp và " +
  "{{count core/advisory.assigned-by-standing level=province}} theo sự phân công của Thường trực HĐND tỉnh; " +
  "tổ chức {{count core/supervision.council-owned level=province}} giám sát của HĐND tỉnh, " +
  "{{count core/supervision.standing-owned level=province}} giám sát của Thường trực HĐND tỉnh và " +
  "{{count core/survey-thematic-supervision level=province}} khảo sát, giám sát chuyên đề. " +
  "Các ban của HĐND các huyện, thành phố thực hiện thẩm tra đối với {{count core/review.content level=district}} trình " +
  "{{count core/review.sessions.regular level=district}} và {{count core/review.sessions.thematic level=district}} " +
  "của HĐND các huyện, thành phố; tổ chức {{count core/survey-thematic-supervision level=district}} khảo sát, giám sát chuyên đề, " +
  "{{count core/supervision.periodic-ongoing level=district}} giám sát định kỳ, thường xuyên; tham mưu giải quyết đối với " +
  "{{count core/advisory.assigned-by-standing level=district}} theo sự phân công của Thường trực HĐND các huyện, thành phố."

/** The tasks for 2024 (the seed's next paragraph; it has no figures). */
const TASKS_PARAGRAPH =
  "Triển khai nhiệm vụ năm 2024, các ban HĐND tỉnh và HĐND các huyện, thành phố chủ động xây dựng chương trình, nội dung hoạt động " +
  "phù hợp với yêu cầu, nhiệm vụ; tiếp tục đổi mới phương thức hoạt động thẩm tra, giám sát, khảo sát; tăng cường kết hợp khảo sát " +
  "và giám sát; tích cực phối hợp công tác và trao đổi kinh nghiệm hoạt động."

/**
 * The official frame of HĐND tỉnh Sơn La for a report of its committees: the issuing body, "BC" /
 * "HĐND" for the number ("Số: 85/BC-HĐND" [V] §7.1), place "Sơn La", recipients that exist in every era
 * (no district councils after 1 July 2025) and the signature block of the seed report.
 *
 * @since 0.1.0
 * @category data
 */
export const provinceFrame: ReportTemplate.ReportTemplate["frame"] = {
  issuingBody: ["HỘI ĐỒNG NHÂN DÂN", "TỈNH SƠN LA"],
  documentType: "BC",
  issuer: "HĐND",
  place: "Sơn La",
  recipients: [
    "Thường trực Tỉnh ủy (b/c)",
    "Thường trực HĐND tỉnh",
    "Các ban của HĐND tỉnh",
    "Các vị đại biểu HĐND tỉnh",
    "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    "Lưu: VT."
  ],
  signatureTitle: ["TM. THƯỜNG TRỰC HĐND", "PHÓ CHỦ TỊCH"]
}

/**
 * The seed report's template: official frame of HĐND tỉnh Sơn La; figures by level, a table by
 * council, and charts by council, by activity kind and by month.
 *
 * @since 0.1.0
 * @category data
 */
export const conferenceTemplate: ReportTemplate.ReportTemplate = new ReportTemplate.ReportTemplate({
  id: CONFERENCE_TEMPLATE_ID,
  vi: "Báo cáo kết quả hoạt động của các ban HĐND tỉnh và các ban HĐND các huyện, thành phố (Sơn La, 2023)",
  en: "Activity report of the committees of the Sơn La provincial and district councils (2023)",
  title: "Báo cáo kết quả hoạt động của các ban HĐND tỉnh và các ban HĐND các huyện, thành phố {{period}}",
  groupBy: ["level", "council", "kind", "month"],
  // The seed report went to the district councils too (before the 2025 reform).
  frame: {
    ...provinceFrame!,
    recipients: [
      "Thường trực Tỉnh ủy (b/c)",
      "Thường trực HĐND tỉnh",
      "Các ban của HĐND tỉnh",
      "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
      "Thường trực HĐND các huyện, thành phố",
      "Lưu: VT."
    ]
  },
  sections: [
    {
      heading: "I. Kết quả hoạt động",
      blocks: [{ _tag: "Paragraph", text: RESULTS_PARAGRAPH }]
    },
    {
      heading: "II. Số liệu tổng hợp theo cấp",
      blocks: [
        {
          _tag: "Table",
          title: "Kết quả hoạt động của các ban HĐND {{period short}}",
          rows: "level",
          rowHeader: "Cấp",
          // KH: kỳ họp; KS: khảo sát; GS: giám sát; TX: thường xuyên (abbreviations usual in tables).
          total: true,
          columns: [
            { indicator: ids.reviewContent, header: "Nội dung thẩm tra" },
            { indicator: ids.reviewSessionsRegular, header: "KH thường lệ" },
            { indicator: ids.reviewSessionsThematic, header: "KH chuyên đề" },
            { indicator: ids.surveyThematicSupervision, header: "KS, GS chuyên đề" },
            { indicator: ids.supervisionPeriodicOngoing, header: "GS định kỳ, TX" },
            { indicator: ids.advisoryAssigned, header: "Tham mưu (phân công)" }
          ]
        },
        {
          _tag: "Table",
          title: "Kết quả hoạt động của từng Hội đồng nhân dân {{period short}}",
          rows: "council",
          rowHeader: "Hội đồng nhân dân",
          total: true,
          columns: [
            { indicator: ids.reviewContent, header: "Nội dung thẩm tra" },
            { indicator: ids.surveyThematicSupervision, header: "KS, GS chuyên đề" },
            { indicator: ids.supervisionPeriodicOngoing, header: "GS định kỳ, TX" },
            { indicator: ids.advisoryAssigned, header: "Tham mưu (phân công)" }
          ]
        },
        { _tag: "Chart", title: "Nội dung thẩm tra theo Hội đồng nhân dân", chart: "bar", indicator: ids.reviewContent, by: "council" },
        {
          _tag: "Chart",
          title: "Khảo sát, giám sát chuyên đề của các ban HĐND tỉnh theo loại hoạt động",
          chart: "bar",
          indicator: ids.surveyThematicSupervision,
          by: "kind",
          where: { level: "province" }
        },
        {
          _tag: "Chart",
          title: "Nội dung thẩm tra của các ban HĐND tỉnh theo tháng",
          chart: "line",
          indicator: ids.reviewContent,
          by: "month",
          where: { level: "province" }
        }
      ]
    },
    {
      heading: "III. Phương hướng nhiệm vụ năm 2024",
      blocks: [{ _tag: "Paragraph", text: TASKS_PARAGRAPH }]
    }
  ],
  description:
    "Tái tạo đoạn số liệu của bài viết về Hội nghị trao đổi kinh nghiệm giữa các ban HĐND tỉnh Sơn La và các ban HĐND huyện, thành phố (14/10/2023)."
})

/**
 * The id of the year-end committee report template.
 *
 * @since 0.1.0
 * @category ids
 */
export const YEAR_END_TEMPLATE_ID: Ids.TemplateId = Ids.TemplateId.make("son-la/committee-year-end")

/** Reviews by the provincial committees, by kind of item and session. */
const YEAR_END_REVIEW =
  "{{Period}}, các ban của HĐND tỉnh đã thẩm tra {{count core/review.draft-resolution level=province}} " +
  "(trong đó {{count core/review.draft-resolution.normative level=province}}), {{count core/review.report level=province}}, " +
  "{{count core/review.submission level=province}} và {{count core/review.scheme level=province}}, trình " +
  "{{count core/review.sessions.regular level=province}} và {{count core/review.sessions.thematic level=province}} của HĐND tỉnh."

/** Supervisions and surveys of the provincial committees, by owner. */
const YEAR_END_SUPERVISION =
  "Các ban đã tổ chức {{count core/supervision.council-owned level=province}} giám sát của HĐND tỉnh, " +
  "{{count core/supervision.standing-owned level=province}} giám sát của Thường trực HĐND tỉnh, " +
  "{{count core/supervision.committee-owned level=province}} giám sát của các ban và {{count core/survey level=province}} khảo sát; " +
  "trong đó có {{count core/survey-thematic-supervision level=province}} khảo sát, giám sát chuyên đề của các ban."

/** Advisory work of the provincial committees. */
const YEAR_END_ADVISORY =
  "Tham mưu, đề xuất đối với {{count core/advisory.inter-session level=province}} phát sinh giữa hai kỳ họp và " +
  "{{count core/advisory.assigned-by-standing level=province}} theo sự phân công của Thường trực HĐND tỉnh."

/** Every level: figures are in the tables, worded without naming the level below (district or commune). */
const YEAR_END_LOWER =
  "Kết quả hoạt động của các ban HĐND tỉnh và các ban HĐND cấp dưới được tổng hợp theo từng cấp và từng Hội đồng nhân dân tại các bảng dưới đây."

/** The tasks ahead (no figures). */
const YEAR_END_TASKS =
  "Các ban của HĐND tỉnh tiếp tục xây dựng chương trình công tác, chương trình giám sát năm sau; nâng cao chất lượng thẩm tra, " +
  "giám sát, khảo sát; tăng cường phối hợp công tác và trao đổi kinh nghiệm hoạt động với các ban của HĐND cấp dưới."

const YEAR_END_COLUMNS = [
  { indicator: ids.reviewContent, header: "Nội dung thẩm tra" },
  { indicator: ids.reviewSessions, header: "Kỳ họp" },
  { indicator: ids.supervision, header: "Giám sát (cuộc)" },
  { indicator: ids.survey, header: "Khảo sát (cuộc)" },
  { indicator: ids.advisory, header: "Tham mưu, đề xuất (nội dung)" }
] as const

/**
 * The year-end report of the committees of the Sơn La councils: the provincial committees' reviews,
 * supervisions, surveys and advisory work in words, every level's and every council's figures in
 * tables, with charts by council and by month. Made for a calendar year (`{{period}}` → "năm 2024")
 * but valid for any period; the wording does not name the district level, so it fits the years before
 * and after the 2025 reform.
 *
 * @since 0.1.0
 * @category data
 */
export const yearEndTemplate: ReportTemplate.ReportTemplate = new ReportTemplate.ReportTemplate({
  id: YEAR_END_TEMPLATE_ID,
  vi: "Báo cáo kết quả hoạt động năm của các ban HĐND (Sơn La)",
  en: "Year-end activity report of the council committees (Sơn La)",
  title: "Báo cáo kết quả hoạt động của các ban Hội đồng nhân dân {{period}}",
  groupBy: ["level", "council", "month"],
  frame: provinceFrame,
  sections: [
    {
      heading: "I. Kết quả hoạt động của các ban HĐND tỉnh",
      blocks: [
        { _tag: "Heading", level: 2, text: "1. Công tác thẩm tra" },
        { _tag: "Paragraph", text: YEAR_END_REVIEW },
        { _tag: "Heading", level: 2, text: "2. Công tác giám sát, khảo sát" },
        { _tag: "Paragraph", text: YEAR_END_SUPERVISION },
        { _tag: "Heading", level: 2, text: "3. Công tác tham mưu, đề xuất" },
        { _tag: "Paragraph", text: YEAR_END_ADVISORY }
      ]
    },
    {
      heading: "II. Số liệu tổng hợp theo cấp và theo Hội đồng nhân dân",
      blocks: [
        { _tag: "Paragraph", text: YEAR_END_LOWER },
        {
          _tag: "Table",
          title: "Kết quả hoạt động của các ban HĐND theo cấp {{period short}}",
          rows: "level",
          rowHeader: "Cấp",
          total: true,
          columns: [...YEAR_END_COLUMNS]
        },
        {
          _tag: "Table",
          title: "Kết quả hoạt động của các ban theo Hội đồng nhân dân {{period short}}",
          rows: "council",
          rowHeader: "Hội đồng nhân dân",
          total: true,
          columns: [...YEAR_END_COLUMNS]
        },
        { _tag: "Chart", title: "Cuộc giám sát theo Hội đồng nhân dân", chart: "bar", indicator: ids.supervision, by: "council" },
        {
          _tag: "Chart",
          title: "Nội dung thẩm tra của các ban HĐND tỉnh theo tháng",
          chart: "line",
          indicator: ids.reviewContent,
          by: "month",
          where: { level: "province" }
        }
      ]
    },
    {
      heading: "III. Phương hướng, nhiệm vụ",
      blocks: [{ _tag: "Paragraph", text: YEAR_END_TASKS }]
    }
  ],
  description:
    "Báo cáo năm của các ban HĐND tỉnh Sơn La, kèm số liệu của các ban HĐND cấp dưới (cấp huyện trước ngày 01/7/2025, cấp xã từ ngày 01/7/2025)."
})

/**
 * The id of the answer report template.
 *
 * @since 0.1.0
 * @category ids
 */
export const ANSWER_REPORT_TEMPLATE_ID: Ids.TemplateId = Ids.TemplateId.make("son-la/answer-report")

/** How the recommendations were received and forwarded (no figures: those are in the answers). */
const ANSWER_INTRO =
  "Tại Hội nghị trao đổi kinh nghiệm hoạt động giữa các ban của HĐND tỉnh với các ban của HĐND cấp dưới, các ban đã nêu nhiều " +
  "kiến nghị, đề xuất về tổ chức, hoạt động của Hội đồng nhân dân và về các lĩnh vực kinh tế - xã hội của địa phương. " +
  "Thường trực HĐND tỉnh đã chuyển các kiến nghị, đề xuất đến cơ quan có thẩm quyền xem xét, trả lời; các ban của HĐND tỉnh " +
  "tiếp thu, trao đổi, giải đáp những nội dung thuộc lĩnh vực phụ trách. Kết quả tổng hợp đến ngày báo cáo như sau."

/** What the standing committee asks of the agencies that have not answered yet. */
const ANSWER_FOLLOW_UP =
  "Đề nghị các cơ quan chưa trả lời hoặc đang giải quyết kiến nghị, đề xuất sớm có văn bản trả lời, giải quyết dứt điểm. " +
  "Các ban của HĐND tỉnh tiếp tục theo dõi, đôn đốc việc giải quyết trong lĩnh vực phụ trách và báo cáo kết quả tại hội nghị lần sau."

/**
 * The consolidated answer report in the conference report's layout: the official frame of HĐND tỉnh
 * Sơn La, how the recommendations were received, then (in the section without blocks, where
 * `hdnd recommendations report` places them) the summary, the figures by field and each raising
 * body's recommendations with who answered, the answer and the status, and the follow-up. It cites no
 * activity indicator: its figures are the recommendation figures of the answers. The wording does not
 * name the level below, so it fits the years before and after the 2025 reform.
 *
 * @since 0.1.0
 * @category data
 */
export const answerReportTemplate: ReportTemplate.ReportTemplate = new ReportTemplate.ReportTemplate({
  id: ANSWER_REPORT_TEMPLATE_ID,
  vi: "Báo cáo tổng hợp tiếp thu, trao đổi, giải đáp kiến nghị, đề xuất của các ban HĐND cấp dưới (Sơn La)",
  en: "Consolidated answers to the recommendations of the lower councils' committees (Sơn La)",
  title: "Báo cáo tổng hợp tiếp thu, trao đổi, giải đáp kiến nghị, đề xuất của các ban HĐND cấp dưới {{period}}",
  groupBy: [],
  frame: {
    ...provinceFrame!,
    recipients: [
      "Thường trực Tỉnh ủy (b/c)",
      "Thường trực HĐND tỉnh",
      "Các ban của HĐND tỉnh",
      "Các cơ quan được chuyển kiến nghị",
      "Thường trực HĐND cấp dưới",
      "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
      "Lưu: VT."
    ]
  },
  sections: [
    { heading: "I. Tình hình tiếp nhận kiến nghị, đề xuất", blocks: [{ _tag: "Paragraph", text: ANSWER_INTRO }] },
    { heading: "II. Kết quả tiếp thu, trao đổi, giải đáp", blocks: [] },
    { heading: "III. Đề nghị", blocks: [{ _tag: "Paragraph", text: ANSWER_FOLLOW_UP }] }
  ],
  description:
    "Dùng với lệnh hdnd recommendations report: các phần trả lời kiến nghị được đặt vào mục II (mục không có khối nào). " +
    "Use with hdnd recommendations report: the answers go into section II (the section without blocks)."
})

/**
 * The templates of the plugin: the seed report's, the year-end report's and the answer report's.
 *
 * @since 0.1.0
 * @category data
 */
export const templates: ReadonlyArray<ReportTemplate.ReportTemplate> = [conferenceTemplate, yearEndTemplate, answerReportTemplate]
