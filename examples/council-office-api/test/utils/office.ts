/**
 * A running service for a test, over real HTTP on localhost: a fresh SQLite file (or a fresh
 * PostgreSQL schema), the demo structure (two councils, A = Sơn La, B = Điện Biên) and a reader,
 * a clerk and an admin token for each.
 */
import * as Schema from "effect/Schema"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Role } from "../../src/Auth.js"
import type { StoreConfig } from "../../src/hdnd.js"
import { start } from "../../src/Server.js"
import type { Running } from "../../src/Server.js"
import { issueToken, loadStructure } from "../../src/Setup.js"

export const A = "hdnd-tinh-son-la"
export const B = "hdnd-tinh-dien-bien"

export type Tokens = Readonly<Record<"A" | "B", Readonly<Record<Role, string>>>>

export interface Office {
  readonly server: Running
  readonly url: string
  readonly tokens: Tokens
  readonly call: (method: string, path: string, token: string | undefined, body?: unknown) => Promise<{ status: number; body: any; headers: Headers; bytes: Uint8Array }>
  readonly close: () => Promise<void>
  readonly file?: string
}

export const structure = JSON.parse(readFileSync(new URL("../../src/demo-structure.json", import.meta.url), "utf8"))

export const open = async (config?: StoreConfig, options: { readonly maxBodyMiB?: number } = {}): Promise<Office> => {
  const dir = config === undefined ? mkdtempSync(join(tmpdir(), "council-office-")) : undefined
  const file = dir === undefined ? undefined : join(dir, "office.sqlite")
  const server = await start(config ?? { _tag: "sqlite", filename: file as string }, { port: 0, ...options })
  await loadStructure(server.services, structure)
  const tokens: Record<string, Record<string, string>> = {}
  for (const [name, council] of [["A", A], ["B", B]] as const) {
    tokens[name] = {}
    for (const role of ["reader", "clerk", "admin"] as const) {
      tokens[name]![role] = (await issueToken(server.services, { council, role, subject: `${name}-${role}` })).token
    }
  }
  const call: Office["call"] = async (method, path, token, body) => {
    const headers: Record<string, string> = {}
    if (token !== undefined) headers.authorization = `Bearer ${token}`
    let payload: FormData | string | undefined
    if (body instanceof FormData) payload = body
    else if (typeof body === "string") {
      payload = body
      headers["content-type"] = "application/json"
    } else if (body !== undefined) {
      payload = JSON.stringify(body)
      headers["content-type"] = "application/json"
    }
    const res = await fetch(`${server.url}${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) })
    const bytes = new Uint8Array(await res.arrayBuffer())
    const type = res.headers.get("content-type") ?? ""
    return { status: res.status, headers: res.headers, bytes, body: type.startsWith("application/json") ? JSON.parse(new TextDecoder().decode(bytes)) : undefined }
  }
  return {
    server,
    url: server.url,
    tokens: tokens as unknown as Tokens,
    call,
    ...(file === undefined ? {} : { file }),
    close: async () => {
      await server.close()
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Decodes a response body with the route's response schema: the OpenAPI document's schemas are kept honest. */
export const conforms = (schema: Schema.Top, body: unknown): void => {
  Schema.decodeUnknownSync(Schema.toCodecJson(schema as Schema.Codec<unknown, unknown>) as Schema.Codec<unknown, unknown>, { errors: "all", onExcessProperty: "error" })(body)
}

/** Sample records of council A (`a`) and B (`b`), JSON, one per record route. */
export const activity = (id: string, council = A, title = "Giám sát việc thực hiện chính sách hỗ trợ nhà ở") => {
  const p = council === A ? "sl" : "db"
  return { id, council, kind: "supervision", mode: "thematic", owner: `${p}.hdnd`, organisers: [`${p}.ban-phap-che`], date: { from: "2023-05-02", to: "2023-05-20" }, title }
}

export const sample = (kind: string, council: string, id: string): Record<string, unknown> => {
  const p = council === A ? "sl" : "db"
  switch (kind) {
    case "councils":
      return structure.councils.find((c: { id: string }) => c.id === council)
    case "organs":
      return { id, council, kind: "committee", committeeKind: "van-hoa-xa-hoi", name: "Ban Văn hóa – Xã hội", validity: { from: "2021-05-23", to: "2026-03-14" } }
    case "sessions":
      return { id, council, term: `${council}.khoa-xv`, ordinal: 8, series: "regular", type: "regular", label: "Kỳ họp thứ 8", dates: { from: "2023-12-06", to: "2023-12-08" } }
    case "activities":
      return activity(id, council)
    case "tallies":
      return { id, council, indicator: "core/supervision", period: { from: "2023-01-01", to: "2023-06-30" }, value: 4, qualifier: "exact" }
    case "resolutions":
      return { id, council, session: `${p}.ky-hop-7`, number: "15/2023/NQ-HĐND", kind: "normative", adoptedOn: "2023-07-21", title: "Nghị quyết về dự toán ngân sách" }
    case "documents":
      return { id, council, type: "submission", session: `${p}.ky-hop-7`, number: "279/TTr-UBND", submitter: "UBND tỉnh", submittedOn: "2023-07-05", title: "Tờ trình dự toán ngân sách" }
    case "recommendations":
      return { id, council, kind: "recommendation", raisedBy: `${p}.ban-phap-che`, raisedOn: "2023-05-25", content: "Đề nghị đẩy nhanh tiến độ hỗ trợ nhà ở", field: "Xây dựng", level: "province", addressee: { kind: "people-committee", name: "UBND tỉnh" } }
    default:
      throw new Error(kind)
  }
}
