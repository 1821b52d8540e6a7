/**
 * Odd attribute values for the `sum` and `distinct` measures, beyond what the built-in kinds'
 * schemas let through: texts, booleans, `null`, lists and objects where a number is summed; numbers,
 * repeated and padded texts, NFD, nested lists, objects and empty texts where distinct values are
 * counted. A store opened with {@link registry} must tabulate them as the reference does, and as the
 * measures are documented (`Indicator.sumOf`, `Indicator.distinctKeys`).
 *
 * ```ts
 * import { StoreMeasures } from "@hdnd/testkit"
 *
 * it("sums and distinct counts of odd values", () =>
 *   StoreMeasures.oddValues(() => SqliteStore.layer({ filename: ":memory:", registry: StoreMeasures.registry })))
 * ```
 *
 * @since 0.2.0
 */
import { Activity, AdminUnit, CalendarDate, Council, Dataset, Indicator, Registry, Tabulate, Tabulation, TabulationRequest, Tally } from "@hdnd/core"
import type { Ids } from "@hdnd/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Assert from "./Assert.js"
import * as Pushdown from "./Pushdown.js"
import type { MakeLayer } from "./StoreProperties.js"
import { withStore } from "./StoreHandle.js"

const KIND = "test/visit" as Ids.ActivityKindId

/**
 * The ids of the two indicators of {@link registry}: the sum of `n` and the distinct values of `v`
 * over `test/visit` activities.
 *
 * @since 0.2.0
 * @category data
 */
export const indicators = { sum: "test/visit.n" as Ids.IndicatorId, distinct: "test/visit.v" as Ids.IndicatorId } as const

/**
 * The built-in registry plus an activity kind `test/visit` whose attributes `n` and `v` may hold any
 * JSON value, and the indicators of {@link indicators}.
 *
 * @since 0.2.0
 * @category data
 */
export const registry: Registry.Registry = Registry.extend({
  activityKinds: [
    {
      id: KIND,
      vi: "chuyến thăm thử",
      en: "test visit",
      nounVi: "chuyến",
      nounEn: "visits",
      fields: {},
      attributes: Schema.Struct({ n: Schema.optional(Schema.Unknown), v: Schema.optional(Schema.Unknown) })
    }
  ],
  indicators: [
    new Indicator.Indicator({ id: indicators.sum, vi: "Tổng n", en: "Sum of n", nounVi: "đơn vị", nounEn: "units", filter: { kinds: [KIND] }, measure: "sum", attribute: "n" }),
    new Indicator.Indicator({ id: indicators.distinct, vi: "Số giá trị v", en: "Distinct v", nounVi: "giá trị", nounEn: "values", filter: { kinds: [KIND] }, measure: "distinct", attribute: "v" })
  ]
})

const d = CalendarDate.date
const NFD = "Xã A".normalize("NFD")

/** `n`, `v` of each activity (`undefined`: the key is left out). */
const VALUES: ReadonlyArray<readonly [unknown, unknown]> = [
  [5, "Xã A"],
  [2.5, " Xã A "],
  ["7", NFD],
  [true, 5],
  [null, "5"],
  [[1], 5.5],
  [{ a: 1 }, true],
  [undefined, null],
  [0, ["Xã B", 5, ["Xã C"], { x: "Xã D" }, null, ""]],
  [-3, { k: "Xã E" }],
  [undefined, []],
  [undefined, ""],
  [undefined, undefined]
]

/**
 * A small world (one province council with a standing committee and two committees) and
 * `test/visit` activities holding the odd values, in two councils' committees (one joint).
 *
 * @since 0.2.0
 * @category data
 */
