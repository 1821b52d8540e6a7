/**
 * The one normalisation every reader applies to a value: byte order marks (U+FEFF) removed, and
 * Unicode NFC (skipped for plain ASCII, which is always NFC).
 */
export const clean = (s: string): string => {
  const t = s.includes("\uFEFF") ? s.replaceAll("\uFEFF", "") : s
  return /[^\x00-\x7f]/.test(t) ? t.normalize("NFC") : t
}
