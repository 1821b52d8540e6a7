/**
 * Compiles indicator filters to SQL and builds the `GROUP BY` query that counts a tabulation inside
 * the database. The rows it returns are fed to core's `TabulationBuilder`, so the pushed-down result
 * equals the in-memory reference (the pushdown law).
 *
 * @since 0.1.0
 */
import { Indicator, TabulationBuilder } from "@hdnd/core"
import type { Tables } from "./Tables.js"
import { SqlText } from "./Tables.js"

type Clause = Indicator.Clause
type Filter = Indicator.Filter
type Plan = TabulationBuilder.Plan

const inList = (q: SqlText, column: string, values: ReadonlyArray<unknown> | undefined): string | undefined =>
  values === undefined ? undefined : `${column} IN ${q.list(values)}`

/**
 * Some organ named in a JSON array column (organisers, participants, reviewers; NULL when none: no
 * element, no match) meets a condition on `xo`, the organ.
 */
const someOrgan = (q: SqlText, t: Tables, column: string, condition: string): string => {
  // `xe`, not `x`: the output queries call their record `x`.
  const x = q.dialect.eachOf(column, "xe")
  return `EXISTS (SELECT 1 FROM ${x.from} JOIN ${t.organs} xo ON xo.id = ${x.value} WHERE ${condition})`
}

/** A JSON array column names one of the ids. */
const someOf = (q: SqlText, column: string, ids: ReadonlyArray<unknown>): string => {
  const x = q.dialect.eachOf(column, "xe")
  return `EXISTS (SELECT 1 FROM ${x.from} WHERE ${x.value} IN ${q.list(ids)})`
}

/** The organ conditions of a clause (`organiserKinds`, `committeeKinds`) on the organs a column names. */
const organKinds = (q: SqlText, t: Tables, column: string, kinds: ReadonlyArray<unknown> | undefined, committeeKinds: ReadonlyArray<unknown> | undefined) => [
  kinds === undefined ? undefined : someOrgan(q, t, column, `xo.kind IN ${q.list(kinds)}`),
  committeeKinds === undefined ? undefined : someOrgan(q, t, column, `xo.committee_kind IN ${q.list(committeeKinds)}`)
]

/** `levels`: the record's council is one of the plan's councils at those levels. */
const levelsCondition = (q: SqlText, plan: Plan, column: string, levels: ReadonlyArray<string> | undefined): string | undefined => {
  if (levels === undefined) return undefined
  const wanted = new Set<string>(levels)
  const councils = [...plan.councils.values()].filter((x) => x.level !== undefined && wanted.has(x.level)).map((x) => x.id)
  return councils.length === 0 ? "1 = 0" : `${column} IN ${q.list(councils)}`
}

/** The parts that are there, joined by AND ("1 = 1" for none). */
const allOf = (parts: ReadonlyArray<string | undefined>): string => {
  const present = parts.filter((p): p is string => p !== undefined)
  return present.length === 0 ? "1 = 1" : present.map((p) => `(${p})`).join(" AND ")
}

/** A filter: its own clause and, with `anyOf`, one of the alternatives. */
const filterWith = (f: Filter, clause: (c: Clause) => string): string => {
  const top = clause(f)
  return f.anyOf === undefined ? top : `(${top}) AND (${f.anyOf.map((c) => `(${clause(c)})`).join(" OR ")})`
}

const compileClause = (q: SqlText, t: Tables, c: Clause, plan: Plan): string =>
  allOf([
    inList(q, "a.kind", c.kinds),
    inList(q, "a.subject", c.subjects),
    inList(q, "a.resolution_kind", c.resolutionKinds),
    inList(q, "a.mode", c.modes),
    inList(q, "a.origin", c.origins),
    inList(q, "a.venue", c.venues),
    inList(q, "ow.kind", c.ownerKinds),
    inList(q, "se.type", c.sessionTypes),
    inList(q, "se.special_label", c.specialLabels),
    ...organKinds(q, t, "a.organisers", c.organiserKinds, c.committeeKinds),
    c.ledBy === undefined ? undefined : someOf(q, "a.organisers", c.ledBy),
    c.tookPart === undefined ? undefined : someOf(q, "a.participants", c.tookPart),
    c.involved === undefined ? undefined : `${someOf(q, "a.organisers", c.involved)} OR ${someOf(q, "a.participants", c.involved)}`,
    // Participants are held like organisers.
    ...organKinds(q, t, "a.participants", c.participantKinds, c.participantCommitteeKinds),
    levelsCondition(q, plan, "a.council", c.levels)
  ])

/**
 * A filter as an SQL condition over `a` (activities), `ow` (the owner organ) and `se` (the session).
 *
 * @since 0.1.0
 * @category compiling
 */
