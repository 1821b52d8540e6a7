/**
 * Issue #7 through the real `hdnd` executable on a real SQLite file: the Sơn La example's synthetic
 * proposals, answers and evaluations are imported from their interchange CSV files, then listed,
 * counted and reported as of a date — a response or evaluation dated after the as-of date does not
 * count — and bad input fails with exit 1 and a message that says where, in Vietnamese or English.
 */
import { strFromU8, unzipSync } from "fflate"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { Format } from "@hdnd/core"
import { beforeAll, describe, expect, it } from "vitest"
import { hdnd, installSonLaPlugin, seededWorkspace, SON_LA_FOLLOW_UP } from "./utils/hdnd.js"

const require_ = createRequire(path.join(path.dirname(new URL(import.meta.url).pathname), "../package.json"))
const Database = require_("better-sqlite3") as new (file: string, o?: { readonly?: boolean }) => {
  prepare(sql: string): { get(): Record<string, unknown> }
  close(): void
}
const count = (file: string, table: string): number => {
  const db = new Database(file, { readonly: true })
  try {
    return Number(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n)
  } finally {
    db.close()
  }
}

interface Row {
  readonly id: string
  readonly status: string
  readonly overdue: boolean
  readonly daysToAnswer?: number
  readonly sources: ReadonlyArray<{ readonly id: string }>
  readonly originName: string
}
interface Figures {
  readonly raised: number
  readonly answered: number
  readonly resolved: number
  readonly overdue: number
  readonly resolutionRate: number | null
  readonly medianDaysToAnswer: number | null
}

const ws = seededWorkspace("hdnd-kn-")
let db = ""
const run = (command: ReadonlyArray<string>, rest: ReadonlyArray<string>, env?: Record<string, string>) => hdnd(ws.dir, [...command, "--db", db, ...rest], env)
const list = async (...rest: Array<string>): Promise<ReadonlyArray<Row>> => {
  const r = await run(["recommendations", "list"], [...rest, "--format", "json"])
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as ReadonlyArray<Row>
}
const total = async (asOf: string): Promise<Figures> => {
  const r = await run(["recommendations", "stats"], ["--as-of", asOf, "--format", "json"])
  expect(r.status, r.stderr).toBe(0)
  return (JSON.parse(r.stdout) as { total: Figures }).total
}
const REPORT = ["--from", "2023-10-01", "--to", "2023-12-31"]

beforeAll(async () => {
  db = ws.copy("kien-nghi.sqlite")
  const r = await run(["import"], SON_LA_FOLLOW_UP)
  expect(r.status, r.stderr).toBe(0)
  expect(r.stdout).toContain("Đã nhập 32 dòng: 32 bản ghi mới, 0 cập nhật, 0 không đổi.")
}, 120_000)

describe("hdnd import of recommendations, responses, evaluations and programmes (CSV)", () => {
  it("stores every record in the SQLite file; importing again changes nothing", async () => {
    expect([count(db, "recommendations"), count(db, "responses"), count(db, "evaluations"), count(db, "programmes"), count(db, "programme_items")]).toEqual([10, 7, 6, 1, 8])
    const again = await run(["import"], ["--quiet", ...SON_LA_FOLLOW_UP])
    expect(again.status, again.stderr).toBe(0)
    expect(again.stdout).toContain("0 bản ghi mới, 0 cập nhật, 32 không đổi")
  })

  it("a bad row is placed at its file, row and column, in Vietnamese or English; exit 1 and nothing written", async () => {
    const file = ws.write(
      "tra-loi-loi.csv",
      [
        "Mã,Kiến nghị,Ngày,Cơ quan trả lời,Số văn bản,Nội dung",
        "tl-moi-1,kn-2023-07,2023-12-01,Sở Tài nguyên và Môi trường,,Đã hướng dẫn",
        "tl-moi-2,kn-2023-10,2023-10-01,UBND tỉnh,,Trả lời trước khi có kiến nghị",
        "tl-moi-3,kn-2023-10,31/02/2023,UBND tỉnh,,Ngày không có"
      ].join("\n")
    )
    const vi = await run(["import"], [file])
    expect(vi.status).toBe(1)
    expect(vi.stderr).toContain(`${file}:3:C (Ngày)`)
    expect(vi.stderr).toContain("có trước khi kiến nghị \"kn-2023-10\" được tiếp nhận (2023-10-14)")
    expect(vi.stderr).toContain(`${file}:4:C (Ngày)`)
    const en = await run(["import"], ["--lang", "en", file])
    expect(en.status).toBe(1)
    expect(en.stderr).toContain("before recommendation \"kn-2023-10\" was raised (2023-10-14)")
    expect(en.stderr).toContain("the database is unchanged")
    expect(count(db, "responses")).toBe(7)
  })
})

