/**
 * Bearer tokens, each scoped to one council and one role. A token reads `hdnd_<id>_<secret>`; the
 * database keeps the id and a SHA-256 hash of the secret, never the secret itself, so a copy of the
 * database does not give access. A revoked token stops working at once.
 *
 * Roles are ordered: a `reader` reads figures, records and reports; a `clerk` also writes records
 * and imports files; an `admin` also issues and revokes the council's tokens and reads its audit log.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { Database } from "./hdnd.js"
import type { Sql } from "./OfficeDb.js"
import { appendAudit } from "./OfficeDb.js"

export const Role = Schema.Literals(["reader", "clerk", "admin"]).annotate({
  identifier: "Role",
  description: "reader: đọc số liệu, hồ sơ, báo cáo / reads figures, records, reports; clerk: cũng ghi hồ sơ và nhập tệp / also writes records and imports; admin: cũng quản lý mã truy cập và đọc nhật ký / also manages tokens and reads the audit log"
})
export type Role = typeof Role.Type

const RANK: Readonly<Record<Role, number>> = { reader: 0, clerk: 1, admin: 2 }

/** Whether a role may do what `needed` may. */
export const allows = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed]

/** Who is calling: from a valid token. */
export interface Principal {
  readonly token: string
  readonly council: string
  readonly role: Role
  readonly subject: string
}

const hash = (secret: string): string => createHash("sha256").update(secret, "utf8").digest("hex")

const TOKEN = /^hdnd_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/

/** The principal of a bearer token, or `undefined` for an unknown, malformed or revoked one. */
export const authenticate = (sql: Sql, bearer: string): Effect.Effect<Principal | undefined, Database.SqlError> =>
  Effect.gen(function* () {
    const m = TOKEN.exec(bearer)
    if (m === null) return undefined
    const [, id, secret] = m as unknown as [string, string, string]
    const rows = yield* sql.query<{ council: string; role: Role; subject: string; hash: string; revoked_at: string | null }>(
      "SELECT council, role, subject, hash, revoked_at FROM office_tokens WHERE id = ?",
      [id]
    )
    const row = rows[0]
    if (row === undefined || row.revoked_at !== null) return undefined
    const expected = Buffer.from(row.hash, "hex")
    const given = Buffer.from(hash(secret), "hex")
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
    return { token: id, council: row.council, role: row.role, subject: row.subject }
  })

/** A token as listed to its council's admins (never the secret). */
export interface TokenInfo {
  readonly id: string
  readonly council: string
  readonly role: Role
  readonly subject: string
  readonly createdAt: string
  readonly revokedAt: string | null
}

/**
 * Issues a token for a council; the returned secret is shown once. `by` is the admin issuing it
 * (absent when the operator runs the setup command): the issue is written to the audit log.
 */
export const issue = (
  sql: Sql,
  input: { readonly council: string; readonly role: Role; readonly subject: string },
  by: { readonly principal?: Principal; readonly route: string }
): Effect.Effect<TokenInfo & { readonly token: string }, Database.SqlError> =>
  Effect.gen(function* () {
    const id = randomBytes(8).toString("hex")
    const secret = randomBytes(32).toString("base64url")
    const createdAt = new Date().toISOString()
    yield* sql.query("INSERT INTO office_tokens (id, council, role, subject, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)", [
      id,
      input.council,
      input.role,
      input.subject,
      hash(secret),
      createdAt
    ])
    const info: TokenInfo = { id, council: input.council, role: input.role, subject: input.subject, createdAt, revokedAt: null }
    yield* appendAudit(sql, {
      council: input.council,
      subject: by.principal?.subject ?? "setup",
      token: by.principal?.token ?? "-",
      route: by.route,
      kind: "tokens",
      id,
      action: "token.create",
      before: null,
      after: info
    })
    return { ...info, token: `hdnd_${id}_${secret}` }
  })

const toInfo = (r: { id: string; council: string; role: Role; subject: string; created_at: string; revoked_at: string | null }): TokenInfo => ({
  id: r.id,
  council: r.council,
  role: r.role,
  subject: r.subject,
  createdAt: r.created_at,
  revokedAt: r.revoked_at
})

/** The tokens of one council. */
export const list = (sql: Sql, council: string): Effect.Effect<ReadonlyArray<TokenInfo>, Database.SqlError> =>
  Effect.map(
    sql.query<Parameters<typeof toInfo>[0]>("SELECT * FROM office_tokens WHERE council = ? ORDER BY created_at, id", [council]),
    (rows) => rows.map(toInfo)
  )

/** Revokes a token of the principal's council; `undefined` when the council has no such token. */
export const revoke = (sql: Sql, principal: Principal, id: string, route: string): Effect.Effect<TokenInfo | undefined, Database.SqlError> =>
  Effect.gen(function* () {
    const rows = yield* sql.query<Parameters<typeof toInfo>[0]>("SELECT * FROM office_tokens WHERE id = ? AND council = ?", [id, principal.council])
    const row = rows[0]
    if (row === undefined) return undefined
    const before = toInfo(row)
    if (before.revokedAt !== null) return before
    const revokedAt = new Date().toISOString()
    yield* sql.query("UPDATE office_tokens SET revoked_at = ? WHERE id = ? AND council = ?", [revokedAt, id, principal.council])
    const after = { ...before, revokedAt }
    yield* appendAudit(sql, { council: principal.council, subject: principal.subject, token: principal.token, route, kind: "tokens", id, action: "token.revoke", before, after })
    return after
  })
