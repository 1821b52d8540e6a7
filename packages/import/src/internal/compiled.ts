/**
 * Compiled decoders: a schema's AST turned, once, into plain closures that decode a value the way
 * `SchemaParser.decodeUnknownResult` does, without its per-node machinery (Exits, issues, options
 * merging), which costs several microseconds per activity row.
 *
 * A compiled decoder never reports problems. It returns the decoded value only when it can vouch
 * that the schema decoder would return exactly that value (a success of an equal value, built by the
 * same constructors and the core's own checks and transformations), and {@link DECLINE} otherwise:
 * for any value the schema rejects, and for anything it is not sure of (a schema feature it does not
 * compile, a check or transformation that throws). The caller then decodes with the schema, which
 * gives the problems. So the compiled decoder can only make valid rows faster; what a row decodes
 * to, and every problem reported, stay the schema's.
 *
 * It follows Effect 4's schema interpreter (`SchemaAST` node parsers, `effect/SchemaParser`) for the
 * options the importer uses: decoding, excess properties an error. A node is decoded as the
 * interpreter does: through its encoding links (the last link's node first, then each link's
 * transformation), then by the node's own parser, then its checks. A schema with a node it does
 * not compile (suspensions, template literals, effectful or optional-aware getters, middleware,
 * encoding checks, `oneOf` unions, unions other than literals or `X | undefined` …) gets no compiled
 * decoder at all.
 */
import * as Exit from "effect/Exit"
import type * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"

/** What a compiled decoder returns when the schema decoder must decide. */
export const DECLINE: unique symbol = Symbol("@hdnd/import/compiled/DECLINE")

/** A compiled decoder: the decoded value, or {@link DECLINE}. */
export type Compiled = (input: unknown) => unknown

/** The options every compiled decoder assumes (and passes to the schema's checks). */
export interface CompileOptions extends SchemaAST.ParseOptions {
  readonly errors: "first" | "all"
  readonly onExcessProperty: "error"
}

const NO = DECLINE

/** A compiled node; never called with an absent value (parents handle absence). */
type Node = (input: unknown) => unknown

const hasOwn = Object.prototype.hasOwnProperty

/** Effect's marker of "no value" / "the input unchanged" in a parser's success (`effect/schema/parser`). */
const MISSING = Symbol.for("effect/schema/parser/missing")

/** Fields named after `Object.prototype` members are looked up as own properties (as `SchemaAST` does). */
const PROTOTYPE_KEYS: ReadonlySet<PropertyKey> = new Set<PropertyKey>([...Reflect.ownKeys(Object.prototype), "__proto__"])

class Unsupported {}

const isOptional = (ast: SchemaAST.AST): boolean => ast.context?.isOptional ?? false

/** Nodes this compiler refuses whatever their tag: anything checked on the encoded side. */
const refused = (ast: SchemaAST.AST): boolean => (ast as { readonly encodingChecks?: unknown }).encodingChecks !== undefined

/** Whether `checks` all pass on `value` (a group passes when all its checks do). */
const passes = (checks: ReadonlyArray<SchemaAST.Check<unknown>>, value: unknown, ast: SchemaAST.AST, options: CompileOptions): boolean => {
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i] as SchemaAST.Check<unknown>
    if (check._tag === "FilterGroup") {
      if (!passes(check.checks, value, ast, options)) return false
    } else if (check.run(value, ast, options) !== undefined) return false
  }
  return true
}

/** Collects the members of a union of literals (nested unions, `null` and `undefined` included); false when it is not one. */
const literalsOf = (ast: SchemaAST.AST, out: Array<unknown>): boolean => {
  if (ast.checks !== undefined || ast.encoding !== undefined || refused(ast)) return false
  switch (ast._tag) {
    case "Literal":
      if (typeof ast.literal === "number" && Number.isNaN(ast.literal)) return false
      out.push(ast.literal)
      return true
    case "Undefined":
      out.push(undefined)
      return true
    case "Null":
      out.push(null)
      return true
    case "Union":
      return ast.options?.mode !== "oneOf" && ast.types.every((t) => literalsOf(t, out))
    default:
      return false
  }
}

/** How a link's transformation decodes a present value; `Unsupported` for anything but a plain function. */
const transformationOf = (link: SchemaAST.Link): Node => {
  const t = link.transformation
  if (t._tag !== "Transformation") throw new Unsupported()
  const getter = t.decode
  switch (getter._tag) {
    case "Passthrough":
      return (i) => i
    case "Transform": {
      const f = getter.transform as (i: unknown) => unknown
      return (i) => f(i)
    }
    default:
      throw new Unsupported()
  }
}

const build = (ast: SchemaAST.AST, options: CompileOptions, memo: Map<SchemaAST.AST, Node>): Node => {
  const known = memo.get(ast)
  if (known !== undefined) return known
  // A placeholder for cycles (only suspensions make them, and those are not compiled).
  memo.set(ast, () => NO)
  const node = withEncoding(ast, options, memo)
  memo.set(ast, node)
  return node
}

