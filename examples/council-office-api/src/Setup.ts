/**
 * What the operator of a deployment does outside the HTTP API: load the province's structure
 * (units, councils, terms, organs, sessions: usually once, from a JSON file in hdnd's batch format)
 * and issue each council's first admin token. Both are written to the audit log as `setup`.
 */
import * as Effect from "effect/Effect"
import * as Auth from "./Auth.js"
import type { Role } from "./Auth.js"
import { Dataset, decode, encodeRecord, Errors } from "./hdnd.js"
import { appendAudit } from "./OfficeDb.js"
import type { Services } from "./Server.js"

const decodeBatch = decode(Dataset.Batch, "Batch")

/** Loads a batch (its JSON form) as the operator: all or nothing, one audit entry per record written. */
export const loadStructure = (services: Services, json: unknown): Promise<{ readonly written: number }> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const batch = yield* Effect.fromResult(decodeBatch(json))
      return yield* services.store.transaction(
        Effect.gen(function* () {
          const existed = new Set<string>()
          for (const kind of Dataset.entityKinds) {
            for (const record of (batch[kind] ?? []) as ReadonlyArray<{ readonly id: string }>) {
              const found = yield* Effect.result(services.store.get(kind, record.id))
              if (found._tag === "Success") existed.add(`${kind}\u0000${record.id}`)
            }
          }
          yield* services.store.upsert(batch)
          let written = 0
          for (const kind of Dataset.entityKinds) {
            for (const record of (batch[kind] ?? []) as ReadonlyArray<{ readonly id: string; readonly council?: string }>) {
              written++
              yield* appendAudit(services.sql, {
                council: kind === "councils" ? record.id : record.council ?? "*",
                subject: "setup",
                token: "-",
                route: "setup",
                kind,
                id: record.id,
                action: existed.has(`${kind}\u0000${record.id}`) ? "update" : "insert",
                before: null,
                after: encodeRecord(kind, record)
              }).pipe(Effect.mapError((e) => new Errors.StoreError({ operation: "audit", vi: "không ghi được nhật ký", en: "cannot write the audit log", cause: e })))
            }
          }
          return { written }
        })
      )
    })
  )

/** Issues a token for a council that the store holds. */
export const issueToken = (services: Services, input: { readonly council: string; readonly role: Role; readonly subject: string }) =>
  Effect.runPromise(
    Effect.gen(function* () {
      yield* services.store.get("councils", input.council)
      return yield* services.db.withTransaction(Auth.issue(services.sql, input, { route: "setup" }))
    })
  )
