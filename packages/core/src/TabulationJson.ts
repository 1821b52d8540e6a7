/**
 * A tabulation as documented JSON, and back. A `Tabulation` holds maps and sets, which
 * `JSON.stringify` cannot write; {@link toJSON} turns it into plain arrays and objects (the
 * {@link TabulationJson} schema, published as a JSON Schema with `@hdnd/export-json`), and
 * {@link fromJSON} decodes that JSON (checked, every problem reported as a `DecodeError`) into an
 * equal tabulation: `Tabulation.equals(fromJSON(JSON.parse(JSON.stringify(toJSON(t)))), t)`, and the
 * period, labels and traced records come back too.
 *
 * Unlike the tabulation file of `@hdnd/export-json` (rows with values computed and indicator names
 * for other systems to read), this is the tabulation's whole state: cells can still be combined,
 * drilled down and rendered after a round trip, so a server can send a tabulation to a client and
 * the client can render it.
 *
 * @since 0.2.0
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { Period } from "./CalendarDate.js"
import type { DecodeError } from "./Errors.js"
import { decodeWith } from "./Errors.js"
import { ActivityId, IndicatorId, TallyId } from "./Ids.js"
import { Measure } from "./Indicator.js"
import type { Cell, Tabulation } from "./Tabulation.js"
import { cellKey } from "./Tabulation.js"
import { DimensionSchema } from "./TabulationRequest.js"
import { Qualifier } from "./Tally.js"

/**
 * The version of the JSON form. A reader refuses a version it does not know.
 *
 * @since 0.2.0
 * @category data
 */
export const FORMAT_VERSION = 1

const Count = Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))

/**
 * A reported number inside a cell (see `Tabulation.TallyPart`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const TallyPartJson = Schema.Struct({
  id: TallyId,
  body: Schema.String,
  value: Schema.Finite,
  qualifier: Qualifier,
  wording: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "TallyPartJson", description: "A reported number (tally) inside a cell, with the body it is checked against for conflicts." })

/**
 * One cell (see `Tabulation.Cell`): sets as sorted arrays.
 *
 * @since 0.2.0
 * @category schemas
 */
export const CellJson = Schema.Struct({
  indicator: IndicatorId,
  key: Schema.Array(Schema.String).annotate({ description: "Dimension values, in the order of the tabulation's dimensions." }),
  items: Count.annotate({ description: "Matching itemised activities." }),
  sessions: Schema.Array(Schema.String).annotate({ description: "Distinct sessions served (distinct-sessions indicators)." }),
  sum: Schema.Finite.annotate({ description: "The sum of the measured attribute (sum indicators; 0 otherwise)." }),
  values: Schema.Array(Schema.String).annotate({ description: "The distinct values of the measured attribute (distinct indicators)." }),
  tallies: Schema.Array(TallyPartJson),
  activities: Schema.Array(ActivityId).annotate({ description: "The activities counted, when the tabulation was traced." })
}).annotate({ identifier: "CellJson" })

/**
 * A tabulation as JSON: `{ kind: "hdnd/tabulation-state", formatVersion, view, period?, dimensions,
 * traced, indicators, cells, itemBodies, unapportioned, labels }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const TabulationJson = Schema.Struct({
  kind: Schema.Literal("hdnd/tabulation-state"),
  formatVersion: Schema.Literal(FORMAT_VERSION),
  view: Schema.Literals(["council", "organ"]),
  period: Schema.optional(Period),
  dimensions: Schema.Array(DimensionSchema),
  traced: Schema.Boolean,
  indicators: Schema.Array(Schema.Struct({ id: IndicatorId, measure: Measure })),
  cells: Schema.Array(CellJson),
  itemBodies: Schema.Array(
    Schema.Struct({ indicator: IndicatorId, bodies: Schema.Array(Schema.Struct({ body: Schema.String, items: Count })) })
  ).annotate({ description: "Per indicator, the bodies with itemised records and how many." }),
  unapportioned: Schema.Array(TallyId).annotate({ description: "Tallies whose period only partly overlaps the period counted." }),
  labels: Schema.Array(Schema.Struct({ value: Schema.String, vi: Schema.String, en: Schema.String })).annotate({
    description: "Labels of dimension values (council, unit and organ names, kind labels …)."
  })
}).annotate({ identifier: "TabulationJson", title: "hdnd tabulation (whole state)" })

/** @since 0.2.0 @category models */
export type TabulationJson = typeof TabulationJson.Encoded

