/**
 * Crash and concurrency checks for imports into a real database: an import process is killed at
 * random moments (SIGKILL, as a power cut or the OOM killer would), and several import processes
 * write at once. What must hold, whatever the store:
 *
 * - after every kill the database is intact, and the import is all-or-nothing: the activities hold
 *   either the state before the import or the whole import, never part of it (with `skip-invalid`,
 *   whole batches only);
 * - running the same imports again to the end gives exactly the rows of a clean import (idempotent);
 * - concurrent imports lose nothing: the rows at the end are the union of every import.
 *
 * The kit knows nothing of processes or drivers: a {@link Target} says how to start an import into
 * the database under test (a child process, so it can be killed) and how to read it back. hdnd's CLI
 * tests run it on a SQLite file and on PostgreSQL; an adapter author runs it on theirs.
 *
 * The kill delays come from a seeded generator ({@link seeded}); every failure names the seed, so a
 * run can be replayed (where the kills land still depends on the machine's speed).
 *
 * @since 0.2.0
 */

/**
 * One import file, with the ids of the records it holds, in file order.
 *
 * @since 0.2.0
 * @category models
 */
export interface Part {
  readonly file: string
  readonly ids: ReadonlyArray<string>
}

/**
 * How an import runs: the whole import in one transaction, or batch by batch (each batch committed
 * on its own, as `--skip-invalid` does).
 *
 * @since 0.2.0
 * @category models
 */
export type Mode = { readonly _tag: "all-or-nothing" } | { readonly _tag: "batches"; readonly size: number }

/**
 * How a started import ended.
 *
 * @since 0.2.0
 * @category models
 */
export interface Ended {
  readonly code: number | null
  readonly signal: string | null
  /** What it printed on stderr (for failure messages). */
  readonly stderr: string
}

/**
 * An import running in a process of its own.
 *
 * @since 0.2.0
 * @category models
 */
export interface Running {
  /** Resolves `true` once the import has written its first batch (in its transaction), `false` if it ended first. */
  readonly writing: Promise<boolean>
  readonly ended: Promise<Ended>
  /** Whether the process is still running. */
  readonly alive: () => boolean
  /** Kills the process at once (SIGKILL): no clean-up code of the import runs. */
  readonly kill: () => void
}

/**
 * What the database holds, read by a separate connection after the import process has ended.
 *
 * @since 0.2.0
 * @category models
 */
export interface Snapshot {
  /** `"ok"`, or what the database's own checks found (SQLite: `integrity_check`, `foreign_key_check`). */
  readonly integrity: string
  /** The ids of the activities. */
  readonly ids: ReadonlySet<string>
  /** A digest of every stored activity column, in id order: equal digests mean equal rows. */
  readonly digest: string
}

/**
 * The database under test.
 *
 * @since 0.2.0
 * @category models
 */
export interface Target {
  /** Starts importing `part` into the database, in `mode`. */
  readonly start: (part: Part, mode: Mode) => Running
  readonly snapshot: () => Promise<Snapshot>
  /**
   * Optional: goes on with a new database, in the state the first one was in before the rounds (for
   * example, a copy of it made beforehand). {@link crashRounds} calls it once every part is in, so that
   * every kill interrupts a first import; without it, the remaining rounds re-run parts already in.
   */
  readonly reset?: () => Promise<void>
}

/**
 * A small seeded generator (mulberry32) of numbers in [0, 1).
 *
 * @since 0.2.0
 * @category constructors
 */
export const seeded = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The seed of a run: `HDND_CRASH_SEED` when set (to replay a reported failure), otherwise a random one.
 *
 * @since 0.2.0
 * @category constructors
 */
export const seedFromEnv = (env: Readonly<Record<string, string | undefined>> = process.env): number => {
  const given = env.HDND_CRASH_SEED
  return given !== undefined && given !== "" ? Number(given) : Math.floor(Math.random() * 2 ** 31)
}

const sample = (ids: Iterable<string>, n = 5): string => [...ids].slice(0, n).join(", ")

/**
 * Checks that an import of `part` in one transaction changed nothing or added all of it, and nothing
 * else. Returns which (`"whole"` when every record of `part` is present, even if it was before);
 * throws an `Error` that describes the difference otherwise.
 *
 * @since 0.2.0
 * @category checks
 */
