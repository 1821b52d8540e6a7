/**
 * The interchange format: for every entity, its columns with an English and a Vietnamese header
 * (plus other accepted spellings), the kind of value each holds and an example. Headers are matched
 * with {@link Vocabulary.valueKey}, so case, diacritics, punctuation and spacing do not matter
 * ("Từ ngày", "tu ngay", "TỪ NGÀY"). Every column also answers to its field path in the core
 * encoding ("date.from", "organisers"), which is what a JSON record flattens to.
 *
 * The templates in `docs/templates/` and the reference in `docs/interchange.md` are built from these
 * tables.
 *
 * @since 0.1.0
 */
import { Dataset } from "@hdnd/core"
import * as Either from "effect/Either"
import type { VocabularyName } from "./Vocabulary.js"
import { valueKey } from "./Vocabulary.js"

/**
 * What a column holds, which decides how its text is read:
 *
 * - `id`: an identifier, ASCII letters, digits and `. _ : / -`.
 * - `text`: free text.
 * - `date`: `dd/mm/yyyy`, ISO `yyyy-mm-dd` or "ngày 05 tháng 01 năm 2024".
 * - `integer`: a whole number, digits grouped with "." or not ("1.044").
 * - `convocation`: a Roman numeral, a number or "khóa XV".
 * - `month`: a month of the year: a number ("7", "07"), "Tháng 7", "T7" or a Roman numeral I–XII
 *   ("VII"); case and diacritics do not matter.
 * - `quarter`: a quarter of the year: a number ("3"), "Quý 3", "Quý III", "Q3" or a Roman numeral
 *   I–IV ("III"); case and diacritics do not matter.
 * - `enum`: a code or label of a vocabulary.
 * - `ref`, `refs`: one reference (or several separated by ";"), by id or by name (records the
 *   importer does not keep, such as activities, recommendations and programmes, by id only).
 * - `attribute`: a kind-specific attribute of an activity (a number, yes/no, or a code).
 *
 * @since 0.1.0
 * @category models
 */
export type ValueType = "id" | "text" | "date" | "integer" | "convocation" | "month" | "quarter" | "enum" | "ref" | "refs" | "attribute"

/**
 * What a reference column refers to.
 *
 * @since 0.1.0
 * @category models
 */
export type RefTarget =
  | "units"
  | "councils"
  | "terms"
  | "organs"
  | "sessions"
  | "meetings"
  | "activityKinds"
  | "committeeKinds"
  | "indicators"
  /** An organ of any council: by id, by name with its council, by name within the record's council. */
  | "anyOrgans"
  | "activities"
  | "recommendations"
  | "responses"
  | "programmes"
  | "programmeItems"

/**
 * One column of an entity.
 *
 * @since 0.1.0
 * @category models
 */
export interface Column {
  /** The field path in the core encoding: `date.from`, `organisers`, `attributes.questions`. */
  readonly field: string
  readonly en: string
  readonly vi: string
  /** Other accepted headers (the field path is always accepted too). */
  readonly aliases: ReadonlyArray<string>
  readonly type: ValueType
  /** Whether a row must fill it (some required fields have defaults, noted in `noteVi`/`noteEn`). */
  readonly required: boolean
  readonly vocabulary?: VocabularyName
  readonly ref?: RefTarget
  readonly noteVi: string
  readonly noteEn: string
  /** The value of the templates' example row. */
  readonly example: string
  /** Whether the column is in the templates. */
  readonly inTemplate: boolean
}

/**
 * An entity of the interchange format.
 *
 * @since 0.1.0
 * @category models
 */
export interface EntitySpec {
  readonly kind: Dataset.EntityKind
  readonly vi: string
  readonly en: string
  /** Names a file or sheet of this entity may have ("hoat-dong.csv", sheet "Hoạt động"). */
  readonly names: ReadonlyArray<string>
  readonly columns: ReadonlyArray<Column>
}

interface ColumnOptions {
  readonly required?: boolean
  readonly aliases?: ReadonlyArray<string>
  readonly vocabulary?: VocabularyName
  readonly ref?: RefTarget
  readonly example?: string
  readonly inTemplate?: boolean
}

const col = (field: string, en: string, vi: string, type: ValueType, noteVi: string, noteEn: string, o: ColumnOptions = {}): Column => ({
  field,
  en,
  vi,
  aliases: [...(o.aliases ?? []), ...(field === en ? [] : [field])],
  type,
  required: o.required ?? false,
  ...(o.vocabulary === undefined ? {} : { vocabulary: o.vocabulary }),
  ...(o.ref === undefined ? {} : { ref: o.ref }),
  noteVi,
  noteEn,
  example: o.example ?? "",
  inTemplate: o.inTemplate ?? true
})

const id = (example: string): Column =>
  col("id", "id", "Mã", "id", "mã riêng, không đổi, của bản ghi; nhập lại cùng mã thì bản ghi được cập nhật, không nhân đôi",
    "the record's own stable id; importing the same id again updates the record instead of duplicating it", { required: true, example, aliases: ["Mã số", "Mã bản ghi"] })

const council = (): Column =>
  col("council", "council", "HĐND", "ref", "HĐND: mã hoặc tên (\"HĐND tỉnh Sơn La\"), hoặc tên/mã ĐVHC của HĐND; có thể bỏ cột nếu khi nhập đã chỉ rõ HĐND mặc định",
    "the council: id or name (\"HĐND tỉnh Sơn La\"), or the name or GSO code of its unit; the column may be left out when the import has a default council", {
      required: true,
      ref: "councils",
      aliases: ["Hội đồng nhân dân", "Tên HĐND"],
      example: "HĐND tỉnh Sơn La"
    })

const from = (field: string, example: string, required = true, aliases: ReadonlyArray<string> = []): Column =>
  col(`${field}.from`, "from", "Từ ngày", "date", "ngày bắt đầu (dd/mm/yyyy hoặc yyyy-mm-dd)", "the first day (dd/mm/yyyy or yyyy-mm-dd)", {
    required,
    example,
    aliases: ["Ngày bắt đầu", ...aliases]
  })

