/**
 * Tabulations as report documents: a bare tabulation laid out as tables (what exporters write when
 * given a tabulation rather than a document, through `Exporter.documentOf`; `hdnd stats` does not use
 * it and prints its own table, CSV or JSON), and the drill-down appendix that lists the records behind
 * every figure of a traced tabulation.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import type { Activity } from "./Activity.js"
import { formatCount, formatDateShort, formatNumber, formatPeriod, formatQualified } from "./Format.js"
import type { IndicatorId } from "./Ids.js"
import type { Registry } from "./Registry.js"
import type { DocCell, DocTable, ReportDocument } from "./ReportDocument.js"
import { DOCUMENT_FORMAT_VERSION } from "./ReportDocument.js"
import type { Dimension, Row, Tabulation } from "./Tabulation.js"
import { conflicts, labelOf, toRows, valueOf } from "./Tabulation.js"
import type { Tally } from "./Tally.js"

/**
 * The Vietnamese and English name of each grouping dimension, as column headers.
 *
 * @since 0.1.0
 * @category labels
 */
export const DIMENSION_LABELS: Readonly<Record<Dimension, { readonly vi: string; readonly en: string }>> = {
  council: { vi: "Hội đồng nhân dân", en: "Council" },
  unit: { vi: "Đơn vị hành chính", en: "Administrative unit" },
  level: { vi: "Cấp", en: "Level" },
  organ: { vi: "Cơ quan", en: "Organ" },
  organKind: { vi: "Loại cơ quan", en: "Organ kind" },
  committeeKind: { vi: "Loại ban", en: "Committee kind" },
  ownerKind: { vi: "Thực hiện thay cho", en: "On behalf of" },
  kind: { vi: "Loại hoạt động", en: "Activity kind" },
  sessionType: { vi: "Loại kỳ họp", en: "Session type" },
  month: { vi: "Tháng", en: "Month" },
  quarter: { vi: "Quý", en: "Quarter" },
  year: { vi: "Năm", en: "Year" },
  role: { vi: "Vai trò", en: "Role" }
}

/** A row's dimension values in reading order: chronological for time, by label otherwise. */
const sortRows = (tab: Tabulation, rows: ReadonlyArray<Row>): ReadonlyArray<Row> => {
  const collator = new Intl.Collator("vi")
  const time = new Set<Dimension>(["month", "quarter", "year"])
  return [...rows].sort((a, b) => {
    for (let i = 0; i < tab.dimensions.length; i++) {
      const x = a.key[i]!
      const y = b.key[i]!
      if (x === y) continue
      return time.has(tab.dimensions[i]!) ? (x < y ? -1 : 1) : collator.compare(labelOf(tab, x), labelOf(tab, y)) || (x < y ? -1 : 1)
    }
    return 0
  })
}

const numberCell = (value: number, qualifier: Parameters<typeof formatCount>[1] = "exact", wording?: string): DocCell => ({
  text: formatQualified(value, qualifier, wording),
  value
})

/**
 * A tabulation laid out as a report document: with no grouping, one table of every indicator and its
 * value; grouped, one table per indicator with a column per dimension, a row per combination of
 * values that has a cell, and the indicator's total. Conflicts between itemised records and reported
 * tallies are listed in a closing paragraph. Fails (Left) when the tabulation has no period.
 *
 * @since 0.1.0
 * @category conversions
 */
