/**
 * `hdnd recommendations list|stats|report`: recommendations, proposals and voters' petitions.
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import type { Lang } from "../Lang.js"
import type { HdndCommand } from "../Options.js"
import { text } from "../Options.js"
import * as List from "./recommendations/List.js"
import * as Report from "./recommendations/Report.js"
import * as Stats from "./recommendations/Stats.js"

/**
 * The `recommendations` command and its subcommands in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"recommendations"> =>
  Command.make("recommendations").pipe(
    Command.withDescription(
      text(lang)("kiến nghị, đề xuất, ý kiến cử tri: danh sách, chỉ tiêu, báo cáo tổng hợp trả lời", "recommendations, proposals and voters' petitions: listing, figures, the answer report")
    ),
    Command.withSubcommands([List.command(lang), Stats.command(lang), Report.command(lang)])
  )
