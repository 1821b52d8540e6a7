/**
 * `hdnd stats -i INDICATOR… --from DAY --to DAY`: the figures of indicators over a period, by
 * dimensions. `--led-by ORGAN`, `--took-part ORGAN` and `--involved ORGAN` (since 0.2.0) count only
 * the work an organ led (chủ trì), took part in (tham gia), or either; `--by role` splits the
 * per-organ view into both. `--number-style pad=2` writes the values in the official number style
 * (since 0.2.0).
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import * as Flag from "effect/cli/Flag"
import type { Lang } from "../Lang.js"
import type { HdndCommand } from "../Options.js"
import { common, DIMENSIONS, lazy, numberStyle, period, some, tableFormat, text, toCommon } from "../Options.js"

/**
 * The `stats` command in a language.
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
      ...period(lang),
      indicator: Flag.String("indicator").pipe(Flag.withAlias("i"), Flag.withDescription(t("mã chỉ tiêu (xem hdnd indicators)", "indicator id (see hdnd indicators)")), Flag.atLeast(1)),
      by: Flag.Literals("by", DIMENSIONS).pipe(Flag.withDescription(t("nhóm theo", "group by")), Flag.atLeast(0)),
      ledBy: Flag.String("led-by").pipe(Flag.withDescription(t("chỉ đếm hoạt động do cơ quan này chủ trì", "count only the work this organ led")), Flag.atLeast(0)),
      tookPart: Flag.String("took-part").pipe(Flag.withDescription(t("chỉ đếm hoạt động cơ quan này tham gia (không chủ trì)", "count only the work this organ took part in (without leading)")), Flag.atLeast(0)),
      involved: Flag.String("involved").pipe(Flag.withDescription(t("chỉ đếm hoạt động cơ quan này chủ trì hoặc tham gia", "count only the work this organ led or took part in")), Flag.atLeast(0)),
      session: Flag.String("session").pipe(
        Flag.withDescription(t(
          "chỉ đếm những gì thuộc kỳ họp này (mã kỳ họp; lặp lại được), bất kể ngày",
          "count only what belongs to this session (session id; repeatable), whatever its date"
        )),
        Flag.atLeast(0)
      ),
      numberStyle: numberStyle(lang, { vi: "của cột giá trị (bảng và CSV; JSON thêm trường text)", en: "of the value column (table and CSV; JSON gains a text field)" }),
      format: tableFormat(lang)
    },
    (o) =>
      lazy(
        () => import("../handlers/Query.js"),
        (m) => m.stats(toCommon(lang, o), { indicators: o.indicator, from: o.from, to: o.to, by: o.by, ledBy: o.ledBy, tookPart: o.tookPart, involved: o.involved, format: o.format, sessions: o.session, ...some("scope", o.scope), ...some("asOf", o.asOf), ...some("numberStyle", o.numberStyle) })
      )
  ).pipe(Command.withDescription(t("số liệu của các chỉ tiêu trong một kỳ", "indicator figures over a period")))
}
