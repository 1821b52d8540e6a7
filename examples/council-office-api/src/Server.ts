/**
 * The service: a Hono app over the route list, and a Node HTTP server for it. `start` opens the
 * store (SQLite or PostgreSQL), creates the service's tables, mounts every route with its handler,
 * authenticates each request and checks its role, and listens.
 */
import { serve } from "@hono/node-server"
import type { ServerType } from "@hono/node-server"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import type { AddressInfo } from "node:net"
import * as Auth from "./Auth.js"
import type { Principal } from "./Auth.js"
import { handlers } from "./Handlers.js"
import type { StoreConfig } from "./hdnd.js"
import { Database, Store, storeLayer } from "./hdnd.js"
import { errorResponse, fromHdnd, httpError, HttpError, json } from "./Http.js"
import type { Sql } from "./OfficeDb.js"
import { makeSql, migrate } from "./OfficeDb.js"
import { openApiDocument } from "./OpenApi.js"
import { keyOf, routes } from "./Routes.js"

/** The opened store, its database and the service's tables. */
export interface Services {
  readonly store: Store.StoreService
  readonly db: Database.DatabaseService
  readonly sql: Sql
  readonly close: () => Promise<void>
}

/** Opens the store and creates the service's tables. */
export const open = async (config: StoreConfig): Promise<Services> => {
  const runtime = ManagedRuntime.make(storeLayer(config))
  try {
    const { store, db } = await runtime.runPromise(
      Effect.gen(function* () {
        return { store: yield* Store.Store, db: yield* Database.Database }
      })
    )
    const sql = makeSql(db, config._tag === "sqlite" ? "sqlite" : "pg", config._tag === "postgres" ? config.schema : undefined)
    await Effect.runPromise(db.withTransaction(migrate(sql)))
    return { store, db, sql, close: () => runtime.dispose() }
  } catch (e) {
    await runtime.dispose()
    throw e
  }
}

const run = async (effect: Effect.Effect<Response, unknown>): Promise<Response> => {
  const exit = await Effect.runPromiseExit(effect)
  if (Exit.isSuccess(exit)) return exit.value
  const failure = Cause.findErrorOption(exit.cause)
  if (failure._tag === "Some" && typeof failure.value === "object" && failure.value !== null && "_tag" in failure.value) {
    const e = fromHdnd(failure.value as { _tag: string })
    if (e.status >= 500) console.error(Cause.pretty(exit.cause))
    return errorResponse(e)
  }
  console.error(Cause.pretty(exit.cause))
  return errorResponse(httpError(500, "internal", "Lỗi máy chủ", "Internal server error"))
}

const bearerOf = (header: string | undefined): string | undefined => {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "")
  return m?.[1]
}

/** The Hono app over opened services. */
export const makeApp = (services: Services, options: { readonly maxBodyMiB?: number } = {}): Hono => {
  const app = new Hono()
  const openApi = openApiDocument()
  const maxMiB = options.maxBodyMiB ?? 50
  app.use(
    "*",
    bodyLimit({
      maxSize: maxMiB * 1024 * 1024,
      onError: () => errorResponse(httpError(413, "too-large", `Yêu cầu lớn hơn ${maxMiB} MB, chưa ghi gì`, `The request is larger than ${maxMiB} MB, nothing was written`))
    })
  )
  for (const route of routes) {
    const handler = handlers[keyOf(route)]
    if (handler === undefined) throw new Error(`no handler for ${keyOf(route)}`)
    const path = route.path.replace(/\{(\w+)\}/g, ":$1")
    app.on(route.method, path, (c) =>
      run(
        Effect.gen(function* () {
          let principal: Principal | undefined
          if (route.role !== "none") {
            const bearer = bearerOf(c.req.header("authorization"))
            if (bearer === undefined) return yield* Effect.fail(httpError(401, "auth.missing", "Thiếu mã truy cập (Authorization: Bearer …)", "Missing token (Authorization: Bearer …)"))
            principal = yield* Auth.authenticate(services.sql, bearer).pipe(Effect.mapError(() => httpError(500, "store", "Lỗi cơ sở dữ liệu", "Database error")))
            if (principal === undefined) return yield* Effect.fail(httpError(401, "auth.invalid", "Mã truy cập không đúng hoặc đã bị thu hồi", "The token is unknown or revoked"))
            if (!Auth.allows(principal.role, route.role)) {
              return yield* Effect.fail(
                httpError(403, "auth.role", `Cần vai trò ${route.role}; mã này là ${principal.role}`, `This needs the ${route.role} role; the token is ${principal.role}`)
              )
            }
          }
          return yield* handler({ c, route, principal: principal as Principal, store: services.store, db: services.db, sql: services.sql, openApi })
        })
      )
    )
  }
  app.notFound(() => errorResponse(httpError(404, "route", "Không có đường dẫn này", "No such route")))
  app.onError((e) => {
    console.error(e)
    return e instanceof HttpError ? errorResponse(e) : json({ error: { code: "internal", vi: "Lỗi máy chủ", en: "Internal server error", problems: [] } }, 500)
  })
  return app
}

/** A running server. */
export interface Running {
  readonly url: string
  readonly port: number
  readonly services: Services
  readonly close: () => Promise<void>
}

/** Opens the store and listens (port 0: any free port); requests larger than `maxBodyMiB` (50) get 413. */
export const start = async (
  config: StoreConfig,
  options: { readonly port?: number; readonly hostname?: string; readonly maxBodyMiB?: number } = {}
): Promise<Running> => {
  const services = await open(config)
  const app = makeApp(services, options.maxBodyMiB === undefined ? {} : { maxBodyMiB: options.maxBodyMiB })
  const hostname = options.hostname ?? "127.0.0.1"
  const { server, info } = await new Promise<{ server: ServerType; info: AddressInfo }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 3000, hostname }, (info) => resolve({ server, info }))
  })
  return {
    url: `http://${hostname}:${info.port}`,
    port: info.port,
    services,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await services.close()
    }
  }
}