describe("hdnd recommendations list", () => {
  it("one row per matter: the merged proposal is listed once with both sources", async () => {
    const rows = await list("--as-of", "2023-12-31")
    expect(rows.map((r) => r.id)).toEqual(["kn-2023-01", "kn-2023-03", "kn-2023-04", "kn-2023-05", "kn-2023-06", "kn-2023-07", "kn-2023-08", "kn-2023-09", "kn-2023-10"])
    expect(rows[0]!.sources.map((s) => s.id)).toEqual(["kn-2023-01", "kn-2023-02"])
    expect(rows[0]).toMatchObject({ status: "resolved", originName: "Ban Kinh tế – Xã hội HĐND huyện Mai Sơn", daysToAnswer: 10 })
    expect(rows.filter((r) => r.overdue).map((r) => r.id)).toEqual(["kn-2023-07", "kn-2023-10"])
  })

  it("as of an earlier date, a response dated after it does not count: kn-2023-06 (answered 5/12) is overdue on 1/12", async () => {
    const early = (await list("--as-of", "2023-12-01")).find((r) => r.id === "kn-2023-06")!
    expect(early).toMatchObject({ status: "forwarded", overdue: true })
    expect(early.daysToAnswer).toBeUndefined()
    const late = (await list("--as-of", "2023-12-31")).find((r) => r.id === "kn-2023-06")!
    expect(late).toMatchObject({ status: "answered", overdue: false, daysToAnswer: 46 })
    // Before anything was raised, nothing is listed.
    expect(await list("--as-of", "2023-10-13")).toEqual([])
  })

  it("filters by status, addressee kind, field and --overdue; a table with Vietnamese labels by default", async () => {
    expect((await list("--as-of", "2023-12-31", "--status", "resolved")).map((r) => r.id)).toEqual(["kn-2023-01", "kn-2023-03", "kn-2023-08"])
    expect((await list("--as-of", "2023-12-31", "--addressee-kind", "people-committee")).map((r) => r.id)).toEqual(["kn-2023-09", "kn-2023-10"])
    expect((await list("--as-of", "2023-12-31", "--field", "giao thong")).map((r) => r.id)).toEqual(["kn-2023-04", "kn-2023-10"])
    expect((await list("--as-of", "2023-12-01", "--overdue")).map((r) => r.id)).toEqual(["kn-2023-06", "kn-2023-07", "kn-2023-10"])
    const table = await run(["recommendations", "list"], ["--as-of", "31/12/2023", "--council", "HĐND tỉnh Sơn La"])
    expect(table.status, table.stderr).toBe(0)
    expect(table.stdout).toMatch(/^kn-2023-01 +14\/10\/2023 +Ban Kinh tế – Xã hội HĐND huyện Mai Sơn .* đã giải quyết +10 +kn-2023-01; kn-2023-02$/m)
    expect(table.stdout).toMatch(/^kn-2023-10 .* đã chuyển +quá hạn +kn-2023-10$/m)
    expect(table.stderr).toContain("9 vụ việc (10 kiến nghị, kể cả kiến nghị đã gộp) tính đến ngày 31/12/2023")
    const csv = await run(["recommendations", "list"], ["--as-of", "2023-12-31", "--format", "csv", "--lang", "en"])
    expect(csv.stdout.split("\r\n")[0]).toBe("Id,Raised,Raised by,Field,Content,Addressee,Deadline,Status,Days to answer,Overdue,Sources")
    expect(csv.stdout).toContain("kn-2023-06,2023-10-14,hdnd-huyen-phu-yen/ban-kinh-te-xa-hoi,Y tế,")
  })
})

