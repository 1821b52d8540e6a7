/** The XML error of a part; `detail` is "line:column", "encoding" for bytes that are not valid text, or empty. */
const xmlWords = (part: string, detail: string | undefined): [string, string] => {
  if (detail === "encoding") {
    return [`phần ${part} của bảng tính có ký tự sai mã hoá, không phải XML hợp lệ`, `the part ${part} is not well-formed XML: it has wrongly encoded characters`]
  }
  const [line, column] = (detail ?? "").split(":")
  return line === undefined || line === "" || column === undefined
    ? [`phần ${part} của bảng tính không phải XML hợp lệ`, `the part ${part} is not well-formed XML`]
    : [`phần ${part} của bảng tính không phải XML hợp lệ (dòng ${line}, cột ${column})`, `the part ${part} is not well-formed XML (line ${line}, column ${column})`]
}

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
            ? xmlWords(part, detail)
            : [`phần ${part} của bảng tính có nội dung sai: ${detail ?? ""}`, `the part ${part} has invalid content: ${detail ?? ""}`]
    super(en)
    this.name = "XlsxPartError"
    this.vi = vi
    this.en = en
  }
}

/** The limits of one read (see `Xlsx.XlsxLimits`). */
export interface Limits {
  readonly maxInflatedBytes: number
  readonly maxRows: number
  readonly maxCells: number
  readonly maxCellLength: number
}

const MiB = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`

/** A workbook that goes past one of the reader's limits: too much to inflate, too many rows or cells, or a cell too long. */
export class XlsxLimitError extends Error {
  readonly vi: string
  readonly en: string
  constructor(
    readonly limit: keyof Limits,
    readonly max: number,
    readonly part: string,
    readonly row?: number,
    readonly column?: string
  ) {
    const [vi, en] =
      limit === "maxInflatedBytes"
        ? [
            `bảng tính giải nén ra hơn ${MiB(max)} (phần ${part}), vượt giới hạn ${MiB(max)}; có thể tệp bị hỏng hoặc là "bom nén". Nếu dữ liệu thật lớn như vậy, hãy chia thành nhiều tệp hoặc lưu thành CSV`,
            `the workbook inflates to more than ${MiB(max)} (part ${part}), over the limit of ${MiB(max)}; the file may be damaged or a "zip bomb". If the data really is that large, split it into several files or save it as CSV`
          ]
        : limit === "maxRows"
          ? [`trang tính có hơn ${max} dòng, vượt giới hạn; hãy chia thành nhiều tệp hoặc lưu thành CSV`, `the worksheet has more than ${max} rows, over the limit; split it into several files or save it as CSV`]
          : limit === "maxCells"
            ? [`trang tính có hơn ${max} ô, vượt giới hạn; hãy xoá các cột, dòng thừa, chia thành nhiều tệp hoặc lưu thành CSV`, `the worksheet has more than ${max} cells, over the limit; delete unused columns and rows, split it into several files or save it as CSV`]
            : [`ô ${column ?? ""}${row ?? ""} dài hơn ${max} ký tự (giới hạn của Excel); hãy rút ngắn nội dung ô`, `cell ${column ?? ""}${row ?? ""} is longer than ${max} characters (Excel's own limit); shorten it`]
    super(en)
    this.name = "XlsxLimitError"
    this.vi = vi
    this.en = en
  }
}
