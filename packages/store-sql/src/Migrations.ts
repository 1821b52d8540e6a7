/**
 * The database schema as versioned migrations, recorded in the database itself. Opening a database
 * written by a newer hdnd fails with a clear error; an older one is migrated forward.
 *
 * @since 0.1.0
 */
import { Errors } from "@hdnd/core"
import * as Effect from "effect/Effect"
import type { SqlError } from "./Database.js"
import { Database } from "./Database.js"
import type { Dialect } from "./Dialect.js"
import { describeCause, retryBusy } from "./internal/errors.js"
import type { Tables } from "./Tables.js"

/**
 * One migration: a version, a name and its statements.
 *
 * @since 0.1.0
 * @category models
 */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly statements: (t: Tables, d: Dialect) => ReadonlyArray<string>
}

const FK = "DEFERRABLE INITIALLY DEFERRED"
const range = (prefix: string, required = false) => `${prefix}_from TEXT NOT NULL, ${prefix}_to TEXT${required ? " NOT NULL" : ""}`
const ordered = (prefix: string) => `CHECK (${prefix}_to IS NULL OR ${prefix}_from <= ${prefix}_to)`

/**
 * Every migration, in order.
 *
 * @since 0.1.0
 * @category data
 */
export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: "initial schema",
    statements: (t, d) => [
      `CREATE TABLE ${t.hdnd_meta} (k TEXT PRIMARY KEY, v INTEGER NOT NULL)`,
      `INSERT INTO ${t.hdnd_meta} (k, v) VALUES ('writes', 0), ('structure', 0)`,
      `CREATE TABLE ${t.units} (
        id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('tinh','thanh-pho-truc-thuoc-tw','huyen','quan','thi-xa','thanh-pho-thuoc-tinh','thanh-pho-thuoc-tp-tw','xa','phuong','thi-tran','dac-khu')),
        parent TEXT REFERENCES ${t.units}(id) ${FK}, ${range("valid")}, ${ordered("valid")})`,
      `CREATE INDEX units_code ON ${t.units} (code)`,
      `CREATE INDEX units_parent ON ${t.units} (parent)`,
      `CREATE TABLE ${t.lineage} (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('establish','merge','split','rename','reclassify','abolish')),
        date TEXT NOT NULL, legal_basis TEXT, note TEXT)`,
      `CREATE TABLE ${t.lineage_units} (
        event TEXT NOT NULL REFERENCES ${t.lineage}(id) ON DELETE CASCADE ${FK},
        role TEXT NOT NULL CHECK (role IN ('source','target')), position INTEGER NOT NULL,
        unit TEXT NOT NULL REFERENCES ${t.units}(id) ${FK}, PRIMARY KEY (event, role, position))`,
      `CREATE TABLE ${t.councils} (id TEXT PRIMARY KEY, unit TEXT NOT NULL REFERENCES ${t.units}(id) ${FK}, name TEXT NOT NULL, ${range("valid")}, ${ordered("valid")})`,
      `CREATE TABLE ${t.terms} (
        id TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES ${t.councils}(id) ${FK}, convocation TEXT NOT NULL,
        ${range("valid")}, election_date TEXT, ${ordered("valid")})`,
      `CREATE TABLE ${t.organs} (
        id TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES ${t.councils}(id) ${FK},
        kind TEXT NOT NULL CHECK (kind IN ('plenary','standing','committee','delegate-group')),
        committee_kind TEXT, name TEXT NOT NULL, ${range("valid")}, ${ordered("valid")})`,
      `CREATE INDEX organs_council ON ${t.organs} (council)`,
      `CREATE TABLE ${t.sessions} (
        id TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES ${t.councils}(id) ${FK}, term TEXT REFERENCES ${t.terms}(id) ${FK},
        ordinal INTEGER NOT NULL CHECK (ordinal > 0), series TEXT NOT NULL CHECK (series IN ('all','regular','special')),
        type TEXT NOT NULL CHECK (type IN ('regular','special')), special_label TEXT, label TEXT, ${range("date")}, ${ordered("date")})`,
      `CREATE TABLE ${t.meetings} (
        id TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES ${t.councils}(id) ${FK}, term TEXT REFERENCES ${t.terms}(id) ${FK},
        ordinal INTEGER NOT NULL CHECK (ordinal > 0), date TEXT NOT NULL, label TEXT)`,
      // An activity's organisers are a JSON array of organ ids, in order: one row per activity keeps
      // bulk writes fast (validation checks the references, as it does every other one first).
      `CREATE TABLE ${t.activities} (
        id TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES ${t.councils}(id) ${FK}, kind TEXT NOT NULL,
        owner TEXT NOT NULL REFERENCES ${t.organs}(id) ${FK}, organisers TEXT NOT NULL, ${range("date")},
        session TEXT REFERENCES ${t.sessions}(id) ${FK}, meeting TEXT REFERENCES ${t.meetings}(id) ${FK},
        title TEXT NOT NULL, document_ref TEXT, source TEXT, subject TEXT, resolution_kind TEXT, mode TEXT, origin TEXT,
        venue TEXT, attributes ${d.jsonType}, ${ordered("date")})`,
      `CREATE INDEX activities_council_date ON ${t.activities} (council, date_from)`,
      `CREATE TABLE ${t.tallies} (
        id TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES ${t.councils}(id) ${FK}, organ TEXT REFERENCES ${t.organs}(id) ${FK},
        indicator TEXT NOT NULL, ${range("period", true)}, value INTEGER NOT NULL CHECK (value >= 0),
        qualifier TEXT NOT NULL CHECK (qualifier IN ('exact','over','nearly','about')), source TEXT, note TEXT, ${ordered("period")})`,
      `CREATE INDEX tallies_council ON ${t.tallies} (council, indicator)`
    ]
  },
  {
    version: 2,
    name: "recommendations, responses, evaluations and work programmes",
    // Follow-up records: few (thousands), kept whole in the store's cache for validation. Every id
    // reference has a foreign key (a recommendation's raising organ may belong to another council: the
    // key is the organ's id alone); a programme item's linked activities are a JSON array of ids, in
    // order, checked by validation as an activity's organisers are.
    statements: (t) => [
      `CREATE TABLE ${t.recommendations} (
        id TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES ${t.councils}(id) ${FK},
        kind TEXT NOT NULL CHECK (kind IN ('recommendation','proposal','voter-petition')),
        raised_by TEXT REFERENCES ${t.organs}(id) ${FK}, activity TEXT REFERENCES ${t.activities}(id) ${FK},
        session TEXT REFERENCES ${t.sessions}(id) ${FK}, raised_on TEXT NOT NULL, content TEXT NOT NULL, field TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('central','province','district','commune')),
        addressee_kind TEXT NOT NULL CHECK (addressee_kind IN ('people-committee','department','committee','standing','na-delegation','other')),
        addressee_name TEXT NOT NULL, addressee_organ TEXT REFERENCES ${t.organs}(id) ${FK},
        forwarded_on TEXT, deadline TEXT, merged_into TEXT REFERENCES ${t.recommendations}(id) ${FK}, source TEXT, note TEXT)`,
      `CREATE INDEX recommendations_council ON ${t.recommendations} (council, raised_on)`,
      // Inserting an activity may look its key up here (SQLite, while a deferred key is unresolved).
      `CREATE INDEX recommendations_activity ON ${t.recommendations} (activity)`,
      `CREATE TABLE ${t.responses} (
        id TEXT PRIMARY KEY, recommendation TEXT NOT NULL REFERENCES ${t.recommendations}(id) ${FK},
        date TEXT NOT NULL, responder TEXT NOT NULL, document TEXT, content TEXT NOT NULL)`,
      `CREATE INDEX responses_recommendation ON ${t.responses} (recommendation)`,
      `CREATE TABLE ${t.evaluations} (
        id TEXT PRIMARY KEY, recommendation TEXT NOT NULL REFERENCES ${t.recommendations}(id) ${FK},
        response TEXT NOT NULL REFERENCES ${t.responses}(id) ${FK}, date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('resolved','being-resolved','explained','not-resolved')),
        by_organ TEXT REFERENCES ${t.organs}(id) ${FK}, note TEXT)`,
      `CREATE INDEX evaluations_response ON ${t.evaluations} (response)`,
      `CREATE TABLE ${t.programmes} (
        id TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES ${t.councils}(id) ${FK},
        organ TEXT NOT NULL REFERENCES ${t.organs}(id) ${FK}, year INTEGER NOT NULL CHECK (year BETWEEN 1946 AND 2200),
        title TEXT NOT NULL, adopted_on TEXT, document TEXT)`,
      `CREATE INDEX programmes_council ON ${t.programmes} (council, year)`,
      `CREATE TABLE ${t.programme_items} (
        id TEXT PRIMARY KEY, programme TEXT NOT NULL REFERENCES ${t.programmes}(id) ${FK}, kind TEXT NOT NULL, topic TEXT NOT NULL,
        month INTEGER CHECK (month BETWEEN 1 AND 12), quarter INTEGER CHECK (quarter BETWEEN 1 AND 4), activities TEXT,
        carried_from TEXT REFERENCES ${t.programme_items}(id) ${FK}, note TEXT)`,
      `CREATE INDEX programme_items_programme ON ${t.programme_items} (programme)`
    ]
  },
  {
    version: 3,
    name: "tally qualifier words as entered",
    // "trên 1.500" is printed as entered: the word beside the qualifier code (NULL: the default word).
    statements: (t) => [`ALTER TABLE ${t.tallies} ADD COLUMN qualifier_text TEXT`]
  },
  {
    version: 4,
    name: "activity participants",
    // The organs that took part in an activity without leading it: a JSON array of organ ids, in
    // order, like the organisers; NULL (every row written before) means none.
    statements: (t) => [`ALTER TABLE ${t.activities} ADD COLUMN participants TEXT`]
  },
  {
    version: 5,
    name: "resolutions adopted and documents submitted",
    // A document's reviewers are a JSON array of organ ids, in order, checked by validation as an
    // activity's organisers are.
    statements: (t) => [
      `CREATE TABLE ${t.resolutions} (
        id TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES ${t.councils}(id) ${FK},
        session TEXT REFERENCES ${t.sessions}(id) ${FK}, number TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('individual','normative')), field TEXT, adopted_on TEXT NOT NULL, title TEXT NOT NULL)`,
      `CREATE INDEX resolutions_council ON ${t.resolutions} (council, adopted_on)`,
      `CREATE INDEX resolutions_session ON ${t.resolutions} (session)`,
      `CREATE TABLE ${t.council_documents} (
        id TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES ${t.councils}(id) ${FK},
        type TEXT NOT NULL CHECK (type IN ('draft-resolution','report','submission','scheme','other')),
        session TEXT REFERENCES ${t.sessions}(id) ${FK}, number TEXT, submitter TEXT, reviewers TEXT, field TEXT,
        submitted_on TEXT NOT NULL, resolution TEXT REFERENCES ${t.resolutions}(id) ${FK}, title TEXT NOT NULL)`,
      `CREATE INDEX council_documents_council ON ${t.council_documents} (council, submitted_on)`,
      `CREATE INDEX council_documents_session ON ${t.council_documents} (session)`
    ]
  },
  {
    version: 6,
    name: "activities by date across councils (PostgreSQL)",
    // A national (or many-province) tabulation reads one period of every council: (council,
    // date_from) serves one council's or one province's period, but across all councils only a
    // full scan did. Activities are written roughly in date order (a year's work is entered in that
    // year), so a BRIN index, a few kilobytes that cost writes almost nothing, lets a year of ten
    // read about a tenth of the table. A B-tree on the date was tried and dropped: the planner took
    // it for a province-year too (reading the whole year to keep one province), several times slower
    // than (council, date_from). New pages are summarised by autovacuum (`autosummarize`); until
    // then they are read, never missed. SQLite has no BRIN, and a B-tree there would be taken even
    // for a period covering the whole file (no statistics): it gets none.
    statements: (t, d) => (d.name === "pg" ? [`CREATE INDEX activities_date ON ${t.activities} USING brin (date_from) WITH (autosummarize = on)`] : [])
  }
]

