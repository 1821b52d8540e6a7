/**
 * The answers to `hdnd --help` and `hdnd --version`, cached when the CLI is bundled, so that they
 * are printed without loading the command tree (effect/cli and every command's options): a start-up
 * of Node.js alone instead of ~0.2 s more (bench/startup.ts). The cache is not written by hand: the
 * bundler (scripts/bundle.mjs) runs the freshly built `hdnd` once per language and colour setting
 * and stores what it printed in `help.json` beside `hdnd.js`; a test compares every cached answer
 * with the command tree's. Without the file (the sources run by tsx), nothing is cached and the
 * command tree answers.
 *
 * @since 0.2.0
 */
import type { Lang } from "./Lang.js"

/**
 * The contents of `help.json`: the help of `hdnd` in each language, without and with colours, and
 * the output of `--version`.
 *
 * @since 0.2.0
 * @category models
 */
export interface Cache {
  readonly version: string
  readonly help: { readonly [L in Lang]: { readonly plain: string; readonly colour: string } }
}

/**
 * What a cached answer is for: the arguments `hdnd`, `hdnd --help`, `hdnd -h`, `hdnd --version`,
 * `hdnd -v`, the last four with at most one `--lang vi|en` (or `--lang=…`) before or after; any
 * other arguments are left to the command tree. (`hdnd --lang en` alone is an error there.)
 *
 * @since 0.2.0
 * @category cache
 */
export const request = (args: ReadonlyArray<string>): "help" | "version" | undefined => {
  if (args.length === 0) return "help"
  const rest: Array<string> = []
  let langs = 0
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === "--lang" && (args[i + 1] === "vi" || args[i + 1] === "en")) {
      langs++
      i++
    } else if (a === "--lang=vi" || a === "--lang=en") langs++
    else rest.push(a)
  }
  if (langs > 1 || rest.length !== 1) return undefined
  return rest[0] === "--help" || rest[0] === "-h" ? "help" : rest[0] === "--version" || rest[0] === "-v" ? "version" : undefined
}

/**
 * The cached answer to `args` in `lang`, with colours or not, or `undefined` when the arguments
 * ask for something else or `read` finds no cache (it returns the text of `help.json`, or throws).
 *
 * @since 0.2.0
 * @category cache
 */
export const answer = (args: ReadonlyArray<string>, lang: Lang, colours: boolean, read: () => string): string | undefined => {
  const wanted = request(args)
  if (wanted === undefined) return undefined
  let cache: Cache
  try {
    cache = JSON.parse(read()) as Cache
  } catch {
    return undefined
  }
  const text = wanted === "version" ? cache.version : cache.help?.[lang]?.[colours ? "colour" : "plain"]
  return typeof text === "string" ? text : undefined
}
