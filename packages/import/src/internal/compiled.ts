/**
 * Compiled decoders: a schema's AST turned, once, into plain closures that decode a value the way
 * `Schema.decodeUnknownEither` does, without its per-node machinery (Eithers, issues, options
 * merging), which costs ~30 µs per activity row.
 *
 * A compiled decoder never reports problems. It returns the decoded value only when it can vouch
 * that the schema decoder would return exactly that value (`Right` of an equal value, built by the
 * same constructors and the core's own filters and transformations), and {@link DECLINE} otherwise:
 * for any value the schema rejects, and for anything it is not sure of (a schema feature it does not
 * compile, a filter that throws, a transformation that is not synchronous). The caller then decodes
 * with the schema, which gives the problems. So the compiled decoder can only make valid rows
 * faster; what a row decodes to, and every problem reported, stay the schema's.
 *
 * It follows `effect/ParseResult` (effect 3.x) for the options the importer uses: decoding, excess
 * properties an error, not `exact`, the default property order. A schema with a node it does not
 * compile (suspensions, template literals, property-signature transformations, parse-option or
 * decoding-fallback annotations …) gets no compiled decoder at all.
 */
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

/** What a compiled decoder returns when the schema decoder must decide. */
export const DECLINE: unique symbol = Symbol("@hdnd/import/compiled/DECLINE")

/** A compiled decoder: the decoded value, or {@link DECLINE}. */
export type Compiled = (input: unknown) => unknown

/** The options every compiled decoder assumes (and passes to the schema's filters). */
export interface CompileOptions {
  readonly errors: "first" | "all"
  readonly onExcessProperty: "error"
}

const NO = DECLINE

type Node = (input: unknown) => unknown

const hasOwn = Object.prototype.hasOwnProperty

/** Collects the members of a union of literals (nested unions and `undefined` included); false when it is not one. */
const literalsOf = (ast: AST.AST, out: Array<unknown>): boolean => {
  if (hasParseAnnotations(ast)) return false
  switch (ast._tag) {
    case "Literal":
      if (typeof ast.literal === "number" && Number.isNaN(ast.literal)) return false
      out.push(ast.literal)
      return true
    case "UndefinedKeyword":
      out.push(undefined)
      return true
    case "Union":
      return ast.types.every((t) => literalsOf(t, out))
    default:
      return false
  }
}

const hasParseAnnotations = (ast: AST.AST): boolean =>
  Option.isSome(AST.getParseOptionsAnnotation(ast)) || Option.isSome(AST.getDecodingFallbackAnnotation(ast))

class Unsupported {}

const build = (ast: AST.AST, options: CompileOptions, memo: Map<AST.AST, Node>): Node => {
  const known = memo.get(ast)
  if (known !== undefined) return known
  if (hasParseAnnotations(ast)) throw new Unsupported()
  const node = make(ast, options, memo)
  memo.set(ast, node)
  return node
}

