/**
 * `hdnd import`, `hdnd validate` and the loading part of `hdnd init`: files into the store through
 * `@hdnd/import`'s job, with progress, a summary, and (with `--skip-invalid` or `--rejects`) the
 * rejected rows written to a CSV file with their errors.
 *
 * @since 0.1.0
 */
import { Dataset, Exporter, Historic } from "@hdnd/core"
import type { Errors } from "@hdnd/core"
import type { Import as ImportJob, ImportError } from "@hdnd/import"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as nodePath from "node:path"
import type { Common } from "../Context.js"
import { info, out, withStore } from "../Context.js"
import * as Database from "../Database.js"
import { Rejected, UsageError } from "../Failure.js"
import { num, pick } from "../Lang.js"
import * as OutputFile from "../OutputFile.js"
import * as Plugins from "../Plugins.js"
import * as Progress from "../Progress.js"

/**
 * What to load and how.
 *
 * @since 0.1.0
 * @category models
 */
export interface LoadOptions {
  readonly files: ReadonlyArray<string>
  readonly skipInvalid: boolean
  readonly dryRun: boolean
  readonly rejects?: string
  readonly batchSize?: number
  readonly sheet?: string
  readonly council?: string
  readonly entity?: Dataset.EntityKind
  /** The id of a loaded plugin's importer mapping to read every file with (`--mapping`). */
  readonly mapping?: string
}

/**
 * The rejects file(s): every rejected row with its original cells in its original columns, and the
 * error columns the importer ignores (`Rejects` of @hdnd/import), so that the file can be corrected
 * in a spreadsheet and imported again as it is. Rows rejected by cross-record validation are read
 * again from their files for their cells. One layout of columns (the usual case: one file) goes to
 * `path`; several go to one file each beside it, named after their entity so that each imports
 * alone (`hoat-dong-<name>.csv`, …). Each file is written atomically. Returns the files written, and
 * how many rejections have no row to write (a whole file refused, a row whose cells could not be
 * split).
 */
const writeRejects = (
  path: string,
  rejections: ReadonlyArray<ImportJob.Rejection>,
  files: ReadonlyArray<string>,
  sheet: string | undefined
): Effect.Effect<{ readonly written: ReadonlyArray<{ readonly file: string; readonly rows: number }>; readonly left: number }, UsageError> =>
  Effect.gen(function* () {
    if (rejections.length === 0) return { written: [], left: 0 }
    const { Interchange, Rejects } = yield* Effect.promise(() => import("@hdnd/import"))
    const filled = yield* Effect.promise(() => Rejects.fill(rejections, files, sheet === undefined ? {} : { sheet }))
    const { groups, left } = Rejects.toCsv(filled)
    const dir = nodePath.dirname(path)
    const ext = nodePath.extname(path)
    const stem = nodePath.basename(path, ext)
    const used = new Set<string>()
    const written: Array<{ file: string; rows: number }> = []
    for (const g of groups) {
      let file = path
      if (groups.length > 1) {
        const entity = g.kind === undefined ? "loi" : Exporter.slug(Interchange.entities[g.kind].vi)
        const named = (n: number) => nodePath.join(dir, `${entity}-${stem}${n === 1 ? "" : `-${n}`}${ext === "" ? ".csv" : ext}`)
        let n = 1
        while (used.has(named(n))) n++
        file = named(n)
      }
      used.add(file)
      yield* OutputFile.writeAtomic("--rejects", file, g.text)
      written.push({ file, rows: g.rows })
    }
    return { written, left: left.length }
  })

/**
 * A file read in chunks of 64 KiB, counting the bytes read into `counter`. Each chunk's rows are
 * read and decoded together, so they are alive at once: with 256 KiB chunks (about 2,500 rows) they
 * outlived young-generation collections and were copied into the old one, and a 200,000-row import
 * ran 34–36 full collections instead of 21–22 (bench/cli.ts, `--trace-gc`).
 */
const counted = (path: string, counter: { bytes: number }): AsyncIterable<Uint8Array> => ({
  async *[Symbol.asyncIterator]() {
    for await (const chunk of fs.createReadStream(path, { highWaterMark: 64 * 1024 })) {
      counter.bytes += (chunk as Buffer).length
      yield chunk as Buffer
    }
  }
})

