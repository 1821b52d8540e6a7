/**
 * The width of a line of text in Times New Roman, from the font's advance widths (thousandths of an
 * em, as in the Adobe metrics of Times-Roman, which Liberation Serif and Nimbus Roman share), so a
 * chart is laid out the same on every machine without a canvas. A Vietnamese letter is as wide as
 * its base letter (ơ and ư a little wider, for the horn); anything outside Latin counts as one em.
 *
 * @since 0.1.0
 */

const ASCII =
  // space ! " # $ % & ' ( ) * + , - . / 0-9 : ; < = > ? @
  [250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921]
    // A-Z
    .concat([722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611])
    // [ \ ] ^ _ `
    .concat([333, 278, 333, 469, 500, 333])
    // a-z
    .concat([444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444])
    // { | } ~
    .concat([480, 200, 480, 541])

const OTHER: Readonly<Record<string, number>> = {
  "đ": 500, "Đ": 722, "ơ": 560, "Ơ": 780, "ư": 560, "Ư": 780, "–": 500, "—": 1000, "…": 1000, "“": 444, "”": 444, "‘": 333, "’": 333, "\u00a0": 250
}

const advance = (ch: string): number => {
  const code = ch.charCodeAt(0)
  if (code >= 32 && code < 127) return ASCII[code - 32]!
  const known = OTHER[ch]
  if (known !== undefined) return known
  const base = ch.normalize("NFD")
  if (base.length > 1 && base !== ch) {
    // A letter with combining marks (ắ, ệ, ỗ…): the width of its base letter.
    const first = base[0]!
    if (base.includes("\u031B")) return first === first.toUpperCase() ? 780 : 560
    return OTHER[first] ?? (first.charCodeAt(0) < 127 ? advance(first) : 1000)
  }
  return 1000
}

const cache = new Map<string, number>()

/**
 * The width in pixels of `text` at `fontSize` pixels (bold text is about 5% wider).
 *
 * @since 0.1.0
 * @category charts
 */
export const textWidth = (text: string, fontSize: number, bold = false): number => {
  let em = cache.get(text)
  if (em === undefined) {
    em = 0
    for (const ch of text.normalize("NFC")) {
      // Combining marks left over after NFC take no room.
      em += /\p{M}/u.test(ch) ? 0 : advance(ch)
    }
    if (cache.size > 10_000) cache.clear()
    cache.set(text, em)
  }
  return (em / 1000) * fontSize * (bold ? 1.05 : 1)
}
