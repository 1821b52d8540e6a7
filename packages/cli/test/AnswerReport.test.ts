import { CalendarDate, Recommendation, RecommendationReport, ReportDocument, ReportText } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { strFromU8, unzipSync } from "fflate"
import { describe, expect, it } from "vitest"
import * as Exporters from "../src/Exporters.js"
import { Exporter } from "@hdnd/core"

const d = CalendarDate.date
const rec = (id: string, organ: string, field: string, content: string, raised: string, extra: Partial<ConstructorParameters<typeof Recommendation.Recommendation>[0]> = {}) =>
  new Recommendation.Recommendation({
    id: id as never,
    council: "hdnd-tinh" as never,
    kind: "proposal",
    raisedBy: organ as never,
    raisedOn: d(raised),
    content,
    field,
    level: "province",
    addressee: { kind: "department", name: "Sở Tài chính" },
    ...extra
  })

const records = {
  recommendations: [
    rec("kn1", "ban-ktxh-mai-son", "Tài chính – Ngân sách", "Đề nghị bố trí kinh phí sửa chữa trụ sở HĐND xã", "2023-07-20", { deadline: d("2023-08-20") }),
    rec("kn2", "ban-ktxh-mai-son", "Giao thông", "Đề nghị nâng cấp đường tỉnh 117 đoạn qua xã Cò Nòi", "2023-07-20"),
    rec("kn3", "ban-pc-moc-chau", "Tài chính – Ngân sách", "Đề nghị hướng dẫn chế độ cho đại biểu HĐND cấp xã <kiêm nhiệm>", "2023-07-21", { deadline: d("2023-08-01") }),
    rec("kn4", "ban-pc-moc-chau", "Tài chính – Ngân sách", "Đề nghị hướng dẫn chế độ cho đại biểu kiêm nhiệm", "2023-07-21", { mergedInto: "kn3" as never })
  ],
  responses: [
    new Recommendation.Response({ id: "tl1" as never, recommendation: "kn1" as never, date: d("2023-08-10"), responder: "Sở Tài chính", content: "Đã bố trí trong dự toán năm 2024", document: "1520/STC-NS" }),
    new Recommendation.Response({ id: "tl2" as never, recommendation: "kn2" as never, date: d("2023-08-15"), responder: "Sở Giao thông vận tải", content: "Đưa vào kế hoạch đầu tư công trung hạn" })
  ],
  evaluations: [new Recommendation.Evaluation({ id: "dg1" as never, recommendation: "kn1" as never, response: "tl1" as never, date: d("2023-08-25"), status: "resolved" })]
}

const doc = RecommendationReport.answerReport(records, {
  period: { from: d("2023-07-01"), to: d("2023-08-31") },
  organNames: new Map([["ban-ktxh-mai-son", "Ban Kinh tế – Xã hội HĐND huyện Mai Sơn"], ["ban-pc-moc-chau", "Ban Pháp chế HĐND huyện Mộc Châu"]]),
  frame: { issuingBody: ["HĐND TỈNH SƠN LA", "BAN KINH TẾ - NGÂN SÁCH"], documentType: "BC", issuer: "KTNS", place: "Sơn La", recipients: ["Thường trực HĐND tỉnh"] },
  number: 12,
  date: d("2023-09-05")
})