/**
 * From how many bytes of files `HDND_IMPORT_WORKER=auto` reads and decodes them in a worker thread
 * while the main thread writes (`Import.ImportOptions.worker`): 4 MiB, about 40,000 activity rows.
 * Starting the worker costs about 0.1 s, which a smaller file would not win back.
 */
const WORKER_MIN_BYTES = 4 * 1024 * 1024

/**
 * Whether an import of `totalBytes` of files decodes them in a worker thread: with
 * `HDND_IMPORT_WORKER=always`, or `auto` and {@link WORKER_MIN_BYTES} or more. Not by default: the
 * second thread costs about 50 MiB of peak RSS (a 1,000,000-row import peaked at 240–252 MiB
 * against 193–205 MiB in one thread), above the 200 MiB the CLI keeps to, and on a 2-core machine
 * busy with other work it ran no faster (medians of the ratios to the raw insert loop 0.31 and
 * 0.33 against 0.32 and 0.33 in one thread, same rounds, load average 2–4; bench/cli.ts, issue #13).
 */
const inWorker = (totalBytes: number): boolean => {
  const choice = process.env.HDND_IMPORT_WORKER
  return choice === "always" || (choice === "auto" && totalBytes >= WORKER_MIN_BYTES)
}

/**
 * The importer mappings of the loaded plugins, and the one `--mapping` names. An unknown id, or a
 * mapping of another entity than `--entity`, is a usage error.
 */
const mappingsOf = (c: Common, o: LoadOptions) =>
  Effect.gen(function* () {
    const loaded = yield* Plugins.load(c.plugins ?? { plugins: [] })
    const all = [...loaded.importers.values()]
    if (o.mapping === undefined) return { all, chosen: undefined }
    const chosen = loaded.importers.get(o.mapping)
    if (chosen === undefined) {
      const known = all.map((m) => `${m.id} (${m.entity})`).join(", ")
      return yield* Effect.fail(
        new UsageError({
          vi: `--mapping: không có bảng ánh xạ "${o.mapping}"; ${known === "" ? `chưa plugin nào có bảng ánh xạ (nạp plugin bằng --plugin hoặc ${Plugins.CONFIG_FILE}, xem hdnd plugins)` : `các bảng ánh xạ: ${known}`}`,
          en: `--mapping: no mapping "${o.mapping}"; ${known === "" ? `no loaded plugin has one (load plugins with --plugin or ${Plugins.CONFIG_FILE}, see hdnd plugins)` : `the mappings: ${known}`}`
        })
      )
    }
    if (o.entity !== undefined && o.entity !== chosen.entity) {
      return yield* Effect.fail(
        new UsageError({
          vi: `--mapping ${chosen.id} dành cho ${chosen.entity}, còn --entity là ${o.entity}; hãy bỏ --entity`,
          en: `--mapping ${chosen.id} is for ${chosen.entity} but --entity is ${o.entity}; leave out --entity`
        })
      )
    }
    return { all, chosen }
  })

/** The sizes of the files to load; a missing file, or one that is not a file, is a usage error. */
const checkFiles = (files: ReadonlyArray<string>) =>
  Effect.forEach(files, (f) =>
    Effect.try({
      try: () => {
        const s = fs.statSync(f)
        if (!s.isFile()) throw new Error("not a file")
        return s.size
      },
      catch: () => new UsageError({ vi: `không đọc được tệp "${f}": không có tệp này hoặc đó không phải tệp`, en: `cannot read "${f}": no such file, or not a file` })
    })
  )

/** How many closed records a notice lists one by one. */
const NOTICE_ROWS = 20

/**
 * Prints the notice of an import that ended historic records on the last day of their level: one
 * sentence, then each record with its file and row (the first {@link NOTICE_ROWS}).
 */
