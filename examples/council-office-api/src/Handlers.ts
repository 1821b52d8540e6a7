/**
 * One handler per route of `Routes.ts`, keyed by `"METHOD /path"`. Each returns an Effect that
 * succeeds with a `Response` or fails with a typed error that `Http.fromHdnd` turns into a 4xx/5xx
 * JSON body. Council scoping happens here and in `OfficeStore.ts`: reads filter by the token's
 * council, another council's record answers 404, and writes of another council's data fail with
 * 403 before anything is written.
 */
import { CalendarDate, Ids, TabulationRequest } from "@hdnd/core"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import type { Context } from "hono"
import * as Auth from "./Auth.js"
import type { Principal } from "./Auth.js"
import type { RecordKind } from "./hdnd.js"
import { councilOf, Database, Dataset, Errors, decode, decodeRecord, encodeRecord, exportReport, Import, recordKinds, renderReport, Store, Tabulation, tabulationJson } from "./hdnd.js"
import { forbidden, httpError, HttpError, json, notFound, problemJson } from "./Http.js"
import type { Sql } from "./OfficeDb.js"
import { readAudit } from "./OfficeDb.js"
import { auditedUpsert, scopedStore, streamOwn } from "./OfficeStore.js"
import { keyOf } from "./Routes.js"
import type { Route } from "./Routes.js"
import * as S from "./Schemas.js"

/** What a handler gets. */
export interface HandlerContext {
  readonly c: Context
  readonly route: Route
  /** The caller (for the unauthenticated `/health`, a placeholder that the handler does not read). */
  readonly principal: Principal
  readonly store: Store.StoreService
  readonly db: Database.DatabaseService
  readonly sql: Sql
  readonly openApi: Record<string, unknown>
}

export type Handler = (ctx: HandlerContext) => Effect.Effect<Response, unknown>

const body = (c: Context): Effect.Effect<unknown, HttpError> =>
  Effect.tryPromise({
    try: () => c.req.json(),
    catch: () => httpError(400, "json", "Nội dung yêu cầu không phải JSON hợp lệ", "The request body is not valid JSON")
  })

const decoded = <A, I>(schema: import("effect/Schema").Codec<A, I>, entity: string, input: unknown) =>
  Effect.fromResult(decode(schema, entity)(input))

const sqlFailure = Effect.mapError((e: Database.SqlError) => httpError(500, "store", "Lỗi cơ sở dữ liệu", `Database error: ${e.message}`))

/** A tabulation scope is allowed only when it names the token's council and no other. */
const checkScope = (principal: Principal, scope: TabulationRequest.Scope): Effect.Effect<void, HttpError> =>
  scope._tag === "Councils" && scope.councils.length > 0 && scope.councils.every((c) => c === principal.council)
    ? Effect.void
    : Effect.fail(
        forbidden(
          "office.scope",
          `Mã truy cập chỉ được tổng hợp số liệu của ${principal.council}: dùng phạm vi { "_tag": "Councils", "councils": ["${principal.council}"] }`,
          `This token may tabulate ${principal.council} only: use the scope { "_tag": "Councils", "councils": ["${principal.council}"] }`,
          [{ entity: "TabulationRequest", field: "scope", code: "office.scope", vi: `chỉ ${principal.council}`, en: `${principal.council} only` }]
        )
      )

const periodFilter = (c: Context): Effect.Effect<Store.StreamFilter, unknown> => {
  const from = c.req.query("from")
  const to = c.req.query("to")
  if (from === undefined && to === undefined) return Effect.succeed({})
  return Effect.map(
    decoded(CalendarDate.DateRange, "Query", { from: from ?? "0001-01-01", ...(to === undefined ? {} : { to }) }),
    (period) => ({ period })
  )
}

