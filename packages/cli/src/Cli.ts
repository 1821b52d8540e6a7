/**
 * The `hdnd` command tree (effect/cli), with help in Vietnamese or English: the commands of
 * `commands/`, assembled. Loading it loads no part of @hdnd/core — each command loads its code
 * when it runs — so `hdnd --help` starts fast.
 *
 * @since 0.1.0
 */
import * as Command from "effect/cli/Command"
import * as Import from "./commands/Import.js"
import * as Indicators from "./commands/Indicators.js"
import * as Init from "./commands/Init.js"
import * as Plugins from "./commands/Plugins.js"
import * as Programme from "./commands/Programme.js"
import * as Recommendations from "./commands/Recommendations.js"
import * as Report from "./commands/Report.js"
import * as Stats from "./commands/Stats.js"
import * as Templates from "./commands/Templates.js"
import * as Units from "./commands/Units.js"
import * as Validate from "./commands/Validate.js"
import type { Lang } from "./Lang.js"
import * as Options from "./Options.js"

/**
 * The version printed by `hdnd --version`.
 *
 * @since 0.1.0
 * @category data
 */
export const VERSION = "0.1.0"

/**
 * The kinds of record `--entity` accepts: `Dataset.entityKinds` of @hdnd/core (a test checks they
 * are the same), written out so that the help does not load the core.
 *
 * @since 0.1.0
 * @category data
 */
export const ENTITIES = Options.ENTITIES

/**
 * The dimensions `hdnd stats --by` accepts: `Tabulation.dimensions` of @hdnd/core (a test checks
 * they are the same), written out so that the help does not load the core.
 *
 * @since 0.1.0
 * @category data
 */
export const DIMENSIONS = Options.DIMENSIONS

/**
 * What `hdnd recommendations stats --by` accepts: `RecommendationStats.dimensions` of @hdnd/core (a
 * test checks they are the same).
 *
 * @since 0.1.0
 * @category data
 */
export const RECOMMENDATION_DIMENSIONS = Options.RECOMMENDATION_DIMENSIONS

/**
 * What `hdnd recommendations list --status` accepts: the statuses of `Recommendation.labels.status`
 * of @hdnd/core (a test checks they are the same).
 *
 * @since 0.1.0
 * @category data
 */
export const RECOMMENDATION_STATUSES = Options.RECOMMENDATION_STATUSES

/**
 * What `hdnd recommendations list --addressee-kind` accepts: `Recommendation.AddresseeKind` of
 * @hdnd/core (a test checks they are the same).
 *
 * @since 0.1.0
 * @category data
 */
export const ADDRESSEE_KINDS = Options.ADDRESSEE_KINDS

/**
 * The command tree in a language.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = (lang: Lang): Options.HdndCommand<"hdnd"> =>
  Command.make("hdnd").pipe(
    Command.withDescription(
      Options.text(lang)(
        "hdnd: nạp số liệu hoạt động của HĐND từ bảng tính, kiểm tra, tổng hợp và dựng báo cáo",
        "hdnd: load People's Council activity data from spreadsheets, check it, tabulate it and render reports"
      )
    ),
    Command.withSubcommands([
      Init.command(lang),
      Import.command(lang),
      Validate.command(lang),
      Stats.command(lang),
      Report.command(lang),
      Recommendations.command(lang),
      Programme.command(lang),
      Indicators.command(lang),
      Templates.command(lang),
      Units.command(lang),
      Plugins.command(lang)
    ])
  )
