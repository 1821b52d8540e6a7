/**
 * `hdnd report -t TEMPLATE --from DAY --to DAY`: renders a report template over a period into one
 * or more formats.
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import * as Flag from "effect/cli/Flag"
import { FORMATS } from "../Exporters.js"
import type { Lang } from "../Lang.js"
import type { HdndCommand } from "../Options.js"
import { common, document, lazy, numberStyle, period, some, text, toCommon } from "../Options.js"

/**
 * The `report` command in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"report"> => {
  const t = text(lang)
  const d = document(lang, {
    vi: `định dạng: ${FORMATS.join(", ")}, hoặc mã định dạng của một plugin (xem hdnd plugins); nhiều định dạng cách nhau bằng dấu phẩy (docx,xlsx,html) cùng -o THƯ-MỤC`,
    en: `format: ${FORMATS.join(", ")}, or the id of a plugin's exporter (see hdnd plugins); several separated by commas (docx,xlsx,html) with -o DIRECTORY`
  })
  return Command.make(
    "report",
    {
      ...common(lang),
      ...period(lang),
      template: Flag.String("template").pipe(Flag.withAlias("t"), Flag.withDescription(t("mã mẫu báo cáo hoặc tệp mẫu .json", "template id or a .json template file"))),
      format: d.format,
      output: d.output,
      records: Flag.Boolean("records").pipe(
        Flag.withDescription(t("thêm phụ lục hồ sơ chi tiết của từng số liệu (XLSX luôn có)", "add the appendix of the records behind each figure (always in XLSX)")),
        Flag.withDefault(false)
      ),
      number: d.number,
      date: d.date,
      numberStyle: numberStyle(lang, {
        vi: "của mọi số liệu; thay cho kiểu số của mẫu, chỗ trống có tùy chọn riêng vẫn theo tùy chọn đó",
        en: "of every figure; over the template's style, a placeholder's own options still win"
      }),
      session: Flag.String("session").pipe(
        Flag.withDescription(t(
          "chỉ đếm những gì thuộc kỳ họp này (mã kỳ họp; lặp lại được), bất kể ngày",
          "count only what belongs to this session (session id; repeatable), whatever its date"
        )),
        Flag.atLeast(0)
      )
    },
    (o) =>
      lazy(
        () => import("../handlers/Report.js"),
        (m) =>
          m.report(toCommon(lang, o), {
            template: o.template,
            records: o.records,
            from: o.from,
            to: o.to,
            format: o.format,
            sessions: o.session,
            ...some("scope", o.scope),
            ...some("asOf", o.asOf),
            ...some("output", o.output),
            ...some("number", o.number),
            ...some("date", o.date),
            ...some("numberStyle", o.numberStyle)
          })
      )
  ).pipe(Command.withDescription(t("dựng báo cáo theo mẫu", "render a report from a template")))
}