export const compileFilter = (q: SqlText, t: Tables, f: Filter, plan: Plan): string => filterWith(f, (c) => compileClause(q, t, c, plan))

/** The attribute a `sum` or `distinct` indicator measures; `undefined` for the other measures. */
const measuredAttribute = (ind: Indicator.Indicator): string | undefined =>
  ind.measure === "sum" || ind.measure === "distinct" ? ind.attribute : undefined

/** An attribute expression of the dialect, with its key bound as a parameter at each use. */
const attributeSql = (q: SqlText, what: "present" | "number" | "notObject", key: string): string =>
  q.dialect.attribute[what]("a.attributes", () => q.p(q.dialect.attribute.path(key)))

/**
 * The condition an activity meets to be a record of an indicator: its filter and, for a `sum` or
 * `distinct` indicator, carrying the measured attribute (not missing, not JSON `null`), as
 * `Indicator.isMeasured` says in memory.
 *
 * @since 0.2.0
 * @category compiling
 */
export const itemCondition = (q: SqlText, t: Tables, ind: Indicator.Indicator, plan: Plan): string => {
  const filter = compileFilter(q, t, ind.filter, plan)
  const attribute = measuredAttribute(ind)
  return attribute === undefined ? filter : `(${filter}) AND ${attributeSql(q, "present", attribute)}`
}

/**
 * A tabulation query and how to read its rows.
 *
 * @since 0.1.0
 * @category models
 */
export interface TabulationQuery {
  readonly text: string
  readonly params: ReadonlyArray<unknown>
  /** Indexes (in the plan) of the indicators counted. */
  readonly counted: ReadonlyArray<number>
  /**
   * For each counted indicator, its count column (`n{c}`, `b{c}`, and `s{c}` for the sum of a `sum`
   * indicator): indicators with equal filters (and measured attribute) share one.
   */
  readonly columnOf: ReadonlyArray<number>
  readonly organView: boolean
  /** Each row is one session's (column `session`): traced queries only, since 0.2.0. */
  readonly bySession: boolean
  readonly traced: boolean
  /**
   * For each counted indicator, the column holding its cell's session set (a JSON array of session
   * ids, or `NULL` for none) when it counts distinct sessions: grouped queries collect the sessions
   * per cell in the database instead of returning one row per session.
   *
   * @since 0.2.0
   */
  readonly sessionSets?: ReadonlyArray<string | undefined>
  /**
   * Whether the result is large enough to be fed as the engine sends it (`Database.queryChunks`,
   * where the adapter has it) rather than read whole first: a scope of at least
   * {@link STREAM_MIN_COUNCILS} councils. A streamed statement is not prepared by name, so a small
   * result pays its planning each time: a province-year (100 councils) measured a few ms slower
   * streamed, a national year (3,355) 24 % faster (1/10 scale, in turns in one process, load average 7).
   *
   * @since 0.2.0
   */
  readonly streamed?: boolean
  /**
   * Whether each row is a cell key of its own, distinct from the others: grouped (not traced), and
   * grouped by nothing the request's dimensions do not tell apart (the council is a dimension; the
   * month, grouped for any time dimension, is one; in the organ view, the organ is one). Its rows
   * are then reported under `TabulationBuilder.Builder.distinctKeys`, without a lookup per key.
   *
   * @since 0.2.0
   */
  readonly distinctKeys?: boolean
}

/**
 * The fewest councils in scope for which a tabulation's activity rows are streamed
 * ({@link TabulationQuery.streamed}).
 *
 * @since 0.2.0
 * @category compiling
 */
export const STREAM_MIN_COUNCILS = 500

/**
 * A session set as one aggregate: a JSON array of the `session` column of the rows where `condition`
 * holds (`NULL` when there is none), as text.
 */
const sessionList = (dialect: SqlText["dialect"], condition: string): string =>
  dialect.name === "pg"
    ? `json_agg(g.session) FILTER (WHERE ${condition})::text`
    : `json_group_array(g.session) FILTER (WHERE ${condition})`

/**
 * Rolls a grouped query that also groups by session (`inner`, selecting `session` and the count
 * columns) up to one row per cell: the counts summed, and for each column `c` of `sessionColumns`
 * the sessions of its rows counting something (`n{c} > 0`) as a JSON array (`ss{c}`). So the
 * database returns one row per cell, not one per cell and session, and hashes the sessions itself
 * (the inner groups are unique per session, so no `DISTINCT` aggregate, which would force a sort).
 * SQLite's activity queries and the output queries use it; PostgreSQL's activity query instead
 * groups at the cell's level once, with a `DISTINCT` aggregate per column, as hand-written SQL's
 * `COUNT(DISTINCT session)` does ({@link tabulationQuery}).
 */
