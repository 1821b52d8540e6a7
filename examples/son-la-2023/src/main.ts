/**
 * The demo: loads the Sơn La dataset into the embedded default store, a SQLite file (`hdnd.sqlite`
 * in the current directory, or `HDND_SQLITE_FILE`), renders the committee report of
 * October 2023 and prints it, followed by a short account of the run. Exit code 1 on failure, with
 * the error's bilingual message.
 *
 * Run with `npx -y pnpm@10.34.9 demo` from the repository root.
 *
 * @since 0.1.0
 */
import { ReportText } from "@hdnd/core"
import { SqliteStore } from "@hdnd/store-sqlite"
import * as Effect from "effect/Effect"
import { sonLaBatch } from "./data.js"
import { footer, run } from "./run.js"
import { registry } from "./template.js"

const filename = process.env.HDND_SQLITE_FILE ?? SqliteStore.DEFAULT_FILENAME

const fail = (error: unknown): void => {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`Lỗi / Error:\n${message}\n`)
  process.exitCode = 1
}

const program = Effect.gen(function* () {
  const result = yield* run(sonLaBatch(), SqliteStore.layer({ filename, registry }))
  process.stdout.write(ReportText.toText(result.doc))
  process.stdout.write("\n" + footer(result))
  process.stdout.write(`Dữ liệu được lưu trong tệp SQLite / data stored in the SQLite file: ${filename}\n`)
}).pipe(Effect.catch((error) => Effect.sync(() => fail(error))))

Effect.runPromise(program).catch(fail)
