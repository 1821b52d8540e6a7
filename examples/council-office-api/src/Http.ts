/**
 * HTTP errors and responses: every failure becomes a JSON body `{ error: { code, vi, en, problems } }`
 * with the located problems hdnd reports, Vietnamese and English, and a status that says whose
 * fault it is (4xx: the request's, with nothing written; 5xx: the service's).
 */
import type { Errors } from "@hdnd/core"
import * as Schema from "effect/Schema"

/** A failure with its HTTP status, built by handlers. */
export class HttpError extends Schema.TaggedError<HttpError>("council-office/HttpError")("HttpError", {
  status: Schema.Number,
  code: Schema.String,
  vi: Schema.String,
  en: Schema.String,
  problems: Schema.Array(Schema.Unknown)
}) {
  override get message(): string {
    return `${this.vi} / ${this.en}`
  }
}

export const httpError = (status: number, code: string, vi: string, en: string, problems: ReadonlyArray<unknown> = []): HttpError =>
  new HttpError({ status, code, vi, en, problems })

/** A problem (hdnd's `Problem` or `ImportProblem`) as plain JSON, without absent fields. */
export const problemJson = (p: Errors.Problem | Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const k of ["entity", "id", "field", "code", "vi", "en", "file", "sheet", "row", "column", "header"]) {
    const v = (p as Record<string, unknown>)[k]
    if (v !== undefined) out[k] = v
  }
  return out
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } })

export const errorResponse = (e: HttpError): Response =>
  json(
    { error: { code: e.code, vi: e.vi, en: e.en, problems: e.problems.map((p) => problemJson(p as Record<string, unknown>)) } },
    e.status,
    e.status === 401 ? { "www-authenticate": 'Bearer realm="council-office"' } : {}
  )

interface Tagged {
  readonly _tag: string
  readonly [k: string]: unknown
}

/** hdnd's typed errors as HTTP errors. */
export const fromHdnd = (e: Tagged): HttpError => {
  switch (e._tag) {
    case "HttpError":
      return e as unknown as HttpError
    case "DecodeError":
      return httpError(400, "decode", `Dữ liệu ${String(e.entity)} không hợp lệ, chưa ghi gì`, `Invalid ${String(e.entity)} data, nothing was written`, e.problems as ReadonlyArray<unknown>)
    case "ValidationError":
      return httpError(422, "validation", "Dữ liệu không nhất quán, chưa ghi gì", "Inconsistent data, nothing was written", e.problems as ReadonlyArray<unknown>)
    case "NotFoundError":
      return notFound(String(e.entity), String(e.id))
    case "TabulationError":
      return httpError(400, String(e.code), String(e.vi), String(e.en))
    case "ReportError":
      return httpError(422, "report", `Không dựng được báo cáo theo mẫu ${String(e.template)}`, `Cannot render template ${String(e.template)}`, e.problems as ReadonlyArray<unknown>)
    case "ExportError":
      return httpError(500, "export", String(e.vi), String(e.en))
    case "StoreError":
      return httpError(500, "store", String(e.vi), String(e.en))
    default:
      return httpError(500, "internal", "Lỗi máy chủ", "Internal server error")
  }
}

/** The same answer for a record that does not exist and one of another council: nothing is revealed. */
export const notFound = (entity: string, id: string): HttpError =>
  httpError(404, "not-found", `Không tìm thấy ${entity} "${id}"`, `${entity} "${id}" not found`)

export const forbidden = (code: string, vi: string, en: string, problems: ReadonlyArray<unknown> = []): HttpError => httpError(403, code, vi, en, problems)
