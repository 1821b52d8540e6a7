import { Dataset, MemoryStore, Store } from "@hdnd/core"
import { Csv, Decode, HeaderMapping, Import, Interchange, Rows } from "@hdnd/import"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { collect, problemLines } from "./utils/collect.js"
import { dataset, structure } from "./utils/fixture.js"

/** A province's activity log and its mapping to the interchange headers. */
const LOG: HeaderMapping.HeaderMapping = {
  id: "tinh-mau/hoat-dong",
  entity: "activities",
  columns: {
    "Số hồ sơ": "Mã",
    "Đơn vị HĐND": "HĐND",
    "Hình thức": "Loại hoạt động",
    "Ban thực hiện": "Cơ quan chủ trì",
    "Ngày thực hiện": "Từ ngày",
    "Trình kỳ họp": "Kỳ họp",
    "Tên nội dung": "Nội dung",
    "Loại văn bản": "Đối tượng thẩm tra"
  }
}
const LOG_HEADER = "Số hồ sơ;Đơn vị HĐND;Hình thức;Ban thực hiện;Ngày thực hiện;Trình kỳ họp;Tên nội dung;Loại văn bản"
const logRow = (id: string, date = "10/07/2023") => `${id};HĐND tỉnh Sơn La;thẩm tra;Ban Pháp chế;${date};Kỳ họp thứ 7;Thẩm tra ${id};dự thảo nghị quyết`
/** Another province's mapping of tallies, to be told apart from the log. */
const TALLIES: HeaderMapping.HeaderMapping = {
  id: "tinh-khac/so-lieu",
  entity: "tallies",
  columns: { "Mã số": "Mã", "Đơn vị HĐND": "HĐND", "Tiêu chí": "Chỉ tiêu", "Từ": "Từ ngày", "Đến": "Đến ngày", "Giá trị": "Số liệu" }
}

const csv = (name: string, text: string) => Csv.read({ name, data: text })
const decode = (name: string, text: string, options: Omit<Decode.DecodeOptions, "dataset"> = {}) => collect(Decode.decode(csv(name, text), { dataset, ...options }))
const plain = (items: ReadonlyArray<Decode.Decoded>) =>
  items.map((d) => (d._tag === "Record" ? { kind: d.kind, row: d.row, record: JSON.parse(JSON.stringify(d.record)) } : { row: d.row, fatal: d.fatal }))

describe("HeaderMapping", () => {
  it("renames the headers it names (whatever their case and diacritics), keeps the others and their columns", () => {
    expect(HeaderMapping.rename(LOG, "NGAY THUC HIEN")).toBe("Từ ngày")
    expect(HeaderMapping.rename(LOG, "ngày thực hiện *")).toBe("Từ ngày")
    expect(HeaderMapping.rename(LOG, "Nguồn")).toBe("Nguồn")
    expect(HeaderMapping.renameAll(LOG, [{ column: "A", header: "Số hồ sơ" }, { column: "B", header: "Nguồn" }])).toEqual([
      { column: "A", header: "Mã" },
      { column: "B", header: "Nguồn" }
    ])
  })

  it("covers a source when it names every header; fitting keeps those of the entity", () => {
    const headers = LOG_HEADER.split(";")
    expect(HeaderMapping.covers(LOG, headers)).toBe(true)
    expect(HeaderMapping.covers(LOG, [...headers, ""])).toBe(true)
    expect(HeaderMapping.covers(LOG, [...headers, "Nguồn"])).toBe(false)
    expect(HeaderMapping.covers(LOG, [])).toBe(false)
    expect(HeaderMapping.fitting([LOG, TALLIES], ["Đơn vị HĐND"]).map((m) => m.id)).toEqual([LOG.id, TALLIES.id])
    expect(HeaderMapping.fitting([LOG, TALLIES], ["Đơn vị HĐND"], "tallies").map((m) => m.id)).toEqual([TALLIES.id])
  })
})

