/**
 * A small hand-written world for example tests: a province with two districts, their councils,
 * organs and sessions.
 */
import { Activity, AdminUnit, CalendarDate, Council, CouncilDocument, Resolution, Session, Tally } from "@hdnd/core"
import type { Dataset } from "@hdnd/core"

const d = CalendarDate.date

export const province = new AdminUnit.AdminUnit({
  id: "u14" as never,
  code: "14",
  name: "Tỉnh Sơn La",
  type: "tinh",
  validity: { from: d("2004-01-01") }
})
export const districtA = new AdminUnit.AdminUnit({
  id: "u116" as never,
  code: "116",
  name: "Thành phố Sơn La",
  type: "thanh-pho-thuoc-tinh",
  parent: "u14" as never,
  validity: { from: d("2008-09-03"), to: d("2025-06-30") }
})
export const districtB = new AdminUnit.AdminUnit({
  id: "u125" as never,
  code: "125",
  name: "Huyện Mai Sơn",
  type: "huyen",
  parent: "u14" as never,
  validity: { from: d("2004-01-01"), to: d("2025-06-30") }
})

const council = (id: string, unit: string, name: string, to?: string) =>
  new Council.Council({ id: id as never, unit: unit as never, name, validity: to === undefined ? { from: d("2004-01-01") } : { from: d("2004-01-01"), to: d(to) } })

export const councils = [
  council("c14", "u14", "HĐND tỉnh Sơn La"),
  new Council.Council({ id: "c116" as never, unit: "u116" as never, name: "HĐND thành phố Sơn La", validity: { from: d("2008-09-03"), to: d("2025-06-30") } }),
  council("c125", "u125", "HĐND huyện Mai Sơn", "2025-06-30")
]

const organ = (id: string, c: string, kind: Council.OrganKind, name: string, committeeKind?: string) =>
  new Council.Organ({
    id: id as never,
    council: c as never,
    kind,
    ...(committeeKind === undefined ? {} : { committeeKind: committeeKind as never }),
    name,
    validity: { from: d("2021-06-25"), to: d("2025-06-30") }
  })

export const organs = [
  organ("c14.hdnd", "c14", "plenary", "HĐND tỉnh"),
  organ("c14.tt", "c14", "standing", "Thường trực HĐND tỉnh"),
  organ("c14.pc", "c14", "committee", "Ban Pháp chế", "phap-che"),
  organ("c14.ktns", "c14", "committee", "Ban Kinh tế – Ngân sách", "kinh-te-ngan-sach"),
  organ("c14.vhxh", "c14", "committee", "Ban Văn hóa – Xã hội", "van-hoa-xa-hoi"),
  organ("c14.dt", "c14", "committee", "Ban Dân tộc", "dan-toc"),
  organ("c116.hdnd", "c116", "plenary", "HĐND thành phố"),
  organ("c116.pc", "c116", "committee", "Ban Pháp chế", "phap-che"),
  organ("c116.ktxh", "c116", "committee", "Ban Kinh tế – Xã hội", "kinh-te-xa-hoi"),
  organ("c125.hdnd", "c125", "plenary", "HĐND huyện"),
  organ("c125.pc", "c125", "committee", "Ban Pháp chế", "phap-che")
]

const session = (id: string, c: string, ordinal: number, type: Session.SessionType, day: string) =>
  new Session.Session({
    id: id as never,
    council: c as never,
    ordinal,
    series: type === "regular" ? "regular" : "special",
    type,
    ...(type === "special" ? { specialLabel: "chuyen-de" as const } : {}),
    dates: { from: d(day), to: d(day) }
  })

export const sessions = [
  session("c14.kh5", "c14", 5, "regular", "2022-12-08"),
  session("c14.cd11", "c14", 11, "special", "2023-04-18"),
  session("c116.kh5", "c116", 5, "regular", "2022-12-15")
]

export const structure: Dataset.Batch = { units: [province, districtA, districtB], councils, organs, sessions }

let n = 0
export const activity = (
  fields: Omit<Partial<ConstructorParameters<typeof Activity.Activity>[0]>, "id" | "council" | "owner" | "organisers"> & {
    id?: string
    council: string
    owner: string
    organisers?: ReadonlyArray<string>
  }
): Activity.Activity =>
  new Activity.Activity({
    id: (fields.id ?? `a${++n}`) as never,
    kind: "review" as never,
    subject: "report",
    date: { from: d("2023-01-10") },
    title: "Thẩm tra báo cáo",
    ...fields,
    council: fields.council as never,
    owner: fields.owner as never,
    organisers: (fields.organisers ?? [fields.owner]) as never
  } as unknown as ConstructorParameters<typeof Activity.Activity>[0])

export const tally = (fields: { id: string; council: string; indicator: string; value: number; organ?: string; from?: string; to?: string; qualifier?: Tally.Qualifier }) =>
  new Tally.Tally({
    id: fields.id as never,
    council: fields.council as never,
    ...(fields.organ === undefined ? {} : { organ: fields.organ as never }),
    indicator: fields.indicator as never,
    period: { from: d(fields.from ?? "2022-08-01"), to: d(fields.to ?? "2023-08-31") },
    value: fields.value,
    qualifier: fields.qualifier ?? "exact"
  })

export const PERIOD = CalendarDate.period("2022-08-01", "2023-08-31")

/** A record constructor of a council with defaults for every field a test leaves out. */
const ofCouncil =
  <C extends new (fields: never) => unknown>(Class: C, defaults: (id: string) => Readonly<Record<string, unknown>>) =>
  (f: Omit<Partial<ConstructorParameters<C>[0]>, "id" | "council"> & { id: string; council: string }): InstanceType<C> =>
    new Class({ ...defaults(f.id), ...f } as never) as InstanceType<C>

export const resolution = ofCouncil(Resolution.Resolution, (id) => ({ number: `${id}/2023/NQ-HĐND`, kind: "individual", adoptedOn: d("2022-12-08"), title: "Nghị quyết" }))

export const document = ofCouncil(CouncilDocument.CouncilDocument, () => ({ type: "report", submittedOn: d("2022-12-01"), title: "Văn bản" }))
