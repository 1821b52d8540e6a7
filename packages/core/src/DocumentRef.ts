/**
 * Document numbers and symbols ("85/BC-HĐND", "05/2025/NQ-HĐND", "06/QC-TT.HĐND-UBND"), one pattern
 * shared by validation and parsing (HDND-DOMAIN.md §7.1).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { withMessage } from "./internal/checks.js"
import { Text } from "./Text.js"

/**
 * The pattern of a document number and symbol: number, optional year, type, issuer.
 *
 * @since 0.1.0
 * @category data
 */
export const DOCUMENT_REF_PATTERN = /^(\d+)\/(?:(\d{4})\/)?([A-ZĐ][A-Za-zĐđ]*)-([A-ZĐ][A-Za-zĐđ0-9.-]*)$/u

/**
 * A document number and symbol, as written on the document.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DocumentRef = Text.check(
  withMessage(Schema.isPattern(DOCUMENT_REF_PATTERN), (actual) =>
    `số, ký hiệu văn bản ${JSON.stringify(actual)} không đúng dạng "85/BC-HĐND" / document reference ${JSON.stringify(actual)} is not like "85/BC-HĐND"`)
).annotate({ identifier: "DocumentRef" })
