/**
 * Round trips of a tabulation (issue #17: a commune-year took 3 statements where hand-written SQL
 * takes 1). On a warm cache a tabulation is one statement: the counts with the `structure` version
 * and a probe for tallies, read in one snapshot; the tallies are read only when some match. The
 * structure is never served stale: what another store (another pool, as another process) wrote
 * before the call, or while the call ran, is counted.
 */
import { Activity, AdminUnit, CalendarDate, Council, Dataset, Indicators, Registry, Store, Tabulate, Tabulation, TabulationRequest, Tally } from "@hdnd/core"
import { Database, Dialect, SqlStore } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { afterAll, beforeAll, expect, it } from "vitest"
import { batch, COUNCIL, ORGANS, structure } from "../../store-sqlite/test/fixtures/world.js"
import * as Client from "../src/internal/client.js"
import { describePg, TEST_URL } from "./utils/postgres.js"
import { dropSchema, newSchemaName, schemaLayer } from "./utils/shared.js"

const d = CalendarDate.date
const schema = newSchemaName()
const period = { from: d("2022-01-01"), to: d("2022-12-31") }

const commune = TabulationRequest.councils([COUNCIL as never])
const request = (
  scope: TabulationRequest.Scope,
  indicators: TabulationRequest.TabulationRequest["indicators"] = [Indicators.ids.survey, Indicators.ids.citizenReception]
): TabulationRequest.TabulationRequest => ({
  indicators,
  scope,
  period,
  groupBy: ["kind", "month"]
})

/** A commune under the fixture's province, with its council, plenary organ and `n` activities in 2022. */
const newCommune = (id: string, code: string, n: number): Dataset.Batch => {
  const council = `c-${id}`
  const organ = `${council}.hdnd`
  return {
    units: [new AdminUnit.AdminUnit({ id: id as never, code, name: `Xã ${id}`, type: "xa", parent: "u14" as never, validity: { from: d("2016-01-01") } })],
    councils: [new Council.Council({ id: council as never, unit: id as never, name: `HĐND xã ${id}`, validity: { from: d("2016-01-01") } })],
    organs: [new Council.Organ({ id: organ as never, council: council as never, kind: "plenary", name: "Hội đồng nhân dân", validity: { from: d("2016-01-01") } })],
    activities: Array.from(
      { length: n },
      (_, i) =>
        new Activity.Activity({
          id: `${council}-a${i}` as never,
          council: council as never,
          kind: "survey" as never,
          owner: organ as never,
          organisers: [organ] as never,
          date: { from: d("2022-03-01"), to: d("2022-03-01") },
          title: `Khảo sát ${i}`
        })
    )
  }
}

const tally = new Tally.Tally({
  id: "t-2022" as never,
  council: COUNCIL as never,
  organ: ORGANS[1] as never,
  indicator: Indicators.ids.citizensReceived,
  period: { from: d("2022-05-01"), to: d("2022-05-31") },
  value: 1234
})

/** Everything written so far, for the reference tabulation. */
const written: Array<Dataset.Batch> = [structure(), batch(1, 300), batch(2, 300)]

const reference = (req: TabulationRequest.TabulationRequest): Tabulation.Tabulation => {
  const all: Record<string, Array<unknown>> = {}
  for (const b of written) for (const [k, v] of Object.entries(b)) all[k] = [...(all[k] ?? []), ...(v as Array<unknown>)]
  return Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(all as Dataset.Batch), Registry.builtin, req))
}

const expectReference = (got: Tabulation.Tabulation, req: TabulationRequest.TabulationRequest) => {
  const want = reference(req)
  if (!Tabulation.equals(got, want)) expect(Tabulation.toCanonical(got)).toEqual(Tabulation.toCanonical(want))
}

interface Counting {
  readonly store: Store.StoreService
  /** The statements run so far. */
  readonly statements: Array<string>
  /** Runs `f` once, before the next statement whose text starts with `prefix` (then that statement). */
  readonly before: (prefix: string, f: Effect.Effect<void, unknown>) => void
}

/** A store on the schema over a `Database` that records its statements; `f` runs with it, and the pool is closed after. */
const withCountingStore = <A, E>(f: (c: Counting) => Effect.Effect<A, E>): Promise<A> =>
  Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const db = yield* Client.make({ url: TEST_URL, maxConnections: 4 })
        const statements: Array<string> = []
        let hook: { prefix: string; f: Effect.Effect<void, unknown> } | undefined
        const counting: Database.DatabaseService = {
          ...db,
          query: <R extends object>(text: string, params?: ReadonlyArray<unknown>) =>
            Effect.suspend(() => {
              statements.push(text)
              const h = hook
              if (h === undefined || !text.startsWith(h.prefix)) return db.query<R>(text, params)
              hook = undefined
              return Effect.andThen(Effect.orDie(h.f), db.query<R>(text, params))
            })
        }
        const store = yield* SqlStore.make({ dialect: Dialect.pg, schema }).pipe(Effect.provideService(Database.Database, counting))
        return yield* f({ store, statements, before: (prefix, g) => (hook = { prefix, f: g }) })
      })
    )
  )

