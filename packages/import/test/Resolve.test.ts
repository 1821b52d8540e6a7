import { CalendarDate } from "@hdnd/core"
import { Resolve } from "@hdnd/import"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { dataset } from "./utils/fixture.js"

const r = Resolve.make({ dataset })
const d = CalendarDate.date
const ok = <A>(x: Resolve.Resolution<A>): A | string => (Result.isSuccess(x) ? x.success : `${x.failure.code}: ${x.failure.candidates.join(" | ")}`)

describe("Resolve", () => {
  it("finds councils by id, by name in any case or spelling, or by their unit", () => {
    expect(ok(r.council("hdnd-tinh-son-la"))).toBe("hdnd-tinh-son-la")
    expect(ok(r.council("HĐND tỉnh Sơn La"))).toBe("hdnd-tinh-son-la")
    expect(ok(r.council("hdnd tinh son la"))).toBe("hdnd-tinh-son-la")
    expect(ok(r.council("Hội đồng nhân dân tỉnh Sơn La"))).toBe("hdnd-tinh-son-la")
    expect(ok(r.council("HĐND tỉnh Sơn La".normalize("NFD")))).toBe("hdnd-tinh-son-la")
    expect(ok(r.council("Tỉnh Sơn La"))).toBe("hdnd-tinh-son-la")
    expect(ok(r.council("14"))).toBe("hdnd-tinh-son-la")
    expect(ok(r.council("HĐND TP Sơn La"))).toBe("hdnd-tp-son-la")
  })

  it("finds organs by name within the council, by committee kind, and the standing committee", () => {
    expect(ok(r.organ("hdnd-tinh-son-la", "Ban Pháp chế"))).toBe("sl.ban-phap-che")
    expect(ok(r.organ("hdnd-tp-son-la", "Ban Pháp chế"))).toBe("tp.ban-phap-che")
    expect(ok(r.organ("hdnd-tinh-son-la", "ban phap che HĐND tỉnh"))).toBe("sl.ban-phap-che")
    expect(ok(r.organ("hdnd-tinh-son-la", "Ban Kinh tế và ngân sách"))).toBe("sl.ban-ktns")
    expect(ok(r.organ("hdnd-tinh-son-la", "Ban Kinh tế - Ngân sách"))).toBe("sl.ban-ktns")
    expect(ok(r.organ("hdnd-tinh-son-la", "Thường trực HĐND"))).toBe("sl.thuong-truc")
    expect(ok(r.organ("hdnd-tinh-son-la", "HĐND tỉnh"))).toBe("sl.hdnd")
    expect(ok(r.organ("hdnd-tinh-son-la", "HĐND tỉnh Sơn La"))).toBe("sl.hdnd")
  })

  it("lists up to five candidates for an unknown name", () => {
    const unknown = r.organ("hdnd-tinh-son-la", "Ban Văn hoá")
    expect(Result.isFailure(unknown) && unknown.failure.code).toBe("import.unknown-reference")
    expect(Result.isFailure(unknown) && unknown.failure.candidates[0]).toBe('"Ban Văn hóa – Xã hội" (sl.ban-vhxh)')
    expect(Result.isFailure(unknown) && unknown.failure.vi).toContain("có phải là")
    const far = r.organ("hdnd-tinh-son-la", "Tổ đại biểu số 9")
    expect(Result.isFailure(far) && far.failure.candidates.length).toBe(5)
    const council = r.council("HĐND huyện Mường La")
    expect(Result.isFailure(council) && council.failure.code).toBe("import.unknown-reference")
  })

  it("finds sessions by label, by 'Kỳ họp thứ N' (regular) or 'Kỳ họp chuyên đề thứ N', within the term of the date", () => {
    const c = "hdnd-tinh-son-la"
    expect(ok(r.session(c, "Kỳ họp thứ 7", d("2023-07-10")))).toBe("sl.ky-hop-7")
    expect(ok(r.session(c, "kỳ họp thứ bảy", d("2023-07-10")))).toBe("sl.ky-hop-7")
    expect(ok(r.session(c, "Kỳ họp thứ 7", d("2018-07-01")))).toBe("sl.xiv.ky-hop-7")
    expect(ok(r.session(c, "Kỳ họp chuyên đề thứ 7"))).toBe("sl.cd-7")
    expect(ok(r.session(c, "Kỳ họp chuyên đề lần thứ mười một"))).toBe("sl.cd-11")
    expect(ok(r.session(c, "kỳ họp chuyên đề lần thứ 11"))).toBe("sl.cd-11")
    expect(ok(r.session(c, "sl.cd-11"))).toBe("sl.cd-11")
    const both = r.session(c, "Kỳ họp thứ 7")
    expect(Result.isFailure(both) && both.failure.code).toBe("import.ambiguous-reference")
    expect(Result.isFailure(both) && both.failure.candidates).toHaveLength(2)
    expect(ok(r.meeting(c, "Phiên họp thứ 26", d("2023-04-14")))).toBe("sl.phien-hop-26")
    expect(ok(r.term(c, "khóa XV"))).toBe("hdnd-tinh-son-la.khoa-xv")
    expect(ok(r.term(c, "15"))).toBe("hdnd-tinh-son-la.khoa-xv")
    expect(ok(r.term(c, "Khóa XIV (2016–2021)"))).toBe("hdnd-tinh-son-la.khoa-xiv")
  })

  it("finds units by name or GSO code as of a date", () => {
    expect(ok(r.unit("123", d("2024-01-01")))).toBe("vn-123-huyen")
    expect(ok(r.unit("123", d("2025-04-01")))).toBe("vn-123-thi-xa")
    expect(ok(r.unit("Huyện Mộc Châu"))).toBe("vn-123-huyen")
    expect(ok(r.unit("Mộc Châu", d("2025-04-01")))).toBe("vn-123-thi-xa")
    const both = r.unit("Mộc Châu")
    expect(Result.isFailure(both) && both.failure.code).toBe("import.ambiguous-reference")
    expect(Result.isFailure(both) && both.failure.candidates.join()).toContain("Thị xã Mộc Châu")
  })

  it("passes unknown id-shaped references through, for validation to check against the store", () => {
    expect(ok(r.organ("hdnd-tinh-son-la", "sl.ban-moi"))).toBe("sl.ban-moi")
    expect(ok(r.council("hdnd-tinh-lai-chau"))).toBe("hdnd-tinh-lai-chau")
    expect(Result.isFailure(r.session("hdnd-tinh-son-la", "99"))).toBe(true)
  })

  it("knows records added after it was made", () => {
    const fresh = Resolve.make()
    expect(Result.isFailure(fresh.council("HĐND tỉnh Sơn La"))).toBe(true)
    fresh.add("councils", dataset.councils.get("hdnd-tinh-son-la" as never))
    expect(ok(fresh.council("HĐND tỉnh Sơn La"))).toBe("hdnd-tinh-son-la")
  })

  it("resolves activity kinds, committee kinds and indicators by label or code", () => {
    expect(ok(r.activityKind("thẩm tra"))).toEqual({ kind: "review" })
    expect(ok(r.activityKind("review"))).toEqual({ kind: "review" })
    expect(ok(r.activityKind("Giám sát chuyên đề"))).toEqual({ kind: "supervision", implies: { field: "mode", value: "thematic" } })
    expect(ok(r.activityKind("tham muu, de xuat"))).toEqual({ kind: "advisory" })
    expect(ok(r.committeeKind("Ban Pháp chế"))).toBe("phap-che")
    expect(ok(r.committeeKind("Kinh tế và ngân sách"))).toBe("kinh-te-ngan-sach")
    expect(ok(r.indicator("Nội dung đã thẩm tra"))).toBe("core/review.content")
    expect(ok(r.indicator("core/survey"))).toBe("core/survey")
  })

  it("parses ordinals and convocations as written", () => {
    expect(Resolve.parseOrdinal("Kỳ họp thứ 7")).toEqual({ ordinal: 7 })
    expect(Resolve.parseOrdinal("Kỳ họp thứ Ba (chuyên đề)")).toEqual({ ordinal: 3, special: true })
    expect(Resolve.parseOrdinal("Kỳ họp thứ 15 (Kỳ họp chuyên đề)")).toEqual({ ordinal: 15, special: true })
    expect(Resolve.parseOrdinal("kỳ họp thường lệ thứ hai mươi")).toEqual({ ordinal: 20, special: false })
    expect(Resolve.parseOrdinal("Phiên họp thứ mười hai")).toEqual({ ordinal: 12 })
    expect(Resolve.parseOrdinal("Kỳ họp thứ tư")).toEqual({ ordinal: 4 })
    expect(Resolve.parseOrdinal("Kỳ họp thứ nhất")).toEqual({ ordinal: 1 })
    expect(Resolve.parseOrdinal("26")).toEqual({ ordinal: 26 })
    expect(Resolve.parseOrdinal("Kỳ họp cuối năm")).toBeUndefined()
    expect(Resolve.parseConvocation("khóa XV")).toBe("XV")
    expect(Resolve.parseConvocation("xx")).toBe("XX")
    expect(Resolve.parseConvocation("15")).toBe("XV")
    expect(Resolve.parseConvocation("khóa mới")).toBeUndefined()
  })
})
