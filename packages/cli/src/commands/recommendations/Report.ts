/**
 * `hdnd recommendations report --from DAY --to DAY`: the consolidated answer report of the
 * recommendations raised in a period, with their status as of a day, in any format `hdnd report`
 * writes.
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import * as Flag from "effect/cli/Flag"
import { FORMATS } from "../../Exporters.js"
import type { Lang } from "../../Lang.js"
import type { HdndCommand } from "../../Options.js"
import { common, councils, document, lazy, numberStyle, some, text, toCommon } from "../../Options.js"

/**
 * The `recommendations report` command in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"report"> => {
  const t = text(lang)
  const d = document(lang, {
    vi: `định dạng: ${FORMATS.join(", ")}, hoặc mã định dạng của một plugin; nhiều định dạng cách nhau bằng dấu phẩy cùng -o THƯ-MỤC`,
    en: `format: ${FORMATS.join(", ")}, or the id of a plugin's exporter; several separated by commas with -o DIRECTORY`
  })
  return Command.make(
    "report",
    {
      ...common(lang),
      from: Flag.String("from").pipe(Flag.withDescription(t("các kiến nghị tiếp nhận từ ngày (yyyy-mm-dd hoặc dd/mm/yyyy)", "recommendations raised from this day (yyyy-mm-dd or dd/mm/yyyy)"))),
      to: Flag.String("to").pipe(Flag.withDescription(t("đến ngày", "to this day"))),
      asOf: Flag.String("as-of").pipe(
        Flag.withDescription(t("tình trạng trả lời, giải quyết tính đến ngày này (mặc định: --to)", "answers and evaluations up to this day count (default: --to)")),
        Flag.optional
      ),
      council: councils(lang),
      template: Flag.String("template").pipe(
        Flag.withAlias("t"),
        Flag.withDescription(
          t(
            "mẫu trình bày: core/recommendation-answers (mặc định), mã mẫu của plugin (son-la/answer-report) hoặc tệp mẫu .json; các phần trả lời đặt vào phần không có khối nào của mẫu",
            "layout: core/recommendation-answers (default), a plugin's template id (son-la/answer-report) or a .json template file; the answers go into the template's first section without blocks"
          )
        ),
        Flag.optional
      ),
      petitions: Flag.Boolean("petitions").pipe(Flag.withDescription(t("tính cả ý kiến, kiến nghị của cử tri", "include voters' petitions")), Flag.withDefault(false)),
      title: Flag.String("title").pipe(Flag.withDescription(t("tiêu đề báo cáo (thay tiêu đề của mẫu)", "the report's title (instead of the template's)")), Flag.optional),
      format: d.format,
      output: d.output,
      number: d.number,
      date: d.date,
      numberStyle: numberStyle(lang, {
        vi: "của các số đếm trong báo cáo và trong mẫu (-t); chỗ trống có tùy chọn riêng vẫn theo tùy chọn đó",
        en: "of the counts of the report and of its template (-t); a placeholder's own options still win"
      })
    },
    (o) =>
      lazy(
        () => import("../../handlers/recommendations/Report.js"),
        (m) =>
          m.report(toCommon(lang, o), {
            from: o.from,
            to: o.to,
            councils: o.council,
            petitions: o.petitions,
            format: o.format,
            ...some("template", o.template),
            ...some("asOf", o.asOf),
            ...some("title", o.title),
            ...some("output", o.output),
            ...some("number", o.number),
            ...some("date", o.date),
            ...some("numberStyle", o.numberStyle)
          })
      )
  ).pipe(
    Command.withDescription(
      t(
        "báo cáo tổng hợp tiếp thu, trao đổi, giải đáp kiến nghị, đề xuất của một kỳ, tình trạng tính đến một ngày",
        "the consolidated answer report of the recommendations raised in a period, with their status as of a day"
      )
    )
  )
}
