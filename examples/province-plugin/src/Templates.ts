/**
 * Step 5 of the walkthrough: a report template. Templates are data: headings, paragraphs with
 * placeholders (`{{count <indicator> <dimension>=<value>}}` → "4 phiên giải trình chuyên đề",
 * `{{value …}}` → "4", `{{Period}}` → "6 tháng cuối năm 2025"), tables and charts bound to indicators,
 * and the official frame (issuing body, document number, signature block). This one uses the plugin's
 * indicators beside built-in ones, including the supervisions of Ban Đô thị
 * (`core/supervision committeeKind=do-thi`). Its wording is ILLUSTRATIVE.
 *
 * Every dimension a placeholder or table selects on (`level`, `organ`, `committeeKind`, `month`) must be
 * in `groupBy`; `Report.render` reports any that is not, and any indicator it does not know.
 *
 * @since 0.1.0
 */
import { Ids, Indicators as Core, ReportTemplate } from "@hdnd/core"
import { ids } from "./Indicators.js"

/**
 * The id of the template.
 *
 * @since 0.1.0
 * @category ids
 */
export const COMMITTEE_REPORT_ID: Ids.TemplateId = Ids.TemplateId.make("da-nang/committee-report")

/** Reviews, supervisions (of which Ban Đô thị's) and surveys of the city's committees. */
const RESULTS =
  "{{Period}}, các Ban của HĐND thành phố đã thẩm tra {{count core/review.content level=province}}, trình " +
  "{{count core/review.sessions level=province}} của HĐND thành phố; tổ chức {{count core/supervision level=province}} giám sát, " +
  "trong đó Ban Đô thị chủ trì {{count core/supervision level=province committeeKind=do-thi}}, và " +
  "{{count core/survey level=province}} khảo sát."

/** The thematic hearings (the plugin's indicators) and the standing committee's hearings (core's). */
const HEARINGS =
  "Các Ban đã tổ chức {{count da-nang/committee-hearing level=province}} với các cơ quan của thành phố, trong đó Ban Đô thị " +
  "tổ chức {{value da-nang/committee-hearing.urban level=province}} phiên; Thường trực HĐND thành phố tổ chức " +
  "{{count core/explanation-hearing level=province}} giải trình."

/** The tasks ahead (no figures). */
const TASKS =
  "Các Ban tiếp tục theo dõi việc thực hiện các nội dung đã cam kết tại các phiên giải trình; tăng cường giám sát, khảo sát " +
  "các lĩnh vực quản lý đô thị, đầu tư công và an sinh xã hội của thành phố sau sắp xếp đơn vị hành chính."

const COLUMNS = [
  { indicator: Core.ids.reviewContent, header: "Thẩm tra (nội dung)" },
  { indicator: Core.ids.supervision, header: "Giám sát (cuộc)" },
  { indicator: Core.ids.survey, header: "Khảo sát (cuộc)" },
  { indicator: ids.committeeHearing, header: "Giải trình chuyên đề (phiên)" }
] as const

/**
 * The official frame of HĐND thành phố Đà Nẵng for its committees' report: issuing body, "BC" / "HĐND"
 * for the number ("Số: 12/BC-HĐND"), place, recipients and signature block (Decree 30/2020 layout,
 * HDND-DOMAIN.md §7). No signatory name: the example names no real person.
 *
 * @since 0.1.0
 * @category data
 */
export const cityFrame: ReportTemplate.ReportTemplate["frame"] = {
  issuingBody: ["HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG"],
  documentType: "BC",
  issuer: "HĐND",
  place: "Đà Nẵng",
  recipients: ["Thường trực Thành ủy (b/c)", "Thường trực HĐND thành phố", "Các Ban của HĐND thành phố", "Các vị đại biểu HĐND thành phố", "Lưu: VT."],
  signatureTitle: ["TM. THƯỜNG TRỰC HĐND", "PHÓ CHỦ TỊCH"]
}

/**
 * The report of the city council's committees for a period (made for a half-year: "6 tháng cuối năm
 * 2025"): figures in words, a table by committee, a table and a chart by month.
 *
 * @since 0.1.0
 * @category data
 */
export const committeeReport: ReportTemplate.ReportTemplate = new ReportTemplate.ReportTemplate({
  id: COMMITTEE_REPORT_ID,
  vi: "Báo cáo kết quả hoạt động của các Ban HĐND thành phố (Đà Nẵng)",
  en: "Activity report of the city council committees (Đà Nẵng)",
  title: "Báo cáo kết quả hoạt động của các Ban Hội đồng nhân dân thành phố {{period}}",
  groupBy: ["level", "organ", "committeeKind", "month"],
  frame: cityFrame,
  sections: [
    {
      heading: "I. Kết quả hoạt động",
      blocks: [
        { _tag: "Heading", level: 2, text: "1. Thẩm tra, giám sát, khảo sát" },
        { _tag: "Paragraph", text: RESULTS },
        { _tag: "Heading", level: 2, text: "2. Giải trình chuyên đề" },
        { _tag: "Paragraph", text: HEARINGS }
      ]
    },
    {
      heading: "II. Số liệu tổng hợp",
      blocks: [
        {
          _tag: "Table",
          title: "Kết quả hoạt động theo Ban {{period short}}",
          rows: "organ",
          rowHeader: "Ban",
          where: { level: "province" },
          total: true,
          columns: [...COLUMNS]
        },
        {
          _tag: "Table",
          title: "Kết quả hoạt động của các Ban theo tháng {{period short}}",
          rows: "month",
          rowHeader: "Tháng",
          where: { level: "province" },
          total: true,
          columns: [...COLUMNS]
        },
        {
          _tag: "Chart",
          title: "Phiên giải trình chuyên đề theo tháng",
          chart: "line",
          indicator: ids.committeeHearing,
          by: "month",
          where: { level: "province" }
        }
      ]
    },
    {
      heading: "III. Phương hướng, nhiệm vụ",
      blocks: [{ _tag: "Paragraph", text: TASKS }]
    }
  ],
  description: "Mẫu minh họa của plugin ví dụ da-nang: kết quả thẩm tra, giám sát, khảo sát và giải trình chuyên đề của các Ban HĐND thành phố."
})

/**
 * The templates of the plugin.
 *
 * @since 0.1.0
 * @category data
 */
export const templates: ReadonlyArray<ReportTemplate.ReportTemplate> = [committeeReport]
