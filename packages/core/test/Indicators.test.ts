/**
 * The built-in indicators are made with their checks skipped (`disableChecks`, to keep
 * `import "@hdnd/core"` fast: bench/startup.ts). This test runs the full schema on every one of
 * them: each passes every check and comes out equal, so skipping the checks at load hides nothing.
 */
import { Indicator, Indicators } from "@hdnd/core"
import * as Equal from "effect/Equal"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"

describe("Indicators.builtinIndicators", () => {
  it("every built-in indicator passes the full Indicator schema, checks included", () => {
    const all = Indicators.builtinIndicators
    expect(all.length).toBeGreaterThan(60)
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length)
    const decode = Schema.decodeUnknownSync(Indicator.Indicator)
    const encode = Schema.encodeSync(Indicator.Indicator)
    for (const i of all) {
      const checked = new Indicator.Indicator({ ...i })
      expect(Equal.equals(checked, i), i.id).toBe(true)
      expect(Equal.equals(decode(encode(i)), i), i.id).toBe(true)
    }
    expect(Indicators.outputIndicators.every((o) => all.includes(o))).toBe(true)
  })

  it("the check is real: a built-in indicator with a broken field is refused by the full schema", () => {
    const first = Indicators.builtinIndicators[0]!
    expect(() => new Indicator.Indicator({ ...first, vi: "" })).toThrow()
    expect(() => new Indicator.Indicator({ ...first, en: "Cafe\u0301" })).toThrow()
    // … but not with the checks skipped, as at load.
    expect(new Indicator.Indicator({ ...first, vi: "" }, { disableChecks: true }).vi).toBe("")
  })
})
