/**
 * Report documents for exporter tests: an arbitrary of documents with Vietnamese and hostile text,
 * and fixed documents at the edges (empty, huge numbers, long names, a 10,000-row table, a full
 * official report with every kind of block).
 *
 * @since 0.1.0
 */
import { CalendarDate, Format, ReportDocument } from "@hdnd/core"
import fc from "fast-check"

type Doc = ReportDocument.ReportDocument
type Block = ReportDocument.DocBlock
type Cell = ReportDocument.DocCell
type Table = ReportDocument.DocTable

const WORDS = [
  "Hội đồng nhân dân", "Ban Pháp chế", "Ban Kinh tế - Ngân sách", "Ban Văn hóa – Xã hội", "Ban Dân tộc", "thẩm tra",
  "giám sát", "khảo sát", "tham mưu", "kỳ họp thứ 7", "Thường trực HĐND", "Đắk Lắk", "Thừa Thiên Huế", "Bà Rịa – Vũng Tàu",
  "nghị quyết", "báo cáo", "tờ trình", "kiến nghị", "cử tri", "Quỳnh Nhai", "Mường La", "Sốp Cộp", "ưu tiên", "Ỷ Lan",
  "“trích dẫn”", "(tạm tính)", "50%", "A&B", "<b>đậm</b>", "<script>alert(1)</script>", "\"ngoặc kép\"", "'nháy đơn'",
  "=SUM(A1:A9)", "+84", "-1", "@cmd", "#1", "a|b", "x;y", "dấu, phẩy", "${expr}", "{{placeholder}}", "\\", "*", "_", "`code`", "🇻🇳"
]

/**
 * A non-empty text made of Vietnamese words and characters that formats treat specially (markup,
 * quotes, separators, formula triggers), single-spaced, NFC.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const textArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 })
  .map((ws) => ws.join(" ").normalize("NFC"))

const numberArb = fc.oneof(fc.nat({ max: 200 }), fc.nat({ max: 2_000_000 }), fc.constantFrom(0, 1, 9, 10, 1044, 9_007_199_254_740_991))

/**
 * A figure cell: the number and its Vietnamese text ("1.044").
 *
 * @since 0.1.0
 * @category constructors
 */
export const numberCell = (n: number): Cell => ({ text: Format.formatNumber(n), value: n })

const tableArb: fc.Arbitrary<Table> = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    _tag: fc.constant("Table" as const),
    title: textArb,
    columns: fc.array(textArb, { minLength: width + 1, maxLength: width + 1 }),
    rows: fc.array(fc.tuple(textArb, fc.array(numberArb, { minLength: width, maxLength: width })).map(([label, ns]) => [{ text: label }, ...ns.map(numberCell)]), {
      maxLength: 12
    }),
    total: fc.option(fc.array(numberArb, { minLength: width, maxLength: width }).map((ns) => [{ text: "Tổng cộng" }, ...ns.map(numberCell)]), { nil: undefined })
  }).map((t) => (t.total === undefined ? { _tag: t._tag, title: t.title, columns: t.columns, rows: t.rows } : t))
)

const blockArb: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ _tag: fc.constant("Heading" as const), level: fc.constantFrom(1 as const, 2 as const, 3 as const), text: textArb }),
  fc.record({ _tag: fc.constant("Paragraph" as const), text: textArb }),
  tableArb,
  fc.record({
    _tag: fc.constant("Chart" as const),
    title: textArb,
    chart: fc.constantFrom("bar" as const, "line" as const),
    series: fc.uniqueArray(fc.record({ label: textArb, value: fc.nat({ max: 5000 }) }), { selector: (s) => s.label, maxLength: 12 })
  }).map((c) => ({ ...c, alt: `${c.title}: ${c.series.map((s) => `${s.label} ${Format.formatNumber(s.value)}`).join("; ")}` }))
)