describe("hdnd recommendations stats", () => {
  it("the built-in indicators as of a date: later answers and evaluations do not count", async () => {
    expect(await total("2023-12-31")).toEqual({ raised: 9, answered: 7, resolved: 3, overdue: 2, resolutionRate: 3 / 9, medianDaysToAnswer: 21 })
    expect(await total("2023-12-01")).toMatchObject({ raised: 9, answered: 6, resolved: 2, overdue: 3 })
    expect(await total("2023-10-13")).toEqual({ raised: 0, answered: 0, resolved: 0, overdue: 0, resolutionRate: null, medianDaysToAnswer: null })
  })

  it("without --by: one labelled total row, in a table, CSV and JSON alike", async () => {
    const table = await run(["recommendations", "stats"], ["--as-of", "2023-12-31"])
    expect(table.status, table.stderr).toBe(0)
    const lines = table.stdout.trimEnd().split("\n")
    expect(lines[0]).toMatch(/^Phạm vi +Kiến nghị đã tiếp nhận/)
    expect(lines.filter((l) => /\b9 +7 +3 +2\b/.test(l))).toEqual([expect.stringMatching(/^Tổng cộng +9 +7 +3 +2 +33,3% +21$/)])
    const en = await run(["recommendations", "stats"], ["--as-of", "2023-12-31", "--lang", "en"])
    expect(en.stdout).toMatch(/^Total +9 +7 +3 +2 /m)
    const csv = await run(["recommendations", "stats"], ["--as-of", "2023-12-31", "--format", "csv"])
    expect(csv.stdout.split("\r\n").filter((l) => l.length > 0)).toHaveLength(2)
    const json = JSON.parse((await run(["recommendations", "stats"], ["--as-of", "2023-12-31", "--format", "json"])).stdout) as { rows: ReadonlyArray<unknown>; total: { raised: number } }
    expect(json.rows).toEqual([])
    expect(json.total.raised).toBe(9)
  })

  it("--by groups the matters; table labels in Vietnamese, codes in CSV", async () => {
    const table = await run(["recommendations", "stats"], ["--as-of", "2023-12-31", "--by", "addresseeKind"])
    expect(table.status, table.stderr).toBe(0)
    expect(table.stdout).toMatch(/^sở, ngành +4 +3 +0 +1 +0,0% +31$/m)
    expect(table.stdout).toMatch(/^Tổng cộng +9 +7 +3 +2 +33,3% +21$/m)
    const csv = await run(["recommendations", "stats"], ["--as-of", "2023-12-31", "--by", "level", "--format", "csv"])
    expect(csv.stdout.split("\r\n")).toEqual([
      "level,core/recommendation.raised,core/recommendation.answered,core/recommendation.resolved,core/recommendation.overdue,core/recommendation.resolution-rate,core/recommendation.median-days-to-answer",
      expect.stringMatching(/^central,1,1,0,0,0,31$/),
      expect.stringMatching(/^province,8,6,3,2,0\.375,/),
      ""
    ])
    const byOrigin = JSON.parse((await run(["recommendations", "stats"], ["--as-of", "2023-12-31", "--by", "origin", "--from", "2023-10-01", "--to", "2023-10-31", "--format", "json"])).stdout) as {
      rows: ReadonlyArray<{ origin: string; raised: number; labels: { origin: string } }>
    }
    expect(byOrigin.rows.find((r) => r.origin === "hdnd-huyen-song-ma/ban-phap-che")).toMatchObject({ raised: 1, labels: { origin: "Ban Pháp chế HĐND huyện Sông Mã" } })
  })

  it("bad options: exit 1 with what is wrong, in Vietnamese or English", async () => {
    const date = await run(["recommendations", "stats"], ["--as-of", "2023-13-45"])
    expect(date.status).toBe(1)
    expect(date.stderr).toContain('--as-of: "2023-13-45" không phải ngày')
    const en = await run(["recommendations", "list"], ["--as-of", "2023-13-45", "--lang", "en"])
    expect(en.status).toBe(1)
    expect(en.stderr).toContain('--as-of: "2023-13-45" is not a date')
    const half = await run(["recommendations", "stats"], ["--from", "2023-10-01"])
    expect(half.status).toBe(1)
    expect(half.stderr).toContain("--from và --to đi cùng nhau")
    const council = await run(["recommendations", "list"], ["--council", "HĐND tỉnh Lai Châu"])
    expect(council.status).toBe(1)
    expect(council.stderr).toContain('--council: không có HĐND nào tên hoặc mã "HĐND tỉnh Lai Châu"')
    const by = await run(["recommendations", "stats"], ["--by", "khong-co"])
    expect(by.status).toBe(1)
  })
})

