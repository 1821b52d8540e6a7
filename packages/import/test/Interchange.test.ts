import { Dataset } from "@hdnd/core"
import { Interchange, Vocabulary } from "@hdnd/import"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"

const headers = (...names: ReadonlyArray<string>) => names.map((header, i) => ({ column: String.fromCharCode(65 + i), header }))

describe("Interchange", () => {
  it("gives every entity of the core model a format, and no header names two columns of one entity", () => {
    expect(Object.keys(Interchange.entities).sort()).toEqual([...Dataset.entityKinds].sort())
    for (const kind of Dataset.entityKinds) {
      const seen = new Map<string, string>()
      for (const c of Interchange.entities[kind].columns) {
        for (const h of [c.en, c.vi, ...c.aliases]) {
          const key = Interchange.headerKey(h)
          const before = seen.get(key)
          expect(before === undefined || before === c.field, `${kind}: "${h}" is used by ${before} and ${c.field}`).toBe(true)
          seen.set(key, c.field)
        }
      }
    }
  })

  it("matches Vietnamese and English headers regardless of case, diacritics, spacing and punctuation", () => {
    const col = (h: string) => Interchange.columnOf("activities", h)?.field
    expect(col("Loại hoạt động")).toBe("kind")
    expect(col("loai hoat dong")).toBe("kind")
    expect(col("  LOẠI   HOẠT ĐỘNG ")).toBe("kind")
    expect(col("Loại hoạt động".normalize("NFD"))).toBe("kind")
    expect(col("kind")).toBe("kind")
    expect(col("Ngày")).toBe("date.from")
    expect(col("Từ ngày")).toBe("date.from")
    expect(col("Đến ngày")).toBe("date.to")
    expect(col("date.from")).toBe("date.from")
    expect(col("Cơ quan chủ trì")).toBe("organisers")
    expect(col("Cơ quan thực hiện")).toBe("organisers")
    expect(col("Thuộc thẩm quyền của")).toBe("owner")
    expect(col("Kỳ họp")).toBe("session")
    expect(col("HĐND")).toBe("council")
    expect(col("Nội dung")).toBe("title")
    expect(col("Tên hoạt động")).toBe("title")
    expect(col("Số, ký hiệu")).toBe("documentRef")
    expect(col("Số ký hiệu")).toBe("documentRef")
    expect(col("Nguồn")).toBe("source")
    expect(col("Đối tượng thẩm tra")).toBe("subject")
    expect(col("Hình thức giám sát")).toBe("mode")
    expect(col("Nguồn gốc")).toBe("origin")
    expect(col("Số lượt chất vấn")).toBe("attributes.questions")
    expect(col("attributes.custom")).toBe("attributes.custom")
    expect(col("Mã*")).toBe("id")
    expect(Interchange.columnOf("tallies", "Chỉ tiêu")?.field).toBe("indicator")
    expect(Interchange.columnOf("tallies", "Số liệu")?.field).toBe("value")
    expect(Interchange.columnOf("tallies", "Mức độ")?.field).toBe("qualifier")
    expect(Interchange.columnOf("units", "Mã ĐVHC")?.field).toBe("code")
    expect(Interchange.columnOf("units", "validity.from")?.field).toBe("validity.from")
  })

  it("rejects an unknown header listing the accepted ones, a column given twice, and a missing required column", () => {
    const { columns, problems } = Interchange.matchHeaders("activities", headers("Mã", "Loại hoạt động", "Ngày", "Cơ quan chủ trì", "Cơ quan thực hiện", "Ngay bat dau nhe"))
    expect(columns.map((c) => c?.field)).toEqual(["id", "kind", "date.from", "organisers", undefined, undefined])
    expect(problems.map((p) => [p.column, p.code, p.field])).toEqual([
      ["E", "import.duplicate-column", "organisers"],
      ["F", "import.unknown-header", ""],
      ["", "import.missing-column", "council"],
      ["", "import.missing-column", "title"]
    ])
    const unknown = problems.find((p) => p.code === "import.unknown-header")
    expect(unknown?.vi).toContain('"Loại hoạt động" / "kind"')
    expect(unknown?.en).toContain('"Cơ quan chủ trì" / "organisers"')
    expect(Interchange.matchHeaders("activities", headers("Mã", "Loại", "Cơ quan chủ trì", "Ngày", "Nội dung"), { council: true }).problems).toEqual([])
  })

  it("lets a source leave out a required column only as its flags say: requiredUnless's column is there, or a defaultable field has the import's default", () => {
    const flagged: Array<string> = []
    for (const kind of Dataset.entityKinds) {
      const all = Interchange.entities[kind].columns
      for (const c of all.filter((c) => c.required)) {
        if (c.requiredUnless !== undefined) flagged.push(`${kind}.${c.field} unless ${c.requiredUnless}`)
        if (c.defaultable === true) flagged.push(`${kind}.${c.field} defaultable`)
        const others = all.filter((o) => o.field !== c.field && (o.field !== c.requiredUnless || o.required))
        const missing = (hs: ReadonlyArray<Interchange.Column>, defaults: { readonly council?: boolean }) =>
          Interchange.matchHeaders(kind, headers(...hs.map((o) => o.vi)), defaults).problems.map((p) => `${p.code} ${p.field}`)
        // Without the column: missing, however the import is made, unless a flag excuses it.
        expect(missing(others, {}), `${kind}.${c.field}`).toEqual([`import.missing-column ${c.field}`])
        expect(missing(others, { council: true }), `${kind}.${c.field}`).toEqual(c.defaultable === true ? [] : [`import.missing-column ${c.field}`])
        if (c.requiredUnless !== undefined) {
          const by = all.find((o) => o.field === c.requiredUnless) as Interchange.Column
          expect(missing([...others.filter((o) => o !== by), by], {}), `${kind}.${c.field}`).toEqual([])
        }
      }
    }
    expect(flagged.sort()).toEqual([
      ...["activities", "organs", "programmes", "recommendations", "sessions", "meetings", "tallies", "terms", "resolutions", "documents"].map((k) => `${k}.council defaultable`),
      "meetings.ordinal unless label",
      "sessions.ordinal unless label"
    ].sort())
  })

  it("tells the entity from a file or sheet name", () => {
    expect(Interchange.entityOfName("hoat-dong.csv")).toBe("activities")
    expect(Interchange.entityOfName("Hoạt động 2023.xlsx")).toBe("activities")
    expect(Interchange.entityOfName("activities.csv")).toBe("activities")
    expect(Interchange.entityOfName("Kỳ họp")).toBe("sessions")
    expect(Interchange.entityOfName("phien-hop.csv")).toBe("meetings")
    expect(Interchange.entityOfName("so-lieu-tong-hop.csv")).toBe("tallies")
    expect(Interchange.entityOfName("don-vi-hanh-chinh.csv")).toBe("units")
    expect(Interchange.entityOfName("Sheet1")).toBeUndefined()
    expect(Interchange.entityOfName("bao-cao.csv")).toBeUndefined()
    // A path: only the file's own name counts, not its folders.
    expect(Interchange.entityOfName("/tmp/hdnd-2023/don-vi.csv")).toBe("units")
    expect(Interchange.entityOfName("C:\\Số liệu\\hoat-dong.xlsx")).toBe("activities")
    expect(Interchange.entityOfName("don-vi/bao-cao.csv")).toBeUndefined()
  })

  it("tells the entity from the headers when only one fits", () => {
    expect(Interchange.entityOfHeaders(["Mã", "Mã ĐVHC", "Tên", "Loại đơn vị", "Từ ngày"])).toEqual(Result.succeed("units"))
    expect(Interchange.entityOfHeaders(["Mã", "HĐND", "Chỉ tiêu", "Từ ngày", "Đến ngày", "Số liệu"])).toEqual(Result.succeed("tallies"))
    expect(Result.isFailure(Interchange.entityOfHeaders(["Mã", "Tên"]))).toBe(true)
  })
})

