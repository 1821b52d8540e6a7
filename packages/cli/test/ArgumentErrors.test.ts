/**
 * The parts of issue #16 that need no executable: `--lang` taken out of the arguments wherever it
 * stands, every effect/cli argument error worded in both languages with the option named, and the
 * exit codes and messages of the new failures (a missing or outdated database, an exporter's
 * failure with its cause).
 */
import { Errors, Exporter } from "@hdnd/core"
import * as CliError from "effect/cli/CliError"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as ArgumentErrors from "../src/ArgumentErrors.js"
import { ExitCode, exitCodeOf, messageOf } from "../src/Failure.js"

const word = fc.stringMatching(/^[a-z0-9/.:=-]{1,8}$/).filter((s) => !s.startsWith("--lang") && s !== "--")

describe("ArgumentErrors.withoutLang", () => {
  it("property: --lang vi|en inserted anywhere before -- is taken out, and nothing else is", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.nat(), fc.constantFrom(["--lang", "en"], ["--lang", "vi"], ["--lang=en"], ["--lang=vi"]), (args, at, lang) => {
        const i = at % (args.length + 1)
        expect(ArgumentErrors.withoutLang(args)).toEqual(args)
        expect(ArgumentErrors.withoutLang([...args.slice(0, i), ...lang, ...args.slice(i)])).toEqual(args)
      })
    )
  })

  it("leaves an unsupported language for effect/cli to refuse, and what follows -- as it is", () => {
    expect(ArgumentErrors.withoutLang(["--lang", "fr", "units"])).toEqual(["--lang", "fr", "units"])
    expect(ArgumentErrors.withoutLang(["units", "--", "--lang", "en"])).toEqual(["units", "--", "--lang", "en"])
  })
})

describe("ArgumentErrors.describe", () => {
  const errors: ReadonlyArray<readonly [CliError.CliError, string, string]> = [
    [new CliError.MissingOption({ option: "to" }), "thiếu tùy chọn bắt buộc --to", "missing required option --to"],
    [new CliError.UnrecognizedOption({ option: "--period", command: ["hdnd", "stats"], suggestions: [] }), "không có tùy chọn --period (hdnd stats)", "unknown option --period (hdnd stats)"],
    [new CliError.InvalidValue({ option: "format", value: "pdf", expected: "one of table, json, csv", kind: "flag" }), '--format: giá trị "pdf" không hợp lệ; cần: one of table, json, csv', '--format: invalid value "pdf"; expected: one of table, json, csv'],
    [new CliError.InvalidValue({ option: "from", value: "", expected: "a string", kind: "flag" }), "--from: thiếu giá trị; cần: a string", "--from: missing value; expected: a string"],
    [new CliError.MissingArgument({ argument: "FILE" }), "thiếu đối số bắt buộc FILE", "missing required argument FILE"],
    [new CliError.UnknownSubcommand({ subcommand: "reprot", parent: ["hdnd"], suggestions: ["report"] }), '"hdnd" không có lệnh con "reprot"; có phải ý bạn là: report?', '"hdnd" has no subcommand "reprot"; did you mean: report?']
  ]
  for (const [error, vi, en] of errors) {
    it(`${error._tag} in Vietnamese and English`, () => {
      expect(ArgumentErrors.describe(error, "vi")).toBe(vi)
      expect(ArgumentErrors.describe(error, "en")).toBe(en)
    })
  }
})

describe("the exit codes and messages of issue #16's failures", () => {
  it("a missing database, one that needs a migration, or one SQLite cannot read in place: exit 1; another store failure: exit 2", () => {
    for (const operation of ["missing", "schema", "readonly"]) expect(exitCodeOf(new Errors.StoreError({ operation, vi: "v", en: "e" }))).toBe(ExitCode.badInput)
    expect(exitCodeOf(new Errors.StoreError({ operation: "open", vi: "v", en: "e" }))).toBe(ExitCode.internal)
  })

  it("an exporter's failure keeps its cause in the message", () => {
    const error = new Exporter.ExportError({ format: "docx", vi: "không xuất được DOCX", en: "cannot export DOCX", cause: new RangeError("Invalid string length") })
    expect(messageOf(error, "en")).toBe("cannot export DOCX (Invalid string length)")
    expect(messageOf(error, "vi")).toBe("không xuất được DOCX (Invalid string length)")
  })
})