const printNotices = (c: Common, summary: ImportJob.Summary): Effect.Effect<void> => {
  if (summary.closed.length === 0) return Effect.void
  const n = (x: number) => num(c.lang, x)
  const what: Readonly<Record<Historic.ClosableKind, readonly [string, string]>> = {
    units: ["đơn vị hành chính", "unit"], councils: ["HĐND", "council"], terms: ["nhiệm kỳ", "term"], organs: ["cơ quan", "organ"]
  }
  const levels = Historic.ceasedLevels.filter((l) => summary.closed.some((r) => r.record.level === l.level))
  const lines = summary.closed.slice(0, NOTICE_ROWS).map(({ record: r, file, sheet, row }) => {
    const at = file === "" ? "" : ` (${file}${sheet === undefined ? "" : ` [${sheet}]`}${row === undefined ? "" : pick(c.lang, `, dòng ${row}`, `, row ${row}`)})`
    return `  - ${pick(c.lang, what[r.kind][0], what[r.kind][1])} "${r.id}"${at}: ${r.from} – ${r.to}`
  })
  const more = summary.closed.length - lines.length
  if (more > 0) lines.push(pick(c.lang, `  … và ${n(more)} bản ghi khác`, `  … and ${n(more)} more`))
  const days = levels.map((l) => pick(c.lang, `${l.vi}: ${l.lastDay}`, `${l.en}: ${l.lastDay}`)).join("; ")
  return info(
    c,
    [`Ghi chú: ${n(summary.closed.length)} bản ghi ở cấp đã chấm dứt hoạt động, không có ngày kết thúc, được cho kết thúc vào ngày cuối cùng của cấp đó (${days}). Nếu bản ghi nào kết thúc sớm hơn, hãy ghi ngày kết thúc của nó:`, ...lines].join("\n"),
    [`Note: ${n(summary.closed.length)} records of a level that ceased, given without an end date, were ended on the last day of that level (${days}). If one ended earlier, give its end date:`, ...lines].join("\n")
  )
}

/**
 * Loads files into the store of `c` and prints the summary, and the notice of historic records it
 * ended on their level's last day (`Historic`), if any. Fails with `Rejected` when rows were
 * rejected and nothing was written (or for a dry run that found problems).
 *
 * @since 0.1.0
 * @category commands
 */