export const fromTabulation = (tab: Tabulation, registry: Registry): Result.Result<ReportDocument, { readonly vi: string; readonly en: string }> => {
  if (tab.period === undefined) {
    return Result.fail({ vi: "bảng tổng hợp không có kỳ báo cáo; hãy tổng hợp với một kỳ (--from, --to)", en: "the tabulation has no period; tabulate over one (--from, --to)" })
  }
  const nameOf = (id: IndicatorId) => registry.indicators.get(id)?.vi ?? id
  const indicators = [...tab.indicators.keys()]
  const rows = toRows(tab)
  const tables: Array<DocTable> =
    tab.dimensions.length === 0
      ? [
          {
            _tag: "Table",
            title: "Kết quả tổng hợp",
            columns: ["Mã chỉ tiêu", "Chỉ tiêu", "Giá trị"],
            rows: indicators.map((id) => {
              const v = valueOf(tab, id)
              return [{ text: id }, { text: nameOf(id) }, numberCell(v.value, v.qualifier, v.wording)]
            })
          }
        ]
      : indicators.map((id) => {
          const total = valueOf(tab, id)
          return {
            _tag: "Table",
            title: nameOf(id),
            columns: [...tab.dimensions.map((d) => DIMENSION_LABELS[d].vi), "Giá trị"],
            rows: sortRows(tab, rows.filter((r) => r.indicator === id)).map((r) => [
              ...r.key.map((k) => ({ text: labelOf(tab, k) })),
              numberCell(r.value, r.qualifier, r.wording)
            ]),
            total: [{ text: "Tổng cộng" }, ...tab.dimensions.slice(1).map(() => ({ text: "" })), numberCell(total.value, total.qualifier, total.wording)]
          }
        })
  const found = conflicts(tab)
  const notes = found.map(
    (c) =>
      `${nameOf(c.indicator)}: ${labelOf(tab, c.body)} có ${formatNumber(c.items)} bản ghi chi tiết và số liệu báo cáo ${formatNumber(c.tallyValue)} (${c.tallies.join(", ")}); số liệu báo cáo không được cộng.`
  )
  return Result.succeed({
    formatVersion: DOCUMENT_FORMAT_VERSION,
    template: "tabulation",
    title: `Bảng tổng hợp số liệu ${formatPeriod(tab.period)}`,
    period: tab.period,
    sections: [
      { blocks: tables },
      ...(notes.length === 0 ? [] : [{ heading: "Chênh lệch số liệu", blocks: notes.map((text) => ({ _tag: "Paragraph" as const, text })) }])
    ],
    figures: []
  })
}

/**
 * The records behind every figure of a traced tabulation, as one appendix table: for each indicator
 * and cell, each activity counted (its id, date, kind and title, looked up in `activities`; the
 * quantity 1 for a count, blank for a distinct-sessions figure, where sessions are what is counted) and each
 * tally added (its id and value, looked up in `tallies`). A record that is not in the lookup is
 * listed by id alone.
 *
 * @since 0.1.0
 * @category conversions
 */
export const drillDown = (
  tab: Tabulation,
  registry: Registry,
  activities: ReadonlyMap<string, Activity>,
  tallies: ReadonlyMap<string, Tally> = new Map()
): DocTable => {
  const nameOf = (id: IndicatorId) => registry.indicators.get(id)?.vi ?? id
  const kindOf = (id: string) => registry.activityKinds.get(id as never)?.vi ?? id
  const out: Array<ReadonlyArray<DocCell>> = []
  for (const cell of [...tab.cells.values()].sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.key.join() < b.key.join() ? -1 : 1))) {
    const where = cell.key.map((k) => labelOf(tab, k)).join(" · ")
    const lead = [{ text: nameOf(cell.indicator) }, { text: where }]
    for (const id of [...cell.activities].sort()) {
      const a = activities.get(id)
      out.push([
        ...lead,
        { text: id },
        { text: a === undefined ? "" : formatDateShort(a.date.from) },
        { text: a === undefined ? "" : kindOf(a.kind) },
        { text: a?.title ?? "" },
        // An activity adds one to a count; to a distinct-sessions figure it adds its session, once.
        tab.indicators.get(cell.indicator) === "count" ? numberCell(1) : { text: "" }
      ])
    }
    for (const part of [...cell.tallies].sort((x, y) => (x.id < y.id ? -1 : 1))) {
      const t = tallies.get(part.id)
      out.push([
        ...lead,
        { text: part.id },
        { text: t === undefined ? "" : formatDateShort(t.period.from) },
        { text: "Số liệu báo cáo" },
        { text: t?.note ?? "" },
        numberCell(part.value, part.qualifier, part.wording)
      ])
    }
  }
  return {
    _tag: "Table",
    title: "Phụ lục: hồ sơ chi tiết của từng số liệu",
    columns: ["Chỉ tiêu", "Nhóm", "Mã hồ sơ", "Ngày", "Loại", "Nội dung", "Số lượng"],
    rows: out
  }
}