export const batch: Dataset.Batch = (() => {
  const council = "c-odd" as Ids.CouncilId
  const organ = (id: string, kind: Council.OrganKind, committeeKind?: string) =>
    new Council.Organ({
      id: id as Ids.OrganId,
      council,
      kind,
      ...(committeeKind === undefined ? {} : { committeeKind: committeeKind as Ids.CommitteeKindId }),
      name: id,
      validity: { from: d("2021-06-01") }
    })
  const organs = [organ("c-odd.tt", "standing"), organ("c-odd.pc", "committee", "phap-che"), organ("c-odd.ktns", "committee", "kinh-te-ngan-sach")]
  const activities = VALUES.map(([n, v], i) => {
    const attributes = Object.fromEntries(Object.entries({ n, v }).filter(([, x]) => x !== undefined))
    return new Activity.Activity({
      id: `odd-${i}` as Ids.ActivityId,
      council,
      kind: KIND,
      owner: organs[1 + (i % 2)]!.id,
      organisers: (i === 0 ? [organs[1]!.id, organs[2]!.id] : [organs[1 + (i % 2)]!.id]) as never,
      date: { from: d(`2023-0${1 + (i % 6)}-15`) },
      title: `Chuyến thăm ${i}`,
      ...(Object.keys(attributes).length === 0 ? {} : { attributes })
    })
  })
  return {
    units: [new AdminUnit.AdminUnit({ id: "u-odd" as Ids.UnitId, code: "99", name: "Tỉnh Thử", type: "tinh", validity: { from: d("2016-01-01") } })],
    councils: [new Council.Council({ id: council, unit: "u-odd" as Ids.UnitId, name: "HĐND tỉnh Thử", validity: { from: d("2016-01-01") } })],
    terms: [new Council.Term({ id: "c-odd.khoa" as never, council, convocation: "XV", validity: { from: d("2021-06-01") } })],
    organs,
    activities,
    tallies: [new Tally.Tally({ id: "odd-t" as Ids.TallyId, council, indicator: indicators.distinct, period: { from: d("2023-01-01"), to: d("2023-12-31") }, value: 4 })]
  }
})()

const request = (groupBy: ReadonlyArray<Tabulation.Dimension>, trace: boolean): TabulationRequest.TabulationRequest => ({
  indicators: [indicators.sum, indicators.distinct],
  scope: TabulationRequest.councils(["c-odd" as Ids.CouncilId]),
  period: CalendarDate.period("2023-01-01", "2023-12-31"),
  groupBy,
  trace
})

/**
 * Stores {@link batch} in a store opened with {@link registry} and checks, flat and grouped by
 * month and by organ, traced and not: the store equals the reference, and the reference gives the
 * documented figures (sum 4.5 over the 8 activities with `n`; the distinct values "Xã A", "5",
 * "5.5", "Xã B" over the 11 activities with `v`; the council's own tally left out as a conflict).
 *
 * @since 0.2.0
 * @category assertions
 */
export const oddValues = (layer: MakeLayer): Promise<void> =>
  withStore(layer(), async (h) => {
    await h.run(h.store.upsert(batch))
    const ds = Dataset.fromBatch(batch)
    const flat = Result.getOrThrow(Tabulate.tabulate(ds, registry, request([], true)))
    const sum = Tabulation.valueOf(flat, indicators.sum)
    Assert.equal([sum.value, Tabulation.recordsOf(flat, indicators.sum).activities.length], [4.5, 8], "sum of n and its records")
    const distinct = Tabulation.valueOf(flat, indicators.distinct)
    const values = [...Tabulation.cellsOf(flat, indicators.distinct).flatMap((c) => [...c.values])].sort()
    Assert.equal([distinct.value, distinct.conflicting, values], [4, 4, ["5", "5.5", "Xã A", "Xã B"]], "distinct values of v")
    Assert.equal(Tabulation.recordsOf(flat, indicators.distinct).activities.length, 11, "records of the distinct count")
    for (const groupBy of [[], ["month"], ["organ"], ["organKind", "quarter"]] as const) {
      for (const trace of [true, false]) await Pushdown.check(h, ds, request(groupBy, trace))
    }
  })