export const load = (c: Common, o: LoadOptions): Effect.Effect<ImportJob.Summary, UsageError | Rejected | Errors.StoreError | ImportError.ImportError> =>
  Effect.gen(function* () {
    if (o.files.length === 0) return yield* Effect.fail(new UsageError({ vi: "hãy chỉ ra ít nhất một tệp để nhập", en: "name at least one file to import" }))
    const sizes = yield* checkFiles(o.files)
    const mappings = yield* mappingsOf(c, o)
    const totalBytes = sizes.reduce((a, b) => a + b, 0)
    const { Import } = yield* Effect.promise(() => import("@hdnd/import"))
    const counter = { bytes: 0 }
    // In a worker thread the import reads the files itself, and says how far it has read.
    const worker = inWorker(totalBytes)
    const inputs = worker ? o.files : o.files.map((f) => ({ name: f, data: counted(f, counter) }))
    const rejectsPath = o.rejects ?? (o.skipInvalid ? "hdnd-rejects.csv" : undefined)
    // An unwritable rejects file is found now, not after the whole import was read.
    if (rejectsPath !== undefined) yield* OutputFile.checkWritable("--rejects", rejectsPath)
    // The rejections, kept to write the rejects file once the import has run (writeRejects).
    const rejections: Array<ImportJob.Rejection> | undefined = rejectsPath === undefined ? undefined : []
    const progress = Progress.make({ lang: c.lang, quiet: c.quiet })
    // A dry run (validate) never writes to the database (Database.Access "check").
    const summary = yield* withStore(c, () =>
      Import.run(inputs, {
        mode: o.skipInvalid ? "skip-invalid" : "all-or-nothing",
        dryRun: o.dryRun,
        ...(o.batchSize === undefined ? {} : { batchSize: o.batchSize }),
        ...(o.sheet === undefined ? {} : { sheet: o.sheet }),
        ...(o.council === undefined ? {} : { council: o.council }),
        ...(o.entity === undefined ? {} : { entity: o.entity }),
        ...(mappings.chosen === undefined ? {} : { mapping: mappings.chosen }),
        ...(mappings.all.length === 0 ? {} : { mappings: mappings.all }),
        worker,
        onProgress: (p) => progress.update({ bytes: p.bytes ?? counter.bytes, totalBytes, rows: p.rows, rejected: p.rejected }),
        // Every problem is printed as it is found (the full report, however long), and written to
        // the rejects file when there is one.
        onRejected: (r) =>
          Effect.andThen(
            Effect.sync(() => {
              for (const p of r.rejected.problems) progress.log(`  - ${p.describe(c.lang)}`)
            }),
            Effect.sync(() => void rejections?.push(r))
          )
      }),
      o.dryRun ? "check" : "write",
      // All-or-nothing (and a dry run) is one transaction undone whole on any rejection: its
      // batches need no savepoints of their own (Database.LayerOptions).
      { oneUnit: !o.skipInvalid || o.dryRun }
    ).pipe(Effect.ensuring(Effect.sync(() => progress.done())))
    const n = (x: number) => num(c.lang, x)
    if (rejectsPath !== undefined && rejections !== undefined && rejections.length > 0) {
      const { written, left } = yield* writeRejects(rejectsPath, rejections, o.files, o.sheet)
      const list = written.map((w) => w.file).join(" ")
      if (written.length > 0) {
        yield* info(
          c,
          `Các dòng bị loại, với ô gốc và lỗi của chúng: ${written.map((w) => `${w.file} (${n(w.rows)} dòng)`).join(", ")}. Sửa các ô bị báo lỗi (có thể trong Excel, lưu lại dạng CSV) rồi nhập lại: hdnd import ${list}`,
          `Rejected rows, with their original cells and errors: ${written.map((w) => `${w.file} (${n(w.rows)} rows)`).join(", ")}. Fix the cells the errors point at (Excel will do; save as CSV), then import again: hdnd import ${list}`
        )
      }
      if (left > 0) {
        yield* info(
          c,
          `${n(left)} dòng hoặc tệp bị loại không ghi được vào tệp các dòng bị loại (cả tệp bị từ chối, hoặc dòng không tách được thành ô): hãy sửa chúng trong tệp gốc, theo các lỗi ở trên.`,
          `${n(left)} rejected rows or files could not be written to the rejects file (a whole file refused, or a row whose cells could not be split): fix them in the original file, as the errors above say.`
        )
      }
    }
    const counts = pick(
      c.lang,
      `${n(summary.inserted)} bản ghi mới, ${n(summary.updated)} cập nhật, ${n(summary.unchanged)} không đổi`,
      `${n(summary.inserted)} new, ${n(summary.updated)} updated, ${n(summary.unchanged)} unchanged`
    )
    if (o.dryRun) {
      if (summary.rejected > 0) {
        return yield* Effect.fail(
          new Rejected({
            vi: `Không hợp lệ: ${n(summary.problemCount)} lỗi ở ${n(summary.rejected)} dòng hoặc tệp (đã đọc ${n(summary.rows)} dòng). Không ghi gì.`,
            en: `Invalid: ${n(summary.problemCount)} problems in ${n(summary.rejected)} rows or files (${n(summary.rows)} rows read). Nothing was written.`
          })
        )
      }
      yield* printNotices(c, summary)
      yield* out(pick(c.lang, `Hợp lệ: ${n(summary.rows)} dòng; nếu nhập sẽ có ${counts}. Chưa ghi gì.`, `Valid: ${n(summary.rows)} rows; importing would give ${counts}. Nothing was written.`))
      return summary
    }
    if (!summary.committed) {
      return yield* Effect.fail(
        new Rejected({
          vi: `Không nhập: ${n(summary.problemCount)} lỗi ở ${n(summary.rejected)} dòng hoặc tệp (đã đọc ${n(summary.rows)} dòng); cơ sở dữ liệu giữ nguyên. Sửa các lỗi trên rồi nhập lại, hoặc dùng --skip-invalid để nhập các dòng đúng.`,
          en: `Not imported: ${n(summary.problemCount)} problems in ${n(summary.rejected)} rows or files (${n(summary.rows)} rows read); the database is unchanged. Fix them and import again, or use --skip-invalid to import the valid rows.`
        })
      )
    }
    yield* printNotices(c, summary)
    const skipped = summary.rejected > 0 ? pick(c.lang, `; bỏ qua ${n(summary.rejected)} dòng lỗi`, `; skipped ${n(summary.rejected)} rejected rows`) : ""
    yield* out(
      summary.rejected > 0
        ? pick(c.lang, `Đã đọc ${n(summary.rows)} dòng: ${counts}${skipped}.`, `Read ${n(summary.rows)} rows: ${counts}${skipped}.`)
        : pick(c.lang, `Đã nhập ${n(summary.rows)} dòng: ${counts}.`, `Imported ${n(summary.rows)} rows: ${counts}.`)
    )
    return summary
  })

