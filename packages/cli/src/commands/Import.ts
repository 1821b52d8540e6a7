/**
 * `hdnd import FILE…`: loads files into the database; by default all of them or nothing, with
 * `--skip-invalid` the valid rows (the rejected ones written to a CSV file).
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import type { Lang } from "../Lang.js"
import type { HdndCommand } from "../Options.js"
import { common, lazy, loading, text, toCommon, toLoadOptions } from "../Options.js"

/**
 * The `import` command in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"import"> =>
  Command.make("import", { ...common(lang), ...loading(lang) }, (o) =>
    lazy(() => import("../handlers/Load.js"), (m) => m.load(toCommon(lang, o), toLoadOptions(o, false)))
  ).pipe(Command.withDescription(text(lang)("nhập các tệp; mặc định hoặc nhập hết hoặc không nhập gì", "import files; by default all of them or nothing")))
