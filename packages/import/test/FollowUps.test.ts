import { Dataset, Registry, Validation } from "@hdnd/core"
import { Csv, Decode, Interchange, Json, Resolve, SourceRow, Vocabulary } from "@hdnd/import"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { collect, problemLines } from "./utils/collect.js"
import { dataset } from "./utils/fixture.js"

const csv = (name: string, text: string) => Csv.read({ name, data: text })
const decode = (items: AsyncIterable<SourceRow.SourceItem>, options: Decode.DecodeOptions = { dataset }) => collect(Decode.decode(items, options))
const plain = (items: ReadonlyArray<Decode.Decoded>) => items.flatMap((d) => (d._tag === "Record" ? [JSON.parse(JSON.stringify(d.record)) as unknown] : []))
const kinds = (items: ReadonlyArray<Decode.Decoded>) => items.map((d) => (d._tag === "Record" ? d.kind : d._tag))
const problems = (items: ReadonlyArray<Decode.Decoded>) => items.flatMap((d) => (d._tag === "Rejected" ? d.problems : []))

const RECOMMENDATION_VI =
  "Mã;HĐND;Loại;Cơ quan kiến nghị;Hoạt động;Kỳ họp;Ngày tiếp nhận;Nội dung;Lĩnh vực;Cấp giải quyết;Loại cơ quan nhận;Cơ quan nhận;Cơ quan nhận thuộc HĐND;Ngày chuyển;Hạn trả lời;Gộp vào;Nguồn;Ghi chú"
const RECOMMENDATION_EN =
  "id,council,kind,raisedBy,activity,session,raisedOn,content,field,level,addresseeKind,addressee,addresseeOrgan,forwardedOn,deadline,mergedInto,source,note"

/** The recommendation of the first rows below, as the core encodes it. */
const KN1 = {
  id: "kn1",
  council: "hdnd-tinh-son-la",
  kind: "recommendation",
  raisedBy: "tp.ban-phap-che",
  session: "sl.ky-hop-7",
  raisedOn: "2023-07-05",
  content: "Đề nghị bố trí kinh phí sửa chữa trụ sở tiếp công dân",
  field: "Tài chính – Ngân sách",
  level: "province",
  addressee: { kind: "people-committee", name: "UBND tỉnh Sơn La" },
  forwardedOn: "2023-07-10",
  deadline: "2023-08-10",
  source: "Hội nghị giao ban"
}

