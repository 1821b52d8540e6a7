/**
 * The language of the CLI's help and messages: `--lang vi|en`, else `HDND_LANG`, else the locale
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`): Vietnamese unless the locale names another language.
 *
 * @since 0.1.0
 */

/**
 * A language of the CLI.
 *
 * @since 0.1.0
 * @category models
 */
export type Lang = "vi" | "en"

/**
 * The language asked for by the arguments (`--lang en`, `--lang=en`) or the environment.
 *
 * @since 0.1.0
 * @category detection
 */
export const detect = (argv: ReadonlyArray<string>, env: Readonly<Record<string, string | undefined>> = process.env): Lang => {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    const value = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined
    if (value === "vi" || value === "en") return value
  }
  const explicit = env.HDND_LANG
  if (explicit === "vi" || explicit === "en") return explicit
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ""
  if (locale === "" || locale === "C" || locale === "POSIX" || locale.startsWith("C.")) return "vi"
  return locale.toLowerCase().startsWith("vi") ? "vi" : "en"
}

/**
 * Picks the text of the language.
 *
 * @since 0.1.0
 * @category text
 */
export const pick = (lang: Lang, vi: string, en: string): string => (lang === "vi" ? vi : en)

/**
 * A whole number written the way the language groups digits: 1.044 (vi), 1,044 (en).
 *
 * @since 0.1.0
 * @category text
 */
export const num = (lang: Lang, n: number): string => Math.round(n).toLocaleString(lang === "vi" ? "vi-VN" : "en-US")
