/**
 * The plugin contract: what a province (or a vendor) adds to hdnd without forking it. A plugin is a
 * plain, frozen object made by {@link definePlugin}: its name (the namespace of every id it
 * contributes), its version, the range of `@hdnd/core` it supports, the plugins it needs, and its
 * contributions — activity kinds, committee kinds and rules, indicators, report templates, exporters,
 * importer column mappings and data (units, lineage, councils, terms, organs, sessions).
 *
 * `PluginHost.load` checks and combines plugins into one frozen registry.
 *
 * Types of a plugin's activity kinds reach users by interface augmentation, declared in the same file
 * as the plugin:
 *
 * ```ts
 * import { definePlugin, Ids } from "@hdnd/core"
 * import * as Schema from "effect/Schema"
 *
 * const Hearing = Schema.Struct({ witnesses: Schema.Int })
 * declare module "@hdnd/core" {
 *   interface ActivityKindAttributes { "ha-noi/hearing": typeof Hearing.Type }
 * }
 * export const plugin = definePlugin({ name: "ha-noi", version: "1.0.0", requires: "^0.1.0",
 *   activityKinds: [Plugin.activityKind({ id: "ha-noi/hearing", vi: "…", en: "…", nounVi: "phiên", nounEn: "hearings", fields: {}, attributes: Hearing })] })
 * ```
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { Activity } from "./Activity.js"
import type { ActivityKindSpec } from "./ActivityKind.js"
import type { CommitteeKindSpec, CommitteeRule } from "./CommitteeKind.js"
import type { Batch } from "./Dataset.js"
import type { EntityKind } from "./Dataset.js"
import type { Exporter } from "./Exporter.js"
import type { ActivityKindId } from "./Ids.js"
import type { Indicator } from "./Indicator.js"
import type { ReportTemplate } from "./ReportTemplate.js"

/**
 * The version of `@hdnd/core`, checked against each plugin's `requires` range.
 *
 * @since 0.1.0
 * @category data
 */
export const CORE_VERSION = "0.1.0"

/**
 * When a plugin runs relative to the others: `pre` plugins first, then `normal`, then `post`; within a
 * group, a plugin comes after the plugins it depends on, otherwise in the order given.
 *
 * @since 0.1.0
 * @category models
 */
export type PluginOrder = "pre" | "normal" | "post"

/**
 * A province's own spreadsheet layout for one kind of record: its column headers mapped to the
 * interchange columns of `@hdnd/import` (`docs/interchange.md`), so its files import as they are.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImporterMapping {
  /** Namespaced by the plugin: `son-la/hoat-dong-ban`. */
  readonly id: string
  readonly vi: string
  readonly en: string
  /** The kind of record the files hold. */
  readonly entity: EntityKind
  /** Header in the province's file → interchange header (Vietnamese or English). */
  readonly columns: Readonly<Record<string, string>>
}

/**
 * The records a plugin brings: the structure of its province (units and their lineage, councils, terms,
 * organs, sessions, meetings). Activities and tallies are imported, not contributed.
 *
 * @since 0.1.0
 * @category models
 */
export type PluginData = Partial<Pick<Batch, "units" | "lineage" | "councils" | "terms" | "organs" | "sessions" | "meetings">>

/**
 * What a plugin declares.
 *
 * @since 0.1.0
 * @category models
 */
export interface PluginSpec {
  /** Lower-case words joined by hyphens (`son-la`); the namespace of every id the plugin contributes. */
  readonly name: string
  /** The plugin's own version (semver). */
  readonly version: string
  /** The range of `@hdnd/core` versions it works with (semver range: `^0.1.0`). */
  readonly requires: string
  /** Plugins it needs, by name, with the range of their versions. */
  readonly dependencies?: Readonly<Record<string, string>>
  readonly order?: PluginOrder
  readonly vi?: string
  readonly en?: string
  readonly activityKinds?: ReadonlyArray<ActivityKindSpec>
  readonly committeeKinds?: ReadonlyArray<CommitteeKindSpec>
  readonly committeeRules?: ReadonlyArray<CommitteeRule>
  readonly indicators?: ReadonlyArray<Indicator>
  readonly reportTemplates?: ReadonlyArray<ReportTemplate>
  readonly exporters?: ReadonlyArray<Exporter>
  readonly importers?: ReadonlyArray<ImporterMapping>
  readonly data?: PluginData
  /**
   * Ids of declarations (built-in or from another plugin) this plugin replaces on purpose. Replacing
   * anything not listed here is an error; each replacement is reported by the host.
   */
  readonly overrides?: ReadonlyArray<string>
}

