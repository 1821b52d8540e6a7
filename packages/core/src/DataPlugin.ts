/**
 * Declarations as data: a plugin written as a JSON (or YAML) document instead of JavaScript. A
 * province that only declares indicators, activity kinds, committee kinds and rules, report
 * templates, importer mappings and its units writes no code:
 *
 * ```json
 * {
 *   "name": "lai-chau", "version": "1.0.0", "coreVersion": "^0.1.0",
 *   "activityKinds": [{ "id": "lai-chau/hearing", "vi": "phiên giải trình", "en": "hearing",
 *     "nounVi": "phiên", "nounEn": "hearings", "attributes": { "witnesses": { "type": "integer", "min": 0 } } }],
 *   "indicators": [{ "id": "lai-chau/hearings", "vi": "Phiên giải trình", "en": "Hearings",
 *     "nounVi": "phiên", "nounEn": "hearings", "filter": { "kinds": ["lai-chau/hearing"] }, "measure": "count" }]
 * }
 * ```
 *
 * Each collection is decoded with core's own schemas (`Indicator`, `ReportTemplate`, `AdminUnit`,
 * `LineageEvent` …), so a field added to them is accepted here too. Activity kind attributes are
 * written in a small type language ({@link AttributeType}) compiled to an Effect Schema. Every text
 * is normalised to NFC first. Problems are reported all at once, each located by the file and the
 * path inside the document and explained in Vietnamese and English:
 * `plugin.json › indicators[2].filter.kinds[0]: không có loại hoạt động "x" … / no activity kind "x" …`.
 *
 * {@link decode} returns an ordinary {@link Plugin.Plugin}: data plugins and code plugins are loaded
 * together by `PluginHost.load`, under the same rules (namespaces, overrides, dependencies). Code
 * plugins remain for what data cannot say (exporters, computed declarations).
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type { ActivityKindSpec } from "./ActivityKind.js"
import { AdminUnit, Level, LineageEvent, UnitType } from "./AdminUnit.js"
import { CalendarDate, DateRange } from "./CalendarDate.js"
import type { CommitteeKindSpec, CommitteeRule } from "./CommitteeKind.js"
import { entityKinds } from "./Dataset.js"
import { DECODE_OPTIONS, problemsFromParseError } from "./Errors.js"
import { ActivityKindId, CommitteeKindId } from "./Ids.js"
import { Indicator } from "./Indicator.js"
import type { Plugin, PluginData, PluginSpec } from "./Plugin.js"
import { definePlugin, isPlugin } from "./Plugin.js"
import * as PluginHost from "./PluginHost.js"
import * as Registry from "./Registry.js"
import { placeholdersIn, ReportTemplate } from "./ReportTemplate.js"
import { NonEmptyText } from "./Text.js"

// ---------------------------------------------------------------------------------------------
// The attribute type language
// ---------------------------------------------------------------------------------------------

const Bound = Schema.Finite
const Size = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
const common = {
  /** The attribute must be given (by default attributes are optional). */
  required: Schema.optional(Schema.Boolean),
  vi: Schema.optional(NonEmptyText),
  en: Schema.optional(NonEmptyText)
}

/**
 * A scalar attribute type: `integer` and `number` (with `min`, `max`), `string` (with `minLength`,
 * `maxLength`), `boolean`, `date` (`YYYY-MM-DD`) and `enum` (one of `values`). Every attribute is
 * optional unless `"required": true`; `vi`/`en` label it for people.
 *
 * @since 0.2.0
 * @category attributes
 */
export const ScalarType = Schema.Union([
  Schema.Struct({ type: Schema.Literal("integer"), min: Schema.optional(Schema.Int), max: Schema.optional(Schema.Int), ...common }),
  Schema.Struct({ type: Schema.Literal("number"), min: Schema.optional(Bound), max: Schema.optional(Bound), ...common }),
  Schema.Struct({ type: Schema.Literal("string"), minLength: Schema.optional(Size), maxLength: Schema.optional(Size), ...common }),
  Schema.Struct({ type: Schema.Literal("boolean"), ...common }),
  Schema.Struct({ type: Schema.Literal("date"), ...common }),
  Schema.Struct({ type: Schema.Literal("enum"), values: Schema.NonEmptyArray(NonEmptyText), ...common })
]).annotate({ identifier: "ScalarType" })
/** @since 0.2.0 @category attributes */
export type ScalarType = typeof ScalarType.Type