export const allOrNothing = (before: ReadonlySet<string>, after: ReadonlySet<string>, part: Part): "before" | "whole" => {
  const lost = [...before].filter((id) => !after.has(id))
  if (lost.length > 0) throw new Error(`${lost.length} activities present before the import are gone (${sample(lost)})`)
  const ids = new Set(part.ids)
  const alien = [...after].filter((id) => !before.has(id) && !ids.has(id))
  if (alien.length > 0) throw new Error(`${alien.length} activities appeared that the import does not hold (${sample(alien)})`)
  const missing = part.ids.filter((id) => !after.has(id))
  if (missing.length === 0) return "whole"
  const added = [...after].filter((id) => !before.has(id)).length
  if (added === 0) return "before"
  throw new Error(`partial import: ${added} activities added, ${missing.length} of the import's ${ids.size} missing (${sample(missing)})`)
}

/**
 * Checks that an import of `part` committed batch by batch (`size` records each, in file order) added
 * whole batches only, and nothing else. Returns how many batches are now wholly present; throws an
 * `Error` naming a torn batch otherwise.
 *
 * @since 0.2.0
 * @category checks
 */
export const wholeBatches = (before: ReadonlySet<string>, after: ReadonlySet<string>, part: Part, size: number): number => {
  const lost = [...before].filter((id) => !after.has(id))
  if (lost.length > 0) throw new Error(`${lost.length} activities present before the import are gone (${sample(lost)})`)
  const ids = new Set(part.ids)
  const alien = [...after].filter((id) => !before.has(id) && !ids.has(id))
  if (alien.length > 0) throw new Error(`${alien.length} activities appeared that the import does not hold (${sample(alien)})`)
  let whole = 0
  for (let start = 0; start < part.ids.length; start += size) {
    const batch = part.ids.slice(start, start + size)
    const present = batch.filter((id) => after.has(id)).length
    const added = batch.filter((id) => after.has(id) && !before.has(id)).length
    if (present === batch.length) whole++
    else if (added > 0) throw new Error(`torn batch ${start / size} (records ${start}–${start + batch.length - 1}): ${present} of ${batch.length} present, ${added} of them added`)
  }
  return whole
}

/** The narrowest the kill window becomes as it follows the imports' speed. */
const MIN_WINDOW_MS = 20

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Options of {@link crashRounds}.
 *
 * @since 0.2.0
 * @category models
 */
export interface CrashOptions {
  readonly target: Target
  /** The import files, imported one after another (a part is done once an import of it is wholly present). */
  readonly parts: ReadonlyArray<Part>
  /** How many imports must be killed while running (the rounds go on until then). */
  readonly kills: number
  readonly seed: number
  /**
   * The kill lands a random delay in [0, window) after the import's first written batch. The window
   * starts at `windowMs` (about the time an import of one part takes from its first batch to its end)
   * and narrows when an import ends before its kill, or a kill lands after the commit.
   */
  readonly windowMs: number
  /** Share of rounds that import batch by batch instead of all-or-nothing (default 0.25). */
  readonly batchShare?: number
  /** The batch size of those rounds. */
  readonly batchSize: number
  /** The snapshot of a clean import of every part, for the idempotence check. */
  readonly reference: Snapshot
  /** Stop with a failure after this many rounds (default 4 × `kills`). */
  readonly maxRounds?: number
  /** Called after each round's checks passed, with what happened (for a log). */
  readonly onRound?: (round: RoundLog) => void
}

/**
 * One round of {@link crashRounds}.
 *
 * @since 0.2.0
 * @category models
 */
export interface RoundLog {
  readonly round: number
  readonly part: string
  readonly mode: Mode["_tag"]
  /** The kill's delay after the first written batch, in ms. */
  readonly delay: number
  /** Whether the import wrote a batch before it ended. */
  readonly writing: boolean
  readonly killed: boolean
  /** What the database held afterwards, for this import. */
  readonly kept: "before" | "whole" | "batches"
  /** Activities in the database afterwards. */
  readonly activities: number
}

/**
 * What {@link crashRounds} did.
 *
 * @since 0.2.0
 * @category models
 */