const to = (field: string, example: string, noteVi: string, noteEn: string, aliases: ReadonlyArray<string> = []): Column =>
  col(`${field}.to`, "to", "Đến ngày", "date", noteVi, noteEn, { example, aliases: ["Ngày kết thúc", ...aliases] })

const OPEN_VI = "ngày cuối; để trống nếu còn hiệu lực"
const OPEN_EN = "the last day; leave empty while still valid"

const spec = (kind: Dataset.EntityKind, vi: string, en: string, names: ReadonlyArray<string>, columns: ReadonlyArray<Column>): EntitySpec => ({
  kind,
  vi,
  en,
  names: [kind, vi, en, ...names],
  columns
})

/** A document number and symbol column ("71/BC-HĐND"), checked against the core pattern. */
const documentRef = (field: string, vi: string, example: string, aliases: ReadonlyArray<string>): Column =>
  col(field, field, vi, "text", "số, ký hiệu văn bản (\"71/BC-HĐND\")", "the document number and symbol (\"71/BC-HĐND\")", { example, aliases })

/** A note column. */
const note = (): Column => col("note", "note", "Ghi chú", "text", "ghi chú", "a note")

/** A reference by id to a record of the same import or already stored. */
const idRef = (field: string, en: string, vi: string, ref: RefTarget, noteVi: string, noteEn: string, o: ColumnOptions = {}): Column =>
  col(field, en, vi, "ref", noteVi, noteEn, { ...o, ref })

const attr = (name: string, vi: string, noteVi: string, noteEn: string, aliases: ReadonlyArray<string> = []): Column =>
  col(`attributes.${name}`, name, vi, "attribute", noteVi, noteEn, { aliases, inTemplate: false })

/**
 * Every entity of the interchange format, in dependency order.
 *
 * @since 0.1.0
 * @category data
 */
