import { Activity, Dataset } from "@hdnd/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaParser from "effect/SchemaParser"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { compile, DECLINE } from "../src/internal/compiled.js"
import { decodeOptions } from "../src/internal/fields.js"
import { decodeEntity, hasCompiledDecoder } from "../src/internal/record.js"
import { fullBatchArb } from "./utils/generated.js"

type Kind = Dataset.EntityKind
const schemaOf = (kind: Kind) => Dataset.entitySchemas[kind] as unknown as Schema.Codec<unknown, unknown>
const OPTIONS = decodeOptions("first")
const compiled = Object.fromEntries(Dataset.entityKinds.map((k) => [k, compile(schemaOf(k), OPTIONS)]))
const first = Object.fromEntries(Dataset.entityKinds.map((k) => [k, SchemaParser.decodeUnknownResult(schemaOf(k), OPTIONS)]))
const all = Object.fromEntries(Dataset.entityKinds.map((k) => [k, SchemaParser.decodeUnknownResult(schemaOf(k), decodeOptions("all"))]))
/** The importer's decoding before the compiled decoder: the schema, first problem, then every problem. */
const schemaPath = (kind: Kind, input: unknown) => {
  const r = (first[kind] as (u: unknown) => Result.Result<unknown, unknown>)(input)
  return Result.isSuccess(r) ? r : (all[kind] as (u: unknown) => Result.Result<unknown, unknown>)(input)
}

