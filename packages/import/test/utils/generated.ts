/**
 * Generated datasets with every entity: the testkit's world, activities and tallies, and the
 * follow-up records over them (recommendations, responses, evaluations, work programmes and items).
 */
import type { Dataset } from "@hdnd/core"
import { Arbitraries } from "@hdnd/testkit"
import type fc from "fast-check"

/** A generated world with activities, tallies and follow-up records, as one batch. */
export const fullBatchArb = (options: Arbitraries.DatasetOptions & Arbitraries.FollowUpOptions = {}): fc.Arbitrary<Dataset.Batch> =>
  Arbitraries.datasetArb(options).chain((g) =>
    Arbitraries.followUpsArb(g.world, g.activities, options).map((f): Dataset.Batch => ({ ...Arbitraries.toBatch(g), ...f }))
  )

/** Places as a cell reads back: each name NFC-normalised and trimmed, one name as a single value. */
const placesAsWritten = (places: unknown): unknown => {
  const names = (Array.isArray(places) ? places : [places]).map((x) => String(x).normalize("NFC").trim()).filter((x) => x.length > 0)
  return names.length === 1 ? names[0] : names
}

/**
 * A record as the interchange format gives it back: an empty list of a programme item's activities
 * is written as an empty cell, which reads back as no list (the two mean the same: no activity linked);
 * places visited are text, read back NFC-normalised and trimmed, and a list of one place is one place.
 */
export const asWritten = (kind: Dataset.EntityKind, encoded: Record<string, unknown>): Record<string, unknown> => {
  if (kind === "activities") {
    const attributes = encoded.attributes as Record<string, unknown> | undefined
    if (attributes === undefined || !("places" in attributes)) return encoded
    return { ...encoded, attributes: { ...attributes, places: placesAsWritten(attributes.places) } }
  }
  if (kind !== "programmeItems" || !Array.isArray(encoded.activities) || encoded.activities.length > 0) return encoded
  const { activities: _, ...rest } = encoded
  return rest
}
