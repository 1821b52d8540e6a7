/**
 * The store as one council's staff see it. Every write goes through {@link auditedUpsert}: inside
 * one store transaction (which takes the write lock first, so concurrent writers queue), it checks
 * that every record belongs to the caller's council and that no record of that id belongs to
 * another council, reads what each record was, writes the batch, and appends one audit entry per
 * record that changed. Any failure rolls all of it back: the records and their audit entries.
 *
 * {@link scopedStore} wraps a store so that an import job (`@hdnd/import`) runs through the same
 * checks and audit, and sees only the caller's council among councils and their records.
 */
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import type { Principal } from "./Auth.js"
import type { RecordKind } from "./hdnd.js"
import { Dataset, Errors, encodeRecord, Store } from "./hdnd.js"
import type { Sql } from "./OfficeDb.js"
import { appendAudit } from "./OfficeDb.js"

/** Kinds whose records carry a `council` field (and `councils`, whose id is the council). */
const COUNCIL_KINDS: ReadonlySet<Dataset.EntityKind> = new Set([
  "councils",
  "terms",
  "organs",
  "sessions",
  "meetings",
  "activities",
  "tallies",
  "recommendations",
  "programmes",
  "resolutions",
  "documents"
])

const ownerOf = (kind: Dataset.EntityKind, record: { readonly id: string; readonly council?: string }): string | undefined =>
  kind === "councils" ? record.id : record.council

const problem = (kind: Dataset.EntityKind, id: string, field: string, code: string, vi: string, en: string) =>
  Errors.problem({ entity: Dataset.entityNames[kind], id, field, code, vi, en })

/** What one write did, per record. */
export interface Written {
  readonly result: Store.UpsertResult
  readonly changed: number
}

/**
 * Writes a batch for a principal, all or nothing, with the checks and the audit entries described
 * above. Fails with `ValidationError` (nothing written) when a record is not the council's to write.
 */
export const auditedUpsert = (
  store: Store.StoreService,
  sql: Sql,
  principal: Principal,
  route: string,
  batch: Dataset.Batch
): Effect.Effect<Written, Errors.ValidationError | Errors.StoreError> =>
  store.transaction(
    Effect.gen(function* () {
      const problems: Array<Errors.Problem> = []
      const before = new Map<string, unknown>()
      const entries: Array<readonly [Dataset.EntityKind, { readonly id: string; readonly council?: string }]> = []
      for (const kind of Dataset.entityKinds) {
        for (const record of (batch[kind] ?? []) as ReadonlyArray<{ readonly id: string; readonly council?: string }>) entries.push([kind, record])
      }
      for (const [kind, record] of entries) {
        if (!COUNCIL_KINDS.has(kind)) {
          problems.push(
            problem(kind, record.id, "", "office.structure",
              "loại bản ghi này không ghi qua dịch vụ này (đơn vị hành chính và sắp xếp do người vận hành nạp; trả lời, đánh giá, nội dung chương trình không mang mã HĐND để kiểm quyền)",
              "records of this kind are not written through this service (units and lineage are loaded by the operator; responses, evaluations and programme items carry no council to check access against)")
          )
          continue
        }
        if (ownerOf(kind, record) !== principal.council) {
          problems.push(
            problem(kind, record.id, kind === "councils" ? "id" : "council", "office.other-council",
              `chỉ được ghi hồ sơ của ${principal.council}; bản ghi này thuộc ${ownerOf(kind, record) ?? "(không rõ)"}`,
              `you may write records of ${principal.council} only; this one belongs to ${ownerOf(kind, record) ?? "(none)"}`)
          )
          continue
        }
        const found = yield* Effect.result(store.get(kind, record.id))
        if (found._tag === "Failure") {
          if (found.failure._tag === "StoreError") return yield* Effect.fail(found.failure)
          continue
        }
        const stored = found.success as unknown as { readonly id: string; readonly council?: string; readonly unit?: string }
        if (ownerOf(kind, stored) !== principal.council) {
          problems.push(
            problem(kind, record.id, "id", "office.id-taken", "mã này đã được một HĐND khác dùng; hãy chọn mã khác", "this id is used by another council's record; choose another id")
          )
          continue
        }
        if (kind === "councils" && (record as { readonly unit?: string }).unit !== stored.unit) {
          problems.push(
            problem(kind, record.id, "unit", "office.council-unit", "không được đổi đơn vị hành chính của HĐND", "a council's administrative unit cannot be changed here")
          )
          continue
        }
        before.set(`${kind}\u0000${record.id}`, encodeRecord(kind, stored))
      }
      if (problems.length > 0) return yield* Effect.fail(new Errors.ValidationError({ problems }))
      const result = yield* store.upsert(batch)
      let changed = 0
      for (const [kind, record] of entries) {
        const after = encodeRecord(kind, yield* Effect.orDie(store.get(kind, record.id)))
        const was = before.get(`${kind}\u0000${record.id}`)
        if (was !== undefined && JSON.stringify(was) === JSON.stringify(after)) continue
        changed++
        yield* appendAudit(sql, {
          council: principal.council,
          subject: principal.subject,
          token: principal.token,
          route,
          kind,
          id: record.id,
          action: was === undefined ? "insert" : "update",
          before: was ?? null,
          after
        }).pipe(Effect.mapError((e) => new Errors.StoreError({ operation: "audit", vi: "không ghi được nhật ký kiểm toán", en: "cannot write the audit log", cause: e })))
      }
      return { result, changed }
    })
  )

/** The records of a kind that belong to the principal's council. */
export const streamOwn = <K extends RecordKind>(
  store: Store.StoreService,
  principal: Principal,
  kind: K,
  filter: Store.StreamFilter = {}
): Stream.Stream<Store.EntityOf<K>, Errors.StoreError> =>
  kind === "councils"
    ? Stream.filter(store.stream(kind), (c) => (c as { readonly id: string }).id === principal.council)
    : store.stream(kind, { ...filter, councils: [principal.council as never] })

/**
 * A store for an import job run by a principal: writes go through {@link auditedUpsert}; reads of
 * councils and council records show the principal's council only (so names resolve within it).
 */
export const scopedStore = (store: Store.StoreService, sql: Sql, principal: Principal, route: string): Store.StoreService => ({
  ...store,
  upsert: (batch) => Effect.map(auditedUpsert(store, sql, principal, route, batch), (w) => w.result),
  stream: ((kind: Dataset.EntityKind, filter?: Store.StreamFilter) =>
    kind === "councils"
      ? Stream.filter(store.stream(kind, filter), (c) => (c as { readonly id: string }).id === principal.council)
      : COUNCIL_KINDS.has(kind)
      ? store.stream(kind, { ...filter, councils: [principal.council as never] })
      : store.stream(kind, filter)) as Store.StoreService["stream"]
})
