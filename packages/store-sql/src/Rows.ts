/**
 * How each entity maps to table rows and back. Optional fields are `NULL` columns; an activity's
 * organisers are a JSON array column (in order); lineage sources and targets live in their own table.
 *
 * @since 0.1.0
 */
import { Dataset } from "@hdnd/core"
import * as Schema from "effect/Schema"
import type { TableName } from "./Tables.js"

type Kind = Dataset.EntityKind
type Row = Record<string, unknown>

/**
 * A column: its name and how to read it from an encoded entity.
 *
 * @since 0.1.0
 * @category models
 */
export interface Column {
  readonly name: string
  readonly get: (e: any) => unknown
}

const col = (name: string, get: (e: any) => unknown): Column => ({ name, get })
const field = (name: string, key: string = name): Column => col(name, (e) => e[key] ?? null)

/**
 * The main table and columns of each entity kind.
 *
 * @since 0.1.0
 * @category data
 */
export const layouts: Readonly<Record<Kind, { readonly table: TableName; readonly columns: ReadonlyArray<Column> }>> = {
  units: {
    table: "units",
    columns: [field("id"), field("code"), field("name"), field("type"), field("parent"), col("valid_from", (e) => e.validity.from), col("valid_to", (e) => e.validity.to ?? null)]
  },
  lineage: { table: "lineage", columns: [field("id"), field("kind"), field("date"), field("legal_basis", "legalBasis"), field("note")] },
  councils: {
    table: "councils",
    columns: [field("id"), field("unit"), field("name"), col("valid_from", (e) => e.validity.from), col("valid_to", (e) => e.validity.to ?? null)]
  },
  terms: {
    table: "terms",
    columns: [
      field("id"),
      field("council"),
      field("convocation"),
      col("valid_from", (e) => e.validity.from),
      col("valid_to", (e) => e.validity.to ?? null),
      field("election_date", "electionDate")
    ]
  },
  organs: {
    table: "organs",
    columns: [
      field("id"),
      field("council"),
      field("kind"),
      field("committee_kind", "committeeKind"),
      field("name"),
      col("valid_from", (e) => e.validity.from),
      col("valid_to", (e) => e.validity.to ?? null)
    ]
  },
  sessions: {
    table: "sessions",
    columns: [
      field("id"),
      field("council"),
      field("term"),
      field("ordinal"),
      field("series"),
      field("type"),
      field("special_label", "specialLabel"),
      field("label"),
      col("date_from", (e) => e.dates.from),
      col("date_to", (e) => e.dates.to ?? null)
    ]
  },
  meetings: { table: "meetings", columns: [field("id"), field("council"), field("term"), field("ordinal"), field("date"), field("label")] },
  activities: {
    table: "activities",
    columns: [
      field("id"),
      field("council"),
      field("kind"),
      field("owner"),
      col("organisers", (e) => JSON.stringify(e.organisers)),
      col("date_from", (e) => e.date.from),
      col("date_to", (e) => e.date.to ?? null),
      field("session"),
      field("meeting"),
      field("title"),
      field("document_ref", "documentRef"),
      field("source"),
      field("subject"),
      field("resolution_kind", "resolutionKind"),
      field("mode"),
      field("origin"),
      field("venue"),
      col("attributes", (e) => (e.attributes === undefined ? null : JSON.stringify(e.attributes)))
    ]
  },
  tallies: {
    table: "tallies",
    columns: [
      field("id"),
      field("council"),
      field("organ"),
      field("indicator"),
      col("period_from", (e) => e.period.from),
      col("period_to", (e) => e.period.to),
      field("value"),
      field("qualifier"),
      field("source"),
      field("note")
    ]
  }
}

const encoders = Object.fromEntries(
  Dataset.entityKinds.map((k) => [k, Schema.encodeSync(Dataset.entitySchemas[k] as unknown as Schema.Schema<unknown, unknown>)])
) as Record<Kind, (e: unknown) => any>

/**
 * An entity's encoded (JSON) form.
 *
 * @since 0.1.0
 * @category codecs
 */
export const encode = (kind: Kind, e: unknown): any => encoders[kind](e)

/**
 * The column values of an entity, in layout order. Entities are read directly: every field of
 * hdnd's entity classes has the same runtime value in its type and its JSON encoding (branded
 * strings, numbers, plain objects), which a test checks against {@link encode}.
 *
 * @since 0.1.0
 * @category codecs
 */
export const toValues = (kind: Kind, e: unknown): Array<unknown> => {
  const columns = layouts[kind].columns
  const out = new Array<unknown>(columns.length)
  for (let i = 0; i < columns.length; i++) out[i] = (columns[i] as Column).get(e)
  return out
}

