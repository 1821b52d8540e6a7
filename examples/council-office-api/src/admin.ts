/**
 * The operator's command (`npm run setup -- …`), run on the server with the same settings as the
 * service (`HDND_DATABASE_URL` or `HDND_SQLITE_FILE`):
 *
 *   npm run setup -- --structure province.json
 *   npm run setup -- --token --council hdnd-tinh-son-la --role admin --subject "Nguyễn Văn A"
 *
 * The token is printed once; the database keeps only its hash.
 */
import { readFile } from "node:fs/promises"
import { parseArgs } from "node:util"
import type { Role } from "./Auth.js"
import { storeConfigFromEnv } from "./hdnd.js"
import { open } from "./Server.js"
import { issueToken, loadStructure } from "./Setup.js"

const { values } = parseArgs({
  options: {
    structure: { type: "string" },
    token: { type: "boolean" },
    council: { type: "string" },
    role: { type: "string", default: "admin" },
    subject: { type: "string", default: "admin" }
  }
})

const services = await open(storeConfigFromEnv())
try {
  if (values.structure !== undefined) {
    const { written } = await loadStructure(services, JSON.parse(await readFile(values.structure, "utf8")))
    console.log(`Đã nạp ${written} bản ghi cơ cấu / loaded ${written} structure records`)
  }
  if (values.token === true) {
    if (values.council === undefined || !["reader", "clerk", "admin"].includes(values.role)) {
      throw new Error("cần --council <mã HĐND> và --role reader|clerk|admin / needs --council <council id> and --role reader|clerk|admin")
    }
    const t = await issueToken(services, { council: values.council, role: values.role as Role, subject: values.subject })
    console.log(`${t.role} ${t.council} (${t.subject}): ${t.token}`)
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  process.exitCode = 1
} finally {
  await services.close()
}