describe("recommendations (kien-nghi)", () => {
  it("decode from Vietnamese headers and labels; an organ of another council is named with its council", async () => {
    const out = await decode(csv("kien-nghi.csv", [
      RECOMMENDATION_VI,
      "kn1;HĐND tỉnh Sơn La;kiến nghị;Ban Pháp chế HĐND thành phố Sơn La;;Kỳ họp thứ 7;05/07/2023;Đề nghị bố trí kinh phí sửa chữa trụ sở tiếp công dân;Tài chính – Ngân sách;cấp tỉnh;Ủy ban nhân dân;UBND tỉnh Sơn La;;10/07/2023;10/08/2023;;Hội nghị giao ban;",
      "kn2;HĐND tỉnh Sơn La;Đề xuất;Ban Pháp chế;sl-2023-001;;12/07/2023;Đề nghị Ban Kinh tế – Ngân sách giám sát;Tài chính – Ngân sách;Cấp tỉnh;Ban của HĐND;Ban Kinh tế – Ngân sách;Ban Kinh tế – Ngân sách;;;;;Ghi chú",
      "kn3;HĐND tỉnh Sơn La;ý kiến, kiến nghị của cử tri;;;;20/06/2023;Sửa đường vào bản Co Muông;Giao thông;cap xa;SO, NGANH;Sở Giao thông vận tải;;;;kn1;TXCT tại xã Chiềng Cơi;"
    ].join("\n")))
    expect(problemLines(out)).toEqual([])
    expect(kinds(out)).toEqual(["recommendations", "recommendations", "recommendations"])
    expect(plain(out)).toEqual([
      KN1,
      {
        id: "kn2", council: "hdnd-tinh-son-la", kind: "proposal", raisedBy: "sl.ban-phap-che", activity: "sl-2023-001", raisedOn: "2023-07-12",
        content: "Đề nghị Ban Kinh tế – Ngân sách giám sát", field: "Tài chính – Ngân sách", level: "province",
        addressee: { kind: "committee", name: "Ban Kinh tế – Ngân sách", organ: "sl.ban-ktns" }, note: "Ghi chú"
      },
      {
        id: "kn3", council: "hdnd-tinh-son-la", kind: "voter-petition", raisedOn: "2023-06-20", content: "Sửa đường vào bản Co Muông", field: "Giao thông",
        level: "commune", addressee: { kind: "department", name: "Sở Giao thông vận tải" }, mergedInto: "kn1", source: "TXCT tại xã Chiềng Cơi"
      }
    ])
  })

  it("decode from English headers, codes and English labels", async () => {
    const out = await decode(csv("recommendations.csv", [
      RECOMMENDATION_EN,
      "kn1,hdnd-tinh-son-la,recommendation,tp.ban-phap-che,,sl.ky-hop-7,2023-07-05,Đề nghị bố trí kinh phí sửa chữa trụ sở tiếp công dân,Tài chính – Ngân sách,provincial,People's Committee,UBND tỉnh Sơn La,,2023-07-10,2023-08-10,,Hội nghị giao ban,"
    ].join("\n")))
    expect(problemLines(out)).toEqual([])
    expect(plain(out)).toEqual([KN1])
  })

  it("report an unknown value at its cell, listing the accepted values; an ambiguous organ lists the candidates", async () => {
    const out = await decode(csv("kien-nghi.csv", [
      RECOMMENDATION_VI,
      "kn9;HĐND tỉnh Sơn La;kiến nghị;Ban Không Có;;;05/07/2023;Nội dung;Đất đai;cấp bộ;UBND;UBND tỉnh;;;;;;"
    ].join("\n")))
    expect(problemLines(out)).toEqual(["2:J level import.unknown-value", "2:D raisedBy import.unknown-reference"])
    const level = problems(out).find((p) => p.field === "level")
    expect(level?.header).toBe("Cấp giải quyết")
    expect(level?.vi).toBe(
      'giá trị "cấp bộ" không hợp lệ cho cột "Cấp giải quyết"; hãy dùng một trong: central ("Trung ương"), province ("cấp tỉnh"), district ("cấp huyện"), commune ("cấp xã")'
    )
    expect(level?.en).toContain('use one of: central ("central"), province ("provincial"), district ("district"), commune ("commune")')
    expect(level?.describe("en")).toMatch(/^kien-nghi\.csv:2:J \(Cấp giải quyết\): Recommendation "kn9" › level: /)
  })

  it("decode with the import's default council when the column is left out; a date or reference that is wrong is reported at its cell", async () => {
    const header = "Mã;Loại;Cơ quan kiến nghị;Kỳ họp;Ngày tiếp nhận;Nội dung;Lĩnh vực;Cấp giải quyết;Loại cơ quan nhận;Cơ quan nhận;Hạn trả lời"
    const out = await decode(csv("Kiến nghị 2023.csv", `${header}\nk1;kiến nghị;Ban Dân tộc;Kỳ họp thứ 99;01/07/2023;N;Đất đai;cấp huyện;Ủy ban nhân dân;UBND huyện;31/02/2023\n`), {
      dataset,
      council: "HĐND tỉnh Sơn La"
    })
    expect(problemLines(out)).toEqual(["2:K deadline import.invalid-date", "2:D session import.unknown-reference"])
  })
})

