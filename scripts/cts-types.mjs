// Copies every ESM declaration file in a folder to a CommonJS one (`X.d.ts` → `X.d.cts`), rewriting
// relative `.js` specifiers to `.cjs`, so that `require` consumers get types that TypeScript reads as
// CommonJS. tsc emits only `.d.ts` for a `"type": "module"` package.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const dir = process.argv[2]
if (dir === undefined) throw new Error("usage: node scripts/cts-types.mjs <declaration folder>")

const walk = (d) =>
  readdirSync(d).flatMap((name) => {
    const p = join(d, name)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })

let n = 0
for (const file of walk(dir)) {
  if (!file.endsWith(".d.ts")) continue
  const text = readFileSync(file, "utf8").replace(/((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']+)\.js(["'])/g, "$1$2.cjs$3")
  writeFileSync(file.replace(/\.d\.ts$/, ".d.cts"), text.replace(/\/\/# sourceMappingURL=.*$/m, ""))
  n++
}
console.log(`cts-types: ${n} declaration files copied to .d.cts in ${dir}`)