const rollUpSessions = (
  dialect: SqlText["dialect"],
  inner: string,
  keys: ReadonlyArray<string>,
  sums: ReadonlyArray<string>,
  sessionColumns: ReadonlyArray<number>
): string => {
  const select = [
    ...keys.map((k) => `g.${k} AS ${k}`),
    ...sums.map((c) => `SUM(g.${c}) AS ${c}`),
    ...sessionColumns.map((c) => `${sessionList(dialect, `g.n${c} > 0 AND g.session IS NOT NULL`)} AS ss${c}`)
  ]
  return `SELECT ${select.join(", ")}\nFROM (\n${inner}\n) g\nGROUP BY ${keys.map((k) => `g.${k}`).join(", ")}`
}

/**
 * How many rows of a group meet `condition`. PostgreSQL counts with `count(*) FILTER`, as
 * hand-written SQL does, as an `int` (`count` is a `bigint`, which the driver reads as a `BigInt`: a
 * national year's rows would each carry several to convert; no cell counts 2³¹ activities); SQLite
 * sums a `CASE`.
 */
const countIf = (dialect: SqlText["dialect"], condition: string): string =>
  dialect.name === "pg" ? `(count(*) FILTER (WHERE ${condition}))::int` : `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`

/**
 * Builds the query for a plan: one pass over the activities in scope and period, one count column
 * per indicator (`n`: per cell, once per organiser in the organ view; `b`: once per activity, for the
 * council's item count), grouped by the council and the dimensions asked for. With `trace`, one row
 * per matching activity (and organiser) instead, with its id. The request's filter narrows every
 * count. Grouped by `role` (`plan.byRole`), a store runs the query twice: for `"led"` (the
 * organisers, the default) and for `"took-part"` (the participants, which never count towards the
 * council's item count), and feeds both.
 *
 * @since 0.1.0
 * @category compiling
 */
