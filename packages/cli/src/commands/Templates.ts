/**
 * `hdnd templates`: the declared report templates (built in and from the plugins).
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import type { Lang } from "../Lang.js"
import type { HdndCommand } from "../Options.js"
import { common, lazy, tableFormat, text, toCommon } from "../Options.js"

/**
 * The `templates` command in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"templates"> =>
  Command.make("templates", { ...common(lang), format: tableFormat(lang) }, (o) => lazy(() => import("../handlers/Query.js"), (m) => m.templates(toCommon(lang, o), o.format))).pipe(
    Command.withDescription(text(lang)("liệt kê các mẫu báo cáo", "list the report templates"))
  )
