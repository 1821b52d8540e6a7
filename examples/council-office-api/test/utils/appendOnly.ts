import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import { expect } from "vitest"
import type { Office } from "./office.js"

/** Through the service's own database connection: entries can be added, never changed or removed. */
export const appendOnlyThroughService = async (office: Office) => {
  const { sql } = office.server.services
  const count = async () => Number((await Effect.runPromise(sql.query<{ n: unknown }>("SELECT COUNT(*) AS n FROM office_audit")))[0]!.n)
  const n = await count()
  expect(n).toBeGreaterThan(0)
  for (const statement of ["UPDATE office_audit SET subject = 'x'", "DELETE FROM office_audit", ...(sql.dialect === "pg" ? ["TRUNCATE office_audit"] : [])]) {
    const exit = await Effect.runPromiseExit(sql.query(statement))
    expect(exit._tag, statement).toBe("Failure")
    const texts: Array<string> = []
    const walk = (e: unknown, depth = 0): void => {
      if (e === null || typeof e !== "object" || depth > 8) return
      const o = e as { message?: unknown; code?: unknown; cause?: unknown }
      texts.push(String(o.message ?? ""), String(o.code ?? ""))
      walk(o.cause, depth + 1)
    }
    if (exit._tag === "Failure") walk(Cause.squash(exit.cause))
    // SQLite names the trigger's abort by its code; PostgreSQL carries the trigger's message.
    expect(texts.join(" "), statement).toMatch(/append-only|SQLITE_CONSTRAINT_TRIGGER/)
  }
  expect(await count()).toBe(n)
}