describe("responses (tra-loi) and evaluations (danh-gia)", () => {
  it("decode responses from Vietnamese and English headers; a malformed document number is reported at its cell", async () => {
    const vi = await decode(csv("tra-loi.csv", [
      "Mã;Kiến nghị;Ngày;Cơ quan trả lời;Số văn bản;Nội dung",
      "kn1.tl-1;kn1;15/08/2023;UBND tỉnh Sơn La;301/UBND-KT;Đã bố trí kinh phí",
      "kn1.tl-2;kn1;16/08/2023;UBND tỉnh Sơn La;301/ubnd;Đã bố trí kinh phí"
    ].join("\n")))
    expect(plain(vi)).toEqual([{ id: "kn1.tl-1", recommendation: "kn1", date: "2023-08-15", responder: "UBND tỉnh Sơn La", document: "301/UBND-KT", content: "Đã bố trí kinh phí" }])
    expect(problemLines(vi)).toEqual(["3:E document schema.refinement"])
    const en = await decode(csv("responses.csv", "id,recommendation,date,responder,document,content\nkn1.tl-1,kn1,2023-08-15,UBND tỉnh Sơn La,301/UBND-KT,Đã bố trí kinh phí\n"))
    expect(plain(en)).toEqual(plain(vi))
  })

  it("decode evaluations: result labels in any case, with or without diacritics; the evaluating organ by name", async () => {
    const header = "Mã;Kiến nghị;Trả lời;Ngày;Kết quả;Cơ quan đánh giá;Ghi chú"
    const rows = [
      "e1;kn1;kn1.tl-1;20/09/2023;đã giải quyết;Ban Kinh tế – Ngân sách;",
      "e2;kn1;kn1.tl-1;20/09/2023;Đang giải quyết;Thường trực HĐND tỉnh;",
      `e3;kn1;kn1.tl-1;20/09/2023;${"Đã giải trình".normalize("NFD")};;`,
      "e4;kn1;kn1.tl-1;20/09/2023;CHUA GIAI QUYET;Ban Pháp chế HĐND tỉnh Sơn La;Chờ vốn"
    ]
    const out = await decode(csv("danh-gia.csv", [header, ...rows].join("\n")))
    expect(problemLines(out)).toEqual([])
    expect(plain(out).map((e) => [(e as { status: string }).status, (e as { by?: string }).by])).toEqual([
      ["resolved", "sl.ban-ktns"],
      ["being-resolved", "sl.thuong-truc"],
      ["explained", undefined],
      ["not-resolved", "sl.ban-phap-che"]
    ])
    const en = await decode(csv("evaluations.csv", "id,recommendation,response,date,status,by,note\ne1,kn1,kn1.tl-1,2023-09-20,resolved,sl.ban-ktns,\n"))
    expect(plain(en)).toEqual([{ id: "e1", recommendation: "kn1", response: "kn1.tl-1", date: "2023-09-20", status: "resolved", by: "sl.ban-ktns" }])
  })

  it("report an unknown result listing the accepted values, and an organ name two councils share, unless the default council settles it", async () => {
    const text = "Mã;Kiến nghị;Trả lời;Ngày;Kết quả;Cơ quan đánh giá\ne1;kn1;kn1.tl-1;20/09/2023;xong rồi;Ban Pháp chế\n"
    const out = await decode(csv("danh-gia.csv", text))
    expect(problemLines(out)).toEqual(["2:E status import.unknown-value", "2:F by import.ambiguous-reference"])
    const [status, by] = problems(out)
    expect(status?.vi).toContain('hãy dùng một trong: resolved ("đã giải quyết"), being-resolved ("đang giải quyết"), explained ("đã giải trình, cung cấp thông tin"), not-resolved ("chưa giải quyết")')
    expect(by?.vi).toContain('"Ban Pháp chế" (tp.ban-phap-che) — HĐND thành phố Sơn La')
    const scoped = await decode(csv("danh-gia.csv", text.replace("xong rồi", "đã giải quyết")), { dataset, council: "HĐND thành phố Sơn La" })
    expect(plain(scoped).map((e) => (e as { by: string }).by)).toEqual(["tp.ban-phap-che"])
  })
})

