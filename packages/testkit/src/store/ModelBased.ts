/**
 * The model-based test of a store: fast-check generates a world and a sequence of up to 15
 * commands (upserts of activities, tallies and follow-up records, re-upserts, updates, failing
 * batches, gets, streams, counts and tabulations);
 * each run upserts the world's structure into a fresh store and replays the commands against the
 * store and a model. A counterexample prints as the world and the list of commands, one story.
 *
 * @since 0.1.0
 */
import { Dataset } from "@hdnd/core"
import type { Store } from "@hdnd/core"
import fc from "fast-check"
import type * as Layer from "effect/Layer"
import * as Assert from "./Assert.js"
import type { World } from "../Arbitraries.js"
import type { Law } from "../Laws.js"
import { worldArb } from "../Arbitraries.js"
import * as CountAll from "./commands/CountAll.js"
import * as FailingBatch from "./commands/FailingBatch.js"
import * as GetRecord from "./commands/GetRecord.js"
import * as ReupsertSame from "./commands/ReupsertSame.js"
import * as StreamActivities from "./commands/StreamActivities.js"
import * as StreamRecords from "./commands/StreamRecords.js"
import * as TabulateCompare from "./commands/TabulateCompare.js"
import * as UpdateActivity from "./commands/UpdateActivity.js"
import * as UpsertBatch from "./commands/UpsertBatch.js"
import * as UpsertFollowUps from "./commands/UpsertFollowUps.js"
import { withStore } from "./StoreHandle.js"
import type { StoreCommand } from "./StoreModel.js"
import * as StoreModel from "./StoreModel.js"

/**
 * The commands over a world, weighted towards writes.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const commandsArb = (world: World, maxCommands = 15): fc.Arbitrary<Iterable<StoreCommand>> =>
  fc.commands(
    [
      UpsertBatch.arbitrary(world),
      UpsertBatch.arbitrary(world),
      ReupsertSame.arbitrary,
      UpdateActivity.arbitrary,
      UpdateActivity.arbitrary,
      UpsertFollowUps.arbitrary(world),
      FailingBatch.arbitrary(world),
      GetRecord.arbitrary(world),
      StreamActivities.arbitrary(world),
      StreamRecords.arbitrary(world),
      TabulateCompare.arbitrary(world),
      CountAll.arbitrary
    ],
    { maxCommands, size: "max" }
  )

/**
 * A world as a counterexample shows it: its councils and how many organs and sessions they have.
 *
 * @since 0.1.0
 * @category formatting
 */
export const showWorld = (world: World): string =>
  `World(${world.councils
    .map((c) => `${c.id}: ${world.organsByCouncil.get(c.id)?.length ?? 0} organs, ${world.sessionsByCouncil.get(c.id)?.length ?? 0} sessions`)
    .join("; ")})`

const shownWorldArb: fc.Arbitrary<World> = worldArb.map((world) => ({ ...world, [fc.toStringMethod]: () => showWorld(world) }))

/**
 * The model-based property for stores built by `layer` (each run builds a fresh store).
 *
 * @since 0.1.0
 * @category properties
 */
export const property = (layer: () => Layer.Layer<Store.Store, unknown>, maxCommands = 15): Law =>
  fc.asyncProperty(
    shownWorldArb.chain((world) => fc.tuple(fc.constant(world), commandsArb(world, maxCommands))),
    ([world, commands]) =>
      withStore(layer(), (handle) =>
        fc.asyncModelRun(async () => {
          const structure = world.structure
          const result = await handle.run(handle.store.upsert(structure))
          Assert.equal(result, { inserted: Dataset.batchSize(structure), updated: 0, unchanged: 0 }, "upsert of the world's structure")
          return { model: StoreModel.make(structure), real: handle }
        }, commands)
      )
  )
