/**
 * The report template of the Sơn La committee conference of 14 October 2023: the third paragraph of
 * the seed article with every figure bound to an indicator, plus a table by level.
 *
 * @since 0.1.0
 */
import { Ids, Indicators, Registry, ReportTemplate } from "@hdnd/core"

const { ids } = Indicators

/**
 * The id of the template.
 *
 * @since 0.1.0
 */
export const TEMPLATE_ID: Ids.TemplateId = Ids.TemplateId.make("son-la/committee-conference-2023")

/**
 * The paragraph of the seed with every number replaced by a placeholder. The counting nouns come from
 * the indicators ("dự thảo nghị quyết", "báo cáo", "kỳ họp", "nội dung", "cuộc", "kỳ họp thường lệ",
 * "kỳ họp chuyên đề"), so each `count` placeholder reads exactly like the seed. The "2" of "giữa 2
 * kỳ họp" is wording ("between the two sessions"), not a figure, and stays literal.
 *
 * @since 0.1.0
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

/**
 * The tasks for 2024 (the seed's next paragraph; it has no figures).
 */
const TASKS_PARAGRAPH =
  "Triển khai nhiệm vụ năm 2024, các ban HĐND tỉnh và HĐND các huyện, thành phố chủ động xây dựng chương trình, nội dung hoạt động " +
  "phù hợp với yêu cầu, nhiệm vụ; tiếp tục đổi mới phương thức hoạt động thẩm tra, giám sát, khảo sát; tăng cường kết hợp khảo sát " +
  "và giám sát; tích cực phối hợp công tác và trao đổi kinh nghiệm hoạt động."

/**
 * The report template: official frame of HĐND tỉnh Sơn La; figures by level, a table by council,
 * and charts by council, by activity kind and by month.
 *
 * @since 0.1.0
 */
export const template: ReportTemplate.ReportTemplate = new ReportTemplate.ReportTemplate({
  id: TEMPLATE_ID,
  vi: "Báo cáo kết quả hoạt động của các ban HĐND tỉnh và các ban HĐND các huyện, thành phố (Sơn La, 2023)",
  en: "Activity report of the committees of the Sơn La provincial and district councils (2023)",
  title: "Báo cáo kết quả hoạt động của các ban HĐND tỉnh và các ban HĐND các huyện, thành phố {{period}}",
  groupBy: ["level", "council", "kind", "month"],
  frame: {
    issuingBody: ["HỘI ĐỒNG NHÂN DÂN", "TỈNH SƠN LA"],
    documentType: "BC",
    issuer: "HĐND",
    place: "Sơn La",
    recipients: [
      "Thường trực Tỉnh ủy (b/c)",
      "Thường trực HĐND tỉnh",
      "Các ban của HĐND tỉnh",
      "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
      "Thường trực HĐND các huyện, thành phố",
      "Lưu: VT."
    ],
    signatureTitle: ["TM. THƯỜNG TRỰC HĐND", "PHÓ CHỦ TỊCH"]
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
 * The built-in registry with this template added.
 *
 * @since 0.1.0
 */
export const registry: Registry.Registry = Registry.extend({ templates: [template] })
