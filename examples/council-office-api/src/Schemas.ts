/**
 * The schemas of the service's requests and responses. Requests are decoded with them (record
 * bodies with hdnd's own record schemas), the OpenAPI document is generated from them, and the tests
 * decode every response with them, so the three cannot drift apart.
 */
import { Activity, CalendarDate, Ids, TabulationRequest, Tally } from "@hdnd/core"
import * as Schema from "effect/Schema"
import { Role } from "./Auth.js"
import { reportFormats } from "./hdnd.js"

const bilingual = (vi: string, en: string) => `${vi} / ${en}`

/** One located problem: which record and field, and in an upload which file, sheet, row and column. */
export const ProblemJson = Schema.Struct({
  entity: Schema.String,
  id: Schema.optional(Schema.String),
  field: Schema.String,
  code: Schema.String,
  vi: Schema.String,
  en: Schema.String,
  file: Schema.optional(Schema.String),
  sheet: Schema.optional(Schema.String),
  row: Schema.optional(Schema.Number),
  column: Schema.optional(Schema.String),
  header: Schema.optional(Schema.String)
}).annotate({ identifier: "Problem", description: bilingual("Một lỗi có vị trí", "A located problem") })

/** Every error response. */
export const ErrorBody = Schema.Struct({
  error: Schema.Struct({
    code: Schema.String,
    vi: Schema.String,
    en: Schema.String,
    problems: Schema.Array(ProblemJson)
  })
}).annotate({ identifier: "Error", description: bilingual("Lỗi: mã, thông báo song ngữ và danh sách lỗi có vị trí", "An error: a code, bilingual messages and the located problems") })

export const UpsertResponse = <S extends Schema.Top>(record: S) =>
  Schema.Struct({
    record,
    inserted: Schema.Number,
    updated: Schema.Number,
    unchanged: Schema.Number,
    audited: Schema.Number.annotate({ description: bilingual("số mục nhật ký đã ghi", "audit entries written") })
  })

export const ListResponse = <S extends Schema.Top>(item: S) => Schema.Struct({ items: Schema.Array(item) })

export const ImportResponse = Schema.Struct({
  committed: Schema.Boolean,
  rows: Schema.Number,
  rejected: Schema.Number,
  inserted: Schema.Number,
  updated: Schema.Number,
  unchanged: Schema.Number,
  problemCount: Schema.Number,
  problems: Schema.Array(ProblemJson)
}).annotate({ identifier: "ImportSummary" })

export const Label = Schema.Struct({ vi: Schema.String, en: Schema.String })

export const TabulationRow = Schema.Struct({
  indicator: Schema.String,
  key: Schema.Array(Schema.String),
  value: Schema.Number,
  qualifier: Schema.String,
  wording: Schema.optional(Schema.String),
  items: Schema.Number,
  sessions: Schema.Array(Schema.String),
  sum: Schema.Number,
  values: Schema.Array(Schema.String),
  tallies: Schema.Array(Schema.Struct({ id: Schema.String, body: Schema.String, value: Schema.Number, qualifier: Schema.String, wording: Schema.optional(Schema.String) })),
  activities: Schema.Array(Schema.String)
}).annotate({ identifier: "TabulationRow" })

export const TabulationJson = Schema.Struct({
  dimensions: Schema.Array(Schema.String),
  view: Schema.String,
  period: Schema.NullOr(Schema.Struct({ from: Schema.String, to: Schema.String })),
  indicators: Schema.Array(Schema.Tuple([Schema.String, Schema.String])),
  rows: Schema.Array(TabulationRow),
  itemBodies: Schema.Array(Schema.Tuple([Schema.String, Schema.Array(Schema.Tuple([Schema.String, Schema.Number]))])),
  unapportioned: Schema.Array(Schema.String),
  conflicts: Schema.Array(Schema.Unknown),
  labels: Schema.Record(Schema.String, Label)
}).annotate({ identifier: "Tabulation", description: bilingual("Bảng tổng hợp (dạng chuẩn của hdnd) và nhãn các giá trị", "A tabulation (hdnd's canonical form) with the labels of its values") })

/** Which cells of a tabulation: dimension values to match (one or several); dimensions not named are summed over. */
export const Selector = Schema.Struct(
  Object.fromEntries(TabulationRequest.DimensionSchema.literals.map((d) => [d, Schema.optional(Schema.Union([Schema.String, Schema.Array(Schema.String)]))])) as Record<
    typeof TabulationRequest.DimensionSchema.Type,
    Schema.optional<Schema.Union<readonly [Schema.String, Schema.$Array<Schema.String>]>>
  >
).annotate({ identifier: "Selector" })

export const DrillDownRequest = Schema.Struct({
  request: TabulationRequest.TabulationRequest,
  indicator: Ids.IndicatorId,
  selector: Schema.optional(Selector)
}).annotate({ identifier: "DrillDownRequest", description: bilingual("Hồ sơ đứng sau một số liệu", "The records behind one figure") })

export const DrillDown = Schema.Struct({
  indicator: Schema.String,
  value: Schema.Number,
  activities: Schema.Array(Activity.Activity),
  tallies: Schema.Array(Tally.Tally)
}).annotate({ identifier: "DrillDown" })

export const ReportRequest = Schema.Struct({
  template: Ids.TemplateId,
  period: CalendarDate.Period,
  format: Schema.Literals(reportFormats),
  scope: Schema.optional(TabulationRequest.Scope),
  date: Schema.optional(CalendarDate.CalendarDate),
  number: Schema.optional(Schema.Int)
}).annotate({ identifier: "ReportRequest", description: bilingual("Báo cáo theo mẫu, tải về dạng DOCX, XLSX hoặc HTML; phạm vi mặc định là HĐND của mã truy cập", "A report from a template, downloaded as DOCX, XLSX or HTML; the scope defaults to the token's council") })

export const TemplateInfo = Schema.Struct({ id: Schema.String, vi: Schema.String, en: Schema.String }).annotate({ identifier: "TemplateInfo" })

export const AuditEntry = Schema.Struct({
  seq: Schema.Number,
  at: Schema.String,
  council: Schema.String,
  subject: Schema.String,
  token: Schema.String,
  route: Schema.String,
  kind: Schema.String,
  id: Schema.String,
  action: Schema.Literals(["insert", "update", "token.create", "token.revoke"]),
  before: Schema.Unknown,
  after: Schema.Unknown
}).annotate({ identifier: "AuditEntry", description: bilingual("Một mục nhật ký kiểm toán: ai, khi nào, việc gì, trước và sau", "One audit entry: who, when, what, before and after") })

export const TokenInfo = Schema.Struct({
  id: Schema.String,
  council: Schema.String,
  role: Role,
  subject: Schema.String,
  createdAt: Schema.String,
  revokedAt: Schema.NullOr(Schema.String)
}).annotate({ identifier: "TokenInfo" })

export const TokenCreated = Schema.Struct({ ...TokenInfo.fields, token: Schema.String.annotate({ description: bilingual("chỉ hiện một lần", "shown once") }) }).annotate({
  identifier: "TokenCreated"
})

export const TokenRequest = Schema.Struct({
  role: Role,
  subject: Schema.String.check(Schema.isNonEmpty(), Schema.isMaxLength(200)).annotate({ description: bilingual("người hoặc hệ thống dùng mã", "the person or system using the token") })
}).annotate({ identifier: "TokenRequest" })

export const Me = Schema.Struct({ council: Schema.String, role: Role, subject: Schema.String, token: Schema.String }).annotate({ identifier: "Me" })

export const Health = Schema.Struct({ ok: Schema.Boolean })
