/**
 * The data the store kit writes is valid: generated full datasets (follow-up records included) pass
 * core validation, cover every collection and the shapes of follow-up records stores must keep apart,
 * and each breaker makes a record that validation rejects.
 */
import { Dataset, Registry, Validation } from "@hdnd/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { StoreData, StoreInvalid } from "../src/index.js"

const samples = fc.sample(StoreData.fullDatasetArb(), { numRuns: 150, seed: 7 })

describe("StoreData.fullDatasetArb", () => {
  it("generates datasets that pass validation", () => {
    for (const { batch } of samples) expect(Validation.validateDataset(Dataset.fromBatch(batch), Registry.builtin)).toEqual([])
  })

  it("generates records of every collection, and the shapes of follow-up records that stores must keep", () => {
    const all = (k: Dataset.EntityKind) => samples.flatMap(({ batch }) => (batch[k] ?? []) as ReadonlyArray<Record<string, any>>)
    for (const kind of Dataset.entityKinds) expect(all(kind).length, kind).toBeGreaterThan(0)
    const recommendations = all("recommendations")
    const items = all("programmeItems")
    const shapes = {
      merged: recommendations.some((r) => r.mergedInto !== undefined),
      fromActivity: recommendations.some((r) => r.activity !== undefined),
      forSession: recommendations.some((r) => r.session !== undefined),
      voterPetition: recommendations.some((r) => r.kind === "voter-petition" && r.raisedBy === undefined),
      raisedByAnotherCouncil: recommendations.some((r) => r.raisedBy !== undefined && !String(r.raisedBy).startsWith(`${r.council}.`)),
      addresseeOrgan: recommendations.some((r) => r.addressee.organ !== undefined),
      evaluatedBy: all("evaluations").some((e) => e.by !== undefined),
      linkedActivities: items.some((i) => (i.activities?.length ?? 0) > 0),
      emptyActivities: items.some((i) => i.activities !== undefined && i.activities.length === 0),
      noActivities: items.some((i) => i.activities === undefined),
      carried: items.some((i) => i.carriedFrom !== undefined),
      monthAndQuarter: items.some((i) => i.month !== undefined && i.quarter !== undefined)
    }
    expect(shapes).toEqual(Object.fromEntries(Object.keys(shapes).map((k) => [k, true])))
  })
})

describe("StoreInvalid.breakers", () => {
  it("each breaker of each collection makes its batch fail validation", () => {
    for (const { batch } of samples.slice(0, 40)) {
      for (const { kind, record } of Dataset.entityKinds.flatMap((k) => ((batch[k] ?? []) as ReadonlyArray<{ id: string }>).slice(0, 2).map((record) => ({ kind: k, record })))) {
        for (let pick = 0; pick < StoreInvalid.breakers[kind].length; pick++) {
          const broken = StoreInvalid.breakRecord(kind, record, pick)
          const problems = Validation.validateBatch(Dataset.empty, StoreInvalid.replace(batch, kind, broken.record), Registry.builtin)
          expect(problems.length, StoreInvalid.show(broken)).toBeGreaterThan(0)
        }
      }
    }
  })
})