describe("work programmes (chuong-trinh) and their items (noi-dung-chuong-trinh)", () => {
  it("decode programmes from Vietnamese and English headers", async () => {
    const want = {
      id: "ct1", council: "hdnd-tinh-son-la", organ: "sl.ban-phap-che", year: 2023, title: "Chương trình công tác năm 2023 của Ban Pháp chế",
      adoptedOn: "2022-12-20", document: "45/CTr-HĐND"
    }
    const vi = await decode(csv("chuong-trinh.csv", "Mã;HĐND;Cơ quan;Năm;Tên chương trình;Ngày ban hành;Số văn bản\nct1;HĐND tỉnh Sơn La;Ban Pháp chế;2023;Chương trình công tác năm 2023 của Ban Pháp chế;20/12/2022;45/CTr-HĐND\nct2;HĐND tỉnh Sơn La;Thường trực;2024;Chương trình năm 2024;;\n"))
    expect(problemLines(vi)).toEqual([])
    expect(plain(vi)).toEqual([want, { id: "ct2", council: "hdnd-tinh-son-la", organ: "sl.thuong-truc", year: 2024, title: "Chương trình năm 2024" }])
    const en = await decode(csv("programmes.csv", "id,council,organ,year,title,adoptedOn,document\nct1,hdnd-tinh-son-la,sl.ban-phap-che,2023,Chương trình công tác năm 2023 của Ban Pháp chế,2022-12-20,45/CTr-HĐND\n"))
    expect(plain(en)).toEqual([want])
  })

  it("decode items: the kind by label (a combined label sets no activity field), activities by id, month and quarter checked by the schema", async () => {
    const header = "Mã;Chương trình;Loại hoạt động;Nội dung;Tháng;Quý;Hoạt động đã thực hiện;Chuyển từ;Ghi chú"
    const out = await decode(csv("noi-dung-chuong-trinh.csv", [
      header,
      "ct1.1;ct1;thẩm tra;Thẩm tra dự thảo nghị quyết;7;3;a1; ;",
      'ct1.2;ct1;Giám sát chuyên đề;Giám sát công tác cải cách hành chính;;2;"a2; a3";ct0.4;Phối hợp với Ban Dân tộc',
      "ct1.3;ct1;khảo sát;Khảo sát;;5;;;",
      "ct1.4;ct1;tập huấn;Tập huấn;13;;;;"
    ].join("\n")))
    expect(plain(out)).toEqual([
      { id: "ct1.1", programme: "ct1", kind: "review", topic: "Thẩm tra dự thảo nghị quyết", month: 7, quarter: 3, activities: ["a1"] },
      { id: "ct1.2", programme: "ct1", kind: "supervision", topic: "Giám sát công tác cải cách hành chính", quarter: 2, activities: ["a2", "a3"], carriedFrom: "ct0.4", note: "Phối hợp với Ban Dân tộc" }
    ])
    expect(problemLines(out)).toEqual(["4:F quarter schema.refinement", "5:C kind import.unknown-reference", "5:E month schema.refinement"])
    const en = await decode(csv("programmeItems.csv", "id,programme,kind,topic,month,quarter,activities,carriedFrom,note\nct1.1,ct1,review,Thẩm tra dự thảo nghị quyết,7,3,a1,,\n"))
    expect(plain(en)).toEqual([plain(out)[0]])
  })

  it("import as a JSON batch in the core encoding, keys in any case", async () => {
    const text = JSON.stringify({
      Programmes: [{ id: "ct1", council: "HĐND tỉnh Sơn La", organ: "Ban Pháp chế", year: 2023, title: "Chương trình" }],
      programmeitems: [{ id: "ct1.1", programme: "ct1", kind: "khảo sát", topic: "Khảo sát", activities: ["a1", "a2"] }]
    })
    const out = await decode(Json.read({ name: "ke-hoach.json", data: text }))
    expect(problemLines(out)).toEqual([])
    expect(kinds(out)).toEqual(["programmes", "programmeItems"])
    expect((plain(out)[1] as { activities: unknown }).activities).toEqual(["a1", "a2"])
  })
})

