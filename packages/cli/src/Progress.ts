/**
 * Progress of a long import on stderr: on a terminal, one line redrawn in place with a bar, the
 * rate and the time left; otherwise a plain line every few seconds; nothing with `--quiet`.
 *
 * @since 0.1.0
 */
import type { Lang } from "./Lang.js"
import { num, pick } from "./Lang.js"

/**
 * Where the job is.
 *
 * @since 0.1.0
 * @category models
 */
export interface State {
  readonly bytes: number
  readonly totalBytes: number
  readonly rows: number
  readonly rejected: number
}

/**
 * A progress display.
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly update: (state: State) => void
  /** Writes a line (a problem found) above the progress line, which is drawn again after it. */
  readonly log: (text: string) => void
  readonly done: () => void
}

const clock = (seconds: number): string => {
  if (!Number.isFinite(seconds) || seconds < 0) return "--:--"
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0")
  const ss = String(s % 60).padStart(2, "0")
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

/**
 * The text of one progress line.
 *
 * @since 0.1.0
 * @category formatting
 */
export const line = (state: State, elapsedMs: number, lang: Lang, bar: boolean): string => {
  const fraction = state.totalBytes > 0 ? Math.min(1, state.bytes / state.totalBytes) : 0
  const rate = elapsedMs > 0 ? (state.rows * 1000) / elapsedMs : 0
  const left = fraction > 0 ? (elapsedMs / 1000) * ((1 - fraction) / fraction) : Number.NaN
  const n = (x: number) => num(lang, x)
  const width = 24
  const filled = Math.round(fraction * width)
  const head = bar ? `[${"#".repeat(filled)}${".".repeat(width - filled)}] ` : ""
  const rejected = state.rejected > 0 ? pick(lang, `, ${n(state.rejected)} dòng lỗi`, `, ${n(state.rejected)} rejected`) : ""
  return (
    `${head}${String(Math.floor(fraction * 100)).padStart(3)}%  ` +
    pick(lang, `${n(state.rows)} dòng${rejected}, ${n(rate)} dòng/giây, còn ${clock(left)}`, `${n(state.rows)} rows${rejected}, ${n(rate)} rows/s, ${clock(left)} left`)
  )
}

/**
 * A progress display on `stream` (stderr).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: { readonly lang: Lang; readonly quiet: boolean; readonly stream?: NodeJS.WriteStream; readonly plainEveryMs?: number }): Progress => {
  const stream = options.stream ?? process.stderr
  if (options.quiet) return { update: () => {}, log: (text) => void stream.write(`${text}\n`), done: () => {} }
  const started = Date.now()
  const tty = stream.isTTY === true
  const every = tty ? 100 : (options.plainEveryMs ?? 5000)
  let last = 0
  let latest: State | undefined
  let lastDrawn: State | undefined
  let drawn = false
  const draw = (state: State) => {
    lastDrawn = state
    const text = line(state, Date.now() - started, options.lang, tty)
    if (tty) {
      stream.write(`\r${text}\u001b[K`)
      drawn = true
    } else stream.write(`${text}\n`)
  }
  return {
    update: (state) => {
      latest = state
      const now = Date.now()
      if (now - last >= every) {
        last = now
        draw(state)
      }
    },
    log: (text) => {
      if (tty && drawn) stream.write("\r\u001b[K")
      stream.write(`${text}\n`)
      if (tty && drawn && lastDrawn !== undefined) draw(lastDrawn)
    },
    done: () => {
      // The final state, unless it is already the last line shown.
      if (latest !== undefined && (tty || latest !== lastDrawn)) draw({ ...latest, bytes: latest.totalBytes })
      if (tty && drawn) stream.write("\n")
    }
  }
}
