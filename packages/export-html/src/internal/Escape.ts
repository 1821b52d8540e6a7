/**
 * HTML escaping. Every text of a report (titles, cells, labels, the alt text of a chart) reaches the
 * page through {@link escapeHtml}, in element content and in attribute values alike.
 *
 * @since 0.1.0
 */

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }
const SPECIAL = /[&<>"']/
const SPECIAL_ALL = /[&<>"']/g
/** NUL, which an HTML parser drops or replaces anyway: written as the replacement character. */
const NUL = /\0/g

/**
 * A text made safe for HTML element content and for a quoted attribute value: `&`, `<`, `>`, `"` and
 * `'` become character references, NUL becomes U+FFFD. Everything else (Vietnamese letters, emoji) is
 * written as is, in UTF-8.
 *
 * @since 0.1.0
 * @category escaping
 */
export const escapeHtml = (text: string): string => {
  const clean = text.includes("\0") ? text.replace(NUL, "\uFFFD") : text
  return SPECIAL.test(clean) ? clean.replace(SPECIAL_ALL, (c) => ENTITIES[c]!) : clean
}
