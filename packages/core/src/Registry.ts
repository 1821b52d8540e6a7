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
 * @example
 * ```ts
 * import { Ids, Indicator, MemoryStore, Registry } from "@hdnd/core"
 *
 * const registry = Registry.extend({
 *   indicators: [new Indicator.Indicator({
 *       id: Ids.IndicatorId.make("ha-noi/giam-sat-chuyen-de"), vi: "Giám sát chuyên đề", en: "Thematic supervisions",
 *       nounVi: "cuộc giám sát", nounEn: "supervisions", filter: { kinds: [Ids.ActivityKindId.make("supervision")], modes: ["thematic"] }, measure: "count"
 *     })]
 * })
 * const layer = MemoryStore.layer({ registry }) // the store counts and renders with it
 * ```
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

const editDistance = (a: string, b: string): number => {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!
    prev[0] = i
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1))
      diag = up
    }
  }
  return prev[b.length]!
}

/**
 * The known ids closest to an unknown one, closest first (by edit distance, ties by id), at most
 * `max`: for "core/recomendation.raised", "core/recommendation.raised". Ids that contain the
 * unknown one, or that it contains, come first.
 *
 * @since 0.2.0
 * @category queries
 */
export const closestIds = (known: Iterable<string>, id: string, max = 3): ReadonlyArray<string> => {
  const want = id.toLowerCase()
  return [...known]
    .map((k) => {
      const key = k.toLowerCase()
      const contains = want.length > 2 && (key.includes(want) || want.includes(key))
      return { k, d: contains ? -1 : editDistance(want, key) }
    })
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, max)
    .map((x) => x.k)
}
