/**
 * `hdnd programme draft --programme ID`: next year's programme drafted from the unfinished items,
 * as CSV files to edit and `hdnd import`.
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import * as Flag from "effect/cli/Flag"
import type { Lang } from "../../Lang.js"
import type { HdndCommand } from "../../Options.js"
import { common, lazy, some, text, toCommon } from "../../Options.js"
import { programmeId } from "./Progress.js"

/**
 * The `programme draft` command in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"draft"> => {
  const t = text(lang)
  return Command.make(
    "draft",
    {
      ...common(lang),
      programme: programmeId(lang),
      year: Flag.Int("year").pipe(Flag.withDescription(t("năm của chương trình dự thảo (mặc định: năm sau)", "the draft's year (default: the next year)")), Flag.optional),
      id: Flag.String("id").pipe(Flag.withDescription(t("mã chương trình mới (mặc định: mã cũ với năm mới)", "the new programme's id (default: the old id with the new year)")), Flag.optional),
      title: Flag.String("title").pipe(Flag.withDescription(t("tên chương trình mới", "the new programme's title")), Flag.optional),
      asOf: Flag.String("as-of").pipe(
        Flag.withDescription(t("nội dung chưa thực hiện tính đến ngày này (mặc định: ngày cuối năm của chương trình)", "unfinished as of this day (default: the programme's last day)")),
        Flag.optional
      ),
      output: Flag.String("output").pipe(
        Flag.withAlias("o"),
        Flag.withDescription(
          t(
            "thư mục ghi hai tệp CSV chuong-trinh-NĂM.csv và noi-dung-chuong-trinh-NĂM.csv (mặc định: thư mục hiện tại), hoặc một tệp .json",
            "the directory for the two CSV files chuong-trinh-YEAR.csv and noi-dung-chuong-trinh-YEAR.csv (default: the current directory), or a .json file"
          )
        ),
        Flag.optional
      ),
      force: Flag.Boolean("force").pipe(Flag.withDescription(t("ghi đè tệp đã có", "overwrite existing files")), Flag.withDefault(false))
    },
    (o) =>
      lazy(
        () => import("../../handlers/Programmes.js"),
        (m) =>
          m.draft(toCommon(lang, o), {
            programme: o.programme,
            force: o.force,
            ...some("year", o.year),
            ...some("id", o.id),
            ...some("title", o.title),
            ...some("asOf", o.asOf),
            ...some("output", o.output)
          })
      )
  ).pipe(
    Command.withDescription(
      t(
        "dự thảo chương trình năm sau từ các nội dung chưa thực hiện, ghi thành tệp CSV để sửa rồi hdnd import",
        "draft next year's programme from the unfinished items, as CSV files to edit and hdnd import"
      )
    )
  )
}
