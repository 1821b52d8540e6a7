import { Client, Dataset, Errors, HdndClient, Ids, MemoryStore, Store, TabulationRequest } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { activity, structure } from "./utils/fixture.js"

const decodeBatch = Errors.decodeWith(Dataset.Batch, "Batch")
const encoded = Client.encodeBatch({ ...structure, activities: [activity({ id: "a1", council: "c14", owner: "c14.pc" })] }) as any
const clone = (): any => structuredClone(encoded)

const problemsOf = (input: unknown) => {
  const r = decodeBatch(input)
  return Result.isFailure(r) ? r.failure.problems : []
}

describe("decoding bad input", () => {
  it("reports impossible dates and reversed ranges with their paths, all at once", () => {
    const input = clone()
    input.activities[0].date = { from: "2023-02-30" }
    input.councils[0].validity = { from: "2023-05-01", to: "2023-01-01" }
    const problems = problemsOf(input)
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(["activities[0].date.from", "councils[0].validity"]))
    expect(problems.find((p) => p.field === "activities[0].date.from")?.vi).toContain("ngày không hợp lệ")
    expect(problems.find((p) => p.field === "councils[0].validity")?.en).toContain("from > to")
  })

  it("rejects empty and huge strings, unknown fields and bad ids", () => {
    const input = clone()
    input.activities[0].title = "   "
    input.councils[0].name = "x".repeat(5000)
    input.organs[0].colour = "red"
    input.units[0].id = "bad id!"
    const fields = problemsOf(input).map((p) => p.field)
    expect(fields).toEqual(expect.arrayContaining(["activities[0].title", "councils[0].name", "organs[0].colour", "units[0].id"]))
  })

  it("gives each problem its kind and quotes the rejected value (Effect 4 issue tree)", () => {
    const input = clone()
    input.activities[0].date = { from: "2023-02-30" }
    input.activities[0].subject = "nope"
    input.activities[0].organisers = []
    input.organs[0].colour = "red"
    input.units[0].code = 7
    delete input.councils[0].name
    const problems = problemsOf(input)
    const at = (field: string) => problems.find((p) => p.field === field)
    expect(at("activities[0].date.from")).toMatchObject({ code: "schema.refinement", entity: "Batch" })
    expect(at("activities[0].date.from")?.en).toContain('"2023-02-30"')
    expect(at("activities[0].subject")?.code).toBe("schema.type")
    expect(at("activities[0].subject")?.vi).toContain('phải là một trong "draft-resolution"')
    expect(at("activities[0].subject")?.en).toContain('got "nope"')
    expect(at("activities[0].organisers[0]")?.en).toBe("needs at least one item")
    expect(at("organs[0].colour")).toMatchObject({ code: "schema.unexpected", vi: "trường không được phép, hãy bỏ đi" })
    expect(at("units[0].code")).toMatchObject({ code: "schema.type", en: "expected GsoCode, got 7" })
    expect(at("councils[0].name")).toMatchObject({ code: "schema.missing", en: "required field is missing" })
    // Every message is bilingual and none is Effect's raw formatter output.
    for (const p of problems) expect(`${p.vi} ${p.en}`).not.toMatch(/Expected |Missing key|<filter>/)
  })

  it("names the allowed tags when no member of a tagged union matches", () => {
    const decode = Errors.decodeWith(TabulationRequest.TabulationRequest, "TabulationRequest")
    const r = decode({ indicators: ["core/review.content"], scope: { _tag: "Everything" }, period: { from: "2023-01-01", to: "2023-12-31" } })
    expect(Result.isFailure(r) && r.failure.problems.map((p) => [p.field, p.code, p.en])).toEqual([
      ["scope._tag", "schema.type", 'must be one of "Subtree" | "Councils", got "Everything"']
    ])
  })

  it("a bad indicator or template id is named in each language's own words", () => {
    const decode = Errors.decodeWith(Ids.IndicatorId, "IndicatorId")
    const r = decode("review")
    const p = Result.isFailure(r) ? r.failure.problems[0] : undefined
    expect(p?.vi).toContain('mã chỉ tiêu "review" phải có dạng')
    expect(p?.en).toContain('indicator id "review" must be namespaced')
    expect(p?.en).not.toMatch(/chỉ tiêu/)
    const t = Errors.decodeWith(Ids.TemplateId, "TemplateId")("bao-cao")
    expect(Result.isFailure(t) && t.failure.problems[0]?.en).toContain('report template id "bao-cao" must be namespaced')
  })

  it("normalises NFD text to NFC", () => {
    const input = clone()
    input.councils[0].name = "HĐND tỉnh Sơn La".normalize("NFD")
    const r = decodeBatch(input)
    expect(Result.isSuccess(r) && r.success.councils?.[0]?.name).toBe("HĐND tỉnh Sơn La".normalize("NFC"))
  })

  it("property: NFC normalisation is applied to any text and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }), (s) => {
        const input = clone()
        input.activities[0].title = `T ${s.normalize("NFD")}`
        const r = decodeBatch(input)
        if (Result.isFailure(r)) return r.failure.problems.every((p) => p.field === "activities[0].title")
        const title = r.success.activities?.[0]?.title ?? ""
        return title === title.normalize("NFC") && title === `T ${s}`.normalize("NFC").trim()
      })
    )
  })

  it("property: any JSON value either decodes or fails with a DecodeError listing problems; nothing throws", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = decodeBatch(v)
        return Result.isSuccess(r) || (r.failure._tag === "DecodeError" && r.failure.problems.length > 0)
      })
    )
  })

  it("property: corrupting any field of a valid batch yields typed errors only", async () => {
    const paths: Array<Array<string | number>> = []
    const walk = (v: unknown, path: Array<string | number>) => {
      if (v !== null && typeof v === "object") for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k])
      else paths.push(path)
    }
    walk(encoded, [])
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.oneof(fc.jsonValue(), fc.constantFrom("2023-02-30", "", "x".repeat(5000), "nope", -1, 1.5)), async (path, value) => {
        const input = clone()
        let target = input
        for (const k of path.slice(0, -1)) target = target[k]
        target[path[path.length - 1]!] = value
        const client = await HdndClient.open()
        try {
          await client.load(input)
          return true
        } catch (e) {
          return e instanceof Errors.DecodeError || e instanceof Errors.ValidationError
        } finally {
          await client.close()
        }
      }),
      { numRuns: Math.min(300, fc.readConfigureGlobal().numRuns ?? 100) }
    )
  })
})