/**
 * An attribute type: a scalar, or a `list` of scalars (`items`, with `minItems`, `maxItems`).
 *
 * ```json
 * { "voters": { "type": "integer", "min": 0 },
 *   "topics": { "type": "list", "items": { "type": "enum", "values": ["land", "health"] } } }
 * ```
 *
 * @since 0.2.0
 * @category attributes
 */
export const AttributeType = Schema.Union([
  ScalarType,
  Schema.Struct({
    type: Schema.Literal("list"),
    items: ScalarType,
    minItems: Schema.optional(Size),
    maxItems: Schema.optional(Size),
    ...common
  })
]).annotate({ identifier: "AttributeType" })
/** @since 0.2.0 @category attributes */
export type AttributeType = typeof AttributeType.Type

const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/

/**
 * The attributes of an activity kind, by name (ASCII letters, digits and `_`, starting with a letter).
 *
 * @since 0.2.0
 * @category attributes
 */
export const Attributes = Schema.Record(
  Schema.String.check(
    Schema.isPattern(ATTRIBUTE_NAME, {
      message: "tên thuộc tính chỉ dùng chữ không dấu, số và _, bắt đầu bằng chữ / an attribute name uses ASCII letters, digits and _, starting with a letter"
    })
  ),
  AttributeType
)
/** @since 0.2.0 @category attributes */
export type Attributes = typeof Attributes.Type

const DATE_SHAPE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/

const scalarSchema = (t: ScalarType): Schema.Codec<any, any> => {
  switch (t.type) {
    case "integer":
    case "number": {
      let s: Schema.Codec<number> = t.type === "integer" ? Schema.Int : Schema.Finite
      if (t.min !== undefined) s = s.check(Schema.isGreaterThanOrEqualTo(t.min))
      if (t.max !== undefined) s = s.check(Schema.isLessThanOrEqualTo(t.max))
      return s
    }
    case "string": {
      let s: Schema.Codec<string> = Schema.String
      if (t.minLength !== undefined) s = s.check(Schema.isMinLength(t.minLength))
      if (t.maxLength !== undefined) s = s.check(Schema.isMaxLength(t.maxLength))
      return s
    }
    case "boolean":
      return Schema.Boolean
    case "date":
      // The pattern (which every valid date matches) also tells generators (the testkit) what to make.
      return CalendarDate.check(Schema.isPattern(DATE_SHAPE))
    case "enum":
      return Schema.Literals(t.values)
  }
}

/**
 * The Effect Schema of one attribute type.
 *
 * @since 0.2.0
 * @category attributes
 */
export const attributeSchema = (t: AttributeType): Schema.Codec<any, any> => {
  if (t.type !== "list") return scalarSchema(t)
  let s: Schema.Codec<ReadonlyArray<unknown>, ReadonlyArray<unknown>> = Schema.Array(scalarSchema(t.items))
  if (t.minItems !== undefined) s = s.check(Schema.isMinLength(t.minItems))
  if (t.maxItems !== undefined) s = s.check(Schema.isMaxLength(t.maxItems))
  return s
}

/**
 * Compiles declared attributes into the Effect Schema of an activity kind's `attributes` (a struct
 * whose fields are optional unless `required`).
 *
 * @since 0.2.0
 * @category attributes
 */
export const compileAttributes = (attributes: Attributes): Schema.Codec<any, any> =>
  Schema.Struct(
    Object.fromEntries(Object.entries(attributes).map(([name, t]) => [name, t.required === true ? attributeSchema(t) : Schema.optional(attributeSchema(t))]))
  )

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

const FieldRule = Schema.optional(Schema.Literals(["required", "optional"]))

/**
 * An activity kind as data: like `ActivityKind.ActivityKindSpec`, with attributes in the
 * {@link AttributeType} language.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ActivityKindDeclaration = Schema.Struct({
  id: ActivityKindId,
  vi: NonEmptyText,
  en: NonEmptyText,
  nounVi: NonEmptyText,
  nounEn: NonEmptyText,
  fields: Schema.optional(
    Schema.Struct({ subject: FieldRule, mode: FieldRule, origin: FieldRule, venue: FieldRule, resolutionKind: FieldRule })
  ),
  attributes: Schema.optional(Attributes)
}).annotate({ identifier: "ActivityKindDeclaration" })
/** @since 0.2.0 @category schemas */
export type ActivityKindDeclaration = typeof ActivityKindDeclaration.Type