/**
 * The schema version this hdnd writes.
 *
 * @since 0.1.0
 * @category data
 */
export const SCHEMA_VERSION = migrations.length

const storeError = (operation: string, vi: string, en: string, cause?: unknown) =>
  new Errors.StoreError({ operation, vi, en, ...(cause === undefined ? {} : { cause }) })

/**
 * Checks, without writing anything, that a database is at {@link SCHEMA_VERSION}: for a store opened
 * read-only, which may neither create nor migrate the schema. An empty database, an older schema
 * and a newer one each fail with a `StoreError` of operation `"schema"` that says what to do.
 *
 * @since 0.2.0
 * @category migrations
 */
export const check = (t: Tables): Effect.Effect<number, Errors.StoreError, Database> =>
  Effect.gen(function* () {
    const sql = yield* Database
    const rows = yield* sql.query(`SELECT MAX(version) AS v FROM ${t.hdnd_migrations}`).pipe(
      // No migrations table: not an hdnd database, or an empty one.
      Effect.catchTag("SqlError", () => Effect.succeed([] as ReadonlyArray<unknown>))
    )
    const current = Number((rows[0] as { v: unknown } | undefined)?.v ?? 0)
    if (current === SCHEMA_VERSION) return current
    return yield* Effect.fail(
      current === 0
        ? storeError(
            "schema",
            "cơ sở dữ liệu chưa có lược đồ hdnd (trống, hoặc không phải của hdnd); hãy tạo bằng hdnd init (với quyền ghi)",
            "the database has no hdnd schema (it is empty, or not hdnd's); create one with hdnd init (with write access)"
          )
        : current < SCHEMA_VERSION
          ? storeError(
              "schema",
              `cơ sở dữ liệu cần nâng cấp lược đồ (v${current} → v${SCHEMA_VERSION}) mà đang mở chỉ để đọc; hãy chạy hdnd init (hoặc một lệnh ghi như hdnd import) với quyền ghi để nâng cấp`,
              `the database needs a schema migration (v${current} → v${SCHEMA_VERSION}) but is open read-only; run hdnd init (or a writing command such as hdnd import) with write access to migrate it`
            )
          : storeError(
              "schema",
              `cơ sở dữ liệu được ghi bởi phiên bản hdnd mới hơn (lược đồ v${current}, bản này hiểu tới v${SCHEMA_VERSION}); hãy nâng cấp hdnd`,
              `the database was written by a newer hdnd (schema v${current}; this version knows up to v${SCHEMA_VERSION}); upgrade hdnd`
            )
    )
  })

