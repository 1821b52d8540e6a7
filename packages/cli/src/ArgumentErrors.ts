/**
 * What is wrong with the command line, in Vietnamese or English: effect/cli reports argument
 * errors in English only; each kind is worded here in the language of the run, naming the option
 * or argument at fault and, where effect/cli has them, its suggestions. `Main` prints each one after
 * `Lỗi:`/`Error:`. Also `--lang`, which may stand anywhere on the command line: it is read before
 * parsing (`Lang.detect`) and taken out of the arguments here.
 *
 * @since 0.2.0
 */
import type * as CliError from "effect/cli/CliError"
import type { Lang } from "./Lang.js"
import { pick } from "./Lang.js"

/** `--x` for a flag name given with or without its dashes. */
const flag = (name: string): string => (name.startsWith("-") ? name : `--${name}`)

const suggest = (lang: Lang, suggestions: ReadonlyArray<string>): string =>
  suggestions.length === 0 ? "" : pick(lang, `; có phải ý bạn là: ${suggestions.join(", ")}?`, `; did you mean: ${suggestions.join(", ")}?`)

/**
 * An argument error of effect/cli in a language, naming what is at fault.
 *
 * @since 0.2.0
 * @category messages
 */
export const describe = (error: CliError.CliError, lang: Lang): string => {
  switch (error._tag) {
    case "UnrecognizedOption": {
      const where = error.command === undefined || error.command.length === 0 ? "" : ` (${error.command.join(" ")})`
      return pick(lang, `không có tùy chọn ${error.option}${where}`, `unknown option ${error.option}${where}`) + suggest(lang, error.suggestions)
    }
    case "DuplicateOption":
      return pick(lang, `tùy chọn ${flag(error.option)} được khai báo hai lần`, `option ${flag(error.option)} is declared twice`)
    case "MissingOption":
      return pick(lang, `thiếu tùy chọn bắt buộc ${flag(error.option)}`, `missing required option ${flag(error.option)}`)
    case "MissingArgument":
      return pick(lang, `thiếu đối số bắt buộc ${error.argument}`, `missing required argument ${error.argument}`)
    case "UnexpectedArgument": {
      const list = error.arguments.map((a) => JSON.stringify(a)).join(", ")
      return pick(lang, `đối số thừa: ${list}`, `unexpected argument${error.arguments.length === 1 ? "" : "s"}: ${list}`)
    }
    case "InvalidValue": {
      const at = error.kind === "argument" ? `<${error.option}>` : flag(error.option)
      const expected = error.expected.replace(/^Expected:?\s*/, "")
      return error.value.length === 0
        ? pick(lang, `${at}: thiếu giá trị; cần: ${expected}`, `${at}: missing value; expected: ${expected}`)
        : pick(lang, `${at}: giá trị "${error.value}" không hợp lệ; cần: ${expected}`, `${at}: invalid value "${error.value}"; expected: ${expected}`)
    }
    case "UnknownSubcommand": {
      const parent = error.parent === undefined || error.parent.length === 0 ? "hdnd" : error.parent.join(" ")
      return pick(lang, `"${parent}" không có lệnh con "${error.subcommand}"`, `"${parent}" has no subcommand "${error.subcommand}"`) + suggest(lang, error.suggestions)
    }
    default:
      return error.message
  }
}

/**
 * The arguments without `--lang vi|en` and `--lang=vi|en`, wherever they stand (before the command
 * name too), so that effect/cli, which declares `--lang` on each command, accepts it anywhere. Any
 * other value is left for effect/cli to refuse with the values it accepts.
 *
 * @since 0.2.0
 * @category arguments
 */
export const withoutLang = (args: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === "--") return [...out, ...args.slice(i)]
    if (a === "--lang" && (args[i + 1] === "vi" || args[i + 1] === "en")) i++
    else if (a !== "--lang=vi" && a !== "--lang=en") out.push(a)
  }
  return out
}