describe("hdnd recommendations report", () => {
  it("the consolidated answer report as of the end of the period, and as of an earlier date", async () => {
    const r = await run(["recommendations", "report"], [...REPORT, "--format", "md"])
    expect(r.status, r.stderr).toBe(0)
    const text = r.stdout.replace(/\s+/g, " ")
    expect(text).toContain("đã tiếp nhận 9 kiến nghị, đề xuất; tính đến ngày 31/12/2023, đã trả lời 7 kiến nghị (78%), đã giải quyết xong 3 kiến nghị; còn 2 kiến nghị quá hạn chưa được trả lời.")
    expect(text).toContain("## Ban Kinh tế – Xã hội HĐND huyện Mai Sơn")
    expect(text).toContain("(gộp 2 ý kiến)")
    const early = await run(["recommendations", "report"], [...REPORT, "--as-of", "2023-12-01", "--format", "md"])
    expect(early.stdout.replace(/\s+/g, " ")).toContain("tính đến ngày 1/12/2023, đã trả lời 6 kiến nghị (67%), đã giải quyết xong 2 kiến nghị; còn 3 kiến nghị quá hạn")
  })

  it("writes every exporter's format, like hdnd report; -o a DOCX file holds the answers", async () => {
    const out = path.join(ws.dir, "tra-loi")
    const r = await run(["recommendations", "report"], [...REPORT, "--format", "docx,xlsx,html,json,txt", "-o", `${out}/`])
    expect(r.status, r.stderr).toBe(0)
    expect(fs.readdirSync(out).sort()).toEqual(["bao-cao.docx", "bao-cao.html", "bao-cao.json", "bao-cao.txt", "bao-cao.xlsx"])
    const docx = strFromU8(unzipSync(fs.readFileSync(path.join(out, "bao-cao.docx")))["word/document.xml"]!).replace(/<[^>]+>/g, "")
    expect(docx).toContain("Đề nghị đầu tư cầu treo bản Phiêng Hiềng, xã Chiềng Hặc")
    const json = JSON.parse(fs.readFileSync(path.join(out, "bao-cao.json"), "utf8"))
    expect(json.document.template).toBe("core/recommendation-answers")
    expect(json.document.figures.map((f: { indicator: string; value: number }) => [f.indicator, f.value])).toEqual([
      ["core/recommendation.raised", 9],
      ["core/recommendation.answered", 7],
      ["core/recommendation.resolved", 3],
      ["core/recommendation.overdue", 2]
    ])
  })

  it("-t son-la/answer-report (a plugin's template): the conference's frame and sections, the answers in its empty section", async () => {
    await installSonLaPlugin(ws.dir)
    const r = await run(["recommendations", "report"], [...REPORT, "--plugin", "@hdnd/province-son-la", "-t", "son-la/answer-report", "--number", "12", "--date", "2024-01-05", "--format", "json"])
    expect(r.status, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout).document as { template: string; title: string; header: { number: string; issuingBody: ReadonlyArray<string> }; sections: ReadonlyArray<{ heading: string; blocks: ReadonlyArray<{ _tag: string; text?: string }> }> }
    expect(doc.template).toBe("son-la/answer-report")
    expect(doc.title).toBe("Báo cáo tổng hợp tiếp thu, trao đổi, giải đáp kiến nghị, đề xuất của các ban HĐND cấp dưới từ tháng 10 năm 2023 đến tháng 12 năm 2023")
    expect(doc.header).toMatchObject({ number: "Số: 12/BC-HĐND", issuingBody: ["HỘI ĐỒNG NHÂN DÂN", "TỈNH SƠN LA"] })
    expect(doc.sections.map((s) => s.heading)).toEqual(["I. Tình hình tiếp nhận kiến nghị, đề xuất", "II. Kết quả tiếp thu, trao đổi, giải đáp", "III. Đề nghị"])
    const answers = doc.sections[1]!.blocks
    expect(answers.filter((b) => b._tag === "Heading").map((b) => b.text)).toEqual([
      "1. Tổng hợp",
      "2. Ban Kinh tế – Xã hội HĐND huyện Bắc Yên",
      "3. Ban Kinh tế – Xã hội HĐND huyện Mai Sơn",
      "4. Ban Kinh tế – Xã hội HĐND huyện Mường La",
      "5. Ban Kinh tế – Xã hội HĐND huyện Phù Yên",
      "6. Ban Kinh tế – Xã hội HĐND huyện Sông Mã",
      "7. Ban Kinh tế – Xã hội HĐND huyện Yên Châu",
      "8. Ban Kinh tế – Xã hội HĐND thành phố Sơn La",
      "9. Ban Pháp chế HĐND huyện Quỳnh Nhai",
      "10. Ban Pháp chế HĐND huyện Sông Mã"
    ])
  })

  it("an unknown template or format is a usage error (exit 1) that lists what there is", async () => {
    const template = await run(["recommendations", "report"], [...REPORT, "-t", "khong-co"])
    expect(template.status).toBe(1)
    expect(template.stderr).toContain('không có mẫu báo cáo "khong-co"')
    const format = await run(["recommendations", "report"], [...REPORT, "--format", "pdf"])
    expect(format.status).toBe(1)
    expect(format.stderr).toContain("không có định dạng pdf")
    const period = await run(["recommendations", "report"], ["--from", "2023-12-31", "--to", "2023-10-01", "--lang", "en"])
    expect(period.status).toBe(1)
    expect(period.stderr).toContain("--to (2023-10-01) is before --from (2023-12-31)")
  })
})

