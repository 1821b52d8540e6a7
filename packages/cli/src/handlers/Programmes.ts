/**
 * `hdnd programme progress` and `hdnd programme draft`: work programmes (chương trình công tác năm)
 * against the activities in the store — planned items done, not done, not yet due, and the work done
 * outside the plan ("thực hiện 15/17 nội dung theo chương trình") — and the next year's programme
 * drafted from the unfinished items, written as interchange files to edit and `hdnd import`.
 *
 * @since 0.1.0
 */
import { CalendarDate, Dataset, Format, Programme, Store } from "@hdnd/core"
import type { Activity, Errors, Ids, Registry } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"
import * as path from "node:path"
import type { Common } from "../Context.js"
import { collect, findCouncils, findOrgan, info, out, parseOptionalDate, print, registryOf, today, withReadStore } from "../Context.js"
import { UsageError } from "../Failure.js"
import type { Lang } from "../Lang.js"
import { num, pick } from "../Lang.js"
import * as OutputFile from "../OutputFile.js"
import type { TableFormat } from "../Output.js"

/**
 * Which programmes: by id, or by organ and year (and council); all of them when nothing is given.
 *
 * @since 0.1.0
 * @category models
 */
export interface Selection {
  readonly programmes: ReadonlyArray<string>
  readonly councils: ReadonlyArray<string>
  readonly organ?: string
  readonly year?: number
}

/**
 * The programmes, their items and the activities of their bodies in their years, from the store.
 *
 * @since 0.1.0
 * @category models
 */
export interface Loaded {
  readonly programmes: ReadonlyArray<Programme.Programme>
  readonly items: ReadonlyArray<Programme.ProgrammeItem>
  readonly activities: ReadonlyArray<Activity.Activity>
  readonly ds: Dataset.Dataset
}

const yearPeriod = (from: number, to: number): CalendarDate.Period => ({ from: CalendarDate.date(`${from}-01-01`), to: CalendarDate.date(`${to}-12-31`) })

/** The programmes a selection names, with their items and activities. */
const load = (store: Store.StoreService, s: Selection): Effect.Effect<Loaded, UsageError | Errors.StoreError> =>
  Effect.gen(function* () {
    const ds = yield* Store.structure(store)
    const councils = s.councils.length === 0 ? undefined : (yield* findCouncils(ds, s.councils)).map((c) => c.id)
    const organ = s.organ === undefined ? undefined : yield* findOrgan(ds, s.organ, councils)
    const all = yield* collect(store.stream("programmes", councils === undefined ? {} : { councils }))
    for (const id of s.programmes) {
      if (!all.some((p) => p.id === id)) {
        const known = all.slice(0, 10).map((p) => `${p.id} (${p.title})`).join(", ")
        return yield* Effect.fail(
          new UsageError({
            vi: `--programme: không có chương trình "${id}"; ${known === "" ? "cơ sở dữ liệu chưa có chương trình nào (nhập bằng hdnd import chuong-trinh.csv noi-dung-chuong-trinh.csv)" : `các chương trình: ${known}`}`,
            en: `--programme: no programme "${id}"; ${known === "" ? "the database holds no programme yet (import them with hdnd import chuong-trinh.csv noi-dung-chuong-trinh.csv)" : `the programmes: ${known}`}`
          })
        )
      }
    }
    const programmes = all
      .filter((p) => (s.programmes.length === 0 || s.programmes.includes(p.id)) && (organ === undefined || p.organ === organ.id) && (s.year === undefined || p.year === s.year))
      .sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1))
    if (programmes.length === 0) return { programmes, items: [], activities: [], ds }
    const ids = new Set<string>(programmes.map((p) => p.id))
    const items = (yield* collect(store.stream("programmeItems"))).filter((i) => ids.has(i.programme))
    const years = programmes.map((p) => p.year)
    const activities = yield* collect(
      store.stream("activities", {
        councils: [...new Set(programmes.map((p) => p.council))],
        period: yearPeriod(Math.min(...years), Math.max(...years))
      })
    )
    return { programmes, items, activities, ds }
  })

/**
 * The progress of each programme as of a date (default: each programme's last day, or today when that
 * is earlier).
 *
 * @since 0.1.0
 * @category queries
 */