describe("Decode with a header mapping", () => {
  it("`mapping` reads the province's headers as interchange headers and gives the entity", async () => {
    const out = await decode("so-theo-doi.csv", `${LOG_HEADER}\n${logRow("m1")}\n`, { mapping: LOG })
    expect(plain(out)).toEqual([
      {
        kind: "activities",
        row: 2,
        record: { id: "m1", council: "hdnd-tinh-son-la", kind: "review", owner: "sl.ban-phap-che", organisers: ["sl.ban-phap-che"], date: { from: "2023-07-10" }, session: "sl.ky-hop-7", title: "Thẩm tra m1", subject: "draft-resolution" }
      }
    ])
    const accepted = out[0]
    // The columns of the source keep the file's own headers (to place later validation problems).
    expect(accepted?._tag === "Record" && accepted.columns.get("date.from")).toEqual({ column: "E", header: "Ngày thực hiện" })
  })

  it("a problem names the file's own header and column", async () => {
    const out = await decode("so-theo-doi.csv", `${LOG_HEADER}\n${logRow("m2", "32/13/2023")}\n`, { mapping: LOG })
    expect(problemLines(out)).toEqual(["2:E date.from import.invalid-date", "2:F session import.ambiguous-reference"])
    const problem = out[0]?._tag === "Rejected" ? out[0].problems[0] : undefined
    expect(problem?.header).toBe("Ngày thực hiện")
    expect(problem?.describe("en")).toMatch(/^so-theo-doi\.csv:2:E \(Ngày thực hiện\): /)
  })

  it("a header the mapping turns into no interchange column is reported at the file's header, naming the mapping", async () => {
    const broken = { ...LOG, columns: { ...LOG.columns, "Tên nội dung": "Tiêu đề lạ" } }
    const out = await decode("so-theo-doi.csv", `${LOG_HEADER}\n${logRow("m3")}\n`, { mapping: broken })
    const problem = out[0]?._tag === "Rejected" ? out[0].problems.find((p) => p.code === "import.unknown-header") : undefined
    expect(problem?.header).toBe("Tên nội dung")
    expect(problem?.column).toBe("G")
    expect(problem?.en).toContain(`the file's header "Tên nội dung", by the mapping ${LOG.id}`)
  })

  it("`mappings`: the only one that names every header is used; with several, the error lists them", async () => {
    const text = `${LOG_HEADER}\n${logRow("m4")}\n`
    const found = await decode("so-theo-doi.csv", text, { mappings: [TALLIES, LOG] })
    expect(plain(found).map((d) => ("kind" in d ? [d.kind, d.record.id] : d))).toEqual([["activities", "m4"]])
    // The file name tells the entity: only a mapping of that entity is tried.
    const named = await decode("hoat-dong.csv", text, { mappings: [TALLIES, LOG] })
    expect(plain(named).map((d) => ("kind" in d ? d.record.id : d))).toEqual(["m4"])
    const twice = await decode("so-theo-doi.csv", text, { mappings: [LOG, { ...LOG, id: "tinh-mau/ban-sao" }] })
    const problem = twice[0]?._tag === "Rejected" ? twice[0].problems[0] : undefined
    expect(problem?.code).toBe("import.unknown-entity")
    expect(problem?.en).toContain("several mappings fit the headers: tinh-mau/hoat-dong, tinh-mau/ban-sao")
  })

  it("`mappings` leave interchange headers alone", async () => {
    const interchange = "Mã;HĐND;Loại hoạt động;Cơ quan chủ trì;Từ ngày;Kỳ họp;Nội dung;Đối tượng thẩm tra"
    // A mapping that would read "Từ ngày" as the last day: not used, the headers are interchange ones.
    const odd: HeaderMapping.HeaderMapping = { id: "x/y", entity: "activities", columns: Object.fromEntries(interchange.split(";").map((h) => [h, h === "Từ ngày" ? "Đến ngày" : h])) }
    const out = await decode("so-theo-doi.csv", `${interchange}\n${logRow("m5")}\n`, { mappings: [odd] })
    expect(plain(out).map((d) => ("kind" in d ? d.record.date : d))).toEqual([{ from: "2023-07-10" }])
  })
})

describe("Import.run with a header mapping", () => {
  it("imports the province's file into the store; problems name its headers", async () => {
    const runtime = ManagedRuntime.make(MemoryStore.layer())
    try {
      const structureFiles = Dataset.entityKinds
        .filter((k) => (structure[k]?.length ?? 0) > 0)
        .map((k) => ({ name: `${k}.csv`, data: Rows.toCsv(k, structure[k] as ReadonlyArray<unknown>) }))
      await runtime.runPromise(Import.run(structureFiles))
      const log = { name: "so-theo-doi.csv", data: `${LOG_HEADER}\n${logRow("m6")}\n${logRow("m7")}\n` }
      const summary = await runtime.runPromise(Import.run([log], { mappings: [TALLIES, LOG] }))
      expect(summary.problems.map((p) => p.describe("en"))).toEqual([])
      expect(summary).toMatchObject({ committed: true, inserted: 2, rejected: 0 })
      expect(await runtime.runPromise(Effect.flatMap(Store.Store, (s) => s.count("activities")))).toBe(2)
      const bad = { name: "so-theo-doi.csv", data: `${LOG_HEADER}\n${logRow("m8", "32/13/2023")}\n` }
      const rejected = await runtime.runPromise(Import.run([bad], { mapping: LOG }))
      expect(rejected.committed).toBe(false)
      expect(rejected.problems[0]).toMatchObject({ row: 2, column: "E", header: "Ngày thực hiện", field: "date.from" })
    } finally {
      await runtime.dispose()
    }
  })
})