/**
 * A committee kind as data (`CommitteeKind.CommitteeKindSpec`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const CommitteeKindDeclaration = Schema.Struct({
  id: CommitteeKindId,
  vi: NonEmptyText,
  en: NonEmptyText,
  aliases: Schema.optional(Schema.Array(NonEmptyText))
}).annotate({ identifier: "CommitteeKindDeclaration" })
/** @since 0.2.0 @category schemas */
export type CommitteeKindDeclaration = typeof CommitteeKindDeclaration.Type

/**
 * A committee rule as data (`CommitteeKind.CommitteeRule`): which committee kinds councils of some
 * levels (and unit types) may have during a validity range.
 *
 * @since 0.2.0
 * @category schemas
 */
export const CommitteeRuleDeclaration = Schema.Struct({
  id: NonEmptyText,
  levels: Schema.NonEmptyArray(Level),
  unitTypes: Schema.optional(Schema.Array(UnitType)),
  validity: DateRange,
  kinds: Schema.Array(CommitteeKindId),
  conditional: Schema.optional(Schema.Array(CommitteeKindId)),
  anyKind: Schema.optional(Schema.Boolean),
  source: NonEmptyText
}).annotate({ identifier: "CommitteeRuleDeclaration" })
/** @since 0.2.0 @category schemas */
export type CommitteeRuleDeclaration = typeof CommitteeRuleDeclaration.Type

/**
 * An importer mapping as data (`Plugin.ImporterMapping`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const ImporterDeclaration = Schema.Struct({
  id: NonEmptyText,
  vi: NonEmptyText,
  en: NonEmptyText,
  entity: Schema.Literals(entityKinds),
  columns: Schema.Record(Schema.String, NonEmptyText)
}).annotate({ identifier: "ImporterDeclaration" })
/** @since 0.2.0 @category schemas */
export type ImporterDeclaration = typeof ImporterDeclaration.Type

/**
 * A data plugin document. `name`, `version` and `coreVersion` (the range of `@hdnd/core` it works
 * with, like a code plugin's `requires`) are required; every collection is optional. `templates`
 * become the plugin's report templates, `units` and `lineage` its data. A `$schema` key (for editors)
 * is allowed and ignored.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Document = Schema.Struct({
  $schema: Schema.optional(Schema.String),
  name: Schema.String,
  version: Schema.String,
  coreVersion: Schema.String,
  vi: Schema.optional(NonEmptyText),
  en: Schema.optional(NonEmptyText),
  dependencies: Schema.optional(Schema.Record(Schema.String, Schema.String)),
  order: Schema.optional(Schema.Literals(["pre", "normal", "post"])),
  overrides: Schema.optional(Schema.Array(Schema.String)),
  activityKinds: Schema.optional(Schema.Array(ActivityKindDeclaration)),
  committeeKinds: Schema.optional(Schema.Array(CommitteeKindDeclaration)),
  committeeRules: Schema.optional(Schema.Array(CommitteeRuleDeclaration)),
  indicators: Schema.optional(Schema.Array(Indicator)),
  templates: Schema.optional(Schema.Array(ReportTemplate)),
  importers: Schema.optional(Schema.Array(ImporterDeclaration)),
  units: Schema.optional(Schema.Array(AdminUnit)),
  lineage: Schema.optional(Schema.Array(LineageEvent))
}).annotate({ identifier: "DataPlugin" })
/** @since 0.2.0 @category schemas */
export type Document = typeof Document.Type

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/**
 * What is wrong at one place of a data plugin: `syntax` (not JSON/YAML), `schema` (a field missing,
 * unexpected or of the wrong type or form), `unknown-activity-kind`, `unknown-committee-kind`,
 * `unknown-indicator` (a reference to nothing declared), `unnamespaced-id` (an id not starting with
 * the plugin's name), `duplicate-id`.
 *
 * @since 0.2.0
 * @category errors
 */