export const progressOf = (loaded: Pick<Loaded, "programmes" | "items" | "activities">, asOf?: CalendarDate.CalendarDate): ReadonlyArray<Programme.Progress> =>
  loaded.programmes.map((p) => {
    const end = CalendarDate.date(`${p.year}-12-31`)
    const now = today()
    return Programme.progress(p, loaded.items, loaded.activities, asOf ?? (now < end ? now : end))
  })

const count = (p: Programme.Progress, s: Programme.ItemStatus) => p.items.filter((i) => i.status === s).length

/**
 * When an item is planned, in words: "tháng 3", "quý II", "cả năm" (or "March", "Q2", "whole year").
 *
 * @since 0.1.0
 * @category formatting
 */
export const whenLabel = (item: Programme.ProgrammeItem, lang: Lang): string =>
  item.month !== undefined
    ? pick(lang, `tháng ${item.month}`, new Date(Date.UTC(2000, item.month - 1, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" }))
    : item.quarter !== undefined
      ? pick(lang, `quý ${Format.toRoman(item.quarter)}`, `Q${item.quarter}`)
      : pick(lang, "cả năm", "whole year")

const STATUS: Readonly<Record<Programme.ItemStatus | "outside", readonly [string, string]>> = {
  done: ["đã thực hiện", "done"],
  "not-done": ["chưa thực hiện", "not done"],
  "not-due": ["chưa đến hạn", "not yet due"],
  outside: ["ngoài chương trình", "outside the plan"]
}

/**
 * Options of `hdnd programme progress`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProgressOptions extends Selection {
  readonly asOf?: string
  /** One row per item (and per activity outside the plan) instead of one per programme. */
  readonly items: boolean
  readonly format: TableFormat
}

const kindName = (registry: Registry.Registry, kind: string, lang: Lang) => {
  const k = registry.activityKinds.get(kind as Ids.ActivityKindId)
  return k === undefined ? kind : pick(lang, k.vi, k.en)
}

/**
 * `hdnd programme progress`: planned against done, per programme.
 *
 * @since 0.1.0
 * @category commands
 */
export const progress = (c: Common, o: ProgressOptions): Effect.Effect<void, UsageError | Errors.StoreError> =>
  Effect.gen(function* () {
    const asOf = yield* parseOptionalDate("as-of", o.asOf)
    const registry = yield* registryOf(c)
    const loaded = yield* withReadStore(c, (store) => load(store, o))
    const all = progressOf(loaded, asOf)
    const organName = (id: string) => loaded.ds.organs.get(id as Ids.OrganId)?.name ?? id
    const t = (vi: string, en: string) => pick(c.lang, vi, en)
    const tableFormat = o.format === "table"
    const json = all.map((p) => ({
      id: p.programme.id,
      title: p.programme.title,
      council: p.programme.council,
      organ: p.programme.organ,
      organName: organName(p.programme.organ),
      year: p.programme.year,
      asOf: p.asOf,
      planned: p.planned,
      done: p.done,
      notDone: count(p, "not-done"),
      notDue: count(p, "not-due"),
      outside: p.outside.length,
      summary: Programme.summary(p, c.lang),
      items: p.items.map((i) => ({
        id: i.item.id,
        kind: i.item.kind,
        topic: i.item.topic,
        ...(i.item.month === undefined ? {} : { month: i.item.month }),
        ...(i.item.quarter === undefined ? {} : { quarter: i.item.quarter }),
        status: i.status,
        activities: i.activities.map((a) => a.id),
        ...(i.item.carriedFrom === undefined ? {} : { carriedFrom: i.item.carriedFrom })
      })),
      outsideActivities: p.outside.map((a) => ({ id: a.id, kind: a.kind, date: a.date.from, title: a.title }))
    }))
    if (o.items) {
      const header = [t("Chương trình", "Programme"), t("Mã", "Id"), t("Nội dung", "Item"), t("Loại hoạt động", "Activity kind"), t("Thời gian dự kiến", "Planned"), t("Tình trạng", "Status"), t("Hoạt động", "Activities")]
      const rows = all.flatMap((p) => [
        ...p.items.map((i) => [
          p.programme.id,
          i.item.id,
          i.item.topic,
          tableFormat ? kindName(registry, i.item.kind, c.lang) : i.item.kind,
          tableFormat ? whenLabel(i.item, c.lang) : i.item.month !== undefined ? `month ${i.item.month}` : i.item.quarter !== undefined ? `quarter ${i.item.quarter}` : "year",
          tableFormat ? pick(c.lang, ...STATUS[i.status]) : i.status,
          i.activities.map((a) => a.id).join("; ")
        ]),
        ...p.outside.map((a) => [
          p.programme.id,
          "",
          a.title,
          tableFormat ? kindName(registry, a.kind, c.lang) : a.kind,
          tableFormat && c.lang === "vi" ? Format.formatDateShort(a.date.from) : a.date.from,
          tableFormat ? pick(c.lang, ...STATUS.outside) : "outside",
          a.id
        ])
      ])
      yield* print(o.format, header, rows, json)
    } else {
      const header = [
        t("Mã", "Id"),
        t("Chương trình", "Programme"),
        t("Cơ quan", "Organ"),
        t("Năm", "Year"),
        t("Theo kế hoạch", "Planned"),
        t("Đã thực hiện", "Done"),
        t("Chưa thực hiện", "Not done"),
        t("Chưa đến hạn", "Not yet due"),
        t("Ngoài chương trình", "Outside the plan"),
        t("Kết quả", "Result")
      ]
      const n = (x: number) => (tableFormat ? num(c.lang, x) : String(x))
      const rows = all.map((p) => [
        p.programme.id,
        p.programme.title,
        tableFormat ? organName(p.programme.organ) : p.programme.organ,
        String(p.programme.year),
        n(p.planned),
        n(p.done),
        n(count(p, "not-done")),
        n(count(p, "not-due")),
        n(p.outside.length),
        Programme.summary(p, c.lang)
      ])
      yield* print(o.format, header, rows, json, new Set([4, 5, 6, 7, 8]))
    }
    if (all.length === 0) {
      yield* info(
        c,
        "Không có chương trình công tác nào khớp; nhập chương trình bằng hdnd import chuong-trinh.csv noi-dung-chuong-trinh.csv",
        "No work programme matches; import programmes with hdnd import chuong-trinh.csv noi-dung-chuong-trinh.csv"
      )
    } else {
      const dates = [...new Set(all.map((p) => p.asOf))]
      yield* info(c, `Tính đến ngày ${dates.map((d) => Format.formatDateShort(d)).join(", ")}`, `As of ${dates.join(", ")}`)
    }
  })

/**
 * Options of `hdnd programme draft`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DraftOptions {
  readonly programme: string
  /** The year of the draft (default: the year after the programme's). */
  readonly year?: number
  /** The id of the new programme (default: the old id with its year replaced, or `-<year>` added). */
  readonly id?: string
  readonly title?: string
  /** What counts as done (default: the last day of the programme's year). */
  readonly asOf?: string
  /** A directory for the two CSV files (default: the current directory), or a `.json` file for one batch. */
  readonly output?: string
  /** Overwrite files that exist. */
  readonly force: boolean
}

/**
 * The id and title of the next programme: the old ones with the year replaced when they contain it,
 * otherwise with the year added.
 *
 * @since 0.1.0
 * @category constructors
 */
export const nextNames = (p: Programme.Programme, year: number): { readonly id: string; readonly title: string } => {
  const old = String(p.year)
  const swap = (s: string) => (s.includes(old) ? s.split(old).join(String(year)) : undefined)
  return {
    id: swap(p.id) ?? `${p.id}-${year}`,
    title: swap(p.title) ?? `Chương trình công tác năm ${year}`
  }
}

/**
 * The draft of the next programme: `Programme.draftNext` from the progress, with the year, id and
 * title asked for.
 *
 * @since 0.1.0
 * @category constructors
 */
export const draftOf = (
  p: Programme.Progress,
  o: { readonly year?: number; readonly id?: string; readonly title?: string }
): { readonly programme: Programme.Programme; readonly items: ReadonlyArray<Programme.ProgrammeItem> } => {
  const year = o.year ?? p.programme.year + 1
  const names = nextNames(p.programme, year)
  const draft = Programme.draftNext(p, (o.id ?? names.id) as Ids.ProgrammeId, o.title ?? names.title)
  return year === draft.programme.year ? draft : { programme: new Programme.Programme({ ...draft.programme, year }), items: draft.items }
}

/**
 * The file names of the draft, in import order: names that `hdnd import` recognises as programmes and
 * programme items (checked with the interchange format's `entityOfName`).
 *
 * @since 0.1.0
 * @category output
 */
export const draftFileNames = (
  year: number,
  entityOfName: (name: string) => Dataset.EntityKind | undefined
): { readonly programmes: string; readonly programmeItems: string } => {
  const pick1 = (kind: Dataset.EntityKind, candidates: ReadonlyArray<string>) => candidates.find((n) => entityOfName(n) === kind) ?? candidates[candidates.length - 1]!
  return {
    programmes: pick1("programmes", [`chuong-trinh-${year}.csv`, `chuong-trinh-cong-tac-${year}.csv`, `programmes-${year}.csv`]),
    programmeItems: pick1("programmeItems", [`noi-dung-chuong-trinh-${year}.csv`, `programme-items-${year}.csv`, `programmeItems-${year}.csv`])
  }
}

/**
 * `hdnd programme draft`: the next year's programme from the unfinished items of one, as two
 * interchange CSV files (the programme, its items, each carrying over an unfinished item) to edit and
 * `hdnd import`; or, with `-o FILE.json`, one JSON batch that `hdnd import` reads as well.
 *
 * @since 0.1.0
 * @category commands
 */
export const draft = (c: Common, o: DraftOptions): Effect.Effect<void, UsageError | Errors.StoreError> =>
  Effect.gen(function* () {
    const asOf = yield* parseOptionalDate("as-of", o.asOf)
    const loaded = yield* withReadStore(c, (store) => load(store, { programmes: [o.programme], councils: [] }))
    const programme = loaded.programmes[0]!
    if (o.year !== undefined && o.year <= programme.year) {
      return yield* Effect.fail(
        new UsageError({
          vi: `--year ${o.year}: chương trình dự thảo phải của năm sau năm ${programme.year} của "${programme.id}"`,
          en: `--year ${o.year}: the draft must be for a year after ${programme.year}, the year of "${programme.id}"`
        })
      )
    }
    const p = Programme.progress(programme, loaded.items, loaded.activities, asOf ?? CalendarDate.date(`${programme.year}-12-31`))
    const next = draftOf(p, o)
    const json = o.output !== undefined && o.output.toLowerCase().endsWith(".json")
    const { Interchange, Rows } = yield* Effect.promise(() => import("@hdnd/import"))
    const hasSpecs = Interchange.entities.programmes !== undefined && Interchange.entities.programmeItems !== undefined
    const files: Array<{ readonly file: string; readonly text: string }> = []
    if (json || !hasSpecs) {
      const file = json ? o.output! : path.join(o.output ?? ".", `chuong-trinh-${next.programme.year}.json`)
      const batch = Schema.encodeSync(Dataset.Batch)({ programmes: [next.programme], programmeItems: next.items })
      files.push({ file, text: `${JSON.stringify(batch, null, 2)}\n` })
    } else {
      const names = draftFileNames(next.programme.year, Interchange.entityOfName)
      const dir = o.output ?? "."
      files.push({ file: path.join(dir, names.programmes), text: Rows.toCsv("programmes", [next.programme]) })
      files.push({ file: path.join(dir, names.programmeItems), text: Rows.toCsv("programmeItems", next.items) })
    }
    const existing = files.filter((f) => fs.existsSync(f.file))
    if (existing.length > 0 && !o.force) {
      const list = existing.map((f) => f.file).join(", ")
      return yield* Effect.fail(
        new UsageError({
          vi: `đã có tệp ${list}; dùng -o THƯ-MỤC khác, hoặc --force để ghi đè`,
          en: `${list} already exists; choose another -o DIRECTORY, or --force to overwrite`
        })
      )
    }
    for (const f of files) {
      yield* Effect.try({
        try: () => fs.mkdirSync(path.dirname(path.resolve(f.file)), { recursive: true }),
        catch: (e) => OutputFile.unwritable("--output", f.file, e)
      })
      yield* OutputFile.writeAtomic("--output", f.file, f.text)
    }
    const list = files.map((f) => f.file).join(" ")
    yield* out(
      pick(
        c.lang,
        `Đã ghi dự thảo "${next.programme.title}" (${next.programme.id}, năm ${next.programme.year}): ${num(c.lang, next.items.length)} nội dung chuyển từ ${programme.id} (${Programme.summary(p, "vi")}).`,
        `Wrote the draft "${next.programme.title}" (${next.programme.id}, ${next.programme.year}): ${num(c.lang, next.items.length)} items carried over from ${programme.id} (${Programme.summary(p, "en")}).`
      )
    )
    yield* info(c, `Sửa các tệp rồi nhập: hdnd import ${list}`, `Edit the files, then import them: hdnd import ${list}`)
  })
