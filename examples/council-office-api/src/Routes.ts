/**
 * The list of routes, as data: method, path, the least role allowed, the request and response
 * schemas. The server mounts exactly these (and refuses to start if one has no handler), the
 * OpenAPI document is generated from them, and the tests walk them: a route added here without a
 * cross-council test fails the suite.
 */
import { TabulationRequest } from "@hdnd/core"
import type * as Schema from "effect/Schema"
import type { Role } from "./Auth.js"
import type { RecordKind } from "./hdnd.js"
import { Dataset, recordKinds, schemaOf } from "./hdnd.js"
import * as S from "./Schemas.js"

export type Method = "GET" | "POST" | "PUT" | "DELETE"

export interface QueryParam {
  readonly name: string
  readonly description: string
  readonly type: "string" | "integer"
}

export interface Route {
  readonly method: Method
  /** OpenAPI style: `/activities/{id}`. */
  readonly path: string
  /** The least role allowed; `none` for the one unauthenticated route (`/health`, which holds no data). */
  readonly role: Role | "none"
  readonly tag: string
  readonly summary: string
  readonly body?: Schema.Top | "upload"
  readonly query?: ReadonlyArray<QueryParam>
  /** A JSON response schema, or the media types of a file download. */
  readonly response: Schema.Top | { readonly files: ReadonlyArray<string> }
  readonly status?: number
}

/** `GET /activities/{id}`: how tests and handlers name a route. */
export const keyOf = (r: Pick<Route, "method" | "path">): string => `${r.method} ${r.path}`

const period: ReadonlyArray<QueryParam> = [
  { name: "from", type: "string", description: "từ ngày (YYYY-MM-DD) / from date" },
  { name: "to", type: "string", description: "đến ngày (YYYY-MM-DD) / to date" }
]

const labels: Readonly<Record<RecordKind, string>> = {
  councils: "HĐND / councils",
  organs: "cơ quan của HĐND / organs",
  sessions: "kỳ họp / sessions",
  activities: "hoạt động / activities",
  tallies: "số liệu tổng hợp / tallies",
  resolutions: "nghị quyết / resolutions",
  documents: "văn bản trình / documents",
  recommendations: "kiến nghị / recommendations"
}

const recordRoutes = (kind: RecordKind): ReadonlyArray<Route> => {
  const schema = schemaOf(kind) as unknown as Schema.Top
  return [
    { method: "GET", path: `/${kind}`, role: "reader", tag: "records", summary: `Danh sách ${labels[kind]} của HĐND mình / list`, query: kind === "councils" || kind === "organs" ? [] : period, response: S.ListResponse(schema) },
    { method: "GET", path: `/${kind}/{id}`, role: "reader", tag: "records", summary: `Một bản ghi ${labels[kind]} / get one`, response: schema },
    {
      method: "PUT",
      path: `/${kind}/{id}`,
      role: "clerk",
      tag: "records",
      summary: `Tạo hoặc sửa ${labels[kind]} (${Dataset.entityNames[kind]}) / create or update`,
      body: schema,
      response: S.UpsertResponse(schema)
    }
  ]
}

export const routes: ReadonlyArray<Route> = [
  { method: "GET", path: "/health", role: "none", tag: "service", summary: "Dịch vụ đang chạy (không có dữ liệu) / liveness, no data", response: S.Health },
  { method: "GET", path: "/openapi.json", role: "reader", tag: "service", summary: "Tài liệu OpenAPI 3.1 / the OpenAPI 3.1 document", response: { files: ["application/json"] } },
  { method: "GET", path: "/me", role: "reader", tag: "service", summary: "Mã truy cập đang dùng / the calling token", response: S.Me },
  ...recordKinds.flatMap(recordRoutes),
  {
    method: "POST",
    path: "/imports",
    role: "clerk",
    tag: "imports",
    summary: "Nhập tệp CSV, XLSX hoặc JSON (multipart, trường `file`, có thể nhiều tệp): tất cả hoặc không / import files, all or nothing",
    body: "upload",
    query: [{ name: "entity", type: "string", description: "loại bản ghi của mọi tệp, nếu tên tệp không nói / the entity of every file" }],
    response: S.ImportResponse
  },
  { method: "POST", path: "/tabulations", role: "reader", tag: "figures", summary: "Tổng hợp số liệu / tabulate", body: TabulationRequest.TabulationRequest, response: S.TabulationJson },
  {
    method: "POST",
    path: "/drill-down",
    role: "reader",
    tag: "figures",
    summary: "Các hồ sơ đứng sau một số liệu / the records behind a figure",
    body: S.DrillDownRequest,
    response: S.DrillDown
  },
  { method: "GET", path: "/templates", role: "reader", tag: "reports", summary: "Các mẫu báo cáo / report templates", response: S.ListResponse(S.TemplateInfo) },
  {
    method: "POST",
    path: "/reports",
    role: "reader",
    tag: "reports",
    summary: "Tải báo cáo DOCX, XLSX hoặc HTML / download a report",
    body: S.ReportRequest,
    response: { files: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/html"] }
  },
  {
    method: "GET",
    path: "/audit",
    role: "admin",
    tag: "admin",
    summary: "Nhật ký kiểm toán của HĐND mình / the council's audit log",
    query: [
      { name: "after", type: "integer", description: "sau số thứ tự / after this sequence number" },
      { name: "limit", type: "integer", description: "tối đa (mặc định 100, tối đa 1000) / at most (default 100, max 1000)" }
    ],
    response: S.ListResponse(S.AuditEntry)
  },
  { method: "GET", path: "/tokens", role: "admin", tag: "admin", summary: "Các mã truy cập của HĐND mình / the council's tokens", response: S.ListResponse(S.TokenInfo) },
  { method: "POST", path: "/tokens", role: "admin", tag: "admin", summary: "Cấp mã truy cập cho HĐND mình / issue a token", body: S.TokenRequest, response: S.TokenCreated, status: 201 },
  { method: "DELETE", path: "/tokens/{id}", role: "admin", tag: "admin", summary: "Thu hồi mã truy cập / revoke a token", response: S.TokenInfo }
]