const make = (ast: AST.AST, options: CompileOptions, memo: Map<AST.AST, Node>): Node => {
  switch (ast._tag) {
    case "StringKeyword":
      return (i) => (typeof i === "string" ? i : NO)
    case "NumberKeyword":
      return (i) => (typeof i === "number" ? i : NO)
    case "BooleanKeyword":
      return (i) => (typeof i === "boolean" ? i : NO)
    case "UnknownKeyword":
    case "AnyKeyword":
      return (i) => i
    case "UndefinedKeyword":
      return (i) => (i === undefined ? i : NO)
    case "Literal": {
      const literal = ast.literal
      if (typeof literal === "number" && Number.isNaN(literal)) throw new Unsupported()
      return (i) => (i === literal ? i : NO)
    }
    case "Union": {
      const literals: Array<unknown> = []
      if (literalsOf(ast, literals)) {
        const set = new Set(literals)
        return (i) => (set.has(i) ? i : NO)
      }
      // `X | undefined` (an optional field), where X rejects `undefined`: at most one member accepts
      // any value, so the union's result is that member's.
      const defined = ast.types.filter((t) => t._tag !== "UndefinedKeyword")
      if (defined.length !== 1 || ast.types.length !== 2) throw new Unsupported()
      const inner = build(defined[0] as AST.AST, options, memo)
      let rejectsUndefined: boolean
      try {
        rejectsUndefined = inner(undefined) === NO
      } catch {
        rejectsUndefined = false
      }
      if (!rejectsUndefined) throw new Unsupported()
      return (i) => (i === undefined ? i : inner(i))
    }
    case "Refinement": {
      const from = build(ast.from, options, memo)
      const filter = ast.filter
      return (i) => {
        const a = from(i)
        if (a === NO) return NO
        return Option.isNone(filter(a, options, ast)) ? a : NO
      }
    }
    case "Transformation": {
      const from = build(ast.from, options, memo)
      const to = build(ast.to, options, memo)
      const t = ast.transformation
      if (t._tag === "ComposeTransformation") {
        return (i) => {
          const a = from(i)
          return a === NO ? NO : to(a)
        }
      }
      if (t._tag !== "FinalTransformation") throw new Unsupported()
      const decode = t.decode
      return (i) => {
        const a = from(i)
        if (a === NO) return NO
        const b = decode(a, options, ast, i)
        return Either.isEither(b) && Either.isRight(b) ? to(b.right) : NO
      }
    }
    case "Declaration": {
      const parse = ast.decodeUnknown(...ast.typeParameters)
      return (i) => {
        const r = parse(i, options, ast)
        return Either.isEither(r) && Either.isRight(r) ? r.right : NO
      }
    }
    case "TupleType": {
      if (ast.elements.some((e) => e.isOptional) || ast.rest.length > 1) throw new Unsupported()
      const elements = ast.elements.map((e) => build(e.type, options, memo))
      const rest = ast.rest.length === 1 ? build((ast.rest[0] as AST.Type).type, options, memo) : undefined
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
    case "TypeLiteral": {
      if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) return (i) => (i === null || i === undefined ? NO : i)
      // Index signatures: string keys only (a record of string to something).
      if (ast.indexSignatures.length > 1) throw new Unsupported()
      const index = ast.indexSignatures[0]
      if (index !== undefined && (index.parameter._tag !== "StringKeyword" || hasParseAnnotations(index.parameter))) throw new Unsupported()
      const indexValue = index === undefined ? undefined : build(index.type, options, memo)
      const names: Array<string> = []
      const optional: Array<boolean> = []
      const parsers: Array<Node> = []
      for (const ps of ast.propertySignatures) {
        if (typeof ps.name !== "string") throw new Unsupported()
        names.push(ps.name)
        optional.push(ps.isOptional)
        parsers.push(build(ps.type, options, memo))
      }
      return generated(names, optional, parsers, indexValue) ?? interpreted(names, optional, parsers, indexValue)
    }
    default:
      throw new Unsupported()
  }
}

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
    // The own keys (`Reflect.ownKeys`, which is several times slower, is names then symbols).
    "  if (Object.getOwnPropertySymbols(i).length !== 0) return NO"
  ]
  if (indexValue === undefined) {
    lines.push("  const keys = Object.getOwnPropertyNames(i)", "  for (let k = 0; k < keys.length; k++) {", "    switch (keys[k]) {")
    for (const name of names) lines.push(`      case ${key(name)}:`)
    lines.push("        break", "      default:", "        return NO", "    }", "  }")
  }
  lines.push("  const out = {}", "  let v")
  names.forEach((name, k) => {
    const read = `v = p[${k}](i[${key(name)}]); if (v === NO) return NO; out[${key(name)}] = v`
    lines.push(optional[k] === true ? `  if (hasOwn.call(i, ${key(name)})) { ${read} }` : `  ${read}`)
  })
  if (indexValue !== undefined) {
    lines.push(
      "  for (const k of Object.keys(i)) {",
      "    v = index(i[k]); if (v === NO) return NO",
      "    if (!fixed.has(k)) out[k] = v",
      "  }"
    )
  }
  lines.push("  return out", "}")
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return new Function("NO", "hasOwn", "p", "index", "fixed", lines.join("\n"))(NO, hasOwn, parsers, indexValue, new Set(names)) as Node
  } catch {
    return undefined
  }
}

