/**
 * Text and ids that stores get wrong: Vietnamese in NFC, quotes, semicolons, backslashes, `LIKE`
 * wildcards, SQL keywords and injection attempts, placeholders of SQL drivers, line breaks, emoji and
 * other scripts, strings of 3,999 and 4,000 characters; ids that differ only in case, that use every
 * allowed punctuation mark, or that are 200 characters long. A store must keep them as data and
 * give them back unchanged.
 *
 * @since 0.1.0
 */
import { Activity, AdminUnit, CalendarDate, Council, Indicators, Programme, Recommendation, Session, Tally } from "@hdnd/core"
import type { Dataset } from "@hdnd/core"

const nfc = (s: string): string => s.normalize("NFC")

const repeatTo = (unit: string, length: number): string => {
  const s = unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
  return s.trimEnd().length === s.length ? s : `${s.slice(0, length - 1)}.`
}

/**
 * Named texts that must round-trip exactly. Each is in NFC, without leading or trailing white
 * space (the form `Text` decodes to), and at most 4,000 characters long.
 *
 * @since 0.1.0
 * @category data
 */
export const trickyTexts: ReadonlyArray<{ readonly name: string; readonly text: string }> = [
  { name: "Vietnamese", text: "Hội đồng nhân dân tỉnh Sơn La khóa XV — Ban Kinh tế – Ngân sách; Đắk Lắk, Thừa Thiên Huế" },
  { name: "every Vietnamese vowel with tone", text: "ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ýỳỷỹỵ ÁÀẢÃẠ Đđ ƯƠươ" },
  { name: "single quotes", text: "Ý kiến của ông O'Neil về 'kỳ họp thứ 7'" },
  { name: "double quotes", text: `Chủ đề "giám sát chuyên đề" và ""hai lần"" và "` },
  { name: "mixed quotes and backticks", text: `'"\`'"\`‘’“”` },
  { name: "semicolons", text: "a; b;; c;" },
  { name: "backslashes", text: "C:\\Users\\hdnd\\n không xuống dòng \\' \\\" \\\\" },
  { name: "LIKE wildcards", text: "100% đạt _ chỉ_tiêu %_% LIKE '%a_' ESCAPE '\\'" },
  { name: "SQL keywords", text: "SELECT * FROM activities WHERE id = 1 OR 1=1 UNION SELECT NULL, NULL" },
  { name: "injection: drop table", text: "'; DROP TABLE activities; --" },
  { name: "injection: closing parenthesis", text: "Robert'); DROP TABLE councils;--" },
  { name: "comments", text: "/* chú thích */ -- hết # nữa" },
  { name: "driver placeholders", text: "$1 ? ?? :name @p0 ${x} %s {0}" },
  { name: "the word NULL", text: "NULL" },
  { name: "JSON", text: `{"id": "a1", "title": null, "n": [1, 2]}` },
  { name: "line breaks and tabs", text: "dòng 1\ndòng 2\r\ndòng 3\tcột" },
  { name: "emoji", text: "Tiếp xúc cử tri 🇻🇳 👩🏽‍⚖️ ✅ 🏛️" },
  { name: "other scripts", text: "議会 المجلس Совет ሀገር" },
  { name: "zero-width characters", text: "a\u200Bb\u200Dc\u2060d" },
  { name: "3,999 characters", text: repeatTo("Nghị quyết về kế hoạch phát triển kinh tế - xã hội; ", 3999) },
  { name: "3,999 characters with emoji", text: repeatTo("Đ🏛", 3999) },
  { name: "4,000 characters", text: repeatTo("Ơ'\"%_;\\", 4000) }
].map((t) => ({ name: t.name, text: nfc(t.text) }))

/**
 * Activity ids that a store must keep apart and give back unchanged.
 *
 * @since 0.1.0
 * @category data
 */
export const trickyIds: ReadonlyArray<string> = [
  "Case-1",
  "case-1",
  "CASE-1",
  "a.b_c:d/e-f",
  "rt_1",
  "0",
  `L${"x".repeat(199)}`
]

const d = CalendarDate.date
const text = (i: number): string => (trickyTexts[i % trickyTexts.length] as { readonly text: string }).text

/**
 * A small valid batch whose every text field holds one of {@link trickyTexts}: one activity per
 * text (as title and source), one per tricky id, and names, labels and notes of a province, its
 * council, term, organs, a session, a meeting, a tally, a lineage event, a recommendation (content,
 * field, addressee, source, note), its response (responder, content) and evaluation (note), a work
 * programme (title) and its item (topic, note). The tally, the recommendation, the response, the
 * evaluation and the programme have the id of an activity, `rt-0` (ids are per collection).
 *
 * @since 0.1.0
 * @category constructors
 */