/** Identical values: same prototypes, same own keys in the same order, property descriptors alike, leaves `Object.is`. */
const identical = (a: unknown, b: unknown, path = "$"): string | undefined => {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return Object.is(a, b) ? undefined : `${path}: ${String(a)} ≠ ${String(b)}`
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`
  const ka = Reflect.ownKeys(a)
  const kb = Reflect.ownKeys(b)
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return `${path}: keys ${ka.map(String).join(",")} ≠ ${kb.map(String).join(",")}`
  for (const k of ka) {
    const da = Object.getOwnPropertyDescriptor(a, k) as PropertyDescriptor
    const db = Object.getOwnPropertyDescriptor(b, k) as PropertyDescriptor
    if (da.enumerable !== db.enumerable || da.writable !== db.writable || da.configurable !== db.configurable) return `${path}.${String(k)}: descriptors differ`
    const inner = identical(da.value, db.value, `${path}.${String(k)}`)
    if (inner !== undefined) return inner
  }
  return undefined
}

/** The compiled decoder either declines or returns exactly what the schema returns (which must then accept). */
const agrees = (kind: Kind, input: unknown): "accepted" | "declined" => {
  const c = (compiled[kind] as (u: unknown) => unknown)(input)
  const s = (first[kind] as (u: unknown) => Result.Result<unknown, unknown>)(input)
  if (c === DECLINE) return "declined"
  expect(Result.isSuccess(s), `the compiled decoder accepted what the schema rejects: ${JSON.stringify(input)}`).toBe(true)
  expect(identical(c, (s as Result.Success<unknown, unknown>).success), JSON.stringify(input)).toBeUndefined()
  return "accepted"
}

/** The whole decoding step of the importer (compiled, then the schema) gives what the schema alone gives. */
const samePath = (kind: Kind, input: unknown): void => {
  const got = decodeEntity(kind, input)
  const want = schemaPath(kind, input)
  expect(Result.isSuccess(got)).toBe(Result.isSuccess(want))
  if (Result.isSuccess(got)) expect(identical(got.success, (want as Result.Success<unknown, unknown>).success)).toBeUndefined()
  else expect(String(got.failure)).toBe(String((want as Result.Failure<unknown, unknown>).failure))
}

let runs = 0
/** Yields to the event loop every `every` runs, so that a long property run does not block the worker (and its RPC) for seconds. */
const breathe = async (every: number): Promise<void> => {
  if (++runs % every === 0) await new Promise<void>((resolve) => setImmediate(resolve))
}

const encoded = (kind: Kind, r: unknown): Record<string, unknown> =>
  JSON.parse(JSON.stringify(Schema.encodeSync(schemaOf(kind))(r))) as Record<string, unknown>

/** Odd values: wrong types, blanks, NFD and padded text, control and broken Unicode characters, long text, impossible dates. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined, null, 0, -0, 1, 1.5, -3, Number.NaN, Infinity, true, false, "", " ", "  x  ", "a b", "Ho\u0323at\u0300", "Hoạt động", "\u0000x", "x\u0007",
    "\uD800", "\uDC00x", "a".repeat(200), "a".repeat(201), "x".repeat(4001), "2023-02-30", "2023-2-3", "1899-12-31", "2024-02-29", "2023-13-01",
    "05/2025/NQ-HĐND", "85/BC-HĐND", "85/bc", "review", "ha-noi/explanationHearing", "draft-resolution", "thematic", "other", "inter-session", "session",
    "individual", "c1", "c1.pc", "-x", "a/b", [], [""], ["c1.pc"], ["c1.pc", "c1.pc"], [1], {}, { from: "2023-01-01" }, { from: "2023-01-02", to: "2023-01-01" },
    { from: "2023-01-01", to: undefined }, { from: "2023-01-01", x: 1 }, { n: 1 }, { a: { b: [1, "x"] } }, Object.create({ from: "2023-01-01" })
  ),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.integer(),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.boolean()), { maxKeys: 3 })
)

/** A record with some of its fields (or its date's ends) deleted, replaced by odd values, or joined by an extra key. */
const mutated = (base: Record<string, unknown>, fields: ReadonlyArray<string>): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .array(
      fc.record({
        op: fc.constantFrom("delete", "set", "setNested", "extra", "symbol", "undefined"),
        field: fc.constantFrom(...fields),
        value: oddValue,
        nested: fc.constantFrom("from", "to", "x")
      }),
      { minLength: 1, maxLength: 3 }
    )
    .map((ops) => {
      const out: Record<PropertyKey, unknown> = structuredClone(base)
      for (const { op, field, value, nested } of ops) {
        if (op === "delete") delete out[field]
        else if (op === "set") out[field] = value
        else if (op === "undefined") out[field] = undefined
        else if (op === "extra") out[`${field}_extra`] = value
        else if (op === "symbol") out[Symbol.for(field)] = value
        else {
          const inner = out[field]
          if (typeof inner === "object" && inner !== null && !Array.isArray(inner)) (inner as Record<string, unknown>)[nested] = value
          else out[field] = { [nested]: value }
        }
      }
      return out as Record<string, unknown>
    })

const ACTIVITY_FIELDS = Object.keys(Activity.Activity.fields)

const ABSENT = Symbol("absent")
/** A field: mostly valid, sometimes odd, sometimes absent (usually absent when optional). */
const field = (valid: fc.Arbitrary<unknown>, optional: boolean) =>
  fc.oneof({ arbitrary: valid, weight: optional ? 3 : 16 }, { arbitrary: oddValue, weight: 1 }, { arbitrary: fc.constant(ABSENT), weight: optional ? 8 : 1 })

/** Activity inputs as the importer builds them from a row, valid and not. */
const activityInput: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    id: field(fc.constantFrom("a1", "sl-1", "a.b:c/d-e_f"), false),
    council: field(fc.constant("c1"), false),
    kind: field(fc.constantFrom("review", "supervision", "survey", "advisory", "ha-noi/explanationHearing"), false),
    owner: field(fc.constant("c1.pc"), false),
    organisers: field(fc.constantFrom(["c1.pc"], ["c1.pc", "c1.dt"], ["c1.pc", "c1.pc"]), false),
    date: field(
      fc.oneof(
        fc.record({ from: fc.constantFrom("2023-07-10", "2024-02-29") }),
        fc.record({ from: fc.constant("2023-07-10"), to: fc.constantFrom("2023-07-10", "2023-07-11", "2023-07-09") })
      ),
      false
    ),
    session: field(fc.constant("c1.kh7"), true),
    meeting: field(fc.constant("c1.ph26"), true),
    title: field(fc.constantFrom("Thẩm tra dự thảo", "  Khảo sát  ", "Ho\u0323at \u0111\u00F4\u0323ng"), false),
    documentRef: field(fc.constantFrom("85/BC-HĐND", "05/2025/NQ-HĐND"), true),
    source: field(fc.constantFrom("Nguồn", " x "), true),
    subject: field(fc.constantFrom("draft-resolution", "report", "scheme"), true),
    resolutionKind: field(fc.constantFrom("individual", "normative"), true),
    mode: field(fc.constantFrom("thematic", "periodic"), true),
    origin: field(fc.constantFrom("inter-session", "assigned-by-standing"), true),
    venue: field(fc.constantFrom("session", "standing-meeting"), true),
    attributes: field(fc.constantFrom({ voters: 120 }, { delegation: true, letterType: "x" }, {}), true)
  })
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== ABSENT)))

describe("compiled decoders", () => {
  it("exist for the entities with many rows (a schema change that loses one makes imports slow)", () => {
    for (const kind of ["units", "councils", "terms", "organs", "sessions", "meetings", "activities", "recommendations", "responses", "evaluations", "programmes", "programmeItems"] as const) {
      expect(hasCompiledDecoder(kind), kind).toBe(true)
    }
  })

  it("property: on activity inputs, valid or not, the compiled decoder declines or returns exactly the schema's result", async () => {
    let accepted = 0
    let declined = 0
    await fc.assert(
      fc.asyncProperty(activityInput, async (input) => {
        if (agrees("activities", input) === "accepted") accepted++
        else declined++
        samePath("activities", input)
        await breathe(100)
      }),
      { numRuns: 5000 }
    )
    // Both sides were exercised: valid rows taken by the compiled decoder, invalid ones left to the schema.
    expect(accepted).toBeGreaterThan(500)
    expect(declined).toBeGreaterThan(500)
  })

  it("property: every valid record of every entity is decoded by the compiled decoder, as by the schema; mutations of it agree too", async () => {
    await fc.assert(
      fc.asyncProperty(fullBatchArb({ maxActivities: 20, maxTallies: 3, maxRecommendations: 6, maxProgrammes: 3 }), fc.nat(), async (batch, seed) => {
        for (const kind of Dataset.entityKinds) {
          for (const r of (batch[kind] ?? []) as ReadonlyArray<unknown>) {
            const input = encoded(kind, r)
            if (compiled[kind] !== undefined) expect(agrees(kind, input), `${kind} ${JSON.stringify(input)}`).toBe("accepted")
            samePath(kind, input)
            const fields = Object.keys((Dataset.entitySchemas[kind] as unknown as { fields: object }).fields)
            const sample = fc.sample(mutated(input, fields), { numRuns: 3, seed: seed + fields.length })
            for (const m of sample) {
              if (compiled[kind] !== undefined) agrees(kind, m)
              samePath(kind, m)
            }
          }
        }
        await breathe(1)
      }),
      { numRuns: 60 }
    )
  })

  it("property: mutated activity records agree", async () => {
    const base = { id: "a1", council: "c1", kind: "review", owner: "c1.pc", organisers: ["c1.pc"], date: { from: "2023-07-10" }, title: "Thẩm tra", subject: "report" }
    await fc.assert(
      fc.asyncProperty(mutated(base, [...ACTIVITY_FIELDS, "_tag"]), async (input) => {
        agrees("activities", input)
        samePath("activities", input)
        await breathe(100)
      }),
      { numRuns: 3000 }
    )
  })

  it("declines anything it cannot vouch for instead of guessing", () => {
    const c = compiled.activities as (u: unknown) => unknown
    const valid = { id: "a1", council: "c1", kind: "review", owner: "c1.pc", organisers: ["c1.pc"], date: { from: "2023-07-10" }, title: "x" }
    expect(c(valid)).toBeInstanceOf(Activity.Activity)
    expect(c({ ...valid, extra: 1 })).toBe(DECLINE)
    expect(c({ ...valid, title: "   " })).toBe(DECLINE)
    expect(c({ ...valid, date: { from: "2023-07-10", to: "2023-07-09" } })).toBe(DECLINE)
    expect(c({ ...valid, organisers: [] })).toBe(DECLINE)
    expect(c(null)).toBe(DECLINE)
    expect(c([valid])).toBe(DECLINE)
  })
})