/** The node decoded through its encoding links, then parsed and checked as itself. */
const withEncoding = (ast: SchemaAST.AST, options: CompileOptions, memo: Map<SchemaAST.AST, Node>): Node => {
  if (refused(ast)) throw new Unsupported()
  const local = withChecks(ast, options, memo)
  const links = ast.encoding
  if (links === undefined) return local
  const parsers = links.map((l) => build(l.to, options, memo))
  const transforms = links.map(transformationOf)
  const last = links.length - 1
  if (last === 0) {
    const from = parsers[0] as Node
    const t = transforms[0] as Node
    return (i) => {
      const a = from(i)
      return a === NO ? NO : local(t(a))
    }
  }
  return (i) => {
    let v = (parsers[last] as Node)(i)
    if (v === NO) return NO
    for (let k = last; k >= 0; k--) {
      v = (transforms[k] as Node)(v)
      if (k > 0) {
        v = (parsers[k - 1] as Node)(v)
        if (v === NO) return NO
      }
    }
    return local(v)
  }
}

/** The node's own parser, then its checks on the value it gives. */
const withChecks = (ast: SchemaAST.AST, options: CompileOptions, memo: Map<SchemaAST.AST, Node>): Node => {
  const base = make(ast, options, memo)
  const checks = ast.checks
  if (checks === undefined) return base
  return (i) => {
    const a = base(i)
    if (a === NO) return NO
    return passes(checks, a, ast, options) ? a : NO
  }
}

const make = (ast: SchemaAST.AST, options: CompileOptions, memo: Map<SchemaAST.AST, Node>): Node => {
  switch (ast._tag) {
    case "String":
      return (i) => (typeof i === "string" ? i : NO)
    case "Number":
      return (i) => (typeof i === "number" ? i : NO)
    case "Boolean":
      return (i) => (typeof i === "boolean" ? i : NO)
    case "Unknown":
    case "Any":
      return (i) => i
    case "Undefined":
      return (i) => (i === undefined ? i : NO)
    case "Null":
      return (i) => (i === null ? i : NO)
    case "Literal": {
      const literal = ast.literal
      if (typeof literal === "number" && Number.isNaN(literal)) throw new Unsupported()
      return (i) => (i === literal ? i : NO)
    }
    case "Union": {
      if (ast.options?.mode === "oneOf") throw new Unsupported()
      const literals: Array<unknown> = []
      if (ast.types.every((t) => literalsOf(t, literals))) {
        const set = new Set(literals)
        return (i) => (set.has(i) ? i : NO)
      }
      // `X | undefined` (an optional field), where X rejects `undefined`: at most one member accepts
      // any value, so the union's result is that member's.
      const defined = ast.types.filter((t) => !(t._tag === "Undefined" && t.checks === undefined && t.encoding === undefined))
      if (defined.length !== 1 || ast.types.length !== 2) throw new Unsupported()
      const inner = build(defined[0] as SchemaAST.AST, options, memo)
      let rejectsUndefined: boolean
      try {
        rejectsUndefined = inner(undefined) === NO
      } catch {
        rejectsUndefined = false
      }
      if (!rejectsUndefined) throw new Unsupported()
      return (i) => (i === undefined ? i : inner(i))
    }
    case "Declaration": {
      // A declaration's own parser (a class's: "is an instance"), run as the interpreter runs it.
      const run = ast.run(ast.typeParameters)
      return (i) => {
        const r = run(i, ast, options) as unknown
        if (!Exit.isExit(r) || !Exit.isSuccess(r)) return NO
        if ((r as unknown as Record<PropertyKey, unknown>)[MISSING] === true) return i
        return r.value === MISSING ? NO : r.value
      }
    }
    case "Arrays": {
      if (ast.elements.some(isOptional) || ast.rest.length > 1 || ast.rest.some(isOptional)) throw new Unsupported()
      const elements = ast.elements.map((e) => build(e, options, memo))
      const rest = ast.rest.length === 1 ? build(ast.rest[0] as SchemaAST.AST, options, memo) : undefined
      const n = elements.length
      return (i) => {
        if (!Array.isArray(i) || i.length < n || (rest === undefined && i.length > n)) return NO
        const out: Array<unknown> = []
        for (let k = 0; k < i.length; k++) {
          const v = (k < n ? (elements[k] as Node) : (rest as Node))(i[k])
          if (v === NO) return NO
          out.push(v)
        }
        return out
      }
    }
    case "Objects": {
      if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) return (i) => (i === null || i === undefined ? NO : i)
      // Index signatures: plain string keys only (a record of string to something).
      if (ast.indexSignatures.length > 1) throw new Unsupported()
      const index = ast.indexSignatures[0]
      if (index !== undefined) {
        const p = index.parameter
        if (p._tag !== "String" || p.checks !== undefined || p.encoding !== undefined) throw new Unsupported()
      }
      const indexValue = index === undefined ? undefined : build(index.type, options, memo)
      const names: Array<string> = []
      const optional: Array<boolean> = []
      const parsers: Array<Node> = []
      for (const ps of ast.propertySignatures) {
        if (typeof ps.name !== "string" || ps.name === "__proto__") throw new Unsupported()
        names.push(ps.name)
        optional.push(isOptional(ps.type))
        parsers.push(build(ps.type, options, memo))
      }
      return generated(names, optional, parsers, indexValue) ?? interpreted(names, optional, parsers, indexValue)
    }
    default:
      throw new Unsupported()
  }
}

