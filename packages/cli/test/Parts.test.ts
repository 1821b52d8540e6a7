import * as Option from "effect/Option"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Database from "../src/Database.js"
import { exitCodeOf, messageOf, UsageError } from "../src/Failure.js"
import * as Lang from "../src/Lang.js"
import { Exporter } from "@hdnd/core"
import { csv } from "../src/Csv.js"
import { table } from "../src/Output.js"
import * as Progress from "../src/Progress.js"

describe("Lang.detect", () => {
  it("takes --lang first, then HDND_LANG, then the locale; Vietnamese unless the locale names another language", () => {
    expect(Lang.detect(["import", "--lang", "en"], { LANG: "vi_VN.UTF-8" })).toBe("en")
    expect(Lang.detect(["--lang=vi"], { LANG: "en_US.UTF-8" })).toBe("vi")
    expect(Lang.detect([], { HDND_LANG: "en", LANG: "vi_VN" })).toBe("en")
    expect(Lang.detect([], { LC_ALL: "en_GB.UTF-8", LANG: "vi_VN" })).toBe("en")
    expect(Lang.detect([], { LANG: "vi_VN.UTF-8" })).toBe("vi")
    expect(Lang.detect([], {})).toBe("vi")
    expect(Lang.detect([], { LANG: "C.UTF-8" })).toBe("vi")
  })
})

describe("Database.target", () => {
  it("--database-url or HDND_DATABASE_URL picks PostgreSQL; otherwise the SQLite file of --db, HDND_SQLITE_FILE or ./hdnd.sqlite", () => {
    expect(Database.target(Option.none(), Option.some("postgres://u@h/db"), {})).toEqual({ _tag: "Postgres", url: "postgres://u@h/db" })
    expect(Database.target(Option.none(), Option.none(), { HDND_DATABASE_URL: "postgres://x", HDND_DATABASE_SCHEMA: "s" })).toEqual({ _tag: "Postgres", url: "postgres://x", schema: "s" })
    expect(Database.target(Option.some("a.sqlite"), Option.none(), { HDND_DATABASE_URL: "postgres://x" })).toEqual({ _tag: "Sqlite", file: "a.sqlite" })
    expect(Database.target(Option.none(), Option.none(), { HDND_SQLITE_FILE: "b.sqlite" })).toEqual({ _tag: "Sqlite", file: "b.sqlite" })
    expect(Database.target(Option.none(), Option.none(), {})).toEqual({ _tag: "Sqlite", file: "hdnd.sqlite" })
    expect(Database.describe({ _tag: "Postgres", url: "postgres://hdnd:secret@db:5432/x" })).toBe("postgres://hdnd:***@db:5432/x")
  })
})

describe("Failure", () => {
  it("bad input exits 1, anything else 2; the message is in the chosen language", () => {
    const e = new UsageError({ vi: "sai", en: "wrong" })
    expect([exitCodeOf(e), messageOf(e, "vi"), messageOf(e, "en")]).toEqual([1, "sai", "wrong"])
    expect(exitCodeOf(new Error("boom"))).toBe(2)
    expect(exitCodeOf({ _tag: "StoreError" })).toBe(2)
    expect(exitCodeOf({ _tag: "ValidationError" })).toBe(1)
  })
})

describe("Output", () => {
  it("aligns table columns by what a terminal shows (combining marks take no column)", () => {
    const decomposed = "Hội đồng".normalize("NFD")
    const text = table(["a", "b"], [[decomposed, "1"], ["x", "22"]], new Set([1]))
    const lines = text.trimEnd().split("\n")
    expect(lines[2]).toBe(`${decomposed}   1`)
    expect(lines[3]).toBe("x         22")
  })

  it("property: CSV fields round-trip through quoting, text with the exporter's formula guard, plain numbers as they are", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
        const line = csv(cells, []).replace(/\r\n$/, "")
        const parsed: Array<string> = []
        let i = 0
        while (i <= line.length) {
          if (line[i] === '"') {
            let v = ""
            i++
            for (;;) {
              if (line[i] === '"' && line[i + 1] === '"') (v += '"'), (i += 2)
              else if (line[i] === '"') break
              else v += line[i++]
            }
            parsed.push(v)
            i += 2
          } else {
            const end = line.indexOf(",", i)
            parsed.push(line.slice(i, end < 0 ? line.length : end))
            i = end < 0 ? line.length + 1 : end + 1
          }
        }
        expect(parsed).toEqual(cells.map((c) => (/^-?\d+(?:[.,]\d+)*$/.test(c) ? c : Exporter.neutraliseFormula(c))))
        for (const p of parsed) expect(/^[=+\-@\t\r]/.test(p) && !/^-?\d+(?:[.,]\d+)*$/.test(p)).toBe(false)
      })
    )
  })
})

describe("Progress.line", () => {
  it("shows the share done, rows, rate and time left, in the language", () => {
    const state = { bytes: 250, totalBytes: 1000, rows: 25_000, rejected: 2 }
    expect(Progress.line(state, 10_000, "vi", true)).toBe("[######..................]  25%  25.000 dòng, 2 dòng lỗi, 2.500 dòng/giây, còn 00:30")
    expect(Progress.line(state, 10_000, "en", false)).toBe(" 25%  25,000 rows, 2 rejected, 2,500 rows/s, 00:30 left")
  })
})

describe("Progress.make", () => {
  const sink = (isTTY: boolean) => {
    const written: Array<string> = []
    return { written, stream: { isTTY, write: (t: string) => written.push(t) } as unknown as NodeJS.WriteStream }
  }
  const state = (rows: number) => ({ bytes: rows, totalBytes: 300, rows, rejected: 0 })

  it("off a terminal: plain lines, the first one and the final state", () => {
    const { written, stream } = sink(false)
    const p = Progress.make({ lang: "en", quiet: false, stream })
    for (const rows of [100, 200, 300]) p.update(state(rows))
    p.done()
    expect(written).toHaveLength(2)
    expect(written[0]).toMatch(/^ 33%  100 rows, .*\n$/)
    expect(written[1]).toMatch(/^100%  300 rows, .*\n$/)
  })

  it("on a terminal: one line redrawn in place, ended by a newline; nothing when quiet", () => {
    const { written, stream } = sink(true)
    const p = Progress.make({ lang: "vi", quiet: false, stream })
    p.update(state(100))
    p.done()
    expect(written.every((w) => w === "\n" || w.startsWith("\r["))).toBe(true)
    expect(written.at(-1)).toBe("\n")
    // A problem line goes above the bar: the line is cleared, the problem written, the bar drawn again.
    const logged = sink(true)
    const l = Progress.make({ lang: "vi", quiet: false, stream: logged.stream })
    l.update(state(100))
    l.log("  - lỗi")
    expect(logged.written.slice(1)).toEqual(["\r\u001b[K", "  - lỗi\n", logged.written[3]])
    expect(logged.written[3]).toMatch(/^\r\[/)
    const quiet = sink(true)
    const q = Progress.make({ lang: "vi", quiet: true, stream: quiet.stream })
    q.update(state(100))
    q.done()
    expect(quiet.written).toEqual([])
  })
})

