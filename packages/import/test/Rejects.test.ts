/**
 * A rejects file can be corrected and imported again as it is (issue #16): every rejected row —
 * rejected while decoding, or by cross-record validation (a duplicate id, an organ not valid on the
 * date) — is written with its original cells in its source's own columns, plus error columns the
 * importer ignores; the bad cells are fixed in the text, and the same file then imports with nothing
 * rejected. Any cell text reads back exactly (NFC), whatever it starts with.
 */
import { Dataset, MemoryStore, Store } from "@hdnd/core"
import { Csv, Import, Rejects, Rows } from "@hdnd/import"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { collect } from "./utils/collect.js"
import { structure } from "./utils/fixture.js"

const structureFiles = Dataset.entityKinds
  .filter((k) => (structure[k]?.length ?? 0) > 0)
  .map((k) => ({ name: `${k}.csv`, data: Rows.toCsv(k, structure[k] as ReadonlyArray<unknown>) }))

const HEADER = "Mã;HĐND;Loại hoạt động;Cơ quan chủ trì;Từ ngày;Kỳ họp;Nội dung;Đối tượng thẩm tra"
const row = (id: string, date: string, content = `Thẩm tra ${id}`, session = "Kỳ họp thứ 7") =>
  `${id};HĐND tỉnh Sơn La;thẩm tra;Ban Pháp chế;${date};${session};${content};dự thảo nghị quyết`