/**
 * What {@link run} did: the schema version it found (`0`: no hdnd schema, so it created one) and
 * the one it left ({@link SCHEMA_VERSION}). Equal: the schema was up to date, nothing was written.
 *
 * @since 0.2.0
 * @category models
 */
export interface Outcome {
  readonly from: number
  readonly to: number
}

/**
 * Options of {@link run}.
 *
 * @since 0.2.0
 * @category models
 */
export interface RunOptions {
  /** The PostgreSQL schema to keep the tables in; created (by a role allowed to) only when missing. */
  readonly schema?: string
  /**
   * PostgreSQL: how long a migration's statement may wait for a table lock (`SET LOCAL
   * lock_timeout`), in milliseconds, before the migration gives up, fails with a `StoreError` of
   * operation `"migrate-lock"` and leaves the schema as it was. On a live database a statement
   * waiting for a lock (`ALTER TABLE` behind a long query) makes every query on that table wait
   * behind it. Default 10,000; `0` waits for ever. Waiting for another process's migration (an
   * advisory lock) is not limited.
   */
  readonly lockTimeoutMs?: number
}

/**
 * The default of {@link RunOptions.lockTimeoutMs}: 10 seconds.
 *
 * @since 0.2.0
 * @category data
 */
export const DEFAULT_LOCK_TIMEOUT_MS = 10_000