export const tabulationQuery = (
  dialect: SqlText["dialect"],
  t: Tables,
  plan: Plan,
  /** How many councils the database holds: a scope of all of them needs no council condition. */
  allCouncils: number,
  /** Whose rows the organ view reads: the organisers (`led`) or the participants (`took-part`); since 0.2.0. */
  role: "led" | "took-part" = "led"
): TabulationQuery | undefined => {
  const counted = plan.indicators.flatMap((ind, i) => (ind.measure === "tally" || (ind.source !== undefined && ind.source !== "activities") ? [] : [i]))
  if (counted.length === 0 || plan.councils.size === 0) return undefined
  const q = new SqlText(dialect)
  const dims = new Set<string>(plan.dimensions)
  const organView = plan.view === "organ"
  const bySession = counted.some((i) => plan.indicators[i]?.measure === "distinct-sessions")
  const traced = plan.traced
  // Placeholders are bound in the order they appear in the text (SQLite's "?"), so every use of a
  // filter is compiled afresh, in text order.
  const filterOf = (i: number) => (plan.indicators[i] as Indicator.Indicator).filter
  // Indicators with equal filters (e.g. items reviewed and sessions they served) share a column;
  // a sum or distinct indicator counts only activities carrying its attribute, so that is part of it.
  const keys: Array<string> = []
  const columns: Array<number> = []
  const columnOf = counted.map((i) => {
    const key = JSON.stringify([filterOf(i), measuredAttribute(plan.indicators[i] as Indicator.Indicator) ?? null])
    let c = keys.indexOf(key)
    if (c < 0) {
      c = keys.push(key) - 1
      columns.push(i)
    }
    return c
  })
  const filter = (i: number) => itemCondition(q, t, plan.indicators[i] as Indicator.Indicator, plan)
  // Columns whose indicators include a sum get the sum of the attribute (`s{c}`).
  const summed = columns.map((_, c) => counted.some((i, j) => columnOf[j] === c && plan.indicators[i]?.measure === "sum"))
  const sumOf = (c: number) => attributeSql(q, "number", measuredAttribute(plan.indicators[columns[c] as number] as Indicator.Indicator) as string)
  const select: Array<string> = ["a.council AS council"]
  const group: Array<string> = ["a.council"]
  // The aliases of the cell's key columns, for the roll-up of session sets.
  const cellKeys: Array<string> = ["council"]
  const add = (expr: string, alias: string) => {
    select.push(`${expr} AS ${alias}`)
    group.push(expr)
    cellKeys.push(alias)
  }
  if (dims.has("kind")) add("a.kind", "kind")
  if (dims.has("ownerKind")) add("ow.kind", "owner_kind")
  if (dims.has("sessionType")) add("se.type", "session_type")
  if (dims.has("month") || dims.has("quarter") || dims.has("year")) add("substr(a.date_from, 1, 7)", "month")
  const led = role === "led"
  const ao = dialect.eachOf(led ? "a.organisers" : "a.participants", "ao")
  if (organView) {
    add(ao.value, "organ")
    add("og.kind", "organ_kind")
    add("og.committee_kind", "committee_kind")
  }
  if (organView && plan.byRole === true) {
    select.push(`'${role}' AS role`)
    cellKeys.push("role")
  }
  // Grouped with distinct sessions: one row per cell, each distinct-sessions column's sessions as a set.
  const sessionColumns = traced || !bySession ? [] : columns.flatMap((_, c) => (counted.some((i, j) => columnOf[j] === c && plan.indicators[i]?.measure === "distinct-sessions") ? [c] : []))
  // PostgreSQL groups once, at the cell's level, each set one `json_agg(DISTINCT …)`: its plan is
  // then hand-written SQL's (`COUNT(DISTINCT session)`), one sort and no second grouping, which
  // measured 5–40 % faster on bench/national.ts's national and province years (less to spill when
  // the sort outgrows work_mem). SQLite groups by session too and rolls the groups up.
  const distinctInPlace = sessionColumns.length > 0 && dialect.name === "pg"
  if (bySession && !distinctInPlace) {
    select.push("a.session AS session")
    group.push("a.session")
  }
  if (traced) {
    select.push("a.id AS id")
    columns.forEach((i, c) => select.push(`CASE WHEN ${filter(i)} THEN 1 ELSE 0 END AS n${c}`))
    columns.forEach((i, c) => {
      if (summed[c] === true) select.push(`CASE WHEN ${filter(i)} THEN ${sumOf(c)} END AS s${c}`)
    })
    if (organView) select.push(`${led ? ao.position : "-1"} AS position`)
  } else {
    columns.forEach((i, c) => select.push(`${countIf(dialect, filter(i))} AS n${c}`))
    columns.forEach((i, c) => {
      if (summed[c] === true) select.push(`SUM(CASE WHEN ${filter(i)} THEN ${sumOf(c)} END) AS s${c}`)
    })
    if (organView) columns.forEach((i, c) => select.push(led ? `${countIf(dialect, `${ao.position} = 0 AND (${filter(i)})`)} AS b${c}` : `0 AS b${c}`))
    if (distinctInPlace) {
      for (const c of sessionColumns) select.push(`json_agg(DISTINCT a.session) FILTER (WHERE (${filter(columns[c] as number)}) AND a.session IS NOT NULL)::text AS ss${c}`)
    }
  }
  // The WHERE clause repeats the filters so the scan skips rows no indicator counts.
  // A scope of every council needs no condition; a scope of most of them is cheaper as a full scan
  // than as many index probes, so SQLite is told not to use the index (`+a.council`).
  const councilCondition =
    plan.councils.size >= allCouncils
      ? "1 = 1"
      : `${dialect.name === "sqlite" && plan.councils.size * 2 > allCouncils ? "+a.council" : "a.council"} IN ${q.list([...plan.councils.keys()])}`
  // Scoped to sessions: the activities that served them, whatever their dates.
  const when = plan.sessions !== undefined ? `a.session IN ${q.list([...plan.sessions])}` : `a.date_from >= ${q.p(plan.period.from)} AND a.date_from <= ${q.p(plan.period.to)}`
  const any = columns.map((i) => `(${filter(i)})`).join(" OR ")
  // The request's filter narrows every indicator.
  const where = plan.filter === undefined ? "" : ` AND (${compileFilter(q, t, plan.filter, plan)})`
  // Join the owner organ and the session only when a filter or a dimension reads them.
  const body = select.join(" ") + any + where
  const inner = [
    `SELECT ${select.join(", ")}`,
    `FROM ${t.activities} a`,
    /\bow\./.test(body) ? `JOIN ${t.organs} ow ON ow.id = a.owner` : "",
    /\bse\./.test(body) ? `LEFT JOIN ${t.sessions} se ON se.id = a.session` : "",
    organView ? `CROSS JOIN ${ao.from} JOIN ${t.organs} og ON og.id = ${ao.value}` : "",
    `WHERE ${councilCondition} AND ${when} AND (${any})${where}`,
    traced ? "" : `GROUP BY ${group.join(", ")}`
  ]
    .filter((l) => l.length > 0)
    .join("\n")
  const sums = columns.flatMap((_, c) => [`n${c}`, ...(summed[c] === true ? [`s${c}`] : []), ...(organView ? [`b${c}`] : [])])
  const text = sessionColumns.length === 0 || distinctInPlace ? inner : rollUpSessions(dialect, inner, cellKeys, sums, sessionColumns)
  const sessionSets = sessionColumns.length === 0 ? undefined : counted.map((i, j) => (plan.indicators[i]?.measure === "distinct-sessions" ? `ss${columnOf[j]}` : undefined))
  const streamed = plan.councils.size >= STREAM_MIN_COUNCILS
  const distinctKeys = !traced && dims.has("council") && (dims.has("month") || !(dims.has("quarter") || dims.has("year"))) && (!organView || dims.has("organ"))
  return { text, params: q.params, counted, columnOf, organView, bySession: bySession && traced, traced, streamed, distinctKeys, ...(sessionSets === undefined ? {} : { sessionSets }) }
}

