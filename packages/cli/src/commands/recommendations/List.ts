/**
 * `hdnd recommendations list`: one row per matter with its status, addressee, deadline and days to
 * answer as of a day.
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import * as Flag from "effect/cli/Flag"
import type { Lang } from "../../Lang.js"
import type { HdndCommand } from "../../Options.js"
import { ADDRESSEE_KINDS, common, followUp, lazy, RECOMMENDATION_STATUSES, some, tableFormat, text, toCommon } from "../../Options.js"

/**
 * The `recommendations list` command in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"list"> => {
  const t = text(lang)
  return Command.make(
    "list",
    {
      ...common(lang),
      ...followUp(lang),
      status: Flag.Literals("status", RECOMMENDATION_STATUSES).pipe(
        Flag.withDescription(
          t(
            "chỉ các vụ việc có tình trạng này vào ngày --as-of: raised (mới tiếp nhận), forwarded (đã chuyển), answered (đã trả lời), resolved (đã giải quyết), being-resolved (đang giải quyết), explained (đã giải trình), not-resolved (chưa giải quyết); lặp lại được",
            "only matters with this status on --as-of: raised, forwarded, answered, resolved, being-resolved, explained, not-resolved; repeatable"
          )
        ),
        Flag.atLeast(0)
      ),
      addresseeKind: Flag.Literals("addressee-kind", ADDRESSEE_KINDS).pipe(
        Flag.withDescription(
          t(
            "chỉ các kiến nghị gửi loại cơ quan này: people-committee (UBND), department (sở, ngành), committee (Ban), standing (Thường trực), na-delegation (Đoàn ĐBQH), other; lặp lại được",
            "only recommendations addressed to this kind of agency: people-committee, department, committee, standing, na-delegation, other; repeatable"
          )
        ),
        Flag.atLeast(0)
      ),
      field: Flag.String("field").pipe(Flag.withDescription(t("chỉ lĩnh vực này (\"Giao thông\"), lặp lại được", "only this field (\"Giao thông\"); repeatable")), Flag.atLeast(0)),
      overdue: Flag.Boolean("overdue").pipe(
        Flag.withDescription(t("chỉ các vụ việc quá hạn mà chưa được trả lời", "only the matters past their deadline without an answer")),
        Flag.withDefault(false)
      ),
      format: tableFormat(lang)
    },
    (o) =>
      lazy(
        () => import("../../handlers/recommendations/List.js"),
        (m) =>
          m.list(toCommon(lang, o), {
            councils: o.council,
            statuses: o.status,
            addresseeKinds: o.addresseeKind,
            fields: o.field,
            overdue: o.overdue,
            format: o.format,
            ...some("asOf", o.asOf),
            ...some("from", o.from),
            ...some("to", o.to)
          })
      )
  ).pipe(
    Command.withDescription(
      t(
        "liệt kê kiến nghị, đề xuất: mỗi vụ việc một dòng (kiến nghị đã gộp tính một lần, ghi các nguồn), tình trạng, cơ quan nhận, hạn và số ngày trả lời tính đến một ngày",
        "list recommendations: one row per matter (merged ones counted once, their sources listed) with its status, addressee, deadline and days to answer as of a day"
      )
    )
  )
}