describe("the new entities together", () => {
  it("validate as one consistent batch after import", async () => {
    const inputs = [
      { name: "kien-nghi.csv", data: `${RECOMMENDATION_VI}\nkn1;HĐND tỉnh Sơn La;kiến nghị;Ban Pháp chế HĐND thành phố Sơn La;;Kỳ họp thứ 7;05/07/2023;Nội dung;Đất đai;cấp tỉnh;UBND;UBND tỉnh;;;;;;\n` },
      { name: "tra-loi.csv", data: "Mã;Kiến nghị;Ngày;Cơ quan trả lời;Nội dung\nkn1.tl-1;kn1;15/08/2023;UBND tỉnh;Đã trả lời\n" },
      { name: "danh-gia.csv", data: "Mã;Kiến nghị;Trả lời;Ngày;Kết quả\nkn1.dg-1;kn1;kn1.tl-1;20/09/2023;đã giải trình\n" },
      { name: "chuong-trinh.csv", data: "Mã;HĐND;Cơ quan;Năm;Tên chương trình\nct1;HĐND tỉnh Sơn La;Ban Dân tộc;2023;Chương trình công tác năm 2023\n" },
      { name: "noi-dung-chuong-trinh.csv", data: "Mã;Chương trình;Loại hoạt động;Nội dung;Quý\nct1.1;ct1;giám sát;Giám sát chính sách dân tộc;3\n" }
    ]
    const out = await decode((async function* () {
      for (const i of inputs) yield* Csv.read(i)
    })())
    expect(problemLines(out)).toEqual([])
    expect(kinds(out)).toEqual(["recommendations", "responses", "evaluations", "programmes", "programmeItems"])
    const batch: Record<string, Array<unknown>> = {}
    for (const d of out) if (d._tag === "Record") (batch[d.kind] ??= []).push(d.record)
    expect(Validation.validateBatch(dataset, batch as Dataset.Batch, Registry.builtin)).toEqual([])
  })
})