const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v))

/**
 * The first day of each month a query's rows name (`YYYY-MM`), made once per month and not once
 * per row.
 */
type Days = Map<string, string>

/**
 * One string for each value read from the rows of a query: the builder keeps the values of every
 * cell's key, and the driver makes a new string for each column of each row, which would otherwise
 * all be kept (a national year's keys hold tens of thousands of copies of a few kinds).
 */
type Interned = Map<string, string>

const intern = (seen: Interned, v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined
  const s = String(v)
  const found = seen.get(s)
  if (found !== undefined) return found
  seen.set(s, s)
  return s
}

/** Reads the dimension columns of a result row (the aliases the queries select) into row facts. */
const readRowFacts = (facts: TabulationBuilder.RowFacts, council: string, r: Record<string, unknown>, organView: boolean, days: Days, seen: Interned): void => {
  facts.council = council as never
  facts.kind = intern(seen, r.kind) ?? ""
  facts.ownerKind = intern(seen, r.owner_kind)
  facts.sessionType = intern(seen, r.session_type)
  facts.day = r.month === undefined || r.month === null ? "" : dayOf(days, String(r.month))
  facts.organ = intern(seen, r.organ)
  facts.organKind = intern(seen, r.organ_kind)
  facts.committeeKind = organView ? (intern(seen, r.committee_kind) ?? "-") : undefined
  facts.role = intern(seen, r.role)
}

const dayOf = (days: Days, month: string): string => {
  let day = days.get(month)
  if (day === undefined) days.set(month, (day = `${month}-01`))
  return day
}

/** A cell's session set as the database returns it: a JSON array of ids (text), or `NULL` for none. */
const sessionsOf = (v: unknown): ReadonlyArray<string> => {
  if (v === null || v === undefined) return []
  const list: unknown = typeof v === "string" ? JSON.parse(v) : v
  if (!Array.isArray(list)) return []
  // The queries leave out NULL sessions, so the list is usually all strings already.
  for (const s of list) if (typeof s !== "string") return list.flatMap((x) => (x === null || x === undefined ? [] : [String(x)]))
  return list as Array<string>
}

/**
 * Feeds the rows of a tabulation query to the builder of its plan: each row's counts go to the cell
 * of its council and dimensions, and once per activity to its council's item count.
 *
 * @since 0.1.0
 * @category reading
 */
export const feedRows = (
  builder: TabulationBuilder.Builder,
  p: Plan,
  query: TabulationQuery,
  rows: ReadonlyArray<Record<string, unknown>>,
  /**
   * The rows are the caller's to give up: each is dropped from the array once fed, so that a large
   * result does not outlive its reading (the builder's allocations would otherwise copy every row
   * the driver made, again and again, from one young-generation collection to the next). Since 0.2.0.
   */
  release = false
): void => {
  const facts = TabulationBuilder.emptyRowFacts()
  const days: Days = new Map()
  const seen: Interned = new Map()
  const { counted, organView, traced, bySession } = query
  const m = counted.length
  const nCols = query.columnOf.map((c) => `n${c}`)
  const bCols = query.columnOf.map((c) => `b${c}`)
  const sCols = counted.map((i, j) => (p.indicators[i]?.measure === "sum" ? `s${query.columnOf[j]}` : undefined))
  const sets = query.sessionSets
  const held = rows as Array<Record<string, unknown> | undefined>
  // One row a key: the builder need not look keys up (granted to the first query it is fed).
  const distinct = query.distinctKeys === true && builder.distinctKeys(query)
  try {
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k] as Record<string, unknown>
      if (release) held[k] = undefined
      const council = p.councils.get(r.council as never)
      if (council === undefined) continue
      readRowFacts(facts, council.id, r, organView, days, seen)
      const key = builder.keyOf(facts, council)
      const session = bySession ? str(r.session) : undefined
      for (let j = 0; j < m; j++) {
        const i = counted[j] as number
        const n = Number(r[nCols[j] as string] ?? 0)
        if (n <= 0) continue
        builder.addItems(i, key, n, session, traced ? [r.id as never] : undefined)
        const set = sets?.[j]
        if (set !== undefined) {
          // A cell with no session (NULL) keeps the builder's shared empty set.
          const sessions = sessionsOf(r[set])
          if (sessions.length > 0) builder.addSessions(i, key, sessions)
        }
        const s = sCols[j]
        if (s !== undefined) builder.addSum(i, key, Number(r[s] ?? 0))
        const once = traced ? (organView ? (Number(r.position) === 0 ? 1 : 0) : 1) : organView ? Number(r[bCols[j] as string] ?? 0) : n
        if (once > 0) builder.addCouncilItems(i, council, once)
      }
    }
  } finally {
    if (distinct) builder.pauseDistinctKeys()
  }
}

