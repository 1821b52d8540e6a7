/**
 * Tabulations, report documents and problem lists survive JSON: `toJSON` → `JSON.stringify` →
 * `JSON.parse` → `fromJSON` gives back a value deep-equal to the original, and the JSON validates
 * against the schema this package publishes. Bad JSON is refused with a `DecodeError` that says where.
 */
import { fc, it as prop } from "@fast-check/vitest"
import { Errors, HdndClient, Ids, Indicators, ReportDocument, Tabulation, TabulationJson } from "@hdnd/core"
import { JsonExporter } from "@hdnd/export-json"
import { Arbitraries, ExportDocuments } from "@hdnd/testkit"
import AjvModule from "ajv"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

// ajv is CommonJS with a default export; under ESM the class is on `.default`.
const Ajv = (AjvModule as unknown as { default: typeof AjvModule }).default ?? AjvModule
const ajv = new (Ajv as unknown as new (o: object) => import("ajv").default)({ allErrors: true, strict: false })
const validator = (kind: JsonExporter.SchemaKind) => ajv.compile(JSON.parse(readFileSync(JsonExporter.schemaUrl(kind), "utf8")))
const validTabulation = validator("tabulation-state")
const validDocument = validator("document-data")
const validProblems = validator("problems")

const viaText = (u: unknown): unknown => JSON.parse(JSON.stringify(u))

// Text of every kind: Vietnamese letters in both normal forms, emoji, control characters, the
// separator the cell keys use inside the tabulation.
const textArb = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("Hội đồng nhân dân", "Ban Pháp chế".normalize("NFD"), "trên", "gần", "\u001f", "", "🏛️")
)
const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9._:/-]{0,15}$/)
const indicatorIdArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}\/[a-z0-9][a-z0-9.-]{0,12}$/).map((s) => Ids.IndicatorId.make(s))
const tallyIdArb = idArb.map((s) => Ids.TallyId.make(s))
const activityIdArb = idArb.map((s) => Ids.ActivityId.make(s))
// JSON has no -0 (it is written as 0); every other finite number round-trips exactly.
const numberArb = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n))
const countArb = fc.nat({ max: 1_000_000 })
const qualifierArb = fc.constantFrom("exact", "over", "nearly", "about" as const)

const tallyPartArb = fc.record(
  { id: tallyIdArb, body: textArb, value: numberArb, qualifier: qualifierArb, wording: textArb },
  { requiredKeys: ["id", "body", "value", "qualifier"] }
)

/** Any tabulation state: not only what a store would produce, so the codec is tried on every shape. */
const tabulationArb: fc.Arbitrary<Tabulation.Tabulation> = fc
  .record({
    dimensions: fc.uniqueArray(fc.constantFrom(...Tabulation.dimensions), { maxLength: 4 }),
    indicators: fc.uniqueArray(fc.tuple(indicatorIdArb, fc.constantFrom("count", "distinct-sessions", "tally", "sum", "distinct" as const)), {
      minLength: 1,
      maxLength: 4,
      selector: ([id]) => id
    }),
    period: fc.option(Arbitraries.periodArb, { nil: undefined }),
    traced: fc.boolean(),
    unapportioned: fc.uniqueArray(tallyIdArb, { maxLength: 3 }),
    labels: fc.uniqueArray(fc.tuple(textArb, textArb, textArb), { maxLength: 4, selector: ([v]) => v })
  })
  .chain((shape) =>
    fc
      .record({
        cells: fc.uniqueArray(
          fc.record({
            indicator: fc.constantFrom(...shape.indicators.map(([id]) => id)),
            key: fc.array(textArb, { minLength: shape.dimensions.length, maxLength: shape.dimensions.length }),
            items: countArb,
            sessions: fc.uniqueArray(textArb, { maxLength: 3 }),
            sum: numberArb,
            values: fc.uniqueArray(textArb, { maxLength: 3 }),
            tallies: fc.array(tallyPartArb, { maxLength: 3 }),
            activities: fc.array(activityIdArb, { maxLength: 4 })
          }),
          { maxLength: 8, selector: (c) => Tabulation.cellKey(c.indicator, c.key) }
        ),
        itemBodies: fc.array(fc.tuple(fc.constantFrom(...shape.indicators.map(([id]) => id)), fc.uniqueArray(fc.tuple(textArb, countArb), { maxLength: 3, selector: ([b]) => b })), {
          maxLength: 3
        })
      })
      .map(
        ({ cells, itemBodies }): Tabulation.Tabulation => ({
          view: Tabulation.viewOf(shape.dimensions),
          period: shape.period,
          dimensions: shape.dimensions,
          traced: shape.traced,
          indicators: new Map(shape.indicators),
          cells: new Map(cells.map((c) => [Tabulation.cellKey(c.indicator, c.key), { ...c, sessions: new Set(c.sessions), values: new Set(c.values) }] as const)),
          itemBodies: new Map(itemBodies.map(([ind, bodies]) => [ind, new Map(bodies)] as const)),
          unapportioned: new Set(shape.unapportioned),
          labels: new Map(shape.labels.map(([v, vi, en]) => [v, { vi, en }] as const))
        })
      )
  )

