/**
 * What can be wrong with one part of an XLSX package, said in Vietnamese and English; the reader puts
 * it inside its `xlsx.unreadable` message.
 */
export class XlsxPartError extends Error {
  readonly vi: string
  readonly en: string
  constructor(
    readonly part: string,
    readonly reason: "unreadable" | "damaged" | "xml" | "invalid",
    readonly detail?: string
  ) {
    const [vi, en] =
      reason === "unreadable"
        ? [`phần ${part} của bảng tính bị thiếu hoặc không đọc được`, `the part ${part} is missing or cannot be read`]
        : reason === "damaged"
          ? [`phần ${part} của bảng tính bị hỏng (tổng kiểm tra CRC không khớp)`, `the part ${part} is damaged (its CRC-32 checksum does not match)`]
          : reason === "xml"
            ? [`phần ${part} của bảng tính không phải XML hợp lệ: ${detail ?? ""}`, `the part ${part} is not well-formed XML: ${detail ?? ""}`]
            : [`phần ${part} của bảng tính có nội dung sai: ${detail ?? ""}`, `the part ${part} has invalid content: ${detail ?? ""}`]
    super(en)
    this.name = "XlsxPartError"
    this.vi = vi
    this.en = en
  }
}
