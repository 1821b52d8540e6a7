/**
 * The model of the model-based test: what a store must hold after a sequence of commands, kept as a
 * core `Dataset` and updated with `Dataset.apply` whenever a batch is accepted.
 *
 * @since 0.1.0
 */
import { Dataset } from "@hdnd/core"
import type fc from "fast-check"
import type { StoreHandle } from "./StoreHandle.js"

/**
 * What the store must hold, and the last batch it accepted.
 *
 * @since 0.1.0
 * @category models
 */
export interface StoreModel {
  dataset: Dataset.Dataset
  last: Dataset.Batch
}

/**
 * A command of the model-based test: checks the store against the model, then updates the model.
 *
 * @since 0.1.0
 * @category models
 */
export type StoreCommand = fc.AsyncCommand<StoreModel, StoreHandle>

/**
 * A model holding the records of one batch.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (batch: Dataset.Batch): StoreModel => ({ dataset: Dataset.fromBatch(batch), last: batch })

/**
 * Records an accepted batch in the model.
 *
 * @since 0.1.0
 * @category combinators
 */
export const accept = (model: StoreModel, batch: Dataset.Batch): void => {
  model.dataset = Dataset.apply(model.dataset, batch)
  model.last = batch
}
