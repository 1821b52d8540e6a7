/**
 * The accepted values of every coded column: each code with its Vietnamese and English labels and
 * other spellings seen in council documents. A value matches a term when it is the code, a label or
 * an alias, compared with {@link valueKey} (case, diacritics, punctuation and spacing do not
 * matter): "Dự thảo nghị quyết", "du thao nghi quyet" and "draft-resolution" are all
 * `draft-resolution`.
 *
 * @since 0.1.0
 */
import { AdminUnit, Recommendation, Text } from "@hdnd/core"

/**
 * One accepted value.
 *
 * @since 0.1.0
 * @category models
 */
export interface Term {
  readonly code: string
  readonly vi: string
  readonly en: string
  readonly aliases?: ReadonlyArray<string>
}

/**
 * The comparison key of a header or value: `Text.matchKey` (NFC, lower case, no diacritics, đ → d,
 * "–"/"-"/" và " alike), then every run of punctuation or spaces as one space.
 *
 * @since 0.1.0
 * @category text
 */
export const valueKey = (s: string): string => {
  let key = keys.get(s)
  if (key === undefined) {
    key = Text.matchKey(s)
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
    // Values repeat (the same council, organ and label on every row): remember recent ones.
    if (keys.size >= 10_000) keys.clear()
    keys.set(s, key)
  }
  return key
}

const keys = new Map<string, string>()

const t = (code: string, vi: string, en: string, ...aliases: ReadonlyArray<string>): Term => ({ code, vi, en, aliases })

/** A term whose labels are the core's (`Recommendation.labels`), with other spellings. */
const labelled = (group: keyof typeof Recommendation.labels, code: string, ...aliases: ReadonlyArray<string>): Term => {
  const [vi, en] = (Recommendation.labels[group] as Readonly<Record<string, readonly [string, string]>>)[code] as readonly [string, string]
  return t(code, vi, en, ...aliases)
}

/**
 * Every vocabulary, by name.
 *
 * @since 0.1.0
 * @category data
 */
