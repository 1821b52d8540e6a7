/**
 * fast-check arbitraries derived from an Effect Schema, for the values of its type side.
 *
 * Effect 4's `effect/Arbitrary` is a generator of its own, not a fast-check wrapper, so the kit
 * derives fast-check 4 arbitraries from the schema's AST here: every node kind, the generation
 * constraints that Schema's checks declare (`arbitraryConstraint`: bounds, lengths, patterns,
 * integer / finite numbers, uniqueness), every check applied as a filter on top, and declarations
 * through their own codec link (`toCodecArbitrary`, `toCodecJson`, `toCodec`), decoded and validated.
 *
 * @internal
 */
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import fc from "fast-check"

type Constraint = Schema.Annotations.ToArbitrary.FilterConstraint<any>
type Order = (a: any, b: any) => number

const compare = (order: Order | undefined, a: any, b: any): number => (order !== undefined ? order(a, b) : a < b ? -1 : a > b ? 1 : 0)

const merge = (self: Constraint | undefined, that: Constraint): Constraint => {
  if (self === undefined) return that
  const order = (that.order ?? self.order) as Order | undefined
  const out: Record<string, unknown> = { ...self, ...that }
  if (order !== undefined) out["order"] = order
  // Lower bounds: the larger wins (exclusive when equal and either is); upper bounds: the smaller.
  const bound = (key: "minimum" | "maximum", excl: "exclusiveMinimum" | "exclusiveMaximum", take: -1 | 1) => {
    const a = self[key]
    const b = that[key]
    if (a === undefined || b === undefined) {
      out[key] = a ?? b
      out[excl] = a === undefined ? that[excl] : self[excl]
      return
    }
    const c = compare(order, a, b)
    if (c === take) {
      out[key] = b
      out[excl] = that[excl]
    } else if (c === 0) {
      out[key] = a
      out[excl] = self[excl] === true || that[excl] === true ? true : undefined
    } else {
      out[key] = a
      out[excl] = self[excl]
    }
  }
  bound("minimum", "exclusiveMinimum", -1)
  bound("maximum", "exclusiveMaximum", 1)
  const max = (k: keyof Constraint) => {
    const a = self[k] as number | undefined
    const b = that[k] as number | undefined
    out[k] = a === undefined ? b : b === undefined ? a : Math.max(a, b)
  }
  const min = (k: keyof Constraint) => {
    const a = self[k] as number | undefined
    const b = that[k] as number | undefined
    out[k] = a === undefined ? b : b === undefined ? a : Math.min(a, b)
  }
  for (const k of ["minLength", "minCodePoints", "minSize", "minProperties"] as const) max(k)
  for (const k of ["maxLength", "maxCodePoints", "maxSize", "maxProperties"] as const) min(k)
  out["patterns"] = self.patterns === undefined ? that.patterns : that.patterns === undefined ? self.patterns : [...self.patterns, ...that.patterns]
  out["number"] = self.number === "integer" || that.number === "integer" ? "integer" : self.number ?? that.number
  return out as Constraint
}

const collectChecks = (checks: SchemaAST.Checks | undefined, inherited: Constraint | undefined) => {
  let constraint = inherited
  const filters: Array<SchemaAST.Filter<any>> = []
  const visit = (check: SchemaAST.Check<any>): void => {
    const next = check.annotations?.arbitraryConstraint
    if (next !== undefined) constraint = merge(constraint, next)
    if (check._tag === "Filter") filters.push(check)
    else check.checks.forEach(visit)
  }
  checks?.forEach(visit)
  return { constraint, filters }
}

const INT32_MIN = -(2 ** 31)
const INT32_MAX = 2 ** 31 - 1