const recordHandlers = (kind: RecordKind): Record<string, Handler> => ({
  [`GET /${kind}`]: ({ c, store, principal }) =>
    Effect.gen(function* () {
      const filter = yield* periodFilter(c)
      const items = yield* Stream.runCollect(streamOwn(store, principal, kind, filter))
      return json({ items: items.map((r) => encodeRecord(kind, r)) })
    }),
  [`GET /${kind}/{id}`]: ({ c, store, principal }) =>
    Effect.gen(function* () {
      const id = c.req.param("id") ?? ""
      const record = yield* store.get(kind, id)
      if (councilOf(kind, record) !== principal.council) return yield* Effect.fail(notFound(kind, id))
      return json(encodeRecord(kind, record))
    }),
  [`PUT /${kind}/{id}`]: ({ c, store, sql, principal, route }) =>
    Effect.gen(function* () {
      const id = c.req.param("id") ?? ""
      const record = yield* Effect.fromResult(decodeRecord(kind, yield* body(c)))
      if (record.id !== id) {
        return yield* Effect.fail(
          httpError(400, "office.id-mismatch", "Mã trong đường dẫn và trong nội dung khác nhau, chưa ghi gì", "The id in the path and in the body differ, nothing was written", [
            { entity: kind, id: record.id, field: "id", code: "office.id-mismatch", vi: `đường dẫn nói "${id}"`, en: `the path says "${id}"` }
          ])
        )
      }
      const owner = councilOf(kind, record)
      if (owner !== principal.council) {
        return yield* Effect.fail(
          forbidden("office.other-council", `Chỉ được ghi hồ sơ của ${principal.council}, chưa ghi gì`, `You may write records of ${principal.council} only, nothing was written`, [
            { entity: kind, id, field: kind === "councils" ? "id" : "council", code: "office.other-council", vi: `bản ghi thuộc ${owner}`, en: `the record belongs to ${owner}` }
          ])
        )
      }
      const written = yield* auditedUpsert(store, sql, principal, keyOf(route), { [kind]: [record] }).pipe(
        Effect.catchTag("ValidationError", (e): Effect.Effect<never, HttpError | Errors.ValidationError> =>
          e.problems.some((p) => p.code.startsWith("office."))
            ? Effect.fail(forbidden("office.forbidden", "Không được ghi bản ghi này, chưa ghi gì", "You may not write this record, nothing was written", e.problems))
            : Effect.fail(e)
        )
      )
      const stored = yield* store.get(kind, id)
      return json({ record: encodeRecord(kind, stored), ...written.result, audited: written.changed })
    })
})

