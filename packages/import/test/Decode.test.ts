import { Activity, CalendarDate, Client, Dataset, Registry, Tally, Validation } from "@hdnd/core"
import { Csv, Decode, Json, SourceRow } from "@hdnd/import"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { describe, expect, it } from "vitest"
import { collect, problemLines } from "./utils/collect.js"
import { dataset, structure } from "./utils/fixture.js"

const csv = (name: string, text: string) => Csv.read({ name, data: text })
const decode = (items: AsyncIterable<SourceRow.SourceItem>, options: Decode.DecodeOptions = { dataset }) => collect(Decode.decode(items, options))
const records = (items: ReadonlyArray<Decode.Decoded>) => items.flatMap((d) => (d._tag === "Record" ? [d.record] : []))

const ACTIVITY_HEADER = "Mã;HĐND;Loại hoạt động;Thuộc thẩm quyền của;Cơ quan chủ trì;Từ ngày;Đến ngày;Kỳ họp;Nội dung;Số, ký hiệu;Đối tượng thẩm tra;Hình thức giám sát"

describe("Decode.decode", () => {
  it("turns a row written with names into a core record", async () => {
    const out = await decode(csv("hoat-dong.csv", `${ACTIVITY_HEADER}\na1;HĐND tỉnh Sơn La;thẩm tra;Ban Pháp chế;Ban Pháp chế;10/07/2023;;Kỳ họp thứ 7;Thẩm tra dự thảo;71/BC-HĐND;dự thảo nghị quyết;\n`))
    expect(out).toHaveLength(1)
    const [a] = out
    expect(a?._tag === "Record" && [a.kind, a.file, a.row]).toEqual(["activities", "hoat-dong.csv", 2])
    expect(a?._tag === "Record" && Dataset.entitySchemas.activities.make !== undefined && JSON.parse(JSON.stringify(a.record))).toEqual({
      id: "a1",
      council: "hdnd-tinh-son-la",
      kind: "review",
      owner: "sl.ban-phap-che",
      organisers: ["sl.ban-phap-che"],
      date: { from: "2023-07-10" },
      session: "sl.ky-hop-7",
      title: "Thẩm tra dự thảo",
      documentRef: "71/BC-HĐND",
      subject: "draft-resolution"
    })
  })

  it("reports every problem of a row at once, each at its column and field", async () => {
    const out = await decode(csv("activities.csv", `${ACTIVITY_HEADER}\na2;HĐND tỉnh Sơn La;thẩm tra;Ban Pháp;Ban Pháp chế;32/13/2023;;Kỳ họp thứ 99;;12/XYZ;nghị định;\n`))
    expect(problemLines(out)).toEqual([
      "2:F date.from import.invalid-date",
      "2:K subject import.unknown-value",
      "2:D owner import.unknown-reference",
      "2:H session import.unknown-reference",
      "2:I title import.required",
      "2:J documentRef schema.refinement"
    ])
    const rejected = out[0]
    expect(rejected?._tag === "Rejected" && rejected.cells?.[0]?.value).toBe("a2")
    const owner = rejected?._tag === "Rejected" ? rejected.problems.find((p) => p.field === "owner") : undefined
    expect(owner?.header).toBe("Thuộc thẩm quyền của")
    expect(owner?.vi).toContain('"Ban Pháp chế" (sl.ban-pháp-che)'.replace("pháp", "phap"))
    expect(owner?.describe("en")).toMatch(/^activities\.csv:2:D \(Thuộc thẩm quyền của\): Activity "a2" › owner: no organ "Ban Pháp"/)
  })

  it("uses the default council, defaults the owner to a single organiser, and fills the mode a kind label implies", async () => {
    const header = "Mã;Loại hoạt động;Cơ quan chủ trì;Ngày;Nội dung;Hình thức giám sát"
    const out = await decode(csv("activities.csv", `${header}\nb1;Giám sát chuyên đề;Ban Pháp chế;02/05/2023;Giám sát;\nb2;giám sát chuyên đề;Ban Pháp chế;02/05/2023;Giám sát;định kỳ\nb3;khảo sát;\"Ban Pháp chế; Ban Dân tộc\";02/05/2023;Khảo sát;\n`), { dataset, council: "HĐND tỉnh Sơn La" })
    expect(records(out).map((r) => JSON.parse(JSON.stringify(r)))).toEqual([
      { id: "b1", council: "hdnd-tinh-son-la", kind: "supervision", owner: "sl.ban-phap-che", organisers: ["sl.ban-phap-che"], date: { from: "2023-05-02" }, title: "Giám sát", mode: "thematic" }
    ])
    expect(problemLines(out)).toEqual(["3:F mode import.conflict", "4:- owner import.required"])
  })

  it("reads organisers separated by ';' and checks each", async () => {
    const header = "Mã,HĐND,Loại hoạt động,Thuộc thẩm quyền của,Cơ quan chủ trì,Ngày,Nội dung,Hình thức giám sát"
    const out = await decode(csv("activities.csv", `${header}\nc1,HĐND tỉnh Sơn La,giám sát,HĐND tỉnh,"Ban Pháp chế; Ban Kinh tế – Ngân sách",02/05/2023,Giám sát,chuyên đề\nc2,HĐND tỉnh Sơn La,giám sát,HĐND tỉnh,"Ban Pháp chế; Ban Không Có",02/05/2023,Giám sát,chuyên đề\n`))
    expect(records(out).map((r) => (r as { organisers: unknown }).organisers)).toEqual([["sl.ban-phap-che", "sl.ban-ktns"]])
    expect(problemLines(out)).toEqual(["3:E organisers[1] import.unknown-reference"])
  })

  it("derives a session's number and type from its label, and closes a one-day session", async () => {
    const out = await decode(csv("ky-hop.csv", "Mã;HĐND;Nhiệm kỳ;Tên kỳ họp;Ngày;Cách đánh số\ns1;HĐND tỉnh Sơn La;khóa XV;Kỳ họp chuyên đề lần thứ mười hai;10/05/2023;chuyên đề\ns2;HĐND tỉnh Sơn La;XV;Kỳ họp thứ 8;06/12/2023;\n"))
    expect(records(out).map((r) => JSON.parse(JSON.stringify(r)))).toEqual([
      { id: "s1", council: "hdnd-tinh-son-la", term: "hdnd-tinh-son-la.khoa-xv", ordinal: 12, series: "special", type: "special", specialLabel: "chuyen-de", label: "Kỳ họp chuyên đề lần thứ mười hai", dates: { from: "2023-05-10", to: "2023-05-10" } },
      { id: "s2", council: "hdnd-tinh-son-la", term: "hdnd-tinh-son-la.khoa-xv", ordinal: 8, series: "all", type: "regular", label: "Kỳ họp thứ 8", dates: { from: "2023-12-06", to: "2023-12-06" } }
    ])
  })

  it("reads units, terms, tallies and lineage with their coded columns", async () => {
    const units = await decode(csv("units.csv", "Mã,Mã ĐVHC,Tên,Loại đơn vị,Trực thuộc,Từ ngày\nvn-03646,03646,Phường Tô Hiệu,phường,Tỉnh Sơn La,01/07/2025\n"))
    expect(records(units).map((r) => JSON.parse(JSON.stringify(r)))).toEqual([
      { id: "vn-03646", code: "03646", name: "Phường Tô Hiệu", type: "phuong", parent: "vn-14", validity: { from: "2025-07-01" } }
    ])
    const terms = await decode(csv("terms.csv", "Mã,HĐND,Khóa,Từ ngày,Đến ngày\nt16,HĐND tỉnh Sơn La,16,15/03/2026,\n"))
    expect(records(terms).map((r) => (r as { convocation: string }).convocation)).toEqual(["XVI"])
    const tallies = await decode(csv("so-lieu.csv", "Mã;HĐND;Chỉ tiêu;Từ ngày;Đến ngày;Số liệu\nx1;HĐND tỉnh Sơn La;Nội dung đã thẩm tra;01/08/2022;31/08/2023;1.044\n"))
    expect(records(tallies).map((r) => JSON.parse(JSON.stringify(r)))).toEqual([
      { id: "x1", council: "hdnd-tinh-son-la", indicator: "core/review.content", period: { from: "2022-08-01", to: "2023-08-31" }, value: 1044, qualifier: "exact" }
    ])
    const lineage = await decode(csv("lineage.csv", "Mã,Hình thức,Ngày hiệu lực,Đơn vị cũ,Đơn vị mới\nl1,chuyển loại,01/03/2025,Mộc Châu,Mộc Châu\n"))
    expect(records(lineage).map((r) => JSON.parse(JSON.stringify(r)))).toEqual([
      { id: "l1", kind: "reclassify", date: "2025-03-01", sources: ["vn-123-huyen"], targets: ["vn-123-thi-xa"] }
    ])
  })

  it("resolves names against records from earlier rows of the same import", async () => {
    const text = JSON.stringify({
      units: [{ id: "vn-125", code: "125", name: "Huyện Mai Sơn", type: "huyen", parent: "Tỉnh Sơn La", validity: { from: "2004-01-01", to: "2025-06-30" } }],
      councils: [{ id: "hdnd-mai-son", unit: "Huyện Mai Sơn", name: "HĐND huyện Mai Sơn", validity: { from: "2004-01-01", to: "2025-06-30" } }],
      organs: [{ id: "ms.pc", council: "HĐND huyện Mai Sơn", kind: "committee", committeeKind: "Ban Pháp chế", name: "Ban Pháp chế", validity: { from: "2021-06-25", to: "2025-06-30" } }],
      activities: [{ id: "ms.a1", council: "HĐND huyện Mai Sơn", kind: "khảo sát", organisers: ["Ban Pháp chế"], date: { from: "2023-03-01" }, title: "Khảo sát" }]
    }, null, 1)
    const out = await decode(Json.read({ name: "mai-son.json", data: text }))
    expect(problemLines(out)).toEqual([])
    expect(out.map((d) => d._tag === "Record" && d.kind)).toEqual(["units", "councils", "organs", "activities"])
    const batch: Dataset.Batch = { units: [], councils: [], organs: [], activities: [] }
    for (const d of out) if (d._tag === "Record") (batch[d.kind] as Array<unknown>).push(d.record)
    expect(Validation.validateBatch(dataset, batch, Registry.builtin)).toEqual([])
  })

  it("reads a batch in the core encoding back into the same records", async () => {
    const d = CalendarDate.date
    const batch: Dataset.Batch = {
      ...structure,
      activities: [
        new Activity.Activity({
          id: "x1" as never, council: "hdnd-tinh-son-la" as never, kind: "supervision" as never, owner: "sl.hdnd" as never,
          organisers: ["sl.ban-phap-che", "sl.ban-ktns"] as never, date: { from: d("2023-05-02"), to: d("2023-05-20") },
          title: "Giám sát việc thực hiện chính sách", mode: "thematic", attributes: { delegation: true, recommendations: 3 }
        }),
        new Activity.Activity({
          id: "x2" as never, council: "hdnd-tinh-son-la" as never, kind: "interpellation" as never, owner: "sl.thuong-truc" as never,
          organisers: ["sl.thuong-truc"] as never, date: { from: d("2023-04-14") }, meeting: "sl.phien-hop-26" as never,
          title: "Chất vấn giữa hai kỳ họp", venue: "standing-meeting", documentRef: "12/BC-HĐND", attributes: { questions: 4 }
        })
      ],
      tallies: [
        new Tally.Tally({ id: "t1" as never, council: "hdnd-tinh-son-la" as never, organ: "sl.ban-ktns" as never, indicator: "core/survey" as never,
          period: { from: d("2022-08-01"), to: d("2023-08-31") }, value: 17, qualifier: "over", note: "ghi chú" })
      ]
    }
    const encoded = Client.encodeBatch(batch)
    const out = await decode(Json.read({ name: "batch.json", data: JSON.stringify(encoded, null, 2) }), {})
    expect(problemLines(out)).toEqual([])
    const back: Record<string, Array<unknown>> = {}
    for (const item of out) if (item._tag === "Record") (back[item.kind] ??= []).push(item.record)
    expect(Client.encodeBatch(back as Dataset.Batch)).toEqual(encoded)
  })

  it("normalises NFD text to NFC in records", async () => {
    const out = await decode(csv("activities.csv", `${ACTIVITY_HEADER}\na1;HĐND tỉnh Sơn La;thẩm tra;Ban Pháp chế;Ban Pháp chế;10/07/2023;;;Thẩm tra dự thảo nghị quyết;;báo cáo;\n`.normalize("NFD")))
    const [r] = records(out) as Array<{ title: string; subject: string; owner: string }>
    expect(r?.title).toBe("Thẩm tra dự thảo nghị quyết".normalize("NFC"))
    expect(r?.title).not.toBe("Thẩm tra dự thảo nghị quyết".normalize("NFD"))
    expect([r?.subject, r?.owner]).toEqual(["report", "sl.ban-phap-che"])
  })

  it("rejects a source with a bad header once, at the header row, listing the accepted headers", async () => {
    const out = await decode(csv("activities.csv", "Mã;Loại hoạt động;Ngày tháng;Nội dung\na1;thẩm tra;10/07/2023;x\na2;thẩm tra;10/07/2023;y\n"))
    expect(out).toHaveLength(1)
    expect(out[0]?._tag === "Rejected" && out[0].fatal).toBe(true)
    expect(problemLines(out)).toEqual(["1:C  import.unknown-header", "1:- council import.missing-column", "1:- organisers import.missing-column", "1:- date.from import.missing-column"])
    const unknown = out[0]?._tag === "Rejected" ? out[0].problems[0] : undefined
    expect(unknown?.vi).toContain('"Cơ quan chủ trì" / "organisers"')
  })

  it("tells the entity from the file name, the sheet, the headers, or says it cannot", async () => {
    const byHeaders = await decode(csv("data.csv", "Mã,HĐND,Chỉ tiêu,Từ ngày,Đến ngày,Số liệu\nx1,HĐND tỉnh Sơn La,core/survey,01/01/2023,31/12/2023,3\n"))
    expect(byHeaders.map((d) => d._tag === "Record" && d.kind)).toEqual(["tallies"])
    const unknown = await decode(csv("data.csv", "Mã,Tên\nx,y\n"))
    expect(problemLines(unknown)).toEqual(["1:-  import.unknown-entity"])
    const forced = await decode(csv("data.csv", "Mã,HĐND,Tên,Loại cơ quan,Từ ngày\no1,HĐND tỉnh Sơn La,Tổ đại biểu số 1,Tổ đại biểu,25/06/2021\n"), { dataset, entity: "organs" })
    expect(forced.map((d) => d._tag)).toEqual(["Record"])
  })

  it("passes reader issues on as rejected rows", async () => {
    const out = await decode(csv("activities.csv", `${ACTIVITY_HEADER}\na1;x\n`))
    expect(problemLines(out)).toEqual(["2:C  csv.missing-cells"])
  })

  it("is available as an Effect stream", async () => {
    const items = await Effect.runPromise(Stream.runCollect(Decode.stream(csv("activities.csv", `${ACTIVITY_HEADER}\na1;HĐND tỉnh Sơn La;thẩm tra;;Ban Pháp chế;10/07/2023;;;T;;báo cáo;\n`), { dataset })))
    expect([...items].map((d) => d._tag)).toEqual(["Record"])
  })
})
