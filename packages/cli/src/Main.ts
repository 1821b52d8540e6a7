/**
 * Runs the `hdnd` command on `process.argv`: picks the language, runs the command tree, prints a
 * failure in that language and sets the exit code (0 success, 1 bad input, 2 internal error, 130
 * interrupted). Ctrl-C interrupts the command, which undoes the database transaction in progress.
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import * as CliError from "effect/cli/CliError"
import * as CliOutput from "effect/cli/CliOutput"
import * as Command from "effect/cli/Command"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ArgumentErrors from "./ArgumentErrors.js"
import { command, VERSION } from "./Cli.js"
import { ExitCode, exitCodeOf, messageOf } from "./Failure.js"
import * as Lang from "./Lang.js"
import { colours, style } from "./Output.js"

/**
 * How effect/cli's output is shown: help on stdout, `--version` as the bare version, and what is
 * wrong with the arguments on stderr — one `Lỗi:`/`Error:` line each, in the run's language
 * (`ArgumentErrors`), and where to find the help — without the whole help, so that stdout stays clean.
 */
const presenter = (lang: Lang.Lang): CliOutput.Presenter => ({
  present: (event) =>
    Effect.sync(() => {
      switch (event._tag) {
        case "Help": {
          const formatter = CliOutput.defaultFormatter({ colors: colours(process.stdout) })
          process.stdout.write(`${formatter.formatHelpDoc(event.helpDoc)}\n`)
          return
        }
        case "Version": {
          process.stdout.write(`${VERSION}\n`)
          return
        }
        case "InvalidInvocation": {
          const on = colours(process.stderr)
          const label = style.red(on, Lang.pick(lang, "Lỗi:", "Error:"))
          const help = `${event.commandPath.join(" ")} --help`
          for (const e of event.errors) process.stderr.write(`${label} ${ArgumentErrors.describe(e, lang)}\n`)
          process.stderr.write(`${Lang.pick(lang, `Xem "${help}".`, `See "${help}".`)}\n`)
          return
        }
      }
    })
})

/**
 * The program for some arguments (`argv` as in `process.argv`, with the node and script paths).
 *
 * @since 0.1.0
 * @category running
 */
export const program = (argv: ReadonlyArray<string>): Effect.Effect<number> => {
  const args = argv.slice(2)
  const lang = Lang.detect(args)
  const fail = (error: unknown) =>
    Effect.sync(() => {
      const on = colours(process.stderr)
      process.stderr.write(`${style.red(on, Lang.pick(lang, "Lỗi:", "Error:"))} ${messageOf(error, lang)}\n`)
      return exitCodeOf(error)
    })
  return Command.runWith(command(lang), { version: VERSION })(ArgumentErrors.withoutLang(args)).pipe(
    Effect.as<number>(ExitCode.ok),
    Effect.catch((error) =>
      // effect/cli has already shown the help, or what was wrong with the arguments. Help shown
      // because a command needs a subcommand (`hdnd`, `hdnd programme`) is not a failure.
      CliError.isCliError(error)
        ? Effect.succeed(error._tag === "ShowHelp" && error.errors.length === 0 ? ExitCode.ok : ExitCode.badInput)
        : fail(error)
    ),
    Effect.catchDefect((defect) => Effect.andThen(fail(defect), Effect.succeed(ExitCode.internal))),
    Effect.provide(Layer.merge(NodeServices.layer, CliOutput.layerPresenter(presenter(lang))))
  )
}

/**
 * Runs the program on `process.argv` and exits with its code.
 *
 * @since 0.1.0
 * @category running
 */
export const main = (): void => {
  const lang = Lang.detect(process.argv.slice(2))
  NodeRuntime.runMain(program(process.argv), {
    disableErrorReporting: true,
    teardown: (exit, onExit) => {
      if (Exit.isSuccess(exit)) return onExit(exit.value as number)
      if (Exit.hasInterrupts(exit)) {
        process.stderr.write(
          `\n${Lang.pick(lang, "Đã dừng. Lô đang ghi dở được hoàn tác; cơ sở dữ liệu giữ nguyên như trước lô đó.", "Stopped. The batch being written was undone; the database is as it was before it.")}\n`
        )
        return onExit(ExitCode.interrupted)
      }
      onExit(ExitCode.internal)
    }
  })
}
