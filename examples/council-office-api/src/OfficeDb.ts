/**
 * The service's own tables, next to hdnd's in the same database: access tokens and the audit log.
 *
 * The audit log is append-only, and the database enforces it: a trigger raises on every UPDATE
 * and DELETE (and, on PostgreSQL, TRUNCATE), so no code path, this service's or anyone's with SQL
 * access short of dropping the trigger, can change or remove an entry. Entries are written in the
 * same transaction as the records they describe: a write that is rolled back leaves no entry.
 */
import * as Effect from "effect/Effect"
import type { Database } from "./hdnd.js"

export type Dialect = "sqlite" | "pg"

/** One statement runner with the dialect's placeholders written as `?`. */
export interface Sql {
  readonly dialect: Dialect
  /** The schema prefix of the service's tables and functions (`"schema".`), or "". */
  readonly prefix: string
  readonly query: <A extends object = Record<string, unknown>>(text: string, params?: ReadonlyArray<unknown>) => Effect.Effect<ReadonlyArray<A>, Database.SqlError>
}

export const makeSql = (db: Database.DatabaseService, dialect: Dialect, schema?: string): Sql => {
  const prefix = schema === undefined ? "" : `"${schema}".`
  return {
    dialect,
    prefix,
    query: (text, params = []) => {
      let i = 0
      const withTables = text.replace(/\boffice_(tokens|audit)\b/g, (t) => `${prefix}${t}`)
      return db.query(dialect === "pg" ? withTables.replace(/\?/g, () => `$${++i}`) : withTables, params)
    }
  }
}

const APPEND_ONLY_VI = "nhật ký kiểm toán chỉ được ghi thêm, không sửa hay xóa"
const APPEND_ONLY_EN = "the audit log is append-only"

/** Creates the tables and the append-only triggers if they are missing. */
export const migrate = (sql: Sql): Effect.Effect<void, Database.SqlError> =>
  Effect.gen(function* () {
    const serial = sql.dialect === "pg" ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"
    yield* sql.query(`CREATE TABLE IF NOT EXISTS office_tokens (
      id TEXT PRIMARY KEY, council TEXT NOT NULL, role TEXT NOT NULL, subject TEXT NOT NULL,
      hash TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT)`)
    yield* sql.query(`CREATE TABLE IF NOT EXISTS office_audit (
      seq ${serial}, at TEXT NOT NULL, council TEXT NOT NULL, subject TEXT NOT NULL, token TEXT NOT NULL,
      route TEXT NOT NULL, kind TEXT NOT NULL, entity_id TEXT NOT NULL, action TEXT NOT NULL,
      before_json TEXT, after_json TEXT)`)
    yield* sql.query(`CREATE INDEX IF NOT EXISTS office_audit_council ON office_audit (council, seq)`)
    if (sql.dialect === "sqlite") {
      for (const op of ["UPDATE", "DELETE"]) {
        yield* sql.query(
          `CREATE TRIGGER IF NOT EXISTS office_audit_no_${op.toLowerCase()} BEFORE ${op} ON office_audit
           BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY_VI} / ${APPEND_ONLY_EN}'); END`
        )
      }
    } else {
      yield* sql.query(
        `CREATE OR REPLACE FUNCTION ${sql.prefix}office_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
         $fn$ BEGIN RAISE EXCEPTION '${APPEND_ONLY_VI} / ${APPEND_ONLY_EN}'; END $fn$`
      )
      yield* sql.query(
        `CREATE OR REPLACE TRIGGER office_audit_no_change BEFORE UPDATE OR DELETE ON office_audit
         FOR EACH ROW EXECUTE FUNCTION ${sql.prefix}office_audit_append_only()`
      )
      yield* sql.query(
        `CREATE OR REPLACE TRIGGER office_audit_no_truncate BEFORE TRUNCATE ON office_audit
         FOR EACH STATEMENT EXECUTE FUNCTION ${sql.prefix}office_audit_append_only()`
      )
    }
  })

/** What an audit entry records. */
export interface AuditInput {
  readonly council: string
  readonly subject: string
  readonly token: string
  readonly route: string
  readonly kind: string
  readonly id: string
  readonly action: "insert" | "update" | "token.create" | "token.revoke"
  readonly before: unknown
  readonly after: unknown
}

export interface AuditEntry extends AuditInput {
  readonly seq: number
  readonly at: string
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v))

/** Appends an entry (the only write this table ever sees). */
export const appendAudit = (sql: Sql, e: AuditInput): Effect.Effect<void, Database.SqlError> =>
  Effect.asVoid(
    sql.query(
      `INSERT INTO office_audit (at, council, subject, token, route, kind, entity_id, action, before_json, after_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [new Date().toISOString(), e.council, e.subject, e.token, e.route, e.kind, e.id, e.action, json(e.before), json(e.after)]
    )
  )

interface AuditRow {
  readonly seq: unknown
  readonly at: string
  readonly council: string
  readonly subject: string
  readonly token: string
  readonly route: string
  readonly kind: string
  readonly entity_id: string
  readonly action: AuditInput["action"]
  readonly before_json: string | null
  readonly after_json: string | null
}

/** The entries of one council after `after` (a sequence number), oldest first. */
export const readAudit = (sql: Sql, council: string, after: number, limit: number): Effect.Effect<ReadonlyArray<AuditEntry>, Database.SqlError> =>
  Effect.map(
    sql.query<AuditRow>(`SELECT * FROM office_audit WHERE council = ? AND seq > ? ORDER BY seq LIMIT ?`, [council, after, limit]),
    (rows) =>
      rows.map((r) => ({
        seq: Number(r.seq),
        at: r.at,
        council: r.council,
        subject: r.subject,
        token: r.token,
        route: r.route,
        kind: r.kind,
        id: r.entity_id,
        action: r.action,
        before: r.before_json === null ? null : JSON.parse(r.before_json),
        after: r.after_json === null ? null : JSON.parse(r.after_json)
      }))
  )