export const DataPluginProblemCode = Schema.Literals([
  "syntax",
  "schema",
  "unknown-activity-kind",
  "unknown-committee-kind",
  "unknown-indicator",
  "unnamespaced-id",
  "duplicate-id"
])
/** @since 0.2.0 @category errors */
export type DataPluginProblemCode = typeof DataPluginProblemCode.Type

/**
 * One located problem: the path inside the document (`indicators[2].filter.kinds[0]`; empty for the
 * whole document) and, for syntax errors, the line and column; what to fix, in Vietnamese and English.
 *
 * @since 0.2.0
 * @category errors
 */
export class DataPluginProblem extends Schema.Class<DataPluginProblem>("DataPluginProblem")({
  path: Schema.String,
  code: DataPluginProblemCode,
  line: Schema.optional(Schema.Int),
  column: Schema.optional(Schema.Int),
  vi: Schema.String,
  en: Schema.String
}) {
  /** Where the problem is: `file › path` (or `file:line:column` for syntax errors). */
  where(file: string | undefined): string {
    const f = file ?? "plugin"
    const at = this.line === undefined ? f : `${f}:${this.line}${this.column === undefined ? "" : `:${this.column}`}`
    return this.path === "" ? at : `${at} › ${this.path}`
  }
}

/**
 * A data plugin that cannot be used: every problem, located in its file.
 *
 * @since 0.2.0
 * @category errors
 */
