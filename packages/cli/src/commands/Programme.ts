/**
 * `hdnd programme progress|draft`: annual work programmes.
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import type { Lang } from "../Lang.js"
import type { HdndCommand } from "../Options.js"
import { text } from "../Options.js"
import * as Draft from "./programme/Draft.js"
import * as Progress from "./programme/Progress.js"

/**
 * The `programme` command and its subcommands in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"programme"> =>
  Command.make("programme").pipe(
    Command.withDescription(text(lang)("chương trình công tác năm: tiến độ, dự thảo năm sau", "annual work programmes: progress, next year's draft")),
    Command.withSubcommands([Progress.command(lang), Draft.command(lang)])
  )
