/**
 * Starts the service: `npm start` (settings from the environment), or `npm run demo`, which first
 * loads a small synthetic structure (HĐND tỉnh Sơn La and HĐND tỉnh Điện Biên) into an empty
 * store and prints a reader, a clerk and an admin token for each council.
 *
 * Settings: `PORT` (default 3000), `HOST` (default 127.0.0.1), `HDND_DATABASE_URL` (PostgreSQL;
 * `HDND_DATABASE_SCHEMA` optional), otherwise `HDND_SQLITE_FILE` (default council-office.sqlite),
 * `OFFICE_MAX_BODY_MB` (the largest request, default 50).
 */
import * as Effect from "effect/Effect"
import { readFile } from "node:fs/promises"
import { storeConfigFromEnv } from "./hdnd.js"
import { start } from "./Server.js"
import { issueToken, loadStructure } from "./Setup.js"

const config = storeConfigFromEnv()
const server = await start(config, {
  port: Number(process.env.PORT ?? 3000),
  hostname: process.env.HOST ?? "127.0.0.1",
  maxBodyMiB: Number(process.env.OFFICE_MAX_BODY_MB ?? 50)
})
const where = config._tag === "sqlite" ? `SQLite ${config.filename}` : "PostgreSQL"

if (process.argv.includes("--demo")) {
  const structure = JSON.parse(await readFile(new URL("./demo-structure.json", import.meta.url), "utf8")) as { councils: ReadonlyArray<{ id: string }> }
  const existing = await Effect.runPromise(server.services.store.count("councils"))
  if (existing === 0) await loadStructure(server.services, structure)
  for (const council of structure.councils) {
    for (const role of ["reader", "clerk", "admin"] as const) {
      const t = await issueToken(server.services, { council: council.id, role, subject: `demo ${role}` })
      console.log(`${council.id} ${role}: ${t.token}`)
    }
  }
}
console.log(`Văn phòng HĐND — API đang chạy tại / council office API listening on ${server.url} (${where}); OpenAPI: ${server.url}/openapi.json`)

const stop = () => {
  server.close().then(() => process.exit(0), () => process.exit(1))
}
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