/** What `hdnd init` says it did to the database, in Vietnamese and English. */
const initMessage = (target: Database.Target, where: string, existed: boolean, schema: Database.SchemaOutcome | undefined): readonly [string, string] => {
  if (schema === undefined) {
    return existed
      ? [`Cơ sở dữ liệu ${where} đã có; lược đồ đã được kiểm tra.`, `The database ${where} already exists; its schema was checked.`]
      : [`Đã tạo cơ sở dữ liệu ${where}.`, `Created the database ${where}.`]
  }
  const [vi, en] = target._tag === "Postgres" && target.schema !== undefined ? [`${where}, lược đồ "${target.schema}"`, `${where}, schema "${target.schema}"`] : [where, where]
  if (schema.from === 0) return [`Đã tạo lược đồ hdnd (v${schema.to}) trong cơ sở dữ liệu ${vi}.`, `Created the hdnd schema (v${schema.to}) in the database ${en}.`]
  if (schema.from < schema.to) {
    return [`Đã nâng cấp lược đồ của cơ sở dữ liệu ${vi} từ v${schema.from} lên v${schema.to}.`, `Migrated the schema of the database ${en} from v${schema.from} to v${schema.to}.`]
  }
  return [`Cơ sở dữ liệu ${vi} đã có lược đồ mới nhất (v${schema.to}); không có gì phải thay đổi.`, `The database ${en} is up to date (schema v${schema.to}); nothing to change.`]
}

/**
 * `hdnd init`: creates (or checks) the database, then loads the files given, if any.
 *
 * @since 0.1.0
 * @category commands
 */
export const init = (c: Common, o: LoadOptions): Effect.Effect<void, UsageError | Rejected | Errors.StoreError | Errors.ValidationError | ImportError.ImportError> =>
  Effect.gen(function* () {
    // The files are checked before the database is created: a wrong path changes nothing.
    yield* checkFiles(o.files)
    const where = Database.describe(c.target)
    const existed = c.target._tag === "Sqlite" && fs.existsSync(c.target.file)
    const loaded = yield* Plugins.load(c.plugins ?? { plugins: [] })
    const records = Dataset.batchSize(loaded.data)
    // What opening did to the schema (PostgreSQL says; a SQLite file existed or not).
    let schema: Database.SchemaOutcome | undefined
    // The plugins' structure (units, councils, organs …) is written with the schema, in one batch.
    const written = yield* withStore(c, (store) => (records === 0 ? Effect.succeed(undefined) : store.upsert(loaded.data)), "write", { onSchema: (o) => (schema = o) })
    yield* info(c, ...initMessage(c.target, where, existed, schema))
    if (written !== undefined) {
      const names = loaded.plugins.map((p) => p.name).join(", ")
      yield* info(
        c,
        `Dữ liệu của plugin ${names}: ${num(c.lang, written.inserted)} bản ghi mới, ${num(c.lang, written.updated)} cập nhật, ${num(c.lang, written.unchanged)} không đổi.`,
        `Data of plugin ${names}: ${num(c.lang, written.inserted)} new records, ${num(c.lang, written.updated)} updated, ${num(c.lang, written.unchanged)} unchanged.`
      )
    }
    if (o.files.length > 0) yield* load(c, o)
  })
