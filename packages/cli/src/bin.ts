#!/usr/bin/env node
/**
 * The `hdnd` executable. It first checks the Node.js version: on one older than
 * `NodeVersion.MINIMUM` it says, in one sentence, which version is needed and exits with 1 —
 * before loading anything that would crash there (better-sqlite3 13 does on Node 20). The command
 * itself is loaded only after the check, with a dynamic import: a static one would be evaluated
 * first, in the bundle as in the sources.
 *
 * @since 0.1.0
 */
import { setFlagsFromString } from "node:v8"
import { detect } from "./Lang.js"
import { isSupported, unsupported } from "./NodeVersion.js"

if (isSupported(process.versions.node)) {
  // V8 sizes the young generation by the machine's memory and grows it while objects survive
  // scavenges, which a long import always has (the batch being written): on a 24 GiB machine it
  // reached 2 × 64 MiB semi-spaces, most of the import's peak RSS. Kept at its starting size, the
  // import's peak RSS stays below 200 MiB at any file size, with no loss of speed (bench/cli.ts;
  // issue #13). The flag only tunes the collector; a Node.js that ignores it works as before.
  setFlagsFromString("--semi-space-growth-factor=1")
  const { main } = await import("./Main.js")
  main()
} else {
  process.stderr.write(`${unsupported(detect(process.argv.slice(2)), process.versions.node)}\n`)
  process.exitCode = 1
}
