/**
 * `hdnd plugins`: the plugins loaded and what each contributes.
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import type { Lang } from "../Lang.js"
import type { HdndCommand } from "../Options.js"
import { common, lazy, tableFormat, text, toCommon } from "../Options.js"

/**
 * The `plugins` command in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"plugins"> =>
  Command.make("plugins", { ...common(lang), format: tableFormat(lang) }, (o) => lazy(() => import("../handlers/Query.js"), (m) => m.plugins(toCommon(lang, o), o.format))).pipe(
    Command.withDescription(text(lang)("liệt kê các plugin đã nạp và những gì chúng thêm vào", "list the loaded plugins and what they contribute"))
  )
