/** Whether a string is plain ASCII (and so already NFC). A loop: a regular expression test allocates on sliced strings. */
const isAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false
  return true
}

/**
 * The one normalisation every reader applies to a value: byte order marks (U+FEFF) removed, and
 * Unicode NFC (skipped for plain ASCII, which is always NFC).
 */
export const clean = (s: string): string => {
  const t = s.includes("\uFEFF") ? s.replaceAll("\uFEFF", "") : s
  return isAscii(t) ? t : t.normalize("NFC")
}
