import { addEqualityTesters } from "@effect/vitest"
import fc from "fast-check"

addEqualityTesters()

// Property tests run at least 1,000 cases in CI (issue #2); locally a smaller default keeps the
// feedback loop short. Set HDND_PROPERTY_RUNS to override either way.
const runs = Number(process.env.HDND_PROPERTY_RUNS ?? (process.env.CI ? 1000 : 200))
fc.configureGlobal({ numRuns: runs })