/** The same struct decoder, interpreted. */
const interpreted = (names: ReadonlyArray<string>, optional: ReadonlyArray<boolean>, parsers: ReadonlyArray<Node>, indexValue: Node | undefined): Node => {
  const expected = new Set<PropertyKey>(names)
  const count = names.length
  return (i) => {
    if (typeof i !== "object" || i === null || Array.isArray(i)) return NO
    const input = i as Record<PropertyKey, unknown>
    // Excess properties are an error: only the fields, or any string key with an index signature.
    if (Object.getOwnPropertySymbols(input).length !== 0) return NO
    if (indexValue === undefined) for (const key of Object.getOwnPropertyNames(input)) if (!expected.has(key)) return NO
    const out: Record<string, unknown> = {}
    for (let k = 0; k < count; k++) {
      const name = names[k] as string
      if (!hasOwn.call(input, name) && optional[k] === true) continue
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

/** The own keys, prototype and property descriptors of two objects are the same, values `===`. */
const sameInstance = (a: object, b: object): boolean => {
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  const ka = Reflect.ownKeys(a)
  const kb = Reflect.ownKeys(b)
  if (ka.length !== kb.length) return false
  for (let k = 0; k < ka.length; k++) {
    if (ka[k] !== kb[k]) return false
    const da = Object.getOwnPropertyDescriptor(a, ka[k] as PropertyKey) as PropertyDescriptor
    const db = Object.getOwnPropertyDescriptor(b, ka[k] as PropertyKey) as PropertyDescriptor
    if (da.value !== db.value || da.enumerable !== db.enumerable || da.writable !== db.writable || da.configurable !== db.configurable || da.get !== undefined || db.get !== undefined) return false
  }
  return true
}

/** How many instances are built both ways, and compared, before trusting the shortcut. */
const PROBES = 256

/**
 * The decoder of a `Schema.Class` (no `_tag`, no field with a constructor default): its fields
 * compiled, and the instance built as the class's constructor builds it when decoding (the decoded
 * fields copied onto an object of the class's prototype), which skips the constructor's per-field
 * bookkeeping (~3 µs). The first instances are also built by the schema's own transformation and
 * compared; any difference (a constructor that does more) turns the shortcut off for good.
 */
const compileClass = (schema: unknown, options: CompileOptions): Node | undefined => {
  if (typeof schema !== "function") return undefined
  const fields = (schema as { readonly fields?: unknown }).fields
  const ast = (schema as { readonly ast?: unknown }).ast
  if (typeof fields !== "object" || fields === null || Object.prototype.hasOwnProperty.call(fields, "_tag")) return undefined
  if (!AST.isTransformation(ast as AST.AST) || (ast as AST.Transformation).to._tag !== "Declaration") return undefined
  const t = (ast as AST.Transformation).transformation
  if (t._tag !== "FinalTransformation") return undefined
  for (const key of Reflect.ownKeys(fields)) {
    const field = (fields as Record<PropertyKey, unknown>)[key]
    if (!Schema.isPropertySignature(field)) continue
    const ps = field.ast
    const defaultValue = ps._tag === "PropertySignatureDeclaration" ? ps.defaultValue : ps.to.defaultValue
    if (defaultValue !== undefined) return undefined
  }
  const self = ast as AST.Transformation
  const memo = new Map<AST.AST, Node>()
  const props = build(self.from, options, memo)
  const to = build(self.to, options, memo)
  const proto = (schema as { readonly prototype: object }).prototype
  const decode = t.decode
  const viaSchema = (p: unknown, input: unknown): unknown => {
    const b = decode(p, options, self, input)
    return Either.isEither(b) && Either.isRight(b) ? to(b.right) : NO
  }
  let probes = PROBES
  let shortcut = true
  return (input) => {
    const p = props(input)
    if (p === NO) return NO
    if (!shortcut) return viaSchema(p, input)
    const mine = Object.assign(Object.create(proto) as object, p)
    if (probes > 0) {
      probes--
      const theirs = viaSchema(p, input)
      if (theirs === NO || typeof theirs !== "object" || theirs === null || !sameInstance(mine, theirs)) {
        shortcut = false
        return theirs
      }
    }
    return mine
  }
}

/**
 * Compiles the decoder of a schema (a `Schema.Class` gets {@link compileClass}'s), or returns
 * `undefined` when the schema uses something the compiler does not handle (then always decode with
 * the schema).
 */
export const compile = (schema: Schema.Schema.Any, options: CompileOptions): Compiled | undefined => {
  let node: Node | undefined
  try {
    node = compileClass(schema, options) ?? build(schema.ast, options, new Map())
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
