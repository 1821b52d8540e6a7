/**
 * `hdnd validate FILE…`: an import that writes nothing — every problem of the files, checked
 * against the database.
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import type { Lang } from "../Lang.js"
import type { HdndCommand } from "../Options.js"
import { common, lazy, loading, text, toCommon, toLoadOptions } from "../Options.js"

/**
 * The `validate` command in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"validate"> =>
  Command.make("validate", { ...common(lang), ...loading(lang) }, (o) =>
    lazy(() => import("../handlers/Load.js"), (m) => m.load(toCommon(lang, o), toLoadOptions(o, true)))
  ).pipe(Command.withDescription(text(lang)("kiểm tra các tệp so với cơ sở dữ liệu, không ghi gì", "check files against the database without writing anything")))
