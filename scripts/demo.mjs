/**
 * The demo: the whole job with the `hdnd` command on the embedded SQLite default, as a council office
 * would run it — create the database, import the Sơn La example's files (CSV and an Excel workbook),
 * render the committee report of October 2023 from the SQLite file, then write it in every format
 * (DOCX, XLSX, CSV, HTML, JSON, Markdown) into `./out/` (or `HDND_OUT_DIR`); then import the district
 * committees' proposals, the answers and their evaluations and a committee's 2023 work programme
 * (all synthetic, from CSV), print the consolidated answer report in the Sơn La layout, the figures
 * by addressee, the programme's progress, and draft the 2024 programme into the output directory.
 * Each command is printed before it runs. The database is `hdnd.sqlite` in the current directory, or
 * `HDND_SQLITE_FILE`.
 *
 *   npx -y pnpm@10.34.9 demo
 *
 * The CLI runs from source (through tsx), so no build step is needed.
 */
import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

// hdnd needs Node >= 22.19 (Effect 4, better-sqlite3 13). `pnpm demo` runs on the Node 24 that
// `pnpm install` puts in node_modules/.bin; started any other way on an older Node, say so in one sentence.
const [major, minor] = process.versions.node.split(".").map(Number)
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(`hdnd cần Node.js 22.19 trở lên (đang chạy ${process.version}); hãy chạy bằng \`npx -y pnpm@10.34.9 demo\` / hdnd needs Node.js 22.19 or later (this is ${process.version}); run it with \`npx -y pnpm@10.34.9 demo\`.\n`)
  process.exit(1)
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const data = join(root, "examples/son-la-2023/data")
const rel = (p) => relative(process.cwd(), p) || "."
/** A path as `--plugin` takes it: relative paths start with "./" (a bare name is a package). */
const relPath = (p) => {
  const r = rel(p)
  return r.startsWith("..") || r.startsWith("/") ? r : `./${r}`
}
const tsx = createRequire(join(root, "package.json")).resolve("tsx")
const db = process.env.HDND_SQLITE_FILE ?? "hdnd.sqlite"
const files = ["don-vi.csv", "sap-xep.csv", "hdnd.csv", "nhiem-ky.csv", "co-quan.csv", "ky-hop.csv", "hoat-dong.xlsx", "so-lieu.csv"].map((f) => rel(join(data, f)))

const out = process.env.HDND_OUT_DIR ?? "out"
const report = [
  "report", "--db", db, "--template", rel(join(data, "mau-bao-cao.json")),
  "--from", "2022-08-01", "--to", "2023-08-31", "--scope", "unit:14", "--number", "85", "--date", "2023-10-14"
]
// Synthetic (giả định) follow-up records: proposals, answers, evaluations, a work programme.
const followUp = ["kien-nghi.csv", "tra-loi.csv", "danh-gia.csv", "chuong-trinh.csv", "noi-dung-chuong-trinh.csv"].map((f) => rel(join(data, f)))
const plugin = ["--plugin", relPath(join(root, "packages/province-son-la/src/index.ts"))]
const steps = [
  ["init", "--db", db],
  ["import", "--db", db, ...files],
  report,
  [...report, "--format", "docx,xlsx,csv,html,json,md", "-o", `${out}/`],
  ["import", "--db", db, ...followUp],
  [
    "recommendations", "report", "--db", db, ...plugin, "-t", "son-la/answer-report", "--from", "2023-10-01", "--to", "2023-12-31",
    "--number", "12", "--date", "2024-01-05",
    "--title", "Báo cáo tổng hợp tiếp thu, trao đổi, giải đáp kiến nghị, đề xuất của các ban HĐND các huyện, thành phố quý IV năm 2023 (dữ liệu giả định)"
  ],
  ["recommendations", "stats", "--db", db, "--as-of", "2023-12-31", "--by", "addresseeKind"],
  ["programme", "progress", "--db", db, "--programme", "ct-2023-ban-phap-che", "--as-of", "2023-08-31"],
  ["programme", "draft", "--db", db, "--programme", "ct-2023-ban-phap-che", "-o", out, "--force"]
]

for (const args of steps) {
  process.stdout.write(`\n$ hdnd ${args.map((a) => (/[\s"'()]/.test(a) ? JSON.stringify(a) : a)).join(" ")}\n`)
  const r = spawnSync(process.execPath, ["--import", tsx, "--conditions=@hdnd/source", join(root, "packages/cli/src/bin.ts"), ...args], { stdio: "inherit" })
  if (r.status !== 0) process.exit(r.status ?? 2)
}
process.stdout.write(`\nDữ liệu được lưu trong tệp SQLite / data stored in the SQLite file: ${db}\n`)
process.stdout.write(`Báo cáo ở các định dạng DOCX, XLSX, CSV, HTML, JSON, Markdown / the report in every format: ${out}/\n`)
process.stdout.write(`Dự thảo chương trình công tác năm 2024 / the 2024 programme draft: ${out}/chuong-trinh-2024.csv, ${out}/noi-dung-chuong-trinh-2024.csv\n`)
