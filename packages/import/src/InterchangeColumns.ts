/**
 * The column tables of the interchange format: for every entity, its columns with their headers,
 * value type, note, example and the rules that make a column required. `Interchange` is the public
 * face of these tables; `HeaderMatch` matches a source's headers against them.
 *
 * Every column is made by {@link col} with named parts, so each table row says what it is, and the
 * rules the header matcher applies are flags of the column rather than cases in its code:
 *
 * - `required`: a row must fill the cell, and a source must have the column;
 * - `requiredUnless`: the column may be left out when the column of that other field is there (a
 *   session's number is taken from its label);
 * - `defaultable`: the column may be left out when the import gives a default for the field (the
 *   council, `Decode.DecodeOptions.council`).
 *
 * @internal
 */
import type { Dataset } from "@hdnd/core"
import type { Column, EntitySpec, RefTarget, ValueType } from "./Interchange.js"
import type { VocabularyName } from "./Vocabulary.js"

/** What a column says in Vietnamese and English: what to write in it. */
interface Note {
  readonly vi: string
  readonly en: string
}

/** The parts of a column, by name. */
interface ColumnSpec {
  /** The field path in the core encoding: `date.from`, `organisers`, `attributes.questions`. */
  readonly field: string
  /** The English header (the field path is accepted too). */
  readonly en: string
  /** The Vietnamese header. */
  readonly vi: string
  readonly type: ValueType
  readonly note: Note
  /** A row must fill it, and a source must have the column (unless `requiredUnless` or `defaultable` lets it out). */
  readonly required?: boolean
  /** A required column that may be left out when the column of this field is there. */
  readonly requiredUnless?: string
  /** A required column that may be left out when the import gives a default for its field. */
  readonly defaultable?: boolean
  /** Other accepted headers. */
  readonly aliases?: ReadonlyArray<string>
  readonly vocabulary?: VocabularyName
  readonly ref?: RefTarget
  /** The value of the templates' example row. */
  readonly example?: string
  /** Whether the column is in the templates (default: yes). */
  readonly inTemplate?: boolean
}

/** A column from its named parts. */
export const col = (c: ColumnSpec): Column => ({
  field: c.field,
  en: c.en,
  vi: c.vi,
  aliases: [...(c.aliases ?? []), ...(c.field === c.en ? [] : [c.field])],
  type: c.type,
  required: c.required ?? false,
  ...(c.requiredUnless === undefined ? {} : { requiredUnless: c.requiredUnless }),
  ...(c.defaultable === undefined ? {} : { defaultable: c.defaultable }),
  ...(c.vocabulary === undefined ? {} : { vocabulary: c.vocabulary }),
  ...(c.ref === undefined ? {} : { ref: c.ref }),
  noteVi: c.note.vi,
  noteEn: c.note.en,
  example: c.example ?? "",
  inTemplate: c.inTemplate ?? true
})

/** The id column. */
const id = (example: string): Column =>
  col({
    field: "id",
    en: "id",
    vi: "Mã",
    type: "id",
    note: {
      vi: "mã riêng, không đổi, của bản ghi; nhập lại cùng mã thì bản ghi được cập nhật, không nhân đôi",
      en: "the record's own stable id; importing the same id again updates the record instead of duplicating it"
    },
    required: true,
    example,
    aliases: ["Mã số", "Mã bản ghi"]
  })

/** The council column of a record that names its council: the import's default council can stand for it. */
const council = (): Column =>
  col({
    field: "council",
    en: "council",
    vi: "HĐND",
    type: "ref",
    note: {
      vi: "HĐND: mã hoặc tên (\"HĐND tỉnh Sơn La\"), hoặc tên/mã ĐVHC của HĐND; có thể bỏ cột nếu khi nhập đã chỉ rõ HĐND mặc định",
      en: "the council: id or name (\"HĐND tỉnh Sơn La\"), or the name or GSO code of its unit; the column may be left out when the import has a default council"
    },
    required: true,
    defaultable: true,
    ref: "councils",
    aliases: ["Hội đồng nhân dân", "Tên HĐND"],
    example: "HĐND tỉnh Sơn La"
  })

/** The first day of a range (always required). */
const from = (c: { readonly field: string; readonly example: string; readonly aliases?: ReadonlyArray<string> }): Column =>
  col({
    field: `${c.field}.from`,
    en: "from",
    vi: "Từ ngày",
    type: "date",
    note: { vi: "ngày bắt đầu (dd/mm/yyyy hoặc yyyy-mm-dd)", en: "the first day (dd/mm/yyyy or yyyy-mm-dd)" },
    required: true,
    example: c.example,
    aliases: ["Ngày bắt đầu", ...(c.aliases ?? [])]
  })

/** The last day of a range (optional). */
const to = (c: { readonly field: string; readonly example: string; readonly note: Note; readonly aliases?: ReadonlyArray<string> }): Column =>
  col({
    field: `${c.field}.to`,
    en: "to",
    vi: "Đến ngày",
    type: "date",
    note: c.note,
    example: c.example,
    aliases: ["Ngày kết thúc", ...(c.aliases ?? [])]
  })

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
const documentRef = (c: { readonly field: string; readonly vi: string; readonly example: string; readonly aliases: ReadonlyArray<string> }): Column =>
  col({
    field: c.field,
    en: c.field,
    vi: c.vi,
    type: "text",
    note: { vi: "số, ký hiệu văn bản (\"71/BC-HĐND\")", en: "the document number and symbol (\"71/BC-HĐND\")" },
    example: c.example,
    aliases: c.aliases
  })

/** A note column. */
const note = (): Column => col({ field: "note", en: "note", vi: "Ghi chú", type: "text", note: { vi: "ghi chú", en: "a note" } })

/** A reference by id to a record of the same import or already stored. */
const idRef = (c: Omit<ColumnSpec, "type" | "ref"> & { readonly ref: RefTarget }): Column => col({ ...c, type: "ref" })

/** A kind-specific attribute of an activity (not in the templates). */
const attr = (c: { readonly name: string; readonly vi: string; readonly note: Note; readonly aliases?: ReadonlyArray<string> }): Column =>
  col({
    field: `attributes.${c.name}`,
    en: c.name,
    vi: c.vi,
    type: "attribute",
    note: c.note,
    ...(c.aliases === undefined ? {} : { aliases: c.aliases }),
    inTemplate: false
  })

/** The column of an activity attribute the tables do not list (`attributes.<name>`). */
export const attributeColumn = (name: string): Column =>
  col({
    field: `attributes.${name}`,
    en: name,
    vi: name,
    type: "attribute",
    note: { vi: "thuộc tính riêng của loại hoạt động", en: "a kind-specific attribute" },
    inTemplate: false
  })

