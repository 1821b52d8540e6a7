/**
 * Test helpers for several store layers on one PostgreSQL schema (separate connection pools, like
 * separate processes), and a store layer with a registry of its own.
 */
import type { Errors, Registry, Store } from "@hdnd/core"
import { Database } from "@hdnd/store-sql"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { randomUUID } from "node:crypto"
import { PostgresStore } from "../../src/index.js"
import * as Client from "../../src/internal/client.js"
import { TEST_URL } from "./postgres.js"

/** A new schema name, unique to this test. */
export const newSchemaName = (): string => `hdnd_t_${randomUUID().replace(/-/g, "").slice(0, 16)}`

export interface SchemaLayerOptions {
  /** The schema; a new one when absent. */
  readonly schema?: string
  readonly registry?: Registry.Registry
  readonly maxConnections?: number
  /** Drop the schema when the layer is released. Default: true for a new schema, false otherwise. */
  readonly drop?: boolean
}

/** A store layer (with its own connection pool) on a schema. */
export const schemaLayer = (options: SchemaLayerOptions = {}): Layer.Layer<Store.Store | Database.Database, Errors.StoreError> => {
  const schema = options.schema ?? newSchemaName()
  const base = PostgresStore.layer({
    url: TEST_URL,
    schema,
    ...(options.registry === undefined ? {} : { registry: options.registry }),
    ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections })
  })
  if (!(options.drop ?? options.schema === undefined)) return base
  const dropper = Layer.effectDiscard(
    Effect.addFinalizer(() => Effect.flatMap(Database.Database, (sql) => sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).pipe(Effect.ignore))
  )
  return Layer.provideMerge(dropper, base)
}

/** Runs raw SQL on a connection of its own (no store: nothing is migrated). */
export const raw = <A, E>(f: (sql: Database.DatabaseService) => Effect.Effect<A, E>): Promise<A> =>
  Effect.runPromise(Effect.scoped(Effect.flatMap(Client.make({ url: TEST_URL, maxConnections: 1 }), f)))

/** Drops a schema (and everything in it). */
export const dropSchema = (schema: string): Promise<void> => raw((sql) => Effect.asVoid(sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)))
