/**
 * The hand-written side of the national benchmark (issue #17): the SQL a developer would write for
 * the same counts, a raw `COPY` of the same rows through the `pg` driver (`pg-copy-streams`), and the
 * check that hdnd's tabulation and the hand-written query agree cell by cell.
 */
import type { Activity, Tabulation } from "@hdnd/core"
import { Indicators } from "@hdnd/core"
import { Rows } from "@hdnd/store-sql"
import { createConnection } from "node:net"
import pg from "pg"
import { from as copyFrom } from "pg-copy-streams"
import { INDICATORS } from "./national-world.js"

/** Whether a TCP connection to the server of `url` opens within 1.5 s. */
export const reachable = (url: string): Promise<boolean> =>
  new Promise((resolve) => {
    const u = new URL(url)
    const socket = createConnection({ host: u.hostname, port: Number(u.port || 5432) })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1500, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })

/**
 * The six counts of the benchmark request, by council, kind, month and owner kind, over one period:
 * each indicator's filter written directly, distinct sessions with `COUNT(DISTINCT)`, and the council
 * condition as the app would write it (the scope's council ids; none for the whole country).
 */
export const handYear = (schema: string, councils: ReadonlyArray<string> | undefined, year: number): { text: string; params: Array<unknown> } => ({
  text: `
SELECT a.council, a.kind, substr(a.date_from, 1, 7) AS month, ow.kind AS owner_kind,
  count(*) FILTER (WHERE a.kind = 'review') AS content,
  count(DISTINCT a.session) FILTER (WHERE a.kind = 'review') AS sessions,
  count(*) FILTER (WHERE a.kind = 'supervision' AND a.mode IN ('periodic', 'ongoing')) AS periodic,
  count(*) FILTER (WHERE ow.kind = 'committee' AND (a.kind = 'survey' OR (a.kind = 'supervision' AND a.mode = 'thematic'))) AS survey_thematic,
  count(*) FILTER (WHERE a.kind = 'advisory' AND a.origin = 'assigned-by-standing') AS assigned,
  count(*) FILTER (WHERE a.kind = 'supervision' AND ow.kind = 'plenary') AS council_owned
FROM "${schema}".activities a JOIN "${schema}".organs ow ON ow.id = a.owner
WHERE ${councils === undefined ? "" : "a.council = ANY($3::text[]) AND "}a.date_from >= $1 AND a.date_from <= $2
  AND (a.kind IN ('review', 'survey', 'supervision') OR (a.kind = 'advisory' AND a.origin = 'assigned-by-standing'))
GROUP BY a.council, a.kind, substr(a.date_from, 1, 7), ow.kind`,
  params: [`${year}-01-01`, `${year}-12-31`, ...(councils === undefined ? [] : [`{${councils.join(",")}}`])]
})

/** The hand-written query's column of each indicator. */
const COLUMN: Readonly<Record<string, string>> = {
  [Indicators.ids.reviewContent]: "content",
  [Indicators.ids.reviewSessions]: "sessions",
  [Indicators.ids.supervisionPeriodicOngoing]: "periodic",
  [Indicators.ids.surveyThematicSupervision]: "survey_thematic",
  [Indicators.ids.advisoryAssigned]: "assigned",
  [Indicators.ids.supervisionCouncil]: "council_owned"
}

/** Counts per indicator and cell key (council, kind, month, owner kind), zeros left out. */
export type Counts = Map<string, number>

/** The hand-written query's rows as counts. */
export const handCounts = (rows: ReadonlyArray<Record<string, unknown>>): Counts => {
  const out: Counts = new Map()
  for (const r of rows) {
    const key = [r.council, r.kind, r.month, r.owner_kind].join("|")
    for (const ind of INDICATORS) {
      const n = Number(r[COLUMN[ind] as string])
      if (n > 0) out.set(`${ind}|${key}`, n)
    }
  }
  return out
}

/** hdnd's tabulation as counts: items, or the number of distinct sessions for the sessions indicator. */
export const hdndCounts = (t: Tabulation.Tabulation): Counts => {
  const out: Counts = new Map()
  for (const c of t.cells.values()) {
    const n = c.indicator === Indicators.ids.reviewSessions ? c.sessions.size : c.items
    if (n > 0) out.set(`${c.indicator}|${c.key.join("|")}`, n)
  }
  return out
}

/** The first difference between two sets of counts, or `undefined` when they are equal. */
export const difference = (hdnd: Counts, hand: Counts): string | undefined => {
  for (const [k, v] of hdnd) if (hand.get(k) !== v) return `${k}: hdnd ${v}, hand-written SQL ${hand.get(k) ?? 0}`
  for (const [k, v] of hand) if (!hdnd.has(k)) return `${k}: hdnd 0, hand-written SQL ${v}`
  return undefined
}

/** The total of each indicator. */
export const totals = (counts: Counts): Record<string, number> => {
  const out: Record<string, number> = Object.fromEntries(INDICATORS.map((i) => [i, 0]))
  for (const [k, v] of counts) {
    const ind = k.slice(0, k.indexOf("|"))
    out[ind] = (out[ind] ?? 0) + v
  }
  return out
}

/** The ids of one cell's records (reviews of one council in one month by organs of one kind), hand-written. */
export const handDrill = (schema: string, council: string, month: string, ownerKind: string): { text: string; params: Array<unknown> } => ({
  text: `SELECT a.id FROM "${schema}".activities a JOIN "${schema}".organs ow ON ow.id = a.owner
WHERE a.council = $1 AND a.date_from >= $2 AND a.date_from <= $3 AND a.kind = 'review' AND ow.kind = $4`,
  params: [council, `${month}-01`, `${month}-31`, ownerKind]
})

/** A value in COPY's text format. */
const copyValue = (v: unknown): string =>
  v === null || v === undefined ? "\\N" : String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")

/** A `pg` connection for raw COPY, closed by `close`. */
export const copyClient = async (url: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const columns = Rows.layouts.activities.columns.map((c) => c.name)
  return {
    /**
     * Writes activities into `schema`.activities with one `COPY … FROM STDIN` (its own transaction,
     * all or nothing like an upsert batch): the rows are the store's own (`Rows.toValues`).
     */
    copy: (schema: string, activities: ReadonlyArray<Activity.Activity>): Promise<void> =>
      new Promise((resolve, reject) => {
        const stream = client.query(copyFrom(`COPY "${schema}".activities (${columns.join(", ")}) FROM STDIN`))
        stream.on("error", reject)
        stream.on("finish", () => resolve())
        let chunk = ""
        for (const a of activities) {
          chunk += Rows.toValues("activities", a).map(copyValue).join("\t") + "\n"
          if (chunk.length > 1 << 20) {
            stream.write(chunk)
            chunk = ""
          }
        }
        stream.end(chunk)
      }),
    query: (text: string, params: Array<unknown> = []) => client.query(text, params),
    close: () => client.end()
  }
}