const numberArb = (c: Constraint | undefined): fc.Arbitrary<number> => {
  const min = c?.minimum as number | undefined
  const max = c?.maximum as number | undefined
  if (c?.number === "integer") {
    let lo = min === undefined ? Number.MIN_SAFE_INTEGER : c?.exclusiveMinimum === true ? Math.floor(min) + 1 : Math.ceil(min)
    let hi = max === undefined ? Number.MAX_SAFE_INTEGER : c?.exclusiveMaximum === true ? Math.ceil(max) - 1 : Math.floor(max)
    lo = Math.max(lo, Number.MIN_SAFE_INTEGER)
    hi = Math.min(hi, Number.MAX_SAFE_INTEGER)
    if (lo > hi) throw new Error(`Unable to derive an arbitrary for an integer between ${min} and ${max}`)
    if (lo >= INT32_MIN && hi <= INT32_MAX) return fc.integer({ min: lo, max: hi })
    // Mostly 32-bit values (as fc.integer gives), now and then any safe integer within the bounds.
    const small = fc.integer({ min: Math.max(lo, INT32_MIN), max: Math.min(hi, INT32_MAX) })
    const wide = fc.bigInt({ min: BigInt(lo), max: BigInt(hi) }).map(Number)
    return Math.max(lo, INT32_MIN) <= Math.min(hi, INT32_MAX) ? fc.oneof({ weight: 4, arbitrary: small }, { weight: 1, arbitrary: wide }) : wide
  }
  const finite = c?.number === "finite" || min !== undefined || max !== undefined
  return fc.double({
    ...(min === undefined ? {} : { min, minExcluded: c?.exclusiveMinimum === true }),
    ...(max === undefined ? {} : { max, maxExcluded: c?.exclusiveMaximum === true }),
    ...(finite ? { noNaN: true, noDefaultInfinity: true } : {})
  })
}

const stringArb = (c: Constraint | undefined): fc.Arbitrary<string> => {
  const minLength = Math.max(c?.minLength ?? 0, c?.minCodePoints ?? 0)
  const maxLength = c?.maxLength ?? (c?.maxCodePoints === undefined ? undefined : c.maxCodePoints * 2)
  const inLength = (s: string) => s.length >= minLength && (maxLength === undefined || s.length <= maxLength)
  const pattern = c?.patterns?.[0]
  if (pattern !== undefined) {
    const regExp = new RegExp(pattern.source, pattern.flags)
    try {
      return fc.stringMatching(regExp, maxLength === undefined ? {} : { maxLength: Math.max(maxLength, minLength) }).filter(inLength)
    } catch {
      return fc.string({ minLength, ...(maxLength === undefined ? {} : { maxLength }) }).filter((s) => regExp.test(s))
    }
  }
  return fc.string({ minLength, ...(maxLength === undefined ? {} : { maxLength }) })
}

const dateArb = (c: Constraint | undefined): fc.Arbitrary<Date> => {
  const min = c?.minimum as Date | undefined
  const max = c?.maximum as Date | undefined
  return fc.date({
    noInvalidDate: true,
    ...(min === undefined ? {} : { min: new Date(min.getTime() + (c?.exclusiveMinimum === true ? 1 : 0)) }),
    ...(max === undefined ? {} : { max: new Date(max.getTime() - (c?.exclusiveMaximum === true ? 1 : 0)) })
  })
}

const jsonArb: fc.Arbitrary<unknown> = fc.jsonValue({ noUnicodeString: false }).map((j) => j as unknown)

/** How many suspended (recursive) schemas deep values go before only the shortest way out is taken. */
const MAX_DEPTH = 3

/** The most elements a collection without an upper bound gets inside a recursive schema. */
const RECURSIVE_LENGTH = 3

class NoFiniteRoute extends Error {}

/**
 * The arbitrary of the type side of a schema.
 *
 * @internal
 */
