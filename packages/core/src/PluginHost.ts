/**
 * The plugin host: checks a set of plugins and combines them with the built-in declarations into one
 * frozen registry, the exporters and importer mappings they bring, and their data.
 *
 * Every problem is reported at once, as a typed {@link PluginError} whose problems name the plugins
 * involved: an invalid name or version, a core version outside a plugin's `requires` range, a missing
 * or incompatible dependency, a dependency cycle or order conflict, an id not namespaced by its plugin,
 * an id contributed twice, a replacement not declared in `overrides`, and a contribution that does not
 * decode or validate. Declared replacements are reported in {@link Loaded.overrides}.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
// The three functions used, not the whole of semver: its index loads 48 modules, these 23
// (start-up of `import "@hdnd/core"`, bench/startup.ts).
import satisfies from "semver/functions/satisfies.js"
import valid from "semver/functions/valid.js"
import validRange from "semver/ranges/valid.js"
import type { ActivityKindSpec } from "./ActivityKind.js"
import type { CommitteeKindSpec, CommitteeRule } from "./CommitteeKind.js"
import * as Dataset from "./Dataset.js"
import type { Exporter } from "./Exporter.js"
import { attributeProblem, Indicator } from "./Indicator.js"
import type { ImporterMapping, Plugin, PluginOrder } from "./Plugin.js"
import { CORE_VERSION } from "./Plugin.js"
import * as Registry from "./Registry.js"
import { ReportTemplate } from "./ReportTemplate.js"
import { validateBatch } from "./Validation.js"

/**
 * What went wrong with a plugin (or between plugins).
 *
 * @since 0.1.0
 * @category errors
 */
export const PluginProblemCode = Schema.Literals([
  "invalid-name",
  "invalid-version",
  "duplicate-plugin",
  "incompatible-version",
  "missing-dependency",
  "incompatible-dependency",
  "dependency-cycle",
  "order-conflict",
  "unnamespaced-id",
  "duplicate-id",
  "undeclared-override",
  "nothing-to-override",
  "invalid-contribution"
])
/** @since 0.1.0 @category errors */
export type PluginProblemCode = typeof PluginProblemCode.Type

/**
 * One problem: its code, the plugins involved, the id concerned (if any), and what to do, in
 * Vietnamese and English.
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginProblem extends Schema.Class<PluginProblem>("PluginProblem")({
  code: PluginProblemCode,
  plugins: Schema.Array(Schema.String),
  id: Schema.optional(Schema.String),
  vi: Schema.String,
  en: Schema.String
}) {}

/**
 * The plugins cannot be loaded; every problem found is listed.
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginError extends Schema.TaggedError<PluginError>("@hdnd/core/PluginError")("PluginError", {
  problems: Schema.Array(PluginProblem)
}) {
  /** The stable code of this error: `hdnd/plugin/cannot-load` (each problem has its own `code`). @since 0.2.0 */
  get code(): string {
    return "hdnd/plugin/cannot-load"
  }
  /** The summary in Vietnamese (the problems are in `problems`; `message` has them all). @since 0.2.0 */
  get vi(): string {
    return `Không nạp được plugin (${this.problems.length} lỗi)`
  }
  /** The summary in English (the problems are in `problems`; `message` has them all). @since 0.2.0 */
  get en(): string {
    return `Cannot load the plugins (${this.problems.length} problem${this.problems.length === 1 ? "" : "s"})`
  }
  override get message(): string {
    return this.problems.map((p) => `[${p.plugins.join(", ")}] ${p.vi} / ${p.en}`).join("\n")
  }
}

/**
 * A declared replacement of an existing declaration, as loaded.
 *
 * @since 0.1.0
 * @category models
 */
export interface Override {
  readonly id: string
  readonly collection: Collection
  readonly plugin: string
  /** `core` for a built-in, otherwise the name of the plugin whose declaration was replaced. */
  readonly replaced: string
}

/**
 * The kinds of declarations a plugin contributes by id.
 *
 * @since 0.1.0
 * @category models
 */
export type Collection = "activityKinds" | "committeeKinds" | "committeeRules" | "indicators" | "reportTemplates" | "exporters" | "importers"

/**
 * Loaded plugins: in the order they apply, the combined frozen registry, exporters, importer mappings
 * and data, and the declared replacements.
 *
 * @since 0.1.0
 * @category models
 */
export interface Loaded {
  readonly plugins: ReadonlyArray<Plugin>
  readonly registry: Registry.Registry
  readonly exporters: ReadonlyMap<string, Exporter>
  readonly importers: ReadonlyMap<string, ImporterMapping>
  readonly data: Dataset.Batch
  readonly overrides: ReadonlyArray<Override>
  /** Which plugin contributed each id (built-ins are absent). */
  readonly origins: ReadonlyMap<string, string>
}