/**
 * A query giving the distinct values of the attribute of `distinct` indicators: one row per council,
 * dimension values and raw value (`vtype`, `v`), grouped in the database so each value comes once per
 * cell. The rows are normalised (NFC, trimmed) and collected into each cell's value set by
 * {@link feedValues}: normalisation is the same code as in memory, so the sets are equal.
 *
 * @since 0.2.0
 * @category models
 */
export interface ValuesQuery {
  readonly text: string
  readonly params: ReadonlyArray<unknown>
  /** Indexes (in the plan) of the `distinct` indicators the rows fill (equal filters and attribute). */
  readonly indicators: ReadonlyArray<number>
  readonly organView: boolean
}

/**
 * The values queries of a plan: one per distinct filter and attribute among its `distinct`
 * indicators (none when it has none). Each joins the activities in scope and period that meet the
 * indicator's item condition with the elements of the attribute (`json_each` in SQLite,
 * `jsonb_array_elements` in PostgreSQL; a scalar value is one element) and keeps strings and
 * numbers.
 *
 * @since 0.2.0
 * @category compiling
 */
export const valuesQueries = (
  dialect: SqlText["dialect"],
  t: Tables,
  plan: Plan,
  allCouncils: number,
  /** Whose rows the organ view reads, as for {@link tabulationQuery}; since 0.2.0. */
  role: "led" | "took-part" = "led"
): ReadonlyArray<ValuesQuery> => {
  if (plan.councils.size === 0) return []
  const groups = new Map<string, Array<number>>()
  plan.indicators.forEach((ind, i) => {
    if (ind.measure !== "distinct" || (ind.source ?? "activities") !== "activities") return
    const key = JSON.stringify([ind.filter, ind.attribute ?? null])
    const g = groups.get(key)
    if (g === undefined) groups.set(key, [i])
    else g.push(i)
  })
  const organView = plan.view === "organ"
  const dims = new Set<string>(plan.dimensions)
  return [...groups.values()].map((indicators) => {
    const ind = plan.indicators[indicators[0] as number] as Indicator.Indicator
    const attribute = ind.attribute as string
    const q = new SqlText(dialect)
    const select: Array<string> = ["a.council AS council"]
    const group: Array<string> = ["a.council"]
    const add = (expr: string, alias: string) => {
      select.push(`${expr} AS ${alias}`)
      group.push(expr)
    }
    if (dims.has("kind")) add("a.kind", "kind")
    if (dims.has("ownerKind")) add("ow.kind", "owner_kind")
    if (dims.has("sessionType")) add("se.type", "session_type")
    if (dims.has("month") || dims.has("quarter") || dims.has("year")) add("substr(a.date_from, 1, 7)", "month")
    const ao = dialect.eachOf(role === "led" ? "a.organisers" : "a.participants", "ao")
    if (organView) {
      add(ao.value, "organ")
      add("og.kind", "organ_kind")
      add("og.committee_kind", "committee_kind")
    }
    if (organView && plan.byRole === true) select.push(`'${role}' AS role`)
    const dv = dialect.attribute.elements("a.attributes", () => q.p(dialect.attribute.path(attribute)), "dv")
    add(dv.type, "vtype")
    add(dv.value, "v")
    // Placeholders are bound in text order: the FROM item's come first, then the WHERE clause's.
    const from = dv.from
    const councilCondition = plan.councils.size >= allCouncils ? "1 = 1" : `a.council IN ${q.list([...plan.councils.keys()])}`
    // Scoped to sessions: the activities that served them, whatever their dates.
    const period = plan.sessions !== undefined
      ? `a.session IN ${q.list([...plan.sessions])}`
      : `a.date_from >= ${q.p(plan.period.from)} AND a.date_from <= ${q.p(plan.period.to)}`
    const condition = itemCondition(q, t, ind, plan)
    const notObject = attributeSql(q, "notObject", attribute)
    // The request's filter narrows every indicator.
    const where = plan.filter === undefined ? "" : ` AND (${compileFilter(q, t, plan.filter, plan)})`
    const body = select.join(" ") + condition + where
    const text = [
      `SELECT ${select.join(", ")}`,
      `FROM ${t.activities} a`,
      /\bow\./.test(body) ? `JOIN ${t.organs} ow ON ow.id = a.owner` : "",
      /\bse\./.test(body) ? `LEFT JOIN ${t.sessions} se ON se.id = a.session` : "",
      organView ? `CROSS JOIN ${ao.from} JOIN ${t.organs} og ON og.id = ${ao.value}` : "",
      `CROSS JOIN ${from}`,
      `WHERE ${councilCondition} AND ${period} AND (${condition}) AND ${notObject} AND ${dv.scalar}${where}`,
      `GROUP BY ${group.join(", ")}`
    ]
      .filter((l) => l.length > 0)
      .join("\n")
    return { text, params: q.params, indicators, organView }
  })
}