export const vocabularies = {
  unitType: (Object.keys(AdminUnit.unitTypeLabels) as ReadonlyArray<AdminUnit.UnitType>).map((code) =>
    t(code, AdminUnit.unitTypeLabels[code].vi, AdminUnit.unitTypeLabels[code].en, ...(code === "thanh-pho-truc-thuoc-tw" ? ["thành phố trực thuộc TW", "TP trực thuộc TW"] : []))
  ),
  organKind: [
    t("plenary", "Hội đồng nhân dân", "People's Council (plenary)", "HĐND", "toàn thể HĐND"),
    t("standing", "Thường trực HĐND", "Standing Committee", "Thường trực"),
    t("committee", "Ban của HĐND", "Committee", "Ban"),
    t("delegate-group", "Tổ đại biểu HĐND", "Delegate group", "Tổ đại biểu")
  ],
  sessionType: [
    t("regular", "thường lệ", "regular", "kỳ họp thường lệ"),
    t("special", "chuyên đề hoặc bất thường", "special", "kỳ họp không thường lệ"),
    t("chuyen-de", "chuyên đề", "thematic session", "kỳ họp chuyên đề"),
    t("bat-thuong", "bất thường", "extraordinary session", "kỳ họp bất thường"),
    t("phat-sinh-dot-xuat", "giải quyết công việc phát sinh đột xuất", "session on urgent matters", "phát sinh đột xuất", "đột xuất", "kỳ họp giải quyết công việc phát sinh đột xuất")
  ],
  specialLabel: [
    t("chuyen-de", "chuyên đề", "thematic session", "kỳ họp chuyên đề"),
    t("bat-thuong", "bất thường", "extraordinary session", "kỳ họp bất thường"),
    t("phat-sinh-dot-xuat", "giải quyết công việc phát sinh đột xuất", "session on urgent matters", "phát sinh đột xuất", "đột xuất")
  ],
  ordinalSeries: [
    t("all", "chung", "one sequence for all sessions", "một dãy", "tất cả", "đánh số chung"),
    t("regular", "thường lệ", "regular sessions only", "riêng kỳ họp thường lệ"),
    t("special", "chuyên đề", "special sessions only", "riêng kỳ họp chuyên đề", "bất thường")
  ],
  reviewSubject: [
    t("draft-resolution", "dự thảo nghị quyết", "draft resolution", "nghị quyết", "dự thảo NQ"),
    t("report", "báo cáo", "report"),
    t("submission", "tờ trình", "submission"),
    t("scheme", "đề án", "scheme", "dự án"),
    t("other", "khác", "other", "nội dung khác")
  ],
  documentType: [
    t("draft-resolution", "dự thảo nghị quyết", "draft resolution", "dự thảo NQ", "DTNQ"),
    t("report", "báo cáo", "report", "BC"),
    t("submission", "tờ trình", "submission", "TTr"),
    t("scheme", "đề án", "scheme", "ĐA"),
    t("other", "văn bản khác", "other document", "khác", "other")
  ],
  resolutionKind: [
    t("individual", "cá biệt", "individual", "nghị quyết cá biệt"),
    t("normative", "quy phạm pháp luật", "normative", "nghị quyết quy phạm pháp luật", "QPPL")
  ],
  supervisionMode: [
    t("thematic", "chuyên đề", "thematic", "giám sát chuyên đề"),
    t("periodic", "định kỳ", "periodic", "giám sát định kỳ"),
    t("ongoing", "thường xuyên", "ongoing", "giám sát thường xuyên")
  ],
  advisoryOrigin: [
    t("inter-session", "phát sinh giữa hai kỳ họp", "arising between sessions", "giữa hai kỳ họp", "nội dung phát sinh giữa hai kỳ họp"),
    t("assigned-by-standing", "theo sự phân công của Thường trực", "assigned by the standing committee", "Thường trực phân công", "do Thường trực phân công", "theo phân công của Thường trực HĐND", "theo sự phân công của Thường trực HĐND"),
    t("other", "khác", "other")
  ],
  venue: [
    t("session", "kỳ họp", "at a session", "tại kỳ họp"),
    t("standing-meeting", "phiên họp Thường trực", "at a standing-committee meeting", "tại phiên họp Thường trực", "phiên họp Thường trực HĐND"),
    t("committee-meeting", "cuộc họp của Ban", "at a committee meeting", "phiên họp của Ban", "họp Ban")
  ],
  qualifier: [
    t("exact", "chính xác", "exact", "đúng"),
    t("over", "hơn", "over", "trên", "không dưới", "ít nhất", "more than"),
    t("nearly", "gần", "nearly", "chưa đến", "chưa tới", "dưới", "gần như", "less than", "under"),
    t("about", "khoảng", "about", "ước", "ước tính", "ước khoảng", "hàng", "xấp xỉ", "trên dưới", "chừng", "approximately")
  ],
  lineageKind: [
    t("establish", "thành lập", "establish", "thành lập mới"),
    t("merge", "nhập", "merge", "sáp nhập", "hợp nhất"),
    t("split", "chia", "split", "chia tách", "tách"),
    t("rename", "đổi tên", "rename"),
    t("reclassify", "chuyển loại", "reclassify", "đổi loại", "nâng cấp"),
    t("abolish", "giải thể", "abolish", "kết thúc hoạt động")
  ],
  letterType: [
    t("complaint", "khiếu nại", "complaint"),
    t("denunciation", "tố cáo", "denunciation"),
    t("petition", "kiến nghị", "petition"),
    t("feedback", "phản ánh", "feedback")
  ],
  recommendationKind: [
    labelled("kind", "recommendation", "kiến nghị sau giám sát", "kiến nghị của Ban"),
    labelled("kind", "proposal", "đề nghị"),
    labelled("kind", "voter-petition", "kiến nghị của cử tri", "ý kiến cử tri", "ý kiến, kiến nghị cử tri", "kiến nghị cử tri", "petition")
  ],
  competentLevel: [
    labelled("level", "central", "cấp Trung ương", "TW", "trung ương"),
    labelled("level", "province", "tỉnh", "cấp tỉnh, thành phố"),
    labelled("level", "district", "huyện", "cấp huyện, thành phố"),
    labelled("level", "commune", "xã", "cấp xã, phường")
  ],
  addresseeKind: [
    labelled("addressee", "people-committee", "UBND", "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân huyện", "Ủy ban nhân dân xã"),
    labelled("addressee", "department", "sở", "ngành", "sở ngành", "cơ quan chuyên môn", "sở, ban, ngành"),
    labelled("addressee", "committee", "Ban", "Ban HĐND"),
    labelled("addressee", "standing", "Thường trực", "Thường trực Hội đồng nhân dân"),
    labelled("addressee", "na-delegation", "Đoàn ĐBQH", "Đoàn đại biểu Quốc hội tỉnh"),
    labelled("addressee", "other", "khác")
  ],
  evaluationStatus: [
    labelled("status", "resolved", "đã giải quyết xong", "giải quyết xong", "đã được giải quyết"),
    labelled("status", "being-resolved", "đang được giải quyết", "đang xem xét, giải quyết"),
    labelled("status", "explained", "đã giải trình", "giải trình", "đã cung cấp thông tin", "đã giải trình, cung cấp thông tin"),
    labelled("status", "not-resolved", "chưa được giải quyết")
  ],
  boolean: [t("true", "có", "yes", "x", "TRUE", "đúng", "1"), t("false", "không", "no", "FALSE", "sai", "0")]
} satisfies Record<string, ReadonlyArray<Term>>

