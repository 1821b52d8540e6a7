/**
 * The CLI as an `ImportSafety.Target` of `@hdnd/testkit`: `hdnd import` (the bundled executable, as it
 * ships) started as a child process that can be killed, on a SQLite file or a PostgreSQL database,
 * and snapshots of what the database holds, read by a connection of the test's own.
 */
import { Rows } from "@hdnd/import"
import type { ImportSafety } from "@hdnd/testkit"
import { Database } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import { spawn } from "node:child_process"
import { createHash } from "node:crypto"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { buildWorld } from "../../../../bench/world.js"
import * as Client from "../../../store-postgres/src/internal/client.js"
import { baseEnv, bundled } from "./hdnd.js"

export interface World {
  /** The structure files (units, councils, organs, sessions), for `hdnd init`. */
  readonly structure: ReadonlyArray<string>
  /** Activity files (distinct ids, and the shared ones), in the order they are to be imported. */
  readonly parts: ReadonlyArray<ImportSafety.Part>
  /** Every part's activities in one file, for the reference import. */
  readonly all: ImportSafety.Part
}

/**
 * Writes the structure of the generated benchmark world (bench/world.ts) and `parts` activity files
 * into `dir`: each holds `perPart` activities of its own (distinct ids), then `shared` activities
 * that every part holds (the same ids and content).
 */
export const writeWorld = (dir: string, parts: number, perPart: number, shared = 0): World => {
  fs.mkdirSync(dir, { recursive: true })
  const { ds } = buildWorld(parts * perPart + shared, 11)
  const structure = (["units", "councils", "organs", "sessions"] as const).map((kind) => {
    const file = path.join(dir, `${kind}.csv`)
    fs.writeFileSync(file, Rows.toCsv(kind, [...(ds[kind] as ReadonlyMap<string, unknown>).values()]), "utf8")
    return file
  })
  const activities = [...ds.activities.values()]
  const all = path.join(dir, "activities-all.csv")
  fs.writeFileSync(all, Rows.toCsv("activities", activities), "utf8")
  return {
    structure,
    all: { file: all, ids: activities.map((r) => r.id as string) },
    parts: Array.from({ length: parts }, (_, p) => {
      const records = [...activities.slice(p * perPart, (p + 1) * perPart), ...activities.slice(parts * perPart)]
      const file = path.join(dir, `activities-${p}.csv`)
      fs.writeFileSync(file, Rows.toCsv("activities", records), "utf8")
      return { file, ids: records.map((r) => r.id as string) }
    })
  }
}

/** A progress line of `hdnd import` (Vietnamese): printed right after the first batch is written. */
const PROGRESS = /\d+%\s+[\d.]+ dòng/

/** Records per batch inside an all-or-nothing import: small, so that the first progress line comes early. */
const WRITE_BATCH = 250

/** Starts `hdnd import <database args> … <file>` as a child process. */
export const startImport = async (cwd: string, database: ReadonlyArray<string>, part: ImportSafety.Part, mode: ImportSafety.Mode, env: Record<string, string> = {}) => {
  const bin = await bundled()
  const modeArgs =
    mode._tag === "all-or-nothing"
      ? ["--batch-size", String(WRITE_BATCH)]
      : ["--skip-invalid", "--batch-size", String(mode.size), "--rejects", path.join(cwd, `rejects-${process.pid}-${Math.random().toString(36).slice(2)}.csv`)]
  const child = spawn(process.execPath, [bin, "import", ...database, ...modeArgs, part.file], { cwd, env: baseEnv(env), stdio: ["ignore", "ignore", "pipe"] })
  let stderr = ""
  let signalWriting: (writing: boolean) => void = () => {}
  const writing = new Promise<boolean>((resolve) => (signalWriting = resolve))
  child.stderr.on("data", (b: Buffer) => {
    stderr += b.toString("utf8")
    if (PROGRESS.test(stderr)) signalWriting(true)
  })
  const ended = new Promise<ImportSafety.Ended>((resolve) =>
    child.on("close", (code, signal) => {
      signalWriting(false)
      resolve({ code, signal, stderr })
    })
  )
  return {
    writing,
    ended,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: () => void child.kill("SIGKILL")
  } satisfies ImportSafety.Running
}

/** The CLI on a SQLite file; `reset` (when given a way to make one) goes on with a new file. */
export const sqliteTarget = (cwd: string, file: string, fresh?: () => Promise<string>): ImportSafety.Target => {
  let db = file
  return {
    start: (part, mode) => running(startImport(cwd, ["--db", db], part, mode)),
    snapshot: async () => sqliteSnapshot(db),
    ...(fresh === undefined ? {} : { reset: async () => void (db = await fresh()) })
  }
}

/** The CLI on a PostgreSQL database; `reset` (when given a way to make one) goes on with a new database. */
export const postgresTarget = (cwd: string, url: string, fresh?: () => Promise<string>): ImportSafety.Target => {
  let db = url
  return {
    start: (part, mode) => running(startImport(cwd, ["--database-url", db], part, mode)),
    snapshot: () => postgresSnapshot(db),
    ...(fresh === undefined ? {} : { reset: async () => void (db = await fresh()) })
  }
}

