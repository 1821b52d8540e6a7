/**
 * `hdnd recommendations list`: the recommendations, proposals and voters' petitions in the store
 * (kiến nghị, đề xuất; ý kiến, kiến nghị của cử tri), one row per matter (merged petitions counted
 * once, their sources listed), with the status as of a date.
 *
 * @since 0.1.0
 */
import { Format } from "@hdnd/core"
import type { CalendarDate, Errors, Recommendation, RecommendationStatus } from "@hdnd/core"
import * as Effect from "effect/Effect"
import type { Common } from "../../Context.js"
import { info, optionalPeriod, parseOptionalDate, print, today, withReadStore } from "../../Context.js"
import type { UsageError } from "../../Failure.js"
import type { Lang } from "../../Lang.js"
import { num, pick } from "../../Lang.js"
import type { TableFormat } from "../../Output.js"
import { councilIds, listMatters, namesOf, originName, recordsOf, statusLabel } from "./Matters.js"

const date = (lang: Lang, d: CalendarDate.CalendarDate | undefined, format: TableFormat): string =>
  d === undefined ? "" : format === "table" && lang === "vi" ? Format.formatDateShort(d) : d

const shorten = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`)

/**
 * Options of `hdnd recommendations list`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ListOptions {
  readonly councils: ReadonlyArray<string>
  readonly asOf?: string
  readonly from?: string
  readonly to?: string
  readonly statuses: ReadonlyArray<RecommendationStatus.Status>
  readonly addresseeKinds: ReadonlyArray<Recommendation.AddresseeKind>
  readonly fields: ReadonlyArray<string>
  readonly overdue: boolean
  readonly format: TableFormat
}

/**
 * `hdnd recommendations list`: one row per matter with its status as of a date.
 *
 * @since 0.1.0
 * @category commands
 */
export const list = (c: Common, o: ListOptions): Effect.Effect<void, UsageError | Errors.StoreError> =>
  Effect.gen(function* () {
    const asOf = (yield* parseOptionalDate("as-of", o.asOf)) ?? today()
    const p = yield* optionalPeriod(o.from, o.to)
    const { rows, names, recordCount } = yield* withReadStore(c, (store) =>
      Effect.gen(function* () {
        const { ds, councils } = yield* councilIds(store, o.councils)
        const records = yield* recordsOf(store, councils)
        const rows = listMatters(records, {
          asOf,
          ...(p === undefined ? {} : { period: p }),
          statuses: o.statuses,
          addresseeKinds: o.addresseeKinds,
          fields: o.fields,
          overdue: o.overdue
        })
        return { rows, names: namesOf(ds), recordCount: records.recommendations.length }
      })
    )
    const t = (vi: string, en: string) => pick(c.lang, vi, en)
    const header = [
      t("Mã", "Id"),
      t("Ngày tiếp nhận", "Raised"),
      t("Cơ quan nêu", "Raised by"),
      t("Lĩnh vực", "Field"),
      t("Nội dung", "Content"),
      t("Cơ quan nhận", "Addressee"),
      t("Hạn trả lời", "Deadline"),
      t("Tình trạng", "Status"),
      t("Số ngày trả lời", "Days to answer"),
      t("Quá hạn", "Overdue"),
      t("Nguồn", "Sources")
    ]
    const table = o.format === "table"
    const body = rows.map((r) => [
      r.id,
      date(c.lang, r.raisedOn, o.format),
      table ? originName(names, r.origin, c.lang) : r.origin,
      r.field,
      table ? shorten(r.content, 60) : r.content,
      r.addressee,
      date(c.lang, r.deadline, o.format),
      table ? statusLabel(c.lang, r.status) : r.status,
      r.daysToAnswer === undefined ? "" : String(r.daysToAnswer),
      r.overdue ? (table ? t("quá hạn", "overdue") : "true") : table ? "" : "false",
      r.sources.map((s) => s.id).join("; ")
    ])
    const json = rows.map((r) => ({ ...r, originName: originName(names, r.origin, c.lang), statusLabel: statusLabel(c.lang, r.status) }))
    yield* print(o.format, header, body, json, new Set([8]))
    const sources = rows.reduce((n, r) => n + r.sources.length, 0)
    yield* info(
      c,
      `${num(c.lang, rows.length)} vụ việc (${num(c.lang, sources)} kiến nghị, kể cả kiến nghị đã gộp) tính đến ngày ${Format.formatDateShort(asOf)}${recordCount === 0 ? "; cơ sở dữ liệu chưa có kiến nghị nào (nhập bằng hdnd import kien-nghi.csv tra-loi.csv danh-gia.csv)" : ""}`,
      `${num(c.lang, rows.length)} matters (${num(c.lang, sources)} records, merged ones included) as of ${asOf}${recordCount === 0 ? "; the database holds no recommendation yet (import them with hdnd import kien-nghi.csv tra-loi.csv danh-gia.csv)" : ""}`
    )
  })
