/**
 * The registry of everything that is declared rather than recorded: activity kinds, committee kinds,
 * the committee rules, indicators and report templates. The built-in registry holds hdnd's own;
 * plugins extend it. A registry is frozen once built.
 *
 * @since 0.1.0
 */
import type { ActivityKindSpec } from "./ActivityKind.js"
import { builtinActivityKinds } from "./ActivityKind.js"
import type { CommitteeKindSpec, CommitteeRule } from "./CommitteeKind.js"
import { builtinCommitteeKinds, builtinCommitteeRules } from "./CommitteeKind.js"
import type { ActivityKindId, CommitteeKindId, IndicatorId, TemplateId } from "./Ids.js"
import type { Indicator } from "./Indicator.js"
import { builtinIndicators } from "./Indicators.js"
import type { ReportTemplate } from "./ReportTemplate.js"
import { builtinTemplates } from "./ReportTemplate.js"

/**
 * A frozen set of declarations.
 *
 * @since 0.1.0
 * @category models
 */
export interface Registry {
  readonly activityKinds: ReadonlyMap<ActivityKindId, ActivityKindSpec>
  readonly committeeKinds: ReadonlyMap<CommitteeKindId, CommitteeKindSpec>
  readonly committeeRules: ReadonlyArray<CommitteeRule>
  readonly indicators: ReadonlyMap<IndicatorId, Indicator>
  readonly templates: ReadonlyMap<TemplateId, ReportTemplate>
}

/**
 * What a registry is built from.
 *
 * @since 0.1.0
 * @category models
 */
export interface RegistryInput {
  readonly activityKinds?: Iterable<ActivityKindSpec>
  readonly committeeKinds?: Iterable<CommitteeKindSpec>
  readonly committeeRules?: Iterable<CommitteeRule>
  readonly indicators?: Iterable<Indicator>
  readonly templates?: Iterable<ReportTemplate>
}

class FrozenMap<K, V> extends Map<K, V> {
  #sealed = false
  constructor(entries: Iterable<readonly [K, V]>) {
    super()
    for (const [k, v] of entries) super.set(k, v)
    this.#sealed = true
  }
  override set(key: K, value: V): this {
    if (this.#sealed) throw new TypeError("hdnd: sổ đăng ký đã đóng băng, không sửa được / the registry is frozen and cannot be changed")
    return super.set(key, value)
  }
  override delete(): boolean {
    throw new TypeError("hdnd: sổ đăng ký đã đóng băng, không sửa được / the registry is frozen and cannot be changed")
  }
  override clear(): void {
    throw new TypeError("hdnd: sổ đăng ký đã đóng băng, không sửa được / the registry is frozen and cannot be changed")
  }
}

/**
 * A map that cannot be changed once built: `set`, `delete` and `clear` throw a `TypeError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const frozenMap = <K, V>(entries: Iterable<readonly [K, V]>): ReadonlyMap<K, V> => Object.freeze(new FrozenMap(entries))

const byId = <V extends { readonly id: unknown }>(items: Iterable<V>): ReadonlyMap<V["id"], V> => {
  const m = new Map<V["id"], V>()
  for (const item of items) m.set(item.id, item)
  return frozenMap(m)
}

/**
 * Builds a frozen registry (its maps throw on `set`, `delete` and `clear`). Later entries with the
 * same id replace earlier ones.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (input: RegistryInput): Registry =>
  Object.freeze({
    activityKinds: byId(input.activityKinds ?? []),
    committeeKinds: byId(input.committeeKinds ?? []),
    committeeRules: Object.freeze([...(input.committeeRules ?? [])]),
    indicators: byId(input.indicators ?? []),
    templates: byId(input.templates ?? [])
  })

/**
 * The registry of hdnd's built-in declarations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const builtin: Registry = make({
  activityKinds: builtinActivityKinds,
  committeeKinds: builtinCommitteeKinds,
  committeeRules: builtinCommitteeRules,
  indicators: builtinIndicators,
  templates: builtinTemplates
})

/**
 * A registry with more declarations added to a base (the built-in one by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const extend = (input: RegistryInput, base: Registry = builtin): Registry =>
  make({
    activityKinds: [...base.activityKinds.values(), ...(input.activityKinds ?? [])],
    committeeKinds: [...base.committeeKinds.values(), ...(input.committeeKinds ?? [])],
    committeeRules: [...base.committeeRules, ...(input.committeeRules ?? [])],
    indicators: [...base.indicators.values(), ...(input.indicators ?? [])],
    templates: [...base.templates.values(), ...(input.templates ?? [])]
  })