const newer = (operation: string, current: number) =>
  storeError(
    operation,
    `cơ sở dữ liệu được ghi bởi phiên bản hdnd mới hơn (lược đồ v${current}, bản này hiểu tới v${SCHEMA_VERSION}); hãy nâng cấp hdnd`,
    `the database was written by a newer hdnd (schema v${current}; this version knows up to v${SCHEMA_VERSION}); upgrade hdnd`
  )

/** Whether a failure is PostgreSQL's `lock_timeout` (SQLSTATE 55P03, lock_not_available), anywhere in its causes. */
const isLockTimeout = (e: unknown): boolean => {
  let x: unknown = e
  for (let i = 0; i < 6 && typeof x === "object" && x !== null; i++) {
    const { code, message } = x as { code?: unknown; message?: unknown }
    if (code === "55P03" || (typeof message === "string" && /lock timeout/i.test(message))) return true
    x = (x as { cause?: unknown }).cause
  }
  return false
}

const lockTimedOut = (m: Migration | undefined, ms: number, cause: unknown) =>
  storeError(
    "migrate-lock",
    `nâng cấp lược đồ${m === undefined ? "" : ` lên v${m.version} (${m.name})`} đã chờ khóa bảng quá ${ms / 1000} giây (lock_timeout) vì một phiên khác đang dùng bảng; chưa thay đổi gì. ` +
      `Hãy chạy lại khi cơ sở dữ liệu vắng hơn, hoặc tìm phiên đang chặn (SELECT pid, pg_blocking_pids(pid), state, query FROM pg_stat_activity WHERE wait_event_type = 'Lock') ` +
      `rồi chờ nó xong hoặc dừng nó (pg_terminate_backend); có thể tăng thời gian chờ (migrationLockTimeoutMs; với lệnh hdnd: HDND_MIGRATION_LOCK_TIMEOUT_MS). Xem docs/deployment.md`,
    `migrating the schema${m === undefined ? "" : ` to v${m.version} (${m.name})`} waited more than ${ms / 1000} s for a table lock (lock_timeout): another session is using the table; nothing was changed. ` +
      `Run it again when the database is quieter, or find the blocking session (SELECT pid, pg_blocking_pids(pid), state, query FROM pg_stat_activity WHERE wait_event_type = 'Lock') ` +
      `and let it finish or end it (pg_terminate_backend); a longer wait is set by migrationLockTimeoutMs (for the hdnd command: HDND_MIGRATION_LOCK_TIMEOUT_MS). See docs/deployment.md`,
    cause
  )

