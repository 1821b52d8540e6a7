/**
 * Where a \`JSON.parse\` error is inside a text that starts on \`line\`, and what it is, in Vietnamese and
 * English: the runtime's own message is technical and English, so it is only read, never shown.
 */
const KINDS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/Unterminated string/i, "chuỗi thiếu dấu nháy kép đóng", "a string has no closing double quote"],
  [/property name/i, "tên khoá phải nằm trong dấu nháy kép", "a key must be in double quotes"],
  [/Expected ',' or '\}'/i, "thiếu dấu phẩy hoặc dấu }", "a comma or } is missing"],
  [/Expected ',' or '\]'/i, "thiếu dấu phẩy hoặc dấu ]", "a comma or ] is missing"],
  [/Expected ':'/i, "thiếu dấu hai chấm sau tên khoá", "a colon after a key is missing"],
  [/Unexpected end/i, "bản ghi kết thúc giữa chừng", "the record ends too early"],
  [/control character/i, "chuỗi có ký tự điều khiển (như xuống dòng) chưa được viết dạng \\n", "a string holds a control character (such as a line break) not written as \\n"],
  [/escaped character|escape/i, "chuỗi có dấu \\ sai", "a string has a wrong \\ escape"],
  [/non-whitespace|after JSON/i, "có nội dung thừa sau bản ghi", "there is more text after the record"]
]

export const parseFailure = (
  text: string,
  line: number,
  cause: unknown
): { readonly line: number; readonly vi: string; readonly en: string } => {
  const message = cause instanceof Error ? cause.message : String(cause)
  const kind = KINDS.find(([re]) => re.test(message))
  const [vi, en] = kind === undefined ? ["sai cú pháp", "a syntax error"] : [kind[1], kind[2]]
  const m = /at position (\d+)/.exec(message)
  if (m === null) return { line, vi, en }
  const at = Number(m[1])
  let extra = 0
  let column = 1
  for (let i = 0; i < at && i < text.length; i++) {
    const c = text.charCodeAt(i)
    column++
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      extra++
      column = 1
    }
  }
  return { line: line + extra, vi: `${vi}, ở cột ${column}`, en: `${en}, at column ${column}` }
}
