/**
 * The Node.js versions `hdnd` runs on, and the sentence that says so on an older one. This module
 * is loaded (by `bin.ts`) before anything else, on any Node.js: it uses nothing newer than Node 18.
 *
 * @since 0.1.0
 */
import type { Lang } from "./Lang.js"
import { pick } from "./Lang.js"

/**
 * The oldest Node.js `hdnd` runs on (`engines.node` of the package): better-sqlite3 13 and Effect 4
 * need it.
 *
 * @since 0.1.0
 * @category data
 */
export const MINIMUM = "22.19"

/**
 * Whether a Node.js version (`process.versions.node`: "22.19.0") is at least {@link MINIMUM}.
 *
 * @since 0.1.0
 * @category checks
 */
export const isSupported = (version: string): boolean => {
  const [major = 0, minor = 0] = version.split(".").map(Number)
  const [minMajor = 0, minMinor = 0] = MINIMUM.split(".").map(Number)
  return major !== minMajor ? major > minMajor : minor >= minMinor
}

/**
 * The one sentence printed on an older Node.js: which version is needed and which one this is.
 *
 * @since 0.1.0
 * @category checks
 */
export const unsupported = (lang: Lang, version: string): string =>
  pick(
    lang,
    `hdnd cần Node.js ${MINIMUM} trở lên, nhưng đang chạy trên Node.js ${version}: hãy cài Node.js ${MINIMUM} hoặc mới hơn.`,
    `hdnd needs Node.js ${MINIMUM} or newer, but this is Node.js ${version}: install Node.js ${MINIMUM} or later.`
  )