export class DataPluginError extends Schema.TaggedError<DataPluginError>("@hdnd/core/DataPluginError")("DataPluginError", {
  file: Schema.optional(Schema.String),
  problems: Schema.Array(DataPluginProblem)
}) {
  /** The stable code of this error: `hdnd/plugin/invalid-data-plugin` (each problem has its own `code`). @since 0.2.0 */
  get code(): string {
    return "hdnd/plugin/invalid-data-plugin"
  }
  /** The summary in Vietnamese (the problems are in `problems`; `message` has them all). @since 0.2.0 */
  get vi(): string {
    return `Không dùng được plugin dữ liệu${this.file === undefined ? "" : ` ${this.file}`} (${this.problems.length} lỗi)`
  }
  /** The summary in English (the problems are in `problems`; `message` has them all). @since 0.2.0 */
  get en(): string {
    return `Cannot use the data plugin${this.file === undefined ? "" : ` ${this.file}`} (${this.problems.length} problem${this.problems.length === 1 ? "" : "s"})`
  }
  override get message(): string {
    return this.problems.map((p) => `${p.where(this.file)}: ${p.vi} / ${p.en}`).join("\n")
  }
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

/**
 * Options of {@link decode} and {@link parseJson}.
 *
 * @since 0.2.0
 * @category models
 */
export interface DecodeOptions {
  /** The file the document was read from, named in every problem. */
  readonly file?: string
  /**
   * The declarations references are checked against, besides the document's own (default: the
   * built-in registry). References to ids of another plugin's namespace are left to the plugin host.
   */
  readonly registry?: Registry.Registry
}

/** Every string (values and keys) in NFC. */
const nfc = (u: unknown): unknown => {
  if (typeof u === "string") return u.normalize("NFC")
  if (Array.isArray(u)) return u.map(nfc)
  if (u !== null && typeof u === "object") return Object.fromEntries(Object.entries(u).map(([k, v]) => [k.normalize("NFC"), nfc(v)]))
  return u
}

const documents = new WeakMap<Plugin, Document>()
const decodeDocument = Schema.decodeUnknownResult(Document, DECODE_OPTIONS)
const encodeDocument = Schema.encodeSync(Document)

const problemOf = (path: string, code: DataPluginProblemCode, vi: string, en: string): DataPluginProblem =>
  new DataPluginProblem({ path, code, vi, en })

/** The indicators the `{{count …}}` and `{{value …}}` placeholders of a text name. */
const placeholderIndicators = (text: string): ReadonlyArray<string> =>
  placeholdersIn(text).flatMap((p) => ((p.name === "count" || p.name === "value") && p.args[0] !== undefined ? [p.args[0]] : []))

/** Reference and namespace checks of a decoded document, each located. */
const checkReferences = (doc: Document, registry: Registry.Registry): ReadonlyArray<DataPluginProblem> => {
  const out: Array<DataPluginProblem> = []
  const name = doc.name
  const overrides = new Set(doc.overrides ?? [])
  const foreign = (id: string): boolean => id.includes("/") && !id.startsWith(`${name}/`) && !id.startsWith("core/")
  const kinds = new Set<string>([...registry.activityKinds.keys(), ...(doc.activityKinds ?? []).map((k) => k.id)])
  const committees = new Set<string>([...registry.committeeKinds.keys(), ...(doc.committeeKinds ?? []).map((k) => k.id)])
  const indicators = new Set<string>([...registry.indicators.keys(), ...(doc.indicators ?? []).map((i) => i.id)])
  const kindsVi = (id: string) => `không có loại hoạt động "${id}"; hãy dùng loại có sẵn (review, supervision …) hoặc khai báo nó trong activityKinds`
  const kindsEn = (id: string) => `no activity kind "${id}"; use a built-in kind (review, supervision …) or declare it in activityKinds`
  const kindRef = (path: string, id: string) => {
    if (!foreign(id) && !kinds.has(id)) out.push(problemOf(path, "unknown-activity-kind", kindsVi(id), kindsEn(id)))
  }
  const committeeRef = (path: string, id: string) => {
    if (!foreign(id) && !committees.has(id)) {
      out.push(problemOf(path, "unknown-committee-kind",
        `không có loại Ban "${id}"; hãy dùng loại có sẵn (phap-che, kinh-te-ngan-sach …) hoặc khai báo nó trong committeeKinds`,
        `no committee kind "${id}"; use a built-in kind (phap-che, kinh-te-ngan-sach …) or declare it in committeeKinds`))
    }
  }
  const indicatorRef = (path: string, id: string) => {
    if (!foreign(id) && !indicators.has(id)) {
      out.push(problemOf(path, "unknown-indicator",
        `không có chỉ tiêu "${id}"; hãy dùng chỉ tiêu có sẵn (core/…) hoặc khai báo nó trong indicators`,
        `no indicator "${id}"; use a built-in indicator (core/…) or declare it in indicators`))
    }
  }
  const own = (collection: string, items: ReadonlyArray<{ readonly id: string }> | undefined) => {
    const seen = new Set<string>()
    items?.forEach((item, i) => {
      const path = `${collection}[${i}].id`
      if (seen.has(item.id)) {
        out.push(problemOf(path, "duplicate-id", `mã "${item.id}" đã khai báo ở trên trong ${collection}; hãy bỏ bản lặp hoặc đổi mã`,
          `id "${item.id}" is already declared above in ${collection}; remove the repeat or rename it`))
      }
      seen.add(item.id)
      if (!item.id.startsWith(`${name}/`) && !overrides.has(item.id)) {
        out.push(problemOf(path, "unnamespaced-id", `mã "${item.id}" phải bắt đầu bằng "${name}/" (tên plugin), ví dụ "${name}/${item.id.split("/").pop()}"; hoặc ghi nó trong overrides nếu muốn thay thế`,
          `id "${item.id}" must start with "${name}/" (the plugin's name), for example "${name}/${item.id.split("/").pop()}"; or list it in overrides to replace it`))
      }
    })
  }
  own("activityKinds", doc.activityKinds)
  own("committeeKinds", doc.committeeKinds)
  own("committeeRules", doc.committeeRules)
  own("indicators", doc.indicators)
  own("templates", doc.templates)
  own("importers", doc.importers)
  doc.indicators?.forEach((ind, i) => {
    const clauses: Array<readonly [string, Indicator["filter"]]> = [[`indicators[${i}].filter`, ind.filter]]
    ind.filter.anyOf?.forEach((c, j) => clauses.push([`indicators[${i}].filter.anyOf[${j}]`, c as Indicator["filter"]]))
    for (const [path, clause] of clauses) {
      clause.kinds?.forEach((k, j) => kindRef(`${path}.kinds[${j}]`, k))
      clause.committeeKinds?.forEach((k, j) => committeeRef(`${path}.committeeKinds[${j}]`, k))
    }
    if (ind.partOf !== undefined) indicatorRef(`indicators[${i}].partOf`, ind.partOf)
  })
  doc.committeeRules?.forEach((r, i) => {
    r.kinds.forEach((k, j) => committeeRef(`committeeRules[${i}].kinds[${j}]`, k))
    r.conditional?.forEach((k, j) => committeeRef(`committeeRules[${i}].conditional[${j}]`, k))
  })
  doc.templates?.forEach((t, i) => {
    const at = `templates[${i}]`
    t.extraIndicators?.forEach((id, j) => indicatorRef(`${at}.extraIndicators[${j}]`, id))
    t.sections.forEach((s, j) =>
      s.blocks.forEach((b, k) => {
        const path = `${at}.sections[${j}].blocks[${k}]`
        if (b._tag === "Table") b.columns.forEach((c, l) => indicatorRef(`${path}.columns[${l}].indicator`, c.indicator))
        else if (b._tag === "Chart") indicatorRef(`${path}.indicator`, b.indicator)
        else for (const id of placeholderIndicators(b.text)) indicatorRef(`${path}.text`, id)
      })
    )
    for (const id of placeholderIndicators(t.title)) indicatorRef(`${at}.title`, id)
  })
  return out
}

const fromDocument = (doc: Document): Plugin => {
  const activityKinds = doc.activityKinds?.map((k): ActivityKindSpec => ({
    id: k.id,
    vi: k.vi,
    en: k.en,
    nounVi: k.nounVi,
    nounEn: k.nounEn,
    fields: Object.fromEntries(Object.entries(k.fields ?? {}).filter(([, v]) => v !== undefined)),
    ...(k.attributes === undefined ? {} : { attributes: compileAttributes(k.attributes) })
  }))
  const committeeKinds = doc.committeeKinds?.map((k): CommitteeKindSpec => ({ id: k.id, vi: k.vi, en: k.en, ...(k.aliases === undefined ? {} : { aliases: k.aliases }) }))
  const data: PluginData = {
    ...(doc.units === undefined ? {} : { units: doc.units }),
    ...(doc.lineage === undefined ? {} : { lineage: doc.lineage })
  }
  const spec: PluginSpec = {
    name: doc.name,
    version: doc.version,
    requires: doc.coreVersion,
    ...(doc.vi === undefined ? {} : { vi: doc.vi }),
    ...(doc.en === undefined ? {} : { en: doc.en }),
    ...(doc.dependencies === undefined ? {} : { dependencies: doc.dependencies }),
    ...(doc.order === undefined ? {} : { order: doc.order }),
    ...(doc.overrides === undefined ? {} : { overrides: doc.overrides }),
    ...(activityKinds === undefined ? {} : { activityKinds }),
    ...(committeeKinds === undefined ? {} : { committeeKinds }),
    ...(doc.committeeRules === undefined ? {} : { committeeRules: doc.committeeRules as ReadonlyArray<CommitteeRule> }),
    ...(doc.indicators === undefined ? {} : { indicators: doc.indicators }),
    ...(doc.templates === undefined ? {} : { reportTemplates: doc.templates }),
    ...(doc.importers === undefined ? {} : { importers: doc.importers }),
    ...(Object.keys(data).length === 0 ? {} : { data })
  }
  const plugin = definePlugin(spec) as Plugin
  documents.set(plugin, doc)
  return plugin
}

/**
 * Decodes a data plugin document (already parsed from JSON or YAML) into a plugin, or fails with
 * every problem located: schema problems, then references to activity kinds, committee kinds and
 * indicators that neither core, the `registry` option nor the document declares, ids not in the
 * plugin's namespace and ids declared twice. Strings are normalised to NFC. Never throws.
 *
 * The plugin is then loaded like any other (`PluginHost.load`, `HdndClient.open({ plugins })`, the
 * CLI's `--plugin`), which checks versions and dependencies.
 *
 * @example
 * ```ts
 * import { DataPlugin, PluginHost } from "@hdnd/core"
 * import * as Result from "effect/Result"
 *
 * const plugin = Result.getOrThrow(DataPlugin.decode({
 *   name: "lai-chau", version: "1.0.0", coreVersion: "^0.1.0",
 *   indicators: [{ id: "lai-chau/supervisions", vi: "Giám sát", en: "Supervisions", nounVi: "cuộc giám sát", nounEn: "supervisions",
 *     filter: { kinds: ["supervision"] }, measure: "count" }]
 * }, { file: "plugin.json" }))
 * const loaded = Result.getOrThrow(PluginHost.load([plugin]))
 * ```
 *
 * @since 0.2.0
 * @category decoding
 */
export const decode = (input: unknown, options: DecodeOptions = {}): Result.Result<Plugin, DataPluginError> => {
  const fail = (problems: ReadonlyArray<DataPluginProblem>) =>
    Result.fail(new DataPluginError({ ...(options.file === undefined ? {} : { file: options.file }), problems: [...problems] }))
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail([problemOf("", "schema", "tệp plugin phải là một đối tượng { \"name\": …, \"version\": …, \"coreVersion\": … }",
      "a plugin file must hold an object { \"name\": …, \"version\": …, \"coreVersion\": … }")])
  }
  const decoded = decodeDocument(nfc(input))
  if (Result.isFailure(decoded)) {
    return fail(problemsFromParseError("DataPlugin", undefined, decoded.failure).map((p) =>
      problemOf(p.field, "schema", `${p.vi}; hãy sửa theo mô tả trong docs/writing-a-plugin.md`, `${p.en}; fix it as docs/writing-a-plugin.md describes`)))
  }
  const problems = checkReferences(decoded.success, options.registry ?? Registry.builtin)
  return problems.length > 0 ? fail(problems) : Result.succeed(fromDocument(decoded.success))
}