export const entities: Readonly<Record<Dataset.EntityKind, EntitySpec>> = {
  units: spec("units", "Đơn vị hành chính", "Administrative units", ["đơn vị", "ĐVHC", "units"], [
    id("vn-14"),
    col("code", "code", "Mã ĐVHC", "text", "mã đơn vị hành chính của Tổng cục Thống kê: 2 chữ số (tỉnh), 3 (huyện), 5 (xã); giữ số 0 ở đầu",
      "the GSO code: 2 digits (province), 3 (district), 5 (commune); keep leading zeros", {
        required: true,
        example: "14",
        aliases: ["Mã đơn vị hành chính", "Mã GSO", "Mã TCTK", "gsoCode"]
      }),
    col("name", "name", "Tên", "text", "tên đơn vị, kèm loại (\"Tỉnh Sơn La\", \"Xã Mường Bú\")", "the unit's name with its type (\"Tỉnh Sơn La\")", {
      required: true,
      example: "Tỉnh Sơn La",
      aliases: ["Tên đơn vị", "Tên ĐVHC"]
    }),
    col("type", "type", "Loại đơn vị", "enum", "tỉnh, thành phố trực thuộc trung ương, huyện, quận, thị xã, thành phố thuộc tỉnh, xã, phường, thị trấn, đặc khu",
      "province, centrally-run city, rural district, urban district, district-level town, provincial city, commune, ward, township, special zone", {
        required: true,
        vocabulary: "unitType",
        example: "tỉnh",
        aliases: ["Loại ĐVHC", "Loại"]
      }),
    col("parent", "parent", "Trực thuộc", "ref", "đơn vị cấp trên: mã, tên hoặc mã ĐVHC (tra theo ngày bắt đầu); để trống với cấp tỉnh",
      "the parent unit: id, name or GSO code (as of the start date); empty for a province", {
        ref: "units",
        aliases: ["Đơn vị cấp trên", "Cấp trên"]
      }),
    from("validity", "01/01/2004", true, ["Hiệu lực từ"]),
    to("validity", "", OPEN_VI, OPEN_EN, ["Hiệu lực đến"])
  ]),
  lineage: spec("lineage", "Sắp xếp đơn vị hành chính", "Lineage events", ["sắp xếp", "sáp nhập", "lineage"], [
    id("sl-moc-chau-2025"),
    col("kind", "kind", "Hình thức", "enum", "thành lập, nhập, chia, đổi tên, chuyển loại, giải thể", "establish, merge, split, rename, reclassify, abolish", {
      required: true,
      vocabulary: "lineageKind",
      example: "chuyển loại",
      aliases: ["Hình thức sắp xếp", "Loại sự kiện"]
    }),
    col("date", "date", "Ngày hiệu lực", "date", "ngày các đơn vị mới bắt đầu", "the day the new units start", {
      required: true,
      example: "01/03/2025",
      aliases: ["Ngày"]
    }),
    col("sources", "sources", "Đơn vị cũ", "refs", "các đơn vị cũ, cách nhau bởi \";\" (mã, tên hoặc mã ĐVHC, tra theo ngày trước ngày hiệu lực)",
      "the former units, separated by \";\" (id, name or GSO code, as of the day before)", {
        ref: "units",
        example: "Huyện Mộc Châu",
        aliases: ["Đơn vị nguồn"]
      }),
    col("targets", "targets", "Đơn vị mới", "refs", "các đơn vị mới, cách nhau bởi \";\" (tra theo ngày hiệu lực)", "the new units, separated by \";\" (as of the date)", {
      ref: "units",
      example: "Thị xã Mộc Châu",
      aliases: ["Đơn vị đích"]
    }),
    col("legalBasis", "legalBasis", "Căn cứ", "text", "văn bản quyết định việc sắp xếp", "the legal instrument", {
      example: "NQ 1280/NQ-UBTVQH15",
      aliases: ["Căn cứ pháp lý", "legal basis"]
    }),
    note()
  ]),
  councils: spec("councils", "Hội đồng nhân dân", "Councils", ["HĐND", "councils"], [
    id("hdnd-tinh-son-la"),
    col("unit", "unit", "Đơn vị hành chính", "ref", "ĐVHC của HĐND: mã, tên hoặc mã ĐVHC (tra theo ngày bắt đầu)", "the council's unit: id, name or GSO code (as of the start date)", {
      required: true,
      ref: "units",
      example: "Tỉnh Sơn La",
      aliases: ["ĐVHC"]
    }),
    col("name", "name", "Tên", "text", "tên HĐND (\"HĐND tỉnh Sơn La\")", "the council's name (\"HĐND tỉnh Sơn La\")", {
      required: true,
      example: "HĐND tỉnh Sơn La",
      aliases: ["Tên HĐND"]
    }),
    from("validity", "01/01/2004"),
    to("validity", "", OPEN_VI, OPEN_EN)
  ]),
  terms: spec("terms", "Nhiệm kỳ", "Terms", ["khóa", "terms"], [
    id("hdnd-tinh-son-la.khoa-xv"),
    council(),
    col("convocation", "convocation", "Khóa", "convocation", "số khóa bằng số La Mã (XV) hoặc số (15)", "the convocation as a Roman numeral (XV) or a number (15)", {
      required: true,
      example: "XV",
      aliases: ["Khoá"]
    }),
    from("validity", "23/05/2021"),
    to("validity", "14/03/2026", "ngày kết thúc nhiệm kỳ; để trống nếu chưa kết thúc", "the last day of the term; empty while it runs"),
    col("electionDate", "electionDate", "Ngày bầu cử", "date", "ngày bầu cử đại biểu", "the election day", { example: "23/05/2021", aliases: ["election date"] })
  ]),
  organs: spec("organs", "Cơ quan của HĐND", "Organs", ["cơ quan", "các ban", "organs"], [
    id("sl.ban-phap-che"),
    council(),
    col("kind", "kind", "Loại cơ quan", "enum", "HĐND (toàn thể), Thường trực HĐND, Ban, Tổ đại biểu", "plenary, standing committee, committee, delegate group", {
      required: true,
      vocabulary: "organKind",
      example: "Ban"
    }),
    col("committeeKind", "committeeKind", "Loại Ban", "ref", "với Ban: Ban Pháp chế, Ban Kinh tế – Ngân sách, Ban Văn hóa – Xã hội, Ban Dân tộc, Ban Đô thị, Ban Kinh tế – Xã hội (hoặc mã loại Ban)",
      "for committees: the committee kind, by label or code (phap-che, kinh-te-ngan-sach …)", {
        ref: "committeeKinds",
        example: "Ban Pháp chế",
        aliases: ["committee kind"]
      }),
    col("name", "name", "Tên", "text", "tên cơ quan (\"Ban Pháp chế\")", "the organ's name (\"Ban Pháp chế\")", {
      required: true,
      example: "Ban Pháp chế",
      aliases: ["Tên cơ quan"]
    }),
    from("validity", "25/06/2021"),
    to("validity", "14/03/2026", OPEN_VI, OPEN_EN)
  ]),
  sessions: spec("sessions", "Kỳ họp", "Sessions", ["kỳ họp HĐND", "sessions"], [
    id("sl.ky-hop-7"),
    council(),
    col("term", "term", "Nhiệm kỳ", "ref", "nhiệm kỳ: mã, hoặc khóa (\"XV\", \"khóa XV\")", "the term: id, or convocation (\"XV\")", {
      ref: "terms",
      example: "khóa XV",
      aliases: ["Khóa"]
    }),
    col("ordinal", "ordinal", "Số thứ tự", "integer", "số thứ tự của kỳ họp; để trống thì lấy từ tên (\"Kỳ họp thứ 7\")", "the session's number; taken from the label (\"Kỳ họp thứ 7\") when empty", {
      required: true,
      example: "7",
      aliases: ["Thứ tự", "Kỳ họp thứ", "Số"]
    }),
    col("series", "series", "Cách đánh số", "enum", "dãy đánh số: chung (mặc định), thường lệ, chuyên đề (nơi đánh số riêng như Sơn La)",
      "the numbering sequence: all (default), regular, special (where they are numbered separately, as in Sơn La)", {
        vocabulary: "ordinalSeries",
        example: "thường lệ",
        aliases: ["Dãy đánh số", "Dãy số"]
      }),
    col("type", "type", "Loại kỳ họp", "enum", "thường lệ, chuyên đề, bất thường, giải quyết công việc phát sinh đột xuất; để trống thì suy từ tên, mặc định thường lệ",
      "regular, thematic (chuyên đề), extraordinary (bất thường), urgent matters; taken from the label when empty, regular by default", {
        vocabulary: "sessionType",
        example: "thường lệ"
      }),
    col("specialLabel", "specialLabel", "Tên gọi kỳ họp không thường lệ", "enum", "chuyên đề, bất thường, phát sinh đột xuất (thường không cần: đã suy từ Loại kỳ họp)",
      "chuyen-de, bat-thuong, phat-sinh-dot-xuat (rarely needed: taken from the type)", {
        vocabulary: "specialLabel",
        inTemplate: false,
        aliases: ["special label"]
      }),
    col("label", "label", "Tên kỳ họp", "text", "tên như văn bản ghi (\"Kỳ họp thứ 7\", \"Kỳ họp chuyên đề lần thứ mười một\")",
      "the name as documents write it (\"Kỳ họp thứ 7\")", { example: "Kỳ họp thứ 7", aliases: ["Tên"] }),
    from("dates", "19/07/2023", true, ["Ngày", "Ngày khai mạc"]),
    to("dates", "21/07/2023", "ngày bế mạc; để trống nếu họp một ngày", "the closing day; empty for a one-day session", ["Ngày bế mạc"])
  ]),
  meetings: spec("meetings", "Phiên họp Thường trực", "Standing-committee meetings", ["phiên họp", "meetings"], [
    id("sl.phien-hop-26"),
    council(),
    col("term", "term", "Nhiệm kỳ", "ref", "nhiệm kỳ: mã, hoặc khóa (\"XV\")", "the term: id, or convocation (\"XV\")", { ref: "terms", example: "XV", aliases: ["Khóa"] }),
    col("ordinal", "ordinal", "Số thứ tự", "integer", "số thứ tự phiên họp; để trống thì lấy từ tên (\"Phiên họp thứ 26\")", "the meeting's number; taken from the label when empty", {
      required: true,
      example: "26",
      aliases: ["Thứ tự", "Phiên họp thứ", "Số"]
    }),
    col("date", "date", "Ngày", "date", "ngày họp", "the day of the meeting", { required: true, example: "14/04/2023", aliases: ["Ngày họp"] }),
    col("label", "label", "Tên phiên họp", "text", "tên như văn bản ghi (\"Phiên họp thứ 26\")", "the name as documents write it", {
      example: "Phiên họp thứ 26",
      aliases: ["Tên"]
    })
  ]),
  activities: spec("activities", "Hoạt động", "Activities", ["hoạt động của các ban", "activities"], [
    id("sl-2023-001"),
    council(),
    col("kind", "kind", "Loại hoạt động", "ref", "thẩm tra, giám sát, khảo sát, tham mưu, đề xuất, chất vấn, giải trình, tiếp xúc cử tri, tiếp công dân … (hoặc mã: review, supervision …); \"giám sát chuyên đề\", \"thẩm tra báo cáo\" … điền luôn hình thức hoặc đối tượng",
      "review, supervision, survey, advisory, interpellation … (label or code); \"giám sát chuyên đề\", \"thẩm tra báo cáo\" … also fill the mode or subject", {
        required: true,
        ref: "activityKinds",
        example: "thẩm tra",
        aliases: ["Loại"]
      }),
    col("owner", "owner", "Thuộc thẩm quyền của", "ref", "cơ quan mà hoạt động thuộc về (HĐND, Thường trực, một Ban …), theo mã hoặc tên trong HĐND; để trống nếu chỉ có một cơ quan chủ trì",
      "the organ the activity belongs to (the council, the standing committee, a committee …), by id or name; empty when there is a single organiser", {
        ref: "organs",
        example: "Ban Pháp chế",
        aliases: ["Chủ thể", "Của cơ quan", "Thuộc"]
      }),
    col("organisers", "organisers", "Cơ quan chủ trì", "refs", "cơ quan thực hiện, theo mã hoặc tên; nhiều cơ quan cách nhau bởi \";\"",
      "the organs that carried it out, by id or name; several separated by \";\"", {
        required: true,
        ref: "organs",
        example: "Ban Pháp chế",
        aliases: ["Cơ quan thực hiện", "Cơ quan tổ chức", "Đơn vị chủ trì", "organizers"]
      }),
    from("date", "10/07/2023", true, ["Ngày", "Thời gian"]),
    to("date", "", "ngày kết thúc; để trống nếu làm trong một ngày", "the last day; empty for one day"),
    col("session", "session", "Kỳ họp", "ref", "kỳ họp được phục vụ (trình kỳ họp): mã, tên hoặc \"Kỳ họp thứ 7\", \"Kỳ họp chuyên đề thứ 11\"",
      "the session served: id, label or \"Kỳ họp thứ 7\"", { ref: "sessions", example: "Kỳ họp thứ 7", aliases: ["Trình kỳ họp"] }),
    col("meeting", "meeting", "Phiên họp", "ref", "phiên họp Thường trực: mã, tên hoặc \"Phiên họp thứ 26\"", "the standing-committee meeting: id, label or \"Phiên họp thứ 26\"", {
      ref: "meetings",
      aliases: ["Phiên họp Thường trực"]
    }),
    col("title", "title", "Nội dung", "text", "nội dung, tên hoạt động", "what was done", {
      required: true,
      example: "Thẩm tra dự thảo Nghị quyết quy định mức chi hỗ trợ trợ giúp pháp lý",
      aliases: ["Tên hoạt động", "Tên", "Nội dung hoạt động"]
    }),
    documentRef("documentRef", "Số, ký hiệu", "71/BC-HĐND", ["Số ký hiệu", "Số hiệu văn bản", "Văn bản", "document ref"]),
    col("source", "source", "Nguồn", "text", "nguồn số liệu (văn bản, báo cáo)", "where the record comes from", {
      example: "Báo cáo thẩm tra số 71/BC-HĐND",
      aliases: ["Nguồn số liệu"]
    }),
    col("subject", "subject", "Đối tượng thẩm tra", "enum", "với thẩm tra: dự thảo nghị quyết, báo cáo, tờ trình, đề án, khác", "for reviews: draft resolution, report, submission, scheme, other", {
      vocabulary: "reviewSubject",
      example: "dự thảo nghị quyết",
      aliases: ["Loại văn bản thẩm tra"]
    }),
    col("resolutionKind", "resolutionKind", "Loại nghị quyết", "enum", "với dự thảo nghị quyết: cá biệt, quy phạm pháp luật", "for draft resolutions: individual, normative", {
      vocabulary: "resolutionKind",
      example: "quy phạm pháp luật",
      aliases: ["resolution kind"]
    }),
    col("mode", "mode", "Hình thức giám sát", "enum", "với giám sát: chuyên đề, định kỳ, thường xuyên", "for supervisions: thematic, periodic, ongoing", {
      vocabulary: "supervisionMode"
    }),
    col("origin", "origin", "Nguồn gốc", "enum", "với tham mưu: phát sinh giữa hai kỳ họp, theo sự phân công của Thường trực, khác",
      "for advisory work: arising between sessions, assigned by the standing committee, other", { vocabulary: "advisoryOrigin", aliases: ["Nguồn gốc nội dung"] }),
    col("venue", "venue", "Nơi tiến hành", "enum", "với chất vấn, giải trình: kỳ họp, phiên họp Thường trực, cuộc họp của Ban", "for interpellations and hearings: session, standing meeting, committee meeting", {
      vocabulary: "venue",
      aliases: ["Diễn ra tại"]
    }),
    attr("delegation", "Đoàn giám sát", "giám sát: có thành lập Đoàn giám sát (có/không)", "supervision: a supervision delegation was formed (yes/no)"),
    attr("recommendations", "Số kiến nghị", "giám sát: số kiến nghị sau giám sát", "supervision: number of recommendations"),
    attr("questions", "Số câu hỏi chất vấn", "chất vấn: số câu hỏi", "interpellation: number of questions", ["Số lượt chất vấn"]),
    attr("delegates", "Số đại biểu", "chất vấn: số đại biểu chất vấn", "interpellation: number of delegates"),
    attr("voters", "Số cử tri", "tiếp xúc cử tri: số cử tri dự", "voter meeting: voters attending"),
    attr("opinions", "Số ý kiến", "tiếp xúc cử tri: số ý kiến, kiến nghị", "voter meeting: opinions raised"),
    attr("citizens", "Số lượt công dân", "tiếp công dân: số lượt công dân", "citizen reception: citizens received"),
    attr("letters", "Số đơn thư", "đơn, thư: số đơn thư", "letters: number of letters"),
    attr("letterType", "Loại đơn thư", "đơn, thư: khiếu nại, tố cáo, kiến nghị, phản ánh", "letters: complaint, denunciation, petition, feedback"),
    attr("documents", "Số văn bản", "giám sát văn bản: số văn bản", "legal-document supervision: documents"),
    attr("persons", "Số người", "lấy phiếu, bỏ phiếu tín nhiệm: số người", "confidence rating or vote: persons")
  ]),
  tallies: spec("tallies", "Số liệu tổng hợp", "Tallies", ["số liệu", "tallies"], [
    id("sl-2023-tham-tra"),
    council(),
    col("organ", "organ", "Cơ quan", "ref", "cơ quan báo cáo số liệu (mã hoặc tên); để trống nếu là số của cả HĐND", "the reporting organ (id or name); empty for the council as a whole", {
      ref: "organs",
      aliases: ["Cơ quan báo cáo"]
    }),
    col("indicator", "indicator", "Chỉ tiêu", "ref", "chỉ tiêu: mã (core/review.content) hoặc tên (\"Nội dung đã thẩm tra\")", "the indicator: id (core/review.content) or its label", {
      required: true,
      ref: "indicators",
      example: "Nội dung đã thẩm tra"
    }),
    from("period", "01/08/2022"),
    col("period.to", "to", "Đến ngày", "date", "ngày cuối của kỳ số liệu", "the last day of the period", { required: true, example: "31/08/2023", aliases: ["Ngày kết thúc"] }),
    col("value", "value", "Số liệu", "integer", "số nguyên không âm; có thể viết \"1.044\"", "a non-negative whole number; \"1.044\" is read as 1044", {
      required: true,
      example: "1.044",
      aliases: ["Giá trị", "Số lượng"]
    }),
    col("qualifier", "qualifier", "Mức độ", "enum", "chính xác (mặc định), hơn, gần, khoảng", "exact (default), over, nearly, about", {
      vocabulary: "qualifier",
      example: "chính xác",
      aliases: ["Mức độ chính xác"]
    }),
    col("source", "source", "Nguồn", "text", "văn bản nguồn của số liệu", "the document the number comes from", { example: "Báo cáo số 85/BC-HĐND", aliases: ["Nguồn số liệu"] }),
    note()
  ]),
  recommendations: spec("recommendations", "Kiến nghị", "Recommendations", ["kiến nghị, đề xuất", "ý kiến, kiến nghị của cử tri", "kiến nghị của cử tri", "kiến nghị cử tri", "recommendations"], [
    id("sl-kn-2023-001"),
    col("council", "council", "HĐND", "ref", "HĐND có hồ sơ kiến nghị (HĐND nhận kiến nghị, hoặc HĐND tổ chức tiếp xúc cử tri): mã hoặc tên; có thể bỏ cột nếu khi nhập đã chỉ rõ HĐND mặc định",
      "the council whose records hold it (the council it was raised to, or that held the voter meeting): id or name; the column may be left out when the import has a default council", {
        required: true,
        ref: "councils",
        aliases: ["Hội đồng nhân dân", "Tên HĐND"],
        example: "HĐND tỉnh Sơn La"
      }),
    col("kind", "kind", "Loại", "enum", "kiến nghị, đề xuất, ý kiến, kiến nghị của cử tri", "recommendation, proposal, voters' petition", {
      required: true,
      vocabulary: "recommendationKind",
      example: "kiến nghị",
      aliases: ["Loại kiến nghị", "Hình thức"]
    }),
    col("raisedBy", "raisedBy", "Cơ quan kiến nghị", "ref",
      "cơ quan nêu kiến nghị, đề xuất (để trống với kiến nghị của cử tri): mã, tên trong HĐND (\"Ban Pháp chế\"), hoặc tên kèm HĐND khi là cơ quan của HĐND khác (\"Ban Pháp chế HĐND thành phố Sơn La\")",
      "the organ that raised it (empty for a voters' petition): id, name within the council (\"Ban Pháp chế\"), or name with its council when it is another council's (\"Ban Pháp chế HĐND thành phố Sơn La\")", {
        ref: "anyOrgans",
        example: "Ban Pháp chế HĐND thành phố Sơn La",
        aliases: ["Cơ quan đề xuất", "Cơ quan nêu kiến nghị", "Nơi kiến nghị", "raised by"]
      }),
    idRef("activity", "activity", "Hoạt động", "activities", "mã hoạt động mà kiến nghị phát sinh từ đó (cuộc giám sát, khảo sát, tiếp xúc cử tri, hội nghị)",
      "the id of the activity it came from (a supervision mission, a survey, a voter meeting, a conference)", { aliases: ["Mã hoạt động", "Phát sinh từ hoạt động"] }),
    col("session", "session", "Kỳ họp", "ref", "kỳ họp mà kiến nghị được gửi tới (hoặc chuyển sang): mã, tên hoặc \"Kỳ họp thứ 7\"",
      "the session it was raised for (or carried to): id, label or \"Kỳ họp thứ 7\"", { ref: "sessions", example: "Kỳ họp thứ 7", aliases: ["Trước kỳ họp", "Gửi kỳ họp"] }),
    col("raisedOn", "raisedOn", "Ngày tiếp nhận", "date", "ngày kiến nghị được nêu hoặc tiếp nhận", "the day it was raised or received", {
      required: true,
      example: "05/07/2023",
      aliases: ["Ngày", "Ngày kiến nghị", "Ngày nhận", "raised on"]
    }),
    col("content", "content", "Nội dung", "text", "nội dung kiến nghị", "what it asks for", {
      required: true,
      example: "Đề nghị bố trí kinh phí sửa chữa trụ sở tiếp công dân cấp huyện",
      aliases: ["Nội dung kiến nghị", "Tóm tắt nội dung"]
    }),
    col("field", "field", "Lĩnh vực", "text", "lĩnh vực, như HĐND vẫn gọi (\"Tài chính – Ngân sách\", \"Đất đai\", \"Y tế\")",
      "the field as the council names it (\"Tài chính – Ngân sách\", \"Đất đai\")", { required: true, example: "Tài chính – Ngân sách", aliases: ["Ngành, lĩnh vực"] }),
    col("level", "level", "Cấp giải quyết", "enum", "cấp có thẩm quyền giải quyết: Trung ương, cấp tỉnh, cấp huyện, cấp xã", "the level competent to act: central, provincial, district, commune", {
      required: true,
      vocabulary: "competentLevel",
      example: "cấp tỉnh",
      aliases: ["Thẩm quyền giải quyết", "Cấp thẩm quyền"]
    }),
    col("addressee.kind", "addresseeKind", "Loại cơ quan nhận", "enum",
      "loại cơ quan được chuyển kiến nghị: Ủy ban nhân dân, sở, ngành, Ban của HĐND, Thường trực HĐND, Đoàn đại biểu Quốc hội, cơ quan khác",
      "the kind of agency it is addressed to: People's Committee, department, council committee, standing committee, National Assembly delegation, other", {
        required: true,
        vocabulary: "addresseeKind",
        example: "Ủy ban nhân dân",
        aliases: ["addressee kind"]
      }),
    col("addressee.name", "addressee", "Cơ quan nhận", "text", "tên cơ quan được chuyển kiến nghị, như văn bản ghi (\"UBND tỉnh\", \"Sở Tài chính\")",
      "the agency's name as written (\"UBND tỉnh\", \"Sở Tài chính\")", {
        required: true,
        example: "UBND tỉnh Sơn La",
        aliases: ["Cơ quan giải quyết", "Chuyển đến", "Gửi đến"]
      }),
    col("addressee.organ", "addresseeOrgan", "Cơ quan nhận thuộc HĐND", "ref",
      "khi cơ quan nhận là một cơ quan của HĐND (Ban, Thường trực): mã hoặc tên của cơ quan đó", "when the addressee is an organ of a council (a committee, the standing committee): its id or name", {
        ref: "anyOrgans",
        aliases: ["Mã cơ quan nhận", "addressee organ"]
      }),
    col("forwardedOn", "forwardedOn", "Ngày chuyển", "date", "ngày chuyển kiến nghị đến cơ quan giải quyết", "the day it was forwarded to the agency", {
      example: "10/07/2023",
      aliases: ["Ngày chuyển đi", "forwarded on"]
    }),
    col("deadline", "deadline", "Hạn trả lời", "date", "hạn cơ quan nhận phải trả lời", "the day the answer is due", { example: "10/08/2023", aliases: ["Thời hạn trả lời", "Hạn"] }),
    idRef("mergedInto", "mergedInto", "Gộp vào", "recommendations", "với kiến nghị trùng nội dung: mã của kiến nghị được giữ làm đại diện (cùng HĐND)",
      "for a duplicate: the id of the recommendation that stands for the matter (same council)", { aliases: ["Trùng với", "merged into"] }),
    col("source", "source", "Nguồn", "text", "nơi tiếp nhận, bằng lời (\"TXCT tại xã Chiềng Cơi\"); được giữ khi gộp kiến nghị", "where it was received, in words; kept when merged", {
      example: "Hội nghị giao ban Thường trực HĐND tỉnh với Thường trực HĐND cấp huyện",
      aliases: ["Nơi tiếp nhận", "Nguồn kiến nghị"]
    }),
    note()
  ]),
  responses: spec("responses", "Trả lời kiến nghị", "Responses", ["trả lời", "văn bản trả lời", "responses"], [
    id("sl-kn-2023-001.tl-1"),
    idRef("recommendation", "recommendation", "Kiến nghị", "recommendations", "mã kiến nghị được trả lời", "the id of the recommendation answered", {
      required: true,
      example: "sl-kn-2023-001",
      aliases: ["Mã kiến nghị"]
    }),
    col("date", "date", "Ngày", "date", "ngày văn bản trả lời", "the date of the answer", { required: true, example: "15/08/2023", aliases: ["Ngày trả lời", "Ngày văn bản"] }),
    col("responder", "responder", "Cơ quan trả lời", "text", "cơ quan trả lời, như văn bản ghi (\"UBND tỉnh\", \"Sở Tài chính\")", "who answered, as written", {
      required: true,
      example: "UBND tỉnh Sơn La",
      aliases: ["Đơn vị trả lời"]
    }),
    documentRef("document", "Số văn bản", "301/UBND-KT", ["Số, ký hiệu", "Số ký hiệu", "Văn bản trả lời", "document ref"]),
    col("content", "content", "Nội dung", "text", "nội dung trả lời", "what the answer says", {
      required: true,
      example: "Đã bố trí kinh phí trong dự toán năm 2024",
      aliases: ["Nội dung trả lời"]
    })
  ]),
  evaluations: spec("evaluations", "Đánh giá kết quả giải quyết", "Evaluations", ["đánh giá", "kết quả giải quyết", "evaluations"], [
    id("sl-kn-2023-001.dg-1"),
    idRef("recommendation", "recommendation", "Kiến nghị", "recommendations", "mã kiến nghị", "the id of the recommendation", {
      required: true,
      example: "sl-kn-2023-001",
      aliases: ["Mã kiến nghị"]
    }),
    idRef("response", "response", "Trả lời", "responses", "mã văn bản trả lời được đánh giá", "the id of the response evaluated", {
      required: true,
      example: "sl-kn-2023-001.tl-1",
      aliases: ["Văn bản trả lời", "Mã trả lời"]
    }),
    col("date", "date", "Ngày", "date", "ngày đánh giá", "the day of the evaluation", { required: true, example: "20/09/2023", aliases: ["Ngày đánh giá"] }),
    col("status", "status", "Kết quả", "enum", "đã giải quyết, đang giải quyết, đã giải trình (cung cấp thông tin), chưa giải quyết",
      "resolved, being resolved, explained, not yet resolved", {
        required: true,
        vocabulary: "evaluationStatus",
        example: "đang giải quyết",
        aliases: ["Kết quả giải quyết", "Đánh giá", "Tình trạng"]
      }),
    col("by", "by", "Cơ quan đánh giá", "ref", "cơ quan theo dõi, đánh giá (Ban, Thường trực): mã, tên, hoặc tên kèm HĐND (\"Ban Pháp chế HĐND tỉnh Sơn La\") khi tên trùng ở nhiều HĐND",
      "the organ that evaluated (a committee, the standing committee): id, name, or name with its council when several councils have one so named", {
        ref: "anyOrgans",
        example: "Ban Kinh tế – Ngân sách",
        aliases: ["Người đánh giá", "Đơn vị đánh giá"]
      }),
    note()
  ]),
  programmes: spec("programmes", "Chương trình công tác", "Work programmes", ["chương trình", "chương trình công tác năm", "programmes"], [
    id("sl.ban-phap-che.ct-2023"),
    council(),
    col("organ", "organ", "Cơ quan", "ref", "cơ quan có chương trình (HĐND, Thường trực, một Ban): mã hoặc tên trong HĐND", "the body whose programme it is: id or name within the council", {
      required: true,
      ref: "organs",
      example: "Ban Pháp chế",
      aliases: ["Cơ quan ban hành", "Của cơ quan"]
    }),
    col("year", "year", "Năm", "integer", "năm của chương trình", "the programme's year", { required: true, example: "2023", aliases: ["Năm chương trình"] }),
    col("title", "title", "Tên chương trình", "text", "tên như văn bản ghi", "the title as written", {
      required: true,
      example: "Chương trình công tác năm 2023 của Ban Pháp chế",
      aliases: ["Tên", "Tên văn bản"]
    }),
    col("adoptedOn", "adoptedOn", "Ngày ban hành", "date", "ngày ban hành, thông qua chương trình", "the day it was adopted", {
      example: "20/12/2022",
      aliases: ["Ngày thông qua", "adopted on"]
    }),
    documentRef("document", "Số văn bản", "45/CTr-HĐND", ["Số, ký hiệu", "Số ký hiệu", "document ref"])
  ]),
  programmeItems: spec("programmeItems", "Nội dung chương trình", "Programme items", ["nội dung chương trình công tác", "programme items"], [
    id("sl.ban-phap-che.ct-2023.1"),
    idRef("programme", "programme", "Chương trình", "programmes", "mã chương trình công tác", "the id of the work programme", {
      required: true,
      example: "sl.ban-phap-che.ct-2023",
      aliases: ["Mã chương trình"]
    }),
    col("kind", "kind", "Loại hoạt động", "ref", "thẩm tra, giám sát, khảo sát, tiếp xúc cử tri … (hoặc mã: review, supervision …)", "review, supervision, survey, voter meeting … (label or code)", {
      required: true,
      ref: "activityKinds",
      example: "thẩm tra",
      aliases: ["Loại"]
    }),
    col("topic", "topic", "Nội dung", "text", "nội dung dự kiến", "what is planned", {
      required: true,
      example: "Thẩm tra các dự thảo nghị quyết trình Kỳ họp thứ 7",
      aliases: ["Nội dung công việc", "Chủ đề"]
    }),
    col("month", "month", "Tháng", "month", "tháng dự kiến (1–12): \"7\", \"07\", \"Tháng 7\", \"T7\" hoặc số La Mã (\"VII\"); để trống nếu chỉ định quý hoặc cả năm",
      "the planned month (1–12): \"7\", \"07\", \"Tháng 7\", \"T7\" or a Roman numeral (\"VII\"); empty for a quarter or the whole year", {
      example: "7",
      aliases: ["Thời gian (tháng)"]
    }),
    col("quarter", "quarter", "Quý", "quarter", "quý dự kiến (1–4): \"3\", \"Quý 3\", \"Quý III\", \"Q3\" hoặc \"III\"; để trống nếu cả năm; phải khớp với tháng",
      "the planned quarter (1–4): \"3\", \"Quý 3\", \"Quý III\", \"Q3\" or \"III\"; empty for the whole year; must agree with the month", {
      example: "3"
    }),
    col("activities", "activities", "Hoạt động đã thực hiện", "refs", "mã các hoạt động đã thực hiện nội dung, cách nhau bởi \";\"; để trống thì tự đối chiếu theo loại, cơ quan và thời gian",
      "the ids of the activities that carried it out, separated by \";\"; empty to match them by kind, body and time", {
        ref: "activities",
        example: "sl-2023-001",
        aliases: ["Hoạt động", "Mã hoạt động"]
      }),
    idRef("carriedFrom", "carriedFrom", "Chuyển từ", "programmeItems", "mã nội dung chưa thực hiện của chương trình năm trước mà nội dung này chuyển tiếp", "the id of the unfinished item of an earlier programme it carries over", {
      aliases: ["Chuyển tiếp từ", "carried from"]
    }),
    note()
  ])
}