export const handlers: Readonly<Record<string, Handler>> = {
  "GET /health": () => Effect.succeed(json({ ok: true })),
  "GET /openapi.json": ({ openApi }) => Effect.succeed(json(openApi)),
  "GET /me": ({ principal }) => Effect.succeed(json({ council: principal.council, role: principal.role, subject: principal.subject, token: principal.token })),
  ...Object.assign({}, ...recordKinds.map(recordHandlers)),

  "POST /imports": ({ c, store, sql, principal, route }) =>
    Effect.gen(function* () {
      const form = yield* Effect.tryPromise({
        try: () => c.req.parseBody({ all: true }),
        catch: () => httpError(400, "upload", "Cần gửi tệp dạng multipart/form-data, trường `file`", "Send the files as multipart/form-data, field `file`")
      })
      const raw = form.file
      const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((f): f is File => typeof f !== "string")
      if (files.length === 0) return yield* Effect.fail(httpError(400, "upload", "Không có tệp nào trong trường `file`", "No file in the field `file`"))
      const entity = c.req.query("entity")
      if (entity !== undefined && !(Dataset.entityKinds as ReadonlyArray<string>).includes(entity)) {
        return yield* Effect.fail(
          httpError(400, "query", `Loại bản ghi không có: ${entity}; dùng một trong ${Dataset.entityKinds.join(", ")}`, `Unknown entity ${entity}; use one of ${Dataset.entityKinds.join(", ")}`)
        )
      }
      const inputs = yield* Effect.promise(() => Promise.all(files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) }))))
      const scoped = scopedStore(store, sql, principal, keyOf(route))
      const summary = yield* Import.run(inputs, {
        mode: "all-or-nothing",
        council: principal.council,
        ...(entity === undefined ? {} : { entity: entity as never })
      }).pipe(Effect.provideService(Store.Store, scoped))
      const out = {
        committed: summary.committed,
        rows: summary.rows,
        rejected: summary.rejected,
        inserted: summary.inserted,
        updated: summary.updated,
        unchanged: summary.unchanged,
        problemCount: summary.problemCount,
        problems: summary.problems.map(problemJson)
      }
      if (!summary.committed) {
        return yield* Effect.fail(
          httpError(422, "import", `Tệp có ${summary.problemCount} lỗi, chưa ghi gì`, `The files have ${summary.problemCount} problem(s), nothing was written`, summary.problems)
        )
      }
      return json(out)
    }),

  "POST /tabulations": ({ c, store, principal }) =>
    Effect.gen(function* () {
      const request = yield* decoded(TabulationRequest.TabulationRequest, "TabulationRequest", yield* body(c))
      yield* checkScope(principal, request.scope)
      return json(tabulationJson(yield* store.tabulate(request)))
    }),

  "POST /drill-down": ({ c, store, principal }) =>
    Effect.gen(function* () {
      const input = yield* decoded(S.DrillDownRequest, "DrillDownRequest", yield* body(c))
      yield* checkScope(principal, input.request.scope)
      const tab = yield* store.tabulate({ ...input.request, trace: true })
      const selector = (input.selector ?? {}) as Tabulation.Selector
      const ids = Tabulation.recordsOf(tab, input.indicator, selector)
      const own = <K extends "activities" | "tallies">(kind: K, list: ReadonlyArray<string>) =>
        Effect.forEach(list, (id) => store.get(kind, id)).pipe(Effect.map((rs) => rs.filter((r) => r.council === principal.council).map((r) => encodeRecord(kind, r))))
      return json({
        indicator: input.indicator,
        value: Tabulation.valueOf(tab, input.indicator, selector).value,
        activities: yield* own("activities", ids.activities),
        tallies: yield* own("tallies", ids.tallies)
      })
    }),

  "GET /templates": ({ store }) =>
    Effect.succeed(json({ items: [...store.registry.templates.values()].map((t) => ({ id: t.id, vi: t.vi, en: t.en })).sort((a, b) => (a.id < b.id ? -1 : 1)) })),

  "POST /reports": ({ c, store, principal }) =>
    Effect.gen(function* () {
      const input = yield* decoded(S.ReportRequest, "ReportRequest", yield* body(c))
      const scope = input.scope ?? TabulationRequest.councils([Ids.CouncilId.make(principal.council)])
      yield* checkScope(principal, scope)
      const doc = yield* renderReport(store, input.template, { scope, period: input.period }, {
        ...(input.date === undefined ? {} : { date: input.date }),
        ...(input.number === undefined ? {} : { number: input.number })
      })
      const out = yield* exportReport(doc, input.format)
      return new Response(out.bytes as Uint8Array<ArrayBuffer>, {
        headers: {
          "content-type": out.mediaType.startsWith("text/") ? `${out.mediaType}; charset=utf-8` : out.mediaType,
          "content-disposition": `attachment; filename="bao-cao.${out.extension}"`
        }
      })
    }),

  "GET /audit": ({ c, sql, principal }) =>
    Effect.gen(function* () {
      const int = (name: string, fallback: number, max: number) => {
        const v = c.req.query(name)
        const n = v === undefined ? fallback : Number(v)
        return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : undefined
      }
      const after = int("after", 0, Number.MAX_SAFE_INTEGER)
      const limit = int("limit", 100, 1000)
      if (after === undefined || limit === undefined) {
        return yield* Effect.fail(httpError(400, "query", "`after` và `limit` phải là số nguyên không âm", "`after` and `limit` must be non-negative integers"))
      }
      return json({ items: yield* readAudit(sql, principal.council, after, limit).pipe(sqlFailure) })
    }),

  "GET /tokens": ({ sql, principal }) => Effect.map(Auth.list(sql, principal.council).pipe(sqlFailure), (items) => json({ items })),

  "POST /tokens": ({ c, db, sql, principal, route }) =>
    Effect.gen(function* () {
      const input = yield* decoded(S.TokenRequest, "TokenRequest", yield* body(c))
      const created = yield* db.withTransaction(Auth.issue(sql, { council: principal.council, role: input.role, subject: input.subject.normalize("NFC") }, { principal, route: keyOf(route) })).pipe(sqlFailure)
      return json(created, 201)
    }),

  "DELETE /tokens/{id}": ({ c, db, sql, principal, route }) =>
    Effect.gen(function* () {
      const id = c.req.param("id") ?? ""
      const revoked = yield* db.withTransaction(Auth.revoke(sql, principal, id, keyOf(route))).pipe(sqlFailure)
      if (revoked === undefined) return yield* Effect.fail(notFound("Token", id))
      return json(revoked)
    })
}