/**
 * {@link decode}, throwing the {@link DataPluginError} (for scripts and configuration files).
 *
 * @since 0.2.0
 * @category decoding
 */
export const decodeSync = (input: unknown, options: DecodeOptions = {}): Plugin => {
  const r = decode(input, options)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

/**
 * {@link decode} as an Effect, for the Effect API.
 *
 * @since 0.2.0
 * @category decoding
 */
export const decodeEffect = (input: unknown, options: DecodeOptions = {}): Effect.Effect<Plugin, DataPluginError> => Effect.fromResult(decode(input, options))

/**
 * A layer of `PluginHost.Plugins` from plugins given as code (made with `definePlugin`) or as data
 * plugin documents (decoded with {@link decode}), loaded together by the plugin host.
 *
 * @since 0.2.0
 * @category layers
 */
export const layer = (
  plugins: ReadonlyArray<Plugin | unknown>,
  options: PluginHost.LoadOptions = {}
): Layer.Layer<PluginHost.Plugins, DataPluginError | PluginHost.PluginError> =>
  Layer.effect(
    PluginHost.Plugins,
    Effect.gen(function* () {
      const decoded = yield* Effect.forEach(plugins, (p) => (isPlugin(p) ? Effect.succeed(p) : decodeEffect(p)))
      return yield* Effect.fromResult(PluginHost.load(decoded, options))
    })
  )

/** Line and column (1-based) of a character offset. */
const lineColumn = (text: string, offset: number): { readonly line: number; readonly column: number } => {
  const before = text.slice(0, offset).split("\n")
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}

/**
 * Parses the text of a JSON data plugin (a leading byte-order mark is ignored) and decodes it. A
 * syntax error is a `syntax` problem with its line and column.
 *
 * @since 0.2.0
 * @category decoding
 */
export const parseJson = (text: string, options: DecodeOptions = {}): Result.Result<Plugin, DataPluginError> => {
  const source = text.replace(/^\uFEFF/, "")
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const at = /position (\d+)/.exec(message)
    const place = at === null ? {} : lineColumn(source, Number(at[1]))
    return Result.fail(
      new DataPluginError({
        ...(options.file === undefined ? {} : { file: options.file }),
        problems: [new DataPluginProblem({ path: "", code: "syntax", ...place, vi: `không phải JSON hợp lệ (${message}); hãy sửa cú pháp`, en: `not valid JSON (${message}); fix the syntax` })]
      })
    )
  }
  return decode(value, options)
}

/**
 * The document a data plugin was decoded from (undefined for a code plugin). Encode it with
 * `Schema.encodeSync(DataPlugin.Document)` (see {@link encode}) to write the declarations back.
 *
 * @since 0.2.0
 * @category accessors
 */
export const documentOf = (plugin: Plugin): Document | undefined => documents.get(plugin)

/**
 * The JSON form of a decoded document: `decode(encode(doc))` gives the same plugin.
 *
 * @since 0.2.0
 * @category encoding
 */
export const encode = (doc: Document): unknown => encodeDocument(doc)