const sameValue = (stored: unknown, value: unknown): boolean =>
  stored === value || (stored !== null && stored !== undefined && value !== null && value !== undefined && String(stored) === String(value))

/**
 * Whether a stored row holds exactly an entity's column values (so writing it would change
 * nothing). For activities and tallies, whose rows are their whole record.
 *
 * @since 0.1.0
 * @category codecs
 */
export const sameRow = (kind: Kind, row: Row, e: unknown): boolean => {
  const columns = layouts[kind].columns
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as Column
    if (!sameValue(row[c.name], c.get(e))) return false
  }
  return true
}

const opt = (o: Record<string, unknown>, key: string, v: unknown): void => {
  if (v !== null && v !== undefined) o[key] = typeof v === "bigint" ? Number(v) : v
}

const range = (from: unknown, to: unknown) => (to === null || to === undefined ? { from } : { from, to })

/**
 * The encoded entity of a row (plus its organisers or lineage units), ready to decode with the
 * entity's schema.
 *
 * @since 0.1.0
 * @category codecs
 */
export const fromRow = (kind: Kind, r: Row, extra?: { sources?: ReadonlyArray<string>; targets?: ReadonlyArray<string> }): Record<string, unknown> => {
  const o: Record<string, unknown> = { id: r.id }
  switch (kind) {
    case "units":
      Object.assign(o, { code: r.code, name: r.name, type: r.type, validity: range(r.valid_from, r.valid_to) })
      opt(o, "parent", r.parent)
      break
    case "lineage":
      Object.assign(o, { kind: r.kind, date: r.date, sources: extra?.sources ?? [], targets: extra?.targets ?? [] })
      opt(o, "legalBasis", r.legal_basis)
      opt(o, "note", r.note)
      break
    case "councils":
      Object.assign(o, { unit: r.unit, name: r.name, validity: range(r.valid_from, r.valid_to) })
      break
    case "terms":
      Object.assign(o, { council: r.council, convocation: r.convocation, validity: range(r.valid_from, r.valid_to) })
      opt(o, "electionDate", r.election_date)
      break
    case "organs":
      Object.assign(o, { council: r.council, kind: r.kind, name: r.name, validity: range(r.valid_from, r.valid_to) })
      opt(o, "committeeKind", r.committee_kind)
      break
    case "sessions":
      Object.assign(o, { council: r.council, ordinal: Number(r.ordinal), series: r.series, type: r.type, dates: range(r.date_from, r.date_to) })
      opt(o, "term", r.term)
      opt(o, "specialLabel", r.special_label)
      opt(o, "label", r.label)
      break
    case "meetings":
      Object.assign(o, { council: r.council, ordinal: Number(r.ordinal), date: r.date })
      opt(o, "term", r.term)
      opt(o, "label", r.label)
      break
    case "activities":
      Object.assign(o, { council: r.council, kind: r.kind, owner: r.owner, organisers: typeof r.organisers === "string" ? JSON.parse(r.organisers) : r.organisers, date: range(r.date_from, r.date_to), title: r.title })
      for (const [key, column] of [
        ["session", "session"],
        ["meeting", "meeting"],
        ["documentRef", "document_ref"],
        ["source", "source"],
        ["subject", "subject"],
        ["resolutionKind", "resolution_kind"],
        ["mode", "mode"],
        ["origin", "origin"],
        ["venue", "venue"]
      ] as const) opt(o, key, r[column])
      if (r.attributes !== null && r.attributes !== undefined) o.attributes = typeof r.attributes === "string" ? JSON.parse(r.attributes) : r.attributes
      break
    case "tallies":
      Object.assign(o, { council: r.council, indicator: r.indicator, period: { from: r.period_from, to: r.period_to }, value: Number(r.value), qualifier: r.qualifier })
      opt(o, "organ", r.organ)
      opt(o, "source", r.source)
      opt(o, "note", r.note)
      break
  }
  return o
}

const decoders = Object.fromEntries(
  Dataset.entityKinds.map((k) => [k, Schema.decodeUnknownSync(Dataset.entitySchemas[k] as unknown as Schema.Schema<unknown, unknown>)])
) as Record<Kind, (e: unknown) => any>

/**
 * Decodes a row back into its entity class.
 *
 * @since 0.1.0
 * @category codecs
 */
export const decodeRow = (kind: Kind, r: Row, extra?: Parameters<typeof fromRow>[2]): any => decoders[kind](fromRow(kind, r, extra))