export interface CrashReport {
  readonly seed: number
  readonly rounds: number
  readonly kills: number
  /** Kills after which the database held the state before the import. */
  readonly keptBefore: number
  /** Kills after which it held the whole import (the kill landed after the commit). */
  readonly keptWhole: number
  /** Kills of batch-by-batch imports that left some (whole) batches. */
  readonly partialBatches: number
  /** Imports that ended on their own before their kill. */
  readonly finished: number
  /** How many times the rounds went on with a new database ({@link Target.reset}). */
  readonly resets: number
  /** The kill window at the end, in ms. */
  readonly windowMs: number
}

/**
 * Kills imports at random moments until `kills` imports were killed while running, checking the
 * database after each; then re-runs every part to the end and checks the rows equal `reference`. Throws an `Error` naming the seed and the round at the first
 * violation.
 *
 * @since 0.2.0
 * @category checks
 */
export const crashRounds = async (options: CrashOptions): Promise<CrashReport> => {
  const { target, parts, seed } = options
  const random = seeded(seed)
  const batchShare = options.batchShare ?? 0.25
  const maxRounds = options.maxRounds ?? options.kills * 4
  const counts = { rounds: 0, kills: 0, keptBefore: 0, keptWhole: 0, partialBatches: 0, finished: 0, resets: 0 }
  const fail = (round: number, what: string): never => {
    throw new Error(`seed ${seed} (replay with HDND_CRASH_SEED=${seed}), round ${round}: ${what}`)
  }
  let current = (await target.snapshot()).ids
  let windowMs = options.windowMs
  let done = 0
  while (counts.kills < options.kills) {
    const round = counts.rounds++
    if (round >= maxRounds) fail(round, `only ${counts.kills} of ${options.kills} imports were killed while running in ${maxRounds} rounds: widen the window or use bigger files`)
    // Once every part is in, the rounds go on with a new database when the target can give one;
    // otherwise they re-run random parts (a killed re-run must change nothing).
    if (done === parts.length && target.reset !== undefined) {
      await target.reset()
      current = (await target.snapshot()).ids
      done = 0
      counts.resets++
    }
    const part = done < parts.length ? parts[done]! : parts[Math.floor(random() * parts.length)]!
    const before = part.ids.every((id) => current.has(id)) ? "whole" : "not whole"
    const mode: Mode = random() < batchShare ? { _tag: "batches", size: options.batchSize } : { _tag: "all-or-nothing" }
    const delay = random() * windowMs
    const running = target.start(part, mode)
    const writing = await running.writing
    const writingAt = Date.now()
    let sent = false
    if (writing) {
      // No waiting on past the import's end.
      await Promise.race([sleep(delay), running.ended])
      if (running.alive()) {
        running.kill()
        sent = true
      }
    }
    const ended = await running.ended
    const took = Date.now() - writingAt
    // A kill sent as the process was exiting on its own finds it gone: that import finished.
    const killed = ended.signal === "SIGKILL"
    if (killed && !sent) fail(round, `the import was killed by something else: ${ended.stderr}`)
    if (!killed && ended.code !== 0) fail(round, `the import ended with code ${ended.code}, signal ${ended.signal} before it was killed: ${ended.stderr}`)
    const after = await target.snapshot()
    if (after.integrity !== "ok") fail(round, `the database is damaged after the kill: ${after.integrity}`)
    let kept: "before" | "whole" | "batches"
    try {
      if (mode._tag === "all-or-nothing") kept = allOrNothing(current, after.ids, part)
      else {
        const whole = wholeBatches(current, after.ids, part, mode.size)
        kept = whole * mode.size >= part.ids.length ? "whole" : after.ids.size === current.size ? "before" : "batches"
      }
    } catch (e) {
      return fail(round, `${mode._tag} import of ${part.file}, ${killed ? `killed ${Math.round(delay)} ms after its first batch` : "not killed"}: ${(e as Error).message}`)
    }
    // The window follows the imports' speed: a first import of a part that ended before its kill, or
    // was killed after its commit, shows the window was too wide for this machine. (Re-runs of a part
    // already in write nothing and end sooner: they leave the window as it is.)
    if (writing && !killed && before !== "whole") windowMs = Math.max(MIN_WINDOW_MS, Math.min(windowMs, took * 0.9))
    else if (killed && kept === "whole" && before !== "whole") windowMs = Math.max(MIN_WINDOW_MS, Math.min(windowMs, delay * 0.9))
    if (!killed) {
      counts.finished++
      if (kept !== "whole") fail(round, `a ${mode._tag} import that ended with code 0 left ${kept === "before" ? "nothing" : "only some batches"} of ${part.file}: ${ended.stderr}`)
    } else {
      counts.kills++
      if (kept === "before") counts.keptBefore++
      else if (kept === "whole") counts.keptWhole++
      else counts.partialBatches++
    }
    options.onRound?.({ round, part: part.file, mode: mode._tag, delay: Math.round(delay), writing, killed, kept, activities: after.ids.size })
    if (kept === "whole" && done < parts.length && part === parts[done]) done++
    current = after.ids
  }

  // Every part once more, to the end (a re-run of the imports that were killed, and of those already
  // in): the rows must be those of a clean import.
  for (const part of parts) {
    const ended = await target.start(part, { _tag: "all-or-nothing" }).ended
    if (ended.code !== 0) fail(counts.rounds, `the re-run of ${part.file} ended with code ${ended.code}: ${ended.stderr}`)
  }
  const final = await target.snapshot()
  if (final.integrity !== "ok") fail(counts.rounds, `the database is damaged after the re-run: ${final.integrity}`)
  if (final.ids.size !== options.reference.ids.size || final.digest !== options.reference.digest) {
    fail(counts.rounds, `after the re-run the activities differ from a clean import: ${final.ids.size} rows (digest ${final.digest}) vs ${options.reference.ids.size} (digest ${options.reference.digest})`)
  }
  return { seed, ...counts, windowMs: Math.round(windowMs) }
}

