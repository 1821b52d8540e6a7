/**
 * The demo: the whole job with the `hdnd` command on the embedded SQLite default, as a council office
 * would run it — create the database, import the Sơn La example's files (CSV and an Excel workbook),
 * render the committee report of October 2023 from the SQLite file, then write it in every format
 * (DOCX, XLSX, CSV, HTML, JSON, Markdown) into `./out/` (or `HDND_OUT_DIR`), and print the consolidated
 * answer report of the district committees' proposals (synthetic). Each command is printed
 * before it runs. The database is `hdnd.sqlite` in the current directory, or `HDND_SQLITE_FILE`.
 *
 *   npx -y pnpm@10.34.9 demo
 *
 * The CLI runs from source (through tsx), so no build step is needed.
 */
import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const data = join(root, "examples/son-la-2023/data")
const rel = (p) => relative(process.cwd(), p) || "."
const tsx = createRequire(join(root, "package.json")).resolve("tsx")
const db = process.env.HDND_SQLITE_FILE ?? "hdnd.sqlite"
const files = ["don-vi.csv", "sap-xep.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "hoat-dong.xlsx", "so-lieu.csv"].map((f) => rel(join(data, f)))

const out = process.env.HDND_OUT_DIR ?? "out"
const report = [
  "report", "--db", db, "--template", rel(join(data, "mau-bao-cao.json")),
  "--from", "2022-08-01", "--to", "2023-08-31", "--scope", "unit:14", "--number", "85", "--date", "2023-10-14"
]
const steps = [
  ["init", "--db", db],
  ["import", "--db", db, ...files],
  report,
  [...report, "--format", "docx,xlsx,csv,html,json,md", "-o", `${out}/`]
]

for (const args of steps) {
  process.stdout.write(`\n$ hdnd ${args.join(" ")}\n`)
  const r = spawnSync(process.execPath, ["--import", tsx, "--conditions=@hdnd/source", join(root, "packages/cli/src/bin.ts"), ...args], { stdio: "inherit" })
  if (r.status !== 0) process.exit(r.status ?? 2)
}
// The consolidated answer report of the conference's proposals (synthetic data, read from its JSON
// file: storing and importing recommendations through hdnd is not built yet).
process.stdout.write(`\n$ tsx examples/son-la-2023/src/answers.ts   # kiến nghị, đề xuất (dữ liệu giả định / synthetic)\n`)
const answers = spawnSync(process.execPath, ["--import", tsx, "--conditions=@hdnd/source", join(root, "examples/son-la-2023/src/answers.ts")], { stdio: "inherit" })
if (answers.status !== 0) process.exit(answers.status ?? 2)
process.stdout.write(`\nDữ liệu được lưu trong tệp SQLite / data stored in the SQLite file: ${db}\n`)
process.stdout.write(`Báo cáo ở các định dạng DOCX, XLSX, CSV, HTML, JSON, Markdown / the report in every format: ${out}/\n`)