export const make = <A>(schema: Schema.Schema<A>): fc.Arbitrary<A> => {
  const depthIdentifier = fc.createDepthIdentifier()
  // By recursion depth: at each depth a node is compiled once (without an inherited constraint).
  const cache = new Map<number, Map<SchemaAST.AST, fc.Arbitrary<unknown>>>()
  // Suspensions being compiled past MAX_DEPTH: meeting one again means no finite value goes through it.
  const closing = new Set<SchemaAST.AST>()

  const go = (ast: SchemaAST.AST, d: number, inherited?: Constraint): fc.Arbitrary<unknown> => {
    const byAst = cache.get(d) ?? new Map<SchemaAST.AST, fc.Arbitrary<unknown>>()
    cache.set(d, byAst)
    if (inherited === undefined) {
      const cached = byAst.get(ast)
      if (cached !== undefined) return cached
    }
    const { constraint, filters } = collectChecks(ast.checks, inherited)
    // The node's own checks guide generation (the constraint) and filter what is generated.
    let arb = compileBase(ast, d, constraint)
    if (filters.length > 0) {
      arb = arb.filter((value) => filters.every((f) => f.run(value, ast, {}) === undefined))
    }
    if (inherited === undefined) byAst.set(ast, arb)
    return arb
  }

  const compileBase = (ast: SchemaAST.AST, d: number, c: Constraint | undefined): fc.Arbitrary<unknown> => {
    switch (ast._tag) {
      case "Never":
        throw new NoFiniteRoute("Unable to derive an arbitrary for Never")
      case "Null":
        return fc.constant(null)
      case "Undefined":
      case "Void":
        return fc.constant(undefined)
      case "Literal":
        return fc.constant(ast.literal)
      case "UniqueSymbol":
        return fc.constant(ast.symbol)
      case "Boolean":
        return fc.boolean()
      case "String":
        return stringArb(c)
      case "Number":
        return numberArb(c)
      case "BigInt": {
        let min = c?.minimum as bigint | undefined
        let max = c?.maximum as bigint | undefined
        if (min !== undefined && c?.exclusiveMinimum === true) min++
        if (max !== undefined && c?.exclusiveMaximum === true) max--
        return fc.bigInt({ ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) })
      }
      case "Symbol":
        return stringArb(c).map((s) => Symbol.for(s))
      case "Unknown":
      case "Any":
        return jsonArb
      case "ObjectKeyword":
        return fc.oneof(fc.dictionary(fc.string(), jsonArb), fc.array(jsonArb)).map((x) => x as object)
      case "Enum": {
        const values = [...new Set(ast.enums.map(([, value]) => value))]
        if (values.length === 0) throw new NoFiniteRoute("Unable to derive an arbitrary for an enum with no members")
        return fc.constantFrom(...values)
      }
      case "TemplateLiteral": {
        const parts = ast.parts.map((part) => go(part, d, { number: "finite" }))
        return fc.tuple(...parts).map((xs) => xs.map(String).join(""))
      }
      case "Union": {
        const members: Array<fc.Arbitrary<unknown>> = []
        let error: unknown = new NoFiniteRoute("Unable to derive an arbitrary for a union with no members")
        for (const member of ast.types) {
          try {
            members.push(go(member, d, c))
          } catch (e) {
            // Past MAX_DEPTH, members with no finite way out are left out.
            if (!(e instanceof NoFiniteRoute)) throw e
            error = e
          }
        }
        if (members.length === 0) throw error
        const arb = members.length === 1 ? members[0]! : fc.oneof({ depthIdentifier, depthSize: "small", withCrossShrink: true }, ...members)
        if (ast.options?.mode !== "oneOf") return arb
        const is = Schema.is(Schema.make(ast))
        return arb.filter((v) => is(v))
      }
      case "Arrays":
        return arraysArb(ast, d, c)
      case "Objects":
        return objectsArb(ast, d, c)
      case "Suspend": {
        if (d < MAX_DEPTH) {
          let body: fc.Arbitrary<unknown> | undefined
          return fc.constant(undefined).chain(() => (body ??= go(SchemaAST.toType(ast.thunk()), d + 1)))
        }
        if (closing.has(ast)) throw new NoFiniteRoute("Unable to derive an arbitrary: no finite value of a recursive schema")
        closing.add(ast)
        try {
          return go(SchemaAST.toType(ast.thunk()), d + 1)
        } finally {
          closing.delete(ast)
        }
      }
      case "Declaration":
        return declarationArb(ast, d, c)
    }
  }

  // Past MAX_DEPTH: the fewest elements, entries and optional keys.
  const shallow = (d: number) => d > MAX_DEPTH

  const arraysArb = (ast: SchemaAST.Arrays, d: number, c: Constraint | undefined): fc.Arbitrary<ReadonlyArray<unknown>> => {
    const minLength = c?.minLength ?? 0
    const fixed = ast.elements.length + Math.max(0, ast.rest.length - 1)
    const maxLength = shallow(d)
      ? Math.max(minLength, ast.elements.filter((e) => !SchemaAST.isOptional(e)).length + fixed - ast.elements.length)
      : // Inside a recursive schema, short collections keep values small.
        c?.maxLength ?? (d > 0 ? Math.max(minLength, fixed + RECURSIVE_LENGTH) : undefined)
    const elements = ast.elements.map((e) => ({ optional: SchemaAST.isOptional(e), arb: () => go(e, d) }))
    const required = elements.filter((e) => !e.optional).length
    const optional = shallow(d) ? 0 : elements.length - required
    const tail = ast.rest.slice(1).map((r) => go(r, d))
    const restMin = Math.max(0, minLength - fixed)
    const restMax = maxLength === undefined ? undefined : Math.max(0, maxLength - fixed)
    const head = ast.rest[0] === undefined || restMax === 0 ? undefined : go(ast.rest[0], d)
    const inLength = (xs: ReadonlyArray<unknown>) => xs.length >= minLength && (maxLength === undefined || xs.length <= maxLength)
    const uniqueBy = c?.uniqueBy
    if (elements.length === 0 && tail.length === 0) {
      if (head === undefined) return fc.constant([])
      const constraints = { minLength, ...(maxLength === undefined ? {} : { maxLength }), depthIdentifier }
      return uniqueBy === undefined ? fc.array(head, constraints) : fc.uniqueArray(head, { ...constraints, selector: uniqueBy })
    }
    const requiredArbs = elements.slice(0, required).map((e) => e.arb())
    const optionalArbs = elements.slice(required, required + optional).map((e) => e.arb())
    const out = fc
      .nat({ max: optional })
      .chain((optionals) => {
        // Rest elements come only after every optional element.
        const rest =
          head === undefined || optionals < elements.length - required
            ? fc.constant([] as Array<unknown>)
            : fc.array(head, { minLength: restMin, ...(restMax === undefined ? {} : { maxLength: restMax }), depthIdentifier })
        return fc
          .tuple(fc.tuple(...requiredArbs, ...optionalArbs.slice(0, optionals)), rest, fc.tuple(...tail))
          .map(([p, r, t]) => [...p, ...r, ...t])
      })
      .filter(inLength)
    return uniqueBy === undefined ? out : out.filter((xs) => new Set(xs.map(uniqueBy)).size === xs.length)
  }

  const keyArb = (parameter: SchemaAST.AST, d: number): fc.Arbitrary<PropertyKey> =>
    parameter._tag === "Number"
      ? (go(parameter, d) as fc.Arbitrary<number>).filter(Number.isFinite).map(String)
      : (go(parameter, d) as fc.Arbitrary<PropertyKey>)

  const objectsArb = (ast: SchemaAST.Objects, d: number, c: Constraint | undefined): fc.Arbitrary<object> => {
    const model: Record<PropertyKey, fc.Arbitrary<unknown>> = {}
    const requiredKeys: Array<PropertyKey> = []
    for (const ps of ast.propertySignatures) {
      const optional = SchemaAST.isOptional(ps.type)
      if (optional && shallow(d)) continue
      model[ps.name as string] = go(ps.type, d)
      if (!optional) requiredKeys.push(ps.name)
    }
    const record = fc.record(model, { requiredKeys: requiredKeys as Array<string> })
    const minProperties = c?.minProperties ?? 0
    if (ast.indexSignatures.length === 0 || (shallow(d) && minProperties === 0)) return record
    const known = new Set(ast.propertySignatures.map((ps) => ps.name))
    const signatures = ast.indexSignatures.map((is) =>
      fc
        .uniqueArray(fc.tuple(keyArb(is.parameter, d), go(is.type, d)), {
          selector: ([k]) => k,
          maxLength: c?.maxProperties ?? Math.max(8, minProperties),
          depthIdentifier
        })
        .map((entries) => entries.filter(([k]) => !known.has(k)))
    )
    const parse = Schema.is(Schema.make(new SchemaAST.Objects([], ast.indexSignatures)))
    return fc
      .tuple(record, ...signatures)
      .map(([props, ...rest]) => {
        const out: Record<PropertyKey, unknown> = {}
        for (const entries of rest) for (const [k, v] of entries) out[k] = v
        return Object.assign(out, props)
      })
      .filter((o) => {
        const n = Reflect.ownKeys(o).length
        return n >= minProperties && (c?.maxProperties === undefined || n <= c.maxProperties) && parse(o)
      })
  }

  const declarationArb = (ast: SchemaAST.Declaration, d: number, c: Constraint | undefined): fc.Arbitrary<unknown> => {
    const parameters = ast.typeParameters.map((p) => Schema.make(SchemaAST.toType(p)))
    const annotations = ast.annotations as Record<string, unknown> | undefined
    const representation = (annotations?.["representation"] as { readonly id?: string } | undefined)?.id
    const toCodecArbitrary = annotations?.["toCodecArbitrary"]
    const sized = { minLength: c?.minSize ?? 0, ...(shallow(d) ? { maxLength: c?.minSize ?? 0 } : c?.maxSize === undefined ? {} : { maxLength: c.maxSize }), depthIdentifier }
    if (typeof toCodecArbitrary !== "function") {
      switch (representation) {
        case "effect/schema/Date":
          return dateArb(c)
        case "effect/schema/Json":
        case "effect/schema/MutableJson":
          return jsonArb
        case "effect/schema/ReadonlyMap": {
          const [key, value] = ast.typeParameters.map((p) => go(SchemaAST.toType(p), d))
          return fc.uniqueArray(fc.tuple(key!, value!), { ...sized, selector: ([k]) => k }).map((entries) => new Map(entries))
        }
        case "effect/schema/ReadonlySet":
          return fc.uniqueArray(go(SchemaAST.toType(ast.typeParameters[0]!), d), sized).map((values) => new Set(values))
        case "effect/schema/Uint8Array":
          return fc.uint8Array({ minLength: c?.minLength ?? 0, ...(c?.maxLength === undefined ? {} : { maxLength: c.maxLength }) })
      }
    }
    // Any other declaration: generate what its codec link decodes from, decode it and keep what the
    // declaration accepts.
    const { order: _order, ...generation } = c ?? {}
    const link = (
      typeof toCodecArbitrary === "function"
        ? toCodecArbitrary({ typeParameters: parameters, constraint: Object.keys(generation).length === 0 ? undefined : generation })
        : typeof annotations?.["toCodecJson"] === "function"
          ? (annotations["toCodecJson"] as (ps: typeof parameters) => SchemaAST.Link | undefined)(parameters)
          : typeof annotations?.["toCodec"] === "function"
            ? (annotations["toCodec"] as (ps: typeof parameters) => SchemaAST.Link)(parameters)
            : undefined
    ) as SchemaAST.Link | undefined
    if (link === undefined) throw new Error(`Unable to derive an arbitrary for the declaration ${representation ?? "(unnamed)"}`)
    const from = SchemaAST.toType(link.to)
    // The declaration, encoded as the link's source (a middleware is stored in the link as is).
    const codec = Schema.make(SchemaAST.decodeTo(from, ast, link.transformation as never)) as Schema.Codec<unknown, unknown>
    const decode = Schema.decodeUnknownOption(codec)
    return go(from, d)
      .map((value) => {
        try {
          return decode(value)
        } catch {
          return Option.none()
        }
      })
      .filter(Option.isSome)
      .map((o) => o.value)
  }

  return go(SchemaAST.toType(schema.ast), 0) as fc.Arbitrary<A>
}