// ---------------------------------------------------------------------------------------------
// The law: renaming with a mapping, then decoding, is decoding the file written with interchange
// headers. Same records, same rejected rows with the same problems at the same places; and every
// problem of the renamed file names the file's own header.

const ACTIVITY_COLUMNS = Interchange.entities.activities.columns.filter((c) => c.type !== "attribute")
const INTERCHANGE_KEYS = Interchange.headerIndex("activities")

const WORDS = ["Sổ", "ghi", "chép", "Ngày", "tháng", "cột", "Ban", "số", "thứ", "tự", "Đơn", "vị", "nội", "dung", "X", "1", "2", "hồ", "sơ"]
/** A province's header: a few words, none of which spell an interchange header of activities. */
const provinceHeaderArb = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
  .map((w) => `${w.join(" ")} (tỉnh)`)
  .filter((h) => !INTERCHANGE_KEYS.has(Interchange.headerKey(h)))

const stripMarks = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replaceAll("đ", "d").replaceAll("Đ", "D")
/** The same header as a person might type it: another case, without diacritics, with spaces. */
const respellArb = (h: string) => fc.constantFrom(h, h.toUpperCase(), stripMarks(h), ` ${h.toLowerCase()} `)

/** Values a cell may hold: the column's example (valid with the fixture), nothing, or junk. */
const valueArb = (c: Interchange.Column) => fc.oneof({ weight: 5, arbitrary: fc.constant(c.example) }, { weight: 1, arbitrary: fc.constantFrom("", "32/13/2023", "khong-co", "Ban Pháp") })

const field = (v: string) => (/[",\n;]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
const line = (cells: ReadonlyArray<string>) => cells.map(field).join(";")

interface Case {
  readonly columns: ReadonlyArray<{ readonly interchange: string; readonly province: string | undefined; readonly inFile: string }>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
}

const caseArb: fc.Arbitrary<Case> = fc
  .tuple(
    fc.shuffledSubarray(ACTIVITY_COLUMNS.filter((c) => !c.required), { maxLength: 6 }),
    fc.subarray(ACTIVITY_COLUMNS.filter((c) => c.required), { minLength: ACTIVITY_COLUMNS.filter((c) => c.required).length - 1 })
  )
  .chain(([optional, required]) => {
    const chosen = [...required, ...optional]
    return fc.record({
      headers: fc.tuple(...chosen.map((c) => fc.constantFrom(c.vi, c.en, ...c.aliases))),
      province: fc.uniqueArray(fc.option(provinceHeaderArb, { freq: 4 }), {
        minLength: chosen.length,
        maxLength: chosen.length,
        selector: (h) => (h === null ? Symbol() : Interchange.headerKey(h))
      }),
      rows: fc.array(fc.tuple(...chosen.map(valueArb)), { minLength: 1, maxLength: 4 })
    })
  })
  .chain(({ headers, province, rows }) =>
    fc.tuple(...headers.map((h, i) => (province[i] === null || province[i] === undefined ? fc.constant(h) : respellArb(province[i] as string)))).map(
      (inFile): Case => ({
        columns: headers.map((h, i) => ({ interchange: h, province: province[i] ?? undefined, inFile: inFile[i] as string })),
        rows
      })
    )
  )

const comparable = (items: ReadonlyArray<Decode.Decoded>) =>
  items.map((d) =>
    d._tag === "Record"
      ? { kind: d.kind, row: d.row, record: JSON.parse(JSON.stringify(d.record)) }
      : { row: d.row, fatal: d.fatal, problems: d.problems.map((p) => [p.row, p.column, p.field, p.code]) }
  )

describe("Decode with a header mapping (property)", () => {
  it("renaming then decoding equals decoding the file written with interchange headers", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const mapping: HeaderMapping.HeaderMapping = {
          id: "tinh-mau/tu-sinh",
          entity: "activities",
          columns: Object.fromEntries(c.columns.flatMap((col) => (col.province === undefined ? [] : [[col.province, col.interchange]])))
        }
        const body = c.rows.map(line).join("\n")
        const interchange = await decode("so.csv", `${line(c.columns.map((col) => col.interchange))}\n${body}\n`, { entity: "activities" })
        const renamed = await decode("so.csv", `${line(c.columns.map((col) => col.inFile))}\n${body}\n`, { mapping })
        expect(comparable(renamed)).toEqual(comparable(interchange))
        // Every problem at a column names the file's own header there.
        const own = new Map(c.columns.map((col, i) => [String.fromCharCode(65 + i), col.inFile.trim()]))
        for (const d of renamed) {
          if (d._tag !== "Rejected") continue
          for (const p of d.problems) if (p.column !== undefined && p.header !== undefined) expect(p.header.trim()).toBe(own.get(p.column))
        }
      }),
      { numRuns: 150 }
    )
  })
})