const cannotCreate = (schema: string, role: string) =>
  storeError(
    "migrate",
    `lược đồ "${schema}" chưa có và vai trò ${role} không được tạo lược đồ (thiếu quyền CREATE trên cơ sở dữ liệu); ` +
      `hãy nhờ quản trị viên chạy CREATE SCHEMA "${schema}" AUTHORIZATION ${role}; rồi mở lại (hdnd sẽ tạo các bảng trong đó)`,
    `schema "${schema}" does not exist and role ${role} may not create it (no CREATE privilege on the database); ` +
      `have an administrator run CREATE SCHEMA "${schema}" AUTHORIZATION ${role}; then open again (hdnd creates its tables in it)`
  )

/** PostgreSQL: the schema version recorded, read without writing: `0` when the schema or its migrations table is missing. */
const recorded = (t: Tables, d: Dialect): Effect.Effect<number, SqlError, Database> =>
  Effect.gen(function* () {
    const sql = yield* Database
    // to_regclass: NULL, not an error, when the schema or the table is missing.
    const found = yield* sql.query<{ t: unknown }>(`SELECT to_regclass(${d.param(0)}) IS NOT NULL AS t`, [t.hdnd_migrations])
    if (found[0]?.t !== true) return 0
    const rows = yield* sql.query<{ v: unknown }>(`SELECT MAX(version) AS v FROM ${t.hdnd_migrations}`)
    return Number(rows[0]?.v ?? 0)
  })

/**
 * Brings a database to {@link SCHEMA_VERSION} and says what it did: creates the schema when there
 * is none, migrates an older one, and refuses one written by a newer hdnd. On PostgreSQL a schema
 * that is up to date is only read (so a role without the CREATE privilege, or a hot standby, can
 * open it), a missing PostgreSQL schema is created only then (`CREATE SCHEMA` needs the CREATE
 * privilege on the database), and the migrations run in one transaction, under an advisory lock
 * (processes opening at once take turns) and with a `lock_timeout` ({@link RunOptions}).
 *
 * @since 0.2.0
 * @category migrations
 */