/** A `Running` whose process is still being started (the bundle is already built, so only spawn is awaited). */
const running = (started: Promise<ImportSafety.Running>): ImportSafety.Running => {
  let child: ImportSafety.Running | undefined
  let killRequested = false
  void started.then((r) => {
    child = r
    if (killRequested) r.kill()
  })
  return {
    writing: started.then((r) => r.writing),
    ended: started.then((r) => r.ended),
    alive: () => child === undefined || child.alive(),
    kill: () => {
      killRequested = true
      child?.kill()
    }
  }
}

const require_ = createRequire(path.join(path.dirname(new URL(import.meta.url).pathname), "../../package.json"))
const SqliteDatabase = require_("better-sqlite3") as new (
  file: string,
  options?: { readonly?: boolean; fileMustExist?: boolean }
) => {
  prepare(sql: string): { all(): Array<Record<string, unknown>>; pluck(): { all(): Array<unknown> } }
  pragma(s: string, o?: { simple: boolean }): unknown
  close(): void
}

/** `integrity_check` and `foreign_key_check`, the activities' ids and a digest of their rows. */
export const sqliteSnapshot = (file: string): ImportSafety.Snapshot => {
  const db = new SqliteDatabase(file, { fileMustExist: true })
  try {
    const integrity = String(db.pragma("integrity_check", { simple: true }))
    const orphans = db.prepare("PRAGMA foreign_key_check").all()
    const rows = db.prepare("SELECT * FROM activities ORDER BY id").all()
    return {
      integrity: integrity !== "ok" ? integrity : orphans.length > 0 ? `foreign_key_check: ${JSON.stringify(orphans.slice(0, 3))}` : "ok",
      ids: new Set(rows.map((r) => String(r.id))),
      digest: createHash("sha256").update(JSON.stringify(rows)).digest("hex")
    }
  } finally {
    db.close()
  }
}

/** Runs SQL on a one-connection pool of its own to `url`. */
export const onPostgres = <A>(url: string, f: (sql: Database.DatabaseService) => Effect.Effect<A, Database.SqlError>): Promise<A> =>
  Effect.runPromise(Effect.scoped(Effect.flatMap(Client.make({ url, maxConnections: 1 }), f)))

/**
 * PostgreSQL keeps no `integrity_check`: the check is that every activity's council, owner and
 * session exist (the references an import writes), the activities' ids, and a digest of their rows.
 */
export const postgresSnapshot = (url: string): Promise<ImportSafety.Snapshot> =>
  onPostgres(url, (sql) =>
    Effect.gen(function* () {
      // A killed client's session lives on in the server until the server notices: its transaction
      // may still commit or roll back. The snapshot waits until no other session is left.
      for (let waited = 0; ; waited += 50) {
        const others = yield* sql.query<{ n: string }>("SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        if (Number(others[0]?.n ?? 0) === 0) break
        if (waited > 30_000) return yield* Effect.die(new Error(`other sessions still open on ${url} after 30 s`))
        yield* Effect.sleep(50)
      }
      const orphans = yield* sql.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM activities a
         WHERE NOT EXISTS (SELECT 1 FROM councils c WHERE c.id = a.council)
            OR NOT EXISTS (SELECT 1 FROM organs o WHERE o.id = a.owner)
            OR (a.session IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = a.session))`
      )
      const ids = yield* sql.query<{ id: string }>("SELECT id FROM activities")
      const digest = yield* sql.query<{ d: string | null }>("SELECT md5(string_agg(t::text, E'\\n' ORDER BY t.id)) AS d FROM activities t")
      const n = Number(orphans[0]?.n ?? 0)
      return {
        integrity: n === 0 ? "ok" : `${n} activities refer to a council, organ or session that does not exist`,
        ids: new Set(ids.map((r) => r.id)),
        digest: digest[0]?.d ?? "empty"
      }
    })
  )

/**
 * Creates a database of its own on the server of `adminUrl` (a copy of `template` when given, which
 * must have no open connection); returns its URL and a function that drops it.
 */
export const scratchDatabase = async (adminUrl: string, name: string, template?: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> => {
  await onPostgres(adminUrl, (sql) =>
    Effect.gen(function* () {
      // The session of the CLI run that filled the template may outlive the process for a moment.
      for (let waited = 0; template !== undefined; waited += 50) {
        const open = yield* sql.query<{ n: string }>("SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = $1", [template])
        if (Number(open[0]?.n ?? 0) === 0) break
        if (waited > 30_000) return yield* Effect.die(new Error(`sessions still open on ${template} after 30 s`))
        yield* Effect.sleep(50)
      }
      yield* sql.query(`CREATE DATABASE "${name}"${template === undefined ? "" : ` TEMPLATE "${template}"`}`)
    })
  )
  const u = new URL(adminUrl)
  u.pathname = `/${name}`
  return { name, url: u.toString(), drop: () => onPostgres(adminUrl, (sql) => Effect.asVoid(sql.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))) }
}
