/**
 * The steps of the demo as reusable effects: load a batch into the store, tabulate what the template
 * needs for the province's subtree and the period, render the document, and describe the run.
 *
 * @since 0.1.0
 */
import { CalendarDate, Dataset, Format, Indicators, MemoryStore, Report, Store, Tabulation, TabulationRequest } from "@hdnd/core"
import type { Errors, ReportDocument } from "@hdnd/core"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import { PERIOD, PROVINCE_UNIT_ID } from "./data.js"
import { registry, template } from "./template.js"

/**
 * The day the tabulation takes the administrative hierarchy as of (the end of the period).
 *
 * @since 0.1.0
 */
export const AS_OF: CalendarDate.CalendarDate = CalendarDate.date("2023-08-31")

/**
 * The number and date of the rendered report.
 *
 * @since 0.1.0
 */
export const RENDER_OPTIONS: Report.RenderOptions = { number: 85, date: CalendarDate.date("2023-10-14") }

/**
 * What a run produced.
 *
 * @since 0.1.0
 */
export interface RunResult {
  readonly batch: Dataset.Batch
  readonly written: Store.UpsertResult
  readonly tab: Tabulation.Tabulation
  readonly doc: ReportDocument.ReportDocument
}

/**
 * Upserts the batch into the store, tabulates and renders the report.
 *
 * @since 0.1.0
 */
export const loadAndRender = (
  batch: Dataset.Batch
): Effect.Effect<RunResult, Errors.ValidationError | Errors.StoreError | Errors.TabulationError | Errors.ReportError, Store.Store> =>
  Effect.gen(function* () {
    const store = yield* Store.Store
    const written = yield* store.upsert(batch)
    const request = Report.requestFor(template, TabulationRequest.subtree(PROVINCE_UNIT_ID, AS_OF), PERIOD, true)
    const tab = yield* store.tabulate(request)
    const doc = yield* Effect.fromResult(Report.render(template, tab, registry, RENDER_OPTIONS))
    return { batch, written, tab, doc }
  })

/**
 * {@link loadAndRender} over a store that knows the template: a fresh in-memory store unless another
 * store layer is given (the demo passes a SQLite file).
 *
 * @since 0.1.0
 */
export const run = (batch: Dataset.Batch, store: Layer.Layer<Store.Store, Errors.StoreError> = MemoryStore.layer({ registry })) =>
  loadAndRender(batch).pipe(Effect.provide(store))

const n = (x: number): string => Format.formatNumber(x)

/**
 * The footer printed after the report: records loaded, conflicts, unapportioned tallies and one
 * drill-down, in Vietnamese.
 *
 * @since 0.1.0
 */
export const footer = (r: RunResult): string => {
  const b = r.batch
  const parts: ReadonlyArray<readonly [number, string]> = [
    [b.units?.length ?? 0, "đơn vị hành chính"],
    [b.lineage?.length ?? 0, "sự kiện sắp xếp"],
    [b.councils?.length ?? 0, "HĐND"],
    [b.terms?.length ?? 0, "nhiệm kỳ"],
    [b.organs?.length ?? 0, "cơ quan"],
    [b.sessions?.length ?? 0, "kỳ họp"],
    [b.activities?.length ?? 0, "hoạt động"],
    [b.tallies?.length ?? 0, "số liệu tổng hợp"]
  ]
  const conflicts = Tabulation.conflicts(r.tab)
  const unapportioned = [...r.tab.unapportioned].sort()
  const where = { level: "province" } as const
  const value = Tabulation.valueOf(r.tab, Indicators.ids.reviewReport, where)
  const records = Tabulation.recordsOf(r.tab, Indicators.ids.reviewReport, where)
  const lines = [
    "----------------------------------------------------------------------",
    `Đã nạp ${n(Dataset.batchSize(b))} bản ghi (${parts.map(([k, label]) => `${n(k)} ${label}`).join(", ")}): ` +
      `thêm mới ${n(r.written.inserted)}, cập nhật ${n(r.written.updated)}, không đổi ${n(r.written.unchanged)}.`,
    conflicts.length === 0
      ? "Xung đột giữa số liệu chi tiết và số liệu tổng hợp: không có."
      : `Xung đột giữa số liệu chi tiết và số liệu tổng hợp: ${conflicts.map((c) => `${c.indicator} (${c.body}: ${n(c.items)} bản ghi, số liệu tổng hợp ${n(c.tallyValue)})`).join("; ")}.`,
    unapportioned.length === 0
      ? "Số liệu tổng hợp không phân bổ được vào kỳ báo cáo: không có."
      : `Số liệu tổng hợp không phân bổ được vào kỳ báo cáo: ${unapportioned.join(", ")}.`,
    `Truy vết "${n(value.value)} báo cáo" (${Indicators.ids.reviewReport}, cấp tỉnh): ${n(records.activities.length)} hoạt động, ` +
      `${n(records.tallies.length)} số liệu tổng hợp; 3 hoạt động đầu tiên: ${records.activities.slice(0, 3).join(", ")}.`
  ]
  return lines.join("\n") + "\n"
}
