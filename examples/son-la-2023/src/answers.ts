/**
 * The conference's consolidated answer report through the API: the proposals the district committees
 * raised at the conference of 14 October 2023, who answered, the answer and the status as of 31
 * December 2023, imported from the interchange CSV files `data/kien-nghi.csv`, `data/tra-loi.csv` and
 * `data/danh-gia.csv` (with `@hdnd/import`, into an in-memory store holding the example's structure) and
 * built with `RecommendationReport.answerReport`. The proposals and answers are SYNTHETIC
 * (illustrative, not from real documents; their note column says so); organ names come from
 * `@hdnd/province-son-la`. The demo (`scripts/demo.mjs`) does the same with the CLI:
 * `hdnd import` of the files into the SQLite file, then `hdnd recommendations report`.
 *
 *   npx tsx --conditions=@hdnd/source examples/son-la-2023/src/answers.ts
 *
 * @since 0.1.0
 */
import { CalendarDate, MemoryStore, Recommendation, RecommendationReport, RecommendationStats, RecommendationStatus, ReportText, Store } from "@hdnd/core"
import { Import } from "@hdnd/import"
import * as SonLa from "@hdnd/province-son-la"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { fileURLToPath } from "node:url"
import { sonLaBatch } from "./data.js"

const data = (file: string) => fileURLToPath(new URL(`../data/${file}`, import.meta.url))

/**
 * The files of the synthetic proposals, answers and evaluations, in import order.
 *
 * @since 0.1.0
 */
export const DATA_FILES: ReadonlyArray<string> = ["kien-nghi.csv", "tra-loi.csv", "danh-gia.csv"].map(data)

/**
 * The files of the synthetic 2023 work programme of the provincial Legal Affairs committee (the
 * programme, then its items).
 *
 * @since 0.1.0
 */
export const PROGRAMME_FILES: ReadonlyArray<string> = ["chuong-trinh.csv", "noi-dung-chuong-trinh.csv"].map(data)

/**
 * The records of the CSV files, imported (every row checked, references included) into an in-memory
 * store that holds the example's structure, and checked for the order of events (rejects with every
 * problem otherwise).
 *
 * @since 0.1.0
 */
export const records = (files: ReadonlyArray<string> = DATA_FILES): Promise<RecommendationStatus.Records> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* Store.Store
      yield* store.upsert(sonLaBatch())
      const summary = yield* Import.run(files)
      if (!summary.committed) return yield* Effect.fail(new Error(`${summary.problemCount} problems in ${files.join(", ")}`))
      const all = <K extends "recommendations" | "responses" | "evaluations">(kind: K) => Effect.map(Stream.runCollect(store.stream(kind)), (c) => [...c])
      const result = { recommendations: yield* all("recommendations"), responses: yield* all("responses"), evaluations: yield* all("evaluations") }
      const problems = RecommendationStatus.check(result)
      if (problems.length > 0) return yield* Effect.fail(new Error(problems.map((p) => p.describe("vi")).join("\n")))
      return result
    }).pipe(Effect.provide(MemoryStore.layer()))
  )

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
export const answerReport = (data: RecommendationStatus.Records) =>
  RecommendationReport.answerReport(data, {
    period: PERIOD,
    title: "Báo cáo tổng hợp tiếp thu, trao đổi, giải đáp kiến nghị, đề xuất của các ban HĐND các huyện, thành phố (dữ liệu giả định)",
    organNames: new Map((SonLa.plugin.data?.organs ?? []).map((o) => [o.id as string, o.name])),
    organCouncils: new Map((SonLa.plugin.data?.organs ?? []).map((o) => [o.id as string, o.council as string])),
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
  const data = await records()
  process.stdout.write(ReportText.toText(answerReport(data)))
  const byAddressee = RecommendationStats.summarise(data, { asOf: PERIOD.to, period: PERIOD, groupBy: ["addresseeKind"] })
  process.stdout.write("\nTheo cơ quan nhận kiến nghị / by addressee:\n")
  for (const r of byAddressee.rows) {
    const kind = r.key.addresseeKind as Recommendation.AddresseeKind
    process.stdout.write(`  ${Recommendation.labels.addressee[kind][0]}: ${r.raised} kiến nghị, ${r.answered} đã trả lời, ${r.resolved} đã giải quyết, ${r.overdue} quá hạn\n`)
  }
}
