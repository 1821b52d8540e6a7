/**
 * Everything this service takes from hdnd, in one place: which store to open, the record schemas,
 * decoding, tabulation results as JSON, report rendering and the exporters, and import jobs. The
 * rest of the service talks to this module only, so that moving to hdnd's Promise API (or a new
 * store) changes this file and nothing else.
 *
 * It uses hdnd's Effect API through the packages' public exports, as any app would.
 */
import { Dataset, Errors, Registry, Report, Store, Tabulation } from "@hdnd/core"
import type { ReportDocument, Exporter } from "@hdnd/core"
import { DocxExporter } from "@hdnd/export-docx"
import { HtmlExporter } from "@hdnd/export-html"
import { XlsxExporter } from "@hdnd/export-xlsx"
import { Import } from "@hdnd/import"
import { PostgresStore } from "@hdnd/store-postgres"
import { Database } from "@hdnd/store-sql"
import { SqliteStore } from "@hdnd/store-sqlite"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

export { Database, Dataset, Errors, Import, Registry, Report, Store, Tabulation }

/** Where the records live: a SQLite file (the default) or a PostgreSQL database. */
export type StoreConfig =
  | { readonly _tag: "sqlite"; readonly filename: string }
  | { readonly _tag: "postgres"; readonly url: string; readonly schema?: string }

/** The store from the environment: `HDND_DATABASE_URL` selects PostgreSQL, else `HDND_SQLITE_FILE`. */
export const storeConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): StoreConfig => {
  const url = env.HDND_DATABASE_URL
  if (url !== undefined && url !== "") {
    const schema = env.HDND_DATABASE_SCHEMA
    return { _tag: "postgres", url, ...(schema === undefined || schema === "" ? {} : { schema }) }
  }
  return { _tag: "sqlite", filename: env.HDND_SQLITE_FILE ?? "council-office.sqlite" }
}

/** The store and its database (for the service's own tables: tokens and the audit log). */
export const storeLayer = (config: StoreConfig): Layer.Layer<Store.Store | Database.Database, Errors.StoreError> =>
  config._tag === "sqlite"
    ? SqliteStore.layer({ filename: config.filename })
    : PostgresStore.layer({ url: config.url, ...(config.schema === undefined ? {} : { schema: config.schema }) })

/** The record collections this service offers, each with its schema. */
export const recordKinds = ["councils", "organs", "sessions", "activities", "tallies", "resolutions", "documents", "recommendations"] as const
export type RecordKind = (typeof recordKinds)[number]

export const schemaOf = <K extends Dataset.EntityKind>(kind: K): (typeof Dataset.entitySchemas)[K] => Dataset.entitySchemas[kind]

/** The council a record belongs to (a council is its own). */
export const councilOf = (kind: RecordKind, record: unknown): string | undefined => {
  const r = record as { readonly id?: unknown; readonly council?: unknown }
  const c = kind === "councils" ? r.id : r.council
  return typeof c === "string" ? c : undefined
}

/** Decodes untrusted JSON into a record of `kind`: NFC text, every problem at once, unknown fields refused. */
export const decodeRecord = (kind: RecordKind, input: unknown): Result.Result<Store.EntityOf<RecordKind>, Errors.DecodeError> =>
  Errors.decodeWith(schemaOf(kind) as unknown as Schema.Codec<Store.EntityOf<RecordKind>, unknown>, Dataset.entityNames[kind])(input)

/** Decodes untrusted input with any schema, as hdnd decodes records. */
export const decode = <A, I>(schema: Schema.Codec<A, I>, entity: string) => Errors.decodeWith(schema, entity)

/** A record as JSON (its encoded form). */
export const encodeRecord = (kind: Dataset.EntityKind, record: unknown): unknown =>
  Schema.encodeUnknownSync(schemaOf(kind) as unknown as Schema.Codec<unknown, unknown>)(record)

/** A tabulation as JSON: hdnd's canonical form plus the labels of the dimension values. */
export const tabulationJson = (t: Tabulation.Tabulation) => ({
  ...Tabulation.toCanonical(t),
  period: t.period ?? null,
  labels: Object.fromEntries([...t.labels.entries()].map(([k, l]) => [k, { vi: l.vi, en: l.en }]))
})

/** The report formats a download may ask for. */
export const reportFormats = ["docx", "xlsx", "html"] as const
export type ReportFormat = (typeof reportFormats)[number]

const exporters: Readonly<Record<ReportFormat, Exporter.Exporter>> = {
  docx: DocxExporter.exporter,
  xlsx: XlsxExporter.exporter,
  html: HtmlExporter.exporter
}

/** Writes a report document in a format. */
export const exportReport = (document: ReportDocument.ReportDocument, format: ReportFormat, createdAt?: Date) =>
  exporters[format].export({ _tag: "Document", document }, createdAt === undefined ? {} : { createdAt })

/** Renders a template over a tabulation into a report document. */
export const renderReport = (
  store: Store.StoreService,
  templateId: string,
  request: { readonly scope: Parameters<typeof Report.requestFor>[1]; readonly period: Parameters<typeof Report.requestFor>[2] },
  options: Report.RenderOptions
) =>
  Effect.gen(function* () {
    const template = store.registry.templates.get(templateId as never)
    if (template === undefined) return yield* Effect.fail(new Errors.NotFoundError({ entity: "ReportTemplate", id: templateId }))
    const tab = yield* store.tabulate(Report.requestFor(template, request.scope, request.period))
    const doc = Report.render(template, tab, store.registry, options)
    return Result.isFailure(doc) ? yield* Effect.fail(doc.failure) : doc.success
  })