export const run = (t: Tables, d: Dialect, options: RunOptions = {}): Effect.Effect<Outcome, Errors.StoreError, Database> => {
  const { schema } = options
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS
  const body = Effect.gen(function* () {
    const sql = yield* Database
    const query = (text: string, params: ReadonlyArray<unknown> = []) => sql.query(text, params)
    if (d.name === "pg") {
      if (schema !== undefined && (yield* query(`SELECT 1 FROM pg_namespace WHERE nspname = ${d.param(0)}`, [schema])).length === 0) {
        const [who] = yield* sql.query<{ role: string; may: boolean }>(`SELECT current_user AS role, has_database_privilege(current_database(), 'CREATE') AS may`)
        if (who !== undefined && who.may !== true) return yield* Effect.fail(cannotCreate(schema, who.role))
        yield* query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
      }
      // Table locks are waited for at most this long from here; the advisory lock above was not limited.
      if (lockTimeoutMs > 0) yield* query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`)
    }
    yield* query(`CREATE TABLE IF NOT EXISTS ${t.hdnd_migrations} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
    const rows = yield* query(`SELECT MAX(version) AS v FROM ${t.hdnd_migrations}`)
    const current = Number((rows[0] as { v: unknown } | undefined)?.v ?? 0)
    if (current > SCHEMA_VERSION) return yield* Effect.fail(newer("open", current))
    for (const m of migrations) {
      if (m.version <= current) continue
      yield* sql
        .withTransaction(
          Effect.gen(function* () {
            const again = yield* query(`SELECT MAX(version) AS v FROM ${t.hdnd_migrations}`)
            if (Number((again[0] as { v: unknown } | undefined)?.v ?? 0) >= m.version) return
            for (const s of m.statements(t, d)) yield* query(s)
            yield* query(`INSERT INTO ${t.hdnd_migrations} (version, name, applied_at) VALUES (${d.param(0)}, ${d.param(1)}, ${d.param(2)})`, [
              m.version,
              m.name,
              new Date().toISOString()
            ])
          })
        )
        .pipe(Effect.catchIf(isLockTimeout, (e) => Effect.fail(lockTimedOut(m, lockTimeoutMs, e))))
    }
    return { from: current, to: SCHEMA_VERSION }
  })
  return Effect.gen(function* () {
    if (d.name !== "pg") return yield* body
    // Up to date (the usual open): read, never written, no lock taken.
    const found = yield* recorded(t, d)
    if (found === SCHEMA_VERSION) return { from: found, to: found }
    if (found > SCHEMA_VERSION) return yield* Effect.fail(newer("open", found))
    // One transaction under an advisory lock per schema, so processes opening a new schema at once
    // take turns (its CREATE … IF NOT EXISTS statements are not safe side by side).
    const sql = yield* Database
    return yield* sql.withTransaction(Effect.andThen(sql.query(`SELECT pg_advisory_xact_lock(hashtext(${d.param(0)}))`, [`hdnd:migrate:${schema ?? "public"}`]), body))
  }).pipe(
    // SQLite: several processes may open a new file at once; a busy error means another one is
    // migrating, so try again.
    retryBusy(d, "10 millis"),
    Effect.catchTag("SqlError", (e: SqlError) =>
      Effect.fail(
        isLockTimeout(e)
          ? lockTimedOut(undefined, lockTimeoutMs, e)
          : storeError("migrate", `không tạo hoặc nâng cấp được lược đồ cơ sở dữ liệu: ${describeCause(e)}`, `cannot create or migrate the database schema: ${describeCause(e)}`, e)
      )
    )
  )
}

/**
 * Brings a database to {@link SCHEMA_VERSION}: creates it when empty, migrates an older one, and
 * refuses one written by a newer hdnd. {@link run} with a schema, returning the version reached.
 *
 * @since 0.1.0
 * @category migrations
 */
export const migrate = (t: Tables, d: Dialect, schema?: string): Effect.Effect<number, Errors.StoreError, Database> =>
  Effect.map(run(t, d, schema === undefined ? {} : { schema }), (o) => o.to)
