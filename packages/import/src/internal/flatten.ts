/**
 * Turns a JSON object into cells: nested objects become dotted key paths (`date.from`), arrays of
 * plain values become one cell with the values separated by "; ", and plain values become text.
 */
import type { Cell } from "../SourceRow.js"
import { clean } from "./text.js"

const scalar = (v: unknown): string | undefined =>
  v === null || v === undefined
    ? ""
    : typeof v === "string"
      ? clean(v)
      : typeof v === "number" || typeof v === "boolean"
        ? String(v)
        : undefined

/** The cells of a JSON object, in key order. */
export const flatten = (value: Readonly<Record<string, unknown>>): Array<Cell> => {
  const out: Array<Cell> = []
  const walk = (obj: Readonly<Record<string, unknown>>, prefix: string): void => {
    for (const [k, v] of Object.entries(obj)) {
      const path = clean(prefix === "" ? k : `${prefix}.${k}`)
      const s = scalar(v)
      if (s !== undefined) out.push({ column: path, header: path, value: s })
      else if (Array.isArray(v)) {
        const parts = v.map(scalar)
        out.push({
          column: path,
          header: path,
          value: parts.every((p) => p !== undefined) ? parts.join("; ") : clean(JSON.stringify(v))
        })
      } else walk(v as Record<string, unknown>, path)
    }
  }
  walk(value, "")
  return out
}