export const trickyBatch = (): Dataset.Batch => {
  const validity = { from: d("2016-01-01") }
  const unit = new AdminUnit.AdminUnit({ id: "u14" as never, code: "14", name: text(0), type: "tinh", validity })
  const council = new Council.Council({ id: "c-u14" as never, unit: unit.id, name: text(9), validity })
  const term = new Council.Term({ id: "c-u14.khoa" as never, council: council.id, convocation: "XV", validity: { from: d("2021-06-01"), to: d("2025-06-30") } })
  const organ = (id: string, kind: "plenary" | "standing" | "committee", name: string) =>
    new Council.Organ({
      id: id as never,
      council: council.id,
      kind,
      ...(kind === "committee" ? { committeeKind: "phap-che" as never } : {}),
      name,
      validity: { from: d("2021-06-01"), to: d("2025-06-30") }
    })
  const organs = [organ("c-u14.hdnd", "plenary", text(1)), organ("c-u14.tt", "standing", text(10)), organ("c-u14.ban-phap-che", "committee", text(19))]
  const session = new Session.Session({
    id: "c-u14.kh-1" as never, council: council.id, term: term.id, ordinal: 1, series: "all", type: "regular", label: text(2), dates: { from: d("2023-07-10"), to: d("2023-07-12") }
  })
  const meeting = new Session.StandingMeeting({ id: "c-u14.ph-1" as never, council: council.id, term: term.id, ordinal: 1, date: d("2023-08-01"), label: text(3) })
  const activity = (id: string, title: string, i: number) =>
    new Activity.Activity({
      id: id as never,
      council: council.id,
      kind: "survey" as never,
      owner: organs[i % organs.length]!.id,
      organisers: [organs[i % organs.length]!.id],
      date: { from: d("2023-09-01"), to: d("2023-09-02") },
      ...(i % 2 === 0 ? { session: session.id } : { meeting: meeting.id }),
      title,
      source: title
    })
  const activities = [
    ...trickyTexts.map((t, i) => activity(`rt-${i}`, t.text, i)),
    ...trickyIds.map((id, i) => activity(id, `Hoạt động ${id}`, i))
  ]
  const tally = new Tally.Tally({
    id: "rt-0" as never,
    council: council.id,
    indicator: Indicators.ids.survey,
    period: { from: d("2023-01-01"), to: d("2023-12-31") },
    value: 7,
    qualifier: "about",
    source: text(4),
    note: text(5)
  })
  const lineage = new AdminUnit.LineageEvent({ id: "l-1" as never, kind: "establish", date: d("2016-01-01"), sources: [], targets: [unit.id], legalBasis: text(6), note: text(7) })
  const recommendation = new Recommendation.Recommendation({
    id: "rt-0" as never,
    council: council.id,
    kind: "recommendation",
    raisedBy: organs[2]!.id,
    activity: activities[0]!.id,
    session: session.id,
    raisedOn: d("2023-09-05"),
    content: text(11),
    field: text(12),
    level: "province",
    addressee: { kind: "committee", name: text(13), organ: organs[2]!.id },
    forwardedOn: d("2023-09-10"),
    deadline: d("2023-10-31"),
    source: text(14),
    note: text(15)
  })
  const response = new Recommendation.Response({
    id: "rt-0" as never,
    recommendation: recommendation.id,
    date: d("2023-10-01"),
    responder: text(16),
    document: "85/BC-UBND",
    content: text(17)
  })
  const evaluation = new Recommendation.Evaluation({
    id: "rt-0" as never,
    recommendation: recommendation.id,
    response: response.id,
    date: d("2023-11-01"),
    status: "explained",
    by: organs[1]!.id,
    note: text(18)
  })
  const programme = new Programme.Programme({
    id: "rt-0" as never,
    council: council.id,
    organ: organs[0]!.id,
    year: 2023,
    title: text(19),
    adoptedOn: d("2023-01-05"),
    document: "05/CTr-HĐND"
  })
  const item = new Programme.ProgrammeItem({
    id: "rt-0.1" as never,
    programme: programme.id,
    kind: "survey" as never,
    topic: text(20),
    month: 9,
    quarter: 3,
    activities: [activities[0]!.id],
    note: text(21)
  })
  return {
    units: [unit],
    lineage: [lineage],
    councils: [council],
    terms: [term],
    organs,
    sessions: [session],
    meetings: [meeting],
    activities,
    tallies: [tally],
    recommendations: [recommendation],
    responses: [response],
    evaluations: [evaluation],
    programmes: [programme],
    programmeItems: [item]
  }
}
