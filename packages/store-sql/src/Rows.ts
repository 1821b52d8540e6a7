/**
 * How each entity maps to table rows and back. Optional fields are `NULL` columns; an activity's
 * organisers and participants, a programme item's linked activities and a document's reviewers are JSON array columns (in order); a
 * recommendation's addressee is three columns (`addressee_kind`, `addressee_name`,
 * `addressee_organ`); lineage sources and targets live in their own table.
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
      col("attributes", (e) => (e.attributes === undefined ? null : JSON.stringify(e.attributes))),
      // Added by migration 3: NULL (old rows, or no participants) reads back as none.
      col("participants", (e) => (e.participants === undefined ? null : JSON.stringify(e.participants)))
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
      field("note"),
      field("qualifier_text", "qualifierText")
    ]
  },
  recommendations: {
    table: "recommendations",
    columns: [
      field("id"),
      field("council"),
      field("kind"),
      field("raised_by", "raisedBy"),
      field("activity"),
      field("session"),
      field("raised_on", "raisedOn"),
      field("content"),
      field("field"),
      field("level"),
      col("addressee_kind", (e) => e.addressee.kind),
      col("addressee_name", (e) => e.addressee.name),
      col("addressee_organ", (e) => e.addressee.organ ?? null),
      field("forwarded_on", "forwardedOn"),
      field("deadline"),
      field("merged_into", "mergedInto"),
      field("source"),
      field("note")
    ]
  },
  responses: {
    table: "responses",
    columns: [field("id"), field("recommendation"), field("date"), field("responder"), field("document"), field("content")]
  },
  evaluations: {
    table: "evaluations",
    columns: [field("id"), field("recommendation"), field("response"), field("date"), field("status"), field("by_organ", "by"), field("note")]
  },
  programmes: {
    table: "programmes",
    columns: [field("id"), field("council"), field("organ"), field("year"), field("title"), field("adopted_on", "adoptedOn"), field("document")]
  },
  programmeItems: {
    table: "programme_items",
    columns: [
      field("id"),
      field("programme"),
      field("kind"),
      field("topic"),
      field("month"),
      field("quarter"),
      // Absent and empty are different records: NULL for absent, "[]" for no activities.
      col("activities", (e) => (e.activities === undefined ? null : JSON.stringify(e.activities))),
      field("carried_from", "carriedFrom"),
      field("note")
    ]
  },
  resolutions: {
    table: "resolutions",
    columns: [field("id"), field("council"), field("session"), field("number"), field("kind"), field("field"), field("adopted_on", "adoptedOn"), field("title")]
  },
  documents: {
    table: "council_documents",
    columns: [
      field("id"),
      field("council"),
      field("type"),
      field("session"),
      field("number"),
      field("submitter"),
      col("reviewers", (e) => (e.reviewers === undefined ? null : JSON.stringify(e.reviewers))),
      field("field"),
      field("submitted_on", "submittedOn"),
      field("resolution"),
      field("title")
    ]
  }
}

const encoders = Object.fromEntries(
  Dataset.entityKinds.map((k) => [k, Schema.encodeSync(Dataset.entitySchemas[k] as unknown as Schema.Codec<unknown, unknown>)])
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
      if (r.participants !== null && r.participants !== undefined) o.participants = typeof r.participants === "string" ? JSON.parse(r.participants) : r.participants
      break
    case "tallies":
      Object.assign(o, { council: r.council, indicator: r.indicator, period: { from: r.period_from, to: r.period_to }, value: Number(r.value), qualifier: r.qualifier })
      opt(o, "organ", r.organ)
      opt(o, "source", r.source)
      opt(o, "note", r.note)
      opt(o, "qualifierText", r.qualifier_text)
      break
    case "recommendations": {
      const addressee: Record<string, unknown> = { kind: r.addressee_kind, name: r.addressee_name }
      opt(addressee, "organ", r.addressee_organ)
      Object.assign(o, { council: r.council, kind: r.kind, raisedOn: r.raised_on, content: r.content, field: r.field, level: r.level, addressee })
      for (const [key, column] of [
        ["raisedBy", "raised_by"],
        ["activity", "activity"],
        ["session", "session"],
        ["forwardedOn", "forwarded_on"],
        ["deadline", "deadline"],
        ["mergedInto", "merged_into"],
        ["source", "source"],
        ["note", "note"]
      ] as const) opt(o, key, r[column])
      break
    }
    case "responses":
      Object.assign(o, { recommendation: r.recommendation, date: r.date, responder: r.responder, content: r.content })
      opt(o, "document", r.document)
      break
    case "evaluations":
      Object.assign(o, { recommendation: r.recommendation, response: r.response, date: r.date, status: r.status })
      opt(o, "by", r.by_organ)
      opt(o, "note", r.note)
      break
    case "programmes":
      Object.assign(o, { council: r.council, organ: r.organ, year: Number(r.year), title: r.title })
      opt(o, "adoptedOn", r.adopted_on)
      opt(o, "document", r.document)
      break
    case "programmeItems":
      Object.assign(o, { programme: r.programme, kind: r.kind, topic: r.topic })
      opt(o, "month", r.month === null || r.month === undefined ? undefined : Number(r.month))
      opt(o, "quarter", r.quarter === null || r.quarter === undefined ? undefined : Number(r.quarter))
      if (r.activities !== null && r.activities !== undefined) o.activities = typeof r.activities === "string" ? JSON.parse(r.activities) : r.activities
      opt(o, "carriedFrom", r.carried_from)
      opt(o, "note", r.note)
      break
    case "resolutions":
      Object.assign(o, { council: r.council, number: r.number, kind: r.kind, adoptedOn: r.adopted_on, title: r.title })
      opt(o, "session", r.session)
      opt(o, "field", r.field)
      break
    case "documents":
      Object.assign(o, { council: r.council, type: r.type, submittedOn: r.submitted_on, title: r.title })
      for (const [key, column] of [
        ["session", "session"],
        ["number", "number"],
        ["submitter", "submitter"],
        ["field", "field"],
        ["resolution", "resolution"]
      ] as const) opt(o, key, r[column])
      if (r.reviewers !== null && r.reviewers !== undefined) o.reviewers = typeof r.reviewers === "string" ? JSON.parse(r.reviewers) : r.reviewers
      break
  }
  return o
}

const decoders = Object.fromEntries(
  Dataset.entityKinds.map((k) => [k, Schema.decodeUnknownSync(Dataset.entitySchemas[k] as unknown as Schema.Codec<unknown, unknown>)])
) as Record<Kind, (e: unknown) => any>

/**
 * Decodes a row back into its entity class.
 *
 * @since 0.1.0
 * @category codecs
 */
export const decodeRow = (kind: Kind, r: Row, extra?: Parameters<typeof fromRow>[2]): any => decoders[kind](fromRow(kind, r, extra))
