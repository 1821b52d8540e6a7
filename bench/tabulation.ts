/**
 * Benchmark child for issue #2: tabulating N activities over 4 dimensions with the core engine,
 * against a hand-written single-pass loop computing the same counts (the baseline).
 *
 * Modes (argv[2]): `time` (both, interleaved, medians), `memory-data` (build the data only),
 * `memory-engine` (data + engine), `memory-baseline` (data + baseline). Prints one JSON line.
 */
import { Indicators, Registry, Tabulate, Tabulation } from "@hdnd/core"
import type { Activity } from "@hdnd/core"
import * as Result from "effect/Result"
import { benchRequest, buildWorld } from "./world.js"

const mode = process.argv[2] ?? "time"
const n = Number(process.argv[3] ?? 1_000_000)
const { ds } = buildWorld(n)
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

const { ids } = Indicators
const request = benchRequest

const engine = () => Result.getOrThrow(Tabulate.tabulate(ds, Registry.builtin, request))

/** The baseline: what a developer would write by hand for exactly these six counts. */
const baseline = () => {
  const counts = new Map<string, number>()
  const sessions = new Map<string, Set<string>>()
  const from = request.period.from
  const to = request.period.to
  for (const [council, acts] of ds.activitiesByCouncil) {
    for (const a of acts.values() as Iterable<Activity.Activity>) {
      const day = a.date.from
      if (day < from || day > to) continue
      const ownerKind = ds.organs.get(a.owner)!.kind
      const key = `${council}|${a.kind}|${day.slice(0, 7)}|${ownerKind}`
      const bump = (ind: string) => counts.set(`${ind}|${key}`, (counts.get(`${ind}|${key}`) ?? 0) + 1)
      if (a.kind === "review") {
        bump("content")
        if (a.session !== undefined) {
          const k = `sessions|${key}`
          let s = sessions.get(k)
          if (s === undefined) sessions.set(k, (s = new Set()))
          s.add(a.session)
        }
      } else if (a.kind === "supervision") {
        if (a.mode === "periodic" || a.mode === "ongoing") bump("periodic")
        if (ownerKind === "committee" && a.mode === "thematic") bump("surveyThematic")
        if (ownerKind === "plenary") bump("council")
      } else if (a.kind === "survey") {
        if (ownerKind === "committee") bump("surveyThematic")
      } else if (a.kind === "advisory" && a.origin === "assigned-by-standing") bump("assigned")
    }
  }
  return { counts, sessions }
}

const time = (f: () => unknown): number => {
  gc()
  const t0 = process.hrtime.bigint()
  f()
  return Number(process.hrtime.bigint() - t0) / 1e6
}
const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

if (mode === "time") {
  // Check that both compute the same numbers before timing them.
  const t = engine()
  const b = baseline()
  const total = (ind: string) => Tabulation.valueOf(t, ind as never).value
  const sum = (prefix: string) => [...b.counts].filter(([k]) => k.startsWith(`${prefix}|`)).reduce((s, [, v]) => s + v, 0)
  const sessionsTotal = [...b.sessions.values()].reduce((s, x) => s + x.size, 0)
  const sessionsEngine = [...t.cells.values()].filter((c) => c.indicator === ids.reviewSessions).reduce((s, c) => s + c.sessions.size, 0)
  const same =
    total(ids.reviewContent) === sum("content") &&
    total(ids.supervisionPeriodicOngoing) === sum("periodic") &&
    total(ids.surveyThematicSupervision) === sum("surveyThematic") &&
    total(ids.advisoryAssigned) === sum("assigned") &&
    total(ids.supervisionCouncil) === sum("council") &&
    sessionsEngine === sessionsTotal &&
    // every review key has a "sessions served" cell in the engine, even when no session was served
    t.cells.size === b.counts.size + [...b.counts.keys()].filter((k) => k.startsWith("content|")).length
  if (!same) {
    console.error("engine and baseline disagree")
    process.exit(2)
  }
  const e: Array<number> = []
  const h: Array<number> = []
  for (let i = 0; i < 5; i++) {
    e.push(time(engine))
    h.push(time(baseline))
  }
  console.log(JSON.stringify({ engineMs: median(e), baselineMs: median(h), cells: t.cells.size }))
} else {
  gc()
  if (mode === "memory-engine") engine()
  if (mode === "memory-baseline") baseline()
  console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, heapUsed: process.memoryUsage().heapUsed }))
}
