import { Dataset, Registry, Validation } from "@hdnd/core"
import { Csv, Decode, Json, SourceRow } from "@hdnd/import"
import { describe, expect, it } from "vitest"
import { collect, problemLines } from "./utils/collect.js"
import { dataset } from "./utils/fixture.js"

const csv = (name: string, text: string) => Csv.read({ name, data: text })
const decode = (items: AsyncIterable<SourceRow.SourceItem>, options: Decode.DecodeOptions = { dataset }) => collect(Decode.decode(items, options))
const plain = (items: ReadonlyArray<Decode.Decoded>) => items.flatMap((d) => (d._tag === "Record" ? [JSON.parse(JSON.stringify(d.record)) as unknown] : []))
const kinds = (items: ReadonlyArray<Decode.Decoded>) => items.map((d) => (d._tag === "Record" ? d.kind : d._tag))
const problems = (items: ReadonlyArray<Decode.Decoded>) => items.flatMap((d) => (d._tag === "Rejected" ? d.problems : []))

const NQ1 = {
  id: "nq-15", council: "hdnd-tinh-son-la", session: "sl.ky-hop-7", number: "15/2023/NQ-HĐND", kind: "normative", field: "ngan-sach",
  adoptedOn: "2023-07-21", title: "Nghị quyết quy định mức chi"
}
const VB1 = {
  id: "ttr-279", council: "hdnd-tinh-son-la", type: "submission", session: "sl.ky-hop-7", number: "279/TTr-UBND", submitter: "UBND tỉnh",
  reviewers: ["sl.ban-ktns", "sl.ban-phap-che"], submittedOn: "2023-07-05", resolution: "nq-15", title: "Tờ trình về dự thảo Nghị quyết quy định mức chi"
}

describe("resolutions (nghi-quyet) and documents (van-ban-trinh)", () => {
  it("decode from Vietnamese headers and labels, NFD text included, and validate together", async () => {
    const resolutions = await decode(csv("nghi-quyet.csv", [
      "Mã;HĐND;Kỳ họp;Số, ký hiệu;Loại nghị quyết;Lĩnh vực;Ngày thông qua;Trích yếu",
      "nq-15;HĐND tỉnh Sơn La;Kỳ họp thứ 7;15/2023/NQ-HĐND;Quy phạm pháp luật;ngan-sach;21/07/2023;Nghị quyết quy định mức chi",
      `nq-16;HĐND tỉnh Sơn La;Kỳ họp thứ 7;16/2023/NQ-HĐND;${"cá biệt".normalize("NFD")};;21/07/2023;${"Nghị quyết về biên chế".normalize("NFD")}`
    ].join("\n")))
    expect(problemLines(resolutions)).toEqual([])
    expect(kinds(resolutions)).toEqual(["resolutions", "resolutions"])
    expect(plain(resolutions)).toEqual([
      NQ1,
      { id: "nq-16", council: "hdnd-tinh-son-la", session: "sl.ky-hop-7", number: "16/2023/NQ-HĐND", kind: "individual", adoptedOn: "2023-07-21", title: "Nghị quyết về biên chế" }
    ])
    const documents = await decode(csv("van-ban-trinh.csv", [
      "Mã,HĐND,Loại văn bản,Kỳ họp,Số, ký hiệu,Cơ quan trình,Cơ quan thẩm tra,Ngày trình,Nghị quyết,Trích yếu".replace("Số, ký hiệu", "\"Số, ký hiệu\""),
      "ttr-279,HĐND tỉnh Sơn La,Tờ trình,Kỳ họp thứ 7,279/TTr-UBND,UBND tỉnh,\"Ban Kinh tế – Ngân sách; Ban Pháp chế\",05/07/2023,nq-15,Tờ trình về dự thảo Nghị quyết quy định mức chi",
      "bc-71,HĐND tỉnh Sơn La,BÁO CÁO,Kỳ họp thứ 7,,,,01/07/2023,,Báo cáo kết quả giám sát",
      "da-12,HĐND tỉnh Sơn La,đề án,,,,,01/06/2023,,Đề án phát triển"
    ].join("\n")))
    expect(problemLines(documents)).toEqual([])
    expect(plain(documents)[0]).toEqual(VB1)
    expect(plain(documents).map((d) => (d as { type: string }).type)).toEqual(["submission", "report", "scheme"])
    const decodedBatch = Dataset.fromBatch({ resolutions: resolutions.flatMap((d) => (d._tag === "Record" ? [d.record] : [])), documents: documents.flatMap((d) => (d._tag === "Record" ? [d.record] : [])) } as Dataset.Batch)
    expect(Validation.validateBatch(dataset, { resolutions: [...decodedBatch.resolutions.values()], documents: [...decodedBatch.documents.values()] }, Registry.builtin).map((p) => p.describe("en"))).toEqual([])
  })

  it("decode from English headers and codes, and from a JSON batch", async () => {
    const en = await decode(csv("resolutions.csv", "id,council,session,number,kind,field,adoptedOn,title\nnq-15,hdnd-tinh-son-la,sl.ky-hop-7,15/2023/NQ-HĐND,normative,ngan-sach,2023-07-21,Nghị quyết quy định mức chi\n"))
    expect(plain(en)).toEqual([NQ1])
    const json = await decode(Json.read({ name: "batch.json", data: JSON.stringify({ resolutions: [NQ1], documents: [VB1] }) }))
    expect(problemLines(json)).toEqual([])
    expect(plain(json)).toEqual([NQ1, VB1])
  })

  it("report an unknown type, an unknown reviewer and a bad date at their cells, in Vietnamese and English", async () => {
    const out = await decode(csv("van-ban-trinh.csv", [
      "Mã;HĐND;Loại văn bản;Kỳ họp;Cơ quan thẩm tra;Ngày trình;Trích yếu",
      "x1;HĐND tỉnh Sơn La;công văn;Kỳ họp thứ 7;Ban Không Có;31/02/2023;Văn bản"
    ].join("\n")))
    // Without a valid date the session's label cannot be narrowed to the sessions of that day.
    expect(problemLines(out)).toEqual([
      "2:C type import.unknown-value",
      "2:F submittedOn import.invalid-date",
      "2:D session import.ambiguous-reference",
      "2:E reviewers[0] import.unknown-reference"
    ])
    const type = problems(out).find((p) => p.field === "type")
    expect(type?.vi).toContain('hãy dùng một trong: draft-resolution ("dự thảo nghị quyết"), report ("báo cáo"), submission ("tờ trình"), scheme ("đề án")')
    expect(type?.en).toContain("use one of")
    expect(type?.describe("en")).toMatch(/^van-ban-trinh\.csv:2:C \(Loại văn bản\): CouncilDocument "x1" › type: /)
  })
})