/**
 * A plugin: its declaration, frozen, tagged so hosts can recognise it.
 *
 * @since 0.1.0
 * @category models
 */
export type Plugin<S extends PluginSpec = PluginSpec> = S & { readonly _tag: "Plugin" }

const deepFreeze = <A>(value: A, seen = new Set<unknown>()): A => {
  if (value === null || typeof value !== "object" || seen.has(value) || Schema.isSchema(value)) return value
  seen.add(value)
  // Class instances (decoded records, indicators, templates) are frozen too; their prototypes are not.
  for (const v of Object.values(value as object)) deepFreeze(v, seen)
  return Object.freeze(value)
}

/**
 * Declares a plugin. The result is a plain object, deeply frozen; nothing is checked until a host
 * loads it (`PluginHost.load`), which reports every problem at once.
 *
 * @example
 * ```ts
 * import { definePlugin, Ids, Indicator, PluginHost } from "@hdnd/core"
 * import * as Result from "effect/Result"
 *
 * export const plugin = definePlugin({
 *   name: "ha-noi", // every id the plugin adds starts with "ha-noi/"
 *   version: "1.0.0",
 *   requires: "^0.1.0", // the versions of @hdnd/core it works with
 *   indicators: [new Indicator.Indicator({
 *       id: Ids.IndicatorId.make("ha-noi/giam-sat-chuyen-de"), vi: "Giám sát chuyên đề", en: "Thematic supervisions",
 *       nounVi: "cuộc giám sát", nounEn: "supervisions", filter: { kinds: [Ids.ActivityKindId.make("supervision")], modes: ["thematic"] }, measure: "count"
 *     })]
 * })
 * const loaded = Result.getOrThrow(PluginHost.load([plugin]))
 * console.log(loaded.registry.indicators.has(Ids.IndicatorId.make("ha-noi/giam-sat-chuyen-de"))) // true
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const definePlugin = <const S extends PluginSpec>(spec: S): Plugin<S> => deepFreeze({ ...spec, _tag: "Plugin" as const })

/**
 * Whether a value is a plugin made by {@link definePlugin} (for hosts loading modules by name).
 *
 * @since 0.1.0
 * @category guards
 */
export const isPlugin = (u: unknown): u is Plugin =>
  typeof u === "object" && u !== null && (u as { _tag?: unknown })._tag === "Plugin" && typeof (u as { name?: unknown }).name === "string"

/**
 * The attributes of each plugin-contributed activity kind, by kind id. Empty in core: plugins add to
 * it by interface augmentation (`declare module "@hdnd/core" { interface ActivityKindAttributes { … } }`),
 * next to their {@link definePlugin} call, so type and runtime schema are declared together.
 *
 * @since 0.1.0
 * @category augmentation
 */
export interface ActivityKindAttributes {}

/**
 * An activity kind whose attributes schema is checked against its declared type in
 * {@link ActivityKindAttributes}: a mismatch is a compile error in the plugin.
 *
 * @since 0.1.0
 * @category constructors
 */
export const activityKind = <K extends keyof ActivityKindAttributes & string>(
  spec: Omit<ActivityKindSpec, "id" | "attributes"> & {
    readonly id: K
    readonly attributes: Schema.Codec<ActivityKindAttributes[K], any>
  }
): ActivityKindSpec => ({ ...spec, id: spec.id as unknown as ActivityKindId })

/**
 * The attributes of an activity of a plugin-contributed kind, typed by {@link ActivityKindAttributes}
 * (they were checked against the kind's schema when the activity was validated). `undefined` when the
 * activity is of another kind or has none.
 *
 * @since 0.1.0
 * @category accessors
 */
export const attributesOf = <K extends keyof ActivityKindAttributes & string>(activity: Activity, kind: K): ActivityKindAttributes[K] | undefined =>
  (activity.kind as string) === kind ? (activity.attributes as ActivityKindAttributes[K] | undefined) : undefined