/**
 * Feeds the rows of a values query to the builder: each value, normalised as in memory
 * (`Indicator.distinctKey`), goes to the value set of its cell for every indicator of the query.
 *
 * @since 0.2.0
 * @category reading
 */
export const feedValues = (builder: TabulationBuilder.Builder, p: Plan, query: ValuesQuery, rows: ReadonlyArray<Record<string, unknown>>): void => {
  const facts = TabulationBuilder.emptyRowFacts()
  const days: Days = new Map()
  const seen: Interned = new Map()
  for (const r of rows) {
    const council = p.councils.get(r.council as never)
    if (council === undefined) continue
    readRowFacts(facts, council.id, r, query.organView, days, seen)
    const type = String(r.vtype)
    const value = Indicator.distinctKey(type === "text" || type === "string" ? String(r.v) : Number(r.v))
    if (value === undefined) continue
    const key = builder.keyOf(facts, council)
    for (const i of query.indicators) builder.addValues(i, key, [value])
  }
}

type OutputSource = "sessions" | "resolutions" | "documents"

/** How each output source is stored: its table, the day it counts on, its session and its `kind` value. */
const OUTPUTS: Readonly<Record<OutputSource, { readonly table: "sessions" | "resolutions" | "council_documents"; readonly day: string; readonly session: string; readonly kind: string }>> = {
  sessions: { table: "sessions", day: "x.date_from", session: "x.id", kind: "COALESCE(x.special_label, x.type)" },
  resolutions: { table: "resolutions", day: "x.adopted_on", session: "x.session", kind: "x.kind" },
  documents: { table: "council_documents", day: "x.submitted_on", session: "x.session", kind: "x.type" }
}

/** The clause fields that apply to no output source. */
const ACTIVITY_ONLY = [
  "kinds", "subjects", "modes", "origins", "venues", "ownerKinds",
  // Roles are of activities: who led or took part (since 0.2.0).
  "ledBy", "tookPart", "involved", "participantKinds", "participantCommitteeKinds"
] as const

const compileOutputClause = (q: SqlText, t: Tables, source: OutputSource, c: Clause, plan: Plan): string => {
  if (ACTIVITY_ONLY.some((k) => c[k] !== undefined)) return "1 = 0"
  if (c.resolutionKinds !== undefined && source !== "resolutions") return "1 = 0"
  if (c.documentTypes !== undefined && source !== "documents") return "1 = 0"
  if (c.fields !== undefined && source === "sessions") return "1 = 0"
  if ((c.organiserKinds !== undefined || c.committeeKinds !== undefined) && source !== "documents") return "1 = 0"
  return allOf([
    inList(q, "x.kind", c.resolutionKinds),
    inList(q, "x.type", c.documentTypes),
    inList(q, "x.field", c.fields),
    inList(q, "se.type", c.sessionTypes),
    inList(q, "se.special_label", c.specialLabels),
    // The organ kinds of a document are its reviewers'.
    ...organKinds(q, t, "x.reviewers", c.organiserKinds, c.committeeKinds),
    levelsCondition(q, plan, "x.council", c.levels)
  ])
}

/**
 * An indicator filter as an SQL condition over the records of an output source (`x`: the session
 * held, the resolution or the document; `se`: its session), with the meaning core gives it
 * (`Indicator.Clause`): conditions that do not apply to the source match nothing.
 *
 * @since 0.2.0
 * @category compiling
 */
export const compileOutputFilter = (q: SqlText, t: Tables, source: OutputSource, f: Filter, plan: Plan): string =>
  filterWith(f, (c) => compileOutputClause(q, t, source, c, plan))

/**
 * The queries that count a plan's indicators of sessions held, resolutions adopted and documents
 * submitted, one per source (two for documents in the organ view: those with reviewers, counted once
 * per reviewer, and those without). Their rows are read by {@link feedRows}, like the activities'.
 *
 * @since 0.2.0
 * @category compiling
 */