describe("recommendation figures in hdnd report templates, with the number style", () => {
  const template = (name: string, text: string, extra: Record<string, unknown> = {}) =>
    ws.write(
      name,
      JSON.stringify({ id: `test/${name.replace(/\W/g, "")}`, vi: "Thử", en: "Test", title: "Báo cáo {{period}}", groupBy: [], sections: [{ blocks: [{ _tag: "Paragraph", text }] }], ...extra })
    )

  it("{{count core/recommendation.raised}} works like any indicator, as of the end of the period, and agrees with recommendations stats", async () => {
    const stats = JSON.parse((await run(["recommendations", "stats"], ["--as-of", "2023-12-31", ...REPORT, "--format", "json"])).stdout) as { total: Figures }
    const file = template("kn.json", "Đã có {{count core/recommendation.raised}}, trả lời {{number core/recommendation.answered}}, quá hạn {{count core/recommendation.overdue pad=2}}.")
    const r = await run(["report"], ["-t", file, ...REPORT, "--format", "txt"])
    expect(r.status, r.stderr).toBe(0)
    const pad = (n: number) => String(n).padStart(2, "0")
    expect(r.stdout.replace(/\s+/g, " ")).toContain(`Đã có ${stats.total.raised} kiến nghị, trả lời ${stats.total.answered}, quá hạn ${pad(stats.total.overdue)} kiến nghị.`)
  })

  it("--number-style sets every figure's style; a placeholder's own option still wins; a template's default is overridden", async () => {
    const file = template("style.json", "{{count core/recommendation.raised}} / {{number core/recommendation.raised digits}}", { numberStyle: { pad: 3 } })
    const n = (JSON.parse((await run(["recommendations", "stats"], ["--as-of", "2023-12-31", ...REPORT, "--format", "json"])).stdout) as { total: Figures }).total.raised
    const plain = await run(["report"], ["-t", file, ...REPORT, "--format", "txt"])
    expect(plain.stdout).toContain(`${String(n).padStart(3, "0")} kiến nghị / ${String(n).padStart(3, "0")}`)
    const words = await run(["report"], ["-t", file, ...REPORT, "--format", "txt", "--number-style", "words"])
    expect(words.status, words.stderr).toBe(0)
    expect(words.stdout).toContain(`${Format.numberInWordsVi(n)} kiến nghị / ${String(n).padStart(3, "0")}`)
    const bad = await run(["report"], ["-t", file, ...REPORT, "--number-style", "pad=x", "--lang", "en"])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain("--number-style")
    expect(bad.stderr).toContain("pad needs a number of digits from 0 to 20")
  })

  it("recommendations report -t takes --number-style too: the template's figures and the answer report's own counts", async () => {
    const file = template("ans-style.json", "Tổng số: {{count core/recommendation.raised}}, riêng {{number core/recommendation.raised digits grouping=no}}.")
    const n = (JSON.parse((await run(["recommendations", "stats"], ["--as-of", "2023-12-31", ...REPORT, "--format", "json"])).stdout) as { total: Figures }).total.raised
    expect(n).toBeGreaterThan(0)
    const plain = await run(["recommendations", "report"], ["-t", file, ...REPORT, "--format", "json"])
    expect(plain.status, plain.stderr).toBe(0)
    const styled = await run(["recommendations", "report"], ["-t", file, ...REPORT, "--format", "json", "--number-style", "pad=4,words"])
    expect(styled.status, styled.stderr).toBe(0)
    const text = (out: string) => JSON.stringify(JSON.parse(out))
    // The template's placeholder in words; its own `digits` still wins (and pad=4 applies there).
    expect(text(styled.stdout)).toContain(`Tổng số: ${Format.numberInWordsVi(n)} kiến nghị, riêng ${String(n).padStart(4, "0")}.`)
    expect(text(plain.stdout)).toContain(`Tổng số: ${n} kiến nghị, riêng ${n}.`)
    // The answer report's own sentence ("đã tiếp nhận … kiến nghị, đề xuất") follows the style too,
    // and its table cells take the padding but never words.
    expect(text(styled.stdout)).toMatch(/đã (tiếp nhận|kiến nghị|chuyển) [a-zàáâãèéêìíòóôõùúăđĩũơưạảấầẩẫậắằẳẵặẹẻẽềềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ ]+ (kiến nghị|nội dung)/u)
    type Table = { _tag: string; columns: ReadonlyArray<string>; rows: ReadonlyArray<ReadonlyArray<{ text: string; value?: number }>>; total?: ReadonlyArray<{ text: string; value?: number }> }
    const byField = (out: string) => {
      const doc = (JSON.parse(out) as { document: { sections: ReadonlyArray<{ blocks: ReadonlyArray<Table> }> } }).document
      const t = doc.sections.flatMap((x) => x.blocks).find((b) => b._tag === "Table" && b.columns.includes("Số kiến nghị"))!
      return [...t.rows, t.total ?? []].flatMap((r) => r.slice(1))
    }
    expect(byField(styled.stdout).length).toBeGreaterThan(0)
    expect(byField(styled.stdout).map((x) => x.text)).toEqual(byField(plain.stdout).map((x) => String(x.value).padStart(4, "0")))
    const bad = await run(["recommendations", "report"], ["-t", file, ...REPORT, "--number-style", "pad=x"])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain("pad cần một số chữ số từ 0 đến 20")
  })

  it("hdnd stats --number-style writes the values in the official style in the table and CSV; JSON keeps the number and adds the text", async () => {
    const args = ["-i", "core/recommendation.raised", ...REPORT]
    const json = JSON.parse((await run(["stats"], [...args, "--format", "json"])).stdout) as ReadonlyArray<{ value: number; text?: string }>
    const n = json[0]!.value
    expect(n).toBeGreaterThan(0)
    expect(json[0]!.text).toBeUndefined()
    const table = await run(["stats"], [...args, "--number-style", "pad=5"])
    expect(table.status, table.stderr).toBe(0)
    expect(table.stdout).toContain(String(n).padStart(5, "0"))
    const csv = await run(["stats"], [...args, "--format", "csv", "--number-style", "words"])
    expect(csv.stdout.trim().split("\n").at(-1)).toMatch(new RegExp(`,${Format.numberInWordsVi(n)}$`))
    const styledJson = JSON.parse((await run(["stats"], [...args, "--format", "json", "--number-style", "pad=5"])).stdout) as ReadonlyArray<{ value: number; text?: string }>
    expect(styledJson[0]).toMatchObject({ value: n, text: String(n).padStart(5, "0") })
    const bad = await run(["stats"], [...args, "--number-style", "grouping=maybe", "--lang", "en"])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain("grouping is yes or no")
  })

  it("hdnd stats tabulates recommendation indicators like any other, by council", async () => {
    const stats = JSON.parse((await run(["recommendations", "stats"], ["--as-of", "2023-12-31", ...REPORT, "--format", "json"])).stdout) as { total: Figures }
    const r = await run(["stats"], ["-i", "core/recommendation.raised", "-i", "core/recommendation.answered", ...REPORT, "--by", "council", "--format", "json"])
    expect(r.status, r.stderr).toBe(0)
    const rows = JSON.parse(r.stdout) as ReadonlyArray<{ indicator: string; council: string; value: number }>
    expect(rows.every((x) => x.council.length > 0)).toBe(true)
    const sum = (id: string) => rows.filter((x) => x.indicator === id).reduce((a, x) => a + x.value, 0)
    expect([sum("core/recommendation.raised"), sum("core/recommendation.answered")]).toEqual([stats.total.raised, stats.total.answered])
  })

  it("a misspelt indicator names the template, the placeholder, the id and the closest ids, not a code object", async () => {
    const file = template("sai.json", "{{count core/recomendation.raised}}")
    const r = await run(["report"], ["-t", file, ...REPORT])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain("{{count core/recomendation.raised}}")
    expect(r.stderr).toContain("core/recommendation.raised")
    expect(r.stderr).not.toContain("registry.indicators")
    const en = await run(["report"], ["-t", file, ...REPORT, "--lang", "en"])
    expect(en.stderr).toContain('no indicator "core/recomendation.raised"; the closest ones: core/recommendation.raised')
  })
})