describe("Rejects", () => {
  it("writes every rejected row (decoding and cross-record validation) that, once corrected, imports again as it is", async () => {
    const runtime = ManagedRuntime.make(MemoryStore.layer())
    const run = <A, E>(effect: Effect.Effect<A, E, Store.Store>) => runtime.runPromise(effect)
    await run(Import.run(structureFiles))
    const rejections: Array<Import.Rejection> = []
    const lines = [
      row("a1", "10/07/2023"),
      row("a2", "32/13/2023", 'Nội dung có "nháy", dấu phẩy'), // a bad date (decoding)
      row("a3", "10/07/2023", "=1+2 công thức"),
      row("a4", "31/02/2023", "-giảm"), // a bad date (decoding)
      row("a5", "19/07/2023", "@x", "Kỳ họp thứ 99"), // an unknown session (decoding)
      row("a6", "10/07/2023", "lần một"), // the same id twice (cross-record)
      row("a6", "11/07/2023", "lần hai"),
      row("a7", "10/01/2019") // the organ was not in office then (cross-record)
    ]
    const file = { name: "hoat-dong.csv", data: `${HEADER}\n${lines.join("\n")}\n` }
    const first = await run(Import.run([file], { mode: "skip-invalid", onRejected: (r) => Effect.sync(() => void rejections.push(r)) }))
    expect(first).toMatchObject({ rows: 8, rejected: 6, inserted: 2 })
    expect(rejections.filter((r) => r.rejected.cells === undefined).map((r) => r.rejected.row)).toEqual([7, 8, 9])
    const filled = await Rejects.fill(rejections, [file])
    const { groups, left } = Rejects.toCsv(filled)
    expect(left).toEqual([])
    expect(groups.map((g) => [g.file, g.rows])).toEqual([["hoat-dong.csv", 6]])
    const text = groups[0]!.text
    const header = text.replace(/^\uFEFF/, "").split("\r\n")[0]!
    expect(header).toBe([...HEADER.split(";"), ...Rejects.ERROR_HEADERS].join(","))
    // The rows in source order, with their source rows in the error columns.
    const read = await collect(Csv.read({ name: "x.csv", data: text }))
    const rows = read.flatMap((i) => (i._tag === "Row" ? [i.cells] : []))
    expect(rows.map((cells) => cells[0]!.value)).toEqual(["a2", "a4", "a5", "a6", "a6", "a7"])
    expect(rows.map((cells) => cells.find((c) => c.header === "Dòng gốc / Source row")!.value)).toEqual(["3", "5", "6", "7", "8", "9"])
    expect(rows[2]!.find((c) => c.header === "Lỗi (tiếng Anh) / Problems (English)")!.value).toContain('no session "Kỳ họp thứ 99"')
    // Formula-looking cells are guarded in the file.
    expect(text).toContain(",'-giảm,")
    expect(text).toContain(",'@x,")
    // The clerk fixes the cells the errors point at, and saves the file as it is, error columns included.
    const fixed = text
      .replace("32/13/2023", "12/07/2023")
      .replace("31/02/2023", "28/02/2023")
      .replace("Kỳ họp thứ 99", "Kỳ họp thứ 7")
      .replace("a6,HĐND tỉnh Sơn La,thẩm tra,Ban Pháp chế,11/07/2023", "a6b,HĐND tỉnh Sơn La,thẩm tra,Ban Pháp chế,11/07/2023")
      .replace("10/01/2019", "10/01/2023")
    const again = await run(Import.run([{ name: "hoat-dong-loi.csv", data: fixed }], { mode: "all-or-nothing" }))
    expect(again).toMatchObject({ rejected: 0, problemCount: 0, committed: true, inserted: 6 })
    const stored = await run(Effect.flatMap(Store.Store, (s) => s.count("activities")))
    expect(stored).toBe(8)
    const titles = await run(Effect.flatMap(Store.Store, (s) => s.get("activities", "a4" as never)))
    expect((titles as { title: string }).title).toBe("-giảm")
    await runtime.dispose()
  })

  it("rows of a JSON source are written under the entity's canonical headers, and import again as they are", async () => {
    const runtime = ManagedRuntime.make(MemoryStore.layer())
    const run = <A, E>(effect: Effect.Effect<A, E, Store.Store>) => runtime.runPromise(effect)
    await run(Import.run(structureFiles))
    const keys = HEADER.split(";")
    const record = (line: string) => Object.fromEntries(line.split(";").map((v, i) => [keys[i], v]))
    const data = JSON.stringify([row("j1", "10/07/2023"), row("j2", "32/13/2023", "=công thức"), row("j3", "10/01/2019")].map(record))
    const rejections: Array<Import.Rejection> = []
    const file = { name: "hoat-dong.json", data }
    const first = await run(Import.run([file], { mode: "skip-invalid", onRejected: (r) => Effect.sync(() => void rejections.push(r)) }))
    expect(first).toMatchObject({ rows: 3, rejected: 2, inserted: 1 })
    const { groups, left } = Rejects.toCsv(await Rejects.fill(rejections, [file]))
    expect(left).toEqual([])
    expect(groups).toHaveLength(1)
    expect(groups[0]!.file).toBeUndefined()
    const header = groups[0]!.text.replace(/^\uFEFF/, "").split("\r\n")[0]!.split(",")
    // Every column of the format, in its canonical order, then the error columns.
    expect(header.slice(0, 3)).toEqual(["Mã", "HĐND", "Loại hoạt động"])
    expect(header.slice(-Rejects.ERROR_HEADERS.length)).toEqual([...Rejects.ERROR_HEADERS])
    expect(groups[0]!.text).toContain("'=công thức")
    const fixed = groups[0]!.text.replace("32/13/2023", "12/07/2023").replace("10/01/2019", "10/01/2023")
    const again = await run(Import.run([{ name: "hoat-dong-loi.csv", data: fixed }]))
    expect(again).toMatchObject({ rejected: 0, committed: true, inserted: 2 })
    expect(((await run(Effect.flatMap(Store.Store, (s) => s.get("activities", "j2" as never)))) as { title: string }).title).toBe("=công thức")
    await runtime.dispose()
  })

  it("property: any cell text reads back from the rejects file exactly (NFC), whatever it starts with", async () => {
    const head = fc.constantFrom("=", "+", "-", "@", "'", "\t", "\r", " ", "", "''", "'=", "-5", "1.044")
    const body = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.constantFrom("Khảo sát", "Ho\u0323i \u0111o\u0302\u0300ng", "tha\u0302\u0309m tra", "SUM(A1)", '"quoted", comma', "line\nbreak", "a;b")
    )
    const cell = fc.tuple(head, body).map(([h, b]) => `${h}${b}`.replaceAll("\uFEFF", ""))
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), async (table) => {
        const headers = ["Mã", "Nội dung", "Ghi chú"]
        const rejections: Array<Import.Rejection> = table.map((values, i) => ({
          rejected: {
            _tag: "Rejected",
            kind: "activities",
            file: "hoat-dong.csv",
            row: i + 2,
            fatal: false,
            problems: [],
            cells: values.map((value, j) => ({ column: String.fromCharCode(65 + j), header: headers[j]!, value }))
          }
        }))
        const { groups } = Rejects.toCsv(rejections)
        const read = await collect(Csv.read({ name: "loi.csv", data: groups[0]!.text }))
        const rows = read.flatMap((i) => (i._tag === "Row" ? [i.cells.slice(0, 3).map((c) => c.value)] : []))
        // No row is blank (its error columns name the source file), so every row reads back.
        expect(rows).toEqual(table.map((values) => values.map((v) => v.normalize("NFC"))))
      }),
      { numRuns: 200 }
    )
  })
})
