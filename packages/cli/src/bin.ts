#!/usr/bin/env node
/**
 * The `hdnd` executable. It first checks the Node.js version: on one older than
 * `NodeVersion.MINIMUM` it says, in one sentence, which version is needed and exits with 1 —
 * before loading anything that would crash there (better-sqlite3 13 does on Node 20). Then
 * `hdnd --help` and `--version` are answered from the cache written when the CLI was bundled
 * (HelpCache.ts), without loading the command tree. The command itself is loaded only after that,
 * with a dynamic import: a static one would be evaluated first, in the bundle as in the sources.
 *
 * @since 0.1.0
 */
import { readFileSync } from "node:fs"
import * as NodeModule from "node:module"
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8"
import * as HelpCache from "./HelpCache.js"
import { detect } from "./Lang.js"
import { isSupported, unsupported } from "./NodeVersion.js"
import { colours } from "./Output.js"

/**
 * Stops V8's young generation growing past 16 MiB (two 8 MiB semi-spaces). V8 sizes its limit by
 * the machine's memory and grows it while objects survive collections, which in a long import they
 * always do (the batch being written): on a 24 GiB machine it reached 128 MiB, most of an import's
 * peak RSS. At 16 MiB the import's peak RSS stays below 200 MiB at any file size, with fewer
 * collections than at V8's 2 MiB start (bench/cli.ts; issue #13). The limit can only be given on
 * Node.js's command line, so growth is switched off (the growth factor, read at each resize) once
 * the young generation has reached that size. It only tunes the collector: a Node.js that ignores
 * the flag runs as before.
 */
/**
 * How far V8 lets the old generation grow past what survived the last full collection before the
 * next one: 30 %, instead of the up to 4× V8 picks for a fast-allocating program. A long import
 * allocates fast, so V8 let its heap reach 130 MiB for 30 MiB of live data, and the 1,000,000-row
 * import peaked at 235–258 MiB RSS. At 30 %, with the 16 MiB page cache writing commands had then
 * (Database.ts), it peaked at 185–189 MiB on an idle machine, 187 MiB for 100,000 rows, and ran
 * about as fast; with today's 24 MiB cache and 64 KiB reads, 181–186 MiB (bench/cli.ts; issue #13).
 * Read by V8 at each full collection.
 */
const OLD_GENERATION_GROWTH_PERCENT = 30

const capYoungGeneration = (): void => {
  const timer = setInterval(() => {
    const young = getHeapSpaceStatistics().find((s) => s.space_name === "new_space")
    if (young === undefined || young.space_size >= 16 * 1024 * 1024) {
      setFlagsFromString("--semi-space-growth-factor=1")
      setFlagsFromString(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`)
      clearInterval(timer)
    }
  }, 50)
  timer.unref()
}

/**
 * `hdnd --help` and `hdnd --version` as cached in `help.json` beside the bundle (HelpCache.ts), or
 * `undefined` to run the command tree.
 */
const cached = (): string | undefined => {
  const args = process.argv.slice(2)
  return HelpCache.answer(args, detect(args), colours(process.stdout), () => readFileSync(new URL("./help.json", import.meta.url), "utf8"))
}

if (isSupported(process.versions.node)) {
  const text = cached()
  if (text !== undefined) process.stdout.write(text)
  else {
    // Node.js keeps the compiled code of the bundle's chunks in its compile cache (in the system's
    // temporary directory), so that later runs skip compiling them (bench/startup.ts).
    NodeModule.enableCompileCache?.()
    capYoungGeneration()
    const { main } = await import("./Main.js")
    main()
  }
} else {
  process.stderr.write(`${unsupported(detect(process.argv.slice(2)), process.versions.node)}\n`)
  process.exitCode = 1
}
