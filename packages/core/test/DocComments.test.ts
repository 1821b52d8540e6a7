import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../../..", import.meta.url))
const packagesDir = join(root, "packages")

/** Exported declarations in a source file that are not directly preceded by a doc comment. */
const undocumented = (file: string): Array<string> => {
  const lines = readFileSync(file, "utf8").split("\n")
  const out: Array<string> = []
  lines.forEach((line, i) => {
    const m = /^export (?:declare )?(?:const|class|interface|type|function|enum) (\w+)/.exec(line)
    if (m === null) return
    let j = i - 1
    while (j >= 0 && lines[j]!.trim() === "") j--
    const prev = lines[j]?.trim() ?? ""
    if (!prev.endsWith("*/")) {
      out.push(`${file.slice(root.length)}:${i + 1} ${m[1]}`)
    }
  })
  return out
}

const sourceFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === "internal" ? [] : sourceFiles(join(dir, e.name))) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
  )

describe("public API documentation", () => {
  it("every export of every published package has a doc comment", () => {
    const files = readdirSync(packagesDir).flatMap((p) => sourceFiles(join(packagesDir, p, "src")))
    expect(files.length).toBeGreaterThan(10)
    expect(files.flatMap(undocumented)).toEqual([])
  })
})