const problemArb = fc
  .record({ entity: textArb, id: textArb, field: textArb, code: textArb, vi: textArb, en: textArb }, { requiredKeys: ["entity", "field", "code", "vi", "en"] })
  .map((p) => new Errors.Problem(p))

describe("tabulations round-trip through JSON", () => {
  prop.prop([tabulationArb], { numRuns: 200 })("toJSON → JSON text → fromJSON deep-equals the original, and the JSON fits the published schema", (tab) => {
    const json = viaText(TabulationJson.toJSON(tab))
    expect(validTabulation(json), JSON.stringify(validTabulation.errors)).toBe(true)
    const back = TabulationJson.fromJSON(json)
    expect(back).toEqual(tab)
    expect(Tabulation.equals(back, tab)).toBe(true)
    // Written again, the same text: the JSON form is canonical.
    expect(JSON.stringify(TabulationJson.toJSON(back))).toBe(JSON.stringify(json))
  })

  it("a real traced tabulation of a store round-trips and still computes the same values", async () => {
    const client = await HdndClient.open()
    try {
      await client.load(JSON.parse(readFileSync(new URL("../../../examples/promise-api/src/data.json", import.meta.url), "utf8")))
      const tab = await client.tabulate({
        indicators: [Indicators.ids.supervision, Indicators.ids.reviewDraftResolution],
        scope: { council: "hdnd-tinh-son-la" },
        period: { from: "2023-01-01", to: "2023-12-31" },
        groupBy: ["organ"],
        trace: true
      })
      const back = TabulationJson.fromJSON(viaText(TabulationJson.toJSON(tab)))
      expect(back).toEqual(tab)
      expect(Tabulation.valueOf(back, Indicators.ids.supervision)).toEqual(Tabulation.valueOf(tab, Indicators.ids.supervision))
      expect(await client.drillDown(back)).toEqual(await client.drillDown(tab))
    } finally {
      await client.close()
    }
  })

  it("bad JSON is refused with a DecodeError naming the field", () => {
    const good = TabulationJson.toJSON({
      view: "council",
      period: undefined,
      dimensions: [],
      traced: false,
      indicators: new Map(),
      cells: new Map(),
      itemBodies: new Map(),
      unapportioned: new Set(),
      labels: new Map()
    })
    const e = (() => {
      try {
        TabulationJson.fromJSON({ ...good, dimensions: ["nowhere"], formatVersion: 9 })
      } catch (error) {
        return error
      }
    })()
    expect(e).toBeInstanceOf(Errors.DecodeError)
    expect((e as Errors.DecodeError).problems.map((p) => p.field).sort()).toEqual(["dimensions[0]", "formatVersion"])
  })
})

describe("report documents round-trip through JSON", () => {
  prop.prop([ExportDocuments.documentArb], { numRuns: 100 })("toJSON → JSON text → fromJSON deep-equals the original, and the JSON fits the published schema", (doc) => {
    const json = viaText(ReportDocument.toJSON(doc))
    expect(validDocument(json), JSON.stringify(validDocument.errors)).toBe(true)
    expect(ReportDocument.fromJSON(json)).toEqual(doc)
  })

  it("bad JSON is refused with a DecodeError", () => {
    expect(() => ReportDocument.fromJSON({ formatVersion: 1, title: 3 })).toThrow(Errors.DecodeError)
  })
})

describe("problem lists round-trip through JSON", () => {
  prop.prop([fc.array(problemArb, { maxLength: 6 })], { numRuns: 200 })("problemsToJSON → JSON text → problemsFromJSON deep-equals the original, and fits the published schema", (problems) => {
    const json = viaText(Errors.problemsToJSON(problems))
    expect(validProblems(json), JSON.stringify(validProblems.errors)).toBe(true)
    const back = Errors.problemsFromJSON(json)
    expect(back).toEqual(problems)
    expect(back.every((p) => p instanceof Errors.Problem)).toBe(true)
  })

  it("a DecodeError's problems, sent as JSON, read back", async () => {
    const client = await HdndClient.open()
    const e = await client.load({ councils: [{ id: "x y" }] }).catch((error: unknown) => error)
    await client.close()
    expect(e).toBeInstanceOf(Errors.DecodeError)
    const problems = (e as Errors.DecodeError).problems
    expect(Errors.problemsFromJSON(viaText(Errors.problemsToJSON(problems)))).toEqual(problems)
  })
})