const headerArb: fc.Arbitrary<ReportDocument.DocHeader> = fc.record({
  issuingBody: fc.constantFrom(["HỘI ĐỒNG NHÂN DÂN", "TỈNH SƠN LA"], ["HĐND TỈNH ĐẮK LẮK", "BAN PHÁP CHẾ"], ["HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]),
  number: fc.integer({ min: 1, max: 999 }).map((n) => Format.formatDocumentNumber(n, "BC", "HĐND")),
  place: fc.constantFrom("Sơn La", "Đắk Lắk", "Hà Nội"),
  date: fc.integer({ min: 19_000, max: 20_500 }).map(CalendarDate.fromDayNumber),
  recipients: fc.array(textArb, { maxLength: 5 }),
  signatureTitle: fc.constantFrom(["TM. THƯỜNG TRỰC HĐND", "PHÓ CHỦ TỊCH"], ["TRƯỞNG BAN"]),
  signatory: fc.option(fc.constantFrom("Nguyễn Văn Ấn", "Lò Thị Mai", "Cầm Ngọc Đức"), { nil: undefined })
}).map((h) => (h.signatory === undefined ? { ...h, signatory: undefined } : h)).map(({ signatory, ...rest }) => (signatory === undefined ? rest : { ...rest, signatory }))

const PERIOD = CalendarDate.period("2022-08-01", "2023-08-31")

/**
 * Arbitrary report documents: a title, an optional official header, up to four sections of headings,
 * paragraphs, tables and charts, the figures quoted in paragraphs and sometimes an appendix. Every
 * document decodes with the `ReportDocument` schema.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const documentArb: fc.Arbitrary<Doc> = fc
  .record({
    title: textArb,
    header: fc.option(headerArb, { nil: undefined }),
    sections: fc.array(fc.record({ heading: fc.option(textArb, { nil: undefined }), blocks: fc.array(blockArb, { maxLength: 5 }) }), { maxLength: 4 }),
    appendices: fc.option(fc.array(tableArb, { minLength: 1, maxLength: 2 }), { nil: undefined })
  })
  .map(({ appendices, header, sections, title }) => {
    const figures = sections
      .flatMap((s) => s.blocks)
      .filter((b): b is Extract<Block, { _tag: "Paragraph" }> => b._tag === "Paragraph")
      .slice(0, 3)
      .map((p, i) => ({ placeholder: `count core/x${i}`, indicator: "core/review.content", where: {}, value: i, text: p.text }))
    return {
      formatVersion: ReportDocument.DOCUMENT_FORMAT_VERSION,
      template: "testkit/generated",
      title,
      period: PERIOD,
      ...(header === undefined ? {} : { header }),
      sections: sections.map((s) => (s.heading === undefined ? { blocks: s.blocks } : { heading: s.heading, blocks: s.blocks })),
      figures,
      ...(appendices === undefined ? {} : { appendices })
    } satisfies Doc
  })

const base = (title: string, sections: Doc["sections"], extra: Partial<Doc> = {}): Doc => ({
  formatVersion: ReportDocument.DOCUMENT_FORMAT_VERSION,
  template: "testkit/fixed",
  title,
  period: PERIOD,
  sections,
  figures: [],
  ...extra
})

/**
 * A document with no sections at all.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const emptyDocument: Doc = base("Báo cáo không có nội dung", [])

/**
 * A document whose tables have no rows and whose chart has no values (an empty tabulation).
 *
 * @since 0.1.0
 * @category fixtures
 */
export const emptyTablesDocument: Doc = base("Báo cáo chưa có số liệu", [
  {
    heading: "I. Số liệu",
    blocks: [
      { _tag: "Table", title: "Bảng trống", columns: ["Cơ quan", "Số lượng"], rows: [], total: [{ text: "Tổng cộng" }, numberCell(0)] },
      { _tag: "Table", title: "Bảng trống không có dòng tổng", columns: ["Cơ quan"], rows: [] },
      { _tag: "Chart", title: "Biểu đồ trống", chart: "bar", alt: "Biểu đồ trống: không có số liệu", series: [] },
      { _tag: "Chart", title: "Đường trống", chart: "line", alt: "Đường trống: không có số liệu", series: [] }
    ]
  }
])

/**
 * Numbers at the edges of what JavaScript holds exactly: 0, 2^53 − 1, 10^15 and a decimal.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const LARGE_NUMBERS: ReadonlyArray<number> = [0, 9_007_199_254_740_991, 1_000_000_000_000_000, 1_234_567.5]

/**
 * A document with very large numbers in a table, a chart and the total.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const largeNumbersDocument: Doc = base("Số liệu rất lớn", [
  {
    blocks: [
      {
        _tag: "Table",
        title: "Số lớn",
        columns: ["Chỉ tiêu", "Giá trị"],
        rows: LARGE_NUMBERS.map((n, i) => [{ text: `Chỉ tiêu ${i + 1}` }, numberCell(n)]),
        total: [{ text: "Tổng cộng" }, numberCell(LARGE_NUMBERS.reduce((a, b) => a + b, 0))]
      },
      { _tag: "Chart", title: "Số lớn", chart: "bar", alt: "Số lớn", series: LARGE_NUMBERS.map((n, i) => ({ label: `Chỉ tiêu ${i + 1}`, value: n })) }
    ]
  }
])

/**
 * A name of `length` characters (Vietnamese, no spaces for the first 200 so it cannot wrap at a space).
 *
 * @since 0.1.0
 * @category fixtures
 */
export const longName = (length: number): string => {
  const unit = "Hội đồng nhân dân tỉnh Bà Rịa – Vũng Tàu khóa VII, nhiệm kỳ 2021 - 2026; "
  const head = "Ủyban".repeat(40)
  return (head + unit.repeat(Math.ceil(length / unit.length))).slice(0, length).trimEnd()
}

/**
 * A document whose title, headings, column headers, cells and chart labels are very long.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const longNamesDocument: Doc = base(longName(600), [
  {
    heading: longName(300),
    blocks: [
      { _tag: "Paragraph", text: longName(5000) },
      { _tag: "Table", title: longName(400), columns: [longName(250), longName(120)], rows: [[{ text: longName(2000) }, numberCell(7)]] },
      { _tag: "Chart", title: longName(200), chart: "bar", alt: longName(200), series: [{ label: longName(300), value: 3 }, { label: "Ban Pháp chế", value: 5 }] }
    ]
  }
])

/**
 * A document with one table of `rows` rows (default 10,000) and a total, as a large drill-down would be.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const bigTableDocument = (rows = 10_000): Doc =>
  base(`Bảng ${Format.formatNumber(rows)} dòng`, [
    {
      heading: "I. Danh sách",
      blocks: [
        {
          _tag: "Table",
          title: "Hoạt động",
          columns: ["Hoạt động", "Cơ quan", "Thẩm tra", "Giám sát"],
          rows: Array.from({ length: rows }, (_, i) => [
            { text: `Hoạt động số ${i + 1}: thẩm tra dự thảo nghị quyết` },
            { text: ["Ban Pháp chế", "Ban Kinh tế - Ngân sách", "Ban Văn hóa – Xã hội", "Ban Dân tộc"][i % 4]! },
            numberCell(i % 7),
            numberCell((i * 31) % 1000)
          ]),
          total: [
            { text: "Tổng cộng" },
            { text: "" },
            numberCell(Array.from({ length: rows }, (_, i) => i % 7).reduce((a, b) => a + b, 0)),
            numberCell(Array.from({ length: rows }, (_, i) => (i * 31) % 1000).reduce((a, b) => a + b, 0))
          ]
        }
      ]
    }
  ])

/**
 * Vietnamese text that must come back exactly: every tone mark on every vowel, đ/Đ, upper and lower
 * case, precomposed (NFC) letters that a careless encoder decomposes.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const VIETNAMESE = [
  "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ",
  "AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ Đ",
  "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập - Tự do - Hạnh phúc",
  "Hội đồng nhân dân tỉnh Sơn La; Ban Văn hóa – Xã hội; huyện Sốp Cộp; xã Chiềng Khương"
] as const

/**
 * A full official report: header (issuing body, number, place and date, recipients, signature),
 * headings of every level, Vietnamese paragraphs, a table with a total, a bar and a line chart, and
 * an appendix.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const officialDocument: Doc = base(
  "Báo cáo kết quả hoạt động của các ban HĐND tỉnh từ tháng 8/2022 đến tháng 8/2023",
  [
    {
      heading: "I. Kết quả hoạt động",
      blocks: [
        { _tag: "Paragraph", text: `${VIETNAMESE[0]}. ${VIETNAMESE[1]}.` },
        { _tag: "Heading", level: 2, text: "1. Công tác thẩm tra" },
        { _tag: "Paragraph", text: "Các ban của HĐND tỉnh đã tổ chức thẩm tra 117 dự thảo nghị quyết và 47 báo cáo, trình 8 kỳ họp của HĐND tỉnh." },
        { _tag: "Heading", level: 3, text: "a) Thẩm tra dự thảo nghị quyết" },
        { _tag: "Paragraph", text: VIETNAMESE[3] }
      ]
    },
    {
      heading: "II. Số liệu tổng hợp",
      blocks: [
        {
          _tag: "Table",
          title: "Kết quả hoạt động của các ban HĐND",
          columns: ["Cấp", "Nội dung thẩm tra", "KS, GS chuyên đề"],
          rows: [
            [{ text: "Cấp tỉnh" }, numberCell(164), numberCell(26)],
            [{ text: "Cấp huyện" }, numberCell(1044), numberCell(98)]
          ],
          total: [{ text: "Tổng cộng" }, numberCell(1208), numberCell(124)]
        },
        {
          _tag: "Chart",
          title: "Nội dung thẩm tra theo ban",
          chart: "bar",
          alt: "Nội dung thẩm tra theo ban: Ban Pháp chế 40; Ban Kinh tế - Ngân sách 52; Ban Văn hóa – Xã hội 31; Ban Dân tộc 41",
          series: [
            { label: "Ban Pháp chế", value: 40 },
            { label: "Ban Kinh tế - Ngân sách", value: 52 },
            { label: "Ban Văn hóa – Xã hội", value: 31 },
            { label: "Ban Dân tộc", value: 41 }
          ]
        },
        {
          _tag: "Chart",
          title: "Hoạt động theo tháng",
          chart: "line",
          alt: "Hoạt động theo tháng: tháng 8/2022 12; tháng 9/2022 30; tháng 10/2022 21",
          series: [
            { label: "tháng 8/2022", value: 12 },
            { label: "tháng 9/2022", value: 30 },
            { label: "tháng 10/2022", value: 21 }
          ]
        }
      ]
    },
    { heading: "III. Phương hướng nhiệm vụ năm 2024", blocks: [{ _tag: "Paragraph", text: VIETNAMESE[2] }] }
  ],
  {
    header: {
      issuingBody: ["HỘI ĐỒNG NHÂN DÂN", "TỈNH SƠN LA"],
      number: "Số: 85/BC-HĐND",
      place: "Sơn La",
      date: CalendarDate.date("2023-10-04"),
      recipients: ["Thường trực Tỉnh ủy (b/c)", "Thường trực HĐND tỉnh", "Các ban của HĐND tỉnh", "Lưu: VT."],
      signatureTitle: ["TM. THƯỜNG TRỰC HĐND", "PHÓ CHỦ TỊCH"],
      signatory: "Lò Văn Mừng"
    },
    figures: [{ placeholder: "count core/review.draft-resolution level=province", indicator: "core/review.draft-resolution", where: { level: ["province"] }, value: 117, text: "117 dự thảo nghị quyết" }],
    appendices: [
      {
        _tag: "Table",
        title: "Phụ lục: hồ sơ chi tiết của từng số liệu",
        columns: ["Chỉ tiêu", "Nhóm", "Mã hồ sơ", "Ngày", "Loại", "Nội dung", "Số lượng"],
        rows: [[{ text: "Thẩm tra dự thảo nghị quyết" }, { text: "Cấp tỉnh" }, { text: "a-001" }, { text: "5/7/2023" }, { text: "Thẩm tra" }, { text: "Dự thảo nghị quyết về giá đất" }, numberCell(1)]]
      }
    ]
  }
)