export const outputQueries = (dialect: SqlText["dialect"], t: Tables, plan: Plan): ReadonlyArray<TabulationQuery> => {
  if (plan.councils.size === 0) return []
  const out: Array<TabulationQuery> = []
  for (const source of ["sessions", "resolutions", "documents"] as const) {
    const counted = plan.indicators.flatMap((ind, i) => (ind.measure !== "tally" && ind.source === source ? [i] : []))
    if (counted.length === 0) continue
    const perReviewer = source === "documents" && plan.view === "organ"
    for (const reviewed of perReviewer ? [true, false] : [false]) out.push(outputQuery(dialect, t, plan, source, counted, reviewed))
  }
  return out
}

const outputQuery = (dialect: SqlText["dialect"], t: Tables, plan: Plan, source: OutputSource, counted: ReadonlyArray<number>, perReviewer: boolean): TabulationQuery => {
  const q = new SqlText(dialect)
  const o = OUTPUTS[source]
  const dims = new Set<string>(plan.dimensions)
  const organView = plan.view === "organ"
  const bySession = counted.some((i) => plan.indicators[i]?.measure === "distinct-sessions")
  const traced = plan.traced
  const filter = (i: number) => compileOutputFilter(q, t, source, (plan.indicators[i] as Indicator.Indicator).filter, plan)
  const columnOf = counted.map((_, c) => c)
  const select: Array<string> = ["x.council AS council"]
  const group: Array<string> = ["x.council"]
  const keys: Array<string> = ["council"]
  const add = (expr: string, alias: string) => {
    select.push(`${expr} AS ${alias}`)
    group.push(expr)
    keys.push(alias)
  }
  if (dims.has("kind")) add(o.kind, "kind")
  if (dims.has("sessionType")) add("se.type", "session_type")
  if (dims.has("month") || dims.has("quarter") || dims.has("year")) add(`substr(${o.day}, 1, 7)`, "month")
  const xr = dialect.eachOf("x.reviewers", "xr")
  if (perReviewer) {
    add(xr.value, "organ")
    add("og.kind", "organ_kind")
    add("og.committee_kind", "committee_kind")
  }
  if (bySession) {
    select.push(`${o.session} AS session`)
    group.push(o.session)
  }
  if (traced) {
    select.push("x.id AS id")
    counted.forEach((i, c) => select.push(`CASE WHEN ${filter(i)} THEN 1 ELSE 0 END AS n${c}`))
    if (organView) select.push(`${perReviewer ? xr.position : "0"} AS position`)
  } else {
    counted.forEach((i, c) => select.push(`SUM(CASE WHEN ${filter(i)} THEN 1 ELSE 0 END) AS n${c}`))
    if (organView) counted.forEach((i, c) => select.push(`SUM(CASE WHEN ${perReviewer ? `${xr.position} = 0 AND ` : ""}(${filter(i)}) THEN 1 ELSE 0 END) AS b${c}`))
  }
  // Placeholders are bound in text order (SQLite's "?"): the councils come before the days.
  const councils = `x.council IN ${q.list([...plan.councils.keys()])}`
  const when = plan.sessions !== undefined ? `${o.session} IN ${q.list([...plan.sessions])}` : `${o.day} >= ${q.p(plan.period.from)} AND ${o.day} <= ${q.p(plan.period.to)}`
  const inner = [
    `SELECT ${select.join(", ")}`,
    `FROM ${t[o.table]} x`,
    `LEFT JOIN ${t.sessions} se ON se.id = ${o.session}`,
    perReviewer ? `CROSS JOIN ${xr.from} JOIN ${t.organs} og ON og.id = ${xr.value}` : "",
    `WHERE ${councils} AND ${when}`,
    source === "documents" && organView && !perReviewer ? "AND x.reviewers IS NULL" : "",
    traced ? "" : `GROUP BY ${group.join(", ")}`
  ]
    .filter((l) => l.length > 0)
    .join("\n")
  // Grouped with distinct sessions: one row per cell, as for the activities.
  const sessionColumns = traced || !bySession ? [] : counted.flatMap((i, c) => (plan.indicators[i]?.measure === "distinct-sessions" ? [c] : []))
  const sums = counted.flatMap((_, c) => [`n${c}`, ...(organView ? [`b${c}`] : [])])
  const text = sessionColumns.length === 0 ? inner : rollUpSessions(dialect, inner, keys, sums, sessionColumns)
  const sessionSets = sessionColumns.length === 0 ? undefined : counted.map((i, c) => (plan.indicators[i]?.measure === "distinct-sessions" ? `ss${c}` : undefined))
  return { text, params: q.params, counted, columnOf, organView, bySession: bySession && traced, traced, ...(sessionSets === undefined ? {} : { sessionSets }) }
}