/** Every entity of the interchange format, in dependency order. */
export const entities: Readonly<Record<Dataset.EntityKind, EntitySpec>> = {
  units: spec("units", "Đơn vị hành chính", "Administrative units", ["đơn vị", "ĐVHC", "units"], [
    id("vn-14"),
    col({
      field: "code",
      en: "code",
      vi: "Mã ĐVHC",
      type: "text",
      note: {
        vi: "mã đơn vị hành chính của Tổng cục Thống kê: 2 chữ số (tỉnh), 3 (huyện), 5 (xã); giữ số 0 ở đầu",
        en: "the GSO code: 2 digits (province), 3 (district), 5 (commune); keep leading zeros"
      },
      required: true,
      example: "14",
      aliases: ["Mã đơn vị hành chính", "Mã GSO", "Mã TCTK", "gsoCode"]
    }),
    col({
      field: "name",
      en: "name",
      vi: "Tên",
      type: "text",
      note: { vi: "tên đơn vị, kèm loại (\"Tỉnh Sơn La\", \"Xã Mường Bú\")", en: "the unit's name with its type (\"Tỉnh Sơn La\")" },
      required: true,
      example: "Tỉnh Sơn La",
      aliases: ["Tên đơn vị", "Tên ĐVHC"]
    }),
    col({
      field: "type",
      en: "type",
      vi: "Loại đơn vị",
      type: "enum",
      note: {
        vi: "tỉnh, thành phố trực thuộc trung ương, huyện, quận, thị xã, thành phố thuộc tỉnh, xã, phường, thị trấn, đặc khu",
        en: "province, centrally-run city, rural district, urban district, district-level town, provincial city, commune, ward, township, special zone"
      },
      required: true,
      vocabulary: "unitType",
      example: "tỉnh",
      aliases: ["Loại ĐVHC", "Loại"]
    }),
    col({
      field: "parent",
      en: "parent",
      vi: "Trực thuộc",
      type: "ref",
      note: {
        vi: "đơn vị cấp trên: mã, tên hoặc mã ĐVHC (tra theo ngày bắt đầu); để trống với cấp tỉnh",
        en: "the parent unit: id, name or GSO code (as of the start date); empty for a province"
      },
      ref: "units",
      aliases: ["Đơn vị cấp trên", "Cấp trên"]
    }),
    from({ field: "validity", example: "01/01/2004", aliases: ["Hiệu lực từ"] }),
    to({ field: "validity", example: "", note: { vi: OPEN_VI, en: OPEN_EN }, aliases: ["Hiệu lực đến"] })
  ]),
  lineage: spec("lineage", "Sắp xếp đơn vị hành chính", "Lineage events", ["sắp xếp", "sáp nhập", "lineage"], [
    id("sl-moc-chau-2025"),
    col({
      field: "kind",
      en: "kind",
      vi: "Hình thức",
      type: "enum",
      note: { vi: "thành lập, nhập, chia, đổi tên, chuyển loại, giải thể", en: "establish, merge, split, rename, reclassify, abolish" },
      required: true,
      vocabulary: "lineageKind",
      example: "chuyển loại",
      aliases: ["Hình thức sắp xếp", "Loại sự kiện"]
    }),
    col({
      field: "date",
      en: "date",
      vi: "Ngày hiệu lực",
      type: "date",
      note: { vi: "ngày các đơn vị mới bắt đầu", en: "the day the new units start" },
      required: true,
      example: "01/03/2025",
      aliases: ["Ngày"]
    }),
    col({
      field: "sources",
      en: "sources",
      vi: "Đơn vị cũ",
      type: "refs",
      note: {
        vi: "các đơn vị cũ, cách nhau bởi \";\" (mã, tên hoặc mã ĐVHC, tra theo ngày trước ngày hiệu lực)",
        en: "the former units, separated by \";\" (id, name or GSO code, as of the day before)"
      },
      ref: "units",
      example: "Huyện Mộc Châu",
      aliases: ["Đơn vị nguồn"]
    }),
    col({
      field: "targets",
      en: "targets",
      vi: "Đơn vị mới",
      type: "refs",
      note: { vi: "các đơn vị mới, cách nhau bởi \";\" (tra theo ngày hiệu lực)", en: "the new units, separated by \";\" (as of the date)" },
      ref: "units",
      example: "Thị xã Mộc Châu",
      aliases: ["Đơn vị đích"]
    }),
    col({
      field: "legalBasis",
      en: "legalBasis",
      vi: "Căn cứ",
      type: "text",
      note: { vi: "văn bản quyết định việc sắp xếp", en: "the legal instrument" },
      example: "NQ 1280/NQ-UBTVQH15",
      aliases: ["Căn cứ pháp lý", "legal basis"]
    }),
    note()
  ]),
  councils: spec("councils", "Hội đồng nhân dân", "Councils", ["HĐND", "councils"], [
    id("hdnd-tinh-son-la"),
    col({
      field: "unit",
      en: "unit",
      vi: "Đơn vị hành chính",
      type: "ref",
      note: {
        vi: "ĐVHC của HĐND: mã, tên hoặc mã ĐVHC (tra theo ngày bắt đầu)",
        en: "the council's unit: id, name or GSO code (as of the start date)"
      },
      required: true,
      ref: "units",
      example: "Tỉnh Sơn La",
      aliases: ["ĐVHC"]
    }),
    col({
      field: "name",
      en: "name",
      vi: "Tên",
      type: "text",
      note: { vi: "tên HĐND (\"HĐND tỉnh Sơn La\")", en: "the council's name (\"HĐND tỉnh Sơn La\")" },
      required: true,
      example: "HĐND tỉnh Sơn La",
      aliases: ["Tên HĐND"]
    }),
    from({ field: "validity", example: "01/01/2004" }),
    to({ field: "validity", example: "", note: { vi: OPEN_VI, en: OPEN_EN } })
  ]),
  terms: spec("terms", "Nhiệm kỳ", "Terms", ["khóa", "terms"], [
    id("hdnd-tinh-son-la.khoa-xv"),
    council(),
    col({
      field: "convocation",
      en: "convocation",
      vi: "Khóa",
      type: "convocation",
      note: { vi: "số khóa bằng số La Mã (XV) hoặc số (15)", en: "the convocation as a Roman numeral (XV) or a number (15)" },
      required: true,
      example: "XV",
      aliases: ["Khoá"]
    }),
    from({ field: "validity", example: "23/05/2021" }),
    to({
      field: "validity",
      example: "14/03/2026",
      note: { vi: "ngày kết thúc nhiệm kỳ; để trống nếu chưa kết thúc", en: "the last day of the term; empty while it runs" }
    }),
    col({
      field: "electionDate",
      en: "electionDate",
      vi: "Ngày bầu cử",
      type: "date",
      note: { vi: "ngày bầu cử đại biểu", en: "the election day" },
      example: "23/05/2021",
      aliases: ["election date"]
    })
  ]),
  organs: spec("organs", "Cơ quan của HĐND", "Organs", ["cơ quan", "các ban", "organs"], [
    id("sl.ban-phap-che"),
    council(),
    col({
      field: "kind",
      en: "kind",
      vi: "Loại cơ quan",
      type: "enum",
      note: { vi: "HĐND (toàn thể), Thường trực HĐND, Ban, Tổ đại biểu", en: "plenary, standing committee, committee, delegate group" },
      required: true,
      vocabulary: "organKind",
      example: "Ban"
    }),
    col({
      field: "committeeKind",
      en: "committeeKind",
      vi: "Loại Ban",
      type: "ref",
      note: {
        vi: "với Ban: Ban Pháp chế, Ban Kinh tế – Ngân sách, Ban Văn hóa – Xã hội, Ban Dân tộc, Ban Đô thị, Ban Kinh tế – Xã hội (hoặc mã loại Ban)",
        en: "for committees: the committee kind, by label or code (phap-che, kinh-te-ngan-sach …)"
      },
      ref: "committeeKinds",
      example: "Ban Pháp chế",
      aliases: ["committee kind"]
    }),
    col({
      field: "name",
      en: "name",
      vi: "Tên",
      type: "text",
      note: { vi: "tên cơ quan (\"Ban Pháp chế\")", en: "the organ's name (\"Ban Pháp chế\")" },
      required: true,
      example: "Ban Pháp chế",
      aliases: ["Tên cơ quan"]
    }),
    from({ field: "validity", example: "25/06/2021" }),
    to({ field: "validity", example: "14/03/2026", note: { vi: OPEN_VI, en: OPEN_EN } })
  ]),
  sessions: spec("sessions", "Kỳ họp", "Sessions", ["kỳ họp HĐND", "sessions"], [
    id("sl.ky-hop-7"),
    council(),
    col({
      field: "term",
      en: "term",
      vi: "Nhiệm kỳ",
      type: "ref",
      note: { vi: "nhiệm kỳ: mã, hoặc khóa (\"XV\", \"khóa XV\")", en: "the term: id, or convocation (\"XV\")" },
      ref: "terms",
      example: "khóa XV",
      aliases: ["Khóa"]
    }),
    col({
      field: "ordinal",
      en: "ordinal",
      vi: "Số thứ tự",
      type: "integer",
      note: {
        vi: "số thứ tự của kỳ họp; để trống thì lấy từ tên (\"Kỳ họp thứ 7\")",
        en: "the session's number; taken from the label (\"Kỳ họp thứ 7\") when empty"
      },
      required: true,
      requiredUnless: "label",
      example: "7",
      aliases: ["Thứ tự", "Kỳ họp thứ", "Số"]
    }),
    col({
      field: "series",
      en: "series",
      vi: "Cách đánh số",
      type: "enum",
      note: {
        vi: "dãy đánh số: chung (mặc định), thường lệ, chuyên đề (nơi đánh số riêng như Sơn La)",
        en: "the numbering sequence: all (default), regular, special (where they are numbered separately, as in Sơn La)"
      },
      vocabulary: "ordinalSeries",
      example: "thường lệ",
      aliases: ["Dãy đánh số", "Dãy số"]
    }),
    col({
      field: "type",
      en: "type",
      vi: "Loại kỳ họp",
      type: "enum",
      note: {
        vi: "thường lệ, chuyên đề, bất thường, giải quyết công việc phát sinh đột xuất; để trống thì suy từ tên, mặc định thường lệ",
        en: "regular, thematic (chuyên đề), extraordinary (bất thường), urgent matters; taken from the label when empty, regular by default"
      },
      vocabulary: "sessionType",
      example: "thường lệ"
    }),
    col({
      field: "specialLabel",
      en: "specialLabel",
      vi: "Tên gọi kỳ họp không thường lệ",
      type: "enum",
      note: {
        vi: "chuyên đề, bất thường, phát sinh đột xuất (thường không cần: đã suy từ Loại kỳ họp)",
        en: "chuyen-de, bat-thuong, phat-sinh-dot-xuat (rarely needed: taken from the type)"
      },
      vocabulary: "specialLabel",
      inTemplate: false,
      aliases: ["special label"]
    }),
    col({
      field: "label",
      en: "label",
      vi: "Tên kỳ họp",
      type: "text",
      note: {
        vi: "tên như văn bản ghi (\"Kỳ họp thứ 7\", \"Kỳ họp chuyên đề lần thứ mười một\")",
        en: "the name as documents write it (\"Kỳ họp thứ 7\")"
      },
      example: "Kỳ họp thứ 7",
      aliases: ["Tên"]
    }),
    from({ field: "dates", example: "19/07/2023", aliases: ["Ngày", "Ngày khai mạc"] }),
    to({
      field: "dates",
      example: "21/07/2023",
      note: { vi: "ngày bế mạc; để trống nếu họp một ngày", en: "the closing day; empty for a one-day session" },
      aliases: ["Ngày bế mạc"]
    })
  ]),
  meetings: spec("meetings", "Phiên họp Thường trực", "Standing-committee meetings", ["phiên họp", "meetings"], [
    id("sl.phien-hop-26"),
    council(),
    col({
      field: "term",
      en: "term",
      vi: "Nhiệm kỳ",
      type: "ref",
      note: { vi: "nhiệm kỳ: mã, hoặc khóa (\"XV\")", en: "the term: id, or convocation (\"XV\")" },
      ref: "terms",
      example: "XV",
      aliases: ["Khóa"]
    }),
    col({
      field: "ordinal",
      en: "ordinal",
      vi: "Số thứ tự",
      type: "integer",
      note: { vi: "số thứ tự phiên họp; để trống thì lấy từ tên (\"Phiên họp thứ 26\")", en: "the meeting's number; taken from the label when empty" },
      required: true,
      requiredUnless: "label",
      example: "26",
      aliases: ["Thứ tự", "Phiên họp thứ", "Số"]
    }),
    col({
      field: "date",
      en: "date",
      vi: "Ngày",
      type: "date",
      note: { vi: "ngày họp", en: "the day of the meeting" },
      required: true,
      example: "14/04/2023",
      aliases: ["Ngày họp"]
    }),
    col({
      field: "label",
      en: "label",
      vi: "Tên phiên họp",
      type: "text",
      note: { vi: "tên như văn bản ghi (\"Phiên họp thứ 26\")", en: "the name as documents write it" },
      example: "Phiên họp thứ 26",
      aliases: ["Tên"]
    })
  ]),
  activities: spec("activities", "Hoạt động", "Activities", ["hoạt động của các ban", "activities"], [
    id("sl-2023-001"),
    council(),
    col({
      field: "kind",
      en: "kind",
      vi: "Loại hoạt động",
      type: "ref",
      note: {
        vi: "thẩm tra, giám sát, khảo sát, tham mưu, đề xuất, chất vấn, giải trình, tiếp xúc cử tri, tiếp công dân … (hoặc mã: review, supervision …); \"giám sát chuyên đề\", \"thẩm tra báo cáo\" … điền luôn hình thức hoặc đối tượng",
        en: "review, supervision, survey, advisory, interpellation … (label or code); \"giám sát chuyên đề\", \"thẩm tra báo cáo\" … also fill the mode or subject"
      },
      required: true,
      ref: "activityKinds",
      example: "thẩm tra",
      aliases: ["Loại"]
    }),
    col({
      field: "owner",
      en: "owner",
      vi: "Thuộc thẩm quyền của",
      type: "ref",
      note: {
        vi: "cơ quan mà hoạt động thuộc về (HĐND, Thường trực, một Ban …), theo mã hoặc tên trong HĐND; để trống nếu chỉ có một cơ quan chủ trì",
        en: "the organ the activity belongs to (the council, the standing committee, a committee …), by id or name; empty when there is a single organiser"
      },
      ref: "organs",
      example: "Ban Pháp chế",
      aliases: ["Chủ thể", "Của cơ quan", "Thuộc"]
    }),
    col({
      field: "organisers",
      en: "organisers",
      vi: "Cơ quan chủ trì",
      type: "refs",
      note: {
        vi: "cơ quan thực hiện, theo mã hoặc tên; nhiều cơ quan cách nhau bởi \";\"",
        en: "the organs that carried it out, by id or name; several separated by \";\""
      },
      required: true,
      ref: "organs",
      example: "Ban Pháp chế",
      aliases: ["Cơ quan thực hiện", "Cơ quan tổ chức", "Đơn vị chủ trì", "organizers"]
    }),
    col({
      field: "participants",
      en: "participants",
      vi: "Cơ quan tham gia",
      type: "refs",
      note: {
        vi: "cơ quan tham gia nhưng không chủ trì, theo mã hoặc tên; nhiều cơ quan cách nhau bởi \";\"; để trống nếu không có",
        en: "the organs that took part without leading, by id or name; several separated by \";\"; empty when none"
      },
      ref: "organs",
      example: "",
      aliases: ["Cơ quan phối hợp", "Đơn vị tham gia", "Tham gia", "took part", "participating organs"]
    }),
    from({ field: "date", example: "10/07/2023", aliases: ["Ngày", "Thời gian"] }),
    to({ field: "date", example: "", note: { vi: "ngày kết thúc; để trống nếu làm trong một ngày", en: "the last day; empty for one day" } }),
    col({
      field: "session",
      en: "session",
      vi: "Kỳ họp",
      type: "ref",
      note: {
        vi: "kỳ họp được phục vụ (trình kỳ họp): mã, tên hoặc \"Kỳ họp thứ 7\", \"Kỳ họp chuyên đề thứ 11\"",
        en: "the session served: id, label or \"Kỳ họp thứ 7\""
      },
      ref: "sessions",
      example: "Kỳ họp thứ 7",
      aliases: ["Trình kỳ họp"]
    }),
    col({
      field: "meeting",
      en: "meeting",
      vi: "Phiên họp",
      type: "ref",
      note: {
        vi: "phiên họp Thường trực: mã, tên hoặc \"Phiên họp thứ 26\"",
        en: "the standing-committee meeting: id, label or \"Phiên họp thứ 26\""
      },
      ref: "meetings",
      aliases: ["Phiên họp Thường trực"]
    }),
    col({
      field: "title",
      en: "title",
      vi: "Nội dung",
      type: "text",
      note: { vi: "nội dung, tên hoạt động", en: "what was done" },
      required: true,
      example: "Thẩm tra dự thảo Nghị quyết quy định mức chi hỗ trợ trợ giúp pháp lý",
      aliases: ["Tên hoạt động", "Tên", "Nội dung hoạt động"]
    }),
    documentRef({
      field: "documentRef",
      vi: "Số, ký hiệu",
      example: "71/BC-HĐND",
      aliases: ["Số ký hiệu", "Số hiệu văn bản", "Văn bản", "document ref"]
    }),
    col({
      field: "source",
      en: "source",
      vi: "Nguồn",
      type: "text",
      note: { vi: "nguồn số liệu (văn bản, báo cáo)", en: "where the record comes from" },
      example: "Báo cáo thẩm tra số 71/BC-HĐND",
      aliases: ["Nguồn số liệu"]
    }),
    col({
      field: "subject",
      en: "subject",
      vi: "Đối tượng thẩm tra",
      type: "enum",
      note: {
        vi: "với thẩm tra: dự thảo nghị quyết, báo cáo, tờ trình, đề án, khác",
        en: "for reviews: draft resolution, report, submission, scheme, other"
      },
      vocabulary: "reviewSubject",
      example: "dự thảo nghị quyết",
      aliases: ["Loại văn bản thẩm tra"]
    }),
    col({
      field: "resolutionKind",
      en: "resolutionKind",
      vi: "Loại nghị quyết",
      type: "enum",
      note: { vi: "với dự thảo nghị quyết: cá biệt, quy phạm pháp luật", en: "for draft resolutions: individual, normative" },
      vocabulary: "resolutionKind",
      example: "quy phạm pháp luật",
      aliases: ["resolution kind"]
    }),
    col({
      field: "mode",
      en: "mode",
      vi: "Hình thức giám sát",
      type: "enum",
      note: { vi: "với giám sát: chuyên đề, định kỳ, thường xuyên", en: "for supervisions: thematic, periodic, ongoing" },
      vocabulary: "supervisionMode"
    }),
    col({
      field: "origin",
      en: "origin",
      vi: "Nguồn gốc",
      type: "enum",
      note: {
        vi: "với tham mưu: phát sinh giữa hai kỳ họp, theo sự phân công của Thường trực, khác",
        en: "for advisory work: arising between sessions, assigned by the standing committee, other"
      },
      vocabulary: "advisoryOrigin",
      aliases: ["Nguồn gốc nội dung"]
    }),
    col({
      field: "venue",
      en: "venue",
      vi: "Nơi tiến hành",
      type: "enum",
      note: {
        vi: "với chất vấn, giải trình: kỳ họp, phiên họp Thường trực, cuộc họp của Ban",
        en: "for interpellations and hearings: session, standing meeting, committee meeting"
      },
      vocabulary: "venue",
      aliases: ["Diễn ra tại"]
    }),
    attr({
      name: "delegation",
      vi: "Đoàn giám sát",
      note: { vi: "giám sát: có thành lập Đoàn giám sát (có/không)", en: "supervision: a supervision delegation was formed (yes/no)" }
    }),
    attr({
      name: "recommendations",
      vi: "Số kiến nghị",
      note: { vi: "giám sát: số kiến nghị sau giám sát", en: "supervision: number of recommendations" }
    }),
    attr({
      name: "questions",
      vi: "Số câu hỏi chất vấn",
      note: { vi: "chất vấn: số câu hỏi", en: "interpellation: number of questions" },
      aliases: ["Số lượt chất vấn"]
    }),
    attr({ name: "delegates", vi: "Số đại biểu", note: { vi: "chất vấn: số đại biểu chất vấn", en: "interpellation: number of delegates" } }),
    attr({ name: "voters", vi: "Số cử tri", note: { vi: "tiếp xúc cử tri: số cử tri dự", en: "voter meeting: voters attending" } }),
    attr({ name: "opinions", vi: "Số ý kiến", note: { vi: "tiếp xúc cử tri: số ý kiến, kiến nghị", en: "voter meeting: opinions raised" } }),
    attr({ name: "citizens", vi: "Số lượt công dân", note: { vi: "tiếp công dân: số lượt công dân", en: "citizen reception: citizens received" } }),
    attr({ name: "letters", vi: "Số đơn thư", note: { vi: "đơn, thư: số đơn thư", en: "letters: number of letters" } }),
    attr({
      name: "letterType",
      vi: "Loại đơn thư",
      note: { vi: "đơn, thư: khiếu nại, tố cáo, kiến nghị, phản ánh", en: "letters: complaint, denunciation, petition, feedback" }
    }),
    attr({
      name: "places",
      vi: "Địa bàn",
      note: {
        vi: "giám sát, khảo sát, tiếp xúc cử tri: nơi đã đến (xã, phường, đơn vị); nhiều nơi cách nhau bằng dấu ;",
        en: "supervision, survey, voter meeting: the places visited (communes, wards, units); several separated by ;"
      },
      aliases: ["Địa điểm", "Nơi đến", "Địa bàn giám sát", "places visited"]
    }),
    attr({ name: "documents", vi: "Số văn bản", note: { vi: "giám sát văn bản: số văn bản", en: "legal-document supervision: documents" } }),
    attr({ name: "persons", vi: "Số người", note: { vi: "lấy phiếu, bỏ phiếu tín nhiệm: số người", en: "confidence rating or vote: persons" } })
  ]),
  tallies: spec("tallies", "Số liệu tổng hợp", "Tallies", ["số liệu", "tallies"], [
    id("sl-2023-tham-tra"),
    council(),
    col({
      field: "organ",
      en: "organ",
      vi: "Cơ quan",
      type: "ref",
      note: {
        vi: "cơ quan báo cáo số liệu (mã hoặc tên); để trống nếu là số của cả HĐND",
        en: "the reporting organ (id or name); empty for the council as a whole"
      },
      ref: "organs",
      aliases: ["Cơ quan báo cáo"]
    }),
    col({
      field: "indicator",
      en: "indicator",
      vi: "Chỉ tiêu",
      type: "ref",
      note: {
        vi: "chỉ tiêu: mã (core/review.content) hoặc tên (\"Nội dung đã thẩm tra\")",
        en: "the indicator: id (core/review.content) or its label"
      },
      required: true,
      ref: "indicators",
      example: "Nội dung đã thẩm tra"
    }),
    from({ field: "period", example: "01/08/2022" }),
    col({
      field: "period.to",
      en: "to",
      vi: "Đến ngày",
      type: "date",
      note: { vi: "ngày cuối của kỳ số liệu", en: "the last day of the period" },
      required: true,
      example: "31/08/2023",
      aliases: ["Ngày kết thúc"]
    }),
    col({
      field: "value",
      en: "value",
      vi: "Số liệu",
      type: "integer",
      note: { vi: "số nguyên không âm; có thể viết \"1.044\"", en: "a non-negative whole number; \"1.044\" is read as 1044" },
      required: true,
      example: "1.044",
      aliases: ["Giá trị", "Số lượng"]
    }),
    col({
      field: "qualifier",
      en: "qualifier",
      vi: "Mức độ",
      type: "enum",
      note: {
        vi: "chính xác (mặc định); hơn, trên; gần, chưa đến, dưới; khoảng, ước, hàng, xấp xỉ — báo cáo in đúng từ đã ghi (\"trên 1.500\"); cũng có thể ghi cùng số liệu: \"trên 1.500\"",
        en: "exact (default); over (hơn, trên); nearly (gần, chưa đến, dưới); about (khoảng, ước, hàng, xấp xỉ) — reports print the word as entered (\"trên 1.500\"); it may also be written in the value cell: \"trên 1.500\""
      },
      vocabulary: "qualifier",
      example: "chính xác",
      aliases: ["Mức độ chính xác"]
    }),
    col({
      field: "source",
      en: "source",
      vi: "Nguồn",
      type: "text",
      note: { vi: "văn bản nguồn của số liệu", en: "the document the number comes from" },
      example: "Báo cáo số 85/BC-HĐND",
      aliases: ["Nguồn số liệu"]
    }),
    note()
  ]),
  recommendations: spec("recommendations", "Kiến nghị", "Recommendations", ["kiến nghị, đề xuất", "ý kiến, kiến nghị của cử tri", "kiến nghị của cử tri", "kiến nghị cử tri", "recommendations"], [
    id("sl-kn-2023-001"),
    col({
      field: "council",
      en: "council",
      vi: "HĐND",
      type: "ref",
      note: {
        vi: "HĐND có hồ sơ kiến nghị (HĐND nhận kiến nghị, hoặc HĐND tổ chức tiếp xúc cử tri): mã hoặc tên; có thể bỏ cột nếu khi nhập đã chỉ rõ HĐND mặc định",
        en: "the council whose records hold it (the council it was raised to, or that held the voter meeting): id or name; the column may be left out when the import has a default council"
      },
      required: true,
      defaultable: true,
      ref: "councils",
      aliases: ["Hội đồng nhân dân", "Tên HĐND"],
      example: "HĐND tỉnh Sơn La"
    }),
    col({
      field: "kind",
      en: "kind",
      vi: "Loại",
      type: "enum",
      note: { vi: "kiến nghị, đề xuất, ý kiến, kiến nghị của cử tri", en: "recommendation, proposal, voters' petition" },
      required: true,
      vocabulary: "recommendationKind",
      example: "kiến nghị",
      aliases: ["Loại kiến nghị", "Hình thức"]
    }),
    col({
      field: "raisedBy",
      en: "raisedBy",
      vi: "Cơ quan kiến nghị",
      type: "ref",
      note: {
        vi: "cơ quan nêu kiến nghị, đề xuất (để trống với kiến nghị của cử tri): mã, tên trong HĐND (\"Ban Pháp chế\"), hoặc tên kèm HĐND khi là cơ quan của HĐND khác (\"Ban Pháp chế HĐND thành phố Sơn La\")",
        en: "the organ that raised it (empty for a voters' petition): id, name within the council (\"Ban Pháp chế\"), or name with its council when it is another council's (\"Ban Pháp chế HĐND thành phố Sơn La\")"
      },
      ref: "anyOrgans",
      example: "Ban Pháp chế HĐND thành phố Sơn La",
      aliases: ["Cơ quan đề xuất", "Cơ quan nêu kiến nghị", "Nơi kiến nghị", "raised by"]
    }),
    idRef({
      field: "activity",
      en: "activity",
      vi: "Hoạt động",
      ref: "activities",
      note: {
        vi: "mã hoạt động mà kiến nghị phát sinh từ đó (cuộc giám sát, khảo sát, tiếp xúc cử tri, hội nghị)",
        en: "the id of the activity it came from (a supervision mission, a survey, a voter meeting, a conference)"
      },
      aliases: ["Mã hoạt động", "Phát sinh từ hoạt động"]
    }),
    col({
      field: "session",
      en: "session",
      vi: "Kỳ họp",
      type: "ref",
      note: {
        vi: "kỳ họp mà kiến nghị được gửi tới (hoặc chuyển sang): mã, tên hoặc \"Kỳ họp thứ 7\"",
        en: "the session it was raised for (or carried to): id, label or \"Kỳ họp thứ 7\""
      },
      ref: "sessions",
      example: "Kỳ họp thứ 7",
      aliases: ["Trước kỳ họp", "Gửi kỳ họp"]
    }),
    col({
      field: "raisedOn",
      en: "raisedOn",
      vi: "Ngày tiếp nhận",
      type: "date",
      note: { vi: "ngày kiến nghị được nêu hoặc tiếp nhận", en: "the day it was raised or received" },
      required: true,
      example: "05/07/2023",
      aliases: ["Ngày", "Ngày kiến nghị", "Ngày nhận", "raised on"]
    }),
    col({
      field: "content",
      en: "content",
      vi: "Nội dung",
      type: "text",
      note: { vi: "nội dung kiến nghị", en: "what it asks for" },
      required: true,
      example: "Đề nghị bố trí kinh phí sửa chữa trụ sở tiếp công dân cấp huyện",
      aliases: ["Nội dung kiến nghị", "Tóm tắt nội dung"]
    }),
    col({
      field: "field",
      en: "field",
      vi: "Lĩnh vực",
      type: "text",
      note: {
        vi: "lĩnh vực, như HĐND vẫn gọi (\"Tài chính – Ngân sách\", \"Đất đai\", \"Y tế\")",
        en: "the field as the council names it (\"Tài chính – Ngân sách\", \"Đất đai\")"
      },
      required: true,
      example: "Tài chính – Ngân sách",
      aliases: ["Ngành, lĩnh vực"]
    }),
    col({
      field: "level",
      en: "level",
      vi: "Cấp giải quyết",
      type: "enum",
      note: {
        vi: "cấp có thẩm quyền giải quyết: Trung ương, cấp tỉnh, cấp huyện, cấp xã",
        en: "the level competent to act: central, provincial, district, commune"
      },
      required: true,
      vocabulary: "competentLevel",
      example: "cấp tỉnh",
      aliases: ["Thẩm quyền giải quyết", "Cấp thẩm quyền"]
    }),
    col({
      field: "addressee.kind",
      en: "addresseeKind",
      vi: "Loại cơ quan nhận",
      type: "enum",
      note: {
        vi: "loại cơ quan được chuyển kiến nghị: Ủy ban nhân dân, sở, ngành, Ban của HĐND, Thường trực HĐND, Đoàn đại biểu Quốc hội, cơ quan khác",
        en: "the kind of agency it is addressed to: People's Committee, department, council committee, standing committee, National Assembly delegation, other"
      },
      required: true,
      vocabulary: "addresseeKind",
      example: "Ủy ban nhân dân",
      aliases: ["addressee kind"]
    }),
    col({
      field: "addressee.name",
      en: "addressee",
      vi: "Cơ quan nhận",
      type: "text",
      note: {
        vi: "tên cơ quan được chuyển kiến nghị, như văn bản ghi (\"UBND tỉnh\", \"Sở Tài chính\")",
        en: "the agency's name as written (\"UBND tỉnh\", \"Sở Tài chính\")"
      },
      required: true,
      example: "UBND tỉnh Sơn La",
      aliases: ["Cơ quan giải quyết", "Chuyển đến", "Gửi đến"]
    }),
    col({
      field: "addressee.organ",
      en: "addresseeOrgan",
      vi: "Cơ quan nhận thuộc HĐND",
      type: "ref",
      note: {
        vi: "khi cơ quan nhận là một cơ quan của HĐND (Ban, Thường trực): mã hoặc tên của cơ quan đó",
        en: "when the addressee is an organ of a council (a committee, the standing committee): its id or name"
      },
      ref: "anyOrgans",
      aliases: ["Mã cơ quan nhận", "addressee organ"]
    }),
    col({
      field: "forwardedOn",
      en: "forwardedOn",
      vi: "Ngày chuyển",
      type: "date",
      note: { vi: "ngày chuyển kiến nghị đến cơ quan giải quyết", en: "the day it was forwarded to the agency" },
      example: "10/07/2023",
      aliases: ["Ngày chuyển đi", "forwarded on"]
    }),
    col({
      field: "deadline",
      en: "deadline",
      vi: "Hạn trả lời",
      type: "date",
      note: { vi: "hạn cơ quan nhận phải trả lời", en: "the day the answer is due" },
      example: "10/08/2023",
      aliases: ["Thời hạn trả lời", "Hạn"]
    }),
    idRef({
      field: "mergedInto",
      en: "mergedInto",
      vi: "Gộp vào",
      ref: "recommendations",
      note: {
        vi: "với kiến nghị trùng nội dung: mã của kiến nghị được giữ làm đại diện (cùng HĐND)",
        en: "for a duplicate: the id of the recommendation that stands for the matter (same council)"
      },
      aliases: ["Trùng với", "merged into"]
    }),
    col({
      field: "source",
      en: "source",
      vi: "Nguồn",
      type: "text",
      note: {
        vi: "nơi tiếp nhận, bằng lời (\"TXCT tại xã Chiềng Cơi\"); được giữ khi gộp kiến nghị",
        en: "where it was received, in words; kept when merged"
      },
      example: "Hội nghị giao ban Thường trực HĐND tỉnh với Thường trực HĐND cấp huyện",
      aliases: ["Nơi tiếp nhận", "Nguồn kiến nghị"]
    }),
    note()
  ]),
  responses: spec("responses", "Trả lời kiến nghị", "Responses", ["trả lời", "văn bản trả lời", "responses"], [
    id("sl-kn-2023-001.tl-1"),
    idRef({
      field: "recommendation",
      en: "recommendation",
      vi: "Kiến nghị",
      ref: "recommendations",
      note: { vi: "mã kiến nghị được trả lời", en: "the id of the recommendation answered" },
      required: true,
      example: "sl-kn-2023-001",
      aliases: ["Mã kiến nghị"]
    }),
    col({
      field: "date",
      en: "date",
      vi: "Ngày",
      type: "date",
      note: { vi: "ngày văn bản trả lời", en: "the date of the answer" },
      required: true,
      example: "15/08/2023",
      aliases: ["Ngày trả lời", "Ngày văn bản"]
    }),
    col({
      field: "responder",
      en: "responder",
      vi: "Cơ quan trả lời",
      type: "text",
      note: { vi: "cơ quan trả lời, như văn bản ghi (\"UBND tỉnh\", \"Sở Tài chính\")", en: "who answered, as written" },
      required: true,
      example: "UBND tỉnh Sơn La",
      aliases: ["Đơn vị trả lời"]
    }),
    documentRef({
      field: "document",
      vi: "Số văn bản",
      example: "301/UBND-KT",
      aliases: ["Số, ký hiệu", "Số ký hiệu", "Văn bản trả lời", "document ref"]
    }),
    col({
      field: "content",
      en: "content",
      vi: "Nội dung",
      type: "text",
      note: { vi: "nội dung trả lời", en: "what the answer says" },
      required: true,
      example: "Đã bố trí kinh phí trong dự toán năm 2024",
      aliases: ["Nội dung trả lời"]
    })
  ]),
  evaluations: spec("evaluations", "Đánh giá kết quả giải quyết", "Evaluations", ["đánh giá", "kết quả giải quyết", "evaluations"], [
    id("sl-kn-2023-001.dg-1"),
    idRef({
      field: "recommendation",
      en: "recommendation",
      vi: "Kiến nghị",
      ref: "recommendations",
      note: { vi: "mã kiến nghị", en: "the id of the recommendation" },
      required: true,
      example: "sl-kn-2023-001",
      aliases: ["Mã kiến nghị"]
    }),
    idRef({
      field: "response",
      en: "response",
      vi: "Trả lời",
      ref: "responses",
      note: { vi: "mã văn bản trả lời được đánh giá", en: "the id of the response evaluated" },
      required: true,
      example: "sl-kn-2023-001.tl-1",
      aliases: ["Văn bản trả lời", "Mã trả lời"]
    }),
    col({
      field: "date",
      en: "date",
      vi: "Ngày",
      type: "date",
      note: { vi: "ngày đánh giá", en: "the day of the evaluation" },
      required: true,
      example: "20/09/2023",
      aliases: ["Ngày đánh giá"]
    }),
    col({
      field: "status",
      en: "status",
      vi: "Kết quả",
      type: "enum",
      note: {
        vi: "đã giải quyết, đang giải quyết, đã giải trình (cung cấp thông tin), chưa giải quyết",
        en: "resolved, being resolved, explained, not yet resolved"
      },
      required: true,
      vocabulary: "evaluationStatus",
      example: "đang giải quyết",
      aliases: ["Kết quả giải quyết", "Đánh giá", "Tình trạng"]
    }),
    col({
      field: "by",
      en: "by",
      vi: "Cơ quan đánh giá",
      type: "ref",
      note: {
        vi: "cơ quan theo dõi, đánh giá (Ban, Thường trực): mã, tên, hoặc tên kèm HĐND (\"Ban Pháp chế HĐND tỉnh Sơn La\") khi tên trùng ở nhiều HĐND",
        en: "the organ that evaluated (a committee, the standing committee): id, name, or name with its council when several councils have one so named"
      },
      ref: "anyOrgans",
      example: "Ban Kinh tế – Ngân sách",
      aliases: ["Người đánh giá", "Đơn vị đánh giá"]
    }),
    note()
  ]),
  programmes: spec("programmes", "Chương trình công tác", "Work programmes", ["chương trình", "chương trình công tác năm", "programmes"], [
    id("sl.ban-phap-che.ct-2023"),
    council(),
    col({
      field: "organ",
      en: "organ",
      vi: "Cơ quan",
      type: "ref",
      note: {
        vi: "cơ quan có chương trình (HĐND, Thường trực, một Ban): mã hoặc tên trong HĐND",
        en: "the body whose programme it is: id or name within the council"
      },
      required: true,
      ref: "organs",
      example: "Ban Pháp chế",
      aliases: ["Cơ quan ban hành", "Của cơ quan"]
    }),
    col({
      field: "year",
      en: "year",
      vi: "Năm",
      type: "integer",
      note: { vi: "năm của chương trình", en: "the programme's year" },
      required: true,
      example: "2023",
      aliases: ["Năm chương trình"]
    }),
    col({
      field: "title",
      en: "title",
      vi: "Tên chương trình",
      type: "text",
      note: { vi: "tên như văn bản ghi", en: "the title as written" },
      required: true,
      example: "Chương trình công tác năm 2023 của Ban Pháp chế",
      aliases: ["Tên", "Tên văn bản"]
    }),
    col({
      field: "adoptedOn",
      en: "adoptedOn",
      vi: "Ngày ban hành",
      type: "date",
      note: { vi: "ngày ban hành, thông qua chương trình", en: "the day it was adopted" },
      example: "20/12/2022",
      aliases: ["Ngày thông qua", "adopted on"]
    }),
    documentRef({ field: "document", vi: "Số văn bản", example: "45/CTr-HĐND", aliases: ["Số, ký hiệu", "Số ký hiệu", "document ref"] })
  ]),
  programmeItems: spec("programmeItems", "Nội dung chương trình", "Programme items", ["nội dung chương trình công tác", "programme items"], [
    id("sl.ban-phap-che.ct-2023.1"),
    idRef({
      field: "programme",
      en: "programme",
      vi: "Chương trình",
      ref: "programmes",
      note: { vi: "mã chương trình công tác", en: "the id of the work programme" },
      required: true,
      example: "sl.ban-phap-che.ct-2023",
      aliases: ["Mã chương trình"]
    }),
    col({
      field: "kind",
      en: "kind",
      vi: "Loại hoạt động",
      type: "ref",
      note: {
        vi: "thẩm tra, giám sát, khảo sát, tiếp xúc cử tri … (hoặc mã: review, supervision …)",
        en: "review, supervision, survey, voter meeting … (label or code)"
      },
      required: true,
      ref: "activityKinds",
      example: "thẩm tra",
      aliases: ["Loại"]
    }),
    col({
      field: "topic",
      en: "topic",
      vi: "Nội dung",
      type: "text",
      note: { vi: "nội dung dự kiến", en: "what is planned" },
      required: true,
      example: "Thẩm tra các dự thảo nghị quyết trình Kỳ họp thứ 7",
      aliases: ["Nội dung công việc", "Chủ đề"]
    }),
    col({
      field: "month",
      en: "month",
      vi: "Tháng",
      type: "month",
      note: {
        vi: "tháng dự kiến (1–12): \"7\", \"07\", \"Tháng 7\", \"T7\" hoặc số La Mã (\"VII\"); để trống nếu chỉ định quý hoặc cả năm",
        en: "the planned month (1–12): \"7\", \"07\", \"Tháng 7\", \"T7\" or a Roman numeral (\"VII\"); empty for a quarter or the whole year"
      },
      example: "7",
      aliases: ["Thời gian (tháng)"]
    }),
    col({
      field: "quarter",
      en: "quarter",
      vi: "Quý",
      type: "quarter",
      note: {
        vi: "quý dự kiến (1–4): \"3\", \"Quý 3\", \"Quý III\", \"Q3\" hoặc \"III\"; để trống nếu cả năm; phải khớp với tháng",
        en: "the planned quarter (1–4): \"3\", \"Quý 3\", \"Quý III\", \"Q3\" or \"III\"; empty for the whole year; must agree with the month"
      },
      example: "3"
    }),
    col({
      field: "activities",
      en: "activities",
      vi: "Hoạt động đã thực hiện",
      type: "refs",
      note: {
        vi: "mã các hoạt động đã thực hiện nội dung, cách nhau bởi \";\"; để trống thì tự đối chiếu theo loại, cơ quan và thời gian",
        en: "the ids of the activities that carried it out, separated by \";\"; empty to match them by kind, body and time"
      },
      ref: "activities",
      example: "sl-2023-001",
      aliases: ["Hoạt động", "Mã hoạt động"]
    }),
    idRef({
      field: "carriedFrom",
      en: "carriedFrom",
      vi: "Chuyển từ",
      ref: "programmeItems",
      note: {
        vi: "mã nội dung chưa thực hiện của chương trình năm trước mà nội dung này chuyển tiếp",
        en: "the id of the unfinished item of an earlier programme it carries over"
      },
      aliases: ["Chuyển tiếp từ", "carried from"]
    }),
    note()
  ]),
  resolutions: spec("resolutions", "Nghị quyết", "Resolutions", ["nghị quyết đã thông qua", "nghi-quyet", "resolutions adopted"], [
    id("sl.nq-15-2023"),
    council(),
    col({
      field: "session",
      en: "session",
      vi: "Kỳ họp",
      type: "ref",
      note: {
        vi: "kỳ họp thông qua nghị quyết: mã hoặc tên (\"Kỳ họp thứ 7\") trong HĐND; để trống nếu không rõ",
        en: "the session that adopted it: id or label within the council; empty when unknown"
      },
      ref: "sessions",
      example: "Kỳ họp thứ 7",
      aliases: ["Kỳ họp thông qua", "Tại kỳ họp"]
    }),
    col({
      field: "number",
      en: "number",
      vi: "Số, ký hiệu",
      type: "text",
      note: { vi: "số, ký hiệu nghị quyết như văn bản ghi (\"15/2023/NQ-HĐND\")", en: "the resolution's number and symbol as written" },
      required: true,
      example: "15/2023/NQ-HĐND",
      aliases: ["Số nghị quyết", "Số ký hiệu", "Số"]
    }),
    col({
      field: "kind",
      en: "kind",
      vi: "Loại nghị quyết",
      type: "enum",
      vocabulary: "resolutionKind",
      note: { vi: "quy phạm pháp luật hoặc cá biệt (hoặc mã: normative, individual)", en: "normative or individual (label or code)" },
      required: true,
      example: "quy phạm pháp luật",
      aliases: ["Loại", "Tính chất"]
    }),
    col({
      field: "field",
      en: "field",
      vi: "Lĩnh vực",
      type: "text",
      note: { vi: "mã lĩnh vực HĐND dùng (\"ngan-sach\", \"dat-dai\" …), so khớp đúng từng ký tự", en: "the field code the council uses, compared exactly" },
      example: "ngan-sach"
    }),
    col({
      field: "adoptedOn",
      en: "adoptedOn",
      vi: "Ngày thông qua",
      type: "date",
      note: { vi: "ngày HĐND thông qua nghị quyết", en: "the day the council adopted it" },
      required: true,
      example: "19/07/2023",
      aliases: ["Ngày ban hành", "adopted on"]
    }),
    col({
      field: "title",
      en: "title",
      vi: "Trích yếu",
      type: "text",
      note: { vi: "tên, trích yếu nghị quyết", en: "the title" },
      required: true,
      example: "Nghị quyết quy định mức chi hỗ trợ …",
      aliases: ["Tên nghị quyết", "Tên", "Nội dung"]
    })
  ]),
  documents: spec("documents", "Văn bản trình", "Documents", ["tờ trình, báo cáo, đề án", "van-ban-trinh", "văn bản thẩm tra", "council documents", "documents submitted"], [
    id("sl.kh7.ttr-279"),
    council(),
    col({
      field: "type",
      en: "type",
      vi: "Loại văn bản",
      type: "enum",
      vocabulary: "documentType",
      note: { vi: "tờ trình, báo cáo, đề án, dự thảo nghị quyết, văn bản khác (hoặc mã)", en: "submission, report, scheme, draft resolution, other (label or code)" },
      required: true,
      example: "tờ trình",
      aliases: ["Loại"]
    }),
    col({
      field: "session",
      en: "session",
      vi: "Kỳ họp",
      type: "ref",
      note: { vi: "kỳ họp mà văn bản được trình: mã hoặc tên trong HĐND", en: "the session it is submitted to: id or label within the council" },
      ref: "sessions",
      example: "Kỳ họp thứ 7",
      aliases: ["Trình kỳ họp", "Kỳ họp trình"]
    }),
    col({
      field: "number",
      en: "number",
      vi: "Số, ký hiệu",
      type: "text",
      note: { vi: "số, ký hiệu văn bản (\"279/TTr-UBND\")", en: "the document's number and symbol" },
      example: "279/TTr-UBND",
      aliases: ["Số văn bản", "Số ký hiệu", "Số"]
    }),
    col({
      field: "submitter",
      en: "submitter",
      vi: "Cơ quan trình",
      type: "text",
      note: { vi: "cơ quan trình như văn bản ghi (UBND tỉnh, Thường trực HĐND …)", en: "who submitted it, as written" },
      example: "UBND tỉnh",
      aliases: ["Đơn vị trình", "Nơi trình"]
    }),
    col({
      field: "reviewers",
      en: "reviewers",
      vi: "Cơ quan thẩm tra",
      type: "refs",
      note: { vi: "các Ban thẩm tra, cách nhau bởi \";\": mã hoặc tên trong HĐND", en: "the organs that reviewed it, separated by \";\": id or name within the council" },
      ref: "organs",
      example: "Ban Kinh tế – Ngân sách",
      aliases: ["Ban thẩm tra", "Thẩm tra"]
    }),
    col({
      field: "field",
      en: "field",
      vi: "Lĩnh vực",
      type: "text",
      note: { vi: "mã lĩnh vực HĐND dùng, so khớp đúng từng ký tự", en: "the field code the council uses, compared exactly" },
      example: "ngan-sach"
    }),
    col({
      field: "submittedOn",
      en: "submittedOn",
      vi: "Ngày trình",
      type: "date",
      note: { vi: "ngày văn bản được trình (thường trước kỳ họp)", en: "the day it was submitted (usually before the session)" },
      required: true,
      example: "05/07/2023",
      aliases: ["Ngày văn bản", "submitted on"]
    }),
    idRef({
      field: "resolution",
      en: "resolution",
      vi: "Nghị quyết",
      ref: "resolutions",
      note: { vi: "mã nghị quyết được thông qua từ văn bản này", en: "the id of the resolution adopted on it" },
      example: "sl.nq-15-2023",
      aliases: ["Nghị quyết ban hành", "Mã nghị quyết"]
    }),
    col({
      field: "title",
      en: "title",
      vi: "Trích yếu",
      type: "text",
      note: { vi: "tên, trích yếu văn bản", en: "the title" },
      required: true,
      example: "Tờ trình về dự thảo Nghị quyết quy định mức chi hỗ trợ …",
      aliases: ["Tên văn bản", "Tên", "Nội dung"]
    })
  ])
}
