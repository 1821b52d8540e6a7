/**
 * The OpenAPI 3.1 document, generated from the route list and the very schemas the routes decode
 * with (Effect's `SchemaRepresentation.toJsonSchemaMultiDocument`, JSON Schema draft 2020-12, which
 * OpenAPI 3.1 uses as is). Nothing here is written twice by hand.
 */
import * as Schema from "effect/Schema"
import * as SchemaRepresentation from "effect/SchemaRepresentation"
import type { Route } from "./Routes.js"
import { routes } from "./Routes.js"
import { ErrorBody } from "./Schemas.js"

const toRef = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(toRef)
  if (value === null || typeof value !== "object") return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : toRef(v)])
  )
}

const errorResponses = (r: Route) => {
  const ref = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }
  return {
    ...(r.body === undefined ? {} : { "400": { description: "Dữ liệu không đọc được / bad input", ...ref } }),
    ...(r.role === "none" ? {} : { "401": { description: "Thiếu hoặc sai mã truy cập / missing or bad token", ...ref } }),
    ...(r.role === "none" ? {} : { "403": { description: "Không đủ quyền, hoặc dữ liệu của HĐND khác / not allowed, or another council's data", ...ref } }),
    ...(r.path.includes("{") ? { "404": { description: "Không tìm thấy / not found", ...ref } } : {}),
    ...(r.method === "PUT" || r.method === "POST" ? { "422": { description: "Dữ liệu không nhất quán, chưa ghi gì / inconsistent data, nothing written", ...ref } } : {})
  }
}

/** Builds the document. */
export const openApiDocument = (): Record<string, unknown> => {
  const schemas: Array<Schema.Top> = [ErrorBody]
  const index = new Map<Schema.Top, number>()
  const add = (s: Schema.Top): number => {
    const found = index.get(s)
    if (found !== undefined) return found
    schemas.push(s)
    index.set(s, schemas.length - 1)
    return schemas.length - 1
  }
  const plan = routes.map((r) => ({
    route: r,
    body: r.body === undefined || r.body === "upload" ? undefined : add(r.body),
    response: "files" in r.response ? undefined : add(r.response as Schema.Top)
  }))
  const multi = SchemaRepresentation.toJsonSchemaMultiDocument(
    SchemaRepresentation.toRepresentations(schemas.map((s) => Schema.toCodecJson(s).ast) as [never, ...Array<never>]),
    { onExcessProperty: "error" }
  )
  const json = (i: number) => toRef(multi.schemas[i])
  const components: Record<string, unknown> = { ...(toRef(multi.definitions) as Record<string, unknown>), Error: json(0) }

  const paths: Record<string, Record<string, unknown>> = {}
  for (const { route: r, body, response } of plan) {
    const params = [
      ...[...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } })),
      ...(r.query ?? []).map((q) => ({ name: q.name, in: "query", required: false, description: q.description, schema: { type: q.type } }))
    ]
    const ok = "files" in r.response
      ? { description: "Tệp / file", content: Object.fromEntries(r.response.files.map((t) => [t, { schema: { type: "string", contentMediaType: t } }])) }
      : { description: "OK", content: { "application/json": { schema: json(response as number) } } }
    paths[r.path] = {
      ...paths[r.path],
      [r.method.toLowerCase()]: {
        operationId: `${r.method.toLowerCase()}${r.path.replace(/[{}]/g, "").replace(/[/.-](\w)/g, (_, c: string) => c.toUpperCase())}`,
        tags: [r.tag],
        summary: r.summary,
        ...(r.role === "none" ? { security: [] } : { description: `Vai trò tối thiểu / least role: \`${r.role}\`` }),
        ...(params.length === 0 ? {} : { parameters: params }),
        ...(r.body === "upload"
          ? {
              requestBody: {
                required: true,
                content: {
                  "multipart/form-data": {
                    schema: { type: "object", properties: { file: { type: "array", items: { type: "string", contentMediaType: "application/octet-stream" } } }, required: ["file"] }
                  }
                }
              }
            }
          : body === undefined
          ? {}
          : { requestBody: { required: true, content: { "application/json": { schema: json(body) } } } }),
        responses: { [String(r.status ?? 200)]: ok, ...errorResponses(r) }
      }
    }
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Văn phòng HĐND — API / Council office API",
      version: "0.0.0",
      description:
        "Hồ sơ, nhập tệp, tổng hợp, truy vết và báo cáo của một HĐND, trên thư viện hdnd. Mỗi mã truy cập thuộc đúng một HĐND. / Records, imports, tabulations, drill-down and reports of one council, over the hdnd library. Every token belongs to exactly one council."
    },
    security: [{ bearer: [] }],
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "hdnd_<id>_<secret>" } } }
  }
}
