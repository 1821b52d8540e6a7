/**
 * `hdnd programme progress`: work programme progress — items planned, done, not done, not yet due,
 * and the activities outside the plan.
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import * as Flag from "effect/cli/Flag"
import type { Lang } from "../../Lang.js"
import type { HdndCommand } from "../../Options.js"
import { common, lazy, some, tableFormat, text, toCommon } from "../../Options.js"

/**
 * `--programme`: a work programme's id.
 *
 * @since 0.1.0
 * @category options
 */
export const programmeId = (lang: Lang) => Flag.String("programme").pipe(Flag.withDescription(text(lang)("mã chương trình công tác", "the work programme's id")))

/**
 * The `programme progress` command in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"progress"> => {
  const t = text(lang)
  return Command.make(
    "progress",
    {
      ...common(lang),
      programme: programmeId(lang).pipe(Flag.atLeast(0)),
      organ: Flag.String("organ").pipe(Flag.withDescription(t("chương trình của cơ quan này (mã hoặc tên)", "the programmes of this organ (id or name)")), Flag.optional),
      year: Flag.Int("year").pipe(Flag.withDescription(t("chương trình của năm này", "the programmes of this year")), Flag.optional),
      council: Flag.String("council").pipe(
        Flag.withDescription(t("chương trình của HĐND này (mã hoặc tên), lặp lại được", "the programmes of this council (id or name); repeatable")),
        Flag.atLeast(0)
      ),
      asOf: Flag.String("as-of").pipe(
        Flag.withDescription(
          t("tính đến ngày này (mặc định: hôm nay, hoặc ngày cuối năm của chương trình nếu sớm hơn)", "as of this day (default: today, or the programme's last day when earlier)")
        ),
        Flag.optional
      ),
      items: Flag.Boolean("items").pipe(
        Flag.withDescription(
          t("mỗi nội dung một dòng (và các hoạt động ngoài chương trình), thay vì mỗi chương trình một dòng", "one row per item (and per activity outside the plan) instead of one per programme")
        ),
        Flag.withDefault(false)
      ),
      format: tableFormat(lang)
    },
    (o) =>
      lazy(
        () => import("../../handlers/Programmes.js"),
        (m) =>
          m.progress(toCommon(lang, o), {
            programmes: o.programme,
            councils: o.council,
            items: o.items,
            format: o.format,
            ...some("organ", o.organ),
            ...some("year", o.year),
            ...some("asOf", o.asOf)
          })
      )
  ).pipe(
    Command.withDescription(
      t(
        "tiến độ chương trình công tác: số nội dung theo kế hoạch, đã thực hiện, chưa thực hiện, chưa đến hạn, và hoạt động ngoài chương trình",
        "work programme progress: items planned, done, not done, not yet due, and activities outside the plan"
      )
    )
  )
}
