/**
 * `hdnd recommendations stats`: the recommendation indicators as of a day, in total and by group.
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import * as Flag from "effect/cli/Flag"
import type { Lang } from "../../Lang.js"
import type { HdndCommand } from "../../Options.js"
import { common, followUp, lazy, RECOMMENDATION_DIMENSIONS, some, tableFormat, text, toCommon } from "../../Options.js"

/**
 * The `recommendations stats` command in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"stats"> => {
  const t = text(lang)
  return Command.make(
    "stats",
    {
      ...common(lang),
      ...followUp(lang),
      by: Flag.Literals("by", RECOMMENDATION_DIMENSIONS).pipe(
        Flag.withDescription(
          t(
            "nhóm theo: addressee (cơ quan nhận), addresseeKind (loại cơ quan nhận), field (lĩnh vực), level (cấp có thẩm quyền), origin (cơ quan nêu), council, kind",
            "group by: addressee, addresseeKind, field, level (competent level), origin (raising body), council, kind"
          )
        ),
        Flag.atLeast(0)
      ),
      format: tableFormat(lang)
    },
    (o) =>
      lazy(
        () => import("../../handlers/recommendations/Stats.js"),
        (m) => m.stats(toCommon(lang, o), { councils: o.council, by: o.by, format: o.format, ...some("asOf", o.asOf), ...some("from", o.from), ...some("to", o.to) })
      )
  ).pipe(
    Command.withDescription(
      t(
        "các chỉ tiêu kiến nghị tính đến một ngày: đã tiếp nhận, đã trả lời, đã giải quyết, quá hạn, tỷ lệ giải quyết, số ngày trả lời (trung vị)",
        "the recommendation indicators as of a day: raised, answered, resolved, overdue, resolution rate, median days to answer"
      )
    )
  )
}
