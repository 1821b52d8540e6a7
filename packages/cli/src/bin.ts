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
import { detect } from "./Lang.js"
import { isSupported, unsupported } from "./NodeVersion.js"

if (isSupported(process.versions.node)) {
  const { main } = await import("./Main.js")
  main()
} else {
  process.stderr.write(`${unsupported(detect(process.argv.slice(2)), process.versions.node)}\n`)
  process.exitCode = 1
}
