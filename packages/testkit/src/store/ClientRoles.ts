/**
 * Roles through the Promise API, for any store: for generated datasets with participants, what each
 * organ led, took part in or either, and the organ × role breakdown, as `client.tabulate` gives them
 * from JSON requests, equal the reference engine's. A store's test file calls
 * {@link rolesThroughClient} with a function that opens its layer.
 *
 * @since 0.2.0
 */
import { Client, Dataset, Registry, Tabulate, Tabulation } from "@hdnd/core"
import type { Store } from "@hdnd/core"
import type * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import fc from "fast-check"
import { datasetArb, toBatch } from "../Arbitraries.js"
import { requestArb } from "../Laws.js"
import * as Assert from "./Assert.js"

/**
 * Options of {@link rolesThroughClient}.
 *
 * @since 0.2.0
 * @category models
 */
export interface ClientRolesOptions {
  /** Opens a fresh, empty store for the `run`-th sample (a file of its own, a schema of its own …). */
  readonly layer: (run: number) => Layer.Layer<Store.Store, unknown>
  /** How many generated datasets (default 6). */
  readonly numRuns?: number
  /** The fast-check seed of the samples (default 14). */
  readonly seed?: number
}

/**
 * Loads generated datasets through `Client.HdndClient` on the store, then checks, for each, the
 * organ × role breakdown and the `ledBy`, `tookPart` and `involved` filters of four organs (as JSON
 * requests) against `Tabulate.tabulate` over the same records. Throws on the first difference.
 *
 * @since 0.2.0
 * @category suites
 */
export const rolesThroughClient = async (options: ClientRolesOptions): Promise<void> => {
  const samples = fc.sample(fc.tuple(datasetArb({ maxActivities: 40 }), requestArb()), { numRuns: options.numRuns ?? 6, seed: options.seed ?? 14 })
  for (const [run, [g, base]] of samples.entries()) {
    const batch = toBatch(g)
    const client = await Client.HdndClient.open({ store: options.layer(run) })
    try {
      await client.load(Client.encodeBatch(batch))
      const organs = [...g.world.organsByCouncil.values()].flat().map((o) => o.id as string)
      const requests = [
        { ...base, groupBy: ["organ", "role"] },
        ...organs.slice(0, 4).flatMap((o) => [{ ledBy: [o] }, { tookPart: [o] }, { involved: [o] }].map((filter) => ({ ...base, groupBy: ["role"], filter })))
      ]
      for (const request of requests) {
        const got = await client.tabulate(JSON.parse(JSON.stringify(request)))
        const want = Result.getOrThrow(Tabulate.tabulate(Dataset.fromBatch(batch), Registry.builtin, request as never))
        Assert.equal(Tabulation.toCanonical(got), Tabulation.toCanonical(want), `client.tabulate ${JSON.stringify(request)} (sample ${run})`)
      }
    } finally {
      await client.close()
    }
  }
}