describe("file names, headers and vocabularies of the new entities", () => {
  it("tell the entity from Vietnamese and English file names, never taking an item file for a programme", () => {
    const of = Interchange.entityOfName
    expect(of("kien-nghi.csv")).toBe("recommendations")
    expect(of("Kiến nghị 2023.xlsx")).toBe("recommendations")
    expect(of("y-kien-kien-nghi-cua-cu-tri-2023.csv")).toBe("recommendations")
    expect(of("recommendations.csv")).toBe("recommendations")
    expect(of("tra-loi.csv")).toBe("responses")
    expect(of("Trả lời kiến nghị.xlsx")).toBe("responses")
    expect(of("tra-loi-kien-nghi-2023.csv")).toBe("responses")
    expect(of("danh-gia.csv")).toBe("evaluations")
    expect(of("Đánh giá kết quả giải quyết 2023.xlsx")).toBe("evaluations")
    expect(of("chuong-trinh.csv")).toBe("programmes")
    expect(of("Chương trình công tác 2024.xlsx")).toBe("programmes")
    expect(of("programmes.csv")).toBe("programmes")
    expect(of("noi-dung-chuong-trinh.csv")).toBe("programmeItems")
    expect(of("Nội dung chương trình 2024.xlsx")).toBe("programmeItems")
    expect(of("programmeItems.csv")).toBe("programmeItems")
    expect(of("programme-items.csv")).toBe("programmeItems")
    // The older entities keep their names.
    expect(of("hoat-dong.csv")).toBe("activities")
    expect(of("noi-dung.csv")).toBeUndefined()
  })

  it("tell the entity from the headers alone", () => {
    expect(Interchange.entityOfHeaders(["Mã", "Kiến nghị", "Ngày", "Cơ quan trả lời", "Nội dung"])).toEqual(Result.succeed("responses"))
    expect(Interchange.entityOfHeaders(["Mã", "Kiến nghị", "Trả lời", "Ngày", "Kết quả"])).toEqual(Result.succeed("evaluations"))
    expect(Interchange.entityOfHeaders(["Mã", "Chương trình", "Loại hoạt động", "Nội dung", "Tháng"])).toEqual(Result.succeed("programmeItems"))
    expect(Interchange.entityOfHeaders(["Mã", "HĐND", "Cơ quan", "Năm", "Tên chương trình"])).toEqual(Result.succeed("programmes"))
  })

  it("accept the core's Vietnamese labels and common spellings", () => {
    const code = (name: Vocabulary.VocabularyName, s: string) => Vocabulary.lookup(name, s)?.code
    expect(code("recommendationKind", "Kiến nghị")).toBe("recommendation")
    expect(code("recommendationKind", "ý kiến, kiến nghị của cử tri")).toBe("voter-petition")
    expect(code("recommendationKind", "Kiến nghị cử tri")).toBe("voter-petition")
    expect(code("competentLevel", "Trung ương")).toBe("central")
    expect(code("competentLevel", "huyện")).toBe("district")
    expect(code("addresseeKind", "UBND")).toBe("people-committee")
    expect(code("addresseeKind", "Uỷ ban nhân dân")).toBe("people-committee")
    expect(code("addresseeKind", "Đoàn ĐBQH")).toBe("na-delegation")
    expect(code("evaluationStatus", "đã giải quyết")).toBe("resolved")
    expect(code("evaluationStatus", "đang giải quyết")).toBe("being-resolved")
    expect(code("evaluationStatus", "đã giải trình")).toBe("explained")
    expect(code("evaluationStatus", "chưa giải quyết")).toBe("not-resolved")
    expect(code("evaluationStatus", "xong")).toBeUndefined()
    // Every label is NFC and maps to its own code.
    for (const name of ["recommendationKind", "competentLevel", "addresseeKind", "evaluationStatus"] as const) {
      for (const t of Vocabulary.vocabularies[name]) {
        for (const s of [t.vi, t.en, ...(t.aliases ?? [])]) {
          expect(s.normalize("NFC")).toBe(s)
          expect(code(name, s), `${name}: ${s}`).toBe(t.code)
        }
      }
    }
  })

  it("resolve an organ of any council: by id, with its council, within the preferred council, or by a name only one council has", () => {
    const r = Resolve.make({ dataset })
    const ok = <A>(x: Resolve.Resolution<A>): A | string => (Result.isSuccess(x) ? x.success : x.failure.code)
    expect(ok(r.anyOrgan(undefined, "tp.ban-phap-che"))).toBe("tp.ban-phap-che")
    expect(ok(r.anyOrgan("hdnd-tinh-son-la", "Ban Pháp chế HĐND thành phố Sơn La"))).toBe("tp.ban-phap-che")
    expect(ok(r.anyOrgan("hdnd-tinh-son-la", "Ban Pháp chế – Hội đồng nhân dân TP Sơn La"))).toBe("tp.ban-phap-che")
    expect(ok(r.anyOrgan("hdnd-tinh-son-la", "Ban Pháp chế của HĐND tỉnh Sơn La"))).toBe("sl.ban-phap-che")
    expect(ok(r.anyOrgan("hdnd-tinh-son-la", "HĐND thành phố Sơn La"))).toBe("tp.hdnd")
    expect(ok(r.anyOrgan("hdnd-tinh-son-la", "Ban Pháp chế"))).toBe("sl.ban-phap-che")
    expect(ok(r.anyOrgan("hdnd-tp-son-la", "Ban Pháp chế"))).toBe("tp.ban-phap-che")
    expect(ok(r.anyOrgan(undefined, "Ban Pháp chế"))).toBe("import.ambiguous-reference")
    expect(ok(r.anyOrgan(undefined, "Ban Kinh tế – Ngân sách"))).toBe("sl.ban-ktns")
    expect(ok(r.anyOrgan("hdnd-tinh-son-la", "Ban Kinh tế – Xã hội"))).toBe("tp.ban-ktxh")
    expect(ok(r.anyOrgan("hdnd-tinh-son-la", "Ban Không Có HĐND thành phố Sơn La"))).toBe("import.unknown-reference")
    expect(ok(r.anyOrgan(undefined, "Ban Không Có"))).toBe("import.unknown-reference")
  })
})
