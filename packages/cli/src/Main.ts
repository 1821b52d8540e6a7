/**
 * Runs the `hdnd` command on `process.argv`: picks the language, runs the command tree, prints a
 * failure in that language and sets the exit code (0 success, 1 bad input, 2 internal error, 130
 * interrupted). Ctrl-C interrupts the command, which undoes the database transaction in progress.
 *
 * @since 0.1.0
 */
import * as Command from "@effect/cli/Command"
import * as ValidationError from "@effect/cli/ValidationError"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { command, VERSION } from "./Cli.js"
import { ExitCode, exitCodeOf, messageOf } from "./Failure.js"
import * as Lang from "./Lang.js"
import { colours, style } from "./Output.js"

/**
 * The program for some arguments (`argv` as in `process.argv`, with the node and script paths).
 *
 * @since 0.1.0
 * @category running
 */
export const program = (argv: ReadonlyArray<string>): Effect.Effect<number> => {
  const lang = Lang.detect(argv.slice(2))
  const run = Command.run(command(lang), { name: "hdnd", version: VERSION })
  const fail = (error: unknown) =>
    Effect.sync(() => {
      const on = colours(process.stderr)
      process.stderr.write(`${style.red(on, Lang.pick(lang, "Lỗi:", "Error:"))} ${messageOf(error, lang)}\n`)
      return exitCodeOf(error)
    })
  return run(argv).pipe(
    Effect.as(ExitCode.ok),
    // @effect/cli has already printed what was wrong with the arguments.
    Effect.catchAll((error) => (ValidationError.isValidationError(error) ? Effect.succeed(ExitCode.badInput) : fail(error))),
    Effect.catchAllDefect((defect) => Effect.zipRight(fail(defect), Effect.succeed(ExitCode.internal))),
    Effect.provide(NodeContext.layer)
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
      if (Exit.isInterrupted(exit)) {
        process.stderr.write(
          `\n${Lang.pick(lang, "Đã dừng. Lô đang ghi dở được hoàn tác; cơ sở dữ liệu giữ nguyên như trước lô đó.", "Stopped. The batch being written was undone; the database is as it was before it.")}\n`
        )
        return onExit(ExitCode.interrupted)
      }
      onExit(ExitCode.internal)
    }
  })
}