describe("the consolidated answer report", () => {
  it("is a valid report document: a summary, figures by field, one section per body with each matter, its answer and status", () => {
    expect(Schema.decodeUnknownResult(ReportDocument.ReportDocument)(Schema.encodeSync(ReportDocument.ReportDocument)(doc))._tag).toBe("Success")
    const text = ReportText.toText(doc, 10_000)
    expect(text).toContain("đã kiến nghị 3 nội dung đến các cơ quan; tính đến ngày 31/8/2023, đã trả lời 2 kiến nghị (67%), đã giải quyết xong 1 kiến nghị; còn 1 kiến nghị quá hạn chưa được trả lời.")
    expect(doc.sections.map((s) => s.heading)).toEqual(["Tổng hợp", "Ban Kinh tế – Xã hội HĐND huyện Mai Sơn", "Ban Pháp chế HĐND huyện Mộc Châu"])
    const byField = doc.sections[0]!.blocks[1] as ReportDocument.DocTable
    expect(byField.rows.map((r) => r.map((c) => c.text))).toEqual([
      ["Giao thông", "1", "1", "0", "0"],
      ["Tài chính – Ngân sách", "2", "1", "1", "1"]
    ])
    expect(byField.total!.map((c) => c.value ?? c.text)).toEqual(["Tổng cộng", 3, 2, 1, 1])
    const mocChau = doc.sections[2]!.blocks[0] as ReportDocument.DocTable
    expect(mocChau.rows.map((r) => r.map((c) => c.text))).toEqual([
      ["1", "Đề nghị hướng dẫn chế độ cho đại biểu HĐND cấp xã <kiêm nhiệm> (gộp 2 ý kiến)", "Sở Tài chính", "Chưa trả lời", "mới tiếp nhận"]
    ])
    const maiSon = doc.sections[1]!.blocks.map((b) => (b as ReportDocument.DocTable).rows.map((r) => r.map((c) => c.text)))
    expect(maiSon).toEqual([
      [["1", "Đề nghị nâng cấp đường tỉnh 117 đoạn qua xã Cò Nòi", "Sở Giao thông vận tải", "Đưa vào kế hoạch đầu tư công trung hạn", "đã trả lời"]],
      [["1", "Đề nghị bố trí kinh phí sửa chữa trụ sở HĐND xã", "Sở Tài chính", "Đã bố trí trong dự toán năm 2024 (Văn bản số 1520/STC-NS, ngày 10/8/2023)", "đã giải quyết"]]
    ])
    expect(doc.header?.number).toBe("Số: 12/BC-KTNS")
  })

  it("the summary follows the direction: voters' petitions received or forwarded, recommendations raised to agencies; a mixed set gets each part", () => {
    const petition = (id: string, forwardedOn?: string) =>
      new Recommendation.Recommendation({
        id: id as never, council: "hdnd-tinh" as never, kind: "voter-petition", raisedOn: d("2023-07-25"), content: `Cử tri đề nghị ${id}`, field: "Giao thông",
        level: "province", addressee: { kind: "people-committee", name: "UBND tỉnh" }, ...(forwardedOn === undefined ? {} : { forwardedOn: d(forwardedOn) })
      })
    const mixed = { ...records, recommendations: [...records.recommendations, petition("ct1"), petition("ct2", "2023-08-02"), petition("ct3", "2023-08-02")] }
    const text = (asOf: string, includePetitions = true) =>
      ReportText.toText(RecommendationReport.answerReport(mixed, { period: { from: d("2023-07-01"), to: d("2023-08-31") }, asOf: d(asOf), includePetitions }), 10_000)
    expect(text("2023-08-31")).toContain(
      "Từ tháng 7 năm 2023 đến tháng 8 năm 2023, đã tiếp nhận 1 kiến nghị của cử tri, đã chuyển 2 kiến nghị của cử tri đến các cơ quan có thẩm quyền, đã kiến nghị 3 nội dung đến các cơ quan; tính đến ngày 31/8/2023"
    )
    // Before they were forwarded, the petitions were only received.
    expect(text("2023-08-01")).toContain("đã tiếp nhận 3 kiến nghị của cử tri, đã kiến nghị 3 nội dung đến các cơ quan; tính đến ngày 1/8/2023")
    const onlyVoters = { ...records, recommendations: [petition("ct1")] }
    expect(ReportText.toText(RecommendationReport.answerReport(onlyVoters, { period: { from: d("2023-07-01"), to: d("2023-08-31") }, includePetitions: true }), 10_000)).toContain(
      "đã tiếp nhận 1 kiến nghị của cử tri; tính đến ngày 31/8/2023"
    )
  })

  it("as of an earlier date, later answers and evaluations do not count", () => {
    const early = RecommendationReport.answerReport(records, { period: { from: d("2023-07-01"), to: d("2023-08-31") }, asOf: d("2023-08-12") })
    const byField = early.sections[0]!.blocks[1] as ReportDocument.DocTable
    expect(byField.total!.map((c) => c.value ?? c.text)).toEqual(["Tổng cộng", 3, 1, 0, 1])
  })

  for (const format of ["docx", "xlsx", "csv", "html", "json"] as const) {
    it(`renders in ${format}, with every matter's content in the file`, async () => {
      const exporter = await Exporters.load(format)
      const output = await Effect.runPromise(exporter.export(Exporter.document(doc), { createdAt: new Date("2023-09-05T00:00:00Z") }))
      const texts =
        format === "docx" || format === "xlsx" || output.extension === "zip"
          ? Object.values(unzipSync(output.bytes)).map((b) => strFromU8(b)).join("\n")
          : strFromU8(output.bytes)
      const plain = texts.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")
      for (const wanted of ["Đề nghị nâng cấp đường tỉnh 117 đoạn qua xã Cò Nòi", "Đề nghị hướng dẫn chế độ cho đại biểu HĐND cấp xã <kiêm nhiệm>", "Đưa vào kế hoạch đầu tư công trung hạn", "đã giải quyết"]) {
        expect(plain, `${format}: ${wanted}`).toContain(wanted)
      }
    })
  }
})
