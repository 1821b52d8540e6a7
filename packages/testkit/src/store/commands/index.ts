/**
 * The commands of the model-based store test, one per file, each with a `toString()` so that a
 * counterexample reads as a story. Compose your own sequences with `fc.commands` and run them with
 * `fc.asyncModelRun` over a `StoreModel` and a `StoreHandle`.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as CountAll from "./CountAll.js"
/** @since 0.1.0 */
export * as FailingBatch from "./FailingBatch.js"
/** @since 0.1.0 */
export * as GetRecord from "./GetRecord.js"
/** @since 0.1.0 */
export * as ReupsertSame from "./ReupsertSame.js"
/** @since 0.1.0 */
export * as StreamActivities from "./StreamActivities.js"
/** @since 0.1.0 */
export * as StreamRecords from "./StreamRecords.js"
/** @since 0.1.0 */
export * as TabulateCompare from "./TabulateCompare.js"
/** @since 0.1.0 */
export * as UpdateActivity from "./UpdateActivity.js"
/** @since 0.1.0 */
export * as UpsertBatch from "./UpsertBatch.js"
/** @since 0.1.0 */
export * as UpsertFollowUps from "./UpsertFollowUps.js"