/**
 * What {@link concurrentImports} found.
 *
 * @since 0.2.0
 * @category models
 */
export interface ConcurrentReport {
  readonly writers: number
  readonly imports: number
  readonly rows: number
  readonly ms: number
}

/**
 * Runs `writers` concurrent sequences of imports (writer `w` imports `plan[w]`, one part after another)
 * into the database, then checks that every import ended with code 0 and that the activities are the
 * union of every part, with the rows of `reference` (a clean import of that union). Parts may be
 * shared between writers (overlapping ids): the second writer must find them unchanged.
 *
 * @since 0.2.0
 * @category checks
 */
export const concurrentImports = async (options: {
  readonly target: Target
  readonly plan: ReadonlyArray<ReadonlyArray<Part>>
  readonly reference: Snapshot
  readonly mode?: Mode
}): Promise<ConcurrentReport> => {
  const started = Date.now()
  const mode = options.mode ?? { _tag: "all-or-nothing" }
  const failures: Array<string> = []
  await Promise.all(
    options.plan.map(async (parts, w) => {
      for (const part of parts) {
        const ended = await options.target.start(part, mode).ended
        if (ended.code !== 0) failures.push(`writer ${w}, ${part.file}: code ${ended.code}, signal ${ended.signal}: ${ended.stderr.trim()}`)
      }
    })
  )
  if (failures.length > 0) throw new Error(`${failures.length} concurrent imports failed:\n${failures.join("\n")}`)
  const final = await options.target.snapshot()
  if (final.integrity !== "ok") throw new Error(`the database is damaged after concurrent imports: ${final.integrity}`)
  const union = new Set(options.plan.flatMap((parts) => parts.flatMap((p) => p.ids)))
  const missing = [...union].filter((id) => !final.ids.has(id))
  if (missing.length > 0) throw new Error(`${missing.length} activities lost by concurrent imports (${sample(missing)})`)
  if (final.ids.size !== union.size) throw new Error(`${final.ids.size - union.size} activities that no import holds`)
  if (final.digest !== options.reference.digest) throw new Error(`the rows differ from a clean import: digest ${final.digest} vs ${options.reference.digest}`)
  return { writers: options.plan.length, imports: options.plan.reduce((s, p) => s + p.length, 0), rows: final.ids.size, ms: Date.now() - started }
}