/** Whether a field is present in the input, as `SchemaAST` tells it (inherited keys count, except `Object.prototype`'s names). */
const presence = (name: string, input: string): string =>
  PROTOTYPE_KEYS.has(name) ? `hasOwn.call(${input}, ${JSON.stringify(name)})` : `${JSON.stringify(name)} in ${input}`

/**
 * A struct decoder written as JavaScript source with the field names in it, so that reading and
 * writing the fields are plain property accesses; `undefined` where code cannot be generated (a
 * runtime that forbids `new Function`).
 */
const generated = (names: ReadonlyArray<string>, optional: ReadonlyArray<boolean>, parsers: ReadonlyArray<Node>, indexValue: Node | undefined): Node | undefined => {
  const key = (name: string) => JSON.stringify(name)
  const lines: Array<string> = [
    "return function (i) {",
    "  if (typeof i !== \"object\" || i === null || Array.isArray(i)) return NO",
    // Excess properties are the enumerable own keys not covered: symbols, or strings other than the fields.
    "  const symbols = Object.getOwnPropertySymbols(i)",
    "  for (let k = 0; k < symbols.length; k++) if (isEnumerable.call(i, symbols[k])) return NO"
  ]
  if (indexValue === undefined) {
    lines.push("  const keys = Object.keys(i)", "  for (let k = 0; k < keys.length; k++) {", "    switch (keys[k]) {")
    for (const name of names) lines.push(`      case ${key(name)}:`)
    lines.push("        break", "      default:", "        return NO", "    }", "  }")
  }
  lines.push("  const out = {}", "  let v")
  names.forEach((name, k) => {
    const read = `v = p[${k}](i[${key(name)}]); if (v === NO) return NO; out[${key(name)}] = v`
    lines.push(`  if (${presence(name, "i")}) { ${read} }${optional[k] === true ? "" : " else return NO"}`)
  })
  if (indexValue !== undefined) {
    lines.push(
      "  const keys = Object.keys(i)",
      "  for (let k = 0; k < keys.length; k++) {",
      "    v = index(i[keys[k]]); if (v === NO) return NO",
      "    if (!fixed.has(keys[k])) out[keys[k]] = v",
      "  }"
    )
  }
  lines.push("  return out", "}")
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return new Function("NO", "hasOwn", "isEnumerable", "p", "index", "fixed", lines.join("\n"))(
      NO,
      hasOwn,
      Object.prototype.propertyIsEnumerable,
      parsers,
      indexValue,
      new Set(names)
    ) as Node
  } catch {
    return undefined
  }
}

/** The same struct decoder, interpreted. */
const interpreted = (names: ReadonlyArray<string>, optional: ReadonlyArray<boolean>, parsers: ReadonlyArray<Node>, indexValue: Node | undefined): Node => {
  const expected = new Set<PropertyKey>(names)
  const count = names.length
  const ownOnly = names.map((n) => PROTOTYPE_KEYS.has(n))
  return (i) => {
    if (typeof i !== "object" || i === null || Array.isArray(i)) return NO
    const input = i as Record<PropertyKey, unknown>
    for (const s of Object.getOwnPropertySymbols(input)) if (Object.prototype.propertyIsEnumerable.call(input, s)) return NO
    if (indexValue === undefined) for (const key of Object.keys(input)) if (!expected.has(key)) return NO
    const out: Record<string, unknown> = {}
    for (let k = 0; k < count; k++) {
      const name = names[k] as string
      const present = ownOnly[k] === true ? hasOwn.call(input, name) : name in input
      if (!present) {
        if (optional[k] === true) continue
        return NO
      }
      const v = (parsers[k] as Node)(input[name])
      if (v === NO) return NO
      out[name] = v
    }
    if (indexValue !== undefined) {
      for (const key of Object.keys(input)) {
        const v = indexValue(input[key])
        if (v === NO) return NO
        if (!expected.has(key)) out[key] = v
      }
    }
    return out
  }
}

/**
 * Compiles the decoder of a schema, or returns `undefined` when the schema uses something the
 * compiler does not handle (then always decode with the schema).
 */
export const compile = (schema: Schema.Top, options: CompileOptions): Compiled | undefined => {
  let node: Node
  try {
    node = build(schema.ast, options, new Map())
  } catch (e) {
    if (e instanceof Unsupported) return undefined
    throw e
  }
  const run = node
  return (input) => {
    try {
      return run(input)
    } catch {
      return NO
    }
  }
}
