/**
 * The conference's consolidated answer report: the proposals the district committees raised at the
 * conference of 14 October 2023, who answered, the answer and the status as of 31 December 2023,
 * built from `data/kien-nghi.json` with `RecommendationReport.answerReport` and printed as text. The
 * proposals and answers are SYNTHETIC (illustrative, not from real documents); organ names come from
 * `@hdnd/province-son-la`.
 *
 * The recommendations are read from their JSON file and checked with core's schemas and
 * `RecommendationStatus.check`; storing them in the SQLite file and importing them with `hdnd import`
 * come with the store and interchange support for recommendations.
 *
 *   npx tsx --conditions=@hdnd/source examples/son-la-2023/src/answers.ts
 *
 * @since 0.1.0
 */
import { CalendarDate, Recommendation, RecommendationReport, RecommendationStats, RecommendationStatus, ReportText } from "@hdnd/core"
import * as SonLa from "@hdnd/province-son-la"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"
import { fileURLToPath } from "node:url"

/**
 * The file of the synthetic proposals, answers and evaluations.
 *
 * @since 0.1.0
 */
export const DATA_FILE = fileURLToPath(new URL("../data/kien-nghi.json", import.meta.url))

const Records = Schema.Struct({
  recommendations: Schema.Array(Recommendation.Recommendation),
  responses: Schema.Array(Recommendation.Response),
  evaluations: Schema.Array(Recommendation.Evaluation)
})

/**
 * The records of `data/kien-nghi.json`, decoded and checked (throws with every problem otherwise).
 *
 * @since 0.1.0
 */
export const records = (file = DATA_FILE): RecommendationStatus.Records => {
  const decoded = Schema.decodeUnknownSync(Records)(JSON.parse(fs.readFileSync(file, "utf8")))
  const problems = RecommendationStatus.check(decoded)
  if (problems.length > 0) throw new Error(problems.map((p) => p.describe("vi")).join("\n"))
  return decoded
}

/**
 * The period the report covers and the date its statuses are taken on.
 *
 * @since 0.1.0
 */
export const PERIOD = { from: CalendarDate.date("2023-10-01"), to: CalendarDate.date("2023-12-31") }

/**
 * The consolidated answer report of the synthetic data.
 *
 * @since 0.1.0
 */
export const answerReport = (data: RecommendationStatus.Records = records()) =>
  RecommendationReport.answerReport(data, {
    period: PERIOD,
    title: "Báo cáo tổng hợp tiếp thu, trao đổi, giải đáp kiến nghị, đề xuất của các ban HĐND các huyện, thành phố (dữ liệu giả định)",
    organNames: new Map((SonLa.plugin.data?.organs ?? []).map((o) => [o.id as string, o.name])),
    frame: {
      issuingBody: ["HĐND TỈNH SƠN LA", "CÁC BAN CỦA HĐND TỈNH"],
      documentType: "BC",
      issuer: "HĐND",
      place: "Sơn La",
      recipients: ["Thường trực HĐND tỉnh", "Các ban HĐND các huyện, thành phố", "Lưu: VT"],
      signatureTitle: ["TM. CÁC BAN HĐND TỈNH", "TRƯỞNG BAN KINH TẾ - NGÂN SÁCH"]
    },
    date: CalendarDate.date("2024-01-05")
  })

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const data = records()
  process.stdout.write(ReportText.toText(answerReport(data)))
  const byAddressee = RecommendationStats.summarise(data, { asOf: PERIOD.to, period: PERIOD, groupBy: ["addresseeKind"] })
  process.stdout.write("\nTheo cơ quan nhận kiến nghị / by addressee:\n")
  for (const r of byAddressee.rows) {
    const kind = r.key.addresseeKind as Recommendation.AddresseeKind
    process.stdout.write(`  ${Recommendation.labels.addressee[kind][0]}: ${r.raised} kiến nghị, ${r.answered} đã trả lời, ${r.resolved} đã giải quyết, ${r.overdue} quá hạn\n`)
  }
}