const byString = <A>(f: (a: A) => string) => (a: A, b: A): number => (f(a) < f(b) ? -1 : f(a) > f(b) ? 1 : 0)

/**
 * The tabulation as JSON-ready data (arrays sorted, so equal tabulations give equal JSON).
 *
 * @since 0.2.0
 * @category conversions
 */
export const toJSON = (t: Tabulation): TabulationJson => ({
  kind: "hdnd/tabulation-state",
  formatVersion: FORMAT_VERSION,
  view: t.view,
  ...(t.period === undefined ? {} : { period: { from: t.period.from, to: t.period.to } }),
  dimensions: [...t.dimensions],
  traced: t.traced,
  indicators: [...t.indicators.entries()].map(([id, measure]) => ({ id, measure })).sort(byString((i) => i.id)),
  cells: [...t.cells.values()]
    .map((c) => ({
      indicator: c.indicator,
      key: [...c.key],
      items: c.items,
      sessions: [...c.sessions].sort(),
      sum: c.sum,
      values: [...c.values].sort(),
      tallies: c.tallies.map((p) => ({ id: p.id, body: p.body, value: p.value, qualifier: p.qualifier, ...(p.wording === undefined ? {} : { wording: p.wording }) })),
      activities: [...c.activities]
    }))
    .sort(byString((c) => `${c.indicator}\u001f${c.key.join("\u001f")}`)),
  itemBodies: [...t.itemBodies.entries()]
    .map(([indicator, m]) => ({ indicator, bodies: [...m.entries()].map(([body, items]) => ({ body, items })).sort(byString((b) => b.body)) }))
    .sort(byString((e) => e.indicator)),
  unapportioned: [...t.unapportioned].sort(),
  labels: [...t.labels.entries()].map(([value, l]) => ({ value, vi: l.vi, en: l.en })).sort(byString((l) => l.value))
})

const decodeJson = decodeWith(TabulationJson, "Tabulation")

/**
 * Decodes a tabulation's JSON (as {@link toJSON} writes it, after `JSON.parse`): every problem at
 * once, as a `DecodeError` of entity `Tabulation`.
 *
 * @since 0.2.0
 * @category decoding
 */
export const decode = (input: unknown): Result.Result<Tabulation, DecodeError> =>
  Result.map(decodeJson(input), (j) => ({
    view: j.view,
    period: j.period,
    dimensions: j.dimensions,
    traced: j.traced,
    indicators: new Map(j.indicators.map((i) => [i.id, i.measure])),
    cells: new Map(
      j.cells.map((c): readonly [string, Cell] => [
        cellKey(c.indicator, c.key),
        {
          indicator: c.indicator,
          key: c.key,
          items: c.items,
          sessions: new Set(c.sessions),
          sum: c.sum,
          values: new Set(c.values),
          tallies: c.tallies,
          activities: c.activities
        }
      ])
    ),
    itemBodies: new Map(j.itemBodies.map((e) => [e.indicator, new Map(e.bodies.map((b) => [b.body, b.items]))])),
    unapportioned: new Set(j.unapportioned),
    labels: new Map(j.labels.map((l) => [l.value, { vi: l.vi, en: l.en }]))
  }))

/**
 * {@link decode} for code without Effect: the tabulation, or throws the `DecodeError`.
 *
 * @example
 * ```ts uses=tab
 * import { TabulationJson } from "@hdnd/core"
 *
 * const sent = JSON.stringify(TabulationJson.toJSON(tab))
 * const back = TabulationJson.fromJSON(JSON.parse(sent))
 * ```
 *
 * @since 0.2.0
 * @category decoding
 */
export const fromJSON = (input: unknown): Tabulation => {
  const r = decode(input)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}
