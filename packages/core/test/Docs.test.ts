import { Registry } from "@hdnd/core"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../../..", import.meta.url))
const docsDir = join(root, "docs")

const read = (path: string): string => readFileSync(join(root, path), "utf8")

/** The ids a guide does not mention as code (`` `id` ``). */
const unmentioned = (text: string, ids: Iterable<string>): Array<string> => [...ids].filter((id) => !text.includes(`\`${id}\``))

/** The Markdown files whose links must resolve: the guides in docs/ (not the generated docs/api/) and the README. */
const markdownFiles = (): Array<string> => [
  "README.md",
  ...readdirSync(docsDir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => `docs/${e.name}`)
]

/** Markdown without fenced code blocks and inline code, where `[a](b)` is not a link. */
const withoutCode = (text: string): string =>
  text
    .replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[^\n]*$/gm, "")
    .replace(/(`+)[\s\S]*?\1/g, "")

/** Targets of inline links and images `[text](target "title")` and of reference definitions `[x]: target`. */
const linkTargets = (text: string): Array<string> => {
  const body = withoutCode(text)
  const inline = [...body.matchAll(/!?\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g)].map((m) => m[1]!)
  const references = [...body.matchAll(/^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/gm)].map((m) => m[1]!)
  return [...inline, ...references].map((t) => t.replace(/^<|>$/g, ""))
}

/** Whether a link target is relative (not a URL with a scheme, not protocol-relative, not a bare anchor). */
const isRelative = (target: string): boolean => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("//") && !target.startsWith("#")

describe("documentation guides", () => {
  it("docs/indicators.md mentions every built-in indicator id", () => {
    const ids = [...Registry.builtin.indicators.keys()]
    expect(ids.length).toBeGreaterThan(0)
    expect(unmentioned(read("docs/indicators.md"), ids)).toEqual([])
  })

  it("docs/glossary.md mentions every built-in activity kind id", () => {
    const ids = [...Registry.builtin.activityKinds.keys()]
    expect(ids.length).toBeGreaterThan(0)
    expect(unmentioned(read("docs/glossary.md"), ids)).toEqual([])
  })

  it("docs/glossary.md mentions every built-in committee kind id", () => {
    const ids = [...Registry.builtin.committeeKinds.keys()]
    expect(ids.length).toBeGreaterThan(0)
    expect(unmentioned(read("docs/glossary.md"), ids)).toEqual([])
  })

  it("every relative Markdown link in docs/*.md and README.md points to a file that exists", () => {
    const files = markdownFiles()
    expect(files).toContain("docs/README.md")
    const broken = files.flatMap((file) =>
      linkTargets(read(file))
        .filter(isRelative)
        .map((target) => ({ target, path: decodeURIComponent(target.replace(/[#?].*$/, "")) }))
        .filter(({ path }) => path.length > 0)
        .filter(({ path }) => !existsSync(path.startsWith("/") ? join(root, path) : resolve(dirname(join(root, file)), path)))
        .map(({ target }) => `${file}: ${target}`)
    )
    expect(broken).toEqual([])
  })
})

describe("link extraction", () => {
  it("finds inline, image and reference links, and ignores code", () => {
    const text = [
      "See [a](a.md), ![b](img/b.png \"title\"), [c](<c d.md>) and [e](https://example.com) or [f](#anchor).",
      "`[not](inline.md)` and",
      "```ts",
      "const x = [y](z.md)",
      "```",
      "[ref]: ref.md"
    ].join("\n")
    expect(linkTargets(text)).toEqual(["a.md", "img/b.png", "c d.md", "https://example.com", "#anchor", "ref.md"])
    expect(linkTargets(text).filter(isRelative)).toEqual(["a.md", "img/b.png", "c d.md", "ref.md"])
  })
})