describe("Vocabulary", () => {
  it("accepts codes and Vietnamese labels", () => {
    const code = (name: Vocabulary.VocabularyName, s: string) => Vocabulary.lookup(name, s)?.code
    expect(code("reviewSubject", "dự thảo nghị quyết")).toBe("draft-resolution")
    expect(code("reviewSubject", "Dự thảo Nghị quyết")).toBe("draft-resolution")
    expect(code("reviewSubject", "draft-resolution")).toBe("draft-resolution")
    expect(code("reviewSubject", "tờ trình")).toBe("submission")
    expect(code("supervisionMode", "chuyên đề")).toBe("thematic")
    expect(code("supervisionMode", "định kỳ")).toBe("periodic")
    expect(code("supervisionMode", "thường xuyên")).toBe("ongoing")
    expect(code("advisoryOrigin", "phát sinh giữa hai kỳ họp")).toBe("inter-session")
    expect(code("advisoryOrigin", "theo sự phân công của Thường trực")).toBe("assigned-by-standing")
    expect(code("sessionType", "thường lệ")).toBe("regular")
    expect(code("sessionType", "chuyên đề")).toBe("chuyen-de")
    expect(code("sessionType", "bất thường")).toBe("bat-thuong")
    expect(code("sessionType", "Kỳ họp giải quyết công việc phát sinh đột xuất")).toBe("phat-sinh-dot-xuat")
    expect(code("resolutionKind", "QPPL")).toBe("normative")
    expect(code("unitType", "thị xã")).toBe("thi-xa")
    expect(code("unitType", "Thành phố thuộc tỉnh")).toBe("thanh-pho-thuoc-tinh")
    expect(code("organKind", "Thường trực")).toBe("standing")
    expect(code("qualifier", "khoảng")).toBe("about")
    expect(code("reviewSubject", "nghị định")).toBeUndefined()
  })
})