describe("validation through the Promise API", () => {
  it("rejects unknown kinds, organisers of another council and organs outside their validity, writing nothing", async () => {
    const client = await HdndClient.open()
    await client.upsert(structure)
    const input = clone()
    input.activities = [
      { ...input.activities[0], id: "k", kind: "dancing" },
      { ...input.activities[0], id: "o", organisers: ["c116.pc"] },
      { ...input.activities[0], id: "v", date: { from: "2026-01-01" } }
    ]
    const err = await client.load({ activities: input.activities }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Errors.ValidationError)
    const ids = (err as Errors.ValidationError).problems.map((p) => p.id)
    expect(ids).toEqual(expect.arrayContaining(["k", "o", "v"]))
    expect(await client.list("activities")).toEqual([])
    await client.close()
  })

  it("rejects with the store's typed error itself, and a crashing store's defect as StoreError hdnd/store/unexpected-failed with the defect as cause, never an Effect wrapper", async () => {
    const failing = Layer.effect(
      Store.Store,
      Effect.map(MemoryStore.make(), (s): Store.StoreService => ({
        ...s,
        upsert: () => Effect.fail(new Errors.StoreError({ operation: "upsert", vi: "đĩa đầy", en: "disk full" })),
        get: () => Effect.die(new TypeError("boom"))
      }))
    )
    const client = await HdndClient.open({ store: failing })
    const err = await client.upsert(structure).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Errors.StoreError)
    expect((err as Errors.StoreError).message).toBe("upsert: đĩa đầy / disk full")
    const defect = await client.get("councils", "c14").catch((e: unknown) => e)
    expect(defect).toBeInstanceOf(Errors.StoreError)
    expect((defect as Errors.StoreError).code).toBe("hdnd/store/unexpected-failed")
    expect((defect as Errors.StoreError).cause).toBeInstanceOf(TypeError)
    expect(((defect as Errors.StoreError).cause as TypeError).message).toBe("boom")
    expect((defect as Errors.StoreError).en).toContain("boom")
    const notFound = await (await HdndClient.open()).get("councils", "nope").catch((e: unknown) => e)
    expect(notFound).toBeInstanceOf(Errors.NotFoundError)
    const decodeError = await client.tabulate({ indicators: [] }).catch((e: unknown) => e)
    expect(decodeError).toBeInstanceOf(Errors.DecodeError)
    await client.close()
  })

  it("rejects duplicate ids with different content in one batch", async () => {
    const client = await HdndClient.open()
    const input = clone()
    input.activities = [input.activities[0], { ...input.activities[0], title: "Khác" }]
    const err = (await client.load(input).catch((e: unknown) => e)) as Errors.ValidationError
    expect(err.problems.map((p) => p.code)).toContain("duplicate-id")
    await client.close()
  })
})
