/**
 * A small Sơn La structure for the import tests: the province and two districts with their
 * councils, terms, organs, sessions and a standing-committee meeting. The templates' example rows
 * refer to it by name.
 */
import { AdminUnit, CalendarDate, Council, Dataset, Session } from "@hdnd/core"

const d = CalendarDate.date
const range = (from: string, to?: string) => (to === undefined ? { from: d(from) } : { from: d(from), to: d(to) })

const unit = (id: string, code: string, name: string, type: AdminUnit.UnitType, from: string, to?: string, parent?: string) =>
  new AdminUnit.AdminUnit({ id: id as never, code, name, type, ...(parent === undefined ? {} : { parent: parent as never }), validity: range(from, to) })

export const units = [
  unit("vn-14", "14", "Tỉnh Sơn La", "tinh", "2004-01-01"),
  unit("vn-116", "116", "Thành phố Sơn La", "thanh-pho-thuoc-tinh", "2008-09-03", "2025-06-30", "vn-14"),
  unit("vn-123-huyen", "123", "Huyện Mộc Châu", "huyen", "2004-01-01", "2025-02-28", "vn-14"),
  unit("vn-123-thi-xa", "123", "Thị xã Mộc Châu", "thi-xa", "2025-03-01", "2025-06-30", "vn-14")
]

export const councils = [
  new Council.Council({ id: "hdnd-tinh-son-la" as never, unit: "vn-14" as never, name: "HĐND tỉnh Sơn La", validity: range("2004-01-01") }),
  new Council.Council({ id: "hdnd-tp-son-la" as never, unit: "vn-116" as never, name: "HĐND thành phố Sơn La", validity: range("2008-09-03", "2025-06-30") })
]

export const terms = [
  new Council.Term({ id: "hdnd-tinh-son-la.khoa-xiv" as never, council: "hdnd-tinh-son-la" as never, convocation: "XIV", validity: range("2016-05-22", "2021-05-22") }),
  new Council.Term({ id: "hdnd-tinh-son-la.khoa-xv" as never, council: "hdnd-tinh-son-la" as never, convocation: "XV", validity: range("2021-05-23", "2026-03-14") }),
  new Council.Term({ id: "hdnd-tp-son-la.khoa-xx" as never, council: "hdnd-tp-son-la" as never, convocation: "XX", validity: range("2021-05-23", "2025-06-30") })
]

const organ = (id: string, council: string, kind: Council.OrganKind, name: string, committeeKind?: string, to = "2026-03-14") =>
  new Council.Organ({
    id: id as never,
    council: council as never,
    kind,
    ...(committeeKind === undefined ? {} : { committeeKind: committeeKind as never }),
    name,
    validity: range("2021-06-25", to)
  })

export const organs = [
  organ("sl.hdnd", "hdnd-tinh-son-la", "plenary", "HĐND tỉnh"),
  organ("sl.thuong-truc", "hdnd-tinh-son-la", "standing", "Thường trực HĐND tỉnh"),
  organ("sl.ban-phap-che", "hdnd-tinh-son-la", "committee", "Ban Pháp chế", "phap-che"),
  organ("sl.ban-ktns", "hdnd-tinh-son-la", "committee", "Ban Kinh tế – Ngân sách", "kinh-te-ngan-sach"),
  organ("sl.ban-vhxh", "hdnd-tinh-son-la", "committee", "Ban Văn hóa – Xã hội", "van-hoa-xa-hoi"),
  organ("sl.ban-dan-toc", "hdnd-tinh-son-la", "committee", "Ban Dân tộc", "dan-toc"),
  organ("tp.hdnd", "hdnd-tp-son-la", "plenary", "HĐND thành phố", undefined, "2025-06-30"),
  organ("tp.ban-phap-che", "hdnd-tp-son-la", "committee", "Ban Pháp chế", "phap-che", "2025-06-30"),
  organ("tp.ban-ktxh", "hdnd-tp-son-la", "committee", "Ban Kinh tế – Xã hội", "kinh-te-xa-hoi", "2025-06-30")
]

const session = (id: string, term: string, ordinal: number, type: Session.SessionType, label: string, from: string, to = from) =>
  new Session.Session({
    id: id as never,
    council: "hdnd-tinh-son-la" as never,
    term: term as never,
    ordinal,
    series: type,
    type,
    ...(type === "special" ? { specialLabel: "chuyen-de" as const } : {}),
    label,
    dates: range(from, to)
  })

export const sessions = [
  session("sl.ky-hop-7", "hdnd-tinh-son-la.khoa-xv", 7, "regular", "Kỳ họp thứ 7", "2023-07-19", "2023-07-21"),
  session("sl.cd-7", "hdnd-tinh-son-la.khoa-xv", 7, "special", "Kỳ họp chuyên đề lần thứ bảy", "2022-09-20"),
  session("sl.cd-11", "hdnd-tinh-son-la.khoa-xv", 11, "special", "Kỳ họp chuyên đề lần thứ mười một", "2023-04-18"),
  session("sl.xiv.ky-hop-7", "hdnd-tinh-son-la.khoa-xiv", 7, "regular", "Kỳ họp thứ 7 (khóa XIV)", "2018-07-10", "2018-07-12")
]

export const meetings = [
  new Session.StandingMeeting({
    id: "sl.phien-hop-26" as never,
    council: "hdnd-tinh-son-la" as never,
    term: "hdnd-tinh-son-la.khoa-xv" as never,
    ordinal: 26,
    date: d("2023-04-14"),
    label: "Phiên họp thứ 26"
  })
]

export const structure: Dataset.Batch = { units, councils, terms, organs, sessions, meetings }

export const dataset: Dataset.Dataset = Dataset.fromBatch(structure)
