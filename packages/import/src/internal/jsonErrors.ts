/**
 * The line of a `JSON.parse` error inside a text that starts on `line`, and its message.
 */
export const parseFailure = (text: string, line: number, cause: unknown): { readonly line: number; readonly detail: string } => {
  const detail = cause instanceof Error ? cause.message : String(cause)
  const m = /at position (\d+)/.exec(detail)
  if (m === null) return { line, detail }
  const at = Number(m[1])
  let extra = 0
  for (let i = 0; i < at && i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) extra++
  }
  return { line: line + extra, detail }
}