/**
 * The comparison key of a header: see `Vocabulary.valueKey`; a trailing "*" (a required-column
 * marker) is ignored.
 *
 * @since 0.1.0
 * @category text
 */
export const headerKey = (header: string): string => valueKey(header.replace(/\*+\s*$/, ""))

const headerIndexes = new Map<Dataset.EntityKind, ReadonlyMap<string, Column>>()

/**
 * The columns of an entity by header key.
 *
 * @since 0.1.0
 * @category lookup
 */
export const headerIndex = (kind: Dataset.EntityKind): ReadonlyMap<string, Column> => {
  let m = headerIndexes.get(kind)
  if (m === undefined) {
    const built = new Map<string, Column>()
    for (const c of entities[kind].columns) for (const h of [c.en, c.vi, ...c.aliases]) if (!built.has(headerKey(h))) built.set(headerKey(h), c)
    m = built
    headerIndexes.set(kind, m)
  }
  return m
}

/**
 * The column a header names in an entity. Any `attributes.<name>` header is accepted for
 * activities.
 *
 * @since 0.1.0
 * @category lookup
 */
export const columnOf = (kind: Dataset.EntityKind, header: string): Column | undefined => {
  const found = headerIndex(kind).get(headerKey(header))
  if (found !== undefined) return found
  const m = /^attributes\.([A-Za-z][A-Za-z0-9]*)$/.exec(header.trim())
  if (kind === "activities" && m !== null) {
    const name = m[1] as string
    return col(`attributes.${name}`, name, name, "attribute", "thuộc tính riêng của loại hoạt động", "a kind-specific attribute", { inTemplate: false })
  }
  return undefined
}

