/**
 * `hdnd units [--as-of DAY]`: the tree of administrative units on a day (default: today).
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import type { Lang } from "../Lang.js"
import type { HdndCommand } from "../Options.js"
import { common, lazy, mapAsOf, tableFormat, text, toCommon, value } from "../Options.js"

/**
 * The `units` command in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): HdndCommand<"units"> =>
  Command.make("units", { ...common(lang), asOf: mapAsOf(lang), format: tableFormat(lang) }, (o) =>
    lazy(() => import("../handlers/Query.js"), (m) => m.units(toCommon(lang, o), value(o.asOf), o.format))
  ).pipe(Command.withDescription(text(lang)("các đơn vị hành chính vào một ngày", "the administrative units on a day")))