/**
 * The name of a vocabulary.
 *
 * @since 0.1.0
 * @category models
 */
export type VocabularyName = keyof typeof vocabularies

const indexes = new Map<VocabularyName, ReadonlyMap<string, Term>>()

const indexOf = (name: VocabularyName): ReadonlyMap<string, Term> => {
  let m = indexes.get(name)
  if (m === undefined) {
    const built = new Map<string, Term>()
    const terms: ReadonlyArray<Term> = vocabularies[name]
    // Codes first, so a label never shadows a code.
    for (const term of terms) built.set(valueKey(term.code), term)
    for (const term of terms) {
      for (const s of [term.vi, term.en, ...(term.aliases ?? [])]) if (!built.has(valueKey(s))) built.set(valueKey(s), term)
    }
    m = built
    indexes.set(name, m)
  }
  return m
}

/**
 * The term a value stands for, or `undefined`.
 *
 * @since 0.1.0
 * @category lookup
 */
export const lookup = (name: VocabularyName, value: string): Term | undefined => indexOf(name).get(valueKey(value))

/**
 * The accepted values of a vocabulary as one line: `draft-resolution ("dự thảo nghị quyết"), …`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (name: VocabularyName, lang: "vi" | "en" = "vi"): string =>
  (vocabularies[name] as ReadonlyArray<Term>).map((term) => `${term.code} ("${lang === "vi" ? term.vi : term.en}")`).join(", ")

/**
 * Common ways of writing an activity kind together with one classifying field ("giám sát chuyên
 * đề" is a supervision whose mode is thematic), matched like vocabulary terms.
 *
 * @since 0.1.0
 * @category data
 */
export const activityShortcuts: ReadonlyArray<{
  readonly label: string
  readonly kind: string
  readonly set: { readonly field: "subject" | "mode" | "origin"; readonly value: string }
}> = [
  { label: "giám sát chuyên đề", kind: "supervision", set: { field: "mode", value: "thematic" } },
  { label: "giám sát định kỳ", kind: "supervision", set: { field: "mode", value: "periodic" } },
  { label: "giám sát thường xuyên", kind: "supervision", set: { field: "mode", value: "ongoing" } },
  { label: "thẩm tra dự thảo nghị quyết", kind: "review", set: { field: "subject", value: "draft-resolution" } },
  { label: "thẩm tra báo cáo", kind: "review", set: { field: "subject", value: "report" } },
  { label: "thẩm tra tờ trình", kind: "review", set: { field: "subject", value: "submission" } },
  { label: "thẩm tra đề án", kind: "review", set: { field: "subject", value: "scheme" } },
  { label: "tham mưu nội dung phát sinh giữa hai kỳ họp", kind: "advisory", set: { field: "origin", value: "inter-session" } },
  { label: "tham mưu theo sự phân công của Thường trực", kind: "advisory", set: { field: "origin", value: "assigned-by-standing" } }
]

/**
 * The qualifier word of a cell as it should be printed: the Vietnamese word as entered, NFC, in
 * lower case and with single spaces ("Trên" → "trên", "chưa  đến" → "chưa đến"; "tren" →
 * "trên"), or `undefined` when the cell is exact or holds a code or English label ("over",
 * "about"), which print as the default word.
 *
 * @since 0.2.0
 * @category text
 */
export const qualifierWording = (text: string): string | undefined => {
  const term = lookup("qualifier", text)
  if (term === undefined || term.code === "exact") return undefined
  const written = text.normalize("NFC").trim().replace(/\s+/gu, " ").toLocaleLowerCase("vi")
  if (/[^\u0000-\u007f]/u.test(written)) return written
  // Written without diacritics ("tren") or as a code or English label ("over"): the Vietnamese
  // spelling it stands for, if it is one, else the default word.
  const key = valueKey(text)
  return [term.vi, ...(term.aliases ?? [])].find((w) => /[^\u0000-\u007f]/u.test(w) && valueKey(w) === key)
}

/**
 * Splits a number written with its qualifier ("trên 1.500", "Khoảng 200", "chưa đến 10") into the
 * qualifier term, the word as {@link qualifierWording} keeps it, and the text of the number; or
 * `undefined` when the text does not start with a qualifier word followed by a number.
 *
 * @since 0.2.0
 * @category text
 */
export const splitQualified = (text: string): { readonly code: string; readonly wording: string | undefined; readonly number: string } | undefined => {
  const m = /^(\D+?)\s*(\d[\d.\s\u00a0\u202f]*)$/u.exec(text.normalize("NFC").trim())
  if (m === null) return undefined
  const word = (m[1] ?? "").trim()
  const term = lookup("qualifier", word)
  if (term === undefined) return undefined
  return { code: term.code, wording: qualifierWording(word), number: (m[2] ?? "").trim() }
}
