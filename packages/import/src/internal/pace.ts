/**
 * Lets the event loop run during a long import. Readers and the decoder hand rows on through promises,
 * which run as microtasks: however long an import takes, timers, I/O callbacks and signal handlers
 * (Ctrl-C, SIGTERM, which interrupt the CLI's fiber) wait until the microtask queue is empty. A pacer,
 * awaited between chunks, gives the loop a turn (`setImmediate`) once the current turn has lasted
 * `sliceMs`, so an interruption takes effect within about that long, whatever the input.
 */

/** A function to await between chunks: it yields to the event loop when the turn has lasted `sliceMs`. */
export const pacer = (sliceMs = 50): (() => Promise<void> | undefined) => {
  let since = performance.now()
  return () => {
    if (performance.now() - since < sliceMs) return undefined
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now()
        resolve()
      })
    )
  }
}