/**
 * The accepted headers of an entity as one line (Vietnamese / English), for error messages.
 *
 * @since 0.1.0
 * @category formatting
 */
export const acceptedHeaders = (kind: Dataset.EntityKind): string => entities[kind].columns.map((c) => `"${c.vi}" / "${c.en}"`).join(", ")

/**
 * A header problem: where, and what.
 *
 * @since 0.1.0
 * @category models
 */
export interface HeaderProblem {
  readonly column: string
  readonly header: string
  readonly field: string
  readonly code: string
  readonly vi: string
  readonly en: string
}

/**
 * Maps the headers of a source to an entity's columns. Reports unknown headers (listing the accepted
 * ones), two headers for one column, and required columns that are missing.
 *
 * @since 0.1.0
 * @category lookup
 */
export const matchHeaders = (
  kind: Dataset.EntityKind,
  headers: ReadonlyArray<{ readonly column: string; readonly header: string }>,
  defaults: { readonly council?: boolean } = {}
): { readonly columns: ReadonlyArray<Column | undefined>; readonly problems: ReadonlyArray<HeaderProblem> } => {
  const problems: Array<HeaderProblem> = []
  const seen = new Map<string, { readonly column: string; readonly header: string }>()
  const name = entities[kind].vi
  const columns = headers.map((h) => {
    if (h.header.trim() === "") return undefined
    const c = columnOf(kind, h.header)
    if (c === undefined) {
      problems.push({
        column: h.column,
        header: h.header,
        field: "",
        code: "import.unknown-header",
        vi: `cột "${h.header}" không có trong mẫu ${name}; các tiêu đề được dùng: ${acceptedHeaders(kind)}`,
        en: `column "${h.header}" is not part of the ${entities[kind].en} format; the accepted headers are: ${acceptedHeaders(kind)}`
      })
      return undefined
    }
    const before = seen.get(c.field)
    if (before !== undefined) {
      problems.push({
        column: h.column,
        header: h.header,
        field: c.field,
        code: "import.duplicate-column",
        vi: `cột "${h.header}" và cột ${before.column} "${before.header}" cùng là "${c.vi}"; hãy giữ một cột`,
        en: `columns "${h.header}" and ${before.column} "${before.header}" are both "${c.en}"; keep one of them`
      })
      return undefined
    }
    seen.set(c.field, h)
    return c
  })
  for (const c of entities[kind].columns) {
    if (!c.required || seen.has(c.field)) continue
    if (c.field === "ordinal" && seen.has("label")) continue
    if (c.field === "council" && defaults.council === true) continue
    problems.push({
      column: "",
      header: c.vi,
      field: c.field,
      code: "import.missing-column",
      vi: `thiếu cột bắt buộc "${c.vi}" (hoặc "${c.en}"): ${c.noteVi}`,
      en: `the required column "${c.en}" ("${c.vi}") is missing: ${c.noteEn}`
    })
  }
  return { columns, problems }
}