/**
 * Options of {@link load}.
 *
 * @since 0.1.0
 * @category models
 */
export interface LoadOptions {
  /** The core version to check `requires` against (default: {@link CORE_VERSION}). */
  readonly coreVersion?: string
  /** The declarations plugins add to (default: the built-in registry). */
  readonly base?: Registry.Registry
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const RANK: Readonly<Record<PluginOrder, number>> = { pre: 0, normal: 1, post: 2 }

const problem = (code: PluginProblemCode, plugins: ReadonlyArray<string>, vi: string, en: string, id?: string): PluginProblem =>
  new PluginProblem({ code, plugins: [...plugins], vi, en, ...(id === undefined ? {} : { id }) })

/** Plugins in the order they apply (pre, normal, post; dependencies first), or the problems. */
const orderPlugins = (plugins: ReadonlyArray<Plugin>, problems: Array<PluginProblem>): ReadonlyArray<Plugin> => {
  const byName = new Map(plugins.map((p) => [p.name, p]))
  const rank = (p: Plugin) => RANK[p.order ?? "normal"]
  const done = new Set<string>()
  const visiting = new Set<string>()
  const out: Array<Plugin> = []
  const visit = (p: Plugin, path: ReadonlyArray<string>) => {
    if (done.has(p.name)) return
    if (visiting.has(p.name)) {
      const cycle = [...path.slice(path.indexOf(p.name)), p.name]
      problems.push(
        problem("dependency-cycle", cycle.slice(0, -1), `các plugin phụ thuộc vòng tròn: ${cycle.join(" → ")}; bỏ một phụ thuộc`, `plugins depend on each other in a cycle: ${cycle.join(" → ")}; remove one dependency`)
      )
      return
    }
    visiting.add(p.name)
    for (const dep of Object.keys(p.dependencies ?? {})) {
      const d = byName.get(dep)
      if (d === undefined) continue
      if (rank(d) > rank(p)) {
        problems.push(
          problem("order-conflict", [p.name, dep], `plugin ${p.name} (order ${p.order ?? "normal"}) phụ thuộc ${dep} (order ${d.order ?? "normal"}) vốn chạy sau nó; sửa order của một trong hai`,
            `plugin ${p.name} (order ${p.order ?? "normal"}) depends on ${dep} (order ${d.order ?? "normal"}), which runs after it; change the order of one of them`)
        )
        continue
      }
      visit(d, [...path, p.name])
    }
    visiting.delete(p.name)
    done.add(p.name)
    out.push(p)
  }
  for (const r of [0, 1, 2]) for (const p of plugins) if (rank(p) === r) visit(p, [])
  return out
}

interface Contribution {
  readonly collection: Collection
  readonly id: string
}

const contributionsOf = (p: Plugin): ReadonlyArray<Contribution> => [
  ...(p.activityKinds ?? []).map((x) => ({ collection: "activityKinds" as const, id: x.id as string })),
  ...(p.committeeKinds ?? []).map((x) => ({ collection: "committeeKinds" as const, id: x.id as string })),
  ...(p.committeeRules ?? []).map((x) => ({ collection: "committeeRules" as const, id: x.id })),
  ...(p.indicators ?? []).map((x) => ({ collection: "indicators" as const, id: x.id as string })),
  ...(p.reportTemplates ?? []).map((x) => ({ collection: "reportTemplates" as const, id: x.id as string })),
  ...(p.exporters ?? []).map((x) => ({ collection: "exporters" as const, id: x.id })),
  ...(p.importers ?? []).map((x) => ({ collection: "importers" as const, id: x.id }))
]

/**
 * Whether a contribution has the shape of its schema's fields. Checked structurally, not with
 * `instanceof`: a plugin built against another copy of `@hdnd/core` (a bundled CLI loading an
 * installed plugin) makes instances of that copy's classes, or plain objects.
 */
const isValid = (fields: Schema.Struct.Fields, value: unknown): string | undefined => {
  const checked = Schema.decodeUnknownResult(Schema.toType(Schema.Struct(fields)))(value)
  return Result.isFailure(checked) ? checked.failure.message : undefined
}

/** Schema and reference checks of one plugin's contributions against the registry being built. */
const checkContributions = (p: Plugin, registry: Registry.Registry, problems: Array<PluginProblem>) => {
  const invalid = (id: string, vi: string, en: string) => problems.push(problem("invalid-contribution", [p.name], vi, en, id))
  for (const k of p.activityKinds ?? []) {
    if (k.vi.trim() === "" || k.en.trim() === "" || k.nounVi.trim() === "" || k.nounEn.trim() === "") {
      invalid(k.id, `loại hoạt động ${k.id} thiếu tên hoặc danh từ đếm (vi, en, nounVi, nounEn)`, `activity kind ${k.id} lacks a name or counting noun (vi, en, nounVi, nounEn)`)
    }
    if (k.attributes !== undefined && !Schema.isSchema(k.attributes)) {
      invalid(k.id, `thuộc tính của loại hoạt động ${k.id} phải là một Schema của effect`, `the attributes of activity kind ${k.id} must be an effect Schema`)
    }
  }
  for (const i of p.indicators ?? []) {
    const why = isValid(Indicator.fields, i)
    if (why !== undefined) invalid(i.id, `chỉ tiêu ${i.id} không hợp lệ: ${why}`, `indicator ${i.id} is not valid: ${why}`)
    const wrong = why === undefined ? attributeProblem(i) : undefined
    if (wrong !== undefined) invalid(i.id, wrong.vi, wrong.en)
    const kinds = [...(i.filter.kinds ?? []), ...(i.filter.anyOf ?? []).flatMap((c) => c.kinds ?? [])]
    for (const k of kinds) {
      if (!registry.activityKinds.has(k)) invalid(i.id, `chỉ tiêu ${i.id} đếm loại hoạt động không có: ${k}`, `indicator ${i.id} counts an unknown activity kind: ${k}`)
    }
    if (i.partOf !== undefined && !registry.indicators.has(i.partOf)) {
      invalid(i.id, `chỉ tiêu ${i.id} là phần của chỉ tiêu không có: ${i.partOf}`, `indicator ${i.id} is part of an unknown indicator: ${i.partOf}`)
    }
  }
  for (const t of p.reportTemplates ?? []) {
    const why = isValid(ReportTemplate.fields, t)
    if (why !== undefined) invalid(t.id, `mẫu báo cáo ${t.id} không hợp lệ: ${why}`, `report template ${t.id} is not valid: ${why}`)
  }
  for (const rule of p.committeeRules ?? []) {
    for (const k of [...rule.kinds, ...(rule.conditional ?? [])]) {
      if (!registry.committeeKinds.has(k)) invalid(rule.id, `quy tắc ${rule.id} nói tới loại ban không có: ${k}`, `rule ${rule.id} names an unknown committee kind: ${k}`)
    }
  }
  for (const m of p.importers ?? []) {
    if (!(Dataset.entityKinds as ReadonlyArray<string>).includes(m.entity)) {
      invalid(m.id, `bảng ánh xạ ${m.id}: loại dữ liệu ${m.entity} không có; dùng một trong ${Dataset.entityKinds.join(", ")}`, `mapping ${m.id}: no record kind ${m.entity}; use one of ${Dataset.entityKinds.join(", ")}`)
    }
  }
}

type MutableBatch = { -readonly [K in keyof Dataset.Batch]-?: Array<any> }

const emptyBatch = (): MutableBatch => Object.fromEntries(Dataset.entityKinds.map((k) => [k, []])) as unknown as MutableBatch

/**
 * Checks and combines plugins. Success: the loaded set; failure: every problem found.
 *
 * @example
 * ```ts
 * import { definePlugin, PluginHost } from "@hdnd/core"
 * import * as Result from "effect/Result"
 *
 * const plugin = definePlugin({ name: "ha-noi", version: "1.0.0", requires: "^0.1.0" })
 * const result = PluginHost.load([plugin, plugin]) // the same plugin twice: every problem at once
 * if (Result.isFailure(result)) console.error(result.failure.message) // in Vietnamese and English
 * else console.log(result.success.registry.templates.size)
 * ```
 *
 * @since 0.1.0
 * @category loading
 */
export const load = (input: Iterable<Plugin>, options: LoadOptions = {}): Result.Result<Loaded, PluginError> => {
  const coreVersion = options.coreVersion ?? CORE_VERSION
  const base = options.base ?? Registry.builtin
  const problems: Array<PluginProblem> = []
  const all = [...input]

  // Names, versions, duplicates.
  const seen = new Set<string>()
  const plugins: Array<Plugin> = []
  for (const p of all) {
    if (!NAME.test(p.name)) {
      problems.push(problem("invalid-name", [p.name], `tên plugin "${p.name}" phải là chữ thường không dấu, số và gạch nối (ví dụ son-la)`, `plugin name "${p.name}" must be lower-case ASCII words joined by hyphens (for example son-la)`))
      continue
    }
    if (seen.has(p.name)) {
      problems.push(problem("duplicate-plugin", [p.name], `plugin ${p.name} được nạp hai lần; bỏ một lần`, `plugin ${p.name} is loaded twice; remove one`))
      continue
    }
    seen.add(p.name)
    plugins.push(p)
    if (valid(p.version) === null) {
      problems.push(problem("invalid-version", [p.name], `phiên bản "${p.version}" của ${p.name} không theo semver (ví dụ 1.0.0)`, `version "${p.version}" of ${p.name} is not semver (for example 1.0.0)`))
    }
    if (validRange(p.requires) === null) {
      problems.push(problem("invalid-version", [p.name], `requires "${p.requires}" của ${p.name} không phải khoảng semver (ví dụ ^0.1.0)`, `requires "${p.requires}" of ${p.name} is not a semver range (for example ^0.1.0)`))
    } else if (!satisfies(coreVersion, p.requires, { includePrerelease: true })) {
      problems.push(
        problem("incompatible-version", [p.name], `${p.name} cần @hdnd/core ${p.requires} nhưng bản đang cài là ${coreVersion}; cập nhật plugin hoặc core`,
          `${p.name} needs @hdnd/core ${p.requires} but ${coreVersion} is installed; update the plugin or core`)
      )
    }
  }
  const byName = new Map(plugins.map((p) => [p.name, p]))
  for (const p of plugins) {
    for (const [dep, range] of Object.entries(p.dependencies ?? {})) {
      const d = byName.get(dep)
      if (d === undefined) {
        problems.push(problem("missing-dependency", [p.name, dep], `${p.name} cần plugin ${dep} (${range}) nhưng nó chưa được nạp; thêm ${dep} vào danh sách plugin`, `${p.name} needs plugin ${dep} (${range}), which is not loaded; add ${dep} to the plugins`))
      } else if (valid(d.version) !== null && validRange(range) !== null && !satisfies(d.version, range, { includePrerelease: true })) {
        problems.push(problem("incompatible-dependency", [p.name, dep], `${p.name} cần ${dep} ${range} nhưng bản được nạp là ${d.version}`, `${p.name} needs ${dep} ${range} but ${d.version} is loaded`))
      }
    }
  }
  const ordered = orderPlugins(plugins, problems)

  // Ids: namespaced, unique, replacements declared.
  const owner = new Map<string, string>()
  const existing = (c: Collection): ReadonlySet<string> =>
    new Set<string>(
      c === "activityKinds" ? [...base.activityKinds.keys()]
        : c === "committeeKinds" ? [...base.committeeKinds.keys()]
          : c === "committeeRules" ? base.committeeRules.map((r) => r.id)
            : c === "indicators" ? [...base.indicators.keys()]
              : c === "reportTemplates" ? [...base.templates.keys()]
                : []
    )
  const builtins = new Map<Collection, ReadonlySet<string>>()
  const overrides: Array<Override> = []
  for (const p of ordered) {
    const declared = new Set(p.overrides ?? [])
    const used = new Set<string>()
    const mine = new Set<string>()
    for (const { collection, id } of contributionsOf(p)) {
      const key = `${collection}\u001f${id}`
      if (mine.has(key)) {
        problems.push(problem("duplicate-id", [p.name], `${p.name} khai báo ${id} hai lần trong ${collection}`, `${p.name} declares ${id} twice in ${collection}`, id))
        continue
      }
      mine.add(key)
      const core = (builtins.get(collection) ?? builtins.set(collection, existing(collection)).get(collection)!).has(id)
      const previous = owner.get(key)
      if (core || previous !== undefined) {
        const replaced = previous ?? "core"
        if (declared.has(id)) {
          used.add(id)
          overrides.push({ id, collection, plugin: p.name, replaced })
        } else {
          problems.push(
            problem(previous === undefined ? "undeclared-override" : "duplicate-id", previous === undefined ? [p.name] : [previous, p.name],
              `${p.name} khai báo ${id} đã có (của ${replaced}); đổi mã, hoặc ghi ${id} vào overrides nếu thật sự muốn thay thế`,
              `${p.name} declares ${id}, which ${replaced} already declares; rename it, or list ${id} in overrides to replace it on purpose`, id)
          )
        }
      } else if (!id.startsWith(`${p.name}/`)) {
        problems.push(problem("unnamespaced-id", [p.name], `mã ${id} của ${p.name} phải bắt đầu bằng "${p.name}/" (ví dụ ${p.name}/${id})`, `id ${id} of ${p.name} must start with "${p.name}/" (for example ${p.name}/${id})`, id))
      }
      owner.set(key, p.name)
    }
    for (const id of declared) {
      if (!used.has(id)) problems.push(problem("nothing-to-override", [p.name], `${p.name} ghi ${id} trong overrides nhưng không có gì để thay thế`, `${p.name} lists ${id} in overrides but replaces nothing`, id))
    }
  }

  // The registry, built in order; then each plugin's contributions checked against it, and the data.
  const registry = Registry.extend(
    {
      activityKinds: ordered.flatMap((p) => p.activityKinds ?? []) as ReadonlyArray<ActivityKindSpec>,
      committeeKinds: ordered.flatMap((p) => p.committeeKinds ?? []) as ReadonlyArray<CommitteeKindSpec>,
      committeeRules: ordered.flatMap((p) => p.committeeRules ?? []) as ReadonlyArray<CommitteeRule>,
      indicators: ordered.flatMap((p) => p.indicators ?? []),
      templates: ordered.flatMap((p) => p.reportTemplates ?? [])
    },
    base
  )
  for (const p of ordered) checkContributions(p, registry, problems)

  const data = emptyBatch()
  const dataOwner = new Map<string, string>()
  for (const p of ordered) {
    for (const [kind, records] of Object.entries(p.data ?? {}) as Array<[keyof Dataset.Batch, ReadonlyArray<{ readonly id: string }>]>) {
      for (const r of records ?? []) {
        const key = `${kind}\u001f${r.id}`
        const previous = dataOwner.get(key)
        if (previous !== undefined) {
          problems.push(problem("duplicate-id", [previous, p.name], `bản ghi ${kind} ${r.id} có ở cả ${previous} và ${p.name}`, `record ${kind} ${r.id} comes from both ${previous} and ${p.name}`, r.id))
          continue
        }
        dataOwner.set(key, p.name)
        data[kind].push(r)
      }
    }
  }
  const dataProblems = validateBatch(Dataset.empty, data as Dataset.Batch, registry)
  const idOwner = new Map<string, string>()
  for (const [key, name] of dataOwner) idOwner.set(key.slice(key.indexOf("\u001f") + 1), name)
  for (const dp of dataProblems.slice(0, 50)) {
    const plugin = dp.id === undefined ? undefined : idOwner.get(dp.id)
    problems.push(problem("invalid-contribution", plugin === undefined ? ordered.map((p) => p.name) : [plugin], `dữ liệu không hợp lệ: ${dp.describe("vi")}`, `invalid data: ${dp.describe("en")}`, dp.id))
  }
  if (dataProblems.length > 50) {
    problems.push(problem("invalid-contribution", ordered.map((p) => p.name), `… và ${dataProblems.length - 50} lỗi dữ liệu khác`, `… and ${dataProblems.length - 50} more data problems`))
  }

  if (problems.length > 0) return Result.fail(new PluginError({ problems }))
  const origins = new Map<string, string>()
  for (const [key, name] of owner) origins.set(key.split("\u001f")[1]!, name)
  return Result.succeed(
    Object.freeze({
      plugins: Object.freeze(ordered),
      registry,
      exporters: Registry.frozenMap(ordered.flatMap((p) => p.exporters ?? []).map((e) => [e.id, e] as const)),
      importers: Registry.frozenMap(ordered.flatMap((p) => p.importers ?? []).map((m) => [m.id, m] as const)),
      data: Object.freeze(data) as Dataset.Batch,
      overrides: Object.freeze(overrides),
      origins: Registry.frozenMap([...origins])
    })
  )
}

/**
 * The loaded plugins, as a service.
 *
 * @since 0.1.0
 * @category services
 */
export class Plugins extends Context.Service<Plugins, Loaded>()("@hdnd/core/Plugins") {}

/**
 * A layer providing {@link Plugins}, failing with {@link PluginError} when they cannot be loaded.
 *
 * @example
 * ```ts
 * import { definePlugin, PluginHost } from "@hdnd/core"
 * import * as Effect from "effect/Effect"
 *
 * const program = Effect.gen(function* () {
 *   const loaded = yield* PluginHost.Plugins
 *   return loaded.plugins.map((p) => `${p.name}@${p.version}`)
 * })
 * const plugin = definePlugin({ name: "ha-noi", version: "1.0.0", requires: "^0.1.0" })
 * console.log(await Effect.runPromise(Effect.provide(program, PluginHost.layer([plugin])))) // [ 'ha-noi@1.0.0' ]
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (plugins: Iterable<Plugin>, options: LoadOptions = {}): Layer.Layer<Plugins, PluginError> =>
  Layer.effect(Plugins, Result.match(load(plugins, options), { onFailure: (e) => Effect.fail(e), onSuccess: (l) => Effect.succeed(l) }))
