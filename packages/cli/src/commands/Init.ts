/**
 * `hdnd init [FILE…]`: creates the database (or checks its schema), writes the structure the
 * plugins bring, then loads the files given, if any.
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import type { Lang } from "../Lang.js"
import type { HdndCommand } from "../Options.js"
import { common, lazy, loading, text, toCommon, toLoadOptions } from "../Options.js"

/**
 * The `init` command in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"init"> =>
  Command.make("init", { ...common(lang), ...loading(lang) }, (o) =>
    lazy(() => import("../handlers/Load.js"), (m) => m.init(toCommon(lang, o), toLoadOptions(o, false)))
  ).pipe(Command.withDescription(text(lang)("tạo cơ sở dữ liệu (và nạp các tệp nếu có)", "create the database (and load files, if given)")))
