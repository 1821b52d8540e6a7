/**
 * The demo: loads the city's plugin with `PluginHost.load`, builds an in-memory dataset of
 * ILLUSTRATIVE activities with the loaded registry, tabulates, renders the plugin's report template
 * and prints it as text, then the totals of the hearings' attributes. Exit code 1 on failure, with the
 * error's bilingual message.
 *
 * Run from the repository root with `npx -y pnpm@10.34.9 --filter @hdnd/example-province-plugin start`
 * or `npx tsx --conditions=@hdnd/source examples/province-plugin/src/main.ts`.
 *
 * @since 0.1.0
 */
import { ReportText } from "@hdnd/core"
import * as Result from "effect/Result"
import { hearingTotals, run } from "./demo.js"

const result = run()
if (Result.isFailure(result)) {
  process.stderr.write(`Lỗi / Error:\n${result.failure.message}\n`)
  process.exitCode = 1
} else {
  const { loaded, dataset, document } = result.success
  const t = hearingTotals(dataset)
  process.stdout.write(
    `Đã nạp plugin / loaded plugins: ${loaded.plugins.map((p) => `${p.name}@${p.version}`).join(", ")}\n` +
      `Dữ liệu minh họa, không phải số liệu thật / illustrative data, not real figures.\n\n`
  )
  process.stdout.write(ReportText.toText(document))
  process.stdout.write(
    `\nThuộc tính của ${t.hearings} phiên giải trình chuyên đề của các Ban HĐND thành phố / attributes of the city committees' ${t.hearings} thematic hearings: ` +
      `${t.agencies} lượt cơ quan giải trình / agencies, ${t.commitments} nội dung cam kết / commitments, ${t.live} phiên truyền hình trực tiếp / broadcast live.\n`
  )
}