/** Another store on the schema, with a pool of its own (as another process). */
const other = (f: (store: Store.StoreService) => Effect.Effect<unknown, unknown>): Effect.Effect<void> =>
  Effect.orDie(Effect.asVoid(Effect.scoped(Effect.flatMap(Store.Store, f).pipe(Effect.provide(schemaLayer({ schema, drop: false }))))))

beforeAll(async () => {
  await Effect.runPromise(other((s) => Effect.forEach(written, (b) => s.upsert(b))))
}, 60_000)
afterAll(() => dropSchema(schema))

describePg("tabulation round trips", () => {
  it("on a warm cache a commune-year is one statement, and equals the reference", { timeout: 60_000 }, async () => {
    const r = await withCountingStore(({ statements, store }) =>
      Effect.gen(function* () {
        yield* store.tabulate(request(commune))
        statements.length = 0
        const tab = yield* store.tabulate(request(commune))
        return { tab, statements: [...statements] }
      })
    )
    expect(r.statements, r.statements.join("\n---\n")).toHaveLength(1)
    expectReference(r.tab, request(commune))
  })

  it("tallies are read only when one matches, and then counted", { timeout: 60_000 }, async () => {
    await Effect.runPromise(other((s) => s.upsert({ tallies: [tally] })))
    written.push({ tallies: [tally] })
    const withTally = request(commune, [Indicators.ids.citizensReceived, Indicators.ids.survey])
    const later = { ...withTally, period: { from: d("2023-01-01"), to: d("2023-12-31") } }
    const r = await withCountingStore(({ statements, store }) =>
      Effect.gen(function* () {
        yield* store.tabulate(withTally)
        statements.length = 0
        const tab = yield* store.tabulate(withTally)
        const matching = statements.length
        statements.length = 0
        const none = yield* store.tabulate(later)
        return { tab, none, matching, notMatching: statements.length }
      })
    )
    expect(r.matching).toBe(2)
    expect(r.notMatching).toBe(1)
    expect(Tabulation.valueOf(r.tab, Indicators.ids.citizensReceived).value).toBe(1234)
    expectReference(r.tab, withTally)
    expectReference(r.none, later)
  })

  it("another store's structure write before the call is counted by the next tabulation (a council the cache has not seen)", { timeout: 60_000 }, async () => {
    const added = newCommune("u14001", "14001", 7)
    const province = TabulationRequest.subtree("u14" as never, d("2022-06-01"))
    const r = await withCountingStore(({ store }) =>
      Effect.gen(function* () {
        const before = yield* store.tabulate(request(province))
        yield* other((s) => s.upsert(added))
        written.push(added)
        // Named by id: the cached structure does not know it, the structure as it is does.
        const named = yield* store.tabulate(request(TabulationRequest.councils(["c-u14001" as never])))
        const after = yield* store.tabulate(request(province))
        return { before, named, after }
      })
    )
    expect(Tabulation.valueOf(r.named, Indicators.ids.survey).value).toBe(7)
    expect(Tabulation.valueOf(r.after, Indicators.ids.survey).value).toBe(Tabulation.valueOf(r.before, Indicators.ids.survey).value + 7)
    expectReference(r.named, request(TabulationRequest.councils(["c-u14001" as never])))
    expectReference(r.after, request(province))
  })

  it("a structure write committed between the cache read and the tabulation's statement is counted (planned again)", { timeout: 60_000 }, async () => {
    const added = newCommune("u14002", "14002", 5)
    const province = TabulationRequest.subtree("u14" as never, d("2022-06-01"))
    const r = await withCountingStore(({ before, statements, store }) =>
      Effect.gen(function* () {
        const first = yield* store.tabulate(request(province))
        // The cache is warm and holds no version query: the write lands after the plan, before its statement.
        before("WITH hdnd_rows", other((s) => s.upsert(added)))
        written.push(added)
        statements.length = 0
        const raced = yield* store.tabulate(request(province))
        return { first, raced, statements: [...statements] }
      })
    )
    expect(Tabulation.valueOf(r.raced, Indicators.ids.survey).value).toBe(Tabulation.valueOf(r.first, Indicators.ids.survey).value + 5)
    expectReference(r.raced, request(province))
    // The stale attempt, then the version, the reload, and the attempt that counted.
    expect(r.statements.filter((s) => s.startsWith("WITH hdnd_rows"))).toHaveLength(2)
  })

  it("a request asked again after the store's own structure write is planned on the new structure", { timeout: 60_000 }, async () => {
    const added = newCommune("u14003", "14003", 3)
    const province = TabulationRequest.subtree("u14" as never, d("2022-06-01"))
    const r = await withCountingStore(({ store }) =>
      Effect.gen(function* () {
        const first = yield* store.tabulate(request(province))
        const again = yield* store.tabulate(request(province))
        yield* store.upsert(added)
        written.push(added)
        return { first, again, after: yield* store.tabulate(request(province)) }
      })
    )
    expect(Tabulation.equals(r.again, r.first)).toBe(true)
    expect(Tabulation.valueOf(r.after, Indicators.ids.survey).value).toBe(Tabulation.valueOf(r.first, Indicators.ids.survey).value + 3)
    expectReference(r.after, request(province))
  })
})