const nameKey = (s: string): string => headerKey(s.replace(/\.[a-z0-9]+$/i, ""))

/**
 * The entity a file or sheet name stands for ("hoat-dong-2023.csv", "data/don-vi.csv", sheet "Kỳ
 * họp"), if any: the name, without its folders and extension, is or starts with one of the
 * entity's names.
 *
 * @since 0.1.0
 * @category lookup
 */
export const entityOfName = (name: string): Dataset.EntityKind | undefined => {
  const key = nameKey(name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1))
  let best: { kind: Dataset.EntityKind; length: number } | undefined
  for (const kind of Dataset.entityKinds) {
    for (const n of entities[kind].names) {
      const k = headerKey(n)
      if (k === "" || !(key === k || key.startsWith(`${k} `))) continue
      if (best === undefined || k.length > best.length) best = { kind, length: k.length }
    }
  }
  return best?.kind
}

/**
 * The entity whose columns the headers fit: every header known and every required column present.
 * Fails with the candidates when none or several fit.
 *
 * @since 0.1.0
 * @category lookup
 */
export const entityOfHeaders = (
  headers: ReadonlyArray<string>,
  defaults: { readonly council?: boolean } = {}
): Either.Either<Dataset.EntityKind, ReadonlyArray<Dataset.EntityKind>> => {
  const fits = Dataset.entityKinds.filter(
    (kind) => matchHeaders(kind, headers.map((header) => ({ column: "", header })), defaults).problems.length === 0
  )
  return fits.length === 1 ? Either.right(fits[0] as Dataset.EntityKind) : Either.left(fits)
}
